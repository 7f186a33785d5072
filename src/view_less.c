/* view_less.c - what less users reach for: = (where am I), marks (m x, ' x) and the
 * two-key commands :n, :p, :q. Each costs O(1), but = and the line number count the
 * line ends before the top: O(bytes). */
#include <stdio.h>
#include "view_priv.h"

/* "=": where the reader is, as less says it. O(bytes before the top) to count lines. */
void view_where(lede_view *v)
{
    size_t line = lede_view_top_line(v), lines = 1;
    for (size_t i = 0; i < v->text->len; i++)
        lines += v->text->bytes[i] == '\n';
    int pct = (int)(v->anchor * 100 / (v->text->len ? v->text->len : 1));
    char art[64] = "";
    if (v->corpus && v->corpus->n > 1)
        snprintf(art, sizeof art, "article %zu/%zu, ", v->article_no + 1, v->corpus->n);
    view_message(v, "%sline %zu/%zu, byte %zu/%zu, %d%%", art, line, lines, v->anchor, v->text->len,
                 pct);
}

size_t lede_view_top_line(const lede_view *view)
{
    size_t line = 1;
    if (!view->text)
        return line;
    for (size_t i = 0; i < view->anchor && i < view->text->len; i++)
        line += view->text->bytes[i] == '\n';
    return line;
}

/* m x, ' x and :n/:p take the key after them. */
lede_action view_pending_key(lede_view *v, lede_cmd cmd, int key)
{
    v->message[0] = '\0';
    if (cmd == LEDE_CMD_COLON) {
        if (key == 'n')
            return LEDE_ACT_NEXT_ARTICLE;
        if (key == 'p')
            return LEDE_ACT_PREV_ARTICLE;
        if (key == 'q')
            return LEDE_ACT_QUIT;
        if (key != LEDE_KEY_ESC)
            view_message(v, ":n next article, :p previous, :q quit");
        return LEDE_ACT_NONE;
    }
    if (key < 'a' || key > 'z') {
        if (key != LEDE_KEY_ESC)
            view_message(v, "marks are a to z");
        return LEDE_ACT_NONE;
    }
    int m = key - 'a';
    if (cmd == LEDE_CMD_SET_MARK) {
        v->marks[m] = v->anchor;
        v->marks_set[m] = true;
        view_message(v, "mark %c set", key);
    } else if (!v->marks_set[m]) {
        view_message(v, "no mark %c", key);
    } else {
        lede_view_goto_offset(v, v->marks[m]);
    }
    return LEDE_ACT_NONE;
}
