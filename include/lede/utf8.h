/* utf8.h - decoding and display width, independent of the C locale. */
#ifndef LEDE_UTF8_H
#define LEDE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LEDE_UTF8_REPLACEMENT 0xFFFDu

/* Decodes one code point from s[0..len). Stores its length in *adv (always >= 1 when
 * len > 0) and returns it; an invalid, overlong, surrogate or truncated sequence yields
 * LEDE_UTF8_REPLACEMENT with *adv = 1, so every byte is consumed exactly once. */
uint32_t lede_utf8_decode(const char *s, size_t len, size_t *adv);

/* Returns how many of the len bytes of s are not part of a valid UTF-8 sequence. */
size_t lede_utf8_invalid_count(const char *s, size_t len);

/* Scans the len bytes of s once: stores in *invalid what lede_utf8_invalid_count() returns,
 * and returns how many bytes are not continuation bytes (10xxxxxx), which is the number of
 * code points when s is valid UTF-8. */
size_t lede_utf8_measure(const char *s, size_t len, size_t *invalid);

/* Returns the number of terminal columns code point cp takes: 0 for combining marks and
 * zero-width characters, 2 for East Asian wide and full-width characters and emoji, 1
 * otherwise. Control characters count 1 (they are shown as a replacement). */
int lede_utf8_width(uint32_t cp);

/* Returns true for a C0 or C1 control character or DEL (U+0000-U+001F, U+007F-U+009F):
 * the characters that would act on a terminal instead of being shown. */
bool lede_utf8_is_control(uint32_t cp);

/* Encodes cp into out (at least 4 bytes) and returns the number of bytes written. A
 * surrogate or a value past U+10FFFF is encoded as LEDE_UTF8_REPLACEMENT. */
size_t lede_utf8_encode(uint32_t cp, char *out);

#endif
