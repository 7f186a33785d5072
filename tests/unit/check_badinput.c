/* check_badinput.c - the bad-input matrix through the whole core: each input is loaded,
 * annotated, laid out, driven through the view and printed, or refused with one status.
 * The tmux end-to-end twin of this suite is tests/e2e/badinput.sh. */
#define _DEFAULT_SOURCE /* setgroups() */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lede/annotate.h"
#include "lede/layout.h"
#include "lede/print.h"
#include "lede/state.h"
#include "lede/text.h"
#include "lede/theme.h"
#include "lede/utf8.h"
#include "lede/view.h"
#include "check_util.h"

#define LATIN1_ARTICLE LEDE_SHARED "/corpus/bbc/sport/199.txt"

static char tmpdir[64];
static lede_lexicon *lex;
static lede_annotator *ann;

static void setup(void)
{
    ck_assert_ptr_nonnull(check_mkdtemp(tmpdir, sizeof tmpdir, "check_badinput"));
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    ck_assert_int_eq(lede_annotator_new(lex, &ann), LEDE_OK);
}

static void teardown(void)
{
    lede_annotator_free(ann);
    lede_lexicon_free(lex);
    check_rmtree(tmpdir);
}

static void expect_refused(const char *path, lede_status want)
{
    lede_text t;
    lede_status st = lede_text_load(path, &t);
    ck_assert_msg(st == want, "%s: status %s, want %s", path, lede_status_str(st),
                  lede_status_str(want));
    ck_assert_ptr_null(t.bytes);
    ck_assert_uint_eq(t.n_paras, 0);
}

/* Checks the model's arrays: in bounds, sorted, non-overlapping. */
static void check_model(const lede_model *m, size_t len)
{
    for (size_t i = 0; i < m->n_mentions; i++) {
        lede_span s = m->mentions[i].span;
        ck_assert(s.start < s.end && s.end <= len);
        ck_assert(i == 0 || m->mentions[i - 1].span.end <= s.start);
        ck_assert_uint_lt(m->mentions[i].entity, m->n_entities);
    }
    for (size_t i = 0; i < m->n_quotes; i++) {
        lede_span s = m->quotes[i].span;
        ck_assert(s.start < s.end && s.end <= len);
        ck_assert(i == 0 || m->quotes[i - 1].span.end <= s.start);
    }
}

/* Prints text with a theme into memory and checks the result is valid UTF-8. */
static void check_print(const lede_text *t, const lede_model *m)
{
    lede_theme theme;
    lede_theme_defaults(&theme);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(lede_print_article(f, t, m, &theme), LEDE_OK);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_uint_eq(lede_utf8_invalid_count(out, len), 0);
    free(out);
}

/* Drives a view of cols x rows through the keys (a string of key codes). */
static void drive_view(const lede_text *t, const lede_model *m, int cols, int rows,
                       const char *keys)
{
    lede_view *v;
    ck_assert_int_eq(lede_view_new(cols, rows, &v), LEDE_OK);
    ck_assert_int_eq(lede_view_set_article(v, t, m, "bad input"), LEDE_OK);
    for (const char *k = keys; *k; k++) {
        lede_view_key(v, (unsigned char)*k);
        const lede_line *lines;
        size_t n = lede_view_lines(v, &lines);
        for (size_t i = 0; i < n; i++) {
            const lede_run *runs;
            size_t nr = lede_view_runs(v, &lines[i], &runs);
            for (size_t j = 0; j < nr; j++)
                ck_assert(runs[j].start < runs[j].end && runs[j].end <= t->len);
        }
        char status[256];
        ck_assert_uint_lt(lede_view_status_line(v, status, sizeof status, cols), sizeof status);
    }
    lede_view_free(v);
}

/* The whole core on text that loaded: annotate, print, view at a few sizes. */
static void pipeline(const lede_text *t)
{
    lede_model m;
    lede_model_init(&m);
    ck_assert_int_eq(lede_annotate(ann, t, &m), LEDE_OK);
    check_model(&m, t->len);
    check_print(t, &m);
    drive_view(t, &m, 80, 24, "jjG]}\"e\tjj\n]/a\nnNgq");
    drive_view(t, &m, 20, 6, "Gk ");
    lede_model_free(&m);
}

static void expect_text(const char *bytes, size_t len, lede_text *t)
{
    lede_status st = lede_text_from_buffer(bytes, len, t);
    ck_assert_msg(st == LEDE_OK, "status %s", lede_status_str(st));
}

/* --- files that cannot be read -------------------------------------------------- */

START_TEST(test_missing_file)
{
    char path[300];
    snprintf(path, sizeof path, "%s/missing.txt", tmpdir);
    expect_refused(path, LEDE_ERR_NOENT);
    expect_refused("", LEDE_ERR_NOENT);
}
END_TEST

START_TEST(test_directory)
{
    expect_refused(tmpdir, LEDE_ERR_ISDIR);
    expect_refused("/", LEDE_ERR_ISDIR);
}
END_TEST

/* Root reads every file, so as root the check runs in a child that became "nobody". */
START_TEST(test_no_permission)
{
    const char *path = check_write_in(tmpdir, "secret.txt", "Nobody may read this.\n", 22);
    ck_assert_int_eq(chmod(path, 0), 0);
    if (geteuid() != 0) {
        expect_refused(path, LEDE_ERR_ACCESS);
        return;
    }
    struct passwd *pw = getpwnam("nobody");
    if (!pw) {
        printf("note: no user 'nobody': permission check skipped\n");
        return;
    }
    ck_assert_int_eq(chmod(tmpdir, 0755), 0);
    pid_t pid = fork();
    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
        lede_text t;
        if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
            _exit(90);
        _exit(lede_text_load(path, &t) == LEDE_ERR_ACCESS && t.bytes == NULL ? 0 : 91);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child status %d", status);
}
END_TEST

START_TEST(test_empty_and_white_space)
{
    expect_refused(check_write_in(tmpdir, "empty.txt", "", 0), LEDE_ERR_EMPTY);
    static const char blank[] = " \t\r\n\n\f\v  \r\n";
    expect_refused(check_write_in(tmpdir, "blank.txt", blank, sizeof blank - 1), LEDE_ERR_EMPTY);
    lede_text t;
    ck_assert_int_eq(lede_text_from_buffer("\xef\xbb\xbf \n", 5, &t), LEDE_ERR_EMPTY);
}
END_TEST

START_TEST(test_binary_program)
{
    expect_refused("/bin/ls", LEDE_ERR_BINARY);
}
END_TEST

/* Standard input closed: /dev/null is empty, a closed descriptor an I/O error. */
START_TEST(test_stdin_closed)
{
    lede_text t;
    int fd = open("/dev/null", O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(lede_text_load_fd(fd, &t), LEDE_ERR_EMPTY);
    ck_assert_int_eq(close(fd), 0);
    ck_assert_int_eq(lede_text_load_fd(fd, &t), LEDE_ERR_IO);
    ck_assert_ptr_null(t.bytes);
}
END_TEST

/* --- odd but readable text ---------------------------------------------------------- */

START_TEST(test_invalid_utf8)
{
    static const char bytes[] = "Mayor Ines Varga \xff\x81\xc3 met \xed\xa0\x80 Premier Ola Dahl "
                                "\xe2\x80 in Kestra \xc0\xaf on Monday.\n";
    lede_text t;
    expect_text(bytes, sizeof bytes - 1, &t);
    ck_assert_uint_eq(t.invalid_bytes, lede_utf8_invalid_count(bytes, sizeof bytes - 1));
    ck_assert_uint_ge(t.invalid_bytes, 8);
    pipeline(&t);
    lede_text_free(&t);
}
END_TEST

/* Latin-1: the BBC article with a pound sign when ../shared is there, else our own. */
START_TEST(test_latin1)
{
    lede_text t;
    if (access(LATIN1_ARTICLE, R_OK) == 0) {
        ck_assert_int_eq(lede_text_load(LATIN1_ARTICLE, &t), LEDE_OK);
    } else {
        static const char own[] = "Rovers sign striker for \xa3"
                                  "15m\n\nThe club paid \xa3"
                                  "15m to Wanderers for Ivo Kern, manager Anna Brill said.\n";
        expect_text(own, sizeof own - 1, &t);
    }
    /* Latin-1 is read as Windows-1252, its superset: the pound sign is UTF-8 now. */
    ck_assert_str_eq(t.encoding, "Windows-1252");
    ck_assert_uint_eq(t.invalid_bytes, 0);
    ck_assert_ptr_nonnull(strstr(t.bytes, "\xc2\xa3"));
    pipeline(&t);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_nul_bytes)
{
    /* A few NUL bytes are kept as text; a NUL-heavy file is binary. */
    static const char few[] = "Premier Ola Dahl\0 spoke in Kestra.\nHe said \"fine\0 work\".\n";
    lede_text t;
    expect_text(few, sizeof few - 1, &t);
    ck_assert_uint_eq(t.len, sizeof few - 1);
    pipeline(&t);
    lede_text_free(&t);
    char many[4096];
    for (size_t i = 0; i < sizeof many; i++)
        many[i] = i % 8 ? 'a' : '\0';
    expect_refused(check_write_in(tmpdir, "nul.txt", many, sizeof many), LEDE_ERR_BINARY);
}
END_TEST

START_TEST(test_huge_single_line)
{
    size_t len = 10u << 20;
    char *big = malloc(len);
    ck_assert_ptr_nonnull(big);
    static const char piece[] = "Premier Ola Dahl met Mayor Ines Varga in Kestra. ";
    for (size_t i = 0; i < len; i++)
        big[i] = piece[i % (sizeof piece - 1)];
    big[len - 1] = '\n';
    lede_text t;
    expect_text(big, len, &t);
    free(big);
    ck_assert_uint_eq(t.n_paras, 1);
    lede_model m;
    lede_model_init(&m);
    ck_assert_int_eq(lede_annotate(ann, &t, &m), LEDE_OK);
    check_model(&m, t.len);
    ck_assert_uint_gt(m.n_mentions, 1000);
    drive_view(&t, &m, 80, 24, "jG]k/Dahl\nn");
    lede_model_free(&m);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_many_short_lines)
{
    size_t n = 100000, len = n * 7;
    char *buf = malloc(len);
    ck_assert_ptr_nonnull(buf);
    for (size_t i = 0; i < n; i++)
        memcpy(buf + i * 7, i % 2 ? "Kestra\n" : "a b c.\n", 7);
    lede_text t;
    expect_text(buf, len, &t);
    free(buf);
    ck_assert_uint_eq(t.n_paras, n);
    lede_model m;
    lede_model_init(&m);
    ck_assert_int_eq(lede_annotate(ann, &t, &m), LEDE_OK);
    check_model(&m, t.len);
    drive_view(&t, &m, 80, 24, "G\tj\n]]kkg");
    lede_model_free(&m);
    lede_text_free(&t);
}
END_TEST

/* A thousand opening quotation marks that never close, straight and curly. */
START_TEST(test_unmatched_quotes)
{
    static const char *const marks[] = {"\"", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xc2\xab"};
    for (size_t k = 0; k < 4; k++) {
        char buf[8192] = "Premier Ola Dahl said ";
        for (int i = 0; i < 1000; i++) {
            strcat(buf, marks[k]);
            strcat(buf, i % 10 == 9 ? "word\n" : "w ");
        }
        lede_text t;
        expect_text(buf, strlen(buf), &t);
        pipeline(&t);
        lede_text_free(&t);
    }
}
END_TEST

START_TEST(test_nested_quotes)
{
    char buf[2048] = "Premier Ola Dahl said ";
    for (int i = 0; i < 10; i++)
        strcat(buf, i % 2 ? "\xe2\x80\x98level " : "\xe2\x80\x9clevel ");
    strcat(buf, "core");
    for (int i = 9; i >= 0; i--)
        strcat(buf, i % 2 ? " end\xe2\x80\x99" : " end\xe2\x80\x9d");
    strcat(buf, " on Monday.\nAnd \"a \"b \"c \"d \"e \"f \"g \"h \"i \"j\" i\" h\" g\" f\" e\" "
                "d\" c\" b\" a\", Dahl said.\n");
    lede_text t;
    expect_text(buf, strlen(buf), &t);
    lede_model m;
    lede_model_init(&m);
    ck_assert_int_eq(lede_annotate(ann, &t, &m), LEDE_OK);
    check_model(&m, t.len);
    ck_assert_uint_ge(m.n_quotes, 1);
    lede_model_free(&m);
    pipeline(&t);
    lede_text_free(&t);
}
END_TEST

/* A BOM belongs to no paragraph but counts in the offsets; CR is not part of a line. */
START_TEST(test_bom_and_crlf)
{
    static const char bytes[] = "\xef\xbb\xbfWorld\r\nHarbour deal signed\r\n\r\n"
                                "Mayor Ines Varga signed it in Kestra.\r\n";
    lede_text t;
    expect_text(bytes, sizeof bytes - 1, &t);
    ck_assert_uint_eq(t.n_paras, 3);
    ck_assert_uint_eq(t.paras[0].span.start, 3);
    ck_assert_uint_eq(t.paras[0].kind, LEDE_PARA_LABEL);
    for (size_t i = 0; i < t.n_paras; i++)
        ck_assert_int_ne(t.bytes[t.paras[i].span.end - 1], '\r');
    lede_model m;
    lede_model_init(&m);
    ck_assert_int_eq(lede_annotate(ann, &t, &m), LEDE_OK);
    ck_assert_uint_ge(m.n_mentions, 1);
    lede_span s = m.mentions[0].span;
    ck_assert(s.end - s.start == 10 && memcmp(t.bytes + s.start, "Ines Varga", 10) == 0);
    lede_model_free(&m);
    pipeline(&t);
    lede_text_free(&t);
}
END_TEST

/* --- the reader's own files ---------------------------------------------------------- */

/* Counts the lines of a diagnostics buffer. */
static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

START_TEST(test_theme_bad_lines)
{
    static const char bad[] = "color person red default bold\n"
                              "color nosuch red\n"
                              "color place color999 default\n"
                              "color quote green default blink\n"
                              "frobnicate\n"
                              "include\n"
                              "include /nonexistent/none.theme\n"
                              "color \xff\xfe\x00 red\n"
                              "color search black green\n";
    lede_theme theme;
    lede_theme_defaults(&theme);
    char *diag = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&diag, &len);
    ck_assert_ptr_nonnull(f);
    lede_status st = lede_theme_parse_buffer(&theme, bad, sizeof bad - 1, "bad.theme", f, 0);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_int_eq(st, LEDE_ERR_SYNTAX);
    ck_assert_uint_eq(count_lines(diag), 7);
    ck_assert_ptr_nonnull(strstr(diag, "bad.theme:2:"));
    ck_assert_ptr_nonnull(strstr(diag, "bad.theme:8:"));
    free(diag);
    /* The good lines still apply. */
    ck_assert_int_eq(theme.styles[LEDE_EL_PERSON].fg, 1);
    ck_assert_uint_eq(theme.styles[LEDE_EL_PERSON].attrs, LEDE_ATTR_BOLD);
    ck_assert_int_eq(theme.styles[LEDE_EL_SEARCH].bg, 2);
    /* Loaded from a file, a theme with bad lines is still a theme. */
    const char *path = check_write_in(tmpdir, "bad.theme", bad, sizeof bad - 1);
    ck_assert_int_eq(lede_theme_load(&theme, path, NULL), LEDE_OK);
}
END_TEST

START_TEST(test_state_damaged_or_unreadable)
{
    lede_state s;
    lede_state_init(&s);
/* clang-format off */
#define DAMAGED(s) {s, sizeof s - 1}
    /* clang-format on */
    static const struct {
        const char *bytes;
        size_t len;
    } damaged[] = {
        DAMAGED("lede-state 1\n0123456789abcdef 12 /a.txt\ngarbage\n"),
        DAMAGED("lede-state 9\n"),
        DAMAGED("\xff\xfe binary \x00 junk"),
        DAMAGED("lede-state 1\n0123456789abcdef 99999999999999999999 /big.txt\n"),
        DAMAGED("lede-state 1\n0123456789abcdef 12 /no-newline.txt"),
    };
#undef DAMAGED
    for (size_t i = 0; i < sizeof damaged / sizeof damaged[0]; i++) {
        const char *path = check_write_in(tmpdir, "positions", damaged[i].bytes, damaged[i].len);
        char *diag = NULL;
        size_t dlen = 0;
        FILE *f = open_memstream(&diag, &dlen);
        ck_assert_ptr_nonnull(f);
        ck_assert_int_eq(lede_state_load(&s, path, f), LEDE_OK);
        ck_assert_int_eq(fclose(f), 0);
        ck_assert_uint_eq(s.n, 0);
        ck_assert_uint_eq(count_lines(diag), 1);
        ck_assert_ptr_nonnull(strstr(diag, "damaged"));
        free(diag);
        /* Remembering a position replaces the damaged file with a good one. */
        ck_assert_int_eq(lede_state_remember(path, "/b.txt", 5, 77, NULL), LEDE_OK);
        ck_assert_int_eq(lede_state_load(&s, path, NULL), LEDE_OK);
        size_t off;
        ck_assert(lede_state_get(&s, "/b.txt", 5, &off) && off == 77);
    }
    /* A directory where the file should be cannot be read. */
    char dir[300];
    snprintf(dir, sizeof dir, "%s/statedir", tmpdir);
    ck_assert_int_eq(mkdir(dir, 0700), 0);
    ck_assert_int_eq(lede_state_load(&s, dir, NULL), LEDE_ERR_IO);
    ck_assert_uint_eq(s.n, 0);
    lede_state_free(&s);
}
END_TEST

/* --- terminals ------------------------------------------------------------------------- */

static const char sample[] = "World\nHarbour deal signed after long talks\n\n"
                             "Mayor Ines Varga signed the deal in Kestra on Tuesday. "
                             "\xe2\x80\x9cThis is a good day,\xe2\x80\x9d Varga said.\n"
                             "Premier Ola Dahl welcomed it. \xe2\x80\x9cWe waited ten years,"
                             "\xe2\x80\x9d said Dahl.\n";

START_TEST(test_terminal_sizes)
{
    lede_text t;
    expect_text(sample, sizeof sample - 1, &t);
    lede_model m;
    lede_model_init(&m);
    ck_assert_int_eq(lede_annotate(ann, &t, &m), LEDE_OK);
    static const int sizes[][2] = {{1, 1}, {20, 6}, {300, 100}, {0, 0}, {-5, -5}, {19, 5}};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        int cols = sizes[i][0], rows = sizes[i][1];
        lede_view *v;
        ck_assert_int_eq(lede_view_new(cols, rows, &v), LEDE_OK);
        ck_assert_int_eq(lede_view_set_article(v, &t, &m, "sizes"), LEDE_OK);
        bool small = cols < LEDE_VIEW_MIN_COLS || rows < LEDE_VIEW_MIN_ROWS;
        ck_assert_int_eq(lede_view_too_small(v), small);
        lede_geometry geo;
        lede_view_geometry(v, &geo);
        if (!small) {
            ck_assert_int_le(geo.article.x + geo.article.w, cols);
            ck_assert_int_lt(geo.status_row, rows);
            ck_assert_int_eq(geo.index.w > 0, cols >= LEDE_VIEW_INDEX_MIN_COLS);
        }
        lede_view_free(v);
        drive_view(&t, &m, cols, rows, "jG\t]\n]}?q");
    }
    lede_model_free(&m);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_resizes_while_searching)
{
    lede_text t;
    expect_text(sample, sizeof sample - 1, &t);
    lede_model m;
    lede_model_init(&m);
    ck_assert_int_eq(lede_annotate(ann, &t, &m), LEDE_OK);
    lede_view *v;
    ck_assert_int_eq(lede_view_new(100, 30, &v), LEDE_OK);
    ck_assert_int_eq(lede_view_set_article(v, &t, &m, "resize"), LEDE_OK);
    lede_view_key(v, '/');
    lede_view_key(v, 'V');
    lede_view_key(v, 'a');
    for (int i = 0; i < 500; i++) {
        int w = (i * 37) % 211, h = (i * 11) % 61;
        lede_view_resize(v, w, h);
        lede_view_key(v, LEDE_KEY_RESIZE);
        const lede_line *lines;
        lede_view_lines(v, &lines);
        ck_assert_str_eq(lede_view_prompt(v), "Va");
    }
    lede_view_resize(v, 100, 30);
    lede_view_key(v, 'r');
    lede_view_key(v, LEDE_KEY_ENTER);
    ck_assert_ptr_null(lede_view_prompt(v));
    ck_assert_uint_eq(lede_view_match_count(v), 2);
    lede_view_free(v);
    lede_model_free(&m);
    lede_text_free(&t);
}
END_TEST

/* A reader that went away (lede FILE | head -1): printing fails with IO, no signal. */
START_TEST(test_sigpipe)
{
    lede_text t;
    expect_text(sample, sizeof sample - 1, &t);
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(close(fds[0]), 0);
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    FILE *f = fdopen(fds[1], "w");
    ck_assert_ptr_nonnull(f);
    setvbuf(f, NULL, _IONBF, 0);
    ck_assert_int_eq(lede_print_article(f, &t, NULL, NULL), LEDE_ERR_IO);
    ck_assert_int_eq(errno, EPIPE);
    fclose(f);
    signal(SIGPIPE, old);
    lede_text_free(&t);
}
END_TEST

/* --- special files and sizes (issue 14: reads are bounded) -------------------------- */

/* An endless device is refused after its first 64 KiB, not read until memory runs out. */
START_TEST(test_endless_device)
{
    expect_refused("/dev/zero", LEDE_ERR_BINARY);
    expect_refused("/dev/urandom", LEDE_ERR_BINARY);
    /* An endless source of text stops at the size limit. */
    lede_text t;
    lede_read_opts small = {1000, "ISO-8859-1"};
    ck_assert_int_eq(lede_text_load_with("/dev/zero", &small, &t), LEDE_ERR_TOOBIG);
}
END_TEST

/* A FIFO nobody writes to is refused after LEDE_SILENT_MS instead of blocking for ever;
 * one that is written to is read. */
START_TEST(test_fifo)
{
    char path[300];
    snprintf(path, sizeof path, "%s/fifo", tmpdir);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    expect_refused(path, LEDE_ERR_TIMEOUT);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int fd = open(path, O_WRONLY);
        const char msg[] = "A story from a pipe.\n";
        _exit(fd >= 0 && write(fd, msg, sizeof msg - 1) == (ssize_t)(sizeof msg - 1) ? 0 : 1);
    }
    lede_text t;
    ck_assert_int_eq(lede_text_load(path, &t), LEDE_OK);
    ck_assert_uint_eq(t.len, 21);
    lede_text_free(&t);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
}
END_TEST

/* A /proc file stats as empty but has bytes; a regular empty file is still EMPTY. */
START_TEST(test_proc_file)
{
    lede_text t;
    ck_assert_int_eq(lede_text_load("/proc/self/status", &t), LEDE_OK);
    ck_assert_uint_gt(t.len, 0);
    lede_text_free(&t);
    char path[300];
    snprintf(path, sizeof path, "%s/empty.txt", tmpdir);
    check_write_file(path, "", 0);
    expect_refused(path, LEDE_ERR_EMPTY);
}
END_TEST

START_TEST(test_max_size)
{
    char path[300];
    lede_text t;
    snprintf(path, sizeof path, "%s/ten.txt", tmpdir);
    check_write_file(path, "Ten bytes\n", 10);
    lede_read_opts nine = {9, NULL}, ten = {10, NULL};
    ck_assert_int_eq(lede_text_load_with(path, &nine, &t), LEDE_ERR_TOOBIG);
    ck_assert_ptr_null(t.bytes);
    ck_assert_int_eq(lede_text_load_with(path, &ten, &t), LEDE_OK);
    lede_text_free(&t);
}
END_TEST

static Suite *badinput_suite(void)
{
    Suite *s = suite_create("badinput");
    TCase *files = tcase_create("files");
    tcase_add_checked_fixture(files, setup, teardown);
    tcase_add_test(files, test_missing_file);
    tcase_add_test(files, test_directory);
    tcase_add_test(files, test_no_permission);
    tcase_add_test(files, test_empty_and_white_space);
    tcase_add_test(files, test_binary_program);
    tcase_add_test(files, test_stdin_closed);
    tcase_add_test(files, test_endless_device);
    tcase_add_test(files, test_fifo);
    tcase_add_test(files, test_proc_file);
    tcase_add_test(files, test_max_size);
    tcase_set_timeout(files, 60);
    suite_add_tcase(s, files);

    TCase *text = tcase_create("text");
    tcase_add_checked_fixture(text, setup, teardown);
    tcase_set_timeout(text, 120);
    tcase_add_test(text, test_invalid_utf8);
    tcase_add_test(text, test_latin1);
    tcase_add_test(text, test_nul_bytes);
    tcase_add_test(text, test_huge_single_line);
    tcase_add_test(text, test_many_short_lines);
    tcase_add_test(text, test_unmatched_quotes);
    tcase_add_test(text, test_nested_quotes);
    tcase_add_test(text, test_bom_and_crlf);
    suite_add_tcase(s, text);

    TCase *own = tcase_create("own files");
    tcase_add_checked_fixture(own, setup, teardown);
    tcase_add_test(own, test_theme_bad_lines);
    tcase_add_test(own, test_state_damaged_or_unreadable);
    suite_add_tcase(s, own);

    TCase *term = tcase_create("terminal");
    tcase_add_checked_fixture(term, setup, teardown);
    tcase_add_test(term, test_terminal_sizes);
    tcase_add_test(term, test_resizes_while_searching);
    tcase_add_test(term, test_sigpipe);
    suite_add_tcase(s, term);
    return s;
}

int main(void)
{
    return check_run(badinput_suite());
}
