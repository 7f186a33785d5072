/* tagger.h - the learned entity recogniser: which words name a person, a place, an
 * organisation or something else (misc: works, events, nationalities).
 *
 * A linear model over hashed features (features.h), decoded greedily left to right
 * with BILOU labels, where I- and L- continue the open name. The weights come from the
 * model file built into the binary (src/models/ner.model, written by tools/train) or
 * from another model file of the same format (all little-endian):
 *
 *     bytes 0-7             "LEDENER2"
 *     u32 x 4               features version, hash bits, labels, rows
 *     u32 x rows            the buckets that have weights, ascending
 *     i16 x rows x labels   their weights, row after row
 *
 * Buckets absent from the file weigh nothing. The built-in model's rows are read where
 * they lie in the binary. */
#ifndef LEDE_TAGGER_H
#define LEDE_TAGGER_H

#include <stdint.h>
#include "lede/features.h"
#include "lede/lexicon.h"
#include "lede/status.h"
#include "lede/text.h"

#define LEDE_NER_MAGIC "LEDENER2"
#define LEDE_NER_HEADER 24 /* bytes before the buckets */

typedef struct lede_tagger lede_tagger;

/* One name the tagger found. */
typedef struct {
    lede_span span; /* from its first token's start to its last token's end */
    lede_ner_type type;
    uint32_t para; /* index of its paragraph in the text */
} lede_ner_span;

typedef struct {
    lede_ner_span *items; /* owned; in text order, never overlapping */
    size_t n, cap;
} lede_ner_spans;

/* Reads model (len bytes in the format above), or the built-in model when model is
 * NULL. lex is borrowed (the gazetteer features) and must outlive the tagger. Returns
 * SYNTAX for a model that is malformed or made for other features, NOMEM. */
lede_status lede_tagger_new(const lede_lexicon *lex, const char *model, size_t len,
                            lede_tagger **out);

/* Finds the names of text into out (whose items are replaced). One tagger serves one
 * thread at a time (it keeps buffers between runs). NOMEM on failure. O(n) in the text's
 * bytes: every paragraph is cut into tokens twice (once to count the document's words)
 * and only tokens that can be part of a name are scored. */
lede_status lede_tagger_run(lede_tagger *tagger, const lede_text *text, lede_ner_spans *out);

/* Appends sp to out (whose order the caller keeps). NOMEM on failure. */
lede_status lede_ner_spans_push(lede_ner_spans *out, const lede_ner_span *sp);

/* Frees the items of spans and empties it (spans itself is the caller's); reusable. */
void lede_ner_spans_free(lede_ner_spans *spans);

/* The tokens of paragraph para of the text of the last lede_tagger_run() (offsets from
 * the paragraph's start; see tokens.h), valid until the next run. Empty when para is
 * out of range. */
lede_tokens lede_tagger_tokens(const lede_tagger *tagger, size_t para);

/* Frees the tagger. Safe with NULL. */
void lede_tagger_free(lede_tagger *tagger);

/* --- shared with the trainer --------------------------------------------------------- */

/* How a decoder scores: score() writes the LEDE_NER_LABELS scores of a feature list;
 * learn() (may be NULL) is told, at each scored token, the gold label and the guess. */
typedef struct {
    /* feats[0..word) depend only on the token's word and the document (lede_ner_word_features()). */
    void (*score)(void *ctx, const uint32_t *feats, size_t n, size_t word, int32_t *scores);
    void (*learn)(void *ctx, const uint32_t *feats, size_t n, unsigned truth, unsigned guess);
    void *ctx;
} lede_ner_scorer;

/* Labels the tokens of p greedily into labels[0..n): the best allowed label at each
 * candidate token, O elsewhere; notes each label in doc. With gold (the right labels)
 * and sc->learn, reports every scored token to learn. NOMEM on failure. */
lede_status lede_ner_decode(lede_ner_para *p, lede_ner_doc *doc, const lede_ner_scorer *sc,
                            const uint8_t *gold, uint8_t *labels);

#endif
