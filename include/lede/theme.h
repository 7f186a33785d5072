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
} lede_theme;

#endif
