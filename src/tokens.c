/* tokens.c - cut a paragraph into tokens for the tagger. One pass, O(n) in its bytes;
 * each abbreviation asks the lexicon once. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "lede/chars.h"
#include "lede/grow.h"
#include "lede/tokens.h"

#define TOKEN_MAX 65535u    /* a token's length fits its uint16_t */
#define ABBREV_MAX 24       /* longer words are no abbreviations */

void lede_tokens_free(lede_tokens *toks)
{
    free(toks->items);
    memset(toks, 0, sizeof *toks);
}

static inline lede_status push(lede_tokens *out, size_t start, size_t len, unsigned flags)
{
    if (LEDE_GROW(out->items, out->cap, out->n + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    out->items[out->n++] = (lede_token){(uint32_t)start, (uint16_t)len, (uint16_t)flags};
    return LEDE_OK;
}

static uint32_t cp_at(const char *s, size_t end, size_t i, size_t *len)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        *len = 1;
        return b;
    }
    return lede_cp_at(s, end, i, len);
}

static bool is_word_at(const char *s, size_t end, size_t i)
{
    size_t len;
    return i < end && lede_is_word_cp(cp_at(s, end, i, &len));
}

static bool is_digit(const char *s, size_t i)
{
    return s[i] >= '0' && s[i] <= '9';
}

/* Characters that join two words into one: apostrophes, hyphens, '&', '/'. */
static bool is_joiner(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == '-' || c == 0x2010 || c == 0x2011 || c == '&' ||
           c == '/';
}

/* True when s[a..b] (a word and the period at s[b]) is an abbreviation the lists know. */
static bool known_abbreviation(const lede_lexicon *lex, const char *s, size_t a, size_t b)
{
    const unsigned kinds = LEDE_LEX_BIT(LEDE_LEX_TITLE) | LEDE_LEX_BIT(LEDE_LEX_ORGWORD) |
                           LEDE_LEX_BIT(LEDE_LEX_STOP) | LEDE_LEX_BIT(LEDE_LEX_PLACE) |
                           LEDE_LEX_BIT(LEDE_LEX_ORG) | LEDE_LEX_BIT(LEDE_LEX_PERSON);
    return lex && b - a < ABBREV_MAX && (lede_lexicon_find(lex, s + a, b - a + 1).kinds & kinds);
}

#define WORD_READ 8 /* bytes read at once by ascii_word_run() */

/* The number of ASCII letters and digits that start the WORD_READ bytes at s (a word's
 * run, up to all of them), read at once; sets *digit when one of them is a digit. Most
 * words fit one read: the loop over their bytes was a quarter of the tokeniser. */
static size_t ascii_word_run(const char *s, unsigned *digit)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t x;
    memcpy(&x, s, sizeof x); /* the first byte is the lowest */
    uint64_t digits = lede_bytes_between(x, '0', '9');
    uint64_t word = lede_bytes_between(x | 0x2020202020202020ULL, 'a', 'z') | digits;
    uint64_t stop = ~word & 0x8080808080808080ULL;
    if (!stop) {
        *digit |= digits != 0;
        return WORD_READ;
    }
    *digit |= (digits & (stop - 1)) != 0; /* the digits before the first stop */
    return (size_t)__builtin_ctzll(stop) / 8;
#else
    size_t k = 0;
    for (; k < WORD_READ && lede_is_ascii_word((unsigned char)s[k]); k++)
        *digit |= (unsigned char)(s[k] - '0') < 10;
    return k;
#endif
}

/* What read_word() saw in the bytes it read, for the token's flags. */
enum { SAW_DIGIT = 1, SAW_HIGH = 2 };

/* Reads the word at s[i]; returns its end. *dotted: it holds initials' periods ("U.S").
 * *saw: SAW_DIGIT when an ASCII digit was read, SAW_HIGH a byte above 0x7F. */
static size_t read_word(const char *s, size_t end, size_t i, size_t *since_dot, bool *dotted,
                        unsigned *saw)
{
    size_t len, n = 0;
    unsigned digit = 0;
    *dotted = false;
    *saw = 0;
    while (i < end) {
        unsigned char b = (unsigned char)s[i];
        if (end - i >= WORD_READ) { /* most bytes: eight at a time, no decoding */
            size_t k = ascii_word_run(s + i, &digit);
            i += k;
            n += k;
            if (k == WORD_READ)
                continue; /* else s[i] is no ASCII letter or digit */
        } else if (lede_is_ascii_word(b)) { /* near the end: a byte at a time */
            digit |= (unsigned char)(b - '0') < 10;
            i++;
            n++;
            continue;
        }
        uint32_t c = cp_at(s, end, i, &len);
        if ((c >= 0x80 && lede_is_word_cp(c)) || (is_joiner(c) && is_word_at(s, end, i + len))) {
            *saw |= c >= 0x80 ? SAW_HIGH : 0;
            i += len;
            n++;
            continue;
        }
        /* "U.S": a single letter, a period, a capital. */
        if (c == '.' && n == 1 && i + 1 < end && !is_digit(s, i - 1)) {
            size_t l2;
            if (lede_is_upper_cp(cp_at(s, end, i + 1, &l2))) {
                i++;
                n = 0;
                *dotted = true;
                continue;
            }
        }
        /* "1,000", "50.42", "10:30" */
        if ((c == '.' || c == ',' || c == ':') && is_digit(s, i - 1) && i + 1 < end &&
            is_digit(s, i + 1)) {
            i++;
            continue;
        }
        break;
    }
    *since_dot = n;
    *saw |= digit ? SAW_DIGIT : 0;
    return i;
}

/* LEDE_TOK_CAP or LEDE_TOK_LOWER from the first letter of the word s[a..b). */
static inline unsigned case_flags(const char *s, size_t a, size_t b)
{
    size_t len;
    unsigned char first = (unsigned char)s[a];
    if (first < 0x80) /* most words: no decoding, no call */
        return first >= 'A' && first <= 'Z'   ? LEDE_TOK_CAP
               : first >= 'a' && first <= 'z' ? LEDE_TOK_LOWER
                                              : 0;
    uint32_t c = cp_at(s, b, a, &len);
    return lede_is_upper_cp(c) ? LEDE_TOK_CAP : lede_is_lower_cp(c) ? LEDE_TOK_LOWER : 0;
}

/* The flags of the word token s[a..b) from its letters, reading them all. */
static unsigned word_flags(const char *s, size_t a, size_t b)
{
    unsigned f = LEDE_TOK_WORD | LEDE_TOK_ASCII | case_flags(s, a, b);
    for (size_t i = a; i < b; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= '0' && ch <= '9')
            f |= LEDE_TOK_DIGIT;
        if (ch >= 0x80)
            f &= ~(unsigned)LEDE_TOK_ASCII;
    }
    return f;
}

/* The same from what read_word() saw of s[a..b) (which holds every byte of the
 * token), without reading the word again. */
static inline unsigned seen_flags(const char *s, size_t a, size_t b, unsigned saw)
{
    return LEDE_TOK_WORD | case_flags(s, a, b) | (saw & SAW_DIGIT ? LEDE_TOK_DIGIT : 0) |
           (saw & SAW_HIGH ? 0 : LEDE_TOK_ASCII);
}

/* LEDE_TOK_SENT for a word that starts a sentence: the first word, and the first word
 * after . ! ? (opening quotes and brackets between them do not count). *at_start says
 * whether the next word does; a word clears it, a full stop sets it. */
static unsigned sentence_flag(bool *at_start)
{
    unsigned f = *at_start ? LEDE_TOK_SENT : 0;
    *at_start = false;
    return f;
}

lede_status lede_tokenize(const lede_lexicon *lex, const char *s, size_t start, size_t end,
                          lede_tokens *out)
{
    out->n = 0;
    return lede_tokenize_append(lex, s, start, end, out);
}

lede_status lede_tokenize_append(const lede_lexicon *lex, const char *s, size_t start, size_t end,
                                 lede_tokens *out)
{
    size_t i = start, len;
    unsigned caps = lede_caps_line(s, start, end) ? LEDE_TOK_CAPS : 0;
    bool at_start = true;
    while (i < end) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        uint32_t c = cp_at(s, end, i, &len);
        if (c < 0x80 ? c >= '\t' && c <= '\r' /* ASCII space but ' ': no call */
                     : lede_is_space_cp(c)) {
            i += len;
            continue;
        }
        lede_status st;
        if (!(c < 0x80 ? lede_is_ascii_word((unsigned char)c) : lede_is_word_cp(c))) {
            st = push(out, i - start, len, caps);
            at_start = at_start || (len == 1 && (c == '.' || c == '!' || c == '?'));
            i += len;
            if (st != LEDE_OK)
                return st;
            continue;
        }
        size_t since_dot;
        bool dotted;
        unsigned saw;
        size_t j = read_word(s, end, i, &since_dot, &dotted, &saw), stem = j, poss = 0;
        /* The possessive ending goes apart: "Putin’s" -> "Putin" "’s". Asked first
         * with '&' and '|', one branch seldom taken: whether a word ends in 's' is
         * as good as random, and that branch was the tokeniser's most mispredicted.
         * The byte before the 's' (0x99 ends a curly apostrophe) is the word's own. */
        unsigned char mark = (unsigned char)s[j - 2 + (j - i < 2)];
        if ((j - i >= 3) & ((s[j - 1] | 0x20) == 's') & ((mark == '\'') | (mark == 0x99))) {
            if (s[j - 2] == '\'')
                poss = 2;
            else if (j - i >= 5 && memcmp(s + j - 4, "\xE2\x80\x99", 3) == 0)
                poss = 4;
            stem = j - poss;
        }
        /* Abbreviations of the lists are capitalised ("Dr.", "Inc.", "Jan."): a small
         * word before a period ends a sentence without a lookup. */
        if (!poss && j < end && s[j] == '.' &&
            (since_dot == 1 || dotted ||
             (!lede_is_lower_cp(cp_at(s, end, i, &len)) && known_abbreviation(lex, s, i, j))))
            stem = ++j;
        /* What read_word() saw is the token's unless a curly possessive (non-ASCII) went
         * apart or the word is cut in pieces. */
        bool seen = poss != 4 && stem - i <= TOKEN_MAX;
        while (stem - i > TOKEN_MAX) {
            st = push(out, i - start, TOKEN_MAX,
                      word_flags(s, i, i + TOKEN_MAX) | caps | sentence_flag(&at_start));
            if (st != LEDE_OK)
                return st;
            i += TOKEN_MAX;
        }
        st = push(out, i - start, stem - i,
                  (seen ? seen_flags(s, i, stem, saw) : word_flags(s, i, stem)) | caps |
                      sentence_flag(&at_start));
        if (st == LEDE_OK && poss)
            st = push(out, stem - start, poss, LEDE_TOK_POSS | LEDE_TOK_WORD | caps);
        if (st != LEDE_OK)
            return st;
        i = j;
    }
    return LEDE_OK;
}
