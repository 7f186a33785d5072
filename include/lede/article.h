/* article.h - one opened article: its text and, once annotated, its model. */
#ifndef LEDE_ARTICLE_H
#define LEDE_ARTICLE_H

#include <stdbool.h>
#include "lede/annotate.h"
#include "lede/model.h"
#include "lede/text.h"

typedef struct {
    char *path; /* owned; as given ("-" for standard input, "(sample)" for the sample) */
    lede_text text;
    lede_model model;
    bool annotated;
    lede_status error; /* why it cannot be read (OK while it can or is not yet tried) */
    lede_read_opts opts; /* how its text is (or will be) read */
} lede_article;

/* Loads path ("-" for standard input) into article (no annotation yet). On failure the
 * article is left zeroed. */
lede_status lede_article_load(lede_article *article, const char *path);

/* Like lede_article_load() and lede_article_open(), read with opts (NULL: the defaults;
 * copied, its encoding string borrowed). */
lede_status lede_article_load_with(lede_article *article, const char *path,
                                   const lede_read_opts *opts);
lede_status lede_article_open_with(lede_article *article, const char *path,
                                   const lede_read_opts *opts);

/* Opens path for reading later: checks what can be known without reading the file
 * (NOENT, ISDIR, ACCESS, and EMPTY for a regular file that gives no byte: a /proc
 * file that stats as empty but has bytes is opened) and leaves the text
 * empty until lede_article_annotate() loads it, so that opening many articles costs a
 * stat each. "-" (standard input) is loaded at once. On failure the article is left
 * zeroed. */
lede_status lede_article_open(lede_article *article, const char *path);

/* Loads the bundled sample article under the name "(sample)" (NOTFOUND if missing). */
lede_status lede_article_load_sample(lede_article *article);

/* Reads the text of an article from lede_article_open() unless it is read already
 * (the same statuses as lede_article_load()); the reader shows the text before the
 * annotations are ready. */
lede_status lede_article_read(lede_article *article);

/* Returns true when reading the article could wait without end: it is not read yet and
 * its path is not a regular file (a FIFO with no writer, a terminal, a socket). Work
 * in the background (the index of all articles) leaves such an article alone; it is
 * read when the reader shows it, where q and signals still end lede. */
bool lede_article_may_block(const lede_article *article);

/* Annotates the article unless it already is; cheap to call again. An article from
 * lede_article_open() is loaded first; if that fails, the status says why (the same
 * statuses as lede_article_load()) and the text stays empty. */
lede_status lede_article_annotate(lede_article *article, lede_annotator *ann);

/* Makes article a placeholder for path, which cannot be read because of why: a session
 * of several articles shows it as a page that says so instead of ending. */
lede_status lede_article_failed(lede_article *article, const char *path, lede_status why);

/* Frees what article owns and zeroes it. */
void lede_article_free(lede_article *article);

/* Returns the bundled sample article's bytes (NUL-terminated) and stores their length in
 * *len; NULL and 0 if the build has none. */
const char *lede_sample_article(size_t *len);

#endif
