/* features.c - the entity tagger's features (see features.h). Per paragraph, each token
 * is looked at a bounded number of times: O(n) in its tokens, with at most
 * GAZ_MAX_TOKENS lexicon lookups per capitalised token for the multi-word lists. */
#include <stdlib.h>
#include <string.h>
#include "lede/chars.h"
#include "lede/features.h"
#include "lede/grow.h"
#include "wordcache.h"
#include "wordhash.h"

#define GAZ_MAX_TOKENS 6 /* a list name spans at most this many tokens ("Bosnia and Herzegovina")  \
                          */
#define KEY_MAX 128      /* longer spans are not looked up */
#define SCORE_MAX 7      /* "108-3": a result is short */
#define SPORTS_SCORES                                                                              \
    3 /* a story with this many results is about sport: teams are named after places */
#define CONNECTOR_MAX 4 /* small words of at most this many bytes may join a name ("of", "van") */

/* The lists whose entries are names (the gazetteer features). */
#define NAME_KINDS                                                                                 \
    (LEDE_LEX_BIT(LEDE_LEX_PERSON) | LEDE_LEX_BIT(LEDE_LEX_PLACE) | LEDE_LEX_BIT(LEDE_LEX_ORG) |   \
     LEDE_LEX_BIT(LEDE_LEX_GROUP) | LEDE_LEX_BIT(LEDE_LEX_DEMONYM) | LEDE_LEX_BIT(LEDE_LEX_TITLE))

struct lede_ner_tokinfo {
    uint64_t word, lower, shape; /* hashes */
    uint32_t kinds;              /* lexicon kinds of the word (folded in a capitals line) */
    uint32_t starts;             /* the kinds of longer entries it begins (same lookup) */
    uint8_t gaz;                 /* longest list match: 1 + 4 * kind + B/I/L/U, 0 none */
    uint8_t done;
    uint8_t cand;   /* lede_ner_candidate() */
    uint8_t run;    /* its run of candidates: see mark_run() */
    uint8_t word_n; /* lede_ner_word_features(), set by lede_ner_features() */
};
_Static_assert(LEDE_NER_WORD_FEATURES <= UINT8_MAX, "word_n is a byte");

#define MEMO_SLOTS 4096 /* words looked up before: 96 KiB, most lookups of a text */

/* One lookup remembered, by the hash of the text looked up (and whether folded). */
struct lede_ner_memo {
    uint64_t key; /* 0: empty */
    lede_lex_word lw;
};

/* --- the document's words ------------------------------------------------------------ */

/* The table is three arrays of the same slots: the keys, probed for every word of a
 * text (small-letter ones too), and the small-letter counts, which those probes write,
 * apart from the rest of a word's record. One array of whole records was 384 KiB
 * probed at random for every small-letter word: the probes missed the cache more
 * than anything else in the count. */
typedef struct {
    uint16_t cap_mid;
    uint8_t last; /* 0 unseen, 1 + label type, or 1 + LEDE_NER_TYPES for O */
    uint8_t n_before;
    uint32_t
        before[LEDE_NER_DOC_CONTEXT]; /* words written before it: lower-case hashes, distinct */
} doc_word;

struct lede_ner_doc {
    uint64_t *keys;  /* lower-case hash | 1; 0 = empty slot */
    uint16_t *lower; /* the word in small letters: how often */
    doc_word *words;
    size_t cap, n;
    size_t scores; /* tokens that look like a result: "2-1", "108-3" */
};

#define DOC_NONE SIZE_MAX /* doc_find() of a word not in the table */

lede_status lede_ner_doc_new(lede_ner_doc **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? LEDE_OK : LEDE_ERR_NOMEM;
}

void lede_ner_doc_clear(lede_ner_doc *doc)
{
    if (doc->cap) {
        memset(doc->keys, 0, doc->cap * sizeof *doc->keys);
        memset(doc->lower, 0, doc->cap * sizeof *doc->lower);
        memset(doc->words, 0, doc->cap * sizeof *doc->words);
    }
    doc->n = 0;
    doc->scores = 0;
}

static void doc_arrays_free(lede_ner_doc *doc)
{
    free(doc->keys);
    free(doc->lower);
    free(doc->words);
}

void lede_ner_doc_free(lede_ner_doc *doc)
{
    if (!doc)
        return;
    doc_arrays_free(doc);
    free(doc);
}

/* The slot that holds key or, when it is not in the table, the empty slot where it
 * would go. The table must have slots. */
static size_t doc_probe(const lede_ner_doc *doc, uint64_t key)
{
    /* the first slot from the bits above the lowest, which the key sets: from the
     * key's own, it was always odd, and the runs of full slots twice as long */
    size_t first = (key >> 1) & (doc->cap - 1);
    key |= 1; /* never 0 */
    for (size_t i = first;; i = (i + 1) & (doc->cap - 1)) {
        uint64_t k = doc->keys[i];
        /* '|', not '||': one branch, taken but at a collision, where two were
         * mispredicted whenever a found word followed a missing one */
        if ((k == key) | (k == 0))
            return i;
    }
}

/* The slot of key, or DOC_NONE when it is not in the table. */
static size_t doc_find(const lede_ner_doc *doc, uint64_t key)
{
    if (!doc->cap)
        return DOC_NONE;
    size_t i = doc_probe(doc, key);
    return doc->keys[i] ? i : DOC_NONE;
}

/* Doubles the table (or makes its first slots), moving every word. NOMEM on failure. */
static lede_status doc_grow(lede_ner_doc *doc)
{
    size_t cap = doc->cap ? doc->cap * 2 : 1024;
    lede_ner_doc old = *doc;
    doc->keys = calloc(cap, sizeof *doc->keys);
    doc->lower = calloc(cap, sizeof *doc->lower);
    doc->words = calloc(cap, sizeof *doc->words);
    if (!doc->keys || !doc->lower || !doc->words) {
        doc_arrays_free(doc);
        *doc = old;
        return LEDE_ERR_NOMEM;
    }
    doc->cap = cap;
    for (size_t i = 0; i < old.cap; i++) {
        if (old.keys[i]) {
            size_t j = doc_probe(doc, old.keys[i]);
            doc->keys[j] = old.keys[i];
            doc->lower[j] = old.lower[i];
            doc->words[j] = old.words[i];
        }
    }
    doc_arrays_free(&old);
    return LEDE_OK;
}

/* The slot of key, added if new. DOC_NONE on NOMEM. */
static size_t doc_slot(lede_ner_doc *doc, uint64_t key)
{
    if ((doc->n + 1) * 2 > doc->cap && doc_grow(doc) != LEDE_OK)
        return DOC_NONE;
    size_t i = doc_probe(doc, key);
    if (!doc->keys[i]) {
        doc->keys[i] = key | 1;
        doc->n++;
    }
    return i;
}

static bool cap_mid(const lede_token *t)
{
    return (t->flags & LEDE_TOK_CAP) && !(t->flags & (LEDE_TOK_SENT | LEDE_TOK_CAPS));
}

/* Keeps the word before token i (a word of letters: not a number, not punctuation)
 * among the first LEDE_NER_DOC_CONTEXT distinct ones written before w. */
static void keep_before(doc_word *w, const char *s, const lede_tokens *toks, size_t i)
{
    if (w->n_before >= LEDE_NER_DOC_CONTEXT || i == 0)
        return;
    const lede_token *t = &toks->items[i - 1];
    if (!(t->flags & LEDE_TOK_WORD) || (t->flags & LEDE_TOK_DIGIT))
        return;
    uint32_t h = (uint32_t)word_hash_at(s, t->start, t->len, true) | 1;
    for (unsigned k = 0; k < w->n_before; k++)
        if (w->before[k] == h)
            return;
    w->before[w->n_before++] = h;
}

lede_status lede_ner_doc_count(lede_ner_doc *doc, const char *s, const lede_tokens *toks, bool caps)
{
    for (size_t i = 0; i < toks->n; i++) {
        const lede_token *t = &toks->items[i];
        if (caps && (t->flags & LEDE_TOK_DIGIT) && t->len <= SCORE_MAX &&
            memchr(s + t->start, '-', t->len))
            doc->scores++;
        if (caps && (t->flags & LEDE_TOK_CAP)) {
            size_t k = doc_slot(doc, word_hash_at(s, t->start, t->len, true));
            if (k == DOC_NONE)
                return LEDE_ERR_NOMEM;
            doc_word *w = &doc->words[k];
            w->cap_mid += cap_mid(t) && w->cap_mid < UINT16_MAX;
            keep_before(w, s, toks, i);
        } else if (!caps && (t->flags & LEDE_TOK_LOWER) && doc->cap) {
            size_t k = doc_probe(doc, word_hash_at(s, t->start, t->len, true));
            doc->lower[k] += doc->keys[k] && doc->lower[k] < UINT16_MAX;
        }
    }
    return LEDE_OK;
}

/* --- one paragraph ------------------------------------------------------------------- */

/* Copies s[0..n) to key with the letters after a word's first made small ("LONDON" ->
 * "London"), so that a capitals line can be looked up. */
static void fold_copy(const char *s, size_t n, char *key)
{
    bool in_word = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        key[i] = in_word && c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        in_word = letter || (in_word && (unsigned char)c >= 0x80);
    }
}

/* lede_lexicon_find, through the memo: the lexicon's table is large and mostly out of
 * cache, while a text asks about the same few thousand words again and again. */
static lede_lex_word find_hashed(lede_ner_para *p, const char *w, size_t n, uint64_t hash)
{
    uint64_t key = (hash * 31 + n) | 1;
    struct lede_ner_memo *m = &p->memo[key & (MEMO_SLOTS - 1)];
    if (m->key != key) {
        m->key = key;
        m->lw = lede_lexicon_find(p->lex, w, n);
    }
    return m->lw;
}

static lede_lex_word find_memo(lede_ner_para *p, const char *w, size_t n)
{
    return find_hashed(p, w, n, word_hash(w, n, false));
}

/* find_memo, and in a capitals line the folded word ("LONDON" as "London") when the
 * word itself is unknown; hash is word_hash(w, n, false). */
static lede_lex_word find_word(lede_ner_para *p, const char *w, size_t n, bool fold, uint64_t hash)
{
    lede_lex_word lw = find_hashed(p, w, n, hash);
    if (!lw.kinds && !lw.starts && fold && n < KEY_MAX) {
        char key[KEY_MAX];
        fold_copy(w, n, key);
        lw = find_memo(p, key, n);
    }
    return lw;
}

static lede_lex_word find(lede_ner_para *p, const char *w, size_t n, bool fold)
{
    return find_word(p, w, n, fold, word_hash(w, n, false));
}

/* --- initials without a full stop ------------------------------------------------------ */

/* "K Holmes", "George W Bush", "Hunter S Thompson": British news writes a person's
 * initial without its full stop, the 1996 Reuters training stories always with one
 * ("K. Holmes"). Such an initial is hashed as if it had the stop, so that the tagger
 * reads it as it learned to. An initial is one capital other than "A" and "I" (words
 * of their own: "A Conservative spokesman"), followed by one space and a capitalised
 * word. Writes the word to read into buf and returns its length; 0 when token i is no
 * such initial. */
static size_t initial_as_dotted(const lede_ner_para *p, size_t i, char buf[2])
{
    const lede_token *t = &p->toks->items[i];
    char c = p->s[t->start];
    if (t->len != 1 || c < 'B' || c > 'Z' || c == 'I' || i + 1 >= p->toks->n)
        return 0;
    const lede_token *u = &p->toks->items[i + 1];
    if (u->start != t->start + 2 || p->s[t->start + 1] != ' ' || !(u->flags & LEDE_TOK_CAP) ||
        (u->flags & LEDE_TOK_CAPS))
        return 0;
    buf[0] = c;
    buf[1] = '.';
    return 2;
}

/* The parts of a token's info, computed when first asked for: a neighbour two tokens
 * away is asked only for its lower-case hash, and most tokens for nothing. DOTTED marks
 * an initial read as "K." (its word features are not the word's own: see word_features). */
enum { HAS_HASHES = 1, HAS_SHAPE = 2, HAS_KINDS = 4, HAS_ALL = 7, DOTTED = 8 };

static struct lede_ner_tokinfo *info_for(lede_ner_para *p, size_t i, unsigned need)
{
    struct lede_ner_tokinfo *in = &p->info[i];
    if (!(need & ~in->done))
        return in;
    const lede_token *t = &p->toks->items[i];
    const char *w = p->s + t->start;
    if (!(in->done & HAS_HASHES)) { /* the kinds' lookup needs the word's hash too */
        char dotted[8];             /* 8: the hash may read a word of up to eight bytes at once */
        size_t wlen = initial_as_dotted(p, i, dotted);
        const char *hw = wlen ? dotted : w; /* hashes and shape read "K." for "K" */
        if (!wlen)
            wlen = t->len;
        if (hw == dotted)
            word_hashes(hw, wlen, &in->word, &in->lower); /* a capital: a word */
        else if (t->flags & LEDE_TOK_WORD)
            word_hashes_at(p->s, t->start, wlen, &in->word, &in->lower);
        else
            in->lower = in->word = word_hash_at(p->s, t->start, wlen, false);
        in->done |= HAS_HASHES | (hw == dotted ? DOTTED : 0);
    }
    if ((need & HAS_SHAPE) && !(in->done & HAS_SHAPE)) {
        char dotted[2];
        in->shape = (in->done & DOTTED) ? shape_hash(dotted, initial_as_dotted(p, i, dotted))
                                        : shape_hash_at(p->s, t->start, t->len);
        in->done |= HAS_SHAPE;
    }
    if ((need & HAS_KINDS) && !(in->done & HAS_KINDS)) { /* lookups read "K" */
        lede_lex_word lw = {0, 0, 0};
        if (p->lex && (t->flags & LEDE_TOK_WORD))
            lw = find_word(p, w, t->len, t->flags & LEDE_TOK_CAPS, in->word);
        in->kinds = lw.kinds;
        in->starts = lw.starts;
        in->done |= HAS_KINDS;
    }
    return in;
}

static struct lede_ner_tokinfo *info(lede_ner_para *p, size_t i)
{
    return info_for(p, i, HAS_ALL);
}

static unsigned kinds_of(lede_ner_para *p, size_t i)
{
    return info_for(p, i, HAS_KINDS)->kinds;
}

/* The kind a list match stands for in the features: the first name kind of mask. */
static unsigned first_kind(unsigned mask)
{
    for (unsigned k = 0; k < LEDE_LEX_KINDS; k++)
        if (mask & NAME_KINDS & LEDE_LEX_BIT(k))
            return k;
    return 0;
}

/* Marks the longest list name that starts at token j, if any; returns its length in
 * tokens (0 when none). Tokens must be separated by nothing or one space. */
static size_t gazetteer_at(lede_ner_para *p, size_t j)
{
    const lede_token *toks = p->toks->items, *t = &toks[j];
    bool fold = t->flags & LEDE_TOK_CAPS;
    /* the word's own lookup, kept in its info (a capitalised token is a word) */
    const struct lede_ner_tokinfo *in = info_for(p, j, HAS_KINDS);
    lede_lex_word first = {in->kinds, in->starts, 0};
    size_t best = 0;
    unsigned kind = 0;
    if (first.starts & NAME_KINDS) {
        size_t last = j + GAZ_MAX_TOKENS < p->toks->n ? j + GAZ_MAX_TOKENS : p->toks->n;
        for (size_t k = j + 1; k < last; k++) {
            const lede_token *prev = &toks[k - 1], *u = &toks[k];
            size_t gap = u->start - (prev->start + prev->len);
            if (gap > 1 || (gap == 1 && p->s[u->start - 1] != ' '))
                break;
            size_t n = u->start + u->len - t->start;
            if (n >= KEY_MAX)
                break;
            lede_lex_word lw = find(p, p->s + t->start, n, fold);
            if (lw.kinds & NAME_KINDS) {
                best = k - j + 1;
                kind = first_kind(lw.kinds);
            }
        }
    }
    if (!best && (first.kinds & NAME_KINDS)) {
        best = 1;
        kind = first_kind(first.kinds);
    }
    for (size_t k = 0; k < best; k++) {
        unsigned pos = best == 1       ? LEDE_NER_U
                       : k == 0        ? LEDE_NER_B
                       : k + 1 == best ? LEDE_NER_L
                                       : LEDE_NER_I;
        p->info[j + k].gaz = (uint8_t)(1 + 4 * kind + pos);
    }
    return best;
}

/* Token i's candidacy (see lede_ner_candidate). A word of the stop list ("The",
 * "He", "July") is none unless a capitalised word stands beside it ("The Hague",
 * "Theresa May"): it starts half the capitalised words of a book, and no name. */
static bool candidate(lede_ner_para *p, size_t i)
{
    const lede_token *t = &p->toks->items[i];
    bool cap = t->flags & LEDE_TOK_CAP;
    bool before = i > 0 && (p->toks->items[i - 1].flags & LEDE_TOK_CAP);
    bool after = i + 1 < p->toks->n && (p->toks->items[i + 1].flags & LEDE_TOK_CAP);
    /* Most tokens are neither capitalised nor a small word between two capitalised
     * ones: '&' and '|' make that one branch, seldom taken the other way, where a
     * test of the length alone was mispredicted for one token in six (cachegrind). */
    if (!(cap | ((t->len <= CONNECTOR_MAX) & before & after)))
        return false;
    if (cap)
        return before || after || !(kinds_of(p, i) & LEDE_LEX_BIT(LEDE_LEX_STOP));
    const unsigned joins = LEDE_LEX_BIT(LEDE_LEX_PARTICLE) | LEDE_LEX_BIT(LEDE_LEX_CONNECTOR);
    return (find(p, p->s + t->start, t->len, false).kinds & joins) != 0;
}

/* What the run of candidate tokens [a, b) says to each of its tokens, as the old rules
 * read it: the token's place in the run (B, I, L, U), whether the run ends in an
 * organisation word ("... Workers Union", "... Inc.") or a place word ("River ..."/"...
 * Street"), and whether it starts with a first name. Evidence for the tagger, never a
 * verdict. */
static void mark_run(lede_ner_para *p, size_t a, size_t b)
{
    const unsigned org = LEDE_LEX_BIT(LEDE_LEX_ORGWORD), place = LEDE_LEX_BIT(LEDE_LEX_PLACEWORD);
    unsigned last = kinds_of(p, b - 1), first = kinds_of(p, a);
    unsigned ends = last & org ? 1 : (last | first) & place ? 2 : 0;
    unsigned named = (first & LEDE_LEX_BIT(LEDE_LEX_FIRST)) != 0;
    for (size_t k = a; k < b; k++) {
        unsigned pos = b - a == 1   ? LEDE_NER_U
                       : k == a     ? LEDE_NER_B
                       : k + 1 == b ? LEDE_NER_L
                                    : LEDE_NER_I;
        p->info[k].run = (uint8_t)(1 + pos + 4 * (ends + 3 * named));
    }
}

lede_status lede_ner_para_reset(lede_ner_para *p, const lede_lexicon *lex, const char *s,
                                const lede_tokens *toks)
{
    if (LEDE_GROW(p->info, p->cap, toks->n) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    if (!p->memo && !(p->memo = calloc(MEMO_SLOTS, sizeof *p->memo)))
        return LEDE_ERR_NOMEM;
    if (!p->words && !(p->words = lede_wordcache_new()))
        return LEDE_ERR_NOMEM;
    p->lex = lex;
    p->s = s;
    p->toks = toks;
    for (size_t j = 0; j < toks->n; j++) { /* the rest is written before it is read */
        p->info[j].done = 0;
        p->info[j].gaz = 0;
        p->info[j].cand = 0;
        p->info[j].run = 0;
    }
    if (!lex)
        return LEDE_OK;
    /* One pass: the list names (a match is not looked into again), each token's
     * candidacy, and each run of candidates once it ends. A token's answers depend on
     * its neighbours' flags and the lexicon alone, so the order does not change them. */
    size_t gaz_from = 0, run = 0; /* run: the first token of the open run */
    for (size_t j = 0; j < toks->n; j++) {
        if (j >= gaz_from && (toks->items[j].flags & LEDE_TOK_CAP)) {
            size_t n = gazetteer_at(p, j);
            gaz_from = j + (n ? n : 1);
        }
        bool cand = candidate(p, j);
        p->info[j].cand = cand;
        if (!cand) {
            if (run < j)
                mark_run(p, run, j);
            run = j + 1;
        }
    }
    if (run < toks->n)
        mark_run(p, run, toks->n);
    return LEDE_OK;
}

void lede_ner_para_free(lede_ner_para *p)
{
    free(p->info);
    free(p->memo);
    lede_wordcache_free(p->words);
    memset(p, 0, sizeof *p);
}

bool lede_ner_candidate(const lede_ner_para *p, size_t i)
{
    return i < p->toks->n && p->info[i].cand;
}

size_t lede_ner_next_candidate(const lede_ner_para *p, size_t i)
{
    size_t n = p->toks->n;
    while (i < n && !p->info[i].cand)
        i++;
    return i;
}

uint32_t lede_ner_allowed_labels(unsigned prev, bool next_candidate)
{
    bool open = prev && lede_ner_label_pos(prev) <= LEDE_NER_I;
    if (open) { /* only the open name's type may go on: I (when it can end later) or L */
        lede_ner_type t = lede_ner_label_type(prev);
        return (next_candidate ? 1u << lede_ner_label(t, LEDE_NER_I) : 0) |
               1u << lede_ner_label(t, LEDE_NER_L);
    }
    uint32_t mask = 1;                            /* O */
    for (unsigned t = 0; t < LEDE_NER_TYPES; t++) /* a new name: B (when it can go on) or U */
        mask |= (next_candidate ? 1u << lede_ner_label((lede_ner_type)t, LEDE_NER_B) : 0) |
                1u << lede_ner_label((lede_ner_type)t, LEDE_NER_U);
    return mask;
}

bool lede_ner_allowed(unsigned prev, unsigned label, bool next_candidate)
{
    return label < LEDE_NER_LABELS && (lede_ner_allowed_labels(prev, next_candidate) >> label & 1);
}

/* Feature templates: each number is one kind of evidence. */
enum {
    F_BIAS,
    F_WORD,
    F_LOWER,
    F_SHAPE,
    F_PREFIX,
    F_SUFFIX = F_PREFIX + 4,
    F_LOWER_AT = F_SUFFIX + 4,
    F_SHAPE_AT = F_LOWER_AT + 4,
    F_SHAPES3 = F_SHAPE_AT + 2,
    F_BIGRAM_L,
    F_BIGRAM_R,
    F_SENT,
    F_SENT_WORD,
    F_CAPS,
    F_CAPS_WORD,
    F_FIRST,
    F_FIRST_WORD,
    F_KIND_AT,
    F_GAZ = F_KIND_AT + 3,
    F_DOC_CAP,
    F_DOC_LOWER,
    F_DOC_BOTH,
    F_PREV,
    F_PREV2,
    F_PREV_WORD,
    F_LAST,
    F_POSS_NEXT,
    F_GAZ_AT,
    F_PREV_SHAPE = F_GAZ_AT + 2,
    F_LAST_WORD,
    F_SENT_GAZ,
    F_RUN,
    F_SPORTS,
    F_DOC_BEFORE = F_SPORTS + 2
};

#define NONE_HASH 0x5bd1e995ULL /* the hash of a position outside the paragraph */

#define AFFIX_MAX 4 /* prefixes and suffixes of 1..AFFIX_MAX bytes are features */

size_t lede_ner_word_features(const lede_ner_para *p, size_t i)
{
    return p->info[i].word_n;
}

/* The features of token t that depend on its word alone (lede_ner_word_features() of
 * them), through the word cache: computed once per word while it stays there. */
static size_t word_features(lede_ner_para *p, const lede_token *t,
                            const struct lede_ner_tokinfo *in, uint32_t *out)
{
    const char *w = p->s + t->start;
    size_t n = 0;
    /* An initial read as "K." has the features of "K.", not of the word "K": not kept. */
    bool own = !(in->done & DOTTED);
    const uint32_t *kept = own ? lede_wordcache_get(p->words, w, t->len, in->word, &n) : NULL;
    if (kept) {
        memcpy(out, kept, n * sizeof *out);
        return n;
    }
    out[n++] = bucket(F_BIAS, 0, 0);
    out[n++] = bucket(F_WORD, in->word, 0);
    out[n++] = bucket(F_LOWER, in->lower, 0);
    out[n++] = bucket(F_SHAPE, in->shape, 0);
    for (unsigned k = 1; k <= AFFIX_MAX && k < t->len; k++) {
        out[n++] = bucket(F_PREFIX + k - 1, fnv(w, k, true), 0);
        out[n++] = bucket(F_SUFFIX + k - 1, fnv(w + t->len - k, k, true), 0);
    }
    if (own)
        lede_wordcache_put(p->words, w, t->len, in->word, out, n);
    return n;
}

static uint64_t lower_at(lede_ner_para *p, size_t i, long d)
{
    long k = (long)i + d;
    return k < 0 || (size_t)k >= p->toks->n ? NONE_HASH : info_for(p, (size_t)k, HAS_HASHES)->lower;
}

static uint64_t shape_at(lede_ner_para *p, size_t i, long d)
{
    long k = (long)i + d;
    return k < 0 || (size_t)k >= p->toks->n ? NONE_HASH : info_for(p, (size_t)k, HAS_SHAPE)->shape;
}

static unsigned count_class(unsigned n)
{
    return n >= 2 ? 2 : n;
}

_Static_assert(LEDE_LEX_KINDS <= 32, "token kinds are a 32-bit mask");
/* The kinds the tagger reads as evidence: all but LEDE_LEX_CLAUSE, words attribution
 * alone reads (a list that grows for quotes should not move the entity model). */
#define KINDS_MASK                                                                                 \
    ((LEDE_LEX_KINDS == 32 ? UINT32_MAX : (uint32_t)((1ULL << LEDE_LEX_KINDS) - 1)) &              \
     ~LEDE_LEX_BIT(LEDE_LEX_CLAUSE))

/* The index of the lowest bit set in x (not 0). */
static inline unsigned lowest_bit(uint32_t x)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctz(x);
#else
    unsigned b = 0;
    while (!(x >> b & 1))
        b++;
    return b;
#endif
}

size_t lede_ner_features(lede_ner_para *p, const lede_ner_doc *doc, size_t i, unsigned prev,
                         unsigned prev2, uint32_t *out)
{
    const lede_token *t = &p->toks->items[i];
    struct lede_ner_tokinfo *in = info(p, i);
    size_t n = word_features(p, t, in, out);
    size_t k_doc = doc_find(doc, in->lower);
    const doc_word *dw = k_doc != DOC_NONE ? &doc->words[k_doc] : NULL;
    if (dw) /* the words before the word's mentions in the whole story */
        for (unsigned k = 0; k < dw->n_before; k++)
            out[n++] = bucket(F_DOC_BEFORE, dw->before[k], 0);
    in->word_n = (uint8_t)n; /* so far, what depends on the word and the document alone */
    static const long at[4] = {-2, -1, 1, 2};
    for (unsigned k = 0; k < 4; k++)
        out[n++] = bucket(F_LOWER_AT + k, lower_at(p, i, at[k]), 0);
    uint64_t sl = shape_at(p, i, -1), sr = shape_at(p, i, 1);
    out[n++] = bucket(F_SHAPE_AT, sl, 0);
    out[n++] = bucket(F_SHAPE_AT + 1, sr, 0);
    out[n++] = bucket(F_SHAPES3, sl * 31 + in->shape, sr);
    out[n++] = bucket(F_BIGRAM_L, lower_at(p, i, -1), in->lower);
    out[n++] = bucket(F_BIGRAM_R, in->lower, lower_at(p, i, 1));
    if (t->flags & LEDE_TOK_SENT) {
        out[n++] = bucket(F_SENT, 0, 0);
        out[n++] = bucket(F_SENT_WORD, in->lower, 0);
    }
    if (t->flags & LEDE_TOK_CAPS) {
        out[n++] = bucket(F_CAPS, 0, 0);
        out[n++] = bucket(F_CAPS_WORD, in->lower, 0);
    }
    if (i == 0) {
        out[n++] = bucket(F_FIRST, 0, 0);
        out[n++] = bucket(F_FIRST_WORD, in->lower, 0);
    }
    for (long d = -1; d <= 1; d++) {
        long k = (long)i + d;
        if (k < 0 || (size_t)k >= p->toks->n)
            continue;
        /* the kinds' bits from the lowest, one step per bit set (a test of every bit
         * was mispredicted as often as a word's kinds change) */
        uint32_t kinds = kinds_of(p, (size_t)k) & KINDS_MASK;
        for (; kinds; kinds &= kinds - 1)
            out[n++] = bucket(F_KIND_AT + (unsigned)(d + 1), lowest_bit(kinds), 0);
    }
    out[n++] = bucket(F_GAZ, in->gaz, 0);
    out[n++] = bucket(F_RUN, in->run, 0);
    if (doc->scores >= SPORTS_SCORES) {
        out[n++] = bucket(F_SPORTS, in->gaz, 0);
        out[n++] = bucket(F_SPORTS + 1, in->lower, 0);
    }
    out[n++] = bucket(F_GAZ_AT, i > 0 ? p->info[i - 1].gaz : 255, 0);
    out[n++] = bucket(F_GAZ_AT + 1, i + 1 < p->toks->n ? p->info[i + 1].gaz : 255, 0);

    unsigned caps = dw ? dw->cap_mid - (cap_mid(t) && dw->cap_mid) : 0;
    unsigned low = dw ? doc->lower[k_doc] : 0;
    unsigned lows = low - ((t->flags & LEDE_TOK_LOWER) && low);
    out[n++] = bucket(F_DOC_CAP, count_class(caps), 0);
    out[n++] = bucket(F_DOC_LOWER, count_class(lows), 0);
    out[n++] =
        bucket(F_DOC_BOTH, count_class(caps) * 3 + count_class(lows), t->flags & LEDE_TOK_SENT);
    out[n++] = bucket(F_LAST, dw ? dw->last : 0, 0);
    out[n++] = bucket(F_PREV, prev, 0);
    out[n++] = bucket(F_PREV2, prev2 * LEDE_NER_LABELS + prev, 0);
    out[n++] = bucket(F_PREV_WORD, prev, in->lower);
    out[n++] = bucket(F_PREV_SHAPE, prev, in->shape);
    out[n++] = bucket(F_LAST_WORD, dw ? dw->last : 0, in->lower);
    if (i + 1 < p->toks->n && (p->toks->items[i + 1].flags & LEDE_TOK_POSS))
        out[n++] = bucket(F_POSS_NEXT, 0, 0);
    return n;
}

lede_status lede_ner_doc_note(lede_ner_doc *doc, lede_ner_para *p, size_t i, unsigned label)
{
    size_t k = doc_slot(doc, info_for(p, i, HAS_HASHES)->lower);
    if (k == DOC_NONE)
        return LEDE_ERR_NOMEM;
    doc->words[k].last =
        (uint8_t)(1 + (label ? (unsigned)lede_ner_label_type(label) : LEDE_NER_TYPES));
    return LEDE_OK;
}
