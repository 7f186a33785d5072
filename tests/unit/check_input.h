/* check_input.h - helpers of the extractor suites: load a fixture or a string, and read
 * back paragraphs as strings with their kinds. */
#ifndef LEDE_CHECK_INPUT_H
#define LEDE_CHECK_INPUT_H

#include <check.h>
#include <string.h>
#include "lede/text.h"

#define FIX(name) LEDE_FIXTURES "/" name

/* Paragraph i of t equals want (and is of kind). */
static inline void expect_para(const lede_text *t, size_t i, lede_para_kind kind, const char *want)
{
    ck_assert_uint_lt(i, t->n_paras);
    const lede_span s = t->paras[i].span;
    ck_assert_msg(s.end - s.start == strlen(want) && memcmp(t->bytes + s.start, want, strlen(want)) == 0,
                  "paragraph %zu is \"%.*s\", want \"%s\"", i, (int)(s.end - s.start),
                  t->bytes + s.start, want);
    ck_assert_int_eq(t->paras[i].kind, kind);
}

/* True when some paragraph of t holds needle. */
static inline bool has_text(const lede_text *t, const char *needle)
{
    return strstr(t->bytes, needle) != NULL;
}

/* Paragraphs lie in order, inside the bytes, and the bytes end with a NUL. */
static inline void expect_sane(const lede_text *t)
{
    size_t last = 0;
    for (size_t i = 0; i < t->n_paras; i++) {
        ck_assert_uint_le(last, t->paras[i].span.start);
        ck_assert_uint_lt(t->paras[i].span.start, t->paras[i].span.end);
        ck_assert_uint_le(t->paras[i].span.end, t->len);
        last = t->paras[i].span.end;
    }
    ck_assert_int_eq(t->bytes[t->len], '\0');
}

#endif
