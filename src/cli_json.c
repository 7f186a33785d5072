/* cli_json.c - the --json output, written straight to the stream.
 *
 * A book has tens of thousands of mentions, and building them as a jansson tree cost
 * more than annotating the book, so the document is written as it is walked, through
 * a buffer; only its strings go through jansson, which escapes them. The output is byte
 * for byte what json_dumpf() of the whole tree gave; tests/e2e/json_escape.sh checks
 * control characters, quotes, backslashes and invalid UTF-8. */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lede/cli.h"
#include "lede/utf8.h"

#define BUF_SIZE 65536

typedef struct {
    FILE *out;
    size_t n;
    bool failed, nomem;
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

/* A JSON string of s, with invalid UTF-8 shown as U+FFFD (a file name or a name in a
 * Latin-1 text may not be UTF-8); NULL gives null. The escaping is jansson's: the
 * strings are few (names, roles, the file name), so the library costs nothing here. */
static void put_text(writer *w, const char *s)
{
    if (!s) {
        put(w, "null", 4);
        return;
    }
    size_t len = strlen(s);
    char *valid = NULL;
    if (lede_utf8_invalid_count(s, len)) {
        valid = malloc(len * 3 + 1);
        if (!valid) {
            w->nomem = true;
            return;
        }
        size_t n = 0;
        for (size_t i = 0, adv; i < len; i += adv)
            n += lede_utf8_encode(lede_utf8_decode(s + i, len - i, &adv), valid + n);
        s = valid;
        len = n;
    }
    json_t *str = json_stringn(s, len);
    char small[512], *buf = small;
    size_t need = str ? json_dumpb(str, small, sizeof small, JSON_ENCODE_ANY) : 0;
    if (need > sizeof small && (buf = malloc(need)) != NULL)
        need = json_dumpb(str, buf, need, JSON_ENCODE_ANY);
    if (!str || !need || !buf)
        w->nomem = true;
    else
        put(w, buf, need);
    if (buf != small)
        free(buf);
    json_decref(str);
    free(valid);
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
    w.failed = w.nomem = false;
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
    return w.nomem ? LEDE_ERR_NOMEM : w.failed ? LEDE_ERR_IO : LEDE_OK;
}
