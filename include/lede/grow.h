/* grow.h - the one way lede grows an array: geometric, overflow-checked, all or nothing. */
#ifndef LEDE_GROW_H
#define LEDE_GROW_H

#include <stddef.h>
#include "lede/status.h"

/* First capacity of an empty array, in items: small enough for a short article's lists,
 * large enough that the first few appends cost one allocation. */
#define LEDE_GROW_FIRST 16

/* Ensures the array *items (of *cap items, each size bytes, size > 0) has room for at
 * least need items. When need <= *cap it does nothing. Otherwise the capacity doubles
 * from *cap (or from LEDE_GROW_FIRST when *cap is 0) until it holds need, so n appends
 * cost O(n) copying; it is clamped to SIZE_MAX / size. Returns LEDE_ERR_NOMEM when need
 * * size overflows or realloc fails, leaving *items and *cap untouched (the caller
 * still owns and frees *items); LEDE_OK otherwise. A caller wanting a different first
 * size passes it as need; a caller with a ceiling checks need against it first. */
static inline lede_status lede_grow(void **items, size_t *cap, size_t need, size_t size);

/* The reallocating half of lede_grow, out of line; called only when need > *cap. */
lede_status lede_grow_slow(void **items, size_t *cap, size_t need, size_t size);

/* Inline so that the common case, room already there, costs one compare in the
 * per-token loops that append through it. */
static inline lede_status lede_grow(void **items, size_t *cap, size_t need, size_t size)
{
    return need <= *cap ? LEDE_OK : lede_grow_slow(items, cap, need, size);
}

/* lede_grow, and the items it adds beyond the old *cap are zero bytes: for an array
 * indexed by id whose unwritten slots must read as "none yet". Same failure contract. */
lede_status lede_grow_zeroed(void **items, size_t *cap, size_t need, size_t size);

/* lede_grow for an array pointer lvalue ptr of any object type and its size_t cap. The
 * cast to void ** is how the old helpers did it and holds on every platform lede builds
 * on (all object pointers share one representation there). */
#define LEDE_GROW(ptr, cap, need) lede_grow((void **)&(ptr), &(cap), (need), sizeof *(ptr))
#define LEDE_GROW_ZEROED(ptr, cap, need)                                                            \
    lede_grow_zeroed((void **)&(ptr), &(cap), (need), sizeof *(ptr))

#endif
