/* check_resolve.c - the keys under which names are entities (src/resolve.c,
 * lede_name_key): white space made one space, capitals lines folded, NFC, too long;
 * and the type an entity gets from its mentions (lede_resolve). */
#include <stdlib.h>
#include <string.h>
#include "check_util.h"
#include "resolve.h"

static char key[LEDE_KEY_MAX];

static const char *key_of(const char *s, bool fold)
{
    size_t n = lede_name_key(s, 0, strlen(s), key, fold);
    ck_assert_uint_eq(n, strlen(key));
    return n ? key : NULL;
}

START_TEST(plain_names_are_their_own_keys)
{
    ck_assert_str_eq(key_of("Pierre", false), "Pierre");
    ck_assert_str_eq(key_of("Prince Andrew", false), "Prince Andrew");
    ck_assert_str_eq(key_of("Nat\xC3\xA1sha Rost\xC3\xB3va", false), "Nat\xC3\xA1sha Rost\xC3\xB3va");
    ck_assert_str_eq(key_of("O\xE2\x80\x99Neill", false), "O\xE2\x80\x99Neill");
    ck_assert_str_eq(key_of("A\vB", false), "A\vB"); /* only space, tab and line ends are white */
}
END_TEST

START_TEST(white_space_folding_and_nfc)
{
    ck_assert_str_eq(key_of("Prince  Andrew", false), "Prince Andrew");
    ck_assert_str_eq(key_of("Prince\nAndrew", false), "Prince Andrew");
    ck_assert_str_eq(key_of("Prince\r\n\tAndrew", false), "Prince Andrew");
    ck_assert_str_eq(key_of(" Pierre ", false), "Pierre");
    ck_assert_str_eq(key_of("NEW YORK", true), "New York");
    ck_assert_str_eq(key_of("NEW  YORK", true), "New York");
    ck_assert_str_eq(key_of("Zoe\xCC\x88", false), "Zo\xC3\xAB");
    ck_assert_str_eq(key_of("Zoe\xCC\x88  Lund", false), "Zo\xC3\xAB Lund");
}
END_TEST

START_TEST(too_long_is_no_key)
{
    char name[LEDE_KEY_MAX + 2];
    memset(name, 'a', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    for (size_t len = LEDE_KEY_MAX - 3; len <= LEDE_KEY_MAX + 1; len++) {
        size_t n = lede_name_key(name, 0, len, key, false);
        ck_assert_uint_eq(n, len < LEDE_KEY_MAX ? len : 0);
        n = lede_name_key(name, 0, len, key, true);
        ck_assert_uint_eq(n, len < LEDE_KEY_MAX ? len : 0);
    }
}
END_TEST

/* One-word candidates at each start of text s (words apart by one space). */
static lede_cands one_words(const char *s, const lede_entity_type *types, size_t n)
{
    lede_cands cs = {calloc(n, sizeof(lede_cand)), n, n};
    ck_assert_ptr_nonnull(cs.items);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        size_t end = at;
        while (s[end] && s[end] != ' ')
            end++;
        cs.items[i] = (lede_cand){.start = at, .end = end, .type = types[i], .ntok = 1,
                                  .last_start = at, .last_end = end};
        at = end + 1;
    }
    return cs;
}

static lede_entity_type resolved_type(const char *s, const lede_entity_type *types, size_t n)
{
    lede_lexicon *lex;
    ck_assert_int_eq(lede_lexicon_new_empty(&lex), LEDE_OK);
    lede_cands cs = one_words(s, types, n);
    lede_model model;
    lede_model_init(&model);
    lede_names names = {0};
    ck_assert_int_eq(lede_resolve(lex, s, &cs, &model, &names), LEDE_OK);
    ck_assert_uint_eq(model.n_entities, 1);
    ck_assert_uint_eq(names.n, n);
    lede_entity_type t = model.entities[0].type;
    lede_names_free(&names);
    lede_model_free(&model);
    free(cs.items);
    lede_lexicon_free(lex);
    return t;
}

/* A word tagged a person in a headline and an organisation in most sentences after it
 * is an organisation; the vote never makes a person of a name first typed otherwise. */
START_TEST(most_mentions_decide_the_type)
{
    const lede_entity_type org_most[] = {LEDE_PERSON, LEDE_ORGANIZATION, LEDE_ORGANIZATION};
    ck_assert_int_eq(resolved_type("Villa Villa Villa", org_most, 3), LEDE_ORGANIZATION);
    const lede_entity_type tie[] = {LEDE_PLACE, LEDE_ORGANIZATION};
    ck_assert_int_eq(resolved_type("Villa Villa", tie, 2), LEDE_PLACE);
    const lede_entity_type person_most[] = {LEDE_ORGANIZATION, LEDE_PERSON, LEDE_PERSON};
    ck_assert_int_eq(resolved_type("Blinkx Blinkx Blinkx", person_most, 3), LEDE_ORGANIZATION);
    const lede_entity_type place_most[] = {LEDE_PERSON, LEDE_PLACE, LEDE_PLACE};
    ck_assert_int_eq(resolved_type("Sunderland Sunderland Sunderland", place_most, 3), LEDE_PLACE);
}
END_TEST

static Suite *resolve_suite(void)
{
    Suite *s = suite_create("resolve");
    TCase *tc = tcase_create("keys");
    tcase_add_test(tc, plain_names_are_their_own_keys);
    tcase_add_test(tc, white_space_folding_and_nfc);
    tcase_add_test(tc, too_long_is_no_key);
    suite_add_tcase(s, tc);
    tc = tcase_create("types");
    tcase_add_test(tc, most_mentions_decide_the_type);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(resolve_suite());
}
