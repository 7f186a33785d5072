/* view_priv.h - private to the view's rooms (view*.c): the reader's state and the calls
 * the rooms make of one another. The view is split by idea: view.c (panes, position,
 * commands, life cycle), view_jump.c (mentions, quotes, clicks), view_index.c (the
 * entity index), view_search.c (PCRE2 search and its prompt), view_help.c (the help
 * screen), view_list.c (the quotes list), view_status.c (the status line), view_fit.c
 * (fitting a one-line string to a width, for both). No curses. */
#ifndef LEDE_VIEW_PRIV_H
#define LEDE_VIEW_PRIV_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "lede/view.h"

#define VIEW_NO_INDEX SIZE_MAX
#define VIEW_PROMPT_MAX 256
#define VIEW_HISTORY 32 /* searches remembered for Up/Down in the prompt (less keeps 100s) */
#define VIEW_MARKS 26   /* marks a-z */

typedef enum { INDEX_AUTO, INDEX_SHOWN, INDEX_HIDDEN } view_index_pref;

/* One row of the quotes list: a quote of some article of the session. */
typedef struct {
    size_t article;   /* the article's number in the session */
    uint32_t quote;   /* index into that article's model->quotes */
    uint32_t speaker; /* that model's entity id or LEDE_NONE */
} view_list_row;

struct lede_view {
    int cols, rows;
    const lede_text *text;
    const lede_model *model;
    char *name; /* the article's path as given */
    char *tag;  /* " (2/3)", "[no entities: ...]", or "" */
    lede_layout *layout;
    lede_pos top;
    size_t anchor; /* byte the top line showed when the reader last moved */
    lede_focus focus;
    view_index_pref index_pref;
    bool quotes_on, entities_on, help;
    bool reserve_index; /* keep the index's place while its entries are not known */
    size_t help_top;    /* first help line shown when the help scrolls */
    int measure;        /* widest article text in columns (0: the whole pane) */
    bool measure_on, measure_left;

    lede_index_row *irows;
    size_t n_rows, cursor, index_top;

    uint32_t selected, current; /* entity id, mention index */
    size_t cur_quote;           /* index into model->quotes or VIEW_NO_INDEX */
    uint32_t quote_who;         /* the person whose quotes }/{ step through, or LEDE_NONE */

    pcre2_code *re;
    char *pattern;
    lede_span *matches;
    size_t n_matches;
    bool matches_capped;
    int match_error;  /* the PCRE2 error that stopped the search early, or 0 */
    size_t cur_match; /* or VIEW_NO_INDEX */

    bool prompt_open;

    char prompt[VIEW_PROMPT_MAX];
    size_t prompt_len;
    char *history[VIEW_HISTORY]; /* oldest first */
    size_t n_history, history_at;

    bool marks_set[VIEW_MARKS];
    size_t marks[VIEW_MARKS]; /* byte offsets */

    bool list_open;     /* the quotes list replaces the article pane */
    uint32_t list_who;  /* the person whose quotes it lists (this article's id) or LEDE_NONE */
    bool list_articles; /* its rows come from several articles */
    char list_title[128];
    view_list_row *list;
    size_t n_list, cap_list, list_cursor, list_top;

    const lede_corpus *corpus; /* the session's articles, or NULL */
    size_t article_no;         /* this article's number in the session */
    lede_view_target target;   /* where LEDE_ACT_GOTO goes */
    bool all_index;            /* the index lists the entities of all articles */
    size_t index_built_from;   /* corpus->added when the index of all was built */
    lede_cmd pending;          /* m, ' or : waiting for their letter; NONE */

    char message[256];

    lede_line *lines; /* the visible lines, refilled by view_fill_lines() */
    size_t n_lines, cap_lines;
    bool at_end; /* the last visible line is the text's last */
    lede_run *runs;
    size_t cap_runs;
};

/* view.c */
void view_message(lede_view *v, const char *fmt, ...);
void view_fail(lede_view *v, lede_status st);
long view_pane_height(const lede_view *v);
long view_page(const lede_view *v, bool half);
void view_fill_lines(lede_view *v);
bool view_offset_visible(lede_view *v, size_t offset);
void view_reveal(lede_view *v, size_t offset); /* scrolls offset into sight */
void view_relayout(lede_view *v);
bool view_index_visible(const lede_view *v);
const lede_entity *view_entity(const lede_view *v, uint32_t id);

/* view_jump.c: the current mention or quote. Stepping uses the model's queries; this
 * says where a step starts: from the current item when it is on screen, else from the
 * top of the screen (an item starting there counts as the next). */
size_t view_step_origin(lede_view *v, size_t cur_start, bool *inclusive);
void view_select_entity(lede_view *v, uint32_t id);
void view_go_mention(lede_view *v, uint32_t m, bool wrapped);
void view_go_quote(lede_view *v, uint32_t q);
lede_action view_step_mention(lede_view *v, int dir);
void view_step_quote(lede_view *v, int dir);
lede_action view_activate(lede_view *v);

/* view_index.c */
lede_status view_index_build(lede_view *v);
void view_index_follow(lede_view *v);
void view_index_move(lede_view *v, long delta);
void view_index_to_entity(lede_view *v, uint32_t id);
uint32_t view_index_first(const lede_view *v);
bool view_index_key(lede_view *v, lede_cmd cmd);

/* view_search.c */
void view_search_clear(lede_view *v);
void view_search_step(lede_view *v, int dir);
void view_prompt_open(lede_view *v);
void view_prompt_key(lede_view *v, int key);
void view_history_free(lede_view *v);

/* view_less.c */
void view_where(lede_view *v);
lede_action view_pending_key(lede_view *v, lede_cmd cmd, int key); /* the key after m, ' or : */

/* view_help.c */
void view_help_key(lede_view *v, lede_cmd cmd);

/* view_index.c: the entity of this article an index row stands for (LEDE_NONE when
 * the row is an entry of the index of all articles not in this article). */
uint32_t view_index_local(const lede_view *v, size_t row);
void view_index_refresh(lede_view *v); /* rebuilds the index of all when it grew */
void view_index_toggle_all(lede_view *v);

/* view_jump.c: asks the session for another article (LEDE_ACT_GOTO). */
lede_action view_goto_article(lede_view *v, size_t article, lede_target_kind kind, uint32_t item);

/* view_list.c */
void view_list_open(lede_view *v, bool all);
lede_action view_list_key(lede_view *v, lede_cmd cmd);
/* The text and model of article (this one or the corpus's) and the prefix its list rows
 * get: "" for this article, else its file's name. */
const char *view_list_source(const lede_view *v, size_t article, const lede_text **text,
                             const lede_model **model);
void view_list_free(lede_view *v);

#endif
