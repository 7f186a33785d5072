/* check_chars.c - character classes and backward decoding used by the annotator. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "lede/chars.h"
#include "check_util.h"

START_TEST(classes)
{
    ck_assert(lede_is_upper_cp('A') && !lede_is_upper_cp('a'));
    ck_assert(lede_is_upper_cp(0xC9) && lede_is_lower_cp(0xE9));   /* É é */
    ck_assert(lede_is_upper_cp(0x141) && lede_is_lower_cp(0x142)); /* Ł ł */
    ck_assert(lede_is_upper_cp(0x17B) && lede_is_lower_cp(0x17C)); /* Ż ż */
    ck_assert(lede_is_upper_cp(0x416) && lede_is_lower_cp(0x436)); /* Ж ж */
    ck_assert(lede_is_upper_cp(0x394) && lede_is_lower_cp(0x3B4)); /* Δ δ */
    ck_assert(!lede_is_upper_cp(0xD7) && !lede_is_word_cp(0xD7));  /* × */
    ck_assert(lede_is_word_cp(0x4E2D) && !lede_is_upper_cp(0x4E2D));
    ck_assert(!lede_is_word_cp(0x2019) && !lede_is_word_cp(0x201C) && !lede_is_word_cp(0x2014));
    ck_assert(!lede_is_word_cp(0xFFFD) && !lede_is_word_cp(0x1F600));
    ck_assert(lede_is_space_cp(0xA0) && lede_is_space_cp('\n') && !lede_is_space_cp('x'));
}
END_TEST

/* The byte-at-a-time count the eight-at-a-time one must agree with. */
static bool caps_slow(const char *s, size_t a, size_t b)
{
    size_t upper = 0, lower = 0;
    for (size_t i = a; i < b; i++) {
        upper += s[i] >= 'A' && s[i] <= 'Z';
        lower += s[i] >= 'a' && s[i] <= 'z';
    }
    return upper >= 3 && lower * 10 <= upper;
}

START_TEST(caps_line)
{
    const char *head = "LONDON 1996-08-30", *prose = "London is a city", *abc = "ABC";
    ck_assert(lede_caps_line(head, 0, strlen(head)));
    ck_assert(!lede_caps_line(prose, 0, strlen(prose)));
    ck_assert(lede_caps_line(abc, 0, 3) && !lede_caps_line(abc, 0, 2) && !lede_caps_line(abc, 1, 1));
    /* one small letter to ten capitals at most, at every offset and length, with bytes
     * above 0x80 between (never letters here) */
    const char *mixed = "SOCCER \xC3\x89 - RESULTS OF ENGLISH LEAGUE MATCHeS xY ZZZZZZZZZZZZZZZZZZZZa";
    size_t n = strlen(mixed);
    for (size_t a = 0; a < n; a++)
        for (size_t b = a; b <= n; b++)
            ck_assert_int_eq(lede_caps_line(mixed, a, b), caps_slow(mixed, a, b));
}
END_TEST

START_TEST(decode_backwards)
{
    const char *s = "aé’\xff";
    size_t len;
    size_t end = strlen(s);
    ck_assert_uint_eq(lede_cp_before(s, 0, end, &len), 0xFFFD);
    ck_assert_uint_eq(len, 1);
    end -= len;
    ck_assert_uint_eq(lede_cp_before(s, 0, end, &len), 0x2019);
    ck_assert_uint_eq(len, 3);
    end -= len;
    ck_assert_uint_eq(lede_cp_before(s, 0, end, &len), 0xE9);
    ck_assert_uint_eq(len, 2);
    end -= len;
    ck_assert_uint_eq(lede_cp_before(s, 0, end, &len), 'a');
    /* A lone continuation byte is one replacement, never a read before lo. */
    ck_assert_uint_eq(lede_cp_before("\x80\x80", 1, 2, &len), 0xFFFD);
    ck_assert_uint_eq(len, 1);
    ck_assert_uint_eq(lede_cp_at("é", 2, 0, &len), 0xE9);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("chars");
    TCase *tc = tcase_create("chars");
    tcase_add_test(tc, classes);
    tcase_add_test(tc, decode_backwards);
    tcase_add_test(tc, caps_line);
    suite_add_tcase(s, tc);
    return check_run(s);
}
