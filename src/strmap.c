/* strmap.c - open addressing with linear probing; grows at half load (most
 * lookups are of keys that are absent, which probe to an empty slot).
 *
 * A map is built per article (names, surnames, acronyms), so it costs two allocations,
 * not one per key: the slots, and one buffer that holds every key's bytes. Each slot
 * keeps its key's full hash, which makes a probe past another key cheap and growing a
 * matter of copying slots. */
#include <stdlib.h>
#include <string.h>
#include "lede/grow.h"
#include "lede/strmap.h"

#define FIRST_CAP 32

void lede_strmap_init(lede_strmap *map)
{
    memset(map, 0, sizeof *map);
}

static uint64_t load32(const char *s)
{
    uint32_t w;
    memcpy(&w, s, 4);
    return w;
}

/* The last len (1..8) bytes of a key in one word, read whole where that stays inside
 * the key: two overlapping reads; the key's length, hashed too, tells them apart. */
static uint64_t tail_word(const char *s, size_t len)
{
    if (len >= 4)
        return load32(s) | load32(s + len - 4) << 32;
    return (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[len / 2] << 8 |
           (uint64_t)(unsigned char)s[len - 1] << 16;
}

uint64_t lede_hash_bytes(const char *s, size_t len)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull; /* 2^64 / golden ratio */
    uint64_t h = len * k;
    for (; len > 8; s += 8, len -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    if (len)
        h = (h ^ tail_word(s, len)) * k;
    /* The table index is the low bits: fold the well-mixed high bits into them. */
    return h ^ (h >> 32);
}

/* The slot of key, or the empty slot where it would go. */
static size_t find_slot(const lede_strmap *map, const char *key, size_t len, uint64_t hash)
{
    size_t mask = map->cap - 1;
    size_t i = (size_t)hash & mask;
    for (;; i = (i + 1) & mask) {
        const lede_strmap_slot *s = &map->slots[i];
        if (!s->used)
            return i;
        if (s->hash == hash && s->len == len && memcmp(map->keys + s->off, key, len) == 0)
            return i;
    }
}

static lede_status grow(lede_strmap *map)
{
    size_t cap = map->cap ? map->cap * 2 : FIRST_CAP;
    lede_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < map->cap; i++) {
        const lede_strmap_slot *s = &map->slots[i];
        if (!s->used)
            continue;
        size_t j = (size_t)s->hash & (cap - 1);
        while (slots[j].used)
            j = (j + 1) & (cap - 1);
        slots[j] = *s;
    }
    free(map->slots);
    map->slots = slots;
    map->cap = cap;
    return LEDE_OK;
}

/* Appends key to the key buffer (allocated even for an empty key, so that keys is never
 * NULL beside a used slot); *off receives where it starts. */
static lede_status store_key(lede_strmap *map, const char *key, size_t len, uint32_t *off)
{
    if (len > UINT32_MAX - map->keys_len)
        return LEDE_ERR_NOMEM;
    if (LEDE_GROW(map->keys, map->keys_cap, map->keys_len + (len ? len : 1)) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    if (len)
        memcpy(map->keys + map->keys_len, key, len);
    *off = (uint32_t)map->keys_len;
    map->keys_len += len;
    return LEDE_OK;
}

lede_status lede_strmap_put(lede_strmap *map, const char *key, size_t len, uint32_t value)
{
    if ((map->count + 1) * 2 > map->cap) {
        lede_status st = grow(map);
        if (st != LEDE_OK)
            return st;
    }
    uint64_t hash = lede_hash_bytes(key, len);
    lede_strmap_slot *s = &map->slots[find_slot(map, key, len, hash)];
    if (!s->used) {
        uint32_t off;
        lede_status st = store_key(map, key, len, &off);
        if (st != LEDE_OK)
            return st;
        *s = (lede_strmap_slot){.hash = hash, .off = off, .len = (uint32_t)len, .used = true};
        map->count++;
    }
    s->value = value;
    return LEDE_OK;
}

uint32_t lede_strmap_get(const lede_strmap *map, const char *key, size_t len)
{
    if (!map->cap)
        return UINT32_MAX;
    const lede_strmap_slot *s = &map->slots[find_slot(map, key, len, lede_hash_bytes(key, len))];
    return s->used ? s->value : UINT32_MAX;
}

void lede_strmap_free(lede_strmap *map)
{
    free(map->slots);
    free(map->keys);
    lede_strmap_init(map);
}
