/* fuzz_lexicon.c - arbitrary word lists through lede_lexicon_add_buffer().
 *
 * Checks that loading never fails other than by SYNTAX, that loading the same list twice
 * changes no count (an entry added again replaces the earlier one), that lookups of any
 * slice of the input are safe, and that an annotator built on the list annotates a small
 * article of our own without breaking. */
#include <string.h>
#include "fuzz.h"
#include "lede/annotate.h"

static const char article[] =
    "Politics\n"
    "Mayor Ines Varga opens the new bridge\n"
    "\n"
    "Mayor Ines Varga of Port Alder opened the bridge on Monday. \"It took us six years,\" "
    "Varga said, thanking the Alder River Trust and the Green Party.\n"
    "Critics from the Harbour Workers Union said the tolls were \"far too high\".\n";

static void check_lookups(const lede_lexicon *lex, const uint8_t *data, size_t size, uint64_t seed)
{
    for (int i = 0; i < 32 && size > 0; i++) {
        size_t start = (size_t)(fuzz_next(&seed) % size);
        size_t len = (size_t)(fuzz_next(&seed) % (size - start + 1));
        lede_lex_kind kind = (lede_lex_kind)(fuzz_next(&seed) % LEDE_LEX_KINDS);
        const char *word = (const char *)data + start;
        bool has = lede_lexicon_has(lex, kind, word, len);
        const char *value = lede_lexicon_value(lex, kind, word, len);
        FUZZ_CHECK(has == (value != NULL));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    lede_lexicon *lex;
    FUZZ_CHECK(lede_lexicon_new_empty(&lex) == LEDE_OK);
    const char *buf = (const char *)data;
    lede_status st = lede_lexicon_add_buffer(lex, buf, size, "fuzz.lex", NULL);
    FUZZ_CHECK(st == LEDE_OK || st == LEDE_ERR_SYNTAX);
    size_t counts[LEDE_LEX_KINDS];
    for (int k = 0; k < LEDE_LEX_KINDS; k++) {
        counts[k] = lede_lexicon_count(lex, (lede_lex_kind)k);
        FUZZ_CHECK(lede_lexicon_max_words(lex, (lede_lex_kind)k) >= 0);
        FUZZ_CHECK((counts[k] == 0) == (lede_lexicon_max_words(lex, (lede_lex_kind)k) == 0));
    }
    FUZZ_CHECK(lede_lexicon_add_buffer(lex, buf, size, "fuzz.lex", NULL) == st);
    for (int k = 0; k < LEDE_LEX_KINDS; k++)
        FUZZ_CHECK(lede_lexicon_count(lex, (lede_lex_kind)k) == counts[k]);
    check_lookups(lex, data, size, fuzz_seed(data, size));

    lede_annotator *ann;
    FUZZ_CHECK(lede_annotator_new(lex, &ann) == LEDE_OK);
    lede_text text;
    FUZZ_CHECK(lede_text_from_buffer(article, sizeof article - 1, &text) == LEDE_OK);
    lede_model model;
    lede_model_init(&model);
    FUZZ_CHECK(lede_annotate(ann, &text, &model) == LEDE_OK);
    for (size_t i = 0; i < model.n_mentions; i++)
        FUZZ_CHECK(model.mentions[i].span.end <= text.len &&
                   (i == 0 || model.mentions[i - 1].span.end <= model.mentions[i].span.start));
    lede_model_free(&model);
    lede_text_free(&text);
    lede_annotator_free(ann);
    lede_lexicon_free(lex);
    return 0;
}
