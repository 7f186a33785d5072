/* propagate.c - a word the tagger named once is that name everywhere in the story.
 *
 * The tagger decides each token in its sentence, and sometimes leaves a word out in one
 * sentence that it named in another ("Anil Ambani ... Anil's demand", "David O'Leary ...
 * O'Leary said"). After tagging, a capitalised word standing alone (no capitalised word
 * beside it but a stop word such as "The") that the story named on its own elsewhere,
 * or as the first or last word of a person's full name, gets that type where the tagger
 * passed it by. Words named with two types in the story are left alone, and so are stop
 * words and capitals lines. First, a name that is the last word or words of a person's
 * full name in the story ("Suu Kyi" of "Aung San Suu Kyi") is that person, whatever type
 * the tagger gave it there. O(n) expected in the tokens and spans (hash maps of the
 * story's names; each name gives at most TAIL_WORDS tails). */
#include <stdlib.h>
#include <string.h>
#include "lede/propagate.h"
#include "lede/strmap.h"

#define CONFLICT 0xFFu /* a word named with two types */
#define TAIL_WORDS 3    /* "San Suu Kyi": the longest tail of a person's name kept */

/* Notes that the word s[a..b) was named type t. */
static lede_status note(lede_strmap *words, const char *s, size_t a, size_t b, lede_ner_type t)
{
    uint32_t v = lede_strmap_get(words, s + a, b - a);
    if (v == (uint32_t)t || v == CONFLICT)
        return LEDE_OK;
    return lede_strmap_put(words, s + a, b - a, v == UINT32_MAX ? (uint32_t)t : CONFLICT);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* The story's one-word names, and the first and last words of its people's full names. */
static lede_status collect(const char *s, const lede_ner_spans *spans, lede_strmap *words)
{
    lede_status st = LEDE_OK;
    for (size_t i = 0; i < spans->n && st == LEDE_OK; i++) {
        const lede_ner_span *sp = &spans->items[i];
        size_t a = sp->span.start, b = sp->span.end, first = a, last = b;
        while (first < b && !is_blank(s[first]))
            first++;
        while (last > a && !is_blank(s[last - 1]))
            last--;
        if (first == b) { /* one word */
            if (sp->type != LEDE_NER_MISC)
                st = note(words, s, a, b, sp->type);
        } else if (sp->type == LEDE_NER_PER) {
            st = note(words, s, a, first, LEDE_NER_PER);
            if (st == LEDE_OK)
                st = note(words, s, last, b, LEDE_NER_PER);
        }
    }
    return st;
}

/* --- tails of people's names --------------------------------------------------------- */

/* The tails of the story's people's full names: every last word or words ("Suu Kyi" and
 * "Kyi" of "Aung San Suu Kyi"). (The last word of an organisation's name, "Villa" of
 * "Aston Villa", was tried too: BBC dev 0.861 -> 0.867 from one story, CoNLL dev person
 * 0.930 -> 0.929 where the tagger had called a person an organisation.) */
static lede_status collect_tails(const char *s, const lede_ner_spans *spans, lede_strmap *tails)
{
    lede_status st = LEDE_OK;
    for (size_t i = 0; i < spans->n && st == LEDE_OK; i++) {
        const lede_ner_span *sp = &spans->items[i];
        size_t a = sp->span.start, b = sp->span.end;
        if (sp->type != LEDE_NER_PER)
            continue;
        int words = 0;
        for (size_t k = b - 1; k > a && words < TAIL_WORDS && st == LEDE_OK; k--) {
            if (is_blank(s[k - 1]) && !is_blank(s[k])) {
                st = note(tails, s, k, b, LEDE_NER_PER);
                words++;
            }
        }
    }
    return st;
}

/* Gives a name that is the tail of a longer one in the story the longer one's type. */
static lede_status retype_tails(const char *s, lede_ner_spans *spans)
{
    lede_strmap tails;
    lede_strmap_init(&tails);
    lede_status st = collect_tails(s, spans, &tails);
    for (size_t i = 0; i < spans->n && st == LEDE_OK; i++) {
        lede_ner_span *sp = &spans->items[i];
        uint32_t v = lede_strmap_get(&tails, s + sp->span.start, sp->span.end - sp->span.start);
        if (v != UINT32_MAX && v != CONFLICT && sp->type != LEDE_NER_MISC)
            sp->type = (lede_ner_type)v;
    }
    lede_strmap_free(&tails);
    return st;
}

/* True when token t (of the paragraph at p) is capitalised and no stop word ("The"): a
 * word that may be part of a longer name with the word beside it. */
static bool name_word(const lede_lexicon *lex, const char *p, const lede_token *t)
{
    return (t->flags & LEDE_TOK_CAP) && !lede_lexicon_has(lex, LEDE_LEX_STOP, p + t->start, t->len);
}

/* The names to add in paragraph para: its lone capitalised words the story named. */
static lede_status find_added(const lede_lexicon *lex, const lede_text *text, size_t para,
                              const lede_tokens *toks, const lede_strmap *words, size_t *from,
                              const lede_ner_spans *spans, lede_ner_spans *added)
{
    const char *s = text->bytes;
    size_t lo = text->paras[para].span.start;
    for (size_t i = 0; i < toks->n; i++) {
        const lede_token *t = &toks->items[i];
        if (!(t->flags & LEDE_TOK_CAP) || (t->flags & LEDE_TOK_CAPS))
            continue;
        size_t a = lo + t->start, b = a + t->len;
        while (*from < spans->n && spans->items[*from].span.end <= a)
            ++*from;
        if (*from < spans->n && spans->items[*from].span.start < b)
            continue; /* the tagger named it */
        uint32_t v = lede_strmap_get(words, s + a, t->len);
        if (v == UINT32_MAX || v == CONFLICT ||
            (i > 0 && name_word(lex, s + lo, &toks->items[i - 1])) ||
            (i + 1 < toks->n && name_word(lex, s + lo, &toks->items[i + 1])) ||
            lede_lexicon_has(lex, LEDE_LEX_STOP, s + a, t->len))
            continue;
        lede_ner_span sp = {{a, b}, (lede_ner_type)v, (uint32_t)para};
        lede_status st = lede_ner_spans_push(added, &sp);
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

/* Merges added (in order) into spans (in order, apart from added's). */
static lede_status merge(lede_ner_spans *spans, const lede_ner_spans *added)
{
    if (!added->n)
        return LEDE_OK;
    size_t n = spans->n + added->n;
    lede_ner_span *items = malloc(n * sizeof *items);
    if (!items)
        return LEDE_ERR_NOMEM;
    size_t i = 0, j = 0;
    for (size_t k = 0; k < n; k++) {
        bool take_added = j < added->n &&
                          (i == spans->n || added->items[j].span.start < spans->items[i].span.start);
        items[k] = take_added ? added->items[j++] : spans->items[i++];
    }
    free(spans->items);
    spans->items = items;
    spans->n = spans->cap = n;
    return LEDE_OK;
}

lede_status lede_ner_propagate(const lede_lexicon *lex, const lede_text *text,
                               const lede_tagger *tagger, lede_ner_spans *spans)
{
    lede_strmap words;
    lede_strmap_init(&words);
    lede_ner_spans added = {0};
    lede_status st = retype_tails(text->bytes, spans);
    if (st == LEDE_OK)
        st = collect(text->bytes, spans, &words);
    size_t from = 0;
    for (size_t p = 0; p < text->n_paras && st == LEDE_OK; p++) {
        lede_tokens toks = lede_tagger_tokens(tagger, p);
        st = find_added(lex, text, p, &toks, &words, &from, spans, &added);
    }
    if (st == LEDE_OK)
        st = merge(spans, &added);
    lede_strmap_free(&words);
    free(added.items);
    return st;
}
