/* fuzz_model.c - arbitrary bytes as an entity model file (--model FILE).
 *
 * The tagger must refuse what is malformed (SYNTAX) and never read out of bounds; a
 * model it accepts must tag a text into spans that are in bounds, in order, and
 * inside their paragraphs. */
#include <string.h>
#include "fuzz.h"
#include "lede/tagger.h"

static lede_lexicon *lex;
static lede_text text;

static void setup(void)
{
    static const char article[] = "Prime Minister Ingrid Lindqvist flew to Stockholm.\n\n"
                                  "The European Commission met in Brussels on Monday.\n";
    FUZZ_CHECK(lede_lexicon_new(&lex) == LEDE_OK);
    FUZZ_CHECK(lede_text_from_buffer(article, sizeof article - 1, &text) == LEDE_OK);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!lex)
        setup();
    lede_tagger *t = NULL;
    lede_status st = lede_tagger_new(lex, (const char *)data, size, &t);
    if (st != LEDE_OK) {
        FUZZ_CHECK(st == LEDE_ERR_SYNTAX || st == LEDE_ERR_NOMEM);
        FUZZ_CHECK(t == NULL);
        return 0;
    }
    lede_ner_spans spans = {0};
    FUZZ_CHECK(lede_tagger_run(t, &text, &spans) == LEDE_OK);
    for (size_t i = 0; i < spans.n; i++) {
        const lede_ner_span *sp = &spans.items[i];
        FUZZ_CHECK(sp->para < text.n_paras && sp->type < LEDE_NER_TYPES);
        FUZZ_CHECK(sp->span.start < sp->span.end);
        FUZZ_CHECK(sp->span.start >= text.paras[sp->para].span.start);
        FUZZ_CHECK(sp->span.end <= text.paras[sp->para].span.end);
        FUZZ_CHECK(i == 0 || spans.items[i - 1].span.end <= sp->span.start);
    }
    lede_ner_spans_free(&spans);
    lede_tagger_free(t);
    return 0;
}
