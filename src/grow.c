/* grow.c - lede_grow, the one array-growing idiom (see lede/grow.h). O(need) per call,
 * amortised O(1) per appended item. */
#include "lede/grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

lede_status lede_grow_slow(void **items, size_t *cap, size_t need, size_t size)
{
    size_t most = SIZE_MAX / (size ? size : 1);
    size_t n = *cap ? *cap : LEDE_GROW_FIRST;
    void *p;

    if (need <= *cap)
        return LEDE_OK;
    if (need > most)
        return LEDE_ERR_NOMEM;
    while (n < need)
        n = n > most / 2 ? most : n * 2;
    if (n > most)
        n = most;
    p = realloc(*items, n * size);
    if (!p)
        return LEDE_ERR_NOMEM;
    *items = p;
    *cap = n;
    return LEDE_OK;
}

lede_status lede_grow_zeroed(void **items, size_t *cap, size_t need, size_t size)
{
    size_t had = *cap;
    lede_status st = lede_grow(items, cap, need, size);
    if (st == LEDE_OK && *cap > had)
        memset((char *)*items + had * size, 0, (*cap - had) * size);
    return st;
}
