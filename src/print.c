/* print.c - the article on a non-terminal stdout, plain or with ANSI SGR colours, or on
 * a terminal the reader cannot use (TERM=dumb), plain and filtered.
 *
 * Bound: one pass over the text with a span walk that only moves forward, O(n + spans). */
#include <string.h>
#include "lede/layout.h"
#include "lede/print.h"
#include "lede/termsafe.h"
#include "lede/utf8.h"

static const char replacement[] = "\xEF\xBF\xBD";

/* Walks the paragraphs and the annotations alongside the text. */
typedef struct {
    const lede_text *text;
    size_t para;
    lede_style_ctx style;
    lede_span_walk spans;
} cursor;

/* Returns the LEDE_RUN_* flags of the byte at offset (offsets only grow). */
static unsigned flags_at(cursor *c, size_t offset)
{
    unsigned flags = 0;
    const lede_text *t = c->text;
    while (c->para < t->n_paras && t->paras[c->para].span.end <= offset)
        c->para++;
    if (c->para < t->n_paras && t->paras[c->para].span.start <= offset)
        flags |= lede_para_flag(t->paras[c->para].kind);
    return flags | lede_span_walk_flags(&c->spans, offset);
}

static bool is_plain(lede_style st)
{
    return st.fg == LEDE_COLOR_DEFAULT && st.bg == LEDE_COLOR_DEFAULT && st.attrs == 0;
}

static bool same_style(lede_style a, lede_style b)
{
    return a.fg == b.fg && a.bg == b.bg && a.attrs == b.attrs;
}

/* Appends the SGR parameters of colour c (base 30 for foreground, 40 for background). */
static int color_sgr(char *out, size_t size, short c, int base)
{
    if (c < 8)
        return snprintf(out, size, ";%d", base + c);
    if (c < 16)
        return snprintf(out, size, ";%d", base + 60 + c - 8);
    return snprintf(out, size, ";%d;5;%d", base + 8, c);
}

/* Writes the SGR sequence that sets st from a reset state. */
static void write_sgr(FILE *out, lede_style st)
{
    static const struct {
        unsigned bit;
        int code;
    } codes[] = {
        {LEDE_ATTR_BOLD, 1},      {LEDE_ATTR_DIM, 2},     {LEDE_ATTR_ITALIC, 3},
        {LEDE_ATTR_UNDERLINE, 4}, {LEDE_ATTR_REVERSE, 7}, {LEDE_ATTR_STANDOUT, 7},
    };
    char buf[64] = "\033[0";
    size_t n = strlen(buf);
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        if (st.attrs & codes[i].bit)
            n += (size_t)snprintf(buf + n, sizeof buf - n, ";%d", codes[i].code);
    if (st.fg != LEDE_COLOR_DEFAULT)
        n += (size_t)color_sgr(buf + n, sizeof buf - n, st.fg, 30);
    if (st.bg != LEDE_COLOR_DEFAULT)
        n += (size_t)color_sgr(buf + n, sizeof buf - n, st.bg, 40);
    fputs(buf, out);
    fputc('m', out);
}

static lede_status finish(FILE *out)
{
    if (fflush(out) != 0 || ferror(out))
        return LEDE_ERR_IO;
    return LEDE_OK;
}

static lede_status print_styled(FILE *out, const lede_text *text, const lede_model *model,
                                const lede_theme *theme)
{
    cursor c = {.text = text};
    c.style = (lede_style_ctx){
        .text = text, .model = model, .entities = true, .quotes = true, .selected = LEDE_NONE};
    lede_span_walk_init(&c.spans, &c.style, 0);
    const lede_style none = {LEDE_COLOR_DEFAULT, LEDE_COLOR_DEFAULT, 0};
    lede_style cur = none;
    const char *b = text->bytes;
    for (size_t i = 0; i < text->len;) {
        size_t adv;
        uint32_t cp = lede_utf8_decode(b + i, text->len - i, &adv);
        if (cp == '\n' || (cp == '\r' && i + 1 < text->len && b[i + 1] == '\n')) {
            /* End every line plain, so that a pager shows each line on its own. */
            if (!is_plain(cur))
                fputs("\033[0m", out);
            cur = none;
            fputc(b[i], out);
            i += adv;
            if (cp == '\n' && ferror(out))
                return LEDE_ERR_IO;
            continue;
        }
        lede_style st = theme ? lede_run_style(theme, flags_at(&c, i)) : none;
        if (!same_style(st, cur)) {
            if (is_plain(st))
                fputs("\033[0m", out);
            else
                write_sgr(out, st);
            cur = st;
        }
        /* Control characters other than tab and line feed would act on the terminal. */
        bool bad =
            (cp == LEDE_UTF8_REPLACEMENT && adv == 1) || (cp != '\t' && lede_termsafe_hostile(cp));
        if (bad)
            fputs(replacement, out);
        else
            fwrite(b + i, 1, adv, out);
        i += adv;
    }
    if (!is_plain(cur))
        fputs("\033[0m", out);
    return finish(out);
}

lede_status lede_print_article(FILE *out, const lede_text *text, const lede_model *model,
                               const lede_theme *theme)
{
    if (!theme) {
        if (text->len > 0 && fwrite(text->bytes, 1, text->len, out) != text->len)
            return LEDE_ERR_IO;
        return finish(out);
    }
    return print_styled(out, text, model, theme);
}

lede_status lede_print_article_safe(FILE *out, const lede_text *text, const lede_model *model,
                                    const lede_theme *theme)
{
    return print_styled(out, text, model, theme);
}
