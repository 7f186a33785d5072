/* coref.c - which entity a source is.
 *
 * A name mention is its entity already; a pronoun or a description is resolved here,
 * precise before clever (the sieve order of Raghunathan et al. 2010):
 *   - a name that is no mention ("Mr Fox", "Ozzy") is the one person whose name has its
 *     last word, and nobody when two people's names have it;
 *   - a description ("the alliance") is the one organisation with that word in its
 *     name, or ("the singer", "the chancellor") the one person whose role ends
 *     with its head word, and nobody when two people hold that role;
 *   - "he" and "she" go to a person of that gender: the last quote's speaker when nobody
 *     of that gender was named outside quotes since, else the one named last. A person's
 *     gender comes from the words before a mention ("Mrs", "actress"), a given name of
 *     general knowledge, or failing those the story's own pronouns after the mentions;
 *     names mentioned inside quotation marks are what was said, not who is speaking.
 *     With nobody of that gender in reach, a person of unknown gender named last.
 * Gathering the evidence reads a bounded window after each mention and each role once;
 * a question looks back at most COREF_MENTIONS mentions: linear in the text. */
#include <stdlib.h>
#include <string.h>
#include "quotes_impl.h"

/* Mentions looked back at for a pronoun: about the last three paragraphs of a news
 * story (the window of the rules this replaced). */
#define COREF_MENTIONS 64
/* Tokens read after a mention for a pronoun that refers back to it ("Smith ... he"). */
#define COREF_PRONOUN_REACH 16
/* Bytes a pronoun may follow the last quote and still continue its speaker: about two
 * paragraphs of news copy. */
#define COREF_SPEAKER_REACH 1200
/* Tokens between a name and a pronoun of the same sentence ("Tim Collins is setting out
 * what he says"): a long news sentence. */
#define SAME_SENTENCE_REACH 48
/* Bytes read back from a mention for the word before it ("Mrs", "actress"): one word
 * with room to spare; a bound set with the rule (684d71a), not tuned. */
#define GENDER_WORD_BYTES 64
/* Bytes read back from a mention, and tokens stepped over ("Mr", "Villa chairman",
 * "The"), to see whether it opens its sentence: a title of three words and its owner.
 * Set with the rule (684d71a, BBC dev resolved-acc 0.470 -> 0.697), not tuned since. */
#define SUBJECT_BYTES 96
#define SUBJECT_SKIPS 4
#define AMBIGUOUS (UINT32_MAX - 1)

enum { G_MALE = 1, G_FEMALE = 2, G_ORG = 4, G_PLURAL = 8 };

/* The gender a word tells (G_MALE, G_FEMALE or 0). */
static int word_gender(const qctx *c, const char *w, size_t len)
{
    const char *v = lede_lexicon_value(c->lex, LEDE_LEX_GENDER, w, len);
    if (!v)
        return 0;
    return strcmp(v, "male") == 0 ? G_MALE : strcmp(v, "female") == 0 ? G_FEMALE : 0;
}

/* True when the span [start, end) lies inside one of the quotes found. */
static bool inside_quote(const qctx *c, size_t start)
{
    const found_list *fl = c->quotes;
    size_t lo = 0, hi = fl ? fl->n : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fl->items[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < (fl ? fl->n : 0) && fl->items[lo].start <= start;
}

static bool is_person(const qctx *c, uint32_t e)
{
    return e < c->model->n_entities && c->model->entities[e].type == LEDE_PERSON;
}

/* Strong evidence for the gender of the person named at mention n: the word before it
 * ("Mrs", "actress") and the mention's first word ("Ozzy"). */
static void gather(const qctx *c, coref *cr, const lede_name *n)
{
    uint32_t e = n->entity;
    qtok t;
    size_t lo = n->span.start > GENDER_WORD_BYTES ? n->span.start - GENDER_WORD_BYTES : 0;
    if (qtok_prev(c->s, lo, n->span.start, &t) && t.cp == 0 &&
        !qtok_has(c, &t, QW_OWNER | QW_PRONOUN))
        cr->strong[e] |= (uint8_t)word_gender(c, c->s + t.start, t.end - t.start);
    if (qtok_next(c->s, n->span.end, n->span.start, &t) && t.cp == 0 && t.end < n->span.end)
        cr->strong[e] |= (uint8_t)word_gender(c, c->s + t.start, t.end - t.start);
}

/* Weak evidence, read only for people with no strong evidence: "Smith arrived. He
 * said ...": the first personal pronoun after the mention, when no other name comes
 * first. */
static void gather_votes(const qctx *c, coref *cr, const lede_name *n)
{
    uint32_t e = n->entity;
    qtok t;
    const lede_name *next = n + 1 < c->names->items + c->names->n ? n + 1 : NULL;
    size_t at = n->span.end;
    for (int i = 0; i < COREF_PRONOUN_REACH && qtok_next(c->s, c->len, at, &t); i++, at = t.end) {
        if (next && t.start >= next->span.start)
            break;
        if (t.cp != 0 || !qtok_has(c, &t, QW_PERSON))
            continue;
        int g = word_gender(c, c->s + t.start, t.end - t.start);
        if (g == G_MALE && cr->votes_m[e] < 255)
            cr->votes_m[e]++;
        if (g == G_FEMALE && cr->votes_f[e] < 255)
            cr->votes_f[e]++;
        break;
    }
}

/* The lower-cased last word of role into buf (at most cap bytes); its length, 0 if none. */
static size_t role_head(const char *role, char *buf, size_t cap)
{
    const char *sp = strrchr(role, ' ');
    const char *w = sp ? sp + 1 : role;
    size_t len = strlen(w);
    if (len == 0 || len >= cap)
        return 0;
    for (size_t i = 0; i < len; i++)
        buf[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' : w[i]);
    return len;
}

/* Notes each capitalised word of name (lower-cased with lower) in map as naming e, or
 * AMBIGUOUS when another entity's name has it too. */
static lede_status add_name_words(lede_strmap *map, const char *name, uint32_t e, bool lower)
{
    for (const char *w = name; w && *w;) {
        size_t len = strcspn(w, " ");
        if (len >= 2 && len < 64 && *w >= 'A' && *w <= 'Z') {
            char buf[64];
            memcpy(buf, w, len);
            if (lower)
                for (size_t i = 0; i < len; i++)
                    buf[i] = (char)(buf[i] >= 'A' && buf[i] <= 'Z' ? buf[i] - 'A' + 'a' : buf[i]);
            uint32_t had = lede_strmap_get(map, buf, len);
            lede_status st =
                lede_strmap_put(map, buf, len, had == UINT32_MAX || had == e ? e : AMBIGUOUS);
            if (st != LEDE_OK)
                return st;
        }
        w += len;
        w += *w == ' ';
    }
    return LEDE_OK;
}

lede_status coref_begin(coref *cr, const qctx *c)
{
    memset(cr, 0, sizeof *cr);
    lede_strmap_init(&cr->roles);
    lede_strmap_init(&cr->words);
    lede_strmap_init(&cr->orgwords);
    cr->last_speaker = LEDE_NONE;
    size_t n = c->model->n_entities;
    cr->n = n;
    cr->strong = calloc(n ? 4 * n : 1, 1);
    if (!cr->strong)
        return LEDE_ERR_NOMEM;
    cr->votes_m = cr->strong + n;
    cr->votes_f = cr->strong + 2 * n;
    cr->gender = cr->strong + 3 * n;
    /* The given name of each person's full name, then the words at each mention. */
    for (size_t e = 0; e < n; e++) {
        const char *name = c->model->entities[e].name;
        const char *sp = name && is_person(c, (uint32_t)e) ? strchr(name, ' ') : NULL;
        if (sp)
            cr->strong[e] |= (uint8_t)word_gender(c, name, (size_t)(sp - name));
    }
    for (size_t i = 0; i < c->names->n; i++)
        if (is_person(c, c->names->items[i].entity))
            gather(c, cr, &c->names->items[i]);
    for (size_t i = 0; i < c->names->n; i++)
        if (is_person(c, c->names->items[i].entity) && !cr->strong[c->names->items[i].entity])
            gather_votes(c, cr, &c->names->items[i]);
    for (size_t e = 0; e < n; e++) {
        if (cr->strong[e] == G_MALE || cr->strong[e] == G_FEMALE)
            cr->gender[e] = cr->strong[e];
        else if (!cr->strong[e] && cr->votes_m[e] > 2 * cr->votes_f[e])
            cr->gender[e] = G_MALE;
        else if (!cr->strong[e] && cr->votes_f[e] > 2 * cr->votes_m[e])
            cr->gender[e] = G_FEMALE;
        lede_status st = LEDE_OK;
        if (is_person(c, (uint32_t)e))
            st = add_name_words(&cr->words, c->model->entities[e].name, (uint32_t)e, false);
        else if (c->model->entities[e].type == LEDE_ORGANIZATION)
            st = add_name_words(&cr->orgwords, c->model->entities[e].name, (uint32_t)e, true);
        if (st != LEDE_OK)
            return st;
        const char *role = c->model->entities[e].role;
        char head[64];
        size_t len = role && is_person(c, (uint32_t)e) ? role_head(role, head, sizeof head) : 0;
        if (len == 0)
            continue;
        uint32_t had = lede_strmap_get(&cr->roles, head, len);
        st = lede_strmap_put(&cr->roles, head, len,
                             had == UINT32_MAX || had == e ? (uint32_t)e : AMBIGUOUS);
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

void coref_end(coref *cr)
{
    free(cr->strong);
    lede_strmap_free(&cr->roles);
    lede_strmap_free(&cr->words);
    lede_strmap_free(&cr->orgwords);
    memset(cr, 0, sizeof *cr);
}

void coref_saw_quote(coref *cr, const lede_quote *q)
{
    if (q->speaker == LEDE_NONE)
        return;
    cr->last_speaker = q->speaker;
    cr->last_end = q->span.end;
}

/* True when the mention n is a possessive ("O'Leary's future"): no subject. */
static bool is_possessive(const qctx *c, const lede_name *n)
{
    const char *e = c->s + n->span.end;
    size_t rest = c->len - n->span.end;
    return (rest >= 2 && e[0] == '\'' && e[1] == 's') ||
           (rest >= 4 && memcmp(e, "\xE2\x80\x99s", 4) == 0);
}

/* True when the mention n opens its sentence, perhaps after its title ("Dr Greenspan,
 * 79, said"), a conjunction ("But Mr Herron said") or a paragraph break: the sentence's
 * subject, the person a pronoun in the next sentence most likely means. */
static bool in_subject_position(const qctx *c, const lede_name *n)
{
    if (is_possessive(c, n))
        return false;
    size_t lo = n->span.start > SUBJECT_BYTES ? n->span.start - SUBJECT_BYTES : 0;
    size_t at = n->span.start;
    qtok t, u;
    /* "Yes campaign chairman John Tomaney said", "Beach Boys veteran Brian Wilson was":
     * the subject of a verb of speech or of an auxiliary right after it. */
    if (qtok_next(c->s, c->len, n->span.end, &t) &&
        (quote_is_speech_verb(c, n->span.start, &t) || qtok_has(c, &t, QW_AUX)))
        return true;
    for (int skips = 0; skips < SUBJECT_SKIPS; skips++) {
        if (!qtok_prev(c->s, lo, at, &t) || memchr(c->s + t.end, '\n', at - t.end))
            return true;
        if (quote_is_mark(t.cp) || qtok_has(c, &t, QW_CONJ))
            return true;
        /* Step back over titles ("Mr.", "Villa chairman") and names that own the role. */
        const lede_name *owner = t.cp == 0 ? quote_name_ending_at(c->names, t.end) : NULL;
        if (t.cp == '.' && qtok_prev(c->s, lo, t.start, &u) && u.cp == 0)
            t = u;
        if (owner && owner->span.start >= lo) {
            at = owner->span.start;
            continue;
        }
        /* "The Conservatives say": a determiner opens the subject. */
        if (t.cp == 0 && (qtok_has(c, &t, QW_DET) ||
                          lede_lexicon_has(c->lex, LEDE_LEX_TITLE, c->s + t.start, t.end - t.start))) {
            at = t.start;
            continue;
        }
        qtok_prev(c->s, lo, at, &t);
        return quote_ends_sentence(c, lo, &t);
    }
    return false;
}

/* True when no sentence ends between offsets from and to (at most SAME_SENTENCE_REACH
 * tokens apart; further is taken for another sentence). */
static bool same_sentence(const qctx *c, size_t from, size_t to)
{
    qtok t;
    size_t at = from;
    for (int i = 0; i < SAME_SENTENCE_REACH && qtok_next(c->s, to, at, &t); i++, at = t.end)
        if (quote_ends_sentence(c, from, &t) || quote_is_mark(t.cp))
            return false;
    return at >= to || !qtok_next(c->s, to, at, &t);
}

/* True when at most one sentence ends between offsets from and to (within
 * 2 * SAME_SENTENCE_REACH tokens; further is taken for far). */
static bool near_subject(const qctx *c, size_t from, size_t to)
{
    qtok t;
    size_t at = from;
    int ends = 0;
    for (int i = 0; i < 2 * SAME_SENTENCE_REACH && qtok_next(c->s, to, at, &t); i++, at = t.end)
        if (quote_ends_sentence(c, from, &t) && ++ends > 1)
            return false;
    return !qtok_next(c->s, to, at, &t);
}

/* True when entity e fits what the pronoun wants: a person of gender want (or of none
 * known, with loose), or an organisation for G_ORG. */
static int fits(const qctx *c, uint32_t e, int want)
{
    if (want == G_ORG)
        return c->model->entities[e].type == LEDE_ORGANIZATION ? 2 : 0;
    if (want == G_PLURAL)
        return c->model->entities[e].type == LEDE_ORGANIZATION ||
                       c->model->entities[e].type == LEDE_GROUP
                   ? 2
                   : 0;
    if (!is_person(c, e))
        return 0;
    int g = c->coref->gender[e];
    return g == want ? 2 : g == 0 ? 1 : 0;
}

/* The entity a pronoun or a description at pos that wants want refers to: the last
 * quote's speaker when nobody who fits was named since outside quotes, else the
 * nearest sentence subject that fits, else the nearest that fits, else (persons
 * only) the nearest of unknown gender. */
static uint32_t antecedent(const qctx *c, size_t pos, int want)
{
    const coref *cr = c->coref;
    const lede_name *n = quote_name_from(c->names, pos);
    size_t i = n ? (size_t)(n - c->names->items) : c->names->n;
    uint32_t known = LEDE_NONE, subject = LEDE_NONE, unknown = LEDE_NONE;
    size_t known_at = 0, subject_end = 0;
    bool known_owns = false;
    for (size_t steps = 0; i > 0 && steps < COREF_MENTIONS && subject == LEDE_NONE; steps++) {
        const lede_name *m = &c->names->items[--i];
        int fit = fits(c, m->entity, want);
        if (!fit || inside_quote(c, m->span.start))
            continue;
        if (fit == 1) {
            if (unknown == LEDE_NONE)
                unknown = m->entity;
            continue;
        }
        if (known == LEDE_NONE) {
            known = m->entity;
            known_at = m->span.start;
            known_owns = is_possessive(c, m);
        }
        if (in_subject_position(c, m)) {
            subject = m->entity;
            subject_end = m->span.end;
        }
    }
    uint32_t prev = cr->last_speaker;
    int prev_fit =
        prev != LEDE_NONE && cr->last_end <= pos && pos - cr->last_end <= COREF_SPEAKER_REACH
            ? fits(c, prev, want)
            : 0;
    /* "they" often means people the story never names ("the players"): only a party,
     * a firm or a group that spoke or is the subject in the pronoun's sentence or the
     * one before ("The Conservatives say … . They say"). */
    bool prev_since = known == LEDE_NONE || known == prev || known_at < cr->last_end;
    if (want == G_PLURAL) {
        if (prev_fit && prev_since && near_subject(c, cr->last_end, pos))
            return prev;
        return subject != LEDE_NONE && near_subject(c, subject_end, pos) ? subject : LEDE_NONE;
    }
    if (prev_fit && prev_since)
        return prev;
    /* "Tim Collins is setting out what he says": a name earlier in the pronoun's own
     * sentence comes before the subjects of sentences before. */
    if (known != LEDE_NONE && known != subject && !known_owns && same_sentence(c, known_at, pos))
        return known;
    if (subject != LEDE_NONE)
        return subject;
    if (known != LEDE_NONE)
        return known;
    return unknown;
}

uint32_t coref_pronoun(const qctx *c, const qtok *t)
{
    if (!c->coref)
        return LEDE_NONE;
    int want = qtok_has(c, t, QW_ORGREF)    ? G_ORG
               : qtok_has(c, t, QW_PLURAL) ? G_PLURAL
                                           : word_gender(c, c->s + t->start, t->end - t->start);
    return want ? antecedent(c, t->start, want) : LEDE_NONE;
}

uint32_t coref_description(const qctx *c, const lede_span *source)
{
    const coref *cr = c->coref;
    qtok t;
    if (!cr || !qtok_prev(c->s, source->start, source->end, &t) || t.cp != 0)
        return LEDE_NONE;
    char head[64];
    size_t len = t.end - t.start;
    if (len >= sizeof head)
        return LEDE_NONE;
    for (size_t i = 0; i < len; i++) {
        char ch = c->s[t.start + i];
        head[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    /* "the alliance said": the one organisation with that word in its name. */
    uint32_t org = lede_strmap_get(&cr->orgwords, head, len);
    if (org != UINT32_MAX && org != AMBIGUOUS)
        return org;
    if (qtok_has(c, &t, QW_ORGREF))
        return antecedent(c, source->start, G_ORG); /* "the company said" */
    uint32_t e = lede_strmap_get(&cr->roles, head, len);
    return e == UINT32_MAX || e == AMBIGUOUS ? LEDE_NONE : e;
}

uint32_t coref_name(const qctx *c, const lede_span *source)
{
    const coref *cr = c->coref;
    qtok t;
    if (!cr || !qtok_prev(c->s, source->start, source->end, &t) || t.cp != 0 ||
        c->s[t.start] < 'A' || c->s[t.start] > 'Z')
        return LEDE_NONE;
    uint32_t e = lede_strmap_get(&cr->words, c->s + t.start, t.end - t.start);
    return e == UINT32_MAX || e == AMBIGUOUS ? LEDE_NONE : e;
}
