/* cli_json.c - the --json output, written straight to the stream.
 *
 * A book has tens of thousands of mentions, so the document is written as it is walked,
 * through a buffer, with integers formatted in place and strings escaped here. The output
 * is byte for byte what json_dumpf() of a jansson tree of the whole document gave (the
 * escapes are jansson's), except that DEL, C1 controls and the bidi overrides of termsafe.h
 * are escaped too (\u009B, \u202E: the same string to a JSON reader, and nothing that acts
 * on a terminal when the JSON is shown on one); tests/e2e/json_escape.sh checks control
 * characters, quotes, backslashes and invalid UTF-8. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lede/cli.h"
#include "lede/utf8.h"

#define BUF_SIZE 65536
#define UINT_MAX_DIGITS 20
#define SPAN_MAX (2 * UINT_MAX_DIGITS + 3) /* [start,end] */

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

/* Returns where n free bytes (n <= BUF_SIZE) begin at the end of the buffer; the caller
 * writes there and moves w->n past what it wrote. */
static char *room(writer *w, size_t n)
{
    if (n > BUF_SIZE - w->n)
        flush(w);
    return w->buf + w->n;
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

/* Number of decimal digits of v < 10^8, in three comparisons. */
static size_t count_digits(uint32_t v)
{
    if (v < 10000)
        return v < 100 ? 1 + (v >= 10) : 3 + (v >= 1000);
    return v < 1000000 ? 5 + (v >= 100000) : 7 + (v >= 10000000);
}

/* Writes the last digits decimal digits of v before end, two at a time (offsets are most
 * of the output, and 32-bit division is cheaper). */
static void format_digits(char *end, uint32_t v, size_t digits)
{
    static const char pairs[] = "00010203040506070809"
                                "10111213141516171819"
                                "20212223242526272829"
                                "30313233343536373839"
                                "40414243444546474849"
                                "50515253545556575859"
                                "60616263646566676869"
                                "70717273747576777879"
                                "80818283848586878889"
                                "90919293949596979899";
    for (; digits >= 2; digits -= 2, v /= 100) {
        end -= 2;
        memcpy(end, pairs + v % 100 * 2, 2);
    }
    if (digits)
        end[-1] = (char)('0' + v);
}

/* Writes v in decimal at p, eight digits at a time; returns the end. At most
 * UINT_MAX_DIGITS bytes. */
static char *format_uint(char *p, uint64_t v)
{
    if (v >= 100000000) {
        p = format_uint(p, v / 100000000);
        format_digits(p + 8, (uint32_t)(v % 100000000), 8);
        return p + 8;
    }
    size_t digits = count_digits((uint32_t)v);
    format_digits(p + digits, (uint32_t)v, digits);
    return p + digits;
}

static void put_uint(writer *w, uint64_t v)
{
    char *p = room(w, UINT_MAX_DIGITS);
    w->n = (size_t)(format_uint(p, v) - w->buf);
}

static char *format_span(char *p, lede_span span)
{
    *p++ = '[';
    p = format_uint(p, span.start);
    *p++ = ',';
    p = format_uint(p, span.end);
    *p++ = ']';
    return p;
}

static void put_span(writer *w, lede_span span)
{
    char *p = room(w, SPAN_MAX);
    w->n = (size_t)(format_span(p, span) - w->buf);
}

/* Writes the escape of a byte JSON strings cannot hold as it is, as jansson does: a short
 * form where JSON has one, else \u00XX in upper case. */
static void put_escape(writer *w, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *brief = NULL;
    switch (c) {
    case '"':
        brief = "\\\"";
        break;
    case '\\':
        brief = "\\\\";
        break;
    case '\b':
        brief = "\\b";
        break;
    case '\f':
        brief = "\\f";
        break;
    case '\n':
        brief = "\\n";
        break;
    case '\r':
        brief = "\\r";
        break;
    case '\t':
        brief = "\\t";
        break;
    default:
        break;
    }
    if (brief) {
        put(w, brief, 2);
        return;
    }
    char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
    put(w, u, sizeof u);
}

/* The length of the UTF-8 sequence at s[i] (valid UTF-8) when it is a C1 control or a
 * bidi override (U+0080-U+009F, U+202A-U+202E, U+2066-U+2069), else 0; its code point
 * goes to *cp. */
static size_t hostile_len(const unsigned char *s, size_t i, size_t len, unsigned *cp)
{
    if (s[i] == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) {
        *cp = s[i + 1];
        return 2;
    }
    if (s[i] != 0xE2 || i + 2 >= len)
        return 0;
    *cp = 0x2000u | (unsigned)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
    bool bidi = (*cp >= 0x202A && *cp <= 0x202E) || (*cp >= 0x2066 && *cp <= 0x2069);
    return bidi ? 3 : 0;
}

/* Writes the valid UTF-8 s as a JSON string: runs of bytes that need no escape (all but
 * controls, DEL, '"' and '\\'; UTF-8 sequences other than C1 controls and bidi overrides
 * pass as they are) are copied whole. */
static void put_escaped(writer *w, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0;
    put(w, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = u[i];
        unsigned cp;
        size_t n = c == 0xC2 || c == 0xE2 ? hostile_len(u, i, len, &cp) : 0;
        if (n) {
            put(w, s + run, i - run);
            char e[6] = {'\\',        'u', hex[cp >> 12], hex[cp >> 8 & 15], hex[cp >> 4 & 15],
                         hex[cp & 15]};
            put(w, e, sizeof e);
            i += n - 1;
            run = i + 1;
            continue;
        }
        if (c >= 0x20 && c != 0x7F && c != '"' && c != '\\')
            continue;
        put(w, s + run, i - run);
        put_escape(w, c);
        run = i + 1;
    }
    put(w, s + run, len - run);
    put(w, "\"", 1);
}

/* A JSON string of s, with invalid UTF-8 shown as U+FFFD (a file name or a name in a
 * Latin-1 text may not be UTF-8); NULL gives null. */
static void put_text(writer *w, const char *s)
{
    if (!s) {
        put(w, "null", 4);
        return;
    }
    size_t len = strlen(s);
    if (!lede_utf8_invalid_count(s, len)) {
        put_escaped(w, s, len);
        return;
    }
    char *valid = malloc(len * 3 + 1);
    if (!valid) {
        w->nomem = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0, adv; i < len; i += adv)
        n += lede_utf8_encode(lede_utf8_decode(s + i, len - i, &adv), valid + n);
    put_escaped(w, valid, n);
    free(valid);
}

static void put_opt_span(writer *w, bool has, lede_span span)
{
    if (has)
        put_span(w, span);
    else
        put(w, "null", 4);
}

/* The entity's mentions as [[start,end],...], the bulk of a book's output. */
static void put_mentions(writer *w, const lede_model *model, const lede_entity *e)
{
    put(w, "[", 1);
    for (size_t k = 0; k < e->n_mentions; k++) {
        char *p = room(w, 1 + SPAN_MAX);
        if (k)
            *p++ = ',';
        w->n = (size_t)(format_span(p, model->mentions[e->mentions[k]].span) - w->buf);
    }
    put(w, "]", 1);
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
    put_str(w, ",\"mentions\":");
    put_mentions(w, model, e);
    put(w, "}", 1);
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

/* "html", "newsboat"...; for plain text the encoding it was converted from, lower-cased
 * ("windows-1252", "utf-16"), or "text". */
static const char *input_name(const lede_text *text)
{
    static char lower[64];
    size_t i = 0;

    if (text->input && strcmp(text->input, "text") != 0)
        return text->input;
    if (!text->encoding)
        return "text";
    for (; text->encoding[i] && i + 1 < sizeof lower; i++) {
        char c = text->encoding[i];
        lower[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    lower[i] = '\0';
    return lower;
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
    /* What was read: a format, else the encoding converted from, else "text". */
    put_str(&w, ",\"input\":");
    put_text(&w, input_name(text));
    put_str(&w, ",\"encoding\":");
    put_text(&w, text->encoding ? text->encoding : "UTF-8");
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
