/* tui.h - the interactive ncurses reader (the only module that uses curses). */
#ifndef LEDE_TUI_H
#define LEDE_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include "lede/annotate.h"
#include "lede/article.h"
#include "lede/status.h"
#include "lede/theme.h"

typedef struct {
    const lede_theme *theme; /* the colours, loaded by the caller (NO_COLOR: mono) */
    bool use_state;          /* remember the reading position under $XDG_STATE_HOME/lede */
    bool mouse;              /* ask the terminal for mouse events */
    int width;               /* readable width in columns (--width; 0: the whole pane) */
} lede_tui_options;

/* Shows the n >= 1 loaded articles (each annotated when first shown) until the user
 * quits. Keys come from the terminal on stdin, or from /dev/tty when stdin is a pipe.
 * Curses is always ended before this returns, also on SIGINT, SIGTERM, SIGQUIT and
 * SIGHUP. Returns OK, or a status with a one-line reason in msg (of size msg_size) for
 * main to print. */
lede_status lede_tui_run(lede_article *articles, size_t n, lede_annotator *ann,
                         const lede_tui_options *opt, char *msg, size_t msg_size);

#endif
