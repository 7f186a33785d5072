/* check_tagger.c - the entity tagger: model files, the built-in model on plain news. */
#include <string.h>
#include "check_util.h"
#include "check_tagger_fixture.h"

/* True when the tagger found s[...] as a name of type t. */
static bool found(const char *name, lede_ner_type t)
{
    for (size_t i = 0; i < spans.n; i++) {
        const lede_ner_span *sp = &spans.items[i];
        size_t n = sp->span.end - sp->span.start;
        if (sp->type == t && n == strlen(name) && memcmp(text.bytes + sp->span.start, name, n) == 0)
            return true;
    }
    return false;
}

START_TEST(built_in_model_finds_plain_names)
{
    run("Prime Minister Ingrid Lindqvist flew to Stockholm on Monday.\n\n"
        "The European Commission said Lindqvist would meet officials in Brussels.\n");
    ck_assert(found("Ingrid Lindqvist", LEDE_NER_PER));
    ck_assert(found("Stockholm", LEDE_NER_LOC));
    ck_assert(found("European Commission", LEDE_NER_ORG));
    ck_assert(found("Brussels", LEDE_NER_LOC));
    /* Spans are in order, inside their paragraph, never overlapping. */
    for (size_t i = 0; i < spans.n; i++) {
        const lede_ner_span *sp = &spans.items[i];
        ck_assert_uint_lt(sp->para, text.n_paras);
        ck_assert_uint_ge(sp->span.start, text.paras[sp->para].span.start);
        ck_assert_uint_le(sp->span.end, text.paras[sp->para].span.end);
        if (i > 0)
            ck_assert_uint_le(spans.items[i - 1].span.end, sp->span.start);
    }
}
END_TEST

START_TEST(lower_case_text_has_no_names)
{
    run("nothing here is a name, and nobody is named in it.\n");
    ck_assert_uint_eq(spans.n, 0);
}
END_TEST

START_TEST(malformed_models_are_refused)
{
    lede_tagger *t = NULL;
    ck_assert_int_eq(lede_tagger_new(lex, "nonsense", 8, &t), LEDE_ERR_SYNTAX);
    ck_assert_ptr_null(t);
    /* The right header with another feature version. */
    char m[LEDE_NER_HEADER + 4 + 2 * LEDE_NER_LABELS];
    memset(m, 0, sizeof m);
    memcpy(m, LEDE_NER_MAGIC, 8);
    m[8] = (char)(LEDE_NER_FEATURES_VERSION + 1);
    m[12] = LEDE_NER_HASH_BITS;
    m[16] = LEDE_NER_LABELS;
    ck_assert_int_eq(lede_tagger_new(lex, m, LEDE_NER_HEADER, &t), LEDE_ERR_SYNTAX);
    /* One row: with its bucket past the table, and truncated. */
    m[8] = LEDE_NER_FEATURES_VERSION;
    m[20] = 1;
    m[LEDE_NER_HEADER + 3] = 0x7f;
    ck_assert_int_eq(lede_tagger_new(lex, m, sizeof m, &t), LEDE_ERR_SYNTAX);
    m[LEDE_NER_HEADER + 3] = 0;
    ck_assert_int_eq(lede_tagger_new(lex, m, sizeof m - 1, &t), LEDE_ERR_SYNTAX);
    /* A row of weights read from a caller's buffer. */
    ck_assert_int_eq(lede_tagger_new(lex, m, sizeof m, &t), LEDE_OK);
    lede_tagger_free(t);
    /* An empty model is valid and finds nothing. */
    m[20] = 0;
    ck_assert_int_eq(lede_tagger_new(lex, m, LEDE_NER_HEADER, &t), LEDE_OK);
    lede_ner_spans none = {0};
    run("Prime Minister Ingrid Lindqvist flew to Stockholm.\n");
    ck_assert_int_eq(lede_tagger_run(t, &text, &none), LEDE_OK);
    ck_assert_uint_eq(none.n, 0);
    lede_ner_spans_free(&none);
    lede_tagger_free(t);
}
END_TEST

static Suite *tagger_suite(void)
{
    Suite *s = suite_create("tagger");
    TCase *tc = tcase_create("tagger");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, built_in_model_finds_plain_names);
    tcase_add_test(tc, lower_case_text_has_no_names);
    tcase_add_test(tc, malformed_models_are_refused);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(tagger_suite());
}
