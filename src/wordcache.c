/* wordcache.c - a word's own features kept per word (see wordcache.h). A table of
 * WORDCACHE_SLOTS slots, one per hash: a word takes its slot from the one before it.
 * O(len) per call. */
#include <stdlib.h>
#include <string.h>
#include "wordcache.h"

/* 4096 slots of 84 bytes (336 KiB): War and Peace has 3.6 k distinct capitalised words
 * (the tagger's row sums in tagger.c keep as many). */
#define WORDCACHE_SLOTS 4096

typedef struct {
    uint8_t len; /* 0: empty */
    uint8_t n;
    char bytes[LEDE_WORDCACHE_BYTES];
    uint32_t feats[LEDE_WORDCACHE_FEATS];
} slot;

struct lede_wordcache {
    slot slots[WORDCACHE_SLOTS];
};

lede_wordcache *lede_wordcache_new(void)
{
    return calloc(1, sizeof(lede_wordcache));
}

void lede_wordcache_free(lede_wordcache *cache)
{
    free(cache);
}

static size_t slot_of(uint64_t hash)
{
    return (size_t)(hash ^ hash >> 32) & (WORDCACHE_SLOTS - 1);
}

const uint32_t *lede_wordcache_get(const lede_wordcache *cache, const char *w, size_t len,
                                   uint64_t hash, size_t *n)
{
    const slot *s = &cache->slots[slot_of(hash)];
    if (len == 0 || s->len != len || memcmp(s->bytes, w, len) != 0)
        return NULL;
    *n = s->n;
    return s->feats;
}

void lede_wordcache_put(lede_wordcache *cache, const char *w, size_t len, uint64_t hash,
                        const uint32_t *feats, size_t n)
{
    if (len == 0 || len > LEDE_WORDCACHE_BYTES || n > LEDE_WORDCACHE_FEATS)
        return;
    slot *s = &cache->slots[slot_of(hash)];
    s->len = (uint8_t)len;
    s->n = (uint8_t)n;
    memcpy(s->bytes, w, len);
    memcpy(s->feats, feats, n * sizeof *feats);
}
