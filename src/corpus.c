/* corpus.c - the entities of all the articles of a session (see corpus.h). Names are
 * keyed by type and lower-case bytes; a one-word person name is looked up as a surname
 * of the full-named people met so far, and a full name met later takes over the entry
 * of its one-word form. Each article's entities are added in O(e) expected time. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lede/corpus.h"
#include "lede/grow.h"

#define AMBIGUOUS (UINT32_MAX - 1) /* a surname of two different people */
#define KEY_MAX 256                /* longer names are keyed by their first bytes */

lede_status lede_corpus_init(lede_corpus *c, lede_article *articles, size_t n)
{
    memset(c, 0, sizeof *c);
    c->articles = articles;
    c->n = n;
    lede_strmap_init(&c->names);
    lede_strmap_init(&c->surnames);
    c->local = calloc(n ? n : 1, sizeof *c->local);
    return c->local ? LEDE_OK : LEDE_ERR_NOMEM;
}

bool lede_corpus_done(const lede_corpus *c)
{
    return c->added >= c->n;
}

/* "t:lower-case name" in buf; returns its length. */
static size_t make_key(lede_entity_type type, const char *name, char *buf)
{
    size_t n = 0;
    buf[n++] = (char)('0' + type);
    buf[n++] = ':';
    for (const char *s = name; *s && n < KEY_MAX - 1; s++)
        buf[n++] = (char)tolower((unsigned char)*s);
    return n;
}

/* The last word of a person's name ("howard" of "Michael Howard"), or NULL for a name of
 * one word. */
static const char *surname(const char *name)
{
    const char *sp = strrchr(name, ' ');
    return sp && sp[1] ? sp + 1 : NULL;
}

static uint32_t resolve(const lede_corpus *c, uint32_t id)
{
    while (id < c->n_entries && c->entries[id].alias_of != LEDE_NONE)
        id = c->entries[id].alias_of;
    return id;
}

const lede_corpus_entry *lede_corpus_get(const lede_corpus *c, uint32_t id)
{
    id = resolve(c, id);
    return id < c->n_entries ? &c->entries[id] : NULL;
}

uint32_t lede_corpus_entry_of(const lede_corpus *c, size_t article, uint32_t id)
{
    if (article >= c->added || !c->local[article] || id >= c->articles[article].model.n_entities)
        return LEDE_NONE;
    return resolve(c, c->local[article][id]);
}

static lede_status new_entry(lede_corpus *c, const lede_entity *e, uint32_t *out)
{
    if (LEDE_GROW(c->entries, c->cap_entries, c->n_entries + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    lede_corpus_entry *en = &c->entries[c->n_entries];
    memset(en, 0, sizeof *en);
    en->type = e->type;
    en->name = e->name;
    en->role = e->role;
    en->alias_of = LEDE_NONE;
    *out = (uint32_t)c->n_entries++;
    return LEDE_OK;
}

static lede_status reserve_hits(lede_corpus_entry *en, size_t n)
{
    return LEDE_GROW(en->hits, en->cap_hits, n);
}

/* Counts hit into en: the same article's hits become one (the entity with the most
 * mentions names it there). Articles come in ascending order, so it goes at the end. */
static lede_status add_hit(lede_corpus_entry *en, lede_corpus_hit hit)
{
    en->mentions += hit.mentions;
    en->quotes += hit.quotes;
    if (en->n_hits > 0 && en->hits[en->n_hits - 1].article == hit.article) {
        lede_corpus_hit *last = &en->hits[en->n_hits - 1];
        if (hit.mentions > last->mentions)
            last->entity = hit.entity;
        last->mentions += hit.mentions;
        last->quotes += hit.quotes;
        return LEDE_OK;
    }
    if (reserve_hits(en, en->n_hits + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    en->hits[en->n_hits++] = hit;
    return LEDE_OK;
}

/* Moves the hits of entry from into entry to (both sorted by article), which it becomes
 * an alias of. */
static lede_status merge_into(lede_corpus *c, uint32_t from, uint32_t to)
{
    lede_corpus_entry *a = &c->entries[from], *b = &c->entries[to];
    lede_corpus_hit *merged = malloc((a->n_hits + b->n_hits) * sizeof *merged);
    if (!merged)
        return LEDE_ERR_NOMEM;
    size_t i = 0, j = 0, n = 0;
    while (i < a->n_hits || j < b->n_hits) {
        bool take_a = j >= b->n_hits || (i < a->n_hits && a->hits[i].article < b->hits[j].article);
        lede_corpus_hit h = take_a ? a->hits[i++] : b->hits[j++];
        if (n > 0 && merged[n - 1].article == h.article) {
            if (h.mentions > merged[n - 1].mentions)
                merged[n - 1].entity = h.entity;
            merged[n - 1].mentions += h.mentions;
            merged[n - 1].quotes += h.quotes;
        } else {
            merged[n++] = h;
        }
    }
    free(b->hits);
    b->cap_hits = a->n_hits + b->n_hits;
    b->hits = merged;
    b->n_hits = n;
    b->mentions += a->mentions;
    b->quotes += a->quotes;
    free(a->hits);
    a->hits = NULL;
    a->n_hits = a->cap_hits = 0;
    a->mentions = a->quotes = 0;
    a->alias_of = to;
    return LEDE_OK;
}

/* Finds (or makes) the entry of e: by name, then for a one-word person name by surname;
 * a new full-named person takes over an entry of its one-word form. */
static lede_status entry_for(lede_corpus *c, const lede_entity *e, uint32_t *out)
{
    char key[KEY_MAX];
    size_t klen = make_key(e->type, e->name, key);
    uint32_t id = lede_strmap_get(&c->names, key, klen);
    if (id != UINT32_MAX) {
        *out = resolve(c, id);
        return LEDE_OK;
    }
    const char *sur = e->type == LEDE_PERSON ? surname(e->name) : NULL;
    char skey[KEY_MAX];
    size_t slen = 0;
    if (e->type == LEDE_PERSON)
        slen = make_key(LEDE_PERSON, sur ? sur : e->name, skey);
    if (e->type == LEDE_PERSON && !sur) {
        uint32_t full = lede_strmap_get(&c->surnames, skey, slen);
        if (full != UINT32_MAX && full != AMBIGUOUS) {
            *out = resolve(c, full);
            return lede_strmap_put(&c->names, key, klen, *out);
        }
    }
    lede_status st = new_entry(c, e, out);
    if (st == LEDE_OK)
        st = lede_strmap_put(&c->names, key, klen, *out);
    if (st != LEDE_OK || !sur)
        return st;
    uint32_t had = lede_strmap_get(&c->surnames, skey, slen);
    if (had == UINT32_MAX) {
        st = lede_strmap_put(&c->surnames, skey, slen, *out);
        /* The one-word form met before ("Howard") joins this full name. */
        uint32_t one = lede_strmap_get(&c->names, skey, slen);
        if (st == LEDE_OK && one != UINT32_MAX && resolve(c, one) != *out)
            st = merge_into(c, resolve(c, one), *out);
    } else if (resolve(c, had) != *out) {
        st = lede_strmap_put(&c->surnames, skey, slen, AMBIGUOUS);
    }
    return st;
}

static lede_status add_article(lede_corpus *c, size_t a)
{
    const lede_model *m = &c->articles[a].model;
    c->local[a] = malloc((m->n_entities ? m->n_entities : 1) * sizeof *c->local[a]);
    if (!c->local[a])
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < m->n_entities; i++) {
        const lede_entity *e = &m->entities[i];
        uint32_t id;
        lede_status st = entry_for(c, e, &id);
        if (st == LEDE_OK) {
            c->local[a][i] = id;
            lede_corpus_entry *en = &c->entries[id];
            if (!en->role && e->role)
                en->role = e->role;
            st = add_hit(en, (lede_corpus_hit){(uint32_t)a, (uint32_t)i, (uint32_t)e->n_mentions,
                                               (uint32_t)e->n_quotes});
        }
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

lede_status lede_corpus_step(lede_corpus *c, lede_annotator *ann)
{
    if (lede_corpus_done(c))
        return LEDE_OK;
    size_t a = c->added;
    lede_article *art = &c->articles[a];
    if (!art->annotated && lede_article_may_block(art)) {
        c->added++; /* a FIFO read here would freeze the reader until a writer came */
        return LEDE_OK;
    }
    lede_status st = art->annotated ? LEDE_OK : lede_article_annotate(art, ann);
    if (st == LEDE_ERR_NOMEM)
        return st;
    if (art->annotated) {
        st = add_article(c, a);
        if (st != LEDE_OK)
            return st;
    }
    c->added++;
    return LEDE_OK;
}

const lede_corpus_hit *lede_corpus_step_hit(const lede_corpus *c, uint32_t entry, size_t article,
                                            int dir)
{
    const lede_corpus_entry *en = lede_corpus_get(c, entry);
    if (!en || en->n_hits == 0)
        return NULL;
    /* The first hit in an article after `article`. */
    size_t lo = 0, hi = en->n_hits;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (en->hits[mid].article <= article)
            lo = mid + 1;
        else
            hi = mid;
    }
    const lede_corpus_hit *h;
    if (dir > 0) {
        h = lo < en->n_hits ? &en->hits[lo] : &en->hits[0];
    } else {
        size_t at = lo; /* hits [0, at) are in articles <= article */
        if (at > 0 && en->hits[at - 1].article == article)
            at--;
        h = at > 0 ? &en->hits[at - 1] : &en->hits[en->n_hits - 1];
    }
    return h->article == article ? NULL : h;
}

void lede_corpus_free(lede_corpus *c)
{
    for (size_t i = 0; i < c->n_entries; i++)
        free(c->entries[i].hits);
    free(c->entries);
    if (c->local)
        for (size_t a = 0; a < c->n; a++)
            free(c->local[a]);
    free(c->local);
    lede_strmap_free(&c->names);
    lede_strmap_free(&c->surnames);
    memset(c, 0, sizeof *c);
}

/* qsort has no context argument: the entries being ranked (one ranking at a time). */
static const lede_corpus_entry *rank_base;

static int by_reach(const void *a, const void *b)
{
    const lede_corpus_entry *x = &rank_base[*(const uint32_t *)a];
    const lede_corpus_entry *y = &rank_base[*(const uint32_t *)b];
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    if (x->n_hits != y->n_hits)
        return x->n_hits > y->n_hits ? -1 : 1;
    if (x->mentions != y->mentions)
        return x->mentions > y->mentions ? -1 : 1;
    int c = strcmp(x->name, y->name);
    return c ? c : (*(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1);
}

size_t lede_corpus_ranked(const lede_corpus *c, uint32_t *order)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n_entries; i++)
        if (c->entries[i].alias_of == LEDE_NONE && c->entries[i].n_hits > 0)
            order[n++] = (uint32_t)i;
    rank_base = c->entries;
    qsort(order, n, sizeof *order, by_reach);
    return n;
}
