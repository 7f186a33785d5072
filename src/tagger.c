/* tagger.c - the entity recogniser at run time: the model's weights, greedy decoding,
 * names out. O(n) in the text: two tokenising passes, and for each candidate token a
 * bounded number of features, each one row of LEDE_NER_LABELS weights. */
#include <stdlib.h>
#include <string.h>
#include "lede/blob.h"
#include "lede/grow.h"
#include "lede/tagger.h"

/* The weights: a row of LEDE_NER_LABELS per bucket that has one, in bucket order; the
 * buckets without one share zero_row. A model has ~60k rows of the 2^18 buckets. A
 * bucket's row is found by rank: one bit per bucket, in words of 64 with the number of
 * rows before each word, so the row of bucket b is the word's base plus the bits set
 * below b in it. That index is 64 KiB, mostly in cache, where a table of one row
 * number per bucket was 1 MiB read at random (and 256 fresh pages written at start). */
#define INDEX_BITS 64
typedef struct {
    uint64_t bits; /* bit k: bucket 64 * word + k has a row */
    uint32_t base; /* rows of the buckets before this word */
    uint32_t pad;  /* 16 bytes: a word never straddles a cache line */
} index_word;

typedef struct {
    index_word *index;       /* LEDE_NER_BUCKETS / INDEX_BITS */
    const int16_t *borrowed; /* rows x LEDE_NER_LABELS: in the model, or owned */
    int16_t *owned;          /* NULL, or the rows copied */
} weights;

/* The bits set in x, by shifts and one multiply, where __builtin_popcountll is a
 * library call on x86-64 without -mpopcnt. */
static unsigned bits_set(uint64_t x)
{
    x -= (x >> 1) & 0x5555555555555555ULL;
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

static const int16_t zero_row[LEDE_NER_LABELS];

/* The sum of the rows of a word's own features (lede_ner_word_features(): its bytes',
 * and the document's words before it), kept by those features' buckets: a text names
 * the same few thousand words again and again, and one lookup here replaces up to
 * LEDE_NER_WORD_FEATURES scattered rows. The buckets are compared
 * in full, so a hit is exact and the scores are the same as summing the rows (integer
 * sums, in any order). */
#define WORD_SUM_SLOTS 4096 /* 4096 x 156 bytes: War and Peace's candidate words mostly fit */
#define WORD_FEATS_MAX LEDE_NER_WORD_FEATURES
typedef struct {
    uint32_t n; /* 0: empty */
    uint32_t feats[WORD_FEATS_MAX];
    int32_t sum[LEDE_NER_LABELS];
} word_sum;

typedef struct {
    weights w;
    word_sum *sums; /* WORD_SUM_SLOTS */
} scorer;

struct lede_tagger {
    const lede_lexicon *lex;
    scorer sc;
    lede_tokens toks; /* the whole text's, paragraph after paragraph */
    size_t *para_tok; /* per paragraph: its first token in toks; one more at the end */
    size_t cap_para, n_paras;
    lede_ner_para para;
    lede_ner_doc *doc;
    uint8_t *labels;
    size_t cap_labels;
};

#define TOKEN_BYTES 4 /* bytes per token in prose, at least (War and Peace: 4.9, news 5.5) */

/* --- the model file ------------------------------------------------------------------ */

static uint32_t get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Reads the model (format in tagger.h). The rows of the built-in model are used where
 * they lie in the binary (borrowed: no copy, no decoding, so starting stays fast);
 * another model's are copied, as its buffer is the caller's. */
static lede_status load_weights(weights *w, const char *model, size_t len, bool borrow)
{
    const unsigned char *m = (const unsigned char *)model;
    if (len < LEDE_NER_HEADER || memcmp(model, LEDE_NER_MAGIC, 8) != 0)
        return LEDE_ERR_SYNTAX;
    uint32_t version = get_u32(m + 8), bits = get_u32(m + 12), labels = get_u32(m + 16);
    uint32_t rows = get_u32(m + 20);
    size_t row_bytes = (size_t)LEDE_NER_LABELS * sizeof(int16_t);
    if (version != LEDE_NER_FEATURES_VERSION || bits != LEDE_NER_HASH_BITS ||
        labels != LEDE_NER_LABELS || rows > LEDE_NER_BUCKETS ||
        len != LEDE_NER_HEADER + (size_t)rows * (4 + row_bytes))
        return LEDE_ERR_SYNTAX;
    size_t words = LEDE_NER_BUCKETS / INDEX_BITS;
    w->index = calloc(words, sizeof *w->index);
    if (!w->index)
        return LEDE_ERR_NOMEM;
    const unsigned char *buckets = m + LEDE_NER_HEADER, *data = buckets + (size_t)rows * 4;
    for (uint32_t k = 0; k < rows; k++) {
        uint32_t b = get_u32(buckets + (size_t)k * 4);
        /* ascending, so that a bucket's rank among them is its row */
        if (b >= LEDE_NER_BUCKETS || (k > 0 && b <= get_u32(buckets + (size_t)(k - 1) * 4)))
            return LEDE_ERR_SYNTAX;
        w->index[b / INDEX_BITS].bits |= 1ULL << (b % INDEX_BITS);
    }
    uint32_t before = 0;
    for (size_t k = 0; k < words; k++) {
        w->index[k].base = before;
        before += bits_set(w->index[k].bits);
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (borrow && ((uintptr_t)data % sizeof(int16_t)) == 0) {
        w->borrowed = (const int16_t *)(const void *)data;
        return LEDE_OK;
    }
#else
    (void)borrow;
#endif
    w->owned = malloc((size_t)rows * row_bytes + 1);
    if (!w->owned)
        return LEDE_ERR_NOMEM;
    for (size_t k = 0; k < (size_t)rows * LEDE_NER_LABELS; k++)
        w->owned[k] = (int16_t)(uint16_t)(data[2 * k] | data[2 * k + 1] << 8);
    w->borrowed = w->owned;
    return LEDE_OK;
}

lede_status lede_tagger_new(const lede_lexicon *lex, const char *model, size_t len,
                            lede_tagger **out)
{
    *out = NULL;
    bool builtin = !model;
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
    lede_status st = lede_ner_doc_new(&t->doc);
    if (st == LEDE_OK)
        st = load_weights(&t->sc.w, model, len, builtin);
    if (st == LEDE_OK && !(t->sc.sums = calloc(WORD_SUM_SLOTS, sizeof *t->sc.sums)))
        st = LEDE_ERR_NOMEM;
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
    free(t->sc.w.index);
    free(t->sc.w.owned);
    free(t->sc.sums);
    free(t->para_tok);
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

lede_tokens lede_tagger_tokens(const lede_tagger *t, size_t para)
{
    lede_tokens view = {NULL, 0, 0};
    if (para < t->n_paras) {
        view.items = t->toks.items + t->para_tok[para];
        view.n = t->para_tok[para + 1] - t->para_tok[para];
    }
    return view;
}

/* --- decoding ------------------------------------------------------------------------ */

lede_status lede_ner_decode(lede_ner_para *p, lede_ner_doc *doc, const lede_ner_scorer *sc,
                            const uint8_t *gold, uint8_t *labels)
{
    uint32_t feats[LEDE_NER_MAX_FEATURES];
    int32_t scores[LEDE_NER_LABELS];
    size_t n = p->toks->n;
    /* Every token but a candidate is O: only the candidates are visited, reading the
     * labels of the two tokens before each (O where those were passed by). */
    memset(labels, 0, n);
    for (size_t i = lede_ner_next_candidate(p, 0); i < n; i = lede_ner_next_candidate(p, i + 1)) {
        unsigned best = 0;
        unsigned prev = i > 0 ? labels[i - 1] : 0, prev2 = i > 1 ? labels[i - 2] : 0;
        bool next = lede_ner_candidate(p, i + 1);
        size_t nf = lede_ner_features(p, doc, i, prev, prev2, feats);
        sc->score(sc->ctx, feats, nf, lede_ner_word_features(p, i), scores);
        bool found = false;
        uint32_t allowed = lede_ner_allowed_labels(prev, next);
        for (unsigned l = 0; l < LEDE_NER_LABELS; l++) {
            if ((allowed >> l & 1) && (!found || scores[l] > scores[best])) {
                best = l;
                found = true;
            }
        }
        if (gold && sc->learn)
            sc->learn(sc->ctx, feats, nf, gold[i], best);
        lede_status st = lede_ner_doc_note(doc, p, i, best);
        if (st != LEDE_OK)
            return st;
        labels[i] = (uint8_t)best;
    }
    return LEDE_OK;
}

/* The scoring functions are written once, inline, with a constant hw: true where they
 * are compiled for a processor with a population count instruction (see score_popcnt),
 * which the rank of every feature's bucket asks for. */
#if defined(__GNUC__)
#define SCORE_INLINE static inline __attribute__((always_inline))
#else
#define SCORE_INLINE static inline
#endif

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif

SCORE_INLINE const int16_t *row(const weights *w, uint32_t feat, bool hw)
{
    const index_word *iw = &w->index[feat / INDEX_BITS];
    uint64_t bit = 1ULL << (feat % INDEX_BITS), below = iw->bits & (bit - 1);
    if (!(iw->bits & bit))
        return zero_row;
#if defined(__GNUC__)
    unsigned rank = hw ? (unsigned)__builtin_popcountll(below) : bits_set(below);
#else
    (void)hw;
    unsigned rank = bits_set(below);
#endif
    return w->borrowed + (size_t)(iw->base + rank) * LEDE_NER_LABELS;
}

#if defined(__GNUC__) && LEDE_NER_LABELS == 17
/* Eight labels at a time: a row's first sixteen weights are two vectors of int16,
 * widened and added to two vectors of int32 (GCC and Clang vector extensions: SSE2 on
 * x86-64, NEON on arm64), the seventeenth alone. Integer sums, so the scores are the
 * same as label by label: this loop was a tenth of 'lede --json' on a book. */
typedef int16_t v8_i16 __attribute__((vector_size(16)));
typedef int32_t v8_i32 __attribute__((vector_size(32)));

static void sum_rows(const int16_t *const *rows, size_t n, int32_t *acc)
{
    v8_i32 lo, hi;
    memcpy(&lo, acc, sizeof lo);
    memcpy(&hi, acc + 8, sizeof hi);
    int32_t last = acc[16];
    for (size_t k = 0; k < n; k++) {
        v8_i16 a, b;
        memcpy(&a, rows[k], sizeof a);
        memcpy(&b, rows[k] + 8, sizeof b);
        lo += __builtin_convertvector(a, v8_i32);
        hi += __builtin_convertvector(b, v8_i32);
        last += rows[k][16];
    }
    memcpy(acc, &lo, sizeof lo);
    memcpy(acc + 8, &hi, sizeof hi);
    acc[16] = last;
}
#else
static void sum_rows(const int16_t *const *rows, size_t n, int32_t *acc)
{
    for (size_t k = 0; k < n; k++)
        for (unsigned l = 0; l < LEDE_NER_LABELS; l++)
            acc[l] += rows[k][l];
}
#endif

/* Adds the rows of feats[0..n) to acc. */
SCORE_INLINE void add_rows(const weights *w, const uint32_t *feats, size_t n, int32_t *acc, bool hw)
{
    const int16_t *rows[LEDE_NER_MAX_FEATURES];
    /* The index look-ups first: they are independent, so their cache misses overlap
     * instead of each waiting for the sum before it. */
    for (size_t k = 0; k < n; k++)
        rows[k] = row(w, feats[k], hw);
    sum_rows(rows, n, acc);
}

SCORE_INLINE void score_with(void *ctx, const uint32_t *feats, size_t n, size_t word,
                             int32_t *scores, bool hw)
{
    scorer *sc = ctx;
    int32_t acc[LEDE_NER_LABELS] = {0}; /* local, so it can stay in registers */
    if (word > WORD_FEATS_MAX || word > n) {
        add_rows(&sc->w, feats, n, acc, hw);
    } else {
        /* feats[1] is the word's bucket, feats[3] its shape's: hash enough to spread.
         * The context's rows are summed first, while the word's slot (often not in
         * the cache) is on its way: integer sums, so the order changes nothing. */
        word_sum *ws = &sc->sums[(feats[1] ^ feats[3] * 0x9E3779B1u) & (WORD_SUM_SLOTS - 1)];
        PREFETCH(ws);
        add_rows(&sc->w, feats + word, n - word, acc, hw);
        if (ws->n != word || memcmp(ws->feats, feats, word * sizeof *feats) != 0) {
            memset(ws->sum, 0, sizeof ws->sum);
            add_rows(&sc->w, feats, word, ws->sum, hw);
            memcpy(ws->feats, feats, word * sizeof *feats);
            ws->n = (uint32_t)word;
        }
        for (unsigned l = 0; l < LEDE_NER_LABELS; l++)
            acc[l] += ws->sum[l];
    }
    memcpy(scores, acc, sizeof acc);
}

typedef void score_fn(void *ctx, const uint32_t *feats, size_t n, size_t word, int32_t *scores);

static void score_int16(void *ctx, const uint32_t *feats, size_t n, size_t word, int32_t *scores)
{
    score_with(ctx, feats, n, word, scores, false);
}

#if defined(__GNUC__) && defined(__x86_64__)
/* score_int16 compiled for processors with POPCNT (x86-64 since 2008), chosen at run
 * time: the default build targets the first x86-64, where a population count is a
 * library call. Same sums, so the same scores. */
__attribute__((target("popcnt"))) static void score_popcnt(void *ctx, const uint32_t *feats,
                                                           size_t n, size_t word, int32_t *scores)
{
    score_with(ctx, feats, n, word, scores, true);
}

static score_fn *best_score(void)
{
    return __builtin_cpu_supports("popcnt") ? score_popcnt : score_int16;
}
#else
static score_fn *best_score(void)
{
    return score_int16;
}
#endif

lede_status lede_ner_spans_push(lede_ner_spans *out, const lede_ner_span *sp)
{
    if (LEDE_GROW(out->items, out->cap, out->n + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    out->items[out->n++] = *sp;
    return LEDE_OK;
}

/* Turns a paragraph's labels into spans. */
static lede_status collect(const lede_tagger *t, const lede_tokens *toks, size_t lo, uint32_t para,
                           lede_ner_spans *out)
{
    size_t open = 0;
    for (size_t i = 0; i < toks->n; i++) {
        unsigned l = t->labels[i];
        if (!l)
            continue;
        unsigned pos = lede_ner_label_pos(l);
        if (pos == LEDE_NER_B || pos == LEDE_NER_U)
            open = i;
        if (pos == LEDE_NER_L || pos == LEDE_NER_U) {
            const lede_token *a = &toks->items[open], *b = &toks->items[i];
            lede_ner_span sp = {{lo + a->start, lo + b->start + b->len}, lede_ner_label_type(l),
                                para};
            lede_status st = lede_ner_spans_push(out, &sp);
            if (st != LEDE_OK)
                return st;
        }
    }
    return LEDE_OK;
}

/* Pass one: every paragraph's tokens, kept for pass two, and the document's counts. */
static lede_status count_words(lede_tagger *t, const lede_text *text)
{
    if (LEDE_GROW(t->para_tok, t->cap_para, text->n_paras + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    t->toks.n = 0;
    /* A word and a space are five bytes or more: reserving for that saves the copies of
     * growing the array by doubling through megabytes of tokens. */
    size_t guess = text->len / TOKEN_BYTES + 16;
    if (guess > t->toks.cap) {
        lede_token *items = lede_alloc_big(guess * sizeof *items);
        if (!items)
            return LEDE_ERR_NOMEM;
        free(t->toks.items);
        t->toks.items = items;
        t->toks.cap = guess;
    }
    size_t most = 0;
    for (size_t i = 0; i < text->n_paras; i++) {
        const lede_span *sp = &text->paras[i].span;
        size_t first = t->para_tok[i] = t->toks.n;
        lede_status st = lede_tokenize_append(t->lex, text->bytes, sp->start, sp->end, &t->toks);
        lede_tokens view = {t->toks.items + first, t->toks.n - first, 0};
        if (st == LEDE_OK)
            st = lede_ner_doc_count(t->doc, text->bytes + sp->start, &view, true);
        if (st != LEDE_OK)
            return st;
        most = view.n > most ? view.n : most;
    }
    t->para_tok[text->n_paras] = t->toks.n;
    t->n_paras = text->n_paras;
    for (size_t i = 0; i < text->n_paras; i++) {
        lede_tokens view = {t->toks.items + t->para_tok[i], t->para_tok[i + 1] - t->para_tok[i], 0};
        lede_ner_doc_count(t->doc, text->bytes + text->paras[i].span.start, &view, false);
    }
    if (LEDE_GROW(t->labels, t->cap_labels, most) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    return LEDE_OK;
}

lede_status lede_tagger_run(lede_tagger *t, const lede_text *text, lede_ner_spans *out)
{
    out->n = 0;
    lede_ner_doc_clear(t->doc);
    lede_status st = count_words(t, text);
    lede_ner_scorer sc = {best_score(), NULL, &t->sc};
    for (size_t i = 0; i < text->n_paras && st == LEDE_OK; i++) {
        const lede_span *sp = &text->paras[i].span;
        size_t first = t->para_tok[i];
        lede_tokens view = {t->toks.items + first, t->para_tok[i + 1] - first, 0};
        if (!view.n)
            continue;
        st = lede_ner_para_reset(&t->para, t->lex, text->bytes + sp->start, &view);
        if (st == LEDE_OK)
            st = lede_ner_decode(&t->para, t->doc, &sc, NULL, t->labels);
        if (st == LEDE_OK)
            st = collect(t, &view, sp->start, (uint32_t)i, out);
    }
    return st;
}
