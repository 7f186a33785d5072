/* view.c - the reader's state: position, panes, selection, search, prompt, index. */
#include "lede/view.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/utf8.h"

/* More matches than this are not kept (the count says "+"). */
#define MAX_MATCHES (1u << 20)
#define PROMPT_MAX 256
#define NO_INDEX SIZE_MAX

typedef enum { INDEX_AUTO, INDEX_SHOWN, INDEX_HIDDEN } index_pref;

struct lede_view {
    int cols, rows;
    const lede_text *text;
    const lede_model *model;
    char *name;
    lede_layout *layout;
    lede_pos top;
    size_t anchor; /* byte the top line showed when the reader last moved */
    lede_focus focus;
    index_pref index_pref;
    bool quotes_on, entities_on, help;
    bool reserve_index; /* keep the index's place while its entries are not known */
    size_t help_top;    /* first help line shown when the help scrolls */

    lede_index_row *irows;
    size_t n_rows, cursor, index_top;

    uint32_t selected, current; /* entity id, mention index */
    size_t cur_quote;           /* index into model->quotes or NO_INDEX */

    pcre2_code *re;
    char *pattern;
    lede_span *matches;
    size_t n_matches;
    bool matches_capped;
    int match_error;  /* the PCRE2 error that stopped the search early, or 0 */
    size_t cur_match; /* or NO_INDEX */

    bool prompt_open;
    char prompt[PROMPT_MAX];
    size_t prompt_len;

    char message[256];

    lede_line *lines; /* the visible lines, refilled by fill_lines() */
    size_t n_lines, cap_lines;
    bool at_end; /* the last visible line is the text's last */
    lede_run *runs;
    size_t cap_runs;
};

static void set_message(lede_view *v, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->message, sizeof v->message, fmt, ap);
    va_end(ap);
}

static void fail(lede_view *v, lede_status st)
{
    set_message(v, "%s", lede_status_str(st));
}

/* --- geometry ---------------------------------------------------------------------- */

static int index_cols(int cols)
{
    int w = cols / 3;
    return w > LEDE_VIEW_INDEX_MAX_COLS ? LEDE_VIEW_INDEX_MAX_COLS : w;
}

static bool index_visible(const lede_view *v)
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
    if (index_visible(v)) {
        int iw = index_cols(cols);
        g->article.w = cols - iw - 1;
        g->index.x = cols - iw;
        g->index.w = iw;
        g->index.h = pane_h;
    }
}

static int article_width(const lede_view *v)
{
    lede_geometry g;
    lede_view_geometry(v, &g);
    return g.article.w < 1 ? 1 : g.article.w;
}

static long pane_height(const lede_view *v)
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
    long h = pane_height(v);
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
        fail(v, st);
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
        fail(v, st);
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
        fail(v, st);
        return;
    }
    v->top = lede_pos_cmp(pos, last) > 0 ? last : pos;
}

static void fill_lines(lede_view *v)
{
    v->n_lines = 0;
    v->at_end = true;
    if (!v->layout || lede_layout_empty(v->layout))
        return;
    size_t h = (size_t)pane_height(v);
    if (h > v->cap_lines) {
        lede_line *bigger = realloc(v->lines, h * sizeof *bigger);
        if (!bigger) {
            fail(v, LEDE_ERR_NOMEM);
            return;
        }
        v->lines = bigger;
        v->cap_lines = h;
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
            fail(v, st);
            return;
        }
        if (moved == 0)
            return;
    }
    v->at_end = false;
}

size_t lede_view_lines(lede_view *view, const lede_line **lines)
{
    fill_lines(view);
    *lines = view->lines;
    return view->n_lines;
}

static bool offset_visible(lede_view *v, size_t offset)
{
    fill_lines(v);
    if (v->n_lines == 0)
        return false;
    size_t first = v->lines[0].span.start, last = v->lines[v->n_lines - 1].span.end;
    return offset >= first && (offset < last || v->at_end);
}

/* Scrolls so that offset shows, a third of the pane from the top, unless it already
 * shows. */
static void reveal(lede_view *v, size_t offset)
{
    if (offset_visible(v, offset))
        return;
    lede_pos pos;
    lede_status st = lede_layout_find(v->layout, offset, &pos);
    if (st == LEDE_OK)
        st = lede_layout_move(v->layout, &pos, -(pane_height(v) / 3), NULL);
    if (st != LEDE_OK) {
        fail(v, st);
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
        fail(view, st);
        return;
    }
    set_top(view, pos);
}

static void follow_cursor(lede_view *v);

/* Re-wraps for the current pane width, keeping the anchor byte at the top. */
static void relayout(lede_view *v)
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
    if (!index_visible(view))
        view->focus = LEDE_FOCUS_ARTICLE;
    relayout(view);
    follow_cursor(view); /* a shorter index pane must still show the cursor */
}

void lede_view_reserve_index(lede_view *view, bool on)
{
    view->reserve_index = on;
    relayout(view);
}

bool lede_view_too_small(const lede_view *view)
{
    return view->cols < LEDE_VIEW_MIN_COLS || view->rows < LEDE_VIEW_MIN_ROWS;
}

/* --- index ------------------------------------------------------------------------- */

static int by_count_then_name(const void *a, const void *b)
{
    const lede_entity *x = *(const lede_entity *const *)a;
    const lede_entity *y = *(const lede_entity *const *)b;
    if (x->n_mentions != y->n_mentions)
        return x->n_mentions > y->n_mentions ? -1 : 1;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->id < y->id ? -1 : x->id > y->id;
}

static const char *section_title(lede_entity_type type)
{
    static const char *const titles[] = {"People", "Places", "Organizations", "Groups"};
    return type < LEDE_ENTITY_TYPES ? titles[type] : "Other";
}

/* Appends the section of type (header and sorted entries) to v->rows. */
static void add_section(lede_view *v, lede_entity_type type, const lede_entity **tmp)
{
    size_t n = 0;
    for (size_t i = 0; i < v->model->n_entities; i++)
        if (v->model->entities[i].type == type)
            tmp[n++] = &v->model->entities[i];
    if (n == 0)
        return;
    qsort(tmp, n, sizeof *tmp, by_count_then_name);
    v->irows[v->n_rows++] =
        (lede_index_row){LEDE_INDEX_HEADER, type, LEDE_NONE, section_title(type), NULL, n};
    for (size_t i = 0; i < n; i++)
        v->irows[v->n_rows++] = (lede_index_row){
            LEDE_INDEX_ENTRY, type, tmp[i]->id, tmp[i]->name, tmp[i]->role, tmp[i]->n_mentions};
}

static lede_status build_index(lede_view *v)
{
    v->n_rows = 0;
    v->cursor = NO_INDEX;
    v->index_top = 0;
    if (!v->model || v->model->n_entities == 0)
        return LEDE_OK;
    size_t n = v->model->n_entities;
    const lede_entity **tmp = malloc(n * sizeof *tmp);
    v->irows = malloc((n + LEDE_ENTITY_TYPES) * sizeof *v->irows);
    if (!tmp || !v->irows) {
        free(tmp);
        free(v->irows);
        v->irows = NULL;
        return LEDE_ERR_NOMEM;
    }
    for (int t = 0; t < LEDE_ENTITY_TYPES; t++)
        add_section(v, (lede_entity_type)t, tmp);
    free(tmp);
    v->cursor = v->n_rows > 1 ? 1 : NO_INDEX;
    return LEDE_OK;
}

size_t lede_view_index_rows(const lede_view *view, const lede_index_row **rows)
{
    *rows = view->irows;
    return view->n_rows;
}

size_t lede_view_index_cursor(const lede_view *view)
{
    return view->cursor;
}

/* Keeps the cursor (and the header just above it) inside the index pane. */
static void follow_cursor(lede_view *v)
{
    size_t h = (size_t)pane_height(v);
    if (v->cursor == NO_INDEX || h == 0)
        return;
    size_t want = v->cursor;
    if (want > 0 && v->irows[want - 1].kind == LEDE_INDEX_HEADER)
        want--;
    if (want < v->index_top)
        v->index_top = want;
    if (v->cursor >= v->index_top + h)
        v->index_top = v->cursor - h + 1;
}

size_t lede_view_index_top(const lede_view *view)
{
    return view->index_top;
}

/* Moves the cursor by delta entries, skipping headers and stopping at the ends. */
static void move_cursor(lede_view *v, long delta)
{
    if (v->cursor == NO_INDEX)
        return;
    size_t c = v->cursor;
    for (; delta > 0; delta--) {
        size_t next = c + 1;
        while (next < v->n_rows && v->irows[next].kind == LEDE_INDEX_HEADER)
            next++;
        if (next >= v->n_rows)
            break;
        c = next;
    }
    for (; delta < 0; delta++) {
        size_t prev = c;
        while (prev > 0 && v->irows[--prev].kind == LEDE_INDEX_HEADER)
            ;
        if (v->irows[prev].kind == LEDE_INDEX_HEADER)
            break;
        c = prev;
    }
    v->cursor = c;
    follow_cursor(v);
}

static void cursor_to_entity(lede_view *v, uint32_t id)
{
    for (size_t r = 0; r < v->n_rows; r++)
        if (v->irows[r].kind == LEDE_INDEX_ENTRY && v->irows[r].entity == id) {
            v->cursor = r;
            follow_cursor(v);
            return;
        }
}

uint32_t lede_view_index_entity_at(const lede_view *view, int row)
{
    if (row < 0)
        return LEDE_NONE;
    size_t r = view->index_top + (size_t)row;
    if (r >= view->n_rows || view->irows[r].kind != LEDE_INDEX_ENTRY)
        return LEDE_NONE;
    return view->irows[r].entity;
}

/* --- mentions and quotes ------------------------------------------------------------ */

static const lede_entity *entity(const lede_view *v, uint32_t id)
{
    if (!v->model || id == LEDE_NONE || id >= v->model->n_entities)
        return NULL;
    return &v->model->entities[id];
}

/* A list of positions to step through: an entity's mentions, a person's quotes, or
 * all quotes. at(i) gives the start offset of item i. */
typedef struct {
    const lede_view *v;
    const uint32_t *idx; /* indexes into mentions or quotes; NULL: all quotes */
    size_t n;
    bool quotes;
} item_list;

static size_t item_index(const item_list *l, size_t i)
{
    return l->idx ? l->idx[i] : i;
}

static size_t model_start(const item_list *l, size_t k)
{
    return l->quotes ? l->v->model->quotes[k].span.start : l->v->model->mentions[k].span.start;
}

static size_t item_start(const item_list *l, size_t i)
{
    return model_start(l, item_index(l, i));
}

/* First item starting at or after offset (n when none). */
static size_t item_lower_bound(const item_list *l, size_t offset)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (item_start(l, mid) < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Steps from the current item cur (an index into the model array or NO_INDEX) in dir;
 * from the top of the screen when cur is not on it. Sets *wrapped. */
static size_t item_step(lede_view *v, const item_list *l, size_t cur, int dir, bool *wrapped)
{
    size_t from;
    *wrapped = false;
    if (cur != NO_INDEX && offset_visible(v, model_start(l, cur))) {
        from = item_lower_bound(l, model_start(l, cur));
        if (dir > 0 && from < l->n && item_index(l, from) == cur)
            from++;
    } else {
        from = item_lower_bound(l, v->anchor);
    }
    if (dir > 0) {
        if (from < l->n)
            return from;
        *wrapped = true;
        return 0;
    }
    if (from > 0)
        return from - 1;
    *wrapped = true;
    return l->n - 1;
}

/* The first person of the index (or the first entry when there is no person). */
static uint32_t first_index_entity(const lede_view *v)
{
    for (size_t r = 0; r < v->n_rows; r++)
        if (v->irows[r].kind == LEDE_INDEX_ENTRY)
            return v->irows[r].entity;
    return LEDE_NONE;
}

static void select_entity(lede_view *v, uint32_t id)
{
    v->selected = id;
    cursor_to_entity(v, id);
}

static void go_mention(lede_view *v, uint32_t m, bool wrapped)
{
    v->current = m;
    v->cur_quote = NO_INDEX;
    v->cur_match = NO_INDEX;
    v->selected = v->model->mentions[m].entity;
    cursor_to_entity(v, v->selected);
    reveal(v, v->model->mentions[m].span.start);
    if (wrapped)
        set_message(v, "wrapped");
}

static void step_mention(lede_view *v, int dir)
{
    if (!v->model || v->model->n_mentions == 0) {
        set_message(v, "no entities");
        return;
    }
    if (v->focus == LEDE_FOCUS_INDEX && v->cursor != NO_INDEX)
        select_entity(v, v->irows[v->cursor].entity);
    else if (!entity(v, v->selected))
        select_entity(v, first_index_entity(v));
    const lede_entity *e = entity(v, v->selected);
    if (!e || e->n_mentions == 0) {
        set_message(v, "no mentions");
        return;
    }
    item_list l = {v, e->mentions, e->n_mentions, false};
    size_t cur = v->current != LEDE_NONE && v->model->mentions[v->current].entity == e->id
                     ? v->current
                     : NO_INDEX;
    bool wrapped;
    size_t i = item_step(v, &l, cur, dir, &wrapped);
    if (e->n_mentions == 1 && cur == e->mentions[0]) {
        set_message(v, "no more mentions");
        return;
    }
    go_mention(v, e->mentions[i], wrapped);
}

static void step_quote(lede_view *v, int dir)
{
    if (!v->model || v->model->n_quotes == 0) {
        set_message(v, "no quotes");
        return;
    }
    const lede_entity *e = entity(v, v->selected);
    item_list l = {v, NULL, v->model->n_quotes, true};
    if (e && e->type == LEDE_PERSON) {
        if (e->n_quotes == 0) {
            set_message(v, "no quotes of %s", e->name);
            return;
        }
        l.idx = e->quotes;
        l.n = e->n_quotes;
    } else {
        e = NULL;
    }
    bool wrapped;
    size_t i = item_step(v, &l, v->cur_quote, dir, &wrapped);
    v->cur_quote = item_index(&l, i);
    v->current = LEDE_NONE;
    v->cur_match = NO_INDEX;
    reveal(v, v->model->quotes[v->cur_quote].span.start);
    set_message(v, "%s%squote %zu/%zu%s", e ? e->name : "", e ? " \u2014 " : "", i + 1, l.n,
                wrapped ? " (wrapped)" : "");
}

const lede_mention *lede_view_mention_at(lede_view *view, int row, int col)
{
    if (!view->model || row < 0)
        return NULL;
    fill_lines(view);
    if ((size_t)row >= view->n_lines)
        return NULL;
    size_t off = lede_line_offset_at(view->text->bytes, &view->lines[row], col);
    return off == SIZE_MAX ? NULL : lede_model_mention_at(view->model, off);
}

static void activate(lede_view *v)
{
    if (v->cursor == NO_INDEX)
        return;
    const lede_entity *e = entity(v, v->irows[v->cursor].entity);
    if (!e || e->n_mentions == 0)
        return;
    v->focus = LEDE_FOCUS_ARTICLE;
    go_mention(v, e->mentions[0], false);
}

void lede_view_click(lede_view *view, int y, int x)
{
    lede_geometry g;
    lede_view_geometry(view, &g);
    if (g.too_small || view->prompt_open || !view->text)
        return;
    view->help = false;
    view->message[0] = '\0';
    if (x >= g.article.x && x < g.article.x + g.article.w && y >= g.article.y &&
        y < g.article.y + g.article.h) {
        const lede_mention *m = lede_view_mention_at(view, y - g.article.y, x - g.article.x);
        if (m)
            go_mention(view, (uint32_t)(m - view->model->mentions), false);
        return;
    }
    if (g.index.w > 0 && x >= g.index.x && x < g.index.x + g.index.w && y >= g.index.y &&
        y < g.index.y + g.index.h) {
        uint32_t id = lede_view_index_entity_at(view, y - g.index.y);
        if (id == LEDE_NONE)
            return;
        view->cursor = view->index_top + (size_t)(y - g.index.y);
        activate(view);
    }
}

/* --- search ------------------------------------------------------------------------ */

static void clear_search(lede_view *v)
{
    pcre2_code_free(v->re);
    v->re = NULL;
    free(v->matches);
    v->matches = NULL;
    v->n_matches = 0;
    v->matches_capped = false;
    v->match_error = 0;
    v->cur_match = NO_INDEX;
}

/* Smart case: an upper-case letter outside an escape makes the search case-sensitive. */
static bool has_upper(const char *pat)
{
    PCRE2_SIZE erroff;
    int err;
    pcre2_code *upper = pcre2_compile((PCRE2_SPTR) "\\p{Lu}", PCRE2_ZERO_TERMINATED, PCRE2_UTF,
                                      &err, &erroff, NULL);
    pcre2_match_data *md = upper ? pcre2_match_data_create_from_pattern(upper, NULL) : NULL;
    bool found = false;
    size_t len = strlen(pat);
    for (size_t i = 0; i < len && md && !found;) {
        size_t adv;
        if (pat[i] == '\\') {
            i += 2;
            continue;
        }
        lede_utf8_decode(pat + i, len - i, &adv);
        found = pcre2_match(upper, (PCRE2_SPTR)(pat + i), adv, 0, 0, md, NULL) >= 0;
        i += adv;
    }
    if (!md)
        found = strpbrk(pat, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != NULL;
    pcre2_match_data_free(md);
    pcre2_code_free(upper);
    return found;
}

static lede_status compile(lede_view *v, const char *pat)
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP;
#ifdef PCRE2_MATCH_INVALID_UTF
    opts |= PCRE2_MATCH_INVALID_UTF;
#endif
    if (!has_upper(pat))
        opts |= PCRE2_CASELESS;
    int err;
    PCRE2_SIZE erroff;
    v->re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts, &err, &erroff, NULL);
    if (!v->re) {
        PCRE2_UCHAR why[120];
        if (pcre2_get_error_message(err, why, sizeof why) < 0)
            snprintf((char *)why, sizeof why, "error %d", err);
        set_message(v, "bad regex: %s at %zu", (const char *)why, (size_t)erroff);
        return LEDE_ERR_PATTERN;
    }
    /* Without JIT the interpreter still works. */
    (void)pcre2_jit_compile(v->re, PCRE2_JIT_COMPLETE);
    return LEDE_OK;
}

static lede_status push_match(lede_view *v, size_t *cap, size_t s, size_t e)
{
    if (v->n_matches == *cap) {
        size_t ncap = *cap ? 2 * *cap : 64;
        lede_span *bigger = realloc(v->matches, ncap * sizeof *bigger);
        if (!bigger)
            return LEDE_ERR_NOMEM;
        v->matches = bigger;
        *cap = ncap;
    }
    v->matches[v->n_matches++] = (lede_span){s, e};
    return LEDE_OK;
}

/* One linear pass over the text: the match starts, kept for k/n and highlighting. A
 * match error (a pattern that backtracks past PCRE2's limits) ends the pass and is
 * kept in v->match_error; the matches found before it stay. */
static lede_status collect_matches(lede_view *v)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(v->re, NULL);
    if (!md)
        return LEDE_ERR_NOMEM;
    const char *b = v->text->bytes;
    size_t len = v->text->len, off = 0, cap = 0;
    lede_status st = LEDE_OK;
    while (off <= len && st == LEDE_OK) {
        int rc = pcre2_match(v->re, (PCRE2_SPTR)b, len, off, 0, md, NULL);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            v->match_error = rc;
            break;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if (ov[1] <= ov[0]) {
            /* An empty match: step over one character. */
            size_t adv = 1;
            if (ov[0] < len)
                lede_utf8_decode(b + ov[0], len - ov[0], &adv);
            off = ov[0] + adv;
            continue;
        }
        if (v->n_matches == MAX_MATCHES) {
            v->matches_capped = true;
            break;
        }
        st = push_match(v, &cap, ov[0], ov[1]);
        off = ov[1];
    }
    pcre2_match_data_free(md);
    return st;
}

static void match_message(lede_view *v, bool wrapped)
{
    if (wrapped)
        set_message(v, "search wrapped");
}

static void go_match(lede_view *v, size_t i, bool wrapped)
{
    v->cur_match = i;
    v->current = LEDE_NONE;
    v->cur_quote = NO_INDEX;
    reveal(v, v->matches[i].start);
    match_message(v, wrapped);
}

/* First match starting at or after offset (n_matches when none). */
static size_t match_lower_bound(const lede_view *v, size_t offset)
{
    size_t lo = 0, hi = v->n_matches;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->matches[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static void step_match(lede_view *v, int dir)
{
    if (v->n_matches == 0) {
        set_message(v, v->pattern ? "no match for /%s/" : "no search (press /)",
                    v->pattern ? v->pattern : "");
        return;
    }
    size_t from;
    if (v->cur_match != NO_INDEX && offset_visible(v, v->matches[v->cur_match].start))
        from = dir > 0 ? v->cur_match + 1 : v->cur_match;
    else
        from = match_lower_bound(v, v->anchor);
    if (dir > 0)
        go_match(v, from < v->n_matches ? from : 0, from >= v->n_matches);
    else
        go_match(v, from > 0 ? from - 1 : v->n_matches - 1, from == 0);
}

lede_status lede_view_search(lede_view *view, const char *pattern)
{
    if (!view->text)
        return LEDE_OK;
    if (!pattern[0]) {
        if (!view->pattern) {
            set_message(view, "no previous search");
            return LEDE_OK;
        }
        pattern = view->pattern;
    }
    char *copy = strdup(pattern);
    if (!copy) {
        fail(view, LEDE_ERR_NOMEM);
        return LEDE_ERR_NOMEM;
    }
    clear_search(view);
    view->message[0] = '\0'; /* a new search has its own outcome */
    free(view->pattern);
    view->pattern = copy;
    lede_status st = compile(view, copy);
    if (st == LEDE_OK)
        st = collect_matches(view);
    if (st == LEDE_ERR_NOMEM) {
        clear_search(view);
        fail(view, st);
    }
    if (st != LEDE_OK)
        return st;
    if (view->n_matches == 0) {
        set_message(view, "no match for /%s/", copy);
    } else {
        size_t i = match_lower_bound(view, view->anchor);
        go_match(view, i < view->n_matches ? i : 0, i >= view->n_matches);
    }
    if (view->match_error) {
        PCRE2_UCHAR why[120];
        if (pcre2_get_error_message(view->match_error, why, sizeof why) < 0)
            snprintf((char *)why, sizeof why, "error %d", view->match_error);
        set_message(view, "search stopped: %s", (const char *)why);
    }
    return LEDE_OK;
}

size_t lede_view_match_count(const lede_view *view)
{
    return view->n_matches;
}

/* --- prompt ------------------------------------------------------------------------ */

const char *lede_view_prompt(const lede_view *view)
{
    return view->prompt_open ? view->prompt : NULL;
}

static void prompt_key(lede_view *v, int key)
{
    if (key == LEDE_KEY_ESC) {
        v->prompt_open = false;
    } else if (key == LEDE_KEY_ENTER || key == '\r') {
        v->prompt_open = false;
        lede_view_search(v, v->prompt);
    } else if (key == LEDE_KEY_BACKSPACE || key == 8 || key == 127) {
        if (v->prompt_len == 0) {
            v->prompt_open = false;
            return;
        }
        /* Drop the last character's continuation bytes, then its lead byte. */
        while (v->prompt_len > 0 && ((unsigned char)v->prompt[v->prompt_len - 1] & 0xC0) == 0x80)
            v->prompt_len--;
        if (v->prompt_len > 0)
            v->prompt_len--;
        v->prompt[v->prompt_len] = '\0';
    } else if (key >= 0x20 && key < LEDE_KEY_SPECIAL && key != 0x7f) {
        char enc[4];
        size_t n = lede_utf8_encode((uint32_t)key, enc);
        if (v->prompt_len + n < sizeof v->prompt) {
            memcpy(v->prompt + v->prompt_len, enc, n);
            v->prompt_len += n;
            v->prompt[v->prompt_len] = '\0';
        }
    }
}

/* --- commands ---------------------------------------------------------------------- */

static void toggle_index(lede_view *v)
{
    if (v->n_rows == 0) {
        set_message(v, "no entities");
        return;
    }
    bool was = index_visible(v);
    v->index_pref = was ? INDEX_HIDDEN : INDEX_SHOWN;
    if (!was && !index_visible(v))
        set_message(v, "too narrow for the index");
    if (!index_visible(v))
        v->focus = LEDE_FOCUS_ARTICLE;
    relayout(v);
}

static void clear_all(lede_view *v)
{
    clear_search(v);
    v->selected = LEDE_NONE;
    v->current = LEDE_NONE;
    v->cur_quote = NO_INDEX;
}

static long page(const lede_view *v, bool half)
{
    long h = pane_height(v);
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
        fail(v, st);
        return;
    }
    set_top(v, last);
}

/* Moving keys in the index move its cursor. */
static bool index_move(lede_view *v, lede_cmd cmd)
{
    long big = (long)v->n_rows;
    switch (cmd) {
    case LEDE_CMD_LINE_DOWN:
        move_cursor(v, 1);
        return true;
    case LEDE_CMD_LINE_UP:
        move_cursor(v, -1);
        return true;
    case LEDE_CMD_PAGE_DOWN:
        move_cursor(v, page(v, false));
        return true;
    case LEDE_CMD_PAGE_UP:
        move_cursor(v, -page(v, false));
        return true;
    case LEDE_CMD_HALF_DOWN:
        move_cursor(v, page(v, true));
        return true;
    case LEDE_CMD_HALF_UP:
        move_cursor(v, -page(v, true));
        return true;
    case LEDE_CMD_TOP:
        move_cursor(v, -big);
        return true;
    case LEDE_CMD_BOTTOM:
        move_cursor(v, big);
        return true;
    default:
        return false;
    }
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
        scroll(v, page(v, false));
        break;
    case LEDE_CMD_PAGE_UP:
        scroll(v, -page(v, false));
        break;
    case LEDE_CMD_HALF_DOWN:
        scroll(v, page(v, true));
        break;
    case LEDE_CMD_HALF_UP:
        scroll(v, -page(v, true));
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
    if (!index_visible(v)) {
        set_message(v, v->n_rows ? "the index is hidden (i shows it)" : "no entities");
        return;
    }
    v->focus = LEDE_FOCUS_INDEX;
}

static void toggle(lede_view *v, bool *flag, const char *what)
{
    *flag = !*flag;
    set_message(v, "%s %s", what, *flag ? "on" : "off");
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
    if (view->focus == LEDE_FOCUS_INDEX && index_move(view, cmd))
        return LEDE_ACT_NONE;
    switch (cmd) {
    case LEDE_CMD_FOCUS:
        toggle_focus(view);
        break;
    case LEDE_CMD_ACTIVATE:
        if (view->focus == LEDE_FOCUS_INDEX)
            activate(view);
        break;
    case LEDE_CMD_NEXT_MENTION:
        step_mention(view, 1);
        break;
    case LEDE_CMD_PREV_MENTION:
        step_mention(view, -1);
        break;
    case LEDE_CMD_NEXT_QUOTE:
        step_quote(view, 1);
        break;
    case LEDE_CMD_PREV_QUOTE:
        step_quote(view, -1);
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
        view->prompt_open = true;
        view->prompt_len = 0;
        view->prompt[0] = '\0';
        break;
    case LEDE_CMD_SEARCH_NEXT:
        step_match(view, 1);
        break;
    case LEDE_CMD_SEARCH_PREV:
        step_match(view, -1);
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

static void help_key(lede_view *v, lede_cmd cmd);

lede_action lede_view_key(lede_view *view, int key)
{
    if (view->prompt_open) {
        view->message[0] = '\0';
        prompt_key(view, key);
        return LEDE_ACT_NONE;
    }
    if (view->help) {
        help_key(view, lede_keys_command(key));
        return LEDE_ACT_NONE;
    }
    return lede_view_apply(view, lede_keys_command(key));
}

/* --- help ------------------------------------------------------------------------- */

size_t lede_view_help_rows(const lede_view *view)
{
    return view->rows > 3 ? (size_t)view->rows - 2 : 1;
}

/* The widest of help lines [from, to). */
static int help_width(size_t from, size_t to)
{
    char line[128];
    int w = 0;
    for (size_t i = from; i < to; i++) {
        size_t len = lede_keys_help_line(i, line, sizeof line);
        int cols = lede_text_cols(line, 0, len < sizeof line ? len : sizeof line - 1);
        w = cols > w ? cols : w;
    }
    return w;
}

int lede_view_help_columns(const lede_view *view, int *widths, int cap)
{
    size_t n = lede_keys_help_count(), rows = lede_view_help_rows(view);
    size_t columns = (n + rows - 1) / rows;
    int total = 0;
    for (size_t c = 0; c < columns; c++) {
        size_t end = (c + 1) * rows < n ? (c + 1) * rows : n;
        int w = help_width(c * rows, end) + LEDE_VIEW_HELP_GAP;
        if ((int)c < cap)
            widths[c] = w;
        total += w;
    }
    if (columns <= 1 || total <= view->cols)
        return (int)columns;
    if (cap > 0)
        widths[0] = help_width(0, n) + LEDE_VIEW_HELP_GAP;
    return 1;
}

bool lede_view_help_scrolls(const lede_view *view)
{
    int w;
    return lede_view_help_columns(view, &w, 1) == 1 &&
           lede_keys_help_count() > lede_view_help_rows(view);
}

size_t lede_view_help_top(const lede_view *view)
{
    if (!lede_view_help_scrolls(view))
        return 0;
    size_t last = lede_keys_help_count() - lede_view_help_rows(view);
    return view->help_top < last ? view->help_top : last;
}

/* j/k (and the arrows) scroll a help screen that does not fit; any other key closes
 * it, as in less. */
static void help_key(lede_view *v, lede_cmd cmd)
{
    if (!lede_view_help_scrolls(v) || (cmd != LEDE_CMD_LINE_DOWN && cmd != LEDE_CMD_LINE_UP)) {
        v->help = false;
        return;
    }
    size_t top = lede_view_help_top(v);
    size_t last = lede_keys_help_count() - lede_view_help_rows(v);
    if (cmd == LEDE_CMD_LINE_DOWN && top < last)
        top++;
    else if (cmd == LEDE_CMD_LINE_UP && top > 0)
        top--;
    v->help_top = top;
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
    else if (view->cur_match != NO_INDEX)
        ctx.current = view->matches[view->cur_match];
    else if (view->cur_quote != NO_INDEX && view->model)
        ctx.current = view->model->quotes[view->cur_quote].span; /* after } or { */
    size_t n = lede_layout_runs(&ctx, line, view->runs, view->cap_runs);
    if (n > view->cap_runs) {
        lede_run *bigger = realloc(view->runs, n * sizeof *bigger);
        if (!bigger) {
            fail(view, LEDE_ERR_NOMEM);
            return 0;
        }
        view->runs = bigger;
        view->cap_runs = n;
        n = lede_layout_runs(&ctx, line, view->runs, view->cap_runs);
    }
    *runs = view->runs;
    return n;
}

/* Appends s to buf[*len..) while it fits in size bytes and *cols + its width <= width. */
static void put_cols(char *buf, size_t size, size_t *len, int *cols, int width, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t adv;
        uint32_t cp = lede_utf8_decode(s + i, n - i, &adv);
        int w = lede_utf8_width(cp);
        if (*cols + w > width || *len + adv >= size)
            return;
        memcpy(buf + *len, s + i, adv);
        *len += adv;
        *cols += w;
        i += adv;
    }
}

static void position_text(lede_view *v, char *buf, size_t size)
{
    bool at_top = v->top.para == 0 && v->top.line == 0;
    if (at_top && v->at_end)
        snprintf(buf, size, "All");
    else if (at_top)
        snprintf(buf, size, "Top");
    else if (v->at_end)
        snprintf(buf, size, "End");
    else
        snprintf(buf, size, "%d%%", (int)(v->anchor * 100 / (v->text->len ? v->text->len : 1)));
}

/* What the reader is on: "Name — mention k/n" or "match k/n". */
static void info_text(const lede_view *v, char *buf, size_t size)
{
    buf[0] = '\0';
    if (v->current != LEDE_NONE) {
        const lede_mention *m = &v->model->mentions[v->current];
        const lede_entity *e = entity(v, m->entity);
        if (e)
            snprintf(buf, size, "%s \u2014 mention %u/%zu", e->name, m->k + 1, e->n_mentions);
    } else if (v->cur_match != NO_INDEX) {
        snprintf(buf, size, "match %zu/%zu%s", v->cur_match + 1, v->n_matches,
                 v->matches_capped ? "+" : "");
    }
}

size_t lede_view_status_line(lede_view *view, char *buf, size_t size, int width)
{
    char left[512], info[256], pos[16] = "";
    buf[0] = '\0';
    if (size == 0 || width <= 0)
        return 0;
    info_text(view, info, sizeof info);
    if (view->text) {
        fill_lines(view);
        position_text(view, pos, sizeof pos);
    }
    snprintf(left, sizeof left, "%s%s%s%s%s", view->name ? view->name : "",
             info[0] ? " \u2014 " : "", info, view->message[0] ? " \u2014 " : "", view->message);
    int pos_cols = (int)strlen(pos);
    size_t len = 0;
    int cols = 0;
    put_cols(buf, size, &len, &cols, width - pos_cols - 1 > 0 ? width - pos_cols - 1 : width, left);
    while (cols < width - pos_cols && len + 1 < size) {
        buf[len++] = ' ';
        cols++;
    }
    buf[len] = '\0';
    put_cols(buf, size, &len, &cols, width, pos);
    buf[len] = '\0';
    return len;
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

const char *lede_view_message(const lede_view *view)
{
    return view->message;
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
    v->cur_quote = v->cur_match = v->cursor = NO_INDEX;
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
    clear_search(v);
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
    view->message[0] = '\0';
    view->model = model;
    lede_status st = build_index(view);
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

void lede_view_free(lede_view *view)
{
    if (!view)
        return;
    drop_article(view);
    free(view->lines);
    free(view->runs);
    free(view);
}
