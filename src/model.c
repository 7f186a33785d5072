/* model.c - build the annotation model once, then answer position queries by binary
 * search over arrays sorted by start offset. */
#include <stdlib.h>
#include <string.h>
#include "lede/grow.h"
#include "lede/model.h"

/* Ids and indexes are uint32_t; LEDE_NONE is reserved. */
#define MAX_ITEMS ((size_t)UINT32_MAX - 1)

/* Names and roles live in chunks the model owns, so an article's strings cost a few
 * allocations rather than one each (a replaced role stays until the model is freed); each
 * chunk is twice the last. */
struct lede_model_chunk {
    struct lede_model_chunk *next;
    size_t used, cap;
    char data[];
};

/* Small enough for malloc's thread cache: a short article's names fit in one. */
#define FIRST_CHUNK 512

/* A copy of s in the model's chunks; NULL for NULL, or when memory runs out. */
static char *copy_str(lede_model *model, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    lede_model_chunk *c = model->strings;
    if (!c || c->cap - c->used < n) {
        size_t cap = c ? c->cap * 2 : FIRST_CHUNK;
        if (cap < n)
            cap = n;
        c = malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->next = model->strings;
        c->used = 0;
        c->cap = cap;
        model->strings = c;
    }
    char *p = c->data + c->used;
    memcpy(p, s, n);
    c->used += n;
    return p;
}

/* Makes room for item n (one more) in an array of *cap items of size bytes; an article
 * never reaches MAX_ITEMS, which keeps ids in a uint32_t. */
static lede_status reserve(void **items, size_t *cap, size_t n, size_t size)
{
    if (n >= MAX_ITEMS)
        return LEDE_ERR_NOMEM;
    return lede_grow(items, cap, n + 1, size);
}

void lede_model_init(lede_model *model)
{
    memset(model, 0, sizeof *model);
}

lede_status lede_model_add_entity(lede_model *model, lede_entity_type type, const char *name,
                                  const char *role, uint32_t *id)
{
    lede_entity *e;
    void *items = model->entities;
    lede_status rc = reserve(&items, &model->cap_entities, model->n_entities, sizeof *e);

    model->entities = items;
    if (rc != LEDE_OK)
        return rc;
    e = &model->entities[model->n_entities];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->name = copy_str(model, name ? name : "");
    e->role = copy_str(model, role);
    if (!e->name || (role && !e->role))
        return LEDE_ERR_NOMEM;
    e->id = (uint32_t)model->n_entities++;
    *id = e->id;
    return LEDE_OK;
}

lede_status lede_model_set_role(lede_model *model, uint32_t id, const char *role)
{
    char *copy;

    if (id >= model->n_entities)
        return LEDE_ERR_NOTFOUND;
    copy = copy_str(model, role);
    if (role && !copy)
        return LEDE_ERR_NOMEM;
    model->entities[id].role = copy;
    return LEDE_OK;
}

lede_status lede_model_add_mention(lede_model *model, uint32_t id, lede_span span)
{
    lede_mention *m;
    void *items = model->mentions;
    lede_status rc;

    if (id >= model->n_entities)
        return LEDE_ERR_NOTFOUND;
    if (span.end <= span.start)
        return LEDE_OK;
    rc = reserve(&items, &model->cap_mentions, model->n_mentions, sizeof *m);
    model->mentions = items;
    if (rc != LEDE_OK)
        return rc;
    m = &model->mentions[model->n_mentions];
    m->span = span;
    m->entity = id;
    /* Until lede_model_finish(), k is the order of insertion (it breaks sort ties). */
    m->k = (uint32_t)model->n_mentions++;
    return LEDE_OK;
}

lede_status lede_model_add_quote(lede_model *model, const lede_quote *quote)
{
    void *items = model->quotes;
    lede_status rc;

    if (quote->speaker != LEDE_NONE && quote->speaker >= model->n_entities)
        return LEDE_ERR_NOTFOUND;
    if (quote->span.end <= quote->span.start)
        return LEDE_OK;
    rc = reserve(&items, &model->cap_quotes, model->n_quotes, sizeof *quote);
    model->quotes = items;
    if (rc != LEDE_OK)
        return rc;
    model->quotes[model->n_quotes++] = *quote;
    return LEDE_OK;
}

/* By start, the longer first, then in order of insertion. */
static int cmp_mention(const void *pa, const void *pb)
{
    const lede_mention *a = pa, *b = pb;

    if (a->span.start != b->span.start)
        return a->span.start < b->span.start ? -1 : 1;
    if (a->span.end != b->span.end)
        return a->span.end > b->span.end ? -1 : 1;
    return a->k < b->k ? -1 : a->k > b->k;
}

static int cmp_quote(const void *pa, const void *pb)
{
    const lede_quote *a = pa, *b = pb;

    if (a->span.start != b->span.start)
        return a->span.start < b->span.start ? -1 : 1;
    if (a->span.end != b->span.end)
        return a->span.end > b->span.end ? -1 : 1;
    return 0;
}

static size_t span_len(lede_span s)
{
    return s.end - s.start;
}

/* Sorts the n spans (each the first member of an item of size bytes) and keeps, of any
 * that overlap, the longer one (the earlier on a tie). Returns how many are left. */
static size_t sort_and_resolve(void *items, size_t n, size_t size,
                               int (*cmp)(const void *, const void *))
{
    char *base = items;
    size_t kept = 0;

    if (n == 0)
        return 0;
    /* The annotator adds mentions in text order: skip the sort when it has nothing to do. */
    size_t sorted = 1;
    while (sorted < n && cmp(base + (sorted - 1) * size, base + sorted * size) <= 0)
        sorted++;
    if (sorted < n)
        qsort(items, n, size, cmp);
    for (size_t i = 0; i < n; i++) {
        lede_span *s = (lede_span *)(void *)(base + i * size);
        lede_span *last = kept ? (lede_span *)(void *)(base + (kept - 1) * size) : NULL;
        if (last && s->start < last->end) {
            /* It starts after last, so it cannot reach back to the one before last. */
            if (span_len(*s) > span_len(*last))
                memmove(last, s, size);
            continue;
        }
        if (kept != i)
            memmove(base + kept * size, s, size);
        kept++;
    }
    return kept;
}

/* Drops entities without mentions and renumbers the rest by first mention. remap
 * (n_entities entries) receives each old id's new id, or LEDE_NONE. */
static void renumber(lede_model *model, uint32_t *remap)
{
    size_t n = 0;
    lede_entity *old = model->entities;

    for (size_t i = 0; i < model->n_entities; i++)
        remap[i] = LEDE_NONE;
    for (size_t i = 0; i < model->n_mentions; i++) {
        uint32_t id = model->mentions[i].entity;
        if (remap[id] == LEDE_NONE)
            remap[id] = (uint32_t)n++;
        model->mentions[i].entity = remap[id];
    }
    for (size_t i = 0; i < model->n_quotes; i++) {
        uint32_t s = model->quotes[i].speaker;
        model->quotes[i].speaker = s == LEDE_NONE ? LEDE_NONE : remap[s];
    }
    /* Move each kept entity to its new slot: cycles of a permutation, via a swap. */
    for (size_t i = 0; i < model->n_entities; i++) {
        while (remap[i] != LEDE_NONE && remap[i] != i) {
            uint32_t j = remap[i];
            lede_entity tmp = old[j];
            uint32_t r = remap[j];
            old[j] = old[i];
            old[i] = tmp;
            remap[j] = remap[i];
            remap[i] = r;
        }
    }
    model->n_entities = n;
}

/* Fills mention.k and each entity's mentions[] and quotes[], which share one block. */
static lede_status index_entities(lede_model *model)
{
    size_t n_index = model->n_mentions;
    for (size_t i = 0; i < model->n_entities; i++) {
        lede_entity *e = &model->entities[i];
        e->id = (uint32_t)i;
        e->n_mentions = 0;
        e->n_quotes = 0;
    }
    for (size_t i = 0; i < model->n_mentions; i++)
        model->entities[model->mentions[i].entity].n_mentions++;
    for (size_t i = 0; i < model->n_quotes; i++) {
        if (model->quotes[i].speaker != LEDE_NONE) {
            model->entities[model->quotes[i].speaker].n_quotes++;
            n_index++;
        }
    }
    free(model->index);
    model->index = n_index ? malloc(n_index * sizeof *model->index) : NULL;
    if (n_index && !model->index) {
        for (size_t i = 0; i < model->n_entities; i++)
            model->entities[i].mentions = model->entities[i].quotes = NULL; /* were in index */
        return LEDE_ERR_NOMEM;
    }
    uint32_t *next = model->index;
    for (size_t i = 0; i < model->n_entities; i++) {
        lede_entity *e = &model->entities[i];
        e->mentions = next;
        next += e->n_mentions;
        e->quotes = e->n_quotes ? next : NULL;
        next += e->n_quotes;
        e->n_mentions = 0;
        e->n_quotes = 0;
    }
    for (size_t i = 0; i < model->n_mentions; i++) {
        lede_entity *e = &model->entities[model->mentions[i].entity];
        model->mentions[i].k = (uint32_t)e->n_mentions;
        e->mentions[e->n_mentions++] = (uint32_t)i;
    }
    for (size_t i = 0; i < model->n_quotes; i++) {
        if (model->quotes[i].speaker == LEDE_NONE)
            continue;
        lede_entity *e = &model->entities[model->quotes[i].speaker];
        e->quotes[e->n_quotes++] = (uint32_t)i;
    }
    return LEDE_OK;
}

lede_status lede_model_finish(lede_model *model)
{
    uint32_t *remap = NULL;

    if (model->n_entities) {
        remap = malloc(model->n_entities * sizeof *remap);
        if (!remap)
            return LEDE_ERR_NOMEM;
    }
    model->n_mentions =
        sort_and_resolve(model->mentions, model->n_mentions, sizeof *model->mentions, cmp_mention);
    model->n_quotes =
        sort_and_resolve(model->quotes, model->n_quotes, sizeof *model->quotes, cmp_quote);
    if (remap)
        renumber(model, remap);
    free(remap);
    return index_entities(model);
}

void lede_model_free(lede_model *model)
{
    while (model->strings) {
        lede_model_chunk *next = model->strings->next;
        free(model->strings);
        model->strings = next;
    }
    free(model->index);
    free(model->entities);
    free(model->mentions);
    free(model->quotes);
    memset(model, 0, sizeof *model);
}

/* --- queries ---------------------------------------------------------------------- */

/* Index of the first of the n spans (each at the start of an item of size bytes) whose
 * end is after offset; spans are sorted and do not overlap, so ends ascend too. */
static size_t first_ending_after(const void *items, size_t n, size_t size, size_t offset)
{
    const char *base = items;
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const lede_span *s = (const lede_span *)(const void *)(base + mid * size);
        if (s->end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t lede_model_first_mention_from(const lede_model *model, size_t offset)
{
    return first_ending_after(model->mentions, model->n_mentions, sizeof *model->mentions, offset);
}

size_t lede_model_first_quote_from(const lede_model *model, size_t offset)
{
    return first_ending_after(model->quotes, model->n_quotes, sizeof *model->quotes, offset);
}

const lede_mention *lede_model_mention_at(const lede_model *model, size_t offset)
{
    size_t i = lede_model_first_mention_from(model, offset);

    if (i < model->n_mentions && model->mentions[i].span.start <= offset)
        return &model->mentions[i];
    return NULL;
}

const lede_quote *lede_model_quote_at(const lede_model *model, size_t offset)
{
    size_t i = lede_model_first_quote_from(model, offset);

    if (i < model->n_quotes && model->quotes[i].span.start <= offset)
        return &model->quotes[i];
    return NULL;
}

/* A sequence of spans in start order: either a whole array, or a list of indexes into
 * one (an entity's mentions[] or quotes[]). */
typedef struct {
    const char *base;
    size_t size;
    const uint32_t *index; /* NULL: the items themselves */
    size_t n;
} span_seq;

static size_t seq_start(const span_seq *q, size_t i)
{
    size_t at = q->index ? q->index[i] : i;
    return ((const lede_span *)(const void *)(q->base + at * q->size))->start;
}

static const void *seq_item(const span_seq *q, size_t i)
{
    return q->base + (q->index ? q->index[i] : i) * q->size;
}

/* Number of items that start before offset, or at or before it when inclusive. */
static size_t count_starting(const span_seq *q, size_t offset, bool inclusive)
{
    size_t lo = 0, hi = q->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t s = seq_start(q, mid);
        if (s < offset || (inclusive && s == offset))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static const void *seq_next(const span_seq *q, size_t offset, bool wrap)
{
    size_t i = count_starting(q, offset, true);

    if (i < q->n)
        return seq_item(q, i);
    return wrap && q->n ? seq_item(q, 0) : NULL;
}

static const void *seq_prev(const span_seq *q, size_t offset, bool wrap)
{
    size_t i = count_starting(q, offset, false);

    if (i > 0)
        return seq_item(q, i - 1);
    return wrap && q->n ? seq_item(q, q->n - 1) : NULL;
}

static bool mention_seq(const lede_model *model, uint32_t id, span_seq *q)
{
    if (id >= model->n_entities)
        return false;
    q->base = (const char *)model->mentions;
    q->size = sizeof *model->mentions;
    q->index = model->entities[id].mentions;
    q->n = model->entities[id].n_mentions;
    return true;
}

static bool quote_seq(const lede_model *model, uint32_t speaker, span_seq *q)
{
    q->base = (const char *)model->quotes;
    q->size = sizeof *model->quotes;
    q->index = NULL;
    q->n = model->n_quotes;
    if (speaker == LEDE_NONE)
        return true;
    if (speaker >= model->n_entities)
        return false;
    q->index = model->entities[speaker].quotes;
    q->n = model->entities[speaker].n_quotes;
    return true;
}

const lede_mention *lede_model_next_mention(const lede_model *model, uint32_t id, size_t offset,
                                            bool wrap)
{
    span_seq q;

    return mention_seq(model, id, &q) ? seq_next(&q, offset, wrap) : NULL;
}

const lede_mention *lede_model_prev_mention(const lede_model *model, uint32_t id, size_t offset,
                                            bool wrap)
{
    span_seq q;

    return mention_seq(model, id, &q) ? seq_prev(&q, offset, wrap) : NULL;
}

const lede_quote *lede_model_next_quote(const lede_model *model, uint32_t speaker, size_t offset,
                                        bool wrap)
{
    span_seq q;

    return quote_seq(model, speaker, &q) ? seq_next(&q, offset, wrap) : NULL;
}

const lede_quote *lede_model_prev_quote(const lede_model *model, uint32_t speaker, size_t offset,
                                        bool wrap)
{
    span_seq q;

    return quote_seq(model, speaker, &q) ? seq_prev(&q, offset, wrap) : NULL;
}

size_t lede_model_quote_k(const lede_model *model, uint32_t speaker, const lede_quote *quote)
{
    span_seq q;

    if (!quote_seq(model, speaker, &q))
        return 0;
    return count_starting(&q, quote->span.start, false);
}

const char *lede_entity_type_name(lede_entity_type type)
{
    switch (type) {
    case LEDE_PERSON:
        return "person";
    case LEDE_PLACE:
        return "place";
    case LEDE_ORGANIZATION:
        return "organization";
    case LEDE_GROUP:
        return "group";
    case LEDE_ENTITY_TYPES:
        break;
    }
    return "unknown";
}
