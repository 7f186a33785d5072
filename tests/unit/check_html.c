/* check_html.c - web pages: what is the article, what is left out, what the headline and
 * byline are, and pages that are hostile or odd. */
#include <check.h>
#include <stdlib.h>
#include "check_input.h"
#include "check_util.h"
#include "lede/input.h"

static void load_html(const char *html, lede_text *t)
{
    ck_assert_int_eq(lede_text_from_buffer(html, strlen(html), t), LEDE_OK);
    ck_assert_str_eq(t->input, "html");
    expect_sane(t);
}

START_TEST(test_fixture)
{
    lede_text t;
    ck_assert_int_eq(lede_text_load(FIX("page.html"), &t), LEDE_OK);
    ck_assert_str_eq(t.input, "html");
    ck_assert_ptr_null(t.encoding);
    expect_sane(&t);
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "Harbour vote splits Kestrel Bay");
    expect_para(&t, 1, LEDE_PARA_BYLINE, "Marta Okonkwo \xC2\xB7 2024-03-14");
    /* Entities decoded: an en dash and a right single quotation mark. */
    ck_assert(has_text(&t, "voted 7\xE2\x80\x93" "5 on Tuesday"));
    ck_assert(has_text(&t, "the town\xE2\x80\x99s fishing families."));
    /* <br> splits a paragraph; <blockquote> is kept. */
    ck_assert(has_text(&t, "every day\".\n\nHe said his group"));
    ck_assert(has_text(&t, "The market has fed this town"));
    ck_assert(has_text(&t, "about \xC2\xA3" "1.2 million"));
    ck_assert(has_text(&t, "before the sale goes through in the summer."));
    /* Left out: cookie banner, nav, breadcrumbs, share bars, ad, aside, related stories,
     * comments, newsletter, footer, scripts and styles. */
    static const char *const clutter[] = {
        "cookies",   "Opinion",    "Home",      "Share on X", "Tweet",      "ADVERTISEMENT",
        "Related",   "Storm damage", "eyesore", "Comments",   "inbox",      "rights reserved",
        "dataLayer", "font-family", "track(",   "Copy link",  "Accept all", "Kowalczyk"};
    for (size_t i = 0; i < sizeof clutter / sizeof *clutter; i++)
        ck_assert_msg(!has_text(&t, clutter[i]), "clutter kept: %s", clutter[i]);
    /* The pull quote in an <aside> repeats the article: not twice. */
    const char *q = strstr(t.bytes, "the least bad choice");
    ck_assert_ptr_nonnull(q);
    ck_assert_ptr_null(strstr(q + 1, "the least bad choice"));
    ck_assert_uint_eq(t.n_paras, 9);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_headline_sources)
{
    lede_text t;
    /* og:title first, then <h1>, then <title>. */
    load_html("<html><head><title>T</title><meta property=\"og:title\" content=\"OG\"></head>"
              "<body><h1>H</h1><p>Body text long enough to count as a paragraph here.</p></body></html>",
              &t);
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "OG");
    lede_text_free(&t);
    load_html("<html><head><title>T</title></head><body><h1>H &amp; K</h1>"
              "<p>Body text long enough to count as a paragraph here.</p></body></html>",
              &t);
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "H & K");
    /* The <h1> is not repeated in the body. */
    expect_para(&t, 1, LEDE_PARA_BODY, "Body text long enough to count as a paragraph here.");
    ck_assert_uint_eq(t.n_paras, 2);
    lede_text_free(&t);
    load_html("<!doctype html><title>Only a title</title><p>Some words.</p>", &t);
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "Only a title");
    expect_para(&t, 1, LEDE_PARA_BODY, "Some words.");
    lede_text_free(&t);
}
END_TEST

START_TEST(test_byline_sources)
{
    lede_text t;
    /* JSON-LD with an author object, and <time>. */
    load_html("<html><head><script type=\"application/ld+json\">{\"headline\":\"LD head\","
              "\"author\":{\"@type\":\"Person\",\"name\":\"Ada Lind\"}}</script></head><body>"
              "<p><time datetime=\"2023-01-02\">2 Jan</time></p><p>Words of the story.</p></body></html>",
              &t);
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "LD head");
    expect_para(&t, 1, LEDE_PARA_BYLINE, "Ada Lind \xC2\xB7 2023-01-02");
    lede_text_free(&t);
    /* An author given as a string. */
    load_html("<html><head><script type=\"application/ld+json\">{\"author\": \"Bo Ek\"}</script>"
              "</head><body><p>Words.</p></body></html>",
              &t);
    expect_para(&t, 0, LEDE_PARA_BYLINE, "Bo Ek");
    lede_text_free(&t);
}
END_TEST

START_TEST(test_scoring)
{
    lede_text t;
    /* The container with the prose wins over a link list that is longer in bytes. */
    load_html("<html><body><div class=\"links\"><p><a href=a>One link to another page of the site</a></p>"
              "<p><a href=b>Two links to another page of the site</a></p>"
              "<p><a href=c>Three links to another page of the site</a></p></div>"
              "<div class=\"text\"><p>The council met on Monday, and it voted, after a long debate, to keep the library open.</p>"
              "<p>Residents, who had campaigned for months, said they were pleased, relieved and tired.</p></div>"
              "</body></html>",
              &t);
    ck_assert_uint_eq(t.n_paras, 2);
    ck_assert(has_text(&t, "The council met on Monday"));
    ck_assert(!has_text(&t, "One link"));
    lede_text_free(&t);
    /* Paragraphs spread over sibling <div>s are all kept (their parent wins). */
    load_html("<html><body><div><div><p>First part of the story, with a comma, and more words here.</p></div>"
              "<div><p>Second part of the story, with a comma, and more words here.</p></div>"
              "<div><p>Third part of the story, with a comma, and more words here.</p></div></div></body></html>",
              &t);
    ck_assert_uint_eq(t.n_paras, 3);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_odd_pages)
{
    lede_text t;
    /* Unclosed tags, stray end tags, an unterminated comment: no crash, text kept. */
    load_html("<html><body><p>One<p>Two</b></i><div>Three<!-- never closed", &t);
    ck_assert(has_text(&t, "One"));
    ck_assert(has_text(&t, "Three"));
    lede_text_free(&t);
    /* A page of nothing but scripts is empty. */
    ck_assert_int_eq(lede_text_from_buffer("<html><script>x()</script></html>", 33, &t),
                     LEDE_ERR_EMPTY);
    /* Nested too deep for gumbo to parse in linear time: shown as text, quickly. */
    size_t n = 200000;
    char *deep = malloc(6 + 5 * n + 1);
    ck_assert_ptr_nonnull(deep);
    memcpy(deep, "<html>", 6);
    for (size_t i = 0; i < n; i++)
        memcpy(deep + 6 + 5 * i, "<div>", 5);
    deep[6 + 5 * n] = '\0';
    ck_assert_uint_gt(lede_html_depth(deep, strlen(deep)), LEDE_HTML_MAX_DEPTH);
    ck_assert_int_eq(lede_text_from_buffer(deep, strlen(deep), &t), LEDE_OK);
    ck_assert_str_eq(t.input, "text");
    lede_text_free(&t);
    free(deep);
    /* <p> and <li> need no end tags: many of them are not deep. */
    ck_assert_uint_eq(lede_html_depth("<ul><li>a<li>b<li>c</ul><p>x<p>y<br><img src=a>", 46), 1);
}
END_TEST

START_TEST(test_sniff)
{
    ck_assert(lede_html_sniff("<!DOCTYPE html><p>x", 19));
    ck_assert(lede_html_sniff("\xEF\xBB\xBF\n  <html>", 12));
    ck_assert(lede_html_sniff("<!-- saved page --><html>", 25));
    ck_assert(!lede_html_sniff("The <html> tag is explained here.", 33));
    ck_assert(!lede_html_sniff("<3 this story", 13));
    ck_assert(!lede_html_sniff("", 0));
}
END_TEST

static Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("extract");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_fixture);
    tcase_add_test(tc, test_headline_sources);
    tcase_add_test(tc, test_byline_sources);
    tcase_add_test(tc, test_scoring);
    tcase_add_test(tc, test_odd_pages);
    tcase_add_test(tc, test_sniff);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(html_suite());
}
