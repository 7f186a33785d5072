/* cli_table.c - the --entities output: the entity index as an aligned table.
 *
 * Every text from the article or the lists (names, roles, quotes) goes through the
 * terminal filter of termsafe.h. Bound: O(n log n) in the entities (the sort), linear
 * in the bytes of names and quotes. */
#include <stdlib.h>
#include <string.h>
#include "lede/cli.h"
#include "lede/termsafe.h"
#include "lede/utf8.h"

#define QUOTE_COLS 72

/* Display columns of s as the filter shows it. */
static int cols(const char *s)
{
    int n = 0;
    size_t len = strlen(s), adv;
    for (size_t i = 0; i < len; i += adv)
        n += lede_utf8_width(lede_termsafe_shown(lede_utf8_decode(s + i, len - i, &adv)));
    return n;
}

/* Writes s padded with spaces to width columns; returns false on a write error. */
static bool put_padded(FILE *out, const char *s, int width)
{
    if (!lede_termsafe_puts(out, s))
        return false;
    for (int n = cols(s); n < width; n++)
        if (fputc(' ', out) == EOF)
            return false;
    return true;
}

/* Sort order of the index: people first, then by mention count, then first mention. */
static const lede_model *sort_model;

static int by_index_order(const void *a, const void *b)
{
    const lede_entity *x = &sort_model->entities[*(const uint32_t *)a];
    const lede_entity *y = &sort_model->entities[*(const uint32_t *)b];
    int xp = x->type != LEDE_PERSON, yp = y->type != LEDE_PERSON;
    if (xp != yp)
        return xp - yp;
    if (x->n_mentions != y->n_mentions)
        return x->n_mentions > y->n_mentions ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static bool put_entities(FILE *out, const lede_model *model, const uint32_t *order)
{
    int wname = 4, wrole = 4;
    for (size_t i = 0; i < model->n_entities; i++) {
        const lede_entity *e = &model->entities[i];
        int n = cols(e->name), r = e->role ? cols(e->role) : 1;
        wname = n > wname ? n : wname;
        wrole = r > wrole ? r : wrole;
    }
    bool ok = put_padded(out, "TYPE", 14) && put_padded(out, "NAME", wname + 2) &&
              put_padded(out, "ROLE", wrole + 2) && fputs("MENTIONS  QUOTES\n", out) != EOF;
    for (size_t i = 0; ok && i < model->n_entities; i++) {
        const lede_entity *e = &model->entities[order[i]];
        ok = put_padded(out, lede_entity_type_name(e->type), 14) &&
             put_padded(out, e->name, wname + 2) &&
             put_padded(out, e->role ? e->role : "-", wrole + 2) &&
             fprintf(out, "%8zu  %6zu\n", e->n_mentions, e->n_quotes) > 0;
    }
    return ok;
}

/* The code point at text[i] as the table shows it: C0 controls (line ends, tabs) as
 * spaces, other hostile characters as U+FFFD. */
static uint32_t shown_cp(const lede_text *text, size_t i, size_t end, size_t *adv)
{
    uint32_t cp = lede_utf8_decode(text->bytes + i, end - i, adv);
    return cp < 0x20 || cp == 0x7F ? ' ' : lede_termsafe_shown(cp);
}

/* Writes the quote's text on one line; a quote wider than QUOTE_COLS columns is cut
 * to QUOTE_COLS - 1 and ends with "…". */
static bool put_quote_text(FILE *out, const lede_text *text, lede_span span)
{
    int total = 0, n = 0;
    for (size_t i = span.start, adv; i < span.end && total <= QUOTE_COLS; i += adv)
        total += lede_utf8_width(shown_cp(text, i, span.end, &adv));
    int room = total > QUOTE_COLS ? QUOTE_COLS - 1 : QUOTE_COLS;
    char buf[8];
    for (size_t i = span.start, adv; i < span.end; i += adv) {
        uint32_t cp = shown_cp(text, i, span.end, &adv);
        if (n + lede_utf8_width(cp) > room)
            return fputs("…", out) != EOF;
        n += lede_utf8_width(cp);
        size_t len = lede_utf8_encode(cp, buf);
        if (fwrite(buf, 1, len, out) != len)
            return false;
    }
    return true;
}

static const char *speaker_name(const lede_model *model, const lede_quote *q)
{
    return q->speaker == LEDE_NONE ? "(unattributed)" : model->entities[q->speaker].name;
}

static bool put_quotes(FILE *out, const lede_text *text, const lede_model *model)
{
    bool ok =
        fprintf(out, "\n%zu quotation%s\n", model->n_quotes, model->n_quotes == 1 ? "" : "s") > 0;
    /* The speaker column is as wide as its longest name, so that a long one never runs
     * into the next column ("Papadoyiannakisfull"). */
    int wwho = 14;
    for (size_t i = 0; i < model->n_quotes; i++) {
        int w = cols(speaker_name(model, &model->quotes[i]));
        wwho = w > wwho ? w : wwho;
    }
    for (size_t i = 0; ok && i < model->n_quotes; i++) {
        const lede_quote *q = &model->quotes[i];
        const char *who = speaker_name(model, q);
        ok = fprintf(out, "%4zu  ", i + 1) > 0 && put_padded(out, who, wwho + 2) &&
             fputs(q->partial ? "partial  " : "full     ", out) != EOF &&
             put_quote_text(out, text, q->span) && fputc('\n', out) != EOF;
    }
    return ok;
}

lede_status lede_cli_entities(FILE *out, const lede_text *text, const lede_model *model)
{
    uint32_t *order = malloc((model->n_entities ? model->n_entities : 1) * sizeof *order);
    if (!order)
        return LEDE_ERR_NOMEM;
    for (size_t i = 0; i < model->n_entities; i++)
        order[i] = (uint32_t)i;
    sort_model = model;
    qsort(order, model->n_entities, sizeof *order, by_index_order);
    bool ok = put_entities(out, model, order) && put_quotes(out, text, model);
    free(order);
    return ok && fflush(out) == 0 ? LEDE_OK : LEDE_ERR_IO;
}

/* --- several articles -------------------------------------------------------------- */

/* The articles of an entry: "a.txt (2), b.txt (1)". */
static bool put_hits(FILE *out, const lede_corpus *c, const lede_corpus_entry *e)
{
    for (size_t h = 0; h < e->n_hits; h++)
        if (fprintf(out, "%s%s (%u)", h ? ", " : "", c->articles[e->hits[h].article].path,
                    e->hits[h].mentions) < 0)
            return false;
    return fputc('\n', out) != EOF;
}

lede_status lede_cli_entities_all(FILE *out, const lede_corpus *c)
{
    uint32_t *order = malloc((c->n_entries ? c->n_entries : 1) * sizeof *order);
    if (!order)
        return LEDE_ERR_NOMEM;
    size_t n = lede_corpus_ranked(c, order); /* the order of the reader's index (A) */
    int wname = 4, wrole = 4;
    for (size_t i = 0; i < n; i++) {
        const lede_corpus_entry *e = &c->entries[order[i]];
        int w = cols(e->name), r = e->role ? cols(e->role) : 1;
        wname = w > wname ? w : wname;
        wrole = r > wrole ? r : wrole;
    }
    bool ok = put_padded(out, "TYPE", 14) && put_padded(out, "NAME", wname + 2) &&
              put_padded(out, "ROLE", wrole + 2) &&
              fputs("ARTICLES  MENTIONS  QUOTES  IN\n", out) != EOF;
    for (size_t i = 0; ok && i < n; i++) {
        const lede_corpus_entry *e = &c->entries[order[i]];
        ok = put_padded(out, lede_entity_type_name(e->type), 14) &&
             put_padded(out, e->name, wname + 2) &&
             put_padded(out, e->role ? e->role : "-", wrole + 2) &&
             fprintf(out, "%8zu  %8zu  %6zu  ", e->n_hits, e->mentions, e->quotes) > 0 &&
             put_hits(out, c, e);
    }
    free(order);
    return ok && fflush(out) == 0 ? LEDE_OK : LEDE_ERR_IO;
}
