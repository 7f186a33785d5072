/* quotes_clause.c - the subject of the sentence or clause a quote sits in.
 *
 * When no verb of speech points at a source, a quote's speaker is often the subject of
 * its sentence: a pronoun or name that opens it ("Trump, on his way to …, denied …,
 * saying “…”"), a description ("The statement noted …"), or the subject of its clause
 * past a conjunction and an introductory phrase ("In August, several environmental
 * groups …, saying “…”"). A light chunker over the quote tokens: each reads at most
 * SENTENCE_REACH tokens back and a bounded number on, plus binary searches of the name
 * mentions, so a quote costs O(log names) plus a constant. */
#include <string.h>
#include "quotes_impl.h"

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

/* True when the word t is a participle or an adverb by its ending ("saying",
 * "reportedly"): no description opens with one. */
static bool participle_or_adverb(const qctx *c, const qtok *t)
{
    return t->end - t->start > SUFFIX_STEM_BYTES &&
           (memcmp(c->s + t->end - 3, "ing", 3) == 0 || memcmp(c->s + t->end - 2, "ly", 2) == 0);
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
    /* "It’s denouncing": a pronoun's contraction is the clause subject's. */
    qtok stem = {t.start, t.end - qtok_possessive(c->s, &t), 0};
    if (stem.end < t.end && (qtok_classes_folded(c, &stem) & QW_PRONOUN))
        return false;
    if (!det && (qtok_classes(c, &t) != 0 || quote_is_verb(c, &t) ||
                 lede_lexicon_has(c->lex, LEDE_LEX_STOP, c->s + t.start, t.end - t.start) ||
                 participle_or_adverb(c, &t)))
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

/* Tokens of an introductory phrase or clause read to its comma ("On July 6, 2015,",
 * "Although the IMF did not single out Trump's proposals,"): a news sentence's opening
 * clause; longer, and the comma is more often inside the subject than after a clause. */
#define OPENING_TOKENS 24

/* True when the capitalised word t opens an introductory phrase ("In August, …",
 * "Although …, it …"): a function word ("in", "on", "after", "when") or an opener
 * ("although", "despite") of src/lexicon/clause.txt, read lower-cased. */
static bool opens_phrase(const qctx *c, const qtok *t)
{
    return qtok_capitalised(c->s, t) && (qtok_classes_folded(c, t) & (QW_FUNCTION | QW_OPENER));
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
        if (!qtok_numeric(c->s, t))
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

/* True when the word t ends a description: a verb of the lexicon, a function, skip or
 * pronoun word, a modal ("People should provide …"), or a past tense by its ending
 * (not a capitalised word: "The United Nations Security Council"). */
static bool ends_description(const qctx *c, const qtok *t)
{
    size_t len = t->end - t->start;
    return t->cp != 0 || quote_is_verb(c, t) ||
           qtok_has(c, t, QW_FUNCTION | QW_SKIP | QW_PRONOUN | QW_MODAL) ||
           (len > PAST_STEM_BYTES && c->s[t->end - 2] == 'e' && c->s[t->end - 1] == 'd' &&
            !qtok_capitalised(c->s, t));
}

/* True when the word after t ends in "ing": "It’s denouncing" is "it is", where "That’s
 * all" is no subject. */
static bool progressive(const qctx *c, size_t pos, const qtok *t)
{
    qtok v;
    return qtok_next(c->s, pos, t->end, &v) && v.cp == 0 && v.end - v.start > SUFFIX_STEM_BYTES &&
           memcmp(c->s + v.end - 3, "ing", 3) == 0;
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
        if (qtok_is(c->s, &stem, "who") ||
            (cut && !qtok_has(c, &stem, QW_PERSON) && !progressive(c, pos, &t)))
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
    if (names_only || (end == t.end && qtok_next(c->s, pos, end, &w) && qtok_has(c, &w, QW_DET)))
        return false;
    if ((qtok_classes_folded(c, &t) & (QW_FUNCTION | QW_SKIP | QW_AUX)) ||
        ends_description(c, &t) || qtok_numeric(c->s, &t) || participle_or_adverb(c, &t))
        return false;
    quote_set_source(q, t.start, end, LEDE_NONE);
    return true;
}
