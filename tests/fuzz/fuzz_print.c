/* fuzz_print.c - the printers: --json, --entities, coloured and plain printing.
 *
 * An input is an article, or a lexicon and an article separated by a line "====" (so
 * that names, roles and values can hold anything a --lexicon file can). Checks that
 * every printer succeeds, that plain printing to a non-terminal is the input byte for
 * byte, and that nothing else lets a hostile character out (termsafe.h): the --json,
 * --entities and filtered outputs are valid UTF-8 with no control but line ends (and
 * tabs in printed text), no C1 control and no bidi override, and the coloured output
 * has no escape sequence but SGR colours. */
#include <string.h>
#include "fuzz.h"
#include "lede/annotate.h"
#include "lede/cli.h"
#include "lede/print.h"
#include "lede/termsafe.h"
#include "lede/theme.h"
#include "lede/utf8.h"

static lede_lexicon *builtin;
static lede_annotator *builtin_ann;
static lede_theme theme;

static void setup(void)
{
    FUZZ_CHECK(lede_lexicon_new(&builtin) == LEDE_OK);
    FUZZ_CHECK(lede_annotator_new(builtin, &builtin_ann) == LEDE_OK);
    lede_theme_defaults(&theme);
}

/* Output of one printer, in memory. */
typedef struct {
    char *data;
    size_t len;
    FILE *f;
} sink;

static void sink_open(sink *s)
{
    s->data = NULL;
    s->len = 0;
    s->f = open_memstream(&s->data, &s->len);
    FUZZ_CHECK(s->f != NULL);
}

static void sink_close(sink *s)
{
    FUZZ_CHECK(fclose(s->f) == 0);
}

/* Skips an SGR sequence ESC [ digits/semicolons m at data[i]; returns its length, or 0. */
static size_t sgr_len(const char *data, size_t i, size_t len)
{
    if (i + 2 >= len || data[i] != '\x1B' || data[i + 1] != '[')
        return 0;
    size_t k = i + 2;
    while (k < len && ((data[k] >= '0' && data[k] <= '9') || data[k] == ';'))
        k++;
    return k < len && data[k] == 'm' ? k + 1 - i : 0;
}

/* Checks that out is safe for a terminal: valid UTF-8, no hostile character but those
 * in keep ("\n", "\n\t", ...), a CR only before a line feed when cr is set, and escape
 * characters only as SGR sequences when sgr is set. */
static void check_safe(const char *out, size_t len, const char *keep, bool cr, bool sgr)
{
    for (size_t i = 0, adv; i < len; i += adv) {
        size_t skip = sgr ? sgr_len(out, i, len) : 0;
        if (skip) {
            adv = skip;
            continue;
        }
        uint32_t cp = lede_utf8_decode(out + i, len - i, &adv);
        FUZZ_CHECK(!(cp == LEDE_UTF8_REPLACEMENT && adv == 1)); /* valid UTF-8 */
        if (!lede_termsafe_hostile(cp))
            continue;
        bool kept = cp != 0 && cp < 0x80 && strchr(keep, (int)cp) != NULL;
        bool crlf = cr && cp == '\r' && i + 1 < len && out[i + 1] == '\n';
        FUZZ_CHECK(kept || crlf);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!builtin)
        setup();
    const char *bytes = (const char *)data;
    const char *sep = memmem(bytes, size, "\n====\n", 6);
    lede_lexicon *lex = NULL;
    lede_annotator *ann = builtin_ann;
    if (sep) {
        FUZZ_CHECK(lede_lexicon_new_empty(&lex) == LEDE_OK);
        lede_status st = lede_lexicon_add_buffer(lex, bytes, (size_t)(sep - bytes), "fuzz", NULL);
        FUZZ_CHECK(st == LEDE_OK || st == LEDE_ERR_SYNTAX);
        FUZZ_CHECK(lede_annotator_new(lex, &ann) == LEDE_OK);
        size -= (size_t)(sep + 6 - bytes);
        bytes = sep + 6;
    }
    lede_text text;
    lede_model model;
    lede_model_init(&model);
    if (lede_text_from_buffer(bytes, size, &text) != LEDE_OK)
        goto done;
    FUZZ_CHECK(lede_annotate(ann, &text, &model) == LEDE_OK);

    sink s;
    sink_open(&s);
    FUZZ_CHECK(lede_cli_json(s.f, "fuzz\x1B]0;x\x07\xC2\x9B.txt", &text, &model) == LEDE_OK);
    sink_close(&s);
    check_safe(s.data, s.len, "\n", false, false);
    FUZZ_CHECK(s.len > 0 && s.data[0] == '{' && s.data[s.len - 1] == '\n');
    free(s.data);

    sink_open(&s);
    FUZZ_CHECK(lede_cli_entities(s.f, &text, &model) == LEDE_OK);
    sink_close(&s);
    check_safe(s.data, s.len, "\n", false, false);
    free(s.data);

    sink_open(&s);
    FUZZ_CHECK(lede_print_article(s.f, &text, &model, &theme) == LEDE_OK);
    sink_close(&s);
    check_safe(s.data, s.len, "\n\t", true, true);
    free(s.data);

    sink_open(&s);
    FUZZ_CHECK(lede_print_article_safe(s.f, &text, &model, NULL) == LEDE_OK);
    sink_close(&s);
    check_safe(s.data, s.len, "\n\t", true, false);
    free(s.data);

    sink_open(&s);
    FUZZ_CHECK(lede_print_article(s.f, &text, &model, NULL) == LEDE_OK);
    sink_close(&s);
    /* Plain output is the text the offsets refer to: the input itself when it was read
     * as it is, else what it was converted to (Windows-1252, UTF-16, a page's text). */
    FUZZ_CHECK(s.len == text.len && memcmp(s.data, text.bytes, text.len) == 0);
    if (!text.encoding && strcmp(text.input, "text") == 0)
        FUZZ_CHECK(s.len == size && memcmp(s.data, bytes, size) == 0);
    free(s.data);

    lede_text_free(&text);
done:
    lede_model_free(&model);
    if (lex) {
        lede_annotator_free(ann);
        lede_lexicon_free(lex);
    }
    return 0;
}
