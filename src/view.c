/* view.c - the reader's state: panes and their geometry, the reading position,
 * commands, and the life cycle of a view. The other rooms are view_*.c (view_priv.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/grow.h"
#include "lede/utf8.h"
#include "view_priv.h"

void view_message(lede_view *v, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->message, sizeof v->message, fmt, ap);
    va_end(ap);
}

void view_fail(lede_view *v, lede_status st)
{
    view_message(v, "%s", lede_status_str(st));
}

/* --- geometry ---------------------------------------------------------------------- */

/* The index takes a third of the columns (up to LEDE_VIEW_INDEX_MAX_COLS): names fit, and
 * the article keeps a readable measure from LEDE_VIEW_INDEX_MIN_COLS up. Chosen by hand
 * with the first reader (cf6a3cc). */
#define INDEX_SHARE 3

/* A jump to text off the screen puts it a third of the way down the pane, so the lines
 * before it give context. Chosen by hand with ]/[ (6ef9e9b). */
#define REVEAL_AT 3

static int index_cols(int cols)
{
    int w = cols / INDEX_SHARE;
    return w > LEDE_VIEW_INDEX_MAX_COLS ? LEDE_VIEW_INDEX_MAX_COLS : w;
}

bool view_index_visible(const lede_view *v)
{
    if ((v->n_rows == 0 && !v->reserve_index) || v->index_pref == INDEX_HIDDEN)
        return false;
    if (v->index_pref == INDEX_AUTO)
        return v->cols >= LEDE_VIEW_INDEX_MIN_COLS;
    /* Shown on request as long as the article keeps a usable width. */
    return v->cols - index_cols(v->cols) - 1 >= LEDE_VIEW_MIN_COLS;
}

void lede_view_geometry(const lede_view *v, lede_geometry *g)
{
    int cols = v->cols < 0 ? 0 : v->cols;
    int pane_h = v->rows > 1 ? v->rows - 1 : 0;
    memset(g, 0, sizeof *g);
    g->too_small = v->cols < LEDE_VIEW_MIN_COLS || v->rows < LEDE_VIEW_MIN_ROWS;
    g->status_row = v->rows > 0 ? v->rows - 1 : 0;
    g->article.w = cols;
    g->article.h = pane_h;
    if (view_index_visible(v)) {
        int iw = index_cols(cols);
        g->article.w = cols - iw - 1;
        g->index.x = cols - iw;
        g->index.w = iw;
        g->index.h = pane_h;
    }
    /* The measure: a wide pane shows the text at a readable width. */
    if (v->measure_on && v->measure > 0 && g->article.w > v->measure) {
        if (!v->measure_left)
            g->article.x += (g->article.w - v->measure) / 2;
        g->article.w = v->measure;
    }
}

static int article_width(const lede_view *v)
{
    lede_geometry g;
    lede_view_geometry(v, &g);
    return g.article.w < 1 ? 1 : g.article.w;
}

long view_pane_height(const lede_view *v)
{
    return v->rows > 1 ? v->rows - 1 : 0;
}

/* --- position ---------------------------------------------------------------------- */

/* The last top position: the one that shows the last line at the bottom. */
static lede_status max_top(lede_view *v, lede_pos *pos)
{
    lede_status st = lede_layout_last(v->layout, pos);
    if (st != LEDE_OK)
        return st;
    long h = view_pane_height(v);
    return lede_layout_move(v->layout, pos, -(h > 1 ? h - 1 : 0), NULL);
}

/* Makes pos the top (as far as the end allows) and remembers its byte as the anchor. */
static void set_top(lede_view *v, lede_pos pos)
{
    lede_pos last;
    lede_line line;
    if (!v->layout || lede_layout_empty(v->layout))
        return; /* no line to be at */
    lede_status st = max_top(v, &last);
    if (st == LEDE_OK && lede_pos_cmp(pos, last) > 0)
        pos = last;
    if (st == LEDE_OK)
        st = lede_layout_get(v->layout, pos, &line);
    if (st != LEDE_OK) {
        view_fail(v, st);
        return;
    }
    v->top = pos;
    v->anchor = line.kind == LEDE_LINE_TEXT ? line.span.start : line.span.end;
}

static void scroll(lede_view *v, long delta)
{
    if (!v->layout)
        return;
    lede_pos pos = v->top;
    lede_status st = lede_layout_move(v->layout, &pos, delta, NULL);
    if (st != LEDE_OK) {
        view_fail(v, st);
        return;
    }
    set_top(v, pos);
}

/* Puts the line holding offset at the top, without changing the anchor. */
static void find_top(lede_view *v, size_t offset)
{
    lede_pos pos, last;
    lede_status st = lede_layout_find(v->layout, offset, &pos);
    if (st == LEDE_OK)
        st = max_top(v, &last);
    if (st != LEDE_OK) {
        view_fail(v, st);
        return;
    }
    v->top = lede_pos_cmp(pos, last) > 0 ? last : pos;
}

void view_fill_lines(lede_view *v)
{
    v->n_lines = 0;
    v->at_end = true;
    if (!v->layout || lede_layout_empty(v->layout))
        return;
    size_t h = (size_t)view_pane_height(v);
    if (LEDE_GROW(v->lines, v->cap_lines, h) != LEDE_OK) {
        view_fail(v, LEDE_ERR_NOMEM);
        return;
    }
    lede_pos pos = v->top;
    while (v->n_lines < h) {
        long moved = 0;
        lede_status st = lede_layout_get(v->layout, pos, &v->lines[v->n_lines]);
        if (st == LEDE_OK) {
            v->n_lines++;
            st = lede_layout_move(v->layout, &pos, 1, &moved);
        }
        if (st != LEDE_OK) {
            view_fail(v, st);
            return;
        }
        if (moved == 0)
            return;
    }
    v->at_end = false;
}

size_t lede_view_lines(lede_view *view, const lede_line **lines)
{
    view_fill_lines(view);
    *lines = view->lines;
    return view->n_lines;
}

bool view_offset_visible(lede_view *v, size_t offset)
{
    view_fill_lines(v);
    if (v->n_lines == 0)
        return false;
    size_t first = v->lines[0].span.start, last = v->lines[v->n_lines - 1].span.end;
    return offset >= first && (offset < last || v->at_end);
}

/* Scrolls so that offset shows, a third of the pane from the top, unless it already
 * shows. */
void view_reveal(lede_view *v, size_t offset)
{
    if (view_offset_visible(v, offset))
        return;
    lede_pos pos;
    lede_status st = lede_layout_find(v->layout, offset, &pos);
    if (st == LEDE_OK)
        st = lede_layout_move(v->layout, &pos, -(view_pane_height(v) / REVEAL_AT), NULL);
    if (st != LEDE_OK) {
        view_fail(v, st);
        return;
    }
    set_top(v, pos);
}

size_t lede_view_top_offset(const lede_view *view)
{
    return view->anchor;
}

void lede_view_goto_offset(lede_view *view, size_t offset)
{
    if (!view->layout)
        return;
    lede_pos pos;
    lede_status st = lede_layout_find(view->layout, offset, &pos);
    if (st != LEDE_OK) {
        view_fail(view, st);
        return;
    }
    set_top(view, pos);
}

/* Re-wraps for the current pane width, keeping the anchor byte at the top. */
void view_relayout(lede_view *v)
{
    if (!v->layout)
        return;
    lede_layout_set_width(v->layout, article_width(v));
    find_top(v, v->anchor);
}

void lede_view_resize(lede_view *view, int cols, int rows)
{
    view->cols = cols < 0 ? 0 : cols;
    view->rows = rows < 0 ? 0 : rows;
    if (!view_index_visible(view))
        view->focus = LEDE_FOCUS_ARTICLE;
    view_relayout(view);
    view_index_follow(view); /* a shorter index pane must still show the cursor */
}

void lede_view_reserve_index(lede_view *view, bool on)
{
    view->reserve_index = on;
    view_relayout(view);
}

bool lede_view_too_small(const lede_view *view)
{
    return view->cols < LEDE_VIEW_MIN_COLS || view->rows < LEDE_VIEW_MIN_ROWS;
}

/* --- commands ---------------------------------------------------------------------- */

static void toggle_index(lede_view *v)
{
    if (v->n_rows == 0) {
        view_message(v, "no entities");
        return;
    }
    bool was = view_index_visible(v);
    v->index_pref = was ? INDEX_HIDDEN : INDEX_SHOWN;
    if (!was && !view_index_visible(v))
        view_message(v, "too narrow for the index");
    if (!view_index_visible(v))
        v->focus = LEDE_FOCUS_ARTICLE;
    view_relayout(v);
}

static void clear_all(lede_view *v)
{
    view_search_clear(v);
    v->selected = LEDE_NONE;
    v->current = LEDE_NONE;
    v->cur_quote = VIEW_NO_INDEX;
}

long view_page(const lede_view *v, bool half)
{
    long h = view_pane_height(v);
    long n = half ? h / 2 : h - 1;
    return n < 1 ? 1 : n;
}

static void go_top(lede_view *v)
{
    lede_pos first = {0, 0};
    set_top(v, first);
}

static void go_bottom(lede_view *v)
{
    lede_pos last;
    lede_status st = max_top(v, &last);
    if (st != LEDE_OK) {
        view_fail(v, st);
        return;
    }
    set_top(v, last);
}

static void article_move(lede_view *v, lede_cmd cmd)
{
    switch (cmd) {
    case LEDE_CMD_LINE_DOWN:
        scroll(v, 1);
        break;
    case LEDE_CMD_LINE_UP:
        scroll(v, -1);
        break;
    case LEDE_CMD_PAGE_DOWN:
        scroll(v, view_page(v, false));
        break;
    case LEDE_CMD_PAGE_UP:
        scroll(v, -view_page(v, false));
        break;
    case LEDE_CMD_HALF_DOWN:
        scroll(v, view_page(v, true));
        break;
    case LEDE_CMD_HALF_UP:
        scroll(v, -view_page(v, true));
        break;
    case LEDE_CMD_TOP:
        go_top(v);
        break;
    case LEDE_CMD_BOTTOM:
        go_bottom(v);
        break;
    default:
        break;
    }
}

static void toggle_focus(lede_view *v)
{
    if (v->focus == LEDE_FOCUS_INDEX) {
        v->focus = LEDE_FOCUS_ARTICLE;
        return;
    }
    if (v->n_rows == 0) {
        view_message(v, "no entities");
        return;
    }
    if (!view_index_visible(v) && v->index_pref == INDEX_AUTO) {
        /* Hidden for the width: Tab asks for it, as i does. */
        v->index_pref = INDEX_SHOWN;
        view_relayout(v);
    }
    if (!view_index_visible(v)) {
        view_message(v, v->index_pref == INDEX_HIDDEN ? "the index is hidden (i shows it)"
                                                      : "too narrow for the index");
        return;
    }
    v->focus = LEDE_FOCUS_INDEX;
}

static void toggle_measure(lede_view *v)
{
    if (v->measure <= 0) {
        view_message(v, "no readable width set (--width N)");
        return;
    }
    v->measure_on = !v->measure_on;
    view_message(v, "readable width %s", v->measure_on ? "on" : "off");
    view_relayout(v);
}

void lede_view_set_measure(lede_view *view, int cols, bool left)
{
    view->measure = cols > 0 ? cols : 0;
    view->measure_on = view->measure > 0;
    view->measure_left = left;
    view_relayout(view);
}

static void toggle(lede_view *v, bool *flag, const char *what)
{
    *flag = !*flag;
    view_message(v, "%s %s", what, *flag ? "on" : "off");
}

lede_action lede_view_apply(lede_view *view, lede_cmd cmd)
{
    view->message[0] = '\0';
    if (cmd == LEDE_CMD_QUIT)
        return LEDE_ACT_QUIT;
    if (cmd == LEDE_CMD_NEXT_ARTICLE)
        return LEDE_ACT_NEXT_ARTICLE;
    if (cmd == LEDE_CMD_PREV_ARTICLE)
        return LEDE_ACT_PREV_ARTICLE;
    if (cmd == LEDE_CMD_HELP) {
        view->help = !view->help;
        view->help_top = 0;
        return LEDE_ACT_NONE;
    }
    if (!view->text)
        return LEDE_ACT_NONE;
    if (view->list_open) /* the mouse wheel in the quotes list */
        return view_list_key(view, cmd);
    if (cmd == LEDE_CMD_COLON || cmd == LEDE_CMD_SET_MARK || cmd == LEDE_CMD_GOTO_MARK) {
        view->pending = cmd;
        return LEDE_ACT_NONE;
    }
    if (view->focus == LEDE_FOCUS_INDEX && view_index_key(view, cmd))
        return LEDE_ACT_NONE;
    switch (cmd) {
    case LEDE_CMD_FOCUS:
        toggle_focus(view);
        break;
    case LEDE_CMD_ACTIVATE:
        if (view->focus == LEDE_FOCUS_INDEX)
            return view_activate(view);
        break;
    case LEDE_CMD_NEXT_MENTION:
        return view_step_mention(view, 1);
    case LEDE_CMD_PREV_MENTION:
        return view_step_mention(view, -1);
    case LEDE_CMD_QUOTES_OF:
        view_list_open(view, false);
        break;
    case LEDE_CMD_ALL_QUOTES:
        view_list_open(view, true);
        break;
    case LEDE_CMD_ALL_INDEX:
        view_index_toggle_all(view);
        break;
    case LEDE_CMD_WHERE:
        view_where(view);
        break;
    case LEDE_CMD_EDIT:
        return LEDE_ACT_EDIT;
    case LEDE_CMD_MEASURE:
        toggle_measure(view);
        break;
    case LEDE_CMD_NEXT_QUOTE:
        view_step_quote(view, 1);
        break;
    case LEDE_CMD_PREV_QUOTE:
        view_step_quote(view, -1);
        break;
    case LEDE_CMD_TOGGLE_QUOTES:
        toggle(view, &view->quotes_on, "quotes");
        break;
    case LEDE_CMD_TOGGLE_ENTITIES:
        toggle(view, &view->entities_on, "entities");
        break;
    case LEDE_CMD_TOGGLE_INDEX:
        toggle_index(view);
        break;
    case LEDE_CMD_SEARCH:
        view_prompt_open(view);
        break;
    case LEDE_CMD_SEARCH_NEXT:
        view_search_step(view, 1);
        break;
    case LEDE_CMD_SEARCH_PREV:
        view_search_step(view, -1);
        break;
    case LEDE_CMD_CLEAR:
        clear_all(view);
        break;
    default:
        article_move(view, cmd);
        break;
    }
    return LEDE_ACT_NONE;
}

lede_action lede_view_key(lede_view *view, int key)
{
    if (view->prompt_open) {
        view->message[0] = '\0';
        view_prompt_key(view, key);
        return LEDE_ACT_NONE;
    }
    lede_cmd cmd = lede_keys_command(key);
    if (cmd == LEDE_CMD_REDRAW && view->pending == LEDE_CMD_NONE)
        return LEDE_ACT_REDRAW; /* over help or a list too: they stay as they are */
    if (view->help) {
        view_help_key(view, cmd);
        return LEDE_ACT_NONE;
    }
    if (view->pending != LEDE_CMD_NONE) {
        lede_cmd pending = view->pending;
        view->pending = LEDE_CMD_NONE;
        return view_pending_key(view, pending, key);
    }
    if (view->list_open && cmd != LEDE_CMD_HELP) {
        view->message[0] = '\0';
        return view_list_key(view, cmd);
    }
    if (cmd == LEDE_CMD_NONE && key != 0 && key != LEDE_KEY_RESIZE && key != LEDE_KEY_MOUSE) {
        view->message[0] = '\0';
        view_message(view, "press ? for help"); /* as less answers an unbound key */
        return LEDE_ACT_NONE;
    }
    return lede_view_apply(view, cmd);
}

/* --- drawing ----------------------------------------------------------------------- */

size_t lede_view_runs(lede_view *view, const lede_line *line, const lede_run **runs)
{
    *runs = view->runs;
    if (!view->text)
        return 0;
    lede_style_ctx ctx = {view->text,     view->model, view->entities_on, view->quotes_on,
                          view->selected, {0, 0},      view->matches,     view->n_matches};
    if (view->current != LEDE_NONE)
        ctx.current = view->model->mentions[view->current].span;
    else if (view->cur_match != VIEW_NO_INDEX)
        ctx.current = view->matches[view->cur_match];
    else if (view->cur_quote != VIEW_NO_INDEX && view->model && view->quotes_on)
        ctx.current = view->model->quotes[view->cur_quote].span; /* after } or { */
    size_t n = lede_layout_runs(&ctx, line, view->runs, view->cap_runs);
    if (n > view->cap_runs) {
        if (LEDE_GROW(view->runs, view->cap_runs, n) != LEDE_OK) {
            view_fail(view, LEDE_ERR_NOMEM);
            return 0;
        }
        n = lede_layout_runs(&ctx, line, view->runs, view->cap_runs);
    }
    *runs = view->runs;
    return n;
}

/* --- state ------------------------------------------------------------------------- */

lede_focus lede_view_focus(const lede_view *view)
{
    return view->focus;
}

bool lede_view_entities_on(const lede_view *view)
{
    return view->entities_on;
}

bool lede_view_quotes_on(const lede_view *view)
{
    return view->quotes_on;
}

bool lede_view_help_shown(const lede_view *view)
{
    return view->help;
}

uint32_t lede_view_selected(const lede_view *view)
{
    return view->selected;
}

uint32_t lede_view_current(const lede_view *view)
{
    return view->current;
}

void lede_view_say(lede_view *view, const char *message)
{
    view_message(view, "%s", message);
}

const char *lede_view_message(const lede_view *view)
{
    return view->message;
}

const lede_entity *view_entity(const lede_view *v, uint32_t id)
{
    if (!v->model || id == LEDE_NONE || id >= v->model->n_entities)
        return NULL;
    return &v->model->entities[id];
}

lede_layout *lede_view_layout(lede_view *view)
{
    return view->layout;
}

/* --- life cycle -------------------------------------------------------------------- */

lede_status lede_view_new(int cols, int rows, lede_view **out)
{
    lede_view *v = calloc(1, sizeof *v);
    *out = NULL;
    if (!v)
        return LEDE_ERR_NOMEM;
    v->cols = cols < 0 ? 0 : cols;
    v->rows = rows < 0 ? 0 : rows;
    v->quotes_on = v->entities_on = true;
    v->selected = v->current = LEDE_NONE;
    v->cur_quote = v->cur_match = v->cursor = VIEW_NO_INDEX;
    v->quote_who = LEDE_NONE;
    v->measure = LEDE_VIEW_MEASURE;
    v->measure_on = true;
    *out = v;
    return LEDE_OK;
}

static void drop_article(lede_view *v)
{
    lede_layout_free(v->layout);
    v->layout = NULL;
    free(v->irows);
    v->irows = NULL;
    v->n_rows = 0;
    free(v->name);
    v->name = NULL;
    free(v->tag);
    v->tag = NULL;
    view_search_clear(v);
    free(v->pattern);
    v->pattern = NULL;
    v->text = NULL;
    v->model = NULL;
}

lede_status lede_view_set_article(lede_view *view, const lede_text *text, const lede_model *model,
                                  const char *name)
{
    drop_article(view);
    clear_all(view);
    view->top = (lede_pos){0, 0};
    view->anchor = 0;
    view->focus = LEDE_FOCUS_ARTICLE;
    view->help = view->prompt_open = view->reserve_index = false;
    view->pending = LEDE_CMD_NONE;
    view->list_open = false;
    memset(view->marks_set, 0, sizeof view->marks_set);
    view->message[0] = '\0';
    view->model = model;
    lede_status st = view_index_build(view);
    if (st == LEDE_OK) {
        /* The status line says what the text was read as when it was not plain UTF-8:
         * "page.html (html)", "old.txt (read as Windows-1252)". */
        char how[128] = "";
        if (text->encoding)
            snprintf(how, sizeof how, " (read as %s)", text->encoding);
        else if (text->input && strcmp(text->input, "text") != 0)
            snprintf(how, sizeof how, " (%s)", text->input);
        size_t n = strlen(name ? name : "") + strlen(how) + 1;
        view->name = malloc(n);
        if (view->name)
            snprintf(view->name, n, "%s%s", name ? name : "", how);
        st = view->name ? LEDE_OK : LEDE_ERR_NOMEM;
    }
    if (st == LEDE_OK)
        st = lede_layout_new(text, article_width(view), &view->layout);
    if (st != LEDE_OK) {
        drop_article(view);
        return st;
    }
    view->text = text;
    return LEDE_OK;
}

void lede_view_set_corpus(lede_view *view, const lede_corpus *corpus, size_t article_no)
{
    view->corpus = corpus;
    view->article_no = article_no;
    view_index_refresh(view);
}

const lede_view_target *lede_view_get_target(const lede_view *view)
{
    return &view->target;
}

lede_status lede_view_set_tag(lede_view *view, const char *tag)
{
    char *copy = strdup(tag);
    if (!copy)
        return LEDE_ERR_NOMEM;
    free(view->tag);
    view->tag = copy;
    return LEDE_OK;
}

void lede_view_free(lede_view *view)
{
    if (!view)
        return;
    drop_article(view);
    free(view->lines);
    free(view->runs);
    view_history_free(view);
    view_list_free(view);
    free(view);
}
