/* check_session.c - a reading session without a terminal: the first good article opens,
 * one that cannot be read is a page that says why, > and < switch, positions are kept. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/annotate.h"
#include "lede/session.h"
#include "check_util.h"

static char dir[64];
static lede_lexicon *lex;
static lede_annotator *ann;

static const char story_a[] = "Mayor Elena Ruiz opened the harbour on Monday.\n\n"
                              "\xE2\x80\x9CIt is a good day,\xE2\x80\x9D Ruiz said.\n";
static const char story_b[] = "Harbour talks resume\n\nThe talks resumed in Lisbon on Friday.\n";

static void setup(void)
{
    ck_assert_ptr_nonnull(check_mkdtemp(dir, sizeof dir, "lede-session"));
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    ck_assert_int_eq(lede_annotator_new(lex, &ann), LEDE_OK);
}

static void teardown(void)
{
    lede_annotator_free(ann);
    lede_lexicon_free(lex);
    check_rmtree(dir);
}

/* Opens paths as main does for several files: an article that cannot be opened is a
 * placeholder that says why. */
static void open_all(lede_article *arts, const char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        lede_status st = lede_article_open(&arts[i], paths[i]);
        if (st != LEDE_OK)
            ck_assert_int_eq(lede_article_failed(&arts[i], paths[i], st), LEDE_OK);
    }
}

static const char *status(lede_view *v)
{
    static char buf[512];
    lede_view_status_line(v, buf, sizeof buf, 200);
    return buf;
}

/* The first line of the article shown. */
static const char *first_line(lede_session *s)
{
    static char buf[256];
    const lede_article *a = lede_session_article(s);
    size_t n = strcspn(a->text.bytes, "\n");
    snprintf(buf, sizeof buf, "%.*s", (int)n, a->text.bytes);
    return buf;
}

START_TEST(missing_first_is_skipped)
{
    char missing[256];
    snprintf(missing, sizeof missing, "%s/missing.txt", dir);
    char a_path[256], b_path[256];
    snprintf(a_path, sizeof a_path, "%s",
             check_write_in(dir, "a.txt", story_a, sizeof story_a - 1));
    snprintf(b_path, sizeof b_path, "%s",
             check_write_in(dir, "b.txt", story_b, sizeof story_b - 1));
    const char *paths[] = {missing, a_path, b_path};
    lede_article arts[3];
    open_all(arts, paths, 3);
    lede_view *v;
    ck_assert_int_eq(lede_view_new(100, 30, &v), LEDE_OK);
    lede_session s;
    lede_session_init(&s, arts, 3, ann, v, false, NULL);
    ck_assert_int_eq(lede_session_start(&s), LEDE_OK);
    ck_assert_uint_eq(s.cur, 1); /* the first good one */
    ck_assert_ptr_nonnull(strstr(status(v), "a.txt 2/3"));
    ck_assert_uint_ge(arts[1].model.n_entities, 1);
    ck_assert_int_eq(lede_session_act(&s, LEDE_ACT_NEXT_ARTICLE), LEDE_OK);
    ck_assert_str_eq(first_line(&s), "Harbour talks resume");
    /* Next wraps to the missing file: a page that says why, not an exit. */
    ck_assert_int_eq(lede_session_act(&s, LEDE_ACT_NEXT_ARTICLE), LEDE_OK);
    ck_assert_uint_eq(s.cur, 0);
    ck_assert_ptr_nonnull(strstr(first_line(&s), "missing.txt: no such file"));
    ck_assert_int_eq(lede_session_act(&s, LEDE_ACT_PREV_ARTICLE), LEDE_OK);
    ck_assert_uint_eq(s.cur, 2);
    /* The index of all articles fills in between keys, and the status says how far. */
    ck_assert_ptr_nonnull(strstr(status(v), "index: 0/3 articles"));
    ck_assert(lede_session_work(&s));
    ck_assert_ptr_nonnull(strstr(status(v), "index: 1/3 articles"));
    while (lede_session_work(&s))
        ;
    ck_assert_ptr_null(strstr(status(v), "index:"));
    ck_assert(lede_corpus_done(&s.corpus));
    ck_assert_uint_ge(s.corpus.n_entries, 2); /* Elena Ruiz and Lisbon at least */
    /* Enter on an entity of the index of all articles that this one lacks goes to the
     * article that has it. */
    ck_assert_int_eq(lede_view_key(v, 'A'), LEDE_ACT_NONE);
    ck_assert_ptr_nonnull(strstr(lede_view_message(v), "index of all articles"));
    ck_assert_int_eq(lede_view_key(v, '\t'), LEDE_ACT_NONE);
    ck_assert_int_eq(lede_view_key(v, 'g'), LEDE_ACT_NONE);
    lede_action act = lede_view_key(v, '\n'); /* Elena Ruiz, the first person */
    ck_assert_int_eq(act, LEDE_ACT_GOTO);
    ck_assert_int_eq(lede_session_act(&s, act), LEDE_OK);
    ck_assert_uint_eq(s.cur, 1);
    ck_assert_ptr_nonnull(strstr(status(v), "mention 1/"));
    lede_session_free(&s);
    lede_view_free(v);
    for (size_t i = 0; i < 3; i++)
        lede_article_free(&arts[i]);
}
END_TEST

/* > and < on a lone article answer instead of doing nothing unseen. */
START_TEST(one_article_next_says_so)
{
    const char *paths[] = {check_write_in(dir, "a.txt", story_a, sizeof story_a - 1)};
    lede_article art;
    open_all(&art, paths, 1);
    lede_view *v;
    ck_assert_int_eq(lede_view_new(100, 30, &v), LEDE_OK);
    lede_session s;
    lede_session_init(&s, &art, 1, ann, v, false, NULL);
    ck_assert_int_eq(lede_session_start(&s), LEDE_OK);
    lede_action act = lede_view_key(v, '>');
    ck_assert_int_eq(act, LEDE_ACT_NEXT_ARTICLE);
    ck_assert_int_eq(lede_session_act(&s, act), LEDE_OK);
    ck_assert_str_eq(lede_view_message(v), "no other article (one file open)");
    ck_assert_uint_eq(s.cur, 0);
    lede_session_free(&s);
    lede_view_free(v);
    lede_article_free(&art);
}
END_TEST

/* A shows the index even where the width (or i) had hidden it: it never toggles unseen. */
START_TEST(all_index_shows_when_narrow)
{
    char a_path[256], b_path[256];
    snprintf(a_path, sizeof a_path, "%s",
             check_write_in(dir, "a.txt", story_a, sizeof story_a - 1));
    snprintf(b_path, sizeof b_path, "%s",
             check_write_in(dir, "b.txt", story_b, sizeof story_b - 1));
    const char *paths[] = {a_path, b_path};
    lede_article arts[2];
    open_all(arts, paths, 2);
    lede_view *v;
    ck_assert_int_eq(lede_view_new(60, 20, &v), LEDE_OK);
    lede_session s;
    lede_session_init(&s, arts, 2, ann, v, false, NULL);
    ck_assert_int_eq(lede_session_start(&s), LEDE_OK);
    while (lede_session_work(&s))
        ;
    lede_geometry g;
    lede_view_geometry(v, &g);
    ck_assert_int_eq(g.index.w, 0); /* hidden for the width */
    ck_assert_int_eq(lede_view_key(v, 'A'), LEDE_ACT_NONE);
    ck_assert_str_eq(lede_view_message(v), "index of all articles");
    lede_view_geometry(v, &g);
    ck_assert_int_gt(g.index.w, 0);
    ck_assert_int_eq(lede_view_key(v, 'i'), LEDE_ACT_NONE); /* hidden by hand */
    lede_view_geometry(v, &g);
    ck_assert_int_eq(g.index.w, 0);
    ck_assert_int_eq(lede_view_key(v, 'A'), LEDE_ACT_NONE);
    ck_assert_str_eq(lede_view_message(v), "index of this article");
    lede_view_geometry(v, &g);
    ck_assert_int_gt(g.index.w, 0);
    lede_view_resize(v, 30, 20); /* too narrow for any index */
    ck_assert_int_eq(lede_view_key(v, 'A'), LEDE_ACT_NONE);
    ck_assert_str_eq(lede_view_message(v), "index of all articles (too narrow to show it)");
    lede_session_free(&s);
    lede_view_free(v);
    for (size_t i = 0; i < 2; i++)
        lede_article_free(&arts[i]);
}
END_TEST

/* An empty file and a binary one are pages too, found when they are read. */
START_TEST(empty_and_binary)
{
    static const char bin[] = "\x7f"
                              "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
    char e_path[256], b_path[256], a_path[256];
    snprintf(e_path, sizeof e_path, "%s", check_write_in(dir, "empty.txt", "", 0));
    snprintf(b_path, sizeof b_path, "%s", check_write_in(dir, "bin.dat", bin, sizeof bin - 1));
    snprintf(a_path, sizeof a_path, "%s",
             check_write_in(dir, "a.txt", story_a, sizeof story_a - 1));
    const char *paths[] = {e_path, b_path, a_path};
    lede_article arts[3];
    open_all(arts, paths, 3);
    lede_view *v;
    ck_assert_int_eq(lede_view_new(100, 30, &v), LEDE_OK);
    lede_session s;
    lede_session_init(&s, arts, 3, ann, v, false, NULL);
    ck_assert_int_eq(lede_session_start(&s), LEDE_OK);
    ck_assert_uint_eq(s.cur, 2);
    ck_assert_int_eq(lede_session_show(&s, 1), LEDE_OK);
    ck_assert_ptr_nonnull(strstr(first_line(&s), "bin.dat: not text"));
    ck_assert_int_eq(lede_session_show(&s, 0), LEDE_OK);
    ck_assert_ptr_nonnull(strstr(first_line(&s), "empty.txt: empty input"));
    lede_session_free(&s);
    lede_view_free(v);
    for (size_t i = 0; i < 3; i++)
        lede_article_free(&arts[i]);
}
END_TEST

int main(void)
{
    Suite *suite = suite_create("session");
    TCase *tc = tcase_create("session");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, missing_first_is_skipped);
    tcase_add_test(tc, empty_and_binary);
    tcase_add_test(tc, all_index_shows_when_narrow);
    tcase_add_test(tc, one_article_next_says_so);
    suite_add_tcase(suite, tc);
    return check_run(suite);
}
