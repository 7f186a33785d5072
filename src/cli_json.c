/* cli_json.c - the --json output, written straight to the stream.
 *
 * A book has tens of thousands of mentions, and building them as a jansson tree cost
 * more than annotating the book, so the document is written as it is walked, through
 * a buffer. The escaping is jansson's (compact, UTF-8 kept, the same control escapes),
 * so the output is byte for byte what json_dumpf() gave; tests/e2e/json_escape.sh
 * checks control characters, quotes, backslashes and invalid UTF-8. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "lede/cli.h"
#include "lede/utf8.h"

#define BUF_SIZE 65536

typedef struct {
    FILE *out;
    size_t n;
    bool failed;
    char buf[BUF_SIZE];
} writer;

static void flush(writer *w)
{
    if (w->n && fwrite(w->buf, 1, w->n, w->out) != w->n)
        w->failed = true;
    w->n = 0;
}

static void put(writer *w, const char *s, size_t len)
{
    if (len > BUF_SIZE - w->n) {
        flush(w);
        if (len > BUF_SIZE) {
            if (fwrite(s, 1, len, w->out) != len)
                w->failed = true;
            return;
        }
    }
    memcpy(w->buf + w->n, s, len);
    w->n += len;
}

static void put_str(writer *w, const char *s)
{
    put(w, s, strlen(s));
}

static void put_uint(writer *w, uint64_t v)
{
    char digits[24];
    size_t i = sizeof digits;
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(w, digits + i, sizeof digits - i);
}

/* Writes the escape of control character c as jansson does: the short forms where
 * JSON has them, else \u00XX with capital hex digits. */
static void put_control(writer *w, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
    switch (c) {
    case '\b':
        put(w, "\\b", 2);
        break;
    case '\f':
        put(w, "\\f", 2);
        break;
    case '\n':
        put(w, "\\n", 2);
        break;
    case '\r':
        put(w, "\\r", 2);
        break;
    case '\t':
        put(w, "\\t", 2);
        break;
    default:
        put(w, esc, sizeof esc);
        break;
    }
}

/* A JSON string of s, with invalid UTF-8 shown as U+FFFD (a file name or a name in a
 * Latin-1 text may not be UTF-8). NULL gives null. */
static void put_text(writer *w, const char *s)
{
    if (!s) {
        put(w, "null", 4);
        return;
    }
    size_t len = strlen(s), run = 0, i = 0;
    put(w, "\"", 1);
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        size_t adv = 1;
        bool plain = c >= 0x20 && c != '"' && c != '\\';
        if (c >= 0x80 && lede_utf8_decode(s + i, len - i, &adv) == LEDE_UTF8_REPLACEMENT &&
            adv == 1)
            plain = false;
        if (plain) {
            i += adv;
            continue;
        }
        put(w, s + run, i - run);
        if (c >= 0x80)
            put(w, "\xEF\xBF\xBD", 3);
        else if (c == '"' || c == '\\')
            put(w, c == '"' ? "\\\"" : "\\\\", 2);
        else
            put_control(w, c);
        run = ++i;
    }
    put(w, s + run, i - run);
    put(w, "\"", 1);
}

static void put_span(writer *w, lede_span span)
{
    put(w, "[", 1);
    put_uint(w, span.start);
    put(w, ",", 1);
    put_uint(w, span.end);
    put(w, "]", 1);
}

static void put_opt_span(writer *w, bool has, lede_span span)
{
    if (has)
        put_span(w, span);
    else
        put(w, "null", 4);
}

static void put_entity(writer *w, const lede_model *model, const lede_entity *e)
{
    put_str(w, "{\"id\":");
    put_uint(w, e->id);
    put_str(w, ",\"type\":");
    put_text(w, lede_entity_type_name(e->type));
    put_str(w, ",\"name\":");
    put_text(w, e->name);
    put_str(w, ",\"role\":");
    put_text(w, e->role);
    put_str(w, ",\"mentions\":[");
    for (size_t k = 0; k < e->n_mentions; k++) {
        if (k)
            put(w, ",", 1);
        put_span(w, model->mentions[e->mentions[k]].span);
    }
    put(w, "]}", 2);
}

static void put_quote(writer *w, const lede_quote *q, size_t id)
{
    put_str(w, "{\"id\":");
    put_uint(w, id);
    put_str(w, ",\"span\":");
    put_span(w, q->span);
    put_str(w, ",\"speaker\":");
    if (q->speaker == LEDE_NONE)
        put(w, "null", 4);
    else
        put_uint(w, q->speaker);
    put_str(w, ",\"source\":");
    put_opt_span(w, q->has_source, q->source);
    put_str(w, ",\"cue\":");
    put_opt_span(w, q->has_cue, q->cue);
    put_str(w, q->partial ? ",\"partial\":true}" : ",\"partial\":false}");
}

lede_status lede_cli_json(FILE *out, const char *source, const lede_text *text,
                          const lede_model *model)
{
    static writer w; /* 64 KiB: too big for the stack; --json writes one file at a time */
    w.out = out;
    w.n = 0;
    w.failed = false;
    put_str(&w, "{\"lede\":1,\"source\":");
    put_text(&w, source);
    put_str(&w, ",\"bytes\":");
    put_uint(&w, text->len);
    put_str(&w, ",\"entities\":[");
    for (size_t i = 0; i < model->n_entities; i++) {
        if (i)
            put(&w, ",", 1);
        put_entity(&w, model, &model->entities[i]);
    }
    put_str(&w, "],\"quotes\":[");
    for (size_t i = 0; i < model->n_quotes; i++) {
        if (i)
            put(&w, ",", 1);
        put_quote(&w, &model->quotes[i], i);
    }
    put_str(&w, "]}\n");
    flush(&w);
    return w.failed ? LEDE_ERR_IO : LEDE_OK;
}
