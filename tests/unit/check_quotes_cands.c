/* check_quotes_cands.c - the sources the cue patterns of src/quotes_cands.c and the
 * clause chunker of src/quotes_clause.c point at, read as candidates (whatever the ranker
 * then chooses): the clause subject past a sentence's opening words, "according to" a
 * possessive phrase, a verb read back across a quoted title, a subject before a date and
 * its verb, a subject past a preposition's object. Texts are written here. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/annotate.h"
#include "check_fixture.h"
#include "check_util.h"
#include "quotes_impl.h"

/* The source each quote's candidate of one rule reads ("" when the rule proposes none). */
#define MAX_SEEN 4
typedef struct {
    int rule;
    size_t n;
    char source[MAX_SEEN][64];
} seen;

static size_t record(void *arg, const qctx *c, const found *f, const quote_cand *cands, size_t n,
                     uint32_t prev_speaker)
{
    (void)f;
    (void)prev_speaker;
    seen *s = arg;
    if (s->n == MAX_SEEN)
        return n - 1;
    char *out = s->source[s->n++];
    out[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        const lede_quote *q = &cands[k].q;
        if (cands[k].rule != s->rule || !q->has_source)
            continue;
        size_t len = q->source.end - q->source.start;
        snprintf(out, 64, "%.*s", (int)(len < 63 ? len : 63), c->s + q->source.start);
        break;
    }
    return n - 1;
}

/* Runs the quote finder on s with the chooser above for rule; answers what it saw. */
static seen candidates_of(const char *s, int rule)
{
    seen sn = {rule, 0, {{0}}};
    lede_text t;
    ck_assert_int_eq(lede_text_from_buffer(s, strlen(s), &t), LEDE_OK);
    lede_namer *namer;
    ck_assert_int_eq(lede_namer_new(lex, NULL, 0, &namer), LEDE_OK);
    lede_model m;
    lede_model_init(&m);
    lede_names names = {0};
    ck_assert_int_eq(lede_namer_run(namer, &t, &m, &names), LEDE_OK);
    ck_assert_int_eq(quote_find_with(lex, &t, &names, &m, NULL, record, &sn), LEDE_OK);
    lede_names_free(&names);
    lede_model_free(&m);
    lede_namer_free(namer);
    lede_text_free(&t);
    return sn;
}

/* The clause subject: past "However,", an introductory phrase to its comma (a date's
 * comma is not its end), a discourse word; a pronoun, a description up to its verb, a
 * name that opens the phrase. */
START_TEST(clause_subject_past_opening_words)
{
    seen s = candidates_of("However, the committee chairman described the plan as “a disgrace” "
                           "on Monday.\n",
                           QR_CLAUSE);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.source[0], "the committee chairman");
    s = candidates_of("Although the council did not name him, it referenced “outside pressure” "
                      "in its note.\n",
                      QR_CLAUSE);
    ck_assert_str_eq(s.source[0], "it");
    s = candidates_of("Instead, several local groups urged “a pause” until spring.\n", QR_CLAUSE);
    ck_assert_str_eq(s.source[0], "several local groups");
    s = candidates_of("In my letter I called the vote “a farce” and meant it.\n", QR_CLAUSE);
    ck_assert_str_eq(s.source[0], "");
    s = candidates_of("I called the vote “a farce” and meant it.\n", QR_CLAUSE);
    ck_assert_str_eq(s.source[0], "I");
    /* A word before a determiner is a verb, not a one-word subject. */
    s = candidates_of("Should the plan fail, the odds of a deal fall to “even”.\n", QR_CLAUSE);
    ck_assert_str_eq(s.source[0], "");
    s = candidates_of("Local rules give the mayor power to call “a special vote” at once.\n",
                      QR_CLAUSE);
    ck_assert_str_eq(s.source[0], "Local rules");
    /* Words after a quotation mark open no sentence. */
    s = candidates_of("Anna Berg spoke. “We won” so several aides cheered “at last” in the hall.\n",
                      QR_CLAUSE);
    ck_assert_uint_eq(s.n, 2);
    ck_assert_str_eq(s.source[1], "");
}
END_TEST

/* A paragraph introduced by a colon: the person or pronoun of that sentence, past a date;
 * never a description ("Partial transcript as follows:"). */
START_TEST(clause_subject_of_colon_paragraph)
{
    seen s = candidates_of("On May 4, 2019, Tom Hale made the following remarks:\n\n"
                           "“We are done here.”\n",
                           QR_CLAUSE);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.source[0], "Tom Hale");
    s = candidates_of("Partial transcript as follows:\n\n“HALE: We are done here.”\n", QR_CLAUSE);
    ck_assert_str_eq(s.source[0], "");
}
END_TEST

/* "according to their lawyers": a phrase that opens with a possessive determiner. */
START_TEST(according_to_possessive_phrase)
{
    seen s = candidates_of("The family saw the tape, according to their lawyers, and found "
                           "“more questions than answers.”\n",
                           QR_BEFORE);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.source[0], "their lawyers");
}
END_TEST

/* Reading back from a quote to its verb steps over a short quoted title, and only over a
 * title (every word capitalised). */
START_TEST(verb_read_across_a_title)
{
    seen s = candidates_of("Anna Berg tells Radio Nord’s “Morning Show” on Friday that “nothing "
                           "has changed” in the town.\n",
                           QR_BEFORE);
    ck_assert_uint_eq(s.n, 1); /* the title is no quote */
    ck_assert_str_eq(s.source[0], "Anna Berg");
    s = candidates_of("Anna Berg tells the paper it was “not the plan” and then “far too "
                      "late” for everyone.\n",
                      QR_BEFORE);
    ck_assert_uint_eq(s.n, 2);
    ck_assert_str_eq(s.source[1], "");
}
END_TEST

/* A day or a year after "on" or "in" between a subject and its verb is stepped over. */
START_TEST(subject_past_a_date)
{
    seen s = candidates_of("Anna Berg on Tuesday said the plan was “dead” for now.\n", QR_BEFORE);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.source[0], "Anna Berg");
    s = candidates_of("The tax, Tom Hale, who in 2010 said it was “a theft”, kept.\n", QR_BEFORE);
    ck_assert_str_eq(s.source[0], "who");
}
END_TEST

/* A noun phrase that is a preposition's object is read back to the phrase it hangs on
 * ("marchers walking through the old town"), and is no source when the preposition
 * opens the sentence. */
START_TEST(subject_past_a_preposition)
{
    seen s = candidates_of("Marchers walking through the old town chanted “No more!” all "
                           "night.\n",
                           QR_BEFORE);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.source[0], "Marchers walking through the old town");
    s = candidates_of("A woman in the crowd shouted “Go home!” at the mayor.\n", QR_BEFORE);
    ck_assert_str_eq(s.source[0], "A woman in the crowd");
    s = candidates_of("In the square chanted “No more!” all night.\n", QR_BEFORE);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.source[0], "");
}
END_TEST

/* "It’s denouncing": a pronoun's contraction before a participle is the clause's
 * subject, and no description; "That’s all" is neither. */
START_TEST(contraction_before_a_participle)
{
    seen s = candidates_of("The council met. It’s calling the plan “a disaster” for the "
                           "town.\n",
                           QR_CLAUSE);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.source[0], "It");
    s = candidates_of("The council met. It’s calling the plan “a disaster” for the "
                      "town.\n",
                      QR_DESCRIPTION);
    ck_assert_str_eq(s.source[0], "");
    s = candidates_of("The council met. That’s all the plan “a disaster” could do.\n", QR_CLAUSE);
    ck_assert_str_eq(s.source[0], "");
}
END_TEST

/* A capitalised word in -ed is part of a name, no past tense ending the subject: "The
 * United Nations …" is the clause subject, not "The". */
START_TEST(capitalised_word_in_ed_is_no_verb)
{
    seen s = candidates_of("The United Nations Security Council on Friday pledged to act on "
                           "what it called “a clear threat” to peace.\n",
                           QR_CLAUSE);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.source[0], "United Nations Security Council");
}
END_TEST

/* "she still says": clause.txt's skip words are stepped over between a subject and
 * its verb, as quote.txt's are. */
START_TEST(subject_past_still)
{
    seen s = candidates_of("My aunt is old. Even now at 86 she still says “we are not equal” "
                           "to anyone.\n",
                           QR_BEFORE);
    ck_assert_uint_eq(s.n, 1);
    ck_assert_str_eq(s.source[0], "she");
}
END_TEST

static Suite *cands_suite(void)
{
    Suite *s = suite_create("quotes_cands");
    TCase *tc = tcase_create("candidates");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, clause_subject_past_opening_words);
    tcase_add_test(tc, clause_subject_of_colon_paragraph);
    tcase_add_test(tc, according_to_possessive_phrase);
    tcase_add_test(tc, verb_read_across_a_title);
    tcase_add_test(tc, subject_past_a_date);
    tcase_add_test(tc, subject_past_a_preposition);
    tcase_add_test(tc, contraction_before_a_participle);
    tcase_add_test(tc, capitalised_word_in_ed_is_no_verb);
    tcase_add_test(tc, subject_past_still);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(cands_suite());
}
