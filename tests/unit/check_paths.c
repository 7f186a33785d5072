/* check_paths.c - folders on the command line become the files below them, sorted;
 * files and missing paths stay as given; an empty folder stays a folder. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lede/paths.h"
#include "check_util.h"

START_TEST(test_expand)
{
    char dir[64], sub[128], empty[128];
    ck_assert_ptr_nonnull(check_mkdtemp(dir, sizeof dir, "lede-paths"));
    snprintf(sub, sizeof sub, "%s/b-sub", dir);
    snprintf(empty, sizeof empty, "%s/empty", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    ck_assert_int_eq(mkdir(empty, 0700), 0);
    check_write_in(dir, "c.txt", "c", 1);
    check_write_in(dir, "a.txt", "a", 1);
    check_write_in(dir, ".hidden", "h", 1);
    check_write_in(sub, "z.txt", "z", 1);
    char *in[] = {"missing.txt", dir, empty};
    char **out;
    size_t n;
    ck_assert_int_eq(lede_paths_expand(in, 3, &out, &n), LEDE_OK);
    /* missing.txt, then a.txt, b-sub/z.txt, c.txt (empty/ has nothing: kept), empty */
    ck_assert_uint_eq(n, 5);
    ck_assert_str_eq(out[0], "missing.txt");
    char want[256];
    snprintf(want, sizeof want, "%s/a.txt", dir);
    ck_assert_str_eq(out[1], want);
    snprintf(want, sizeof want, "%s/b-sub/z.txt", dir);
    ck_assert_str_eq(out[2], want);
    snprintf(want, sizeof want, "%s/c.txt", dir);
    ck_assert_str_eq(out[3], want);
    ck_assert_str_eq(out[4], empty);
    lede_paths_free(out, n);
    ck_assert_int_eq(lede_paths_expand(in, 0, &out, &n), LEDE_OK);
    ck_assert_uint_eq(n, 0);
    lede_paths_free(out, n);
    check_rmtree(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("paths");
    TCase *tc = tcase_create("paths");
    tcase_add_test(tc, test_expand);
    suite_add_tcase(s, tc);
    return check_run(s);
}
