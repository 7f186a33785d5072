/* layout.c - lazy wrapping of paragraphs into screen lines, and styled runs. */
#include "lede/layout.h"
#include "lede/termsafe.h"

#include <limits.h>
#include <stdlib.h>
#include "lede/grow.h"
#include "lede/utf8.h"

typedef enum { CH_TEXT, CH_SPACE, CH_BAD } ch_class;

typedef struct {
    size_t len;
    int cols;
    ch_class cls;
    bool wide;
} ch_info;

typedef struct {
    size_t start, end;
    int cols;
} wline;

typedef struct {
    wline *lines; /* NULL until the paragraph is wrapped */
    size_t n;
} pwrap;

struct lede_layout {
    const lede_text *text;
    int width;
    pwrap *paras;
    size_t wraps;
};

/* Classifies the character at b[i] (i < end) the way the screen shows it. */
static inline ch_info ch_at(const char *b, size_t i, size_t end)
{
    unsigned char c = (unsigned char)b[i];
    /* Printable ASCII, most of any text. The marks after it (never ASCII) come back as
     * clusters of zero columns, which no line break goes before (scan_token, fill_chars):
     * so a letter and its marks stay together, and the columns add up to what
     * lede_utf8_cluster() counts, without costing ASCII a look at the next byte (that
     * cost plain prose 8% more instructions, callgrind). */
    if (c > ' ' && c < 0x7f)
        return (ch_info){1, 1, CH_TEXT, false};
    ch_info ch = {1, 1, CH_SPACE, false};
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v')
        return ch;
    if (c == '\r') {
        /* "\r\n" is one line end: the '\n' takes the column. */
        if (i + 1 < end && b[i + 1] == '\n')
            ch.cols = 0;
        return ch;
    }
    uint32_t cp = lede_utf8_decode(b + i, end - i, &ch.len);
    if ((cp == LEDE_UTF8_REPLACEMENT && ch.len == 1) || lede_termsafe_hostile(cp)) {
        ch.cls = CH_BAD;
        return ch;
    }
    ch.cls = CH_TEXT;
    /* A grapheme cluster (an emoji ZWJ sequence, a flag) is one character on screen. */
    ch.len = lede_utf8_cluster(b + i, end - i, &ch.cols);
    ch.wide = ch.cols == 2;
    return ch;
}

int lede_text_cols(const char *bytes, size_t start, size_t end)
{
    int cols = 0;
    for (size_t i = start; i < end;) {
        ch_info ch = ch_at(bytes, i, end);
        cols += ch.cols;
        i += ch.len;
    }
    return cols;
}

/* Scans the white space at i; returns where it ends and adds its columns to *cols.
 * Zero-width marks after white space (after_space: the gap began before i) go with it:
 * at a break they would otherwise make a line of their own, zero columns wide. Stops
 * early, once *cols is past limit: the caller then knows it cannot fit. */
static size_t scan_gap(const char *b, size_t i, size_t end, int limit, int *cols, bool after_space)
{
    while (i < end && *cols <= limit) {
        ch_info ch = ch_at(b, i, end);
        if (ch.cls != CH_SPACE && !(after_space && ch.cls == CH_TEXT && ch.cols == 0))
            break;
        after_space = true;
        *cols += ch.cols;
        i += ch.len;
    }
    return i;
}

/* Scans the word at i (i < end, not white space): one wide character, or a run of
 * narrow ones, with the zero-width marks that follow. Returns its end; *cols its width.
 * Stops early before a character that takes columns once *cols is past limit, so a
 * word longer than the line costs only what the line holds, not the rest of the word. */
static size_t scan_token(const char *b, size_t i, size_t end, int limit, int *cols)
{
    ch_info first = ch_at(b, i, end);
    *cols = first.cols;
    i += first.len;
    while (i < end) {
        ch_info ch = ch_at(b, i, end);
        if (ch.cls == CH_SPACE || (first.wide ? ch.cols != 0 : ch.wide))
            break;
        if (ch.cols != 0 && *cols > limit)
            break;
        *cols += ch.cols;
        i += ch.len;
    }
    return i;
}

/* Places as many characters from i as fit in width - used columns (at least one, with
 * its combining marks). Returns where the line ends; adds to *used. */
static size_t fill_chars(const char *b, size_t i, size_t end, int width, int *used)
{
    bool placed = false;
    while (i < end) {
        ch_info ch = ch_at(b, i, end);
        if (placed && *used + ch.cols > width)
            break;
        *used += ch.cols;
        i += ch.len;
        placed = true;
    }
    return i;
}

size_t lede_wrap_line(const char *bytes, size_t start, size_t end, int width, size_t *line_end,
                      int *cols)
{
    if (width < 1)
        width = 1;
    size_t pos = start;
    int used = 0;
    while (pos < end) {
        int gcols = 0, tcols = 0;
        size_t g = scan_gap(bytes, pos, end, width - used, &gcols, false);
        if (g == end)
            break;
        /* White space past the width was cut short: no word after it can fit. */
        size_t t = g;
        if (used + gcols <= width)
            t = scan_token(bytes, g, end, width - used - gcols, &tcols);
        if (used + gcols + tcols <= width) {
            used += gcols + tcols;
            pos = t;
            continue;
        }
        if (pos > start) {
            /* Break before the word; its white space belongs to no line. */
            *line_end = pos;
            *cols = used;
            return scan_gap(bytes, g, end, INT_MAX, &gcols, g > pos);
        }
        /* A word (or white space) too long for a whole line: break it between
         * characters. The scans stopped past the width, so this stops before t. The
         * next line starts after any white space here, as after a break before a word. */
        pos = fill_chars(bytes, pos, t, width, &used);
        *line_end = pos;
        *cols = used;
        return scan_gap(bytes, pos, end, INT_MAX, &gcols, false);
    }
    *line_end = pos;
    *cols = used;
    return end;
}

lede_status lede_layout_new(const lede_text *text, int width, lede_layout **out)
{
    *out = NULL;
    lede_layout *l = calloc(1, sizeof *l);
    if (!l)
        return LEDE_ERR_NOMEM;
    l->text = text;
    l->width = width < 1 ? 1 : width;
    if (text->n_paras > 0) {
        l->paras = calloc(text->n_paras, sizeof *l->paras);
        if (!l->paras) {
            free(l);
            return LEDE_ERR_NOMEM;
        }
    }
    *out = l;
    return LEDE_OK;
}

static void forget_wraps(lede_layout *l)
{
    for (size_t p = 0; p < l->text->n_paras; p++) {
        free(l->paras[p].lines);
        l->paras[p].lines = NULL;
        l->paras[p].n = 0;
    }
}

void lede_layout_free(lede_layout *layout)
{
    if (!layout)
        return;
    forget_wraps(layout);
    free(layout->paras);
    free(layout);
}

void lede_layout_set_width(lede_layout *layout, int width)
{
    if (width < 1)
        width = 1;
    if (width == layout->width)
        return;
    forget_wraps(layout);
    layout->width = width;
}

int lede_layout_width(const lede_layout *layout)
{
    return layout->width;
}

bool lede_layout_empty(const lede_layout *layout)
{
    return layout->text->n_paras == 0;
}

size_t lede_layout_wrap_count(const lede_layout *layout)
{
    return layout->wraps;
}

/* Wraps paragraph p unless it already is. */
static lede_status wrap_para(lede_layout *l, size_t p)
{
    pwrap *pw = &l->paras[p];
    if (pw->lines)
        return LEDE_OK;
    const lede_span span = l->text->paras[p].span;
    size_t cap = 0, n = 0;
    wline *lines = NULL;
    size_t pos = span.start;
    do {
        if (LEDE_GROW(lines, cap, n + 1) != LEDE_OK) {
            free(lines);
            return LEDE_ERR_NOMEM;
        }
        wline *w = &lines[n++];
        w->start = pos;
        pos = lede_wrap_line(l->text->bytes, pos, span.end, l->width, &w->end, &w->cols);
    } while (pos < span.end);
    pw->lines = lines;
    pw->n = n;
    l->wraps++;
    return LEDE_OK;
}

/* Lines of paragraph p's block (which must be wrapped): its text and the separator. */
static size_t block_lines(const lede_layout *l, size_t p)
{
    return l->paras[p].n + (p + 1 < l->text->n_paras ? 1 : 0);
}

lede_status lede_layout_get(lede_layout *layout, lede_pos pos, lede_line *line)
{
    lede_status st = wrap_para(layout, pos.para);
    if (st != LEDE_OK)
        return st;
    const pwrap *pw = &layout->paras[pos.para];
    line->para = pos.para;
    if (pos.line < pw->n) {
        const wline *w = &pw->lines[pos.line];
        line->span.start = w->start;
        line->span.end = w->end;
        line->cols = w->cols;
        line->kind = LEDE_LINE_TEXT;
    } else {
        size_t end = layout->text->paras[pos.para].span.end;
        line->span.start = line->span.end = end;
        line->cols = 0;
        line->kind = LEDE_LINE_BLANK;
    }
    return LEDE_OK;
}

static lede_status move_down(lede_layout *l, lede_pos *pos, long delta, long *moved)
{
    while (delta > 0) {
        lede_status st = wrap_para(l, pos->para);
        if (st != LEDE_OK)
            return st;
        size_t rest = block_lines(l, pos->para) - 1 - pos->line;
        if ((size_t)delta <= rest) {
            pos->line += (size_t)delta;
            *moved += delta;
            return LEDE_OK;
        }
        if (pos->para + 1 >= l->text->n_paras) {
            pos->line += rest;
            *moved += (long)rest;
            return LEDE_OK;
        }
        delta -= (long)rest + 1;
        *moved += (long)rest + 1;
        pos->para++;
        pos->line = 0;
    }
    return LEDE_OK;
}

static lede_status move_up(lede_layout *l, lede_pos *pos, long delta, long *moved)
{
    while (delta > 0) {
        if ((size_t)delta <= pos->line) {
            pos->line -= (size_t)delta;
            *moved += delta;
            return LEDE_OK;
        }
        if (pos->para == 0) {
            *moved += (long)pos->line;
            pos->line = 0;
            return LEDE_OK;
        }
        delta -= (long)pos->line + 1;
        *moved += (long)pos->line + 1;
        pos->para--;
        lede_status st = wrap_para(l, pos->para);
        if (st != LEDE_OK)
            return st;
        pos->line = block_lines(l, pos->para) - 1;
    }
    return LEDE_OK;
}

lede_status lede_layout_move(lede_layout *layout, lede_pos *pos, long delta, long *moved)
{
    long dummy = 0;
    if (!moved)
        moved = &dummy;
    *moved = 0;
    if (layout->text->n_paras == 0)
        return LEDE_OK;
    if (delta >= 0)
        return move_down(layout, pos, delta, moved);
    return move_up(layout, pos, -delta, moved);
}

lede_status lede_layout_last(lede_layout *layout, lede_pos *pos)
{
    pos->para = pos->line = 0;
    if (layout->text->n_paras == 0)
        return LEDE_OK;
    pos->para = layout->text->n_paras - 1;
    lede_status st = wrap_para(layout, pos->para);
    if (st != LEDE_OK)
        return st;
    pos->line = block_lines(layout, pos->para) - 1;
    return LEDE_OK;
}

lede_status lede_layout_find(lede_layout *layout, size_t offset, lede_pos *pos)
{
    pos->para = pos->line = 0;
    if (layout->text->n_paras == 0)
        return LEDE_OK;
    size_t p = lede_text_para_at(layout->text, offset);
    if (p >= layout->text->n_paras)
        return lede_layout_last(layout, pos);
    lede_status st = wrap_para(layout, p);
    if (st != LEDE_OK)
        return st;
    const pwrap *pw = &layout->paras[p];
    /* The last line starting at or before offset. */
    size_t lo = 0, hi = pw->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (pw->lines[mid].start <= offset)
            lo = mid;
        else
            hi = mid;
    }
    pos->para = p;
    pos->line = lo;
    return LEDE_OK;
}

int lede_pos_cmp(lede_pos a, lede_pos b)
{
    if (a.para != b.para)
        return a.para < b.para ? -1 : 1;
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    return 0;
}

/* --- runs ---------------------------------------------------------------------------- */

unsigned lede_run_type_flag(lede_entity_type type)
{
    switch (type) {
    case LEDE_PERSON:
        return LEDE_RUN_PERSON;
    case LEDE_PLACE:
        return LEDE_RUN_PLACE;
    case LEDE_ORGANIZATION:
        return LEDE_RUN_ORGANIZATION;
    case LEDE_GROUP:
        return LEDE_RUN_GROUP;
    case LEDE_ENTITY_TYPES:
        break;
    }
    return 0;
}

/* Index of the first match whose end is after offset. */
static size_t first_match_from(const lede_span *m, size_t n, size_t offset)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static unsigned mention_flags(lede_span_walk *w, size_t i)
{
    const lede_model *m = w->ctx->model;
    while (w->mi < m->n_mentions && m->mentions[w->mi].span.end <= i)
        w->mi++;
    if (w->mi == m->n_mentions || m->mentions[w->mi].span.start > i)
        return 0;
    const lede_mention *men = &m->mentions[w->mi];
    unsigned flags = 0;
    if (w->ctx->entities && men->entity < m->n_entities)
        flags |= lede_run_type_flag(m->entities[men->entity].type);
    if (w->ctx->selected != LEDE_NONE && men->entity == w->ctx->selected)
        flags |= LEDE_RUN_SELECTED;
    return flags;
}

void lede_span_walk_init(lede_span_walk *w, const lede_style_ctx *ctx, size_t from)
{
    w->ctx = ctx;
    w->mi = ctx->model ? lede_model_first_mention_from(ctx->model, from) : 0;
    w->qi = ctx->model ? lede_model_first_quote_from(ctx->model, from) : 0;
    w->si = first_match_from(ctx->matches, ctx->n_matches, from);
}

unsigned lede_span_walk_flags(lede_span_walk *w, size_t i)
{
    const lede_style_ctx *ctx = w->ctx;
    unsigned flags = 0;
    if (ctx->model) {
        const lede_model *m = ctx->model;
        flags |= mention_flags(w, i);
        while (w->qi < m->n_quotes && m->quotes[w->qi].span.end <= i)
            w->qi++;
        if (ctx->quotes && w->qi < m->n_quotes && m->quotes[w->qi].span.start <= i)
            flags |= LEDE_RUN_QUOTE;
    }
    while (w->si < ctx->n_matches && ctx->matches[w->si].end <= i)
        w->si++;
    if (w->si < ctx->n_matches && ctx->matches[w->si].start <= i)
        flags |= LEDE_RUN_SEARCH;
    if (ctx->current.start <= i && i < ctx->current.end)
        flags |= LEDE_RUN_CURRENT;
    return flags;
}

/* Where span covers offsets after i next changes: its start, or its end, or never. */
static size_t edge_after(lede_span span, size_t i)
{
    return span.start > i ? span.start : span.end > i ? span.end : SIZE_MAX;
}

/* The first offset after i (at most end) where lede_span_walk_flags() may change, given that it
 * was just called at i: each walk index then points at the first span ending after i,
 * and the spans of a kind never overlap. */
static size_t next_edge(const lede_span_walk *w, size_t i, size_t end)
{
    const lede_style_ctx *ctx = w->ctx;
    size_t e = end, x;
    if (ctx->model) {
        const lede_model *m = ctx->model;
        if (w->mi < m->n_mentions && (x = edge_after(m->mentions[w->mi].span, i)) < e)
            e = x;
        if (w->qi < m->n_quotes && (x = edge_after(m->quotes[w->qi].span, i)) < e)
            e = x;
    }
    if (w->si < ctx->n_matches && (x = edge_after(ctx->matches[w->si], i)) < e)
        e = x;
    if ((x = edge_after(ctx->current, i)) < e)
        e = x;
    return e;
}

size_t lede_layout_runs(const lede_style_ctx *ctx, const lede_line *line, lede_run *runs,
                        size_t cap)
{
    if (line->kind != LEDE_LINE_TEXT || line->span.start >= line->span.end)
        return 0;
    const lede_text *text = ctx->text;
    unsigned base = 0;
    if (line->para < text->n_paras)
        base = lede_para_flag(text->paras[line->para].kind);
    lede_span_walk w;
    lede_span_walk_init(&w, ctx, line->span.start);

    size_t n = 0;
    lede_run cur = {0, 0, 0, 0};
    for (size_t i = line->span.start; i < line->span.end;) {
        /* The spans' flags hold until the next edge; only blanks and bad bytes vary. */
        unsigned span = base | lede_span_walk_flags(&w, i);
        size_t edge = next_edge(&w, i, line->span.end);
        while (i < edge) {
            ch_info ch = ch_at(text->bytes, i, line->span.end);
            unsigned flags = span;
            /* A plain space draws as itself; tabs and line ends do not. */
            if (ch.cls == CH_SPACE && text->bytes[i] != ' ')
                flags |= LEDE_RUN_BLANK;
            else if (ch.cls == CH_BAD)
                flags |= LEDE_RUN_INVALID;
            if (i > line->span.start && flags == cur.flags) {
                cur.end = i + ch.len;
                cur.cols += ch.cols;
            } else {
                if (i > line->span.start && n++ < cap)
                    runs[n - 1] = cur;
                cur.start = i;
                cur.end = i + ch.len;
                cur.cols = ch.cols;
                cur.flags = flags;
            }
            i += ch.len;
        }
    }
    if (n++ < cap)
        runs[n - 1] = cur;
    return n;
}

unsigned lede_para_flag(lede_para_kind kind)
{
    return kind == LEDE_PARA_BODY ? 0 : kind == LEDE_PARA_BYLINE ? LEDE_RUN_BYLINE : LEDE_RUN_HEADLINE;
}

lede_style lede_run_style(const lede_theme *theme, unsigned flags)
{
    /* Strongest first; TEXT always applies. */
    static const struct {
        unsigned flag;
        lede_element el;
    } order[] = {
        {LEDE_RUN_CURRENT, LEDE_EL_CURRENT},   {LEDE_RUN_SEARCH, LEDE_EL_SEARCH},
        {LEDE_RUN_SELECTED, LEDE_EL_SELECTED}, {LEDE_RUN_PERSON, LEDE_EL_PERSON},
        {LEDE_RUN_PLACE, LEDE_EL_PLACE},       {LEDE_RUN_ORGANIZATION, LEDE_EL_ORGANIZATION},
        {LEDE_RUN_GROUP, LEDE_EL_GROUP},       {LEDE_RUN_QUOTE, LEDE_EL_QUOTE},
        {LEDE_RUN_HEADLINE, LEDE_EL_HEADLINE}, {LEDE_RUN_BYLINE, LEDE_EL_BYLINE},
        {0, LEDE_EL_TEXT},
    };
    lede_style st = {LEDE_COLOR_DEFAULT, LEDE_COLOR_DEFAULT, 0};
    bool fg_set = false, bg_set = false;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        if (order[i].flag && !(flags & order[i].flag))
            continue;
        const lede_style *s = &theme->styles[order[i].el];
        if (!fg_set && s->fg != LEDE_COLOR_DEFAULT) {
            st.fg = s->fg;
            fg_set = true;
        }
        if (!bg_set && s->bg != LEDE_COLOR_DEFAULT) {
            st.bg = s->bg;
            bg_set = true;
        }
        st.attrs |= s->attrs;
    }
    /* The current search match: reverse would turn the match's black on yellow into
     * yellow on black, a person's look; it keeps the match's colours, underlined. */
    if ((flags & LEDE_RUN_CURRENT) && (flags & LEDE_RUN_SEARCH) &&
        (theme->styles[LEDE_EL_SEARCH].fg != LEDE_COLOR_DEFAULT ||
         theme->styles[LEDE_EL_SEARCH].bg != LEDE_COLOR_DEFAULT))
        st.attrs = (st.attrs & ~(unsigned)LEDE_ATTR_REVERSE) | LEDE_ATTR_UNDERLINE | LEDE_ATTR_BOLD;
    return st;
}

size_t lede_line_offset_at(const char *bytes, const lede_line *line, int col)
{
    if (line->kind != LEDE_LINE_TEXT || col < 0)
        return SIZE_MAX;
    int at = 0;
    for (size_t i = line->span.start; i < line->span.end;) {
        ch_info ch = ch_at(bytes, i, line->span.end);
        if (col < at + ch.cols)
            return i;
        at += ch.cols;
        i += ch.len;
    }
    return SIZE_MAX;
}
