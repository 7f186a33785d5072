/* fuzz_html.c - arbitrary bytes through the web page extractor (whatever they look like)
 * and then the whole load path.
 *
 * Checks that the extracted text is valid UTF-8 (gumbo replaces bad bytes), that its
 * paragraphs are in order, inside the text, never empty and never start or end with
 * white space, that the headline (if any) comes first (or after a label), and that the depth bound holds
 * for what gumbo is given. */
#include <string.h>
#include "fuzz.h"
#include "lede/input.h"
#include "lede/utf8.h"

static void check_text(const lede_text *t)
{
    size_t last = 0;
    FUZZ_CHECK(t->bytes[t->len] == '\0');
    for (size_t i = 0; i < t->n_paras; i++) {
        lede_span s = t->paras[i].span;
        FUZZ_CHECK(last <= s.start && s.start < s.end && s.end <= t->len);
        FUZZ_CHECK(t->bytes[s.start] != ' ' && t->bytes[s.end - 1] != ' ');
        /* A headline comes first, or after a section label. */
        FUZZ_CHECK(t->paras[i].kind != LEDE_PARA_HEADLINE || i == 0 ||
                   (i == 1 && t->paras[0].kind == LEDE_PARA_LABEL));
        last = s.end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *b = (const char *)data;
    lede_doc doc = {0};
    lede_text t;

    /* Deep pages are never given to gumbo (quadratic): the fuzzer would only time out. */
    if (lede_html_depth(b, size) <= LEDE_HTML_MAX_DEPTH &&
        lede_html_extract(b, size, &doc) == LEDE_OK) {
        lede_status st = lede_doc_finish(&doc, "html", &t);
        FUZZ_CHECK(st == LEDE_OK || st == LEDE_ERR_EMPTY);
        if (st == LEDE_OK) {
            check_text(&t);
            FUZZ_CHECK(lede_utf8_invalid_count(t.bytes, t.len) == 0);
            lede_text_free(&t);
        }
    }
    lede_doc_free(&doc);
    /* The same bytes as lede reads them: sniffed, decoded, extracted or plain. */
    if (lede_text_from_buffer(b, size, &t) == LEDE_OK) {
        check_text(&t);
        lede_text_free(&t);
    }
    return 0;
}
