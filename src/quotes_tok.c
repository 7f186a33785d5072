/* quotes_tok.c - the tokens and small words around a quote.
 *
 * A token is a word (letters and digits, joined by an apostrophe or a hyphen) or one
 * punctuation character. Attribution reads tokens forward and backward from a quote in
 * windows of fixed size, so a token is decoded in constant time and words are
 * classified by one lexicon lookup (src/lexicon/quote.txt, src/lexicon/verb.txt). */
#include <stdlib.h>
#include <string.h>
#include "lede/chars.h"
#include "quotes_impl.h"

/* Bytes of a capitalised verb that is lower-cased to be looked up ("Said Ellis"): longer
 * than any word of src/lexicon/verb.txt (the longest, "acknowledging", has 13). */
#define VERB_BYTES 24
/* The irregular finite forms of speech verbs in src/lexicon/quote.txt are all of four
 * ("said") to seven ("tweeted") letters: measured on the list; widen with the list. */
#define IRREGULAR_MIN 4
#define IRREGULAR_MAX 7

/* Tokens are read many times around each quote, and almost every byte is ASCII: these
 * classify an ASCII byte in place and decode (through chars.h) only the rest. */
static bool ascii_word(unsigned char b)
{
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

static bool ascii_space(unsigned char b)
{
    return b == ' ' || (b >= '\t' && b <= '\r');
}

/* The code point at s[i] (i < hi) and its length. */
static uint32_t cp_at(const char *s, size_t hi, size_t i, size_t *len)
{
    if ((unsigned char)s[i] < 0x80) {
        *len = 1;
        return (unsigned char)s[i];
    }
    return lede_cp_at(s, hi, i, len);
}

/* The code point that ends before s[i] (i > lo) and its length. */
static uint32_t cp_before(const char *s, size_t lo, size_t i, size_t *len)
{
    if ((unsigned char)s[i - 1] < 0x80) {
        *len = 1;
        return (unsigned char)s[i - 1];
    }
    return lede_cp_before(s, lo, i, len);
}

static bool is_space(uint32_t c)
{
    return c < 0x80 ? ascii_space((unsigned char)c) : lede_is_space_cp(c);
}

static bool is_word(uint32_t c)
{
    return c < 0x80 ? ascii_word((unsigned char)c) : lede_is_word_cp(c);
}

static bool word_joiner(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == '-';
}

bool qtok_next(const char *s, size_t hi, size_t i, qtok *t)
{
    size_t len;
    uint32_t c = 0;
    for (; i < hi; i += len) {
        c = cp_at(s, hi, i, &len);
        if (!is_space(c))
            break;
    }
    if (i >= hi)
        return false;
    t->start = i;
    if (!is_word(c)) {
        t->end = i + len;
        t->cp = c;
        return true;
    }
    t->cp = 0;
    i += len;
    while (i < hi) {
        if (ascii_word((unsigned char)s[i])) {
            i++;
            continue;
        }
        c = cp_at(s, hi, i, &len);
        if (is_word(c)) {
            i += len;
            continue;
        }
        size_t l2;
        if (word_joiner(c) && i + len < hi && is_word(cp_at(s, hi, i + len, &l2))) {
            i += len + l2;
            continue;
        }
        break;
    }
    t->end = i;
    return true;
}

bool qtok_prev(const char *s, size_t lo, size_t i, qtok *t)
{
    size_t len;
    uint32_t c = 0;
    for (; i > lo; i -= len) {
        c = cp_before(s, lo, i, &len);
        if (!is_space(c))
            break;
    }
    if (i <= lo)
        return false;
    t->end = i;
    if (!is_word(c)) {
        t->start = i - len;
        t->cp = c;
        return true;
    }
    t->cp = 0;
    i -= len;
    while (i > lo) {
        if (ascii_word((unsigned char)s[i - 1])) {
            i--;
            continue;
        }
        c = cp_before(s, lo, i, &len);
        if (is_word(c)) {
            i -= len;
            continue;
        }
        size_t l2;
        if (word_joiner(c) && i - len > lo && is_word(cp_before(s, lo, i - len, &l2))) {
            i -= len + l2;
            continue;
        }
        break;
    }
    t->start = i;
    return true;
}

size_t qtok_possessive(const char *s, const qtok *t)
{
    size_t len = t->end - t->start;
    if (t->cp != 0 || len <= 2 || s[t->end - 1] != 's')
        return 0;
    if (s[t->end - 2] == '\'')
        return 2;
    return len > 4 && memcmp(s + t->end - 4, "’", 3) == 0 ? 4 : 0;
}

bool qtok_capitalised(const char *s, const qtok *t)
{
    return t->cp == 0 && s[t->start] >= 'A' && s[t->start] <= 'Z';
}

bool qtok_numeric(const char *s, const qtok *t)
{
    return t->cp == 0 && s[t->start] >= '0' && s[t->start] <= '9';
}

bool qtok_is(const char *s, const qtok *t, const char *word)
{
    if (t->cp != 0 || *word != s[t->start])
        return false;
    size_t len = strlen(word);
    return t->end - t->start == len && memcmp(s + t->start, word, len) == 0;
}

/* Reads the classes of the value "irregular core" of a quote.txt entry. */
static unsigned parse_classes(const char *v)
{
    static const struct {
        const char *name;
        size_t len;
    } names[] = {{"irregular", 9}, {"core", 4},   {"owner", 5}, {"aux", 3},    {"function", 8},
                 {"pronoun", 7},   {"person", 6}, {"skip", 4},  {"det", 3},    {"titlecue", 8},
                 {"small", 5},     {"orgref", 6}, {"conj", 4},  {"plural", 6}, {"opener", 6},
                 {"modal", 5},     {"prep", 4}};
    _Static_assert(sizeof names / sizeof *names <= 31, "the classes sit below QW_VERB_KIND");
    unsigned mask = 0;
    while (*v) {
        size_t len = strcspn(v, " ");
        for (size_t k = 0; k < sizeof names / sizeof *names; k++)
            if (names[k].len == len && memcmp(names[k].name, v, len) == 0)
                mask |= 1u << k;
        v += len;
        v += *v == ' ';
    }
    return mask;
}

static unsigned lexicon_classes(const qctx *c, const char *word, size_t len);

/* Set with a word's QW_ classes where the word is in verb.txt: one lookup answers both. */
#define QW_VERB_KIND (1u << 31)
#define QW_ALL (QW_VERB_KIND - 1)
_Static_assert(QW_PREP <= QW_ALL, "the QW_ classes fit in 31 bits, below QW_VERB_KIND");

/* The QW_ classes of the word of len bytes at w, and QW_VERB_KIND: a short word through
 * the memo of short words, cheaper than hashing and probing the lexicon for the same
 * answer. */
static unsigned word_classes(const qctx *c, const char *word, size_t len)
{
    qword_memo *memo = c->memo;
    if (!memo || len == 0 || len > QSHORT_BYTES)
        return lexicon_classes(c, word, len);
    uint64_t bytes = 0;
    memcpy(&bytes, word, len);
    size_t slot = (size_t)(((bytes ^ len) * 0x9E3779B97F4A7C15ULL) >> 32) % QSHORT_MEMO;
    if (memo->short_len[slot] == len && memo->short_word[slot] == bytes)
        return memo->short_mask[slot];
    unsigned mask = lexicon_classes(c, word, len);
    memo->short_word[slot] = bytes;
    memo->short_len[slot] = (uint8_t)len;
    memo->short_mask[slot] = mask;
    return mask;
}

/* The QW_ classes of the word of len bytes at w, and QW_VERB_KIND, as the lexicon gives
 * them. */
static unsigned lexicon_classes(const qctx *c, const char *word, size_t len)
{
    lede_lex_word w = lede_lexicon_find(c->lex, word, len);
    unsigned verb = (w.kinds & LEDE_LEX_BIT(LEDE_LEX_VERB)) ? QW_VERB_KIND : 0;
    if (!(w.kinds & (LEDE_LEX_BIT(LEDE_LEX_QUOTE) | LEDE_LEX_BIT(LEDE_LEX_CLAUSE))))
        return verb;
    /* The few words of quote.txt are asked for again and again: their classes are
     * kept by record id, so a value is parsed once per slot. */
    qword_memo *memo = c->memo;
    size_t slot = w.id % QWORD_MEMO;
    if (memo && memo->id[slot] == w.id)
        return memo->mask[slot] | verb;
    const char *quote = lede_lexicon_word_value(c->lex, w, LEDE_LEX_QUOTE);
    const char *clause = lede_lexicon_word_value(c->lex, w, LEDE_LEX_CLAUSE);
    unsigned mask = (quote ? parse_classes(quote) : 0) | (clause ? parse_classes(clause) : 0);
    if (memo) {
        memo->id[slot] = w.id;
        memo->mask[slot] = mask;
    }
    return mask | verb;
}

/* word_classes() of the word t (capitalised, under VERB_BYTES bytes) with its first
 * letter lower-cased: "Said Ellis:", "However,". */
static unsigned folded_classes(const qctx *c, const qtok *t)
{
    char low[VERB_BYTES];
    size_t len = t->end - t->start;
    memcpy(low, c->s + t->start, len);
    low[0] = (char)(low[0] - 'A' + 'a');
    return word_classes(c, low, len);
}

/* The classes of token t, looked up (folded: with its first letter lower-cased) or
 * read from the memo's slot for where t starts: its bytes, and so the answer, are
 * decided by its start, its end and whether it was folded. */
static unsigned token_classes(const qctx *c, const qtok *t, bool folded)
{
    size_t len = t->end - t->start;
    qword_memo *memo = c->memo;
    size_t key = 2 * (t->start + 1) + folded, slot = t->start % QPOS_MEMO;
    if (memo && memo->at[slot] == key && memo->at_end[slot] == t->end)
        return memo->at_mask[slot];
    unsigned mask =
        (folded ? folded_classes(c, t) : word_classes(c, c->s + t->start, len)) & QW_ALL;
    if (memo) {
        memo->at[slot] = key;
        memo->at_end[slot] = t->end;
        memo->at_mask[slot] = mask;
    }
    return mask;
}

unsigned qtok_classes(const qctx *c, const qtok *t)
{
    return t->cp != 0 ? 0 : token_classes(c, t, false);
}

unsigned qtok_classes_folded(const qctx *c, const qtok *t)
{
    if (!qtok_capitalised(c->s, t) || t->end - t->start >= VERB_BYTES)
        return qtok_classes(c, t);
    return token_classes(c, t, true);
}

bool qtok_has(const qctx *c, const qtok *t, unsigned mask)
{
    return (qtok_classes(c, t) & mask) != 0;
}

bool quote_is_verb(const qctx *c, const qtok *t)
{
    /* "Said Ellis: “…”": a verb that opens the sentence is capitalised. */
    if (t->cp == 0 && c->s[t->start] >= 'A' && c->s[t->start] <= 'Z' &&
        t->end - t->start < VERB_BYTES)
        return (folded_classes(c, t) & QW_VERB_KIND) != 0;
    return t->cp == 0 && (word_classes(c, c->s + t->start, t->end - t->start) & QW_VERB_KIND);
}

/* The irregular finite forms of the verbs of speech (IRREGULAR_MIN to _MAX letters). */
static bool is_irregular(const qctx *c, const qtok *t)
{
    size_t len = t->end - t->start;
    return len >= IRREGULAR_MIN && len <= IRREGULAR_MAX && qtok_has(c, t, QW_IRREGULAR);
}

/* A reporting verb in a finite form: "said", "adds", "warned". Bare and -ing forms
 * ("order", "report", "saying") are nouns or clauses far more often than attributions.
 * The word before it is looked for from lo, the start of the caller's range, never in
 * an earlier paragraph. */
bool quote_is_speech_verb(const qctx *c, size_t lo, const qtok *t)
{
    if (t->cp != 0)
        return false;
    const char *w = c->s + t->start;
    size_t len = t->end - t->start;
    /* The word's form decides before the lexicon is asked: most words have none of these
     * endings and are not irregular, and cannot be a verb of speech. No word in the
     * irregular list ends in "ing", and those that end in "ed" or "s" pass either way. */
    bool ing = len > 5 && memcmp(w + len - 3, "ing", 3) == 0;
    bool finite = (len > 3 && w[len - 2] == 'e' && w[len - 1] == 'd') ||
                  (len > 3 && w[len - 1] == 's' && w[len - 2] != 's');
    /* "Police say they have …", "critics say": the one bare form that reports, after a
     * subject rather than after "to" or an auxiliary ("to say", "would say"). */
    bool say = len == 3 && memcmp(w, "say", 3) == 0;
    /* "as one analyst put it": a verb of speech only in that phrase. */
    qtok it;
    if (len == 3 && memcmp(w, "put", 3) == 0)
        return qtok_next(c->s, c->len, t->end, &it) && qtok_is(c->s, &it, "it");
    if (!ing && !finite && !say && !is_irregular(c, t))
        return false;
    /* "according to X" is read as such (quote_according_to), never as a participle. */
    if (!quote_is_verb(c, t) || (len == 9 && memcmp(w, "according", 9) == 0))
        return false;
    /* After a possessive or a determiner it is a noun: "Obama's remarks", "the claims". */
    qtok p;
    bool has_prev = qtok_prev(c->s, lo, t->start, &p);
    if (has_prev && p.cp == 0 && (qtok_has(c, &p, QW_OWNER) || qtok_possessive(c->s, &p)))
        return false;
    if (say)
        return has_prev && p.cp == 0 && !qtok_is(c->s, &p, "to") &&
               !qtok_has(c, &p, QW_FUNCTION | QW_SKIP | QW_AUX);
    if (!ing)
        return true; /* irregular, or a finite ending */
    /* "is calling", "was describing": a progressive form after its auxiliary; "asking,
     * “Why …”": one that introduces the quote right after it. */
    if (has_prev && (qtok_has(c, &p, QW_AUX) || p.cp == ','))
        return true; /* "is calling"; "…, saying" (a participle after its clause) */
    qtok a, b;
    return qtok_next(c->s, c->len, t->end, &a) && (a.cp == ',' || a.cp == ':') &&
           qtok_next(c->s, c->len, a.end, &b) && quote_is_mark(b.cp);
}

/* A period ends a sentence unless it ends an initial or a short abbreviation. */
bool quote_ends_sentence(const qctx *c, size_t lo, const qtok *t)
{
    if (t->cp == '!' || t->cp == '?' || t->cp == 0x2026)
        return true;
    if (t->cp != '.')
        return false;
    /* Not inside "(D-Mo.)" or before a lower-case word; not after an initial, "U.S", or a
     * title's abbreviation ("Rep.", "Gov."). */
    qtok w, n;
    if (qtok_next(c->s, c->len, t->end, &n) &&
        (n.cp == ')' || n.cp == ',' || (n.cp == 0 && c->s[n.start] >= 'a' && c->s[n.start] <= 'z')))
        return false;
    if (!qtok_prev(c->s, lo, t->start, &w) || w.cp != 0 || w.end != t->start ||
        c->s[w.start] < 'A' || c->s[w.start] > 'Z')
        return true;
    if (w.end - w.start <= 2)
        return false;
    return !lede_lexicon_has(c->lex, LEDE_LEX_TITLE, c->s + w.start, t->end - w.start);
}

/* The verbs of speech proper, preferred to others in the same sentence ("Ryan said
 * the protests demand …"). */
bool quote_is_core_verb(const qctx *c, const qtok *t)
{
    return qtok_has(c, t, QW_CORE);
}
