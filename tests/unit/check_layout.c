/* check_layout.c - wrapping by display width, lazy layout, styled runs, styles. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/layout.h"
#include "lede/utf8.h"
#include "check_util.h"

static const char *const samples[] = {
    /* English */
    "The minister said on Tuesday that the talks would resume next week, although "
    "officials on both sides warned that a lasting agreement remained far off and "
    "that several questions about borders were still open.",
    /* CJK */
    "\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xae\xe5\xa4\xa9\xe6\xb0\x97\xe3\x81\xaf\xe4\xbb\x8a"
    "\xe6\x97\xa5\xe3\x82\x82\xe6\x99\xb4\xe3\x82\x8c\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82"
    "\xe5\xb8\x82\xe5\xbd\xb9\xe6\x89\x80\xe3\x81\xaf\xe6\x96\xb0\xe3\x81\x97\xe3\x81\x84"
    "\xe8\xa8\x88\xe7\x94\xbb\xe3\x82\x92\xe7\x99\xba\xe8\xa1\xa8\xe3\x81\x97\xe3\x81\x9f"
    " mixed with Latin words and \xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97.",
    /* emoji */
    "Fans cheered \xf0\x9f\x8e\x89\xf0\x9f\x8e\x89 as the team won \xf0\x9f\x8f\x86 "
    "again \xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80 after a long season.",
    /* Cyrillic */
    "\xd0\x9c\xd0\xb8\xd0\xbd\xd0\xb8\xd1\x81\xd1\x82\xd1\x80 \xd0\xb7\xd0\xb0\xd1\x8f"
    "\xd0\xb2\xd0\xb8\xd0\xbb \xd1\x87\xd1\x82\xd0\xbe \xd0\xbf\xd0\xb5\xd1\x80\xd0\xb5"
    "\xd0\xb3\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x80\xd1\x8b \xd0\xbf\xd1\x80\xd0\xbe\xd0\xb4"
    "\xd0\xbe\xd0\xbb\xd0\xb6\xd0\xb0\xd1\x82\xd1\x81\xd1\x8f \xd0\xbd\xd0\xb0 \xd1\x81"
    "\xd0\xbb\xd0\xb5\xd0\xb4\xd1\x83\xd1\x8e\xd1\x89\xd0\xb5\xd0\xb9 \xd0\xbd\xd0\xb5"
    "\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xb5 \xd0\xb2 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2"
    "\xd0\xb5.",
    /* accented (precomposed) and combining (decomposed) letters */
    "Caf\xc3\xa9 se\xc3\xb1or na\xc3\xafve r\xc3\xa9sum\xc3\xa9 Zo\xc3\xab M\xc3\xbcnchen "
    "Cafe\xcc\x81 re\xcc\x81sume\xcc\x81 e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81"
    "e\xcc\x81 end.",
    /* combining marks after white space, and wide characters between spaces */
    "ab \xcc\x81"
    "cd ef \xcc\x81\xcc\x81 gh \xf0\x9f\x98\x80 x \xf0\x9f\x98\x80 \xf0\x9f\x98\x80 y \xcc\x81",
    /* a long word, hard line ends, tabs, invalid bytes and a control character */
    "See https://example.org/a/very/long/path/that/does/not/fit/on/any/line/at/all/"
    "even/at/eighty/columns/wide/really/not for details.\nA hard-wrapped line\r\nand "
    "another\tafter a tab, bad \xff\xfe bytes and a bell \x07 here.",
};

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_cont(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* Display columns of the word starting at i (up to white space). */
static int word_cols(const char *s, size_t i, size_t len)
{
    size_t j = i;
    while (j < len && !is_space(s[j]))
        j++;
    return lede_text_cols(s, i, j);
}

/* Wraps all of s at width and checks every property a wrapped paragraph must have. */
static size_t check_wrap(const char *s, int width)
{
    size_t len = strlen(s), pos = 0, n = 0, covered = 0, between = 0;
    while (pos < len) {
        size_t end;
        int cols;
        size_t next = lede_wrap_line(s, pos, len, width, &end, &cols);
        n++;
        ck_assert_uint_gt(next, pos);
        ck_assert_uint_le(end, next);
        ck_assert_uint_gt(end, pos);
        ck_assert_int_eq(cols, lede_text_cols(s, pos, end));
        /* No line is wider than width, unless it is one character wider than width. */
        size_t adv;
        lede_utf8_decode(s + pos, len - pos, &adv);
        if (cols > width)
            ck_assert_uint_ge(adv + 3, end - pos); /* one char and its combining mark */
        /* Never inside a multi-byte character. */
        ck_assert(!is_cont(s[pos]));
        if (end < len)
            ck_assert(!is_cont(s[end]));
        /* What lies between lines is white space and the zero-width marks on it. */
        for (size_t i = end; i < next;) {
            size_t clen;
            uint32_t cp = lede_utf8_decode(s + i, len - i, &clen);
            ck_assert_msg(is_space(s[i]) || (i > end && lede_utf8_width(cp) == 0),
                          "byte %zu between lines is not white space", i);
            i += clen;
        }
        covered += end - pos;
        between += next - end;
        if (next < len && end < next) {
            /* A break at white space: the next word did not fit on this line. */
            ck_assert_int_gt(cols + 1 + word_cols(s, next, len), width);
        } else if (next < len && !is_space(s[end - 1])) {
            /* A break inside a run of characters: the word was too wide, or the break
             * is next to a wide character. */
            size_t ws = end;
            while (ws > 0 && !is_space(s[ws - 1]))
                ws--;
            size_t a1, a2;
            size_t prev = end - 1;
            while (prev > 0 && is_cont(s[prev]))
                prev--;
            uint32_t before = lede_utf8_decode(s + prev, len - prev, &a1);
            uint32_t after = lede_utf8_decode(s + end, len - end, &a2);
            bool wide = lede_utf8_width(before) == 2 || lede_utf8_width(after) == 2;
            ck_assert_msg(wide || word_cols(s, ws, len) > width,
                          "word at %zu broken although it fits in %d", ws, width);
        }
        pos = next;
    }
    /* Every byte is on a line or between two. */
    ck_assert_uint_eq(covered + between, len);
    return n;
}

START_TEST(test_wrap_samples)
{
    static const int widths[] = {20, 40, 80, 7, 3, 1};
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++)
        for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
            ck_assert_uint_ge(check_wrap(samples[i], widths[w]), 1);
}
END_TEST

START_TEST(test_wrap_exact)
{
    const char *s = "hello world again";
    size_t end;
    int cols;
    size_t next = lede_wrap_line(s, 0, strlen(s), 11, &end, &cols);
    ck_assert_uint_eq(end, 11);
    ck_assert_uint_eq(next, 12);
    ck_assert_int_eq(cols, 11);
    next = lede_wrap_line(s, 0, strlen(s), 10, &end, &cols);
    ck_assert_uint_eq(end, 5);
    ck_assert_uint_eq(next, 6);

    /* A long word breaks between characters. */
    const char *w = "abcdefghij";
    next = lede_wrap_line(w, 0, 10, 4, &end, &cols);
    ck_assert_uint_eq(end, 4);
    ck_assert_uint_eq(next, 4);
    ck_assert_int_eq(cols, 4);

    /* CJK: two characters (4 columns) fit in 5. */
    const char *cjk = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e";
    next = lede_wrap_line(cjk, 0, 9, 5, &end, &cols);
    ck_assert_uint_eq(end, 6);
    ck_assert_uint_eq(next, 6);
    ck_assert_int_eq(cols, 4);

    /* A wide character wider than the width still makes progress. */
    next = lede_wrap_line(cjk, 0, 9, 1, &end, &cols);
    ck_assert_uint_eq(end, 3);
    ck_assert_int_eq(cols, 2);

    /* A combining mark stays with its letter. */
    const char *comb = "e\xcc\x81"
                       "e\xcc\x81";
    next = lede_wrap_line(comb, 0, 6, 1, &end, &cols);
    ck_assert_uint_eq(end, 3);
    ck_assert_int_eq(cols, 1);
    ck_assert_uint_eq(next, 3);

    /* A mark after white space goes with it: no line of marks alone at a break. */
    const char *gapmark = "abc \xcc\x81";
    next = lede_wrap_line(gapmark, 0, 6, 3, &end, &cols);
    ck_assert_uint_eq(end, 3);
    ck_assert_uint_eq(next, 6);

    /* A paragraph of one zero-width character after a line end is still one line. */
    const char *zw = "\n\xef\xbb\xbf";
    next = lede_wrap_line(zw, 1, 4, 1, &end, &cols);
    ck_assert_uint_eq(end, 4);
    ck_assert_uint_eq(next, 4);

    /* After a character wider than the line, the next line starts past the space. */
    const char *emoji = "\xf0\x9f\x98\x80 x";
    next = lede_wrap_line(emoji, 0, 6, 1, &end, &cols);
    ck_assert_uint_eq(end, 4);
    ck_assert_int_eq(cols, 2);
    ck_assert_uint_eq(next, 5);

    /* Width 0 or less counts as 1. */
    next = lede_wrap_line(w, 0, 10, 0, &end, &cols);
    ck_assert_uint_eq(end, 1);
}
END_TEST

#define FAMILY "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
#define FLAG_PT "\xf0\x9f\x87\xb5\xf0\x9f\x87\xb9"
#define ACUTE "\xcc\x81"

/* Wraps s at width and checks every line starts and ends on a grapheme cluster boundary,
 * is no wider than width (or one cluster), and that the lines' columns add up. */
static void check_cluster_wrap(const char *s, int width)
{
    size_t len = strlen(s), pos = 0;
    while (pos < len) {
        size_t end;
        int cols, c;
        size_t next = lede_wrap_line(s, pos, len, width, &end, &cols);
        ck_assert_uint_eq(lede_utf8_cluster_start(s, len, end), end);
        ck_assert_uint_eq(lede_utf8_cluster_start(s, len, next), next);
        ck_assert_int_eq(cols, lede_text_cols(s, pos, end));
        if (cols > width)
            ck_assert_uint_eq(lede_utf8_cluster(s + pos, len - pos, &c), end - pos);
        pos = next;
    }
}

/* A line break never falls inside a grapheme cluster: an ASCII letter and its combining
 * marks, an emoji ZWJ sequence, a flag, whether the wrap column falls on them. */
START_TEST(test_wrap_clusters)
{
    size_t end;
    int cols;
    /* The marks after an ASCII letter at the wrap column stay on its line. */
    const char *s = "abcx" ACUTE ACUTE " yz";
    size_t next = lede_wrap_line(s, 0, strlen(s), 4, &end, &cols);
    ck_assert_uint_eq(end, 8);
    ck_assert_int_eq(cols, 4);
    ck_assert_uint_eq(next, 9);
    /* The same inside a word longer than the line: it breaks before the letter. */
    s = "abcdx" ACUTE "efg";
    next = lede_wrap_line(s, 0, strlen(s), 4, &end, &cols);
    ck_assert_uint_eq(end, 4);
    next = lede_wrap_line(s, next, strlen(s), 4, &end, &cols);
    ck_assert_uint_eq(end, strlen(s));
    ck_assert_int_eq(cols, 4);
    s = "abcx" ACUTE "efg";
    next = lede_wrap_line(s, 0, strlen(s), 4, &end, &cols);
    ck_assert_uint_eq(end, 6);
    ck_assert_int_eq(cols, 4);
    /* A keycap (ASCII digit, U+FE0F, U+20E3): layout.c and lede_utf8_cluster() agree. */
    int kc;
    ck_assert_uint_eq(lede_utf8_cluster("1\xef\xb8\x8f\xe2\x83\xa3", 7, &kc), 7);
    ck_assert_int_eq(lede_text_cols("1\xef\xb8\x8f\xe2\x83\xa3", 0, 7), kc);
    /* A family (man ZWJ woman ZWJ girl) and a flag are two columns, whole on a line. */
    ck_assert_int_eq(lede_text_cols(FAMILY, 0, strlen(FAMILY)), 2);
    ck_assert_int_eq(lede_text_cols(FLAG_PT, 0, strlen(FLAG_PT)), 2);
    s = "abc " FAMILY " d";
    next = lede_wrap_line(s, 0, strlen(s), 5, &end, &cols);
    ck_assert_uint_eq(end, 3);
    next = lede_wrap_line(s, next, strlen(s), 5, &end, &cols);
    ck_assert_uint_eq(end, strlen(s));
    ck_assert_int_eq(cols, 4);
    for (int w = 1; w <= 8; w++)
        check_cluster_wrap("Zoe" ACUTE " met " FAMILY FAMILY " in " FLAG_PT FLAG_PT " x" ACUTE
                           "y" ACUTE ACUTE "z 1\xef\xb8\x8f\xe2\x83\xa3",
                           w);
}
END_TEST

START_TEST(test_text_cols)
{
    ck_assert_int_eq(lede_text_cols("a\tb", 0, 3), 3);
    ck_assert_int_eq(lede_text_cols("a\r\nb", 0, 4), 3);
    ck_assert_int_eq(lede_text_cols("a\nb", 0, 3), 3);
    ck_assert_int_eq(lede_text_cols("\xff\xfe", 0, 2), 2);
    ck_assert_int_eq(lede_text_cols("\x07", 0, 1), 1);
    ck_assert_int_eq(lede_text_cols("\xe6\x97\xa5", 0, 3), 2);
    ck_assert_int_eq(lede_text_cols("e\xcc\x81", 0, 3), 1);
    ck_assert_int_eq(lede_text_cols("\xf0\x9f\x98\x80", 0, 4), 2);
    ck_assert_int_eq(lede_text_cols("", 0, 0), 0);
}
END_TEST

static const char doc[] = "World\n"
                          "\n"
                          "Talks resume in Geneva\n"
                          "\n"
                          "Negotiators met again on Monday in a quiet hotel by the lake.\n"
                          "\n"
                          "Second paragraph.\n"
                          "\n"
                          "Third and last paragraph of the text.\n";

static void load(lede_text *t, const char *s, size_t len)
{
    ck_assert_int_eq(lede_text_from_buffer(s, len, t), LEDE_OK);
}

START_TEST(test_layout_lines)
{
    lede_text t;
    load(&t, doc, strlen(doc));
    ck_assert_uint_eq(t.n_paras, 5);
    lede_layout *l;
    ck_assert_int_eq(lede_layout_new(&t, 30, &l), LEDE_OK);
    ck_assert_uint_eq(lede_layout_wrap_count(l), 0);
    ck_assert(!lede_layout_empty(l));

    lede_pos pos = {0, 0};
    lede_line line;
    /* Walk all lines: text lines of a paragraph, then a blank, never two blanks. */
    size_t n = 0, blanks = 0;
    lede_line_kind prev = LEDE_LINE_BLANK;
    for (;;) {
        ck_assert_int_eq(lede_layout_get(l, pos, &line), LEDE_OK);
        ck_assert_int_le(line.cols, 30);
        if (line.kind == LEDE_LINE_BLANK) {
            ck_assert_int_eq(prev, LEDE_LINE_TEXT);
            ck_assert_uint_eq(line.span.start, t.paras[line.para].span.end);
            blanks++;
        } else {
            ck_assert_uint_ge(line.span.start, t.paras[line.para].span.start);
            ck_assert_uint_le(line.span.end, t.paras[line.para].span.end);
        }
        prev = line.kind;
        n++;
        long moved;
        ck_assert_int_eq(lede_layout_move(l, &pos, 1, &moved), LEDE_OK);
        if (moved == 0)
            break;
    }
    ck_assert_int_eq(prev, LEDE_LINE_TEXT); /* no blank after the last paragraph */
    ck_assert_uint_eq(blanks, 4);
    /* label, headline, 3 lines, 1, 2 lines + 4 blanks */
    ck_assert_uint_eq(n, 1 + 1 + 3 + 1 + 2 + 4);

    lede_pos last;
    ck_assert_int_eq(lede_layout_last(l, &last), LEDE_OK);
    ck_assert_int_eq(lede_pos_cmp(last, pos), 0);

    /* Moving up by more than there is stops at the top. */
    long moved;
    ck_assert_int_eq(lede_layout_move(l, &pos, -100, &moved), LEDE_OK);
    ck_assert_int_eq(moved, (long)n - 1);
    ck_assert_uint_eq(pos.para, 0);
    ck_assert_uint_eq(pos.line, 0);
    ck_assert_int_eq(lede_layout_move(l, &pos, 4, &moved), LEDE_OK);
    ck_assert_uint_eq(pos.para, 2);
    ck_assert_uint_eq(pos.line, 0);

    /* Finding an offset gives the line holding it. */
    size_t off = (size_t)(strstr(doc, "lake") - doc);
    ck_assert_int_eq(lede_layout_find(l, off, &pos), LEDE_OK);
    ck_assert_int_eq(lede_layout_get(l, pos, &line), LEDE_OK);
    ck_assert_uint_le(line.span.start, off);
    ck_assert_uint_gt(line.span.end, off);
    ck_assert_int_eq(lede_layout_find(l, strlen(doc) + 10, &pos), LEDE_OK);
    ck_assert_int_eq(lede_pos_cmp(pos, last), 0);

    /* A new width forgets the wraps. */
    size_t before = lede_layout_wrap_count(l);
    lede_layout_set_width(l, 30);
    ck_assert_int_eq(lede_layout_find(l, off, &pos), LEDE_OK);
    ck_assert_uint_eq(lede_layout_wrap_count(l), before);
    lede_layout_set_width(l, 80);
    ck_assert_int_eq(lede_layout_width(l), 80);
    ck_assert_int_eq(lede_layout_find(l, off, &pos), LEDE_OK);
    ck_assert_uint_eq(lede_layout_wrap_count(l), before + 1);
    ck_assert_uint_eq(pos.line, 0);
    lede_layout_set_width(l, -5);
    ck_assert_int_eq(lede_layout_width(l), 1);

    lede_layout_free(l);
    lede_text_free(&t);
}
END_TEST

static size_t line_runs(const lede_style_ctx *ctx, lede_layout *l, size_t offset, lede_run *runs,
                        size_t cap, lede_line *line);

START_TEST(test_layout_hard_wrapped)
{
    /* A hard-wrapped block is one paragraph whose line ends show as spaces. */
    const char *book = "Chapter One\n\n"
                       "It was a cold morning in the little town by the river and\r\n"
                       "nobody in the market square had expected the stranger to\r\n"
                       "arrive before the bells had rung for the second time that\r\n"
                       "day, least of all the baker who had just opened his doors.\r\n"
                       "\r\n"
                       "He walked slowly along the old road that led up to the hill\r\n"
                       "and the houses there, looking at every window as he passed\r\n"
                       "by, as if he were counting them one after the other again.\r\n";
    lede_text t;
    load(&t, book, strlen(book));
    lede_layout *l;
    ck_assert_int_eq(lede_layout_new(&t, 40, &l), LEDE_OK);
    lede_pos pos = {0, 0};
    lede_line line;
    size_t text_lines = 0;
    long moved;
    do {
        ck_assert_int_eq(lede_layout_get(l, pos, &line), LEDE_OK);
        if (line.kind == LEDE_LINE_TEXT) {
            text_lines++;
            ck_assert_int_le(line.cols, 40);
            /* No line starts or ends with white space: the line ends became breaks. */
            ck_assert(!is_space(book[line.span.start]));
            ck_assert(!is_space(book[line.span.end - 1]));
        }
        ck_assert_int_eq(lede_layout_move(l, &pos, 1, &moved), LEDE_OK);
    } while (moved == 1);
    ck_assert_uint_gt(text_lines, t.n_paras);

    /* A "\r\n" inside a line is one blank column. */
    const char *crlf = strstr(book, "and\r\nnobody");
    size_t at = (size_t)(crlf - book) + 3;
    lede_layout_set_width(l, 200);
    lede_style_ctx ctx = {&t, NULL, true, true, LEDE_NONE, {0, 0}, NULL, 0};
    lede_run runs[16];
    size_t n = line_runs(&ctx, l, at, runs, 16, &line);
    size_t r = 0;
    while (r < n && runs[r].end <= at)
        r++;
    ck_assert_uint_lt(r, n);
    ck_assert_uint_eq(runs[r].flags, LEDE_RUN_BLANK);
    ck_assert_uint_eq(runs[r].start, at);
    ck_assert_uint_eq(runs[r].end, at + 2);
    ck_assert_int_eq(runs[r].cols, 1);
    check_wrap(book, 40);
    lede_layout_free(l);
    lede_text_free(&t);
}
END_TEST

static const char story[] = "Paris talks resume\n\n"
                            "Alice met Bob in Paris.\n\n"
                            "\"We will talk again,\" said Alice, \xff\x81 leaving.\n";

static void build_model(lede_model *m)
{
    uint32_t alice, bob, paris;
    lede_model_init(m);
    ck_assert_int_eq(lede_model_add_entity(m, LEDE_PERSON, "Alice", "writer", &alice), LEDE_OK);
    ck_assert_int_eq(lede_model_add_entity(m, LEDE_PERSON, "Bob", NULL, &bob), LEDE_OK);
    ck_assert_int_eq(lede_model_add_entity(m, LEDE_PLACE, "Paris", NULL, &paris), LEDE_OK);
    const char *p = story;
    for (const char *s = strstr(p, "Alice"); s; s = strstr(s + 1, "Alice"))
        ck_assert_int_eq(
            lede_model_add_mention(m, alice, (lede_span){(size_t)(s - p), (size_t)(s - p) + 5}),
            LEDE_OK);
    size_t b = (size_t)(strstr(p, "Bob") - p), pa = (size_t)(strstr(p, "in Paris") - p) + 3;
    ck_assert_int_eq(lede_model_add_mention(m, bob, (lede_span){b, b + 3}), LEDE_OK);
    ck_assert_int_eq(lede_model_add_mention(m, paris, (lede_span){pa, pa + 5}), LEDE_OK);
    lede_quote q;
    memset(&q, 0, sizeof q);
    q.span.start = (size_t)(strchr(p, '"') - p);
    q.span.end = (size_t)(strstr(p, ",\"") - p) + 2;
    q.speaker = alice;
    ck_assert_int_eq(lede_model_add_quote(m, &q), LEDE_OK);
    ck_assert_int_eq(lede_model_finish(m), LEDE_OK);
}

/* Flags of the run covering offset. */
static unsigned flags_at(const lede_run *runs, size_t n, size_t offset)
{
    for (size_t i = 0; i < n; i++)
        if (runs[i].start <= offset && offset < runs[i].end)
            return runs[i].flags;
    ck_abort_msg("no run covers %zu", offset);
    return 0;
}

static size_t line_runs(const lede_style_ctx *ctx, lede_layout *l, size_t offset, lede_run *runs,
                        size_t cap, lede_line *line)
{
    lede_pos pos;
    ck_assert_int_eq(lede_layout_find(l, offset, &pos), LEDE_OK);
    ck_assert_int_eq(lede_layout_get(l, pos, line), LEDE_OK);
    size_t n = lede_layout_runs(ctx, line, runs, cap);
    ck_assert_uint_le(n, cap);
    /* The runs cover the line exactly, in order, with its columns. */
    int cols = 0;
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(runs[i].start, i ? runs[i - 1].end : line->span.start);
        ck_assert_uint_lt(runs[i].start, runs[i].end);
        if (i)
            ck_assert_uint_ne(runs[i].flags, runs[i - 1].flags);
        cols += runs[i].cols;
    }
    if (n)
        ck_assert_uint_eq(runs[n - 1].end, line->span.end);
    ck_assert_int_eq(cols, line->cols);
    return n;
}

START_TEST(test_runs)
{
    lede_text t;
    load(&t, story, strlen(story));
    lede_model m;
    build_model(&m);
    ck_assert_uint_eq(m.n_entities, 3);
    lede_layout *l;
    ck_assert_int_eq(lede_layout_new(&t, 80, &l), LEDE_OK);
    lede_run runs[64];
    lede_line line;
    size_t alice1 = (size_t)(strstr(story, "Alice") - story);
    size_t bob = (size_t)(strstr(story, "Bob") - story);
    size_t paris = (size_t)(strstr(story, "in Paris") - story) + 3;
    size_t quote = (size_t)(strchr(story, '"') - story);
    size_t alice2 = (size_t)(strstr(story + alice1 + 1, "Alice") - story);
    size_t bad = (size_t)(strchr(story, '\xff') - story);
    lede_span match = {(size_t)(strstr(story, "talk again") - story), 0};
    match.end = match.start + 4;

    lede_style_ctx ctx = {&t, &m, true, true, LEDE_NONE, {0, 0}, NULL, 0};
    size_t n = line_runs(&ctx, l, alice1, runs, 64, &line);
    ck_assert_uint_eq(flags_at(runs, n, alice1), LEDE_RUN_PERSON);
    ck_assert_uint_eq(flags_at(runs, n, bob), LEDE_RUN_PERSON);
    ck_assert_uint_eq(flags_at(runs, n, paris + 4), LEDE_RUN_PLACE);
    ck_assert_uint_eq(flags_at(runs, n, alice1 + 5), 0); /* a plain space */
    ck_assert_uint_eq(flags_at(runs, n, alice1 + 6), 0);

    /* Selected and current. */
    ctx.selected = 0;
    ctx.current = (lede_span){alice1, alice1 + 5};
    n = line_runs(&ctx, l, alice1, runs, 64, &line);
    ck_assert_uint_eq(flags_at(runs, n, alice1),
                      LEDE_RUN_PERSON | LEDE_RUN_SELECTED | LEDE_RUN_CURRENT);
    ck_assert_uint_eq(flags_at(runs, n, bob), LEDE_RUN_PERSON);

    /* Quote, a mention of the selected entity after it, search, invalid bytes. */
    ctx.current = (lede_span){0, 0};
    ctx.matches = &match;
    ctx.n_matches = 1;
    n = line_runs(&ctx, l, quote, runs, 64, &line);
    ck_assert_uint_eq(flags_at(runs, n, quote), LEDE_RUN_QUOTE);
    ck_assert_uint_eq(flags_at(runs, n, match.start), LEDE_RUN_QUOTE | LEDE_RUN_SEARCH);
    ck_assert_uint_eq(flags_at(runs, n, alice2), LEDE_RUN_PERSON | LEDE_RUN_SELECTED);
    ck_assert_uint_eq(flags_at(runs, n, bad), LEDE_RUN_INVALID);

    /* Toggled off: no type and no quote flags, selection stays. */
    ctx.entities = false;
    ctx.quotes = false;
    n = line_runs(&ctx, l, quote, runs, 64, &line);
    ck_assert_uint_eq(flags_at(runs, n, quote), 0);
    ck_assert_uint_eq(flags_at(runs, n, alice2), LEDE_RUN_SELECTED);
    ck_assert_uint_eq(flags_at(runs, n, match.start), LEDE_RUN_SEARCH);

    /* A small array gets the count that is needed. */
    size_t need = lede_layout_runs(&ctx, &line, runs, 1);
    ck_assert_uint_eq(need, n);

    /* No model: plain text. */
    ctx.model = NULL;
    n = line_runs(&ctx, l, alice1, runs, 64, &line);
    ck_assert_uint_eq(flags_at(runs, n, alice1), 0);
    n = line_runs(&ctx, l, 0, runs, 64, &line);
    ck_assert_uint_eq(flags_at(runs, n, 0), LEDE_RUN_HEADLINE);

    /* A blank line has no runs. */
    lede_pos pos = {0, 1};
    ck_assert_int_eq(lede_layout_get(l, pos, &line), LEDE_OK);
    ck_assert_int_eq(line.kind, LEDE_LINE_BLANK);
    ck_assert_uint_eq(lede_layout_runs(&ctx, &line, runs, 64), 0);

    /* Offsets at columns, for the mouse. */
    ck_assert_int_eq(lede_layout_find(l, alice1, &pos), LEDE_OK);
    ck_assert_int_eq(lede_layout_get(l, pos, &line), LEDE_OK);
    ck_assert_uint_eq(lede_line_offset_at(story, &line, 11), alice1 + 11);
    ck_assert_uint_eq(lede_line_offset_at(story, &line, 500), SIZE_MAX);
    ck_assert_uint_eq(lede_line_offset_at(story, &line, -1), SIZE_MAX);

    lede_layout_free(l);
    lede_model_free(&m);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_headline_runs)
{
    lede_text t;
    load(&t, doc, strlen(doc));
    ck_assert_int_eq(t.paras[0].kind, LEDE_PARA_LABEL);
    ck_assert_int_eq(t.paras[1].kind, LEDE_PARA_HEADLINE);
    lede_layout *l;
    ck_assert_int_eq(lede_layout_new(&t, 80, &l), LEDE_OK);
    lede_style_ctx ctx = {&t, NULL, true, true, LEDE_NONE, {0, 0}, NULL, 0};
    lede_run runs[16];
    lede_line line;
    size_t n = line_runs(&ctx, l, t.paras[1].span.start, runs, 16, &line);
    ck_assert_uint_eq(flags_at(runs, n, t.paras[1].span.start), LEDE_RUN_HEADLINE);
    n = line_runs(&ctx, l, t.paras[0].span.start, runs, 16, &line);
    ck_assert_uint_eq(flags_at(runs, n, t.paras[0].span.start), LEDE_RUN_HEADLINE);
    n = line_runs(&ctx, l, t.paras[2].span.start, runs, 16, &line);
    ck_assert_uint_eq(flags_at(runs, n, t.paras[2].span.start), 0);
    lede_layout_free(l);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_type_flag)
{
    ck_assert_uint_eq(lede_run_type_flag(LEDE_PERSON), LEDE_RUN_PERSON);
    ck_assert_uint_eq(lede_run_type_flag(LEDE_PLACE), LEDE_RUN_PLACE);
    ck_assert_uint_eq(lede_run_type_flag(LEDE_ORGANIZATION), LEDE_RUN_ORGANIZATION);
    ck_assert_uint_eq(lede_run_type_flag(LEDE_GROUP), LEDE_RUN_GROUP);
    ck_assert_uint_eq(lede_run_type_flag(LEDE_ENTITY_TYPES), 0);
}
END_TEST

START_TEST(test_run_style)
{
    lede_theme th;
    memset(&th, 0, sizeof th);
    for (int i = 0; i < LEDE_EL_COUNT; i++)
        th.styles[i] = (lede_style){LEDE_COLOR_DEFAULT, LEDE_COLOR_DEFAULT, 0};
    th.styles[LEDE_EL_TEXT] = (lede_style){7, LEDE_COLOR_DEFAULT, 0};
    th.styles[LEDE_EL_HEADLINE] =
        (lede_style){LEDE_COLOR_DEFAULT, LEDE_COLOR_DEFAULT, LEDE_ATTR_BOLD};
    th.styles[LEDE_EL_PERSON] = (lede_style){3, LEDE_COLOR_DEFAULT, LEDE_ATTR_BOLD};
    th.styles[LEDE_EL_QUOTE] = (lede_style){2, LEDE_COLOR_DEFAULT, LEDE_ATTR_ITALIC};
    th.styles[LEDE_EL_SELECTED] = (lede_style){LEDE_COLOR_DEFAULT, 4, LEDE_ATTR_UNDERLINE};
    th.styles[LEDE_EL_SEARCH] = (lede_style){0, 11, 0};
    th.styles[LEDE_EL_CURRENT] =
        (lede_style){LEDE_COLOR_DEFAULT, LEDE_COLOR_DEFAULT, LEDE_ATTR_REVERSE};

    lede_style s = lede_run_style(&th, 0);
    ck_assert_int_eq(s.fg, 7);
    ck_assert_uint_eq(s.attrs, 0);
    s = lede_run_style(&th, LEDE_RUN_HEADLINE | LEDE_RUN_BLANK);
    ck_assert_int_eq(s.fg, 7);
    ck_assert_uint_eq(s.attrs, LEDE_ATTR_BOLD);
    s = lede_run_style(&th, LEDE_RUN_PERSON | LEDE_RUN_QUOTE);
    ck_assert_int_eq(s.fg, 3);
    ck_assert_uint_eq(s.attrs, LEDE_ATTR_BOLD | LEDE_ATTR_ITALIC);
    s = lede_run_style(&th, LEDE_RUN_QUOTE);
    ck_assert_int_eq(s.fg, 2);
    s = lede_run_style(&th, LEDE_RUN_PERSON | LEDE_RUN_SELECTED);
    ck_assert_int_eq(s.fg, 3); /* selected has no fg: the entity colour shows */
    ck_assert_int_eq(s.bg, 4);
    s = lede_run_style(&th, LEDE_RUN_PERSON | LEDE_RUN_SELECTED | LEDE_RUN_SEARCH);
    ck_assert_int_eq(s.fg, 0);
    ck_assert_int_eq(s.bg, 11);
    s = lede_run_style(&th, LEDE_RUN_PERSON | LEDE_RUN_CURRENT);
    ck_assert_uint_eq(s.attrs & LEDE_ATTR_REVERSE, LEDE_ATTR_REVERSE);
    ck_assert_int_eq(s.fg, 3);
    /* The current search match is not reversed (that looked like a person's name):
     * the match's colours, underlined and bold. */
    s = lede_run_style(&th, LEDE_RUN_SEARCH | LEDE_RUN_CURRENT);
    ck_assert_uint_eq(s.attrs & LEDE_ATTR_REVERSE, 0);
    ck_assert_uint_eq(s.attrs & LEDE_ATTR_UNDERLINE, LEDE_ATTR_UNDERLINE);
    ck_assert_int_eq(s.fg, 0);
    ck_assert_int_eq(s.bg, 11);
}
END_TEST

/* Wraps s[0..len) at width: every line is contiguous with the next (no white space
 * in a word), exactly width columns but the last, and together they cover s. */
static size_t wrap_long_word(const char *s, size_t len, int width)
{
    /* Checked with a plain if, failing through ck_abort_msg: every passing ck_assert
     * records a mark point (a write to Check's pipe), which for millions of lines cost
     * 30 s of the test (60 s under ASan on a loaded machine). */
    size_t pos = 0, n = 0;
    while (pos < len) {
        size_t end;
        int cols;
        size_t next = lede_wrap_line(s, pos, len, width, &end, &cols);
        bool ok = end == next && next > pos && end - pos == (size_t)cols &&
                  (next == len || cols == width);
        if (!ok)
            ck_abort_msg("line %zu at byte %zu: next %zu, end %zu, %d cols (width %d)", n, pos,
                         next, end, cols, width);
        pos = next;
        n++;
    }
    ck_assert_uint_eq(pos, len);
    return n;
}

/* A word of megabytes: each line costs what it holds, so wrapping is linear. A
 * quadratic wrap (rescanning the rest of the word per line) makes this test hit its
 * timeout instead of finishing in a blink; nothing here measures time. */
START_TEST(test_wrap_huge_word)
{
    const size_t len = 2000000;
    char *w = malloc(len + 3);
    ck_assert_ptr_nonnull(w);
    memset(w, 'a', len);
    ck_assert_uint_eq(wrap_long_word(w, len, 80), len / 80);
    ck_assert_uint_eq(wrap_long_word(w, len, 1), len);
    ck_assert_uint_eq(wrap_long_word(w, len, 200), len / 200);

    /* After a short word the long one starts its own line. */
    w[1] = ' ';
    size_t end;
    int cols;
    ck_assert_uint_eq(lede_wrap_line(w, 0, len, 80, &end, &cols), 2);
    ck_assert_uint_eq(end, 1);
    ck_assert_uint_eq(wrap_long_word(w + 2, len - 2, 80), (len - 2 + 79) / 80);

    /* The same through a layout: a headline, then the word as its own paragraph. */
    memcpy(w, "H\n\n", 3);
    lede_text t;
    load(&t, w, len);
    free(w);
    ck_assert_uint_eq(t.n_paras, 2);
    lede_layout *l;
    ck_assert_int_eq(lede_layout_new(&t, 80, &l), LEDE_OK);
    lede_pos pos;
    ck_assert_int_eq(lede_layout_last(l, &pos), LEDE_OK);
    ck_assert_uint_eq(pos.para, 1);
    ck_assert_uint_eq(pos.line, (len - 3 + 79) / 80 - 1);
    lede_line line;
    ck_assert_int_eq(lede_layout_get(l, pos, &line), LEDE_OK);
    ck_assert_uint_eq(line.span.end, len);
    lede_layout_set_width(l, 1);
    ck_assert_int_eq(lede_layout_find(l, len - 1, &pos), LEDE_OK);
    ck_assert_uint_eq(pos.line, len - 4);
    lede_layout_free(l);
    lede_text_free(&t);
}
END_TEST

/* About 3 MB of paragraphs of varied length. */
static char *big_text(size_t *len)
{
    const size_t target = 3u << 20;
    char *b = malloc(target + 4096);
    ck_assert_ptr_nonnull(b);
    size_t n = 0;
    unsigned seed = 7;
    while (n < target) {
        size_t words = 20 + (seed % 120);
        for (size_t w = 0; w < words; w++) {
            seed = seed * 1103515245u + 12345u;
            static const char *const vocab[] = {"river", "Alice", "market", "stone",   "quietly",
                                                "the",   "a",     "bridge", "morning", "said"};
            n += (size_t)sprintf(b + n, "%s%s", w ? " " : "", vocab[(seed >> 16) % 10]);
        }
        n += (size_t)sprintf(b + n, ".\n\n");
    }
    *len = n;
    return b;
}

START_TEST(test_layout_big_is_lazy)
{
    size_t len;
    char *b = big_text(&len);
    lede_text t;
    load(&t, b, len);
    free(b);
    ck_assert_uint_gt(t.n_paras, 5000);
    /* Laziness is asserted by counting wrapped paragraphs, not by timing (the benchmark
     * measures time). */
    lede_layout *l;
    ck_assert_int_eq(lede_layout_new(&t, 80, &l), LEDE_OK);
    lede_pos pos = {0, 0};
    lede_line line;
    for (int i = 0; i < 50; i++) {
        ck_assert_int_eq(lede_layout_get(l, pos, &line), LEDE_OK);
        ck_assert_int_eq(lede_layout_move(l, &pos, 1, NULL), LEDE_OK);
    }
    ck_assert_uint_lt(lede_layout_wrap_count(l), 20);
    /* Jumping to the middle and the end wraps only what is shown. */
    size_t before = lede_layout_wrap_count(l);
    ck_assert_int_eq(lede_layout_find(l, len / 2, &pos), LEDE_OK);
    ck_assert_int_eq(lede_layout_last(l, &pos), LEDE_OK);
    ck_assert_int_eq(lede_layout_move(l, &pos, -40, NULL), LEDE_OK);
    ck_assert_uint_lt(lede_layout_wrap_count(l) - before, 20);
    lede_layout_free(l);
    lede_text_free(&t);
}
END_TEST

static Suite *layout_suite(void)
{
    Suite *s = suite_create("layout");
    TCase *tc = tcase_create("wrap");
    tcase_add_test(tc, test_wrap_samples);
    tcase_add_test(tc, test_wrap_exact);
    tcase_add_test(tc, test_text_cols);
    tcase_add_test(tc, test_wrap_clusters);
    suite_add_tcase(s, tc);
    tc = tcase_create("layout");
    tcase_add_test(tc, test_layout_lines);
    tcase_add_test(tc, test_layout_hard_wrapped);
    tcase_add_test(tc, test_layout_big_is_lazy);
    tcase_add_test(tc, test_wrap_huge_word);
    suite_add_tcase(s, tc);
    tc = tcase_create("runs");
    tcase_add_test(tc, test_runs);
    tcase_add_test(tc, test_headline_runs);
    tcase_add_test(tc, test_run_style);
    tcase_add_test(tc, test_type_flag);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(layout_suite());
}
