/* view_index.c - the entity index pane: its rows (People, Places, Organizations, Groups;
 * by mention count, then name), its cursor and its scrolling. Building it costs
 * O(e log e) for e entities; every cursor move O(rows moved). */
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
        (lede_index_row){LEDE_INDEX_HEADER, type, LEDE_NONE, section_title(type), NULL, n};
    for (size_t i = 0; i < n; i++)
        v->irows[v->n_rows++] = (lede_index_row){
            LEDE_INDEX_ENTRY, type, tmp[i]->id, tmp[i]->name, tmp[i]->role, tmp[i]->n_mentions};
}

lede_status view_index_build(lede_view *v)
{
    v->n_rows = 0;
    v->cursor = VIEW_NO_INDEX;
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
    v->cursor = v->n_rows > 1 ? 1 : VIEW_NO_INDEX;
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
        if (v->irows[r].kind == LEDE_INDEX_ENTRY)
            return v->irows[r].entity;
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

