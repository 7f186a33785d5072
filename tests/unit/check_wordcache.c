/* check_wordcache.c - a word's own features kept per word: exact hits only. */
#include <string.h>
#include "check_util.h"
#include "wordcache.h"

static const uint32_t feats[] = {7, 8, 9, 10, 11};

START_TEST(keeps_and_compares_the_bytes)
{
    lede_wordcache *c = lede_wordcache_new();
    ck_assert_ptr_nonnull(c);
    size_t n = 0;
    ck_assert_ptr_null(lede_wordcache_get(c, "Pierre", 6, 42, &n));
    lede_wordcache_put(c, "Pierre", 6, 42, feats, 5);
    const uint32_t *got = lede_wordcache_get(c, "Pierre", 6, 42, &n);
    ck_assert_ptr_nonnull(got);
    ck_assert_uint_eq(n, 5);
    ck_assert_mem_eq(got, feats, sizeof feats);
    /* Another word with the same hash, a prefix, another length: no hit. */
    ck_assert_ptr_null(lede_wordcache_get(c, "Pierro", 6, 42, &n));
    ck_assert_ptr_null(lede_wordcache_get(c, "Pierr", 5, 42, &n));
    ck_assert_ptr_null(lede_wordcache_get(c, "", 0, 42, &n));
    /* The newer word takes the slot. */
    lede_wordcache_put(c, "Natasha", 7, 42, feats + 1, 2);
    ck_assert_ptr_null(lede_wordcache_get(c, "Pierre", 6, 42, &n));
    got = lede_wordcache_get(c, "Natasha", 7, 42, &n);
    ck_assert_ptr_nonnull(got);
    ck_assert_uint_eq(n, 2);
    ck_assert_uint_eq(got[0], 8);
    lede_wordcache_free(c);
    lede_wordcache_free(NULL);
}
END_TEST

START_TEST(long_words_and_lists_are_not_kept)
{
    lede_wordcache *c = lede_wordcache_new();
    ck_assert_ptr_nonnull(c);
    const char *longw = "Konstantinopolskaya"; /* past LEDE_WORDCACHE_BYTES */
    uint32_t many[LEDE_WORDCACHE_FEATS + 1] = {0};
    size_t n = 0;
    lede_wordcache_put(c, longw, strlen(longw), 1, feats, 5);
    ck_assert_ptr_null(lede_wordcache_get(c, longw, strlen(longw), 1, &n));
    lede_wordcache_put(c, "Moscow", 6, 2, many, LEDE_WORDCACHE_FEATS + 1);
    ck_assert_ptr_null(lede_wordcache_get(c, "Moscow", 6, 2, &n));
    lede_wordcache_put(c, "Moscow", 6, 2, many, LEDE_WORDCACHE_FEATS);
    ck_assert_ptr_nonnull(lede_wordcache_get(c, "Moscow", 6, 2, &n));
    ck_assert_uint_eq(n, LEDE_WORDCACHE_FEATS);
    lede_wordcache_free(c);
}
END_TEST

static Suite *wordcache_suite(void)
{
    Suite *s = suite_create("wordcache");
    TCase *tc = tcase_create("wordcache");
    tcase_add_test(tc, keeps_and_compares_the_bytes);
    tcase_add_test(tc, long_words_and_lists_are_not_kept);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(wordcache_suite());
}
