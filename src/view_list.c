/* view_list.c - the quotes list: who said what, as a list in the article's place. It
 * lists the quotes of one person or every quote of the story with its speaker; j/k move,
 * Enter goes to the quote, Esc or q closes. Opening costs O(quotes listed); drawing a
 * row O(its width). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/grow.h"
#include "view_fit.h"
#include "view_priv.h"

void view_list_free(lede_view *v)
{
    free(v->list);
    v->list = NULL;
    v->n_list = v->cap_list = 0;
    v->list_open = false;
}

static lede_status push_row(lede_view *v, view_list_row row)
{
    if (LEDE_GROW(v->list, v->cap_list, v->n_list + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    v->list[v->n_list++] = row;
    return LEDE_OK;
}

/* Appends the quotes of speaker (all quotes for LEDE_NONE) of article's model m. */
static lede_status add_quotes(lede_view *v, size_t article, const lede_model *m, uint32_t speaker,
                              size_t *n)
{
    const lede_entity *e = speaker < m->n_entities ? &m->entities[speaker] : NULL;
    size_t count = e ? e->n_quotes : m->n_quotes;
    for (size_t i = 0; i < count; i++) {
        uint32_t q = e ? e->quotes[i] : (uint32_t)i;
        if (push_row(v, (view_list_row){article, q, m->quotes[q].speaker}) != LEDE_OK)
            return LEDE_ERR_NOMEM;
    }
    *n += count;
    return LEDE_OK;
}

/* The last two parts of a path ("politics/013.txt"): enough to tell stories apart. */
static const char *short_path(const char *path)
{
    const char *last = strrchr(path, '/');
    if (!last)
        return path;
    const char *s = last;
    while (s > path && s[-1] != '/')
        s--;
    return s;
}

const char *view_list_source(const lede_view *v, size_t article, const lede_text **text,
                             const lede_model **model)
{
    if (!v->corpus || article >= v->corpus->n) {
        *text = v->text;
        *model = v->model;
        return "";
    }
    const lede_article *a = &v->corpus->articles[article];
    bool here = article == v->article_no;
    *text = here ? v->text : &a->text;
    *model = here ? v->model : &a->model;
    /* A list over several articles names each row's; one of this article needs none. */
    return v->list_articles ? short_path(a->path) : "";
}

/* The person the quotes list is for: the index entry under the cursor when the index
 * has the focus, else the selected entity, else the speaker of the current quote (w
 * after } lists the quotes of the one the status line names). */
static const lede_entity *list_person(const lede_view *v)
{
    uint32_t id = v->focus == LEDE_FOCUS_INDEX && v->cursor != VIEW_NO_INDEX
                      ? view_index_local(v, v->cursor)
                      : v->selected;
    const lede_entity *e = view_entity(v, id);
    if ((!e || e->type != LEDE_PERSON) && v->focus == LEDE_FOCUS_ARTICLE &&
        v->cur_quote != VIEW_NO_INDEX && v->model)
        return view_entity(v, v->model->quotes[v->cur_quote].speaker);
    return e;
}

/* The corpus entry of the person the list is for: the index row of all articles under
 * the cursor, else the entry of the local person e; NULL without a corpus. */
static const lede_corpus_entry *list_entry(const lede_view *v, const lede_entity *e)
{
    if (!v->corpus)
        return NULL;
    uint32_t id = LEDE_NONE;
    if (v->all_index && v->focus == LEDE_FOCUS_INDEX && v->cursor < v->n_rows)
        id = v->irows[v->cursor].entity;
    else if (e)
        id = lede_corpus_entry_of(v->corpus, v->article_no, e->id);
    const lede_corpus_entry *en = id != LEDE_NONE ? lede_corpus_get(v->corpus, id) : NULL;
    return en && en->type == LEDE_PERSON ? en : NULL;
}

void view_list_open(lede_view *v, bool all)
{
    const lede_entity *e = all ? NULL : list_person(v);
    const lede_corpus_entry *en = all ? NULL : list_entry(v, e);
    if (en && en->n_hits < 2 && e)
        en = NULL; /* this article's alone: no article names needed */
    if (!all && !en && (!e || e->type != LEDE_PERSON)) {
        view_message(v, "select a person first (Tab, then j/k)");
        return;
    }
    const char *name = en ? en->name : e ? e->name : NULL;
    size_t have = en ? en->quotes : e ? e->n_quotes : v->model ? v->model->n_quotes : 0;
    if (have == 0) {
        view_message(v, name ? "no quotes of %s" : "no quotes", name);
        return;
    }
    v->n_list = v->list_cursor = v->list_top = 0;
    v->list_who = e ? e->id : LEDE_NONE;
    v->list_articles = en != NULL;
    size_t n = 0;
    lede_status st = LEDE_OK;
    /* Every article's quotes of this person, in article order. */
    for (size_t h = 0; en && h < en->n_hits && st == LEDE_OK; h++) {
        const lede_model *m = &v->corpus->articles[en->hits[h].article].model;
        st = add_quotes(v, en->hits[h].article, m, en->hits[h].entity, &n);
    }
    if (!en)
        st = add_quotes(v, v->article_no, v->model, e ? e->id : LEDE_NONE, &n);
    if (st != LEDE_OK) {
        view_fail(v, st);
        return;
    }
    if (name)
        snprintf(v->list_title, sizeof v->list_title, "Quotes of %s (%zu%s)", name, n,
                 en ? ", all articles" : "");
    else
        snprintf(v->list_title, sizeof v->list_title, "All quotes (%zu)", n);
    v->list_open = true;
    v->focus = LEDE_FOCUS_ARTICLE;
}

/* Rows of the list below its title line. */
static size_t list_height(const lede_view *v)
{
    long h = view_pane_height(v) - 1;
    return h > 0 ? (size_t)h : 1;
}

static void list_move(lede_view *v, long delta)
{
    if (v->n_list == 0)
        return;
    long c = (long)v->list_cursor + delta;
    if (c < 0)
        c = 0;
    if (c >= (long)v->n_list)
        c = (long)v->n_list - 1;
    v->list_cursor = (size_t)c;
    size_t h = list_height(v);
    if (v->list_cursor < v->list_top)
        v->list_top = v->list_cursor;
    if (v->list_cursor >= v->list_top + h)
        v->list_top = v->list_cursor - h + 1;
}

lede_action view_list_key(lede_view *v, lede_cmd cmd)
{
    long page = view_page(v, false), big = (long)v->n_list;
    switch (cmd) {
    case LEDE_CMD_LINE_DOWN:
        list_move(v, 1);
        break;
    case LEDE_CMD_LINE_UP:
        list_move(v, -1);
        break;
    case LEDE_CMD_PAGE_DOWN:
    case LEDE_CMD_HALF_DOWN:
        list_move(v, page);
        break;
    case LEDE_CMD_PAGE_UP:
    case LEDE_CMD_HALF_UP:
        list_move(v, -page);
        break;
    case LEDE_CMD_TOP:
        list_move(v, -big);
        break;
    case LEDE_CMD_BOTTOM:
        list_move(v, big);
        break;
    case LEDE_CMD_ACTIVATE: {
        if (v->list_cursor >= v->n_list)
            break;
        const view_list_row *row = &v->list[v->list_cursor];
        v->list_open = false;
        if (row->article != v->article_no)
            return view_goto_article(v, row->article, LEDE_TARGET_QUOTE, row->quote);
        view_go_quote(v, row->quote);
        if (v->list_who != LEDE_NONE && v->model->quotes[row->quote].speaker == v->list_who) {
            /* From a person's list, } and { go on through that person's quotes. */
            view_select_entity(v, v->list_who);
            v->quote_who = v->list_who;
        }
        break;
    }
    case LEDE_CMD_QUIT:
    case LEDE_CMD_CLEAR:
    case LEDE_CMD_QUOTES_OF:
    case LEDE_CMD_ALL_QUOTES:
        v->list_open = false;
        break;
    default:
        break;
    }
    return LEDE_ACT_NONE;
}

/* --- drawing ----------------------------------------------------------------------- */

bool lede_view_list_shown(const lede_view *view)
{
    return view->list_open;
}

const char *lede_view_list_title(const lede_view *view)
{
    return view->list_title;
}

size_t lede_view_list_count(const lede_view *view)
{
    return view->n_list;
}

size_t lede_view_list_cursor(const lede_view *view)
{
    return view->list_cursor;
}

size_t lede_view_list_top(const lede_view *view)
{
    return view->list_top;
}

size_t lede_view_list_row(lede_view *view, size_t i, char *buf, size_t size, int width)
{
    if (size == 0)
        return 0;
    buf[0] = '\0';
    if (i >= view->n_list)
        return 0;
    const view_list_row *row = &view->list[i];
    const lede_text *text;
    const lede_model *model;
    const char *where = view_list_source(view, row->article, &text, &model);
    if (!text || !model || row->quote >= model->n_quotes)
        return 0;
    const lede_quote *q = &model->quotes[row->quote];
    const lede_entity *e = row->speaker < model->n_entities ? &model->entities[row->speaker] : NULL;
    char who[200];
    snprintf(who, sizeof who, "%s%s%s:", where, where[0] ? " " : "", e ? e->name : "unattributed");
    view_fit line;
    view_fit_init(&line, buf, size, width);
    if (view_fit_flat(&line, who, strlen(who)) && view_fit_cp(&line, ' '))
        view_fit_flat(&line, text->bytes + q->span.start, q->span.end - q->span.start);
    return line.len;
}
