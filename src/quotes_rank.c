/* quotes_rank.c - choose a quote's source among the candidates the cue rules propose.
 *
 * Every rule of quotes.c that finds a source for a quote proposes it as a candidate
 * (with its cue), and "none" (the quote then continues the last speaker) is one more.
 * A linear model scores each candidate from a few features: which rule proposed it and
 * in what place of the rules' own order, the kind of source (name, pronoun,
 * description) and its entity's type, where the source lies and how far, the cue verb,
 * the quote's shape, and whether the speaker is the last quote's. The weights are
 * learned by tools/train/lede-train-quotes (an averaged perceptron on PolNeAR train)
 * and embedded from src/models/quotes.model. With no weights the first candidate wins,
 * which is what the rules alone choose. Constant work per candidate. */
#include <stdlib.h>
#include <string.h>
#include "lede/blob.h"
#include "quotes_impl.h"

/* The model's file: a header line, then "bucket weight" lines. */
#define MODEL_MAGIC "lede-quotes-ranker 1"

enum { KIND_NONE, KIND_NAME, KIND_PRONOUN, KIND_DESCRIPTION };

/* Feature templates; a feature is a template and a value, hashed into a bucket. */
enum {
    F_RULE = 1,
    F_RULE_FIRST,
    F_ORDER,
    F_RULE_EMBEDDED,
    F_RULE_KIND,
    F_RULE_TYPE,
    F_PLACE_DISTANCE,
    F_RULE_CUE,
    F_SAME_SPEAKER,
    F_RULE_PARTIAL,
    F_RULE_CLOSED,
    F_RULE_OPENS_PARA,
    F_KIND_TYPE,
    F_RULE_PLACE,
    F_N_CANDS,
};

static uint32_t feature(uint32_t tmpl, uint32_t value)
{
    uint64_t h = ((uint64_t)tmpl << 32 | value) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return (uint32_t)(h >> 40) & (QR_BUCKETS - 1);
}

/* A byte distance in a few buckets: next to it, the same clause, sentence, further. */
static uint32_t distance_bucket(size_t d)
{
    return d < 4 ? 0 : d < 24 ? 1 : d < 80 ? 2 : d < 200 ? 3 : 4;
}

static uint32_t source_kind(const qctx *c, const lede_quote *q)
{
    if (!q->has_source)
        return KIND_NONE;
    qtok t;
    if (qtok_next(c->s, q->source.end, q->source.start, &t) && t.end == q->source.end &&
        qtok_has(c, &t, QW_PRONOUN))
        return KIND_PRONOUN;
    const lede_name *n = quote_name_ending_at(c->names, q->source.end);
    return n && n->span.start >= q->source.start ? KIND_NAME : KIND_DESCRIPTION;
}

size_t quote_rank_features(const qctx *c, const found *f, const quote_cand *cands, size_t n,
                           size_t k, uint32_t prev_speaker, uint32_t *out)
{
    const quote_cand *cd = &cands[k];
    const lede_quote *q = &cd->q;
    uint32_t rule = (uint32_t)cd->rule, kind = source_kind(c, q);
    uint32_t type = q->speaker != LEDE_NONE && q->speaker < c->model->n_entities
                        ? (uint32_t)c->model->entities[q->speaker].type + 1
                        : 0;
    bool embedded = f->has_before && f->before.cp == 0;
    /* Where the source lies: before the quote, after it, inside it, or nowhere. */
    uint32_t place = 0, dist = 0;
    if (q->has_source) {
        if (q->source.end <= f->start) {
            place = 1;
            dist = distance_bucket(f->start - q->source.end);
        } else if (q->source.start >= f->end) {
            place = 2;
            dist = distance_bucket(q->source.start - f->end);
        } else {
            place = 3;
        }
    }
    uint32_t cue = !q->has_cue ? 0 : 1;
    if (q->has_cue) {
        qtok v = {q->cue.start, q->cue.end, 0};
        cue += quote_is_core_verb(c, &v);
    }
    size_t m = 0;
    out[m++] = feature(F_RULE, rule);
    out[m++] = feature(F_RULE_FIRST, rule << 1 | (k == 0));
    out[m++] = feature(F_ORDER, (uint32_t)(k < 5 ? k : 5));
    out[m++] = feature(F_RULE_EMBEDDED, rule << 1 | embedded);
    out[m++] = feature(F_RULE_KIND, rule << 2 | kind);
    out[m++] = feature(F_RULE_TYPE, rule << 3 | type);
    out[m++] = feature(F_PLACE_DISTANCE, place << 3 | dist);
    out[m++] = feature(F_RULE_CUE, rule << 2 | cue);
    out[m++] = feature(F_SAME_SPEAKER,
                       (q->speaker != LEDE_NONE && q->speaker == prev_speaker) << 2 | kind);
    out[m++] = feature(F_RULE_PARTIAL, rule << 1 | q->partial);
    out[m++] = feature(F_RULE_CLOSED, rule << 1 | f->closed);
    out[m++] = feature(F_RULE_OPENS_PARA, rule << 1 | f->opens_para);
    out[m++] = feature(F_KIND_TYPE, kind << 3 | type);
    out[m++] = feature(F_RULE_PLACE, rule << 2 | place);
    out[m++] = feature(F_N_CANDS, rule << 3 | (uint32_t)(n < 7 ? n : 7));
    return m;
}

size_t quote_rank_pick(const qctx *c, const found *f, const quote_cand *cands, size_t n,
                       uint32_t prev_speaker)
{
    if (!c->weights)
        return 0;
    size_t best = 0;
    int64_t best_score = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t feats[QR_MAX_FEATURES];
        size_t m = quote_rank_features(c, f, cands, n, k, prev_speaker, feats);
        int64_t score = 0;
        for (size_t i = 0; i < m; i++)
            score += c->weights[feats[i]];
        /* Ties go to the earlier candidate: the rules' own order. */
        if (k == 0 || score > best_score) {
            best = k;
            best_score = score;
        }
    }
    return best;
}

/* Reads an unsigned or signed decimal at *p, moving *p past it. */
static bool read_int(const char **p, const char *end, long long *v)
{
    const char *s = *p;
    bool neg = s < end && *s == '-';
    s += neg;
    if (s >= end || *s < '0' || *s > '9')
        return false;
    long long x = 0;
    for (; s < end && *s >= '0' && *s <= '9'; s++)
        if (x < 1000000000000LL)
            x = x * 10 + (*s - '0');
    *v = neg ? -x : x;
    *p = s;
    return true;
}

lede_status quote_rank_load(const char *buf, size_t len, int32_t **out)
{
    *out = NULL;
    const char *p = buf, *end = buf + len;
    /* Comment lines first, then the header. */
    while (p < end && *p == '#') {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    size_t mlen = strlen(MODEL_MAGIC);
    if ((size_t)(end - p) < mlen || memcmp(p, MODEL_MAGIC, mlen) != 0)
        return LEDE_ERR_SYNTAX;
    int32_t *w = calloc(QR_BUCKETS, sizeof *w);
    if (!w)
        return LEDE_ERR_NOMEM;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    p = nl ? nl + 1 : end;
    while (p < end) {
        long long b, v;
        if (!read_int(&p, end, &b) || p >= end || *p++ != ' ' || !read_int(&p, end, &v) || b < 0 ||
            b >= QR_BUCKETS || v < INT32_MIN || v > INT32_MAX) {
            free(w);
            return LEDE_ERR_SYNTAX;
        }
        w[b] = (int32_t)v;
        while (p < end && *p == '\n')
            p++;
    }
    *out = w;
    return LEDE_OK;
}

lede_status quote_rank_builtin(int32_t **out)
{
    const struct lede_blob *b = lede_blob_find(lede_blob_quote_model, "quotes.model");
    if (!b) {
        *out = NULL;
        return LEDE_OK; /* no model: the rules' own order */
    }
    return quote_rank_load(b->data, b->len, out);
}
