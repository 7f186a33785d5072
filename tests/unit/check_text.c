/* check_text.c - loading bytes exactly as read, refusing non-text, finding paragraphs. */
#include <check.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lede/text.h"
#include "lede/utf8.h"
#include "check_util.h"

#define FIX(name) LEDE_FIXTURES "/" name

static char tmp_dir[64];

static void make_tmp_dir(void)
{
    ck_assert_ptr_nonnull(check_mkdtemp(tmp_dir, sizeof tmp_dir, "check_text"));
}

/* Removes the test directory and the files in it. */
static void remove_tmp_dir(void)
{
    ck_assert_int_eq(check_rmtree(tmp_dir), 0);
}

/* Checks that text has exactly n paragraphs with these texts and kinds. */
static void expect_paras(const lede_text *t, const char *const *want, const lede_para_kind *kinds,
                         size_t n)
{
    ck_assert_uint_eq(t->n_paras, n);
    for (size_t i = 0; i < n; i++) {
        lede_span s = t->paras[i].span;
        size_t len = strlen(want[i]);
        ck_assert_uint_lt(s.start, s.end);
        ck_assert_uint_le(s.end, t->len);
        ck_assert_msg(s.end - s.start == len && memcmp(t->bytes + s.start, want[i], len) == 0,
                      "paragraph %zu is \"%.*s\", want \"%s\"", i, (int)(s.end - s.start),
                      t->bytes + s.start, want[i]);
        ck_assert_int_eq(t->paras[i].kind, kinds[i]);
        if (i > 0)
            ck_assert_uint_lt(t->paras[i - 1].span.end, s.start);
    }
}

static void load_str(const char *s, lede_text *t)
{
    lede_status rc = lede_text_from_buffer(s, strlen(s), t);
    ck_assert_msg(rc == LEDE_OK, "status %d", rc);
}

static void expect_zeroed(const lede_text *t)
{
    ck_assert_ptr_null(t->bytes);
    ck_assert_ptr_null(t->paras);
    ck_assert_uint_eq(t->len, 0);
    ck_assert_uint_eq(t->n_paras, 0);
}

#define L LEDE_PARA_LABEL
#define H LEDE_PARA_HEADLINE
#define B LEDE_PARA_BODY

/* --- loading ------------------------------------------------------------------------ */

START_TEST(test_load_file)
{
    lede_text t;
    const char *want[] = {
        "Science", "Volunteers count migrating cranes along the northern marshes.",
        ("Nearly four hundred volunteers spent the weekend on the dikes of the northern "
         "marshes, counting the grey cranes that stop there each autumn on their way south. "
         "The organisers said the tally, which began before dawn on Saturday, was the largest "
         "since the count started twelve years ago."),
        ("\"We saw flocks that covered the whole sky at sunset,\" said Mirela Dobos, who "
         "coordinates the count for the regional bird society. \"Some of the children had "
         "never seen anything like it.\""),
        ("Dobos said the final number would be published once the teams had compared their "
         "notes.")};
    const lede_para_kind kinds[] = {L, H, B, B, B};
    struct stat st;

    ck_assert_int_eq(lede_text_load(FIX("news_label.txt"), &t), LEDE_OK);
    ck_assert_int_eq(stat(FIX("news_label.txt"), &st), 0);
    ck_assert_uint_eq(t.len, (size_t)st.st_size);
    ck_assert_int_eq(t.bytes[t.len], '\0');
    ck_assert_uint_eq(t.invalid_bytes, 0);
    expect_paras(&t, want, kinds, 5);
    lede_text_free(&t);
    expect_zeroed(&t);
    lede_text_free(&t); /* safe twice */
}
END_TEST

/* Forks a child that writes len bytes of a repeated pattern into a pipe; returns the
 * read end. */
static int pipe_from_child(size_t len, pid_t *pid)
{
    int fds[2];

    ck_assert_int_eq(pipe(fds), 0);
    *pid = fork();
    ck_assert_int_ne(*pid, -1);
    if (*pid == 0) {
        static const char line[] = "A line of text that goes through a pipe.\n";
        size_t done = 0;
        close(fds[0]);
        while (done < len) {
            size_t n = len - done < sizeof line - 1 ? len - done : sizeof line - 1;
            ssize_t w = write(fds[1], line, n);
            if (w <= 0)
                _exit(1);
            done += (size_t)w;
        }
        _exit(0);
    }
    close(fds[1]);
    return fds[0];
}

START_TEST(test_load_pipe)
{
    /* Several megabytes, so the buffer has to grow many times. */
    const size_t len = 41 * 100000 + 7;
    lede_text t;
    pid_t pid;
    int status;
    int fd = pipe_from_child(len, &pid);

    ck_assert_int_eq(lede_text_load_fd(fd, &t), LEDE_OK);
    close(fd);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_uint_eq(t.len, len);
    ck_assert_uint_eq(t.n_paras, 100001);
    ck_assert_int_eq(
        memcmp(t.bytes + t.paras[99999].span.start, "A line of text that goes through a pipe.", 40),
        0);
    /* The cut last line "A line " loses its trailing blank. */
    ck_assert_uint_eq(t.paras[100000].span.end - t.paras[100000].span.start, 6);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_load_stdin)
{
    lede_text t;
    int fds[2], saved = dup(STDIN_FILENO);
    const char s[] = "Headline from standard input\nIts only body line.\n";

    ck_assert_int_ne(saved, -1);
    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(write(fds[1], s, sizeof s - 1), (ssize_t)(sizeof s - 1));
    close(fds[1]);
    ck_assert_int_ne(dup2(fds[0], STDIN_FILENO), -1);
    close(fds[0]);
    ck_assert_int_eq(lede_text_load("-", &t), LEDE_OK);
    ck_assert_int_ne(dup2(saved, STDIN_FILENO), -1);
    close(saved);
    ck_assert_uint_eq(t.len, sizeof s - 1);
    ck_assert_int_eq(memcmp(t.bytes, s, t.len), 0);
    ck_assert_uint_eq(t.n_paras, 2);
    ck_assert_int_eq(t.paras[0].kind, H);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_load_errors)
{
    lede_text t;
    int fd;

    ck_assert_int_eq(lede_text_load(FIX("no-such-file.txt"), &t), LEDE_ERR_NOENT);
    expect_zeroed(&t);
    ck_assert_int_eq(lede_text_load("", &t), LEDE_ERR_NOENT);
    /* A path through a regular file also names nothing. */
    ck_assert_int_eq(lede_text_load(FIX("news_label.txt/x"), &t), LEDE_ERR_NOENT);
    ck_assert_int_eq(lede_text_load(LEDE_FIXTURES, &t), LEDE_ERR_ISDIR);
    expect_zeroed(&t);
    fd = open(LEDE_FIXTURES, O_RDONLY);
    ck_assert_int_ne(fd, -1);
    ck_assert_int_eq(lede_text_load_fd(fd, &t), LEDE_ERR_ISDIR);
    close(fd);
    ck_assert_int_eq(lede_text_load_fd(-1, &t), LEDE_ERR_IO);
}
END_TEST

START_TEST(test_load_no_permission)
{
    lede_text t;
    const char *path;

    if (geteuid() == 0) {
        printf("note: running as root, which may read any file: permission check skipped\n");
        return;
    }
    make_tmp_dir();
    path = check_write_in(tmp_dir, "secret.txt", "Nobody may read this.\n", 22);
    ck_assert_int_eq(chmod(path, 0), 0);
    ck_assert_int_eq(lede_text_load(path, &t), LEDE_ERR_ACCESS);
    expect_zeroed(&t);
    remove_tmp_dir();
}
END_TEST

START_TEST(test_file_read)
{
    char *bytes = (char *)"stale";
    size_t len = 99;
    const char *path;

    make_tmp_dir();
    path = check_write_in(tmp_dir, "bytes.txt", "one\0two\r\n", 9);
    ck_assert_int_eq(lede_file_read(path, SIZE_MAX, &bytes, &len), LEDE_OK);
    ck_assert_uint_eq(len, 9);
    ck_assert_mem_eq(bytes, "one\0two\r\n", 9);
    ck_assert_int_eq(bytes[9], '\0');
    free(bytes);
    /* Exactly max bytes is fine, one more is TOOBIG. */
    ck_assert_int_eq(lede_file_read(path, 9, &bytes, &len), LEDE_OK);
    free(bytes);
    ck_assert_int_eq(lede_file_read(path, 8, &bytes, &len), LEDE_ERR_TOOBIG);
    ck_assert_ptr_null(bytes);
    ck_assert_uint_eq(len, 0);
    path = check_write_in(tmp_dir, "empty.txt", "", 0);
    ck_assert_int_eq(lede_file_read(path, SIZE_MAX, &bytes, &len), LEDE_OK);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(bytes[0], '\0');
    free(bytes);
    remove_tmp_dir();
}
END_TEST

START_TEST(test_file_read_big)
{
    /* Files of a few megabytes (read into huge pages where the system has them), one a
     * whole number of them: every byte read, the NUL after, freed with free(). */
    const size_t sizes[] = {(size_t)2 << 20, ((size_t)3 << 20) + 5};
    char *want = malloc(sizes[1]), *bytes;
    size_t len;
    const char *path;
    lede_text t;

    ck_assert_ptr_nonnull(want);
    for (size_t i = 0; i < sizes[1]; i++)
        want[i] = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
    make_tmp_dir();
    for (size_t k = 0; k < 2; k++) {
        path = check_write_in(tmp_dir, "big.txt", want, sizes[k]);
        ck_assert_int_eq(lede_file_read(path, SIZE_MAX, &bytes, &len), LEDE_OK);
        ck_assert_uint_eq(len, sizes[k]);
        ck_assert_int_eq(memcmp(bytes, want, len), 0);
        ck_assert_int_eq(bytes[len], '\0');
        free(bytes);
        ck_assert_int_eq(lede_file_read(path, sizes[k] - 1, &bytes, &len), LEDE_ERR_TOOBIG);
        ck_assert_ptr_null(bytes);
        ck_assert_int_eq(lede_text_load(path, &t), LEDE_OK);
        ck_assert_uint_eq(t.len, sizes[k]);
        ck_assert_uint_eq(t.n_paras, (sizes[k] + 60) / 61);
        lede_text_free(&t);
    }
    remove_tmp_dir();
    free(want);
}
END_TEST

START_TEST(test_file_read_errors)
{
    char *bytes = (char *)"stale";
    size_t len = 99;

    ck_assert_int_eq(lede_file_read(FIX("no-such-file.txt"), SIZE_MAX, &bytes, &len),
                     LEDE_ERR_NOENT);
    ck_assert_ptr_null(bytes);
    ck_assert_uint_eq(len, 0);
    ck_assert_int_eq(lede_file_read(FIX("news_label.txt/x"), SIZE_MAX, &bytes, &len),
                     LEDE_ERR_NOENT);
    ck_assert_int_eq(lede_file_read(LEDE_FIXTURES, SIZE_MAX, &bytes, &len), LEDE_ERR_ISDIR);
    ck_assert_ptr_null(bytes);
    /* An endless source stops at max, or once its first 64 KiB look binary, instead of
     * eating memory. */
    ck_assert_int_eq(lede_file_read("/dev/zero", 1000, &bytes, &len), LEDE_ERR_TOOBIG);
    ck_assert_ptr_null(bytes);
    ck_assert_int_eq(lede_file_read("/dev/zero", SIZE_MAX, &bytes, &len), LEDE_ERR_BINARY);
    ck_assert_ptr_null(bytes);
    if (geteuid() != 0) {
        const char *path;
        make_tmp_dir();
        path = check_write_in(tmp_dir, "secret.txt", "x\n", 2);
        ck_assert_int_eq(chmod(path, 0), 0);
        ck_assert_int_eq(lede_file_read(path, SIZE_MAX, &bytes, &len), LEDE_ERR_ACCESS);
        ck_assert_ptr_null(bytes);
        remove_tmp_dir();
    }
}
END_TEST

START_TEST(test_load_never_writes)
{
    struct stat before, after;
    lede_text t;

    ck_assert_int_eq(stat(FIX("latin1.txt"), &before), 0);
    ck_assert_int_eq(lede_text_load(FIX("latin1.txt"), &t), LEDE_OK);
    lede_text_free(&t);
    ck_assert_int_eq(stat(FIX("latin1.txt"), &after), 0);
    ck_assert_uint_eq(before.st_size, after.st_size);
    ck_assert_int_eq(before.st_mtime, after.st_mtime);
}
END_TEST

START_TEST(test_empty)
{
    lede_text t;
    const char *whites[] = {
        "", " ", "\n\n\n", " \t\r\n\f\v \r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF \r\n\t"};

    for (size_t i = 0; i < sizeof whites / sizeof whites[0]; i++) {
        ck_assert_int_eq(lede_text_from_buffer(whites[i], strlen(whites[i]), &t), LEDE_ERR_EMPTY);
        expect_zeroed(&t);
    }
    ck_assert_int_eq(lede_text_from_buffer(NULL, 0, &t), LEDE_ERR_EMPTY);
    make_tmp_dir();
    ck_assert_int_eq(lede_text_load(check_write_in(tmp_dir, "empty.txt", "", 0), &t),
                     LEDE_ERR_EMPTY);
    ck_assert_int_eq(lede_text_load(check_write_in(tmp_dir, "blank.txt", "  \n \n", 5), &t),
                     LEDE_ERR_EMPTY);
    remove_tmp_dir();
    /* A BOM in the middle is not white space. */
    ck_assert_int_eq(lede_text_from_buffer("\n\xEF\xBB\xBF", 4, &t), LEDE_OK);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_binary)
{
    char buf[4000];
    lede_text t;

    /* Text with one NUL in 20. */
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = i % 20 == 0 ? '\0' : "abcdefgh \n"[i % 10];
    ck_assert_int_eq(lede_text_from_buffer(buf, sizeof buf, &t), LEDE_ERR_BINARY);
    expect_zeroed(&t);
    /* Bytes that are neither UTF-8 nor text controls. */
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)(i % 3 == 0 ? 0x01 + i % 7 : i % 3 == 1 ? 0x80 + i % 64 : 'x');
    ck_assert_int_eq(lede_text_from_buffer(buf, sizeof buf, &t), LEDE_ERR_BINARY);
    /* Only invalid high bytes. */
    memset(buf, 0xFF, sizeof buf);
    ck_assert_int_eq(lede_text_from_buffer(buf, sizeof buf, &t), LEDE_ERR_BINARY);
    /* UTF-16 text is NUL-heavy. */
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = i % 2 ? '\0' : 'a';
    ck_assert_int_eq(lede_text_from_buffer(buf, sizeof buf, &t), LEDE_ERR_BINARY);
}
END_TEST

START_TEST(test_binary_program)
{
    lede_text t;

    if (access("/bin/ls", R_OK) != 0) {
        printf("note: /bin/ls is not readable here: program check skipped\n");
        return;
    }
    ck_assert_int_eq(lede_text_load("/bin/ls", &t), LEDE_ERR_BINARY);
    expect_zeroed(&t);
}
END_TEST

START_TEST(test_few_nuls_kept)
{
    char buf[2000];
    lede_text t;

    memset(buf, 'w', sizeof buf);
    for (size_t i = 99; i < sizeof buf; i += 100)
        buf[i] = '\n';
    buf[10] = buf[500] = buf[1500] = '\0';
    ck_assert_int_eq(lede_text_from_buffer(buf, sizeof buf, &t), LEDE_OK);
    ck_assert_uint_eq(t.len, sizeof buf);
    ck_assert_int_eq(memcmp(t.bytes, buf, sizeof buf), 0);
    ck_assert_uint_eq(t.n_paras, 20);
    /* The NUL stays inside its paragraph. */
    ck_assert_uint_eq(t.paras[0].span.start, 0);
    ck_assert_uint_eq(t.paras[0].span.end, 99);
    ck_assert_int_eq(t.bytes[10], '\0');
    lede_text_free(&t);
}
END_TEST

START_TEST(test_invalid_utf8_kept)
{
    const char s[] = "Ein Stra\xDF"
                     "enfest mit \xC0\xAF und \xED\xA0\x80 und \xE2\x82.\n"
                     "Second line \xF0\x9F\x98\x80 is fine.\n";
    lede_text t;

    ck_assert_int_eq(lede_text_from_buffer(s, sizeof s - 1, &t), LEDE_OK);
    ck_assert_uint_eq(t.len, sizeof s - 1);
    ck_assert_int_eq(memcmp(t.bytes, s, t.len), 0);
    ck_assert_uint_eq(t.invalid_bytes, 1 + 2 + 3 + 2);
    ck_assert_uint_eq(t.n_paras, 2);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_latin1_fixture)
{
    /* Read as UTF-8 (which the bytes are not), the Latin-1 letters stay invalid bytes. */
    const lede_read_opts raw = {0, "UTF-8"};
    lede_text t;
    const char *want[] = {"Prices at the village market",
                          "A basket of pears now costs \xA3"
                          "3, up from \xA3"
                          "2 last year, "
                          "and the caf\xE9 by the fountain has raised the price of tea.",
                          "Stallholders blame the late frost."};
    const lede_para_kind kinds[] = {H, B, B};

    ck_assert_int_eq(lede_text_load_with(FIX("latin1.txt"), &raw, &t), LEDE_OK);
    ck_assert_uint_eq(t.invalid_bytes, 3);
    ck_assert_ptr_null(t.encoding);
    expect_paras(&t, want, kinds, 3);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_bom_crlf_fixture)
{
    lede_text t;
    const char *want[] = {"Sport", "Harbour rowing club wins the winter regatta",
                          "The crew of eight crossed the line a full length ahead.",
                          ("Their coach called it \xC2\xA3"
                           "300 well spent on new oars.")};
    const lede_para_kind kinds[] = {L, H, B, B};

    ck_assert_int_eq(lede_text_load(FIX("crlf_bom.txt"), &t), LEDE_OK);
    ck_assert_int_eq(memcmp(t.bytes, "\xEF\xBB\xBF", 3), 0);
    /* Offsets count the BOM; spans leave out CR; the last line has no line end. */
    ck_assert_uint_eq(t.paras[0].span.start, 3);
    ck_assert_uint_eq(t.paras[0].span.end, 8);
    ck_assert_int_eq(t.bytes[8], '\r');
    ck_assert_uint_eq(t.paras[3].span.end, t.len);
    ck_assert_uint_eq(t.invalid_bytes, 0);
    expect_paras(&t, want, kinds, 4);
    lede_text_free(&t);
}
END_TEST

/* --- paragraphs ----------------------------------------------------------------------- */

START_TEST(test_label_headline_body)
{
    lede_text t;

    /* Headline with a period, then a blank line. */
    load_str("World\nTalks end without a deal.\n\nThe first body line.\nThe second.\n", &t);
    {
        const char *want[] = {"World", "Talks end without a deal.", "The first body line.",
                              "The second."};
        const lede_para_kind kinds[] = {L, H, B, B};
        expect_paras(&t, want, kinds, 4);
    }
    lede_text_free(&t);
    /* A closed first line without a blank line after it is body. */
    load_str("Talks end without a deal.\nThe first body line.\n", &t);
    ck_assert_int_eq(t.paras[0].kind, B);
    lede_text_free(&t);
    /* An open first line is a headline even without a blank line. */
    load_str("Talks end without a deal\nThe first body line.\n", &t);
    ck_assert_int_eq(t.paras[0].kind, H);
    lede_text_free(&t);
    /* Closing quotes and ellipses close a line too. */
    load_str("He said \xE2\x80\x9Cno\xE2\x80\x9D\nBody.\n", &t);
    ck_assert_int_eq(t.paras[0].kind, B);
    lede_text_free(&t);
    load_str("And then\xE2\x80\xA6\nBody.\n", &t);
    ck_assert_int_eq(t.paras[0].kind, B);
    lede_text_free(&t);
    /* Labels may hold '-', '&' and letters beyond ASCII. */
    load_str("Middle-East\nA headline\nBody.\n", &t);
    ck_assert_int_eq(t.paras[0].kind, L);
    ck_assert_int_eq(t.paras[1].kind, H);
    lede_text_free(&t);
    load_str("Arts&Culture\nA headline\nBody.\n", &t);
    ck_assert_int_eq(t.paras[0].kind, L);
    lede_text_free(&t);
    load_str("\xC3\x9C"
             "bersee\nA headline\nBody.\n",
             &t);
    ck_assert_int_eq(t.paras[0].kind, L);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_not_label)
{
    const char *firsts[] = {"Two words", "News24", "-Dash", "Stop.",
                            "Pneumonoultramicroscopicsilicovolcanoconiosis"};
    char buf[128];
    lede_text t;

    for (size_t i = 0; i < sizeof firsts / sizeof firsts[0]; i++) {
        snprintf(buf, sizeof buf, "%s\nSecond line here\nThird line.\n", firsts[i]);
        load_str(buf, &t);
        ck_assert_msg(t.paras[0].kind != L, "\"%s\" is no label", firsts[i]);
        ck_assert_int_eq(t.paras[1].kind, B);
        lede_text_free(&t);
    }
}
END_TEST

START_TEST(test_single_and_long)
{
    char buf[400];
    lede_text t;

    /* One paragraph: no headline. */
    load_str("Only a short line\n", &t);
    ck_assert_uint_eq(t.n_paras, 1);
    ck_assert_int_eq(t.paras[0].kind, B);
    lede_text_free(&t);
    /* A label needs something after it, and so does a headline. */
    load_str("World\n", &t);
    ck_assert_int_eq(t.paras[0].kind, B);
    lede_text_free(&t);
    load_str("World\nJust one more line\n", &t);
    ck_assert_int_eq(t.paras[0].kind, L);
    ck_assert_int_eq(t.paras[1].kind, B);
    lede_text_free(&t);
    /* Over 200 bytes is no headline. */
    memset(buf, 'x', 201);
    strcpy(buf + 201, "\nBody.\n");
    load_str(buf, &t);
    ck_assert_int_eq(t.paras[0].kind, B);
    lede_text_free(&t);
    buf[200] = '\n';
    load_str(buf, &t);
    ck_assert_int_eq(t.paras[0].kind, H);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_blank_lines_and_edges)
{
    lede_text t;
    const char *want[] = {"First line", "Second line.", "Third\tline.", "Last"};
    const lede_para_kind kinds[] = {H, B, B, B};

    /* Lines of only spaces are blank; edge blanks are trimmed; no final newline. */
    load_str("  First line  \n   \n\t\nSecond line.\r\n \f\v\r\n  Third\tline.\t\nLast", &t);
    expect_paras(&t, want, kinds, 4);
    ck_assert_uint_eq(t.paras[0].span.start, 2);
    ck_assert_uint_eq(t.paras[3].span.end, t.len);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_hard_wrapped_fixture)
{
    lede_text t;
    const char *want[] = {
        "THE LIGHTHOUSE KEEPER'S LEDGER",
        "Chapter One",
        "On the morning the supply boat failed to come, Anselm Rook climbed the\n"
        "hundred and twelve steps of the tower as he had every morning for nine\n"
        "years, and wrote in the ledger that the wind was from the north-east and\n"
        "the sea was the colour of old pewter.",
        "He did not write that he was worried. The ledger was not a place for\n"
        "worry; it was a place for weather, for oil, for the names of ships that\n"
        "passed within sight of the lamp.",
        "\"It will come tomorrow,\" he said aloud, to nobody.",
        "By the third day he had begun to ration the coffee, and by the fifth he\n"
        "had begun to talk to the gulls, who were poor company but good listeners.",
        "On the sixth day the boat came, low in the water and late, and the\n"
        "boatman said only that the harbour had been closed by a storm that\n"
        "Anselm had never seen."};
    const lede_para_kind kinds[] = {H, B, B, B, B, B, B};

    ck_assert_int_eq(lede_text_load(FIX("wrapped_book.txt"), &t), LEDE_OK);
    expect_paras(&t, want, kinds, 7);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_hard_wrapped_crlf)
{
    /* The same in CRLF: inner line ends stay in the span as "\r\n". */
    const char *s = "A title\r\n\r\n"
                    "one two three four five six seven eight nine ten eleven\r\n"
                    "twelve thirteen fourteen.\r\n\r\n"
                    "alpha beta gamma delta epsilon zeta eta theta iota kappa\r\n"
                    "lambda mu nu xi omicron pi rho sigma tau upsilon phi chi\r\n"
                    "psi omega.\r\n";
    const char *want[] = {"A title",
                          "one two three four five six seven eight nine ten eleven\r\n"
                          "twelve thirteen fourteen.",
                          "alpha beta gamma delta epsilon zeta eta theta iota kappa\r\n"
                          "lambda mu nu xi omicron pi rho sigma tau upsilon phi chi\r\n"
                          "psi omega."};
    const lede_para_kind kinds[] = {H, B, B};
    lede_text t;

    load_str(s, &t);
    expect_paras(&t, want, kinds, 3);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_news_not_wrapped)
{
    /* Label and headline share a block, body lines are long: one paragraph a line. */
    lede_text t;
    char buf[2000];
    const char *body = "The council met on Tuesday evening and, after a long debate that ran "
                       "well past midnight, voted to keep the old swimming pool open.";

    snprintf(buf, sizeof buf, "Local\nCouncil keeps the pool open.\n\n%s\n%s\n", body, body);
    load_str(buf, &t);
    ck_assert_uint_eq(t.n_paras, 4);
    ck_assert_int_eq(t.paras[0].kind, L);
    ck_assert_int_eq(t.paras[1].kind, H);
    lede_text_free(&t);
    /* Short sentences one per line, each a paragraph, even in blocks. */
    load_str("Short news\n\nIt rained.\nThe river rose.\n\nThe bridge held.\nAll is well.\n", &t);
    ck_assert_uint_eq(t.n_paras, 5);
    lede_text_free(&t);
}
END_TEST

/* Appends a line of n_ascii letters then n_wide copies of the UTF-8 character wide. */
static size_t put_line(char *buf, size_t len, size_t n_ascii, size_t n_wide, const char *wide)
{
    for (size_t i = 0; i < n_ascii; i++)
        buf[len++] = (char)('a' + i % 26);
    for (size_t i = 0; i < n_wide; i++) {
        memcpy(buf + len, wide, strlen(wide));
        len += strlen(wide);
    }
    buf[len++] = '\n';
    return len;
}

/* Loads two blocks, each an inner line of n_ascii + n_wide code points then "end.", and
 * returns how many paragraphs they make: 2 if the blocks look wrapped, else 4. */
static size_t two_blocks(size_t n_ascii, size_t n_wide, const char *wide)
{
    char buf[2048];
    size_t len = 0, n;
    lede_text t;

    for (int k = 0; k < 2; k++) {
        len = put_line(buf, len, n_ascii, n_wide, wide);
        memcpy(buf + len, "end.\n\n", 6);
        len += 6;
    }
    ck_assert_int_eq(lede_text_from_buffer(buf, len, &t), LEDE_OK);
    ck_assert_uint_eq(t.invalid_bytes, 0);
    n = t.n_paras;
    lede_text_free(&t);
    return n;
}

START_TEST(test_wrapped_counts_code_points)
{
    /* Wrapping is judged in code points, not bytes: 40 to 100 of them in an inner line. */
    for (size_t a = 0; a < 20; a++) {
        ck_assert_uint_eq(two_blocks(a, 40 - a, "\xC3\xA9"), 2);
        ck_assert_uint_eq(two_blocks(a, 39 - a, "\xC3\xA9"), 4);
        ck_assert_uint_eq(two_blocks(a, 100 - a, "\xE2\x80\x9C"), 2);
        ck_assert_uint_eq(two_blocks(a, 101 - a, "\xE2\x80\x9C"), 4);
        ck_assert_uint_eq(two_blocks(a, 100 - a, "\xF0\x9F\x98\x80"), 2);
    }
    /* A closing quote at the end of the inner line ends a sentence: not wrapped. */
    ck_assert_uint_eq(two_blocks(50, 1, "\xE2\x80\x9D"), 4);
    ck_assert_uint_eq(two_blocks(50, 1, "\xE2\x80\xA6"), 4);
    ck_assert_uint_eq(two_blocks(50, 1, ":"), 4);
}
END_TEST

START_TEST(test_wrapped_edges)
{
    /* A BOM, CRLF, blanks and invalid bytes at line edges, no final newline. */
    const char s[] = "\xEF\xBB\xBF"
                     "A title\r\n\r\n"
                     "The first line of the first block runs on and ends cut \xE2\x82\r\n"
                     "\t\x80 second line end.\r\n"
                     " \r\n"
                     "The first line of the second block runs on, past forty,\n"
                     "last line without newline \xC3";
    const char *want[] = {"A title",
                          "The first line of the first block runs on and ends cut \xE2\x82\r\n"
                          "\t\x80 second line end.",
                          "The first line of the second block runs on, past forty,\n"
                          "last line without newline \xC3"};
    const lede_para_kind kinds[] = {H, B, B};
    lede_text t;

    ck_assert_int_eq(lede_text_from_buffer(s, sizeof s - 1, &t), LEDE_OK);
    expect_paras(&t, want, kinds, 3);
    ck_assert_uint_eq(t.paras[0].span.start, 3);
    ck_assert_uint_eq(t.paras[2].span.end, t.len);
    ck_assert_uint_eq(t.invalid_bytes, 4);
    ck_assert_uint_eq(t.invalid_bytes, lede_utf8_invalid_count(s, sizeof s - 1));
    lede_text_free(&t);
}
END_TEST

START_TEST(test_many_wrapped_blocks)
{
    /* Enough blocks that their array grows several times. */
    const char *para = "A line long enough to look wrapped in a book, going on\n"
                       "and a short last line.\n\n";
    const size_t n = 300, plen = strlen(para);
    char *buf = malloc(n * plen + 1);
    lede_text t;

    ck_assert_ptr_nonnull(buf);
    for (size_t i = 0; i < n; i++)
        memcpy(buf + i * plen, para, plen);
    ck_assert_int_eq(lede_text_from_buffer(buf, n * plen, &t), LEDE_OK);
    ck_assert_uint_eq(t.n_paras, n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(t.paras[i].span.start, i * plen);
        ck_assert_uint_eq(t.paras[i].span.end, i * plen + plen - 2);
        ck_assert_int_eq(t.paras[i].kind, B);
    }
    lede_text_free(&t);
    free(buf);
}
END_TEST

START_TEST(test_one_line_blocks)
{
    /* Single lines between blank lines: each a paragraph, spans exact. */
    lede_text t;
    const char *want[] = {"Headline here", "First body line.", "Second body line."};
    const lede_para_kind kinds[] = {H, B, B};

    load_str("Headline here\n\n  First body line.  \n\n\n\tSecond body line.\r\n", &t);
    expect_paras(&t, want, kinds, 3);
    ck_assert_uint_eq(t.invalid_bytes, 0);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_huge_single_line)
{
    const size_t len = 10u * 1024 * 1024;
    char *buf = malloc(len);
    lede_text t;

    ck_assert_ptr_nonnull(buf);
    for (size_t i = 0; i < len; i++)
        buf[i] = i % 7 == 6 ? ' ' : 'a' + (char)(i % 7);
    buf[len - 1] = '.';
    ck_assert_int_eq(lede_text_from_buffer(buf, len, &t), LEDE_OK);
    ck_assert_uint_eq(t.n_paras, 1);
    ck_assert_uint_eq(t.paras[0].span.start, 0);
    ck_assert_uint_eq(t.paras[0].span.end, len);
    ck_assert_int_eq(t.paras[0].kind, B);
    ck_assert_uint_eq(lede_text_para_at(&t, len / 2), 0);
    ck_assert_uint_eq(lede_text_para_at(&t, len), 1);
    lede_text_free(&t);
    free(buf);
}
END_TEST

START_TEST(test_many_short_lines)
{
    const size_t n = 100000;
    char *buf = malloc(n * 8 + 1);
    size_t len = 0;
    lede_text t;

    ck_assert_ptr_nonnull(buf);
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(buf + len, "l%05zu.\n", i);
    ck_assert_int_eq(lede_text_from_buffer(buf, len, &t), LEDE_OK);
    ck_assert_uint_eq(t.n_paras, n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(t.paras[i].span.start, i * 8);
        ck_assert_uint_eq(t.paras[i].span.end, i * 8 + 7);
        ck_assert_uint_eq(lede_text_para_at(&t, i * 8 + 3), i);
        ck_assert_uint_eq(lede_text_para_at(&t, i * 8 + 7), i + 1); /* at its '\n' */
    }
    lede_text_free(&t);
    free(buf);
}
END_TEST

START_TEST(test_para_at)
{
    lede_text t;

    /* BOM, "ab" at [3, 5), blank line, "cd" at [7, 9). */
    ck_assert_int_eq(lede_text_from_buffer("\xEF\xBB\xBF"
                                           "ab\n\ncd\n",
                                           10, &t),
                     LEDE_OK);
    ck_assert_uint_eq(t.n_paras, 2);
    ck_assert_uint_eq(t.paras[1].span.start, 7);
    ck_assert_uint_eq(lede_text_para_at(&t, 0), 0); /* before the first */
    ck_assert_uint_eq(lede_text_para_at(&t, 3), 0);
    ck_assert_uint_eq(lede_text_para_at(&t, 4), 0);
    ck_assert_uint_eq(lede_text_para_at(&t, 5), 1); /* between: the next one */
    ck_assert_uint_eq(lede_text_para_at(&t, 6), 1);
    ck_assert_uint_eq(lede_text_para_at(&t, 7), 1);
    ck_assert_uint_eq(lede_text_para_at(&t, 8), 1);
    ck_assert_uint_eq(lede_text_para_at(&t, 9), 2); /* past the last */
    ck_assert_uint_eq(lede_text_para_at(&t, 1000), 2);
    lede_text_free(&t);
    /* A zeroed text has no paragraphs. */
    ck_assert_uint_eq(lede_text_para_at(&t, 0), 0);
}
END_TEST

static Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("load");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_load_file);
    tcase_add_test(tc, test_load_pipe);
    tcase_add_test(tc, test_load_stdin);
    tcase_add_test(tc, test_load_errors);
    tcase_add_test(tc, test_load_no_permission);
    tcase_add_test(tc, test_load_never_writes);
    tcase_add_test(tc, test_file_read);
    tcase_add_test(tc, test_file_read_big);
    tcase_add_test(tc, test_file_read_errors);
    tcase_add_test(tc, test_empty);
    tcase_add_test(tc, test_binary);
    tcase_add_test(tc, test_binary_program);
    tcase_add_test(tc, test_few_nuls_kept);
    tcase_add_test(tc, test_invalid_utf8_kept);
    tcase_add_test(tc, test_latin1_fixture);
    tcase_add_test(tc, test_bom_crlf_fixture);
    suite_add_tcase(s, tc);
    tc = tcase_create("paragraphs");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_label_headline_body);
    tcase_add_test(tc, test_not_label);
    tcase_add_test(tc, test_single_and_long);
    tcase_add_test(tc, test_blank_lines_and_edges);
    tcase_add_test(tc, test_hard_wrapped_fixture);
    tcase_add_test(tc, test_hard_wrapped_crlf);
    tcase_add_test(tc, test_news_not_wrapped);
    tcase_add_test(tc, test_wrapped_counts_code_points);
    tcase_add_test(tc, test_wrapped_edges);
    tcase_add_test(tc, test_many_wrapped_blocks);
    tcase_add_test(tc, test_one_line_blocks);
    tcase_add_test(tc, test_huge_single_line);
    tcase_add_test(tc, test_many_short_lines);
    tcase_add_test(tc, test_para_at);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(text_suite());
}
