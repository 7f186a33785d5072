/* check_corpus.c - entities across articles: one entry per entity, its articles in
 * order, one-word person names joined to the one full name with that surname (before
 * or after it is met), ambiguous surnames left apart, stepping between articles. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lede/corpus.h"
#include "check_util.h"

#define N 4
static lede_article arts[N];
static lede_corpus corpus;

/* Makes article i with the people (type PERSON) or places named in names, each
 * mentioned mentions[k] times (the text is made up; only the model matters here). */
static void make(size_t i, const char *const *names, const lede_entity_type *types,
                 const int *mentions, size_t n)
{
    char text[1024];
    size_t len = 0;
    memset(&arts[i], 0, sizeof arts[i]);
    lede_model_init(&arts[i].model);
    for (size_t k = 0; k < n; k++)
        for (int m = 0; m < mentions[k]; m++)
            len += (size_t)snprintf(text + len, sizeof text - len, "%s said. ", names[k]);
    ck_assert_int_eq(lede_text_from_buffer(text, len, &arts[i].text), LEDE_OK);
    arts[i].path = strdup("story.txt");
    size_t at = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t id;
        ck_assert_int_eq(lede_model_add_entity(&arts[i].model, types[k], names[k], NULL, &id),
                         LEDE_OK);
        for (int m = 0; m < mentions[k]; m++) {
            size_t l = strlen(names[k]);
            ck_assert_int_eq(lede_model_add_mention(&arts[i].model, id, (lede_span){at, at + l}),
                             LEDE_OK);
            at += l + strlen(" said. ");
        }
    }
    ck_assert_int_eq(lede_model_finish(&arts[i].model), LEDE_OK);
    arts[i].annotated = true;
}

static void setup(void)
{
    static const char *const a[] = {"Howard", "Lisbon"};
    static const lede_entity_type ta[] = {LEDE_PERSON, LEDE_PLACE};
    static const int ma[] = {2, 1};
    static const char *const b[] = {"Michael Howard", "lisbon"};
    static const int mb[] = {3, 1};
    static const char *const c[] = {"Tony Blair", "Howard"};
    static const lede_entity_type tc[] = {LEDE_PERSON, LEDE_PERSON};
    static const int mc[] = {1, 4};
    static const char *const d[] = {"Cherie Blair", "Blair"};
    static const int md[] = {1, 1};
    make(0, a, ta, ma, 2);
    make(1, b, ta, mb, 2);
    make(2, c, tc, mc, 2);
    make(3, d, tc, md, 2);
    ck_assert_int_eq(lede_corpus_init(&corpus, arts, N), LEDE_OK);
}

static void teardown(void)
{
    lede_corpus_free(&corpus);
    for (size_t i = 0; i < N; i++)
        lede_article_free(&arts[i]);
}

static uint32_t entry_named(const char *name)
{
    for (size_t i = 0; i < corpus.n_entries; i++)
        if (corpus.entries[i].alias_of == LEDE_NONE && strcmp(corpus.entries[i].name, name) == 0)
            return (uint32_t)i;
    return LEDE_NONE;
}

START_TEST(test_identity_across_articles)
{
    ck_assert(!lede_corpus_done(&corpus));
    ck_assert_uint_eq(lede_corpus_entry_of(&corpus, 0, 0), LEDE_NONE); /* not in yet */
    for (size_t i = 0; i < N; i++)
        ck_assert_int_eq(lede_corpus_step(&corpus, NULL), LEDE_OK);
    ck_assert(lede_corpus_done(&corpus));
    ck_assert_int_eq(lede_corpus_step(&corpus, NULL), LEDE_OK); /* nothing left: no-op */

    /* "Howard" (before and after the full name) is Michael Howard: 3 articles, 9. */
    uint32_t howard = entry_named("Michael Howard");
    ck_assert_uint_ne(howard, LEDE_NONE);
    ck_assert_uint_eq(entry_named("Howard"), LEDE_NONE);
    const lede_corpus_entry *e = lede_corpus_get(&corpus, howard);
    ck_assert_uint_eq(e->n_hits, 3);
    ck_assert_uint_eq(e->mentions, 9);
    ck_assert_uint_eq(e->hits[0].article, 0);
    ck_assert_uint_eq(e->hits[1].article, 1);
    ck_assert_uint_eq(e->hits[2].article, 2);
    ck_assert_uint_eq(e->hits[2].mentions, 4);
    ck_assert_uint_eq(lede_corpus_entry_of(&corpus, 0, 0), howard);
    /* Places by name, case aside. */
    uint32_t lisbon = entry_named("Lisbon");
    ck_assert_uint_eq(lede_corpus_get(&corpus, lisbon)->n_hits, 2);
    /* Tony Blair and Cherie Blair: "Blair" is ambiguous and stays apart. */
    ck_assert_uint_ne(entry_named("Blair"), LEDE_NONE);
    ck_assert_uint_eq(lede_corpus_get(&corpus, entry_named("Tony Blair"))->n_hits, 1);

    /* Stepping: the next article after 0 with Howard is 1, after 2 round to 0. */
    const lede_corpus_hit *h = lede_corpus_step_hit(&corpus, howard, 0, 1);
    ck_assert_uint_eq(h->article, 1);
    h = lede_corpus_step_hit(&corpus, howard, 2, 1);
    ck_assert_uint_eq(h->article, 0);
    h = lede_corpus_step_hit(&corpus, howard, 0, -1);
    ck_assert_uint_eq(h->article, 2);
    h = lede_corpus_step_hit(&corpus, howard, 1, -1);
    ck_assert_uint_eq(h->article, 0);
    ck_assert_uint_eq(h->entity, 0);
    /* From an article without it: the nearest one that has it. */
    h = lede_corpus_step_hit(&corpus, howard, 3, 1);
    ck_assert_uint_eq(h->article, 0);
    /* Only one article has it: nowhere else to go. */
    ck_assert_ptr_null(lede_corpus_step_hit(&corpus, entry_named("Tony Blair"), 2, 1));
}
END_TEST

/* The ranking shared by the index of all articles and --entities: by type, then the
 * number of articles, then mentions, then name; aliases left out. */
START_TEST(test_ranked)
{
    for (size_t i = 0; i < N; i++)
        ck_assert_int_eq(lede_corpus_step(&corpus, NULL), LEDE_OK);
    uint32_t order[16];
    ck_assert_uint_le(corpus.n_entries, 16);
    size_t n = lede_corpus_ranked(&corpus, order);
    /* Michael Howard (3 articles), then Blair, Cherie Blair and Tony Blair (one article,
     * one mention each: by name), then the place Lisbon. */
    static const char *const want[] = {"Michael Howard", "Blair", "Cherie Blair", "Tony Blair",
                                       "Lisbon"};
    ck_assert_uint_eq(n, 5);
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(corpus.entries[order[i]].name, want[i]);
}
END_TEST

/* An article that cannot be read adds nothing and is skipped. */
START_TEST(test_unreadable_article)
{
    lede_article_free(&arts[1]);
    ck_assert_int_eq(lede_article_failed(&arts[1], "/nonexistent/x.txt", LEDE_ERR_NOENT), LEDE_OK);
    while (!lede_corpus_done(&corpus))
        ck_assert_int_eq(lede_corpus_step(&corpus, NULL), LEDE_OK);
    ck_assert_uint_eq(lede_corpus_entry_of(&corpus, 1, 0), LEDE_NONE);
    /* No full name was met: the one-word names stay one entry. */
    uint32_t howard = entry_named("Howard");
    ck_assert_uint_ne(howard, LEDE_NONE);
    ck_assert_uint_eq(lede_corpus_get(&corpus, howard)->n_hits, 2);
}
END_TEST

/* A FIFO among the articles (no writer: opening it would wait for ever) is left for
 * the reader to show: the index of all articles goes past it instead of freezing. A
 * regression hangs here until Check's timeout. */
START_TEST(test_fifo_not_read_in_background)
{
    char dir[64], fifo[128];
    ck_assert_ptr_nonnull(check_mkdtemp(dir, sizeof dir, "lede-corpus"));
    snprintf(fifo, sizeof fifo, "%s/pipe", dir);
    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    lede_article_free(&arts[1]);
    ck_assert_int_eq(lede_article_open(&arts[1], fifo), LEDE_OK);
    ck_assert(lede_article_may_block(&arts[1]));
    ck_assert(!lede_article_may_block(&arts[0])); /* read already */
    while (!lede_corpus_done(&corpus))
        ck_assert_int_eq(lede_corpus_step(&corpus, NULL), LEDE_OK);
    ck_assert(!arts[1].annotated);
    ck_assert_uint_eq(lede_corpus_entry_of(&corpus, 1, 0), LEDE_NONE);
    ck_assert_uint_eq(lede_corpus_get(&corpus, entry_named("Howard"))->n_hits, 2); /* 0 and 2 */
    check_rmtree(dir);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("corpus");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_identity_across_articles);
    tcase_add_test(tc, test_ranked);
    tcase_add_test(tc, test_unreadable_article);
    tcase_add_test(tc, test_fifo_not_read_in_background);
    suite_add_tcase(s, tc);
    return check_run(s);
}
