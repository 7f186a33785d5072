/* check_input.c - lede_input_adopt, the one path from bytes as read to a text: what the
 * bytes are is decided by their content (plain text, a web page, a header block, a
 * Gutenberg book, UTF-16 with a BOM, Windows-1252), a forced encoding is obeyed, and
 * empty or binary input is refused. The extractors themselves have their own suites
 * (check_html, check_header, check_gutenberg, check_decode, check_text). */
#include <stdlib.h>
#include <string.h>
#include "check_input.h"
#include "check_util.h"
#include "lede/input.h"

/* Adopts a malloc'd copy of s[0..len) (lede_input_adopt takes ownership) with encoding
 * enc (NULL: detect) into t. */
static lede_status adopt(const char *s, size_t len, const char *enc, lede_text *t)
{
    char *bytes = malloc(len + 1);
    ck_assert_ptr_nonnull(bytes);
    memcpy(bytes, s, len);
    bytes[len] = '\0';
    lede_read_opts opts = {0, enc};
    return lede_input_adopt(bytes, len, &opts, t);
}

/* adopt() of a NUL-terminated string, which must succeed. */
static void adopt_ok(const char *s, const char *enc, lede_text *t)
{
    ck_assert_int_eq(adopt(s, strlen(s), enc, t), LEDE_OK);
    expect_sane(t);
}

START_TEST(plain_utf8_keeps_its_bytes)
{
    lede_text t;
    const char *s = "Harbour deal\n\nElena Ruiz signed it in Valpara\xc3\xadso.\n";
    adopt_ok(s, NULL, &t);
    ck_assert_str_eq(t.input, "text");
    ck_assert_ptr_null(t.encoding);
    ck_assert_uint_eq(t.len, strlen(s));
    ck_assert_int_eq(memcmp(t.bytes, s, t.len), 0);
    lede_text_free(&t);
}
END_TEST

START_TEST(content_decides_the_kind)
{
    lede_text t;
    adopt_ok("<!doctype html><html><head><title>Pier</title></head><body><article>"
             "<h1>Pier opens</h1><p>The new pier opened on Monday in Lisbon, the mayor "
             "said at the ceremony.</p></article></body></html>\n",
             NULL, &t);
    ck_assert_str_eq(t.input, "html");
    ck_assert(has_text(&t, "The new pier opened"));
    ck_assert(!has_text(&t, "<p>"));
    lede_text_free(&t);

    adopt_ok("Title: Pier opens\nLink: http://example.org/pier\n \nThe pier opened.\n", NULL,
             &t);
    ck_assert_str_eq(t.input, "newsboat");
    ck_assert(has_text(&t, "The pier opened."));
    lede_text_free(&t);

    adopt_ok("Licence first\n*** START OF THE PROJECT GUTENBERG EBOOK PIER ***\n\nThe pier.\n\n"
             "*** END OF THE PROJECT GUTENBERG EBOOK PIER ***\nLicence last\n",
             NULL, &t);
    ck_assert_str_eq(t.input, "gutenberg");
    ck_assert_uint_eq(t.n_paras, 1);
    expect_para(&t, 0, LEDE_PARA_BODY, "The pier.");
    lede_text_free(&t);
}
END_TEST

START_TEST(other_encodings_become_utf8)
{
    lede_text t;
    /* UTF-16 little-endian with its BOM: "Pi\u00e9r\n". */
    static const char utf16[] = "\xff\xfeP\0i\0\xe9\0r\0\n\0";
    ck_assert_int_eq(adopt(utf16, sizeof utf16 - 1, NULL, &t), LEDE_OK);
    ck_assert_str_eq(t.encoding, "UTF-16");
    ck_assert(has_text(&t, "Pi\xc3\xa9r"));
    lede_text_free(&t);

    /* Not UTF-8 but valid Windows-1252: read as that, the pound sign converted. */
    adopt_ok("The club paid \xa3" "15m for Ivo Kern.\n", NULL, &t);
    ck_assert_str_eq(t.encoding, "Windows-1252");
    ck_assert_uint_eq(t.invalid_bytes, 0);
    ck_assert(has_text(&t, "\xc2\xa3" "15m"));
    lede_text_free(&t);
}
END_TEST

START_TEST(a_forced_encoding_is_obeyed)
{
    lede_text t;
    /* UTF-8 named: the bytes as read, the invalid one counted, not guessed away. */
    adopt_ok("The club paid \xa3" "15m.\n", "UTF-8", &t);
    ck_assert_ptr_null(t.encoding);
    ck_assert_uint_eq(t.invalid_bytes, 1);
    lede_text_free(&t);
    /* Latin-1 named for bytes that are UTF-8: each byte becomes a character. */
    adopt_ok("caf\xc3\xa9\n", "ISO-8859-1", &t);
    ck_assert_str_eq(t.encoding, "ISO-8859-1");
    ck_assert(has_text(&t, "caf\xc3\x83\xc2\xa9"));
    lede_text_free(&t);
    ck_assert_int_eq(adopt("text\n", 5, "NO-SUCH-ENCODING", &t), LEDE_ERR_ENCODING);
}
END_TEST

START_TEST(empty_and_binary_input_is_refused)
{
    lede_text t;
    ck_assert_int_eq(adopt("", 0, NULL, &t), LEDE_ERR_EMPTY);
    ck_assert_int_eq(adopt(" \r\n\t\n", 5, NULL, &t), LEDE_ERR_EMPTY);
    static const char nuls[] = "ab\0\0\0\0cd\0\0\0\0\0\0ef";
    ck_assert_int_eq(adopt(nuls, sizeof nuls - 1, NULL, &t), LEDE_ERR_BINARY);
    /* A book whose marks hold nothing is empty too. */
    const char *book = "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\n\n"
                       "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n";
    ck_assert_int_eq(adopt(book, strlen(book), NULL, &t), LEDE_ERR_EMPTY);
}
END_TEST

START_TEST(a_page_nested_too_deep_is_plain_text)
{
    /* Deeper than LEDE_HTML_MAX_DEPTH: shown as the text it is, never parsed. */
    size_t n = LEDE_HTML_MAX_DEPTH + 10, len = 6 + n * 5 + 4;
    char *page = malloc(len + 1);
    ck_assert_ptr_nonnull(page);
    memcpy(page, "<html>", 6);
    for (size_t i = 0; i < n; i++)
        memcpy(page + 6 + i * 5, "<div>", 5);
    memcpy(page + len - 4, "Hi.\n", 4);
    page[len] = '\0';
    lede_text t;
    adopt_ok(page, NULL, &t);
    ck_assert_str_eq(t.input, "text");
    lede_text_free(&t);
    free(page);
}
END_TEST

static Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("input");
    tcase_add_test(tc, plain_utf8_keeps_its_bytes);
    tcase_add_test(tc, content_decides_the_kind);
    tcase_add_test(tc, other_encodings_become_utf8);
    tcase_add_test(tc, a_forced_encoding_is_obeyed);
    tcase_add_test(tc, empty_and_binary_input_is_refused);
    tcase_add_test(tc, a_page_nested_too_deep_is_plain_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(input_suite());
}
