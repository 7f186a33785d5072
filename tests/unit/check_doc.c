/* check_doc.c - lede_doc, the writer every extractor (HTML, header blocks) puts its text
 * through: white space collapsed to one space and never at a paragraph's edges, a blank
 * line between paragraphs, empty paragraphs dropped (with their separator), the final
 * line end, and EMPTY for a document with no text. */
#include <string.h>
#include "check_input.h"
#include "check_util.h"
#include "lede/input.h"

/* Finishes doc into t and checks it is OK and sane. */
static void finish(lede_doc *doc, lede_text *t)
{
    ck_assert_int_eq(lede_doc_finish(doc, "test", t), LEDE_OK);
    ck_assert_str_eq(t->input, "test");
    expect_sane(t);
}

START_TEST(white_space_collapses_inside_and_vanishes_at_the_edges)
{
    lede_doc doc = {0};
    lede_text t;
    lede_doc_begin(&doc, LEDE_PARA_HEADLINE);
    lede_doc_add(&doc, "  \t Harbour \r\n deal", 19);
    lede_doc_add(&doc, "   signed\n\n", 11);
    /* A word split over two calls stays one word. */
    lede_doc_begin(&doc, LEDE_PARA_BODY);
    lede_doc_add(&doc, "Elena ", 6);
    lede_doc_add(&doc, "Ru", 2);
    lede_doc_add(&doc, "iz said.", 8);
    finish(&doc, &t);
    ck_assert_uint_eq(t.n_paras, 2);
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "Harbour deal signed");
    expect_para(&t, 1, LEDE_PARA_BODY, "Elena Ruiz said.");
    /* A blank line between paragraphs, a line end after the last, in no paragraph. */
    ck_assert_str_eq(t.bytes, "Harbour deal signed\n\nElena Ruiz said.\n");
    ck_assert_uint_eq(t.len, strlen(t.bytes));
    lede_text_free(&t);
}
END_TEST

START_TEST(empty_paragraphs_are_dropped_with_their_separator)
{
    lede_doc doc = {0};
    lede_text t;
    lede_doc_begin(&doc, LEDE_PARA_BODY);
    lede_doc_add(&doc, "One.", 4);
    ck_assert(lede_doc_open_has_text(&doc));
    lede_doc_begin(&doc, LEDE_PARA_BYLINE);
    ck_assert(!lede_doc_open_has_text(&doc));
    lede_doc_add(&doc, " \n\t ", 4); /* white space only: still empty */
    ck_assert(!lede_doc_open_has_text(&doc));
    lede_doc_end(&doc);
    lede_doc_end(&doc); /* ending twice does nothing */
    /* Adding with no paragraph open opens a body paragraph. */
    lede_doc_add(&doc, "Two.", 4);
    finish(&doc, &t);
    ck_assert_uint_eq(t.n_paras, 2);
    expect_para(&t, 0, LEDE_PARA_BODY, "One.");
    expect_para(&t, 1, LEDE_PARA_BODY, "Two.");
    ck_assert_str_eq(t.bytes, "One.\n\nTwo.\n");
    lede_text_free(&t);
}
END_TEST

START_TEST(no_text_is_empty_and_frees_the_doc)
{
    lede_doc doc = {0};
    lede_text t;
    ck_assert_int_eq(lede_doc_finish(&doc, "test", &t), LEDE_ERR_EMPTY);
    lede_doc_begin(&doc, LEDE_PARA_BODY);
    lede_doc_add(&doc, "   ", 3);
    ck_assert_int_eq(lede_doc_finish(&doc, "test", &t), LEDE_ERR_EMPTY);
    ck_assert_ptr_null(doc.bytes);
    ck_assert_ptr_null(doc.paras);
    ck_assert_ptr_null(t.bytes);
}
END_TEST

START_TEST(many_paragraphs_grow_past_the_first_sizes)
{
    /* More paragraphs and bytes than the first allocation holds (FIRST_PARAS 64,
     * FIRST_BYTES 4096): growth keeps every span right. */
    lede_doc doc = {0};
    lede_text t;
    char word[32];
    for (int i = 0; i < 1000; i++) {
        lede_doc_begin(&doc, LEDE_PARA_BODY);
        int n = snprintf(word, sizeof word, "Paragraph %d.", i);
        lede_doc_add(&doc, word, (size_t)n);
    }
    finish(&doc, &t);
    ck_assert_uint_eq(t.n_paras, 1000);
    expect_para(&t, 0, LEDE_PARA_BODY, "Paragraph 0.");
    expect_para(&t, 999, LEDE_PARA_BODY, "Paragraph 999.");
    lede_text_free(&t);
}
END_TEST

START_TEST(invalid_bytes_are_kept_and_counted)
{
    lede_doc doc = {0};
    lede_text t;
    lede_doc_add(&doc, "caf\xe9 ok", 7);
    finish(&doc, &t);
    ck_assert_uint_eq(t.invalid_bytes, 1);
    ck_assert_str_eq(t.bytes, "caf\xe9 ok\n");
    lede_text_free(&t);
}
END_TEST

static Suite *doc_suite(void)
{
    Suite *s = suite_create("doc");
    TCase *tc = tcase_create("doc");
    tcase_add_test(tc, white_space_collapses_inside_and_vanishes_at_the_edges);
    tcase_add_test(tc, empty_paragraphs_are_dropped_with_their_separator);
    tcase_add_test(tc, no_text_is_empty_and_frees_the_doc);
    tcase_add_test(tc, many_paragraphs_grow_past_the_first_sizes);
    tcase_add_test(tc, invalid_bytes_are_kept_and_counted);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(doc_suite());
}
