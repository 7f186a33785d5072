/* fuzz_decode.c - arbitrary bytes through the decoders and the header-block extractor.
 *
 * Byte 0 picks an encoding to force (or none: guess); the rest is the input. Checks that
 * whatever converts is valid UTF-8, that a guess is only made when the bytes are not
 * UTF-8 (or start with a UTF-16 BOM), and that header-block texts keep their paragraphs
 * in order and inside the text. */
#include <string.h>
#include "fuzz.h"
#include "lede/input.h"
#include "lede/utf8.h"

static const char *const encodings[] = {NULL, "UTF-16", "UTF-16LE", "UTF-16BE", "Windows-1252",
                                        "ISO-8859-1", "UTF-8", "ISO-8859-15", "KOI8-R"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *b = (const char *)data + 1;
    const char *enc, *guess;
    char *out;
    size_t n, len;
    lede_text t;

    if (size == 0)
        return 0;
    enc = encodings[data[0] % (sizeof encodings / sizeof *encodings)];
    len = size - 1;
    guess = lede_decode_guess(b, len);
    if (guess && strcmp(guess, "UTF-16") != 0)
        FUZZ_CHECK(lede_utf8_invalid_count(b, len) > 0);
    if (enc && lede_decode(enc, b, len, &out, &n) == LEDE_OK) {
        FUZZ_CHECK(out[n] == '\0');
        if (strcmp(enc, "UTF-8") != 0)
            FUZZ_CHECK(lede_utf8_invalid_count(out, n) == 0);
        free(out);
    }
    lede_read_opts opts = {0, enc};
    char *copy = malloc(len + 1);
    FUZZ_CHECK(copy != NULL);
    memcpy(copy, b, len);
    copy[len] = '\0';
    if (lede_input_adopt(copy, len, &opts, &t) == LEDE_OK) {
        size_t last = 0;
        for (size_t i = 0; i < t.n_paras; i++) {
            FUZZ_CHECK(last <= t.paras[i].span.start);
            FUZZ_CHECK(t.paras[i].span.start < t.paras[i].span.end);
            FUZZ_CHECK(t.paras[i].span.end <= t.len);
            last = t.paras[i].span.end;
        }
        lede_text_free(&t);
    }
    if (lede_header_sniff(b, len)) {
        lede_doc doc = {0};
        FUZZ_CHECK(lede_header_extract(b, len, &doc) == LEDE_OK);
        lede_doc_free(&doc);
    }
    return 0;
}
