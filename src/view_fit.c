/* view_fit.c - filling a line of a given width in display columns (see view_fit.h).
 * Every call costs O(length of what it appends). */
#include "view_fit.h"

#include <string.h>
#include "lede/utf8.h"

#define ELLIPSIS 0x2026

void view_fit_init(view_fit *f, char *buf, size_t size, int width)
{
    f->buf = buf;
    f->size = size;
    f->len = 0;
    f->cols = 0;
    f->width = width;
    buf[0] = '\0';
}

int view_fit_cols_of(const char *s)
{
    int n = 0;
    size_t len = strlen(s), adv;
    for (size_t i = 0; i < len; i += adv)
        n += lede_utf8_width(lede_utf8_decode(s + i, len - i, &adv));
    return n;
}

/* Appends the n bytes at enc, w columns wide, within limit columns. */
static bool put_bytes(view_fit *f, const char *enc, size_t n, int w, int limit)
{
    if (limit > f->width)
        limit = f->width;
    if (f->cols + w > limit || f->len + n >= f->size)
        return false;
    memcpy(f->buf + f->len, enc, n);
    f->len += n;
    f->cols += w;
    f->buf[f->len] = '\0';
    return true;
}

bool view_fit_cp(view_fit *f, uint32_t cp)
{
    char enc[4];
    size_t n = lede_utf8_encode(cp, enc);
    return put_bytes(f, enc, n, lede_utf8_width(cp), f->width);
}

bool view_fit_str(view_fit *f, const char *s, int limit)
{
    size_t n = strlen(s), adv;
    for (size_t i = 0; i < n; i += adv) {
        uint32_t cp = lede_utf8_decode(s + i, n - i, &adv);
        if (!put_bytes(f, s + i, adv, lede_utf8_width(cp), limit))
            return false;
    }
    return true;
}

void view_fit_cut(view_fit *f, const char *s, int limit)
{
    if (view_fit_cols_of(s) <= limit - f->cols) {
        view_fit_str(f, s, limit);
        return;
    }
    view_fit_str(f, s, limit - 1);
    char enc[4];
    size_t n = lede_utf8_encode(ELLIPSIS, enc);
    put_bytes(f, enc, n, 1, limit);
}

void view_fit_cut_left(view_fit *f, const char *s, int limit)
{
    int room = limit - f->cols, have = view_fit_cols_of(s);
    if (have <= room) {
        view_fit_str(f, s, limit);
        return;
    }
    if (room < 2)
        return;
    size_t n = strlen(s), i = 0;
    while (i < n && have > room - 1) {
        size_t adv;
        have -= lede_utf8_width(lede_utf8_decode(s + i, n - i, &adv));
        i += adv;
    }
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    char enc[4];
    size_t e = lede_utf8_encode(ELLIPSIS, enc);
    put_bytes(f, enc, e, 1, limit);
    view_fit_str(f, s + i, limit);
}

bool view_fit_flat(view_fit *f, const char *s, size_t n)
{
    bool space = false;
    for (size_t i = 0; i < n;) {
        size_t adv;
        uint32_t cp = lede_utf8_decode(s + i, n - i, &adv);
        i += adv;
        if (cp <= ' ' || cp == 0x7f || lede_utf8_is_control(cp)) {
            space = true;
            continue;
        }
        int need = lede_utf8_width(cp) + (space ? 1 : 0);
        if (f->cols + need > f->width - 1 && i < n) {
            view_fit_cp(f, ELLIPSIS);
            return false;
        }
        if ((space && !view_fit_cp(f, ' ')) || !view_fit_cp(f, cp)) {
            view_fit_cp(f, ELLIPSIS);
            return false;
        }
        space = false;
    }
    return true;
}
