/* quotes_marks.c - pair quotation marks.
 *
 * Pairing reads each mark's neighbours the way a reader does: a mark after a space and
 * before a word opens, one after a word and before a space or punctuation closes, and
 * only otherwise does the glyph decide. So straight quotes, quotes glued to a word
 * (read:"We) and marks of the wrong kind still pair, and a mark left open ends with its
 * paragraph instead of swallowing the article. One pass over each paragraph: linear. */
#include <stdlib.h>
#include <string.h>
#include "lede/chars.h"
#include "lede/grow.h"
#include "quotes_impl.h"

/* Quotes counted open inside each other at most this deep; an opening mark beyond it is
 * passed over. News nests two deep ("He said: 'I heard "no"'"): a bound against a run of
 * stray marks, set with the first annotator (0abf477), not tuned. */
#define MARK_DEPTH_MAX 64

int quote_mark_glyph(const char *s, size_t end, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    *len = 1;
    if (c == '"')
        return MARK_EITHER;
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80) {
        *len = 3;
        switch ((unsigned char)s[i + 2]) {
        case 0x9C: /* “ */
        case 0x9E: /* „ */
            return MARK_OPEN;
        case 0x9D: /* ” */
            return MARK_CLOSE;
        }
    }
    if (c == 0xC2 && i + 1 < end) {
        *len = 2;
        if ((unsigned char)s[i + 1] == 0xAB)
            return MARK_OPEN;
        if ((unsigned char)s[i + 1] == 0xBB)
            return MARK_CLOSE;
    }
    return MARK_NONE;
}

static bool opens_context(uint32_t c)
{
    return lede_is_space_cp(c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 ||
           c == '/';
}

static bool closes_context(uint32_t c)
{
    return lede_is_space_cp(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
           c == '?' || c == ')' || c == ']' || c == 0x2014 || c == 0x2013 || c == 0x2026 ||
           c == '\'' || c == 0x2019 || c == '-';
}

/* Decides whether the mark at s[i..i+len) opens or closes from its neighbours. */
static int mark_role(const char *s, size_t lo, size_t hi, size_t i, size_t len, int glyph,
                     int depth)
{
    size_t l;
    uint32_t before = i > lo ? lede_cp_before(s, lo, i, &l) : ' ';
    uint32_t after = i + len < hi ? lede_cp_at(s, hi, i + len, &l) : ' ';
    bool open_ctx = opens_context(before) || i == lo;
    bool close_ctx = closes_context(after) || i + len == hi;
    if (open_ctx && !close_ctx)
        return MARK_OPEN;
    if (close_ctx && !open_ctx)
        return MARK_CLOSE;
    if (glyph != MARK_EITHER)
        return glyph;
    return depth > 0 ? MARK_CLOSE : MARK_OPEN;
}

static lede_status push_found(found_list *fl, const found *f)
{
    if (LEDE_GROW(fl->items, fl->cap, fl->n + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    fl->items[fl->n++] = *f;
    return LEDE_OK;
}

static lede_status new_quote(found_list *fl, size_t start, size_t end, size_t para, bool closed,
                             size_t lo)
{
    found f;
    memset(&f, 0, sizeof f);
    f.start = start;
    f.end = end;
    f.para = para;
    f.closed = closed;
    f.opens_para = start == lo;
    f.q.span = (lede_span){start, end};
    f.q.speaker = LEDE_NONE;
    return push_found(fl, &f);
}

static bool may_start_mark(unsigned char b)
{
    return b == '"' || b == 0xE2 || b == 0xC2;
}

/* Has the top bit set of each byte of x that is zero, and perhaps of bytes above one. */
static uint64_t zero_bytes(uint64_t x)
{
    return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
}

/* A quick test that most groups of plain text fail: sets the top bit of each byte of w
 * that is '"' (0 - 1) or 0xC2 or 0xE2 (still above 0x80 after a borrow), and as false
 * alarms of most other bytes >= 0x80 and of bytes just above a '"'. */
static uint64_t may_hold_mark(uint64_t w)
{
    return (w ^ 0x2222222222222222ull) - 0x0101010101010101ull;
}

/* Nonzero exactly when one of the eight bytes of w may start a mark. */
static uint64_t holds_mark_byte(uint64_t w)
{
    return zero_bytes(w ^ 0x2222222222222222ull) | zero_bytes(w ^ 0xE2E2E2E2E2E2E2E2ull) |
           zero_bytes(w ^ 0xC2C2C2C2C2C2C2C2ull);
}

/* The first byte at or after i (before hi) that may start a mark, or hi. Most bytes are
 * plain text, skipped sixteen at a time; the other bytes >= 0x80 (letters, dashes,
 * apostrophes) are ruled out eight at a time before any is read alone. */
static size_t next_mark_byte(const char *s, size_t i, size_t hi)
{
    while (i + 16 <= hi) {
        uint64_t w[2];
        memcpy(w, s + i, 16);
        if (!((may_hold_mark(w[0]) | may_hold_mark(w[1])) & 0x8080808080808080ull)) {
            i += 16;
            continue;
        }
        for (int k = 0; k < 2; k++, i += 8) {
            if (holds_mark_byte(w[k])) {
                while (!may_start_mark((unsigned char)s[i]))
                    i++;
                return i;
            }
        }
    }
    while (i < hi && !may_start_mark((unsigned char)s[i]))
        i++;
    return i;
}

/* True when the opening mark at i follows the end of a sentence ('.', '?' or '!' and
 * white space): *end is then just after that punctuation. */
static bool reopens(const char *s, size_t lo, size_t i, size_t *end)
{
    size_t j = i;
    while (j > lo && (s[j - 1] == ' ' || s[j - 1] == '\t'))
        j--;
    if (j == i || j == lo || (s[j - 1] != '.' && s[j - 1] != '?' && s[j - 1] != '!'))
        return false;
    *end = j;
    return true;
}

lede_status quote_pair_marks(const lede_text *text, size_t para, found_list *fl)
{
    const char *s = text->bytes;
    size_t lo = text->paras[para].span.start, hi = text->paras[para].span.end;
    int depth = 0;
    size_t start = 0;
    for (size_t i = next_mark_byte(s, lo, hi); i < hi; i = next_mark_byte(s, i, hi)) {
        unsigned char c = (unsigned char)s[i];
        size_t len;
        int glyph = quote_mark_glyph(s, hi, i, &len);
        if (glyph == MARK_NONE) {
            /* A letter, dash or apostrophe: its continuation bytes cannot start a mark. */
            for (i++; i < hi && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
                ;
            continue;
        }
        if (depth == 0 && c == '"' && i > lo && s[i - 1] == '=') {
            /* Markup left in the text (<tweet author="…">): an attribute, not a quote. */
            const char *close = memchr(s + i + 1, '"', hi - i - 1);
            i = close ? (size_t)(close - s) + 1 : hi;
            continue;
        }
        int role = mark_role(s, lo, hi, i, len, glyph, depth);
        size_t end;
        if (role == MARK_OPEN && depth == 1 && reopens(s, lo, i, &end)) {
            /* A quote that goes on in a new paragraph opens it with a new mark and
             * leaves the last one open; where the paragraphs were run together the
             * new mark follows the end of a sentence: the quote before ends there. */
            lede_status st = new_quote(fl, start, end, para, false, lo);
            if (st != LEDE_OK)
                return st;
            start = i;
        } else if (role == MARK_OPEN && depth < MARK_DEPTH_MAX) {
            if (depth++ == 0)
                start = i;
        } else if (role == MARK_CLOSE && depth > 0 && --depth == 0) {
            lede_status st = new_quote(fl, start, i + len, para, true, lo);
            if (st != LEDE_OK)
                return st;
        }
        i += len;
    }
    if (depth > 0)
        return new_quote(fl, start, hi, para, false, lo);
    return LEDE_OK;
}

size_t quote_next_mark(const char *s, size_t i, size_t hi)
{
    size_t len;
    for (i = next_mark_byte(s, i, hi); i < hi; i = next_mark_byte(s, i + 1, hi))
        if (quote_mark_glyph(s, hi, i, &len) != MARK_NONE)
            return i;
    return hi;
}

bool quote_is_mark(uint32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB;
}
