/* check_utf8.c - strict decoding, invalid byte counting, encoding and display width. */
#include <check.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "lede/utf8.h"
#include "check_util.h"

/* Decodes all of s and checks the code points and advances it yields. */
static void expect_decode(const char *s, size_t len, const uint32_t *cps, const size_t *advs,
                          size_t n)
{
    size_t i = 0, k = 0, adv;

    while (i < len) {
        ck_assert_uint_lt(k, n);
        uint32_t cp = lede_utf8_decode(s + i, len - i, &adv);
        ck_assert_msg(cp == cps[k], "item %zu: got U+%04X, want U+%04X", k, (unsigned)cp,
                      (unsigned)cps[k]);
        ck_assert_uint_eq(adv, advs[k]);
        i += adv;
        k++;
    }
    ck_assert_uint_eq(k, n);
}

#define R LEDE_UTF8_REPLACEMENT

START_TEST(test_decode_valid)
{
    const char s[] = "A\xC3\xA9\xD0\x96\xE4\xB8\xAD\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF";
    const uint32_t cps[] = {'A', 0xE9, 0x416, 0x4E2D, 0x1F600, 0x10FFFF};
    const size_t advs[] = {1, 2, 2, 3, 4, 4};

    expect_decode(s, sizeof s - 1, cps, advs, 6);
    ck_assert_uint_eq(lede_utf8_invalid_count(s, sizeof s - 1), 0);
}
END_TEST

START_TEST(test_decode_boundaries)
{
    /* The smallest and largest code point of each length, and U+FFFD itself. */
    const char s[] = "\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBD"
                     "\xF0\x90\x80\x80";
    const uint32_t cps[] = {0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0x10000};
    const size_t advs[] = {1, 2, 2, 3, 3, 3, 3, 4};

    expect_decode(s, sizeof s - 1, cps, advs, 8);
    ck_assert_uint_eq(lede_utf8_invalid_count(s, sizeof s - 1), 0);
}
END_TEST

START_TEST(test_decode_overlong)
{
    /* "/" as 2, 3 and 4 bytes; U+07FF as 3 bytes; C0/C1 leads. */
    const char s[] = "\xC0\xAF\xE0\x80\xAF\xF0\x80\x80\xAF\xE0\x9F\xBF\xC1\xBF";
    const uint32_t cps[] = {R, R, R, R, R, R, R, R, R, R, R, R, R, R};
    const size_t advs[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    expect_decode(s, sizeof s - 1, cps, advs, 14);
    ck_assert_uint_eq(lede_utf8_invalid_count(s, sizeof s - 1), 14);
}
END_TEST

START_TEST(test_decode_surrogates_and_range)
{
    /* U+D800, U+DFFF, U+110000, and the never-valid F5 and FF leads. */
    const char s[] = "\xED\xA0\x80\xED\xBF\xBF\xF4\x90\x80\x80\xF5\xFFz";
    const uint32_t cps[] = {R, R, R, R, R, R, R, R, R, R, R, R, 'z'};
    const size_t advs[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    expect_decode(s, sizeof s - 1, cps, advs, 13);
    ck_assert_uint_eq(lede_utf8_invalid_count(s, sizeof s - 1), 12);
}
END_TEST

START_TEST(test_decode_truncated)
{
    /* A 3-byte sequence cut short by 'x', a lone continuation, a 4-byte lead at the end. */
    const char s[] = "\xE4\xB8x\x80\xF0\x9F\x98";
    const uint32_t cps[] = {R, R, 'x', R, R, R, R};
    const size_t advs[] = {1, 1, 1, 1, 1, 1, 1};
    size_t adv = 99;

    expect_decode(s, sizeof s - 1, cps, advs, 7);
    ck_assert_uint_eq(lede_utf8_invalid_count(s, sizeof s - 1), 6);
    /* A valid sequence whose length is cut by len. */
    ck_assert_uint_eq(lede_utf8_decode("\xC3\xA9", 1, &adv), R);
    ck_assert_uint_eq(adv, 1);
    ck_assert_uint_eq(lede_utf8_decode("", 0, &adv), R);
    ck_assert_uint_eq(adv, 0);
}
END_TEST

START_TEST(test_decode_latin1)
{
    /* "caf\xE9 \xA3" in Latin-1: two stray bytes, each replaced once. */
    const char s[] = "caf\xE9 \xA3"
                     "5";
    ck_assert_uint_eq(lede_utf8_invalid_count(s, sizeof s - 1), 2);
    ck_assert_uint_eq(lede_utf8_invalid_count("", 0), 0);
}
END_TEST

/* What lede_utf8_measure() must find, the slow way: decode every sequence, and count the
 * bytes that are not continuation bytes. */
static size_t slow_measure(const char *s, size_t len, size_t *invalid)
{
    size_t i = 0, adv, bad = 0, starts = 0;

    while (i < len) {
        if (lede_utf8_decode(s + i, len - i, &adv) == R && adv == 1)
            bad++;
        i += adv;
    }
    for (i = 0; i < len; i++)
        starts += ((unsigned char)s[i] & 0xC0) != 0x80;
    *invalid = bad;
    return starts;
}

START_TEST(test_measure_known)
{
    size_t invalid = 99;

    ck_assert_uint_eq(lede_utf8_measure("", 0, &invalid), 0);
    ck_assert_uint_eq(invalid, 0);
    ck_assert_uint_eq(lede_utf8_measure("plain ascii text here", 21, &invalid), 21);
    ck_assert_uint_eq(invalid, 0);
    /* "café “q” 😀" in UTF-8: 10 code points in 18 bytes, all valid. */
    ck_assert_uint_eq(
        lede_utf8_measure("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80", 18, &invalid),
        10);
    ck_assert_uint_eq(invalid, 0);
    /* A stray continuation byte is invalid and no code point; a bad lead byte is both. */
    ck_assert_uint_eq(lede_utf8_measure("a\x80"
                                        "b\xFF"
                                        "c",
                                        5, &invalid),
                      4);
    ck_assert_uint_eq(invalid, 2);
    /* A sequence cut by the end: its lead byte is invalid, its continuation too. */
    ck_assert_uint_eq(lede_utf8_measure("0123456789abcde\xE2\x82", 17, &invalid), 16);
    ck_assert_uint_eq(invalid, 2);
    /* A valid U+FFFD is not an error. */
    ck_assert_uint_eq(lede_utf8_measure("\xEF\xBF\xBD", 3, &invalid), 1);
    ck_assert_uint_eq(invalid, 0);
    ck_assert_uint_eq(lede_utf8_invalid_count("\xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80", 11), 9);
}
END_TEST

START_TEST(test_measure_every_position)
{
    /* Each sequence at every offset of ASCII runs of every length up to 40, so that it
     * straddles each 8- and 16-byte block edge and the end in every way. */
    static const char *const seqs[] = {"\xC3\xA9",         "\xE2\x80\x9D", "\xF0\x9F\x98\x80",
                                       "\xEF\xBF\xBD",     "\x80",         "\xBF\xBF",
                                       "\xC0\xAF",         "\xC3",         "\xE2\x82",
                                       "\xF0\x9F\x98",     "\xED\xA0\x80", "\xE0\x9F\xBF",
                                       "\xF4\x90\x80\x80", "\xF5\x80",     "\xFF\xFE",
                                       "\xE2\x80\x9D\xC3"};
    char buf[64];
    size_t fails = 0;

    for (size_t k = 0; k < sizeof seqs / sizeof seqs[0]; k++) {
        size_t n = strlen(seqs[k]);
        for (size_t len = n; len <= 40; len++) {
            for (size_t at = 0; at + n <= len; at++) {
                size_t got_bad, want_bad, got, want;
                memset(buf, 'a', len);
                memcpy(buf + at, seqs[k], n);
                got = lede_utf8_measure(buf, len, &got_bad);
                want = slow_measure(buf, len, &want_bad);
                fails += got != want || got_bad != want_bad ||
                         lede_utf8_invalid_count(buf, len) != want_bad;
            }
        }
    }
    ck_assert_uint_eq(fails, 0);
}
END_TEST

START_TEST(test_measure_random)
{
    /* Random bytes, mostly ASCII with bursts of high bytes, against the slow way. */
    char buf[300];
    size_t fails = 0;
    unsigned seed = 12345;

    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)(round % 300), got_bad, want_bad;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) & 0x7FFF;
            buf[i] = (char)(r % 5 == 0 ? 0x80 | (r >> 3) : 'a' + r % 26);
        }
        fails += lede_utf8_measure(buf, len, &got_bad) != slow_measure(buf, len, &want_bad) ||
                 got_bad != want_bad;
    }
    ck_assert_uint_eq(fails, 0);
}
END_TEST

START_TEST(test_encode_roundtrip)
{
    const uint32_t cps[] = {0,      'a',    0x7F,   0x80,    0xE9,    0x7FF,   0x800,
                            0x4E2D, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    char buf[4];
    size_t adv;

    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        size_t n = lede_utf8_encode(cps[i], buf);
        ck_assert_uint_eq(lede_utf8_decode(buf, n, &adv), cps[i]);
        ck_assert_uint_eq(adv, n);
    }
    ck_assert_uint_eq(lede_utf8_encode(0xD800, buf), 3);
    ck_assert_int_eq(memcmp(buf, "\xEF\xBF\xBD", 3), 0);
    ck_assert_uint_eq(lede_utf8_encode(0x110000, buf), 3);
    ck_assert_int_eq(memcmp(buf, "\xEF\xBF\xBD", 3), 0);
}
END_TEST

START_TEST(test_decode_every_code_point)
{
    /* Every valid code point survives encode + decode; every surrogate is rejected. */
    char buf[4];
    size_t adv, bad = 0;

    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        size_t n = lede_utf8_encode(cp, buf);
        uint32_t back = lede_utf8_decode(buf, n, &adv);
        bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        if (surrogate ? back != LEDE_UTF8_REPLACEMENT : back != cp || adv != n)
            bad++;
    }
    ck_assert_uint_eq(bad, 0);
}
END_TEST

START_TEST(test_width_narrow)
{
    ck_assert_int_eq(lede_utf8_width('a'), 1);
    ck_assert_int_eq(lede_utf8_width(' '), 1);
    ck_assert_int_eq(lede_utf8_width('\t'), 1); /* controls are shown as a replacement */
    ck_assert_int_eq(lede_utf8_width(0x7F), 1);
    ck_assert_int_eq(lede_utf8_width(0xE9), 1);   /* é */
    ck_assert_int_eq(lede_utf8_width(0x0141), 1); /* Ł */
    ck_assert_int_eq(lede_utf8_width(0x0416), 1); /* Ж */
    ck_assert_int_eq(lede_utf8_width(0x044F), 1); /* я */
    ck_assert_int_eq(lede_utf8_width(0x03A9), 1); /* Ω */
    ck_assert_int_eq(lede_utf8_width(0x05D0), 1); /* א */
    ck_assert_int_eq(lede_utf8_width(0x2014), 1); /* em dash */
    ck_assert_int_eq(lede_utf8_width(0x201C), 1);
    ck_assert_int_eq(lede_utf8_width(0x20AC), 1); /* € */
    ck_assert_int_eq(lede_utf8_width(0xFFFD), 1);
    ck_assert_int_eq(lede_utf8_width(0xFF61), 1); /* half-width katakana punctuation */
    ck_assert_int_eq(lede_utf8_width(0x10FFFF), 1);
}
END_TEST

START_TEST(test_width_wide)
{
    ck_assert_int_eq(lede_utf8_width(0x4E2D), 2); /* 中 */
    ck_assert_int_eq(lede_utf8_width(0x4E00), 2);
    ck_assert_int_eq(lede_utf8_width(0x9FFF), 2);
    ck_assert_int_eq(lede_utf8_width(0x3042), 2); /* あ */
    ck_assert_int_eq(lede_utf8_width(0x30AB), 2); /* カ */
    ck_assert_int_eq(lede_utf8_width(0xAC00), 2); /* 가 */
    ck_assert_int_eq(lede_utf8_width(0xD7A3), 2);
    ck_assert_int_eq(lede_utf8_width(0x1100), 2);  /* Hangul leading jamo */
    ck_assert_int_eq(lede_utf8_width(0x3000), 2);  /* ideographic space */
    ck_assert_int_eq(lede_utf8_width(0xFF21), 2);  /* fullwidth A */
    ck_assert_int_eq(lede_utf8_width(0xFFE5), 2);  /* fullwidth yen */
    ck_assert_int_eq(lede_utf8_width(0x1F600), 2); /* grinning face */
    ck_assert_int_eq(lede_utf8_width(0x1F30D), 2); /* globe */
    ck_assert_int_eq(lede_utf8_width(0x1F680), 2); /* rocket */
    ck_assert_int_eq(lede_utf8_width(0x1F914), 2); /* thinking face */
    ck_assert_int_eq(lede_utf8_width(0x1FA90), 2);
    ck_assert_int_eq(lede_utf8_width(0x2705), 2);  /* check mark button */
    ck_assert_int_eq(lede_utf8_width(0x20000), 2); /* CJK extension B */
    ck_assert_int_eq(lede_utf8_width(0x3FFFD), 2);
}
END_TEST

START_TEST(test_width_zero)
{
    ck_assert_int_eq(lede_utf8_width(0x0300), 0); /* combining grave */
    ck_assert_int_eq(lede_utf8_width(0x0301), 0);
    ck_assert_int_eq(lede_utf8_width(0x036F), 0);
    ck_assert_int_eq(lede_utf8_width(0x0483), 0);
    ck_assert_int_eq(lede_utf8_width(0x0489), 0);
    ck_assert_int_eq(lede_utf8_width(0x0591), 0);
    ck_assert_int_eq(lede_utf8_width(0x064B), 0); /* Arabic fathatan */
    ck_assert_int_eq(lede_utf8_width(0x093C), 0); /* Devanagari nukta */
    ck_assert_int_eq(lede_utf8_width(0x1AB0), 0);
    ck_assert_int_eq(lede_utf8_width(0x1DC0), 0);
    ck_assert_int_eq(lede_utf8_width(0x200B), 0); /* zero width space */
    ck_assert_int_eq(lede_utf8_width(0x200D), 0); /* zero width joiner */
    ck_assert_int_eq(lede_utf8_width(0x20D0), 0);
    ck_assert_int_eq(lede_utf8_width(0xFE0F), 0); /* variation selector 16 */
    ck_assert_int_eq(lede_utf8_width(0xFE20), 0);
    ck_assert_int_eq(lede_utf8_width(0xFEFF), 0); /* BOM */
    ck_assert_int_eq(lede_utf8_width(0x3099), 0); /* combining kana voiced mark */
    ck_assert_int_eq(lede_utf8_width(0xE0100), 0);
    /* Neighbours of zero-width ranges are ordinary. */
    ck_assert_int_eq(lede_utf8_width(0x02FF), 1);
    ck_assert_int_eq(lede_utf8_width(0x0370), 1);
    ck_assert_int_eq(lede_utf8_width(0x2010), 1);
}
END_TEST

/* Sums the width of a UTF-8 string. */
static int str_width(const char *s)
{
    size_t len = strlen(s), i = 0, adv;
    int w = 0;

    while (i < len) {
        w += lede_utf8_width(lede_utf8_decode(s + i, len - i, &adv));
        i += adv;
    }
    return w;
}

START_TEST(test_is_control)
{
    ck_assert(lede_utf8_is_control(0));
    ck_assert(lede_utf8_is_control('\t'));
    ck_assert(lede_utf8_is_control(0x1f));
    ck_assert(lede_utf8_is_control(0x7f));
    ck_assert(lede_utf8_is_control(0x85));
    ck_assert(lede_utf8_is_control(0x9f));
    ck_assert(!lede_utf8_is_control(' '));
    ck_assert(!lede_utf8_is_control('~'));
    ck_assert(!lede_utf8_is_control(0xa0));
    ck_assert(!lede_utf8_is_control(0x2028));
    ck_assert(!lede_utf8_is_control(LEDE_UTF8_REPLACEMENT));
}
END_TEST

START_TEST(test_width_strings)
{
    ck_assert_int_eq(str_width("Kyiv"), 4);
    ck_assert_int_eq(str_width("Zelens\xCA\xB9kyi"), 10);               /* with a modifier prime */
    ck_assert_int_eq(str_width("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2"), 4); /* Київ */
    ck_assert_int_eq(str_width("e\xCC\x81t\xC3\xA9"), 3);               /* e + acute, t, é */
    ck_assert_int_eq(str_width("\xE6\x9D\xB1\xE4\xBA\xAC"), 4);         /* 東京 */
    ck_assert_int_eq(str_width("ok \xF0\x9F\x91\x8D"), 5);              /* ok 👍 */
}
END_TEST

/* The clusters of s, as lengths and columns, end to end. */
static void expect_clusters(const char *s, const size_t *lens, const int *cols, size_t n)
{
    size_t len = strlen(s), i = 0, k = 0;

    while (i < len) {
        int c;
        size_t adv = lede_utf8_cluster(s + i, len - i, &c);
        ck_assert_uint_lt(k, n);
        ck_assert_msg(adv == lens[k] && c == cols[k], "cluster %zu: %zu bytes %d cols", k, adv, c);
        i += adv;
        k++;
    }
    ck_assert_uint_eq(k, n);
}

START_TEST(test_clusters)
{
    /* e + combining acute; a family (man ZWJ woman ZWJ girl); the flag of France; a
     * heart with the emoji selector; a thumbs-up with a skin tone; an invalid byte. */
    static const size_t l1[] = {1, 3, 1};
    static const int c1[] = {1, 1, 1};
    expect_clusters("ae\xCC\x81z", l1, c1, 3);
    static const size_t l2[] = {18, 1, 8, 1, 6, 1, 8, 1, 1};
    static const int c2[] = {2, 1, 2, 1, 2, 1, 2, 1, 1};
    expect_clusters("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "
                    "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 \xE2\x9D\xA4\xEF\xB8\x8F "
                    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xFF",
                    l2, c2, 9);
    /* Hangul jamo L V T are one syllable, two columns. */
    static const size_t l3[] = {9};
    static const int c3[] = {2};
    expect_clusters("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", l3, c3, 1);
    /* "\r\n" is one cluster; nothing else joins ASCII. */
    static const size_t l4[] = {1, 2, 1};
    static const int c4[] = {1, 1, 1};
    expect_clusters("a\r\nb", l4, c4, 3);
    int c;
    ck_assert_uint_eq(lede_utf8_cluster("", 0, &c), 0);
}
END_TEST

START_TEST(test_cluster_start)
{
    const char *s = "x\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7y"; /* x, flag (8 bytes), y */
    size_t len = strlen(s);

    ck_assert_uint_eq(lede_utf8_cluster_start(s, len, 0), 0);
    ck_assert_uint_eq(lede_utf8_cluster_start(s, len, 1), 1);
    for (size_t at = 2; at < 9; at++)
        ck_assert_uint_eq(lede_utf8_cluster_start(s, len, at), 1);
    ck_assert_uint_eq(lede_utf8_cluster_start(s, len, 9), 9);
    ck_assert_uint_eq(lede_utf8_cluster_start(s, len, 10), 10);
}
END_TEST

START_TEST(test_nfc)
{
    char *out;
    size_t n;

    /* "Zoe" + combining diaeresis is "Zoë" precomposed. */
    ck_assert_int_eq(lede_utf8_nfc("Zoe\xCC\x88", 5, &out, &n), LEDE_OK);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(out, "Zo\xC3\xAB");
    free(out);
    ck_assert_int_eq(lede_utf8_nfc("Zo\xC3\xAB", 4, &out, &n), LEDE_OK);
    ck_assert_str_eq(out, "Zo\xC3\xAB");
    free(out);
    /* ASCII and invalid UTF-8 come back as they are. */
    ck_assert_int_eq(lede_utf8_nfc("Ana", 3, &out, &n), LEDE_OK);
    ck_assert_str_eq(out, "Ana");
    free(out);
    ck_assert_int_eq(lede_utf8_nfc("a\xFF" "e\xCC\x88", 5, &out, &n), LEDE_OK);
    ck_assert_uint_eq(n, 5);
    ck_assert_mem_eq(out, "a\xFF" "e\xCC\x88", 5);
    free(out);
}
END_TEST

/* The quick NFC test's promise, proved against utf8proc for every code point: each
 * character it accepts is its own NFC with combining class 0, and none is the second
 * (or later) character of any canonical decomposition, so none combines with the
 * character before it. */
static bool quick_char(uint32_t cp, char *buf, size_t *len)
{
    *len = lede_utf8_encode(cp, buf);
    return lede_utf8_is_nfc_quick(buf, *len);
}

START_TEST(test_nfc_quick)
{
    char buf[4];
    size_t len;
    uint32_t bad = 0; /* the first code point that breaks the promise (asserting each
                       * one costs Check a checkpoint: a million of them take seconds) */
    for (uint32_t cp = 0; cp <= 0x10FFFF && !bad; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        if (quick_char(cp, buf, &len)) {
            utf8proc_uint8_t *nfc = NULL;
            utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)len,
                                              &nfc, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
            if (n != (utf8proc_ssize_t)len || memcmp(nfc, buf, len) != 0 ||
                utf8proc_get_property((utf8proc_int32_t)cp)->combining_class != 0)
                bad = cp;
            free(nfc);
        }
        utf8proc_int32_t dec[8];
        int last = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char((utf8proc_int32_t)cp, dec, 8,
                                                      UTF8PROC_DECOMPOSE, &last);
        if (nd < 1 || nd > 8)
            bad = cp;
        for (utf8proc_ssize_t k = 1; k < nd && !bad; k++)
            if (quick_char((uint32_t)dec[k], buf, &len))
                bad = cp;
    }
    ck_assert_msg(!bad, "U+%04X", bad);
    /* Strings: accents and curly quotes pass; a combining mark, invalid UTF-8 do not. */
    ck_assert(lede_utf8_is_nfc_quick("Nat\xC3\xA1sha \xE2\x80\x99s", 13));
    ck_assert(lede_utf8_is_nfc_quick("", 0));
    ck_assert(!lede_utf8_is_nfc_quick("Zoe\xCC\x88", 5));
    ck_assert(!lede_utf8_is_nfc_quick("a\xFF", 2));
    ck_assert(!lede_utf8_is_nfc_quick("\xC3", 1));
}
END_TEST

static Suite *utf8_suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("decode");

    tcase_set_timeout(tc, 60);

    tcase_add_test(tc, test_decode_valid);
    tcase_add_test(tc, test_is_control);
    tcase_add_test(tc, test_decode_boundaries);
    tcase_add_test(tc, test_decode_overlong);
    tcase_add_test(tc, test_decode_surrogates_and_range);
    tcase_add_test(tc, test_decode_truncated);
    tcase_add_test(tc, test_decode_latin1);
    tcase_add_test(tc, test_encode_roundtrip);
    tcase_add_test(tc, test_decode_every_code_point);
    tcase_add_test(tc, test_measure_known);
    tcase_add_test(tc, test_measure_every_position);
    tcase_add_test(tc, test_measure_random);
    suite_add_tcase(s, tc);
    tc = tcase_create("width");
    tcase_add_test(tc, test_width_narrow);
    tcase_add_test(tc, test_width_wide);
    tcase_add_test(tc, test_width_zero);
    tcase_add_test(tc, test_width_strings);
    tcase_add_test(tc, test_clusters);
    tcase_add_test(tc, test_cluster_start);
    tcase_add_test(tc, test_nfc);
    tcase_add_test(tc, test_nfc_quick);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(utf8_suite());
}
