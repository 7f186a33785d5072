/* check_grow.c - lede_grow: growth from empty, no-op below capacity, doubling, overflow;
 * lede_grow_zeroed: the added items are zero. */
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

START_TEST(zeroed_grows_with_zeros_and_keeps_items)
{
    long *a = NULL;
    size_t cap = 0;

    ck_assert_int_eq(LEDE_GROW_ZEROED(a, cap, 3), LEDE_OK);
    for (size_t i = 0; i < cap; i++)
        ck_assert_int_eq(a[i], 0);
    a[2] = 42;
    size_t had = cap;
    ck_assert_int_eq(LEDE_GROW_ZEROED(a, cap, had + 1), LEDE_OK);
    ck_assert_uint_eq(cap, 2 * had);
    ck_assert_int_eq(a[2], 42); /* what was there stays */
    for (size_t i = had; i < cap; i++)
        ck_assert_int_eq(a[i], 0);
    /* Below capacity nothing is touched, written slots included. */
    a[cap - 1] = 9;
    ck_assert_int_eq(LEDE_GROW_ZEROED(a, cap, cap), LEDE_OK);
    ck_assert_int_eq(a[cap - 1], 9);
    /* Overflow: refused, array as it was. */
    long *before = a;
    ck_assert_int_eq(LEDE_GROW_ZEROED(a, cap, SIZE_MAX), LEDE_ERR_NOMEM);
    ck_assert_ptr_eq(a, before);
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
    tcase_add_test(tc, zeroed_grows_with_zeros_and_keeps_items);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(grow_suite());
}
