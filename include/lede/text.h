/* text.h - the article as read: bytes, and where its parts are.
 *
 * Offsets everywhere in lede are byte offsets into these bytes exactly as read: a
 * BOM, CR bytes and invalid UTF-8 all count and are never rewritten. */
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
    LEDE_PARA_BODY
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
} lede_text;

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
 * Reads to the end whatever the file is (a pipe, a file that grows meanwhile), retrying
 * interrupted reads, and never writes to it. A file of more than max bytes (SIZE_MAX: no
 * limit) is IO. On failure *bytes is NULL, *len 0, and the status says why: NOENT,
 * ISDIR, ACCESS, NOMEM or IO (see lede_status_from_errno()). The caller frees *bytes. */
lede_status lede_file_read(const char *path, size_t max, char **bytes, size_t *len);

/* Reads the whole file at path ("-" means standard input) into text, then finds its
 * paragraphs. On failure text is left zeroed and the status says why: NOENT, ISDIR,
 * ACCESS, EMPTY (no bytes or only white space), BINARY (looks like a binary file), NOMEM
 * or IO. Never writes to the file. The caller frees text with lede_text_free(). */
lede_status lede_text_load(const char *path, lede_text *text);

/* Like lede_text_load() for a file descriptor that is read to its end (not closed). */
lede_status lede_text_load_fd(int fd, lede_text *text);

/* Copies len bytes of buf into text and finds its paragraphs. Same statuses as
 * lede_text_load() except the file ones. */
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
