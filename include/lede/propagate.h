/* propagate.h - the story's own names where the tagger passed them by (propagate.c). */
#ifndef LEDE_PROPAGATE_H
#define LEDE_PROPAGATE_H
#include "lede/lexicon.h"
#include "lede/status.h"
#include "lede/tagger.h"
#include "lede/text.h"

/* Adds to spans (the tagger's names of text, in order; kept in order and apart) a name
 * for each capitalised word standing alone that the tagger left out but named elsewhere
 * in the story with one type: alone, or as the first or last word of a person's name
 * ("Anil" after "Anil Ambani"). tagger is the one that found spans (its tokens are
 * read). NOMEM on failure. */
lede_status lede_ner_propagate(const lede_lexicon *lex, const lede_text *text,
                               const lede_tagger *tagger, lede_ner_spans *spans);

#endif
