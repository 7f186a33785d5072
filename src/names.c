/* names.c - the tagger's names become candidates with their roles, then entities.
 *
 * The learned tagger (tagger.c) decides which words are names and of what type. What
 * it cannot know this file adds: the title before a person as its role ("U.S.
 * President", "Putin’s aide"), the canonical form the word lists give a name, an
 * acronym in brackets after a long form, and whether a name stands in a headline or a
 * capitals line. resolve.c then merges the candidates into entities. O(n) in the text
 * (the tagger's bound; each name looks at most ROLE_WORDS words before it). */
#include <stdlib.h>
#include <string.h>
#include "lede/chars.h"
#include "lede/grow.h"
#include "lede/names.h"
#include "lede/propagate.h"
#include "lede/strmap.h"
#include "lede/tagger.h"
#include "names_priv.h"
#include "resolve.h"

#define ROLE_WORDS 3 /* a title has at most three words; as many owners may precede it */
#define ACRONYM_MAX 12
#define OWNER_KINDS                                                                                \
    (LEDE_LEX_BIT(LEDE_LEX_PLACE) | LEDE_LEX_BIT(LEDE_LEX_DEMONYM) | LEDE_LEX_BIT(LEDE_LEX_ORG))


#define ALONE_MIN 2 /* a word tagged a place this often alone is no person's first name */
/* A title-case headline: at least TITLE_WORDS words ("Blair Backs Plan"; fewer are a
 * name or a label) and at least TITLE_CAPS_NUM / TITLE_CAPS_DEN of them capitalised,
 * leaving room for "of", "and", "the". Set with the first annotator (0abf477) from news
 * headline style, not tuned on a gold set. */
#define TITLE_WORDS 3
#define TITLE_CAPS_NUM 3
#define TITLE_CAPS_DEN 4

lede_status lede_namer_new(const lede_lexicon *lex, const char *model, size_t len,
                           lede_namer **out)
{
    *out = NULL;
    lede_namer *namer = calloc(1, sizeof *namer);
    if (!namer)
        return LEDE_ERR_NOMEM;
    namer->lex = lex;
    lede_status st = lede_tagger_new(lex, model, len, &namer->tagger);
    if (st != LEDE_OK) {
        free(namer);
        return st;
    }
    *out = namer;
    return LEDE_OK;
}

void lede_namer_free(lede_namer *namer)
{
    if (!namer)
        return;
    lede_tagger_free(namer->tagger);
    lede_ner_spans_free(&namer->spans);
    lede_strmap_free(&namer->places);
    free(namer);
}

void lede_names_free(lede_names *names)
{
    free(names->items);
    memset(names, 0, sizeof *names);
}

/* --- the words before a name ---------------------------------------------------------- */

bool names_is_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* Finds the word that ends before offset i (skipping white space) within [lo, i).
 * Returns false at the paragraph start or at punctuation other than an apostrophe. */
bool names_word_before(const char *s, size_t lo, size_t i, size_t *ws, size_t *we)
{
    size_t len;
    while (i > lo && names_is_blank(s[i - 1]))
        i--;
    size_t e = i;
    while (i > lo) {
        unsigned char b = (unsigned char)s[i - 1];
        if (b < 0x80) {
            if (!lede_is_ascii_word(b) && b != '\'' && b != '-' && b != '.')
                break;
            i--;
            continue;
        }
        uint32_t c = lede_cp_before(s, lo, i, &len);
        if (lede_is_word_cp(c) || c == 0x2019 || c == 0x2010 || c == 0x2011)
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

/* True when offset p of the paragraph [lo, ..) starts a sentence: only opening marks
 * and white space lie between it and the paragraph start or an end of sentence. */
static bool sentence_start(const char *s, size_t lo, size_t p)
{
    size_t i = p, len;
    while (i > lo) {
        uint32_t c = lede_cp_before(s, lo, i, &len);
        if (lede_is_space_cp(c) || c == '"' || c == 0x201C || c == 0x2018 || c == '\'' ||
            c == '(' || c == '[' || c == 0x2014 || c == 0x2013 || c == '-' || c == 0xAB ||
            c == 0x201D || c == 0x2019) {
            i -= len;
            continue;
        }
        return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026;
    }
    return true;
}

bool names_is(const lede_lexicon *lex, unsigned kinds, const char *s, size_t len)
{
    return (lede_lexicon_find(lex, s, len).kinds & kinds) != 0;
}

bool names_starts_upper(const char *s, size_t end, size_t p)
{
    size_t len;
    return p < end && lede_is_upper_cp(lede_cp_at(s, end, p, &len));
}

/* A title right before the name ("President", "chief executive", "Dr.") gives a person
 * its role; the role takes in modifiers ("former") and owners before it ("U.S.
 * President", "Kremlin aide", "Putin’s aide"). An honorific ("Mr.") is no role. Stores
 * the role's bounds and returns true when there is one. */
static bool role_before(const lede_lexicon *lex, const char *s, size_t lo, size_t p, size_t *rs,
                        size_t *re)
{
    size_t starts[ROLE_WORDS], ends[ROLE_WORDS], ws, we, at = p, found = 0;
    bool any = false; /* found may be 0: a title at the very start of the text */
    int n = 0;
    while (n < ROLE_WORDS && names_word_before(s, lo, at, &ws, &we)) {
        starts[n] = ws;
        ends[n++] = we;
        at = ws;
    }
    char key[LEDE_KEY_MAX];
    bool honorific = false;
    for (int k = n; k >= 1 && !any; k--) {
        size_t from = starts[k - 1], len = lede_name_key(s, from, ends[0], key, false);
        unsigned kinds = len ? lede_lexicon_find(lex, key, len).kinds : 0;
        if (kinds & LEDE_LEX_BIT(LEDE_LEX_TITLE)) {
            found = from;
            any = true;
            honorific = k == 1 && (kinds & LEDE_LEX_BIT(LEDE_LEX_HONORIFIC));
        }
    }
    if (!any || honorific)
        return false;
    size_t start = found;
    for (int steps = 0; steps < ROLE_WORDS && names_word_before(s, lo, start, &ws, &we); steps++) {
        lede_lex_word w = lede_lexicon_find(lex, s + ws, we - ws);
        bool modifier = w.kinds & LEDE_LEX_BIT(LEDE_LEX_MODIFIER);
        /* A capitalised word owns the role, unless it is merely a sentence's first
         * word; a place, nationality or organisation of the lists always may ("U.S.
         * President" starting a sentence). */
        bool owner = names_starts_upper(s, we, ws) && !(w.kinds & LEDE_LEX_BIT(LEDE_LEX_STOP)) &&
                     ((w.kinds & OWNER_KINDS) || !sentence_start(s, lo, ws));
        if (!modifier && !owner)
            break;
        start = ws;
    }
    *rs = start;
    *re = ends[0];
    return true;
}

/* "Mayor Henrik Sjöberg": a title the tagger took into a person's name leaves it (and
 * becomes the role, as a title before the name does). */
static void peel_title(const lede_lexicon *lex, const char *s, lede_cand *c)
{
    while (c->ntok > 1) {
        size_t e = c->start;
        while (e < c->end && !names_is_blank(s[e]))
            e++;
        if (!names_is(lex, TITLE_KINDS, s + c->start, e - c->start))
            return;
        while (e < c->end && names_is_blank(s[e]))
            e++;
        c->start = e;
        c->ntok--;
    }
}

/* "the European Medicines Agency (EMA)": notes the acronym after c as its alias. */
static void note_acronym(const char *s, size_t end, lede_cand *c)
{
    if (c->end + 3 >= end || s[c->end] != ' ' || s[c->end + 1] != '(')
        return;
    size_t q = c->end + 2, r = q;
    while (r < end && r - q < ACRONYM_MAX && s[r] >= 'A' && s[r] <= 'Z')
        r++;
    if (r < end && s[r] == ')' && r - q >= 2) {
        c->acr_start = q;
        c->acr_end = r;
    }
}

/* --- candidates ----------------------------------------------------------------------- */

static lede_status push_cand(lede_cands *cs, const lede_cand *c)
{
    if (LEDE_GROW(cs->items, cs->cap, cs->n + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    cs->items[cs->n++] = *c;
    return LEDE_OK;
}

/* True when most words of the paragraph are capitalised (a title-case headline). */
bool names_title_case(const char *s, size_t start, size_t end)
{
    size_t words = 0, caps = 0;
    for (size_t i = start; i < end; i++) {
        if (i == start || s[i - 1] == ' ') {
            unsigned char c = (unsigned char)s[i];
            words++;
            caps += (c >= 'A' && c <= 'Z') || c >= 0x80;
        }
    }
    return words >= TITLE_WORDS && caps * TITLE_CAPS_DEN >= words * TITLE_CAPS_NUM;
}

/* The entity type of a tagged name, or -1 to leave it out. A nationality or a
 * political group in the lists is a group whatever the tagger says; other misc names
 * (works, events, products) are left out: lede has no type for them yet. */
static int entity_type(const lede_lexicon *lex, lede_ner_type t, lede_lex_word w, bool orgword_last)
{
    const unsigned groups = LEDE_LEX_BIT(LEDE_LEX_GROUP) | LEDE_LEX_BIT(LEDE_LEX_DEMONYM);
    if (w.kinds & groups)
        return LEDE_GROUP;
    /* A name the lists know as one kind only is of that kind ("Kremlin"): the lists
     * were checked by hand, the tagger learned from 1996 news. */
    unsigned named = w.kinds & (LEDE_LEX_BIT(LEDE_LEX_PERSON) | LEDE_LEX_BIT(LEDE_LEX_PLACE) |
                                LEDE_LEX_BIT(LEDE_LEX_ORG));
    if (named == LEDE_LEX_BIT(LEDE_LEX_ORG))
        return LEDE_ORGANIZATION;
    if (named == LEDE_LEX_BIT(LEDE_LEX_PERSON))
        return LEDE_PERSON;
    if (t == LEDE_NER_MISC && orgword_last)
        return LEDE_ORGANIZATION;
    (void)lex;
    switch (t) {
    case LEDE_NER_PER:
        return LEDE_PERSON;
    case LEDE_NER_LOC:
        return LEDE_PLACE;
    case LEDE_NER_ORG:
        return LEDE_ORGANIZATION;
    default:
        return -1;
    }
}

/* The lexicon kind whose canonical value names an entity of type t. */
static lede_lex_kind canonical_kind(lede_entity_type t)
{
    return t == LEDE_PERSON ? LEDE_LEX_PERSON
           : t == LEDE_PLACE ? LEDE_LEX_PLACE
           : t == LEDE_ORGANIZATION ? LEDE_LEX_ORG : LEDE_LEX_GROUP;
}

static lede_status add_span(const lede_namer *nm, const lede_text *text, const lede_ner_span *sp,
                            bool caps, bool weak, lede_cands *cs);

/* True when s[from..end) holds two words or more (a first name and a surname). */
static bool full_name(const char *s, size_t from, size_t end)
{
    size_t words = 0;
    for (size_t i = from; i < end; i++)
        words += !names_is_blank(s[i]) && (i == from || names_is_blank(s[i - 1]));
    return words >= 2;
}

/* Where a person's name as tagged holds two people, the offset at which the second part
 * starts and the end of the first part: at a small word that is no particle or at "&"
 * ("Prince Andrew and Natásha", "Mary for Prince Andrew"),
 * or before a title or honorific inside it ("Natásha Prince Andrew"). 0 when none. */
static size_t person_split(const lede_namer *nm, const char *s, lede_span span, size_t *left_end,
                           int *left_type)
{
    const lede_lexicon *lex = nm->lex;
    size_t prev_end = 0;
    for (size_t i = span.start; i < span.end;) {
        size_t e = i;
        while (e < span.end && !names_is_blank(s[e]))
            e++;
        /* Of the small words only particles ("de", "van") stand inside a person's name. */
        size_t cl;
        bool lower = lede_is_lower_cp(lede_cp_at(s, e, i, &cl));
        bool inner_cap = i > span.start && names_starts_upper(s, e, i);
        unsigned kinds = lower || inner_cap ? lede_lexicon_find(lex, s + i, e - i).kinds : 0;
        bool joiner = (e - i == 1 && s[i] == '&') ||
                      (lower && !(kinds & LEDE_LEX_BIT(LEDE_LEX_PARTICLE)));
        bool title = inner_cap && (kinds & TITLE_KINDS);
        /* "going to Petersburg Natásha was": a word the story names alone as a place
         * or an organisation, before a name. */
        uint32_t alone = prev_end == 0 ? UINT32_MAX
                         : lede_strmap_get(&nm->places, s + span.start, prev_end - span.start);
        bool place = alone != UINT32_MAX && alone >> 2 >= ALONE_MIN;
        if (prev_end && (joiner || title || place)) {
            *left_type = place && !joiner && !title ? (int)(alone & 3) : -1;
            /* "Charlotte Mayor Jennifer Roberts": before a title and a full name, a
             * name is the title's owner, a place (or what the story calls it alone). */
            if (title && !(kinds & LEDE_LEX_BIT(LEDE_LEX_HONORIFIC)) && full_name(s, e, span.end))
                *left_type = alone != UINT32_MAX ? (int)(alone & 3) : (int)LEDE_NER_LOC;
            *left_end = prev_end;
            size_t next = e;
            while (joiner && next < span.end && names_is_blank(s[next]))
                next++;
            return joiner ? next : i;
        }
        prev_end = e;
        for (i = e; i < span.end && names_is_blank(s[i]); i++)
            ;
    }
    return 0;
}

static lede_status add_span(const lede_namer *nm, const lede_text *text, const lede_ner_span *sp,
                            bool caps, bool weak, lede_cands *cs)
{
    size_t left_end, right;
    int left_type;
    if (sp->type == LEDE_NER_PER &&
        (right = person_split(nm, text->bytes, sp->span, &left_end, &left_type)) != 0 &&
        right < sp->span.end) {
        lede_ner_span left = *sp, rest = *sp;
        left.span.end = left_end;
        if (left_type >= 0)
            left.type = (lede_ner_type)left_type;
        rest.span.start = right;
        lede_status st = add_span(nm, text, &left, caps, weak, cs);
        return st != LEDE_OK ? st : add_span(nm, text, &rest, caps, weak, cs);
    }
    const char *s = text->bytes;
    const lede_para *para = &text->paras[sp->para];
    lede_cand c;
    memset(&c, 0, sizeof c);
    c.start = sp->span.start;
    c.end = sp->span.end;
    c.weak = weak;
    c.fold = caps;
    char key[LEDE_KEY_MAX];
    size_t len = lede_name_key(s, c.start, c.end, key, caps);
    if (!len)
        return LEDE_OK;
    lede_lex_word w = lede_lexicon_find(nm->lex, key, len);
    size_t last = c.start;
    for (size_t i = c.start; i + 1 < c.end; i++)
        if (names_is_blank(s[i]) && !names_is_blank(s[i + 1]))
            last = i + 1;
    unsigned last_kinds = last > c.start ? lede_lexicon_find(nm->lex, s + last, c.end - last).kinds : 0;
    int type = entity_type(nm->lex, sp->type, w, last_kinds & LEDE_LEX_BIT(LEDE_LEX_ORGWORD));
    /* "Eastern European": a name that ends in a nationality is one. */
    if (type != LEDE_PERSON && type != LEDE_GROUP &&
        !(w.kinds & (LEDE_LEX_BIT(LEDE_LEX_ORG) | LEDE_LEX_BIT(LEDE_LEX_PLACE))) &&
        (last_kinds & LEDE_LEX_BIT(LEDE_LEX_DEMONYM)))
        type = LEDE_GROUP;
    if (type < 0)
        return LEDE_OK;
    c.type = (lede_entity_type)type;
    const char *value = lede_lexicon_word_value(nm->lex, w, canonical_kind(c.type));
    c.canonical = value && *value && c.type != LEDE_GROUP ? value : NULL;
    c.ntok = 1;
    c.last_start = c.start;
    for (size_t i = c.start; i < c.end; i++) {
        if (names_is_blank(s[i]) && i + 1 < c.end && !names_is_blank(s[i + 1])) {
            c.ntok += c.ntok < UINT8_MAX;
            c.last_start = i + 1;
        }
    }
    c.last_end = c.end;
    c.acronym = c.ntok == 1 && lede_caps_line(s, c.start, c.end);
    if (c.type == LEDE_PERSON)
        peel_title(nm->lex, s, &c);
    if (c.type == LEDE_PERSON)
        role_before(nm->lex, s, para->span.start, c.start, &c.role_start, &c.role_end);
    note_acronym(s, para->span.end, &c);
    return push_cand(cs, &c);
}

/* "WALLACE: Governor, ..." (a quotation mark may come first): a transcript names its
 * speaker in capitals before a colon at the start of a paragraph. That is a layout, not
 * a word the tagger learned (news has none), so it is read here: a person, resolved to
 * the full name when the story gives one ("PENCE" -> Mike Pence). Skipped when the
 * tagger found a name there (first, the next span). */
static lede_status add_speaker_label(const lede_namer *nm, const lede_text *text, size_t para,
                                     const lede_ner_span *first, lede_cands *cs)
{
    const char *s = text->bytes;
    size_t i = text->paras[para].span.start, end = text->paras[para].span.end;
    if (i < end && s[i] == '"')
        i++;
    else if (i + 3 <= end && memcmp(s + i, "\xE2\x80\x9C", 3) == 0)
        i += 3;
    size_t a = i;
    while (i < end && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] == ' ' && i > a && s[i - 1] != ' ') ||
                       s[i] == '.' || s[i] == '-' || s[i] == '\''))
        i++;
    /* The speech after the label is in small letters: a capitals line ("SOCCER: ...")
     * is a headline. */
    if (i - a < 3 || i >= end || s[i] != ':' || !lede_caps_line(s, a, i) || s[i - 1] == ' ' ||
        lede_caps_line(s, i, end))
        return LEDE_OK;
    if (first && first->para == para && first->span.start < i)
        return LEDE_OK;
    lede_cand c;
    memset(&c, 0, sizeof c);
    c.start = c.last_start = a;
    c.end = c.last_end = i;
    c.type = LEDE_PERSON;
    c.fold = true;
    c.ntok = 1;
    for (size_t k = a; k < i; k++)
        if (s[k] == ' ') {
            c.ntok++;
            c.last_start = k + 1;
        }
    c.acronym = c.ntok == 1;
    (void)nm;
    return push_cand(cs, &c);
}

/* True when a tagged span of spans[from..] overlaps [a, b); spans are in order. */
static bool tagged(const lede_ner_spans *spans, size_t *from, size_t a, size_t b)
{
    while (*from < spans->n && spans->items[*from].span.end <= a)
        ++*from;
    return *from < spans->n && spans->items[*from].span.start < b;
}

/* "The Pharmacy Workers Union", "Norrvik Pharmaceuticals Inc.": a run of two or more
 * capitalised words that ends in an organisation word names an organisation even where
 * the tagger, swayed by the rest of the story, passed it by (the one verdict the word
 * lists keep: it was right nearly always under the rules). */
static lede_status add_org_runs(const lede_namer *nm, const lede_text *text, size_t para,
                                size_t *from, lede_cands *cs)
{
    if (text->paras[para].kind == LEDE_PARA_HEADLINE)
        return LEDE_OK;
    lede_tokens toks = lede_tagger_tokens(nm->tagger, para);
    const char *s = text->bytes + text->paras[para].span.start;
    size_t lo = text->paras[para].span.start;
    for (size_t a = 0; a < toks.n;) {
        size_t b = a;
        while (b < toks.n && (toks.items[b].flags & LEDE_TOK_CAP))
            b++;
        if (b == a) {
            a++;
            continue;
        }
        /* A lone capitalised word is no run: decided before the lexicon is asked (most
         * stand alone: War and Peace asked it 58 k times for them). */
        if (b - a < 2) {
            a = b;
            continue;
        }
        size_t first = a;
        if (names_is(nm->lex, LEDE_LEX_BIT(LEDE_LEX_STOP), s + toks.items[a].start, toks.items[a].len))
            first++; /* "The" */
        const lede_token *last = &toks.items[b - 1];
        if (b - first >= 2 &&
            names_is(nm->lex, LEDE_LEX_BIT(LEDE_LEX_ORGWORD), s + last->start, last->len) &&
            !tagged(&nm->spans, from, lo + toks.items[first].start, lo + last->start + last->len)) {
            lede_ner_span sp = {{lo + toks.items[first].start, lo + last->start + last->len},
                                LEDE_NER_ORG, (uint32_t)para};
            lede_status st = add_span(nm, text, &sp, false, false, cs);
            if (st != LEDE_OK)
                return st;
        }
        a = b;
    }
    return LEDE_OK;
}

static int by_start(const void *x, const void *y)
{
    const lede_cand *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Puts the candidates cs[tagged..n) (the organisation runs) among cs[0..tagged) (the
 * tagger's names) by start, the tagger's first on a tie: what the stable sort used
 * before (glibc's merge sort) gave, but in O(n), copying only the few runs (sorting a
 * book's 25 k candidates cost 6 M instructions). Both parts come in text order; should
 * either not, they are sorted as before. */
static void merge_runs(lede_cands *cs, size_t tagged)
{
    lede_cand *c = cs->items;
    size_t n = cs->n, runs = n - tagged;
    for (size_t i = 1; i < n; i++) {
        if (i != tagged && c[i].start < c[i - 1].start) {
            qsort(c, n, sizeof *c, by_start);
            return;
        }
    }
    lede_cand *copy = runs ? malloc(runs * sizeof *copy) : NULL;
    if (!copy) {
        if (runs)
            qsort(c, n, sizeof *c, by_start);
        return;
    }
    memcpy(copy, c + tagged, runs * sizeof *copy);
    for (size_t a = tagged, b = runs, at = n; b > 0;) /* from the back, into place */
        c[--at] = a > 0 && c[a - 1].start > copy[b - 1].start ? c[--a] : copy[--b];
    free(copy);
}

/* Counts the one-word places and organisations the tagger found, for person_split(). */
static lede_status count_places(lede_namer *nm, const lede_text *text)
{
    lede_strmap_free(&nm->places);
    lede_strmap_init(&nm->places);
    for (size_t i = 0; i < nm->spans.n; i++) {
        const lede_ner_span *sp = &nm->spans.items[i];
        const char *w = text->bytes + sp->span.start;
        size_t n = sp->span.end - sp->span.start;
        if ((sp->type != LEDE_NER_LOC && sp->type != LEDE_NER_ORG) || memchr(w, ' ', n) ||
            memchr(w, '\n', n))
            continue;
        uint32_t v = lede_strmap_get(&nm->places, w, n);
        uint32_t count = v == UINT32_MAX ? 1 : (v >> 2) + (v >> 2 < UINT32_MAX >> 3);
        lede_status st = lede_strmap_put(&nm->places, w, n, count << 2 | (uint32_t)sp->type);
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

lede_status lede_namer_run(lede_namer *namer, const lede_text *text, lede_model *model,
                           lede_names *out)
{
    lede_namer *nm = namer;
    lede_status st = lede_tagger_run(nm->tagger, text, &nm->spans);
    if (st == LEDE_OK) {
        names_join_cut(nm, text);
        names_own_by_places(nm, text);
        st = lede_ner_propagate(nm->lex, text, nm->tagger, &nm->spans);
    }
    if (st == LEDE_OK)
        st = count_places(nm, text);
    lede_cands cs = {0};
    uint32_t para = UINT32_MAX;
    bool caps = false, weak = false;
    size_t next_para = 0;
    for (size_t i = 0; i <= nm->spans.n && st == LEDE_OK; i++) {
        const lede_ner_span *sp = i < nm->spans.n ? &nm->spans.items[i] : NULL;
        /* Transcript labels of the paragraphs up to this span's, in text order. */
        size_t upto = sp ? sp->para : text->n_paras;
        for (; next_para <= upto && next_para < text->n_paras && st == LEDE_OK; next_para++)
            st = add_speaker_label(nm, text, next_para, sp, &cs);
        if (!sp || st != LEDE_OK)
            break;
        if (sp->para != para) {
            const lede_para *p = &text->paras[sp->para];
            para = sp->para;
            caps = names_caps_para(nm, sp->para);
            weak = caps || (p->kind == LEDE_PARA_HEADLINE &&
                            names_title_case(text->bytes, p->span.start, p->span.end));
        }
        st = add_span(nm, text, sp, caps, weak, &cs);
    }
    size_t from = 0, tagged = cs.n;
    for (size_t i = 0; i < text->n_paras && st == LEDE_OK; i++)
        if (!names_caps_para(nm, i))
            st = add_org_runs(nm, text, i, &from, &cs);
    if (st == LEDE_OK) {
        merge_runs(&cs, tagged); /* the org runs came after the tagger's names */
        st = lede_resolve(nm->lex, text->bytes, &cs, model, out);
    }
    free(cs.items);
    return st;
}
