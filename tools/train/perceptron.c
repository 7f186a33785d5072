/* perceptron.c - averaged perceptron with lazy averaging; see perceptron.h. Each update
 * costs O(n) for its n features; averaging costs O(rows x classes). */
#include <stdlib.h>
#include <string.h>
#include "perceptron.h"

int perceptron_init(perceptron *p, size_t rows, size_t classes)
{
    memset(p, 0, sizeof *p);
    p->rows = rows;
    p->classes = classes;
    p->w = calloc(rows * classes, sizeof *p->w);
    p->total = calloc(rows * classes, sizeof *p->total);
    p->stamp = calloc(rows * classes, sizeof *p->stamp);
    if (!p->w || !p->total || !p->stamp) {
        perceptron_free(p);
        return -1;
    }
    return 0;
}

void perceptron_score(const perceptron *p, const uint32_t *feats, size_t n, int32_t *scores)
{
    for (size_t c = 0; c < p->classes; c++)
        scores[c] = 0;
    for (size_t k = 0; k < n; k++) {
        const int32_t *row = p->w + (size_t)feats[k] * p->classes;
        for (size_t c = 0; c < p->classes; c++)
            scores[c] += row[c];
    }
}

static void nudge(perceptron *p, size_t at, int32_t by)
{
    p->total[at] += (int64_t)(p->step - p->stamp[at]) * p->w[at];
    p->stamp[at] = p->step;
    p->w[at] += by;
}

void perceptron_next(perceptron *p)
{
    p->step++;
}

void perceptron_add(perceptron *p, const uint32_t *feats, size_t n, unsigned cls, int32_t by)
{
    for (size_t k = 0; k < n; k++)
        nudge(p, (size_t)feats[k] * p->classes + cls, by);
}

/* The truth's rows all first, then the guess's: within one step the order of nudges
 * does not change a weight or its total (a second nudge of a weight at the same step
 * adds nothing to its total). */
void perceptron_update(perceptron *p, const uint32_t *feats, size_t n, unsigned truth,
                       unsigned guess)
{
    perceptron_next(p);
    if (truth == guess)
        return;
    perceptron_add(p, feats, n, truth, 1);
    perceptron_add(p, feats, n, guess, -1);
}

void perceptron_average(perceptron *p)
{
    for (size_t k = 0; k < p->rows * p->classes; k++) {
        p->total[k] += (int64_t)(p->step - p->stamp[k]) * p->w[k];
        p->stamp[k] = p->step;
    }
}

void perceptron_free(perceptron *p)
{
    free(p->w);
    free(p->total);
    free(p->stamp);
    memset(p, 0, sizeof *p);
}

static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state; /* xorshift32 */
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

void perceptron_shuffle(size_t *order, size_t n, uint32_t *seed)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = next_random(seed) % i, tmp = order[i - 1];
        order[i - 1] = order[j];
        order[j] = tmp;
    }
}
