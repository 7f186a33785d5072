/* view_fit.h - filling a line of a given width in display columns, private to the
 * view's rooms. The status line and the quotes list both build one-line strings that
 * must fit a pane: one set of calls does the measuring, cutting and "…" for both. */
#ifndef LEDE_VIEW_FIT_H
#define LEDE_VIEW_FIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A line being filled: buf[0..len) holds cols display columns, never more than width
 * columns or size - 1 bytes; buf stays NUL-terminated after every call. */
typedef struct {
    char *buf;
    size_t size, len;
    int cols, width;
} view_fit;

/* Starts an empty line of width columns in buf (size > 0 bytes). */
void view_fit_init(view_fit *f, char *buf, size_t size, int width);

/* Display columns of the UTF-8 string s. */
int view_fit_cols_of(const char *s);

/* Appends the code point cp; false (nothing added) when it does not fit. */
bool view_fit_cp(view_fit *f, uint32_t cp);

/* Appends s while it fits within limit columns (limit <= width); false when cut. */
bool view_fit_str(view_fit *f, const char *s, int limit);

/* Appends s cut at its end to limit columns, the last column "…" when it is cut. */
void view_fit_cut(view_fit *f, const char *s, int limit);

/* Appends s cut at its start to limit columns: "…" and its last columns. */
void view_fit_cut_left(view_fit *f, const char *s, int limit);

/* Appends s[0..n) with white space and control characters as single spaces, cut with
 * "…" as its last column; false when it was cut. */
bool view_fit_flat(view_fit *f, const char *s, size_t n);

#endif
