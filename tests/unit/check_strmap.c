/* check_strmap.c - the string map: put, get, replace, growth, binary keys. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/strmap.h"
#include "check_util.h"

START_TEST(put_get_replace)
{
    lede_strmap m;
    lede_strmap_init(&m);
    ck_assert_uint_eq(lede_strmap_get(&m, "a", 1), UINT32_MAX);
    ck_assert_int_eq(lede_strmap_put(&m, "Trump", 5, 7), LEDE_OK);
    ck_assert_uint_eq(lede_strmap_get(&m, "Trump", 5), 7);
    ck_assert_uint_eq(lede_strmap_get(&m, "Trum", 4), UINT32_MAX);
    ck_assert_uint_eq(lede_strmap_get(&m, "trump", 5), UINT32_MAX);
    ck_assert_int_eq(lede_strmap_put(&m, "Trump", 5, 9), LEDE_OK);
    ck_assert_uint_eq(lede_strmap_get(&m, "Trump", 5), 9);
    ck_assert_uint_eq(m.count, 1);
    lede_strmap_free(&m);
    ck_assert_uint_eq(m.count, 0);
}
END_TEST

START_TEST(grows_and_keeps_everything)
{
    lede_strmap m;
    lede_strmap_init(&m);
    char key[32];
    for (uint32_t i = 0; i < 50000; i++) {
        int len = snprintf(key, sizeof key, "name-%u", i);
        ck_assert_int_eq(lede_strmap_put(&m, key, (size_t)len, i), LEDE_OK);
    }
    ck_assert_uint_eq(m.count, 50000);
    ck_assert_uint_le(m.count * 10, m.cap * 7);
    for (uint32_t i = 0; i < 50000; i++) {
        int len = snprintf(key, sizeof key, "name-%u", i);
        ck_assert_uint_eq(lede_strmap_get(&m, key, (size_t)len), i);
    }
    lede_strmap_free(&m);
}
END_TEST

START_TEST(keys_are_bytes)
{
    lede_strmap m;
    lede_strmap_init(&m);
    ck_assert_int_eq(lede_strmap_put(&m, "a\0b", 3, 1), LEDE_OK);
    ck_assert_int_eq(lede_strmap_put(&m, "a\0c", 3, 2), LEDE_OK);
    ck_assert_int_eq(lede_strmap_put(&m, "", 0, 3), LEDE_OK);
    ck_assert_uint_eq(lede_strmap_get(&m, "a\0b", 3), 1);
    ck_assert_uint_eq(lede_strmap_get(&m, "a\0c", 3), 2);
    ck_assert_uint_eq(lede_strmap_get(&m, "", 0), 3);
    ck_assert_uint_eq(lede_strmap_get(&m, "a", 1), UINT32_MAX);
    lede_strmap_free(&m);
}
END_TEST

START_TEST(hash_is_fnv1a)
{
    ck_assert(lede_hash_bytes("", 0) == 14695981039346656037ull);
    ck_assert(lede_hash_bytes("a", 1) == 0xaf63dc4c8601ec8cull);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("strmap");
    TCase *tc = tcase_create("strmap");
    tcase_add_test(tc, put_get_replace);
    tcase_add_test(tc, grows_and_keeps_everything);
    tcase_add_test(tc, keys_are_bytes);
    tcase_add_test(tc, hash_is_fnv1a);
    suite_add_tcase(s, tc);
    return check_run(s);
}
