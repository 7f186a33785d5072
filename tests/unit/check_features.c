/* check_features.c - the feature extractor: candidates, label rules, features. */
#include <string.h>
#include "check_util.h"
#include "lede/features.h"
#include "wordhash.h"

static lede_lexicon *lex;
static lede_tokens toks;
static lede_ner_para para;
static lede_ner_doc *doc;

static void setup(void)
{
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    ck_assert_int_eq(lede_ner_doc_new(&doc), LEDE_OK);
    memset(&para, 0, sizeof para);
}

static void teardown(void)
{
    lede_tokens_free(&toks);
    lede_ner_para_free(&para);
    lede_ner_doc_free(doc);
    lede_lexicon_free(lex);
}

static void prepare(const char *s)
{
    ck_assert_int_eq(lede_tokenize(lex, s, 0, strlen(s), &toks), LEDE_OK);
    ck_assert_int_eq(lede_ner_doc_count(doc, s, &toks, true), LEDE_OK);
    ck_assert_int_eq(lede_ner_doc_count(doc, s, &toks, false), LEDE_OK);
    ck_assert_int_eq(lede_ner_para_reset(&para, lex, s, &toks), LEDE_OK);
}

START_TEST(candidates_are_capitals_and_connectors_between_them)
{
    prepare("He met the Bank of England and Linnea on Sunday.");
    /* He met the Bank of England and Linnea on Sunday . */
    /* "He" and "Sunday" are stop words alone; "and" joins; "on" does not */
    const bool want[] = {0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0};
    ck_assert_uint_eq(toks.n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < toks.n; i++)
        ck_assert_msg(lede_ner_candidate(&para, i) == want[i], "token %zu", i);
}
END_TEST

START_TEST(labels_continue_only_the_open_type)
{
    unsigned b_per = lede_ner_label(LEDE_NER_PER, LEDE_NER_B);
    unsigned i_per = lede_ner_label(LEDE_NER_PER, LEDE_NER_I);
    unsigned l_per = lede_ner_label(LEDE_NER_PER, LEDE_NER_L);
    unsigned l_org = lede_ner_label(LEDE_NER_ORG, LEDE_NER_L);
    unsigned u_loc = lede_ner_label(LEDE_NER_LOC, LEDE_NER_U);
    ck_assert(lede_ner_allowed(0, b_per, true));
    ck_assert(!lede_ner_allowed(0, b_per, false)); /* nothing can follow to close it */
    ck_assert(!lede_ner_allowed(0, l_per, true));
    ck_assert(lede_ner_allowed(b_per, i_per, true));
    ck_assert(lede_ner_allowed(b_per, l_per, false));
    ck_assert(!lede_ner_allowed(b_per, l_org, true));
    ck_assert(!lede_ner_allowed(b_per, 0, true));
    ck_assert(lede_ner_allowed(l_per, u_loc, false));
    ck_assert_uint_eq(lede_ner_label_type(l_org), LEDE_NER_ORG);
    ck_assert_uint_eq(lede_ner_label_pos(u_loc), LEDE_NER_U);
}
END_TEST

START_TEST(features_are_bounded_and_depend_on_context)
{
    uint32_t a[LEDE_NER_MAX_FEATURES], b[LEDE_NER_MAX_FEATURES];
    prepare("President Vladimir Putin met officials in Moscow.");
    size_t na = lede_ner_features(&para, doc, 1, 0, 0, a);
    ck_assert_uint_le(na, LEDE_NER_MAX_FEATURES);
    for (size_t k = 0; k < na; k++)
        ck_assert_uint_lt(a[k], LEDE_NER_BUCKETS);
    /* The same token with another history: the label features differ, the rest not. */
    size_t nb = lede_ner_features(&para, doc, 1, lede_ner_label(LEDE_NER_PER, LEDE_NER_U), 0, b);
    ck_assert_uint_eq(na, nb);
    size_t differ = 0;
    for (size_t k = 0; k < na; k++)
        differ += a[k] != b[k];
    ck_assert_uint_ge(differ, 1);
    ck_assert_uint_le(differ, 4); /* prev, prev2, prev+word, prev+shape */
    /* Deterministic: asked again, the same features. */
    nb = lede_ner_features(&para, doc, 1, 0, 0, b);
    ck_assert_uint_eq(na, nb);
    ck_assert_int_eq(memcmp(a, b, na * sizeof *a), 0);
}
END_TEST

START_TEST(an_initial_without_its_stop_reads_as_with_it)
{
    /* "K Holmes" (British news) and "K. Holmes" (the training stories): the initial's
     * word and shape features are the same; "A Scott" keeps "A" a word of its own. */
    uint32_t a[LEDE_NER_MAX_FEATURES], b[LEDE_NER_MAX_FEATURES];
    prepare("K Holmes ran.");
    lede_ner_features(&para, doc, 0, 0, 0, a);
    prepare("K. Holmes ran.");
    lede_ner_features(&para, doc, 0, 0, 0, b);
    ck_assert_uint_eq(a[1], b[1]); /* the word */
    ck_assert_uint_eq(a[2], b[2]); /* its small-letter form */
    ck_assert_uint_eq(a[3], b[3]); /* its shape */
    prepare("A Scott ran.");
    lede_ner_features(&para, doc, 0, 0, 0, a);
    prepare("A. Scott ran.");
    lede_ner_features(&para, doc, 0, 0, 0, b);
    ck_assert_uint_ne(a[1], b[1]);
    prepare("K. Holmes ran.");
    lede_ner_features(&para, doc, 0, 0, 0, b);
    prepare("K holmes ran."); /* no capitalised word after it: a letter */
    lede_ner_features(&para, doc, 0, 0, 0, a);
    ck_assert_uint_ne(a[1], b[1]);
}
END_TEST

/* The lexicon answers remembered from paragraph to paragraph never answer for another
 * word: an unknown word has the same features whether a list name much like it was
 * looked up before or not. */
START_TEST(memo_answers_only_for_its_word)
{
    uint32_t a[LEDE_NER_MAX_FEATURES], b[LEDE_NER_MAX_FEATURES];
    prepare("Kalixxxgrad met them.");
    size_t na = lede_ner_features(&para, doc, 0, 0, 0, a);
    lede_ner_para_free(&para);
    lede_ner_doc_clear(doc);
    prepare("Kaliningrad met them.");
    lede_ner_features(&para, doc, 0, 0, 0, b);
    lede_ner_doc_clear(doc);
    prepare("Kalixxxgrad met them.");
    size_t nb = lede_ner_features(&para, doc, 0, 0, 0, b);
    ck_assert_uint_eq(na, nb);
    ck_assert_mem_eq(a, b, na * sizeof *a);
}
END_TEST

START_TEST(document_memory_changes_features)
{
    uint32_t a[LEDE_NER_MAX_FEATURES], b[LEDE_NER_MAX_FEATURES];
    prepare("Officials met Varga in Kestra.");
    size_t na = lede_ner_features(&para, doc, 2, 0, 0, a);
    ck_assert_int_eq(lede_ner_doc_note(doc, &para, 2, lede_ner_label(LEDE_NER_PER, LEDE_NER_U)),
                     LEDE_OK);
    size_t nb = lede_ner_features(&para, doc, 2, 0, 0, b);
    ck_assert_uint_eq(na, nb);
    ck_assert_int_ne(memcmp(a, b, na * sizeof *a), 0);
    lede_ner_doc_clear(doc);
}
END_TEST

/* word_hash_at() reads a word by the eight bytes that end where it ends: the same hash
 * as word_hash() for every length, case, and bytes above 0x7F (curly quotes). */
START_TEST(hash_at_is_the_word_hash)
{
    const char *s = "xxxxxxxxxxxxxxxx a Ab ABC Word O\xE2\x80\x99Neil Kilometres Twelve-letter "
                    "abcdefgh ABCDEFGHI caf\xC3\xA9 z";
    size_t n = strlen(s);
    for (size_t at = 0; at < n; at++)
        for (size_t len = 0; at + len <= n && len <= 20; len++)
            for (int lower = 0; lower <= 1; lower++)
                ck_assert_msg(word_hash_at(s, at, len, lower) == word_hash(s + at, len, lower),
                              "at %zu len %zu lower %d", at, len, lower);
}
END_TEST

/* shape_hash_at() finds the classes of a short ASCII word at once: the same shape as
 * shape_hash() reading byte by byte, for words, numbers, punctuation and a NUL. */
START_TEST(shape_at_is_the_shape)
{
    static const char s[] = "xxxxxxxx Ab ABC word O'Neil 12-34 ,, Kilometre \xC3\x89mile "
                            "a1B2c3D4 --x--";
    size_t n = sizeof s; /* the NUL too */
    for (size_t at = 0; at < n; at++)
        for (size_t len = 0; at + len <= n && len <= 14; len++)
            ck_assert_msg(shape_hash_at(s, at, len) == shape_hash(s + at, len), "at %zu len %zu",
                          at, len);
}
END_TEST

/* A word's counts in the document table do not depend on how many other words it
 * holds: the table grows (and moves every word) past a few hundred. */
START_TEST(document_counts_survive_the_table_growing)
{
    static const char target[] = "Then Varga spoke, and varga was heard. Officials met Varga.";
    uint32_t alone[LEDE_NER_MAX_FEATURES], crowded[LEDE_NER_MAX_FEATURES];
    prepare(target);
    size_t na = lede_ner_features(&para, doc, 1, 0, 0, alone);
    lede_ner_doc_clear(doc);
    /* 3000 other capitalised words: "Qaaa Qaab ..." */
    char filler[3000 * 5 + 1], *w = filler;
    for (unsigned k = 0; k < 3000; k++, w += 5) {
        w[0] = 'Q';
        w[1] = (char)('a' + k / 676);
        w[2] = (char)('a' + k / 26 % 26);
        w[3] = (char)('a' + k % 26);
        w[4] = ' ';
    }
    *w = '\0';
    prepare(target); /* counted first: the growth must move its small-letter count too */
    lede_tokens more = {0};
    ck_assert_int_eq(lede_tokenize(lex, filler, 0, strlen(filler), &more), LEDE_OK);
    ck_assert_int_eq(lede_ner_doc_count(doc, filler, &more, true), LEDE_OK);
    lede_tokens_free(&more);
    size_t nb = lede_ner_features(&para, doc, 1, 0, 0, crowded);
    ck_assert_uint_eq(na, nb);
    ck_assert_mem_eq(alone, crowded, na * sizeof *alone);
}
END_TEST

static Suite *features_suite(void)
{
    Suite *s = suite_create("features");
    TCase *tc = tcase_create("features");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, candidates_are_capitals_and_connectors_between_them);
    tcase_add_test(tc, labels_continue_only_the_open_type);
    tcase_add_test(tc, features_are_bounded_and_depend_on_context);
    tcase_add_test(tc, document_memory_changes_features);
    tcase_add_test(tc, an_initial_without_its_stop_reads_as_with_it);
    tcase_add_test(tc, memo_answers_only_for_its_word);
    tcase_add_test(tc, hash_at_is_the_word_hash);
    tcase_add_test(tc, shape_at_is_the_shape);
    tcase_add_test(tc, document_counts_survive_the_table_growing);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(features_suite());
}
