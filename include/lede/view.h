/* view.h - the reader's state and everything the tui draws, without curses.
 *
 * The screen is split in an article pane (left), an entity index pane (right, with a
 * one-column gap before it; auto-hidden below LEDE_VIEW_INDEX_MIN_COLS columns, at most
 * LEDE_VIEW_INDEX_MAX_COLS wide) and a status line (last row; the search prompt takes
 * it while open). The tui asks for the geometry, the visible lines, their styled runs,
 * the index rows and the status line, and copies them to the screen; it feeds every
 * key to lede_view_key() and acts on the returned lede_action.
 *
 * Errors while reading (out of memory, a bad regular expression) never stop the view:
 * they become the status message. */
#ifndef LEDE_VIEW_H
#define LEDE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lede/corpus.h"
#include "lede/keys.h"
#include "lede/layout.h"
#include "lede/model.h"
#include "lede/status.h"
#include "lede/text.h"

#define LEDE_VIEW_MIN_COLS 20 /* below this (or LEDE_VIEW_MIN_ROWS) it is too small */
#define LEDE_VIEW_MIN_ROWS 6
#define LEDE_VIEW_INDEX_MIN_COLS 70 /* the index hides itself below this width */
#define LEDE_VIEW_INDEX_MAX_COLS 40
#define LEDE_VIEW_HELP_GAP 3 /* columns between help columns */

typedef struct lede_view lede_view;

typedef enum { LEDE_FOCUS_ARTICLE, LEDE_FOCUS_INDEX } lede_focus;

/* What the tui has to do after a key: the view handles everything else itself. */
typedef enum {
    LEDE_ACT_NONE,
    LEDE_ACT_QUIT,
    LEDE_ACT_NEXT_ARTICLE, /* the tui calls lede_view_set_article() with the next one */
    LEDE_ACT_PREV_ARTICLE,
    LEDE_ACT_GOTO, /* show the article of lede_view_get_target(), then lede_view_go_target() */
    LEDE_ACT_EDIT,  /* open the article in $EDITOR at lede_view_top_line() */
    LEDE_ACT_REDRAW /* paint the whole terminal again (what another program left on it) */
} lede_action;

/* Where LEDE_ACT_GOTO goes: an article of the session and what to show there. */
typedef enum {
    LEDE_TARGET_QUOTE,         /* item is a quote index of that article's model */
    LEDE_TARGET_FIRST_MENTION, /* item is an entity id: select it, go to its first mention */
    LEDE_TARGET_LAST_MENTION   /* ... its last mention */
} lede_target_kind;

typedef struct {
    size_t article;
    lede_target_kind kind;
    uint32_t item;
} lede_view_target;

#define LEDE_VIEW_MEASURE                                                                          \
    80 /* default readable width: about 66-80 characters a line is                                 \
          the typographers' measure; 80 is the terminal's own */

typedef struct {
    int x, y, w, h; /* w == 0 or h == 0: not shown */
} lede_rect;

typedef struct {
    bool too_small;    /* draw only a "terminal too small" message */
    lede_rect article; /* the article pane */
    lede_rect index;   /* the index pane; w == 0 when hidden */
    int status_row;    /* the status line (or the prompt) */
} lede_geometry;

typedef enum { LEDE_INDEX_HEADER, LEDE_INDEX_ENTRY } lede_index_kind;

/* One row of the entity index. Sections come in the order People, Places,
 * Organizations, Groups (empty ones left out); entries by mention count, then name. */
typedef struct {
    lede_index_kind kind;
    lede_entity_type type;
    uint32_t entity;  /* entity id; LEDE_NONE for a header */
    const char *name; /* header title ("People") or the entity's name */
    const char *role; /* the entity's role (draw it dimmed) or NULL */
    size_t count;     /* mentions; for a header, the entries of its section */
    size_t articles;  /* in the index of all articles: the articles it is in; else 0 */
} lede_index_row;

/* Creates a view for a terminal of cols x rows, with no article (lines and index are
 * empty until lede_view_set_article()). Returns NOMEM on failure. */
lede_status lede_view_new(int cols, int rows, lede_view **out);

/* Frees the view (not the article it shows). Safe with NULL. */
void lede_view_free(lede_view *view);

/* Shows text with its model (model may be NULL: no entities). Both are borrowed and
 * must outlive the view or the next call. name is copied and shown in the status line.
 * Resets position, selection, search and messages, and rebuilds the index. Returns
 * NOMEM (the view then shows nothing). */
lede_status lede_view_set_article(lede_view *view, const lede_text *text, const lede_model *model,
                                  const char *name);

/* Sets what the status line says after the article's name ("2/3", "no entities: ...";
 * "" for nothing); copied. lede_view_set_article() clears it. Returns NOMEM. */
lede_status lede_view_set_tag(lede_view *view, const char *tag);

/* Gives the view the session's corpus (may be NULL) and the number of the article it
 * shows in it, for the index of all articles, ]/[ across articles and a person's quotes
 * from every article. The corpus grows between calls; the view follows. */
void lede_view_set_corpus(lede_view *view, const lede_corpus *corpus, size_t article_no);

/* Returns where LEDE_ACT_GOTO goes. */
const lede_view_target *lede_view_get_target(const lede_view *view);

/* After the session shows the target's article: goes to the target's quote or mention. */
void lede_view_go_target(lede_view *view, const lede_view_target *target);

/* Sets the readable width: the article's lines are at most cols columns (0: the whole
 * pane), centred in a wider pane or at its left. M toggles it. */
void lede_view_set_measure(lede_view *view, int cols, bool left);

/* Returns the line number (1-based, counting '\n') of the byte at the top of the screen. */
size_t lede_view_top_line(const lede_view *view);

/* Adapts to a new terminal size (any values; below the minimum the view is "too
 * small" but keeps its state). The line at the top keeps showing the byte that was at
 * its start. Works with the prompt open. */
void lede_view_resize(lede_view *view, int cols, int rows);

/* With on, the index pane keeps its place (empty) even though the article has no
 * entries, so that a text drawn before it is annotated wraps at the width it will have
 * once its entities are shown. lede_view_set_article() turns it off. */
void lede_view_reserve_index(lede_view *view, bool on);

/* Fills *geo with where each part goes for the current size. */
void lede_view_geometry(const lede_view *view, lede_geometry *geo);

/* Handles one key (see keys.h): edits the prompt when it is open, scrolls or closes
 * the help screen when it is shown, otherwise applies the key's command. */
lede_action lede_view_key(lede_view *view, int key);

/* Applies cmd in the current focus. */
lede_action lede_view_apply(lede_view *view, lede_cmd cmd);

/* --- drawing ----------------------------------------------------------------------- */

/* Stores in *lines the visible article lines, top first, and returns how many (at most
 * the pane height; fewer at the end of the text). Valid until the view changes. */
size_t lede_view_lines(lede_view *view, const lede_line **lines);

/* Stores in *runs the styled runs of line (from lede_view_lines()) and returns how
 * many. Valid until the next call. Run offsets index the text's bytes. */
size_t lede_view_runs(lede_view *view, const lede_line *line, const lede_run **runs);

/* Stores the index rows in *rows and returns how many. */
size_t lede_view_index_rows(const lede_view *view, const lede_index_row **rows);

/* Returns the row of the index cursor (always an entry row), or SIZE_MAX when the
 * index has no entries. */
size_t lede_view_index_cursor(const lede_view *view);

/* Returns the first index row to draw, so that the cursor stays in the pane. */
size_t lede_view_index_top(const lede_view *view);

/* Writes the status line, exactly width display columns, into buf (of size > 0, always
 * terminated): what the reader is on and the message first ("mention k/n — Person",
 * "quote k/n — Speaker, role" or "unattributed", "match k/n"; " — message"), then the
 * name and tag shortened from the left ("…/politics/013.txt 2/3"), the position ("42%",
 * "Top", "End", "All") on the right. Every cut is marked with "…". Returns the length. */
size_t lede_view_status_line(lede_view *view, char *buf, size_t size, int width);

/* Returns the search prompt's text (without the leading '/'), or NULL when the prompt
 * is closed. The cursor goes after it. */
const char *lede_view_prompt(const lede_view *view);

/* Returns true while the help screen (lede_keys_help_line()) is shown. */
bool lede_view_help_shown(const lede_view *view);

/* Returns how many help lines a column of the help screen holds: all rows but the
 * status line and the line below the help that says how to close it. */
size_t lede_view_help_rows(const lede_view *view);

/* Lays out the help screen in columns of at most lede_view_help_rows() lines, a section
 * kept whole where it fits a column, and a section title never alone at a column's foot
 * (lede_view_help_column_start() gives each column's first line). Returns the number of
 * columns and stores the width of each (the longest of its lines plus
 * LEDE_VIEW_HELP_GAP) in the first cap entries of widths. When the columns do not fit
 * in the width, it is one column as wide as the longest line, and it scrolls
 * (lede_view_help_scrolls()). */
int lede_view_help_columns(const lede_view *view, int *widths, int cap);

/* Returns the first help line of column (the line count past the last column). */
size_t lede_view_help_column_start(const lede_view *view, int column);

/* Returns true when the help screen is one column with more lines than it has rows:
 * then j/k and Down/Up scroll it, and any other key closes it. */
bool lede_view_help_scrolls(const lede_view *view);

/* Returns the first help line to show (0 unless the help scrolls). */
size_t lede_view_help_top(const lede_view *view);

/* Returns true when the index row is the selected entity (in the index of all
 * articles: the entry of the selected entity). */
bool lede_view_row_selected(const lede_view *view, const lede_index_row *row);

/* --- the quotes list (w, Q): it takes the article pane's place ------------------------ */

/* Returns true while the quotes list is open (drawn instead of the article). */
bool lede_view_list_shown(const lede_view *view);
/* Returns the list's title ("Quotes of NAME (N)", "All quotes (N)"); owned by the
 * view, valid while the list is open. */
const char *lede_view_list_title(const lede_view *view);
/* Returns the number of rows of the open list (0 when none is open). */
size_t lede_view_list_count(const lede_view *view);
/* Returns the highlighted row (< lede_view_list_count() unless the list is empty). */
size_t lede_view_list_cursor(const lede_view *view);
/* Returns the first row to draw; the view keeps the cursor between it and the pane's
 * height below it. */
size_t lede_view_list_top(const lede_view *view);

/* Writes row i of the quotes list, cut to width columns with "…": "Speaker: “quote”"
 * (with the article's name first when it is another article's). Returns its length. */
size_t lede_view_list_row(lede_view *view, size_t i, char *buf, size_t size, int width);

/* --- mouse ------------------------------------------------------------------------- */

/* Returns the mention drawn at row, col of the article pane (pane-relative), or NULL. */
const lede_mention *lede_view_mention_at(lede_view *view, int row, int col);

/* Returns the entity on index row row (pane-relative, after lede_view_index_top()), or
 * LEDE_NONE for a header or an empty row. */
uint32_t lede_view_index_entity_at(const lede_view *view, int row);

/* Handles a click at screen cell y, x: on a mention it selects its entity and makes it
 * current; in a quote it makes the quote current; on an index entry it selects that
 * entity and jumps to its first mention; on a row of the quotes list it goes to that
 * quote. Returns LEDE_ACT_GOTO when that is in another article, else NONE. */
lede_action lede_view_click(lede_view *view, int y, int x);

/* --- state ------------------------------------------------------------------------- */

/* Returns the pane that takes the movement keys: the article or the index. */
lede_focus lede_view_focus(const lede_view *view);
/* Returns true below LEDE_VIEW_MIN_COLS x LEDE_VIEW_MIN_ROWS, where the tui draws only a
 * "too small" notice instead of the article. */
bool lede_view_too_small(const lede_view *view);
/* Returns true while entity highlighting is on (e toggles it). */
bool lede_view_entities_on(const lede_view *view);
/* Returns true while quote highlighting is on (" toggles it). */
bool lede_view_quotes_on(const lede_view *view);

/* Returns the selected entity id or LEDE_NONE. */
uint32_t lede_view_selected(const lede_view *view);

/* Returns the current mention (index into model->mentions) or LEDE_NONE. */
uint32_t lede_view_current(const lede_view *view);

/* Sets the status message (until the next key), for what the tui itself reports. */
void lede_view_say(lede_view *view, const char *message);

/* Returns the current status message ("" when none). Messages last until the next key. */
const char *lede_view_message(const lede_view *view);

/* Returns the byte offset at the start of the top line (to save the reading place). */
size_t lede_view_top_offset(const lede_view *view);

/* Scrolls so that the line holding offset is at the top (as far as the end allows). */
void lede_view_goto_offset(lede_view *view, size_t offset);

/* Runs a search for pattern (PCRE2, UTF and UCP; caseless unless it has an upper-case
 * letter) from the top of the screen, as Enter in the prompt does. An empty pattern
 * repeats the last one. Returns PATTERN for a bad regular expression (the message says
 * why), NOMEM, or OK (also when nothing matches: the message says so). When PCRE2
 * gives up (a match or depth limit) the matches found before stay and the message is
 * "search stopped: <PCRE2's reason>". */
lede_status lede_view_search(lede_view *view, const char *pattern);

/* Returns the number of matches of the current search (0 without one). */
size_t lede_view_match_count(const lede_view *view);

/* Returns the layout (for tests: lede_layout_wrap_count()). */
lede_layout *lede_view_layout(lede_view *view);

#endif
