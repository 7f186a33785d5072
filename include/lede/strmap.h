/* strmap.h - a small open-addressing hash map from byte strings to 32-bit values. */
#ifndef LEDE_STRMAP_H
#define LEDE_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lede/status.h"

typedef struct {
    uint64_t hash;     /* lede_hash_bytes() of the key */
    uint32_t off, len; /* the key is keys[off..off+len) */
    uint32_t value;
    bool used;
} lede_strmap_slot;

typedef struct {
    lede_strmap_slot *slots; /* owned; cap of them */
    char *keys;              /* owned: the keys' bytes, one after another */
    size_t keys_len, keys_cap;
    size_t cap, count; /* cap is a power of two or 0 */
} lede_strmap;

/* Zeroes map. An initialised map holds nothing and needs lede_strmap_free(). */
void lede_strmap_init(lede_strmap *map);

/* Sets key[0..len) to value, replacing an earlier value. Returns NOMEM on failure (also
 * when the keys together pass 4 GiB). */
lede_status lede_strmap_put(lede_strmap *map, const char *key, size_t len, uint32_t value);

/* Returns the value of key[0..len), or UINT32_MAX when it is absent. */
uint32_t lede_strmap_get(const lede_strmap *map, const char *key, size_t len);

/* Frees everything and zeroes map. */
void lede_strmap_free(lede_strmap *map);

/* A 64-bit hash of len bytes, read eight at a time; equal bytes give equal hashes. */
uint64_t lede_hash_bytes(const char *s, size_t len);

#endif
