/* check_propagate.c - the story's names where the tagger passed them by. The tagger
 * runs once for its tokens; its spans are then replaced by hand-made ones, so the tests
 * hold whatever the model decides. */
#include <string.h>
#include "check_util.h"
#include "check_tagger_fixture.h"
#include "lede/propagate.h"

/* Tokenises s (through the tagger) and sets the spans to nothing. */
static void prepare(const char *s)
{
    run(s);
    spans.n = 0;
}

/* Adds the name at the first occurrence of word from offset `from` as type t. */
static void tag(const char *word, size_t from, lede_ner_type t)
{
    const char *at = strstr(text.bytes + from, word);
    ck_assert_ptr_nonnull(at);
    size_t start = (size_t)(at - text.bytes), para = 0;
    while (para + 1 < text.n_paras && text.paras[para + 1].span.start <= start)
        para++;
    lede_ner_span sp = {{start, start + strlen(word)}, t, (uint32_t)para};
    ck_assert_int_eq(lede_ner_spans_push(&spans, &sp), LEDE_OK);
}

/* The type of the span at the occurrence of word at or after from; -1 when none. */
static int type_at(const char *word, size_t from)
{
    size_t start = (size_t)(strstr(text.bytes + from, word) - text.bytes);
    for (size_t i = 0; i < spans.n; i++)
        if (spans.items[i].span.start == start && spans.items[i].span.end == start + strlen(word))
            return (int)spans.items[i].type;
    return -1;
}

START_TEST(first_and_last_names_and_lone_names_spread)
{
    prepare("Anil Vesterholm spoke first. He said Anil left, and then Vesterholm came back.\n\n"
            "Borgvik beat Tallund. The Borgvik fans sang.\n");
    tag("Anil Vesterholm", 0, LEDE_NER_PER);
    tag("Borgvik", 0, LEDE_NER_ORG);
    ck_assert_int_eq(lede_ner_propagate(lex, &text, tagger, &spans), LEDE_OK);
    ck_assert_int_eq(type_at("Anil", 20), LEDE_NER_PER);
    ck_assert_int_eq(type_at("Vesterholm", 20), LEDE_NER_PER);
    size_t para2 = text.paras[1].span.start;
    ck_assert_int_eq(type_at("Borgvik", para2 + 5), LEDE_NER_ORG);
    ck_assert_int_eq(type_at("Tallund", 0), -1); /* never named */
    for (size_t i = 1; i < spans.n; i++) /* in order, apart */
        ck_assert_uint_le(spans.items[i - 1].span.end, spans.items[i].span.start);
}
END_TEST

START_TEST(words_beside_capitals_and_two_types_stay_out)
{
    prepare("Halden met Rune. Halden Trust paid. Rune Halden said no.\n\n"
            "Molde won. Molde fell. Molde is here.\n");
    tag("Halden", 0, LEDE_NER_LOC);
    tag("Rune", 0, LEDE_NER_PER);
    tag("Molde", text.paras[1].span.start, LEDE_NER_ORG);
    tag("Molde", text.paras[1].span.start + 5, LEDE_NER_LOC);
    ck_assert_int_eq(lede_ner_propagate(lex, &text, tagger, &spans), LEDE_OK);
    /* "Halden Trust", "Rune Halden": a capitalised word beside it, a name of its own */
    ck_assert_int_eq(type_at("Halden", 10), -1);
    ck_assert_int_eq(type_at("Rune", 30), -1);
    /* "Molde" was named an organisation and a place: the third stays as the tagger left it */
    size_t third = (size_t)(strstr(text.bytes, "Molde is") - text.bytes);
    ck_assert_int_eq(type_at("Molde", third), -1);
    ck_assert_uint_eq(spans.n, 4);
}
END_TEST

START_TEST(tail_of_a_full_name_is_the_person)
{
    prepare("Daw Aung San Suu Kyi spoke. Suu Kyi said she would stay. Kyi left.\n");
    tag("Daw Aung San Suu Kyi", 0, LEDE_NER_PER);
    tag("Suu Kyi", 25, LEDE_NER_ORG);
    tag("Kyi", 40, LEDE_NER_LOC);
    ck_assert_int_eq(lede_ner_propagate(lex, &text, tagger, &spans), LEDE_OK);
    ck_assert_int_eq(type_at("Suu Kyi", 25), LEDE_NER_PER);
    ck_assert_int_eq(type_at("Kyi", 40), LEDE_NER_PER);
    ck_assert_uint_eq(spans.n, 3);
}
END_TEST

static Suite *propagate_suite(void)
{
    Suite *s = suite_create("propagate");
    TCase *tc = tcase_create("propagate");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, first_and_last_names_and_lone_names_spread);
    tcase_add_test(tc, words_beside_capitals_and_two_types_stay_out);
    tcase_add_test(tc, tail_of_a_full_name_is_the_person);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(propagate_suite());
}
