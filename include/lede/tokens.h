/* tokens.h - a paragraph cut into words and punctuation, for the entity tagger.
 *
 * A token is a word (letters and digits, joined by an inner apostrophe, hyphen,
 * ampersand or slash: "O'Brien", "Solberg-Haug", "AT&T"), an abbreviation with its
 * periods ("U.S.", "Mr.", "Inc."), a number with its inner separators ("1,000",
 * "1996-08-22"), the possessive ending ("'s", "’s", split off its word) or any other
 * single character that is not white space. */
#ifndef LEDE_TOKENS_H
#define LEDE_TOKENS_H

#include <stddef.h>
#include <stdint.h>
#include "lede/lexicon.h"
#include "lede/status.h"

enum {
    LEDE_TOK_CAP = 1 << 0,   /* starts with an upper-case letter */
    LEDE_TOK_LOWER = 1 << 1, /* starts with a lower-case letter */
    LEDE_TOK_DIGIT = 1 << 2, /* holds a digit */
    LEDE_TOK_WORD = 1 << 3,  /* holds a letter or digit */
    LEDE_TOK_POSS = 1 << 4,  /* the possessive ending "'s" */
    LEDE_TOK_SENT = 1 << 5,  /* starts a sentence (first of the paragraph, or after . ! ?) */
    LEDE_TOK_CAPS = 1 << 6,  /* in a paragraph written in capitals */
    LEDE_TOK_ASCII = 1 << 7  /* every byte ASCII */
};

typedef struct {
    uint32_t start; /* offset from the paragraph start; a paragraph is at most 4 GiB */
    uint16_t len;   /* bytes; a longer run is cut into tokens of at most 65535 bytes */
    uint16_t flags; /* LEDE_TOK_* */
} lede_token;

typedef struct {
    lede_token *items; /* owned */
    size_t n, cap;
} lede_tokens;

/* Cuts s[start..end) (one paragraph) into out, replacing what out held. lex (may be
 * NULL) says which words keep a following period as abbreviations (titles, organisation
 * words, stop words: "Dr.", "Inc.", "Jan."); single letters and dotted initials always
 * do. Returns NOMEM on failure. O(end - start). */
lede_status lede_tokenize(const lede_lexicon *lex, const char *s, size_t start, size_t end,
                          lede_tokens *out);

/* The same, appending the paragraph's tokens to those out holds already. */
lede_status lede_tokenize_append(const lede_lexicon *lex, const char *s, size_t start, size_t end,
                                 lede_tokens *out);

/* Frees the tokens' array and zeroes out. */
void lede_tokens_free(lede_tokens *toks);

#endif
