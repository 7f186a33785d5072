/* tagger.c - the entity recogniser at run time: the model's weights, greedy decoding,
 * names out. O(n) in the text: two tokenising passes, and for each candidate token a
 * bounded number of features, each one row of LEDE_NER_LABELS weights. */
#include <stdlib.h>
#include <string.h>
#include "lede/blob.h"
#include "lede/tagger.h"

struct lede_tagger {
    const lede_lexicon *lex;
    int16_t *w; /* LEDE_NER_BUCKETS rows of LEDE_NER_LABELS */
    lede_tokens toks;
    lede_ner_para para;
    lede_ner_doc *doc;
    uint8_t *labels;
    size_t cap_labels;
};

/* --- the model file ------------------------------------------------------------------ */

typedef struct {
    const unsigned char *p, *end;
    bool bad;
} reader;

static uint32_t read_u32(reader *r)
{
    if (r->end - r->p < 4) {
        r->bad = true;
        return 0;
    }
    uint32_t v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
                 (uint32_t)r->p[3] << 24;
    r->p += 4;
    return v;
}

static uint32_t read_varint(reader *r)
{
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
        if (r->p >= r->end)
            break;
        unsigned char b = *r->p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v > UINT32_MAX ? (r->bad = true, 0) : (uint32_t)v;
    }
    r->bad = true;
    return 0;
}

static lede_status load_weights(int16_t *w, const char *model, size_t len)
{
    reader r = {(const unsigned char *)model, (const unsigned char *)model + len, false};
    if (len < 8 || memcmp(model, LEDE_NER_MAGIC, 8) != 0)
        return LEDE_ERR_SYNTAX;
    r.p += 8;
    uint32_t version = read_u32(&r), bits = read_u32(&r), labels = read_u32(&r);
    uint32_t rows = read_u32(&r);
    if (r.bad || version != LEDE_NER_FEATURES_VERSION || bits != LEDE_NER_HASH_BITS ||
        labels != LEDE_NER_LABELS || rows > LEDE_NER_BUCKETS)
        return LEDE_ERR_SYNTAX;
    uint64_t at = 0;
    for (uint32_t k = 0; k < rows && !r.bad; k++) {
        at += read_varint(&r);
        uint32_t mask = read_varint(&r);
        if (at >= LEDE_NER_BUCKETS || mask >= 1u << LEDE_NER_LABELS)
            return LEDE_ERR_SYNTAX;
        for (unsigned l = 0; l < LEDE_NER_LABELS; l++) {
            if (!(mask & 1u << l))
                continue;
            uint32_t z = read_varint(&r);
            int32_t v = (int32_t)(z >> 1) ^ -(int32_t)(z & 1);
            if (v < INT16_MIN || v > INT16_MAX)
                return LEDE_ERR_SYNTAX;
            w[at * LEDE_NER_LABELS + l] = (int16_t)v;
        }
    }
    return r.bad || r.p != r.end ? LEDE_ERR_SYNTAX : LEDE_OK;
}

lede_status lede_tagger_new(const lede_lexicon *lex, const char *model, size_t len,
                            lede_tagger **out)
{
    *out = NULL;
    if (!model) {
        const struct lede_blob *b = lede_blob_find(lede_blob_models, "ner.model");
        if (!b)
            return LEDE_ERR_NOTFOUND;
        model = b->data;
        len = b->len;
    }
    lede_tagger *t = calloc(1, sizeof *t);
    if (!t)
        return LEDE_ERR_NOMEM;
    t->lex = lex;
    t->w = calloc((size_t)LEDE_NER_BUCKETS * LEDE_NER_LABELS, sizeof *t->w);
    lede_status st = t->w ? lede_ner_doc_new(&t->doc) : LEDE_ERR_NOMEM;
    if (st == LEDE_OK)
        st = load_weights(t->w, model, len);
    if (st != LEDE_OK) {
        lede_tagger_free(t);
        return st;
    }
    *out = t;
    return LEDE_OK;
}

void lede_tagger_free(lede_tagger *t)
{
    if (!t)
        return;
    free(t->w);
    lede_tokens_free(&t->toks);
    lede_ner_para_free(&t->para);
    lede_ner_doc_free(t->doc);
    free(t->labels);
    free(t);
}

void lede_ner_spans_free(lede_ner_spans *spans)
{
    free(spans->items);
    memset(spans, 0, sizeof *spans);
}

/* --- decoding ------------------------------------------------------------------------ */

lede_status lede_ner_decode(lede_ner_para *p, lede_ner_doc *doc, const lede_ner_scorer *sc,
                            const uint8_t *gold, uint8_t *labels)
{
    uint32_t feats[LEDE_NER_MAX_FEATURES];
    int32_t scores[LEDE_NER_LABELS];
    unsigned prev = 0, prev2 = 0;
    size_t n = p->toks->n;
    for (size_t i = 0; i < n; i++) {
        unsigned best = 0;
        if (lede_ner_candidate(p, i)) {
            bool next = lede_ner_candidate(p, i + 1);
            size_t nf = lede_ner_features(p, doc, i, prev, prev2, feats);
            sc->score(sc->ctx, feats, nf, scores);
            bool found = false;
            for (unsigned l = 0; l < LEDE_NER_LABELS; l++) {
                if (lede_ner_allowed(prev, l, next) && (!found || scores[l] > scores[best])) {
                    best = l;
                    found = true;
                }
            }
            if (gold && sc->learn)
                sc->learn(sc->ctx, feats, nf, gold[i], best);
            lede_status st = lede_ner_doc_note(doc, p, i, best);
            if (st != LEDE_OK)
                return st;
        }
        labels[i] = (uint8_t)best;
        prev2 = prev;
        prev = best;
    }
    return LEDE_OK;
}

static void score_int16(void *ctx, const uint32_t *feats, size_t n, int32_t *scores)
{
    const int16_t *w = ctx;
    for (unsigned l = 0; l < LEDE_NER_LABELS; l++)
        scores[l] = 0;
    for (size_t k = 0; k < n; k++) {
        const int16_t *row = w + (size_t)feats[k] * LEDE_NER_LABELS;
        for (unsigned l = 0; l < LEDE_NER_LABELS; l++)
            scores[l] += row[l];
    }
}

static lede_status push_span(lede_ner_spans *out, const lede_ner_span *sp)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 64;
        lede_ner_span *items = realloc(out->items, cap * sizeof *items);
        if (!items)
            return LEDE_ERR_NOMEM;
        out->items = items;
        out->cap = cap;
    }
    out->items[out->n++] = *sp;
    return LEDE_OK;
}

/* Turns a paragraph's labels into spans. */
static lede_status collect(const lede_tagger *t, size_t lo, uint32_t para, lede_ner_spans *out)
{
    const lede_token *toks = t->toks.items;
    size_t open = 0;
    for (size_t i = 0; i < t->toks.n; i++) {
        unsigned l = t->labels[i];
        if (!l)
            continue;
        unsigned pos = lede_ner_label_pos(l);
        if (pos == LEDE_NER_B || pos == LEDE_NER_U)
            open = i;
        if (pos == LEDE_NER_L || pos == LEDE_NER_U) {
            lede_ner_span sp = {{lo + toks[open].start, lo + toks[i].start + toks[i].len},
                                lede_ner_label_type(l), para};
            lede_status st = push_span(out, &sp);
            if (st != LEDE_OK)
                return st;
        }
    }
    return LEDE_OK;
}

lede_status lede_tagger_run(lede_tagger *t, const lede_text *text, lede_ner_spans *out)
{
    out->n = 0;
    lede_ner_doc_clear(t->doc);
    lede_status st = LEDE_OK;
    for (size_t i = 0; i < text->n_paras && st == LEDE_OK; i++) {
        const lede_span *sp = &text->paras[i].span;
        st = lede_tokenize(t->lex, text->bytes, sp->start, sp->end, &t->toks);
        if (st == LEDE_OK)
            st = lede_ner_doc_count(t->doc, text->bytes + sp->start, &t->toks);
    }
    lede_ner_scorer sc = {score_int16, NULL, t->w};
    for (size_t i = 0; i < text->n_paras && st == LEDE_OK; i++) {
        const lede_span *sp = &text->paras[i].span;
        st = lede_tokenize(t->lex, text->bytes, sp->start, sp->end, &t->toks);
        if (st == LEDE_OK && t->toks.n > t->cap_labels) {
            uint8_t *labels = realloc(t->labels, t->toks.n);
            if (!labels)
                return LEDE_ERR_NOMEM;
            t->labels = labels;
            t->cap_labels = t->toks.n;
        }
        if (st == LEDE_OK)
            st = lede_ner_para_reset(&t->para, t->lex, text->bytes + sp->start, &t->toks);
        if (st == LEDE_OK)
            st = lede_ner_decode(&t->para, t->doc, &sc, NULL, t->labels);
        if (st == LEDE_OK)
            st = collect(t, sp->start, (uint32_t)i, out);
    }
    return st;
}
