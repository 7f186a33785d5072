/* names_priv.h - private to names.c and names_mend.c: the namer's state and the small
 * text tests both use. */
#ifndef LEDE_NAMES_PRIV_H
#define LEDE_NAMES_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include "lede/lexicon.h"
#include "lede/names.h"
#include "lede/strmap.h"
#include "lede/tagger.h"

struct lede_namer {
    const lede_lexicon *lex;
    lede_tagger *tagger;
    lede_ner_spans spans;
    lede_strmap places; /* one-word place and organisation names of the text: count << 2 | type */
};

/* True for a space, tab or line end. */
bool names_is_blank(char c);

/* Finds the word that ends before offset i (skipping white space) within [lo, i) into
 * [*ws, *we); false at the paragraph start or at punctuation other than an apostrophe. */
bool names_word_before(const char *s, size_t lo, size_t i, size_t *ws, size_t *we);

/* The lists of the words that stand before a person's name: titles and honorifics. */
#define TITLE_KINDS (LEDE_LEX_BIT(LEDE_LEX_TITLE) | LEDE_LEX_BIT(LEDE_LEX_HONORIFIC))

/* True when s[0..len) is in one of the lexicon's lists of kinds (a LEDE_LEX_BIT mask):
 * one lookup, however many lists a question names. */
bool names_is(const lede_lexicon *lex, unsigned kinds, const char *s, size_t len);

/* True when the character at p (< end) is upper-case. */
bool names_starts_upper(const char *s, size_t end, size_t p);

/* True when most words of s[start..end) are capitalised (a title-case headline). */
bool names_title_case(const char *s, size_t start, size_t end);

/* True when paragraph para is written in capitals (its tokens say so). */
bool names_caps_para(const lede_namer *nm, size_t para);

/* Mends the tagger's spans (names_mend.c): a person's name cut at an initial or at a
 * first name after a title takes in the capitalised words after it. */
void names_join_cut(lede_namer *nm, const lede_text *text);

/* Mends the tagger's spans (names_mend.c): a place with capitalised words after it the
 * tagger left out is the owner of an organisation's name ("Cardiff AAC"). */
void names_own_by_places(lede_namer *nm, const lede_text *text);

#endif
