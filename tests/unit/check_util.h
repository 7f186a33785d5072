/* check_util.h - small helpers shared by the Check suites in tests/unit/. Each suite is its
 * own executable, so everything here is static inline. Needs _XOPEN_SOURCE 700 (mkdtemp,
 * nftw), which tests/CMakeLists.txt defines for every suite. */
#ifndef LEDE_CHECK_UTIL_H
#define LEDE_CHECK_UTIL_H

#include <check.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Runs suite s in the given fork mode and returns EXIT_SUCCESS if every test passed. */
static inline int check_run_mode(Suite *s, enum fork_status mode)
{
    SRunner *sr = srunner_create(s);
    srunner_set_fork_status(sr, mode);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Runs suite s (forking unless CK_FORK=no) and returns EXIT_SUCCESS if every test passed. */
static inline int check_run(Suite *s)
{
    return check_run_mode(s, CK_FORK_GETENV);
}

/* The tag of the test cases that read ../shared (tcase_set_tags(tc, CHECK_SHARED)).
 * tests/CMakeLists.txt runs a suite listed in SHARED_SUITES twice: unit.NAME without these
 * cases (CK_EXCLUDE_TAGS), unit.NAME.shared with only them (CK_INCLUDE_TAGS). */
#define CHECK_SHARED "shared"

/* Runs suite s like check_run, except that when only the CHECK_SHARED cases are asked
 * for and path (the ../shared file they read) cannot be read, it prints "skipped: ..."
 * and returns 77, CTest's SKIP_RETURN_CODE: without ../shared the check is shown as
 * skipped, never as passed. */
static inline int check_run_shared(Suite *s, const char *path)
{
    const char *only = getenv("CK_INCLUDE_TAGS");
    if (only && strcmp(only, CHECK_SHARED) == 0 && access(path, R_OK) != 0) {
        printf("skipped: %s not found (../shared is not beside the checkout)\n", path);
        srunner_free(srunner_create(s)); /* frees s */
        return 77;
    }
    return check_run(s);
}

/* Creates a fresh directory /tmp/NAME.XXXXXX, its path in buf; returns buf, or NULL. */
static inline char *check_mkdtemp(char *buf, size_t size, const char *name)
{
    int n = snprintf(buf, size, "/tmp/%s.XXXXXX", name);
    if (n < 0 || (size_t)n >= size)
        return NULL;
    return mkdtemp(buf);
}

/* nftw callback of check_rmtree: removes one entry (children come before their directory). */
static inline int check_remove_entry(const char *path, const struct stat *sb, int flag,
                                     struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Removes dir and everything below it without following links; returns 0 on success. */
static inline int check_rmtree(const char *dir)
{
    return nftw(dir, check_remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

/* Writes len bytes to a new file at path; the running test fails if that does not work. */
static inline void check_write_file(const char *path, const void *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(bytes, 1, len, f), len);
    ck_assert_int_eq(fclose(f), 0);
}

/* Writes len bytes to dir/name and returns that path (a static buffer, valid until the next
 * call). */
static inline const char *check_write_in(const char *dir, const char *name, const void *bytes,
                                         size_t len)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    check_write_file(path, bytes, len);
    return path;
}

/* True when s holds at least one line and every line of it begins with prefix: lede's
 * diagnostics each begin with "lede: ". */
static inline bool check_lines_start_with(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    if (!*s)
        return false;
    for (const char *line = s; *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : "")
        if (strncmp(line, prefix, n) != 0)
            return false;
    return true;
}

#endif
