/* input.c - bytes as read to an article's text: decode, decide what they are, extract.
 *
 * Linear in the input: each step is one pass (the HTML parser's included). Plain UTF-8
 * text pays one validation pass and a look at its first and last lines: the bytes stay
 * as read and its offsets mean the file. */
#include <stdlib.h>
#include <string.h>
#include "lede/input.h"
#include "lede/utf8.h"

/* Replaces *bytes (freed) by their conversion from enc; on failure frees them too. */
static lede_status convert(const char *enc, char **bytes, size_t *len)
{
    char *out;
    size_t out_len;
    lede_status rc = lede_decode(enc, *bytes, *len, &out, &out_len);

    free(*bytes);
    *bytes = rc == LEDE_OK ? out : NULL;
    *len = rc == LEDE_OK ? out_len : 0;
    return rc;
}

/* Extracts with doc-making extractors; the text gets their paragraphs. */
static lede_status extract_doc(char *bytes, size_t len, const char *input, lede_text *text)
{
    lede_doc doc = {0};
    lede_status rc = strcmp(input, "html") == 0 ? lede_html_extract(bytes, len, &doc)
                                                : lede_header_extract(bytes, len, &doc);

    free(bytes);
    if (rc != LEDE_OK) {
        lede_doc_free(&doc);
        return rc;
    }
    return lede_doc_finish(&doc, input, text);
}

/* True when b starts with a UTF-16 byte order mark. */
static bool utf16_bom(const char *b, size_t len)
{
    return len >= 2 && (((unsigned char)b[0] == 0xFF && (unsigned char)b[1] == 0xFE) ||
                        ((unsigned char)b[0] == 0xFE && (unsigned char)b[1] == 0xFF));
}

/* Frees bytes and returns rc. */
static lede_status refuse(char *bytes, lede_status rc)
{
    free(bytes);
    return rc;
}

/* What the UTF-8 bytes are: "html", "newsboat", "email" or NULL (plain text). */
static const char *sniff(const char *bytes, size_t len)
{
    /* A page nested too deep to parse in linear time is shown as the text it is. */
    if (lede_html_sniff(bytes, len) && lede_html_depth(bytes, len) <= LEDE_HTML_MAX_DEPTH)
        return "html";
    return lede_header_sniff(bytes, len);
}

/* Makes text of plain text: a Gutenberg book's paragraphs lie between its marks. */
static lede_status plain(char *bytes, size_t len, lede_text *text)
{
    size_t from, to;
    lede_status rc;

    if (!lede_gutenberg_range(bytes, len, &from, &to))
        return lede_text_plain(bytes, len, 0, len, text);
    rc = lede_text_plain(bytes, len, from, to, text);
    text->input = "gutenberg";
    /* Marks with nothing but blanks between them: a book with no text. */
    if (rc == LEDE_OK && text->n_paras == 0) {
        lede_text_free(text);
        return LEDE_ERR_EMPTY;
    }
    return rc;
}

/* Converts from enc and judges the result as the bytes as read were judged. */
static lede_status convert_checked(const char *enc, char **bytes, size_t *len)
{
    lede_status rc = convert(enc, bytes, len);

    if (rc == LEDE_OK && lede_text_only_white(*bytes, *len))
        rc = LEDE_ERR_EMPTY;
    else if (rc == LEDE_OK && lede_text_looks_binary(*bytes, *len))
        rc = LEDE_ERR_BINARY;
    if (rc != LEDE_OK && *bytes)
        free(*bytes);
    return rc;
}

lede_status lede_input_adopt(char *bytes, size_t len, const lede_read_opts *opts, lede_text *text)
{
    const char *enc = opts ? opts->encoding : NULL, *kind;
    bool forced = enc != NULL;
    lede_status rc;

    memset(text, 0, sizeof *text);
    /* UTF-8 named is UTF-8 read as it is, invalid bytes and all. */
    if (forced && lede_decode_is_utf8(enc))
        enc = NULL;
    /* UTF-16 is mostly NUL bytes, and a forced encoding may be too: those are judged
     * once converted. */
    if (!forced && utf16_bom(bytes, len))
        enc = "UTF-16";
    if (!enc) {
        if (lede_text_only_white(bytes, len))
            return refuse(bytes, LEDE_ERR_EMPTY);
        if (lede_text_looks_binary(bytes, len))
            return refuse(bytes, LEDE_ERR_BINARY);
    }
    kind = enc ? NULL : sniff(bytes, len);
    /* A page or a header block is guessed before it is parsed (gumbo would make its
     * Windows-1252 letters U+FFFD). Plain text is not: its paragraphs count invalid
     * bytes anyway, so UTF-8 pays for no extra pass and only text with invalid bytes
     * is looked at again below. */
    if (kind && !forced)
        enc = lede_decode_guess(bytes, len);
    if (enc) {
        if ((rc = convert_checked(enc, &bytes, &len)) != LEDE_OK)
            return rc;
        kind = sniff(bytes, len);
    }
    if (kind)
        rc = extract_doc(bytes, len, kind, text);
    else
        rc = plain(bytes, len, text);
    if (rc == LEDE_OK && !kind && !forced && !enc && text->invalid_bytes > 0 &&
        (enc = lede_decode_guess(text->bytes, text->len)) != NULL) {
        /* Not UTF-8 after all: take the bytes back and read them as enc. */
        bytes = text->bytes;
        len = text->len;
        text->bytes = NULL;
        lede_text_free(text);
        if ((rc = convert_checked(enc, &bytes, &len)) != LEDE_OK)
            return rc;
        kind = sniff(bytes, len);
        rc = kind ? extract_doc(bytes, len, kind, text) : plain(bytes, len, text);
    }
    if (rc == LEDE_OK)
        text->encoding = enc;
    return rc;
}
