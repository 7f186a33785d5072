/* check_quotes.c - the quote finder's fast paths: marks found at every offset and after
 * other non-ASCII characters, tokens of mixed ASCII and UTF-8, "according to" at the edges
 * of its range, and verbs recognised by their form. Texts are written here. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/annotate.h"
#include "check_fixture.h"
#include "check_util.h"

/* A quote is found wherever its marks fall among the groups of bytes the finder skips,
 * after plain letters or after other characters of three bytes (dashes, apostrophes). */
START_TEST(marks_at_every_offset)
{
    static const char *const fillers[] = {"x", "é", "—", "’", "a’"};
    for (size_t f = 0; f < sizeof fillers / sizeof *fillers; f++) {
        for (int pad = 0; pad < 40; pad++) {
            char buf[512] = "Anna Berg came in. ";
            for (int k = 0; k < pad; k++)
                strcat(buf, fillers[f]);
            strcat(buf, " “We will win,” Berg said. And \"so,\" she said.\n");
            annotate(buf);
            ck_assert_uint_eq(model.n_quotes, 2);
            ck_assert_str_eq(span_text(model.quotes[0].span), "“We will win,”");
            ck_assert_str_eq(span_text(model.quotes[0].cue), "said");
            ck_assert_str_eq(speaker_of(0), "Anna Berg");
            ck_assert_str_eq(span_text(model.quotes[1].span), "\"so,\"");
        }
    }
}
END_TEST

/* A straight mark right after a broken three-byte sequence still counts. */
START_TEST(mark_after_broken_sequence)
{
    annotate("Anna Berg came in. \xE2\x80\"We will win,\" Berg said.\n");
    ck_assert_uint_eq(model.n_quotes, 1);
    ck_assert_str_eq(span_text(model.quotes[0].span), "\"We will win,\"");
    ck_assert_str_eq(speaker_of(0), "Anna Berg");
    annotate("\xE2\"Hello,\" said Anna Berg. \xC2\"Again,\" said Berg.\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert_str_eq(span_text(model.quotes[1].span), "\"Again,\"");
}
END_TEST

/* Words with letters of two bytes and with joiners are whole tokens on either side. */
START_TEST(tokens_mix_ascii_and_utf8)
{
    annotate("Zoë Ångström-Lüdke arrived. “It’s done,” Ångström-Lüdke said.\n\n"
             "“Fine,” said Zoë Ångström-Lüdke.\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert_str_eq(span_text(model.quotes[0].source), "Ångström-Lüdke");
    ck_assert_str_eq(span_text(model.quotes[1].cue), "said");
    ck_assert_str_eq(span_text(model.quotes[1].source), "Zoë Ångström-Lüdke");
}
END_TEST

/* "according to" names the report wherever it falls in the sentence, and only the whole
 * word does: "accordingly" and "according" without "to" leave the speaker. */
START_TEST(according_to_at_the_edges)
{
    annotate("Peter Hansen spoke. “We will vote,” Hansen said, according to Acme Radio.\n\n"
             "According to Acme Radio, Hansen wants “a fair vote” soon.\n\n"
             "“We will vote,” Hansen said accordingly.\n\n"
             "“We will vote,” Hansen said, according\n\n"
             "Hansen was met with “Go home!” in Leeds, according to Acme Radio.\n");
    ck_assert_uint_eq(model.n_quotes, 5);
    ck_assert_str_eq(span_text(model.quotes[4].source), "Acme Radio");
    ck_assert_str_eq(span_text(model.quotes[0].source), "Acme Radio");
    ck_assert_str_eq(span_text(model.quotes[0].cue), "according to");
    ck_assert_str_eq(span_text(model.quotes[1].source), "Acme Radio");
    ck_assert_str_eq(span_text(model.quotes[2].source), "Hansen");
    ck_assert_str_eq(span_text(model.quotes[3].source), "Hansen");
    ck_assert_str_eq(span_text(model.quotes[3].cue), "said");
}
END_TEST

/* Verbs of speech by their form: irregular, finite, progressive after its auxiliary;
 * nouns after a determiner and words of other forms are not cues. */
START_TEST(verbs_by_their_form)
{
    annotate("Anna Berg arrived.\n\n"
             "“Go,” Berg told them.\n\n"
             "“Stop,” Berg warned.\n\n"
             "Berg was saying “we stay” to them.\n");
    ck_assert_uint_eq(model.n_quotes, 3);
    ck_assert_str_eq(span_text(model.quotes[0].cue), "told");
    ck_assert_str_eq(span_text(model.quotes[1].cue), "warned");
    ck_assert_str_eq(span_text(model.quotes[2].cue), "saying");
    annotate("Anna Berg arrived.\n\n“Wait,” the claims of Berg.\n\n“Go,” Berg hummed.\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert(!model.quotes[0].has_cue);
    ck_assert(!model.quotes[0].has_source);
    ck_assert(!model.quotes[1].has_cue); /* "hummed" is no verb of speech */
}
END_TEST

/* The word before a verb is looked for in the verb's paragraph only: a paragraph that
 * ends in "the" does not make "said" at the start of the next one a noun. */
START_TEST(verb_at_paragraph_start)
{
    annotate("Anna Berg read the\n\nsaid Berg, “we stay here.”\n");
    ck_assert_uint_eq(model.n_quotes, 1);
    ck_assert_str_eq(span_text(model.quotes[0].cue), "said");
    ck_assert_str_eq(speaker_of(0), "Anna Berg");
}
END_TEST

/* Two quotes of one sentence a few words apart ("called it “A” and “B”") are one
 * speaker's, though a name stands between them ("“B” as examples of Berg's …"). */
START_TEST(quotes_of_one_sentence)
{
    annotate("Anna Berg met Peter Hansen on Monday.\n\n"
             "At the debate, Anna Berg called the plan “a mess” and “a disgrace” as examples "
             "of Hansen’s careless comments about schools.\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert_str_eq(speaker_of(0), "Anna Berg");
    ck_assert_str_eq(speaker_of(1), "Anna Berg");
}
END_TEST

/* No speech: a stage direction of a transcript, a pronoun quoted as a word, a nickname
 * inside a name. Quoted words beside them stay quotes. */
START_TEST(marks_that_are_no_speech)
{
    annotate("\"HANSEN: We will win.\n\n\"(CROSSTALK.)\n\n"
             "Rep. Peter J. \"Pete\" Hansen spoke. Why is \"she\" a \"he.\" for him?\n\n"
             "Anna Berg called it \"Pete\" at last, and \"a mess.\"\n");
    ck_assert_uint_eq(model.n_quotes, 3);
    ck_assert_str_eq(span_text(model.quotes[0].span), "\"HANSEN: We will win.");
    ck_assert_str_eq(span_text(model.quotes[1].span), "\"Pete\"");
    ck_assert_str_eq(span_text(model.quotes[2].span), "\"a mess.\"");
}
END_TEST

/* A source written as a name that the namer did not take ("The Daily Rag") is still
 * the speaker, one organisation per spelling; a lone capitalised noun is not. */
START_TEST(source_named_as_organisation)
{
    annotate("Anna Berg spoke on Monday.\n\n"
             "\"We will vote,\" The Daily Rag reported on Tuesday. \"Soon.\"\n\n"
             "\"A plain mistake,\" Officials said.\n");
    ck_assert_uint_eq(model.n_quotes, 3);
    ck_assert_str_eq(speaker_of(0), "The Daily Rag");
    ck_assert_uint_eq(model.quotes[0].speaker, model.quotes[1].speaker);
    ck_assert_uint_eq(model.entities[model.quotes[0].speaker].type, LEDE_ORGANIZATION);
    ck_assert_str_eq(span_text(model.quotes[2].source), "Officials");
    ck_assert_uint_eq(model.quotes[2].speaker, LEDE_NONE);
}
END_TEST

/* "Berg's claim that …": a possessive name before a word of speech used as a noun is
 * the source of a quote later in its sentence (here too far into it to be the
 * sentence's subject). */
START_TEST(possessive_source)
{
    annotate("Anna Berg met Peter Hansen on Monday.\n\n"
             "Reporters from the paper on the corner of the old market square checked again "
             "Anna Berg’s claim that there were “thousands of votes” in the town.\n");
    ck_assert_uint_eq(model.n_quotes, 1);
    ck_assert_str_eq(span_text(model.quotes[0].source), "Anna Berg");
}
END_TEST

/* The named bounds of quotes.c: a quoted title after a possessive has two to six
 * capitalised words (TITLE_MIN_WORDS, TITLE_MAX_WORDS), so seven are quoted words; a
 * transcript label holds two capitals at least (LABEL_CAPITALS), so "A:" is none. */
START_TEST(title_and_label_bounds)
{
    annotate("Anna Berg spoke on Acme’s “Town Hall Tonight” on Monday.\n\n"
             "Anna Berg spoke on Acme’s “One Two Three Four Five Six Seven” on Monday.\n\n"
             "“BERG: We stay here.”\n\n"
             "“A: we stay here.”\n");
    ck_assert_uint_eq(model.n_quotes, 3);
    ck_assert_str_eq(span_text(model.quotes[0].span), "“One Two Three Four Five Six Seven”");
    ck_assert_str_eq(span_text(model.quotes[1].source), "BERG");
    ck_assert(!model.quotes[2].has_source || strcmp(span_text(model.quotes[2].source), "A") != 0);
}
END_TEST

static Suite *quotes_suite(void)
{
    Suite *s = suite_create("quotes");
    TCase *tc = tcase_create("fast paths");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, marks_at_every_offset);
    tcase_add_test(tc, mark_after_broken_sequence);
    tcase_add_test(tc, tokens_mix_ascii_and_utf8);
    tcase_add_test(tc, according_to_at_the_edges);
    tcase_add_test(tc, verbs_by_their_form);
    tcase_add_test(tc, verb_at_paragraph_start);
    tcase_add_test(tc, quotes_of_one_sentence);
    tcase_add_test(tc, marks_that_are_no_speech);
    tcase_add_test(tc, source_named_as_organisation);
    tcase_add_test(tc, possessive_source);
    tcase_add_test(tc, title_and_label_bounds);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(quotes_suite());
}
