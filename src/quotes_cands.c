/* quotes_cands.c - the source a cue pattern points at.
 *
 * Given a reporting verb, reads the subject before it ("Trump said", "Newkirk, a writer
 * for The Atlantic, said", "a Kremlin official said") or after it ("said Trump", "said
 * former Obama adviser David Axelrod"), the subject of a sentence, and "according to X".
 * Each reads a bounded number of tokens and name mentions (name lookups are binary
 * searches), so a quote costs O(log names) plus a constant. */
#include <stdlib.h>
#include <string.h>
#include "quotes_impl.h"

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
const lede_name *quote_name_ending_at(const lede_names *names, size_t end)
{
    size_t i = first_name_at(names, end, true);
    return i < names->n && names->items[i].span.end == end ? &names->items[i] : NULL;
}

/* The first name mention that starts at or after offset, or NULL. */
const lede_name *quote_name_from(const lede_names *names, size_t offset)
{
    size_t i = first_name_at(names, offset, false);
    return i < names->n ? &names->items[i] : NULL;
}

void quote_set_source(lede_quote *q, size_t start, size_t end, uint32_t speaker)
{
    q->has_source = true;
    q->source = (lede_span){start, end};
    q->speaker = speaker;
}

/* True when the token at offset pos opens its sentence. */
bool quote_sentence_start_at(const qctx *c, size_t lo, size_t pos)
{
    qtok t;
    return !qtok_prev(c->s, lo, pos, &t) || quote_ends_sentence(c, lo, &t) || quote_is_mark(t.cp);
}

#define OWNER_GAP 40 /* bytes of title between an owner and its holder ("Minority Leader") */

/* "Charlotte Mayor Jennifer Roberts said", "House Speaker Paul Ryan said": a place or
 * organisation that owns the title of the person named right after it is no subject;
 * the person is. The words between must end the person's role as names.c read it. */
static const lede_name *role_holder(const qctx *c, const lede_name *n)
{
    const lede_name *h = n + 1;
    if (h >= c->names->items + c->names->n || c->model->entities[n->entity].type == LEDE_PERSON ||
        c->model->entities[h->entity].type != LEDE_PERSON || !c->model->entities[h->entity].role)
        return n;
    size_t a = n->span.end, b = h->span.start;
    while (a < b && c->s[a] == ' ')
        a++;
    while (b > a && c->s[b - 1] == ' ')
        b--;
    const char *role = c->model->entities[h->entity].role;
    size_t rlen = strlen(role);
    if (b == a || b - a > OWNER_GAP || b - a > rlen ||
        memcmp(role + rlen - (b - a), c->s + a, b - a) != 0 ||
        (b - a < rlen && role[rlen - (b - a) - 1] != ' '))
        return n;
    return h;
}

#define SENTENCE_REACH 64 /* tokens read back to the start of a quote's sentence */
/* Bytes from a sentence's start to the name that is its subject ("Trump, on his way to
 * …"; "Charlotte Mayor Jennifer Roberts"): a title and a few words before the name; a
 * name further in is an object. Hand-set when the rule was written in quotes.c, kept
 * through its split (commit 3bcc186). */
#define SUBJECT_NAME_REACH 64

/* A word ending "ing" or "ly" longer than this many bytes is a participle or an adverb
 * ("saying", "reportedly"); a shorter one is a stem ("king", "only", "fly"). Hand-set
 * when the rule was written in quotes.c, kept through its split (commit 3bcc186). */
#define SUFFIX_STEM_BYTES 4

/* The offset of the first token of the sentence that holds pos (not before lo). */
static size_t sentence_start(const qctx *c, size_t lo, size_t pos)
{
    qtok t;
    size_t start = pos;
    for (int i = 0; i < SENTENCE_REACH && qtok_prev(c->s, lo, start, &t); i++) {
        if (quote_ends_sentence(c, lo, &t) || quote_is_mark(t.cp))
            break;
        start = t.start;
    }
    return start;
}

/* A pronoun that can open a sentence as its speaker: a person's ("he", "she") or a
 * plural ("they", which coref gives only to a party, firm or group). "He’s claiming":
 * t less a contraction's "’s" when what is left is "he" or "she". */
static bool subject_pronoun(const qctx *c, qtok *t)
{
    if (qtok_has(c, t, QW_PERSON | QW_PLURAL))
        return true;
    size_t cut = qtok_possessive(c->s, t);
    qtok stem = {t->start, t->end - cut, 0};
    if (!cut || !qtok_has(c, &stem, QW_PERSON))
        return false;
    *t = stem;
    return true;
}

/* The subject of the sentence that holds offset pos (not before lo): its first word
 * if a pronoun, else the first name among its first words ("Trump, on his way to …,
 * denied …, saying “…”"). Returns true if found. */
bool quote_sentence_subject(const qctx *c, size_t lo, size_t pos, lede_quote *q)
{
    qtok t;
    size_t start = sentence_start(c, lo, pos);
    if (qtok_next(c->s, pos, start, &t) && subject_pronoun(c, &t)) {
        quote_set_source(q, t.start, t.end, coref_pronoun(c, &t));
        return true;
    }
    const lede_name *n = quote_name_from(c->names, start);
    if (!n || n->span.start >= pos || n->span.start - start > SUBJECT_NAME_REACH)
        return false;
    n = role_holder(c, n);
    quote_set_source(q, n->span.start, n->span.end, n->entity);
    return true;
}

/* Words of a description that opens a sentence ("The Republican nominee"). */
#define PHRASE_WORDS 5

/* "The statement noted …", "The Republican nominee vowed to punish “…”", "Protesters
 * chanted “…”": the noun phrase that opens the sentence holding pos (after a "But")
 * with a determiner or a capitalised word that opens no sentence by habit, up to the
 * first verb, small word or punctuation. False when the sentence opens otherwise or
 * the phrase holds a name (quote_sentence_subject's). */
bool quote_sentence_description(const qctx *c, size_t lo, size_t pos, lede_quote *q)
{
    qtok t;
    size_t start = sentence_start(c, lo, pos);
    if (!qtok_next(c->s, pos, start, &t) || t.cp != 0)
        return false;
    if (qtok_has(c, &t, QW_CONJ) && !qtok_next(c->s, pos, t.end, &t))
        return false;
    if (!qtok_capitalised(c->s, &t))
        return false;
    /* Or a capitalised word of its own: "Protesters chanted", "Other leaders used";
     * not a word that opens sentences ("Meanwhile"), a verb or a participle. */
    bool det = qtok_has(c, &t, QW_DET);
    size_t len = t.end - t.start;
    if (!det && (qtok_classes(c, &t) != 0 || quote_is_verb(c, &t) ||
                 lede_lexicon_has(c->lex, LEDE_LEX_STOP, c->s + t.start, len) ||
                 (len > SUFFIX_STEM_BYTES && (memcmp(c->s + t.end - 3, "ing", 3) == 0 ||
                                              memcmp(c->s + t.end - 2, "ly", 2) == 0))))
        return false;
    size_t from = t.start, end = t.end;
    qtok w;
    for (int words = 1; words < PHRASE_WORDS && qtok_next(c->s, pos, end, &w) && w.cp == 0;
         words++) {
        if (quote_is_verb(c, &w) || qtok_classes(c, &w) != 0)
            break;
        end = w.end;
    }
    const lede_name *n = quote_name_from(c->names, from);
    if ((det && end == t.end) || (n && n->span.start < end))
        return false;
    quote_set_source(q, from, end, LEDE_NONE);
    return true;
}

/* Words of a quoted title stepped over when reading back to a verb (MSNBC’s “Morning
 * Joe”): as quotes.c's TITLE_MAX_WORDS, the longest title of a show or work. */
#define TITLE_WORDS 6

bool quote_skip_title(const qctx *c, size_t lo, qtok *t)
{
    qtok u, w;
    /* A closing mark: right after a word or its punctuation. */
    if (!quote_is_mark(t->cp) || !qtok_prev(c->s, lo, t->start, &u) || u.end != t->start ||
        quote_is_mark(u.cp))
        return false;
    size_t at = t->start;
    for (int i = 0; i <= TITLE_WORDS && qtok_prev(c->s, lo, at, &u); i++, at = u.start) {
        if (quote_is_mark(u.cp)) {
            /* An opening mark: right before the title's first word. */
            if (i == 0 || !qtok_next(c->s, t->start, u.end, &w) || w.start != u.end)
                return false;
            *t = u;
            return true;
        }
        if (u.cp != 0 ? u.cp != ',' && u.cp != '.' : !qtok_capitalised(c->s, &u))
            return false;
    }
    return false;
}

/* Tokens of an introductory phrase or clause read to its comma ("On July 6, 2015,",
 * "Although the IMF did not single out Trump's proposals,"): a news sentence's opening
 * clause; longer, and the comma is more often inside the subject than after a clause. */
#define OPENING_TOKENS 24

/* Words that open an introductory clause or phrase but are not function words of
 * src/lexicon/quote.txt (whose "in", "on", "after", "when", "while" … open one too).
 * Kept here until quote.txt gains an "opener" class (a lexicon change retrains NER). */
static const char *const OPENERS[] = {"although", "though", "during", "despite",
                                      "since",    "amid",   "unlike", "until"};

/* True when the capitalised word t opens an introductory phrase ("In August, …",
 * "Although …, it …"): a function word or one of OPENERS, read lower-cased. */
static bool opens_phrase(const qctx *c, const qtok *t)
{
    if (!qtok_capitalised(c->s, t))
        return false;
    if (qtok_classes_folded(c, t) & QW_FUNCTION)
        return true;
    size_t len = t->end - t->start;
    for (size_t i = 0; i < sizeof OPENERS / sizeof *OPENERS; i++)
        if (strlen(OPENERS[i]) == len && memcmp(OPENERS[i] + 1, c->s + t->start + 1, len - 1) == 0)
            return true;
    return false;
}

/* The first token of the subject of the sentence that opens at start (before pos):
 * past a conjunction ("But", "However,", "Meanwhile,") and an introductory phrase to
 * its comma ("In August, several environmental groups …"; a comma before a number,
 * "On July 6, 2015,", is the date's). False when there is no token left before pos or
 * the phrase has no comma within OPENING_TOKENS. */
static bool clause_opening(const qctx *c, size_t start, size_t pos, qtok *t)
{
    if (!qtok_next(c->s, pos, start, t) || t->cp != 0)
        return false;
    /* "But", "However,"; or a word that opens no name followed by a comma ("Instead,",
     * "Earlier,"), a discourse word. */
    qtok comma;
    if (qtok_has(c, t, QW_CONJ) ||
        (qtok_next(c->s, pos, t->end, &comma) && comma.cp == ',' &&
         lede_lexicon_has(c->lex, LEDE_LEX_STOP, c->s + t->start, t->end - t->start))) {
        if (!qtok_next(c->s, pos, t->end, t))
            return false;
        if (t->cp == ',' && !qtok_next(c->s, pos, t->end, t))
            return false;
    }
    if (!opens_phrase(c, t))
        return t->cp == 0;
    qtok u;
    size_t at = t->end;
    for (int i = 0; i < OPENING_TOKENS && qtok_next(c->s, pos, at, &u); i++, at = u.end) {
        if (quote_is_mark(u.cp) || quote_ends_sentence(c, start, &u))
            return false;
        if (u.cp != ',')
            continue;
        if (!qtok_next(c->s, pos, u.end, t))
            return false;
        if (!(t->cp == 0 && c->s[t->start] >= '0' && c->s[t->start] <= '9'))
            return t->cp == 0;
    }
    return false;
}

/* Bytes from the end of a title's abbreviation to its holder's name: the period and a
 * space ("Gov. Chris Christie"). */
#define TITLE_DOT_GAP 2

/* Words of a subject description read after its first ("several environmental groups",
 * "The piece"); a name in them is the subject instead. */
#define CLAUSE_PHRASE_WORDS 4

/* A word ending "ed" longer than this many bytes is read as a past tense that ends its
 * subject ("The piece used", "Other leaders used", "several groups granted"). */
#define PAST_STEM_BYTES 3

/* Modal verbs, which end a subject ("People should provide …") and are not in
 * src/lexicon/quote.txt ("will" and "would" are, as skip words). Kept here until
 * quote.txt gains them (a lexicon change retrains NER). */
static const char *const MODALS[] = {"can", "could", "should", "must", "might", "shall"};

/* True when the word t is one of MODALS (lower-case). */
static bool is_modal(const qctx *c, const qtok *t)
{
    for (size_t i = 0; i < sizeof MODALS / sizeof *MODALS; i++)
        if (qtok_is(c->s, t, MODALS[i]))
            return true;
    return false;
}

/* True when the word t ends a description: a verb of the lexicon, a function, skip or
 * pronoun word, a modal, or a past tense by its ending. */
static bool ends_description(const qctx *c, const qtok *t)
{
    size_t len = t->end - t->start;
    return t->cp != 0 || quote_is_verb(c, t) || qtok_has(c, t, QW_FUNCTION | QW_SKIP | QW_PRONOUN) ||
           is_modal(c, t) ||
           (len > PAST_STEM_BYTES && c->s[t->end - 2] == 'e' && c->s[t->end - 1] == 'd');
}

/* The subject of the clause that opens the sentence holding pos (not before lo), past
 * its conjunction and introductory phrase (clause_opening): a pronoun ("However, he
 * characterized …", "I know all about …"), a name ("On July 6, 2015, Sanders made the
 * following comment:"), or a short description ("The piece used …", "Protesters marching
 * …"), as q's source. A light chunker: reads at most SENTENCE_REACH tokens back and
 * OPENING_TOKENS + CLAUSE_PHRASE_WORDS on. With names_only, a pronoun or a name only. */
bool quote_clause_subject(const qctx *c, size_t lo, size_t pos, bool names_only, lede_quote *q)
{
    qtok t;
    size_t start = sentence_start(c, lo, pos);
    /* Words after a quotation mark are no sentence's opening ("“…” how he …"). */
    if (qtok_prev(c->s, lo, start, &t) && quote_is_mark(t.cp))
        return false;
    if (!clause_opening(c, start, pos, &t) || t.end > pos)
        return false;
    /* "He’s claiming" is his; "That’s all" opens no subject. */
    qtok stem = t;
    size_t cut = qtok_possessive(c->s, &t);
    stem.end -= cut;
    if (qtok_has(c, &stem, QW_PRONOUN)) {
        if (qtok_is(c->s, &stem, "who") || (cut && !qtok_has(c, &stem, QW_PERSON)))
            return false;
        quote_set_source(q, stem.start, stem.end, coref_pronoun(c, &stem));
        return true;
    }
    if (cut && (qtok_classes_folded(c, &stem) & QW_FUNCTION))
        return false;
    size_t end = t.end;
    qtok w, after;
    for (int words = 1; words < CLAUSE_PHRASE_WORDS && qtok_next(c->s, pos, end, &w) &&
                        !ends_description(c, &w) && !qtok_has(c, &w, QW_DET);
         words++) {
        /* "party procedures give the chair …": a word before a determiner is a verb. */
        if (qtok_next(c->s, pos, w.end, &after) && qtok_has(c, &after, QW_DET | QW_OWNER))
            break;
        end = w.end;
    }
    /* A name that opens or ends the phrase is the subject ("Sanders made", "Rival
     * Hillary Clinton", "Charlotte Mayor Jennifer Roberts"; it may run on past the words
     * read); one inside it is not ("His Harvard degree"). */
    const lede_name *n = quote_name_from(c->names, t.start);
    /* "Gov. Chris Christie": the name after a title's abbreviation. */
    size_t reach = end < pos && c->s[end] == '.' ? end + TITLE_DOT_GAP : end;
    if (n && n->span.start < reach && n->span.end <= pos &&
        (n->span.start == t.start || n->span.end >= end)) {
        n = role_holder(c, n);
        quote_set_source(q, n->span.start, n->span.end, n->entity);
        return true;
    }
    /* No description opens with a participle or an adverb ("…, stripping out a call",
     * "Earlier"), a digit, a word of quote.txt's closed classes ("Should the cycle end":
     * a word before a determiner is a verb), or ends before it begins. */
    size_t len = t.end - t.start;
    if (names_only || (end == t.end && qtok_next(c->s, pos, end, &w) && qtok_has(c, &w, QW_DET)))
        return false;
    if ((qtok_classes_folded(c, &t) & (QW_FUNCTION | QW_SKIP | QW_AUX)) ||
        ends_description(c, &t) || (c->s[t.start] >= '0' && c->s[t.start] <= '9') ||
        (len > SUFFIX_STEM_BYTES &&
         (memcmp(c->s + t.end - 3, "ing", 3) == 0 || memcmp(c->s + t.end - 2, "ly", 2) == 0)))
        return false;
    quote_set_source(q, t.start, end, LEDE_NONE);
    return true;
}

/* Tokens a parenthesis after a name may hold ("(D-N.Y.)", "(R-Ohio)"). */
#define PAREN_TOKENS 8

/* Moves *t from the ')' it holds to the token before its '(' (within PAREN_TOKENS
 * tokens, not before lo); false when there is none. */
static bool skip_parenthesis(const qctx *c, size_t lo, qtok *t)
{
    qtok u;
    size_t at = t->start;
    for (int i = 0; i < PAREN_TOKENS && qtok_prev(c->s, lo, at, &u); i++, at = u.start)
        if (u.cp == '(')
            return qtok_prev(c->s, lo, u.start, t);
    return false;
}

/* Tokens read back from a verb for the comma or parenthesis that opens an aside: a
 * title and an organisation ("a writer for The Atlantic"), with room for two nested
 * asides. Hand-set when the rule was written in quotes.c, kept through its split
 * (commit 3bcc186). */
#define ASIDE_TOKENS 32

/* "Moore (D-Wis.) said", "Newkirk, a writer for The Atlantic, said": the name before
 * the parenthesis or the apposition that ends at t; a person rather than a place or
 * organisation when appositions nest ("Ayrault, the foreign minister of France, a
 * member …, said"). */
static bool subject_before_aside(const qctx *c, size_t lo, const qtok *t, lede_quote *q)
{
    uint32_t open = t->cp == ')' ? '(' : ',';
    qtok u;
    size_t back = t->start;
    const lede_name *best = NULL;
    for (int i = 0; i < ASIDE_TOKENS && qtok_prev(c->s, lo, back, &u); i++, back = u.start) {
        /* "Livingstone “should have …” once he realised the journalist was Jewish, said
         * Mr Blair": an aside never spans a quotation or a sentence end; past one, the
         * comma belongs to other words ("the reporter, Oliver Finegold, to …"). */
        if (quote_is_mark(u.cp) || quote_ends_sentence(c, lo, &u))
            break;
        if (u.cp != open)
            continue;
        qtok w;
        bool has = qtok_prev(c->s, lo, u.start, &w);
        /* "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": the name is the
         * one before the parenthesis that ends at the comma. */
        if (has && open == ',' && w.cp == ')')
            has = skip_parenthesis(c, lo, &w);
        const lede_name *n = has && w.cp == 0 ? quote_name_ending_at(c->names, w.end) : NULL;
        /* "Another critic, Laurence H. Tribe, likened": the aside is the name itself. */
        const lede_name *inner = quote_name_ending_at(c->names, t->start);
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
    quote_set_source(q, best->span.start, best->span.end, best->entity);
    return true;
}

#define ROLE_WORDS 3 /* lower-case words of a role after a comma ("managing director") */

/* "Paul Goosens, head of Preventon told": the person before the comma that opens a
 * role of at most ROLE_WORDS lower-case words ending at x (the word before "of"), or
 * NULL. */
static const lede_name *role_of_holder(const qctx *c, size_t lo, qtok x)
{
    for (int words = 0; words < ROLE_WORDS && x.cp == 0 && c->s[x.start] >= 'a' &&
                        c->s[x.start] <= 'z' && qtok_prev(c->s, lo, x.start, &x);
         words++) {
        if (x.cp != ',')
            continue;
        qtok w;
        const lede_name *p = qtok_prev(c->s, lo, x.start, &w) && w.cp == 0
                                 ? quote_name_ending_at(c->names, w.end)
                                 : NULL;
        return p && p->span.start >= lo && c->model->entities[p->entity].type == LEDE_PERSON
                   ? p
                   : NULL;
    }
    return NULL;
}

/* The name that ends at t, or for "Mr. Morgan of the Sierra Club said" the person
 * before "of"; NULL when no name ends there. */
static const lede_name *subject_name(const qctx *c, size_t lo, const qtok *t)
{
    const lede_name *n = quote_name_ending_at(c->names, t->end);
    if (!n || n->span.start < lo)
        return NULL;
    qtok w, x;
    size_t at = n->span.start;
    if (qtok_prev(c->s, lo, at, &w) && qtok_has(c, &w, QW_DET))
        at = w.start;
    bool of = qtok_prev(c->s, lo, at, &w) && (qtok_is(c->s, &w, "of") || qtok_is(c->s, &w, "at")) &&
              qtok_prev(c->s, lo, w.start, &x) && x.cp == 0;
    /* Whatever the tagger made of the name after "of" (a firm may pass for a person),
     * "X, head of Y said" is X's. */
    const lede_name *holder = of ? role_of_holder(c, lo, x) : NULL;
    if (holder)
        return holder;
    if (c->model->entities[n->entity].type == LEDE_PERSON || !of)
        return n;
    const lede_name *p = quote_name_ending_at(c->names, x.end);
    return p && p->span.start >= lo && c->model->entities[p->entity].type == LEDE_PERSON ? p : n;
}

/* Words of a noun phrase read as a source, before a verb ("a senior Kremlin official")
 * or after one ("said the party's spokesman"). Hand-set when the rule was written in
 * quotes.c, kept through its split (commit 3bcc186). */
#define SUBJECT_PHRASE_WORDS 4

/* A noun phrase that ends with t ("a Kremlin official"): back to its determiner, at
 * most SUBJECT_PHRASE_WORDS words. False when t cannot end a subject. */
static bool subject_phrase(const qctx *c, size_t lo, const qtok *t, lede_quote *q)
{
    if (qtok_has(c, t, QW_FUNCTION | QW_DET) || (c->s[t->start] >= '0' && c->s[t->start] <= '9'))
        return false;
    size_t start = t->start;
    qtok w;
    for (int words = 1; words < SUBJECT_PHRASE_WORDS && qtok_prev(c->s, lo, start, &w) && w.cp == 0;
         words++) {
        if (quote_is_verb(c, &w) || qtok_has(c, &w, QW_PRONOUN) || qtok_has(c, &w, QW_FUNCTION))
            break;
        start = w.start;
        if (qtok_has(c, &w, QW_DET))
            break;
    }
    quote_set_source(q, start, t->end, LEDE_NONE);
    return true;
}

/* Adverbs skipped between a subject and its verb ("Trump also said", "she reportedly
 * told"). Hand-set when the rule was written in quotes.c, kept through its split
 * (commit 3bcc186). */
#define SUBJECT_SKIPS 2

/* Reads the subject that ends before the verb at vstart (not before lo): a pronoun, a
 * name, or a short noun phrase ("a Kremlin official"). Returns true if found. */
bool quote_subject_before(const qctx *c, size_t lo, size_t vstart, lede_quote *q)
{
    qtok t;
    size_t at = vstart;
    for (int skips = 0;; skips++) {
        if (!qtok_prev(c->s, lo, at, &t))
            return false;
        if (skips < SUBJECT_SKIPS &&
            (qtok_has(c, &t, QW_SKIP) ||
             (t.cp == 0 && t.end - t.start > SUFFIX_STEM_BYTES && c->s[t.end - 1] == 'y' &&
              c->s[t.end - 2] == 'l' && c->s[t.start] >= 'a'))) {
            at = t.start;
            continue;
        }
        /* "Clinton on Tuesday said", "who in 2010 said": a day or a year after "on" or
         * "in" (a number, or a word that opens no name: days and months). */
        qtok prep;
        if (skips < SUBJECT_SKIPS && t.cp == 0 &&
            ((c->s[t.start] >= '0' && c->s[t.start] <= '9') ||
             (qtok_capitalised(c->s, &t) &&
              lede_lexicon_has(c->lex, LEDE_LEX_STOP, c->s + t.start, t.end - t.start))) &&
            qtok_prev(c->s, lo, t.start, &prep) &&
            (qtok_is(c->s, &prep, "on") || qtok_is(c->s, &prep, "in"))) {
            at = prep.start;
            continue;
        }
        break;
    }
    /* "…, saying": a participle hangs on the sentence's subject. */
    qtok verb;
    if (t.cp == ',' && qtok_next(c->s, c->len, vstart, &verb) &&
        verb.end - verb.start > SUFFIX_STEM_BYTES && memcmp(c->s + verb.end - 3, "ing", 3) == 0)
        return quote_sentence_subject(c, lo, t.start, q);
    if (t.cp == ')' || t.cp == ',')
        return subject_before_aside(c, lo, &t, q);
    /* "Trump bemoaned the unrest and said …": coordinated verbs share the subject. */
    if (qtok_is(c->s, &t, "and"))
        return quote_sentence_subject(c, lo, t.start, q);
    if (t.cp != 0)
        return false;
    if (qtok_is(c->s, &t, "who") || qtok_is(c->s, &t, "which")) {
        /* "Lopez, who added", "the IATA, which said": the name the relative clause
         * hangs on. */
        qtok comma;
        const lede_name *n = NULL;
        bool has = qtok_prev(c->s, lo, t.start, &comma);
        if (has && comma.cp == ',')
            n = quote_name_ending_at(c->names, comma.start);
        else if (has && comma.cp == 0)
            n = quote_name_ending_at(c->names, comma.end); /* "Sir Richard Eyre who called" */
        quote_set_source(q, t.start, t.end, n ? n->entity : LEDE_NONE);
        return true;
    }
    if (qtok_has(c, &t, QW_PRONOUN)) {
        uint32_t who = coref_pronoun(c, &t);
        quote_set_source(q, t.start, t.end, who);
        return true;
    }
    const lede_name *n = subject_name(c, lo, &t);
    if (n) {
        quote_set_source(q, n->span.start, n->span.end, n->entity);
        return true;
    }
    return subject_phrase(c, lo, &t, q);
}

/* Bytes after a verb within which the names of its subject phrase start ("said former
 * Obama adviser David Axelrod"): a title of a few words and its holder. Hand-set when
 * the rule was written in quotes.c, kept through its split (commit 3bcc186). */
#define AFTER_NAME_REACH 80

/* Reads the source that follows the verb ending at vend ("said Trump", "said he"). */
bool quote_subject_after(const qctx *c, size_t hi, size_t vend, lede_quote *q)
{
    qtok t;
    if (!qtok_next(c->s, hi, vend, &t) || t.cp != 0)
        return false;
    if (qtok_has(c, &t, QW_PRONOUN)) {
        uint32_t who = coref_pronoun(c, &t);
        quote_set_source(q, t.start, t.end, who);
        return true;
    }
    /* A name, perhaps after its title: "said Putin’s aide Yuri Ushakov". The phrase
     * may name others before its head ("said former Obama adviser David Axelrod",
     * "said MSNBC host Chris Matthews"): the last person before a comma or the next
     * clause is the speaker; failing a person, the first name. */
    const lede_name *n = quote_name_from(c->names, t.start), *pick = NULL;
    size_t scanned = t.start;
    for (; n && n < c->names->items + c->names->n && n->span.start < hi &&
           n->span.start - t.start <= AFTER_NAME_REACH;
         n++) {
        bool clear = true;
        for (size_t i = scanned; i < n->span.start; i++)
            clear &= c->s[i] != ',' && c->s[i] != '"' && c->s[i] != ';' && c->s[i] != '(';
        qtok gap;
        for (size_t at = scanned; clear && qtok_next(c->s, n->span.start, at, &gap); at = gap.end)
            clear = !(qtok_has(c, &gap, QW_FUNCTION) || quote_is_verb(c, &gap));
        if (!clear)
            break;
        scanned = n->span.end;
        if (!pick || c->model->entities[n->entity].type == LEDE_PERSON)
            pick = n;
    }
    if (pick) {
        quote_set_source(q, pick->span.start, pick->span.end, pick->entity);
        return true;
    }
    if (!qtok_has(c, &t, QW_DET))
        return false;
    size_t end = t.end;
    qtok w;
    for (int words = 0; words < SUBJECT_PHRASE_WORDS && qtok_next(c->s, hi, end, &w) && w.cp == 0;
         words++)
        end = w.end;
    quote_set_source(q, t.start, end, LEDE_NONE);
    return true;
}

/* "described by Sharon as “…”", "he was called the “…” by the film's director Marc
 * Forster": a reporting verb in the passive is said by the agent after "by", right after
 * the verb (before the quote at qstart) or, after an auxiliary ("was called"), right
 * after the quote (which ends at qend; before hi). Reads a few tokens. */
bool quote_passive_agent(const qctx *c, size_t lo, const qtok *verb, size_t qstart, size_t qend,
                         size_t hi, lede_quote *q)
{
    qtok t;
    if (qtok_next(c->s, qstart, verb->end, &t) && qtok_is(c->s, &t, "by"))
        return quote_subject_after(c, qstart, t.end, q);
    if (!qtok_prev(c->s, lo, verb->start, &t) || !qtok_has(c, &t, QW_AUX))
        return false;
    return qtok_next(c->s, hi, qend, &t) && qtok_is(c->s, &t, "by") &&
           quote_subject_after(c, hi, t.end, q);
}

void quote_set_cue(lede_quote *q, const qtok *verb)
{
    q->has_cue = true;
    q->cue = (lede_span){verb->start, verb->end};
}

/* "according" less its first letter (either case) and its last, the 'g' looked for.
 * The word is spelt here rather than looked up: src/lexicon/ has no class of its own
 * for it (verb.txt lists it with every verb of speech), and this pre-filter must not
 * read tokens, so that a quote's work stays within the stretch to the next mark. The
 * token test that confirms it (quote_according_to) also spells the word. */
static const char ACCORDIN[] = "ccordin";
#define ACCORDIN_LEN (sizeof ACCORDIN - 1)

/* True when the bytes "ccording" lie in [lo + 1, hi): a cheap test that rules out the
 * word "according" in [lo, hi) without reading the tokens there. */
bool quote_may_say_according(const char *s, size_t lo, size_t hi)
{
    /* 'g' is the word's rarest letter: look for it, then at the bytes before. */
    for (size_t i = lo + ACCORDIN_LEN + 1; i < hi;) {
        const char *g = memchr(s + i, 'g', hi - i);
        if (!g)
            return false;
        i = (size_t)(g - s);
        if (memcmp(g - ACCORDIN_LEN, ACCORDIN, ACCORDIN_LEN) == 0)
            return true;
        i++;
    }
    return false;
}

/* "according to their attorneys": a phrase that opens with a possessive determiner
 * after vend (quote_subject_after reads "said X" and takes no "said his …", which is
 * most often the verb's object), up to SUBJECT_PHRASE_WORDS words, before hi. */
static bool owner_phrase_after(const qctx *c, size_t hi, size_t vend, lede_quote *q)
{
    qtok t, w;
    if (!qtok_next(c->s, hi, vend, &t) || !qtok_has(c, &t, QW_OWNER))
        return false;
    size_t end = t.end;
    for (int words = 0; words < SUBJECT_PHRASE_WORDS && qtok_next(c->s, hi, end, &w) &&
                        w.cp == 0 && !qtok_has(c, &w, QW_FUNCTION) && !quote_is_verb(c, &w);
         words++)
        end = w.end;
    if (end == t.end)
        return false;
    quote_set_source(q, t.start, end, LEDE_NONE);
    return true;
}

/* "according to X" between lo and hi: X is the source. */
bool quote_according_to(const qctx *c, size_t lo, size_t hi, lede_quote *q)
{
    if (!quote_may_say_according(c->s, lo, hi))
        return false;
    qtok t, u;
    for (size_t at = lo; qtok_next(c->s, hi, at, &t); at = t.end) {
        if (!(qtok_is(c->s, &t, "according") || qtok_is(c->s, &t, "According")))
            continue;
        if (qtok_next(c->s, hi, t.end, &u) && qtok_is(c->s, &u, "to") &&
            (quote_subject_after(c, hi, u.end, q) || owner_phrase_after(c, hi, u.end, q))) {
            quote_set_cue(q, &t);
            q->cue.end = u.end;
            return true;
        }
    }
    return false;
}

/* "…,” Welch said, according to Vermont Edition": the report named after the verb
 * ending at vend, in the rest of its sentence, is the source that the reader has. */
void quote_according_after_verb(const qctx *c, size_t vend, size_t lo, size_t hi, lede_quote *q)
{
    size_t send = vend;
    qtok u;
    for (size_t pos = vend;
         qtok_next(c->s, hi, pos, &u) && !quote_ends_sentence(c, lo, &u) && !quote_is_mark(u.cp);
         pos = u.end)
        send = u.end;
    lede_quote alt = *q;
    if (quote_according_to(c, vend, send, &alt))
        *q = alt;
}
