/* annotate.c - the annotator: names first, then quotes, then the finished model. */
#include <stdlib.h>
#include "lede/annotate.h"
#include "lede/names.h"
#include "lede/quotes.h"

struct lede_annotator {
    const lede_lexicon *lex;
    lede_namer *namer;
    lede_quoter *quoter;
};

lede_status lede_annotator_new(const lede_lexicon *lex, lede_annotator **out)
{
    return lede_annotator_new_with_model(lex, NULL, 0, out);
}

lede_status lede_annotator_new_with_model(const lede_lexicon *lex, const char *model, size_t len,
                                          lede_annotator **out)
{
    *out = NULL;
    lede_annotator *ann = calloc(1, sizeof *ann);
    if (!ann)
        return LEDE_ERR_NOMEM;
    ann->lex = lex;
    lede_status st = lede_namer_new(lex, model, len, &ann->namer);
    if (st == LEDE_OK)
        st = lede_quoter_new(&ann->quoter);
    if (st != LEDE_OK) {
        lede_annotator_free(ann);
        return st;
    }
    *out = ann;
    return LEDE_OK;
}

/* The paragraphs to annotate: all but bylines (a feed's or page's who and when, shown
 * dim). A text without bylines is used as it is; otherwise *view borrows text's bytes
 * with a copy of the other paragraphs (*owned, freed by the caller). */
static const lede_text *annotated_part(const lede_text *text, lede_text *view, lede_para **owned)
{
    size_t n = 0;

    *owned = NULL;
    for (size_t i = 0; i < text->n_paras; i++)
        n += text->paras[i].kind == LEDE_PARA_BYLINE;
    if (n == 0)
        return text;
    *view = *text;
    *owned = malloc((text->n_paras - n + 1) * sizeof **owned);
    if (!*owned)
        return NULL;
    view->paras = *owned;
    view->n_paras = 0;
    for (size_t i = 0; i < text->n_paras; i++)
        if (text->paras[i].kind != LEDE_PARA_BYLINE)
            view->paras[view->n_paras++] = text->paras[i];
    return view;
}

lede_status lede_annotate(lede_annotator *ann, const lede_text *whole, lede_model *model)
{
    lede_names names = {0};
    lede_text view;
    lede_para *owned;
    const lede_text *text = annotated_part(whole, &view, &owned);
    lede_model_init(model);
    if (!text)
        return LEDE_ERR_NOMEM;
    lede_status st = lede_namer_run(ann->namer, text, model, &names);
    if (st == LEDE_OK)
        st = lede_quotes_find(ann->quoter, ann->lex, text, &names, model);
    lede_names_free(&names);
    if (st == LEDE_OK)
        st = lede_model_finish(model);
    if (st != LEDE_OK)
        lede_model_free(model);
    free(owned);
    return st;
}

void lede_annotator_free(lede_annotator *ann)
{
    if (!ann)
        return;
    lede_namer_free(ann->namer);
    lede_quoter_free(ann->quoter);
    free(ann);
}
