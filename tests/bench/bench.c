/* bench.c - lede-bench: how fast lede reads, on generated news, a book and a corpus.
 *
 * Not a test: it asserts nothing and CTest never runs it. Each figure is one line:
 *
 *     lede-bench [--shared DIR] [--lede PATH] [--runs N] [FILE...]
 *
 * FILEs are benchmarked like the default text (a ~4 MB news-like text generated from
 * the bundled sample article). With DIR (default ../shared beside the source tree)
 * the book DIR/corpus/books/war-and-peace.txt and every file under DIR/corpus/bbc are
 * measured too when present. The comparison line runs `wc -w FILE` and the real
 * `lede --json FILE` (found next to this program unless --lede says where). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lede/annotate.h"
#include "lede/article.h"
#include "lede/grow.h"
#include "lede/layout.h"
#include "lede/lexicon.h"
#include "lede/view.h"

#define GENERATED_BYTES (4u << 20)
#define HTML_BYTES (200u * 1000u) /* the "200 KB page" */
#define JUMPS 20000
#define SCREEN_COLS 120
#define SCREEN_ROWS 40

typedef struct {
    const char *shared;
    const char *lede;
    int runs;
    lede_annotator *ann;
} bench;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static bool is_file(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static _Noreturn void die(const char *what, lede_status st)
{
    fprintf(stderr, "lede-bench: %s: %s\n", what, lede_status_str(st));
    exit(1);
}

/* --- inputs -------------------------------------------------------------------------- */

/* Writes copies of the sample article, a blank line between them, to a temporary file
 * of about GENERATED_BYTES and returns its path (malloc'd). */
static char *generate_news(void)
{
    size_t len;
    const char *sample = lede_sample_article(&len);
    if (!sample)
        die("sample article", LEDE_ERR_NOTFOUND);
    char *path = strdup("/tmp/lede-bench-XXXXXX");
    int fd = path ? mkstemp(path) : -1;
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f)
        die("temporary file", LEDE_ERR_IO);
    for (size_t n = 0; n < GENERATED_BYTES; n += len + 2)
        if (fwrite(sample, 1, len, f) != len || fputs("\n\n", f) == EOF)
            die(path, LEDE_ERR_IO);
    if (fclose(f) != 0)
        die(path, LEDE_ERR_IO);
    return path;
}

/* A web page of about HTML_BYTES as news sites send them: a head of scripts, styles
 * and meta tags, a nav bar and cookie banner, the sample article's paragraphs as <p>
 * (repeated), a share bar, related links and comments between them. */
static char *generate_page(size_t *out_len)
{
    size_t len, n = 0, cap = HTML_BYTES + 65536;
    const char *sample = lede_sample_article(&len);
    char *page = malloc(cap);
    if (!sample || !page)
        die("page", LEDE_ERR_NOMEM);
#define PUT(...) (n += (size_t)snprintf(page + n, cap - n, __VA_ARGS__))
    PUT("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Bench page</title>"
        "<meta property=\"og:title\" content=\"Bench page\"><meta name=\"author\" "
        "content=\"A. Writer\"><style>body{margin:0}.nav li{display:inline}</style>"
        "<script>var cfg={ads:true,track:function(e){return e}};</script></head><body>"
        "<div class=\"cookie-banner\">We use cookies. <button>OK</button></div>"
        "<nav class=\"nav\"><ul><li><a href=/a>World</a></li><li><a href=/b>Sport</a></li>"
        "</ul></nav><main><article><h1>Bench page</h1><div class=\"body\">");
    while (n < HTML_BYTES) {
        const char *p = sample, *end = sample + len;
        while (p < end && n < HTML_BYTES) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t line = (size_t)((nl ? nl : end) - p);
            if (line > 0)
                PUT("<p>%.*s</p>\n", (int)line, p);
            p = nl ? nl + 1 : end;
        }
        PUT("<div class=\"share-bar\"><a href=#>Share</a> <a href=#>Tweet</a></div>"
            "<aside class=\"related\"><ul><li><a href=/r1>Related one</a></li><li><a "
            "href=/r2>Related two</a></li></ul></aside><script>cfg.track('p');</script>");
    }
    PUT("</div></article><section class=\"comments\"><p>First!</p></section></main>"
        "<footer><p>&copy; Bench</p></footer></body></html>\n");
#undef PUT
    *out_len = n;
    return page;
}

/* Extraction of a generated page of about 200 KB, in process (target <= 20 ms). */
static void report_html(const bench *b)
{
    size_t len;
    char *page = generate_page(&len);
    double *ms = malloc((size_t)b->runs * sizeof *ms);
    size_t paras = 0;
    if (!ms)
        die("html", LEDE_ERR_NOMEM);
    for (int r = 0; r < b->runs; r++) {
        lede_text t;
        double t0 = now_ms();
        lede_status st = lede_text_from_buffer(page, len, &t);
        ms[r] = now_ms() - t0;
        if (st != LEDE_OK)
            die("html page", st);
        paras = t.n_paras;
        lede_text_free(&t);
    }
    printf("html      %-28s %8.2f KB extracted in %6.2f ms (%zu paragraphs; target <= 20 ms, "
           "median of %d)\n",
           "generated page", (double)len / 1e3, median(ms, b->runs), paras, b->runs);
    free(ms);
    free(page);
}

typedef struct {
    char **paths;
    size_t n, cap;
} path_list;

static void list_add(path_list *l, const char *path)
{
    if (LEDE_GROW(l->paths, l->cap, l->n + 1) != LEDE_OK)
        die("list", LEDE_ERR_NOMEM);
    if (!(l->paths[l->n++] = strdup(path)))
        die("list", LEDE_ERR_NOMEM);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds every regular file under dir, recursively. */
static void list_dir(path_list *l, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (stat(path, &sb) != 0)
            continue;
        if (S_ISDIR(sb.st_mode))
            list_dir(l, path);
        else if (S_ISREG(sb.st_mode))
            list_add(l, path);
    }
    closedir(d);
}

static void list_free(path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
}

/* --- annotate ------------------------------------------------------------------------ */

/* Loads, annotates and frees each file once; returns the bytes read. */
static size_t annotate_files(const bench *b, char *const *paths, size_t n)
{
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        lede_text text;
        lede_model model;
        lede_status st = lede_text_load(paths[i], &text);
        if (st == LEDE_ERR_EMPTY || st == LEDE_ERR_BINARY)
            continue;
        if (st != LEDE_OK)
            die(paths[i], st);
        if ((st = lede_annotate(b->ann, &text, &model)) != LEDE_OK)
            die(paths[i], st);
        bytes += text.len;
        lede_model_free(&model);
        lede_text_free(&text);
    }
    return bytes;
}

static void report_annotate(const bench *b, const char *label, char *const *paths, size_t n)
{
    double t[64];
    size_t bytes = 0;
    for (int r = 0; r < b->runs; r++) {
        double t0 = now_ms();
        bytes = annotate_files(b, paths, n);
        t[r] = now_ms() - t0;
    }
    double ms = median(t, b->runs);
    printf("annotate  %-28s %8.2f MB in %8.2f ms = %7.1f MB/s (load+annotate+model, median of "
           "%d)\n",
           label, (double)bytes / 1e6, ms, (double)bytes / 1e3 / ms, b->runs);
}

/* --- layout, view, jumps --------------------------------------------------------------- */

static void load_annotated(const bench *b, const char *path, lede_text *text, lede_model *model)
{
    lede_status st = lede_text_load(path, text);
    if (st == LEDE_OK)
        st = lede_annotate(b->ann, text, model);
    if (st != LEDE_OK)
        die(path, st);
}

/* Draws the screen as the tui does, without curses: the lines and their runs. */
static size_t draw(lede_view *v)
{
    const lede_line *lines;
    const lede_run *runs;
    size_t n = lede_view_lines(v, &lines), total = 0;
    for (size_t i = 0; i < n; i++)
        total += lede_view_runs(v, &lines[i], &runs);
    char status[512];
    lede_view_status_line(v, status, sizeof status, SCREEN_COLS);
    return total;
}

static void report_layout(const char *label, const lede_text *text, const lede_model *model)
{
    lede_layout *lay;
    double t0 = now_ms();
    if (lede_layout_new(text, 80, &lay) != LEDE_OK)
        die("layout", LEDE_ERR_NOMEM);
    lede_pos pos = {0, 0};
    long moved = 0;
    if (!lede_layout_empty(lay) && lede_layout_move(lay, &pos, LONG_MAX / 2, &moved) != LEDE_OK)
        die("layout", LEDE_ERR_NOMEM);
    double wrap = now_ms() - t0;
    lede_layout_free(lay);

    lede_view *v;
    t0 = now_ms();
    if (lede_view_new(SCREEN_COLS, SCREEN_ROWS, &v) != LEDE_OK ||
        lede_view_set_article(v, text, model, label) != LEDE_OK)
        die("view", LEDE_ERR_NOMEM);
    draw(v);
    double first = now_ms() - t0;
    lede_view_free(v);
    printf("layout    %-28s wrap all at 80 cols %8.2f ms (%ld lines); first screen %6.3f ms "
           "(view %dx%d)\n",
           label, wrap, moved + 1, first, SCREEN_COLS, SCREEN_ROWS);
}

/* Times what `lede FILE` does before its first screen, from nothing: lexicon,
 * annotator, load, view, draw. Like the reader, a long text is drawn before it is
 * annotated; the second figure is the screen with its highlights (median of runs). */
static void report_first_screen(const bench *b, const char *label, const char *path)
{
    double t[64], full[64];
    for (int r = 0; r < b->runs; r++) {
        double t0 = now_ms();
        lede_lexicon *lex;
        lede_annotator *ann;
        lede_text text;
        lede_model model;
        lede_view *v;
        if (lede_lexicon_new(&lex) != LEDE_OK || lede_annotator_new(lex, &ann) != LEDE_OK ||
            lede_text_load(path, &text) != LEDE_OK ||
            lede_view_new(SCREEN_COLS, SCREEN_ROWS, &v) != LEDE_OK ||
            lede_view_set_article(v, &text, NULL, path) != LEDE_OK)
            die(path, LEDE_ERR_NOMEM);
        draw(v);
        t[r] = now_ms() - t0;
        if (lede_annotate(ann, &text, &model) != LEDE_OK ||
            lede_view_set_article(v, &text, &model, path) != LEDE_OK)
            die(path, LEDE_ERR_NOMEM);
        draw(v);
        full[r] = now_ms() - t0;
        lede_view_free(v);
        lede_model_free(&model);
        lede_text_free(&text);
        lede_annotator_free(ann);
        lede_lexicon_free(lex);
    }
    printf("layout    %-28s first screen from start %7.2f ms (lexicon, load, view; target <= "
           "30 ms), highlighted %.2f ms\n",
           label, median(t, b->runs), median(full, b->runs));
}

/* Times n presses of key (after the view is set up), each followed by a redraw. */
static double time_keys(lede_view *v, lede_cmd cmd, int n, double *key_only)
{
    double keys = 0, t0 = now_ms();
    for (int i = 0; i < n; i++) {
        double k0 = now_ms();
        lede_view_apply(v, cmd);
        keys += now_ms() - k0;
        draw(v);
    }
    *key_only = keys * 1e3 / n;
    return (now_ms() - t0) * 1e3 / n;
}

/* Times `]` on the person mentioned most, then `n` searching for their name. */
static void report_jumps(const char *label, const lede_text *text, const lede_model *model)
{
    lede_view *v;
    if (lede_view_new(SCREEN_COLS, SCREEN_ROWS, &v) != LEDE_OK ||
        lede_view_set_article(v, text, model, label) != LEDE_OK)
        die("view", LEDE_ERR_NOMEM);
    /* The first index entry is the person mentioned most. */
    lede_view_apply(v, LEDE_CMD_FOCUS);
    lede_view_apply(v, LEDE_CMD_ACTIVATE);
    lede_view_apply(v, LEDE_CMD_FOCUS);
    uint32_t who = lede_view_selected(v);
    double key, with_draw = time_keys(v, LEDE_CMD_NEXT_MENTION, JUMPS, &key);
    printf("jump      %-28s ]  %7.2f us per key (%6.2f us + redraw), %s, %zu mentions\n", label,
           with_draw, key, who == LEDE_NONE ? "-" : model->entities[who].name,
           who == LEDE_NONE ? (size_t)0 : model->entities[who].n_mentions);
    const char *pattern = who == LEDE_NONE ? "the" : model->entities[who].name;
    double t0 = now_ms();
    lede_status st = lede_view_search(v, pattern);
    double search = now_ms() - t0;
    if (st != LEDE_OK)
        die(pattern, st);
    with_draw = time_keys(v, LEDE_CMD_SEARCH_NEXT, JUMPS, &key);
    printf("jump      %-28s n  %7.2f us per key (%6.2f us + redraw), /%s: %zu matches in %.2f "
           "ms\n",
           label, with_draw, key, pattern, lede_view_match_count(v), search);
    lede_view_free(v);
}

/* --- memory ---------------------------------------------------------------------------- */

/* Model bytes: the arrays and strings the model owns. */
static size_t model_bytes(const lede_model *m)
{
    size_t n = m->n_entities * sizeof *m->entities + m->n_mentions * sizeof *m->mentions +
               m->n_quotes * sizeof *m->quotes;
    for (size_t i = 0; i < m->n_entities; i++) {
        const lede_entity *e = &m->entities[i];
        n += strlen(e->name) + 1 + (e->role ? strlen(e->role) + 1 : 0);
        n += (e->n_mentions + e->n_quotes) * sizeof(uint32_t);
    }
    return n;
}

/* Runs the whole reader pipeline (lexicon, load, annotate, first screen) in a child
 * forked while this process is still small, and returns its peak RSS in KiB. */
static long child_peak_kib(const char *path)
{
    pid_t pid = fork();
    if (pid < 0)
        die("fork", LEDE_ERR_IO);
    if (pid == 0) {
        lede_lexicon *lex;
        lede_annotator *ann;
        lede_text text;
        lede_model model;
        lede_view *v;
        if (lede_lexicon_new(&lex) != LEDE_OK || lede_annotator_new(lex, &ann) != LEDE_OK ||
            lede_text_load(path, &text) != LEDE_OK ||
            lede_annotate(ann, &text, &model) != LEDE_OK ||
            lede_view_new(SCREEN_COLS, SCREEN_ROWS, &v) != LEDE_OK ||
            lede_view_set_article(v, &text, &model, path) != LEDE_OK)
            _exit(1);
        draw(v);
        _exit(0);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    return ru.ru_maxrss;
}

/* Runs argv with stdout to /dev/null; returns its wall time in ms (and peak RSS). */
static double run_cmd(char *const argv[], long *maxrss_kib)
{
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid < 0)
        die("fork", LEDE_ERR_IO);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null < 0 || dup2(null, STDOUT_FILENO) < 0)
            _exit(127);
        execvp(argv[0], argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "lede-bench: %s failed\n", argv[0]);
        exit(1);
    }
    if (maxrss_kib)
        *maxrss_kib = ru.ru_maxrss;
    return now_ms() - t0;
}

/* Issue 10's budgets for the learned annotator: peak RSS <= 4 x text + 16 MiB, and
 * `lede --json` <= 4 x `wc -w` on the same file in the same run (aim 3 x). */
#define RSS_PER_TEXT_BYTE 4
#define RSS_BASE_MIB 16
#define COMPARE_TARGET 4

static void report_memory(const char *label, const char *path, const lede_text *text,
                          const lede_model *model, long peak_kib, long lede_kib)
{
    double mib = (double)text->len / (1 << 20);
    printf("memory    %-28s peak RSS %6.1f MiB in-process, %6.1f MiB lede --json (target <= "
           "%.1f MiB); model %.2f bytes per text byte\n",
           label, peak_kib / 1024.0, lede_kib / 1024.0, RSS_PER_TEXT_BYTE * mib + RSS_BASE_MIB,
           (double)model_bytes(model) / (double)text->len);
    (void)path;
}

/* --- comparison ---------------------------------------------------------------------- */

/* Times `wc -w path` and `lede --json path`, alternating, and prints their medians. */
static void report_compare(const bench *b, const char *label, const char *path)
{
    double wc[64], lede[64];
    for (int r = 0; r < b->runs; r++) {
        char *wc_argv[] = {"wc", "-w", (char *)path, NULL};
        char *lede_argv[] = {(char *)b->lede, "--json", (char *)path, NULL};
        wc[r] = run_cmd(wc_argv, NULL);
        lede[r] = run_cmd(lede_argv, NULL);
    }
    double w = median(wc, b->runs), l = median(lede, b->runs);
    printf("compare   %-28s wc -w %7.2f ms, lede --json %7.2f ms: %.2fx (target <= %dx)\n", label,
           w, l, l / w, COMPARE_TARGET);
}

/* --- many articles ---------------------------------------------------------------------- */

/* Opens every file (lazily: all but the first, as `lede a.txt b.txt ...` does, or
 * loading them all), annotates the first and draws it; returns the median time. */
static double open_many(const bench *b, const path_list *files, bool lazy)
{
    double t[64];
    for (int r = 0; r < b->runs; r++) {
        double t0 = now_ms();
        lede_article *arts = calloc(files->n, sizeof *arts);
        if (!arts)
            die("articles", LEDE_ERR_NOMEM);
        for (size_t i = 0; i < files->n; i++) {
            lede_status st = lazy && i ? lede_article_open(&arts[i], files->paths[i])
                                       : lede_article_load(&arts[i], files->paths[i]);
            if (st != LEDE_OK)
                die(files->paths[i], st);
        }
        lede_view *v;
        if (lede_article_annotate(&arts[0], b->ann) != LEDE_OK ||
            lede_view_new(SCREEN_COLS, SCREEN_ROWS, &v) != LEDE_OK ||
            lede_view_set_article(v, &arts[0].text, &arts[0].model, arts[0].path) != LEDE_OK)
            die("first article", LEDE_ERR_NOMEM);
        draw(v);
        t[r] = now_ms() - t0;
        lede_view_free(v);
        for (size_t i = 0; i < files->n; i++)
            lede_article_free(&arts[i]);
        free(arts);
    }
    return median(t, b->runs);
}

static void report_many(const bench *b, const path_list *files)
{
    double lazy = open_many(b, files, true), eager = open_many(b, files, false);
    printf("open      %-28s %zu articles to first screen in %7.2f ms (the rest read when shown; "
           "%.2f ms reading them all)\n",
           "bbc/", files->n, lazy, eager);
}

/* Opens every file as the reader does and builds the index of all articles (each read
 * and annotated, then added), as the reader does between keypresses; returns the
 * median time and stores the entries (aliases left out) of the last run. */
static double build_corpus(const bench *b, const path_list *files, size_t *entries, size_t *merged)
{
    double t[64];
    for (int r = 0; r < b->runs; r++) {
        double t0 = now_ms();
        lede_article *arts = calloc(files->n, sizeof *arts);
        lede_corpus c;
        if (!arts || lede_corpus_init(&c, arts, files->n) != LEDE_OK)
            die("corpus", LEDE_ERR_NOMEM);
        for (size_t i = 0; i < files->n; i++) {
            lede_status st = lede_article_open(&arts[i], files->paths[i]);
            if (st != LEDE_OK)
                die(files->paths[i], st);
        }
        while (!lede_corpus_done(&c))
            if (lede_corpus_step(&c, b->ann) != LEDE_OK)
                die("corpus", LEDE_ERR_NOMEM);
        t[r] = now_ms() - t0;
        *entries = *merged = 0;
        for (size_t i = 0; i < c.n_entries; i++)
            if (c.entries[i].alias_of == LEDE_NONE)
                ++*entries;
            else
                ++*merged;
        lede_corpus_free(&c);
        for (size_t i = 0; i < files->n; i++)
            lede_article_free(&arts[i]);
        free(arts);
    }
    return median(t, b->runs);
}

static void report_corpus(const bench *b, const path_list *files)
{
    size_t entries, merged;
    double ms = build_corpus(b, files, &entries, &merged);
    printf("corpus    %-28s %zu articles indexed in %7.2f ms (read+annotate+add; %zu entities, "
           "%zu one-word names joined to a full name)\n",
           "bbc/", files->n, ms, entries, merged);
}

/* --- main ---------------------------------------------------------------------------- */

/* The lede binary next to this program (build/tests/bench/lede-bench -> build/lede). */
static const char *find_lede(char *buf, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", buf, size - 1);
    if (n <= 0)
        return "lede";
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (slash)
        *slash = '\0';
    size_t used = strlen(buf);
    snprintf(buf + used, size - used, "/../../lede");
    return is_file(buf) ? buf : "lede";
}

static void usage(void)
{
    fputs("usage: lede-bench [--shared DIR] [--lede PATH] [--runs N] [FILE...]\n", stderr);
    exit(2);
}

/* Every figure for one file: annotate speed, layout, jumps, memory, the comparison. */
static void bench_file(const bench *b, const char *label, const char *path, long peak_kib,
                       long lede_kib)
{
    char *paths[] = {(char *)path};
    report_annotate(b, label, paths, 1);
    lede_text text;
    lede_model model;
    load_annotated(b, path, &text, &model);
    report_layout(label, &text, &model);
    report_first_screen(b, label, path);
    report_jumps(label, &text, &model);
    if (peak_kib)
        report_memory(label, path, &text, &model, peak_kib, lede_kib);
    report_compare(b, label, path);
    lede_model_free(&model);
    lede_text_free(&text);
}

int main(int argc, char **argv)
{
    char lede_buf[PATH_MAX];
    bench b = {LEDE_SHARED, NULL, 7, NULL};
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--shared") == 0 && i + 1 < argc)
            b.shared = argv[++i];
        else if (strcmp(argv[i], "--lede") == 0 && i + 1 < argc)
            b.lede = argv[++i];
        else if (strcmp(argv[i], "--runs") == 0 && i + 1 < argc)
            b.runs = atoi(argv[++i]);
        else
            usage();
    }
    if (b.runs < 1 || b.runs > 64)
        usage();
    if (!b.lede)
        b.lede = find_lede(lede_buf, sizeof lede_buf);

    char book[PATH_MAX], bbc[PATH_MAX];
    snprintf(book, sizeof book, "%s/corpus/books/war-and-peace.txt", b.shared);
    snprintf(bbc, sizeof bbc, "%s/corpus/bbc", b.shared);
    bool have_book = is_file(book);

    /* Memory first, while this process is small: forked children inherit its pages. */
    long book_peak = 0, book_lede = 0;
    if (have_book) {
        book_peak = child_peak_kib(book);
        char *argv_lede[] = {(char *)b.lede, "--json", book, NULL};
        run_cmd(argv_lede, &book_lede);
    }

    lede_lexicon *lex;
    lede_annotator *ann;
    double t0 = now_ms();
    lede_status st = lede_lexicon_new(&lex);
    if (st == LEDE_OK)
        st = lede_annotator_new(lex, &ann);
    if (st != LEDE_OK)
        die("annotator", st);
    b.ann = ann;
    printf("startup   %-28s lexicon and annotator in %.2f ms; lede is %s\n", "", now_ms() - t0,
           b.lede);

    report_html(&b);
    char *generated = generate_news();
    bench_file(&b, "generated news", generated, 0, 0);
    unlink(generated);
    free(generated);
    for (; i < argc; i++)
        bench_file(&b, argv[i], argv[i], 0, 0);
    if (have_book)
        bench_file(&b, "war-and-peace.txt", book, book_peak, book_lede);
    path_list files = {0};
    list_dir(&files, bbc);
    if (files.n) {
        qsort(files.paths, files.n, sizeof *files.paths, cmp_str);
        report_annotate(&b, "bbc/ (all files)", files.paths, files.n);
        report_many(&b, &files);
        report_corpus(&b, &files);
    }
    list_free(&files);
    lede_annotator_free(ann);
    lede_lexicon_free(lex);
    return 0;
}
