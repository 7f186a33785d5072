/* annotate.c - the annotator: names first, then quotes, then the finished model. */
#include <stdlib.h>
#include "lede/annotate.h"
#include "lede/names.h"
#include "lede/quotes.h"

struct lede_annotator {
    const lede_lexicon *lex;
    lede_namer *namer;
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
    if (st != LEDE_OK) {
        free(ann);
        return st;
    }
    *out = ann;
    return LEDE_OK;
}

lede_status lede_annotate(const lede_annotator *ann, const lede_text *text, lede_model *model)
{
    lede_names names = {0};
    lede_model_init(model);
    lede_status st = lede_namer_run(ann->namer, text, model, &names);
    if (st == LEDE_OK)
        st = lede_quotes_find(ann->lex, text, &names, model);
    lede_names_free(&names);
    if (st == LEDE_OK)
        st = lede_model_finish(model);
    if (st != LEDE_OK)
        lede_model_free(model);
    return st;
}

void lede_annotator_free(lede_annotator *ann)
{
    if (!ann)
        return;
    lede_namer_free(ann->namer);
    free(ann);
}
