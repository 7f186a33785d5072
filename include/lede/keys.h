/* keys.h - the one key table: it maps keys to commands and generates the help screen.
 *
 * A key is an int: a Unicode code point (ASCII letters, '?', ...) or one of the
 * symbolic LEDE_KEY_* values above every code point. The tui turns curses keys
 * (KEY_UP, KEY_NPAGE, KEY_RESIZE, KEY_MOUSE, ...) into these. No curses here. */
#ifndef LEDE_KEYS_H
#define LEDE_KEYS_H

#include <stddef.h>

#define LEDE_KEY_TAB '\t'
#define LEDE_KEY_ENTER '\n' /* the tui also passes '\r' and KEY_ENTER as this */
#define LEDE_KEY_ESC 27
#define LEDE_KEY_CTRL(c) ((c)&0x1f) /* LEDE_KEY_CTRL('F') is Ctrl-F */

enum {
    LEDE_KEY_SPECIAL = 0x110000, /* above every code point */
    LEDE_KEY_UP,
    LEDE_KEY_DOWN,
    LEDE_KEY_LEFT,
    LEDE_KEY_RIGHT,
    LEDE_KEY_PGUP,
    LEDE_KEY_PGDN,
    LEDE_KEY_HOME,
    LEDE_KEY_END,
    LEDE_KEY_BACKSPACE, /* also 8 and 127 work as backspace in the prompt */
    LEDE_KEY_DELETE,
    LEDE_KEY_RESIZE, /* the tui calls lede_view_resize() itself */
    LEDE_KEY_MOUSE   /* the tui calls lede_view_click() itself */
};

typedef enum {
    LEDE_CMD_NONE,
    LEDE_CMD_LINE_DOWN, /* in the index: cursor down */
    LEDE_CMD_LINE_UP,   /* in the index: cursor up */
    LEDE_CMD_PAGE_DOWN,
    LEDE_CMD_PAGE_UP,
    LEDE_CMD_HALF_DOWN,
    LEDE_CMD_HALF_UP,
    LEDE_CMD_TOP,
    LEDE_CMD_BOTTOM,
    LEDE_CMD_FOCUS,        /* article <-> index */
    LEDE_CMD_ACTIVATE,     /* select the index entry under the cursor */
    LEDE_CMD_NEXT_MENTION, /* of the selected entity */
    LEDE_CMD_PREV_MENTION,
    LEDE_CMD_NEXT_QUOTE, /* of the selected person, else any */
    LEDE_CMD_PREV_QUOTE,
    LEDE_CMD_TOGGLE_QUOTES,
    LEDE_CMD_TOGGLE_ENTITIES,
    LEDE_CMD_TOGGLE_INDEX,
    LEDE_CMD_SEARCH, /* opens the search prompt */
    LEDE_CMD_SEARCH_NEXT,
    LEDE_CMD_SEARCH_PREV,
    LEDE_CMD_CLEAR, /* clears search and selection */
    LEDE_CMD_HELP,
    LEDE_CMD_QUIT,
    LEDE_CMD_NEXT_ARTICLE,
    LEDE_CMD_PREV_ARTICLE,
    LEDE_CMD_QUOTES_OF,  /* the quotes of the person under the index cursor or selected */
    LEDE_CMD_ALL_QUOTES, /* every quote of the story, with its speaker */
    LEDE_CMD_ALL_INDEX,  /* the index over all the session's articles */
    LEDE_CMD_COLON,      /* less's ":": then n (next article) or p (previous) */
    LEDE_CMD_SET_MARK,   /* then a letter: mark the top line */
    LEDE_CMD_GOTO_MARK,  /* then a letter: go back to the mark */
    LEDE_CMD_WHERE,      /* "=": article k/n, line, percent, bytes */
    LEDE_CMD_EDIT,       /* open $EDITOR at the top line */
    LEDE_CMD_MEASURE,    /* readable width on/off */
    LEDE_CMD_REDRAW,     /* Ctrl-L: paint the whole screen again (less, vi) */
    LEDE_CMD_COUNT
} lede_cmd;

#define LEDE_BINDING_KEYS 4

/* One row of the key table: up to LEDE_BINDING_KEYS keys (0 ends the list early), the
 * command they give, the help section and text shown for them. */
typedef struct {
    int keys[LEDE_BINDING_KEYS];
    lede_cmd cmd;
    const char *section; /* "Moving", "Entities", "Quotes", "Search", "Articles", "Other" */
    const char *help;
} lede_binding;

/* The key table, in help-screen order. */
extern const lede_binding lede_bindings[];
extern const size_t lede_bindings_count;

/* Returns the command bound to key, or LEDE_CMD_NONE. */
lede_cmd lede_keys_command(int key);

/* Writes the name of key into buf (of size > 0, always terminated): a printable ASCII
 * character as itself ("j", "\""), "Space", "Tab", "Enter", "Esc", a LEDE_KEY_* by name
 * ("Down", "PgDn", "Backspace"), another control character as "C-" and its letter
 * (1 is "C-A", 31 is "C-_"), and anything else, U+007F (DEL) and 0 included, as
 * "U+XXXX" (at least four hex digits). Returns the length it would have had with room
 * enough (like snprintf). */
size_t lede_keys_name(int key, char *buf, size_t size);

/* Returns the number of lines of the generated help screen. */
size_t lede_keys_help_count(void);

/* Writes line i (< lede_keys_help_count()) of the help screen into buf (of size > 0,
 * always terminated; 80 bytes are enough): a section title, a blank line between
 * sections, or "  j, Down           line down (index: next entry)". Returns the length
 * it would have had. Out-of-range i gives "". */
size_t lede_keys_help_line(size_t i, char *buf, size_t size);

#endif
