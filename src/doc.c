/* doc.c - extracted text, written paragraph by paragraph, white space collapsed.
 *
 * Linear: every byte is appended once; both arrays grow by doubling. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lede/grow.h"
#include "lede/input.h"
#include "lede/utf8.h"

#define FIRST_BYTES 4096u
#define FIRST_PARAS 64u

/* Makes room for need more bytes (and the final NUL), doubling from FIRST_BYTES. */
static bool reserve(lede_doc *doc, size_t need)
{
    size_t want;

    if (doc->failed)
        return false;
    if (need > SIZE_MAX / 2 - doc->len - 1) {
        doc->failed = true;
        return false;
    }
    want = doc->len + need + 1;
    if (!doc->cap && want < FIRST_BYTES)
        want = FIRST_BYTES;
    if (LEDE_GROW(doc->bytes, doc->cap, want) != LEDE_OK) {
        doc->failed = true;
        return false;
    }
    return true;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void lede_doc_begin(lede_doc *doc, lede_para_kind kind)
{
    lede_para *p;

    lede_doc_end(doc);
    if (doc->failed)
        return;
    if (LEDE_GROW(doc->paras, doc->paras_cap,
                  doc->paras_cap ? doc->n_paras + 1 : FIRST_PARAS) != LEDE_OK) {
        doc->failed = true;
        return;
    }
    /* A blank line between paragraphs, so that the text reads as it is split. */
    if (doc->n_paras > 0 && reserve(doc, 2)) {
        memcpy(doc->bytes + doc->len, "\n\n", 2);
        doc->len += 2;
    }
    p = &doc->paras[doc->n_paras];
    p->span.start = p->span.end = doc->len;
    p->kind = kind;
    doc->open = true;
    doc->want_space = false;
}

void lede_doc_add(lede_doc *doc, const char *s, size_t len)
{
    size_t i = 0;

    if (!doc->open)
        lede_doc_begin(doc, LEDE_PARA_BODY);
    if (doc->failed || !reserve(doc, len + 1))
        return;
    while (i < len) {
        size_t run = i;
        while (run < len && !is_space((unsigned char)s[run]))
            run++;
        if (run > i) {
            if (doc->want_space && doc->len > doc->paras[doc->n_paras].span.start)
                doc->bytes[doc->len++] = ' ';
            doc->want_space = false;
            memcpy(doc->bytes + doc->len, s + i, run - i);
            doc->len += run - i;
            i = run;
        }
        while (i < len && is_space((unsigned char)s[i])) {
            doc->want_space = true;
            i++;
        }
    }
}

bool lede_doc_open_has_text(const lede_doc *doc)
{
    return doc->open && !doc->failed && doc->len > doc->paras[doc->n_paras].span.start;
}

void lede_doc_end(lede_doc *doc)
{
    lede_para *p;

    if (!doc->open || doc->failed)
        return;
    doc->open = false;
    p = &doc->paras[doc->n_paras];
    p->span.end = doc->len;
    if (p->span.end == p->span.start) {
        /* Nothing written: take back the separator too. */
        doc->len -= doc->n_paras > 0 ? 2 : 0;
        return;
    }
    doc->n_paras++;
}

lede_status lede_doc_finish(lede_doc *doc, const char *input, lede_text *text)
{
    memset(text, 0, sizeof *text);
    lede_doc_end(doc);
    if (!doc->failed && doc->n_paras == 0) {
        lede_doc_free(doc);
        return LEDE_ERR_EMPTY;
    }
    if (doc->failed || !reserve(doc, 0)) {
        lede_doc_free(doc);
        return LEDE_ERR_NOMEM;
    }
    /* The text ends as a text file does, with a line end that is in no paragraph. */
    doc->bytes[doc->len++] = '\n';
    if (!reserve(doc, 0)) {
        lede_doc_free(doc);
        return LEDE_ERR_NOMEM;
    }
    doc->bytes[doc->len] = '\0';
    text->bytes = doc->bytes;
    text->len = doc->len;
    text->paras = doc->paras;
    text->n_paras = doc->n_paras;
    text->input = input;
    text->invalid_bytes = lede_utf8_invalid_count(text->bytes, text->len);
    memset(doc, 0, sizeof *doc);
    return LEDE_OK;
}

void lede_doc_free(lede_doc *doc)
{
    free(doc->bytes);
    free(doc->paras);
    memset(doc, 0, sizeof *doc);
}
