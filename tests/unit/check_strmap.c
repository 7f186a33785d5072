/* check_strmap.c - the string map: put, get, replace, growth, binary keys, the hash. */
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

/* Every byte and the length count, whatever the alignment of the key. */
START_TEST(hash_covers_every_byte)
{
    char a[40], b[41];
    for (size_t i = 0; i < sizeof a; i++)
        a[i] = (char)('a' + i % 26);
    for (size_t len = 0; len <= sizeof a; len++) {
        memcpy(b + 1, a, len);
        ck_assert(lede_hash_bytes(b + 1, len) == lede_hash_bytes(a, len));
        for (size_t i = 0; i < len; i++) {
            b[1 + i] ^= 1;
            ck_assert(lede_hash_bytes(b + 1, len) != lede_hash_bytes(a, len));
            b[1 + i] ^= 1;
        }
        if (len)
            ck_assert(lede_hash_bytes(a, len) != lede_hash_bytes(a, len - 1));
    }
    ck_assert(lede_hash_bytes("a", 1) != lede_hash_bytes("a\0", 2));
    ck_assert(lede_hash_bytes("", 0) != lede_hash_bytes("\0", 1));
}
END_TEST

/* Keys that share a hash's low bits probe past one another; an empty key alone works. */
START_TEST(probes_and_empty_key)
{
    lede_strmap m;
    lede_strmap_init(&m);
    ck_assert_int_eq(lede_strmap_put(&m, "", 0, 5), LEDE_OK);
    ck_assert_uint_eq(lede_strmap_get(&m, "", 0), 5);
    ck_assert_uint_eq(lede_strmap_get(&m, "x", 1), UINT32_MAX);
    char key[8];
    for (uint32_t i = 0; i < 20; i++) {
        int len = snprintf(key, sizeof key, "k%u", i);
        ck_assert_int_eq(lede_strmap_put(&m, key, (size_t)len, i), LEDE_OK);
    }
    ck_assert_uint_eq(m.count, 21);
    for (uint32_t i = 0; i < 20; i++) {
        int len = snprintf(key, sizeof key, "k%u", i);
        ck_assert_uint_eq(lede_strmap_get(&m, key, (size_t)len), i);
    }
    ck_assert_uint_eq(lede_strmap_get(&m, "", 0), 5);
    ck_assert_uint_eq(lede_strmap_get(&m, "k20", 3), UINT32_MAX);
    lede_strmap_free(&m);
    ck_assert_uint_eq(lede_strmap_get(&m, "k1", 2), UINT32_MAX);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("strmap");
    TCase *tc = tcase_create("strmap");
    tcase_add_test(tc, put_get_replace);
    tcase_add_test(tc, grows_and_keeps_everything);
    tcase_add_test(tc, keys_are_bytes);
    tcase_add_test(tc, hash_covers_every_byte);
    tcase_add_test(tc, probes_and_empty_key);
    suite_add_tcase(s, tc);
    return check_run(s);
}
