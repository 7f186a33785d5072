/* names.h - find the names in a text, type them, merge aliases, keep titles as roles.
 *
 * The first half of the annotator: it turns capitalised word sequences into entity
 * mentions in a model that is being built. The quotation finder then uses the list of
 * name mentions to attribute quotes.
 *
 * Bound: O(n * W) for n bytes, W = the most words of a lexicon entry (at most
 * LEDE_LEX_MAX_WORDS, so linear), plus O(m log m) for m candidates when merging;
 * tests/adversarial checks long words, many entities and the longest titles. */
#ifndef LEDE_NAMES_H
#define LEDE_NAMES_H

#include <stdbool.h>
#include "lede/lexicon.h"
#include "lede/model.h"
#include "lede/text.h"

typedef struct {
    lede_span span;  /* the name as written, without title or possessive ending */
    uint32_t entity; /* provisional id in the model being built */
} lede_name;

typedef struct {
    lede_name *items; /* owned; in text order */
    size_t n, cap;
} lede_names;

typedef struct lede_namer lede_namer;

/* Makes a namer with the tagger's model (len bytes; NULL: the built-in model, see
 * tagger.h); lex is borrowed and must not change while the namer lives. Returns NOMEM,
 * or SYNTAX for a malformed model. */
lede_status lede_namer_new(const lede_lexicon *lex, const char *model, size_t len,
                           lede_namer **out);

/* Finds the names of text, adds their entities and mentions to model (not finished)
 * and lists the mentions in out (zeroed by the caller). A run uses the namer's buffers,
 * so one namer must not run in two threads at once. */
lede_status lede_namer_run(lede_namer *namer, const lede_text *text, lede_model *model,
                           lede_names *out);

/* Frees the list. */
void lede_names_free(lede_names *names);

/* Frees the namer. Safe with NULL. */
void lede_namer_free(lede_namer *namer);

#endif
