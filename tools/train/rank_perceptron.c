/* rank_perceptron.c - an averaged perceptron that ranks candidates (see the header).
 *
 * The average is kept the usual lazy way: beside each weight w the sum u of the
 * updates, each times the step at which it came; the average after c steps is
 * w - u / c. O(epochs x features of the examples). */
#include <stdlib.h>
#include <string.h>
#include "rank_perceptron.h"

int rank_examples_add(rank_examples *ex, const uint32_t *feats, const size_t *offsets,
                      size_t n_cands, size_t gold)
{
    if (ex->n == ex->cap) {
        size_t cap = ex->cap ? ex->cap * 2 : 1024;
        rank_example *items = realloc(ex->items, cap * sizeof *items);
        if (!items)
            return -1;
        ex->items = items;
        ex->cap = cap;
    }
    rank_example *e = &ex->items[ex->n];
    size_t nf = offsets[n_cands];
    e->feats = malloc((nf ? nf : 1) * sizeof *e->feats);
    e->offsets = malloc((n_cands + 1) * sizeof *e->offsets);
    if (!e->feats || !e->offsets) {
        free(e->feats);
        free(e->offsets);
        return -1;
    }
    memcpy(e->feats, feats, nf * sizeof *feats);
    memcpy(e->offsets, offsets, (n_cands + 1) * sizeof *offsets);
    e->n_cands = n_cands;
    e->gold = gold;
    ex->n++;
    return 0;
}

void rank_examples_free(rank_examples *ex)
{
    for (size_t i = 0; i < ex->n; i++) {
        free(ex->items[i].feats);
        free(ex->items[i].offsets);
    }
    free(ex->items);
    memset(ex, 0, sizeof *ex);
}

static int64_t score(const rank_example *e, size_t k, const int64_t *w)
{
    int64_t s = 0;
    for (size_t i = e->offsets[k]; i < e->offsets[k + 1]; i++)
        s += w[e->feats[i]];
    return s;
}

size_t rank_best(const rank_example *e, const int64_t *weights)
{
    size_t best = 0;
    int64_t best_score = 0;
    for (size_t k = 0; k < e->n_cands; k++) {
        int64_t s = score(e, k, weights);
        if (k == 0 || s > best_score) {
            best = k;
            best_score = s;
        }
    }
    return best;
}

/* Adds delta to the features of candidate k of e, at step c. */
static void update(const rank_example *e, size_t k, int64_t delta, int64_t c, int64_t *w,
                   int64_t *u)
{
    for (size_t i = e->offsets[k]; i < e->offsets[k + 1]; i++) {
        w[e->feats[i]] += delta;
        u[e->feats[i]] += delta * c;
    }
}

static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state; /* xorshift32 */
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

int rank_train(const rank_examples *ex, size_t buckets, int epochs, int64_t scale, uint32_t seed,
               int32_t *weights)
{
    int64_t *w = calloc(buckets, sizeof *w), *u = calloc(buckets, sizeof *u);
    size_t *order = malloc((ex->n ? ex->n : 1) * sizeof *order);
    if (!w || !u || !order) {
        free(w);
        free(u);
        free(order);
        return -1;
    }
    for (size_t i = 0; i < ex->n; i++)
        order[i] = i;
    int64_t c = 1;
    for (int epoch = 0; epoch < epochs; epoch++) {
        /* Each epoch in its own order (seed 0: the order given), so that no run of
         * similar quotes (one transcript) pulls the weights its way last. */
        for (size_t i = ex->n; seed && i > 1; i--) {
            size_t j = next_random(&seed) % i, tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        for (size_t i = 0; i < ex->n; i++, c++) {
            const rank_example *e = &ex->items[order[i]];
            size_t guess = rank_best(e, w);
            if (guess != e->gold) {
                update(e, e->gold, 1, c, w, u);
                update(e, guess, -1, c, w, u);
            }
        }
    }
    for (size_t b = 0; b < buckets; b++) {
        /* (w - u / c) * scale, in integers: the same result everywhere. */
        int64_t avg = (w[b] * c - u[b]) * scale / c;
        weights[b] = (int32_t)(avg > INT32_MAX ? INT32_MAX : avg < INT32_MIN ? INT32_MIN : avg);
    }
    free(w);
    free(u);
    free(order);
    return 0;
}
