/* features.h - what the entity tagger sees of a token: hashed feature indexes.
 *
 * The one feature extractor, used by the tagger at run time and by the trainer
 * (tools/train), so that both see exactly the same features. A feature is a template
 * number and the hashes of some words, shapes or labels, hashed into one of
 * LEDE_NER_BUCKETS rows of the weight table; each row holds a weight per label.
 *
 * Labels are BILOU over four types: O is 0, and type t (lede_ner_type) in position p
 * (B, I, L, U = 0..3) is 1 + 4t + p. */
#ifndef LEDE_FEATURES_H
#define LEDE_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lede/lexicon.h"
#include "lede/status.h"
#include "lede/tokens.h"

/* 2^18 rows: the Python prototype had ~90k non-zero features (design notes); this keeps
 * collisions rare and the int16 table at 8.5 MiB. Changing it needs a retrain. */
#define LEDE_NER_HASH_BITS 18
#define LEDE_NER_BUCKETS (1u << LEDE_NER_HASH_BITS)
#define LEDE_NER_LABELS 17
/* Words kept of those written before a capitalised word anywhere in a document: each
 * is a feature of the word's every mention (Ratinov & Roth's "context aggregation":
 * "Valve spokesman" and "maker Valve" say what "Valve said" does not). Tuned on the dev
 * sets: 6, 8 and 12 words gave BBC dev micro 0.865, 0.878 and 0.876 (CoNLL 0.914,
 * 0.916, 0.915); with three seeds 8 gave BBC 0.868-0.883 against 0.858-0.865 without.
 * The words after a mention as well scored no better (BBC 0.877, CoNLL 0.909-0.916)
 * and cost twice as much. */
#define LEDE_NER_DOC_CONTEXT 8
/* Per token, lede_ner_features() writes at most this many: 43 of fixed templates, the
 * document's words before the word, and up to one per lexicon kind (LEDE_LEX_KINDS)
 * for each of three words. */
#define LEDE_NER_MAX_FEATURES (43 + LEDE_NER_DOC_CONTEXT + 3 * LEDE_LEX_KINDS)
/* The first features of a token that lede_ner_word_features() counts, at most. */
#define LEDE_NER_WORD_FEATURES (12 + LEDE_NER_DOC_CONTEXT)
/* Bumped whenever the features change: a model records the version it was trained with
 * and the tagger refuses another. */
#define LEDE_NER_FEATURES_VERSION 5

typedef enum { LEDE_NER_PER, LEDE_NER_LOC, LEDE_NER_ORG, LEDE_NER_MISC, LEDE_NER_TYPES } lede_ner_type;
enum { LEDE_NER_B, LEDE_NER_I, LEDE_NER_L, LEDE_NER_U };

/* A BILOU label: 0 is O (outside any name), then four labels (B, I, L, U) per type, so
 * the model's rows hold 1 + 4 * LEDE_NER_TYPES weights. Returns the label of position
 * pos (LEDE_NER_B..U) in a name of this type; the next two invert it (label > 0). */
static inline unsigned lede_ner_label(lede_ner_type type, unsigned pos)
{
    return 1 + 4 * (unsigned)type + pos;
}
static inline lede_ner_type lede_ner_label_type(unsigned label)
{
    return (lede_ner_type)((label - 1) / 4);
}
static inline unsigned lede_ner_label_pos(unsigned label)
{
    return (label - 1) % 4;
}

/* What the whole document says of its words: how often each is capitalised inside a
 * sentence or written in small letters, the words written before it, and the type the
 * tagger gave it last. */
typedef struct lede_ner_doc lede_ner_doc;

/* Makes an empty document table in *out; NOMEM on failure. Free with lede_ner_doc_free. */
lede_status lede_ner_doc_new(lede_ner_doc **out);
/* Forgets every word, for the next document. */
void lede_ner_doc_clear(lede_ner_doc *doc);
void lede_ner_doc_free(lede_ner_doc *doc);

/* Counts the words of one paragraph (pass one over a document). s is the paragraph's
 * first byte, toks its tokens. Every paragraph is counted first with caps (the
 * capitalised words), then again without (their small-letter forms: only words seen
 * capitalised are counted, which keeps the table small). NOMEM on failure (only with
 * caps). */
lede_status lede_ner_doc_count(lede_ner_doc *doc, const char *s, const lede_tokens *toks,
                               bool caps);

/* One paragraph being tagged: its tokens and what is known of each, computed lazily. */
typedef struct {
    const lede_lexicon *lex;
    const char *s; /* the paragraph's first byte */
    const lede_tokens *toks;
    struct lede_ner_tokinfo *info; /* owned, grown as needed */
    size_t cap;
    struct lede_ner_memo *memo; /* owned: lexicon answers, kept from paragraph to paragraph */
    struct lede_wordcache *words; /* owned: each word's own features, kept likewise */
} lede_ner_para;

/* Readies p for the tokens toks of the paragraph at s (lex borrowed, may be NULL).
 * p is zeroed before first use and freed with lede_ner_para_free(). NOMEM on failure. */
lede_status lede_ner_para_reset(lede_ner_para *p, const lede_lexicon *lex, const char *s,
                                const lede_tokens *toks);
void lede_ner_para_free(lede_ner_para *p);

/* True when token i can be part of a name: it is capitalised (but a stop word such as
 * "The" or "He" only beside another capitalised word), or a particle or a connector of
 * the lists between two capitalised tokens ("Bank of England", "Marks & Spencer",
 * "Ludwig van Beethoven"). The
 * tagger gives every other token O without scoring it. */
bool lede_ner_candidate(const lede_ner_para *p, size_t i);

/* The first candidate token at or after i; the paragraph's token count when none. */
size_t lede_ner_next_candidate(const lede_ner_para *p, size_t i);

/* True when label may follow prev (the label of token i-1, 0 at the start) at a token
 * after which a name may (next_candidate) or may not continue. */
bool lede_ner_allowed(unsigned prev, unsigned label, bool next_candidate);

/* The same for every label at once: bit l set when label l is allowed (the decoder
 * asks once per token instead of once per label). */
uint32_t lede_ner_allowed_labels(unsigned prev, bool next_candidate);

/* Writes the features of token i into out (at most LEDE_NER_MAX_FEATURES) and returns
 * how many: the token's own, given the labels of the two tokens before it. */
size_t lede_ner_features(lede_ner_para *p, const lede_ner_doc *doc, size_t i, unsigned prev,
                         unsigned prev2, uint32_t *out);

/* How many of token i's first features depend on nothing but its word's bytes (the
 * bias, word, shape, prefixes and suffixes) and on the document's words before its
 * mentions (fixed once the document is counted): a scorer may keep their sum per word.
 * At most LEDE_NER_WORD_FEATURES; what the last lede_ner_features() for token i wrote
 * (call it first). */
size_t lede_ner_word_features(const lede_ner_para *p, size_t i);

/* Records that token i got label, for the "label given before" feature of later
 * tokens. NOMEM on failure. */
lede_status lede_ner_doc_note(lede_ner_doc *doc, lede_ner_para *p, size_t i, unsigned label);

#endif
