/* tui_draw.c - copies what the view computed onto the curses screen. */
#include <string.h>
#include <wchar.h>
#include "lede/keys.h"
#include "lede/termsafe.h"
#include "lede/utf8.h"
#include "tui_screen.h"

#define CHUNK 128

/* --- colours and attributes -------------------------------------------------------- */

/* Nearest of the 8 (or 16) basic colours for a 256-colour number. */
static short basic_color(short c, int colors)
{
    if (c < 16)
        return colors >= 16 ? c : (short)(c % 8);
    if (c >= 232) /* grey ramp */
        return c < 244 ? (colors >= 16 ? 8 : 0) : 7;
    int v = c - 16, r = v / 36, g = v / 6 % 6, b = v % 6;
    short basic = (short)((r >= 3) | (g >= 3) << 1 | (b >= 3) << 2);
    bool bright = colors >= 16 && r + g + b >= 12;
    return bright ? (short)(basic + 8) : basic;
}

static short map_color(const tui_screen *ts, short c, bool fg)
{
    if (c == LEDE_COLOR_DEFAULT)
        return ts->default_colors ? -1 : (fg ? COLOR_WHITE : COLOR_BLACK);
    return c < COLORS ? c : basic_color(c, COLORS);
}

attr_t tui_attr(tui_screen *ts, lede_style st)
{
    static const struct {
        unsigned bit;
        attr_t attr;
    } attrs[] = {
        {LEDE_ATTR_BOLD, A_BOLD},           {LEDE_ATTR_DIM, A_DIM},
        {LEDE_ATTR_UNDERLINE, A_UNDERLINE}, {LEDE_ATTR_REVERSE, A_REVERSE},
        {LEDE_ATTR_ITALIC, A_ITALIC},       {LEDE_ATTR_STANDOUT, A_STANDOUT},
    };
    attr_t a = A_NORMAL;
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        if (st.attrs & attrs[i].bit)
            a |= attrs[i].attr;
    if ((a & A_ITALIC) && ts->no_italic)
        a = (a & ~A_ITALIC) | A_UNDERLINE; /* quotes must still stand out */
    if (!ts->color || (st.fg == LEDE_COLOR_DEFAULT && st.bg == LEDE_COLOR_DEFAULT))
        return a;
    short fg = map_color(ts, st.fg, true), bg = map_color(ts, st.bg, false);
    for (int p = 1; p < ts->n_pairs; p++)
        if (ts->pair_fg[p] == fg && ts->pair_bg[p] == bg)
            return a | COLOR_PAIR(p);
    int limit = COLOR_PAIRS < TUI_MAX_PAIRS ? COLOR_PAIRS : TUI_MAX_PAIRS;
    if (ts->n_pairs >= limit || init_pair((short)ts->n_pairs, fg, bg) == ERR)
        return a; /* out of pairs: attributes alone still tell things apart */
    ts->pair_fg[ts->n_pairs] = fg;
    ts->pair_bg[ts->n_pairs] = bg;
    return a | COLOR_PAIR(ts->n_pairs++);
}

static attr_t element_attr(tui_screen *ts, lede_element el)
{
    return tui_attr(ts, ts->theme.styles[el]);
}

/* Colours of over where set, else of under; attributes of both. */
static lede_style merge(lede_style under, lede_style over)
{
    lede_style st = under;
    if (over.fg != LEDE_COLOR_DEFAULT)
        st.fg = over.fg;
    if (over.bg != LEDE_COLOR_DEFAULT)
        st.bg = over.bg;
    st.attrs |= over.attrs;
    return st;
}

/* --- text ------------------------------------------------------------------------- */

/* The character to show for cp and its width in this terminal's locale: what termsafe.h
 * calls hostile (controls, bidi overrides) and what the locale cannot print become
 * U+FFFD (or '?'). */
static wchar_t printable(uint32_t cp, int *width)
{
    wchar_t wc = (wchar_t)cp;
    if (lede_termsafe_hostile(cp))
        wc = (wchar_t)LEDE_UTF8_REPLACEMENT;
    int w = wcwidth(wc);
    if (w < 0) {
        wc = (wchar_t)LEDE_UTF8_REPLACEMENT;
        w = wcwidth(wc);
    }
    if (w < 0) {
        wc = L'?';
        w = 1;
    }
    *width = w;
    return wc;
}

/* Room for one grapheme cluster as drawn: at most 2 cells of a base and its marks (a
 * curses cell holds CCHARW_MAX characters), and the spaces that pad it. */
#define CLUSTER_WCHARS (2 * CCHARW_MAX + 2)

/* Appends to out the characters that draw the grapheme cluster s[0..len), which layout.c
 * measured lcols wide, and returns how many; *width the columns curses gives them. Each
 * character that takes columns is drawn with the marks after it (one curses cell each);
 * a cluster curses would make wider than layout.c does (an emoji ZWJ sequence, whose
 * width no terminal agrees on) is drawn as its first character; a narrower one (a
 * keycap) is padded with spaces. So the columns match layout.c's, and the cluster is
 * never split across lines or cells. */
static size_t cluster_chars(const char *s, size_t len, int lcols, wchar_t *out, int *width)
{
    size_t n = 0, marks = 0, adv;
    int cells = 0, w, total = 0;
    for (size_t i = 0; i < len; i += adv) {
        (void)printable(lede_utf8_decode(s + i, len - i, &adv), &w);
        total += w;
    }
    bool first_only = total > lcols;
    *width = 0;
    for (size_t i = 0; i < len; i += adv) {
        wchar_t wc = printable(lede_utf8_decode(s + i, len - i, &adv), &w);
        if (w == 0) { /* a mark: on the cell before it, if any and with room */
            if (cells > 0 && marks + 1 < CCHARW_MAX && !(first_only && wc == 0x200D))
                out[n++] = wc, marks++;
            continue;
        }
        if (cells == 2 || (first_only && cells == 1))
            break;
        out[n++] = wc;
        marks = 0;
        cells++;
        *width += w;
    }
    while (cells > 0 && *width < lcols && *width < 2) { /* 2: the widest cluster */
        out[n++] = L' ';
        (*width)++;
    }
    return n;
}

/* Draws the UTF-8 bytes s[0..len) at y, x in attribute a, at most maxcols columns
 * wide, a grapheme cluster at a time; returns the columns used. The locale's widths
 * decide, so a character the layout measured differently never spills into the next
 * pane. */
static int put_text(int y, int x, int maxcols, const char *s, size_t len, attr_t a)
{
    wchar_t buf[CHUNK + CLUSTER_WCHARS];
    int n = 0, cols = 0;
    if (maxcols <= 0 || move(y, x) == ERR)
        return 0;
    attrset(a);
    for (size_t i = 0; i < len;) {
        int lcols, w;
        size_t clen = lede_utf8_cluster(s + i, len - i, &lcols);
        wchar_t cl[CLUSTER_WCHARS];
        size_t k = cluster_chars(s + i, clen, lcols, cl, &w);
        i += clen;
        if (cols + w > maxcols)
            break;
        /* k is 0 for a mark with nothing to combine with */
        wmemcpy(buf + n, cl, k);
        n += (int)k;
        cols += w;
        if (n >= CHUNK) {
            addnwstr(buf, n);
            n = 0;
        }
    }
    if (n > 0)
        addnwstr(buf, n);
    return cols;
}

/* Like put_text(), but a text wider than maxcols ends with "…" in its last column. */
static int put_text_cut(int y, int x, int maxcols, const char *s, size_t len, attr_t a)
{
    if (maxcols <= 0)
        return 0;
    if (lede_text_cols(s, 0, len) <= maxcols)
        return put_text(y, x, maxcols, s, len, a);
    int cols = put_text(y, x, maxcols - 1, s, len, a);
    return cols + put_text(y, x + cols, 1, "\u2026", strlen("\u2026"), a);
}

/* Draws count copies of wc (a one-column character) at y, x. */
static int put_repeat(int y, int x, int count, wchar_t wc, attr_t a)
{
    wchar_t s[2] = {wc, 0};
    int w;
    s[0] = printable((uint32_t)wc, &w);
    if (w != 1)
        s[0] = L'?';
    attrset(a);
    for (int i = 0; i < count; i++)
        mvaddnwstr(y, x + i, s, 1);
    return count;
}

static void fill_row(int y, int x, int w, attr_t a)
{
    if (w > 0)
        put_repeat(y, x, w, L' ', a);
}

/* --- panes ------------------------------------------------------------------------ */

static void draw_article(tui_screen *ts, const lede_rect *r)
{
    const lede_line *lines;
    size_t n = lede_view_lines(ts->view, &lines);
    const char *bytes = ts->text->bytes;
    for (size_t i = 0; i < n && (int)i < r->h; i++) {
        const lede_run *runs;
        size_t nr = lede_view_runs(ts->view, &lines[i], &runs);
        int y = r->y + (int)i, col = 0;
        for (size_t k = 0; k < nr && col < r->w; k++) {
            const lede_run *run = &runs[k];
            attr_t a = tui_attr(ts, lede_run_style(&ts->theme, run->flags));
            int room = r->w - col;
            int want = run->cols < room ? run->cols : room;
            if (run->flags & LEDE_RUN_BLANK)
                col += put_repeat(y, r->x + col, want, L' ', a);
            else if (run->flags & LEDE_RUN_INVALID)
                col += put_repeat(y, r->x + col, want, (wchar_t)LEDE_UTF8_REPLACEMENT, a);
            else
                col += put_text(y, r->x + col, room, bytes + run->start, run->end - run->start, a);
        }
    }
}

/* Draws one index entry: its name (in its entity type's style), role, and count. */
static void draw_index_entry(tui_screen *ts, const lede_index_row *row, int y, const lede_rect *r,
                             bool cursor)
{
    static const lede_element type_el[LEDE_ENTITY_TYPES] = {LEDE_EL_PERSON, LEDE_EL_PLACE,
                                                            LEDE_EL_ORGANIZATION, LEDE_EL_GROUP};
    const lede_style *s = ts->theme.styles;
    lede_style base = s[LEDE_EL_INDEX_ENTRY];
    if (lede_view_row_selected(ts->view, row))
        base = merge(base, s[LEDE_EL_SELECTED]);
    lede_style name = merge(base, s[type_el[row->type]]);
    lede_style role = merge(base, s[LEDE_EL_INDEX_ROLE]);
    if (cursor) {
        base = name = role = merge(base, s[LEDE_EL_INDEX_CURSOR]);
        fill_row(y, r->x, r->w, tui_attr(ts, base));
    }
    char count[48];
    int cw = row->articles ? snprintf(count, sizeof count, " %zu in %zu", row->count, row->articles)
                           : snprintf(count, sizeof count, " %zu", row->count);
    int room = r->w - 1 - cw;
    int col = 1;
    col += put_text_cut(y, r->x + col, room, row->name, strlen(row->name), tui_attr(ts, name));
    if (row->role && room - (col - 1) > 4) {
        col += put_text(y, r->x + col, room - (col - 1), ", ", 2, tui_attr(ts, role));
        put_text_cut(y, r->x + col, room - (col - 1), row->role, strlen(row->role),
                     tui_attr(ts, role));
    }
    if (cw < r->w)
        put_text(y, r->x + r->w - cw, cw, count, (size_t)cw, tui_attr(ts, base));
}

static void draw_index(tui_screen *ts, const lede_rect *r)
{
    const lede_index_row *rows;
    size_t n = lede_view_index_rows(ts->view, &rows);
    size_t top = lede_view_index_top(ts->view);
    size_t cursor = lede_view_index_cursor(ts->view);
    bool focused = lede_view_focus(ts->view) == LEDE_FOCUS_INDEX;
    if (r->x > 0) {
        attrset(element_attr(ts, LEDE_EL_INDEX_ROLE));
        mvvline(r->y, r->x - 1, ACS_VLINE, r->h);
    }
    for (int i = 0; i < r->h && top + (size_t)i < n; i++) {
        const lede_index_row *row = &rows[top + (size_t)i];
        int y = r->y + i;
        if (row->kind == LEDE_INDEX_HEADER)
            put_text(y, r->x, r->w, row->name, strlen(row->name),
                     element_attr(ts, LEDE_EL_INDEX_HEADER));
        else
            draw_index_entry(ts, row, y, r, focused && top + (size_t)i == cursor);
    }
}

/* The quotes list in the article pane: its title, then a row a quote. */
static void draw_list(tui_screen *ts, const lede_rect *r)
{
    const char *title = lede_view_list_title(ts->view);
    put_text_cut(r->y, r->x, r->w, title, strlen(title), element_attr(ts, LEDE_EL_INDEX_HEADER));
    size_t n = lede_view_list_count(ts->view), top = lede_view_list_top(ts->view);
    size_t cursor = lede_view_list_cursor(ts->view);
    char line[1024];
    for (int i = 1; i < r->h && top + (size_t)(i - 1) < n; i++) {
        size_t row = top + (size_t)(i - 1);
        size_t len = lede_view_list_row(ts->view, row, line, sizeof line, r->w - 1);
        attr_t a = element_attr(ts, row == cursor ? LEDE_EL_INDEX_CURSOR : LEDE_EL_TEXT);
        if (row == cursor)
            fill_row(r->y + i, r->x, r->w, a);
        put_text(r->y + i, r->x + 1, r->w - 1, line, len, a);
    }
}

/* The help screen in the columns the view lays out, and below it how to close it. */
static void draw_help(tui_screen *ts)
{
    int widths[16];
    int columns = lede_view_help_columns(ts->view, widths, 16);
    size_t n = lede_keys_help_count(), rows = lede_view_help_rows(ts->view);
    size_t top = lede_view_help_top(ts->view);
    char line[128];
    int x = 0;
    for (int c = 0; c < columns && c < 16 && x < COLS; c++) {
        size_t first = columns > 1 ? lede_view_help_column_start(ts->view, c) : top;
        size_t end = columns > 1 ? lede_view_help_column_start(ts->view, c + 1) : n;
        for (size_t r = 0; r < rows && first + r < end; r++) {
            lede_keys_help_line(first + r, line, sizeof line);
            bool title = line[0] != '\0' && line[0] != ' ';
            attr_t a = element_attr(ts, title ? LEDE_EL_INDEX_HEADER : LEDE_EL_TEXT);
            put_text((int)r, x + 1, COLS - x - 1, line, strlen(line), a);
        }
        x += widths[c];
    }
    static const char closes[] = "any key closes", scrolls[] = "j/k scroll, any other key closes";
    bool scroll = lede_view_help_scrolls(ts->view);
    const char *hint = scroll ? scrolls : closes;
    put_text((int)rows, 1, COLS - 1, hint, strlen(hint), element_attr(ts, LEDE_EL_INDEX_ROLE));
}

static void draw_status(tui_screen *ts, int y)
{
    attr_t a = element_attr(ts, LEDE_EL_STATUS);
    fill_row(y, 0, COLS, a);
    const char *prompt = lede_view_prompt(ts->view);
    if (!prompt) {
        char buf[1024];
        size_t len = lede_view_status_line(ts->view, buf, sizeof buf, COLS);
        put_text(y, 0, COLS, buf, len, a);
        curs_set(0);
        return;
    }
    /* Show the end of a prompt too long for the line, then the cursor after it. */
    size_t len = strlen(prompt), start = 0;
    while (start < len && 1 + lede_text_cols(prompt, start, len) >= COLS) {
        int cols; /* a cluster at a time: never half a family or a letter without its mark */
        start += lede_utf8_cluster(prompt + start, len - start, &cols);
    }
    put_text(y, 0, 1, "/", 1, a);
    int cols = put_text(y, 1, COLS - 1, prompt + start, len - start, a);
    move(y, 1 + cols < COLS ? 1 + cols : COLS - 1);
    curs_set(1);
}

void tui_draw(tui_screen *ts)
{
    attrset(A_NORMAL);
    bkgdset(' ' | element_attr(ts, LEDE_EL_TEXT));
    erase();
    lede_geometry geo;
    lede_view_geometry(ts->view, &geo);
    if (geo.too_small) {
        static const char msg[] = "terminal too small";
        put_text(0, 0, COLS, msg, sizeof msg - 1, A_NORMAL);
        curs_set(0);
        refresh();
        return;
    }
    if (lede_view_help_shown(ts->view)) {
        draw_help(ts);
    } else {
        if (lede_view_list_shown(ts->view)) {
            lede_rect full = geo.article;
            full.x = 0; /* the list uses the pane's whole width, not the measure */
            full.w = geo.index.w > 0 ? geo.index.x - 1 : COLS;
            draw_list(ts, &full);
        } else {
            draw_article(ts, &geo.article);
        }
        if (geo.index.w > 0 && geo.index.h > 0)
            draw_index(ts, &geo.index);
    }
    draw_status(ts, geo.status_row);
    refresh();
}
