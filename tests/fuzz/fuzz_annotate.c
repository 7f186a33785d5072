/* fuzz_annotate.c - arbitrary bytes through load, annotate and the model queries.
 *
 * Checks that the text's paragraphs and the model's mentions and quotes are in bounds,
 * sorted and non-overlapping, that the per-entity indexes agree with the arrays, and
 * that every query at edge and random offsets answers what a linear scan answers. */
#include <string.h>
#include "fuzz.h"
#include "lede/annotate.h"
#include "lede/print.h"
#include "lede/theme.h"

static lede_lexicon *lex;
static lede_annotator *ann;
static FILE *devnull;
static lede_theme theme;

static void setup(void)
{
    FUZZ_CHECK(lede_lexicon_new(&lex) == LEDE_OK);
    FUZZ_CHECK(lede_annotator_new(lex, &ann) == LEDE_OK);
    devnull = fopen("/dev/null", "w");
    FUZZ_CHECK(devnull != NULL);
    lede_theme_defaults(&theme);
}

static bool span_ok(lede_span s, size_t len)
{
    return s.start < s.end && s.end <= len;
}

static void check_text(const lede_text *text, const uint8_t *data, size_t size)
{
    /* Plain UTF-8 text is kept as read; anything else is the text extracted from it. */
    if (!text->encoding && (!strcmp(text->input, "text") || !strcmp(text->input, "gutenberg")))
        FUZZ_CHECK(text->len == size && memcmp(text->bytes, data, size) == 0);
    size = text->len;
    FUZZ_CHECK(text->bytes[size] == '\0');
    FUZZ_CHECK(text->n_paras > 0);
    FUZZ_CHECK(text->invalid_bytes <= size);
    for (size_t i = 0; i < text->n_paras; i++) {
        const lede_para *p = &text->paras[i];
        FUZZ_CHECK(span_ok(p->span, size));
        FUZZ_CHECK(i == 0 || text->paras[i - 1].span.end <= p->span.start);
        FUZZ_CHECK(p->kind != LEDE_PARA_LABEL || i == 0);
        FUZZ_CHECK(p->kind != LEDE_PARA_HEADLINE || i <= 1);
    }
}

static void check_model(const lede_model *m, size_t len)
{
    size_t counted = 0;
    for (size_t i = 0; i < m->n_mentions; i++) {
        const lede_mention *mn = &m->mentions[i];
        FUZZ_CHECK(span_ok(mn->span, len));
        FUZZ_CHECK(i == 0 || m->mentions[i - 1].span.end <= mn->span.start);
        FUZZ_CHECK(mn->entity < m->n_entities);
        const lede_entity *e = &m->entities[mn->entity];
        FUZZ_CHECK(mn->k < e->n_mentions && e->mentions[mn->k] == i);
    }
    for (size_t i = 0; i < m->n_entities; i++) {
        const lede_entity *e = &m->entities[i];
        FUZZ_CHECK(e->id == i && e->type < LEDE_ENTITY_TYPES && e->name != NULL);
        FUZZ_CHECK(e->n_mentions > 0);
        for (size_t j = 1; j < e->n_mentions; j++)
            FUZZ_CHECK(e->mentions[j - 1] < e->mentions[j]);
        for (size_t j = 0; j < e->n_quotes; j++) {
            FUZZ_CHECK(e->quotes[j] < m->n_quotes && m->quotes[e->quotes[j]].speaker == i);
            FUZZ_CHECK(j == 0 || e->quotes[j - 1] < e->quotes[j]);
        }
        /* Entities come in order of first mention. */
        FUZZ_CHECK(i == 0 || m->entities[i - 1].mentions[0] < e->mentions[0]);
        counted += e->n_mentions;
    }
    FUZZ_CHECK(counted == m->n_mentions);
    size_t attributed = 0;
    for (size_t i = 0; i < m->n_quotes; i++) {
        const lede_quote *q = &m->quotes[i];
        FUZZ_CHECK(span_ok(q->span, len));
        FUZZ_CHECK(i == 0 || m->quotes[i - 1].span.end <= q->span.start);
        FUZZ_CHECK(q->speaker == LEDE_NONE || q->speaker < m->n_entities);
        FUZZ_CHECK(!q->has_source || span_ok(q->source, len));
        FUZZ_CHECK(!q->has_cue || span_ok(q->cue, len));
        attributed += q->speaker != LEDE_NONE;
    }
    for (size_t i = 0; i < m->n_entities; i++)
        attributed -= m->entities[i].n_quotes;
    FUZZ_CHECK(attributed == 0);
}

/* The mention of entity id (any entity with LEDE_NONE) that a linear scan finds. */
static const lede_mention *scan_mention(const lede_model *m, uint32_t id, size_t off, bool next,
                                        bool wrap)
{
    const lede_mention *first = NULL, *last = NULL, *hit = NULL;
    for (size_t i = 0; i < m->n_mentions; i++) {
        const lede_mention *mn = &m->mentions[i];
        if (mn->entity != id)
            continue;
        first = first ? first : mn;
        last = mn;
        if (next && !hit && mn->span.start > off)
            hit = mn;
        if (!next && mn->span.start < off)
            hit = mn;
    }
    return hit || !wrap ? hit : next ? first : last;
}

static const lede_quote *scan_quote(const lede_model *m, uint32_t speaker, size_t off, bool next,
                                    bool wrap)
{
    const lede_quote *first = NULL, *last = NULL, *hit = NULL;
    for (size_t i = 0; i < m->n_quotes; i++) {
        const lede_quote *q = &m->quotes[i];
        if (speaker != LEDE_NONE && q->speaker != speaker)
            continue;
        first = first ? first : q;
        last = q;
        if (next && !hit && q->span.start > off)
            hit = q;
        if (!next && q->span.start < off)
            hit = q;
    }
    return hit || !wrap ? hit : next ? first : last;
}

static void check_queries_at(const lede_text *text, const lede_model *m, size_t off, uint32_t id)
{
    const lede_mention *at = NULL;
    size_t from = m->n_mentions;
    for (size_t i = 0; i < m->n_mentions; i++) {
        if (m->mentions[i].span.start <= off && off < m->mentions[i].span.end)
            at = &m->mentions[i];
        if (from == m->n_mentions && m->mentions[i].span.end > off)
            from = i;
    }
    FUZZ_CHECK(lede_model_mention_at(m, off) == at);
    FUZZ_CHECK(lede_model_first_mention_from(m, off) == from);

    const lede_quote *qat = NULL;
    size_t qfrom = m->n_quotes;
    for (size_t i = 0; i < m->n_quotes; i++) {
        if (m->quotes[i].span.start <= off && off < m->quotes[i].span.end)
            qat = &m->quotes[i];
        if (qfrom == m->n_quotes && m->quotes[i].span.end > off)
            qfrom = i;
    }
    FUZZ_CHECK(lede_model_quote_at(m, off) == qat);
    FUZZ_CHECK(lede_model_first_quote_from(m, off) == qfrom);

    for (int wrap = 0; wrap < 2; wrap++) {
        bool w = wrap == 1;
        bool known = id < m->n_entities;
        FUZZ_CHECK(lede_model_next_mention(m, id, off, w) ==
                   (known ? scan_mention(m, id, off, true, w) : NULL));
        FUZZ_CHECK(lede_model_prev_mention(m, id, off, w) ==
                   (known ? scan_mention(m, id, off, false, w) : NULL));
        uint32_t speaker = known || id == LEDE_NONE ? id : LEDE_NONE;
        FUZZ_CHECK(lede_model_next_quote(m, speaker, off, w) ==
                   scan_quote(m, speaker, off, true, w));
        FUZZ_CHECK(lede_model_prev_quote(m, speaker, off, w) ==
                   scan_quote(m, speaker, off, false, w));
    }

    size_t p = lede_text_para_at(text, off);
    FUZZ_CHECK(p <= text->n_paras);
    if (p < text->n_paras)
        FUZZ_CHECK(off < text->paras[p].span.end && (p == 0 || text->paras[p - 1].span.end <= off));
    else
        FUZZ_CHECK(off >= text->paras[text->n_paras - 1].span.end);
}

static void check_queries(const lede_text *text, const lede_model *m, uint64_t seed)
{
    size_t len = text->len;
    size_t edges[] = {0, len ? len - 1 : 0, len, len + 1, SIZE_MAX};
    uint32_t n = (uint32_t)m->n_entities;
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        check_queries_at(text, m, edges[i], n ? (uint32_t)(i % n) : LEDE_NONE);
    for (int i = 0; i < 48; i++) {
        size_t off = (size_t)(fuzz_next(&seed) % (len + 2));
        uint32_t id = (uint32_t)(fuzz_next(&seed) % (n + 2));
        check_queries_at(text, m, off, id == n + 1 ? LEDE_NONE : id);
    }
    for (size_t i = 0; i < m->n_mentions && i < 32; i++) {
        check_queries_at(text, m, m->mentions[i].span.start, m->mentions[i].entity);
        check_queries_at(text, m, m->mentions[i].span.end, m->mentions[i].entity);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ann)
        setup();
    lede_text text;
    lede_status st = lede_text_from_buffer((const char *)data, size, &text);
    if (st != LEDE_OK) {
        FUZZ_CHECK(st == LEDE_ERR_EMPTY || st == LEDE_ERR_BINARY || st == LEDE_ERR_ENCODING);
        FUZZ_CHECK(text.bytes == NULL && text.paras == NULL && text.n_paras == 0);
        return 0;
    }
    check_text(&text, data, size);
    lede_model model;
    lede_model_init(&model);
    st = lede_annotate(ann, &text, &model);
    FUZZ_CHECK(st == LEDE_OK);
    check_model(&model, text.len);
    check_queries(&text, &model, fuzz_seed(data, size));
    FUZZ_CHECK(lede_print_article(devnull, &text, &model, NULL) == LEDE_OK);
    FUZZ_CHECK(lede_print_article(devnull, &text, &model, &theme) == LEDE_OK);
    lede_model_free(&model);
    lede_text_free(&text);
    return 0;
}
