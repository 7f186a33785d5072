/* utf8.h - decoding and display width, independent of the C locale. */
#ifndef LEDE_UTF8_H
#define LEDE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lede/status.h"

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

/* Returns the number of terminal columns code point cp takes (utf8proc's tables): 0 for
 * combining marks and zero-width characters, 2 for East Asian wide and full-width
 * characters and emoji, 1 otherwise. Control characters count 1 (they are shown as a
 * replacement). */
int lede_utf8_width(uint32_t cp);

/* Returns the length of the grapheme cluster (Unicode's extended grapheme cluster, from
 * utf8proc) that starts at s[0..len): a character with its combining marks, an emoji ZWJ
 * sequence, a flag, a Hangul syllable of jamo. Stores its columns in *cols: the first
 * character's width, 2 for a flag or with an emoji presentation selector (U+FE0F). An
 * invalid byte is a cluster of one byte, one column. 0 only when len is 0. What a screen
 * line or a cursor step must never split. */
size_t lede_utf8_cluster(const char *s, size_t len, int *cols);

/* Returns the start of the grapheme cluster of s[0..len) that holds offset at (at
 * itself when a cluster starts there, len when at >= len): where a backspace at `at`
 * goes. Scans from the start: for short strings (a prompt). */
size_t lede_utf8_cluster_start(const char *s, size_t len, size_t at);

/* Stores in *out (malloc'd, NUL-terminated, *out_len bytes) the NFC form of s[0..len)
 * (canonical composition: "e" + U+0308 becomes U+00EB), the key under which two spellings
 * of one name are the same name. ASCII and invalid UTF-8 are copied as they are. NOMEM
 * on failure. Call it on an entity's name before comparing or hashing it. */
lede_status lede_utf8_nfc(const char *s, size_t len, char **out, size_t *out_len);

/* True when s[0..len) is valid UTF-8 that is its own NFC by a quick test: each of its
 * characters is of a set that never changes under NFC (ASCII, Latin letters with their
 * accents, common punctuation). False means it may or may not be. O(len), no allocation. */
bool lede_utf8_is_nfc_quick(const char *s, size_t len);

/* Returns true for a C0 or C1 control character or DEL (U+0000-U+001F, U+007F-U+009F):
 * the characters that would act on a terminal instead of being shown. */
bool lede_utf8_is_control(uint32_t cp);

/* Encodes cp into out (at least 4 bytes) and returns the number of bytes written. A
 * surrogate or a value past U+10FFFF is encoded as LEDE_UTF8_REPLACEMENT. */
size_t lede_utf8_encode(uint32_t cp, char *out);

#endif
