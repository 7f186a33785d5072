/* utf8.c - strict UTF-8 decoding; display width, grapheme clusters and NFC from utf8proc,
 * without the C locale. Every function is linear in its input. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "lede/utf8.h"

/* True when byte b is in [lo, hi]. */
static bool in_range(unsigned char b, unsigned char lo, unsigned char hi)
{
    return (unsigned char)(b - lo) <= hi - lo;
}

/* Returns the length of the valid sequence at p[0..len), whose lead byte p[0] is not
 * ASCII, or 0 when it is not valid UTF-8. The second byte's range is what rules out
 * overlong forms, UTF-16 surrogates and code points past U+10FFFF (Unicode table 3-7). */
static inline size_t valid_seq(const unsigned char *p, size_t len)
{
    unsigned char c = p[0];

    if (!in_range(c, 0xC2, 0xF4))
        return 0; /* a continuation byte, C0, C1 or F5..FF */
    if (c < 0xE0)
        return len >= 2 && in_range(p[1], 0x80, 0xBF) ? 2 : 0;
    if (c < 0xF0)
        return len >= 3 && in_range(p[1], c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF) &&
                       in_range(p[2], 0x80, 0xBF)
                   ? 3
                   : 0;
    return len >= 4 && in_range(p[1], c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF) &&
                   in_range(p[2], 0x80, 0xBF) && in_range(p[3], 0x80, 0xBF)
               ? 4
               : 0;
}

uint32_t lede_utf8_decode(const char *s, size_t len, size_t *adv)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n;

    *adv = len > 0 ? 1 : 0;
    if (len == 0)
        return LEDE_UTF8_REPLACEMENT;
    if (p[0] < 0x80)
        return p[0];
    n = valid_seq(p, len);
    if (n == 0)
        return LEDE_UTF8_REPLACEMENT;
    *adv = n;
    if (n == 2)
        return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3Fu);
    if (n == 3)
        return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3Fu);
    return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 |
           (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3Fu);
}

/* True when the 8 bytes at s are all ASCII. */
static bool ascii8(const char *s)
{
    uint64_t x;

    memcpy(&x, s, sizeof x);
    return (x & 0x8080808080808080u) == 0;
}

/* True when the 16 bytes at s are all ASCII. */
static bool ascii16(const char *s)
{
    uint64_t x, y;

    memcpy(&x, s, sizeof x);
    memcpy(&y, s + 8, sizeof y);
    return ((x | y) & 0x8080808080808080u) == 0;
}

/* Returns the offset of the first non-ASCII byte of s[i, len), or len. Most text is
 * ASCII: it is skipped 16 and 8 bytes at a time, and fewer than 8 bytes at the end at once
 * when the last 8 bytes are ASCII. */
static size_t skip_ascii(const char *s, size_t i, size_t len)
{
    while (i + 16 <= len && ascii16(s + i))
        i += 16;
    if (i + 8 <= len && ascii8(s + i))
        i += 8;
    if (i + 8 > len && len >= 8 && ascii8(s + len - 8))
        return len;
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    return i;
}

size_t lede_utf8_measure(const char *s, size_t len, size_t *invalid)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t bad = 0, conts = 0, i = 0, n;

    while ((i = skip_ascii(s, i, len)) < len) {
        n = valid_seq(p + i, len - i);
        if (n > 0) {
            conts += n - 1;
            i += n;
            continue;
        }
        /* An invalid byte is consumed alone, as lede_utf8_decode() does. */
        bad++;
        conts += (p[i] & 0xC0) == 0x80;
        i++;
    }
    *invalid = bad;
    return len - conts;
}

size_t lede_utf8_invalid_count(const char *s, size_t len)
{
    size_t bad;

    (void)lede_utf8_measure(s, len, &bad);
    return bad;
}

int lede_utf8_width(uint32_t cp)
{
    if (cp < 0x300)
        return 1; /* ASCII, controls (shown as a replacement) and Latin-1 */
    if (cp > 0x10FFFF)
        return 1;
    /* Unicode's East Asian Width gives the ideographic planes 2 and 3 "wide" whole,
     * unassigned code points too; utf8proc's table lists only assigned ones. */
    if (cp >= 0x20000 && cp <= 0x3FFFD)
        return 2;
    /* utf8proc's widths follow Unicode's East Asian Width and emoji data; a character it
     * does not know (unassigned) takes one column, as a terminal draws it. */
    return utf8proc_charwidth((utf8proc_int32_t)cp);
}

/* Regional indicators: two of them make a flag. */
static bool is_regional(uint32_t cp)
{
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

size_t lede_utf8_cluster(const char *s, size_t len, int *cols)
{
    size_t i, adv;
    utf8proc_int32_t state = 0;
    uint32_t first = lede_utf8_decode(s, len, &adv), prev = first;

    *cols = 1;
    if (len == 0)
        return 0;
    if (first == LEDE_UTF8_REPLACEMENT && adv == 1)
        return 1; /* an invalid byte is a cluster of its own */
    *cols = lede_utf8_is_control(first) ? 1 : lede_utf8_width(first);
    for (i = adv; i < len; i += adv) {
        /* Most text is ASCII, and nothing joins an ASCII character but a few marks that
         * are not ASCII, save "\r\n". */
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        if (c < 0x80 && !(c == '\n' && prev == '\r'))
            break;
        cp = lede_utf8_decode(s + i, len - i, &adv);
        if ((cp == LEDE_UTF8_REPLACEMENT && adv == 1) ||
            utf8proc_grapheme_break_stateful((utf8proc_int32_t)prev, (utf8proc_int32_t)cp, &state))
            break;
        /* An emoji presentation selector makes a narrow symbol two columns wide, but not
         * an ASCII one (a keycap "1" U+FE0F U+20E3 is one column, as the C library's
         * wcwidth() and layout.c's ASCII fast path count it); a flag is two columns
         * however wide its letters are taken to be. */
        if ((cp == 0xFE0F && first >= 0x80) || (is_regional(first) && is_regional(cp)))
            *cols = 2;
        prev = cp;
    }
    return i;
}

size_t lede_utf8_cluster_start(const char *s, size_t len, size_t at)
{
    size_t i = 0, start = 0;
    int cols;

    while (i < len && i < at) {
        start = i;
        i += lede_utf8_cluster(s + i, len - i, &cols);
    }
    return i == at ? at : start;
}

/* Characters that are each their own NFC and are never the second of a canonical
 * composition, so that a text made of them alone is in NFC: everything below U+0300
 * (ASCII, Latin-1, Latin Extended-A and -B, IPA, spacing modifiers: before the
 * combining marks) and the dashes, quotes and ellipsis U+2010..U+2027 (past the spaces
 * U+2000/U+2001, which decompose). check_utf8 tests every one against utf8proc. */
#define NFC_SAFE_END 0x300
#define NFC_SAFE_PUNCT_FIRST 0x2010
#define NFC_SAFE_PUNCT_LAST 0x2027

bool lede_utf8_is_nfc_quick(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t adv;
        uint32_t cp = lede_utf8_decode(s + i, len - i, &adv);
        if (cp == LEDE_UTF8_REPLACEMENT ||
            (cp >= NFC_SAFE_END && (cp < NFC_SAFE_PUNCT_FIRST || cp > NFC_SAFE_PUNCT_LAST)))
            return false;
        i += adv;
    }
    return true;
}

lede_status lede_utf8_nfc(const char *s, size_t len, char **out, size_t *out_len)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = UTF8PROC_ERROR_INVALIDUTF8; /* "copy as it is" */
    size_t i = 0;

    *out = NULL;
    *out_len = 0;
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    /* ASCII is its own NFC; so, for want of better, is invalid UTF-8. The quick test
     * spares utf8proc (a few thousand instructions a call) for most names. */
    if (i < len && len <= SIZE_MAX / 8 && /* utf8proc holds 4 bytes per character */
        !lede_utf8_is_nfc_quick(s + i, len - i))
        n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                         UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n == UTF8PROC_ERROR_NOMEM)
        return LEDE_ERR_NOMEM;
    if (n < 0) {
        nfc = malloc(len + 1);
        if (!nfc)
            return LEDE_ERR_NOMEM;
        memcpy(nfc, s, len);
        nfc[len] = '\0';
        n = (utf8proc_ssize_t)len;
    }
    *out = (char *)nfc;
    *out_len = (size_t)n;
    return LEDE_OK;
}

size_t lede_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;

    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = LEDE_UTF8_REPLACEMENT;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

bool lede_utf8_is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}
