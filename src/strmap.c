/* strmap.c - open addressing with linear probing; grows at 70% load. */
#include <stdlib.h>
#include <string.h>
#include "lede/strmap.h"

void lede_strmap_init(lede_strmap *map)
{
    memset(map, 0, sizeof *map);
}

uint64_t lede_hash_bytes(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static size_t find_slot(char *const *keys, const size_t *lens, size_t cap, const char *key,
                        size_t len)
{
    size_t i = (size_t)lede_hash_bytes(key, len) & (cap - 1);
    while (keys[i] && !(lens[i] == len && memcmp(keys[i], key, len) == 0))
        i = (i + 1) & (cap - 1);
    return i;
}

static lede_status grow(lede_strmap *map)
{
    size_t cap = map->cap ? map->cap * 2 : 64;
    char **keys = calloc(cap, sizeof *keys);
    size_t *lens = calloc(cap, sizeof *lens);
    uint32_t *values = calloc(cap, sizeof *values);
    if (!keys || !lens || !values) {
        free(keys);
        free(lens);
        free(values);
        return LEDE_ERR_NOMEM;
    }
    for (size_t i = 0; i < map->cap; i++) {
        if (!map->keys[i])
            continue;
        size_t j = find_slot(keys, lens, cap, map->keys[i], map->lens[i]);
        keys[j] = map->keys[i];
        lens[j] = map->lens[i];
        values[j] = map->values[i];
    }
    free(map->keys);
    free(map->lens);
    free(map->values);
    map->keys = keys;
    map->lens = lens;
    map->values = values;
    map->cap = cap;
    return LEDE_OK;
}

lede_status lede_strmap_put(lede_strmap *map, const char *key, size_t len, uint32_t value)
{
    if ((map->count + 1) * 10 > map->cap * 7) {
        lede_status st = grow(map);
        if (st != LEDE_OK)
            return st;
    }
    size_t i = find_slot(map->keys, map->lens, map->cap, key, len);
    if (!map->keys[i]) {
        char *copy = malloc(len + 1);
        if (!copy)
            return LEDE_ERR_NOMEM;
        memcpy(copy, key, len);
        copy[len] = '\0';
        map->keys[i] = copy;
        map->lens[i] = len;
        map->count++;
    }
    map->values[i] = value;
    return LEDE_OK;
}

uint32_t lede_strmap_get(const lede_strmap *map, const char *key, size_t len)
{
    if (!map->cap)
        return UINT32_MAX;
    size_t i = find_slot(map->keys, map->lens, map->cap, key, len);
    return map->keys[i] ? map->values[i] : UINT32_MAX;
}

void lede_strmap_free(lede_strmap *map)
{
    for (size_t i = 0; i < map->cap; i++)
        free(map->keys[i]);
    free(map->keys);
    free(map->lens);
    free(map->values);
    lede_strmap_init(map);
}
