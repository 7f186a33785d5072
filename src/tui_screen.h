/* tui_screen.h - private to the curses front end (tui.c, tui_draw.c): the running reader. */
#ifndef LEDE_TUI_SCREEN_H
#define LEDE_TUI_SCREEN_H

#include <stdbool.h>
#include <curses.h>
#include "lede/text.h"
#include "lede/theme.h"
#include "lede/view.h"

#define TUI_MAX_PAIRS 256

typedef struct {
    lede_view *view;
    const lede_text *text; /* the article shown (the view's runs index its bytes) */
    lede_theme theme;
    bool color;          /* the terminal shows colours and the theme may use them */
    bool default_colors; /* use_default_colors() worked: -1 is a colour */
    bool no_italic;      /* the terminal cannot show italics: underline instead */
    short pair_fg[TUI_MAX_PAIRS], pair_bg[TUI_MAX_PAIRS];
    int n_pairs; /* pairs 1..n_pairs-1 are in use; 0 is the terminal's own */
} tui_screen;

/* Draws the whole screen for the view's current state and refreshes it. */
void tui_draw(tui_screen *ts);

/* Returns the curses attributes (colour pair included) for st, allocating a colour
 * pair the first time a combination of colours is asked for. */
attr_t tui_attr(tui_screen *ts, lede_style st);

#endif
