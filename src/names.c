/* names.c - capitalised word sequences become typed, merged entity mentions.
 *
 * Three steps. The scan finds each run of capitalised words (PCRE2 finds the first
 * capital; the words after it are read by hand, because joining them needs the word
 * lists), splits it at ordinary words, peels titles off as the role, and records a
 * candidate with whatever evidence says its type. Pass A turns the candidates with
 * strong evidence (full names, known names) into entities and records their aliases
 * (surnames, acronyms). Pass B walks all candidates in text order and resolves each to
 * an entity: by name, by alias, or as a new entity when the evidence suffices. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include "lede/chars.h"
#include "lede/names.h"
#include "lede/strmap.h"

#define MAX_TOKENS 16
#define KEY_MAX 256
#define NO_HINT (-1)

typedef struct {
    size_t start, end; /* the word, with an abbreviation's period */
    size_t name_end;   /* end without a possessive ending */
    bool lower;        /* a connector such as "of" or "de" */
    bool possessive;
    lede_lex_word lw; /* what the word lists say of s[start..name_end) */
} token;

typedef struct {
    size_t start, end;           /* the name */
    size_t role_start, role_end; /* the title before it; equal when none */
    const char *canonical;       /* lexicon's canonical name, or NULL */
    int hint;                    /* lede_entity_type or NO_HINT */
    bool strong;                 /* the evidence is enough to create an entity */
    bool sent_initial;
    bool weak;                   /* in a headline or all-capital line: only known names count */
    bool fold;                   /* written in capitals: look it up as "London", not "LONDON" */
    bool acronym;                /* all capitals: may be an alias of a long form */
    bool team;                   /* a place followed by a score ("Somerset 83"): a sports team */
    uint8_t ntok;                /* name words */
    size_t last_start, last_end; /* the last name word, for surnames */
    size_t acr_start, acr_end;   /* "(ACR)" right after a long form; equal when none */
    uint32_t entity;
} cand;

typedef struct {
    cand *items;
    size_t n, cap;
} cands;

#define MEMO_WORD 19 /* longer words skip the memo */

/* A word looked up before, with the answer: 32 bytes, half a cache line. */
typedef struct {
    lede_lex_word lw;
    uint8_t len; /* 0: empty */
    char text[MEMO_WORD];
} memo_slot;
_Static_assert(sizeof(memo_slot) == 32, "a memo slot is half a cache line");

#define MEMO_SLOTS 4096 /* 128 KB */

/* The memo answers most lookups from a small table that stays in cache: the lexicon's
 * own table is large, and the text streaming past pushes it out of cache between
 * lookups. The words are kept in the slots, as comparing with an earlier occurrence in
 * the text missed the cache as often. It lives as long as the namer, so that articles
 * read one after another (a corpus, `lede a.txt b.txt ...`) find it warm: a short
 * article alone would mostly miss. Runs write to it and to the match data through a
 * const namer; neither changes what the namer answers. */
struct lede_namer {
    const lede_lexicon *lex;
    pcre2_code *cap_re; /* the first capital of a word */
    pcre2_match_data *md;
    memo_slot *memo; /* MEMO_SLOTS */
};

/* Words before a title that belong to the role but are not titles themselves. */
static const char *const role_modifiers[] = {"former",   "Former",  "late",    "then",   "acting",
                                             "Acting",   "interim", "Interim", "deputy", "Deputy",
                                             "Vice",     "vice",    "senior",  "Senior", "outgoing",
                                             "incoming", "chief",   "Chief",   "top",    NULL};

/* Titles that say "person" but are no role worth showing. */
static const char *const honorifics[] = {"Mr.", "Mrs.",   "Ms.",  "Miss", "Mx.",      "Mr", "Mrs",
                                         "Ms",  "Madame", "Mme.", "Herr", "Monsieur", NULL};

static bool in_list(const char *const *list, const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (; *list; list++)
        if ((*list)[0] == s[0] && strlen(*list) == len && memcmp(*list, s, len) == 0)
            return true;
    return false;
}

lede_status lede_namer_new(const lede_lexicon *lex, lede_namer **out)
{
    *out = NULL;
    lede_namer *namer = calloc(1, sizeof *namer);
    if (!namer)
        return LEDE_ERR_NOMEM;
    namer->lex = lex;
    int err;
    PCRE2_SIZE off;
    /* Texts may hold invalid UTF-8, which PCRE2 then treats as matching nothing (and
     * needs no validity check per call). A capital that starts a word: not after a letter, digit,
     * apostrophe or period (so "U.S." and "O'Brien" are read from their first letter),
     * nor after a hyphen inside a word ("Solberg-Haug"); after a dash it may ("-Ada"). */
    const char *pat = "(?<![\\p{L}\\p{M}\\p{N}'\\x{2019}.])(?<![\\p{L}\\p{N}]-)[\\p{Lu}\\p{Lt}]";
    namer->cap_re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_ANCHORED,
                                  &err, &off, NULL);
    if (!namer->cap_re) {
        free(namer);
        return LEDE_ERR_PATTERN;
    }
    pcre2_jit_compile(namer->cap_re, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    namer->md = pcre2_match_data_create_from_pattern(namer->cap_re, NULL);
    /* Aligned so that no slot straddles two cache lines. */
    namer->memo = aligned_alloc(64, MEMO_SLOTS * sizeof *namer->memo);
    if (!namer->md || !namer->memo) {
        lede_namer_free(namer);
        return LEDE_ERR_NOMEM;
    }
    memset(namer->memo, 0, MEMO_SLOTS * sizeof *namer->memo);
    *out = namer;
    return LEDE_OK;
}

void lede_namer_free(lede_namer *namer)
{
    if (!namer)
        return;
    pcre2_match_data_free(namer->md);
    pcre2_code_free(namer->cap_re);
    free(namer->memo);
    free(namer);
}

void lede_names_free(lede_names *names)
{
    free(names->items);
    memset(names, 0, sizeof *names);
}

/* --- reading words ---------------------------------------------------------------- */

static bool is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019;
}

static bool is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Copies s[start..end) into key with every run of white space made one space; with
 * fold, capitals after a word's first letter become small ("LONDON" -> "London"), so
 * names in all-capital lines can be looked up. Returns the key's length, 0 when it
 * does not fit. */
static size_t make_key_fold(const char *s, size_t start, size_t end, char *key, bool fold)
{
    size_t n = 0;
    bool space = false, in_word = false;
    for (size_t i = start; i < end; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = true;
            in_word = false;
            continue;
        }
        if (space && n > 0) {
            if (n + 1 >= KEY_MAX)
                return 0;
            key[n++] = ' ';
        }
        space = false;
        if (n + 1 >= KEY_MAX)
            return 0;
        bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        key[n++] = fold && in_word && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        in_word = letter || (in_word && (unsigned char)c >= 0x80);
    }
    key[n] = '\0';
    return n;
}

static size_t make_key(const char *s, size_t start, size_t end, char *key)
{
    /* Most names are words with single spaces between them: copy those as they are. */
    size_t len = end - start;
    if (len >= KEY_MAX)
        return 0;
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= ' ' && (c != ' ' || i == start || s[i - 1] == ' '))
            return make_key_fold(s, start, end, key, false);
    }
    memcpy(key, s + start, len);
    key[len] = '\0';
    return len;
}

static uint64_t load64(const char *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

static uint32_t load32(const char *p)
{
    uint32_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

static size_t memo_hash(const char *w, size_t len)
{
    uint64_t x = len;
    if (len >= 4) {
        x ^= (uint64_t)load32(w) << 8 ^ (uint64_t)load32(w + len - 4) << 32;
    } else {
        for (size_t i = 0; i < len; i++)
            x = x << 8 | (unsigned char)w[i];
    }
    x *= 0x9E3779B97F4A7C15ULL;
    return (size_t)(x >> 40);
}

/* memcmp(a, b, len) == 0 for the short words of the memo (len <= MEMO_WORD), with loads that
 * overlap rather than a call: most lookups end here. */
static bool same_short(const char *a, const char *b, size_t len)
{
    if (len >= 8)
        return load64(a) == load64(b) && load64(a + len - 8) == load64(b + len - 8) &&
               (len <= 16 || load64(a + 8) == load64(b + 8));
    if (len >= 4)
        return load32(a) == load32(b) && load32(a + len - 4) == load32(b + len - 4);
    for (size_t i = 0; i < len; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

/* lede_lexicon_find through the memo. */
static lede_lex_word find_word(const lede_namer *nm, const char *w, size_t len)
{
    if (len == 0 || len > MEMO_WORD)
        return lede_lexicon_find(nm->lex, w, len);
    memo_slot *m = &nm->memo[memo_hash(w, len) & (MEMO_SLOTS - 1)];
    if (m->len == len && same_short(m->text, w, len))
        return m->lw;
    m->lw = lede_lexicon_find(nm->lex, w, len);
    m->len = (uint8_t)len;
    memcpy(m->text, w, len);
    return m->lw;
}

static bool lex_has(const lede_namer *nm, lede_lex_kind kind, const char *s, size_t len)
{
    return (find_word(nm, s, len).kinds & LEDE_LEX_BIT(kind)) != 0;
}

/* True when s[start..end] (the word and the period at s[end]) is a known abbreviation
 * ("Dr.", "Inc."). */
static bool known_abbreviation(const lede_namer *nm, const char *s, size_t start, size_t end)
{
    size_t len = end - start + 1;
    if (len >= 40)
        return false;
    const unsigned kinds = LEDE_LEX_BIT(LEDE_LEX_TITLE) | LEDE_LEX_BIT(LEDE_LEX_ORGWORD) |
                           LEDE_LEX_BIT(LEDE_LEX_STOP) | LEDE_LEX_BIT(LEDE_LEX_PLACE) |
                           LEDE_LEX_BIT(LEDE_LEX_ORG) | LEDE_LEX_BIT(LEDE_LEX_PERSON);
    return (find_word(nm, s + start, len).kinds & kinds) != 0;
}

/* Reads the word at s[p] (within s[0..end)) into t: letters joined by inner
 * apostrophes and hyphens, "U.S."-style initials, and the period of an abbreviation. */
static void read_word(const lede_namer *nm, const char *s, size_t end, size_t p, token *t)
{
    size_t i = p, len, letters_since_dot = 0;
    bool dotted = false;
    while (i < end) {
        unsigned char b = (unsigned char)s[i];
        if (lede_is_ascii_word(b)) {
            i++; /* plain ASCII letters need no decoding */
            letters_since_dot++;
            continue;
        }
        uint32_t c = lede_cp_at(s, end, i, &len);
        if (b >= 0x80 && lede_is_word_cp(c)) {
            i += len;
            letters_since_dot++;
            continue;
        }
        if ((is_apostrophe(c) || is_hyphen(c) || c == '&') && i + len < end) {
            size_t l2;
            if (lede_is_word_cp(lede_cp_at(s, end, i + len, &l2))) {
                i += len + l2;
                letters_since_dot++;
                continue;
            }
        }
        if (c == '.' && letters_since_dot == 1 && i + 1 < end) {
            size_t l2;
            if (lede_is_upper_cp(lede_cp_at(s, end, i + 1, &l2))) {
                i += 1; /* "U." of "U.S." */
                dotted = true;
                letters_since_dot = 0;
                continue;
            }
        }
        break;
    }
    memset(t, 0, sizeof *t);
    t->start = p;
    t->end = t->name_end = i;
    /* Possessive: "Putin’s", "Trump's" name the person without the ending. */
    if (i - p > 3 && s[i - 1] == 's') {
        if (s[i - 2] == '\'') {
            t->name_end = i - 2;
            t->possessive = true;
        } else if (i - p > 5 && memcmp(s + i - 4, "\xE2\x80\x99", 3) == 0) {
            t->name_end = i - 4;
            t->possessive = true;
        }
    }
    if (!t->possessive && i < end && s[i] == '.' &&
        (letters_since_dot == 1 || dotted || known_abbreviation(nm, s, p, i))) {
        t->end = t->name_end = i + 1;
    }
}

/* Returns the offset after the white space at s[i] if it is a single gap between two
 * words of one name (spaces, or one line break in hard-wrapped text), else 0. */
static size_t skip_gap(const char *s, size_t end, size_t i)
{
    size_t j = i, newlines = 0;
    while (j < end && j - i < 4) {
        if (s[j] == ' ' || s[j] == '\t')
            j++;
        else if (s[j] == '\r' && j + 1 < end && s[j + 1] == '\n')
            j++;
        else if (s[j] == '\n' && newlines++ == 0)
            j++;
        else if ((unsigned char)s[j] == 0xC2 && j + 1 < end && (unsigned char)s[j + 1] == 0xA0)
            j += 2;
        else
            break;
    }
    return j > i && j < end ? j : 0;
}

static bool starts_upper(const char *s, size_t end, size_t p)
{
    size_t len;
    return p < end && lede_is_upper_cp(lede_cp_at(s, end, p, &len));
}

static bool starts_lower(const char *s, size_t end, size_t p)
{
    size_t len;
    return p < end && lede_is_lower_cp(lede_cp_at(s, end, p, &len));
}

/* Looks a token's word (without a possessive ending) up in the word lists once, for
 * all the questions asked of it later. */
static void look_up_token(const lede_namer *nm, const char *s, token *t)
{
    size_t len = t->name_end - t->start;
    /* Longer words are unknown, as keys built by make_key are. */
    t->lw = len < KEY_MAX ? find_word(nm, s + t->start, len) : (lede_lex_word){0, 0, 0};
}

/* Reads the word at s[p] as a token of a name run and looks it up. */
static void read_token(const lede_namer *nm, const char *s, size_t end, size_t p, token *t)
{
    read_word(nm, s, end, p, t);
    look_up_token(nm, s, t);
}

static bool tok_has(lede_lex_kind kind, const token *t)
{
    return (t->lw.kinds & LEDE_LEX_BIT(kind)) != 0;
}

/* Reads the run of capitalised words that starts at p into toks; returns how many.
 * Lower-case connectors join it where names use them: particles ("de", "bin"),
 * "of"/"for" after an organisation, place or title word ("Bank of England"). */
static size_t read_sequence(const lede_namer *nm, const char *s, size_t end, size_t p, token *toks)
{
    size_t n = 0;
    bool had_of = false;
    read_token(nm, s, end, p, &toks[n++]);
    while (n + 2 < MAX_TOKENS && !toks[n - 1].possessive) {
        size_t q = skip_gap(s, end, toks[n - 1].end);
        if (!q)
            break;
        if (starts_upper(s, end, q)) {
            read_token(nm, s, end, q, &toks[n++]);
            continue;
        }
        if (!starts_lower(s, end, q))
            break;
        token w;
        read_word(nm, s, end, q, &w);
        const token *prev = &toks[n - 1];
        size_t wlen = w.end - w.start;
        const char *ws = s + w.start;
        const char *dash = memchr(ws, '-', wlen);
        size_t r = skip_gap(s, end, w.end);
        /* Only a word before a capital, or one glued to a capital by a hyphen, can join
         * the run; most words after a name are neither and need no lookup. */
        if (!dash && (!r || !starts_upper(s, end, r)))
            break;
        look_up_token(nm, s, &w);
        /* A particle is the whole word: "de's" is none, though its token is "de". */
        bool particle = w.possessive ? lex_has(nm, LEDE_LEX_PARTICLE, ws, wlen)
                                     : tok_has(LEDE_LEX_PARTICLE, &w);
        /* "al-Assad": a particle glued to a capitalised name. */
        if (!particle && dash && lex_has(nm, LEDE_LEX_PARTICLE, ws, (size_t)(dash - ws)) &&
            starts_upper(s, end, (size_t)(dash - s) + 1)) {
            toks[n++] = w;
            continue;
        }
        bool of =
            (wlen == 2 && memcmp(ws, "of", 2) == 0) || (wlen == 3 && memcmp(ws, "for", 3) == 0);
        bool and = wlen == 3 && memcmp(ws, "and", 3) == 0;
        bool joins = particle ||
                     (of && (tok_has(LEDE_LEX_ORGWORD, prev) || tok_has(LEDE_LEX_PLACEWORD, prev) ||
                             tok_has(LEDE_LEX_TITLE, prev))) ||
                     (and&&had_of);
        if (!joins || !r || !starts_upper(s, end, r))
            break;
        had_of |= of;
        w.lower = true;
        toks[n++] = w;
        read_token(nm, s, end, r, &toks[n++]);
    }
    return n;
}

/* --- context ----------------------------------------------------------------------- */

/* True when offset p of the paragraph [lo, ..) starts a sentence: only opening marks
 * and white space lie between it and the paragraph start or an end of sentence. */
static bool sentence_start(const char *s, size_t lo, size_t p)
{
    size_t i = p, len;
    while (i > lo) {
        uint32_t c = lede_cp_before(s, lo, i, &len);
        if (lede_is_space_cp(c) || c == '"' || c == 0x201C || c == 0x2018 || c == '\'' ||
            c == '(' || c == '[' || c == 0x2014 || c == 0x2013 || c == '-' || c == 0xAB) {
            i -= len;
            continue;
        }
        if (c == 0x201D || c == 0x2019) { /* a closing quote: look at what it closes */
            i -= len;
            continue;
        }
        return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026;
    }
    return true;
}

/* Finds the word that ends before offset i (skipping white space) within [lo, i).
 * Returns false at the paragraph start or at punctuation other than an apostrophe. */
static bool word_before(const char *s, size_t lo, size_t i, size_t *ws, size_t *we)
{
    size_t len;
    while (i > lo && (s[i - 1] == ' ' || s[i - 1] == '\n' || s[i - 1] == '\r' || s[i - 1] == '\t'))
        i--;
    size_t e = i;
    while (i > lo) {
        unsigned char b = (unsigned char)s[i - 1];
        if (b < 0x80) { /* ASCII needs no decoding */
            if (!lede_is_ascii_word(b) && b != '\'' && b != '-' && b != '.')
                break;
            i--;
            continue;
        }
        uint32_t c = lede_cp_before(s, lo, i, &len);
        if (lede_is_word_cp(c) || is_apostrophe(c) || is_hyphen(c))
            i -= len;
        else
            break;
    }
    if (i == e)
        return false;
    *ws = i;
    *we = e;
    return true;
}

/* A lower-case title right before the name ("aide", "chief executive") makes it a
 * person and gives its role; the role takes in an owner before it ("Kremlin aide",
 * "Putin’s aide") and modifiers ("former"). Returns true when one was found. */
static bool role_before(const lede_namer *nm, const char *s, size_t lo, size_t p, size_t *rs)
{
    size_t starts[3], ends[3], ws, we, at = p, found = 0;
    int n = 0;
    while (n < 3 && word_before(s, lo, at, &ws, &we)) {
        starts[n] = ws;
        ends[n++] = we;
        at = ws;
    }
    const unsigned title = LEDE_LEX_BIT(LEDE_LEX_TITLE);
    char key[KEY_MAX];
    for (int k = n; k >= 1 && !found; k--) {
        size_t from = starts[k - 1], len;
        if ((s[from] >= 'A' && s[from] <= 'Z') || ends[0] - from >= KEY_MAX)
            continue;
        /* One word is looked up as it stands; a longer key is built only when a
         * title begins with its first word. */
        lede_lex_word first = find_word(nm, s + from, ends[k - 1] - from);
        if (k == 1 ? (first.kinds & title) != 0
                   : (first.starts & title) && (len = make_key(s, from, ends[0], key)) &&
                         lex_has(nm, LEDE_LEX_TITLE, key, len))
            found = from;
    }
    if (!found)
        return false;
    size_t start = found;
    for (int steps = 0; steps < 3 && word_before(s, lo, start, &ws, &we); steps++) {
        bool modifier = in_list(role_modifiers, s + ws, we - ws);
        bool owner = starts_upper(s, we, ws) && !lex_has(nm, LEDE_LEX_STOP, s + ws, we - ws) &&
                     !sentence_start(s, lo, ws);
        if (!modifier && !owner)
            break;
        start = ws;
    }
    *rs = start;
    return true;
}

static bool is_verb_after(const lede_namer *nm, const char *s, size_t end, size_t p)
{
    size_t q = skip_gap(s, end, p);
    if (!q || !starts_lower(s, end, q))
        return false;
    token w;
    read_word(nm, s, end, q, &w);
    return lex_has(nm, LEDE_LEX_VERB, s + w.start, w.end - w.start);
}

/* True when the word before offset p leads to a place ("in", "to", "visit"). */
static bool after_place_word(const char *s, size_t lo, size_t p)
{
    static const char *const leads[] = {"in",     "at",      "to",     "from",    "near",
                                        "visit",  "visited", "visits", "outside", "into",
                                        "across", "through", NULL};
    size_t ws, we;
    return word_before(s, lo, p, &ws, &we) && in_list(leads, s + ws, we - ws);
}

/* "said Blair": a reporting verb in a finite form right before the name. */
static bool is_verb_before(const lede_namer *nm, const char *s, size_t lo, size_t p)
{
    size_t ws, we;
    if (!word_before(s, lo, p, &ws, &we) || !starts_lower(s, we, ws) || we - ws < 4)
        return false;
    char last = s[we - 1];
    return (last == 'd' || last == 's') && lex_has(nm, LEDE_LEX_VERB, s + ws, we - ws);
}

/* "Keron Blair, executive director of AROS,": a role in apposition makes a person; so
 * does a relative clause on "who" ("Rucker Culpepper, who runs …"). */
static bool role_after(const lede_namer *nm, const char *s, size_t end, size_t p)
{
    static const char *const stops[] = {"which", "whose", "where", "that", "and", NULL};
    if (p + 2 >= end || s[p] != ',' || s[p + 1] != ' ')
        return false;
    if (p + 6 < end && memcmp(s + p + 2, "who ", 4) == 0)
        return true;
    size_t q = p + 2;
    for (int words = 0; words < 5 && (starts_lower(s, end, q) || starts_upper(s, end, q));
         words++) {
        token w;
        read_word(nm, s, end, q, &w);
        if (in_list(stops, s + w.start, w.end - w.start))
            return false;
        if (starts_lower(s, end, q) && lex_has(nm, LEDE_LEX_TITLE, s + w.start, w.end - w.start))
            return true;
        q = skip_gap(s, end, w.end);
        if (!q)
            return false;
    }
    return false;
}

/* "Jearl Miles (U.S.) 50.42": a country in parentheses after a name marks a person in
 * results and lists of people. */
static bool country_after(const lede_namer *nm, const char *s, size_t end, size_t p)
{
    if (p + 3 >= end || s[p] != ' ' || s[p + 1] != '(')
        return false;
    size_t q = p + 2, r = q;
    while (r < end && r - q < 40 && s[r] != ')' && s[r] != '(')
        r++;
    return r < end && s[r] == ')' && lex_has(nm, LEDE_LEX_PLACE, s + q, r - q);
}

/* "Acme Weekly host Peter Hansen": a name right before a role and another name is the
 * organisation the role belongs to. */
static bool owns_role(const lede_namer *nm, const char *s, size_t end, size_t p)
{
    size_t q = skip_gap(s, end, p);
    if (!q || !starts_lower(s, end, q))
        return false;
    token w;
    read_word(nm, s, end, q, &w);
    size_t r = skip_gap(s, end, w.end);
    return r && starts_upper(s, end, r) &&
           lex_has(nm, LEDE_LEX_TITLE, s + w.start, w.end - w.start);
}

static bool all_caps(const char *s, size_t start, size_t end)
{
    size_t letters = 0;
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z')
            return false;
        letters += c >= 'A' && c <= 'Z';
    }
    return letters >= 2;
}

/* --- candidates ---------------------------------------------------------------------- */

static lede_status push_cand(cands *cs, const cand *c)
{
    if (cs->n == cs->cap) {
        size_t cap = cs->cap ? cs->cap * 2 : 256;
        cand *items = realloc(cs->items, cap * sizeof *items);
        if (!items)
            return LEDE_ERR_NOMEM;
        cs->items = items;
        cs->cap = cap;
    }
    cs->items[cs->n++] = *c;
    return LEDE_OK;
}

/* Returns how many tokens from toks[m] form the longest title, leaving at least one
 * token of toks[m..b) for the name; 0 when none. */
static size_t title_at(const lede_namer *nm, const char *s, const token *toks, size_t m, size_t b)
{
    int most = lede_lexicon_max_words(nm->lex, LEDE_LEX_TITLE);
    char key[KEY_MAX];
    /* Longer titles only where the first word begins one. */
    if (toks[m].lw.starts & LEDE_LEX_BIT(LEDE_LEX_TITLE)) {
        for (size_t len = (size_t)most; len >= 2; len--) {
            if (m + len >= b)
                continue;
            size_t k = make_key(s, toks[m].start, toks[m + len - 1].name_end, key);
            if (k && lex_has(nm, LEDE_LEX_TITLE, key, k))
                return len;
        }
    }
    return m + 1 < b && tok_has(LEDE_LEX_TITLE, &toks[m]) ? 1 : 0;
}

static bool is_modifier_token(const char *s, const token *t)
{
    return tok_has(LEDE_LEX_PLACE, t) || tok_has(LEDE_LEX_DEMONYM, t) || tok_has(LEDE_LEX_ORG, t) ||
           in_list(role_modifiers, s + t->start, t->name_end - t->start);
}

/* Reads w (a lookup's answer) as a whole name; when it is one, sets c's type,
 * strength and canonical name. */
static bool known_word(const lede_namer *nm, lede_lex_word w, cand *c)
{
    static const struct {
        lede_lex_kind kind;
        int type;
    } kinds[] = {{LEDE_LEX_PERSON, LEDE_PERSON},
                 {LEDE_LEX_ORG, LEDE_ORGANIZATION},
                 {LEDE_LEX_PLACE, LEDE_PLACE},
                 {LEDE_LEX_GROUP, LEDE_GROUP},
                 {LEDE_LEX_DEMONYM, LEDE_GROUP}};
    for (size_t k = 0; w.kinds && k < sizeof kinds / sizeof kinds[0]; k++) {
        const char *value = lede_lexicon_word_value(nm->lex, w, kinds[k].kind);
        if (!value)
            continue;
        c->hint = kinds[k].type;
        c->strong = true;
        c->canonical = *value && kinds[k].kind != LEDE_LEX_DEMONYM ? value : NULL;
        return true;
    }
    return false;
}

static bool known_name(const lede_namer *nm, const char *key, size_t len, cand *c)
{
    return known_word(nm, find_word(nm, key, len), c);
}

/* known_name for toks[a..b) as a whole: a single word answers from its token, and a
 * key is built only when a name of the lists begins with the first word. */
static bool known_tokens(const lede_namer *nm, const char *s, const token *toks, size_t a, size_t b,
                         cand *c)
{
    const unsigned names = LEDE_LEX_BIT(LEDE_LEX_PERSON) | LEDE_LEX_BIT(LEDE_LEX_ORG) |
                           LEDE_LEX_BIT(LEDE_LEX_PLACE) | LEDE_LEX_BIT(LEDE_LEX_GROUP) |
                           LEDE_LEX_BIT(LEDE_LEX_DEMONYM);
    if (b - a == 1)
        return known_word(nm, toks[a].lw, c);
    if (!(toks[a].lw.starts & names))
        return false;
    char key[KEY_MAX];
    size_t len = make_key(s, toks[a].start, toks[b - 1].name_end, key);
    return known_name(nm, key, len, c);
}

/* Looks the name up in the word lists and reads the evidence for its type. */
static void type_name(const lede_namer *nm, const char *s, size_t lo, size_t end, const token *toks,
                      size_t a, size_t b, cand *c)
{
    if (known_tokens(nm, s, toks, a, b, c))
        return;
    const token *first = &toks[a], *last = &toks[b - 1];
    if (c->role_end > c->role_start) {
        c->hint = LEDE_PERSON;
        c->strong = true;
    } else if (tok_has(LEDE_LEX_ORGWORD, last) ||
               (b - a > 2 && tok_has(LEDE_LEX_ORGWORD, first) && toks[a + 1].lower)) {
        c->hint = LEDE_ORGANIZATION;
        c->strong = b - a > 1;
    } else if (b - a > 1 && (tok_has(LEDE_LEX_PLACEWORD, last) ||
                             (tok_has(LEDE_LEX_PLACEWORD, first) && toks[a + 1].lower))) {
        c->hint = LEDE_PLACE;
        c->strong = true;
    } else if (b - a > 1 && first->end - first->start == 2 && s[first->start + 1] == '.') {
        c->hint = LEDE_PERSON; /* "D. Blenkiron" */
        c->strong = true;
    } else if (tok_has(LEDE_LEX_FIRST, first) && !tok_has(LEDE_LEX_PLACE, first) &&
               (b - a > 1 || !after_place_word(s, lo, first->start))) {
        /* A first name and more; a first name alone is a person too, unless it follows
         * a word that leads to places ("visit Charlotte", "in Savannah"). */
        c->hint = LEDE_PERSON;
        c->strong = b - a > 1;
    } else if (b - a > 1 && country_after(nm, s, end, last->name_end)) {
        c->hint = LEDE_PERSON;
        c->strong = true;
    } else if (!last->possessive && owns_role(nm, s, end, last->end)) {
        c->hint = LEDE_ORGANIZATION;
    } else if (role_after(nm, s, end, last->name_end)) {
        c->hint = LEDE_PERSON;
        c->strong = true;
    } else if (is_verb_after(nm, s, end, last->end) || is_verb_before(nm, s, lo, first->start)) {
        c->hint = LEDE_PERSON;
    } else if (b - a == 1 && all_caps(s, first->start, first->name_end)) {
        c->hint = LEDE_ORGANIZATION;
        c->acronym = true;
    }
}

/* True when toks[a..b) as a whole is a name in the word lists. */
static bool whole_is_known(const lede_namer *nm, const char *s, const token *toks, size_t a,
                           size_t b)
{
    cand probe;
    memset(&probe, 0, sizeof probe);
    return known_tokens(nm, s, toks, a, b, &probe);
}

/* True when toks[a..b) is a place name of the word lists. */
static bool place_window(const lede_namer *nm, const char *s, const token *toks, size_t a, size_t b)
{
    char key[KEY_MAX];
    size_t len = make_key(s, toks[a].start, toks[b - 1].name_end, key);
    return len && lex_has(nm, LEDE_LEX_PLACE, key, len);
}

/* How many tokens from toks[m] are a modifier that may stand before a title: a known
 * place, organisation or nationality ("U.S.", "European Commission", "Russian"), or a
 * word such as "Deputy". Leaves at least one more token; 0 when there is none. */
static size_t modifier_len(const lede_namer *nm, const char *s, const token *toks, size_t m,
                           size_t b)
{
    for (size_t len = b - m - 1 < 4 ? b - m - 1 : 4; len > 1; len--)
        if (!toks[m + len - 1].lower && whole_is_known(nm, s, toks, m, m + len))
            return len;
    return m + 1 < b && (is_modifier_token(s, &toks[m]) || tok_has(LEDE_LEX_ORGWORD, &toks[m])) ? 1
                                                                                                : 0;
}

/* True when a score follows offset p: "Somerset 83", "Kent 108-3", not a year or 1.5%. */
static bool score_after(const char *s, size_t end, size_t p)
{
    if (p + 1 >= end || s[p] != ' ' || s[p + 1] < '0' || s[p + 1] > '9')
        return false;
    size_t i = p + 1;
    while (i < end && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i - (p + 1) > 3)
        return false;
    if (i == end)
        return true;
    bool digit_next = i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '9';
    if ((s[i] == '.' || s[i] == ',' || s[i] == ':') && digit_next)
        return false; /* 1.5, 1,000, 10:30 */
    return s[i] != '%' && !((unsigned char)s[i] >= 'a' && (unsigned char)s[i] <= 'z');
}

/* Reads titles and the modifiers before them from toks[a] ("U.S. President", "former
 * Prime Minister"): stores where the first title starts and where the last ends (both
 * a when there is none) and whether a title is an honorific ("Mr."). */
static void peel_titles(const lede_namer *nm, const char *s, const token *toks, size_t a, size_t b,
                        size_t *title_start, size_t *title_end, bool *honorific)
{
    size_t m = a;
    *title_start = *title_end = a;
    *honorific = false;
    while (m < b) {
        size_t len = title_at(nm, s, toks, m, b);
        if (len) {
            *honorific |= in_list(honorifics, s + toks[m].start, toks[m].end - toks[m].start);
            if (*title_end == a)
                *title_start = m;
            m += len;
            *title_end = m;
            continue;
        }
        size_t mod = *title_end == a ? modifier_len(nm, s, toks, m, b) : 0;
        if (!mod)
            break;
        m += mod;
    }
}

/* Sets c's role: the titles toks[a..title_end) with the modifiers before them ("former
 * President"), or a lower-case title before the name ("Kremlin aide"). An honorific
 * alone is no role. */
static void set_role(const lede_namer *nm, const char *s, size_t lo, const token *toks, size_t a,
                     size_t title_end, bool honorific, cand *c)
{
    size_t ws, we;
    if (title_end > a) {
        c->role_start = toks[a].start;
        c->role_end = toks[title_end - 1].end;
        while (word_before(s, lo, c->role_start, &ws, &we) &&
               in_list(role_modifiers, s + ws, we - ws))
            c->role_start = ws;
        if (honorific && title_end - a == 1)
            c->role_start = c->role_end = 0;
        else if (honorific)
            c->role_start = c->role_end; /* keep the person evidence, drop the role */
    } else if (role_before(nm, s, lo, c->start, &c->role_start)) {
        word_before(s, lo, c->start, &ws, &c->role_end);
    }
}

/* Finds the longest known name inside toks[a..b) other than the whole, the first from
 * the left; stores its bounds and returns true if there is one. */
static bool known_inside(const lede_namer *nm, const char *s, const token *toks, size_t a, size_t b,
                         size_t *ka, size_t *kb)
{
    for (size_t j = a; j < b; j++) {
        for (size_t e = b - j < 4 ? b : j + 4; e > j; e--) {
            if ((j == a && e == b) || toks[j].lower || toks[e - 1].lower ||
                !whole_is_known(nm, s, toks, j, e))
                continue;
            *ka = j;
            *kb = e;
            return true;
        }
    }
    return false;
}

/* "the European Medicines Agency (EMA)": notes the acronym after c as its alias. */
static void note_acronym(const char *s, size_t end, cand *c)
{
    if (c->end + 3 >= end || s[c->end] != ' ' || s[c->end + 1] != '(')
        return;
    size_t q = c->end + 2, r = q;
    while (r < end && r - q < 12 && s[r] >= 'A' && s[r] <= 'Z')
        r++;
    if (r < end && s[r] == ')' && r - q >= 2) {
        c->acr_start = q;
        c->acr_end = r;
    }
}

/* Turns toks[a..b) (no stop words inside) into candidates, if it names something. */
static lede_status add_name(const lede_namer *nm, const char *s, size_t lo, size_t end,
                            const token *toks, size_t a, size_t b, bool at_sentence_start,
                            bool weak, cands *cs)
{
    while (a < b && toks[a].lower)
        a++;
    while (b > a && toks[b - 1].lower)
        b--;
    if (a == b)
        return LEDE_OK;
    size_t title_start, name_a;
    bool honorific;
    peel_titles(nm, s, toks, a, b, &title_start, &name_a, &honorific);
    if (name_a == a && title_at(nm, s, toks, a, a + 2) == 1 && b - a == 1)
        return LEDE_OK; /* a bare title ("President") names nobody */
    if (title_start > a) {
        /* "U.S. President Donald Trump": the role's own names are mentions too. */
        lede_status st = add_name(nm, s, lo, end, toks, a, title_start, false, weak, cs);
        if (st != LEDE_OK)
            return st;
    } else if (name_a == a && b - a > 1 && tok_has(LEDE_LEX_DEMONYM, &toks[a]) &&
               !tok_has(LEDE_LEX_ORGWORD, &toks[b - 1]) &&
               !tok_has(LEDE_LEX_PLACEWORD, &toks[b - 1]) && !whole_is_known(nm, s, toks, a, b)) {
        /* "Australian Tom Moody": a nationality before a name is no part of it. */
        lede_status st = add_name(nm, s, lo, end, toks, a, a + 1, at_sentence_start, weak, cs);
        return st != LEDE_OK ? st : add_name(nm, s, lo, end, toks, a + 1, b, false, weak, cs);
    }
    cand c;
    memset(&c, 0, sizeof c);
    c.hint = NO_HINT;
    c.weak = weak;
    c.start = toks[name_a].start;
    c.end = toks[b - 1].name_end;
    c.last_start = toks[b - 1].start;
    c.last_end = toks[b - 1].name_end;
    c.ntok = (uint8_t)(b - name_a);
    c.sent_initial = name_a == a && at_sentence_start;
    set_role(nm, s, lo, toks, a, name_a, honorific, &c);
    type_name(nm, s, lo, end, toks, name_a, b, &c);
    size_t ka, kb;
    if (c.hint == NO_HINT && b - name_a > 1 && c.role_end == c.role_start &&
        known_inside(nm, s, toks, name_a, b, &ka, &kb)) {
        if (ka == name_a && place_window(nm, s, toks, ka, kb)) {
            c.hint = LEDE_ORGANIZATION; /* "Kansas City Royals": named after a place */
        } else {
            /* "Lebed Chechnya": a run nothing vouches for, with a known name inside,
             * is several names side by side. */
            lede_status st = LEDE_OK;
            if (ka > name_a)
                st = add_name(nm, s, lo, end, toks, name_a, ka, at_sentence_start, weak, cs);
            if (st == LEDE_OK)
                st = add_name(nm, s, lo, end, toks, ka, kb, ka == a && at_sentence_start, weak, cs);
            if (st == LEDE_OK && kb < b)
                st = add_name(nm, s, lo, end, toks, kb, b, false, weak, cs);
            return st;
        }
    }
    /* "Torquay 2 Exeter 0": a place or an unknown name with a score is a team. */
    if ((c.hint == LEDE_PLACE || c.hint == NO_HINT) && score_after(s, end, c.end)) {
        c.team = true;
        if (c.hint == NO_HINT) {
            c.hint = LEDE_ORGANIZATION;
            c.strong = true;
        }
    }
    if (honorific && c.hint == NO_HINT) {
        c.hint = LEDE_PERSON;
        c.strong = true;
    }
    note_acronym(s, end, &c);
    return push_cand(cs, &c);
}

static bool is_stop(const lede_namer *nm, const char *s, const token *toks, size_t i)
{
    const token *t = &toks[i];
    if (t->lower)
        return false;
    if (!tok_has(LEDE_LEX_STOP, t) &&
        !(t->end > t->name_end && lex_has(nm, LEDE_LEX_STOP, s + t->start, t->end - t->start)))
        return false;
    /* "Theresa May": a month after a first name is a surname. */
    return !(i > 0 && tok_has(LEDE_LEX_FIRST, &toks[i - 1]));
}

/* In a headline or an all-capital line every word is capitalised, so a run of capitals
 * says nothing: at each word, take the longest known name, a first name and the word
 * after it, or else the single word, which later counts only as an alias of a name the
 * body gives. */
static lede_status add_weak_names(const lede_namer *nm, const char *s, size_t end,
                                  const token *toks, size_t n, bool fold, cands *cs)
{
    char key[KEY_MAX];
    for (size_t i = 0; i < n;) {
        cand c;
        memset(&c, 0, sizeof c);
        c.hint = NO_HINT;
        c.weak = true;
        size_t best = 0;
        for (size_t len = n - i < 4 ? n - i : 4; len >= 1 && !best; len--) {
            for (int f = fold; f >= 0 && !best; f--) {
                size_t k = make_key_fold(s, toks[i].start, toks[i + len - 1].name_end, key, f);
                if (!toks[i + len - 1].lower && known_name(nm, key, k, &c)) {
                    best = len;
                    c.fold = f;
                }
            }
        }
        size_t k = make_key_fold(s, toks[i].start, toks[i].name_end, key, fold);
        bool stop = toks[i].lower || lex_has(nm, LEDE_LEX_STOP, key, k);
        /* A first name and the word after it, in title case only: in capitals the next
         * word is as likely a verb ("MITCHELL DEFEATS BAILEY"). */
        if (!best && !stop && !fold && i + 1 < n && !toks[i + 1].lower &&
            lex_has(nm, LEDE_LEX_FIRST, key, k)) {
            size_t k2 = make_key_fold(s, toks[i + 1].start, toks[i + 1].name_end, key, fold);
            if (!lex_has(nm, LEDE_LEX_STOP, key, k2)) {
                best = 2;
                c.hint = LEDE_PERSON;
                c.strong = true;
            }
        }
        if (!best && stop) {
            i++;
            continue;
        }
        best = best ? best : 1;
        c.fold = c.fold || (fold && !c.canonical);
        c.start = toks[i].start;
        c.end = toks[i + best - 1].name_end;
        c.last_start = toks[i + best - 1].start;
        c.last_end = c.end;
        c.ntok = (uint8_t)best;
        c.team = c.hint == LEDE_PLACE && score_after(s, end, c.end);
        lede_status st = push_cand(cs, &c);
        if (st != LEDE_OK)
            return st;
        i += best;
    }
    return LEDE_OK;
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* The high bit of each byte of w set where lo <= byte <= hi (bytes below 0x80; lo > 0). */
static uint64_t bytes_between(uint64_t w, unsigned char lo, unsigned char hi)
{
    uint64_t low7 = w & ~HIGHS;
    return (ONES * (127u + hi + 1) - low7) & ~w & (low7 + ONES * (127u - (lo - 1u))) & HIGHS;
}

/* How many bytes of a bytes_between() mask are set. */
static size_t count_flags(uint64_t m)
{
    return (size_t)(((m >> 7) * ONES) >> 56);
}

/* True when the paragraph is written in capitals ("LONDON 1996-08-30"). Letters are
 * counted eight bytes at a time. */
static bool all_caps_para(const char *s, size_t start, size_t end)
{
    size_t upper = 0, lower = 0, i = start;
    for (; i + 8 <= end; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        upper += count_flags(bytes_between(w, 'A', 'Z'));
        lower += count_flags(bytes_between(w, 'a', 'z'));
        /* Stop as soon as even capitals to the end could not make it. */
        if (lower * 10 > upper + (end - i - 8))
            return false;
    }
    for (; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        upper += c >= 'A' && c <= 'Z';
        /* Stop as soon as even capitals to the end could not make it. */
        if (c >= 'a' && c <= 'z' && ++lower * 10 > upper + (end - i))
            return false;
    }
    return upper >= 3 && lower * 10 <= upper;
}

/* True when toks[i] lies inside a known name that starts at or after toks[a]
 * ("Second" in "Second World War"), so that it must not split the run. */
static bool inside_known(const lede_namer *nm, const char *s, const token *toks, size_t a, size_t i,
                         size_t n)
{
    for (size_t j = i >= a + 3 ? i - 3 : a; j <= i; j++)
        for (size_t end = n < j + 5 ? n : j + 5; end > i && end > j + 1; end--)
            if (whole_is_known(nm, s, toks, j, end))
                return true;
    return false;
}

/* True when most words of the paragraph are capitalised (a title-case headline). */
static bool title_case(const char *s, size_t start, size_t end)
{
    size_t words = 0, caps = 0;
    for (size_t i = start; i < end; i++) {
        if (i == start || s[i - 1] == ' ') {
            unsigned char c = (unsigned char)s[i];
            words++;
            caps += (c >= 'A' && c <= 'Z') || c >= 0x80;
        }
    }
    return words >= 3 && caps * 4 >= words * 3;
}

/* Returns the first offset from pos (before end) whose byte is A-Z or >= 0xC2 (a
 * multibyte lead), or end. Eight bytes are tested at once (bit tricks on a word: a
 * byte with its high bit set, or a byte between 'A' and 'Z'). */
static size_t skip_to_capital(const char *s, size_t pos, size_t end)
{
    while (pos + 8 <= end) {
        uint64_t w;
        memcpy(&w, s + pos, 8);
        uint64_t hit = bytes_between(w, 'A', 'Z') | (w & HIGHS);
        if (hit) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* The first flagged byte in memory order is the lowest: skip to it (a
             * continuation byte, below 0xC2, is passed over by the loop below). */
            pos += (size_t)__builtin_ctzll(hit) / 8;
#endif
            break;
        }
        pos += 8;
    }
    while (pos < end && !(((unsigned char)s[pos] >= 'A' && (unsigned char)s[pos] <= 'Z') ||
                          (unsigned char)s[pos] >= 0xC2))
        pos++;
    return pos;
}

/* True for code points that are surely neither upper- nor title-case letters (in
 * PCRE2's Unicode tables too): Latin-1 punctuation and small letters, small Greek and
 * Cyrillic letters, general punctuation and the symbol blocks after it. */
static bool surely_not_capital(uint32_t cp)
{
    return (cp >= 0x80 && cp <= 0xBF) || (cp >= 0xDF && cp <= 0xFF) ||
           (cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x430 && cp <= 0x45F) ||
           (cp >= 0x2000 && cp <= 0x20FF);
}

/* True when the byte at pos (A-Z or a multibyte lead) starts a capitalised word, as
 * the pattern cap_re says. The common cases are decided here: ASCII on both sides, a
 * small accented letter or a curly quote at pos, a curly quote or dash before an ASCII
 * capital (general punctuation holds no letters, marks or digits, and of it only the
 * apostrophe U+2019 joins words). The pattern (anchored, so the JIT tests one place)
 * decides the rest. */
static bool capital_starts_word(const lede_namer *nm, const char *s, size_t lo, size_t end,
                                size_t pos)
{
    unsigned char c = (unsigned char)s[pos], b = pos > lo ? (unsigned char)s[pos - 1] : ' ';
    if (c < 0x80 && b < 0x80)
        return !(lede_is_ascii_word(b) || b == '\'' || b == '.' ||
                 (b == '-' && pos > lo + 1 && lede_is_word_cp((unsigned char)s[pos - 2])));
    size_t len;
    if (c >= 0x80 && surely_not_capital(lede_cp_at(s, end, pos, &len)))
        return false;
    if (c < 0x80) {
        uint32_t before = lede_cp_before(s, lo, pos, &len);
        if (before >= 0x2000 && before <= 0x206F && before != 0x2019)
            return true;
    }
    return pcre2_match(nm->cap_re, (PCRE2_SPTR)s, end, pos, 0, nm->md, NULL) >= 0;
}

static lede_status scan_para(const lede_namer *nm, const lede_text *text, const lede_para *para,
                             cands *cs)
{
    const char *s = text->bytes;
    size_t lo = para->span.start, end = para->span.end, pos = lo;
    bool caps = all_caps_para(s, lo, end);
    bool weak = caps || (para->kind == LEDE_PARA_HEADLINE && title_case(s, lo, end));
    token toks[MAX_TOKENS];
    while (pos < end) {
        /* Only A-Z or a multibyte lead byte can start a capital: the scan skips the
         * rest eight bytes at a time, and capital_starts_word decides. */
        pos = skip_to_capital(s, pos, end);
        if (pos >= end)
            break;
        if (!capital_starts_word(nm, s, lo, end, pos)) {
            pos++;
            continue;
        }
        size_t p = pos;
        size_t n = read_sequence(nm, s, end, p, toks);
        pos = toks[n - 1].end > p ? toks[n - 1].end : p + 1;
        if (weak) {
            lede_status st = add_weak_names(nm, s, end, toks, n, caps, cs);
            if (st != LEDE_OK)
                return st;
            continue;
        }
        size_t a = 0;
        for (size_t i = 0; i <= n; i++) {
            if (i < n && (!is_stop(nm, s, toks, i) || inside_known(nm, s, toks, a, i, n)))
                continue;
            /* Only a name that starts the run asks where the sentence starts, and a run
             * that is one stop word ("He", "The") has none. */
            bool at_start = a == 0 && i > 0 && sentence_start(s, lo, p);
            lede_status st = add_name(nm, s, lo, end, toks, a, i, at_start, weak, cs);
            if (st != LEDE_OK)
                return st;
            a = i + 1;
        }
    }
    return LEDE_OK;
}

/* --- resolution -------------------------------------------------------------------- */

typedef struct {
    const lede_namer *nm;
    const char *s;
    lede_model *model;
    lede_strmap by_name;    /* canonical name -> entity */
    lede_strmap by_surname; /* surname -> index into families */
    lede_strmap by_acronym; /* acronym -> entity */
    uint32_t (*families)[4];
    size_t n_families, cap_families;
    size_t *last_seen; /* per entity: end of its latest mention, +1; 0 = not yet */
    size_t cap_seen;
} resolver;

static lede_status note_seen(resolver *r, uint32_t id, size_t at)
{
    if (id >= r->cap_seen) {
        size_t cap = r->cap_seen ? r->cap_seen * 2 : 64;
        while (cap <= id)
            cap *= 2;
        size_t *seen = realloc(r->last_seen, cap * sizeof *seen);
        if (!seen)
            return LEDE_ERR_NOMEM;
        memset(seen + r->cap_seen, 0, (cap - r->cap_seen) * sizeof *seen);
        r->last_seen = seen;
        r->cap_seen = cap;
    }
    r->last_seen[id] = at + 1;
    return LEDE_OK;
}

static lede_status add_surname(resolver *r, const char *key, size_t len, uint32_t id)
{
    uint32_t f = lede_strmap_get(&r->by_surname, key, len);
    if (f == UINT32_MAX) {
        if (r->n_families == r->cap_families) {
            size_t cap = r->cap_families ? r->cap_families * 2 : 32;
            uint32_t(*fam)[4] = realloc(r->families, cap * sizeof *fam);
            if (!fam)
                return LEDE_ERR_NOMEM;
            r->families = fam;
            r->cap_families = cap;
        }
        f = (uint32_t)r->n_families++;
        for (int i = 0; i < 4; i++)
            r->families[f][i] = LEDE_NONE;
        lede_status st = lede_strmap_put(&r->by_surname, key, len, f);
        if (st != LEDE_OK)
            return st;
    }
    for (int i = 0; i < 4; i++) {
        if (r->families[f][i] == id)
            return LEDE_OK;
        if (r->families[f][i] == LEDE_NONE) {
            r->families[f][i] = id;
            return LEDE_OK;
        }
    }
    return LEDE_OK;
}

/* The person with this surname mentioned most recently; else the first one known. */
static uint32_t surname_entity(const resolver *r, const char *key, size_t len)
{
    uint32_t f = lede_strmap_get(&r->by_surname, key, len);
    if (f == UINT32_MAX)
        return LEDE_NONE;
    uint32_t best = r->families[f][0];
    size_t best_seen = 0;
    for (int i = 0; i < 4 && r->families[f][i] != LEDE_NONE; i++) {
        uint32_t id = r->families[f][i];
        size_t seen = id < r->cap_seen ? r->last_seen[id] : 0;
        if (seen > best_seen) {
            best = id;
            best_seen = seen;
        }
    }
    return best;
}

/* The name c is known by: the lexicon's canonical name, or its text. */
static size_t cand_key(const resolver *r, const cand *c, char *key)
{
    if (c->canonical) {
        size_t len = strlen(c->canonical);
        if (len >= KEY_MAX)
            return 0;
        memcpy(key, c->canonical, len + 1);
        return len;
    }
    if (!c->fold && c->end - c->start < KEY_MAX)
        return make_key(r->s, c->start, c->end, key); /* the same key, mostly copied */
    return make_key_fold(r->s, c->start, c->end, key, c->fold);
}

static lede_status entity_for(resolver *r, const cand *c, uint32_t *id)
{
    char key[KEY_MAX];
    size_t len = cand_key(r, c, key);
    const char *name = key;
    *id = LEDE_NONE;
    if (!len)
        return LEDE_OK; /* too long to be a name: leave it out */
    *id = lede_strmap_get(&r->by_name, name, len);
    if (*id != UINT32_MAX)
        return LEDE_OK;
    lede_status st = lede_model_add_entity(r->model, (lede_entity_type)c->hint, name, NULL, id);
    if (st == LEDE_OK)
        st = lede_strmap_put(&r->by_name, name, len, *id);
    /* Aliases: a person's surname; an organisation's last word when it is an org word
     * ("the Commission" for the European Commission). */
    bool head = c->hint == LEDE_ORGANIZATION && c->ntok > 1 &&
                lede_lexicon_has(r->nm->lex, LEDE_LEX_ORGWORD, r->s + c->last_start,
                                 c->last_end - c->last_start);
    if (st == LEDE_OK && ((c->hint == LEDE_PERSON && c->ntok > 1) || head))
        st = add_surname(r, r->s + c->last_start, c->last_end - c->last_start, *id);
    if (st == LEDE_OK && c->acr_end > c->acr_start)
        st = lede_strmap_put(&r->by_acronym, r->s + c->acr_start, c->acr_end - c->acr_start, *id);
    return st;
}

/* Resolves c to an entity without creating one; LEDE_NONE when nothing known fits. */
static uint32_t known_entity(const resolver *r, const cand *c)
{
    char key[KEY_MAX];
    size_t len = cand_key(r, c, key);
    if (!len)
        return LEDE_NONE;
    uint32_t id = lede_strmap_get(&r->by_name, key, len);
    if (id != UINT32_MAX)
        return id;
    if (c->ntok == 1) {
        id = surname_entity(r, key, len);
        if (id != LEDE_NONE)
            return id;
        /* "PENCE" in a transcript is Mike Pence. */
        if (c->acronym && len > 3) {
            char folded[KEY_MAX];
            size_t flen = make_key_fold(r->s, c->start, c->end, folded, true);
            id = surname_entity(r, folded, flen);
            if (id != LEDE_NONE)
                return id;
        }
        id = lede_strmap_get(&r->by_acronym, key, len);
        if (id != UINT32_MAX)
            return id;
    }
    return LEDE_NONE;
}

/* The type of a name nothing vouches for, or NO_HINT to leave it out. */
static int guess_type(const resolver *r, const cand *c)
{
    if (c->sent_initial || c->weak || c->ntok < 2)
        return NO_HINT;
    const char *s = r->s;
    char key[KEY_MAX];
    size_t len = make_key(s, c->last_start, c->last_end, key);
    if (lede_lexicon_has(r->nm->lex, LEDE_LEX_DEMONYM, key, len))
        return NO_HINT; /* "Eastern European": an adjective, not a name */
    return c->ntok == 2 ? LEDE_PERSON : LEDE_ORGANIZATION;
}

static lede_status resolve(resolver *r, cands *cs, lede_names *out)
{
    lede_status st = LEDE_OK;
    /* Pass A: what the evidence names outright. */
    for (size_t i = 0; i < cs->n && st == LEDE_OK; i++) {
        cand *c = &cs->items[i];
        c->entity = LEDE_NONE;
        /* Single words wait for pass B, where they may turn out to be surnames. */
        if (c->strong && c->hint != NO_HINT && !c->weak && (c->ntok > 1 || c->canonical))
            st = entity_for(r, c, &c->entity);
    }
    /* Pass B: everything in text order, by name or alias, else as new evidence allows. */
    for (size_t i = 0; i < cs->n && st == LEDE_OK; i++) {
        cand *c = &cs->items[i];
        if (c->entity == LEDE_NONE)
            c->entity = known_entity(r, c);
        if (c->entity == LEDE_NONE && (!c->weak || c->strong)) {
            if (c->hint == NO_HINT && !c->sent_initial)
                c->hint = guess_type(r, c);
            else if (c->hint != NO_HINT && c->sent_initial && !c->strong && c->ntok == 1 &&
                     !c->acronym)
                c->hint = NO_HINT; /* "Explosions said": a sentence's first word */
            if (c->hint != NO_HINT)
                st = entity_for(r, c, &c->entity);
        }
        if (st != LEDE_OK || c->entity == LEDE_NONE)
            continue;
        if (c->team && r->model->entities[c->entity].type == LEDE_PLACE)
            r->model->entities[c->entity].type = LEDE_ORGANIZATION;
        st = note_seen(r, c->entity, c->end);
        if (st == LEDE_OK)
            st = lede_model_add_mention(r->model, c->entity, (lede_span){c->start, c->end});
        if (st == LEDE_OK && c->role_end > c->role_start && !r->model->entities[c->entity].role) {
            char role[KEY_MAX];
            if (make_key(r->s, c->role_start, c->role_end, role))
                st = lede_model_set_role(r->model, c->entity, role);
        }
        if (st == LEDE_OK) {
            if (out->n == out->cap) {
                size_t cap = out->cap ? out->cap * 2 : 256;
                lede_name *items = realloc(out->items, cap * sizeof *items);
                if (!items)
                    return LEDE_ERR_NOMEM;
                out->items = items;
                out->cap = cap;
            }
            out->items[out->n++] = (lede_name){{c->start, c->end}, c->entity};
        }
    }
    return st;
}

lede_status lede_namer_run(const lede_namer *namer, const lede_text *text, lede_model *model,
                           lede_names *out)
{
    cands cs = {0};
    lede_status st = LEDE_OK;
    for (size_t i = 0; i < text->n_paras && st == LEDE_OK; i++)
        st = scan_para(namer, text, &text->paras[i], &cs);
    resolver r = {.nm = namer, .s = text->bytes, .model = model};
    lede_strmap_init(&r.by_name);
    lede_strmap_init(&r.by_surname);
    lede_strmap_init(&r.by_acronym);
    if (st == LEDE_OK)
        st = resolve(&r, &cs, out);
    lede_strmap_free(&r.by_name);
    lede_strmap_free(&r.by_surname);
    lede_strmap_free(&r.by_acronym);
    free(r.families);
    free(r.last_seen);
    free(cs.items);
    return st;
}
