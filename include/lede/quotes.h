/* quotes.h - find quotations and who said them.
 *
 * The second half of the annotator: quotation marks are paired within each paragraph
 * as writers use them, and each quote is attributed from the words around it (a name
 * or pronoun and a reporting verb), or continues the quote before it.
 *
 * Bound: linear in the paragraph for pairing; attribution must look at a bounded window
 * around each quote, not to the paragraph's end (one paragraph of short quotes was
 * quadratic). tests/adversarial (quotes.one_paragraph, quotes.unclosed) checks it. */
#ifndef LEDE_QUOTES_H
#define LEDE_QUOTES_H

#include "lede/lexicon.h"
#include "lede/model.h"
#include "lede/names.h"
#include "lede/text.h"

/* The quote finder's learned part: the weights that choose each quote's source. */
typedef struct lede_quoter lede_quoter;

/* Loads the built-in weights (src/models/quotes.model). Returns NOMEM, or SYNTAX when
 * the embedded model is malformed (a bug). Free with lede_quoter_free(). */
lede_status lede_quoter_new(lede_quoter **out);

/* Frees qr. Safe with NULL. */
void lede_quoter_free(lede_quoter *qr);

/* Adds the quotes of text to model (not finished). names are the name mentions the
 * namer found, in text order, with provisional entity ids of model. qr may be NULL:
 * each quote then takes the source the first matching rule finds. */
lede_status lede_quotes_find(const lede_quoter *qr, const lede_lexicon *lex,
                             const lede_text *text, const lede_names *names, lede_model *model);

#endif
