/* check_grow.c - lede_grow: growth from empty, no-op below capacity, doubling, overflow. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include "lede/grow.h"
#include "check_util.h"

START_TEST(grows_from_empty)
{
    int *a = NULL;
    size_t cap = 0;

    ck_assert_int_eq(LEDE_GROW(a, cap, 1), LEDE_OK);
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_eq(cap, LEDE_GROW_FIRST);
    a[cap - 1] = 7;
    ck_assert_int_eq(LEDE_GROW(a, cap, 1000), LEDE_OK);
    ck_assert_uint_ge(cap, 1000);
    ck_assert_uint_lt(cap, 2000);
    ck_assert_int_eq(a[LEDE_GROW_FIRST - 1], 7);
    a[cap - 1] = 1;
    free(a);
}
END_TEST

START_TEST(need_below_cap_is_noop)
{
    char *a = NULL;
    size_t cap = 0;

    ck_assert_int_eq(LEDE_GROW(a, cap, 100), LEDE_OK);
    char *before = a;
    size_t had = cap;
    ck_assert_int_eq(LEDE_GROW(a, cap, 0), LEDE_OK);
    ck_assert_int_eq(LEDE_GROW(a, cap, had), LEDE_OK);
    ck_assert_ptr_eq(a, before);
    ck_assert_uint_eq(cap, had);
    free(a);
}
END_TEST

START_TEST(doubles_one_at_a_time)
{
    double *a = NULL;
    size_t cap = 0, grew = 0;

    for (size_t i = 0; i < 100000; i++) {
        size_t had = cap;
        ck_assert_int_eq(LEDE_GROW(a, cap, i + 1), LEDE_OK);
        if (cap != had) {
            grew++;
            ck_assert(had == 0 || cap == 2 * had);
        }
        a[i] = (double)i;
    }
    ck_assert_uint_le(grew, 14); /* 16 << 13 > 100000 */
    ck_assert(a[99999] == 99999.0);
    free(a);
}
END_TEST

START_TEST(overflow_leaves_array_alone)
{
    struct big {
        char b[64];
    } *a = NULL;
    size_t cap = 0;

    ck_assert_int_eq(LEDE_GROW(a, cap, 3), LEDE_OK);
    struct big *before = a;
    size_t had = cap;
    ck_assert_int_eq(LEDE_GROW(a, cap, SIZE_MAX / sizeof *a + 1), LEDE_ERR_NOMEM);
    ck_assert_int_eq(LEDE_GROW(a, cap, SIZE_MAX), LEDE_ERR_NOMEM);
    ck_assert_ptr_eq(a, before);
    ck_assert_uint_eq(cap, had);
    /* From empty too: nothing allocated, nothing to free. */
    struct big *none = NULL;
    size_t zero = 0;
    ck_assert_int_eq(LEDE_GROW(none, zero, SIZE_MAX / 2), LEDE_ERR_NOMEM);
    ck_assert_ptr_null(none);
    ck_assert_uint_eq(zero, 0);
    free(a);
}
END_TEST

static Suite *grow_suite(void)
{
    Suite *s = suite_create("grow");
    TCase *tc = tcase_create("grow");

    tcase_add_test(tc, grows_from_empty);
    tcase_add_test(tc, need_below_cap_is_noop);
    tcase_add_test(tc, doubles_one_at_a_time);
    tcase_add_test(tc, overflow_leaves_array_alone);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(grow_suite());
}
