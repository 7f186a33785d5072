/* layout.h - wrapping paragraphs into screen lines, and styling the lines into runs.
 *
 * A screen line is a byte range of the text plus the paragraph it belongs to. Every
 * paragraph makes a "block": its wrapped text lines followed by one blank separator
 * line (the last paragraph has none). A position on the screen is (paragraph, line
 * within that block). Paragraphs are wrapped lazily, one at a time, when a line of
 * them is asked for, and the result is cached until the width changes: showing the
 * first screen of a book wraps only its first few paragraphs.
 *
 * Wrapping is by display width (lede_utf8_width): wide characters take 2 columns,
 * combining marks 0, and a character (with the combining marks that follow it) is
 * never split, nor is a grapheme cluster (lede_utf8_cluster: an emoji ZWJ sequence, a
 * flag). Breaks happen at white space (space, tab, '\n', "\r\n" all count as one
 * column) and between wide characters; the white space at a break belongs to no line.
 * A word wider than the width is broken between characters. Invalid UTF-8, control
 * characters and bidi overrides (termsafe.h) take one column (they are drawn as
 * U+FFFD). No curses here.
 *
 * Bound: wrapping a paragraph is O(its bytes), once per width; tests/adversarial checks
 * a word of combining marks and blank-line floods. */
#ifndef LEDE_LAYOUT_H
#define LEDE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lede/model.h"
#include "lede/status.h"
#include "lede/text.h"
#include "lede/theme.h"

typedef struct {
    size_t para; /* paragraph index */
    size_t line; /* line within the paragraph's block (its separator is the last) */
} lede_pos;

typedef enum {
    LEDE_LINE_TEXT, /* a wrapped line of a paragraph */
    LEDE_LINE_BLANK /* the blank separator after a paragraph */
} lede_line_kind;

typedef struct {
    lede_span span; /* bytes shown; a blank line has the empty span at its paragraph's end */
    size_t para;
    lede_line_kind kind;
    int cols; /* display columns the line takes */
} lede_line;

typedef struct lede_layout lede_layout;

/* Computes one wrapped line of bytes[start..end) (one paragraph's remaining text) for
 * width columns (values < 1 count as 1). Stores the end of the line's bytes in
 * *line_end, its columns in *cols, and returns where the next line starts (after the
 * white space of the break); returns end when the line is the last. The line always
 * takes at least one character, so a character wider than width still progresses. */
size_t lede_wrap_line(const char *bytes, size_t start, size_t end, int width, size_t *line_end,
                      int *cols);

/* Returns the display columns of bytes[start..end) as the layout counts them. */
int lede_text_cols(const char *bytes, size_t start, size_t end);

/* Creates a layout of text (borrowed; it must outlive the layout) at width columns.
 * Nothing is wrapped yet. Returns NOMEM on failure. */
lede_status lede_layout_new(const lede_text *text, int width, lede_layout **out);

/* Frees the layout. Safe with NULL. */
void lede_layout_free(lede_layout *layout);

/* Changes the width (values < 1 count as 1) and forgets every wrapped paragraph when
 * it differs. Positions taken before are no longer valid: re-find them by byte offset
 * with lede_layout_find(). */
void lede_layout_set_width(lede_layout *layout, int width);

/* Returns the width the layout wraps to. */
int lede_layout_width(const lede_layout *layout);

/* Returns true when the text has no paragraphs, so there is no line at all. */
bool lede_layout_empty(const lede_layout *layout);

/* Stores the screen line at pos (which must be a valid position) in *line. Wraps the
 * paragraph if needed: returns NOMEM when that fails. */
lede_status lede_layout_get(lede_layout *layout, lede_pos pos, lede_line *line);

/* Moves *pos by delta screen lines (negative is up), stopping at the first and last
 * line, and stores in *moved (may be NULL) how many lines it actually moved (>= 0).
 * Wraps only the paragraphs it passes over. Returns NOMEM on failure. */
lede_status lede_layout_move(lede_layout *layout, lede_pos *pos, long delta, long *moved);

/* Stores in *pos the text line of the paragraph holding offset that contains offset
 * (an offset between paragraphs gives the first line of the next paragraph; past the
 * end gives the last line). Wraps one paragraph. Returns NOMEM on failure. */
lede_status lede_layout_find(lede_layout *layout, size_t offset, lede_pos *pos);

/* Stores the position of the very last screen line in *pos. */
lede_status lede_layout_last(lede_layout *layout, lede_pos *pos);

/* Returns <0, 0, >0 as a is before, equal to, or after b. */
int lede_pos_cmp(lede_pos a, lede_pos b);

/* Returns the byte offset of the character drawn at column col (0-based) of line, or
 * SIZE_MAX when col is past the line's end or the line is blank. */
size_t lede_line_offset_at(const char *bytes, const lede_line *line, int col);

/* Returns how many paragraph wraps the layout has done since it was created (for tests
 * and for checking that a book is not wrapped as a whole). */
size_t lede_layout_wrap_count(const lede_layout *layout);

/* --- styled runs ----------------------------------------------------------------- */

/* Style flags of a run: what it is (plain text has no flag) ... */
enum {
    LEDE_RUN_HEADLINE = 1u << 0, /* a headline or label paragraph */
    LEDE_RUN_PERSON = 1u << 1,   /* a mention (only with entity highlighting on) */
    LEDE_RUN_PLACE = 1u << 2,
    LEDE_RUN_ORGANIZATION = 1u << 3,
    LEDE_RUN_GROUP = 1u << 4,
    LEDE_RUN_QUOTE = 1u << 5,    /* inside a quotation (only with quote highlighting on) */
    LEDE_RUN_SELECTED = 1u << 6, /* a mention of the selected entity */
    LEDE_RUN_CURRENT = 1u << 7,  /* the mention, search match or quote the reader is on */
    LEDE_RUN_SEARCH = 1u << 8,   /* a search match */
    /* ... and how to draw it: */
    LEDE_RUN_BLANK = 1u << 9,   /* tab, line end: draw cols spaces instead of the bytes */
    LEDE_RUN_INVALID = 1u << 10, /* invalid UTF-8 or control: draw cols U+FFFD instead */
    LEDE_RUN_BYLINE = 1u << 11   /* a byline paragraph (what it is; drawn dim) */
};

/* Returns the flag of paragraph kind: HEADLINE for a label or headline, BYLINE for a
 * byline, 0 for body text. */
unsigned lede_para_flag(lede_para_kind kind);

/* Returns the run flag of an entity type (LEDE_RUN_PERSON for LEDE_PERSON, ...), or 0
 * for a value that is no type. */
unsigned lede_run_type_flag(lede_entity_type type);

/* A piece of a line in one style. Without BLANK or INVALID its bytes are valid UTF-8
 * without control characters, to be drawn as they are. */
typedef struct {
    size_t start, end; /* byte range in the text */
    int cols;          /* display columns */
    unsigned flags;    /* LEDE_RUN_* */
} lede_run;

/* What decides the styles of a line. */
typedef struct {
    const lede_text *text;
    const lede_model *model;  /* may be NULL: no mentions or quotes */
    bool entities;            /* set PERSON/PLACE/ORGANIZATION/GROUP */
    bool quotes;              /* set QUOTE */
    uint32_t selected;        /* entity id or LEDE_NONE */
    lede_span current;        /* bytes of the current mention, match or quote; empty: none */
    const lede_span *matches; /* search matches sorted by start, non-overlapping */
    size_t n_matches;
} lede_style_ctx;

/* A walk over the spans of a style context (mentions, quotes, matches, the current
 * one) at offsets that never decrease. */
typedef struct {
    const lede_style_ctx *ctx;
    size_t mi, qi, si; /* the first mention, quote and match not yet left behind */
} lede_span_walk;

/* Starts a walk of ctx (borrowed) at offset from, in O(log n). */
void lede_span_walk_init(lede_span_walk *w, const lede_style_ctx *ctx, size_t from);

/* Returns the LEDE_RUN_* flags of the spans covering offset i (not HEADLINE, BLANK or
 * INVALID, which depend on the text). i must not be less than at the previous call;
 * a whole walk costs O(offsets + spans passed). */
unsigned lede_span_walk_flags(lede_span_walk *w, size_t i);

/* Splits line into runs of equal flags and stores the first cap of them in runs.
 * Returns how many runs the line has (call again with a bigger array when it is more
 * than cap; a line never has more runs than bytes + 1). A blank line has no runs.
 * Costs O(log n + bytes of the line + spans on the line). */
size_t lede_layout_runs(const lede_style_ctx *ctx, const lede_line *line, lede_run *runs,
                        size_t cap);

/* Returns the one style to draw a run with these flags in: the colours of the
 * strongest element present (CURRENT > SEARCH > SELECTED > entity type > QUOTE >
 * HEADLINE > TEXT; a colour left at the default is taken from the next element down)
 * and the attributes of all of them OR-ed together. */
lede_style lede_run_style(const lede_theme *theme, unsigned flags);

#endif
