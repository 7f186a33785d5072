/* check_fixture.h - the annotator fixture the annotation suites share: a built-in
 * lexicon and annotator, the text and model of the last annotate(), and helpers that
 * read spans back. Each suite is its own executable, so the state here is static. */
#ifndef LEDE_CHECK_FIXTURE_H
#define LEDE_CHECK_FIXTURE_H

#include <check.h>
#include <string.h>
#include "lede/annotate.h"

static lede_lexicon *lex;
static lede_annotator *ann;
static lede_text text;
static lede_model model;

static inline void setup(void)
{
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    ck_assert_int_eq(lede_annotator_new(lex, &ann), LEDE_OK);
    memset(&text, 0, sizeof text);
    memset(&model, 0, sizeof model);
}

static inline void teardown(void)
{
    lede_model_free(&model);
    lede_text_free(&text);
    lede_annotator_free(ann);
    lede_lexicon_free(lex);
}

/* Annotates s (NUL-terminated) into text and model, replacing the last ones. */
static inline void annotate(const char *s)
{
    lede_model_free(&model);
    lede_text_free(&text);
    ck_assert_int_eq(lede_text_from_buffer(s, strlen(s), &text), LEDE_OK);
    ck_assert_int_eq(lede_annotate(ann, &text, &model), LEDE_OK);
}

/* The bytes of sp in text, as a string (cut at 511 bytes; valid until the next call). */
static inline const char *span_text(lede_span sp)
{
    static char buf[512];
    size_t len = sp.end - sp.start < sizeof buf - 1 ? sp.end - sp.start : sizeof buf - 1;
    memcpy(buf, text.bytes + sp.start, len);
    buf[len] = '\0';
    return buf;
}

/* The quote at index i: its speaker's name, or "" when none. */
static inline const char *speaker_of(size_t i)
{
    ck_assert_uint_lt(i, model.n_quotes);
    uint32_t s = model.quotes[i].speaker;
    return s == LEDE_NONE ? "" : model.entities[s].name;
}

#endif
