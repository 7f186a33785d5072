/* cli_json.c - the --json output, built with jansson so that escaping is right. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "lede/cli.h"
#include "lede/utf8.h"

/* A JSON string of s, with invalid UTF-8 shown as U+FFFD: jansson accepts only valid
 * UTF-8, and a file name or a name in a Latin-1 text may not be. NULL gives null. */
static json_t *text_json(const char *s)
{
    if (!s)
        return json_null();
    size_t len = strlen(s);
    if (lede_utf8_invalid_count(s, len) == 0)
        return json_stringn(s, len);
    char *copy = malloc(len * 3 + 1);
    if (!copy)
        return NULL;
    size_t n = 0;
    for (size_t i = 0, adv; i < len; i += adv)
        n += lede_utf8_encode(lede_utf8_decode(s + i, len - i, &adv), copy + n);
    json_t *str = json_stringn(copy, n);
    free(copy);
    return str;
}

static json_t *span_json(lede_span span)
{
    return json_pack("[II]", (json_int_t)span.start, (json_int_t)span.end);
}

/* Adds value to array, or fails when value could not be made. */
static int append(json_t *array, json_t *value)
{
    return value ? json_array_append_new(array, value) : -1;
}

static json_t *entity_json(const lede_model *model, const lede_entity *e)
{
    json_t *mentions = json_array();
    for (size_t k = 0; mentions && k < e->n_mentions; k++) {
        if (append(mentions, span_json(model->mentions[e->mentions[k]].span)) != 0) {
            json_decref(mentions);
            return NULL;
        }
    }
    if (!mentions)
        return NULL;
    return json_pack("{sI ss so so so}", "id", (json_int_t)e->id, "type",
                     lede_entity_type_name(e->type), "name", text_json(e->name), "role",
                     text_json(e->role), "mentions", mentions);
}

static json_t *opt_span(bool has, lede_span span)
{
    return has ? span_json(span) : json_null();
}

static json_t *quote_json(const lede_quote *q, size_t id)
{
    json_t *speaker =
        q->speaker == LEDE_NONE ? json_null() : json_integer((json_int_t)q->speaker);
    return json_pack("{sI so so so so sb}", "id", (json_int_t)id, "span", span_json(q->span),
                     "speaker", speaker, "source", opt_span(q->has_source, q->source), "cue",
                     opt_span(q->has_cue, q->cue), "partial", q->partial);
}

lede_status lede_cli_json(FILE *out, const char *source, const lede_text *text,
                          const lede_model *model)
{
    json_t *entities = json_array(), *quotes = json_array();
    int bad = !entities || !quotes;
    for (size_t i = 0; !bad && i < model->n_entities; i++)
        bad = append(entities, entity_json(model, &model->entities[i])) != 0;
    for (size_t i = 0; !bad && i < model->n_quotes; i++)
        bad = append(quotes, quote_json(&model->quotes[i], i)) != 0;
    json_t *root = bad ? NULL
                       : json_pack("{si so sI sO sO}", "lede", 1, "source", text_json(source), "bytes",
                                   (json_int_t)text->len, "entities", entities, "quotes",
                                   quotes);
    json_decref(entities);
    json_decref(quotes);
    if (!root)
        return LEDE_ERR_NOMEM;
    int rc = json_dumpf(root, out, JSON_PRESERVE_ORDER | JSON_COMPACT);
    json_decref(root);
    if (rc != 0 || fputc('\n', out) == EOF)
        return LEDE_ERR_IO;
    return LEDE_OK;
}
