/* text.h - the article as read: bytes, and where its parts are.
 *
 * Offsets everywhere in lede are byte offsets into these bytes. For plain UTF-8 text they
 * are the bytes exactly as read: a BOM, CR bytes and invalid UTF-8 all count and are
 * never rewritten. Anything else (a web page, a feed reader's article, UTF-16, Windows-1252)
 * is first made into UTF-8 text, the "extracted text", and the bytes are that text
 * (`lede --text FILE` prints them).
 *
 * Bound: loading is O(n) in the bytes (one pass to validate, one to find paragraphs);
 * tests/adversarial checks blank-line floods and one long word against it. */
#ifndef LEDE_TEXT_H
#define LEDE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include "lede/status.h"

typedef struct {
    size_t start, end; /* byte offsets, half-open [start, end) */
} lede_span;

typedef enum {
    LEDE_PARA_LABEL,    /* an optional one-word section label ("World") */
    LEDE_PARA_HEADLINE, /* a short first line without closing punctuation */
    LEDE_PARA_BODY,
    LEDE_PARA_BYLINE /* who, when, where from (a page's or feed's header): shown dim,
                        never annotated */
} lede_para_kind;

typedef struct {
    lede_span span; /* the paragraph's text, without its line end and edge blanks */
    lede_para_kind kind;
} lede_para;

typedef struct {
    char *bytes; /* owned; len bytes plus a NUL that is not part of the text */
    size_t len;
    lede_para *paras; /* owned; in text order, never empty spans */
    size_t n_paras;
    size_t invalid_bytes; /* bytes that are not part of valid UTF-8 */
    const char *input;    /* what was read: "text", "html", "newsboat", "email" or
                             "gutenberg" (a static string) */
    const char *encoding; /* NULL when the bytes are as read; else the encoding they were
                             converted from ("UTF-16", "Windows-1252", or --encoding's) */
} lede_text;

/* How to read: a size limit and an encoding. A NULL lede_read_opts means the defaults. */
typedef struct {
    size_t max_size;      /* bytes; 0 means LEDE_MAX_SIZE_DEFAULT */
    const char *encoding; /* NULL: detect; else an iconv name to convert from (borrowed) */
} lede_read_opts;

/* 64 MiB: twenty times War and Peace; an article is a thousandth of that. */
#define LEDE_MAX_SIZE_DEFAULT ((size_t)64 << 20)

/* How long a pipe or device named as a file may stay silent before it is refused (ms):
 * a FIFO nobody writes to must not hang lede. Standard input waits as long as it takes. */
#define LEDE_SILENT_MS 5000

/* Paragraphs. Lines end at '\n'; CR, space, tab, FF and VT at a line's edges are blanks,
 * and a line of nothing else is blank. A leading BOM belongs to no paragraph. When
 * blank lines separate blocks and most blocks look hard-wrapped (several lines, the
 * inner ones at most 100 code points, most of them at least 40 and ending inside a
 * sentence: a book wrapped at 70 columns), each block is one paragraph and its span
 * keeps the inner line ends ("\n" or "\r\n", to be shown as a space). Otherwise each
 * non-blank line is a paragraph (news files: one line per paragraph).
 * The first paragraph is a LABEL when it is one word of at most 32 bytes (letters, '-',
 * '&') and more follow; the next (or first) is the HEADLINE when it is one line of at
 * most 200 bytes, more paragraphs follow, and it either does not end in . ! ? ... or a
 * closing quote, or a blank line follows it. The rest is BODY.
 *
 * Data is BINARY when, in its first 64 KiB, more than 1% (and more than 4) of the bytes
 * are NUL, or more than 30% are invalid UTF-8 or control characters other than tab,
 * line ends, FF, VT and ESC. */

/* Reads the whole file at path (taken literally: "-" is a file name here) into *bytes,
 * malloc'd, and stores its length in *len; a NUL that is not counted follows the bytes.
 * Reads to the end whatever the file is (a file that grows meanwhile, a /proc file that
 * stats as empty), retrying interrupted reads, and never writes to it. It is opened
 * without blocking: a FIFO or device that gives no data for LEDE_SILENT_MS is TIMEOUT.
 * Once the first 64 KiB are in, data that looks binary (see below) stops the read as
 * BINARY, so an endless device (/dev/zero) costs 64 KiB. More than max bytes (SIZE_MAX:
 * LEDE_MAX_SIZE_DEFAULT) is TOOBIG, found from the size before reading when it is known.
 * On failure *bytes is NULL, *len 0, and the status says why: NOENT, ISDIR, ACCESS,
 * NOMEM, TOOBIG, BINARY, TIMEOUT or IO (see lede_status_from_errno()). The caller frees
 * *bytes. */
lede_status lede_file_read(const char *path, size_t max, char **bytes, size_t *len);

/* Like lede_file_read() for data that is not text (a model file): no binary check, and
 * max is taken as given (callers pass the largest file they accept). */
lede_status lede_file_read_binary(const char *path, size_t max, char **bytes, size_t *len);

/* Reads the whole file at path ("-" means standard input) into text, then finds its
 * paragraphs. On failure text is left zeroed and the status says why: NOENT, ISDIR,
 * ACCESS, EMPTY (no bytes or only white space), BINARY (looks like a binary file), NOMEM,
 * TOOBIG, TIMEOUT or IO. Never writes to the file. The caller frees text with
 * lede_text_free(). The same as lede_text_load_with(path, NULL, text). */
lede_status lede_text_load(const char *path, lede_text *text);

/* Like lede_text_load() with opts (NULL: the defaults): what is read is decoded and
 * extracted as lede_text_from_buffer() says; with opts->encoding the bytes are converted
 * from that encoding whatever they look like (ENCODING when they are not valid in it). */
lede_status lede_text_load_with(const char *path, const lede_read_opts *opts, lede_text *text);

/* Like lede_text_load() for a file descriptor that is read to its end (not closed). */
lede_status lede_text_load_fd(int fd, lede_text *text);

/* Copies len bytes of buf into text and finds its paragraphs. Same statuses as
 * lede_text_load() except the file ones. What the bytes are is decided by their content,
 * never by a name: UTF-16 with a BOM, and text that is not UTF-8 but valid Windows-1252,
 * are converted to UTF-8 (text->encoding says from what); then a web page is extracted
 * (html.c), a feed reader's or mail's header block made the headline and byline
 * (header.c), and a Project Gutenberg book's head and licence left out of the paragraphs
 * (gutenberg.c, bytes kept as read). Anything else is plain text as described above. */
lede_status lede_text_from_buffer(const char *buf, size_t len, lede_text *text);

/* Allocates cap bytes, released with free() (or grown with realloc()). Where the system
 * has transparent huge pages, megabytes are aligned to them and the kernel asked to back
 * them so: a few page faults instead of one per 4 KiB page. NULL when out of memory. */
void *lede_alloc_big(size_t cap);

/* Frees what text owns and zeroes it. Safe on a zeroed text. */
void lede_text_free(lede_text *text);

/* Returns the index of the paragraph that contains offset, or the one that follows it
 * when offset falls between paragraphs; n_paras when offset is past the last. O(log n). */
size_t lede_text_para_at(const lede_text *text, size_t offset);

#endif
