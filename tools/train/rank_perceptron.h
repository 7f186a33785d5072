/* rank_perceptron.h - an averaged perceptron that ranks candidates (Collins 2002).
 *
 * An example is a list of candidates, each a list of feature buckets, and the index of
 * the right one. Training walks the examples in a seeded order, for a fixed number of
 * epochs, with integer arithmetic only: the same examples give the same weights, byte
 * for byte, on every machine. */
#ifndef RANK_PERCEPTRON_H
#define RANK_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>
#include "perceptron.h"

typedef struct {
    uint32_t *feats; /* every candidate's features, one after another */
    size_t *offsets; /* candidate k's features are feats[offsets[k]..offsets[k + 1]) */
    size_t n_cands;  /* offsets has n_cands + 1 entries */
    size_t gold;     /* the right candidate */
} rank_example;

typedef struct {
    rank_example *items;
    size_t n, cap;
} rank_examples;

/* Appends an example (copies feats and offsets). Returns 0, or -1 when out of memory. */
int rank_examples_add(rank_examples *ex, const uint32_t *feats, const size_t *offsets,
                      size_t n_cands, size_t gold);

void rank_examples_free(rank_examples *ex);

/* Trains on ex for epochs passes, each in an order shuffled from seed (0: the order
 * given), and writes the averaged weights, each multiplied by scale and rounded toward
 * zero, to weights[0..buckets). Returns -1 when out of memory. */
int rank_train(const rank_examples *ex, size_t buckets, int epochs, int64_t scale, uint32_t seed,
               int32_t *weights);

/* The candidate of e that the current weights of p score highest (the first on a tie). */
size_t rank_best(const rank_example *e, const perceptron *p);

#endif
