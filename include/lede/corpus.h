/* corpus.h - people, places and organisations across the articles of a session: each
 * entity once, with the articles it appears in and its counts there. Articles are added
 * one at a time (annotated first if they are not yet), so that the reader builds it
 * between keypresses. Identity across articles is by type and name, case aside, and
 * for people also by surname: "Howard" in one story is "Michael Howard" of another when
 * only one known person has that surname. Adding an article costs O(its bytes) to
 * annotate plus O(e) expected for its e entities. */
#ifndef LEDE_CORPUS_H
#define LEDE_CORPUS_H

#include <stddef.h>
#include <stdint.h>
#include "lede/annotate.h"
#include "lede/article.h"
#include "lede/strmap.h"

typedef struct {
    uint32_t article; /* its number in the session */
    uint32_t entity;  /* that article's entity id (the one with the most mentions) */
    uint32_t mentions, quotes;
} lede_corpus_hit;

typedef struct {
    lede_entity_type type;
    const char *name; /* the first article's strings (articles outlive the corpus) */
    const char *role; /* NULL or the first role met */
    size_t mentions, quotes;
    lede_corpus_hit *hits; /* by article, ascending; one per article */
    size_t n_hits, cap_hits;
    uint32_t alias_of; /* LEDE_NONE, or the entry this one was merged into */
} lede_corpus_entry;

typedef struct {
    lede_article *articles; /* borrowed */
    size_t n, added;        /* articles [0, added) are in */
    lede_corpus_entry *entries;
    size_t n_entries, cap_entries;
    uint32_t **local;     /* per article added: entity id -> entry (NULL: none) */
    lede_strmap names;    /* type and lower-case name -> entry */
    lede_strmap surnames; /* lower-case surname of a full-named person -> entry */
} lede_corpus;

/* Sets up an empty corpus over articles[0..n) (borrowed). NOMEM. */
lede_status lede_corpus_init(lede_corpus *c, lede_article *articles, size_t n);

/* Annotates article c->added unless it is already, and adds it. An article that cannot
 * be read adds nothing and is skipped, and so is one whose read could wait without end
 * (lede_article_may_block: a FIFO, a terminal). Returns NOMEM, else OK; does nothing when all
 * are in. */
lede_status lede_corpus_step(lede_corpus *c, lede_annotator *ann);

/* Returns true when every article is in. */
bool lede_corpus_done(const lede_corpus *c);

/* Returns the entry of entity id of article (aliases followed), or LEDE_NONE when the
 * article is not in yet. */
uint32_t lede_corpus_entry_of(const lede_corpus *c, size_t article, uint32_t id);

/* Returns entry id with aliases followed (the entry itself when it is none). */
const lede_corpus_entry *lede_corpus_get(const lede_corpus *c, uint32_t id);

/* Returns the hit of entry in the nearest article after (dir > 0) or before (dir < 0)
 * article, going round the ends; NULL when no other article has it. O(log hits). */
const lede_corpus_hit *lede_corpus_step_hit(const lede_corpus *c, uint32_t entry, size_t article,
                                            int dir);

/* Fills order (room for c->n_entries) with the entries to list, aliases and entries no
 * article has left out, ranked as the index of all articles and --entities show them:
 * by type, then the number of articles, then mentions, then name. Returns how many.
 * O(e log e). */
size_t lede_corpus_ranked(const lede_corpus *c, uint32_t *order);

/* Frees what the corpus owns (not the articles). */
void lede_corpus_free(lede_corpus *c);

#endif
