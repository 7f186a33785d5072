/* quotes.c - pair quotation marks, then attribute each quote.
 *
 * Pairing reads each mark's neighbours the way a reader does: a mark after a space and
 * before a word opens, one after a word and before a space or punctuation closes, and
 * only otherwise does the glyph decide. So straight quotes, quotes glued to a word
 * (read:"We) and marks of the wrong kind still pair, and a mark left open ends with its
 * paragraph instead of swallowing the article.
 *
 * Attribution looks, within the quote's sentence, for a reporting verb after the quote
 * ("…,” Trump said / said Trump) and then before it (Trump said: “…”), and takes the
 * name, pronoun or noun phrase next to the verb as the source. A quote with none
 * continues the previous quote's speaker. */
#include <stdlib.h>
#include <string.h>
#include "lede/chars.h"
#include "lede/quotes.h"

#define WINDOW_AFTER 32 /* tokens read after a quote for its attribution */
#define WINDOW_BEFORE 40

typedef struct {
    size_t start, end;
    uint32_t cp; /* 0 for a word, else the punctuation character */
} qtok;

typedef struct {
    size_t start, end;
    size_t para;
    bool closed;
    bool opens_para; /* the paragraph starts with it (a continued quote) */
    bool has_before; /* a token precedes it in its paragraph: before */
    qtok before;
    lede_quote q;
} found;

typedef struct {
    found *items;
    size_t n, cap;
} found_list;

typedef struct {
    const lede_lexicon *lex;
    const char *s;
    size_t len; /* of s */
    const lede_names *names;
    const lede_model *model;
} ctx;

/* --- marks --------------------------------------------------------------------------- */

enum { MARK_NONE, MARK_OPEN, MARK_CLOSE, MARK_EITHER };

/* What the glyph at s[i] is as a double quotation mark, and its length. */
static int mark_glyph(const char *s, size_t end, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    *len = 1;
    if (c == '"')
        return MARK_EITHER;
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80) {
        *len = 3;
        switch ((unsigned char)s[i + 2]) {
        case 0x9C: /* “ */
        case 0x9E: /* „ */
            return MARK_OPEN;
        case 0x9D: /* ” */
            return MARK_CLOSE;
        }
    }
    if (c == 0xC2 && i + 1 < end) {
        *len = 2;
        if ((unsigned char)s[i + 1] == 0xAB)
            return MARK_OPEN;
        if ((unsigned char)s[i + 1] == 0xBB)
            return MARK_CLOSE;
    }
    return MARK_NONE;
}

static bool opens_context(uint32_t c)
{
    return lede_is_space_cp(c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 ||
           c == '/';
}

static bool closes_context(uint32_t c)
{
    return lede_is_space_cp(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
           c == '?' || c == ')' || c == ']' || c == 0x2014 || c == 0x2013 || c == 0x2026 ||
           c == '\'' || c == 0x2019 || c == '-';
}

/* Decides whether the mark at s[i..i+len) opens or closes from its neighbours. */
static int mark_role(const char *s, size_t lo, size_t hi, size_t i, size_t len, int glyph,
                     int depth)
{
    size_t l;
    uint32_t before = i > lo ? lede_cp_before(s, lo, i, &l) : ' ';
    uint32_t after = i + len < hi ? lede_cp_at(s, hi, i + len, &l) : ' ';
    bool open_ctx = opens_context(before) || i == lo;
    bool close_ctx = closes_context(after) || i + len == hi;
    if (open_ctx && !close_ctx)
        return MARK_OPEN;
    if (close_ctx && !open_ctx)
        return MARK_CLOSE;
    if (glyph != MARK_EITHER)
        return glyph;
    return depth > 0 ? MARK_CLOSE : MARK_OPEN;
}

static lede_status push_found(found_list *fl, const found *f)
{
    if (fl->n == fl->cap) {
        size_t cap = fl->cap ? fl->cap * 2 : 64;
        found *items = realloc(fl->items, cap * sizeof *items);
        if (!items)
            return LEDE_ERR_NOMEM;
        fl->items = items;
        fl->cap = cap;
    }
    fl->items[fl->n++] = *f;
    return LEDE_OK;
}

static lede_status new_quote(found_list *fl, size_t start, size_t end, size_t para, bool closed,
                             size_t lo)
{
    found f;
    memset(&f, 0, sizeof f);
    f.start = start;
    f.end = end;
    f.para = para;
    f.closed = closed;
    f.opens_para = start == lo;
    f.q.span = (lede_span){start, end};
    f.q.speaker = LEDE_NONE;
    return push_found(fl, &f);
}

static bool may_start_mark(unsigned char b)
{
    return b == '"' || b == 0xE2 || b == 0xC2;
}

/* Has the top bit set of each byte of x that is zero, and perhaps of bytes above one. */
static uint64_t zero_bytes(uint64_t x)
{
    return (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
}

/* A quick test that most groups of plain text fail: sets the top bit of each byte of w
 * that is '"' (0 - 1) or 0xC2 or 0xE2 (still above 0x80 after a borrow), and as false
 * alarms of most other bytes >= 0x80 and of bytes just above a '"'. */
static uint64_t may_hold_mark(uint64_t w)
{
    return (w ^ 0x2222222222222222ull) - 0x0101010101010101ull;
}

/* Nonzero exactly when one of the eight bytes of w may start a mark. */
static uint64_t holds_mark_byte(uint64_t w)
{
    return zero_bytes(w ^ 0x2222222222222222ull) | zero_bytes(w ^ 0xE2E2E2E2E2E2E2E2ull) |
           zero_bytes(w ^ 0xC2C2C2C2C2C2C2C2ull);
}

/* The first byte at or after i (before hi) that may start a mark, or hi. Most bytes are
 * plain text, skipped sixteen at a time; the other bytes >= 0x80 (letters, dashes,
 * apostrophes) are ruled out eight at a time before any is read alone. */
static size_t next_mark_byte(const char *s, size_t i, size_t hi)
{
    while (i + 16 <= hi) {
        uint64_t w[2];
        memcpy(w, s + i, 16);
        if (!((may_hold_mark(w[0]) | may_hold_mark(w[1])) & 0x8080808080808080ull)) {
            i += 16;
            continue;
        }
        for (int k = 0; k < 2; k++, i += 8) {
            if (holds_mark_byte(w[k])) {
                while (!may_start_mark((unsigned char)s[i]))
                    i++;
                return i;
            }
        }
    }
    while (i < hi && !may_start_mark((unsigned char)s[i]))
        i++;
    return i;
}

/* Pairs the marks of paragraph para; quotes nested in a quote stay inside it. */
static lede_status pair_marks(const lede_text *text, size_t para, found_list *fl)
{
    const char *s = text->bytes;
    size_t lo = text->paras[para].span.start, hi = text->paras[para].span.end;
    int depth = 0;
    size_t start = 0;
    for (size_t i = next_mark_byte(s, lo, hi); i < hi; i = next_mark_byte(s, i, hi)) {
        unsigned char c = (unsigned char)s[i];
        size_t len;
        int glyph = mark_glyph(s, hi, i, &len);
        if (glyph == MARK_NONE) {
            /* A letter, dash or apostrophe: its continuation bytes cannot start a mark. */
            for (i++; i < hi && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
                ;
            continue;
        }
        if (depth == 0 && c == '"' && i > lo && s[i - 1] == '=') {
            /* Markup left in the text (<tweet author="…">): an attribute, not a quote. */
            const char *close = memchr(s + i + 1, '"', hi - i - 1);
            i = close ? (size_t)(close - s) + 1 : hi;
            continue;
        }
        int role = mark_role(s, lo, hi, i, len, glyph, depth);
        if (role == MARK_OPEN && depth < 64) {
            if (depth++ == 0)
                start = i;
        } else if (role == MARK_CLOSE && depth > 0 && --depth == 0) {
            lede_status st = new_quote(fl, start, i + len, para, true, lo);
            if (st != LEDE_OK)
                return st;
        }
        i += len;
    }
    if (depth > 0)
        return new_quote(fl, start, hi, para, false, lo);
    return LEDE_OK;
}

/* --- tokens -------------------------------------------------------------------------- */

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

/* The first token at or after i, before hi. */
static bool next_tok(const char *s, size_t hi, size_t i, qtok *t)
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

/* The last token that ends at or before i, not before lo. */
static bool prev_tok(const char *s, size_t lo, size_t i, qtok *t)
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

static bool tok_is(const char *s, const qtok *t, const char *word)
{
    if (t->cp != 0 || *word != s[t->start])
        return false;
    size_t len = strlen(word);
    return t->end - t->start == len && memcmp(s + t->start, word, len) == 0;
}

static bool tok_in(const char *s, const qtok *t, const char *const *words)
{
    if (t->cp != 0)
        return false;
    /* The lists are long and most words differ in their first letter: compare it first. */
    const char *w = s + t->start;
    size_t len = t->end - t->start;
    for (; *words; words++)
        if (**words == *w && strlen(*words) == len && memcmp(w, *words, len) == 0)
            return true;
    return false;
}

static bool is_quote_mark(uint32_t c);
static bool is_core_verb(const ctx *c, const qtok *t);

static bool is_verb(const ctx *c, const qtok *t)
{
    /* "Said Ellis: “…”": a verb that opens the sentence is capitalised. */
    if (t->cp == 0 && c->s[t->start] >= 'A' && c->s[t->start] <= 'Z' && t->end - t->start < 24) {
        char low[24];
        memcpy(low, c->s + t->start, t->end - t->start);
        low[0] = (char)(low[0] - 'A' + 'a');
        return lede_lexicon_has(c->lex, LEDE_LEX_VERB, low, t->end - t->start);
    }
    return t->cp == 0 &&
           lede_lexicon_has(c->lex, LEDE_LEX_VERB, c->s + t->start, t->end - t->start);
}

/* The irregular finite forms of the verbs of speech, all of four to seven letters. */
static bool is_irregular(const ctx *c, const qtok *t)
{
    static const char *const irregular[] = {"said",    "told", "wrote",   "spoke", "sang",
                                            "thought", "pled", "tweeted", "says",  "tells",
                                            "Said",    "Says", "read",    NULL};
    size_t len = t->end - t->start;
    return len >= 4 && len <= 7 && tok_in(c->s, t, irregular);
}

/* A reporting verb in a finite form: "said", "adds", "warned". Bare and -ing forms
 * ("order", "report", "saying") are nouns or clauses far more often than attributions.
 * The word before it is looked for from lo, the start of the caller's range, never in
 * an earlier paragraph. */
static bool is_speech_verb(const ctx *c, size_t lo, const qtok *t)
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
    if (!ing && !finite && !is_irregular(c, t))
        return false;
    if (!is_verb(c, t))
        return false;
    /* After a possessive or a determiner it is a noun: "Obama's remarks", "the claims". */
    static const char *const owners[] = {"the", "a",    "his", "her", "their", "its",   "our",
                                         "my",  "your", "The", "His", "Her",   "Their", NULL};
    qtok p;
    bool has_prev = prev_tok(c->s, lo, t->start, &p);
    if (has_prev && p.cp == 0) {
        size_t plen = p.end - p.start;
        const char *pw = c->s + p.start;
        if (tok_in(c->s, &p, owners) ||
            (plen > 2 && pw[plen - 1] == 's' &&
             (pw[plen - 2] == '\'' || (plen > 4 && memcmp(pw + plen - 4, "’", 3) == 0))))
            return false;
    }
    if (!ing)
        return true; /* irregular, or a finite ending */
    /* "is calling", "was describing": a progressive form after its auxiliary; "asking,
     * “Why …”": one that introduces the quote right after it. */
    static const char *const aux[] = {"is", "was", "are", "were", "been", NULL};
    if (has_prev && (tok_in(c->s, &p, aux) || p.cp == ','))
        return true; /* "is calling"; "…, saying" (a participle after its clause) */
    qtok a, b;
    return next_tok(c->s, c->len, t->end, &a) && (a.cp == ',' || a.cp == ':') &&
           next_tok(c->s, c->len, a.end, &b) && is_quote_mark(b.cp);
}

/* Words that cannot end the subject of a reporting verb. */
static const char *const function_words[] = {
    "in",   "on",   "at",    "to",   "of",  "for",  "by",    "with",    "from",  "that",   "and",
    "but",  "or",   "as",    "than", "if",  "when", "while", "because", "after", "before", "about",
    "into", "over", "under", "this", "not", "also", "what",  "which",   "there", "has",    "had",
    "have", "is",   "was",   "were", "are", "be",   "been",  NULL};

/* A period ends a sentence unless it ends an initial or a short abbreviation. */
static bool ends_sentence(const ctx *c, size_t lo, const qtok *t)
{
    if (t->cp == '!' || t->cp == '?' || t->cp == 0x2026)
        return true;
    if (t->cp != '.')
        return false;
    /* Not inside "(D-Mo.)" or before a lower-case word; not after an initial, "U.S", or a
     * title's abbreviation ("Rep.", "Gov."). */
    qtok w, n;
    if (next_tok(c->s, c->len, t->end, &n) &&
        (n.cp == ')' || n.cp == ',' || (n.cp == 0 && c->s[n.start] >= 'a' && c->s[n.start] <= 'z')))
        return false;
    if (!prev_tok(c->s, lo, t->start, &w) || w.cp != 0 || w.end != t->start ||
        c->s[w.start] < 'A' || c->s[w.start] > 'Z')
        return true;
    if (w.end - w.start <= 2)
        return false;
    return !lede_lexicon_has(c->lex, LEDE_LEX_TITLE, c->s + w.start, t->end - w.start);
}

static bool is_quote_mark(uint32_t c)
{
    return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB || c == 0xBB;
}

/* --- sources ------------------------------------------------------------------------- */

static const char *const pronouns[] = {"he", "she", "He", "She", "they", "They", "I",
                                       "we", "We",  "it", "It",  "who",  NULL};
static const char *const person_pronouns[] = {"he", "she", "He", "She", NULL};
static const char *const skippable[] = {
    "also",     "later",      "then",       "again",     "once",       "has",      "had",
    "have",     "would",      "will",       "did",       "does",       "was",      "were",
    "is",       "just",       "often",      "even",      "previously", "recently", "earlier",
    "further",  "repeatedly", "reportedly", "simply",    "ultimately", "quickly",  "flatly",
    "publicly", "privately",  "finally",    "initially", NULL};
static const char *const determiners[] = {"a",       "an",      "the", "A",   "An", "The",
                                          "another", "Another", "one", "One", NULL};

/* The index of the first name mention whose start (or, with by_end, end) is at or
 * after offset. Mentions do not overlap, so both orders are the same. */
static size_t first_name_at(const lede_names *names, size_t offset, bool by_end)
{
    size_t lo = 0, hi = names->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const lede_span *sp = &names->items[mid].span;
        if ((by_end ? sp->end : sp->start) < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The name mention that ends at offset end, or NULL. */
static const lede_name *name_ending_at(const lede_names *names, size_t end)
{
    size_t i = first_name_at(names, end, true);
    return i < names->n && names->items[i].span.end == end ? &names->items[i] : NULL;
}

/* The first name mention that starts at or after offset, or NULL. */
static const lede_name *name_from(const lede_names *names, size_t offset)
{
    size_t i = first_name_at(names, offset, false);
    return i < names->n ? &names->items[i] : NULL;
}

/* The person mentioned most recently before offset, for "he" and "she". */
static uint32_t recent_person(const ctx *c, size_t offset)
{
    const lede_name *n = name_from(c->names, offset);
    size_t i = n ? (size_t)(n - c->names->items) : c->names->n;
    for (size_t steps = 0; i > 0 && steps < 64; steps++) {
        const lede_name *m = &c->names->items[--i];
        if (c->model->entities[m->entity].type == LEDE_PERSON)
            return m->entity;
    }
    return LEDE_NONE;
}

static void set_source(lede_quote *q, size_t start, size_t end, uint32_t speaker)
{
    q->has_source = true;
    q->source = (lede_span){start, end};
    q->speaker = speaker;
}

/* True when the token at offset pos opens its sentence. */
static bool sentence_start_at(const ctx *c, size_t lo, size_t pos)
{
    qtok t;
    return !prev_tok(c->s, lo, pos, &t) || ends_sentence(c, lo, &t) || is_quote_mark(t.cp);
}

/* The subject of the sentence that holds offset pos (not before lo): its first word
 * if a pronoun, else the first name among its first words ("Trump, on his way to …,
 * denied …, saying “…”"). Returns true if found. */
static bool sentence_subject(const ctx *c, size_t lo, size_t pos, lede_quote *q)
{
    qtok t;
    size_t start = pos;
    for (int i = 0; i < 64 && prev_tok(c->s, lo, start, &t); i++) {
        if (ends_sentence(c, lo, &t) || is_quote_mark(t.cp))
            break;
        start = t.start;
    }
    if (next_tok(c->s, pos, start, &t) && tok_in(c->s, &t, person_pronouns)) {
        set_source(q, t.start, t.end, recent_person(c, t.start));
        return true;
    }
    const lede_name *n = name_from(c->names, start);
    if (!n || n->span.start >= pos || n->span.start - start > 64)
        return false;
    set_source(q, n->span.start, n->span.end, n->entity);
    return true;
}

/* "Moore (D-Wis.) said", "Newkirk, a writer for The Atlantic, said": the name before
 * the parenthesis or the apposition that ends at t; a person rather than a place or
 * organisation when appositions nest ("Ayrault, the foreign minister of France, a
 * member …, said"). */
static bool subject_before_aside(const ctx *c, size_t lo, const qtok *t, lede_quote *q)
{
    uint32_t open = t->cp == ')' ? '(' : ',';
    qtok u;
    size_t back = t->start;
    const lede_name *best = NULL;
    for (int i = 0; i < 32 && prev_tok(c->s, lo, back, &u); i++, back = u.start) {
        if (u.cp != open)
            continue;
        qtok w;
        const lede_name *n =
            prev_tok(c->s, lo, u.start, &w) && w.cp == 0 ? name_ending_at(c->names, w.end) : NULL;
        /* "Another critic, Laurence H. Tribe, likened": the aside is the name itself. */
        const lede_name *inner = name_ending_at(c->names, t->start);
        if (open == ',' && inner && inner->span.start > u.start &&
            c->model->entities[inner->entity].type == LEDE_PERSON &&
            (!n || c->model->entities[n->entity].type != LEDE_PERSON))
            n = inner;
        if (n && n->span.start >= lo && !best)
            best = n;
        if (n && n->span.start >= lo && c->model->entities[n->entity].type == LEDE_PERSON) {
            best = n;
            break;
        }
        if (open != ',')
            break;
    }
    if (!best)
        return false;
    set_source(q, best->span.start, best->span.end, best->entity);
    return true;
}

/* The name that ends at t, or for "Mr. Morgan of the Sierra Club said" the person
 * before "of"; NULL when no name ends there. */
static const lede_name *subject_name(const ctx *c, size_t lo, const qtok *t)
{
    const lede_name *n = name_ending_at(c->names, t->end);
    if (!n || n->span.start < lo)
        return NULL;
    if (c->model->entities[n->entity].type == LEDE_PERSON)
        return n;
    qtok w, x;
    size_t at = n->span.start;
    if (prev_tok(c->s, lo, at, &w) && tok_in(c->s, &w, determiners))
        at = w.start;
    if (prev_tok(c->s, lo, at, &w) && (tok_is(c->s, &w, "of") || tok_is(c->s, &w, "at")) &&
        prev_tok(c->s, lo, w.start, &x) && x.cp == 0) {
        const lede_name *p = name_ending_at(c->names, x.end);
        if (p && p->span.start >= lo && c->model->entities[p->entity].type == LEDE_PERSON)
            return p;
    }
    return n;
}

/* A noun phrase that ends with t ("a Kremlin official"): back to its determiner, at
 * most four words. False when t cannot end a subject. */
static bool subject_phrase(const ctx *c, size_t lo, const qtok *t, lede_quote *q)
{
    if (tok_in(c->s, t, function_words) || (c->s[t->start] >= '0' && c->s[t->start] <= '9'))
        return false;
    size_t start = t->start;
    qtok w;
    for (int words = 1; words < 4 && prev_tok(c->s, lo, start, &w) && w.cp == 0; words++) {
        if (is_verb(c, &w) || tok_in(c->s, &w, pronouns) || tok_in(c->s, &w, function_words))
            break;
        start = w.start;
        if (tok_in(c->s, &w, determiners))
            break;
    }
    set_source(q, start, t->end, LEDE_NONE);
    return true;
}

/* Reads the subject that ends before the verb at vstart (not before lo): a pronoun, a
 * name, or a short noun phrase ("a Kremlin official"). Returns true if found. */
static bool subject_before(const ctx *c, size_t lo, size_t vstart, lede_quote *q)
{
    qtok t;
    size_t at = vstart;
    for (int skips = 0;; skips++) {
        if (!prev_tok(c->s, lo, at, &t))
            return false;
        if (skips < 2 && (tok_in(c->s, &t, skippable) ||
                          (t.cp == 0 && t.end - t.start > 4 && c->s[t.end - 1] == 'y' &&
                           c->s[t.end - 2] == 'l' && c->s[t.start] >= 'a'))) {
            at = t.start;
            continue;
        }
        break;
    }
    /* "…, saying": a participle hangs on the sentence's subject. */
    qtok verb;
    if (t.cp == ',' && next_tok(c->s, c->len, vstart, &verb) && verb.end - verb.start > 4 &&
        memcmp(c->s + verb.end - 3, "ing", 3) == 0)
        return sentence_subject(c, lo, t.start, q);
    if (t.cp == ')' || t.cp == ',')
        return subject_before_aside(c, lo, &t, q);
    /* "Trump bemoaned the unrest and said …": coordinated verbs share the subject. */
    if (tok_is(c->s, &t, "and"))
        return sentence_subject(c, lo, t.start, q);
    if (t.cp != 0)
        return false;
    if (tok_is(c->s, &t, "who")) {
        /* "Lopez, who added": the name the relative clause hangs on. */
        qtok comma;
        const lede_name *n = NULL;
        if (prev_tok(c->s, lo, t.start, &comma) && comma.cp == ',')
            n = name_ending_at(c->names, comma.start);
        set_source(q, t.start, t.end, n ? n->entity : LEDE_NONE);
        return true;
    }
    if (tok_in(c->s, &t, pronouns)) {
        uint32_t who = tok_in(c->s, &t, person_pronouns) ? recent_person(c, t.start) : LEDE_NONE;
        set_source(q, t.start, t.end, who);
        return true;
    }
    const lede_name *n = subject_name(c, lo, &t);
    if (n) {
        set_source(q, n->span.start, n->span.end, n->entity);
        return true;
    }
    return subject_phrase(c, lo, &t, q);
}

/* Reads the source that follows the verb ending at vend ("said Trump", "said he"). */
static bool subject_after(const ctx *c, size_t hi, size_t vend, lede_quote *q)
{
    qtok t;
    if (!next_tok(c->s, hi, vend, &t) || t.cp != 0)
        return false;
    if (tok_in(c->s, &t, pronouns)) {
        uint32_t who = tok_in(c->s, &t, person_pronouns) ? recent_person(c, t.start) : LEDE_NONE;
        set_source(q, t.start, t.end, who);
        return true;
    }
    /* A name, perhaps after its title: "said Putin’s aide Yuri Ushakov". The phrase
     * may name others before its head ("said former Obama adviser David Axelrod",
     * "said MSNBC host Chris Matthews"): the last person before a comma or the next
     * clause is the speaker; failing a person, the first name. */
    const lede_name *n = name_from(c->names, t.start), *pick = NULL;
    size_t scanned = t.start;
    for (; n && n < c->names->items + c->names->n && n->span.start < hi &&
           n->span.start - t.start <= 80;
         n++) {
        bool clear = true;
        for (size_t i = scanned; i < n->span.start; i++)
            clear &= c->s[i] != ',' && c->s[i] != '"' && c->s[i] != ';' && c->s[i] != '(';
        qtok gap;
        for (size_t at = scanned; clear && next_tok(c->s, n->span.start, at, &gap); at = gap.end)
            clear = !(tok_in(c->s, &gap, function_words) || is_verb(c, &gap));
        if (!clear)
            break;
        scanned = n->span.end;
        if (!pick || c->model->entities[n->entity].type == LEDE_PERSON)
            pick = n;
    }
    if (pick) {
        set_source(q, pick->span.start, pick->span.end, pick->entity);
        return true;
    }
    if (!tok_in(c->s, &t, determiners))
        return false;
    size_t end = t.end;
    qtok w;
    for (int words = 0; words < 4 && next_tok(c->s, hi, end, &w) && w.cp == 0; words++)
        end = w.end;
    set_source(q, t.start, end, LEDE_NONE);
    return true;
}

static void set_cue(lede_quote *q, const qtok *verb)
{
    q->has_cue = true;
    q->cue = (lede_span){verb->start, verb->end};
}

/* True when the bytes "ccording" lie in [lo + 1, hi): a cheap test that rules out the
 * word "according" in [lo, hi) without reading the tokens there. */
static bool may_say_according(const char *s, size_t lo, size_t hi)
{
    /* 'g' is the word's rarest letter: look for it, then at the seven bytes before. */
    for (size_t i = lo + 8; i < hi;) {
        const char *g = memchr(s + i, 'g', hi - i);
        if (!g)
            return false;
        i = (size_t)(g - s);
        if (memcmp(g - 7, "ccordin", 7) == 0)
            return true;
        i++;
    }
    return false;
}

/* "according to X" between lo and hi: X is the source. */
static bool according_to(const ctx *c, size_t lo, size_t hi, lede_quote *q)
{
    if (!may_say_according(c->s, lo, hi))
        return false;
    qtok t, u;
    for (size_t at = lo; next_tok(c->s, hi, at, &t); at = t.end) {
        if (!(tok_is(c->s, &t, "according") || tok_is(c->s, &t, "According")))
            continue;
        if (next_tok(c->s, hi, t.end, &u) && tok_is(c->s, &u, "to") &&
            subject_after(c, hi, u.end, q)) {
            set_cue(q, &t);
            q->cue.end = u.end;
            return true;
        }
    }
    return false;
}

/* "…,” Welch said, according to Vermont Edition": the report named after the verb
 * ending at vend, in the rest of its sentence, is the source that the reader has. */
static void according_after_verb(const ctx *c, size_t vend, size_t lo, size_t hi, lede_quote *q)
{
    size_t send = vend;
    qtok u;
    for (size_t pos = vend;
         next_tok(c->s, hi, pos, &u) && !ends_sentence(c, lo, &u) && !is_quote_mark(u.cp);
         pos = u.end)
        send = u.end;
    lede_quote alt = *q;
    if (according_to(c, vend, send, &alt))
        *q = alt;
}

/* True when the closed quote f ends a sentence with a period inside its closing mark. */
static bool ends_with_period(const ctx *c, const found *f)
{
    qtok last;
    size_t mark = f->end - 1, len;
    while (mark > f->start && mark_glyph(c->s, f->end, mark, &len) == MARK_NONE)
        mark--;
    return prev_tok(c->s, f->start, mark, &last) && last.cp == '.' &&
           ends_sentence(c, f->start, &last);
}

/* Attribution after the quote, within its sentence: "…,” Trump said / said Trump. */
static bool attribute_after(const ctx *c, found *f, size_t hi)
{
    lede_quote *q = &f->q;
    qtok t;
    /* A quote that ends its own sentence with a period (“… reckless.” Peter Hansen called
     * …) is followed by a new sentence, unless that goes on in lower case. A question or
     * an exclamation is often followed by its speaker (“Why?” Graham asked). */
    if (f->closed && ends_with_period(c, f) && next_tok(c->s, hi, f->end, &t) && t.cp == 0 &&
        !(c->s[t.start] >= 'a' && c->s[t.start] <= 'z'))
        return false;
    size_t at = f->end, end = f->end;
    bool first_word = true;
    for (int i = 0; i < WINDOW_AFTER && next_tok(c->s, hi, at, &t); i++, at = t.end) {
        if (ends_sentence(c, f->end, &t) || is_quote_mark(t.cp))
            break;
        end = t.end;
        if (is_speech_verb(c, f->start, &t)) {
            set_cue(q, &t);
            /* "“…” about the plan, said RoseAnn DeMoro": a verb of speech after a comma
             * may still come before its subject. */
            if (first_word ? subject_after(c, hi, t.end, q)
                           : subject_before(c, f->end, t.start, q) ||
                                 (is_core_verb(c, &t) && subject_after(c, hi, t.end, q))) {
                if (may_say_according(c->s, t.end, hi))
                    according_after_verb(c, t.end, f->end, hi, q);
                return true;
            }
            q->has_cue = false;
            return false;
        }
        if (t.cp == 0)
            first_word = false;
    }
    return according_to(c, f->end, end, q);
}

/* Attribution before the quote, within its sentence: Trump said: “…”. */
/* The verbs of speech proper, preferred to others in the same sentence ("Ryan said
 * the protests demand …"). */
static bool is_core_verb(const ctx *c, const qtok *t)
{
    static const char *const core[] = {"said",  "says",   "told",  "tells", "added", "adds",
                                       "wrote", "writes", "asked", "asks",  "Said",  NULL};
    return tok_in(c->s, t, core);
}

static bool attribute_before(const ctx *c, found *f, size_t lo)
{
    lede_quote *q = &f->q;
    qtok t, verbs[8];
    size_t at = f->start, start = f->start, n = 0;
    for (int i = 0; i < WINDOW_BEFORE && prev_tok(c->s, lo, at, &t); i++, at = t.start) {
        if (ends_sentence(c, lo, &t) || is_quote_mark(t.cp))
            break;
        start = t.start;
        if (n < 8 && is_speech_verb(c, lo, &t))
            verbs[n++] = t;
    }
    /* "According to ProPublica, Clinton praised her “wonderful donors”": the sentence
     * is ProPublica's report. */
    if (according_to(c, start, f->start, q))
        return true;
    /* Core verbs first, the closest first; then the others. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (is_core_verb(c, &verbs[i]) != (pass == 0))
                continue;
            set_cue(q, &verbs[i]);
            /* Only a verb of speech proper inverts ("said Trump: “…”"); after another
             * verb the next words are its object ("likened the rules to “…”"). */
            /* "Devine, Sanders' media adviser, said Republicans …": a subject the verb
             * cannot find beside it is the sentence's; only a verb of speech that opens
             * its sentence comes before its subject ("Said Ellis: “…”"). */
            if (subject_before(c, lo, verbs[i].start, q) ||
                (pass == 0 && sentence_start_at(c, lo, verbs[i].start) &&
                 subject_after(c, f->start, verbs[i].end, q)) ||
                sentence_subject(c, lo, verbs[i].start, q) ||
                (pass == 0 && subject_after(c, f->start, verbs[i].end, q)))
                return true;
            q->has_cue = false;
        }
    }
    /* No need to look for "according to" again: it was not there above. */
    return false;
}

/* "Philip Bump: “Two weeks ago …”": a name and a colon right before the quote. */
static bool attribute_colon_name(const ctx *c, found *f, size_t lo)
{
    qtok w;
    if (!f->has_before || f->before.cp != ':' || !prev_tok(c->s, lo, f->before.start, &w) ||
        w.cp != 0)
        return false;
    const lede_name *n = name_ending_at(c->names, w.end);
    if (!n || n->span.start < lo)
        return false;
    set_source(&f->q, n->span.start, n->span.end, n->entity);
    return true;
}

/* "“…” ― Carlos Raúl": a dash and a name after the quote sign it, in its paragraph or
 * opening the next one ("-Michelle Marks, Philadelphia."). */
static bool attribute_dash(const ctx *c, found *f, size_t hi, const lede_span *next)
{
    qtok t;
    if (!next_tok(c->s, hi, f->end, &t)) {
        /* Nothing follows in its paragraph: a signature may open the next one. */
        if (!next || !next_tok(c->s, next->end, next->start, &t) || t.cp != '-')
            return false;
        hi = next->end;
    }
    if (!(t.cp == 0x2015 || t.cp == 0x2014 || t.cp == 0x2013 || t.cp == '-'))
        return false;
    const lede_name *n = name_from(c->names, t.end);
    if (!n || n->span.start >= hi || n->span.start - t.end > 2)
        return false;
    set_source(&f->q, n->span.start, n->span.end, n->entity);
    return true;
}

/* A quote opening a paragraph after one that ends with a colon ("The New York Times
 * reports:", "Caddell continued:") is attributed by that sentence. */
static bool attribute_introduced(const ctx *c, found *f, const lede_span *prev)
{
    qtok t, v;
    if (!prev_tok(c->s, prev->start, prev->end, &t) || t.cp != ':')
        return false;
    for (size_t at = t.start; prev_tok(c->s, prev->start, at, &v); at = v.start) {
        if (ends_sentence(c, prev->start, &v) || is_quote_mark(v.cp))
            return false;
        if (!is_speech_verb(c, prev->start, &v))
            continue;
        set_cue(&f->q, &v);
        if (subject_before(c, prev->start, v.start, &f->q))
            return true;
        f->q.has_cue = false;
        return false;
    }
    return false;
}

/* A transcript's speaker label opening the quote: "PENCE: Well, look, …". */
static bool attribute_label(const ctx *c, found *f, size_t hi)
{
    size_t i = f->start, len;
    if (mark_glyph(c->s, hi, i, &len) == MARK_NONE)
        return false;
    size_t start = i + len, end = start, upper = 0;
    while (end < hi && end - start < 32 &&
           ((c->s[end] >= 'A' && c->s[end] <= 'Z') || c->s[end] == ' ' || c->s[end] == '.' ||
            c->s[end] == '-' || c->s[end] == '\''))
        upper += c->s[end++] >= 'A' && c->s[end - 1] <= 'Z';
    if (end >= hi || c->s[end] != ':' || upper < 2)
        return false;
    const lede_name *n = name_from(c->names, start);
    uint32_t who = n && n->span.start < end ? n->entity : LEDE_NONE;
    set_source(&f->q, start, end, who);
    return true;
}

/* A quote that says nothing of its speaker continues the previous quote's, when it
 * follows closely and nobody else is named in between. */
static void continue_speakers(const ctx *c, found_list *fl)
{
    for (size_t i = 1; i < fl->n; i++) {
        found *f = &fl->items[i], *p = &fl->items[i - 1];
        if (f->q.has_source || !p->q.has_source || f->para > p->para + 1)
            continue;
        /* Within one paragraph a name in between ("said Caddell, speaking of Clinton’s
         * health") is no new speaker: a new speaker would have attributed the quote. */
        bool other = false;
        for (const lede_name *n = f->para == p->para ? NULL : name_from(c->names, p->end);
             n && n < c->names->items + c->names->n && n->span.start < f->start; n++)
            other |= n->entity != p->q.speaker && c->model->entities[n->entity].type == LEDE_PERSON;
        if (!other) {
            /* It is the same attribution: the same source and cue. */
            f->q.speaker = p->q.speaker;
            f->q.has_source = p->q.has_source;
            f->q.source = p->q.source;
            f->q.has_cue = p->q.has_cue;
            f->q.cue = p->q.cue;
        }
    }
    /* An open quote continued in the next paragraph takes that paragraph's speaker. */
    for (size_t i = fl->n - 1; i > 0; i--) {
        found *f = &fl->items[i - 1], *n = &fl->items[i];
        if (!f->closed && !f->q.has_source && n->opens_para && n->para == f->para + 1) {
            f->q.speaker = n->q.speaker;
            f->q.has_source = n->q.has_source;
            f->q.source = n->q.source;
            f->q.has_cue = n->q.has_cue;
            f->q.cue = n->q.cue;
        }
    }
}

/* A few quoted words inside a sentence ("root causes") rather than quoted speech. */
static bool is_partial(const char *s, const found *f)
{
    if (!f->closed || !f->has_before || f->before.cp != 0)
        return false;
    size_t words = 0;
    for (size_t i = f->start; i < f->end; i++)
        words += s[i] == ' ';
    return words < 8;
}

/* A short quote in which every word is capitalised, after "on", "of", "titled" or a
 * possessive (on CBS's "Face the Nation," MSNBC’s “Morning Joe”), is the title of a
 * show or a work, not quoted speech. Nicknames ("called him “Miss Piggy”") stay. */
static bool is_title(const char *s, const found *f)
{
    static const char *const before[] = {"on",      "of",        "titled", "show",
                                         "program", "programme", NULL};
    const qtok p = f->before;
    if (!f->has_before || p.cp != 0)
        return false;
    size_t plen = p.end - p.start;
    bool possessive = plen > 2 && s[p.end - 1] == 's' &&
                      (s[p.end - 2] == '\'' || (plen > 4 && memcmp(s + p.end - 4, "’", 3) == 0));
    if (!possessive && !tok_in(s, &p, before))
        return false;
    static const char *const small[] = {"of", "the",  "and", "on", "in", "a",  "an",
                                        "to", "with", "for", "at", "by", "or", NULL};
    if (!f->closed)
        return false;
    size_t words = 0;
    qtok t;
    for (size_t at = f->start; next_tok(s, f->end, at, &t); at = t.end) {
        if (t.cp != 0)
            continue;
        words++;
        bool upper =
            (s[t.start] >= 'A' && s[t.start] <= 'Z') || (s[t.start] >= '0' && s[t.start] <= '9');
        if (!upper && !(words > 1 && tok_in(s, &t, small)))
            return false;
    }
    return words >= 2 && words <= 6;
}

lede_status lede_quotes_find(const lede_lexicon *lex, const lede_text *text,
                             const lede_names *names, lede_model *model)
{
    found_list fl = {0};
    lede_status st = LEDE_OK;
    for (size_t p = 0; p < text->n_paras && st == LEDE_OK; p++)
        st = pair_marks(text, p, &fl);
    size_t kept = 0;
    for (size_t i = 0; i < fl.n; i++) {
        found *f = &fl.items[i];
        /* The token before the quote is asked for by several rules: read it once. */
        f->has_before =
            prev_tok(text->bytes, text->paras[f->para].span.start, f->start, &f->before);
        if (!is_title(text->bytes, f))
            fl.items[kept++] = *f;
    }
    fl.n = kept;
    ctx c = {lex, text->bytes, text->len, names, model};
    for (size_t i = 0; i < fl.n && st == LEDE_OK; i++) {
        found *f = &fl.items[i];
        const lede_span *para = &text->paras[f->para].span;
        f->q.partial = is_partial(text->bytes, f);
        /* Words quoted inside a sentence ("said the plan was “late”") belong to the
         * sentence's own speaker; a quote that stands alone is most often attributed
         * after it. */
        const lede_span *next = f->para + 1 < text->n_paras ? &text->paras[f->para + 1].span : NULL;
        bool done = attribute_label(&c, f, para->end) || attribute_dash(&c, f, para->end, next) ||
                    attribute_colon_name(&c, f, para->start);
        bool embedded = f->has_before && f->before.cp == 0;
        if (!done && embedded)
            done = attribute_before(&c, f, para->start) || attribute_after(&c, f, para->end);
        else if (!done)
            done = attribute_after(&c, f, para->end) || attribute_before(&c, f, para->start);
        if (!done && f->opens_para && f->para > 0)
            done = attribute_introduced(&c, f, &text->paras[f->para - 1].span);
        /* Quoted words in a sentence that names no verb of speech ("Trump attacked “the
         * hateful ideology …”") are still its subject's words. */
        if (!done && embedded)
            sentence_subject(&c, para->start, f->start, &f->q);
    }
    if (fl.n)
        continue_speakers(&c, &fl);
    for (size_t i = 0; i < fl.n && st == LEDE_OK; i++)
        st = lede_model_add_quote(model, &fl.items[i].q);
    free(fl.items);
    return st;
}
