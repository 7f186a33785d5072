/* check_tagger_fixture.h - the tagger fixture the tagger-level suites share (check_tagger,
 * check_propagate): a built-in lexicon and tagger, the text of the last run and its spans.
 * check_fixture.h is the whole annotator's; this one stops at the tagger, so a suite can
 * look at (or replace) the spans before names and quotes see them. Each suite is its own
 * executable, so the state here is static. */
#ifndef LEDE_CHECK_TAGGER_FIXTURE_H
#define LEDE_CHECK_TAGGER_FIXTURE_H

#include <check.h>
#include <string.h>
#include "lede/tagger.h"

static lede_lexicon *lex;
static lede_tagger *tagger;
static lede_text text;
static lede_ner_spans spans;

static inline void setup(void)
{
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    ck_assert_int_eq(lede_tagger_new(lex, NULL, 0, &tagger), LEDE_OK);
}

static inline void teardown(void)
{
    lede_ner_spans_free(&spans);
    lede_text_free(&text);
    lede_tagger_free(tagger);
    lede_lexicon_free(lex);
}

/* Loads s (NUL-terminated) into text, replacing the last one, and tags it into spans. */
static inline void run(const char *s)
{
    lede_text_free(&text);
    ck_assert_int_eq(lede_text_from_buffer(s, strlen(s), &text), LEDE_OK);
    ck_assert_int_eq(lede_tagger_run(tagger, &text, &spans), LEDE_OK);
}

#endif
