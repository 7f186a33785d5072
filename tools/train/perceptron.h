/* perceptron.h - an averaged perceptron over hashed features, for lede's trainers.
 *
 * Rows are feature buckets, columns classes. Weights change by whole steps (+1 for the
 * right class, -1 for the guess), so training is exact integer arithmetic and the same
 * data in the same order always gives the same model. The average over every step is
 * kept lazily (Collins 2002; each weight remembers when it last changed). Any trainer
 * of a linear model over hashed features (the entity tagger; the quote ranker through
 * rank_perceptron.c) can use it: score, update after each example, average at the end. */
#ifndef LEDE_PERCEPTRON_H
#define LEDE_PERCEPTRON_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    size_t rows, classes;
    int32_t *w;      /* current weights, rows x classes */
    int64_t *total;  /* sum of each weight over all steps up to stamp */
    uint32_t *stamp; /* step of each weight's last change */
    uint32_t step;   /* examples seen */
} perceptron;

/* Allocates a perceptron of rows x classes zero weights. Returns 0, or -1 when out of
 * memory (p is then freed). */
int perceptron_init(perceptron *p, size_t rows, size_t classes);

/* scores[c] = the sum of the current weights of class c over the n rows feats. */
void perceptron_score(const perceptron *p, const uint32_t *feats, size_t n, int32_t *scores);

/* Starts the next example: the step count advances. Call it once per example, before
 * that example's perceptron_add calls. */
void perceptron_next(perceptron *p);

/* Adds by to class cls of each of the n rows feats (a row listed twice gets it twice),
 * at the current step. A ranker (one class, rows scored per candidate) adds +1 to the
 * right candidate's rows and -1 to its guess's. */
void perceptron_add(perceptron *p, const uint32_t *feats, size_t n, unsigned cls, int32_t by);

/* One example seen: when guess differs from truth, the rows feats gain 1 for truth and
 * lose 1 for guess. Either way the step count advances. */
void perceptron_update(perceptron *p, const uint32_t *feats, size_t n, unsigned truth,
                       unsigned guess);

/* Brings every total up to the current step; after it, total[k] / step is the average
 * weight k. Call once, after the last update. */
void perceptron_average(perceptron *p);

/* Puts order[0..n) in a random order (Fisher-Yates) drawn from *seed (xorshift32, not
 * 0), which advances: the same seed always gives the same order, on every machine. */
void perceptron_shuffle(size_t *order, size_t n, uint32_t *seed);

void perceptron_free(perceptron *p);

#endif
