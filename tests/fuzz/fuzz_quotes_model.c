/* fuzz_quotes_model.c - arbitrary bytes as the quote ranker's model file
 * (src/models/quotes.model's format: '#' comment lines, the magic line, then
 * "bucket weight" lines), through quote_rank_load().
 *
 * The model is built in today, but the parser is one: it must refuse what is malformed
 * (SYNTAX) and never read out of bounds; a file it accepts, written back as the magic
 * line and one "bucket weight" line per non-zero weight, must load to the same weights. */
#include <inttypes.h>
#include <string.h>
#include "fuzz.h"
#include "quotes_impl.h"

/* Writes w as a model file into buf (at most size bytes); returns its length. */
static size_t write_model(const int32_t *w, char *buf, size_t size)
{
    size_t n = (size_t)snprintf(buf, size, "lede-quotes-ranker 1\n");
    for (size_t b = 0; b < QR_BUCKETS && n < size; b++)
        if (w[b])
            n += (size_t)snprintf(buf + n, size - n, "%zu %" PRId32 "\n", b, w[b]);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int32_t *w;
    lede_status st = quote_rank_load((const char *)data, size, &w);
    FUZZ_CHECK(st == LEDE_OK || st == LEDE_ERR_SYNTAX || st == LEDE_ERR_NOMEM);
    if (st != LEDE_OK) {
        FUZZ_CHECK(w == NULL);
        return 0;
    }
    FUZZ_CHECK(w != NULL);
    /* Every line at most "4095 -2147483648\n": 17 bytes. */
    static char again[32 + QR_BUCKETS * 17];
    size_t n = write_model(w, again, sizeof again);
    FUZZ_CHECK(n < sizeof again);
    int32_t *w2;
    FUZZ_CHECK(quote_rank_load(again, n, &w2) == LEDE_OK);
    FUZZ_CHECK(memcmp(w, w2, QR_BUCKETS * sizeof *w) == 0);
    free(w2);
    free(w);
    return 0;
}
