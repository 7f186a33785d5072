/* input.h - what the core makes of bytes before they are an article (internal to the core).
 *
 * lede_input_adopt() is the one path from bytes as read to a lede_text: decode (decode.c),
 * then decide by content what the text is and extract it: a web page (html.c), a feed
 * reader's or mail's header block (header.c), a Project Gutenberg book (gutenberg.c), or
 * plain text (text.c). Extractors write their text through a lede_doc, which makes the
 * paragraphs as it goes; plain text keeps its bytes and offsets as read. */
#ifndef LEDE_INPUT_H
#define LEDE_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include "lede/status.h"
#include "lede/text.h"

/* Takes ownership of bytes (len of them plus a NUL, malloc'd) and makes text of them, or
 * frees them; opts may be NULL. Statuses as lede_text_from_buffer(), plus ENCODING. */
lede_status lede_input_adopt(char *bytes, size_t len, const lede_read_opts *opts, lede_text *text);

/* text.c: makes plain text of bytes (owned from now on; freed with the text on failure)
 * with paragraphs found in [from, to) (from 0: after a BOM). Sets input to "text". */
lede_status lede_text_plain(char *bytes, size_t len, size_t from, size_t to, lede_text *text);
bool lede_text_only_white(const char *bytes, size_t len);
bool lede_text_looks_binary(const char *bytes, size_t len);

/* ---- decode.c: other encodings to UTF-8 (iconv) ---- */

/* The encoding bytes are in when they are not UTF-8: "UTF-16" for a UTF-16 byte order
 * mark, "Windows-1252" for text with bytes that are not UTF-8, no valid UTF-8 sequence
 * beyond ASCII and none of the five bytes Windows-1252 leaves undefined (Latin-1 text is
 * Windows-1252 text); NULL otherwise (UTF-8, or not text at all). Linear. */
const char *lede_decode_guess(const char *bytes, size_t len);

/* Converts len bytes in encoding from (an iconv name) to UTF-8 in *out (malloc'd, NUL
 * after *out_len bytes); a UTF-16 BOM is dropped. ENCODING when iconv lacks the encoding
 * or the bytes are not valid in it, NOMEM. Linear. */
lede_status lede_decode(const char *from, const char *bytes, size_t len, char **out,
                        size_t *out_len);

/* True when name is UTF-8 ("UTF-8", "utf8", any case): bytes to take as they are. */
bool lede_decode_is_utf8(const char *name);

/* True when iconv can convert from name to UTF-8. */
bool lede_decode_known(const char *name);

/* ---- doc.c: extracted text, built paragraph by paragraph ---- */

typedef struct {
    char *bytes;
    size_t len, cap;
    lede_para *paras;
    size_t n_paras, paras_cap;
    bool open;       /* a paragraph is being written */
    bool want_space; /* white space was seen since the paragraph's last character */
    bool failed;     /* out of memory: every call after it does nothing */
} lede_doc;

/* Starts a paragraph of kind (ending one that is open); paragraphs are separated by a
 * blank line in the bytes. */
void lede_doc_begin(lede_doc *doc, lede_para_kind kind);

/* Appends s[0..len) to the open paragraph (opening a BODY one if none is), each run of
 * ASCII white space (line ends too) as one space, none at the paragraph's edges. */
void lede_doc_add(lede_doc *doc, const char *s, size_t len);

/* Ends the open paragraph; one with no text is dropped. */
void lede_doc_end(lede_doc *doc);

/* True when the open paragraph has text. */
bool lede_doc_open_has_text(const lede_doc *doc);

/* Moves the paragraphs into text (zeroed first), input set to input. NOMEM when a call
 * failed, EMPTY when there is no paragraph; the doc is freed either way. */
lede_status lede_doc_finish(lede_doc *doc, const char *input, lede_text *text);

/* Frees what doc owns and zeroes it. */
void lede_doc_free(lede_doc *doc);

/* ---- html.c, header.c, gutenberg.c: the extractors ---- */

/* True when b looks like HTML: after blanks, a BOM and comments, "<!doctype html",
 * "<html", "<head" or "<body", or an element that only HTML has in its first 1 KiB
 * (<meta, <p>, <div, <title). Reads at most the first 1 KiB. */
bool lede_html_sniff(const char *b, size_t len);

/* How deep elements may nest for a page to be parsed: gumbo's work grows with the square
 * of the depth (each start tag looks through the open elements), so a hostile page of a
 * million <div>s would take hours. Real pages nest a few dozen deep. */
#define LEDE_HTML_MAX_DEPTH 1000u

/* An upper bound on how deep the elements of b nest, found without parsing: start tags
 * less end tags, leaving out the elements that are never open long (void ones, <p>, <li>
 * and others whose end tag may be omitted). Linear. */
size_t lede_html_depth(const char *b, size_t len);

/* Extracts the article of the HTML page b into doc: headline, byline, body paragraphs. */
lede_status lede_html_extract(const char *b, size_t len, lede_doc *doc);

/* Returns "newsboat" or "email" when b starts with a header block of that shape, else
 * NULL. Reads the first lines only. */
const char *lede_header_sniff(const char *b, size_t len);

/* Extracts a header-block article into doc: the title as headline, the other fields as
 * a byline, the body with wrapped lines joined. */
lede_status lede_header_extract(const char *b, size_t len, lede_doc *doc);

/* True when b is a Project Gutenberg book: stores in [*from, *to) the book between the
 * "*** START OF ..." and "*** END OF ..." lines. Reads only the first and last 64 KiB. */
bool lede_gutenberg_range(const char *b, size_t len, size_t *from, size_t *to);

#endif
