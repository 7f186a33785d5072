/* adversarial.c - worst cases for every stage, checked against a linear baseline.
 *
 * Each case generates an input built to make its stage slow (one paragraph of short
 * quotes, words of ten thousand letters, a thousand distinct names, the longest lexicon
 * entries the lists take, a wide theme include tree, state paths sharing long prefixes)
 * at a small size n and at SCALE * n, and times the stage on both in CPU time (the least
 * of RUNS runs; other processes on the machine do not count). A linear stage takes about
 * SCALE times as long on the larger input; the case fails when it takes more than
 * SCALE * SLACK times, which a quadratic one (SCALE^2 = 64) always does. Where a benign
 * input of the same size exists (a news text for the annotator), the worst case must
 * also stay within BENIGN_LIMIT times its time. Ratios, never absolute times, so the
 * test means the same on a fast and a slow machine.
 *
 * Usage: lede-adversarial [CASE...] (default: every case). Exit status 1 when any fails. */
#include <malloc.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "lede/annotate.h"
#include "lede/grow.h"
#include "lede/layout.h"
#include "lede/lexicon.h"
#include "lede/model.h"
#include "lede/state.h"
#include "lede/text.h"
#include "lede/theme.h"

#define SCALE 8   /* the larger input is SCALE times the smaller */
#define SLACK 3.0 /* cache misses on a larger input cost up to about 2x */
/* A worst case against ordinary news of the same size: a dense input costs more per
 * byte (a word of combining marks, each cluster measured by utf8proc's grapheme and
 * width tables, lays out 64-72 times slower than prose), and the quadratic cases found
 * so far cost 150 and 280 times as much. The growth ratio above guards linearity. */
#define BENIGN_LIMIT 100.0
#define RUNS 3
#define MIN_SECONDS 0.004 /* the small input grows until its time is past timer noise */
#define MAX_SMALL (1u << 20)

/* --- a growing buffer ------------------------------------------------------------- */

typedef struct {
    char *p;
    size_t n, cap;
} buf;

static void die(const char *what)
{
    fprintf(stderr, "lede-adversarial: %s\n", what);
    exit(2);
}

static void put(buf *b, const char *s, size_t len)
{
    if (len > SIZE_MAX - b->n - 1 || LEDE_GROW(b->p, b->cap, b->n + len + 1) != LEDE_OK)
        die("out of memory");
    memcpy(b->p + b->n, s, len);
    b->n += len;
    b->p[b->n] = '\0';
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

__attribute__((format(printf, 2, 3))) static void putf(buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* A name-like word from a counter: "Kavo", "Bemira", all distinct. */
static void put_name(buf *b, unsigned long k)
{
    static const char *const syl[] = {"ka",  "vo",  "be", "mi",  "ra",  "tu", "lo",  "sen",
                                      "dar", "pil", "no", "que", "zan", "fe", "gor", "hy"};
    char w[64];
    size_t n = 0;
    do {
        const char *s = syl[k % 16];
        memcpy(w + n, s, strlen(s));
        n += strlen(s);
        k /= 16;
    } while (k && n < 48);
    w[0] = (char)(w[0] - 'a' + 'A');
    put(b, w, n);
}

/* --- generators: each fills b with about n bytes ---------------------------------- */

static void gen_news(buf *b, size_t n)
{
    static const char *const para[] = {
        "Mayor Ana Ruiz said on Monday that the harbour would reopen after the storm, and "
        "the Port Authority agreed.",
        "\"We will rebuild,\" Ruiz told reporters in Lisbon. \"It will take a winter.\"",
        "Crews from the Coast Guard worked through the night, a spokesman for the agency "
        "said, while residents of Kettle Bay waited.",
        "Prime Minister Joao Alves called the damage severe. \"Nobody expected it,\" he said.",
    };
    puts_(b, "Storm closes harbour\n\n");
    for (unsigned i = 0; b->n < n; i++) {
        put(b, para[i % 4], strlen(para[i % 4]));
        puts_(b, "\n\n");
    }
}

static void gen_quote_paragraph(buf *b, size_t n)
{
    puts_(b, "Title\n\n");
    for (unsigned i = 0; b->n < n; i++)
        put(b, i % 3 ? "\xE2\x80\x9CYes,\xE2\x80\x9D he said. " : "\"No,\" said Ana Ruiz. ",
            i % 3 ? 20 : 21);
    puts_(b, "\n");
}

static void gen_unclosed_quotes(buf *b, size_t n)
{
    puts_(b, "Title\n\n");
    while (b->n < n)
        puts_(b, "\xE2\x80\x9C Ana Ruiz said that \" it was \xE2\x80\x98 late ");
    puts_(b, "\n");
}

static void gen_long_words(buf *b, size_t n)
{
    puts_(b, "Title\n\n");
    while (b->n < n) {
        puts_(b, "Q");
        for (int i = 0; i < 10000; i++)
            put(b, &"abcdefghij"[i % 10], 1);
        puts_(b, " said ");
    }
    puts_(b, "\n");
}

static void gen_entities(buf *b, size_t n)
{
    puts_(b, "Title\n\n");
    for (unsigned long k = 1000; b->n < n; k++) {
        put_name(b, k * 2654435761u);
        puts_(b, " ");
        put_name(b, k);
        puts_(b, k % 5 ? " met " : " of the ");
        put_name(b, k * 40503u);
        puts_(b, k % 5 ? " Group in " : " Authority in ");
        put_name(b, k * 97u);
        puts_(b, k % 7 ? ". " : ".\n\n");
    }
}

/* A title of the longest kind the lists take, and a text of near misses: every name is
 * preceded by the first eleven of its twelve words. */
static const char *const title_words[] = {"Deputy",    "Chief",   "Assistant", "Under",
                                          "Secretary", "General", "of",        "the",
                                          "Grand",     "Council", "for",       "Harbours"};

static void gen_title_misses(buf *b, size_t n)
{
    puts_(b, "Title\n\n");
    for (unsigned long k = 0; b->n < n; k++) {
        for (int w = 0; w < 11; w++) {
            put(b, title_words[w], strlen(title_words[w]));
            puts_(b, " ");
        }
        put_name(b, k % 50);
        puts_(b, " Ruiz said. ");
        if (k % 20 == 19)
            puts_(b, "\n\n");
    }
}

static void gen_blank_lines(buf *b, size_t n)
{
    while (b->n < n)
        puts_(b, "a\n \n\r\n");
}

static void gen_long_word_text(buf *b, size_t n)
{
    while (b->n < n)
        puts_(b, "x\xCC\x81"); /* x and a combining acute: one long word of clusters */
}

static void gen_theme_lines(buf *b, size_t n)
{
    while (b->n < n)
        puts_(b, "color person brightred color17 bold underline # a comment\nbogus\n");
}

/* --- stages ----------------------------------------------------------------------- */

static lede_lexicon *lexicon;      /* built in */
static lede_lexicon *long_lexicon; /* built in plus the longest entries allowed */
static lede_annotator *annotator, *long_annotator;
static char tmpdir[64];

static void run_annotate_with(lede_annotator *ann, const buf *in)
{
    lede_text text;
    lede_model model;
    if (lede_text_from_buffer(in->p, in->n, &text) != LEDE_OK)
        die("text did not load");
    lede_model_init(&model);
    if (lede_annotate(ann, &text, &model) != LEDE_OK)
        die("annotation failed");
    lede_model_free(&model);
    lede_text_free(&text);
}

static void run_annotate(const buf *in)
{
    run_annotate_with(annotator, in);
}

static void run_annotate_long(const buf *in)
{
    run_annotate_with(long_annotator, in);
}

static void run_text(const buf *in)
{
    lede_text text;
    if (lede_text_from_buffer(in->p, in->n, &text) != LEDE_OK)
        die("text did not load");
    lede_text_free(&text);
}

static void run_layout(const buf *in)
{
    lede_text text;
    lede_layout *layout = NULL;
    lede_pos pos;
    if (lede_text_from_buffer(in->p, in->n, &text) != LEDE_OK ||
        lede_layout_new(&text, 80, &layout) != LEDE_OK)
        die("layout failed");
    if (lede_layout_last(layout, &pos) != LEDE_OK)
        die("layout_last failed");
    lede_layout_free(layout);
    lede_text_free(&text);
}

static void run_lexicon(const buf *in)
{
    lede_lexicon *lex;
    if (lede_lexicon_new_empty(&lex) != LEDE_OK)
        die("lexicon failed");
    lede_lexicon_add_buffer(lex, in->p, in->n, "adversarial", NULL);
    lede_lexicon_free(lex);
}

static void gen_lexicon_entries(buf *b, size_t n)
{
    puts_(b, "[title]\n");
    for (unsigned long k = 0; b->n < n; k++) {
        for (int w = 0; w < 11; w++) {
            put(b, title_words[w], strlen(title_words[w]));
            puts_(b, " ");
        }
        put_name(b, k);
        puts_(b, k % 3 ? "\n" : " = A value\n");
    }
}

static void run_theme(const buf *in)
{
    lede_theme theme;
    lede_theme_defaults(&theme);
    lede_theme_parse_buffer(&theme, in->p, in->n, "adversarial.theme", NULL, 0);
}

/* A theme whose every line includes itself again: the budget must end it. The size is
 * the number of include lines per file. */
static void gen_theme_includes(buf *b, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/wide.theme", tmpdir);
    buf file = {0};
    put(&file, "color person red default\n", 25);
    for (size_t i = 0; i < n / 1024 + 2; i++)
        putf(&file, "include %s\n", path);
    FILE *f = fopen(path, "w");
    if (!f || fwrite(file.p, 1, file.n, f) != file.n || fclose(f) != 0)
        die("cannot write the theme");
    free(file.p);
    putf(b, "include %s\n", path);
    while (b->n < n) /* the including buffer grows with n; the include tree is capped */
        puts_(b, "color place green default\n");
}

/* State paths sharing a long prefix, as many as the file keeps: a lookup compares them. */
static void gen_state_paths(buf *b, size_t n)
{
    size_t len = n / LEDE_STATE_MAX;
    puts_(b, "lede-state 1\n");
    for (int i = 0; i < LEDE_STATE_MAX; i++) {
        putf(b, "%016x %d /", i, i);
        for (size_t k = 0; k < len; k++)
            puts_(b, "p");
        putf(b, "/%d.txt\n", i);
    }
}

static void run_state(const buf *in)
{
    char path[128];
    snprintf(path, sizeof path, "%s/positions", tmpdir);
    FILE *f = fopen(path, "w");
    if (!f || fwrite(in->p, 1, in->n, f) != in->n || fclose(f) != 0)
        die("cannot write the state file");
    lede_state st;
    lede_state_init(&st);
    if (lede_state_load(&st, path, NULL) != LEDE_OK || st.n != LEDE_STATE_MAX)
        die("state did not load");
    lede_state_free(&st);
}

/* --- cases and timing --------------------------------------------------------------- */

typedef struct {
    const char *name;
    void (*gen)(buf *, size_t);
    void (*run)(const buf *);
    void (*benign)(buf *, size_t); /* NULL: no benign input to compare with */
    size_t max_small;              /* 0: MAX_SMALL */
    void (*base_run)(const buf *); /* set: the baseline is this on the same input */
    double base_limit;             /* how many times the baseline the case may take */
} test_case;

static const test_case cases[] = {
    {"text.blank_lines", gen_blank_lines, run_text, gen_news, 0, NULL, 0},
    {"text.long_word", gen_long_word_text, run_text, gen_news, 0, NULL, 0},
    {"quotes.one_paragraph", gen_quote_paragraph, run_annotate, gen_news, 0, NULL, 0},
    {"quotes.unclosed", gen_unclosed_quotes, run_annotate, gen_news, 0, NULL, 0},
    {"names.long_words", gen_long_words, run_annotate, gen_news, 0, NULL, 0},
    {"names.many_entities", gen_entities, run_annotate, gen_news, 0, NULL, 0},
    /* The longest entries the lists take cost little more than the built-in lists on the
     * same text; a 3000-word title, were it taken, costs ~10 times as much at 256 kB
     * and more with every word. */
    {"lexicon.long_titles", gen_title_misses, run_annotate_long, NULL, 0, run_annotate, 3.0},
    {"lexicon.load", gen_lexicon_entries, run_lexicon, NULL, 0, NULL, 0},
    {"layout.long_word", gen_long_word_text, run_layout, gen_news, 0, NULL, 0},
    {"layout.blank_lines", gen_blank_lines, run_layout, gen_news, 0, NULL, 0},
    /* A theme load reads at most 4 MB in all: the larger input must stay below. */
    {"theme.lines", gen_theme_lines, run_theme, NULL, 256 * 1024, NULL, 0},
    {"theme.wide_includes", gen_theme_includes, run_theme, NULL, 256 * 1024, NULL, 0},
    {"state.long_paths", gen_state_paths, run_state, NULL, 0, NULL, 0},
};

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The least CPU time of RUNS runs of run on in. */
static double best_time(void (*run)(const buf *), const buf *in)
{
    double best = 1e9;
    for (int r = 0; r < RUNS; r++) {
        double t0 = cpu_now();
        run(in);
        double t = cpu_now() - t0;
        best = t < best ? t : best;
    }
    return best;
}

static double timed(const test_case *c, void (*gen)(buf *, size_t), size_t n)
{
    buf in = {0};
    gen(&in, n);
    double t = best_time(c->run, &in);
    free(in.p);
    return t;
}

/* Runs one case; returns true when it passes. */
static bool run_case(const test_case *c)
{
    size_t n = 16384;
    double small = timed(c, c->gen, n);
    size_t most = c->max_small ? c->max_small : MAX_SMALL;
    while (small < MIN_SECONDS && n < most) {
        n *= 2;
        small = timed(c, c->gen, n);
    }
    double big = timed(c, c->gen, n * SCALE);
    double ratio = big / (small > 1e-6 ? small : 1e-6);
    bool ok = ratio <= SCALE * SLACK;
    printf("%-24s %8zu -> %8zu bytes: %8.4f -> %8.4f s, x%5.1f (limit %.0f)", c->name, n, n * SCALE,
           small, big, ratio, SCALE * SLACK);
    if (c->base_run) {
        buf in = {0};
        c->gen(&in, n * SCALE);
        double base = best_time(c->base_run, &in);
        free(in.p);
        double vs = big / (base > 1e-6 ? base : 1e-6);
        printf(", x%5.1f baseline (limit %.0f)", vs, c->base_limit);
        ok = ok && vs <= c->base_limit;
    }
    if (c->benign) {
        double base = timed(c, c->benign, n * SCALE);
        double vs = big / (base > 1e-6 ? base : 1e-6);
        printf(", x%5.1f news (limit %.0f)", vs, BENIGN_LIMIT);
        ok = ok && vs <= BENIGN_LIMIT;
    }
    printf("%s\n", ok ? "" : "  FAIL");
    fflush(stdout);
    return ok;
}

static void setup(void)
{
    /* Freed memory stays with the process and is reused, so that no run pays for fresh
     * pages that the one before it did not: a small input's memory is warm after its
     * first run, and a large one's must be too, or page faults pass for a bad bound. */
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, -1);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/lede-adversarial.XXXXXX");
    if (!mkdtemp(tmpdir))
        die("cannot make a scratch directory");
    if (lede_lexicon_new(&lexicon) != LEDE_OK || lede_lexicon_new(&long_lexicon) != LEDE_OK)
        die("lexicon failed");
    /* Titles of the longest kind the lists take, sharing their first eleven words. */
    buf titles = {0};
    gen_lexicon_entries(&titles, 64 * 1024);
    if (lede_lexicon_add_buffer(long_lexicon, titles.p, titles.n, "titles", stderr) != LEDE_OK)
        die("the long titles were refused");
    /* And one far longer, which the lists must refuse (it once made annotation ~150
     * times slower): only its first line of diagnostics is expected. */
    titles.n = 0;
    puts_(&titles, "[title]\n");
    for (int i = 0; i < 3000; i++)
        puts_(&titles, i % 2 ? "Ruiz said " : "Deputy ");
    puts_(&titles, "\n");
    lede_lexicon_add_buffer(long_lexicon, titles.p, titles.n, "huge title", NULL);
    free(titles.p);
    if (lede_annotator_new(lexicon, &annotator) != LEDE_OK ||
        lede_annotator_new(long_lexicon, &long_annotator) != LEDE_OK)
        die("annotator failed");
}

static void teardown(void)
{
    char path[128];
    snprintf(path, sizeof path, "%s/wide.theme", tmpdir);
    unlink(path);
    snprintf(path, sizeof path, "%s/positions", tmpdir);
    unlink(path);
    rmdir(tmpdir);
    lede_annotator_free(annotator);
    lede_annotator_free(long_annotator);
    lede_lexicon_free(lexicon);
    lede_lexicon_free(long_lexicon);
}

int main(int argc, char **argv)
{
    setup();
    int failed = 0, ran = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool wanted = argc < 2;
        for (int a = 1; a < argc; a++)
            wanted = wanted || strcmp(argv[a], cases[i].name) == 0;
        if (!wanted)
            continue;
        ran++;
        failed += !run_case(&cases[i]);
    }
    teardown();
    printf("adversarial: %d cases, %d failed\n", ran, failed);
    return failed ? 1 : 0;
}
