/* strmap.h - a small open-addressing hash map from byte strings to 32-bit values. */
#ifndef LEDE_STRMAP_H
#define LEDE_STRMAP_H

#include <stddef.h>
#include <stdint.h>
#include "lede/status.h"

typedef struct {
    char **keys; /* owned copies, NUL-terminated; NULL marks an empty slot */
    size_t *lens;
    uint32_t *values;
    size_t cap, count; /* cap is a power of two or 0 */
} lede_strmap;

/* Zeroes map. An initialised map holds nothing and needs lede_strmap_free(). */
void lede_strmap_init(lede_strmap *map);

/* Sets key[0..len) to value, replacing an earlier value. Returns NOMEM on failure. */
lede_status lede_strmap_put(lede_strmap *map, const char *key, size_t len, uint32_t value);

/* Returns the value of key[0..len), or UINT32_MAX when it is absent. */
uint32_t lede_strmap_get(const lede_strmap *map, const char *key, size_t len);

/* Frees everything and zeroes map. */
void lede_strmap_free(lede_strmap *map);

/* FNV-1a hash of len bytes. */
uint64_t lede_hash_bytes(const char *s, size_t len);

#endif
