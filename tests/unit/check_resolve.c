/* check_resolve.c - the keys under which names are entities (src/resolve.c,
 * lede_name_key): white space made one space, capitals lines folded, NFC, too long. */
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

static Suite *resolve_suite(void)
{
    Suite *s = suite_create("resolve");
    TCase *tc = tcase_create("keys");
    tcase_add_test(tc, plain_names_are_their_own_keys);
    tcase_add_test(tc, white_space_folding_and_nfc);
    tcase_add_test(tc, too_long_is_no_key);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(resolve_suite());
}
