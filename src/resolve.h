/* resolve.h - names found by the tagger become entities: one per person, place or
 * organisation, however often and in whatever form it is named (private to the
 * annotator: names.c builds the candidates, resolve.c merges them). */
#ifndef LEDE_RESOLVE_H
#define LEDE_RESOLVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lede/lexicon.h"
#include "lede/model.h"
#include "lede/names.h"

#define LEDE_KEY_MAX 256 /* longer names are left out */

/* One name as the tagger found it, with what the text around it says. */
typedef struct {
    size_t start, end;           /* the name */
    size_t role_start, role_end; /* the title before it; equal when none */
    const char *canonical;       /* the lexicon's canonical name, or NULL */
    lede_entity_type type;
    bool weak; /* in a headline or capitals line: a name of the body may claim it */
    bool fold; /* written in capitals: known as "London", not "LONDON" */
    bool acronym;                /* one word in capitals: may be an alias of a long form */
    uint8_t ntok;                /* words */
    size_t last_start, last_end; /* the last word, for surnames */
    size_t acr_start, acr_end;   /* "(ACR)" right after a long form; equal when none */
    uint32_t entity;
} lede_cand;

typedef struct {
    lede_cand *items;
    size_t n, cap;
} lede_cands;

/* Copies s[start..end) into key (LEDE_KEY_MAX bytes) with every run of white space made
 * one space; with fold, capitals after a word's first letter become small ("LONDON" ->
 * "London"); a key beyond ASCII is put in NFC ("Zoe" + U+0308 -> "Zoë"), so both
 * spellings name one entity (offsets stay on the text's own bytes). Returns the key's
 * length, 0 when it does not fit. */
size_t lede_name_key(const char *s, size_t start, size_t end, char *key, bool fold);

/* Turns the candidates (in text order) into entities and mentions of model and lists
 * the mentions in out. Pass A makes entities of what is surely a name of its own (a
 * name of several words, a known name); pass B takes every candidate in order and
 * resolves it by name, surname or acronym, or makes a new entity. NOMEM on failure. */
lede_status lede_resolve(const lede_lexicon *lex, const char *s, lede_cands *cs, lede_model *model,
                         lede_names *out);

#endif
