/* view_jump.c - the current mention or quote: ]/[ and }/{ step through the model's
 * sorted spans with its own O(log n) queries; a click makes a mention current. */
#include "view_priv.h"

size_t view_step_origin(lede_view *v, size_t cur_start, bool *inclusive)
{
    *inclusive = !(cur_start != SIZE_MAX && view_offset_visible(v, cur_start));
    return *inclusive ? v->anchor : cur_start;
}

/* The offset to hand the model's next query ("starts after") for a step from origin:
 * with inclusive, an item at origin itself counts (SIZE_MAX wraps to the first). */
static size_t after(size_t origin, bool inclusive)
{
    if (!inclusive)
        return origin;
    return origin > 0 ? origin - 1 : SIZE_MAX;
}

/* Whether a step in dir from origin that landed on start went round the end. */
static bool went_round(size_t start, size_t origin, bool inclusive, int dir)
{
    if (dir > 0)
        return start < origin || (!inclusive && start == origin);
    return start >= origin;
}

void view_select_entity(lede_view *v, uint32_t id)
{
    v->selected = id;
    view_index_to_entity(v, id);
}

void view_go_mention(lede_view *v, uint32_t m, bool wrapped)
{
    v->current = m;
    v->cur_quote = VIEW_NO_INDEX;
    v->cur_match = VIEW_NO_INDEX;
    v->selected = v->model->mentions[m].entity;
    view_index_to_entity(v, v->selected);
    view_reveal(v, v->model->mentions[m].span.start);
    if (wrapped)
        view_message(v, "wrapped");
}

lede_action view_goto_article(lede_view *v, size_t article, lede_target_kind kind, uint32_t item)
{
    v->target = (lede_view_target){article, kind, item};
    return LEDE_ACT_GOTO;
}

/* ]/[ past the last (first) mention of an entity go on into the next (previous)
 * article of the session that mentions it, once the corpus has it. */
static lede_action cross(lede_view *v, uint32_t entry, int dir)
{
    const lede_corpus_hit *h = v->corpus && entry != LEDE_NONE
                                   ? lede_corpus_step_hit(v->corpus, entry, v->article_no, dir)
                                   : NULL;
    if (!h)
        return LEDE_ACT_NONE;
    return view_goto_article(
        v, h->article, dir > 0 ? LEDE_TARGET_FIRST_MENTION : LEDE_TARGET_LAST_MENTION, h->entity);
}

static uint32_t entry_of(const lede_view *v, uint32_t id)
{
    return v->corpus ? lede_corpus_entry_of(v->corpus, v->article_no, id) : LEDE_NONE;
}

lede_action view_step_mention(lede_view *v, int dir)
{
    if (v->focus == LEDE_FOCUS_INDEX && v->cursor != VIEW_NO_INDEX) {
        uint32_t local = view_index_local(v, v->cursor);
        if (local == LEDE_NONE && v->all_index) /* an entity of other articles only */
            return cross(v, v->irows[v->cursor].entity, dir);
        view_select_entity(v, local);
    } else if (!view_entity(v, v->selected)) {
        view_select_entity(v, view_index_first(v));
    }
    if (!v->model || v->model->n_mentions == 0) {
        view_message(v, "no entities");
        return LEDE_ACT_NONE;
    }
    const lede_entity *e = view_entity(v, v->selected);
    if (!e || e->n_mentions == 0) {
        view_message(v, "no mentions");
        return LEDE_ACT_NONE;
    }
    bool on = v->current != LEDE_NONE && v->model->mentions[v->current].entity == e->id;
    bool incl;
    size_t origin =
        view_step_origin(v, on ? v->model->mentions[v->current].span.start : SIZE_MAX, &incl);
    const lede_mention *m =
        dir > 0 ? lede_model_next_mention(v->model, e->id, after(origin, incl), true)
                : lede_model_prev_mention(v->model, e->id, origin, true);
    bool wrapped = went_round(m->span.start, origin, incl, dir) || (on && e->n_mentions == 1);
    if (wrapped) {
        lede_action act = cross(v, entry_of(v, e->id), dir);
        if (act != LEDE_ACT_NONE)
            return act;
    }
    if (on && e->n_mentions == 1) {
        view_message(v, "no more mentions");
        return LEDE_ACT_NONE;
    }
    view_go_mention(v, (uint32_t)(m - v->model->mentions), wrapped);
    return LEDE_ACT_NONE;
}

void lede_view_go_target(lede_view *view, const lede_view_target *t)
{
    if (!view->model)
        return;
    if (t->kind == LEDE_TARGET_QUOTE) {
        if (t->item >= view->model->n_quotes)
            return;
        /* From a person's list: } and { go on through that person's quotes here. */
        uint32_t who = view->model->quotes[t->item].speaker;
        view_go_quote(view, t->item);
        if (who != LEDE_NONE) {
            view_select_entity(view, who);
            view->quote_who = who;
        }
        return;
    }
    const lede_entity *e = view_entity(view, t->item);
    if (!e || e->n_mentions == 0)
        return;
    view_go_mention(view, e->mentions[t->kind == LEDE_TARGET_FIRST_MENTION ? 0 : e->n_mentions - 1],
                    false);
    if (view->corpus)
        view_message(view, "article %zu/%zu", view->article_no + 1, view->corpus->n);
}

void view_go_quote(lede_view *v, uint32_t q)
{
    v->cur_quote = q;
    v->quote_who = LEDE_NONE;
    v->current = LEDE_NONE;
    v->cur_match = VIEW_NO_INDEX;
    view_reveal(v, v->model->quotes[q].span.start);
}

void view_step_quote(lede_view *v, int dir)
{
    if (!v->model || v->model->n_quotes == 0) {
        view_message(v, "no quotes");
        return;
    }
    const lede_entity *e = view_entity(v, v->selected);
    if (e && e->type != LEDE_PERSON)
        e = NULL;
    if (e && e->n_quotes == 0) {
        view_message(v, "no quotes of %s", e->name);
        return;
    }
    uint32_t who = e ? e->id : LEDE_NONE;
    bool incl;
    size_t cur =
        v->cur_quote != VIEW_NO_INDEX ? v->model->quotes[v->cur_quote].span.start : SIZE_MAX;
    size_t origin = view_step_origin(v, cur, &incl);
    const lede_quote *q = dir > 0 ? lede_model_next_quote(v->model, who, after(origin, incl), true)
                                  : lede_model_prev_quote(v->model, who, origin, true);
    bool wrapped = went_round(q->span.start, origin, incl, dir);
    view_go_quote(v, (uint32_t)(q - v->model->quotes));
    v->quote_who = who;
    if (wrapped)
        view_message(v, "wrapped");
}

const lede_mention *lede_view_mention_at(lede_view *view, int row, int col)
{
    if (!view->model || row < 0)
        return NULL;
    view_fill_lines(view);
    if ((size_t)row >= view->n_lines)
        return NULL;
    size_t off = lede_line_offset_at(view->text->bytes, &view->lines[row], col);
    return off == SIZE_MAX ? NULL : lede_model_mention_at(view->model, off);
}

static const lede_quote *quote_at(lede_view *v, int row, int col)
{
    if (!v->model || row < 0)
        return NULL;
    view_fill_lines(v);
    if ((size_t)row >= v->n_lines)
        return NULL;
    size_t off = lede_line_offset_at(v->text->bytes, &v->lines[row], col);
    return off == SIZE_MAX ? NULL : lede_model_quote_at(v->model, off);
}

lede_action view_activate(lede_view *v)
{
    if (v->cursor == VIEW_NO_INDEX)
        return LEDE_ACT_NONE;
    uint32_t local = view_index_local(v, v->cursor);
    if (local == LEDE_NONE && v->all_index) {
        /* Only in other articles: the first one that has it. */
        const lede_corpus_entry *en = lede_corpus_get(v->corpus, v->irows[v->cursor].entity);
        if (!en || en->n_hits == 0)
            return LEDE_ACT_NONE;
        v->focus = LEDE_FOCUS_ARTICLE;
        return view_goto_article(v, en->hits[0].article, LEDE_TARGET_FIRST_MENTION,
                                 en->hits[0].entity);
    }
    const lede_entity *e = view_entity(v, local);
    if (!e || e->n_mentions == 0)
        return LEDE_ACT_NONE;
    v->focus = LEDE_FOCUS_ARTICLE;
    view_go_mention(v, e->mentions[0], false);
    return LEDE_ACT_NONE;
}

lede_action lede_view_click(lede_view *view, int y, int x)
{
    lede_geometry g;
    lede_view_geometry(view, &g);
    if (g.too_small || view->prompt_open || !view->text)
        return LEDE_ACT_NONE;
    view->help = false;
    view->message[0] = '\0';
    if (view->list_open) {
        /* A row of the quotes list (below its title) goes to that quote. */
        size_t row = view->list_top + (size_t)(y - g.article.y - 1);
        if (y <= g.article.y || y >= g.article.y + g.article.h || row >= view->n_list)
            return LEDE_ACT_NONE;
        view->list_cursor = row;
        return view_list_key(view, LEDE_CMD_ACTIVATE);
    }
    if (x >= g.article.x && x < g.article.x + g.article.w && y >= g.article.y &&
        y < g.article.y + g.article.h) {
        const lede_mention *m = lede_view_mention_at(view, y - g.article.y, x - g.article.x);
        if (m) {
            view_go_mention(view, (uint32_t)(m - view->model->mentions), false);
            return LEDE_ACT_NONE;
        }
        /* A click in a quote makes it current: the status says who said it. */
        const lede_quote *q = quote_at(view, y - g.article.y, x - g.article.x);
        if (q)
            view_go_quote(view, (uint32_t)(q - view->model->quotes));
        return LEDE_ACT_NONE;
    }
    if (g.index.w > 0 && x >= g.index.x && x < g.index.x + g.index.w && y >= g.index.y &&
        y < g.index.y + g.index.h) {
        uint32_t id = lede_view_index_entity_at(view, y - g.index.y);
        if (id == LEDE_NONE)
            return LEDE_ACT_NONE;
        view->cursor = view->index_top + (size_t)(y - g.index.y);
        return view_activate(view); /* an entity of other articles only: go there */
    }
    return LEDE_ACT_NONE;
}
