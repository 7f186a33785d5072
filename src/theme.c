/* theme.c - parse and find colour themes (tig-style "color" lines).
 *
 * Bound: one load reads at most MAX_INCLUDES + 1 files of at most MAX_FILE bytes and at
 * most MAX_TOTAL bytes in all, each line once: O(MAX_TOTAL) time whatever the includes
 * say (a file that includes itself ten times, ten deep, once meant 10^8 parses), and at
 * most MAX_REPORTS + 2 lines on diag. */
#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "lede/blob.h"
#include "lede/grow.h"
#include "lede/termsafe.h"
#include "lede/text.h"
#include "lede/theme.h"

#define MAX_LINE 1024
#define MAX_TOKENS 16
#define MAX_FILE (1024 * 1024)
#define BUILTIN_PREFIX "builtin:"
#define SUFFIX ".theme"
/* The include budget of one load: the shipped themes include one file, a user's theme
 * a few; more is a loop or an attack, and each file costs a read. */
#define MAX_INCLUDES 64
#define MAX_TOTAL (4 * MAX_FILE)
#define MAX_REPORTS 20 /* bad lines reported per load; the rest are counted in one line */

/* One load: the theme being built and what it has spent. */
typedef struct {
    lede_theme *theme;
    FILE *diag;
    size_t reports, includes, bytes;
    bool spent; /* the include budget ran out: nothing more is read or applied */
} loader;

static const char *const element_names[LEDE_EL_COUNT] = {
    [LEDE_EL_TEXT] = "text",
    [LEDE_EL_HEADLINE] = "headline",
    [LEDE_EL_PERSON] = "person",
    [LEDE_EL_PLACE] = "place",
    [LEDE_EL_ORGANIZATION] = "organization",
    [LEDE_EL_GROUP] = "group",
    [LEDE_EL_QUOTE] = "quote",
    [LEDE_EL_SELECTED] = "selected",
    [LEDE_EL_CURRENT] = "current",
    [LEDE_EL_SEARCH] = "search",
    [LEDE_EL_INDEX_HEADER] = "index.header",
    [LEDE_EL_INDEX_ENTRY] = "index.entry",
    [LEDE_EL_INDEX_ROLE] = "index.role",
    [LEDE_EL_INDEX_CURSOR] = "index.cursor",
    [LEDE_EL_STATUS] = "status",
    [LEDE_EL_BYLINE] = "byline",
};

static const char *const color_names[8] = {"black", "red",     "green", "yellow",
                                           "blue",  "magenta", "cyan",  "white"};

static const struct {
    const char *name;
    unsigned bit;
} attr_names[] = {
    {"normal", 0},
    {"bold", LEDE_ATTR_BOLD},
    {"dim", LEDE_ATTR_DIM},
    {"underline", LEDE_ATTR_UNDERLINE},
    {"reverse", LEDE_ATTR_REVERSE},
    {"italic", LEDE_ATTR_ITALIC},
    {"standout", LEDE_ATTR_STANDOUT},
};

/* Keep in step with themes/default.theme (check_theme compares the two). */
static const lede_style default_styles[LEDE_EL_COUNT] = {
    [LEDE_EL_TEXT] = {-1, -1, 0},
    [LEDE_EL_HEADLINE] = {-1, -1, LEDE_ATTR_BOLD},
    [LEDE_EL_PERSON] = {3, -1, LEDE_ATTR_BOLD},
    [LEDE_EL_PLACE] = {2, -1, 0},
    [LEDE_EL_ORGANIZATION] = {6, -1, 0},
    [LEDE_EL_GROUP] = {5, -1, 0},
    [LEDE_EL_QUOTE] = {-1, -1, LEDE_ATTR_ITALIC},
    [LEDE_EL_SELECTED] = {-1, -1, LEDE_ATTR_UNDERLINE},
    [LEDE_EL_CURRENT] = {-1, -1, LEDE_ATTR_REVERSE | LEDE_ATTR_BOLD},
    [LEDE_EL_SEARCH] = {0, 3, 0},
    [LEDE_EL_INDEX_HEADER] = {-1, -1, LEDE_ATTR_BOLD | LEDE_ATTR_UNDERLINE},
    [LEDE_EL_INDEX_ENTRY] = {-1, -1, 0},
    [LEDE_EL_INDEX_ROLE] = {-1, -1, LEDE_ATTR_DIM},
    [LEDE_EL_INDEX_CURSOR] = {-1, -1, LEDE_ATTR_REVERSE},
    [LEDE_EL_STATUS] = {-1, -1, LEDE_ATTR_REVERSE},
    [LEDE_EL_BYLINE] = {-1, -1, LEDE_ATTR_DIM},
};

void lede_theme_defaults(lede_theme *theme)
{
    memset(theme, 0, sizeof *theme);
    strcpy(theme->name, "default");
    memcpy(theme->styles, default_styles, sizeof default_styles);
}

lede_element lede_element_from_name(const char *name)
{
    for (int el = 0; el < LEDE_EL_COUNT; el++)
        if (strcasecmp(element_names[el], name) == 0)
            return (lede_element)el;
    return LEDE_EL_COUNT;
}

const char *lede_element_name(lede_element el)
{
    if ((int)el < 0 || el >= LEDE_EL_COUNT)
        return "?";
    return element_names[el];
}

bool lede_theme_is_mono(const lede_theme *theme)
{
    for (int el = 0; el < LEDE_EL_COUNT; el++)
        if (theme->styles[el].fg != LEDE_COLOR_DEFAULT ||
            theme->styles[el].bg != LEDE_COLOR_DEFAULT)
            return false;
    return true;
}

void lede_theme_strip_colors(lede_theme *theme)
{
    for (int el = 0; el < LEDE_EL_COUNT; el++) {
        theme->styles[el].fg = LEDE_COLOR_DEFAULT;
        theme->styles[el].bg = LEDE_COLOR_DEFAULT;
    }
}

/* --- one line ------------------------------------------------------------------- */

/* Parses "default", a colour name, "brightNAME" or "colorN" (N in 0..255). */
static bool parse_color(const char *s, short *out)
{
    if (strcasecmp(s, "default") == 0) {
        *out = LEDE_COLOR_DEFAULT;
        return true;
    }
    int base = 0;
    if (strncasecmp(s, "bright", 6) == 0) {
        s += 6 + (s[6] == '-');
        base = 8;
    }
    for (int i = 0; i < 8; i++)
        if (strcasecmp(s, color_names[i]) == 0) {
            *out = (short)(base + i);
            return true;
        }
    if (base != 0 || strncasecmp(s, "color", 5) != 0)
        return false;
    s += 5;
    size_t n = strlen(s);
    if (n == 0 || n > 3 || strspn(s, "0123456789") != n)
        return false;
    int v = atoi(s);
    if (v > 255)
        return false;
    *out = (short)v;
    return true;
}

static bool parse_attr(const char *s, unsigned *bits)
{
    for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
        if (strcasecmp(s, attr_names[i].name) == 0) {
            *bits |= attr_names[i].bit;
            return true;
        }
    return false;
}

/* Splits line in place at blanks; a token starting with '#' ends the line. */
static int tokenize(char *line, char **tok)
{
    int n = 0;
    char *save = NULL;
    for (char *t = strtok_r(line, " \t\r\v\f", &save); t; t = strtok_r(NULL, " \t\r\v\f", &save)) {
        if (t[0] == '#' || n == MAX_TOKENS)
            break;
        tok[n++] = t;
    }
    return n;
}

/* Reports a bad line as "lede: file:line: message" (lede's one error form, so that the
 * line says who speaks among other programs' output), the first MAX_REPORTS of a load only
 * (a spent budget is said whatever the count: it is what the user must learn); file
 * names and the line's words go through the terminal filter. */
__attribute__((format(printf, 4, 5))) static void report(loader *ld, const char *file, size_t line,
                                                         const char *fmt, ...)
{
    if (!ld->diag || (++ld->reports > MAX_REPORTS && !ld->spent))
        return;
    if (ld->spent && ld->reports > MAX_REPORTS)
        ld->reports--; /* shown, so not among those counted as left out */
    char msg[MAX_LINE + 128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lede_termsafe_printf(ld->diag, "lede: %s:%zu: %s\n", file, line, msg);
}

/* Ends a load: says how many reports were left out. */
static void finish_reports(loader *ld, const char *name)
{
    if (ld->diag && ld->reports > MAX_REPORTS)
        lede_termsafe_printf(ld->diag, "lede: %s: %zu more bad lines not shown\n", name,
                             ld->reports - MAX_REPORTS);
}

/* Applies one "color" line; returns false (after reporting) when it is bad. */
static bool apply_color(loader *ld, char **tok, int n, const char *file, size_t line)
{
    if (n < 4) {
        report(ld, file, line, "expected: color ELEMENT FG BG [ATTRIBUTE...]");
        return false;
    }
    lede_element el = lede_element_from_name(tok[1]);
    if (el == LEDE_EL_COUNT) {
        report(ld, file, line, "unknown element '%s'", tok[1]);
        return false;
    }
    lede_style st = {0, 0, 0};
    for (int i = 2; i < 4; i++)
        if (!parse_color(tok[i], i == 2 ? &st.fg : &st.bg)) {
            report(ld, file, line, "bad colour '%s' (want a name, default or color0..color255)",
                   tok[i]);
            return false;
        }
    for (int i = 4; i < n; i++)
        if (!parse_attr(tok[i], &st.attrs)) {
            report(ld, file, line, "unknown attribute '%s'", tok[i]);
            return false;
        }
    ld->theme->styles[el] = st;
    return true;
}

/* --- finding and reading theme files ---------------------------------------------- */

/* The user's theme directory; false when neither XDG_CONFIG_HOME nor HOME helps. */
static bool user_dir(char *out, size_t size)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    int n;
    if (xdg && xdg[0] == '/') {
        n = snprintf(out, size, "%s/lede/themes", xdg);
    } else {
        const char *home = getenv("HOME");
        if (!home || home[0] == '\0')
            return false;
        n = snprintf(out, size, "%s/.config/lede/themes", home);
    }
    return n > 0 && (size_t)n < size;
}

/* Fills dirs with the theme directories in search order; returns how many. */
static int theme_dirs(char dirs[3][PATH_MAX])
{
    int n = 0;
    if (user_dir(dirs[n], PATH_MAX))
        n++;
    const char *fixed[] = {LEDE_THEMES_INSTALLED, LEDE_THEMES_SOURCE};
    for (size_t i = 0; i < 2; i++)
        if (snprintf(dirs[n], PATH_MAX, "%s", fixed[i]) < PATH_MAX)
            n++;
    return n;
}

static bool is_regular(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static lede_status parse_lines(loader *ld, const char *buf, size_t len, const char *filename,
                               int depth);

/* Counts len more bytes against the budget; false (reported once) when it is spent. */
static bool spend(loader *ld, size_t len, const char *file, size_t line)
{
    if (!ld->spent && len <= MAX_TOTAL - ld->bytes) {
        ld->bytes += len;
        return true;
    }
    if (!ld->spent) {
        ld->spent = true;
        report(ld, file, line,
               "theme too large: more than %d bytes with its includes; the rest "
               "is ignored",
               MAX_TOTAL);
    }
    return false;
}

static lede_status parse_file(loader *ld, const char *path, int depth)
{
    char *buf = NULL;
    size_t len = 0;
    lede_status st = lede_file_read(path, MAX_FILE, &buf, &len);
    if (st != LEDE_OK)
        return st;
    st = spend(ld, len, path, 0) ? parse_lines(ld, buf, len, path, depth) : LEDE_ERR_SYNTAX;
    free(buf);
    return st;
}

/* Finds theme name in the search order, skipping the file called skip (so that a user's
 * default.theme may include the shipped "default"), and applies it. NOTFOUND when none. */
static lede_status load_named(loader *ld, const char *name, const char *skip, int depth)
{
    char dirs[3][PATH_MAX];
    int n = theme_dirs(dirs);
    char path[PATH_MAX];
    for (int i = 0; i < n; i++) {
        int w = snprintf(path, sizeof path, "%s/%s%s", dirs[i], name, SUFFIX);
        if (w < 0 || (size_t)w >= sizeof path || !is_regular(path))
            continue;
        if (skip && strcmp(path, skip) == 0)
            continue;
        return parse_file(ld, path, depth);
    }
    /* Built-in names are short; a longer one cannot be among them. */
    char label[256];
    int w = snprintf(label, sizeof label, "%s%s%s", BUILTIN_PREFIX, name, SUFFIX);
    if (w < 0 || (size_t)w >= sizeof label)
        return LEDE_ERR_NOTFOUND;
    const struct lede_blob *blob = lede_blob_find(lede_blob_themes, label + strlen(BUILTIN_PREFIX));
    if (!blob || (skip && strcmp(label, skip) == 0))
        return LEDE_ERR_NOTFOUND;
    if (!spend(ld, blob->len, label, 0))
        return LEDE_ERR_SYNTAX;
    return parse_lines(ld, blob->data, blob->len, label, depth);
}

/* Resolves a relative include path against the directory of the including file. */
static void include_path(const char *arg, const char *from, char *out, size_t size)
{
    const char *slash = strrchr(from, '/');
    if (arg[0] == '/' || !slash || strncmp(from, BUILTIN_PREFIX, strlen(BUILTIN_PREFIX)) == 0)
        snprintf(out, size, "%s", arg);
    else
        snprintf(out, size, "%.*s/%s", (int)(slash - from), from, arg);
}

/* Applies one "include" line; returns the status of the included theme. */
static lede_status apply_include(loader *ld, char **tok, int n, const char *file, size_t line,
                                 int depth)
{
    if (n != 2) {
        report(ld, file, line, "expected: include NAME-OR-PATH");
        return LEDE_ERR_SYNTAX;
    }
    if (depth + 1 > LEDE_THEME_MAX_DEPTH) {
        report(ld, file, line, "include '%s' nested too deeply (an include loop?)", tok[1]);
        return LEDE_ERR_SYNTAX;
    }
    if (++ld->includes > MAX_INCLUDES) {
        ld->spent = true;
        report(ld, file, line,
               "more than %d includes in one theme (an include loop?); the rest "
               "is ignored",
               MAX_INCLUDES);
        return LEDE_ERR_SYNTAX;
    }
    lede_status st;
    if (strchr(tok[1], '/')) {
        char path[PATH_MAX];
        include_path(tok[1], file, path, sizeof path);
        st = parse_file(ld, path, depth + 1);
        if (st != LEDE_OK && st != LEDE_ERR_SYNTAX && st != LEDE_ERR_NOMEM) {
            report(ld, file, line, "cannot read '%s'", path);
            return LEDE_ERR_SYNTAX;
        }
        return st;
    }
    st = load_named(ld, tok[1], file, depth + 1);
    if (st == LEDE_ERR_NOTFOUND) {
        report(ld, file, line, "no theme named '%s'", tok[1]);
        return LEDE_ERR_SYNTAX;
    }
    if (st != LEDE_OK && st != LEDE_ERR_SYNTAX && st != LEDE_ERR_NOMEM) {
        report(ld, file, line, "cannot read theme '%s'", tok[1]);
        return LEDE_ERR_SYNTAX;
    }
    return st;
}

/* Applies the lines of buf, stopping when the budget is spent. */
static lede_status parse_lines(loader *ld, const char *buf, size_t len, const char *filename,
                               int depth)
{
    lede_status result = LEDE_OK;
    size_t lineno = 0;
    for (size_t pos = 0; pos < len && !ld->spent;) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - buf) : len;
        size_t n = end - pos;
        char line[MAX_LINE];
        lineno++;
        if (n >= sizeof line) {
            report(ld, filename, lineno, "line too long");
            result = LEDE_ERR_SYNTAX;
            pos = end + 1;
            continue;
        }
        memcpy(line, buf + pos, n);
        line[n] = '\0';
        pos = end + 1;
        char *tok[MAX_TOKENS];
        int ntok = tokenize(line, tok);
        if (ntok == 0)
            continue;
        lede_status st = LEDE_OK;
        if (strcmp(tok[0], "color") == 0 || strcmp(tok[0], "colour") == 0) {
            if (!apply_color(ld, tok, ntok, filename, lineno))
                st = LEDE_ERR_SYNTAX;
        } else if (strcmp(tok[0], "include") == 0) {
            st = apply_include(ld, tok, ntok, filename, lineno, depth);
        } else if (strcmp(tok[0], "layout") == 0) {
            /* "layout measure center|left": where the readable width sits. */
            if (ntok == 3 && strcmp(tok[1], "measure") == 0 &&
                (strcmp(tok[2], "center") == 0 || strcmp(tok[2], "left") == 0)) {
                ld->theme->measure_left = strcmp(tok[2], "left") == 0;
            } else {
                report(ld, filename, lineno, "want: layout measure center|left");
                st = LEDE_ERR_SYNTAX;
            }
        } else {
            report(ld, filename, lineno, "unknown command '%s' (want color, include or layout)",
                   tok[0]);
            st = LEDE_ERR_SYNTAX;
        }
        if (st == LEDE_ERR_NOMEM)
            return st;
        if (st != LEDE_OK)
            result = LEDE_ERR_SYNTAX;
    }
    return ld->spent ? LEDE_ERR_SYNTAX : result;
}

lede_status lede_theme_parse_buffer(lede_theme *theme, const char *buf, size_t len,
                                    const char *filename, FILE *diag, int depth)
{
    loader ld = {.theme = theme, .diag = diag};
    lede_status st = spend(&ld, len, filename, 0) ? parse_lines(&ld, buf, len, filename, depth)
                                                  : LEDE_ERR_SYNTAX;
    finish_reports(&ld, filename);
    return st;
}

/* Copies the base name of path, without ".theme", into theme->name. */
static void set_name(lede_theme *theme, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    size_t sl = strlen(SUFFIX);
    if (n > sl && strcmp(base + n - sl, SUFFIX) == 0)
        n -= sl;
    if (n >= sizeof theme->name)
        n = sizeof theme->name - 1;
    memcpy(theme->name, base, n);
    theme->name[n] = '\0';
}

lede_status lede_theme_load(lede_theme *theme, const char *name_or_path, FILE *diag)
{
    lede_theme_defaults(theme);
    loader ld = {.theme = theme, .diag = diag};
    lede_status st;
    if (strchr(name_or_path, '/')) {
        st = parse_file(&ld, name_or_path, 0);
    } else {
        char name[PATH_MAX];
        size_t n = strlen(name_or_path);
        size_t sl = strlen(SUFFIX);
        if (n > sl && strcmp(name_or_path + n - sl, SUFFIX) == 0)
            n -= sl;
        if (n == 0 || n >= sizeof name)
            return LEDE_ERR_NOTFOUND;
        memcpy(name, name_or_path, n);
        name[n] = '\0';
        st = load_named(&ld, name, NULL, 0);
    }
    finish_reports(&ld, name_or_path);
    if (st == LEDE_ERR_SYNTAX)
        st = LEDE_OK; /* bad lines were reported and skipped */
    if (st != LEDE_OK) {
        lede_theme_defaults(theme);
        return st;
    }
    set_name(theme, name_or_path);
    return LEDE_OK;
}

/* --- listing --------------------------------------------------------------------- */

typedef struct {
    char **names;
    size_t n, cap;
} name_list;

static lede_status add_name(name_list *list, const char *file)
{
    size_t n = strlen(file);
    size_t sl = strlen(SUFFIX);
    if (n <= sl || file[0] == '.' || strcmp(file + n - sl, SUFFIX) != 0)
        return LEDE_OK;
    if (LEDE_GROW(list->names, list->cap, list->n + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    char *name = strndup(file, n - sl);
    if (!name)
        return LEDE_ERR_NOMEM;
    list->names[list->n++] = name;
    return LEDE_OK;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static lede_status list_dir(name_list *list, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return LEDE_OK; /* a missing directory simply has no themes */
    lede_status st = LEDE_OK;
    struct dirent *e;
    while (st == LEDE_OK && (e = readdir(d)) != NULL) {
        char path[PATH_MAX];
        int w = snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (w > 0 && (size_t)w < sizeof path && is_regular(path))
            st = add_name(list, e->d_name);
    }
    closedir(d);
    return st;
}

lede_status lede_theme_list(char ***names, size_t *count)
{
    name_list list = {NULL, 0, 0};
    char dirs[3][PATH_MAX];
    int ndirs = theme_dirs(dirs);
    lede_status st = LEDE_OK;
    for (int i = 0; i < ndirs && st == LEDE_OK; i++)
        st = list_dir(&list, dirs[i]);
    for (const struct lede_blob *b = lede_blob_themes; st == LEDE_OK && b->name; b++)
        st = add_name(&list, b->name);
    *names = NULL;
    *count = 0;
    if (st != LEDE_OK) {
        lede_theme_list_free(list.names, list.n);
        return st;
    }
    if (list.n > 0)
        qsort(list.names, list.n, sizeof *list.names, compare_names);
    size_t kept = 0;
    for (size_t i = 0; i < list.n; i++) {
        if (kept > 0 && strcmp(list.names[kept - 1], list.names[i]) == 0)
            free(list.names[i]);
        else
            list.names[kept++] = list.names[i];
    }
    *names = list.names;
    *count = kept;
    return LEDE_OK;
}

void lede_theme_list_free(char **names, size_t count)
{
    if (!names)
        return;
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}
