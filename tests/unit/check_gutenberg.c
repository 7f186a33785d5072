/* check_gutenberg.c - a Project Gutenberg book without its head and licence. */
#define _GNU_SOURCE /* memmem */
#include <check.h>
#include <unistd.h>
#include "check_input.h"
#include "check_util.h"
#include "lede/input.h"

#define BOOK LEDE_SHARED "/corpus/books/war-and-peace.txt"

START_TEST(test_fixture)
{
    lede_text t;
    ck_assert_int_eq(lede_text_load(FIX("gutenberg.txt"), &t), LEDE_OK);
    ck_assert_str_eq(t.input, "gutenberg");
    expect_sane(&t);
    /* Offsets still mean the file: the bytes are as read. */
    ck_assert_uint_eq(t.len, 1664);
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "THE LIGHTHOUSE KEEPER");
    for (size_t i = 0; i < t.n_paras; i++) {
        const lede_span s = t.paras[i].span;
        ck_assert_ptr_null(memmem(t.bytes + s.start, s.end - s.start, "Gutenberg", 9));
        ck_assert_ptr_null(memmem(t.bytes + s.start, s.end - s.start, "GUTENBERG", 9));
    }
    ck_assert_uint_eq(t.n_paras, 5);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_marks)
{
    size_t from, to;
    const char *b = "head\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\nbook\n"
                    "*** END OF THE PROJECT GUTENBERG EBOOK X ***\nlicence\n";
    ck_assert(lede_gutenberg_range(b, strlen(b), &from, &to));
    ck_assert_uint_eq(to - from, 5);
    ck_assert_int_eq(memcmp(b + from, "book\n", 5), 0);
    /* No end: the rest is the book. */
    ck_assert(lede_gutenberg_range(b, 57, &from, &to));
    ck_assert_uint_eq(to, 57);
    ck_assert(!lede_gutenberg_range("A story about Project Gutenberg.\n", 33, &from, &to));
}
END_TEST

START_TEST(test_war_and_peace)
{
    lede_text t;
    ck_assert_int_eq(lede_text_load(BOOK, &t), LEDE_OK);
    ck_assert_str_eq(t.input, "gutenberg");
    for (size_t i = 0; i < t.n_paras; i++) {
        const lede_span s = t.paras[i].span;
        ck_assert_ptr_null(memmem(t.bytes + s.start, s.end - s.start, "Gutenberg", 9));
    }
    lede_text_free(&t);
}
END_TEST

static Suite *gutenberg_suite(void)
{
    Suite *s = suite_create("gutenberg");
    TCase *tc = tcase_create("book");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_fixture);
    tcase_add_test(tc, test_marks);
    suite_add_tcase(s, tc);
    /* Needs ../shared: unit.check_gutenberg.shared, skipped without it. */
    TCase *shared = tcase_create("war_and_peace");
    tcase_set_tags(shared, CHECK_SHARED);
    tcase_set_timeout(shared, 60);
    tcase_add_test(shared, test_war_and_peace);
    suite_add_tcase(s, shared);
    return s;
}

int main(void)
{
    return check_run_shared(gutenberg_suite(), BOOK);
}
