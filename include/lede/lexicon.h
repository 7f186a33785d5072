/* lexicon.h - the word lists the annotator consults.
 *
 * The built-in lists are plain text files under src/lexicon/, compiled into the
 * binary. A user's file (--lexicon FILE) uses the same format:
 *
 *     # a comment
 *     [first]            a section names the kind of the entries that follow
 *     Donald
 *     [title]
 *     Prime Minister     entries may have several words
 *     [demonym]
 *     Russian = Russia   some kinds take a value after " = "
 *
 * Blanks around an entry are trimmed and inner runs of blanks become one space;
 * a line whose first non-blank is '#' is a comment. An entry added again replaces
 * the value of the earlier one (so a user's file can override a built-in entry).
 * Lookups are exact (case-sensitive) on the entry text. */
#ifndef LEDE_LEXICON_H
#define LEDE_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "lede/status.h"

typedef enum {
    LEDE_LEX_FIRST,     /* first names: evidence for a person */
    LEDE_LEX_PERSON,    /* full names of people */
    LEDE_LEX_TITLE,     /* titles and roles before a name: "President", "aide", "Dr." */
    LEDE_LEX_PLACE,     /* countries, subdivisions, cities */
    LEDE_LEX_PLACEWORD, /* words that make a name a place: "River", "Province" */
    LEDE_LEX_ORG,       /* organisation names: "Kremlin", "NATO", "Reuters" */
    LEDE_LEX_ORGWORD,   /* words that make a name an organisation: "Ministry", "Inc." */
    LEDE_LEX_GROUP,     /* groups: parties' members, peoples: "Republicans" */
    LEDE_LEX_DEMONYM,   /* "Russian = Russia": adjective or people, value is the place */
    LEDE_LEX_VERB,      /* reporting verbs in every form: "said", "says", "told" */
    LEDE_LEX_STOP,      /* capitalised words that never start a name: "Meanwhile", "July" */
    LEDE_LEX_PARTICLE,  /* lower-case name particles: "de", "van", "bin", "al" */
    LEDE_LEX_QUOTE,     /* words attribution reads: "said = irregular core", value = classes */
    LEDE_LEX_GENDER,    /* "Mrs = female", "he = male": words that tell a person's gender */
    LEDE_LEX_MODIFIER,  /* words before a title that belong to the role: "former", "acting" */
    LEDE_LEX_HONORIFIC, /* titles that say "person" but are no role worth showing: "Mr." */
    LEDE_LEX_CONNECTOR, /* small words inside names besides particles: "of", "and", "&" */
    LEDE_LEX_CLAUSE,    /* attribution only, no evidence for the tagger: words that open a
                         * clause or end its subject, "although = opener", "could = modal" */
    LEDE_LEX_KINDS
} lede_lex_kind;

typedef struct lede_lexicon lede_lexicon;

/* The longest entry (and value) the lists take: the longest built-in one has 8 words
 * and 52 bytes (a country's full name), so these leave room and keep the annotator's
 * multi-word lookups short. */
#define LEDE_LEX_MAX_WORDS 12
#define LEDE_LEX_MAX_BYTES 256
#define LEDE_LEX_MAX_TEXT "12 words or 256 bytes"

/* The set bit of kind in lede_lex_word's masks. */
#define LEDE_LEX_BIT(kind) (1u << (kind))

/* What the lists say of one text, from a single lookup. */
typedef struct {
    unsigned kinds;  /* LEDE_LEX_BIT(k) set: the text is an entry of kind k */
    unsigned starts; /* LEDE_LEX_BIT(k) set: the text is the first word of a longer entry of
                      * kind k (words end at a space or a no-break space) */
    uint32_t id;     /* the entry's record, for lede_lexicon_word_value; 0 when none */
} lede_lex_word;

/* Creates a lexicon holding the built-in lists. Returns NOMEM or, if a built-in list is
 * malformed (a bug), SYNTAX. The caller frees it with lede_lexicon_free(). */
lede_status lede_lexicon_new(lede_lexicon **out);

/* Creates a lexicon with no entries at all (for tests). */
lede_status lede_lexicon_new_empty(lede_lexicon **out);

/* Adds the entries of buf (the format above). name is used in diagnostics: each bad
 * line prints "name:line: message" on diag (if not NULL) and is skipped; loading goes
 * on. Bad lines: an entry before any section, an unknown or unclosed section line
 * (the entries under it are then skipped without further messages), an empty entry,
 * an empty value after '=', a NUL byte, an entry or value longer than
 * LEDE_LEX_MAX_WORDS words or LEDE_LEX_MAX_BYTES bytes. Only the first 20 bad lines are
 * printed, then one line counts the rest; text from the file goes through the terminal
 * filter (termsafe.h). Returns SYNTAX if any line was bad, NOMEM on allocation failure,
 * else OK. */
lede_status lede_lexicon_add_buffer(lede_lexicon *lex, const char *buf, size_t len,
                                    const char *name, FILE *diag);

/* Reads the file at path and adds its entries as lede_lexicon_add_buffer() does.
 * Returns NOENT, ISDIR, ACCESS or IO when the file cannot be read. */
lede_status lede_lexicon_add_file(lede_lexicon *lex, const char *path, FILE *diag);

/* Adds one entry (value may be NULL), normalising blanks as the file format does.
 * Returns NOMEM on failure, SYNTAX when word is empty, too long (see LEDE_LEX_MAX_WORDS)
 * or kind is out of range. */
lede_status lede_lexicon_add(lede_lexicon *lex, lede_lex_kind kind, const char *word,
                             const char *value);

/* Looks word[0..len) up once for every kind. Returns zero masks when the lists know
 * nothing of it (and for NULL arguments or an empty word). The result is valid until
 * entries are next added to lex. */
lede_lex_word lede_lexicon_find(const lede_lexicon *lex, const char *word, size_t len);

/* Returns the value of w's entry of kind, "" when it has none, or NULL when w is not
 * an entry of kind. w comes from lede_lexicon_find on the same lex. */
const char *lede_lexicon_word_value(const lede_lexicon *lex, lede_lex_word w, lede_lex_kind kind);

/* Returns true when word[0..len) is an entry of kind. */
bool lede_lexicon_has(const lede_lexicon *lex, lede_lex_kind kind, const char *word, size_t len);

/* Returns the value of the entry word[0..len) of kind, "" when it has none, or NULL
 * when there is no such entry. The string lives as long as lex. */
const char *lede_lexicon_value(const lede_lexicon *lex, lede_lex_kind kind, const char *word,
                               size_t len);

/* Returns the largest number of words in an entry of kind (0 when kind is empty). */
int lede_lexicon_max_words(const lede_lexicon *lex, lede_lex_kind kind);

/* Returns the number of entries of kind. */
size_t lede_lexicon_count(const lede_lexicon *lex, lede_lex_kind kind);

/* Frees lex. Safe with NULL. */
void lede_lexicon_free(lede_lexicon *lex);

#endif
