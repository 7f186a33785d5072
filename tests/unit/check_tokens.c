/* check_tokens.c - the tagger's tokeniser: words, abbreviations, possessives, offsets. */
#include <string.h>
#include "check_util.h"
#include "lede/tokens.h"

static lede_lexicon *lex;
static lede_tokens toks;
static const char *src;

static void setup(void)
{
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
}

static void teardown(void)
{
    lede_tokens_free(&toks);
    lede_lexicon_free(lex);
}

static void cut(const char *s)
{
    src = s;
    ck_assert_int_eq(lede_tokenize(lex, s, 0, strlen(s), &toks), LEDE_OK);
}

/* Token k as a string (static buffer). */
static const char *tok(size_t k)
{
    static char buf[256];
    ck_assert_uint_lt(k, toks.n);
    snprintf(buf, sizeof buf, "%.*s", (int)toks.items[k].len, src + toks.items[k].start);
    return buf;
}

START_TEST(abbreviations_and_joined_words)
{
    cut("Mr. O'Brien of the U.S. met AT&T and Solberg-Haug at 10:30 on 1996-08-22.");
    const char *want[] = {"Mr.", "O'Brien", "of",  "the", "U.S.",  "met", "AT&T", "and",
                          "Solberg-Haug", "at", "10:30", "on", "1996-08-22", "."};
    ck_assert_uint_eq(toks.n, sizeof want / sizeof want[0]);
    for (size_t k = 0; k < toks.n; k++)
        ck_assert_str_eq(tok(k), want[k]);
    ck_assert(toks.items[0].flags & LEDE_TOK_SENT);
    ck_assert(toks.items[0].flags & LEDE_TOK_CAP);
    ck_assert(toks.items[2].flags & LEDE_TOK_LOWER);
    ck_assert(toks.items[10].flags & LEDE_TOK_DIGIT);
    ck_assert(!(toks.items[4].flags & LEDE_TOK_SENT));
}
END_TEST

START_TEST(possessives_split_off)
{
    cut("Putin’s aide met Trump's team. Then it's over.");
    ck_assert_str_eq(tok(0), "Putin");
    ck_assert_str_eq(tok(1), "’s");
    ck_assert(toks.items[1].flags & LEDE_TOK_POSS);
    ck_assert_str_eq(tok(4), "Trump");
    ck_assert_str_eq(tok(5), "'s");
    ck_assert_str_eq(tok(8), "Then");
    ck_assert(toks.items[8].flags & LEDE_TOK_SENT);
}
END_TEST

/* Only an apostrophe (straight or curly) before an 's' ending a word of three bytes or
 * more makes a possessive: a word in 's' alone, a short one, or an 's' after another
 * sign whose last byte is a curly apostrophe's (0x99: "™") stays apart. */
START_TEST(possessives_need_the_apostrophe)
{
    cut("s as bus X's XS KINGS'S Ann\xE2\x80\x99S \xE2\x84\xA2s");
    const char *want[] = {"s", "as", "bus", "X", "'s", "XS", "KINGS", "'S", "Ann",
                          "\xE2\x80\x99S", "\xE2\x84\xA2", "s"};
    ck_assert_uint_eq(toks.n, sizeof want / sizeof want[0]);
    for (size_t k = 0; k < toks.n; k++) {
        ck_assert_str_eq(tok(k), want[k]);
        bool poss = k == 4 || k == 7 || k == 9;
        ck_assert_msg(!(toks.items[k].flags & LEDE_TOK_POSS) == !poss, "token %zu", k);
    }
}
END_TEST

START_TEST(offsets_are_paragraph_relative_and_caps_lines_marked)
{
    const char *s = "xx LONDON 1996-08-30\n";
    src = s + 3;
    ck_assert_int_eq(lede_tokenize(lex, s, 3, 20, &toks), LEDE_OK);
    ck_assert_uint_eq(toks.n, 2);
    ck_assert_uint_eq(toks.items[0].start, 0);
    ck_assert_str_eq(tok(0), "LONDON");
    ck_assert(toks.items[0].flags & LEDE_TOK_CAPS);
}
END_TEST

START_TEST(utf8_words_and_invalid_bytes)
{
    cut("Zoë Lefèvre \xff\xfe Kraków");
    ck_assert_str_eq(tok(0), "Zoë");
    ck_assert_str_eq(tok(1), "Lefèvre");
    ck_assert(toks.items[1].flags & LEDE_TOK_CAP);
    ck_assert(!(toks.items[1].flags & LEDE_TOK_ASCII));
    ck_assert_str_eq(tok(toks.n - 1), "Kraków");
}
END_TEST

/* A word's ASCII and digit flags describe its own bytes, whatever the tokeniser read
 * past it (a curly possessive, a closing quote, a non-ASCII hyphen inside). */
START_TEST(flags_describe_the_token_bytes)
{
    cut("\u201cPutin\u2019s\u201d R2-D2\u2019s Sj\u00f6berg\u2010Haug 1996\u2019s N\u00b0 5 AT&T's "
        "M.\u00a0Bj\u00f6rk, 1,000.5 U.S.\u2019s Lund\u201d. "
        "ab cd5 efghijklmnop7 qr xyz12345678 s");
    size_t words = 0;
    for (size_t k = 0; k < toks.n; k++) {
        const lede_token *t = &toks.items[k];
        if (!(t->flags & LEDE_TOK_WORD) || (t->flags & LEDE_TOK_POSS))
            continue;
        bool ascii = true, digit = false;
        for (size_t b = t->start; b < t->start + t->len; b++) {
            ascii = ascii && (unsigned char)src[b] < 0x80;
            digit = digit || (src[b] >= '0' && src[b] <= '9');
        }
        ck_assert_msg(!(t->flags & LEDE_TOK_ASCII) == !ascii, "ascii of %s", tok(k));
        ck_assert_msg(!(t->flags & LEDE_TOK_DIGIT) == !digit, "digit of %s", tok(k));
        words++;
    }
    ck_assert_uint_ge(words, 10);
}
END_TEST

START_TEST(long_words_are_cut)
{
    size_t n = 200000;
    char *s = malloc(n + 1);
    ck_assert_ptr_nonnull(s);
    memset(s, 'a', n);
    s[n] = '\0';
    src = s;
    ck_assert_int_eq(lede_tokenize(lex, s, 0, n, &toks), LEDE_OK);
    size_t total = 0;
    for (size_t k = 0; k < toks.n; k++)
        total += toks.items[k].len;
    ck_assert_uint_eq(total, n);
    free(s);
}
END_TEST

static Suite *tokens_suite(void)
{
    Suite *s = suite_create("tokens");
    TCase *tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, abbreviations_and_joined_words);
    tcase_add_test(tc, flags_describe_the_token_bytes);
    tcase_add_test(tc, possessives_split_off);
    tcase_add_test(tc, possessives_need_the_apostrophe);
    tcase_add_test(tc, offsets_are_paragraph_relative_and_caps_lines_marked);
    tcase_add_test(tc, utf8_words_and_invalid_bytes);
    tcase_add_test(tc, long_words_are_cut);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(tokens_suite());
}
