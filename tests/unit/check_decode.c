/* check_decode.c - other encodings made UTF-8: guessing, converting, --encoding. */
#include <check.h>
#include <stdlib.h>
#include "check_input.h"
#include "check_util.h"
#include "lede/input.h"

START_TEST(test_guess)
{
    ck_assert_ptr_null(lede_decode_guess("plain ASCII", 11));
    ck_assert_ptr_null(lede_decode_guess("caf\xC3\xA9", 5));
    ck_assert_str_eq(lede_decode_guess("caf\xE9", 4), "Windows-1252");
    ck_assert_str_eq(lede_decode_guess("\x93quoted\x94 \x80" "5", 11), "Windows-1252");
    /* UTF-8 with a stray byte stays UTF-8: converting would garble the rest. */
    ck_assert_ptr_null(lede_decode_guess("caf\xC3\xA9 and \xE9", 10));
    /* A byte Windows-1252 does not define. */
    ck_assert_ptr_null(lede_decode_guess("a\x81" "b\xE9", 4));
    ck_assert_str_eq(lede_decode_guess("\xFF\xFEh\0i\0", 6), "UTF-16");
    ck_assert_str_eq(lede_decode_guess("\xFE\xFF\0h\0i", 6), "UTF-16");
}
END_TEST

START_TEST(test_convert)
{
    char *out;
    size_t n;
    ck_assert_int_eq(lede_decode("Windows-1252", "\x93Jos\xE9\x94 \x80", 8, &out, &n), LEDE_OK);
    ck_assert_str_eq(out, "\xE2\x80\x9CJos\xC3\xA9\xE2\x80\x9D \xE2\x82\xAC");
    ck_assert_uint_eq(n, strlen(out));
    free(out);
    ck_assert_int_eq(lede_decode("UTF-16", "\xFF\xFEh\0\xE9\0", 6, &out, &n), LEDE_OK);
    ck_assert_str_eq(out, "h\xC3\xA9");
    free(out);
    /* Big-endian, and no BOM in the output. */
    ck_assert_int_eq(lede_decode("UTF-16", "\xFE\xFF\0h\0i", 6, &out, &n), LEDE_OK);
    ck_assert_str_eq(out, "hi");
    free(out);
    /* A lone surrogate, a truncated unit, an unknown encoding. */
    ck_assert_int_eq(lede_decode("UTF-16LE", "\x00\xD8x\0", 4, &out, &n), LEDE_ERR_ENCODING);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(lede_decode("UTF-16LE", "h\0i", 3, &out, &n), LEDE_ERR_ENCODING);
    ck_assert_int_eq(lede_decode("NO-SUCH-ENCODING", "x", 1, &out, &n), LEDE_ERR_ENCODING);
    ck_assert(lede_decode_known("latin1"));
    ck_assert(!lede_decode_known("NO-SUCH-ENCODING"));
    ck_assert(lede_decode_is_utf8("utf-8") && lede_decode_is_utf8("UTF8"));
}
END_TEST

START_TEST(test_fixtures)
{
    lede_text t;
    ck_assert_int_eq(lede_text_load(FIX("cp1252.txt"), &t), LEDE_OK);
    ck_assert_str_eq(t.encoding, "Windows-1252");
    ck_assert_str_eq(t.input, "text");
    ck_assert_uint_eq(t.invalid_bytes, 0);
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "Caf\xC3\xA9 owners fight new rules in S\xC3\xA3o Martinho");
    ck_assert(has_text(&t, "Jos\xC3\xA9 Mart\xC3\xADnez"));
    ck_assert(has_text(&t, "\xE2\x82\xAC" "4,000"));
    lede_text_free(&t);

    ck_assert_int_eq(lede_text_load(FIX("utf16.txt"), &t), LEDE_OK);
    ck_assert_str_eq(t.encoding, "UTF-16");
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "Z\xC3\xBCrich tram strike ends after talks");
    ck_assert_uint_eq(t.n_paras, 2);
    lede_text_free(&t);

    /* Forced: Latin-1 read as ISO-8859-1, or as UTF-8 (as it is: invalid bytes). */
    lede_read_opts latin = {0, "ISO-8859-1"}, utf8 = {0, "utf-8"}, wrong = {0, "UTF-16LE"};
    ck_assert_int_eq(lede_text_load_with(FIX("cp1252.txt"), &latin, &t), LEDE_OK);
    ck_assert_str_eq(t.encoding, "ISO-8859-1");
    lede_text_free(&t);
    ck_assert_int_eq(lede_text_load_with(FIX("cp1252.txt"), &utf8, &t), LEDE_OK);
    ck_assert_ptr_null(t.encoding);
    ck_assert_uint_gt(t.invalid_bytes, 0);
    lede_text_free(&t);
    /* An odd number of bytes is no UTF-16. */
    ck_assert_int_eq(lede_text_load_with(FIX("email.txt"), &wrong, &t), LEDE_ERR_ENCODING);
}
END_TEST

START_TEST(test_binary_stays_binary)
{
    lede_text t;
    static const char bin[] = "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0"
                              "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";
    ck_assert_int_eq(lede_text_from_buffer(bin, sizeof bin - 1, &t), LEDE_ERR_BINARY);
    /* UTF-16 of control characters is binary once converted. */
    static const char ctl[] = "\xFF\xFE\x01\0\x02\0\x03\0\x04\0\x05\0\x06\0\x01\0\x02\0\x03\0";
    ck_assert_int_eq(lede_text_from_buffer(ctl, sizeof ctl - 1, &t), LEDE_ERR_BINARY);
    ck_assert_int_eq(lede_text_from_buffer("\xFF\xFE \0\n\0", 6, &t), LEDE_ERR_EMPTY);
}
END_TEST

static Suite *decode_suite(void)
{
    Suite *s = suite_create("decode");
    TCase *tc = tcase_create("decode");
    tcase_add_test(tc, test_guess);
    tcase_add_test(tc, test_convert);
    tcase_add_test(tc, test_fixtures);
    tcase_add_test(tc, test_binary_stays_binary);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(decode_suite());
}
