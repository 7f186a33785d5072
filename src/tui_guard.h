/* tui_guard.h - private to the curses front end: the reader stays responsive while an
 * article is annotated.
 *
 * Annotation runs in the key loop's thread and never looks at keys or at the signal
 * flag, so between tui_guard_begin and tui_guard_end a signal that ends lede, or the
 * key q, restores the terminal from what tui_guard_prepare saved (async-signal-safe
 * writes and tcsetattr only) and exits at once: 128 + the signal, or 0 for q. Other
 * keys typed meanwhile are handed back to curses, in order, by tui_guard_end. */
#ifndef LEDE_TUI_GUARD_H
#define LEDE_TUI_GUARD_H

#include <stdbool.h>
#include <termios.h>

/* Remembers, right after curses started on the terminal whose input is fd, the modes
 * it had before (modes) and the strings that undo curses (sgr0, cnorm, rmkx, rmcup,
 * and mouse reporting when mouse is set). */
void tui_guard_prepare(int fd, const struct termios *modes, bool mouse);

/* Forgets the terminal (curses has ended it properly). */
void tui_guard_forget(void);

/* Called from the reader's signal handler: ends lede when a guard is on. */
void tui_guard_signal(int sig);

/* Starts guarding; pending is a signal that came before (0: none), which ends lede now. */
void tui_guard_begin(int pending);

/* Stops guarding and gives curses the keys typed meanwhile. */
void tui_guard_end(void);

#endif
