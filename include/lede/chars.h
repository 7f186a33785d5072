/* chars.h - character classes the annotator needs, without the C locale.
 *
 * These are approximations tuned for names in news text: letters of the Latin,
 * Greek and Cyrillic blocks are classified exactly enough; other scripts' letters
 * count as word characters without case. */
#ifndef LEDE_CHARS_H
#define LEDE_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Returns true for letters, digits and combining marks. */
bool lede_is_word_cp(uint32_t cp);

/* True for the ASCII letters and digits: lede_is_word_cp for a byte below 0x80, without
 * a call, for the loops that read every byte. */
static inline bool lede_is_ascii_word(unsigned char b)
{
    return (unsigned char)((b | 0x20) - 'a') < 26 || (unsigned char)(b - '0') < 10;
}

/* The bytes of the 8-byte word w that lie in [lo, hi] (ASCII, lo >= 1), as a mask with
 * the top bit of each such byte set: eight bytes classified at once (SWAR). */
static inline uint64_t lede_bytes_between(uint64_t w, unsigned char lo, unsigned char hi)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t low7 = w & ~highs;
    return (ones * (127u + hi + 1) - low7) & ~w & (low7 + ones * (127u - (lo - 1u))) & highs;
}

/* True when s[a..b) is written in capitals ("LONDON 1996-08-30", "SOCCER: ..."): three
 * ASCII capitals or more and at most one small ASCII letter to ten of them. Reads eight
 * bytes at a time (paragraphs are tested whole, so this reads every byte of a text). */
bool lede_caps_line(const char *s, size_t a, size_t b);

/* Returns true for upper-case and title-case letters. */
bool lede_is_upper_cp(uint32_t cp);

/* Returns true for lower-case letters (letters with case that are not upper). */
bool lede_is_lower_cp(uint32_t cp);

/* Returns true for white space, including no-break space and line ends. */
bool lede_is_space_cp(uint32_t cp);

/* Decodes the code point that ends just before s[i] (i > lo), not reading before lo.
 * Stores its byte length in *len. Invalid bytes decode as U+FFFD of length 1. */
uint32_t lede_cp_before(const char *s, size_t lo, size_t i, size_t *len);

/* Decodes the code point at s[i] within s[0..end). Stores its length in *len. */
uint32_t lede_cp_at(const char *s, size_t end, size_t i, size_t *len);

#endif
