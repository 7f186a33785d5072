/* lexicon.c - word lists in one open-addressing hash table keyed by the entry text.
 *
 * One record per distinct text holds the set of kinds it is an entry of, so the
 * annotator learns everything about a word with one lookup. A record also notes the
 * kinds of which the text is the first word of a longer entry ("Prime" of "Prime
 * Minister"), so a caller can skip building multi-word keys that cannot match.
 * The records are the table's slots: 32 bytes, two to a cache line, with the text in
 * the slot when it has at most SLOT_TEXT bytes (nearly every word the annotator asks
 * about), so a lookup that finds its word touches one cache line, not three (slot,
 * record, text): the table is large and mostly out of cache while a text is annotated,
 * and a perf profile of War and Peace had 11% of all time in this file's probe loop,
 * most of it waiting for those lines. Nearly half the lookups find nothing (a
 * multi-word key, a word of no list): a filter of FILTER_BITS bits per slot, one set
 * per text held, answers most of those from 32 KiB instead of the 1 MiB table. Longer
 * texts and the values live in an arena of fixed blocks that never move, so the
 * pointers the table (and lede_lexicon_value) hand out stay valid until the lexicon is
 * freed. The table is at most half full.
 *
 * Bounds: adding a buffer is O(n) in its bytes (each line is normalised and hashed
 * once; the table doubles); a lookup is O(key length). An entry holds at most
 * LEDE_LEX_MAX_WORDS words and LEDE_LEX_MAX_BYTES bytes (a longer one is reported and
 * skipped): the annotator tries multi-word keys of up to lede_lexicon_max_words()
 * words at every name, so one huge [title] entry once made annotation ~150 times
 * slower. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lede/blob.h"
#include "lede/grow.h"
#include "lede/lexicon.h"
#include "lede/termsafe.h"
#include "lede/text.h"

#define BLOCK_SIZE 65536
#define INITIAL_SLOTS 1024
#define MAX_REPORTS 20 /* bad lines reported per buffer; the rest are counted in one line */
#define SLOT_TEXT 16   /* texts of up to this many bytes are kept in their slot */
/* Filter bits per slot: at most 1 in 16 set (the table is at most half full), so about
 * 5% of the texts not held pass it. 4 and 16 missed the cache more than 8 (cachegrind,
 * War and Peace, L2 modelled as 1 MiB). */
#define FILTER_BITS 8
#define LINE 64 /* the slots start on a cache line, so that none straddles two */

_Static_assert(LEDE_LEX_MAX_BYTES <= UINT16_MAX, "a slot's len is 16 bits");

struct block {
    struct block *next;
    size_t used, cap;
    char data[];
};

/* One distinct text: an entry, or the first word of one. */
struct slot {
    uint16_t tag;    /* the hash's high 16 bits: most probes past other texts stop here */
    uint16_t len;    /* the text's bytes; 0: the slot is empty */
    uint32_t kinds;  /* bit k: an entry of kind k */
    uint32_t starts; /* bit k: the first word of a longer entry of kind k */
    uint32_t values; /* index + 1 into lex->values; 0 when no kind has a value */
    union {
        char text[SLOT_TEXT]; /* len <= SLOT_TEXT */
        const char *far;      /* longer: the text in the arena */
    } u;
};
_Static_assert(sizeof(struct slot) == 32 && LINE % sizeof(struct slot) == 0,
               "slots pack whole into cache lines");

struct lede_lexicon {
    struct slot *slots; /* cap of them, LINE-aligned */
    size_t cap;         /* a power of two */
    uint64_t *filter;   /* FILTER_BITS * cap bits: bit filter_bit(hash) set for every text held */
    size_t used;        /* slots in use */
    const char *(*values)[LEDE_LEX_KINDS]; /* per record with values: one per kind */
    size_t n_values, cap_values;
    size_t count[LEDE_LEX_KINDS];
    int max_words[LEDE_LEX_KINDS];
    struct block *blocks;
};

/* Unsized, so that a kind added to lede_lex_kind without its name here fails to build
 * (a sized array would hold NULL for it, and kind_from_name would read it). */
static const char *const kind_names[] = {
    "first",   "person", "title",    "place",     "placeword", "org",
    "orgword", "group",  "demonym",  "verb",      "stop",      "particle",
    "quote",   "gender", "modifier", "honorific", "connector", "clause",
};
_Static_assert(sizeof kind_names / sizeof *kind_names == LEDE_LEX_KINDS,
               "one section name per lede_lex_kind");

static uint64_t mix(uint64_t h, uint64_t x)
{
    h = (h ^ x) * 0xFF51AFD7ED558CCDULL;
    return h ^ (h >> 32);
}

static uint64_t load32(const char *p)
{
    uint32_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

/* Hashes the bytes eight at a time, the last 1 to 7 with overlapping
 * loads (words are short; FNV-1a's byte loop was the larger part of a lookup). */
static uint64_t hash_key(const char *word, size_t len)
{
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, word + i, sizeof x);
        h = mix(h, x);
    }
    size_t rest = len - i;
    const unsigned char *t = (const unsigned char *)word + i;
    if (rest >= 4)
        h = mix(h, load32(word + i) | load32(word + len - 4) << 32);
    else if (rest > 0)
        h = mix(h, (uint64_t)t[0] | (uint64_t)t[rest / 2] << 8 | (uint64_t)t[rest - 1] << 16);
    h ^= h >> 29;
    h *= 0xC4CEB9FE1A85EC53ULL;
    return h ^ (h >> 32);
}

/* Copies len bytes plus a NUL into the arena. */
static char *arena_copy(lede_lexicon *lex, const char *s, size_t len)
{
    struct block *b = lex->blocks;
    if (!b || b->cap - b->used < len + 1) {
        size_t cap = len + 1 > BLOCK_SIZE ? len + 1 : BLOCK_SIZE;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = lex->blocks;
        lex->blocks = b;
    }
    char *p = b->data + b->used;
    memcpy(p, s, len);
    p[len] = '\0';
    b->used += len + 1;
    return p;
}

static uint64_t load64(const char *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

/* a[0..len) == b[0..len) for 1 <= len <= SLOT_TEXT, by two overlapping loads from
 * each (a call to memcmp cost more than the compare). */
static bool same_short(const char *a, const char *b, size_t len)
{
    if (len >= 8)
        return load64(a) == load64(b) && load64(a + len - 8) == load64(b + len - 8);
    if (len >= 4)
        return load32(a) == load32(b) && load32(a + len - 4) == load32(b + len - 4);
    return a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1];
}

static const char *slot_text(const struct slot *s)
{
    return s->len <= SLOT_TEXT ? s->u.text : s->u.far;
}

/* The index of the slot holding word, or of the empty slot where it would go. */
static size_t find_slot(const struct slot *slots, size_t cap, uint64_t hash, const char *word,
                        size_t len)
{
    size_t mask = cap - 1;
    uint16_t tag = (uint16_t)(hash >> 48);
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        const struct slot *s = &slots[i];
        if (!s->len)
            return i;
        if (s->tag != tag || s->len != len)
            continue;
        if (len <= SLOT_TEXT ? same_short(s->u.text, word, len) : memcmp(s->u.far, word, len) == 0)
            return i;
    }
}

/* cap empty slots, LINE-aligned; NULL when out of memory. */
static struct slot *new_slots(size_t cap)
{
    size_t bytes = cap * sizeof(struct slot); /* a multiple of LINE: cap >= 2 */
    struct slot *slots = aligned_alloc(LINE, bytes);
    if (slots)
        memset(slots, 0, bytes);
    return slots;
}

/* The filter bit of a hash among cap * FILTER_BITS: bits of the hash that the slot
 * index (the low ones) and the tag (the high 16) do not use, up to 2^20 slots. */
static size_t filter_bit(uint64_t hash, size_t cap)
{
    return (size_t)(hash >> 20) & (cap * FILTER_BITS - 1);
}

static bool filter_has(const uint64_t *filter, size_t bit)
{
    return filter[bit / 64] >> (bit % 64) & 1;
}

static void filter_set(uint64_t *filter, size_t bit)
{
    filter[bit / 64] |= 1ULL << (bit % 64);
}

/* Rehashes every record into a table of cap slots (a power of two), and rebuilds the
 * filter for it. */
static lede_status resize(lede_lexicon *lex, size_t cap)
{
    struct slot *slots = new_slots(cap);
    uint64_t *filter = calloc(cap * FILTER_BITS / 64, sizeof *filter);
    if (!slots || !filter) {
        free(slots);
        free(filter);
        return LEDE_ERR_NOMEM;
    }
    for (size_t i = 0; i < lex->cap; i++) {
        const struct slot *s = &lex->slots[i];
        if (!s->len)
            continue;
        uint64_t hash = hash_key(slot_text(s), s->len);
        slots[find_slot(slots, cap, hash, slot_text(s), s->len)] = *s;
        filter_set(filter, filter_bit(hash, cap));
    }
    free(lex->slots);
    free(lex->filter);
    lex->slots = slots;
    lex->filter = filter;
    lex->cap = cap;
    return LEDE_OK;
}

/* Makes room for n more records without a resize, so that slot pointers taken after
 * this stay valid while up to n texts are interned. */
static lede_status reserve(lede_lexicon *lex, size_t n)
{
    size_t cap = lex->cap;
    while ((lex->used + n) * 2 > cap)
        cap *= 2;
    if (cap > UINT32_MAX) /* a lede_lex_word's id is a slot's index + 1 */
        return LEDE_ERR_NOMEM;
    return cap == lex->cap ? LEDE_OK : resize(lex, cap);
}

/* Returns the record of text[0..len), adding an empty one if there is none; NULL when
 * out of memory. Room for it must have been reserved. */
static struct slot *intern(lede_lexicon *lex, const char *text, size_t len)
{
    uint64_t hash = hash_key(text, len);
    struct slot *s = &lex->slots[find_slot(lex->slots, lex->cap, hash, text, len)];
    if (s->len)
        return s;
    *s = (struct slot){.tag = (uint16_t)(hash >> 48), .len = (uint16_t)len};
    filter_set(lex->filter, filter_bit(hash, lex->cap));
    if (len <= SLOT_TEXT) {
        memcpy(s->u.text, text, len);
    } else if ((s->u.far = arena_copy(lex, text, len)) == NULL) {
        s->len = 0;
        return NULL;
    }
    lex->used++;
    return s;
}

/* Sets w's value for kind, giving w a row of values when it first needs one. */
static lede_status set_value(lede_lexicon *lex, struct slot *w, lede_lex_kind kind,
                             const char *value)
{
    if (!w->values) {
        if (!value)
            return LEDE_OK;
        if (LEDE_GROW(lex->values, lex->cap_values, lex->n_values + 1) != LEDE_OK)
            return LEDE_ERR_NOMEM;
        memset(lex->values[lex->n_values], 0, sizeof lex->values[0]);
        w->values = (uint32_t)++lex->n_values;
    }
    lex->values[w->values - 1][kind] = value;
    return LEDE_OK;
}

/* Length of the first word of an entry: up to a space or a no-break space, the gaps a
 * caller's multi-word key may hold. */
static size_t first_word_len(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == ' ' || (s[i] == '\xC2' && i + 1 < len && s[i + 1] == '\xA0'))
            return i;
    return len;
}

static int count_words(const char *s, size_t len)
{
    int n = 1;
    for (size_t i = 0; i < len; i++)
        if (s[i] == ' ')
            n++;
    return n;
}

/* Adds an already normalised entry; an existing entry of the same kind gets the new
 * value, so a user's list can override a built-in one. */
static lede_status add_entry(lede_lexicon *lex, lede_lex_kind kind, const char *word, size_t len,
                             const char *value, size_t vlen)
{
    const char *v = NULL;
    if (value && vlen > 0) {
        v = arena_copy(lex, value, vlen);
        if (!v)
            return LEDE_ERR_NOMEM;
    }
    /* Everything that can fail comes first, so that a failure leaves no half-added
     * entry behind. Room for both records is made first, so that interning the entry
     * does not move the first word's. */
    if (reserve(lex, 2) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    size_t first = first_word_len(word, len);
    struct slot *h = NULL;
    if (first > 0 && first < len && (h = intern(lex, word, first)) == NULL)
        return LEDE_ERR_NOMEM;
    struct slot *w = intern(lex, word, len);
    if (!w)
        return LEDE_ERR_NOMEM;
    lede_status st = set_value(lex, w, kind, v);
    if (st != LEDE_OK)
        return st;
    uint32_t bit = LEDE_LEX_BIT(kind);
    if (h)
        h->starts |= bit;
    if (w->kinds & bit)
        return LEDE_OK;
    w->kinds |= bit;
    lex->count[kind]++;
    int words = count_words(word, len);
    if (words > lex->max_words[kind])
        lex->max_words[kind] = words;
    return LEDE_OK;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Copies s[0..len) into out with blanks trimmed and inner runs collapsed to one space.
 * out must hold len bytes. Returns the new length. */
static size_t normalise(const char *s, size_t len, char *out)
{
    size_t n = 0;
    bool gap = false;
    for (size_t i = 0; i < len; i++) {
        if (is_blank(s[i])) {
            gap = n > 0;
            continue;
        }
        if (gap)
            out[n++] = ' ';
        gap = false;
        out[n++] = s[i];
    }
    return n;
}

static int kind_from_name(const char *s, size_t len)
{
    for (int k = 0; k < LEDE_LEX_KINDS; k++)
        if (strlen(kind_names[k]) == len && memcmp(kind_names[k], s, len) == 0)
            return k;
    return -1;
}

static lede_status new_lexicon(lede_lexicon **out)
{
    *out = NULL;
    lede_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex)
        return LEDE_ERR_NOMEM;
    if (resize(lex, INITIAL_SLOTS) != LEDE_OK) {
        free(lex);
        return LEDE_ERR_NOMEM;
    }
    *out = lex;
    return LEDE_OK;
}

lede_status lede_lexicon_new_empty(lede_lexicon **out)
{
    return new_lexicon(out);
}

lede_status lede_lexicon_new(lede_lexicon **out)
{
    lede_lexicon *lex;
    lede_status st = new_lexicon(&lex);
    if (st != LEDE_OK)
        return st;
    /* Size the table once for the built-in entries (a line each, and the first words of
     * some), instead of rehashing it at every doubling while they are added. */
    size_t lines = 0, cap = lex->cap;
    for (size_t i = 0; i < lede_blob_lexicon_count; i++)
        for (const char *p = lede_blob_lexicon[i].data, *e = p + lede_blob_lexicon[i].len;
             (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
            lines++;
    while (cap < 2 * (lines + lines / 4))
        cap *= 2;
    if (cap > lex->cap)
        st = resize(lex, cap);
    for (size_t i = 0; st == LEDE_OK && i < lede_blob_lexicon_count; i++) {
        const struct lede_blob *b = &lede_blob_lexicon[i];
        st = lede_lexicon_add_buffer(lex, b->data, b->len, b->name, NULL);
    }
    if (st != LEDE_OK) {
        lede_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return LEDE_OK;
}

/* State carried from line to line while parsing one buffer. */
struct parser {
    lede_lexicon *lex;
    const char *name;
    FILE *diag;
    int kind;        /* -1: no valid section yet */
    bool in_unknown; /* inside a reported unknown section: skip its entries quietly */
    bool bad;
    size_t reports;
};

/* Reports a bad line as "lede: file:line: message" (the first MAX_REPORTS of a buffer)
 * and marks the buffer bad; the line's text goes through the terminal filter, and a
 * long one is cut. */
static void report(struct parser *p, size_t line, const char *msg, const char *arg, size_t arglen)
{
    enum { SHOWN = 80 };
    p->bad = true;
    if (!p->diag || ++p->reports > MAX_REPORTS)
        return;
    lede_termsafe_printf(p->diag, "lede: %s:%zu: %s%.*s%s\n", p->name ? p->name : "<lexicon>", line,
                         msg, (int)(arglen > SHOWN ? SHOWN : arglen), arg,
                         arglen > SHOWN ? "..." : "");
}

/* Parses one normalised, non-empty, non-comment line. */
static lede_status parse_line(struct parser *p, const char *s, size_t n, size_t lineno)
{
    if (s[0] == '[') {
        if (s[n - 1] != ']') {
            report(p, lineno, "section line lacks a closing ']'", "", 0);
            p->kind = -1;
            p->in_unknown = true;
            return LEDE_OK;
        }
        /* "[ first ]" names the same section as "[first]". */
        size_t b = 1, e = n - 1;
        while (b < e && s[b] == ' ')
            b++;
        while (e > b && s[e - 1] == ' ')
            e--;
        p->kind = kind_from_name(s + b, e - b);
        p->in_unknown = p->kind < 0;
        if (p->kind < 0) {
            report(p, lineno, "unknown section ", s, n);
        }
        return LEDE_OK;
    }
    if (p->kind < 0) {
        if (!p->in_unknown) {
            report(p, lineno, "entry before any [section]: ", s, n);
        }
        return LEDE_OK;
    }
    const char *eq = memchr(s, '=', n);
    size_t wlen = eq ? (size_t)(eq - s) : n;
    const char *value = eq ? eq + 1 : NULL;
    size_t vlen = eq ? n - wlen - 1 : 0;
    while (wlen > 0 && s[wlen - 1] == ' ')
        wlen--;
    while (vlen > 0 && value[0] == ' ')
        value++, vlen--;
    if (wlen == 0) {
        report(p, lineno, "empty entry", "", 0);
        return LEDE_OK;
    }
    if (eq && vlen == 0) {
        report(p, lineno, "empty value after '=' for ", s, wlen);
        return LEDE_OK;
    }
    if (memchr(s, '\0', n)) {
        report(p, lineno, "NUL byte in entry", "", 0);
        return LEDE_OK;
    }
    if (wlen > LEDE_LEX_MAX_BYTES || vlen > LEDE_LEX_MAX_BYTES ||
        count_words(s, wlen) > LEDE_LEX_MAX_WORDS) {
        report(p, lineno, "entry longer than " LEDE_LEX_MAX_TEXT " skipped: ", s, wlen);
        return LEDE_OK;
    }
    return add_entry(p->lex, (lede_lex_kind)p->kind, s, wlen, value, vlen);
}

lede_status lede_lexicon_add_buffer(lede_lexicon *lex, const char *buf, size_t len,
                                    const char *name, FILE *diag)
{
    struct parser p = {.lex = lex, .name = name, .diag = diag, .kind = -1};
    char *line = NULL;
    size_t linecap = 0;
    size_t lineno = 0;
    lede_status st = LEDE_OK;
    for (size_t pos = 0; pos < len && st == LEDE_OK;) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - buf) : len;
        size_t raw = end - pos;
        lineno++;
        if (LEDE_GROW(line, linecap, raw + 1) != LEDE_OK) {
            st = LEDE_ERR_NOMEM;
            break;
        }
        size_t n = normalise(buf + pos, raw, line);
        if (n > 0 && line[0] != '#')
            st = parse_line(&p, line, n, lineno);
        pos = end + 1;
    }
    free(line);
    if (p.diag && p.reports > MAX_REPORTS)
        lede_termsafe_printf(p.diag, "lede: %s: %zu more bad lines not shown\n",
                             name ? name : "<lexicon>", p.reports - MAX_REPORTS);
    if (st != LEDE_OK)
        return st;
    return p.bad ? LEDE_ERR_SYNTAX : LEDE_OK;
}

lede_status lede_lexicon_add_file(lede_lexicon *lex, const char *path, FILE *diag)
{
    char *buf;
    size_t len;
    lede_status st = lede_file_read(path, SIZE_MAX, &buf, &len);
    if (st != LEDE_OK)
        return st;
    st = lede_lexicon_add_buffer(lex, buf, len, path, diag);
    free(buf);
    return st;
}

lede_status lede_lexicon_add(lede_lexicon *lex, lede_lex_kind kind, const char *word,
                             const char *value)
{
    if ((unsigned)kind >= LEDE_LEX_KINDS || !word)
        return LEDE_ERR_SYNTAX;
    size_t wraw = strlen(word), vraw = value ? strlen(value) : 0;
    char *tmp = malloc(wraw + vraw + 1);
    if (!tmp)
        return LEDE_ERR_NOMEM;
    size_t wlen = normalise(word, wraw, tmp);
    size_t vlen = value ? normalise(value, vraw, tmp + wlen) : 0;
    bool fits = wlen <= LEDE_LEX_MAX_BYTES && vlen <= LEDE_LEX_MAX_BYTES &&
                count_words(tmp, wlen) <= LEDE_LEX_MAX_WORDS;
    lede_status st =
        wlen == 0 || !fits ? LEDE_ERR_SYNTAX : add_entry(lex, kind, tmp, wlen, tmp + wlen, vlen);
    free(tmp);
    return st;
}

lede_lex_word lede_lexicon_find(const lede_lexicon *lex, const char *word, size_t len)
{
    lede_lex_word none = {0, 0, 0};
    if (!lex || !word || len == 0 || len > LEDE_LEX_MAX_BYTES)
        return none; /* no entry is longer */
    uint64_t hash = hash_key(word, len);
    if (!filter_has(lex->filter, filter_bit(hash, lex->cap)))
        return none; /* most words asked about are no entry: decided in the small filter */
    size_t i = find_slot(lex->slots, lex->cap, hash, word, len);
    const struct slot *s = &lex->slots[i];
    if (!s->len)
        return none;
    return (lede_lex_word){s->kinds, s->starts, (uint32_t)i + 1};
}

const char *lede_lexicon_word_value(const lede_lexicon *lex, lede_lex_word w, lede_lex_kind kind)
{
    if (!lex || (unsigned)kind >= LEDE_LEX_KINDS || !(w.kinds & LEDE_LEX_BIT(kind)) || !w.id ||
        w.id > lex->cap)
        return NULL;
    uint32_t row = lex->slots[w.id - 1].values;
    const char *value = row ? lex->values[row - 1][kind] : NULL;
    return value ? value : "";
}

bool lede_lexicon_has(const lede_lexicon *lex, lede_lex_kind kind, const char *word, size_t len)
{
    return (unsigned)kind < LEDE_LEX_KINDS &&
           (lede_lexicon_find(lex, word, len).kinds & LEDE_LEX_BIT(kind));
}

const char *lede_lexicon_value(const lede_lexicon *lex, lede_lex_kind kind, const char *word,
                               size_t len)
{
    return lede_lexicon_word_value(lex, lede_lexicon_find(lex, word, len), kind);
}

int lede_lexicon_max_words(const lede_lexicon *lex, lede_lex_kind kind)
{
    if (!lex || (unsigned)kind >= LEDE_LEX_KINDS)
        return 0;
    return lex->max_words[kind];
}

size_t lede_lexicon_count(const lede_lexicon *lex, lede_lex_kind kind)
{
    if (!lex || (unsigned)kind >= LEDE_LEX_KINDS)
        return 0;
    return lex->count[kind];
}

void lede_lexicon_free(lede_lexicon *lex)
{
    if (!lex)
        return;
    while (lex->blocks) {
        struct block *next = lex->blocks->next;
        free(lex->blocks);
        lex->blocks = next;
    }
    free(lex->slots);
    free(lex->filter);
    free(lex->values);
    free(lex);
}
