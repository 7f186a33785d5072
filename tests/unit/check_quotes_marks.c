/* check_quotes_marks.c - pairing quotation marks (src/quotes_marks.c): which glyphs are
 * marks, the byte scan that finds them, and pairing by a mark's neighbours: straight
 * quotes, marks glued to a word or of the wrong kind, nesting, a quote left open, a quote
 * that goes on after a sentence, markup attributes. Texts are written here. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "lede/text.h"
#include "check_util.h"
#include "quotes_impl.h"

static lede_text text;
static found_list fl;

static void setup(void)
{
    memset(&text, 0, sizeof text);
    memset(&fl, 0, sizeof fl);
}

static void teardown(void)
{
    free(fl.items);
    lede_text_free(&text);
}

/* Pairs the marks of every paragraph of s into fl; answers how many quotes. */
static size_t pair(const char *s)
{
    free(fl.items);
    memset(&fl, 0, sizeof fl);
    lede_text_free(&text);
    ck_assert_int_eq(lede_text_from_buffer(s, strlen(s), &text), LEDE_OK);
    for (size_t p = 0; p < text.n_paras; p++)
        ck_assert_int_eq(quote_pair_marks(&text, p, &fl), LEDE_OK);
    return fl.n;
}

/* The text of quote i (cut at 255 bytes; valid until the next call). */
static const char *quote_text(size_t i)
{
    static char buf[256];
    ck_assert_uint_lt(i, fl.n);
    size_t n = fl.items[i].end - fl.items[i].start;
    n = n < sizeof buf - 1 ? n : sizeof buf - 1;
    memcpy(buf, text.bytes + fl.items[i].start, n);
    buf[n] = '\0';
    return buf;
}

/* Straight, curly, low and guillemet marks, each with its length; others are none. */
START_TEST(glyphs)
{
    size_t len;
    ck_assert_int_eq(quote_mark_glyph("\"", 1, 0, &len), MARK_EITHER);
    ck_assert_uint_eq(len, 1);
    ck_assert_int_eq(quote_mark_glyph("“", 3, 0, &len), MARK_OPEN);
    ck_assert_uint_eq(len, 3);
    ck_assert_int_eq(quote_mark_glyph("„", 3, 0, &len), MARK_OPEN);
    ck_assert_int_eq(quote_mark_glyph("”", 3, 0, &len), MARK_CLOSE);
    ck_assert_int_eq(quote_mark_glyph("«", 2, 0, &len), MARK_OPEN);
    ck_assert_uint_eq(len, 2);
    ck_assert_int_eq(quote_mark_glyph("»", 2, 0, &len), MARK_CLOSE);
    /* Apostrophe, dash, pound sign (0xC2 0xA3), a letter: none. */
    ck_assert_int_eq(quote_mark_glyph("’", 3, 0, &len), MARK_NONE);
    ck_assert_int_eq(quote_mark_glyph("—", 3, 0, &len), MARK_NONE);
    ck_assert_int_eq(quote_mark_glyph("£", 2, 0, &len), MARK_NONE);
    ck_assert_int_eq(quote_mark_glyph("a", 1, 0, &len), MARK_NONE);
    /* A mark cut by end is none. */
    ck_assert_int_eq(quote_mark_glyph("“", 2, 0, &len), MARK_NONE);
    ck_assert(quote_is_mark('"'));
    ck_assert(quote_is_mark(0x201C));
    ck_assert(quote_is_mark(0x201D));
    ck_assert(quote_is_mark(0x201E));
    ck_assert(quote_is_mark(0xAB));
    ck_assert(quote_is_mark(0xBB));
    ck_assert(!quote_is_mark(0x2019));
    ck_assert(!quote_is_mark('\''));
}
END_TEST

/* The scan skips plain text many bytes at a time and non-mark bytes >= 0x80 (letters,
 * dashes, apostrophes, the pound sign) one by one; it finds the mark wherever it lies. */
START_TEST(next_mark_anywhere)
{
    /* Every offset of a mark in a longer run of text, ASCII and not. */
    static const char fill[] = "Héllo — it’s £5 and more plain words here ";
    char buf[256];
    size_t flen = strlen(fill);
    for (size_t at = 0; at < flen; at++) {
        if (((unsigned char)fill[at] & 0xC0) == 0x80)
            continue; /* not at a character boundary */
        memcpy(buf, fill, at);
        memcpy(buf + at, "“", 3);
        memcpy(buf + at + 3, fill, flen);
        size_t n = at + 3 + flen;
        ck_assert_uint_eq(quote_next_mark(buf, 0, n), at);
        ck_assert_uint_eq(quote_next_mark(buf, at + 1, n), n);
    }
    ck_assert_uint_eq(quote_next_mark(fill, 0, flen), flen);
    static const char s[] = "a \"b\" «c»";
    ck_assert_uint_eq(quote_next_mark(s, 0, strlen(s)), 2);
    ck_assert_uint_eq(quote_next_mark(s, 3, strlen(s)), 4);
    ck_assert_uint_eq(quote_next_mark(s, 5, strlen(s)), 6);
}
END_TEST

/* Straight quotes pair by their neighbours, as do marks glued to a word and marks of the
 * wrong kind. */
START_TEST(pairs_by_neighbours)
{
    ck_assert_uint_eq(pair("He said \"We won\" and \"We lost\" later.\n"), 2);
    ck_assert_str_eq(quote_text(0), "\"We won\"");
    ck_assert_str_eq(quote_text(1), "\"We lost\"");
    ck_assert(fl.items[0].closed && fl.items[1].closed);
    ck_assert_uint_eq(fl.items[0].q.speaker, LEDE_NONE);
    ck_assert_uint_eq(fl.items[0].q.span.start, fl.items[0].start);
    ck_assert_uint_eq(fl.items[0].q.span.end, fl.items[0].end);
    ck_assert_uint_eq(pair("The sign read:\"Keep out.\" So we left.\n"), 1);
    ck_assert_str_eq(quote_text(0), "\"Keep out.\"");
    /* A closing glyph after a space and before a word opens. */
    ck_assert_uint_eq(pair("He said ”We won,” and left.\n"), 1);
    ck_assert_str_eq(quote_text(0), "”We won,”");
    ck_assert_uint_eq(pair("Elle a dit « non » hier.\n"), 1);
    ck_assert_str_eq(quote_text(0), "« non »");
}
END_TEST

/* A quote inside a quote stays inside; a quote left open ends with its paragraph, not
 * the article; each quote knows its paragraph and whether it opens it. */
START_TEST(nesting_and_open_quotes)
{
    ck_assert_uint_eq(pair("She said: “He called it “odd” and left.” Then\n"), 1);
    ck_assert_str_eq(quote_text(0), "“He called it “odd” and left.”");
    ck_assert_uint_eq(pair("She said: “We will not stop\n\n“We never do,” she said.\n"), 2);
    ck_assert_str_eq(quote_text(0), "“We will not stop");
    ck_assert(!fl.items[0].closed);
    ck_assert(!fl.items[0].opens_para);
    ck_assert_uint_eq(fl.items[0].para, 0);
    ck_assert_str_eq(quote_text(1), "“We never do,”");
    ck_assert(fl.items[1].closed);
    ck_assert(fl.items[1].opens_para);
    ck_assert_uint_eq(fl.items[1].para, 1);
    /* A run of opening marks far deeper than any text nests is one quote to the end
     * of its paragraph. */
    char buf[512];
    size_t n = 0;
    for (int k = 0; k < 100; k++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, " “");
    snprintf(buf + n, sizeof buf - n, "x\nNext.\n");
    ck_assert_uint_eq(pair(buf), 1);
    ck_assert(!fl.items[0].closed);
    ck_assert_uint_eq(fl.items[0].end, text.paras[0].span.end);
}
END_TEST

/* An opening mark after the end of a sentence while a quote is open starts a new quote
 * (paragraphs of a long quote run together); markup attributes are no quotes. */
START_TEST(reopen_and_markup)
{
    ck_assert_uint_eq(pair("Ms Oduya said: “We lost. “We go on,” she added.\n"), 2);
    ck_assert_str_eq(quote_text(0), "“We lost.");
    ck_assert(!fl.items[0].closed);
    ck_assert_str_eq(quote_text(1), "“We go on,”");
    ck_assert(fl.items[1].closed);
    ck_assert_uint_eq(pair("<post author=\"kim\" id=\"4\">Fine day.</post> He said \"Yes\".\n"), 1);
    ck_assert_str_eq(quote_text(0), "\"Yes\"");
    ck_assert_uint_eq(pair("No quotes here at all, only words.\n"), 0);
}
END_TEST

static Suite *quotes_marks_suite(void)
{
    Suite *s = suite_create("quotes_marks");
    TCase *tc = tcase_create("marks");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, glyphs);
    tcase_add_test(tc, next_mark_anywhere);
    tcase_add_test(tc, pairs_by_neighbours);
    tcase_add_test(tc, nesting_and_open_quotes);
    tcase_add_test(tc, reopen_and_markup);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(quotes_marks_suite());
}
