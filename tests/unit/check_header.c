/* check_header.c - header-block articles: newsboat's pager file and mail. */
#include <check.h>
#include "check_input.h"
#include "check_util.h"
#include "lede/input.h"

START_TEST(test_newsboat_fixture)
{
    lede_text t;
    /* What newsboat 2.21 wrote for its pager (tests/fixtures/newsboat-feed.xml). */
    ck_assert_int_eq(lede_text_load(FIX("newsboat.txt"), &t), LEDE_OK);
    ck_assert_str_eq(t.input, "newsboat");
    expect_sane(&t);
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "Harbour vote splits Kestrel Bay");
    expect_para(&t, 1, LEDE_PARA_BYLINE,
                "Coastal Ledger \xC2\xB7 Marta Okonkwo \xC2\xB7 Thu, 14 Mar 2024 09:30:00 +0000 "
                "\xC2\xB7 http://localhost/harbour");
    /* Wrapped lines join with one space, whether newsboat left a space at the end
     * ("Trust ") or filled the width exactly ("working"). */
    ck_assert(has_text(&t, "the Harbour Trust sell the old fish market"));
    ck_assert(has_text(&t, "the last working link between"));
    ck_assert(!has_text(&t, "  "));
    expect_para(&t, 3, LEDE_PARA_BODY,
                "\xE2\x80\x9CWe cannot keep a building nobody can afford to repair,\xE2\x80\x9D "
                "said Councillor Ivo Brandt, who proposed the sale.");
    /* The link list is dim, not text to annotate. */
    expect_para(&t, 5, LEDE_PARA_BYLINE, "Links:");
    expect_para(&t, 6, LEDE_PARA_BYLINE, "[1]: http://localhost/more (link)");
    ck_assert_uint_eq(t.n_paras, 7);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_email_fixture)
{
    lede_text t;
    ck_assert_int_eq(lede_text_load(FIX("email.txt"), &t), LEDE_OK);
    ck_assert_str_eq(t.input, "email");
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "Ferry timetable changes from Monday");
    expect_para(&t, 1, LEDE_PARA_BYLINE,
                "Harbour Office <office@example.org> \xC2\xB7 Mon, 4 Mar 2024 08:15:00 +0000");
    expect_para(&t, 2, LEDE_PARA_BODY,
                "The morning ferry to Inisheer will leave at 7.40 instead of 8.00 from Monday, "
                "the harbour master Brendan Quill said on Friday.");
    ck_assert(!has_text(&t, "Message-ID"));
    ck_assert(!has_text(&t, "residents@"));
    ck_assert_uint_eq(t.n_paras, 4);
    lede_text_free(&t);
}
END_TEST

START_TEST(test_not_headers)
{
    /* Prose that starts like a field, a lone field, and a block without a blank line
     * after it are plain text. */
    static const char *const plain[] = {
        "Note: the meeting is on Monday.\n\nMore text.\n",
        "Title: A story\n",
        "Title: A story\nDate: today\n",
        "Summary: prices rose\nThen they fell again, said the minister.\n\nEnd.\n",
    };
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
        ck_assert_ptr_null(lede_header_sniff(plain[i], strlen(plain[i])));
    ck_assert_str_eq(lede_header_sniff("Title: A\nLink: b\n \nBody\n", 24), "newsboat");
    ck_assert_str_eq(lede_header_sniff("From: a\nSubject: b\n\nBody\n", 25), "email");
}
END_TEST

START_TEST(test_folded_and_crlf)
{
    lede_text t;
    const char *mail = "Subject: Long\r\n subject line\r\nFrom: Ann\r\n\tand Bo\r\n\r\n"
                       "Body line one\r\nand two.\r\n";
    ck_assert_int_eq(lede_text_from_buffer(mail, strlen(mail), &t), LEDE_OK);
    ck_assert_str_eq(t.input, "email");
    expect_para(&t, 0, LEDE_PARA_HEADLINE, "Long subject line");
    expect_para(&t, 1, LEDE_PARA_BYLINE, "Ann and Bo");
    expect_para(&t, 2, LEDE_PARA_BODY, "Body line one and two.");
    lede_text_free(&t);
}
END_TEST

static Suite *header_suite(void)
{
    Suite *s = suite_create("header");
    TCase *tc = tcase_create("extract");
    tcase_add_test(tc, test_newsboat_fixture);
    tcase_add_test(tc, test_email_fixture);
    tcase_add_test(tc, test_not_headers);
    tcase_add_test(tc, test_folded_and_crlf);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(header_suite());
}
