/* check_view_fit.c - view_fit, the one-line filler of the status line and the quotes
 * list: display columns (wide characters count two), the width and the buffer's bytes
 * never exceeded, "…" where a string is cut at its end or its start, and flattened
 * white space and controls. */
#include <string.h>
#include "check_util.h"
#include "view_fit.h"

START_TEST(columns_not_bytes)
{
    ck_assert_int_eq(view_fit_cols_of(""), 0);
    ck_assert_int_eq(view_fit_cols_of("Ruiz"), 4);
    ck_assert_int_eq(view_fit_cols_of("Valpara\xc3\xadso"), 10); /* í: two bytes, one column */
    ck_assert_int_eq(view_fit_cols_of("\xe6\x9d\xb1\xe4\xba\xac"), 4); /* 東京: two wide */
}
END_TEST

START_TEST(strings_stop_at_the_limit)
{
    char buf[64];
    view_fit f;
    view_fit_init(&f, buf, sizeof buf, 10);
    ck_assert_str_eq(buf, "");
    ck_assert(view_fit_str(&f, "quote ", 10));
    ck_assert(!view_fit_str(&f, "1/12 more", 10)); /* cut: what fits stays */
    ck_assert_str_eq(buf, "quote 1/12");
    ck_assert_int_eq(f.cols, 10);
    ck_assert(!view_fit_cp(&f, 'x'));
    /* A limit above the width is the width. */
    view_fit_init(&f, buf, sizeof buf, 3);
    ck_assert(!view_fit_str(&f, "abcd", 50));
    ck_assert_str_eq(buf, "abc");
    /* A wide character never straddles the edge. */
    view_fit_init(&f, buf, sizeof buf, 3);
    ck_assert(!view_fit_str(&f, "\xe6\x9d\xb1\xe4\xba\xac", 3));
    ck_assert_str_eq(buf, "\xe6\x9d\xb1");
    ck_assert_int_eq(f.cols, 2);
}
END_TEST

START_TEST(the_buffer_bounds_the_bytes)
{
    char buf[5];
    view_fit f;
    view_fit_init(&f, buf, sizeof buf, 80);
    ck_assert(!view_fit_str(&f, "abcdef", 80));
    ck_assert_str_eq(buf, "abcd");
    /* A character whose bytes do not fit is left out whole. */
    view_fit_init(&f, buf, sizeof buf, 80);
    view_fit_str(&f, "ab", 80);
    ck_assert(!view_fit_str(&f, "\xe2\x80\x94", 80));
    ck_assert_str_eq(buf, "ab");
}
END_TEST

START_TEST(cut_puts_the_ellipsis_last)
{
    char buf[64];
    view_fit f;
    view_fit_init(&f, buf, sizeof buf, 20);
    view_fit_cut(&f, "Elena Ruiz", 20); /* fits: unchanged */
    ck_assert_str_eq(buf, "Elena Ruiz");
    view_fit_init(&f, buf, sizeof buf, 20);
    view_fit_str(&f, "by ", 20);
    view_fit_cut(&f, "Elena Ruiz Montenegro", 10);
    ck_assert_str_eq(buf, "by Elena \xe2\x80\xa6");
    ck_assert_int_eq(f.cols, 10);
}
END_TEST

START_TEST(cut_left_keeps_the_end)
{
    char buf[64];
    view_fit f;
    view_fit_init(&f, buf, sizeof buf, 40);
    view_fit_cut_left(&f, "a/long/path/story.txt", 10);
    ck_assert_str_eq(buf, "\xe2\x80\xa6story.txt");
    ck_assert_int_eq(f.cols, 10);
    /* Fits: unchanged; under two columns of room: nothing. */
    view_fit_init(&f, buf, sizeof buf, 40);
    view_fit_cut_left(&f, "story.txt", 10);
    ck_assert_str_eq(buf, "story.txt");
    view_fit_init(&f, buf, sizeof buf, 40);
    view_fit_cut_left(&f, "story.txt", 1);
    ck_assert_str_eq(buf, "");
    /* Never the middle of a character. */
    view_fit_init(&f, buf, sizeof buf, 40);
    view_fit_cut_left(&f, "d/\xc3\xa9t\xc3\xa9.txt", 7);
    ck_assert_str_eq(buf, "\xe2\x80\xa6t\xc3\xa9.txt");
}
END_TEST

START_TEST(flat_makes_one_line)
{
    char buf[64];
    view_fit f;
    view_fit_init(&f, buf, sizeof buf, 40);
    const char *q = "We  will\n\tfinish\x1b[31m it";
    ck_assert(view_fit_flat(&f, q, strlen(q)));
    ck_assert_str_eq(buf, "We will finish [31m it");
    /* Too long: cut with "…" as the last column, and said so. */
    view_fit_init(&f, buf, sizeof buf, 8);
    q = "Nobody asked the fishermen";
    ck_assert(!view_fit_flat(&f, q, strlen(q)));
    ck_assert_int_le(f.cols, 8);
    ck_assert_ptr_nonnull(strstr(buf, "\xe2\x80\xa6"));
    ck_assert_uint_eq(strncmp(buf, "Nobody", 6), 0);
}
END_TEST

static Suite *view_fit_suite(void)
{
    Suite *s = suite_create("view_fit");
    TCase *tc = tcase_create("view_fit");
    tcase_add_test(tc, columns_not_bytes);
    tcase_add_test(tc, strings_stop_at_the_limit);
    tcase_add_test(tc, the_buffer_bounds_the_bytes);
    tcase_add_test(tc, cut_puts_the_ellipsis_last);
    tcase_add_test(tc, cut_left_keeps_the_end);
    tcase_add_test(tc, flat_makes_one_line);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(view_fit_suite());
}
