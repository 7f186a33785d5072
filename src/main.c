/* main.c - the command line: options, then the reader or a non-interactive output.
 *
 * Every error ends here as one "lede: ..." line on stderr: exit status 2 for a usage
 * error, 1 for an input error. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>
#endif
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lede/annotate.h"
#include "lede/article.h"
#include "lede/cli.h"
#include "lede/corpus.h"
#include "lede/input.h"
#include "lede/lexicon.h"
#include "lede/paths.h"
#include "lede/print.h"
#include "lede/termsafe.h"
#include "lede/theme.h"
#include "lede/tui.h"
#include "lede/view.h"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };
#define HEAP_PAD ((size_t)32 << 20) /* the heap's first growth: War and Peace needs ~20 MiB */
#define HUGE_PAGE ((size_t)2 << 20)
#define MALLOC_FIRST ((size_t)128 << 10) /* glibc's own top pad and first mmap threshold */
enum { MODE_AUTO, MODE_JSON, MODE_ENTITIES, MODE_TEXT, MODE_LIST_THEMES };
enum { COLOR_AUTO, COLOR_NEVER, COLOR_ALWAYS };

typedef struct {
    int mode;
    int color;
    const char *theme;
    bool use_state;
    bool mouse;
    int width; /* --width: the readable width (0: none) */
    bool terminal; /* printing to a terminal the reader cannot use: filter the text */
    const char **lexicons;
    size_t n_lexicons;
    lede_read_opts read; /* --max-size, --encoding */
    const char *model; /* --model FILE: the entity tagger's model, or NULL */
} options;

static void usage(FILE *out)
{
    fputs("usage: lede [OPTIONS] [FILE...|-]\n"
          "Read a news article in the terminal: who is in the story and who said what.\n"
          "With no FILE, reads standard input, or opens the bundled sample article when\n"
          "standard input is a terminal.\n"
          "\n"
          "  --json             print the annotations as JSON and exit\n"
          "  --entities         print the entity index and quotations as a table and exit\n"
          "  --text             print the text that offsets refer to (a web page's article,\n"
          "                     a converted encoding) and exit\n"
          "  --encoding NAME    read the input as NAME (an iconv name, e.g. latin1)\n"
          "  --max-size N       refuse input over N bytes (K, M, G: binary units; 64M)\n"
          "  --theme NAME|PATH  colour theme (default: default)\n"
          "  --list-themes      list the themes that can be found and exit\n"
          "  --color WHEN       colour when printing to a non-terminal: never, auto, always\n"
          "  --lexicon FILE     add the word lists of FILE (see lede(1)); may be repeated\n"
          "  --model FILE       use FILE as the entity tagger's model (made by lede-train)\n"
          "  --no-state         do not remember the reading position\n"
          "  --no-mouse         do not ask the terminal for mouse events\n"
          "  --width N          read at most N columns wide (default 80; 0: the whole width)\n"
          "  --version          print the version and exit\n"
          "  --help             print this help and exit\n",
          out);
}

/* Prints "lede: what: reason" and returns status. */
static int fail(int status, const char *what, const char *reason)
{
    if (what)
        lede_termsafe_printf(stderr, "lede: %s: %s\n", what, reason);
    else
        lede_termsafe_printf(stderr, "lede: %s\n", reason);
    return status;
}

/* Reports a bad option and returns the usage status. getopt leaves in optopt the short
 * option at fault (or a long option's value, or 0); a long option is named by its word. */
static int bad_option(char **argv, int bad, const char *reason)
{
    const char *word = argv[optind - 1];
    if (bad > 0 && bad < 256)
        lede_termsafe_printf(stderr, "lede: -%c: %s (try --help)\n", bad, reason);
    else
        lede_termsafe_printf(stderr, "lede: %.*s: %s (try --help)\n", (int)strcspn(word, "="), word,
                             reason);
    return EXIT_USAGE;
}

/* Parses a positive size: digits, then K, M or G (powers of 1024). */
static bool parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v;
    unsigned shift = 0;

    if (*s < '0' || *s > '9')
        return false;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (*end == 'K' || *end == 'k')
        shift = 10;
    else if (*end == 'M' || *end == 'm')
        shift = 20;
    else if (*end == 'G' || *end == 'g')
        shift = 30;
    if (shift)
        end++;
    if (errno || *end || v == 0 || v > (SIZE_MAX >> shift))
        return false;
    *out = (size_t)v << shift;
    return true;
}

static int parse_options(int argc, char **argv, options *opt)
{
    enum {
        OPT_JSON = 256,
        OPT_ENTITIES,
        OPT_THEME,
        OPT_LIST_THEMES,
        OPT_COLOR,
        OPT_LEXICON,
        OPT_MODEL,
        OPT_NO_STATE,
        OPT_NO_MOUSE,
        OPT_WIDTH,
        OPT_TEXT,
        OPT_ENCODING,
        OPT_MAX_SIZE,
        OPT_VERSION,
        OPT_HELP
    };
    static const struct option longopts[] = {{"json", no_argument, NULL, OPT_JSON},
                                             {"entities", no_argument, NULL, OPT_ENTITIES},
                                             {"theme", required_argument, NULL, OPT_THEME},
                                             {"list-themes", no_argument, NULL, OPT_LIST_THEMES},
                                             {"color", required_argument, NULL, OPT_COLOR},
                                             {"colour", required_argument, NULL, OPT_COLOR},
                                             {"lexicon", required_argument, NULL, OPT_LEXICON},
                                             {"model", required_argument, NULL, OPT_MODEL},
                                             {"no-state", no_argument, NULL, OPT_NO_STATE},
                                             {"no-mouse", no_argument, NULL, OPT_NO_MOUSE},
                                             {"width", required_argument, NULL, OPT_WIDTH},
                                             {"text", no_argument, NULL, OPT_TEXT},
                                             {"encoding", required_argument, NULL, OPT_ENCODING},
                                             {"max-size", required_argument, NULL, OPT_MAX_SIZE},
                                             {"version", no_argument, NULL, OPT_VERSION},
                                             {"help", no_argument, NULL, OPT_HELP},
                                             {NULL, 0, NULL, 0}};
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_JSON:
            opt->mode = MODE_JSON;
            break;
        case OPT_ENTITIES:
            opt->mode = MODE_ENTITIES;
            break;
        case OPT_LIST_THEMES:
            opt->mode = MODE_LIST_THEMES;
            break;
        case OPT_THEME:
            opt->theme = optarg;
            break;
        case OPT_NO_STATE:
            opt->use_state = false;
            break;
        case OPT_NO_MOUSE:
            opt->mouse = false;
            break;
        case OPT_WIDTH: {
            char *end;
            long w = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || w < 0 || w > 10000)
                return fail(EXIT_USAGE, "--width", "expects a number of columns (0 to 10000)");
            opt->width = (int)w;
            break;
        }
        case OPT_TEXT:
            opt->mode = MODE_TEXT;
            break;
        case OPT_ENCODING:
            if (!lede_decode_known(optarg))
                return fail(EXIT_USAGE, "--encoding", "unknown encoding (see iconv -l)");
            opt->read.encoding = optarg;
            break;
        case OPT_MAX_SIZE:
            if (!parse_size(optarg, &opt->read.max_size))
                return fail(EXIT_USAGE, "--max-size", "expects a number of bytes, e.g. 64M");
            break;
        case OPT_LEXICON:
            opt->lexicons[opt->n_lexicons++] = optarg;
            break;
        case OPT_MODEL:
            opt->model = optarg;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "never") == 0)
                opt->color = COLOR_NEVER;
            else if (strcmp(optarg, "always") == 0)
                opt->color = COLOR_ALWAYS;
            else if (strcmp(optarg, "auto") == 0)
                opt->color = COLOR_AUTO;
            else
                return fail(EXIT_USAGE, "--color", "expects never, auto or always");
            break;
        case OPT_VERSION:
            printf("lede %s\n", LEDE_VERSION);
            exit(0);
        case 'h':
        case OPT_HELP:
            usage(stdout);
            exit(0);
        case ':':
            return bad_option(argv, optopt, "option needs an argument");
        default:
            return bad_option(argv, optopt,
                              optopt >= OPT_JSON ? "option takes no argument" : "unknown option");
        }
    }
    return 0;
}

static int list_themes(void)
{
    char **names;
    size_t n;
    if (lede_theme_list(&names, &n) != LEDE_OK)
        return fail(EXIT_INPUT, NULL, "out of memory");
    for (size_t i = 0; i < n; i++)
        puts(names[i]);
    lede_theme_list_free(names, n);
    return 0;
}

/* A write to a closed pipe (lede FILE | head -1) ends lede quietly, like cat. */
static int write_failed(void)
{
    if (errno == EPIPE)
        return 0;
    lede_status st = lede_status_from_errno(errno); /* a full disk is said as such */
    if (st == LEDE_ERR_NOSPACE || st == LEDE_ERR_FBIG)
        return fail(EXIT_INPUT, "standard output", lede_status_str(st));
    return fail(EXIT_INPUT, NULL, "write error on standard output");
}

/* Loads, annotates and prints one file without the reader. */
static int print_one(const char *path, const options *opt, lede_annotator *ann,
                     const lede_theme *theme)
{
    lede_article art;
    lede_status st =
        path ? lede_article_load_with(&art, path, &opt->read) : lede_article_load_sample(&art);
    if (st != LEDE_OK)
        return fail(EXIT_INPUT, path, lede_status_str(st));
    /* A guessed encoding is said once; --json says it in "encoding". */
    if (art.text.encoding && !opt->read.encoding && opt->mode != MODE_JSON)
        fprintf(stderr, "lede: %s: read as %s\n", art.path, art.text.encoding);
    st = opt->mode == MODE_TEXT ? LEDE_OK : lede_article_annotate(&art, ann);
    if (st == LEDE_OK) {
        if (opt->mode == MODE_TEXT)
            st = fwrite(art.text.bytes, 1, art.text.len, stdout) == art.text.len ? LEDE_OK
                                                                               : LEDE_ERR_IO;
        else if (opt->mode == MODE_JSON)
            st = lede_cli_json(stdout, art.path, &art.text, &art.model);
        else if (opt->mode == MODE_ENTITIES)
            st = lede_cli_entities(stdout, &art.text, &art.model);
        else if (opt->terminal)
            st = lede_print_article_safe(stdout, &art.text, &art.model, theme);
        else
            st = lede_print_article(stdout, &art.text, &art.model, theme);
    }
    int rc = 0;
    if (st == LEDE_ERR_IO || (st == LEDE_OK && fflush(stdout) != 0))
        rc = write_failed() ? EXIT_INPUT : -1;
    else if (st != LEDE_OK)
        rc = fail(EXIT_INPUT, art.path, lede_status_str(st));
    lede_article_free(&art);
    return rc;
}

/* Loads the theme of --theme (or "default") into theme; a theme that cannot be had is
 * a usage error in every mode, so that a typo never passes unnoticed. Bad lines of a
 * theme are reported and skipped. */
static int load_theme(const options *opt, lede_theme *theme)
{
    const char *name = opt->theme ? opt->theme : "default";
    lede_status st = lede_theme_load(theme, name, stderr);
    /* A NAME without a '/' is looked up among the themes, never in the current folder:
     * when a file of that name is there, the user meant it as a path. */
    if (st == LEDE_ERR_NOTFOUND && !strchr(name, '/') && access(name, F_OK) == 0) {
        char why[PATH_MAX + 64];
        snprintf(why, sizeof why, "no such theme (the file here is --theme ./%s)", name);
        return fail(EXIT_USAGE, name, why);
    }
    if (st == LEDE_ERR_NOTFOUND)
        return fail(EXIT_USAGE, name, "no such theme (see --list-themes)");
    if (st != LEDE_OK)
        return fail(EXIT_USAGE, name, lede_status_str(st));
    return 0;
}

/* --entities with several files: one table over all of them. A file that cannot be
 * read is reported and left out, as the other print modes do. */
static int print_corpus(char **files, size_t n, lede_annotator *ann)
{
    lede_article *arts = calloc(n, sizeof *arts);
    lede_corpus corpus;
    if (!arts || lede_corpus_init(&corpus, arts, n) != LEDE_OK) {
        free(arts);
        return fail(EXIT_INPUT, NULL, "out of memory");
    }
    int rc = 0;
    lede_status st = LEDE_OK;
    for (size_t i = 0; i < n && st == LEDE_OK; i++) {
        st = lede_article_open(&arts[i], files[i]);
        if (st == LEDE_OK)
            st = lede_article_annotate(&arts[i], ann);
        if (st != LEDE_OK && st != LEDE_ERR_NOMEM) {
            rc = fail(EXIT_INPUT, files[i], lede_status_str(st));
            lede_article_free(&arts[i]);
            st = lede_article_failed(&arts[i], files[i], st);
        }
        if (st == LEDE_OK)
            st = lede_corpus_step(&corpus, ann);
    }
    if (st == LEDE_OK)
        st = lede_cli_entities_all(stdout, &corpus);
    if (st == LEDE_ERR_IO)
        rc = write_failed() ? EXIT_INPUT : rc;
    else if (st != LEDE_OK)
        rc = fail(EXIT_INPUT, NULL, lede_status_str(st));
    lede_corpus_free(&corpus);
    for (size_t i = 0; i < n; i++)
        lede_article_free(&arts[i]);
    free(arts);
    return rc;
}

static int print_all(char **files, size_t n, const options *opt, lede_annotator *ann)
{
    if (opt->mode == MODE_ENTITIES && n > 1)
        return print_corpus(files, n, ann);
    lede_theme theme, *use = NULL;
    int bad = load_theme(opt, &theme);
    if (bad != 0)
        return bad;
    if (opt->color == COLOR_ALWAYS && opt->mode == MODE_AUTO) {
        if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
            lede_theme_strip_colors(&theme);
        use = &theme;
    }
    int worst = 0;
    for (size_t i = 0; i < (n ? n : 1); i++) {
        int rc = print_one(n ? files[i] : NULL, opt, ann, use);
        if (rc < 0)
            return 0; /* the reader of our output went away */
        worst = rc > worst ? rc : worst;
    }
    return worst;
}

static int run_reader(char **files, size_t n, const options *opt, lede_annotator *ann)
{
    lede_theme theme;
    if (load_theme(opt, &theme) != 0)
        return EXIT_USAGE;
    const char *no_color = getenv("NO_COLOR");
    if (no_color && *no_color && lede_theme_load(&theme, "mono", stderr) != LEDE_OK)
        lede_theme_strip_colors(&theme); /* https://no-color.org: attributes only */
    size_t count = n ? n : 1;
    lede_article *arts = calloc(count, sizeof *arts);
    if (!arts)
        return fail(EXIT_INPUT, NULL, "out of memory");
    int rc = 0;
    size_t loaded = 0;
    /* A lone article is read now, so that it fails here as it always did; of several,
     * one that cannot be opened is shown as a page that says why (the reader opens
     * the first good one), and each is read only when shown. */
    for (size_t i = 0; i < count && rc == 0; i++) {
        lede_status st = !n      ? lede_article_load_sample(&arts[i])
                         : n > 1 ? lede_article_open_with(&arts[i], files[i], &opt->read)
                                 : lede_article_load_with(&arts[i], files[i], &opt->read);
        if (st != LEDE_OK && n > 1 && st != LEDE_ERR_NOMEM)
            st = lede_article_failed(&arts[i], files[i], st);
        if (st != LEDE_OK)
            rc = fail(EXIT_INPUT, files[i], lede_status_str(st));
        else
            loaded++;
    }
    if (rc == 0) {
        lede_tui_options topt = {&theme, opt->use_state, opt->mouse, opt->width};
        char msg[256] = "";
        lede_status st = lede_tui_run(arts, count, ann, &topt, msg, sizeof msg);
        if (st != LEDE_OK)
            rc = fail(EXIT_INPUT, NULL, *msg ? msg : lede_status_str(st));
    }
    for (size_t i = 0; i < loaded; i++)
        lede_article_free(&arts[i]);
    free(arts);
    return rc;
}

/* True when TERM says the terminal can only print lines (emacs shell buffers, some
 * editors' terminals): curses would draw garbage there. */
static bool dumb_terminal(void)
{
    const char *term = getenv("TERM");
    return term && strcmp(term, "dumb") == 0;
}

/* Builds the lexicon (built-in lists plus the user's files) and the annotator. */
static int make_annotator(const options *opt, lede_lexicon **lex, lede_annotator **ann)
{
    lede_status st = lede_lexicon_new(lex);
    if (st != LEDE_OK)
        return fail(EXIT_INPUT, NULL, lede_status_str(st));
    for (size_t i = 0; i < opt->n_lexicons; i++) {
        st = lede_lexicon_add_file(*lex, opt->lexicons[i], stderr);
        if (st != LEDE_OK && st != LEDE_ERR_SYNTAX)
            return fail(EXIT_INPUT, opt->lexicons[i], lede_status_str(st));
    }
    char *model = NULL;
    size_t len = 0;
    if (opt->model &&
        (st = lede_file_read_binary(opt->model, LEDE_MAX_SIZE_DEFAULT, &model, &len)) != LEDE_OK)
        return fail(EXIT_INPUT, opt->model, lede_status_str(st));
    st = lede_annotator_new_with_model(*lex, model, len, ann);
    free(model);
    /* The tagger refuses a file whose header, size or features version is not its own;
     * "syntax error" would not tell the user that a retrained model is what they need. */
    if (st == LEDE_ERR_SYNTAX && opt->model)
        return fail(EXIT_INPUT, opt->model,
                    "not an entity model for this lede (retrain it with lede-train)");
    if (st != LEDE_OK)
        return fail(EXIT_INPUT, opt->model, lede_status_str(st));
    return 0;
}

/* Asks for the heap in huge pages where the system gives them on request (Linux with
 * transparent huge pages in "madvise" mode). A first touch of a page is dear on a
 * virtual machine (20-50 us measured on the 2-core VM), and annotating a book touched
 * ~2,700 fresh 4 KiB pages: the text, its tokens and the arrays growing with it. So the
 * heap grows by HEAP_PAD at once, the huge pages inside that growth are asked for (what
 * glibc's glibc.malloc.hugetlb=1 tunable does), the part of it before the first huge
 * page boundary is held by a block never touched (gap), so that what is allocated next
 * starts there, and arrays up to HEAP_PAD stay on the heap instead of mappings of their
 * own. Only advice: where it is refused, where malloc is not glibc's (sanitizers,
 * valgrind), or once the heap outgrows the pad, pages come 4 KiB at a time as before. */
static void *volatile gap; /* volatile: kept though never read */

static void heap_in_huge_pages(void)
{
#if defined(M_TOP_PAD) && defined(M_MMAP_THRESHOLD) && defined(MADV_HUGEPAGE)
    mallopt(M_TOP_PAD, (int)HEAP_PAD);
    mallopt(M_MMAP_THRESHOLD, (int)HEAP_PAD);
    /* More than the heap holds yet, so it grows by the pad; malloc writes only the
     * headers of this block and of the rest after it, so the huge pages to come below
     * that are untouched (a page touched before the advice would hold its 2 MiB to
     * small pages). */
    char *first = malloc(HEAP_PAD - HUGE_PAGE);
    uintptr_t at = (uintptr_t)first;
    free(first); /* back to the top of the heap, which keeps the pad */
    uintptr_t end = (uintptr_t)sbrk(0);
    uintptr_t lo = (at + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t hi = end & ~(uintptr_t)(HUGE_PAGE - 1);
    if (!at || at > end || end - at > 2 * HEAP_PAD || hi <= lo) {
        /* not the brk heap just grown (a memory limit, another malloc): glibc's first
         * settings back, so that no later growth asks for the pad */
        mallopt(M_TOP_PAD, (int)MALLOC_FIRST);
        mallopt(M_MMAP_THRESHOLD, (int)MALLOC_FIRST);
        return;
    }
    (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
    if (lo - at > HUGE_PAGE / 64) /* a gap of a few KiB is left to small blocks */
        gap = malloc(lo - at - 2 * sizeof(size_t)); /* its header comes before it */
#endif
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    heap_in_huge_pages();
    signal(SIGPIPE, SIG_IGN);
    /* Past a file-size limit (ulimit -f) a write fails with EFBIG, said as such, instead
     * of the signal killing lede with the terminal raw and a temporary file left. */
    signal(SIGXFSZ, SIG_IGN);
    const char **lexicons = calloc((size_t)argc + 1, sizeof *lexicons);
    if (!lexicons)
        return fail(EXIT_INPUT, NULL, "out of memory");
    options opt = {MODE_AUTO, COLOR_AUTO, NULL, true, true, LEDE_VIEW_MEASURE, false, lexicons, 0,
                   {0, NULL}, NULL};
    int rc = parse_options(argc, argv, &opt);
    if (rc == 0 && opt.mode == MODE_LIST_THEMES)
        rc = list_themes();
    else if (rc == 0) {
        char **files = argv + optind;
        size_t n = (size_t)(argc - optind);
        static char *dash[] = {"-"};
        if (n == 0 && !isatty(STDIN_FILENO)) {
            files = dash;
            n = 1;
        }
        /* A folder opens as all the files below it. */
        char **expanded = NULL;
        size_t n_expanded = 0;
        if (lede_paths_expand(files, n, &expanded, &n_expanded) != LEDE_OK)
            rc = fail(EXIT_INPUT, NULL, "out of memory");
        lede_lexicon *lex = NULL;
        lede_annotator *ann = NULL;
        if (rc == 0)
            rc = make_annotator(&opt, &lex, &ann);
        bool reader = rc == 0 && opt.mode == MODE_AUTO && isatty(STDOUT_FILENO);
        if (reader && dumb_terminal()) {
            fputs("lede: TERM=dumb cannot show the reader; printing the article instead\n", stderr);
            opt.terminal = true;
            reader = false;
        }
        if (reader)
            rc = run_reader(expanded, n_expanded, &opt, ann);
        else if (rc == 0)
            rc = print_all(expanded, n_expanded, &opt, ann);
        lede_paths_free(expanded, n_expanded);
        lede_annotator_free(ann);
        lede_lexicon_free(lex);
    }
    free(lexicons);
    return rc;
}
