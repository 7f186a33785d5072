/* check_status.c - the words for each status and the one errno map. */
#include <check.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lede/status.h"
#include "check_util.h"

START_TEST(test_from_errno_files)
{
    ck_assert_int_eq(lede_status_from_errno(ENOENT), LEDE_ERR_NOENT);
    ck_assert_int_eq(lede_status_from_errno(ENOTDIR), LEDE_ERR_NOENT);
    ck_assert_int_eq(lede_status_from_errno(EISDIR), LEDE_ERR_ISDIR);
    ck_assert_int_eq(lede_status_from_errno(EACCES), LEDE_ERR_ACCESS);
    ck_assert_int_eq(lede_status_from_errno(EPERM), LEDE_ERR_ACCESS);
    ck_assert_int_eq(lede_status_from_errno(ENOMEM), LEDE_ERR_NOMEM);
    /* A full disk or a size limit is said as such, never as a "read error". */
    ck_assert_int_eq(lede_status_from_errno(ENOSPC), LEDE_ERR_NOSPACE);
    ck_assert_int_eq(lede_status_from_errno(EDQUOT), LEDE_ERR_NOSPACE);
    ck_assert_int_eq(lede_status_from_errno(EFBIG), LEDE_ERR_FBIG);
    ck_assert_str_eq(lede_status_str(LEDE_ERR_NOSPACE), "no space left on device");
}
END_TEST

START_TEST(test_from_errno_others_are_io)
{
    ck_assert_int_eq(lede_status_from_errno(EIO), LEDE_ERR_IO);
    ck_assert_int_eq(lede_status_from_errno(EBADF), LEDE_ERR_IO);
    ck_assert_int_eq(lede_status_from_errno(EINTR), LEDE_ERR_IO);
    /* Not an errno at all: never OK, so a caller cannot mistake a failure for success. */
    ck_assert_int_eq(lede_status_from_errno(0), LEDE_ERR_IO);
    ck_assert_int_eq(lede_status_from_errno(-1), LEDE_ERR_IO);
}
END_TEST

START_TEST(test_str)
{
    ck_assert_str_eq(lede_status_str(LEDE_OK), "ok");
    ck_assert_str_eq(lede_status_str(LEDE_ERR_NOENT), "no such file");
    ck_assert_str_eq(lede_status_str(LEDE_ERR_ISDIR), "is a directory");
    for (int st = LEDE_OK; st <= LEDE_ERR_TIMEOUT; st++)
        ck_assert_str_ne(lede_status_str((lede_status)st), "unknown error");
    ck_assert_str_eq(lede_status_str((lede_status)(LEDE_ERR_TIMEOUT + 1)), "unknown error");
}
END_TEST

static Suite *status_suite(void)
{
    Suite *s = suite_create("status");
    TCase *tc = tcase_create("status");
    tcase_add_test(tc, test_from_errno_files);
    tcase_add_test(tc, test_from_errno_others_are_io);
    tcase_add_test(tc, test_str);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(status_suite());
}
