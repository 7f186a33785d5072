/* check_termsafe.c - the one filter between lede's output and a terminal. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/termsafe.h"
#include "lede/utf8.h"
#include "check_util.h"

#define FFFD "\xEF\xBF\xBD"

/* What lede_termsafe_write makes of s[0..len); the caller frees it. */
static char *filtered(const char *s, size_t len)
{
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    ck_assert_ptr_nonnull(f);
    ck_assert(lede_termsafe_write(f, s, len));
    ck_assert_int_eq(fclose(f), 0);
    return data;
}

static void expect(const char *in, const char *want)
{
    char *got = filtered(in, strlen(in));
    ck_assert_str_eq(got, want);
    free(got);
}

START_TEST(test_hostile)
{
    for (uint32_t cp = 0; cp < 0x20; cp++)
        ck_assert(lede_termsafe_hostile(cp));
    for (uint32_t cp = 0x7F; cp <= 0x9F; cp++)
        ck_assert(lede_termsafe_hostile(cp));
    for (uint32_t cp = 0x202A; cp <= 0x202E; cp++)
        ck_assert(lede_termsafe_hostile(cp));
    for (uint32_t cp = 0x2066; cp <= 0x2069; cp++)
        ck_assert(lede_termsafe_hostile(cp));
    /* Printable text and the bidi marks of right-to-left writing stay. */
    const uint32_t fine[] = {' ',    'a',   0xA0,   0xE9,   0x5D0,  0x627,  0x200E,
                             0x200F, 0x61C, 0x2065, 0x206A, 0xFFFD, 0x1F600};
    for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++)
        ck_assert_msg(!lede_termsafe_hostile(fine[i]), "U+%04X", (unsigned)fine[i]);
    ck_assert_uint_eq(lede_termsafe_shown(0x9B), LEDE_UTF8_REPLACEMENT);
    ck_assert_uint_eq(lede_termsafe_shown('x'), 'x');
}
END_TEST

START_TEST(test_write)
{
    expect("plain caf\xC3\xA9", "plain caf\xC3\xA9");
    expect("\x1B[31mred\x1B[0m", FFFD "[31mred" FFFD "[0m");
    expect("osc \x1B]0;title\x07!", "osc " FFFD "]0;title" FFFD "!");
    expect("c1 \xC2\x9B"
           "31m",
           "c1 " FFFD "31m"); /* U+009B, the one-code-point CSI */
    expect("raw \x9B"
           "31m",
           "raw " FFFD "31m"); /* the raw byte: invalid UTF-8 */
    expect("rlo \xE2\x80\xAE"
           "cba",
           "rlo " FFFD "cba"); /* U+202E */
    expect("fsi \xE2\x81\xA8x\xE2\x81\xA9", "fsi " FFFD "x" FFFD);
    expect("rlm \xE2\x80\x8F ok", "rlm \xE2\x80\x8F ok");
    expect("tab\tnl\n", "tab" FFFD "nl" FFFD);
    char *got = filtered("a\0b", 3);
    ck_assert_mem_eq(got, "a" FFFD "b", 5);
    free(got);
}
END_TEST

START_TEST(test_printf_one_line)
{
    char *data = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&data, &n);
    ck_assert_ptr_nonnull(f);
    ck_assert(lede_termsafe_printf(f, "lede: %s: %s\n", "bad\nname\x1B[2J", "no such file"));
    /* Longer than the stack buffer: formatted on the heap, still filtered. */
    char big[2000];
    memset(big, 'x', sizeof big - 2);
    big[0] = '\x1B';
    big[sizeof big - 1] = '\0';
    big[sizeof big - 2] = '\x07';
    ck_assert(lede_termsafe_printf(f, "%s\n", big));
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_ptr_null(memchr(data, '\x1B', n));
    ck_assert_ptr_null(memchr(data, '\x07', n));
    ck_assert(strncmp(data, "lede: bad" FFFD "name" FFFD "[2J: no such file\n", 36) == 0);
    size_t lines = 0;
    for (size_t i = 0; i < n; i++)
        lines += data[i] == '\n';
    ck_assert_uint_eq(lines, 2);
    free(data);
}
END_TEST

static Suite *termsafe_suite(void)
{
    Suite *s = suite_create("termsafe");
    TCase *tc = tcase_create("termsafe");
    tcase_add_test(tc, test_hostile);
    tcase_add_test(tc, test_write);
    tcase_add_test(tc, test_printf_one_line);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(termsafe_suite());
}
