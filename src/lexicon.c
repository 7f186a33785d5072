/* lexicon.c - word lists in one open-addressing hash table keyed by the entry text.
 *
 * One record per distinct text holds the set of kinds it is an entry of, so the
 * annotator learns everything about a word with one lookup. A record also notes the
 * kinds of which the text is the first word of a longer entry ("Prime" of "Prime
 * Minister"), so a caller can skip building multi-word keys that cannot match.
 * Strings live in an arena of fixed blocks that never move, so the pointers the
 * table (and lede_lexicon_value) hand out stay valid until the lexicon is freed.
 * Most lookups miss, so the table is small and dense: a slot is 8 bytes (a 32-bit tag
 * of the hash and a record number), at most half full, and a miss is decided from the
 * tags alone, mostly within one cache line, without touching records or strings.
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

struct block {
    struct block *next;
    size_t used, cap;
    char data[];
};

struct word {
    const char *text;
    uint32_t len;
    uint32_t kinds;  /* bit k: an entry of kind k */
    uint32_t starts; /* bit k: the first word of a longer entry of kind k */
    uint32_t values; /* index + 1 into lex->values; 0 when no kind has a value */
};

struct lede_lexicon {
    uint64_t *slots; /* 0: empty; else the hash's high 32 bits, then record index + 1 */
    size_t cap;      /* a power of two */
    struct word *words;
    size_t used, cap_words;
    const char *(*values)[LEDE_LEX_KINDS]; /* per record with values: one per kind */
    size_t n_values, cap_values;
    size_t count[LEDE_LEX_KINDS];
    int max_words[LEDE_LEX_KINDS];
    struct block *blocks;
};

static const char *const kind_names[LEDE_LEX_KINDS] = {
    "first",   "person", "title",    "place",     "placeword", "org",   "orgword",
    "group",   "demonym", "verb",    "stop",      "particle",  "quote", "gender",
    "modifier", "honorific", "connector", "surname",
};

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

/* Returns the slot holding word or the empty slot where it would go. */
static uint64_t *find_slot(const lede_lexicon *lex, uint64_t *slots, size_t cap, uint64_t hash,
                           const char *word, size_t len)
{
    size_t mask = cap - 1;
    uint32_t tag = (uint32_t)(hash >> 32);
    for (size_t i = (size_t)hash & mask;; i = (i + 1) & mask) {
        uint64_t v = slots[i];
        if (!v)
            return &slots[i];
        if ((uint32_t)(v >> 32) != tag)
            continue;
        const struct word *w = &lex->words[(uint32_t)v - 1];
        if (w->len == len && memcmp(w->text, word, len) == 0)
            return &slots[i];
    }
}

/* Rehashes every record into a table of cap slots (a power of two). */
static lede_status resize(lede_lexicon *lex, size_t cap)
{
    uint64_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < lex->used; i++) {
        const struct word *w = &lex->words[i];
        uint64_t hash = hash_key(w->text, w->len);
        *find_slot(lex, slots, cap, hash, w->text, w->len) =
            (hash & 0xFFFFFFFF00000000ULL) | (uint64_t)(i + 1);
    }
    free(lex->slots);
    lex->slots = slots;
    lex->cap = cap;
    return LEDE_OK;
}

/* Returns the record of text[0..len), adding an empty one if there is none; NULL when
 * out of memory. */
static struct word *intern(lede_lexicon *lex, const char *text, size_t len)
{
    if (len > UINT32_MAX || lex->used >= UINT32_MAX - 1)
        return NULL;
    if ((lex->used + 1) * 2 > lex->cap && resize(lex, lex->cap * 2) != LEDE_OK)
        return NULL;
    uint64_t hash = hash_key(text, len);
    uint64_t *slot = find_slot(lex, lex->slots, lex->cap, hash, text, len);
    if (*slot)
        return &lex->words[(uint32_t)*slot - 1];
    if (LEDE_GROW(lex->words, lex->cap_words, lex->used + 1) != LEDE_OK)
        return NULL;
    const char *copy = arena_copy(lex, text, len);
    if (!copy)
        return NULL;
    lex->words[lex->used] = (struct word){.text = copy, .len = (uint32_t)len};
    *slot = (hash & 0xFFFFFFFF00000000ULL) | (uint64_t)(lex->used + 1);
    return &lex->words[lex->used++];
}

/* Sets w's value for kind, giving w a row of values when it first needs one. */
static lede_status set_value(lede_lexicon *lex, struct word *w, lede_lex_kind kind,
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
     * entry behind. The first word's record goes in before the entry's (interning may
     * move the records), and is kept by its index. */
    size_t first = first_word_len(word, len), head = SIZE_MAX;
    if (first > 0 && first < len) {
        struct word *h = intern(lex, word, first);
        if (!h)
            return LEDE_ERR_NOMEM;
        head = (size_t)(h - lex->words);
    }
    struct word *w = intern(lex, word, len);
    if (!w)
        return LEDE_ERR_NOMEM;
    lede_status st = set_value(lex, w, kind, v);
    if (st != LEDE_OK)
        return st;
    uint32_t bit = LEDE_LEX_BIT(kind);
    if (head != SIZE_MAX)
        lex->words[head].starts |= bit;
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
    lex->slots = calloc(INITIAL_SLOTS, sizeof *lex->slots);
    if (!lex->slots) {
        free(lex);
        return LEDE_ERR_NOMEM;
    }
    lex->cap = INITIAL_SLOTS;
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
    lede_termsafe_printf(p->diag, "lede: %s:%zu: %s%.*s%s\n", p->name ? p->name : "<lexicon>", line, msg,
                         (int)(arglen > SHOWN ? SHOWN : arglen), arg, arglen > SHOWN ? "..." : "");
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
    if (!lex || !word || len == 0 || len > UINT32_MAX)
        return none;
    const uint64_t *slot = find_slot(lex, lex->slots, lex->cap, hash_key(word, len), word, len);
    if (!*slot)
        return none;
    const struct word *w = &lex->words[(uint32_t)*slot - 1];
    return (lede_lex_word){w->kinds, w->starts, (uint32_t)*slot};
}

const char *lede_lexicon_word_value(const lede_lexicon *lex, lede_lex_word w, lede_lex_kind kind)
{
    if (!lex || (unsigned)kind >= LEDE_LEX_KINDS || !(w.kinds & LEDE_LEX_BIT(kind)) || !w.id ||
        w.id > lex->used)
        return NULL;
    uint32_t row = lex->words[w.id - 1].values;
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
    free(lex->words);
    free(lex->values);
    free(lex);
}
