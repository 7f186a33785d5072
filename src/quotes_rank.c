/* quotes_rank.c - choose a quote's source among the candidates the cue rules propose.
 *
 * Every rule of quotes.c that finds a source for a quote proposes it as a candidate
 * (with its cue), and "none" (the quote then continues the last speaker) is one more.
 * A linear model scores each candidate from a few features: which rule proposed it and
 * in what place of the rules' own order, the kind of source (name, pronoun,
 * description) and its entity's type, where the source lies, how far and across how
 * many sentences and paragraphs, the words on either side of it ("X said", "said X",
 * "of X", "X (R-Ohio), … said"), which pronoun it is, a description's first and last
 * words ("a spokesman" is a source, "always" or "the United" is not), the cue ("said",
 * another verb, "according to"), what stands right before the quote (a colon, a comma,
 * a word), whether the source stands between the quote and the one before it (“A,” X
 * said, but he said “B”) or before both, the quote's shape, and whether the speaker is
 * the last quote's. The weights are
 * learned by tools/train/lede-train-quotes (an averaged perceptron on PolNeAR train)
 * and embedded from src/models/quotes.model. With no weights the first candidate wins,
 * which is what the rules alone choose. Constant work per candidate (the sentences
 * crossed are counted over at most CROSS_REACH tokens). */
#include <stdlib.h>
#include <string.h>
#include "lede/blob.h"
#include "quotes_impl.h"

/* The model's file: a header line, then "bucket weight" lines. */
#define MODEL_MAGIC "lede-quotes-ranker 1"

enum { KIND_NONE, KIND_NAME, KIND_PRONOUN, KIND_DESCRIPTION };

/* The values below shape the features src/models/quotes.model was trained on: changing
 * one changes the features, and the model must be retrained (lede-train-quotes). */
/* Byte distances from a quote to its source, bucketed: next to it (", said"), the same
 * clause, the same sentence, a sentence or two away, further. Set with the ranker
 * (ddee5a0) from the lengths of news clauses and sentences, not searched. */
#define DIST_NEXT 4
#define DIST_CLAUSE 24
#define DIST_SENTENCE 80
#define DIST_NEAR 200
/* A candidate's place in the rules' order is counted up to ORDER_MAX (ddee5a0): the
 * first few rules decide most quotes. */
#define ORDER_MAX 5
/* Candidates counted up to N_CANDS_MAX: the three bits the feature gives them. */
#define N_CANDS_MAX 7
/* Bytes of a word hashed, and the bits of the hash kept (91c17e1): every pronoun of
 * src/lexicon/quote.txt has at most four letters, and eight tell the head words of
 * descriptions apart ("spokesma", "spokeswo", "statemen"). */
#define WORD_BYTES 8
#define WORD_HASH_MASK 0xffff
/* Bytes read back from a source for the word before it ("said X", "of X"), as coref.c
 * reads back for a subject: a title and its owner (91c17e1). */
#define CONTEXT_BYTES 96

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
    F_SENTENCES,
    F_BEFORE_SOURCE,
    F_AFTER_SOURCE,
    F_PRONOUN_WORD,
    F_RULE_SENTENCES,
    F_CONTEXT,
    F_TYPE_PLACE,
    F_LEAD_IN,
    F_DESC_FIRST,
    F_DESC_LAST,
    F_FRESH,
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
    return d < DIST_NEXT ? 0 : d < DIST_CLAUSE ? 1 : d < DIST_SENTENCE ? 2 : d < DIST_NEAR ? 3 : 4;
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

/* Tokens read between a quote and its source for the sentences crossed: a long news
 * sentence; further counts as far. */
#define CROSS_REACH 64
enum { CROSS_FAR = 3 };

/* The sentence ends between offsets a and b (a <= b), 0 to 2, or CROSS_FAR; a
 * paragraph break adds 4 (a caller may add one more end: 0 to 7 in all). */
static uint32_t sentences_between(const qctx *c, size_t a, size_t b)
{
    uint32_t ends = 0;
    qtok t;
    size_t at = a;
    int i = 0;
    for (; i < CROSS_REACH && qtok_next(c->s, b, at, &t); i++, at = t.end)
        ends += quote_ends_sentence(c, a, &t) && ends < 2;
    if (i == CROSS_REACH)
        return CROSS_FAR;
    return ends | (memchr(c->s + a, '\n', b - a) ? 4u : 0u);
}

/* What stands next to a source, for its role in the sentence. */
enum {
    CTX_NONE,
    CTX_SENTENCE,
    CTX_COMMA,
    CTX_PAREN,
    CTX_MARK,
    CTX_CORE_VERB,
    CTX_VERB,
    CTX_FUNCTION,
    CTX_DET,
    CTX_WORD,
    CTX_APOSTROPHE,
    CTX_OTHER,
};

static uint32_t context_class(const qctx *c, size_t lo, const qtok *t)
{
    if (quote_is_mark(t->cp))
        return CTX_MARK;
    if (t->cp == ',')
        return CTX_COMMA;
    if (t->cp == '(' || t->cp == ')')
        return CTX_PAREN;
    if (t->cp == '\'' || t->cp == 0x2019)
        return CTX_APOSTROPHE;
    if (quote_ends_sentence(c, lo, t) || t->cp == ':')
        return CTX_SENTENCE;
    if (t->cp != 0)
        return CTX_OTHER;
    if (quote_is_core_verb(c, t))
        return CTX_CORE_VERB;
    if (quote_is_speech_verb(c, lo, t))
        return CTX_VERB;
    if (qtok_has(c, t, QW_DET))
        return CTX_DET;
    if (qtok_has(c, t, QW_FUNCTION))
        return CTX_FUNCTION;
    return CTX_WORD;
}

/* A small hash of the lower-cased word at t: a pronoun, a description's first or last. */
static uint32_t word_hash(const qctx *c, const qtok *t)
{
    uint32_t h = 1;
    for (size_t i = t->start; i < t->end && i < t->start + WORD_BYTES; i++) {
        char ch = c->s[i];
        h = h * 31 + (uint32_t)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    return h & WORD_HASH_MASK;
}

/* The cue of q: none, a verb, a verb of speech proper ("said"), or "according to". */
static uint32_t cue_class(const qctx *c, const lede_quote *q)
{
    if (!q->has_cue)
        return 0;
    qtok v;
    if (!qtok_next(c->s, q->cue.end, q->cue.start, &v))
        return 1;
    if (qtok_is(c->s, &v, "according") || qtok_is(c->s, &v, "According"))
        return 3;
    return 1 + quote_is_core_verb(c, &v);
}

/* What stands right before a quote: nothing in its paragraph, a word (quoted words
 * inside a sentence), a colon ("X said: “…”"), a comma ("X said, “…”"), other. */
static uint32_t lead_in(const found *f)
{
    if (!f->has_before)
        return 0;
    return f->before.cp == 0 ? 1 : f->before.cp == ':' ? 2 : f->before.cp == ',' ? 3 : 4;
}

/* Where a source before the quote f stands against the quote before f in its paragraph:
 * 0 no such quote (or the source is not before f), 1 the source lies between the two
 * ("“A,” X said, but he said “B”": B has its own speaker), 2 it lies before the earlier
 * quote (what a sibling quote takes from it). */
static uint32_t fresh(const qctx *c, const found *f, const lede_quote *q)
{
    size_t i = (size_t)(f - c->quotes->items);
    if (!q->has_source || q->source.end > f->start || i == 0 || i >= c->quotes->n ||
        c->quotes->items[i - 1].para != f->para)
        return 0;
    return q->source.start >= c->quotes->items[i - 1].end ? 1 : 2;
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
    uint32_t cue = cue_class(c, q);
    size_t m = 0;
    out[m++] = feature(F_RULE, rule);
    out[m++] = feature(F_RULE_FIRST, rule << 1 | (k == 0));
    out[m++] = feature(F_ORDER, (uint32_t)(k < ORDER_MAX ? k : ORDER_MAX));
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
    out[m++] = feature(F_N_CANDS, rule << 3 | (uint32_t)(n < N_CANDS_MAX ? n : N_CANDS_MAX));
    /* The sentences crossed, and the words on either side of the source: "X said",
     * "said X", "of X", "X (R-Ohio), ... said". */
    uint32_t cross = 0, before = CTX_NONE, after = CTX_NONE, pron = 0;
    if (place == 1)
        cross = sentences_between(c, q->source.end, f->start);
    else if (place == 2)
        cross = sentences_between(c, f->end, q->source.start) + f->ends_sentence;
    if (q->has_source) {
        qtok t;
        size_t lo = q->source.start > CONTEXT_BYTES ? q->source.start - CONTEXT_BYTES : 0;
        if (qtok_prev(c->s, lo, q->source.start, &t))
            before = context_class(c, lo, &t);
        if (qtok_next(c->s, c->len, q->source.end, &t))
            after = context_class(c, lo, &t);
        if (kind == KIND_PRONOUN && qtok_next(c->s, q->source.end, q->source.start, &t))
            pron = word_hash(c, &t);
    }
    out[m++] = feature(F_SENTENCES, place << 4 | cross << 1 | embedded);
    out[m++] = feature(F_RULE_SENTENCES, rule << 6 | place << 4 | cross);
    out[m++] = feature(F_BEFORE_SOURCE, kind << 5 | before << 1 | (place == 1));
    out[m++] = feature(F_AFTER_SOURCE, kind << 5 | after << 1 | (place == 1));
    out[m++] = feature(F_CONTEXT, before << 8 | after << 4 | kind);
    out[m++] = feature(F_PRONOUN_WORD, pron << 2 | place);
    out[m++] = feature(F_TYPE_PLACE, type << 8 | place << 4 | cross);
    /* A description's first and last words: "a spokesman", "the statement" make sources,
     * "so", "always", "the United" (a name cut short) do not. */
    uint32_t first_word = 0, last_word = 0;
    if (kind == KIND_DESCRIPTION) {
        qtok t;
        if (qtok_next(c->s, q->source.end, q->source.start, &t))
            first_word = word_hash(c, &t);
        if (qtok_prev(c->s, q->source.start, q->source.end, &t))
            last_word = word_hash(c, &t);
    }
    out[m++] = feature(F_DESC_FIRST, first_word);
    out[m++] = feature(F_DESC_LAST, last_word);
    out[m++] = feature(F_LEAD_IN, rule << 6 | place << 3 | lead_in(f));
    out[m++] = feature(F_FRESH, rule << 4 | fresh(c, f, q) << 2 | kind);
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
