/* view_help.c - the help screen: the key table's generated lines laid out in columns
 * that fit the screen, or one scrolling column when they do not. */
#include "view_priv.h"

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

enum { HELP_MAX_COLUMNS = 64 };

/* What help line i is: a section title, a blank line, or a key's line. */
static char help_kind(size_t i)
{
    char line[8];
    lede_keys_help_line(i, line, sizeof line);
    return line[0] == '\0' ? 'b' : line[0] == ' ' ? 'k' : 't';
}

/* Splits the help lines into columns of at most rows lines, whole sections where they
 * fit: a column never ends with a section title or a blank line (they move on with the
 * section's keys) and never starts with a blank line. starts[c] is the first line of
 * column c, starts[columns] the line count. Returns the number of columns. */
static size_t help_breaks(size_t rows, size_t *starts)
{
    size_t n = lede_keys_help_count(), c = 0, i = 0;
    while (i < n && c < HELP_MAX_COLUMNS) {
        if (help_kind(i) == 'b')
            i++;
        starts[c++] = i;
        size_t end = i + rows < n ? i + rows : n;
        /* A section that does not fit but would fit a column of its own moves on whole. */
        size_t title = end;
        while (title > i && help_kind(title - 1) != 't')
            title--;
        if (end < n && title > i + 1 && help_kind(end) == 'k')
            end = title - 1;
        while (end < n && end > i + 1 && help_kind(end - 1) != 'k')
            end--;
        i = end;
    }
    starts[c] = n;
    return c;
}

size_t lede_view_help_column_start(const lede_view *view, int column)
{
    size_t starts[HELP_MAX_COLUMNS + 1];
    size_t columns = help_breaks(lede_view_help_rows(view), starts);
    return column >= 0 && (size_t)column <= columns ? starts[column] : lede_keys_help_count();
}

int lede_view_help_columns(const lede_view *view, int *widths, int cap)
{
    size_t n = lede_keys_help_count(), rows = lede_view_help_rows(view);
    size_t starts[HELP_MAX_COLUMNS + 1];
    size_t columns = help_breaks(rows, starts);
    int total = 0;
    for (size_t c = 0; c < columns; c++) {
        int w = help_width(starts[c], starts[c + 1]) + LEDE_VIEW_HELP_GAP;
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
void view_help_key(lede_view *v, lede_cmd cmd)
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
