/* gutenberg.c - a Project Gutenberg book without its head and licence.
 *
 * The book lies between a line "*** START OF THE PROJECT GUTENBERG EBOOK ... ***" and a
 * line "*** END OF THE PROJECT GUTENBERG EBOOK ... ***" ("THIS" in older files, which
 * also close with "End of the Project Gutenberg EBook of ..." before it). Only the
 * first and last SEARCH_BYTES are searched, so a book costs the same as a page. */
#define _GNU_SOURCE /* memmem */
#include <string.h>
#include "lede/input.h"

#define SEARCH_BYTES 65536u /* the head (and the licence's start) fit in this */

static const char *const start_marks[] = {"*** START OF THE PROJECT GUTENBERG",
                                          "*** START OF THIS PROJECT GUTENBERG", NULL};
/* Older books close with "End of the Project Gutenberg EBook of ..." before the mark. */
static const char *const end_marks[] = {"*** END OF THE PROJECT GUTENBERG",
                                        "*** END OF THIS PROJECT GUTENBERG",
                                        "End of the Project Gutenberg", "End of Project Gutenberg",
                                        NULL};

/* The first of marks (NULL-terminated) in b[from, to), or NULL. */
static const char *find_mark(const char *b, size_t from, size_t to, const char *const marks[])
{
    const char *best = NULL;

    for (int k = 0; marks[k]; k++) {
        const char *m = memmem(b + from, to - from, marks[k], strlen(marks[k]));
        if (m && (!best || m < best))
            best = m;
    }
    return best;
}

bool lede_gutenberg_range(const char *b, size_t len, size_t *from, size_t *to)
{
    size_t head = len < SEARCH_BYTES ? len : SEARCH_BYTES;
    size_t tail = len > SEARCH_BYTES ? len - SEARCH_BYTES : 0;
    const char *s = find_mark(b, 0, head, start_marks), *e, *nl;

    if (!s)
        return false;
    nl = memchr(s, '\n', (size_t)(b + len - s));
    if (!nl)
        return false;
    *from = (size_t)(nl + 1 - b);
    if (tail < *from)
        tail = *from;
    e = find_mark(b, tail, len, end_marks);
    /* A missing end: the licence may be cut off; keep the rest. */
    *to = e ? (size_t)(e - b) : len;
    return true;
}
