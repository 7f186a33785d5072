/* quotes_adopt.c - a speaker for a source that names an organisation the namer missed.
 *
 * "PolitiFact rated 32% of Republican claims as “false”", "“…,” The Hill reported":
 * the cue rules find the source, but no entity stands there, so the quote has no
 * speaker. A source written as a proper name (capitalised words, perhaps after "The")
 * becomes an organisation of its own, one per spelling in a text, with the source as
 * its mention. One capitalised word alone ("Officials said", "Republican claims") is a
 * common noun or an adjective as often as a name: only one spelt as a name in any
 * place (PolitiFact) is taken. Reads at most ADOPT_WORDS tokens of each quote's source and one
 * hash lookup: linear in the quotes. */
#include <string.h>
#include "quotes_impl.h"

#define ADOPT_WORDS 5 /* words of a proper-name source ("The New York Review") */

/* True when the word t is spelt as a name whatever its place: a capital after a
 * small letter (PolitiFact, McClatchy). A word all in capitals may be a transcript's
 * label for a person ("WALLACE:"). */
static bool named_anywhere(const char *s, const qtok *t)
{
    for (size_t i = t->start + 1; i < t->end; i++)
        if (s[i] >= 'A' && s[i] <= 'Z' && s[i - 1] >= 'a' && s[i - 1] <= 'z')
            return true;
    return false;
}

/* True when the source [start, end) reads as a proper name: capitalised words that
 * are none of quote.txt's small words, after at most one determiner; one word alone
 * must be spelt as a name anywhere ("Republican claims", "Officials said" are not). */
static bool proper_source(const qctx *c, size_t start, size_t end)
{
    qtok t;
    size_t at = start, words = 0;
    bool det = false, anywhere = false;
    for (; qtok_next(c->s, end, at, &t); at = t.end, words++) {
        if (t.cp != 0 || words == ADOPT_WORDS)
            return false;
        if (words == 0 && qtok_has(c, &t, QW_DET)) {
            det = true;
            continue;
        }
        if (!qtok_capitalised(c->s, &t) || qtok_classes(c, &t) != 0)
            return false;
        anywhere |= named_anywhere(c->s, &t);
    }
    if (words == 0 || words == (size_t)det)
        return false;
    return det || anywhere || words > 1;
}

lede_status quote_adopt_sources(const qctx *c, found_list *fl, lede_model *model)
{
    lede_strmap made;
    lede_strmap_init(&made);
    lede_status st = LEDE_OK;
    for (size_t i = 0; i < fl->n && st == LEDE_OK; i++) {
        lede_quote *q = &fl->items[i].q;
        if (!q->has_source || q->speaker != LEDE_NONE ||
            !proper_source(c, q->source.start, q->source.end))
            continue;
        const char *name = c->s + q->source.start;
        size_t len = q->source.end - q->source.start;
        uint32_t id = lede_strmap_get(&made, name, len);
        if (id == UINT32_MAX) {
            char buf[128];
            if (len >= sizeof buf)
                continue;
            memcpy(buf, name, len);
            buf[len] = '\0';
            st = lede_model_add_entity(model, LEDE_ORGANIZATION, buf, NULL, &id);
            if (st == LEDE_OK)
                st = lede_strmap_put(&made, name, len, id);
        }
        if (st == LEDE_OK)
            st = lede_model_add_mention(model, id, q->source);
        q->speaker = id;
    }
    lede_strmap_free(&made);
    return st;
}
