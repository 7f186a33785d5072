/* blob.h - files compiled into the binary (word lists, sample article, themes). */
#ifndef LEDE_BLOB_H
#define LEDE_BLOB_H

#include <stddef.h>

struct lede_blob {
    const char *name; /* file name without directory, e.g. "first.txt" */
    const char *data; /* len bytes, followed by a NUL */
    size_t len;
};

/* Tables ending with a {NULL, NULL, 0} entry, generated at build time. */
extern const struct lede_blob lede_blob_lexicon[];
extern const size_t lede_blob_lexicon_count;
extern const struct lede_blob lede_blob_sample[];
extern const size_t lede_blob_sample_count;
extern const struct lede_blob lede_blob_themes[];
extern const size_t lede_blob_themes_count;
extern const struct lede_blob lede_blob_html[]; /* clutter.txt: see html.c */
extern const size_t lede_blob_html_count;
extern const struct lede_blob lede_blob_models[]; /* the entity tagger's model */
extern const size_t lede_blob_models_count;
extern const struct lede_blob lede_blob_quote_model[]; /* the quote ranker's weights */
extern const size_t lede_blob_quote_model_count;

/* Returns the blob named name in table, or NULL. */
const struct lede_blob *lede_blob_find(const struct lede_blob *table, const char *name);

#endif
