/* wordcache.h - what the feature extractor computed for a word, kept per word.
 *
 * The features of a token that depend on nothing but its word's bytes (features.c:
 * bias, word, shape, prefixes, suffixes; lede_ner_word_features()) are the same
 * wherever the word stands, and a text names the same few thousand words again and
 * again. The cache keeps them by the word's bytes, compared in full, so a hit gives
 * exactly what computing them gives. It holds whatever the extractor emits for a word,
 * up to LEDE_WORDCACHE_FEATS features; longer words and longer lists are not kept. */
#ifndef LEDE_WORDCACHE_H
#define LEDE_WORDCACHE_H

#include <stddef.h>
#include <stdint.h>

#define LEDE_WORDCACHE_FEATS 16 /* today's extractor emits at most 4 + 2 * 4 per word */
#define LEDE_WORDCACHE_BYTES 15 /* War and Peace: 99.9% of its capitalised words fit */

typedef struct lede_wordcache lede_wordcache;

/* A new, empty cache, or NULL out of memory. */
lede_wordcache *lede_wordcache_new(void);

/* Safe with NULL. */
void lede_wordcache_free(lede_wordcache *cache);

/* The features kept for the word w[0..len) (hash: any hash of those bytes, the same for
 * every call) and their number in *n, or NULL when none are kept. Valid until the next
 * lede_wordcache_put(). */
const uint32_t *lede_wordcache_get(const lede_wordcache *cache, const char *w, size_t len,
                                   uint64_t hash, size_t *n);

/* Keeps feats[0..n) as the word's, in place of what its slot held. */
void lede_wordcache_put(lede_wordcache *cache, const char *w, size_t len, uint64_t hash,
                        const uint32_t *feats, size_t n);

#endif
