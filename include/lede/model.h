/* model.h - the in-memory annotation model: entities, mentions, quotes.
 *
 * Built once per article (by the annotator, through the builder calls below), then
 * read-only. Mentions and quotes live in arrays sorted by start offset, so every query
 * is a binary search. Mentions never overlap one another; quotes never overlap one
 * another (a mention may lie inside a quote).
 *
 * Bound: building is O(m log m) for m mentions and quotes (one sort each); every query
 * is O(log m). */
#ifndef LEDE_MODEL_H
#define LEDE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lede/status.h"
#include "lede/text.h"

#define LEDE_NONE UINT32_MAX

typedef enum {
    LEDE_PERSON,
    LEDE_PLACE,
    LEDE_ORGANIZATION,
    LEDE_GROUP,
    LEDE_ENTITY_TYPES
} lede_entity_type;

typedef struct {
    lede_span span;
    uint32_t entity; /* id of the entity it names */
    uint32_t k;      /* its position among that entity's mentions, 0-based */
} lede_mention;

typedef struct {
    uint32_t id; /* equals its index in model->entities (order of first mention) */
    lede_entity_type type;
    char *name;         /* canonical name, e.g. "Donald Trump" (the model's) */
    char *role;         /* NULL or e.g. "U.S. President" (the model's) */
    uint32_t *mentions; /* indexes into model->mentions, ascending (in model->index) */
    size_t n_mentions;
    uint32_t *quotes; /* NULL or indexes into model->quotes, ascending (in model->index) */
    size_t n_quotes;
} lede_entity;

typedef struct {
    lede_span span;   /* includes the quotation marks */
    uint32_t speaker; /* entity id or LEDE_NONE */
    bool has_source, has_cue;
    lede_span source; /* the name or pronoun that names the speaker here */
    lede_span cue;    /* the reporting verb */
    bool partial;     /* a few quoted words inside a sentence ("root causes") */
} lede_quote;

typedef struct lede_model_chunk lede_model_chunk; /* storage of names and roles */

typedef struct {
    lede_entity *entities;
    size_t n_entities;
    lede_mention *mentions; /* sorted by start, non-overlapping */
    size_t n_mentions;
    lede_quote *quotes; /* sorted by start, non-overlapping */
    size_t n_quotes;
    uint32_t *index;           /* owned: every entity's mentions[] and quotes[] */
    lede_model_chunk *strings; /* owned: every entity's name and role */
    size_t cap_entities, cap_mentions, cap_quotes; /* builder bookkeeping */
} lede_model;

/* --- building (used by the annotator) ------------------------------------------- */

/* Zeroes model so that it can be built or freed. */
void lede_model_init(lede_model *model);

/* Adds an entity with a copy of name and role (role may be NULL; a NULL name is taken
 * as "") and stores its provisional id in *id. Ids change in lede_model_finish(). */
lede_status lede_model_add_entity(lede_model *model, lede_entity_type type, const char *name,
                                  const char *role, uint32_t *id);

/* Replaces the role of entity id with a copy of role (NULL clears it). NOTFOUND when
 * there is no entity id. */
lede_status lede_model_set_role(lede_model *model, uint32_t id, const char *role);

/* Adds a mention of entity id at span. Overlapping mentions are resolved in
 * lede_model_finish(): the longer one is kept (the earlier on a tie). An empty span is
 * ignored; NOTFOUND when there is no entity id. */
lede_status lede_model_add_mention(lede_model *model, uint32_t id, lede_span span);

/* Adds a quote; quote->speaker is a provisional entity id or LEDE_NONE (NOTFOUND for an
 * unknown id). Of overlapping quotes the longer is kept; of two with the same span, which
 * one is unspecified. An empty span is ignored. */
lede_status lede_model_add_quote(lede_model *model, const lede_quote *quote);

/* Sorts everything, drops entities left without mentions, renumbers entities in order
 * of first mention (fixing every speaker id; a dropped speaker becomes LEDE_NONE), sets
 * each mention's entity and k and builds the per-entity indexes. After this the model is
 * read-only. On NOMEM the model is only fit for lede_model_free(). */
lede_status lede_model_finish(lede_model *model);

/* Frees everything the model owns and zeroes it. Safe on a zeroed model. */
void lede_model_free(lede_model *model);

/* --- queries (O(log n) each) ------------------------------------------------------ */

/* Returns the mention that covers offset, or NULL. */
const lede_mention *lede_model_mention_at(const lede_model *model, size_t offset);

/* Returns the quote that covers offset, or NULL. */
const lede_quote *lede_model_quote_at(const lede_model *model, size_t offset);

/* Returns the index in model->mentions of the first mention whose end is after offset
 * (so the one covering offset, or the next one); n_mentions when there is none.
 * The layout uses it to start walking spans at the top of the screen. */
size_t lede_model_first_mention_from(const lede_model *model, size_t offset);

/* Same as lede_model_first_mention_from() for model->quotes. */
size_t lede_model_first_quote_from(const lede_model *model, size_t offset);

/* "After offset" means start > offset, "before" start < offset. An unknown id or
 * speaker gives NULL. */

/* Returns the mention of entity id that starts after offset, or, with wrap, the first
 * one when there is none after; NULL when there is none (or no mentions at all).
 * mention->k tells "mention k+1 of n_mentions". */
const lede_mention *lede_model_next_mention(const lede_model *model, uint32_t id, size_t offset,
                                            bool wrap);

/* Returns the mention of entity id that starts before offset, or, with wrap, the last. */
const lede_mention *lede_model_prev_mention(const lede_model *model, uint32_t id, size_t offset,
                                            bool wrap);

/* Returns the quote that starts after offset; with speaker != LEDE_NONE only quotes of
 * that speaker count. With wrap, the first one when none is after. NULL when none. */
const lede_quote *lede_model_next_quote(const lede_model *model, uint32_t speaker, size_t offset,
                                        bool wrap);

/* Returns the quote that starts before offset (same rules as lede_model_next_quote()). */
const lede_quote *lede_model_prev_quote(const lede_model *model, uint32_t speaker, size_t offset,
                                        bool wrap);

/* Returns the position (0-based) of quote among the quotes of speaker (all quotes with
 * LEDE_NONE): "quote k+1 of n". quote must be one of them. */
size_t lede_model_quote_k(const lede_model *model, uint32_t speaker, const lede_quote *quote);

/* Returns the name of an entity type: "person", "place", "organization", "group"
 * ("unknown" for anything else). */
const char *lede_entity_type_name(lede_entity_type type);

#endif
