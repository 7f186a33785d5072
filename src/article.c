/* article.c - one opened article: load its text (now or on demand), annotate it on demand. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lede/article.h"
#include "lede/blob.h"

static lede_status set_path(lede_article *article, const char *path)
{
    size_t n = strlen(path) + 1;

    article->path = malloc(n);
    if (!article->path)
        return LEDE_ERR_NOMEM;
    memcpy(article->path, path, n);
    return LEDE_OK;
}

/* Starts article afresh for path, read with opts. */
static void init(lede_article *article, const lede_read_opts *opts)
{
    memset(article, 0, sizeof *article);
    lede_model_init(&article->model);
    if (opts)
        article->opts = *opts;
}

lede_status lede_article_load_with(lede_article *article, const char *path,
                                   const lede_read_opts *opts)
{
    lede_status rc;

    init(article, opts);
    rc = set_path(article, path);
    if (rc == LEDE_OK)
        rc = lede_text_load_with(path, &article->opts, &article->text);
    if (rc != LEDE_OK)
        lede_article_free(article);
    return rc;
}

lede_status lede_article_load(lede_article *article, const char *path)
{
    return lede_article_load_with(article, path, NULL);
}

/* What stat and access can tell of path without reading it. */
static lede_status check_path(const char *path)
{
    struct stat sb;

    if (stat(path, &sb) != 0)
        return lede_status_from_errno(errno);
    if (S_ISDIR(sb.st_mode))
        return LEDE_ERR_ISDIR;
    if (access(path, R_OK) != 0)
        return lede_status_from_errno(errno);
    /* No verdict from st_size == 0: /proc and /sys files say 0 and have text. An empty
     * file is found empty when it is read. */
    return LEDE_OK;
}

lede_status lede_article_open_with(lede_article *article, const char *path,
                                   const lede_read_opts *opts)
{
    lede_status rc;

    if (strcmp(path, "-") == 0)
        return lede_article_load_with(article, path, opts);
    init(article, opts);
    rc = check_path(path);
    if (rc == LEDE_OK)
        rc = set_path(article, path);
    if (rc != LEDE_OK)
        lede_article_free(article);
    return rc;
}

lede_status lede_article_open(lede_article *article, const char *path)
{
    return lede_article_open_with(article, path, NULL);
}

lede_status lede_article_load_sample(lede_article *article)
{
    size_t len;
    const char *bytes = lede_sample_article(&len);
    lede_status rc;

    memset(article, 0, sizeof *article);
    lede_model_init(&article->model);
    if (!bytes)
        return LEDE_ERR_NOTFOUND;
    rc = set_path(article, "(sample)");
    if (rc == LEDE_OK)
        rc = lede_text_from_buffer(bytes, len, &article->text);
    if (rc != LEDE_OK)
        lede_article_free(article);
    return rc;
}

lede_status lede_article_read(lede_article *article)
{
    /* Opened lazily: read it now (a loaded text always has bytes). */
    if (article->text.bytes)
        return LEDE_OK;
    if (article->error != LEDE_OK)
        return article->error;
    article->error = lede_text_load_with(article->path, &article->opts, &article->text);
    return article->error;
}

bool lede_article_may_block(const lede_article *article)
{
    struct stat sb;
    if (article->text.bytes || article->error != LEDE_OK || !article->path)
        return false;
    return stat(article->path, &sb) == 0 && !S_ISREG(sb.st_mode);
}

lede_status lede_article_annotate(lede_article *article, lede_annotator *ann)
{
    lede_status rc;

    if (article->annotated)
        return LEDE_OK;
    if (article->error != LEDE_OK)
        return article->error;
    if ((rc = lede_article_read(article)) != LEDE_OK) {
        article->error = rc;
        return rc;
    }
    rc = lede_annotate(ann, &article->text, &article->model);
    if (rc == LEDE_OK)
        article->annotated = true;
    return rc;
}

lede_status lede_article_failed(lede_article *article, const char *path, lede_status why)
{
    memset(article, 0, sizeof *article);
    lede_model_init(&article->model);
    article->error = why;
    return set_path(article, path);
}

void lede_article_free(lede_article *article)
{
    free(article->path);
    lede_text_free(&article->text);
    lede_model_free(&article->model);
    memset(article, 0, sizeof *article);
}

const char *lede_sample_article(size_t *len)
{
    const struct lede_blob *blob = lede_blob_find(lede_blob_sample, "article.txt");

    *len = blob ? blob->len : 0;
    return blob ? blob->data : NULL;
}
