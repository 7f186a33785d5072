/* view_status.c - the status line. What matters comes first and is cut last: what the
 * reader is on ("mention 3/12 — Michael Howard", "quote 2/5 — Ken Clarke, former
 * chancellor", "match 4/9") and the message; then the article's name, shortened from
 * the left ("…/politics/013.txt 2/3"); the position ("42%") always on the right. Every
 * cut ends (or, for the name, starts) with "…". Costs O(width + length of the parts). */
#include <stdio.h>
#include <string.h>
#include "view_fit.h"
#include "view_priv.h"

#define DASH " \u2014 "

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

/* "Name, role" of a quote's speaker, or "unattributed". */
static void speaker_text(const lede_view *v, uint32_t speaker, char *buf, size_t size)
{
    const lede_entity *e = view_entity(v, speaker);
    if (!e)
        snprintf(buf, size, "unattributed");
    else
        snprintf(buf, size, "%s%s%s", e->name, e->role ? ", " : "", e->role ? e->role : "");
}

/* What the reader is on, count first. */
static void info_text(const lede_view *v, char *buf, size_t size)
{
    buf[0] = '\0';
    if (v->current != LEDE_NONE) {
        const lede_mention *m = &v->model->mentions[v->current];
        const lede_entity *e = view_entity(v, m->entity);
        if (e)
            snprintf(buf, size, "mention %u/%zu" DASH "%s", m->k + 1, e->n_mentions, e->name);
    } else if (v->cur_match != VIEW_NO_INDEX) {
        snprintf(buf, size, "match %zu/%zu%s", v->cur_match + 1, v->n_matches,
                 v->matches_capped ? "+" : "");
    } else if (v->cur_quote != VIEW_NO_INDEX && v->model) {
        const lede_quote *q = &v->model->quotes[v->cur_quote];
        const lede_entity *who = view_entity(v, v->quote_who);
        uint32_t of = who && q->speaker == who->id ? who->id : LEDE_NONE;
        size_t n = of != LEDE_NONE ? who->n_quotes : v->model->n_quotes;
        char speaker[200];
        speaker_text(v, q->speaker, speaker, sizeof speaker);
        snprintf(buf, size, "quote %zu/%zu" DASH "%s", lede_model_quote_k(v->model, of, q) + 1, n,
                 speaker);
    }
}

/* The article's name and tag ("…/politics/013.txt 2/3"). */
static void name_text(const lede_view *v, char *buf, size_t size)
{
    const char *tag = v->tag ? v->tag : "";
    char progress[64] = "";
    /* While the index of all articles fills in, how far it is. */
    if (v->corpus && v->corpus->n > 1 && !lede_corpus_done(v->corpus))
        snprintf(progress, sizeof progress, " \u00b7 index: %zu/%zu articles", v->corpus->added,
                 v->corpus->n);
    snprintf(buf, size, "%s%s%s%s", v->name ? v->name : "", tag[0] ? " " : "", tag, progress);
}

size_t lede_view_status_line(lede_view *view, char *buf, size_t size, int width)
{
    char left[768], info[320], name[512], pos[16] = "";
    if (size == 0)
        return 0;
    buf[0] = '\0';
    if (width <= 0)
        return 0;
    info_text(view, info, sizeof info);
    if (view->text) {
        view_fill_lines(view);
        position_text(view, pos, sizeof pos);
    }
    snprintf(left, sizeof left, "%s%s%s", info, info[0] && view->message[0] ? DASH : "",
             view->message);
    name_text(view, name, sizeof name);
    int pos_cols = view_fit_cols_of(pos);
    int room = width - pos_cols - (pos_cols ? 1 : 0); /* columns left of the position */
    if (room < 1)
        room = width;
    view_fit line;
    view_fit_init(&line, buf, size, width);
    if (left[0])
        view_fit_cut(&line, left, room);
    /* The name takes what is left after a gap of two columns, shortened from the left. */
    int gap = left[0] ? 2 : 0;
    if (name[0] && room - line.cols - gap >= 2) {
        while (gap-- > 0)
            view_fit_cp(&line, ' ');
        view_fit_cut_left(&line, name, room);
    }
    while (line.cols < width - pos_cols && view_fit_cp(&line, ' '))
        ;
    view_fit_str(&line, pos, width);
    return line.len;
}
