/* fuzz_layout.c - wrapping, styled runs and the reader's commands on arbitrary text.
 *
 * Input: byte 0 the layout width, bytes 1-2 the terminal size, byte 3 the number of
 * command bytes that follow (at most 63); the rest is the article. Checks that lines stay
 * inside their paragraph and the width, that runs tile each line exactly, that moving
 * and finding agree, and that no sequence of keys, resizes and clicks breaks the view. */
#include <string.h>
#include "fuzz.h"
#include "lede/annotate.h"
#include "lede/keys.h"
#include "lede/layout.h"
#include "lede/view.h"

#define MAX_LINES 20000

static lede_lexicon *lex;
static lede_annotator *ann;
static lede_run *runs;
static size_t runs_cap;

static void setup(void)
{
    FUZZ_CHECK(lede_lexicon_new(&lex) == LEDE_OK);
    FUZZ_CHECK(lede_annotator_new(lex, &ann) == LEDE_OK);
}

/* Splits line into runs (growing the shared array) and checks that they tile it. */
static void check_runs(const lede_style_ctx *ctx, const lede_line *line)
{
    size_t n = lede_layout_runs(ctx, line, runs, runs_cap);
    if (n > runs_cap) {
        free(runs);
        runs_cap = n;
        runs = malloc(runs_cap * sizeof *runs);
        FUZZ_CHECK(runs != NULL);
        FUZZ_CHECK(lede_layout_runs(ctx, line, runs, runs_cap) == n);
    }
    if (line->kind == LEDE_LINE_BLANK) {
        FUZZ_CHECK(n == 0);
        return;
    }
    size_t at = line->span.start;
    int cols = 0;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(runs[i].start == at && runs[i].end > runs[i].start);
        at = runs[i].end;
        cols += runs[i].cols;
    }
    FUZZ_CHECK(at == line->span.end && cols == line->cols);
}

static void check_line(const lede_text *text, const lede_line *line, int width)
{
    FUZZ_CHECK(line->para < text->n_paras);
    const lede_span para = text->paras[line->para].span;
    FUZZ_CHECK(para.start <= line->span.start && line->span.start <= line->span.end &&
               line->span.end <= para.end);
    if (line->kind == LEDE_LINE_BLANK) {
        FUZZ_CHECK(line->cols == 0 && line->span.start == line->span.end);
        return;
    }
    FUZZ_CHECK(line->span.start < line->span.end);
    /* One character wider than the width (a wide one at width 1) still makes a line; a
     * combining mark after a break makes a line of 0 columns. */
    FUZZ_CHECK(line->cols >= 0 && line->cols <= (width < 2 ? 2 : width));
    FUZZ_CHECK(line->cols == lede_text_cols(text->bytes, line->span.start, line->span.end));
    FUZZ_CHECK(lede_line_offset_at(text->bytes, line, line->cols) == SIZE_MAX);
    size_t first = lede_line_offset_at(text->bytes, line, 0);
    FUZZ_CHECK(line->cols == 0 || (first >= line->span.start && first < line->span.end));
}

/* Walks every line top to bottom, then back up to the top. */
static void walk(lede_layout *layout, const lede_text *text, const lede_style_ctx *ctx)
{
    int width = lede_layout_width(layout);
    lede_pos pos = {0, 0}, prev = pos;
    lede_line line, last = {{0, 0}, 0, LEDE_LINE_TEXT, 0};
    long lines = 0, moved = 1;
    while (moved == 1 && lines < MAX_LINES) {
        FUZZ_CHECK(lede_layout_get(layout, pos, &line) == LEDE_OK);
        check_line(text, &line, width);
        check_runs(ctx, &line);
        if (lines > 0) {
            FUZZ_CHECK(lede_pos_cmp(prev, pos) < 0);
            FUZZ_CHECK(last.para < line.para || last.span.end <= line.span.start);
        }
        prev = pos;
        last = line;
        lines++;
        FUZZ_CHECK(lede_layout_move(layout, &pos, 1, &moved) == LEDE_OK);
    }
    if (lines >= MAX_LINES)
        return;
    lede_pos end;
    FUZZ_CHECK(lede_layout_last(layout, &end) == LEDE_OK);
    FUZZ_CHECK(lede_pos_cmp(end, prev) == 0);
    FUZZ_CHECK(last.para == text->n_paras - 1 && last.kind == LEDE_LINE_TEXT);
    FUZZ_CHECK(lede_layout_move(layout, &pos, -lines - 5, &moved) == LEDE_OK);
    FUZZ_CHECK(moved == lines - 1 && pos.para == 0 && pos.line == 0);
}

static void check_find(lede_layout *layout, const lede_text *text, uint64_t *seed)
{
    for (int i = 0; i < 16; i++) {
        size_t off = (size_t)(fuzz_next(seed) % (text->len + 2));
        lede_pos pos;
        lede_line line;
        FUZZ_CHECK(lede_layout_find(layout, off, &pos) == LEDE_OK);
        FUZZ_CHECK(lede_layout_get(layout, pos, &line) == LEDE_OK);
        FUZZ_CHECK(line.kind == LEDE_LINE_TEXT);
        size_t p = lede_text_para_at(text, off);
        FUZZ_CHECK(pos.para == (p < text->n_paras ? p : text->n_paras - 1));
    }
}

static void check_wrap(const lede_text *text, int width)
{
    for (size_t i = 0; i < text->n_paras && i < 8; i++) {
        size_t at = text->paras[i].span.start, end = text->paras[i].span.end;
        while (at < end) {
            size_t line_end;
            int cols;
            size_t next = lede_wrap_line(text->bytes, at, end, width, &line_end, &cols);
            FUZZ_CHECK(next > at && next <= end && line_end > at && line_end <= next);
            at = next;
        }
    }
}

/* Everything the tui would draw now. */
static void draw(lede_view *view, const lede_text *text, int cols, int rows)
{
    lede_geometry geo;
    lede_view_geometry(view, &geo);
    if (!geo.too_small) {
        FUZZ_CHECK(geo.article.x >= 0 && geo.article.x + geo.article.w <= cols);
        FUZZ_CHECK(geo.article.y >= 0 && geo.article.y + geo.article.h <= rows);
        FUZZ_CHECK(geo.index.w == 0 || geo.index.x + geo.index.w <= cols);
        FUZZ_CHECK(geo.status_row >= 0 && geo.status_row < rows);
    }
    const lede_line *lines;
    size_t n = lede_view_lines(view, &lines);
    FUZZ_CHECK(geo.too_small || n <= (size_t)geo.article.h);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(lines[i].span.end <= text->len);
        const lede_run *r;
        size_t nr = lede_view_runs(view, &lines[i], &r);
        for (size_t j = 0; j < nr; j++)
            FUZZ_CHECK(r[j].start < r[j].end && r[j].end <= text->len);
    }
    const lede_index_row *rows_;
    size_t nrows = lede_view_index_rows(view, &rows_);
    size_t cursor = lede_view_index_cursor(view);
    FUZZ_CHECK(cursor == SIZE_MAX || (cursor < nrows && rows_[cursor].kind == LEDE_INDEX_ENTRY));
    FUZZ_CHECK(nrows == 0 || lede_view_index_top(view) < nrows);
    char status[512];
    size_t len = lede_view_status_line(view, status, sizeof status, cols);
    FUZZ_CHECK(len < sizeof status && strlen(status) == len);
    (void)lede_view_prompt(view);
    (void)lede_view_message(view);
    /* The quotes list (w, Q), when it is open. */
    size_t nl = lede_view_list_shown(view) ? lede_view_list_count(view) : 0;
    FUZZ_CHECK(nl == 0 || lede_view_list_cursor(view) < nl);
    for (size_t i = lede_view_list_top(view); i < nl && i < lede_view_list_top(view) + 40; i++) {
        char row[256];
        size_t rl = lede_view_list_row(view, i, row, sizeof row, cols);
        FUZZ_CHECK(rl < sizeof row && strlen(row) == rl);
    }
}

/* Feeds the command bytes to a view of cols x rows. */
static void run_view(const lede_text *text, const lede_model *model, const uint8_t *cmds, size_t n,
                     int cols, int rows)
{
    lede_view *view;
    FUZZ_CHECK(lede_view_new(cols, rows, &view) == LEDE_OK);
    FUZZ_CHECK(lede_view_set_article(view, text, model, "fuzz") == LEDE_OK);
    draw(view, text, cols, rows);
    for (size_t i = 0; i < n; i++) {
        uint8_t b = cmds[i], next = i + 1 < n ? cmds[i + 1] : 0;
        if (b < 0x80) {
            lede_view_key(view, b); /* every ASCII key: commands and prompt text */
        } else if (b < 0x90) {
            lede_view_key(view, LEDE_KEY_SPECIAL + 1 + (b & 0x0f) % 10);
        } else if (b < 0xa0) {
            lede_view_key(view, (b & 1) ? 0xe9 : 0x4e2d); /* é, 中 */
        } else if (b < 0xc0) {
            lede_view_click(view, (b & 0x1f) - 1, next);
        } else if (b < 0xe0) {
            lede_view_goto_offset(view, (size_t)next * text->len / 255);
        } else {
            cols = (int)(b & 0x1f) * 10 - 2;
            rows = next % 64;
            lede_view_resize(view, cols, rows);
            lede_view_key(view, LEDE_KEY_RESIZE);
        }
        draw(view, text, cols, rows);
    }
    lede_view_free(view);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ann)
        setup();
    if (size < 4)
        return 0;
    int width = (int)data[0] - 4, cols = (int)data[1] - 2, rows = data[2] % 80 - 1;
    size_t ncmd = data[3] % 64;
    if (size < 4 + ncmd)
        return 0;
    const uint8_t *cmds = data + 4, *body = data + 4 + ncmd;
    size_t len = size - 4 - ncmd;
    lede_text text;
    if (lede_text_from_buffer((const char *)body, len, &text) != LEDE_OK)
        return 0;
    lede_model model;
    lede_model_init(&model);
    FUZZ_CHECK(lede_annotate(ann, &text, &model) == LEDE_OK);

    uint64_t seed = fuzz_seed(data, size);
    lede_layout *layout;
    FUZZ_CHECK(lede_layout_new(&text, width, &layout) == LEDE_OK);
    FUZZ_CHECK(!lede_layout_empty(layout));
    lede_style_ctx ctx = {&text, &model, true, true, LEDE_NONE, {0, 0}, NULL, 0};
    if (model.n_mentions > 0) {
        ctx.selected = model.mentions[0].entity;
        ctx.current = model.mentions[model.n_mentions - 1].span;
    }
    walk(layout, &text, &ctx);
    check_find(layout, &text, &seed);
    check_wrap(&text, width);
    lede_layout_set_width(layout, (int)(fuzz_next(&seed) % 90));
    ctx.entities = false;
    walk(layout, &text, &ctx);
    check_find(layout, &text, &seed);
    lede_layout_free(layout);

    run_view(&text, &model, cmds, ncmd, cols, rows);
    lede_model_free(&model);
    lede_text_free(&text);
    return 0;
}
