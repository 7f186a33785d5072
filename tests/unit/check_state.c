/* check_state.c - reading positions: round trip, bounds, damaged files, atomic saving. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lede/state.h"
#include "check_util.h"

static char tmpdir[64];
static char file[256];

static void setup(void)
{
    ck_assert_ptr_nonnull(check_mkdtemp(tmpdir, sizeof tmpdir, "check_state"));
    snprintf(file, sizeof file, "%s/positions", tmpdir);
}

static void teardown(void)
{
    check_rmtree(tmpdir);
}

/* Counts the entries of dir other than "." and "..". */
static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

START_TEST(test_hash)
{
    ck_assert_uint_eq(lede_state_hash("", 0), 0xcbf29ce484222325u);
    ck_assert_uint_eq(lede_state_hash("a", 1), 0xaf63dc4c8601ec8cu);
    ck_assert_uint_eq(lede_state_hash("foobar", 6), 0x85944171f73967e8u);
    ck_assert_uint_ne(lede_state_hash("ab", 2), lede_state_hash("ba", 2));
}
END_TEST

START_TEST(test_default_file)
{
    char buf[256];
    setenv("XDG_STATE_HOME", "/x/state", 1);
    ck_assert_int_eq(lede_state_default_file(buf, sizeof buf), LEDE_OK);
    ck_assert_str_eq(buf, "/x/state/lede/positions");
    setenv("XDG_STATE_HOME", "relative/ignored", 1);
    setenv("HOME", "/home/reader", 1);
    ck_assert_int_eq(lede_state_default_file(buf, sizeof buf), LEDE_OK);
    ck_assert_str_eq(buf, "/home/reader/.local/state/lede/positions");
    unsetenv("XDG_STATE_HOME");
    ck_assert_int_eq(lede_state_default_file(buf, 10), LEDE_ERR_NOMEM);
    unsetenv("HOME");
    ck_assert_int_eq(lede_state_default_file(buf, sizeof buf), LEDE_ERR_NOTFOUND);
}
END_TEST

START_TEST(test_round_trip)
{
    lede_state s;
    lede_state_init(&s);
    ck_assert_int_eq(lede_state_set(&s, "/news/a.txt", 1, 100), LEDE_OK);
    ck_assert_int_eq(lede_state_set(&s, "/news/with space.txt", UINT64_MAX, 0), LEDE_OK);
    ck_assert_int_eq(lede_state_set(&s, "-", 42, 7), LEDE_OK);
    ck_assert_int_eq(lede_state_set(&s, "/news/a.txt", 2, 200), LEDE_OK); /* replaces */
    ck_assert_int_eq(lede_state_set(&s, "bad\npath", 3, 3), LEDE_OK);     /* ignored */
    ck_assert_uint_eq(s.n, 3);
    ck_assert_str_eq(s.entries[2].path, "/news/a.txt"); /* now the newest */

    /* Saving creates the missing directories. */
    char deep[300];
    snprintf(deep, sizeof deep, "%s/a/b/positions", tmpdir);
    ck_assert_int_eq(lede_state_save(&s, deep), LEDE_OK);
    lede_state_free(&s);
    ck_assert_uint_eq(s.n, 0);

    lede_state t;
    lede_state_init(&t);
    char *diag_text = NULL;
    size_t diag_len = 0;
    FILE *diag = open_memstream(&diag_text, &diag_len);
    ck_assert_ptr_nonnull(diag);
    ck_assert_int_eq(lede_state_load(&t, deep, diag), LEDE_OK);
    fclose(diag);
    ck_assert_uint_eq(diag_len, 0);
    free(diag_text);
    ck_assert_uint_eq(t.n, 3);
    size_t off = 99;
    ck_assert(lede_state_get(&t, "/news/a.txt", 2, &off));
    ck_assert_uint_eq(off, 200);
    ck_assert(!lede_state_get(&t, "/news/a.txt", 1, &off)); /* the file changed */
    ck_assert(lede_state_get(&t, "/news/with space.txt", UINT64_MAX, &off));
    ck_assert_uint_eq(off, 0);
    ck_assert(lede_state_get(&t, "-", 42, &off));
    ck_assert_uint_eq(off, 7);
    ck_assert(!lede_state_get(&t, "/nowhere", 42, &off));
    lede_state_free(&t);
}
END_TEST

START_TEST(test_bounded)
{
    lede_state s;
    lede_state_init(&s);
    char path[32];
    for (int i = 0; i < LEDE_STATE_MAX + 100; i++) {
        snprintf(path, sizeof path, "/f%d", i);
        ck_assert_int_eq(lede_state_set(&s, path, (uint64_t)i, (size_t)i), LEDE_OK);
    }
    ck_assert_uint_eq(s.n, LEDE_STATE_MAX);
    size_t off;
    ck_assert(!lede_state_get(&s, "/f0", 0, &off));
    ck_assert(!lede_state_get(&s, "/f99", 99, &off));
    ck_assert(lede_state_get(&s, "/f100", 100, &off));
    ck_assert(lede_state_get(&s, "/f599", 599, &off));
    ck_assert_uint_eq(off, 599);
    ck_assert_int_eq(lede_state_save(&s, file), LEDE_OK);
    lede_state_free(&s);
    ck_assert_int_eq(lede_state_load(&s, file, NULL), LEDE_OK);
    ck_assert_uint_eq(s.n, LEDE_STATE_MAX);
    lede_state_free(&s);
}
END_TEST

START_TEST(test_missing_file)
{
    lede_state s;
    lede_state_init(&s);
    ck_assert_int_eq(lede_state_load(&s, file, NULL), LEDE_OK);
    ck_assert_uint_eq(s.n, 0);
}
END_TEST

#define RAW(s)                                                                                     \
    {                                                                                              \
        s, sizeof(s) - 1                                                                           \
    }

START_TEST(test_damaged_files)
{
    static const struct {
        const char *bytes;
        size_t len;
    } cases[] = {
        RAW(""),
        RAW("garbage\n"),
        RAW("lede-state 2\n"),
        RAW("lede-state 1"),
        RAW("lede-state 1\n0123456789abcdef 5 /a\nnot a line\n"),
        RAW("lede-state 1\n0123456789ABCDEF 5 /a\n"),
        RAW("lede-state 1\n0123456789abcdef x /a\n"),
        RAW("lede-state 1\n0123456789abcdef 5 \n"),
        RAW("lede-state 1\n0123456789abcdef 99999999999999999999 /a\n"),
        RAW("lede-state 1\n0123456789abcdef 5 /a"),
        RAW("lede-state 1\n01234\0"
            "6789abcdef 5 /a\n"),
        RAW("\xff\xfe\x00\x01\x02"),
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        check_write_file(file, cases[i].bytes, cases[i].len);
        lede_state s;
        lede_state_init(&s);
        ck_assert_int_eq(lede_state_set(&s, "/stale", 1, 1), LEDE_OK);
        char *text = NULL;
        size_t len = 0;
        FILE *diag = open_memstream(&text, &len);
        ck_assert_ptr_nonnull(diag);
        ck_assert_int_eq(lede_state_load(&s, file, diag), LEDE_OK);
        fclose(diag);
        ck_assert_msg(s.n == 0, "case %zu kept %zu entries", i, s.n);
        ck_assert_msg(strstr(text, "damaged") != NULL, "case %zu: no warning", i);
        char *nl = strchr(text, '\n');
        ck_assert_msg(nl && nl[1] == '\0', "case %zu: warning is not one line", i);
        free(text);
        lede_state_free(&s);
    }
}
END_TEST

START_TEST(test_damaged_file_is_replaced_by_remember)
{
    check_write_file(file, "junk\n", 5);
    ck_assert_int_eq(lede_state_remember(file, "/x", 5, 50, NULL), LEDE_OK);
    lede_state s;
    lede_state_init(&s);
    ck_assert_int_eq(lede_state_load(&s, file, NULL), LEDE_OK);
    size_t off;
    ck_assert(lede_state_get(&s, "/x", 5, &off));
    ck_assert_uint_eq(off, 50);
    lede_state_free(&s);
}
END_TEST

START_TEST(test_remember_keeps_other_entries)
{
    ck_assert_int_eq(lede_state_remember(file, "/one", 1, 10, NULL), LEDE_OK);
    ck_assert_int_eq(lede_state_remember(file, "/two", 2, 20, NULL), LEDE_OK);
    ck_assert_int_eq(lede_state_remember(file, "/one", 1, 11, NULL), LEDE_OK);
    lede_state s;
    lede_state_init(&s);
    ck_assert_int_eq(lede_state_load(&s, file, NULL), LEDE_OK);
    ck_assert_uint_eq(s.n, 2);
    size_t off;
    ck_assert(lede_state_get(&s, "/one", 1, &off));
    ck_assert_uint_eq(off, 11);
    ck_assert(lede_state_get(&s, "/two", 2, &off));
    ck_assert_uint_eq(off, 20);
    lede_state_free(&s);
    ck_assert_int_eq(count_entries(tmpdir), 1); /* no temporary file left */
}
END_TEST

START_TEST(test_unusable_places)
{
    lede_state s;
    lede_state_init(&s);
    ck_assert_int_eq(lede_state_set(&s, "/a", 1, 1), LEDE_OK);

    /* The state directory's parent is a regular file. */
    char blocker[300], under[400];
    snprintf(blocker, sizeof blocker, "%s/blocker", tmpdir);
    check_write_file(blocker, "x", 1);
    snprintf(under, sizeof under, "%s/lede/positions", blocker);
    ck_assert_int_eq(lede_state_save(&s, under), LEDE_ERR_NOENT);
    ck_assert_int_eq(lede_state_load(&s, under, NULL), LEDE_OK);
    ck_assert_uint_eq(s.n, 0);

    /* The state file is a directory: it cannot be read or replaced, and the temporary
     * file is removed again. */
    ck_assert_int_eq(lede_state_set(&s, "/a", 1, 1), LEDE_OK);
    ck_assert_int_eq(mkdir(file, 0700), 0);
    ck_assert_int_eq(lede_state_save(&s, file), LEDE_ERR_ISDIR);
    ck_assert_int_eq(count_entries(tmpdir), 2); /* blocker and the directory only */
    ck_assert_int_eq(lede_state_load(&s, file, NULL), LEDE_ERR_IO);
    ck_assert_uint_eq(s.n, 0);

    /* An unreadable file (meaningless for root, who reads everything). */
    if (geteuid() != 0) {
        char locked[300];
        snprintf(locked, sizeof locked, "%s/locked", tmpdir);
        check_write_file(locked, "lede-state 1\n", 13);
        ck_assert_int_eq(chmod(locked, 0), 0);
        ck_assert_int_eq(lede_state_load(&s, locked, NULL), LEDE_ERR_ACCESS);
    }
    lede_state_free(&s);
}
END_TEST

START_TEST(test_saved_file_format)
{
    lede_state s;
    lede_state_init(&s);
    ck_assert_int_eq(lede_state_set(&s, "/p q", 0xabc, 12), LEDE_OK);
    ck_assert_int_eq(lede_state_save(&s, file), LEDE_OK);
    lede_state_free(&s);
    FILE *f = fopen(file, "r");
    ck_assert_ptr_nonnull(f);
    char buf[128];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    ck_assert_str_eq(buf, "lede-state 1\n0000000000000abc 12 /p q\n");
    struct stat sb;
    ck_assert_int_eq(stat(file, &sb), 0);
    ck_assert_uint_eq(sb.st_mode & 077, 0); /* private to the user */
}
END_TEST

/* A write that fails (the file size limit) is reported as FBIG, not as the stale errno
 * of an earlier call nor as a read error, keeps the old file and leaves no temporary
 * file. */
START_TEST(test_failed_write)
{
    lede_state s;
    lede_state_init(&s);
    ck_assert_int_eq(lede_state_set(&s, "/old.txt", 1, 2), LEDE_OK);
    ck_assert_int_eq(lede_state_save(&s, file), LEDE_OK);
    ck_assert_int_eq(lede_state_set(&s, "/a/much/longer/path/than/the/limit.txt", 3, 4), LEDE_OK);
    struct rlimit old, small;
    ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &old), 0);
    small = old;
    small.rlim_cur = 40;
    signal(SIGXFSZ, SIG_IGN);
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &small), 0);
    errno = ENOENT; /* what a stale errno would turn into NOENT */
    lede_status st = lede_state_save(&s, file);
    ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, SIG_DFL);
    ck_assert_int_eq(st, LEDE_ERR_FBIG);
    ck_assert_int_eq(count_entries(tmpdir), 1);
    ck_assert_int_eq(lede_state_load(&s, file, NULL), LEDE_OK);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.entries[0].path, "/old.txt");
    lede_state_free(&s);
}
END_TEST

/* Many lede quitting at the same moment (a closed tmux session) each keep their entry:
 * the children wait on one pipe, are released together, and each remembers its own
 * path ROUNDS times; every path must be in the file at the end. */
START_TEST(test_concurrent_remember)
{
    enum { CHILDREN = 6, ROUNDS = 20 };
    int gate[2];
    ck_assert_int_eq(pipe(gate), 0);
    pid_t pids[CHILDREN];
    for (int c = 0; c < CHILDREN; c++) {
        pids[c] = fork();
        ck_assert_int_ge(pids[c], 0);
        if (pids[c] == 0) {
            char b, path[64];
            close(gate[1]);
            if (read(gate[0], &b, 1) != 0)
                _exit(2);
            int bad = 0;
            for (int r = 0; r < ROUNDS; r++) {
                snprintf(path, sizeof path, "/article/%d.txt", c);
                bad += lede_state_remember(file, path, (uint64_t)c, (size_t)r, NULL) != LEDE_OK;
            }
            _exit(bad ? 1 : 0);
        }
    }
    close(gate[0]);
    close(gate[1]); /* every child's read returns now */
    for (int c = 0; c < CHILDREN; c++) {
        int status;
        ck_assert_int_eq(waitpid(pids[c], &status, 0), pids[c]);
        ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    lede_state s;
    lede_state_init(&s);
    ck_assert_int_eq(lede_state_load(&s, file, NULL), LEDE_OK);
    ck_assert_uint_eq(s.n, CHILDREN);
    for (int c = 0; c < CHILDREN; c++) {
        char path[64];
        size_t offset;
        snprintf(path, sizeof path, "/article/%d.txt", c);
        ck_assert_msg(lede_state_get(&s, path, (uint64_t)c, &offset), "%s lost", path);
        ck_assert_uint_eq(offset, ROUNDS - 1);
    }
    lede_state_free(&s);
    ck_assert_int_eq(count_entries(tmpdir), 1); /* no temporary file left */
}
END_TEST

/* A file name without a directory is saved (and its directory synced) in the current one. */
START_TEST(test_relative_file)
{
    char cwd[4096];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(tmpdir), 0);
    lede_state s;
    lede_state_init(&s);
    ck_assert_int_eq(lede_state_set(&s, "/r.txt", 7, 8), LEDE_OK);
    lede_status st = lede_state_save(&s, "relative-positions");
    lede_state_free(&s);
    ck_assert_int_eq(chdir(cwd), 0);
    ck_assert_int_eq(st, LEDE_OK);
    char path[300];
    snprintf(path, sizeof path, "%s/relative-positions", tmpdir);
    ck_assert_int_eq(lede_state_load(&s, path, NULL), LEDE_OK);
    ck_assert_uint_eq(s.n, 1);
    lede_state_free(&s);
}
END_TEST

static Suite *state_suite(void)
{
    Suite *s = suite_create("state");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_hash);
    tcase_add_test(tc, test_default_file);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_bounded);
    tcase_add_test(tc, test_missing_file);
    tcase_add_test(tc, test_damaged_files);
    tcase_add_test(tc, test_damaged_file_is_replaced_by_remember);
    tcase_add_test(tc, test_remember_keeps_other_entries);
    tcase_add_test(tc, test_unusable_places);
    tcase_add_test(tc, test_saved_file_format);
    tcase_add_test(tc, test_failed_write);
    tcase_add_test(tc, test_relative_file);
    tcase_add_test(tc, test_concurrent_remember);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(state_suite());
}
