/* check_coref.c - who a pronoun or a description is (src/coref.c): gender from
 * honorifics, given names and the story's own pronouns; the last speaker and the
 * sentence subject before the nearest name; names inside quotes are not speakers; a
 * role held by one person; "it" and "the company" for organisations; nobody rather
 * than a guess. The texts are written here. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/annotate.h"
#include "check_fixture.h"
#include "check_util.h"

/* "she" skips the nearer man for the woman named by her honorific. */
START_TEST(gender_from_honorific)
{
    annotate("Mrs Quell met Mr Dobrin at the depot. “We will open on Monday,” she said.\n");
    ck_assert_uint_eq(model.n_quotes, 1);
    ck_assert_str_eq(span_text(model.quotes[0].source), "she");
    ck_assert_str_eq(speaker_of(0), "Quell");
}
END_TEST

/* A given name of general knowledge tells the gender; the nearest person does not. */
START_TEST(gender_from_given_name)
{
    annotate("Margaret Oyelowo chairs the board. Tom Brackley runs the shop.\n\n"
             "“The figures are good,” she said.\n");
    ck_assert_str_eq(speaker_of(0), "Margaret Oyelowo");
    annotate("Margaret Oyelowo chairs the board. Tom Brackley runs the shop.\n\n"
             "“The figures are good,” he said.\n");
    ck_assert_str_eq(speaker_of(0), "Tom Brackley");
}
END_TEST

/* With no honorific and no known given name, the story's own pronouns decide. */
START_TEST(gender_from_the_story)
{
    annotate("Robin Ilminen founded the firm. Last year she sold half of it.\n\n"
             "Sam Abdo bought it, and he kept the staff.\n\n"
             "“It was the right price,” she said.\n");
    ck_assert_str_eq(speaker_of(0), "Robin Ilminen");
}
END_TEST

/* A pronoun after a quote continues its speaker when nobody of that gender was named
 * since, even if a man is named inside the quote. */
START_TEST(last_speaker_and_quoted_names)
{
    annotate("“Peter Hollis taught me everything,” said Mr Varga, the coach.\n\n"
             "“I owe him my career,” he said.\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert_str_eq(speaker_of(1), "Varga");
}
END_TEST

/* The subject of the sentence before is preferred to a man named after it. */
START_TEST(sentence_subject_first)
{
    annotate("Mr Harrow thanked Mr Olsen for the loan.\n\n"
             "He said: “We could not have done it alone.”\n");
    ck_assert_str_eq(speaker_of(0), "Harrow");
}
END_TEST

/* "the chairman" is the only person holding that role; two holders: nobody. */
START_TEST(description_by_role)
{
    annotate("Chairman Ivo Pettersen opened the meeting.\n\n"
             "“We are not selling,” the chairman said.\n");
    ck_assert_str_eq(span_text(model.quotes[0].source), "the chairman");
    ck_assert_str_eq(speaker_of(0), "Ivo Pettersen");
    annotate("Chairman Ivo Pettersen met Chairman Lars Brekke.\n\n"
             "“We are not selling,” the chairman said.\n");
    ck_assert_str_eq(speaker_of(0), "");
}
END_TEST

/* "it" and "the company" refer back to an organisation. */
START_TEST(organisations)
{
    annotate("Norrvik Pharmaceuticals Inc. cut prices in May.\n\n"
             "“Demand has recovered,” the company said.\n");
    ck_assert_str_eq(speaker_of(0), "Norrvik Pharmaceuticals Inc.");
}
END_TEST

/* "the union" is the one organisation with that word in its name. */
START_TEST(description_by_organisation_name)
{
    annotate("Talks went on all week.\n\n"
             "The Pharmacy Workers Union met Norrvik Pharmaceuticals Inc. on Friday.\n\n"
             "“Nothing was agreed,” the union said.\n");
    ck_assert_str_eq(speaker_of(0), "Pharmacy Workers Union");
}
END_TEST

/* Nobody of the pronoun's gender and nobody of unknown gender: no speaker. */
START_TEST(unresolved_rather_than_wrong)
{
    annotate("Mrs Quell met Mrs Ardent at the depot.\n\n“We will open,” he said.\n");
    ck_assert_str_eq(span_text(model.quotes[0].source), "he");
    ck_assert_str_eq(speaker_of(0), "");
}
END_TEST

/* A name in an aside of the sentence before, or before a quotation, is not the subject
 * of a verb of speech that follows the quote: "…, said Mr Ashby" is Ashby's. */
START_TEST(aside_ends_at_quote)
{
    annotate("Mr Ashby asked the council to dismiss its auditor, Clara Dunmore, over the "
             "report. Mr Fenwick “should resign at once” now that the accounts are public, "
             "said Mr Ashby. “I am sure he knows it.”\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert_str_eq(speaker_of(1), "Ashby");
}
END_TEST

/* A passive reporting verb is said by the agent after "by": right after the verb, or
 * after the quote the verb introduces. */
START_TEST(passive_agent)
{
    annotate("Dan Reyes unveiled the scheme on Monday. It was described by Mrs Tolland as "
             "“a waste of good money”.\n");
    ck_assert_uint_eq(model.n_quotes, 1);
    ck_assert_str_eq(span_text(model.quotes[0].source), "Tolland");
    ck_assert_str_eq(speaker_of(0), "Tolland");
    annotate("Dan Reyes won the vote. He was called “the last honest man in the chamber” by "
             "his rival Petra Quist.\n");
    ck_assert_uint_eq(model.n_quotes, 1);
    ck_assert_str_eq(speaker_of(0), "Petra Quist");
}
END_TEST

/* A quote with no cue of its own is said by the person who is the subject of the
 * sentence right before it; with no person there it goes on with the last speaker. */
START_TEST(subject_before_uncued_quote)
{
    annotate("“We want game time,” Ron Doyle told the paper. Mr Kerrigan, though, is keen to "
             "rest his squad. “At this stage nobody has anything to prove.”\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert_str_eq(span_text(model.quotes[1].source), "Kerrigan");
    ck_assert_str_eq(speaker_of(1), "Kerrigan");
    annotate("“We want game time,” Ron Doyle told the paper. The weather, though, is poor. "
             "“At this stage nobody has anything to prove.”\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert_str_eq(speaker_of(1), "Ron Doyle");
}
END_TEST

/* "X, head of Y said": the holder of the role before the comma is the subject, whether
 * the tagger takes Y for a firm or a person. */
START_TEST(role_of_holder)
{
    annotate("Sales up\n\n“The figures are good,” Tom Reddin, head of Microsoft told the "
             "paper.\n\n“We are surprised,” Anna Kell, chief executive of Vantrix said on "
             "Monday.\n\n“Sales rose,” Dan Ochs, managing director of Ford told reporters.\n");
    ck_assert_uint_eq(model.n_quotes, 3);
    ck_assert_str_eq(speaker_of(0), "Tom Reddin");
    ck_assert_str_eq(speaker_of(1), "Anna Kell");
    ck_assert_str_eq(speaker_of(2), "Dan Ochs");
}
END_TEST

/* A name right before an auxiliary is its clause's subject, after a role with its owner
 * ("Shipping veteran Karl Brennan was …"): salient over the subject of a sentence before. */
START_TEST(subject_before_auxiliary)
{
    annotate("Mr Varga said the team had played well.\n\nShipping veteran Karl Brennan was "
             "the other winner. “It means a lot to me,” he said.\n");
    ck_assert_uint_eq(model.n_quotes, 1);
    ck_assert_str_eq(speaker_of(0), "Karl Brennan");
}
END_TEST

/* Plural "they" is a party, firm or group that is the subject of its sentence or the
 * one before ("The Conservatives say"); people never named ("the players") are nobody. */
START_TEST(plural_they)
{
    annotate("Tax row\n\nLabour met the National Farmers Union on Monday.\n\nThe Conservatives "
             "say they would scrap the tax. They say the plan is “a recipe for ruin”.\n\nThe "
             "players were tired. “We gave everything,” they said.\n");
    ck_assert_uint_eq(model.n_quotes, 2);
    ck_assert_str_eq(span_text(model.quotes[0].source), "They");
    ck_assert_str_eq(speaker_of(0), "Conservatives");
    ck_assert_str_eq(span_text(model.quotes[1].source), "they");
    ck_assert_str_eq(speaker_of(1), "");
}
END_TEST

static Suite *coref_suite(void)
{
    Suite *s = suite_create("coref");
    TCase *tc = tcase_create("speakers");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, gender_from_honorific);
    tcase_add_test(tc, gender_from_given_name);
    tcase_add_test(tc, gender_from_the_story);
    tcase_add_test(tc, last_speaker_and_quoted_names);
    tcase_add_test(tc, sentence_subject_first);
    tcase_add_test(tc, description_by_role);
    tcase_add_test(tc, organisations);
    tcase_add_test(tc, description_by_organisation_name);
    tcase_add_test(tc, unresolved_rather_than_wrong);
    tcase_add_test(tc, aside_ends_at_quote);
    tcase_add_test(tc, passive_agent);
    tcase_add_test(tc, subject_before_uncued_quote);
    tcase_add_test(tc, role_of_holder);
    tcase_add_test(tc, subject_before_auxiliary);
    tcase_add_test(tc, plural_they);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(coref_suite());
}
