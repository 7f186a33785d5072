/* quotes_cands.c - the source a cue pattern points at.
 *
 * Given a reporting verb, reads the subject before it ("Trump said", "Newkirk, a writer
 * for The Atlantic, said", "a Kremlin official said") or after it ("said Trump", "said
 * former Obama adviser David Axelrod"), and "according to X" (the subject of a quote's
 * sentence or clause is quotes_clause.c's).
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
        return p && p->span.start >= lo && c->model->entities[p->entity].type == LEDE_PERSON ? p
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

/* The start of the noun phrase that ends at end: back to its determiner, at most
 * SUBJECT_PHRASE_WORDS words, stopping at a verb, pronoun or function word. */
static size_t phrase_start(const qctx *c, size_t lo, size_t end)
{
    qtok w, last;
    if (!qtok_prev(c->s, lo, end, &last) || last.cp != 0)
        return end;
    size_t start = last.start;
    for (int words = 1; words < SUBJECT_PHRASE_WORDS && qtok_prev(c->s, lo, start, &w) && w.cp == 0;
         words++) {
        if (quote_is_verb(c, &w) || qtok_has(c, &w, QW_PRONOUN) ||
            (qtok_classes_folded(c, &w) & QW_FUNCTION))
            break;
        start = w.start;
        if (qtok_has(c, &w, QW_DET))
            break;
    }
    return start;
}

/* A noun phrase that ends with t ("a Kremlin official"): back to its determiner, at
 * most SUBJECT_PHRASE_WORDS words. False when t cannot end a subject, or when the
 * phrase is a preposition's object ("Protesters marching through the streets chanted",
 * "With Democratic leaders worried"; clause.txt's prep class, read lower-cased). */
static bool subject_phrase(const qctx *c, size_t lo, const qtok *t, lede_quote *q)
{
    if (qtok_has(c, t, QW_FUNCTION | QW_DET) || qtok_numeric(c->s, t))
        return false;
    size_t start = phrase_start(c, lo, t->end);
    /* "someone in the audience said": the phrase before the preposition is the
     * subject, and the whole is read as one ("Protesters marching through the streets
     * chanted"); "With Democratic leaders worried …" opens with no subject before it. */
    qtok w;
    if (qtok_prev(c->s, lo, start, &w) && (qtok_classes_folded(c, &w) & QW_PREP)) {
        qtok v;
        if (qtok_capitalised(c->s, &w) || !qtok_prev(c->s, lo, w.start, &v) || v.cp != 0 ||
            quote_is_verb(c, &v) || (qtok_classes_folded(c, &v) & (QW_FUNCTION | QW_DET)))
            return false;
        start = phrase_start(c, lo, w.start);
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
            (qtok_numeric(c->s, &t) ||
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
    for (int words = 0; words < SUBJECT_PHRASE_WORDS && qtok_next(c->s, hi, end, &w) && w.cp == 0 &&
                        !qtok_has(c, &w, QW_FUNCTION) && !quote_is_verb(c, &w);
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
