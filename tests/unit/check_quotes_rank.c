/* check_quotes_rank.c - the quote source ranker (src/quotes_rank.c), the candidates the
 * rules propose (src/quotes.c), pairing marks (src/quotes_marks.c) and the trainer's
 * averaged perceptron (tools/train/rank_perceptron.c). Texts are written here. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/annotate.h"
#include "check_fixture.h"
#include "check_util.h"
#include "quotes_impl.h"
#include "rank_perceptron.h"

static lede_status load(const char *s, int32_t **w)
{
    return quote_rank_load(s, strlen(s), w);
}

/* A model file: comments, the header, "bucket weight" lines; anything else is refused. */
START_TEST(model_file)
{
    int32_t *w;
    ck_assert_int_eq(load("# c\nlede-quotes-ranker 1\n3 -20\n16383 7\n", &w), LEDE_OK);
    ck_assert_int_eq(w[3], -20);
    ck_assert_int_eq(w[16383], 7);
    ck_assert_int_eq(w[0], 0);
    free(w);
    ck_assert_int_eq(load("lede-quotes-ranker 1\n", &w), LEDE_OK);
    free(w);
    ck_assert_int_eq(load("lede-quotes-ranker 2\n", &w), LEDE_ERR_SYNTAX);
    ck_assert_ptr_null(w);
    ck_assert_int_eq(load("lede-quotes-ranker 1\n16384 1\n", &w), LEDE_ERR_SYNTAX);
    ck_assert_int_eq(load("lede-quotes-ranker 1\n3 x\n", &w), LEDE_ERR_SYNTAX);
    ck_assert_int_eq(load("lede-quotes-ranker 1\n3 99999999999\n", &w), LEDE_ERR_SYNTAX);
    ck_assert_int_eq(load("", &w), LEDE_ERR_SYNTAX);
    /* The built-in model is well formed. */
    ck_assert_int_eq(quote_rank_builtin(&w), LEDE_OK);
    free(w);
}
END_TEST

/* What a chooser saw of the quotes of a text. */
typedef struct {
    size_t quotes, max_cands, max_feats;
    bool none_last, in_range;
    size_t answer; /* SIZE_MAX: the last candidate, else this index (capped) */
} seen;

static size_t record(void *arg, const qctx *c, const found *f, const quote_cand *cands, size_t n,
                     uint32_t prev_speaker)
{
    seen *s = arg;
    s->quotes++;
    s->max_cands = n > s->max_cands ? n : s->max_cands;
    s->none_last &= cands[n - 1].rule == QR_NONE && !cands[n - 1].q.has_source;
    for (size_t k = 0; k < n; k++) {
        uint32_t feats[QR_MAX_FEATURES];
        size_t m = quote_rank_features(c, f, cands, n, k, prev_speaker, feats);
        s->max_feats = m > s->max_feats ? m : s->max_feats;
        for (size_t i = 0; i < m; i++)
            s->in_range &= feats[i] < QR_BUCKETS;
    }
    return s->answer == SIZE_MAX ? n - 1 : s->answer;
}

/* Every quote gets its rules' candidates and "none" last; features stay in range. */
START_TEST(candidates_and_features)
{
    static const char s[] = "Anna Berg came in. “We will win,” Berg said. Berg said: “Now.”\n\n"
                            "“Then go,” said Tom Hale, according to Radio Nord.\n";
    lede_text t;
    ck_assert_int_eq(lede_text_from_buffer(s, strlen(s), &t), LEDE_OK);
    lede_namer *namer;
    ck_assert_int_eq(lede_namer_new(lex, NULL, 0, &namer), LEDE_OK);
    for (int pass = 0; pass < 2; pass++) {
        lede_model m;
        lede_model_init(&m);
        lede_names names = {0};
        seen sn = {0, 0, 0, true, true, pass == 0 ? 0 : SIZE_MAX};
        ck_assert_int_eq(lede_namer_run(namer, &t, &m, &names), LEDE_OK);
        ck_assert_int_eq(quote_find_with(lex, &t, &names, &m, NULL, record, &sn), LEDE_OK);
        ck_assert_uint_eq(sn.quotes, 3);
        ck_assert(sn.none_last);
        ck_assert(sn.in_range);
        ck_assert_uint_le(sn.max_feats, QR_MAX_FEATURES);
        ck_assert_uint_ge(sn.max_cands, 2);
        ck_assert_uint_le(sn.max_cands, QR_MAX_CANDS);
        ck_assert_int_eq(lede_model_finish(&m), LEDE_OK);
        if (pass == 0) {
            /* The first candidate is the rules' own choice. */
            ck_assert_uint_ne(m.quotes[0].speaker, LEDE_NONE);
            ck_assert_str_eq(m.entities[m.quotes[0].speaker].name, "Anna Berg");
        } else {
            /* Choosing "none" everywhere leaves the first quote without a source. */
            ck_assert(!m.quotes[0].has_source);
        }
        lede_names_free(&names);
        lede_model_free(&m);
    }
    lede_namer_free(namer);
    lede_text_free(&t);
}
END_TEST

/* A quote left open ends where the next mark opens after the end of a sentence (the
 * paragraphs of a long quote run together); a quote inside a quote stays inside. */
START_TEST(marks_reopen_after_a_sentence)
{
    annotate("Mr Varga said: “We lost. “We will win next time,” he added.\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert_str_eq(span_text(model.quotes[0].span), "“We lost.");
    ck_assert_str_eq(span_text(model.quotes[1].span), "“We will win next time,”");
    annotate("Mr Varga said: “They called it “late” and left.”\n");
    ck_assert_uint_eq(model.n_quotes, 1);
    ck_assert_str_eq(span_text(model.quotes[0].span), "“They called it “late” and left.”");
    ck_assert_uint_eq(quote_next_mark("ab “c", 0, 7), 3);
    ck_assert_uint_eq(quote_next_mark("a’b—c", 0, 9), 9);
}
END_TEST

/* Rules added with the ranker: a name before a colon that is a verb's object is no
 * source; a name inside a descriptive source speaks; "X, which said" is X's; a quote
 * with no cue takes the speaker of the sentence before. */
START_TEST(rule_details)
{
    annotate("Anna Berg left Acme Research in May. Berg told the Daily Mirror: “I am done.”\n");
    ck_assert_uint_eq(model.n_quotes, 1);
    ck_assert_str_eq(speaker_of(0), "Anna Berg");
    annotate("The forecast came from Acme Research, which said: “Demand is weak.”\n");
    ck_assert_str_eq(span_text(model.quotes[0].source), "which");
    ck_assert_str_eq(speaker_of(0), "Acme Research");
    annotate("Mr Varga said the plan would fail. “It cannot work in winter.”\n");
    ck_assert_str_eq(speaker_of(0), "Varga");
}
END_TEST

/* Toy examples one feature tells apart: training picks the right one for each, and two
 * trainings give the same weights. */
START_TEST(perceptron_learns_and_repeats)
{
    rank_examples ex = {0};
    for (int i = 0; i < 20; i++) {
        /* Candidate 0 has feature 1 (bad) and 3; candidate 1 has feature 2 (good) and 3. */
        uint32_t feats[] = {1, 3, 2, 3};
        size_t offsets[] = {0, 2, 4};
        ck_assert_int_eq(rank_examples_add(&ex, feats, offsets, 2, 1), 0);
        uint32_t f2[] = {2, 5, 1, 5};
        ck_assert_int_eq(rank_examples_add(&ex, f2, offsets, 2, 0), 0);
    }
    int32_t w1[8], w2[8];
    ck_assert_int_eq(rank_train(&ex, 8, 5, 100, 7, w1), 0);
    ck_assert_int_eq(rank_train(&ex, 8, 5, 100, 7, w2), 0);
    ck_assert_mem_eq(w1, w2, sizeof w1);
    ck_assert_int_gt(w1[2], w1[1]);
    perceptron p;
    ck_assert_int_eq(perceptron_init(&p, 8, 1), 0);
    memcpy(p.w, w1, sizeof w1);
    for (size_t i = 0; i < ex.n; i++)
        ck_assert_uint_eq(rank_best(&ex.items[i], &p), ex.items[i].gold);
    perceptron_free(&p);
    rank_examples_free(&ex);
}
END_TEST

static Suite *rank_suite(void)
{
    Suite *s = suite_create("quotes_rank");
    TCase *tc = tcase_create("ranker");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, model_file);
    tcase_add_test(tc, candidates_and_features);
    tcase_add_test(tc, marks_reopen_after_a_sentence);
    tcase_add_test(tc, rule_details);
    tcase_add_test(tc, perceptron_learns_and_repeats);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(rank_suite());
}
