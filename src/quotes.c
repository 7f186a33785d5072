/* quotes.c - find the quotes of a text and attribute each one.
 *
 * Marks are paired per paragraph (quotes_marks.c). Then every rule proposes a source
 * for each quote: a reporting verb after it ("…,” Trump said / said Trump) or before it
 * (Trump said: “…”) with the name, pronoun or noun phrase next to the verb
 * (quotes_cands.c), a transcript label, a signature dash, a name and a colon, the
 * sentence that introduces a paragraph, the sentence's subject, the sentence before.
 * The ranker (quotes_rank.c) chooses among them and "none"; coref.c says who a pronoun
 * or description is; a quote left with none continues the previous quote's speaker.
 *
 * Linear: every rule reads a bounded window of tokens around its quote, or the stretch
 * up to the next quotation mark, never the rest of the paragraph
 * (tests/e2e/quotes_linear.sh holds one paragraph of quotes to a multiple of many). */
#include <stdlib.h>
#include <string.h>
#include "lede/quotes.h"
#include "quotes_impl.h"

#define WINDOW_AFTER 32  /* tokens read after a quote for its attribution */
#define WINDOW_BEFORE 40 /* tokens read before it: a sentence of news, to its verb of speech */

/* The offset of the closing mark of the closed quote f. */
static size_t closing_mark(const qctx *c, const found *f)
{
    size_t mark = f->end - 1, len;
    while (mark > f->start && quote_mark_glyph(c->s, f->end, mark, &len) == MARK_NONE)
        mark--;
    return mark;
}

/* True when the closed quote f ends a sentence with a period inside its closing mark. */
static bool ends_with_period(const qctx *c, const found *f)
{
    qtok last;
    size_t mark = closing_mark(c, f);
    return qtok_prev(c->s, f->start, mark, &last) && last.cp == '.' &&
           quote_ends_sentence(c, f->start, &last);
}

/* Attribution after the quote, within its sentence: "…,” Trump said / said Trump. */
static bool attribute_after(const qctx *c, found *f, size_t hi)
{
    lede_quote *q = &f->q;
    qtok t;
    /* A quote that ends its own sentence with a period (“… reckless.” Peter Hansen called
     * …) is followed by a new sentence, unless that goes on in lower case. A question or
     * an exclamation is often followed by its speaker (“Why?” Graham asked). */
    if (f->ends_sentence && qtok_next(c->s, hi, f->end, &t) && t.cp == 0 &&
        !(c->s[t.start] >= 'a' && c->s[t.start] <= 'z'))
        return false;
    size_t at = f->end, end = f->end;
    bool first_word = true;
    for (int i = 0; i < WINDOW_AFTER && qtok_next(c->s, hi, at, &t); i++, at = t.end) {
        if (quote_ends_sentence(c, f->end, &t) || quote_is_mark(t.cp))
            break;
        end = t.end;
        if (quote_is_speech_verb(c, f->start, &t)) {
            quote_set_cue(q, &t);
            /* "“…” about the plan, said RoseAnn DeMoro": a verb of speech after a comma
             * may still come before its subject. */
            if (first_word
                    ? quote_subject_after(c, hi, t.end, q)
                    : quote_subject_before(c, f->end, t.start, q) ||
                          (quote_is_core_verb(c, &t) && quote_subject_after(c, hi, t.end, q))) {
                /* The report is named before the next quotation mark, which ends
                 * the reading: looking no further keeps each quote's work within
                 * the stretch to the next one, so a paragraph is read once. */
                if (quote_may_say_according(c->s, t.end, quote_next_mark(c->s, t.end, hi)))
                    quote_according_after_verb(c, t.end, f->end, hi, q);
                return true;
            }
            q->has_cue = false;
            return false;
        }
        if (t.cp == 0)
            first_word = false;
    }
    return quote_according_to(c, f->end, end, q);
}

/* Verbs of speech kept from a quote's sentence before it: a news sentence holds one or
 * two; eight is a generous bound set with the rule (commit 3798f15, PolNeAR dev errors),
 * so the tries stay constant per quote. */
#define BEFORE_VERBS 8

/* Attribution before the quote, within its sentence: Trump said: “…”. */
static bool attribute_before(const qctx *c, found *f, size_t lo, size_t hi, bool *passive)
{
    lede_quote *q = &f->q;
    qtok t, verbs[BEFORE_VERBS];
    size_t at = f->start, start = f->start, n = 0;
    for (int i = 0; i < WINDOW_BEFORE && qtok_prev(c->s, lo, at, &t); i++, at = t.start) {
        /* "Johnson tells MSNBC’s “Morning Joe” that “…”": over a title to the verb. */
        if (quote_ends_sentence(c, lo, &t) || (quote_is_mark(t.cp) && !quote_skip_title(c, lo, &t)))
            break;
        start = t.start;
        if (n < BEFORE_VERBS && quote_is_speech_verb(c, lo, &t))
            verbs[n++] = t;
    }
    /* "According to ProPublica, Clinton praised her “wonderful donors”": the sentence
     * is ProPublica's report. */
    if (quote_according_to(c, start, f->start, q))
        return true;
    /* Core verbs first, the closest first; then the others. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (quote_is_core_verb(c, &verbs[i]) != (pass == 0))
                continue;
            quote_set_cue(q, &verbs[i]);
            if (quote_passive_agent(c, lo, &verbs[i], f->start, f->end, hi, q)) {
                if (passive)
                    *passive = true;
                return true;
            }
            /* Only a verb of speech proper inverts ("said Trump: “…”"); after another
             * verb the next words are its object ("likened the rules to “…”"). */
            /* "Devine, Sanders' media adviser, said Republicans …": a subject the verb
             * cannot find beside it is the sentence's; only a verb of speech that opens
             * its sentence comes before its subject ("Said Ellis: “…”"). */
            if (quote_subject_before(c, lo, verbs[i].start, q) ||
                (pass == 0 && quote_sentence_start_at(c, lo, verbs[i].start) &&
                 quote_subject_after(c, f->start, verbs[i].end, q)) ||
                quote_sentence_subject(c, lo, verbs[i].start, q) ||
                (pass == 0 && quote_subject_after(c, f->start, verbs[i].end, q)))
                return true;
            q->has_cue = false;
        }
    }
    /* No need to look for "according to" again: it was not there above. */
    return false;
}

/* "Trump's claim that there were “thousands of shootings”": a name with a possessive
 * ending before a word of speech used as a noun (claim, remarks, statement), earlier in
 * the quote's sentence (WINDOW_BEFORE tokens at most). */
static bool attribute_possessive(const qctx *c, found *f, size_t lo)
{
    qtok t, p;
    size_t at = f->start;
    for (int i = 0; i < WINDOW_BEFORE && qtok_prev(c->s, lo, at, &t); i++, at = t.start) {
        if (quote_ends_sentence(c, lo, &t) || quote_is_mark(t.cp))
            return false;
        if (!quote_is_verb(c, &t) || !qtok_prev(c->s, lo, t.start, &p))
            continue;
        size_t cut = qtok_possessive(c->s, &p);
        const lede_name *n = cut ? quote_name_ending_at(c->names, p.end - cut) : NULL;
        if (n && n->span.start >= lo) {
            quote_set_source(&f->q, n->span.start, n->span.end, n->entity);
            quote_set_cue(&f->q, &t);
            return true;
        }
    }
    return false;
}

/* "Mr Fox said the rules fail. “If it's …”": the speaker of the sentence before, in
 * the quote's paragraph or ending the paragraph before, for a quote with no cue. */
static bool attribute_prev_sentence(const qctx *c, found *f, const lede_text *text)
{
    size_t lo = text->paras[f->para].span.start, at = f->start;
    qtok t;
    bool boundary = false;
    for (int i = 0; i < WINDOW_BEFORE && qtok_prev(c->s, lo, at, &t); i++, at = t.start) {
        if (quote_is_mark(t.cp))
            return false;
        if (quote_ends_sentence(c, lo, &t)) {
            boundary = true;
            break;
        }
    }
    if (!boundary) {
        /* The quote's sentence must open its paragraph for the paragraph before to count. */
        if (f->para == 0 || qtok_prev(c->s, lo, at, &t))
            return false;
        lo = text->paras[f->para - 1].span.start;
        if (!qtok_prev(c->s, lo, text->paras[f->para - 1].span.end, &t) ||
            !quote_ends_sentence(c, lo, &t))
            return false;
    }
    found g = *f;
    g.start = t.start;
    bool ok = attribute_before(c, &g, lo, g.start, NULL);
    f->q = g.q;
    return ok;
}

/* "…,” Forster said. Ruddock, though, is keen to rest his players. “At this stage …”":
 * a person who is the subject of the sentence right before a quote with no source of
 * its own, in its paragraph and after the quote before it (from), says it rather than
 * that quote's speaker. Reads back at most WINDOW_BEFORE tokens, then the sentence. */
static bool subject_said_before(const qctx *c, const lede_text *text, found *f, size_t from)
{
    size_t lo = text->paras[f->para].span.start;
    qtok t;
    if (from > lo)
        lo = from;
    if (!qtok_prev(c->s, lo, f->start, &t) || !quote_ends_sentence(c, lo, &t))
        return false;
    lede_quote q = f->q;
    if (!quote_sentence_subject(c, lo, t.start, &q) || q.speaker == LEDE_NONE ||
        c->model->entities[q.speaker].type != LEDE_PERSON)
        return false;
    f->q = q;
    return true;
}

/* "Philip Bump: “Two weeks ago …”": a name and a colon right before the quote. */
static bool attribute_colon_name(const qctx *c, found *f, size_t lo)
{
    qtok w;
    if (!f->has_before || f->before.cp != ':' || !qtok_prev(c->s, lo, f->before.start, &w) ||
        w.cp != 0)
        return false;
    const lede_name *n = quote_name_ending_at(c->names, w.end);
    if (!n || n->span.start < lo)
        return false;
    /* "Juninho told the Daily Record:": the name is the verb's object, not its speaker. */
    qtok v;
    size_t at = n->span.start;
    if (qtok_prev(c->s, lo, at, &v) && qtok_has(c, &v, QW_DET))
        at = v.start;
    if (qtok_prev(c->s, lo, at, &v) && (quote_is_verb(c, &v) || qtok_has(c, &v, QW_FUNCTION)))
        return false;
    quote_set_source(&f->q, n->span.start, n->span.end, n->entity);
    return true;
}

/* Bytes between a signature's dash and its name: none, a space, or a no-break space
 * (two bytes in UTF-8) as in "― Carlos Raúl" (commit 3798f15, PolNeAR dev). */
#define DASH_NAME_GAP 2

/* "“…” ― Carlos Raúl": a dash and a name after the quote sign it, in its paragraph or
 * opening the next one ("-Michelle Marks, Philadelphia."). */
static bool attribute_dash(const qctx *c, found *f, size_t hi, const lede_span *next)
{
    qtok t;
    if (!qtok_next(c->s, hi, f->end, &t)) {
        /* Nothing follows in its paragraph: a signature may open the next one. */
        if (!next || !qtok_next(c->s, next->end, next->start, &t) || t.cp != '-')
            return false;
        hi = next->end;
    }
    if (!(t.cp == 0x2015 || t.cp == 0x2014 || t.cp == 0x2013 || t.cp == '-'))
        return false;
    const lede_name *n = quote_name_from(c->names, t.end);
    if (!n || n->span.start >= hi || n->span.start - t.end > DASH_NAME_GAP)
        return false;
    quote_set_source(&f->q, n->span.start, n->span.end, n->entity);
    return true;
}

/* A quote opening a paragraph after one that ends with a colon ("The New York Times
 * reports:", "Caddell continued:") is attributed by that sentence. */
static bool attribute_introduced(const qctx *c, found *f, const lede_span *prev)
{
    qtok t, v;
    if (!qtok_prev(c->s, prev->start, prev->end, &t) || t.cp != ':')
        return false;
    for (size_t at = t.start; qtok_prev(c->s, prev->start, at, &v); at = v.start) {
        if (quote_ends_sentence(c, prev->start, &v) || quote_is_mark(v.cp))
            return false;
        if (!quote_is_speech_verb(c, prev->start, &v))
            continue;
        quote_set_cue(&f->q, &v);
        if (quote_subject_before(c, prev->start, v.start, &f->q))
            return true;
        f->q.has_cue = false;
        return false;
    }
    return false;
}

/* QR_CLAUSE: the subject of the clause that holds quote f inside its sentence (after a
 * word, a comma or a colon; not after a passive verb of speech, whose subject is who
 * was spoken of), or of the last sentence of the paragraph before when that ends with
 * a colon and f opens its paragraph (then a person or a pronoun: "Partial transcript
 * as follows:" introduces a transcript's labels). */
static bool attribute_clause(const qctx *c, found *f, const lede_text *text, bool passive)
{
    const lede_span *para = &text->paras[f->para].span;
    if (f->has_before) {
        uint32_t b = f->before.cp;
        return !passive && (b == 0 || b == ',' || b == ':') &&
               quote_clause_subject(c, para->start, f->start, false, &f->q);
    }
    qtok t;
    const lede_span *prev = f->para > 0 ? &text->paras[f->para - 1].span : NULL;
    return f->opens_para && prev && qtok_prev(c->s, prev->start, prev->end, &t) && t.cp == ':' &&
           quote_clause_subject(c, prev->start, t.start, true, &f->q);
}

/* Gives q the attribution of from: the same source, speaker and cue. */
static void take_attribution(lede_quote *q, const lede_quote *from)
{
    q->speaker = from->speaker;
    q->has_source = from->has_source;
    q->source = from->source;
    q->has_cue = from->has_cue;
    q->cue = from->cue;
}

#define SIBLING_GAP 24    /* tokens between two quotes of one sentence ("“A” and “B”") */
#define SIBLING_BYTES 160 /* more bytes than that many tokens hold, in news */

/* "Trump called her “Miss Piggy” and “Miss Housekeeping”": a quote in the same
 * sentence as the quote before it, a few words on, is most often the same speaker's;
 * the earlier quote's attribution (already chosen) is the candidate. */
static bool attribute_sibling(const qctx *c, const found *f, found *g)
{
    size_t i = (size_t)(f - c->quotes->items);
    const found *p = i > 0 ? &c->quotes->items[i - 1] : NULL;
    if (!p || p->para != f->para || !p->closed || p->ends_sentence || !p->q.has_source ||
        f->start - p->end > SIBLING_BYTES)
        return false;
    qtok t;
    size_t at = p->end;
    for (int k = 0; qtok_next(c->s, f->start, at, &t); k++, at = t.end)
        if (k == SIBLING_GAP || quote_ends_sentence(c, p->end, &t) || t.cp == ';')
            return false;
    take_attribution(&g->q, &p->q);
    return true;
}

/* A transcript's speaker label opening the quote: "PENCE: Well, look, …", "SEN. TIM
 * KAINE:". Set with the rule (commit 353dbe3) on PolNeAR's transcripts: a label is
 * shorter than LABEL_BYTES and holds at least LABEL_CAPITALS capitals, so "I:" or "A:"
 * opening a quote is no label. */
#define LABEL_BYTES 32
#define LABEL_CAPITALS 2

static bool attribute_label(const qctx *c, found *f, size_t hi)
{
    size_t i = f->start, len;
    if (quote_mark_glyph(c->s, hi, i, &len) == MARK_NONE)
        return false;
    size_t start = i + len, end = start, upper = 0;
    while (end < hi && end - start < LABEL_BYTES &&
           ((c->s[end] >= 'A' && c->s[end] <= 'Z') || c->s[end] == ' ' || c->s[end] == '.' ||
            c->s[end] == '-' || c->s[end] == '\''))
        upper += c->s[end++] >= 'A' && c->s[end - 1] <= 'Z';
    if (end >= hi || c->s[end] != ':' || upper < LABEL_CAPITALS)
        return false;
    const lede_name *n = quote_name_from(c->names, start);
    uint32_t who = n && n->span.start < end ? n->entity : LEDE_NONE;
    quote_set_source(&f->q, start, end, who);
    return true;
}

/* A quote that says nothing of its speaker continues the previous quote's, when it
 * follows closely and nobody else is named in between. */
static void continue_speakers(const qctx *c, const lede_text *text, found_list *fl)
{
    for (size_t i = 1; i < fl->n; i++) {
        found *f = &fl->items[i], *p = &fl->items[i - 1];
        if (f->q.has_source || !p->q.has_source || f->para > p->para + 1)
            continue;
        if (subject_said_before(c, text, f, f->para == p->para ? p->end : 0))
            continue;
        /* Within one paragraph a name in between ("said Caddell, speaking of Clinton’s
         * health") is no new speaker: a new speaker would have attributed the quote. */
        bool other = false;
        for (const lede_name *n = f->para == p->para ? NULL : quote_name_from(c->names, p->end);
             n && n < c->names->items + c->names->n && n->span.start < f->start; n++)
            other |= n->entity != p->q.speaker && c->model->entities[n->entity].type == LEDE_PERSON;
        if (!other) {
            /* It is the same attribution: the same source and cue. */
            take_attribution(&f->q, &p->q);
        }
    }
    /* An open quote continued in the next paragraph takes that paragraph's speaker. */
    for (size_t i = fl->n - 1; i > 0; i--) {
        found *f = &fl->items[i - 1], *n = &fl->items[i];
        if (!f->closed && !f->q.has_source && n->opens_para && n->para == f->para + 1)
            take_attribution(&f->q, &n->q);
    }
}

/* Words (spaces) below which quoted words inside a sentence are a phrase ("root
 * causes") rather than quoted speech; set by hand with the first annotator (commit
 * 0abf477) and kept since as a ranker feature's input. */
#define PARTIAL_WORDS 8

/* A few quoted words inside a sentence ("root causes") rather than quoted speech. */
static bool is_partial(const char *s, const found *f)
{
    if (!f->closed || !f->has_before || f->before.cp != 0)
        return false;
    size_t words = 0;
    for (size_t i = f->start; i < f->end; i++)
        words += s[i] == ' ';
    return words < PARTIAL_WORDS;
}

/* Words of a quoted title ("Face the Nation", "Keepin' It Real"): one capitalised word
 * is more often a nickname ("Miss Piggy" has two, but follows "called"), and titles of
 * shows and works run to six at most; set with the rule (commit 081aecc, PolNeAR dev
 * false positives). */
#define TITLE_MIN_WORDS 2
#define TITLE_MAX_WORDS 6

/* A short quote in which every word is capitalised, after "on", "of", "titled" or a
 * possessive (on CBS's "Face the Nation," MSNBC’s “Morning Joe”), is the title of a
 * show or a work, not quoted speech. Nicknames ("called him “Miss Piggy”") stay. */
static bool is_title(const qctx *c, const found *f)
{
    const char *s = c->s;
    const qtok p = f->before;
    if (!f->has_before || p.cp != 0)
        return false;
    if (!qtok_possessive(s, &p) && !qtok_has(c, &p, QW_TITLECUE))
        return false;
    if (!f->closed)
        return false;
    size_t words = 0;
    qtok t;
    for (size_t at = f->start; qtok_next(s, f->end, at, &t); at = t.end) {
        if (t.cp != 0)
            continue;
        words++;
        bool upper =
            (s[t.start] >= 'A' && s[t.start] <= 'Z') || (s[t.start] >= '0' && s[t.start] <= '9');
        if (!upper && !(words > 1 && qtok_has(c, &t, QW_SMALL)))
            return false;
    }
    return words >= TITLE_MIN_WORDS && words <= TITLE_MAX_WORDS;
}

/* Marks that are no quoted speech: a stage direction ("(CROSSTALK.)"), a pronoun
 * quoted as a word (because “she” is a “he”), a nickname inside a name (Rep. Robert C.
 * "Bobby" Scott). Reads the quote's own tokens (at most three) and one on either side. */
#define SHORT_QUOTE_BYTES 40 /* a pronoun or a nickname in its marks is shorter */
/* Tokens read from such a quote: a pronoun or a nickname is one word, perhaps with a
 * period; one more than that tells a longer quote (commit c9d33f6). */
#define SHORT_QUOTE_TOKENS 4

static bool is_not_speech(const qctx *c, const found *f)
{
    size_t len, from = f->start;
    if (quote_mark_glyph(c->s, f->end, from, &len) == MARK_NONE)
        return false;
    from += len;
    /* Only a stage direction is long (and opens with its parenthesis). */
    if (f->end - f->start > SHORT_QUOTE_BYTES && (from >= f->end || c->s[from] != '('))
        return false;
    /* A quote left open runs to the end of its paragraph ("(CROSSTALK.) in a transcript). */
    size_t to = f->closed ? closing_mark(c, f) : f->end;
    qtok t[SHORT_QUOTE_TOKENS], last;
    size_t n = 0, words = 0;
    for (size_t at = from; n < SHORT_QUOTE_TOKENS && qtok_next(c->s, to, at, &t[n]);
         at = t[n++].end)
        words += t[n].cp == 0;
    if (n == 0 || !qtok_prev(c->s, from, to, &last))
        return false;
    if (t[0].cp == '(' &&
        (last.cp == ')' ||
         (last.cp == '.' && qtok_prev(c->s, from, last.start, &last) && last.cp == ')')))
        return true;
    if (!f->closed || n >= SHORT_QUOTE_TOKENS || words != 1 || t[0].cp != 0)
        return false;
    if (qtok_has(c, &t[0], QW_PRONOUN) && (n == 1 || t[1].cp == '.'))
        return true;
    /* A nickname: one capitalised word between two parts of a name, no comma. */
    qtok next;
    return n == 1 && qtok_capitalised(c->s, &t[0]) && f->has_before &&
           (qtok_capitalised(c->s, &f->before) ||
            (f->before.cp == '.' && f->before.start > 0 && c->s[f->before.start - 1] >= 'A' &&
             c->s[f->before.start - 1] <= 'Z')) &&
           qtok_next(c->s, c->len, f->end, &next) && qtok_capitalised(c->s, &next);
}

struct lede_quoter {
    int32_t *weights;
};

lede_status lede_quoter_new(lede_quoter **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return LEDE_ERR_NOMEM;
    lede_status st = quote_rank_builtin(&(*out)->weights);
    if (st != LEDE_OK) {
        free(*out);
        *out = NULL;
    }
    return st;
}

void lede_quoter_free(lede_quoter *qr)
{
    if (!qr)
        return;
    free(qr->weights);
    free(qr);
}

/* Adds q, found by rule, to cands when ok (the rule found a source). */
static void propose(quote_cand *cands, size_t *n, int rule, bool ok, const found *g)
{
    if (!ok)
        return;
    cands[*n].q = g->q;
    cands[(*n)++].rule = rule;
}

/* The candidate attributions of quote f of text: what each rule finds, in the order
 * the rules were tried in when the first to find a source decided, then none. */
static size_t candidates(const qctx *c, const lede_text *text, const found *f, quote_cand *cands)
{
    const lede_span *para = &text->paras[f->para].span;
    const lede_span *next = f->para + 1 < text->n_paras ? &text->paras[f->para + 1].span : NULL;
    size_t n = 0;
    found g = *f;
    propose(cands, &n, QR_LABEL, attribute_label(c, &g, para->end), &g);
    g = *f;
    propose(cands, &n, QR_DASH, attribute_dash(c, &g, para->end, next), &g);
    g = *f;
    propose(cands, &n, QR_COLON, attribute_colon_name(c, &g, para->start), &g);
    /* Words quoted inside a sentence ("said the plan was “late”") belong to the
     * sentence's own speaker; a quote that stands alone is most often attributed
     * after it. */
    bool embedded = f->has_before && f->before.cp == 0, passive = false;
    if (embedded) {
        g = *f;
        propose(cands, &n, QR_BEFORE,
                attribute_before(c, &g, para->start, para->end, &passive), &g);
        g = *f;
        propose(cands, &n, QR_AFTER, attribute_after(c, &g, para->end), &g);
    } else {
        g = *f;
        propose(cands, &n, QR_AFTER, attribute_after(c, &g, para->end), &g);
        g = *f;
        propose(cands, &n, QR_BEFORE,
                attribute_before(c, &g, para->start, para->end, &passive), &g);
    }
    if (f->opens_para && f->para > 0) {
        g = *f;
        propose(cands, &n, QR_INTRODUCED,
                attribute_introduced(c, &g, &text->paras[f->para - 1].span), &g);
    }
    /* Quoted words in a sentence that names no verb of speech ("Trump attacked “the
     * hateful ideology …”") are still its subject's words. */
    /* The subject of a passive verb of speech ("he was called “…” by X") is who was
     * spoken of, not the speaker. */
    /* A description that opens the sentence, or the subject of its clause, is not
     * proposed past a possessive's word of speech ("Reporters checked Berg’s claim
     * that “…”"): the claim's owner is nearer the quote than the sentence's subject. */
    bool possessive = false;
    if (embedded && !passive) {
        g = *f;
        propose(cands, &n, QR_SUBJECT, quote_sentence_subject(c, para->start, f->start, &g.q), &g);
        g = *f;
        possessive = attribute_possessive(c, &g, para->start);
        propose(cands, &n, QR_POSSESSIVE, possessive, &g);
        g = *f;
        propose(cands, &n, QR_DESCRIPTION,
                !possessive && quote_sentence_description(c, para->start, f->start, &g.q), &g);
    }
    /* The subject of the quote's clause past its opening words ("However, he
     * characterized …", "In August, several groups …, saying his “…”", "The piece
     * used …: “…”"), or of the sentence that introduces its paragraph with a colon
     * ("On July 6, 2015, Sanders made the following comment:"). */
    g = *f;
    propose(cands, &n, QR_CLAUSE, !possessive && attribute_clause(c, &g, text, passive), &g);
    g = *f;
    propose(cands, &n, QR_SIBLING, attribute_sibling(c, f, &g), &g);
    /* Only for a quote that no rule attributes where it stands: the sentence before is
     * no rival to a cue of the quote's own. */
    if (n == 0) {
        g = *f;
        propose(cands, &n, QR_PREV_SENTENCE, attribute_prev_sentence(c, &g, text), &g);
    }
    cands[n].q = f->q;
    cands[n++].rule = QR_NONE;
    /* "the singer said": the one person who holds that role; "Mr Fox said", with no
     * mention there, the one person of that name. */
    for (size_t k = 0; k < n; k++) {
        lede_quote *q = &cands[k].q;
        qtok first;
        if (!q->has_source || q->speaker != LEDE_NONE ||
            !qtok_next(c->s, q->source.end, q->source.start, &first))
            continue;
        /* "the IMF said": a name inside the phrase is the speaker. */
        const lede_name *nm = quote_name_from(c->names, q->source.start);
        for (; nm && nm < c->names->items + c->names->n && nm->span.end <= q->source.end; nm++)
            q->speaker = nm->entity;
        if (q->speaker != LEDE_NONE)
            continue;
        if (qtok_is(c->s, &first, "the") || qtok_is(c->s, &first, "The"))
            q->speaker = coref_description(c, &q->source);
        else
            q->speaker = coref_name(c, &q->source);
    }
    return n;
}

static size_t rank_choose(void *arg, const qctx *c, const found *f, const quote_cand *cands,
                          size_t n, uint32_t prev_speaker)
{
    (void)arg;
    return quote_rank_pick(c, f, cands, n, prev_speaker);
}

lede_status lede_quotes_find(const lede_quoter *qr, const lede_lexicon *lex, const lede_text *text,
                             const lede_names *names, lede_model *model)
{
    return quote_find_with(lex, text, names, model, qr ? qr->weights : NULL, rank_choose, NULL);
}

lede_status quote_find_with(const lede_lexicon *lex, const lede_text *text, const lede_names *names,
                            lede_model *model, const int32_t *weights, quote_chooser choose,
                            void *arg)
{
    found_list fl = {0};
    lede_status st = LEDE_OK;
    qword_memo memo;
    memset(&memo, 0, sizeof memo);
    qctx c = {lex, text->bytes, text->len, names, model, &fl, NULL, weights, &memo};
    for (size_t p = 0; p < text->n_paras && st == LEDE_OK; p++)
        st = quote_pair_marks(text, p, &fl);
    size_t kept = 0;
    for (size_t i = 0; i < fl.n; i++) {
        found *f = &fl.items[i];
        /* The token before the quote is asked for by several rules: read it once. */
        f->has_before =
            qtok_prev(text->bytes, text->paras[f->para].span.start, f->start, &f->before);
        f->ends_sentence = f->closed && ends_with_period(&c, f);
        if (!is_title(&c, f) && !is_not_speech(&c, f))
            fl.items[kept++] = *f;
    }
    fl.n = kept;
    coref cr;
    bool resolving = st == LEDE_OK && fl.n;
    if (resolving) {
        st = coref_begin(&cr, &c);
        c.coref = &cr;
    }
    uint32_t prev_speaker = LEDE_NONE;
    for (size_t i = 0; i < fl.n && st == LEDE_OK; i++) {
        found *f = &fl.items[i];
        f->q.partial = is_partial(text->bytes, f);
        quote_cand cands[QR_MAX_CANDS];
        size_t n = candidates(&c, text, f, cands);
        size_t k = choose(arg, &c, f, cands, n, prev_speaker);
        f->q = cands[k < n ? k : 0].q;
        coref_saw_quote(&cr, &f->q);
        /* A quote with no source of its own goes on with the last speaker's words (see
         * continue_speakers): a pronoun after it still means that speaker. */
        if (!f->q.has_source && i > 0 && f->para <= fl.items[i - 1].para + 1 &&
            cr.last_end == fl.items[i - 1].end)
            cr.last_end = f->end;
        if (f->q.speaker != LEDE_NONE)
            prev_speaker = f->q.speaker;
    }
    if (st == LEDE_OK && fl.n) {
        continue_speakers(&c, text, &fl);
        st = quote_adopt_sources(&c, &fl, model);
    }
    if (resolving)
        coref_end(&cr);
    for (size_t i = 0; i < fl.n && st == LEDE_OK; i++)
        st = lede_model_add_quote(model, &fl.items[i].q);
    free(fl.items);
    return st;
}
