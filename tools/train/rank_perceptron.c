/* rank_perceptron.c - an averaged perceptron that ranks candidates (see the header).
 *
 * The weights and their lazy average are perceptron.c's (one class; each candidate's
 * rows scored alone); this file keeps the examples and walks them. O(epochs x features
 * of the examples). */
#include <stdlib.h>
#include <string.h>
#include "lede/grow.h"
#include "perceptron.h"
#include "rank_perceptron.h"

int rank_examples_add(rank_examples *ex, const uint32_t *feats, const size_t *offsets,
                      size_t n_cands, size_t gold)
{
    if (LEDE_GROW(ex->items, ex->cap, ex->n + 1) != LEDE_OK)
        return -1;
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

/* The score of candidate k of e under the current weights of p. */
static int32_t score(const rank_example *e, size_t k, const perceptron *p)
{
    int32_t s;
    perceptron_score(p, e->feats + e->offsets[k], e->offsets[k + 1] - e->offsets[k], &s);
    return s;
}

size_t rank_best(const rank_example *e, const perceptron *p)
{
    size_t best = 0;
    int32_t best_score = 0;
    for (size_t k = 0; k < e->n_cands; k++) {
        int32_t s = score(e, k, p);
        if (k == 0 || s > best_score) {
            best = k;
            best_score = s;
        }
    }
    return best;
}

int rank_train(const rank_examples *ex, size_t buckets, int epochs, int64_t scale, uint32_t seed,
               int32_t *weights)
{
    perceptron p;
    size_t *order = malloc((ex->n ? ex->n : 1) * sizeof *order);
    if (!order || perceptron_init(&p, buckets, 1) != 0) {
        free(order);
        return -1;
    }
    for (size_t i = 0; i < ex->n; i++)
        order[i] = i;
    for (int epoch = 0; epoch < epochs; epoch++) {
        /* Each epoch in its own order (seed 0: the order given), so that no run of
         * similar quotes (one transcript) pulls the weights its way last. */
        if (seed)
            perceptron_shuffle(order, ex->n, &seed);
        for (size_t i = 0; i < ex->n; i++) {
            const rank_example *e = &ex->items[order[i]];
            perceptron_next(&p);
            size_t guess = rank_best(e, &p);
            if (guess == e->gold)
                continue;
            size_t g = e->offsets[e->gold], b = e->offsets[guess];
            perceptron_add(&p, e->feats + g, e->offsets[e->gold + 1] - g, 0, 1);
            perceptron_add(&p, e->feats + b, e->offsets[guess + 1] - b, 0, -1);
        }
    }
    perceptron_average(&p);
    /* The average of the weights over the steps, as the weights after each example
     * summed (total, and the last weights once more) over the steps plus one: the
     * formula this trainer has always used, in integers, the same everywhere. */
    int64_t steps = (int64_t)p.step + 1;
    for (size_t b = 0; b < buckets; b++) {
        int64_t avg = (p.total[b] + p.w[b]) * scale / steps;
        weights[b] = (int32_t)(avg > INT32_MAX ? INT32_MAX : avg < INT32_MIN ? INT32_MIN : avg);
    }
    perceptron_free(&p);
    free(order);
    return 0;
}
