/* names_mend.c - mending the tagger's spans before they become candidates: a person's
 * name the tagger cut short ("Charles B." of "Charles B. Rangel") is joined back, and a
 * place followed by capitalised words it left out ("Cardiff AAC") becomes the
 * organisation it names. O(spans + bytes looked at): each span looks at a bounded
 * number of words after it. */
#include <string.h>
#include "lede/chars.h"
#include "names_priv.h"

/* --- names the tagger cut short ----------------------------------------------------- */

#define JOIN_WORDS 3 /* capitalised words a cut-short name may take in: a surname of two */

/* The end of the capitalised word at p ("Rangel", "Diaz-Balart", "O'Neill"), or p when
 * none starts there: a small word, a title ("Mayor"), a stop word ("The"), a number. */
static size_t cap_word(const lede_namer *nm, const char *s, size_t end, size_t p)
{
    if (!names_starts_upper(s, end, p))
        return p;
    size_t e = p, len;
    while (e < end) {
        uint32_t c = lede_cp_at(s, end, e, &len);
        if (!lede_is_word_cp(c) && c != '-' && c != '\'' && c != 0x2019)
            break;
        e += len;
    }
    /* "Rangel's": the possessive is not the name's */
    while (e > p && (s[e - 1] == '\'' || s[e - 1] == '-'))
        e--;
    if (e - p < 2 || names_is(nm->lex, TITLE_KINDS | LEDE_LEX_BIT(LEDE_LEX_STOP), s + p, e - p))
        return p;
    return e;
}

/* True when the person's name sp ends in a middle initial ("Charles B.", "Julie A."):
 * one capital and a full stop after a space; or, as British news writes it, the capital
 * alone ("George W" of "George W Bush"), other than "A" and "I", words of their own (the
 * tagger reads such an initial as if it had its stop: features.c). */
static bool ends_in_initial(const char *s, lede_span sp)
{
    size_t e = sp.end;
    if (e - sp.start >= 3 && s[e - 1] >= 'B' && s[e - 1] <= 'Z' && s[e - 1] != 'I' &&
        names_is_blank(s[e - 2]))
        return true;
    return e - sp.start >= 4 && s[e - 1] == '.' && s[e - 2] >= 'A' && s[e - 2] <= 'Z' &&
           names_is_blank(s[e - 3]);
}

/* True when the person's name sp ends in one word after a middle initial ("Marisol E.
 * Vega" of "Marisol E. Vega Ortiz"): a surname of two words may go on. */
static bool initial_before_last(const char *s, lede_span sp)
{
    size_t ws, we;
    return names_word_before(s, sp.start, sp.end, &ws, &we) && ws > sp.start &&
           ends_in_initial(s, (lede_span){sp.start, ws > sp.start ? ws - 1 : ws});
}

/* True when the person's name sp ends in one word right after a title inside it
 * ("Charlotte Mayor Jennifer"): the tagger stopped at the first name. */
static bool ends_after_title(const lede_namer *nm, const char *s, lede_span sp)
{
    size_t ws, we, ts, te;
    return names_word_before(s, sp.start, sp.end, &ws, &we) && ws > sp.start &&
           names_word_before(s, sp.start, ws, &ts, &te) && names_starts_upper(s, te, ts) &&
           names_is(nm->lex, TITLE_KINDS, s + ts, te - ts);
}

/* "Representative Charles B. Rangel", "Julie A. Diaz Martinez", "Charlotte Mayor
 * Jennifer Roberts": a person's name the tagger ended at an initial or at a first name
 * after a title takes in up to JOIN_WORDS capitalised words after it, with any name
 * the tagger found among them (one span then, not a person and an organisation). The
 * spans stay in order and apart. O(spans + bytes looked at). */
void names_join_cut(lede_namer *nm, const lede_text *text)
{
    const char *s = text->bytes;
    lede_ner_spans *sp = &nm->spans;
    size_t out = 0;
    for (size_t i = 0; i < sp->n; i++) {
        lede_ner_span cur = sp->items[i];
        size_t pend = text->paras[cur.para].span.end;
        if (cur.type == LEDE_NER_PER &&
            (ends_in_initial(s, cur.span) || initial_before_last(s, cur.span) ||
             ends_after_title(nm, s, cur.span))) {
            size_t e = cur.span.end;
            for (int k = 0; k < JOIN_WORDS && e + 1 < pend && s[e] == ' '; k++) {
                size_t we = cap_word(nm, s, pend, e + 1);
                if (we == e + 1)
                    break;
                /* a name of the tagger's there: taken in whole when it ends in the word */
                if (i + 1 < sp->n && sp->items[i + 1].span.start < we) {
                    if (sp->items[i + 1].span.end != we || sp->items[i + 1].span.start != e + 1)
                        break;
                    i++;
                }
                e = we;
            }
            cur.span.end = e;
        }
        sp->items[out++] = cur;
    }
    sp->n = out;
}

/* True when paragraph para is written in capitals: the tokeniser marked its tokens so
 * (lede_caps_line over the same bytes), which spares reading the text again. A
 * paragraph without tokens is white space: no capitals. */
bool names_caps_para(const lede_namer *nm, size_t para)
{
    lede_tokens toks = lede_tagger_tokens(nm->tagger, para);
    return toks.n && (toks.items[0].flags & LEDE_TOK_CAPS);
}

#define OWNED_WORDS 3 /* capitalised words a place may own after it ("Cardiff AAC") */

/* "Cardiff AAC", "New York Philharmonic", "Hong Kong Standard": where the tagger found a
 * place and left the capitalised words right after it out (one space apart, no name of
 * its own among them), the place is the owner of an organisation's name, and the whole
 * is that organisation. Not in capitals lines or title-case headlines, where every word
 * is capitalised, and not before a title or stop word ("U.S. Assistant Secretary", "Paris
 * On"). On the dev sets: BBC 6 of 6 such runs are organisations, CoNLL 3 of 3 scored
 * (the rest are misc, "Hong Kong Open", which the scorer leaves out). */
void names_own_by_places(lede_namer *nm, const lede_text *text)
{
    const char *s = text->bytes;
    lede_ner_spans *sp = &nm->spans;
    uint32_t para = UINT32_MAX;
    bool plain = false;
    for (size_t i = 0; i < sp->n; i++) {
        lede_ner_span *cur = &sp->items[i];
        if (cur->type != LEDE_NER_LOC)
            continue;
        size_t pend = text->paras[cur->para].span.end, next = i + 1 < sp->n ? sp->items[i + 1].span.start : pend;
        size_t e = cur->span.end;
        for (int k = 0; k < OWNED_WORDS && e + 1 < pend && s[e] == ' '; k++) {
            size_t we = cap_word(nm, s, pend, e + 1);
            if (we == e + 1 || we > next)
                break;
            e = we;
        }
        if (e == cur->span.end)
            continue;
        if (cur->para != para) { /* read the paragraph only where a place has words after it */
            const lede_para *p = &text->paras[cur->para];
            para = cur->para;
            plain = !names_caps_para(nm, cur->para) &&
                    !(p->kind == LEDE_PARA_HEADLINE && names_title_case(s, p->span.start, p->span.end));
        }
        if (plain) {
            cur->span.end = e;
            cur->type = LEDE_NER_ORG;
        }
    }
}

