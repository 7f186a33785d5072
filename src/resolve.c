/* resolve.c - candidates become entities: aliases (a surname for the full name, an
 * acronym for its long form), roles, possessives already split off by the tokens.
 * O(n) expected in the candidates (hash maps by name, surname and acronym). */
#include <stdlib.h>
#include <string.h>
#include "lede/grow.h"
#include "lede/strmap.h"
#include "lede/utf8.h"
#include "resolve.h"

#define FAMILY 4 /* people remembered per surname */
/* A surname may stand before the full name it belongs to only shortly before it: a
 * headline ("Clinton wins") and the lead that names her in full lie within a few
 * hundred bytes in news; 2000 leaves room and changes no figure on the dev sets.
 * Without a bound, War and Peace's "Pierre", said 1,949 times, took the name of one
 * run-on "Ponds Pierre" 2.3 MB later. */
#define AHEAD_BYTES 2000
/* A word in capitals longer than this may be a surname shouted in a transcript ("PENCE"
 * is Mike Pence); one this short or shorter stays an acronym (BBC, USA, MP) and is never
 * folded to a surname. Set by hand with the first tagger (021e78e), not tuned on data. */
#define ACRONYM_MAX_BYTES 3

typedef struct {
    const lede_lexicon *lex;
    const char *s;
    lede_model *model;
    lede_strmap by_name;    /* canonical name -> entity */
    lede_strmap by_surname; /* surname -> index into families */
    lede_strmap by_acronym; /* acronym -> entity */
    uint32_t (*families)[FAMILY];
    size_t n_families, cap_families;
    size_t *last_seen; /* per entity: end of its latest mention, +1; 0 = not yet */
    size_t cap_seen;
    size_t *first_at; /* per entity: start of the candidate that made it */
    size_t cap_first;
    uint16_t (*votes)[LEDE_GROUP]; /* per entity: its mentions by name, by their type */
    size_t cap_votes;
} resolver;

/* "Zoe" + U+0308 and the precomposed "Zoë" are one name: key (n bytes, some beyond
 * ASCII) becomes its NFC form when that fits. Out of memory the key stays as typed (the
 * spellings then merely stay apart). Returns the key's length. */
static size_t nfc_key(char *key, size_t n)
{
    char *nfc;
    size_t len;
    if (lede_utf8_is_nfc_quick(key, n)) /* most names: "Natásha", "Rostóv" */
        return n;
    if (lede_utf8_nfc(key, n, &nfc, &len) != LEDE_OK)
        return n;
    if (len < LEDE_KEY_MAX) {
        memcpy(key, nfc, len);
        key[len] = '\0';
        n = len;
    }
    free(nfc);
    return n;
}

/* True when s[start..end) is its own key but for NFC (the common case: "Pierre",
 * "Prince Andrew"): no folding asked, words apart by one space, no other white space
 * before, between or after them, short enough. The key is then a copy. */
static bool plain_name(const char *s, size_t start, size_t end, bool fold, bool *ascii)
{
    unsigned char high = 0;
    if (fold || start >= end || end - start + 1 >= LEDE_KEY_MAX || s[start] == ' ' ||
        s[end - 1] == ' ')
        return false;
    for (size_t i = start; i < end; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t' || (c == ' ' && s[i - 1] == ' '))
            return false;
        high |= (unsigned char)c;
    }
    *ascii = high < 0x80;
    return true;
}

size_t lede_name_key(const char *s, size_t start, size_t end, char *key, bool fold)
{
    bool plain_ascii;
    if (plain_name(s, start, end, fold, &plain_ascii)) {
        size_t n = end - start;
        memcpy(key, s + start, n);
        key[n] = '\0';
        return plain_ascii ? n : nfc_key(key, n);
    }
    size_t n = 0;
    bool space = false, in_word = false, ascii = true;
    for (size_t i = start; i < end; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = true;
            in_word = false;
            continue;
        }
        if (space && n > 0) {
            if (n + 1 >= LEDE_KEY_MAX)
                return 0;
            key[n++] = ' ';
        }
        space = false;
        if (n + 1 >= LEDE_KEY_MAX)
            return 0;
        bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        key[n++] = fold && in_word && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        in_word = letter || (in_word && (unsigned char)c >= 0x80);
        ascii = ascii && (unsigned char)c < 0x80;
    }
    key[n] = '\0';
    return ascii ? n : nfc_key(key, n);
}

static lede_status note_seen(resolver *r, uint32_t id, size_t at)
{
    if (LEDE_GROW_ZEROED(r->last_seen, r->cap_seen, (size_t)id + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM; /* 0 is "not seen yet" */
    r->last_seen[id] = at + 1;
    return LEDE_OK;
}

/* Counts c's type for the entity id it names by its own name (not by a surname or an
 * acronym). Headlines count too (leaving them out changed nothing on the dev sets). */
static lede_status vote(resolver *r, const lede_cand *c, uint32_t id)
{
    if (LEDE_GROW_ZEROED(r->votes, r->cap_votes, (size_t)id + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    if (c->type < LEDE_GROUP && r->votes[id][c->type] < UINT16_MAX)
        r->votes[id][c->type]++;
    return LEDE_OK;
}

/* An entity's type is the one most of its mentions by name were tagged with, not the
 * first one's: a club or company the tagger typed once as a person or place joined that
 * first type on every later mention. Ties keep the first mention's type, and a name is
 * not made a person by the vote: people are named in full and then by surname, which
 * resolves through the family, while a lone word the tagger calls a person in most
 * sentences after it first took it for a company is usually that company ("Blinkx").
 * Measured: CoNLL dev micro F1 0.909 -> 0.913 (org 0.841 -> 0.850); BBC dev 0.861 as
 * before; letting the vote elect people too gave BBC 0.858 and resolved-acc 0.862 ->
 * 0.828 (pronouns went to the company). */
static void elect_types(resolver *r)
{
    for (size_t id = 0; id < r->cap_votes && id < r->model->n_entities; id++) {
        lede_entity *e = &r->model->entities[id];
        if (e->type >= LEDE_GROUP)
            continue;
        unsigned best = e->type;
        for (unsigned t = 0; t < LEDE_GROUP; t++)
            if (t != LEDE_PERSON && r->votes[id][t] > r->votes[id][best])
                best = t;
        e->type = (lede_entity_type)best;
    }
}

static lede_status add_surname(resolver *r, const char *key, size_t len, uint32_t id)
{
    uint32_t f = lede_strmap_get(&r->by_surname, key, len);
    if (f == UINT32_MAX) {
        if (LEDE_GROW(r->families, r->cap_families, r->n_families + 1) != LEDE_OK)
            return LEDE_ERR_NOMEM;
        f = (uint32_t)r->n_families++;
        for (int i = 0; i < FAMILY; i++)
            r->families[f][i] = LEDE_NONE;
        lede_status st = lede_strmap_put(&r->by_surname, key, len, f);
        if (st != LEDE_OK)
            return st;
    }
    for (int i = 0; i < FAMILY; i++) {
        if (r->families[f][i] == id)
            return LEDE_OK;
        if (r->families[f][i] == LEDE_NONE) {
            r->families[f][i] = id;
            return LEDE_OK;
        }
    }
    return LEDE_OK;
}

/* The person with this surname mentioned most recently; else the first one known when
 * it is named within AHEAD_BYTES after at (the surname's own place). */
static uint32_t surname_entity(const resolver *r, const char *key, size_t len, size_t at)
{
    uint32_t f = lede_strmap_get(&r->by_surname, key, len);
    if (f == UINT32_MAX)
        return LEDE_NONE;
    uint32_t best = r->families[f][0];
    size_t best_seen = 0;
    for (int i = 0; i < FAMILY && r->families[f][i] != LEDE_NONE; i++) {
        uint32_t id = r->families[f][i];
        size_t seen = id < r->cap_seen ? r->last_seen[id] : 0;
        if (seen > best_seen) {
            best = id;
            best_seen = seen;
        }
    }
    if (best_seen == 0 && best < r->cap_first && r->first_at[best] > at + AHEAD_BYTES)
        return LEDE_NONE;
    return best;
}

/* The name c is known by: the lexicon's canonical name, or its text. */
static size_t cand_key(const resolver *r, const lede_cand *c, char *key)
{
    if (c->canonical) {
        size_t len = strlen(c->canonical);
        if (len >= LEDE_KEY_MAX)
            return 0;
        memcpy(key, c->canonical, len + 1);
        return len;
    }
    return lede_name_key(r->s, c->start, c->end, key, c->fold);
}

static lede_status entity_for(resolver *r, const lede_cand *c, uint32_t *id)
{
    char key[LEDE_KEY_MAX];
    size_t len = cand_key(r, c, key);
    *id = LEDE_NONE;
    if (!len)
        return LEDE_OK; /* too long to be a name: leave it out */
    *id = lede_strmap_get(&r->by_name, key, len);
    if (*id != UINT32_MAX)
        return vote(r, c, *id);
    lede_status st = lede_model_add_entity(r->model, c->type, key, NULL, id);
    if (st == LEDE_OK)
        st = vote(r, c, *id);
    if (st == LEDE_OK)
        st = lede_strmap_put(&r->by_name, key, len, *id);
    if (st == LEDE_OK)
        st = LEDE_GROW(r->first_at, r->cap_first, (size_t)*id + 1);
    if (st == LEDE_OK)
        r->first_at[*id] = c->start;
    /* Aliases: a person's surname; an organisation's last word when it is an org word
     * ("the Commission" for the European Commission). */
    bool head = c->type == LEDE_ORGANIZATION && c->ntok > 1 &&
                lede_lexicon_has(r->lex, LEDE_LEX_ORGWORD, r->s + c->last_start,
                                 c->last_end - c->last_start);
    if (st == LEDE_OK && ((c->type == LEDE_PERSON && c->ntok > 1) || head)) {
        char surname[LEDE_KEY_MAX]; /* NFC, as the keys it is looked up by */
        size_t slen = lede_name_key(r->s, c->last_start, c->last_end, surname, false);
        if (slen)
            st = add_surname(r, surname, slen, *id);
    }
    if (st == LEDE_OK && c->acr_end > c->acr_start)
        st = lede_strmap_put(&r->by_acronym, r->s + c->acr_start, c->acr_end - c->acr_start, *id);
    return st;
}

/* Resolves c to an entity without creating one; LEDE_NONE when nothing known fits.
 * *by_name tells whether it was found by its own name. */
static uint32_t known_entity(const resolver *r, const lede_cand *c, bool *by_name)
{
    char key[LEDE_KEY_MAX];
    size_t len = cand_key(r, c, key);
    *by_name = false;
    if (!len)
        return LEDE_NONE;
    uint32_t id = lede_strmap_get(&r->by_name, key, len);
    if (id != UINT32_MAX) {
        *by_name = true;
        return id;
    }
    if (c->ntok == 1) {
        id = surname_entity(r, key, len, c->start);
        if (id != LEDE_NONE)
            return id;
        /* "PENCE" in a transcript is Mike Pence. */
        if (c->acronym && len > ACRONYM_MAX_BYTES) {
            char folded[LEDE_KEY_MAX];
            size_t flen = lede_name_key(r->s, c->start, c->end, folded, true);
            id = surname_entity(r, folded, flen, c->start);
            if (id != LEDE_NONE)
                return id;
        }
        id = lede_strmap_get(&r->by_acronym, key, len);
        if (id != UINT32_MAX)
            return id;
    }
    return LEDE_NONE;
}

static lede_status push_name(lede_names *out, const lede_cand *c)
{
    if (LEDE_GROW(out->items, out->cap, out->n + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    out->items[out->n++] = (lede_name){{c->start, c->end}, c->entity};
    return LEDE_OK;
}

static lede_status run(resolver *r, lede_cands *cs, lede_names *out)
{
    lede_status st = LEDE_OK;
    /* Pass A: what is surely a name of its own. Single words wait for pass B, where
     * they may turn out to be surnames. */
    for (size_t i = 0; i < cs->n && st == LEDE_OK; i++) {
        lede_cand *c = &cs->items[i];
        c->entity = LEDE_NONE;
        if (!c->weak && (c->ntok > 1 || c->canonical))
            st = entity_for(r, c, &c->entity);
    }
    /* Pass B: everything in text order, by name or alias, else as a new entity. */
    for (size_t i = 0; i < cs->n && st == LEDE_OK; i++) {
        lede_cand *c = &cs->items[i];
        bool by_name = false;
        if (c->entity == LEDE_NONE)
            c->entity = known_entity(r, c, &by_name);
        if (by_name)
            st = vote(r, c, c->entity);
        if (st == LEDE_OK && c->entity == LEDE_NONE)
            st = entity_for(r, c, &c->entity);
        if (st != LEDE_OK || c->entity == LEDE_NONE)
            continue;
        st = note_seen(r, c->entity, c->end);
        if (st == LEDE_OK)
            st = lede_model_add_mention(r->model, c->entity, (lede_span){c->start, c->end});
        if (st == LEDE_OK && c->role_end > c->role_start && !r->model->entities[c->entity].role) {
            char role[LEDE_KEY_MAX];
            if (lede_name_key(r->s, c->role_start, c->role_end, role, false))
                st = lede_model_set_role(r->model, c->entity, role);
        }
        if (st == LEDE_OK)
            st = push_name(out, c);
    }
    if (st == LEDE_OK)
        elect_types(r);
    return st;
}

lede_status lede_resolve(const lede_lexicon *lex, const char *s, lede_cands *cs, lede_model *model,
                         lede_names *out)
{
    resolver r = {.lex = lex, .s = s, .model = model};
    lede_strmap_init(&r.by_name);
    lede_strmap_init(&r.by_surname);
    lede_strmap_init(&r.by_acronym);
    lede_status st = run(&r, cs, out);
    lede_strmap_free(&r.by_name);
    lede_strmap_free(&r.by_surname);
    lede_strmap_free(&r.by_acronym);
    free(r.families);
    free(r.last_seen);
    free(r.first_at);
    free(r.votes);
    return st;
}
