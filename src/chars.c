/* chars.c - character classes for the annotator. */
#include <string.h>
#include "lede/chars.h"
#include "lede/utf8.h"

bool lede_is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x2007 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x3000;
}

bool lede_is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp < 0xC0)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7 || cp == LEDE_UTF8_REPLACEMENT)
        return false;
    /* Punctuation and symbol blocks; everything else above Latin-1 counts as a letter. */
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
        (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0x1F000 && cp <= 0x1FAFF) ||
        (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFFF0 && cp <= 0xFFFF))
        return false;
    return true;
}

/* The number of bytes of an 8-byte word whose top bit is set in mask (a mask of
 * lede_bytes_between): one multiply, where __builtin_popcountll is a library call on
 * x86-64 without -mpopcnt (callgrind: __popcountdi2 was 1.7% of 'lede --json' on a book). */
static size_t count_marked(uint64_t mask)
{
    return (size_t)(((mask >> 7) * 0x0101010101010101ULL) >> 56);
}

bool lede_caps_line(const char *s, size_t a, size_t b)
{
    size_t upper = 0, lower = 0, i = a;
    for (; i + 8 <= b; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        upper += count_marked(lede_bytes_between(x, 'A', 'Z'));
        lower += count_marked(lede_bytes_between(x, 'a', 'z'));
    }
    for (; i < b; i++) {
        upper += s[i] >= 'A' && s[i] <= 'Z';
        lower += s[i] >= 'a' && s[i] <= 'z';
    }
    return upper >= 3 && lower * 10 <= upper;
}

bool lede_is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x137)
        return (cp & 1) == 0;
    if (cp >= 0x139 && cp <= 0x148)
        return (cp & 1) == 1;
    if (cp >= 0x14A && cp <= 0x177)
        return (cp & 1) == 0;
    if (cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D)
        return true;
    if (cp >= 0x180 && cp <= 0x24F) /* Latin Extended-B: mostly pairs, upper first */
        return (cp & 1) == 0 && cp >= 0x1CD;
    if (cp >= 0x391 && cp <= 0x3AB)
        return cp != 0x3A2;
    if (cp >= 0x400 && cp <= 0x42F)
        return true;
    if (cp >= 0x460 && cp <= 0x4FF)
        return (cp & 1) == 0;
    if (cp >= 0x1E00 && cp <= 0x1EFF)
        return (cp & 1) == 0;
    return false;
}

bool lede_is_lower_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    if (cp >= 0xDF && cp <= 0xFF)
        return cp != 0xF7;
    if (cp >= 0x3AC && cp <= 0x3CE)
        return true;
    if (cp >= 0x430 && cp <= 0x45F)
        return true;
    if ((cp >= 0x100 && cp <= 0x24F) || (cp >= 0x460 && cp <= 0x4FF) ||
        (cp >= 0x1E00 && cp <= 0x1EFF))
        return lede_is_word_cp(cp) && !lede_is_upper_cp(cp);
    return false;
}

uint32_t lede_cp_at(const char *s, size_t end, size_t i, size_t *len)
{
    if (i < end && (unsigned char)s[i] < 0x80) {
        *len = 1;
        return (unsigned char)s[i];
    }
    return lede_utf8_decode(s + i, end - i, len);
}

uint32_t lede_cp_before(const char *s, size_t lo, size_t i, size_t *len)
{
    if ((unsigned char)s[i - 1] < 0x80) {
        *len = 1;
        return (unsigned char)s[i - 1];
    }
    /* Walk back over at most three continuation bytes to the lead byte. */
    size_t j = i - 1;
    while (j > lo && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    size_t adv;
    uint32_t cp = lede_utf8_decode(s + j, i - j, &adv);
    if (j + adv != i) {
        *len = 1;
        return LEDE_UTF8_REPLACEMENT;
    }
    *len = adv;
    return cp;
}
