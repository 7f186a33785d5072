/* wordhash.h - the hashes the entity tagger's features are made of, private to
 * features.c: a word's hash (eight bytes at a time when it is ASCII, FNV-1a otherwise,
 * curly quotes read as straight ones), a word's shape and a feature's bucket. Inline
 * because the document counts hash every word of a text. Changing any of them changes every
 * feature: retrain the model and bump LEDE_NER_FEATURES_VERSION. O(n) in the word. */
#ifndef LEDE_WORDHASH_H
#define LEDE_WORDHASH_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "lede/chars.h"
#include "lede/features.h"

/* FNV-1a of s[0..n), lower-cased (ASCII) with lower. Curly apostrophes and quotes hash
 * as straight ones: the training text has only straight ones. */
static inline uint64_t fnv(const char *s, size_t n, bool lower)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (lower && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
            unsigned char d = (unsigned char)s[i + 2];
            if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) {
                c = d <= 0x99 ? '\'' : '"';
                i += 2;
            }
        }
        h = (h ^ c) * 0x100000001b3ULL;
    }
    return h;
}

#define HIGHS 0x8080808080808080ULL

/* The bytes s[0..n) (1 <= n <= 8) as memcpy into a zeroed uint64_t gives them, by two
 * overlapping loads instead of a copy of variable length (a library call or a byte
 * loop: that copy was a quarter of word_hash, which reads every word of a text). */
static inline uint64_t load_word(const char *s, size_t n)
{
    uint64_t x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n == 8) {
        memcpy(&x, s, 8);
        return x;
    }
    const unsigned char *t = (const unsigned char *)s;
    if (n >= 4) {
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        return (uint64_t)lo | (uint64_t)hi << (8 * (n - 4)); /* the overlap is the same bytes */
    }
    return (uint64_t)t[0] | (uint64_t)t[n / 2] << (8 * (n / 2)) | (uint64_t)t[n - 1] << (8 * (n - 1));
#else
    memcpy(&x, s, n);
    return x;
#endif
}

static inline uint64_t word_hash_long(const char *s, size_t n, bool lower);

static inline uint64_t word_mix(uint64_t h, uint64_t x)
{
    h = (h ^ x) * 0xff51afd7ed558ccdULL;
    return h ^ (h >> 32);
}

/* The hash of a word, eight bytes at a time when it is ASCII (most words); other words
 * go through fnv() for its quote folding. Lower-cased with lower. word_hashes() below
 * computes both at once: keep the two in step. Inline for words of one piece: the
 * document counts hash every word of a text. */
static inline uint64_t word_hash(const char *s, size_t n, bool lower)
{
    if (n == 0 || n > 8)
        return word_hash_long(s, n, lower);
    uint64_t x = load_word(s, n); /* most words: one piece, no loop */
    if (x & HIGHS)
        return fnv(s, n, lower);
    if (lower)
        x |= lede_bytes_between(x, 'A', 'Z') >> 2;
    return word_mix(0x9E3779B97F4A7C15ULL ^ n, x);
}

/* word_hash() of a word of any length. */
static inline uint64_t word_hash_long(const char *s, size_t n, bool lower)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ n;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t x = load_word(s + i, n - i < 8 ? n - i : 8);
        if (x & HIGHS)
            return fnv(s, n, lower);
        if (lower)
            x |= lede_bytes_between(x, 'A', 'Z') >> 2;
        h = word_mix(h, x);
    }
    return h;
}

/* True when base[at..at + n) is an ASCII word of up to eight bytes that ends at least
 * eight bytes into base, with its bytes in *x as load_word() gives them: by one load of
 * the eight bytes that end where it ends, shifted down. The one reading of
 * word_hash_at(), word_hashes_at() and shape_hash_at(); false otherwise (*x then holds
 * nothing of use), and always on a big-endian machine. */
static inline bool ascii_word_at(const char *base, size_t at, size_t n, uint64_t *x)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n - 1 < 8 && at + n >= 8) {
        memcpy(x, base + at + n - 8, 8);
        *x >>= 64 - 8 * n; /* the word's first byte the lowest, zeros above its last */
        return !(*x & HIGHS);
    }
#else
    (void)base, (void)at, (void)n, (void)x;
#endif
    return false;
}

/* word_hash(base + at, n, lower) of a word whose eight bytes before its end are
 * readable too (base[0..at + n) is: a paragraph and a word in it). A word of up to
 * eight ASCII bytes is read by one load of the eight bytes that end where it ends,
 * shifted down: the same bytes as load_word() gives, without its branches on the
 * length, which the count pass (a hash for every word of a text) mispredicted for one
 * word in three (cachegrind). */
static inline uint64_t word_hash_at(const char *base, size_t at, size_t n, bool lower)
{
    uint64_t x;
    if (ascii_word_at(base, at, n, &x)) {
        if (lower)
            x |= lede_bytes_between(x, 'A', 'Z') >> 2;
        return word_mix(0x9E3779B97F4A7C15ULL ^ n, x);
    }
    return word_hash(base + at, n, lower);
}

/* word_hash(s, n, false) into *word and word_hash(s, n, true) into *lower, reading the
 * word once when it is ASCII. */
static inline void word_hashes(const char *s, size_t n, uint64_t *word, uint64_t *lower)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ n, hl = h;
    for (size_t i = 0; i < n; i += 8) {
        uint64_t x = load_word(s + i, n - i < 8 ? n - i : 8);
        if (x & HIGHS) {
            *word = fnv(s, n, false);
            *lower = fnv(s, n, true);
            return;
        }
        h = word_mix(h, x);
        hl = word_mix(hl, x | lede_bytes_between(x, 'A', 'Z') >> 2);
    }
    *word = h;
    *lower = hl;
}

/* word_hashes() of base[at..at + n), read as word_hash_at() reads it. */
static inline void word_hashes_at(const char *base, size_t at, size_t n, uint64_t *word,
                                  uint64_t *lower)
{
    uint64_t x;
    if (ascii_word_at(base, at, n, &x)) {
        *word = word_mix(0x9E3779B97F4A7C15ULL ^ n, x);
        *lower = word_mix(0x9E3779B97F4A7C15ULL ^ n, x | lede_bytes_between(x, 'A', 'Z') >> 2);
        return;
    }
    word_hashes(base + at, n, word, lower);
}

#define SHAPE_MAX 12 /* a shape keeps this many classes after runs are collapsed */

static inline char shape_class(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z'   ? 'X'
               : c >= 'a' && c <= 'z' ? 'x'
               : c >= '0' && c <= '9' ? 'd'
                                      : (char)c;
    return lede_is_upper_cp(c) ? 'X' : lede_is_lower_cp(c) ? 'x' : 'o';
}

/* The word's shape ("Xxxx", "XX", "dd-dd": classes of characters, runs collapsed). */
static inline uint64_t shape_hash(const char *s, size_t n)
{
    char shape[SHAPE_MAX];
    size_t k = 0, len;
    for (size_t i = 0; i < n && k < SHAPE_MAX; i += len) {
        unsigned char b = (unsigned char)s[i];
        uint32_t c = b < 0x80 ? (len = 1, b) : lede_cp_at(s, n, i, &len);
        char cls = shape_class(c);
        if (k == 0 || shape[k - 1] != cls)
            shape[k++] = cls;
    }
    return fnv(shape, k, false);
}

/* shape_hash() of base[at..at + n), read as word_hash_at() reads it: an ASCII word of up
 * to eight bytes has its bytes' classes found at once, and only the first byte of each
 * run is visited (a loop over every byte, asking its class, was mispredicted for one
 * word in two). */
static inline uint64_t shape_hash_at(const char *base, size_t at, size_t n)
{
#if defined(__GNUC__)
    uint64_t x;
    if (ascii_word_at(base, at, n, &x)) {
        const uint64_t lows7 = 0x7F7F7F7F7F7F7F7FULL;
        /* 1 in each byte of the class */
        uint64_t up = lede_bytes_between(x, 'A', 'Z') >> 7;
        uint64_t low = lede_bytes_between(x, 'a', 'z') >> 7;
        uint64_t dig = lede_bytes_between(x, '0', '9') >> 7;
        uint64_t cls = (x & ~((up | low | dig) * 0xFF)) | up * 'X' | low * 'x' | dig * 'd';
        uint64_t diff = cls ^ (cls << 8); /* byte i: 0 when it is byte i - 1's class */
        uint64_t same = ~(((diff & lows7) + lows7) | diff | lows7); /* 0x80: a zero byte */
        uint64_t in_word = n == 8 ? HIGHS : HIGHS & ((1ULL << (8 * n)) - 1);
        uint64_t starts = (~same & in_word) | 0x80; /* the first byte starts a run */
        char shape[8];
        size_t k = 0;
        for (; starts; starts &= starts - 1)
            shape[k++] = (char)(cls >> (__builtin_ctzll(starts) - 7));
        return fnv(shape, k, false);
    }
#endif
    return shape_hash(base + at, n);
}

static inline uint32_t bucket(uint64_t tmpl, uint64_t a, uint64_t b)
{
    uint64_t h = (tmpl + 1) * 0x9E3779B97F4A7C15ULL ^ a;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h ^= b;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return (uint32_t)(h & (LEDE_NER_BUCKETS - 1));
}

#endif
