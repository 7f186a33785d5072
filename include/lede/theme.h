/* theme.h - colour themes: which style each screen element is drawn in.
 *
 * A theme file has lines in the style of tig's and newsboat's colour lines:
 *
 *     # comment
 *     include default              another theme, by name or path
 *     color person yellow default bold
 *     color quote  color114 default italic
 *
 * No curses here: the tui turns lede_style into curses attributes. */
#ifndef LEDE_THEME_H
#define LEDE_THEME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "lede/status.h"

typedef enum {
    LEDE_EL_TEXT,
    LEDE_EL_HEADLINE,
    LEDE_EL_PERSON,
    LEDE_EL_PLACE,
    LEDE_EL_ORGANIZATION,
    LEDE_EL_GROUP,
    LEDE_EL_QUOTE,
    LEDE_EL_SELECTED, /* mentions of the selected entity */
    LEDE_EL_CURRENT,  /* the mention the reader is on */
    LEDE_EL_SEARCH,   /* search matches */
    LEDE_EL_INDEX_HEADER,
    LEDE_EL_INDEX_ENTRY,
    LEDE_EL_INDEX_ROLE,
    LEDE_EL_INDEX_CURSOR,
    LEDE_EL_STATUS,
    LEDE_EL_BYLINE, /* a page's or feed's who and when, above the article */
    LEDE_EL_COUNT
} lede_element;

#define LEDE_COLOR_DEFAULT (-1) /* the terminal's own colour */

enum {
    LEDE_ATTR_BOLD = 1 << 0,
    LEDE_ATTR_DIM = 1 << 1,
    LEDE_ATTR_UNDERLINE = 1 << 2,
    LEDE_ATTR_REVERSE = 1 << 3,
    LEDE_ATTR_ITALIC = 1 << 4,
    LEDE_ATTR_STANDOUT = 1 << 5
};

typedef struct {
    short fg, bg;   /* LEDE_COLOR_DEFAULT or 0..255 */
    unsigned attrs; /* LEDE_ATTR_* bits */
} lede_style;

typedef struct {
    char name[64];
    lede_style styles[LEDE_EL_COUNT];
    bool measure_left; /* "layout measure left": the readable width at the left, not centred */
} lede_theme;

/* Includes may nest this deep; one more is reported as a probable include loop. One
 * load (lede_theme_load, or one lede_theme_parse_buffer call) also reads at most 64
 * includes and 4 MB in all, whatever the nesting: past that it says so in one line and
 * ignores the rest. */
#define LEDE_THEME_MAX_DEPTH 8

/* Fills theme with the built-in colours for dark terminals (the same as the shipped
 * default.theme) and names it "default". Needs no file. */
void lede_theme_defaults(lede_theme *theme);

/* Returns the element called name in theme files ("person", "index.header"), or
 * LEDE_EL_COUNT when there is none. */
lede_element lede_element_from_name(const char *name);

/* Returns the theme-file name of element el, e.g. "index.role". Never NULL. */
const char *lede_element_name(lede_element el);

/* Applies the theme lines in buf[0..len) on top of theme. filename names buf in
 * diagnostics and is the base for relative include paths. depth is how many includes
 * led here (0 for a theme loaded by the user). Every bad line is reported on diag (which
 * may be NULL) as "filename:line: message" (through the terminal filter; the first 20,
 * then one line counting the rest) and skipped; the rest still applies.
 * Returns OK, SYNTAX when at least one line (or an included file) was bad, or NOMEM. */
lede_status lede_theme_parse_buffer(lede_theme *theme, const char *buf, size_t len,
                                    const char *filename, FILE *diag, int depth);

/* Loads the theme name_or_path into theme, starting from lede_theme_defaults(). A value
 * containing '/' is a file path; otherwise NAME (or NAME.theme) is looked for as
 * NAME.theme in $XDG_CONFIG_HOME/lede/themes (default ~/.config/lede/themes), then in
 * LEDE_THEMES_INSTALLED, then in LEDE_THEMES_SOURCE, then among the themes built into
 * the binary. Bad lines are reported on diag and skipped, and the result is still OK.
 * Returns NOTFOUND (theme left at the defaults) when there is no such theme, ACCESS or
 * IO when the file cannot be read, NOMEM. */
lede_status lede_theme_load(lede_theme *theme, const char *name_or_path, FILE *diag);

/* Stores in *names a sorted array of the *count distinct theme names found in all the
 * places lede_theme_load() looks. Free it with lede_theme_list_free(). Returns OK or
 * NOMEM (then *names is NULL and *count 0). */
lede_status lede_theme_list(char ***names, size_t *count);

/* Frees a list from lede_theme_list(). Safe with NULL. */
void lede_theme_list_free(char **names, size_t count);

/* Returns true when theme uses no colour at all, only attributes. */
bool lede_theme_is_mono(const lede_theme *theme);

/* Drops every colour of theme (fg and bg become LEDE_COLOR_DEFAULT), keeping the
 * attributes; for NO_COLOR and terminals without colour. */
void lede_theme_strip_colors(lede_theme *theme);

#endif
