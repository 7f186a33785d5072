/* annotate.h - recognise entities and quotations in a text and build its model. */
#ifndef LEDE_ANNOTATE_H
#define LEDE_ANNOTATE_H

#include "lede/lexicon.h"
#include "lede/model.h"
#include "lede/status.h"
#include "lede/text.h"

typedef struct lede_annotator lede_annotator;

/* Compiles the patterns (PCRE2, UTF + UCP, JIT when available) once. lex is borrowed:
 * it must outlive the annotator and not change while it lives (the annotator remembers
 * the answers of its lookups). Returns NOMEM or PATTERN on failure. */
lede_status lede_annotator_new(const lede_lexicon *lex, lede_annotator **out);

/* The same with the entity tagger's model read from model[0..len) (the format in
 * tagger.h; NULL: the built-in one). model is only read during the call. SYNTAX for a
 * malformed model. */
lede_status lede_annotator_new_with_model(const lede_lexicon *lex, const char *model, size_t len,
                                          lede_annotator **out);

/* Annotates text into model (which must be zeroed or freshly initialised) and
 * finishes it. One annotator serves many texts in turn; what it answers does not
 * change, but a run updates its memo of lookups and its match data, so two threads
 * must not annotate with one annotator at once. On failure the model is freed. */
lede_status lede_annotate(lede_annotator *ann, const lede_text *text, lede_model *model);

/* Frees the annotator. Safe with NULL. */
void lede_annotator_free(lede_annotator *ann);

#endif
