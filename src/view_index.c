/* view_index.c - the entity index pane: its rows (People, Places, Organizations, Groups;
 * by mention count, then name), its cursor and its scrolling. Building it costs
 * O(e log e) for e entities; every cursor move O(rows moved). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "view_priv.h"

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
        (lede_index_row){LEDE_INDEX_HEADER, type, LEDE_NONE, section_title(type), NULL, n, 0};
    for (size_t i = 0; i < n; i++)
        v->irows[v->n_rows++] = (lede_index_row){
            LEDE_INDEX_ENTRY, type, tmp[i]->id, tmp[i]->name, tmp[i]->role, tmp[i]->n_mentions, 0};
}

/* The index of all articles: corpus entries ranked as lede_corpus_ranked says. */
static lede_status build_all(lede_view *v, lede_index_row *rows)
{
    const lede_corpus *c = v->corpus;
    uint32_t *order = malloc((c->n_entries ? c->n_entries : 1) * sizeof *order);
    if (!order)
        return LEDE_ERR_NOMEM;
    size_t n = lede_corpus_ranked(c, order);
    for (size_t i = 0; i < n; i++) {
        const lede_corpus_entry *e = &c->entries[order[i]];
        if (i == 0 || e->type != c->entries[order[i - 1]].type) {
            size_t k = i;
            while (k < n && c->entries[order[k]].type == e->type)
                k++;
            rows[v->n_rows++] = (lede_index_row){
                LEDE_INDEX_HEADER, e->type, LEDE_NONE, section_title(e->type), NULL, k - i, 0};
        }
        rows[v->n_rows++] = (lede_index_row){LEDE_INDEX_ENTRY, e->type,     order[i], e->name,
                                             e->role,          e->mentions, e->n_hits};
    }
    free(order);
    v->index_built_from = c->added;
    return LEDE_OK;
}

lede_status view_index_build(lede_view *v)
{
    free(v->irows);
    v->irows = NULL;
    v->n_rows = 0;
    v->cursor = VIEW_NO_INDEX;
    v->index_top = 0;
    bool all = v->all_index && v->corpus;
    size_t n = all ? v->corpus->n_entries : v->model ? v->model->n_entities : 0;
    if (n == 0)
        return LEDE_OK;
    const lede_entity **tmp = all ? NULL : malloc(n * sizeof *tmp);
    v->irows = malloc((n + LEDE_ENTITY_TYPES) * sizeof *v->irows);
    lede_status st = v->irows && (all || tmp) ? LEDE_OK : LEDE_ERR_NOMEM;
    if (st == LEDE_OK && all)
        st = build_all(v, v->irows);
    for (int t = 0; st == LEDE_OK && !all && t < LEDE_ENTITY_TYPES; t++)
        add_section(v, (lede_entity_type)t, tmp);
    free(tmp);
    if (st != LEDE_OK) {
        free(v->irows);
        v->irows = NULL;
        v->n_rows = 0;
        return st;
    }
    v->cursor = v->n_rows > 1 ? 1 : VIEW_NO_INDEX;
    return LEDE_OK;
}

/* Rebuilt as the corpus grows by a quarter (and when it is complete), so that building
 * it while 2,225 articles come in costs O(log n) sorts, not one per article. */
void view_index_refresh(lede_view *v)
{
    if (!v->all_index || !v->corpus)
        return;
    size_t added = v->corpus->added, built = v->index_built_from;
    bool grew = added != built && (lede_corpus_done(v->corpus) || added >= built + built / 4 + 8);
    if (!grew && v->n_rows > 0)
        return;
    /* The cursor stays on its entry (entry ids do not change as the corpus grows). */
    uint32_t keep = v->cursor < v->n_rows ? v->irows[v->cursor].entity : LEDE_NONE;
    size_t top = v->index_top;
    if (view_index_build(v) != LEDE_OK) {
        view_fail(v, LEDE_ERR_NOMEM);
        return;
    }
    for (size_t r = 0; keep != LEDE_NONE && r < v->n_rows; r++)
        if (v->irows[r].kind == LEDE_INDEX_ENTRY && v->irows[r].entity == keep) {
            v->cursor = r;
            v->index_top = top;
        }
    view_index_follow(v);
}

void view_index_toggle_all(lede_view *v)
{
    if (!v->corpus || v->corpus->n < 2) {
        view_message(v, "one article: the index is this article's");
        return;
    }
    uint32_t local = v->cursor < v->n_rows ? view_index_local(v, v->cursor) : LEDE_NONE;
    v->all_index = !v->all_index;
    v->index_built_from = 0;
    if (view_index_build(v) != LEDE_OK) {
        view_fail(v, LEDE_ERR_NOMEM);
        return;
    }
    view_index_to_entity(v, local != LEDE_NONE ? local : v->selected);
    /* A asks to see an index: hidden by i or for the width, it shows, as Tab does. */
    if (!view_index_visible(v))
        v->index_pref = INDEX_SHOWN;
    view_relayout(v);
    view_message(v, "%s%s", v->all_index ? "index of all articles" : "index of this article",
                 view_index_visible(v) ? "" : " (too narrow to show it)");
}

uint32_t view_index_local(const lede_view *v, size_t row)
{
    if (row >= v->n_rows || v->irows[row].kind != LEDE_INDEX_ENTRY)
        return LEDE_NONE;
    if (!v->all_index || !v->corpus)
        return v->irows[row].entity;
    const lede_corpus_entry *en = lede_corpus_get(v->corpus, v->irows[row].entity);
    size_t lo = 0, hi = en ? en->n_hits : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (en->hits[mid].article < v->article_no)
            lo = mid + 1;
        else
            hi = mid;
    }
    return en && lo < en->n_hits && en->hits[lo].article == v->article_no ? en->hits[lo].entity
                                                                          : LEDE_NONE;
}

bool lede_view_row_selected(const lede_view *view, const lede_index_row *row)
{
    if (row->kind != LEDE_INDEX_ENTRY || view->selected == LEDE_NONE)
        return false;
    if (!view->all_index || !view->corpus)
        return row->entity == view->selected;
    return row->entity == lede_corpus_entry_of(view->corpus, view->article_no, view->selected);
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
void view_index_follow(lede_view *v)
{
    size_t h = (size_t)view_pane_height(v);
    if (v->cursor == VIEW_NO_INDEX || h == 0)
        return;
    size_t want = v->cursor;
    if (want > 0 && v->irows[want - 1].kind == LEDE_INDEX_HEADER)
        want--;
    if (want < v->index_top)
        v->index_top = want;
    if (v->cursor >= v->index_top + h)
        v->index_top = v->cursor - h + 1;
    /* A taller pane shows rows above rather than empty rows below. */
    size_t fill = v->n_rows > h ? v->n_rows - h : 0;
    if (v->index_top > fill)
        v->index_top = fill;
}

size_t lede_view_index_top(const lede_view *view)
{
    return view->index_top;
}

/* Moves the cursor by delta entries, skipping headers and stopping at the ends. */
void view_index_move(lede_view *v, long delta)
{
    if (v->cursor == VIEW_NO_INDEX)
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
    view_index_follow(v);
}

void view_index_to_entity(lede_view *v, uint32_t id)
{
    if (id == LEDE_NONE)
        return;
    if (v->all_index && v->corpus)
        id = lede_corpus_entry_of(v->corpus, v->article_no, id);
    for (size_t r = 0; r < v->n_rows; r++)
        if (v->irows[r].kind == LEDE_INDEX_ENTRY && v->irows[r].entity == id) {
            v->cursor = r;
            view_index_follow(v);
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

/* The first person of the index (or the first entry when there is no person). */
uint32_t view_index_first(const lede_view *v)
{
    for (size_t r = 0; r < v->n_rows; r++)
        if (view_index_local(v, r) != LEDE_NONE)
            return view_index_local(v, r);
    return LEDE_NONE;
}

/* Moving keys in the index move its cursor. */
bool view_index_key(lede_view *v, lede_cmd cmd)
{
    long big = (long)v->n_rows;
    switch (cmd) {
    case LEDE_CMD_LINE_DOWN:
        view_index_move(v, 1);
        return true;
    case LEDE_CMD_LINE_UP:
        view_index_move(v, -1);
        return true;
    case LEDE_CMD_PAGE_DOWN:
        view_index_move(v, view_page(v, false));
        return true;
    case LEDE_CMD_PAGE_UP:
        view_index_move(v, -view_page(v, false));
        return true;
    case LEDE_CMD_HALF_DOWN:
        view_index_move(v, view_page(v, true));
        return true;
    case LEDE_CMD_HALF_UP:
        view_index_move(v, -view_page(v, true));
        return true;
    case LEDE_CMD_TOP:
        view_index_move(v, -big);
        return true;
    case LEDE_CMD_BOTTOM:
        view_index_move(v, big);
        return true;
    default:
        return false;
    }
}
