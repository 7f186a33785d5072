/* check_model.c - building, finishing (ordering, overlaps, renumbering) and queries. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/model.h"
#include "check_util.h"

static lede_span sp(size_t start, size_t end)
{
    lede_span s = {start, end};
    return s;
}

static uint32_t add_entity(lede_model *m, lede_entity_type type, const char *name, const char *role)
{
    uint32_t id = LEDE_NONE;

    ck_assert_int_eq(lede_model_add_entity(m, type, name, role, &id), LEDE_OK);
    ck_assert_uint_ne(id, LEDE_NONE);
    return id;
}

static void add_mention(lede_model *m, uint32_t id, size_t start, size_t end)
{
    ck_assert_int_eq(lede_model_add_mention(m, id, sp(start, end)), LEDE_OK);
}

static void add_quote(lede_model *m, uint32_t speaker, size_t start, size_t end)
{
    lede_quote q;

    memset(&q, 0, sizeof q);
    q.span = sp(start, end);
    q.speaker = speaker;
    ck_assert_int_eq(lede_model_add_quote(m, &q), LEDE_OK);
}

/* Checks the invariants every finished model keeps. */
static void check_invariants(const lede_model *m)
{
    for (size_t i = 0; i < m->n_mentions; i++) {
        const lede_mention *x = &m->mentions[i];
        ck_assert_uint_lt(x->span.start, x->span.end);
        if (i > 0)
            ck_assert_uint_le(m->mentions[i - 1].span.end, x->span.start);
        ck_assert_uint_lt(x->entity, m->n_entities);
        const lede_entity *e = &m->entities[x->entity];
        ck_assert_uint_lt(x->k, e->n_mentions);
        ck_assert_uint_eq(e->mentions[x->k], i);
    }
    for (size_t i = 0; i < m->n_quotes; i++) {
        if (i > 0)
            ck_assert_uint_le(m->quotes[i - 1].span.end, m->quotes[i].span.start);
        ck_assert(m->quotes[i].speaker == LEDE_NONE || m->quotes[i].speaker < m->n_entities);
    }
    for (size_t i = 0; i < m->n_entities; i++) {
        const lede_entity *e = &m->entities[i];
        ck_assert_uint_eq(e->id, i);
        ck_assert_uint_gt(e->n_mentions, 0);
        for (size_t j = 0; j < e->n_mentions; j++) {
            ck_assert_uint_eq(m->mentions[e->mentions[j]].entity, i);
            if (j > 0)
                ck_assert_uint_lt(e->mentions[j - 1], e->mentions[j]);
        }
        for (size_t j = 0; j < e->n_quotes; j++) {
            ck_assert_uint_eq(m->quotes[e->quotes[j]].speaker, i);
            if (j > 0)
                ck_assert_uint_lt(e->quotes[j - 1], e->quotes[j]);
        }
        /* Entities are numbered in order of first mention. */
        if (i > 0)
            ck_assert_uint_lt(m->entities[i - 1].mentions[0], e->mentions[0]);
    }
}

START_TEST(test_empty_model)
{
    lede_model m;

    memset(&m, 0xAB, sizeof m);
    lede_model_init(&m);
    ck_assert_int_eq(lede_model_finish(&m), LEDE_OK);
    ck_assert_uint_eq(m.n_entities + m.n_mentions + m.n_quotes, 0);
    ck_assert_ptr_null(lede_model_mention_at(&m, 0));
    ck_assert_ptr_null(lede_model_quote_at(&m, 5));
    ck_assert_uint_eq(lede_model_first_mention_from(&m, 0), 0);
    ck_assert_uint_eq(lede_model_first_quote_from(&m, 0), 0);
    ck_assert_ptr_null(lede_model_next_mention(&m, 0, 0, true));
    ck_assert_ptr_null(lede_model_prev_mention(&m, 0, 0, true));
    ck_assert_ptr_null(lede_model_next_quote(&m, LEDE_NONE, 0, true));
    ck_assert_ptr_null(lede_model_prev_quote(&m, LEDE_NONE, 99, true));
    ck_assert_ptr_null(lede_model_next_quote(&m, 3, 0, true));
    lede_model_free(&m);
    lede_model_free(&m); /* safe on a zeroed model */
}
END_TEST

START_TEST(test_builder_errors)
{
    lede_model m;
    lede_quote q;
    uint32_t id;

    lede_model_init(&m);
    ck_assert_int_eq(lede_model_add_mention(&m, 0, sp(0, 3)), LEDE_ERR_NOTFOUND);
    ck_assert_int_eq(lede_model_set_role(&m, 0, "x"), LEDE_ERR_NOTFOUND);
    memset(&q, 0, sizeof q);
    q.span = sp(0, 4);
    q.speaker = 7;
    ck_assert_int_eq(lede_model_add_quote(&m, &q), LEDE_ERR_NOTFOUND);
    id = add_entity(&m, LEDE_PERSON, "Ada Moreno", NULL);
    /* Empty and inverted spans are ignored. */
    ck_assert_int_eq(lede_model_add_mention(&m, id, sp(4, 4)), LEDE_OK);
    ck_assert_int_eq(lede_model_add_mention(&m, id, sp(9, 4)), LEDE_OK);
    ck_assert_uint_eq(m.n_mentions, 0);
    q.speaker = LEDE_NONE;
    q.span = sp(3, 3);
    ck_assert_int_eq(lede_model_add_quote(&m, &q), LEDE_OK);
    ck_assert_uint_eq(m.n_quotes, 0);
    /* Roles are copies; NULL clears. */
    {
        char role[] = "mayor";
        ck_assert_int_eq(lede_model_set_role(&m, id, role), LEDE_OK);
        role[0] = 'M';
        ck_assert_str_eq(m.entities[id].role, "mayor");
        ck_assert_int_eq(lede_model_set_role(&m, id, NULL), LEDE_OK);
        ck_assert_ptr_null(m.entities[id].role);
    }
    lede_model_free(&m);
}
END_TEST

START_TEST(test_finish_overlaps_and_renumber)
{
    lede_model m;

    lede_model_init(&m);
    uint32_t mayor = add_entity(&m, LEDE_PERSON, "Ada Moreno", "mayor");
    uint32_t town = add_entity(&m, LEDE_PLACE, "Port Elm", NULL);
    uint32_t ghost = add_entity(&m, LEDE_ORGANIZATION, "Elm Council", NULL);
    uint32_t union_ = add_entity(&m, LEDE_GROUP, "dock workers", NULL);
    char name[] = "Rowing Club";
    uint32_t club = add_entity(&m, LEDE_ORGANIZATION, name, NULL);

    name[0] = 'X'; /* the model keeps its own copy */
    /* Added out of order; [40,52) overlaps the shorter [44,52) and [48,58). */
    add_mention(&m, town, 100, 108);
    add_mention(&m, mayor, 60, 64);
    add_mention(&m, ghost, 44, 52); /* loses to the longer union mention */
    add_mention(&m, union_, 40, 52);
    add_mention(&m, mayor, 10, 20);
    add_mention(&m, ghost, 48, 58); /* overlaps the kept [40,52) */
    add_mention(&m, club, 200, 211);
    add_mention(&m, town, 200, 204); /* same start, shorter: dropped */
    add_mention(&m, mayor, 120, 124);
    add_mention(&m, town, 120, 124); /* identical span, added later: dropped */
    add_mention(&m, mayor, 300, 305);
    add_mention(&m, town, 302, 307); /* same length, later start: dropped */
    add_quote(&m, mayor, 70, 90);
    add_quote(&m, ghost, 130, 150);
    add_quote(&m, LEDE_NONE, 135, 140); /* inside the earlier one: dropped */
    add_quote(&m, club, 160, 170);
    add_quote(&m, town, 165, 190); /* overlaps, longer: replaces the club quote */
    add_quote(&m, LEDE_NONE, 0, 5);
    ck_assert_int_eq(lede_model_finish(&m), LEDE_OK);
    check_invariants(&m);

    /* Entities: mayor (10), union (40), town (100), club (200); ghost is gone. */
    ck_assert_uint_eq(m.n_entities, 4);
    ck_assert_str_eq(m.entities[0].name, "Ada Moreno");
    ck_assert_str_eq(m.entities[0].role, "mayor");
    ck_assert_int_eq(m.entities[0].type, LEDE_PERSON);
    ck_assert_str_eq(m.entities[1].name, "dock workers");
    ck_assert_int_eq(m.entities[1].type, LEDE_GROUP);
    ck_assert_str_eq(m.entities[2].name, "Port Elm");
    ck_assert_ptr_null(m.entities[2].role);
    ck_assert_str_eq(m.entities[3].name, "Rowing Club");

    const size_t starts[] = {10, 40, 60, 100, 120, 200, 300};
    const size_t ends[] = {20, 52, 64, 108, 124, 211, 305};
    const uint32_t ents[] = {0, 1, 0, 2, 0, 3, 0};
    const uint32_t ks[] = {0, 0, 1, 0, 2, 0, 3};
    ck_assert_uint_eq(m.n_mentions, 7);
    for (size_t i = 0; i < 7; i++) {
        ck_assert_uint_eq(m.mentions[i].span.start, starts[i]);
        ck_assert_uint_eq(m.mentions[i].span.end, ends[i]);
        ck_assert_uint_eq(m.mentions[i].entity, ents[i]);
        ck_assert_uint_eq(m.mentions[i].k, ks[i]);
    }
    ck_assert_uint_eq(m.entities[0].n_mentions, 4);

    /* Quotes: [0,5) none, [70,90) mayor, [130,150) ghost -> none, [165,190) town. */
    ck_assert_uint_eq(m.n_quotes, 4);
    ck_assert_uint_eq(m.quotes[0].span.start, 0);
    ck_assert_uint_eq(m.quotes[0].speaker, LEDE_NONE);
    ck_assert_uint_eq(m.quotes[1].speaker, 0);
    ck_assert_uint_eq(m.quotes[2].span.start, 130);
    ck_assert_uint_eq(m.quotes[2].speaker, LEDE_NONE);
    ck_assert_uint_eq(m.quotes[3].span.start, 165);
    ck_assert_uint_eq(m.quotes[3].speaker, 2);
    ck_assert_uint_eq(m.entities[0].n_quotes, 1);
    ck_assert_uint_eq(m.entities[0].quotes[0], 1);
    ck_assert_uint_eq(m.entities[2].n_quotes, 1);
    ck_assert_uint_eq(m.entities[3].n_quotes, 0);
    lede_model_free(&m);
    ck_assert_ptr_null(m.entities);
    ck_assert_uint_eq(m.n_mentions, 0);
}
END_TEST

/* A small finished model: entity 0 at [10,15) [30,35) [50,55); entity 1 at [20,25);
 * quotes [0,8) by 0, [40,48) by nobody, [60,70) by 0. */
static void small_model(lede_model *m)
{
    lede_model_init(m);
    uint32_t a = add_entity(m, LEDE_PERSON, "Ada", NULL);
    uint32_t b = add_entity(m, LEDE_PLACE, "Elm", NULL);
    add_mention(m, a, 10, 15);
    add_mention(m, b, 20, 25);
    add_mention(m, a, 30, 35);
    add_mention(m, a, 50, 55);
    add_quote(m, a, 0, 8);
    add_quote(m, LEDE_NONE, 40, 48);
    add_quote(m, a, 60, 70);
    ck_assert_int_eq(lede_model_finish(m), LEDE_OK);
    check_invariants(m);
}

START_TEST(test_position_queries)
{
    lede_model m;

    small_model(&m);
    ck_assert_ptr_null(lede_model_mention_at(&m, 9));
    ck_assert_ptr_eq(lede_model_mention_at(&m, 10), &m.mentions[0]);
    ck_assert_ptr_eq(lede_model_mention_at(&m, 14), &m.mentions[0]);
    ck_assert_ptr_null(lede_model_mention_at(&m, 15));
    ck_assert_ptr_eq(lede_model_mention_at(&m, 54), &m.mentions[3]);
    ck_assert_ptr_null(lede_model_mention_at(&m, 55));
    ck_assert_ptr_null(lede_model_mention_at(&m, 1000));
    ck_assert_ptr_eq(lede_model_quote_at(&m, 0), &m.quotes[0]);
    ck_assert_ptr_null(lede_model_quote_at(&m, 8));
    ck_assert_ptr_eq(lede_model_quote_at(&m, 47), &m.quotes[1]);
    ck_assert_ptr_eq(lede_model_quote_at(&m, 69), &m.quotes[2]);
    ck_assert_ptr_null(lede_model_quote_at(&m, 70));

    ck_assert_uint_eq(lede_model_first_mention_from(&m, 0), 0);
    ck_assert_uint_eq(lede_model_first_mention_from(&m, 12), 0);
    ck_assert_uint_eq(lede_model_first_mention_from(&m, 15), 1);
    ck_assert_uint_eq(lede_model_first_mention_from(&m, 54), 3);
    ck_assert_uint_eq(lede_model_first_mention_from(&m, 55), 4);
    ck_assert_uint_eq(lede_model_first_quote_from(&m, 7), 0);
    ck_assert_uint_eq(lede_model_first_quote_from(&m, 8), 1);
    ck_assert_uint_eq(lede_model_first_quote_from(&m, 70), 3);
    lede_model_free(&m);
}
END_TEST

START_TEST(test_navigation_queries)
{
    lede_model m;
    const lede_mention *x;

    small_model(&m);
    /* After means start > offset: from the start of a mention, the next one. */
    x = lede_model_next_mention(&m, 0, 10, false);
    ck_assert_ptr_eq(x, &m.mentions[2]);
    ck_assert_uint_eq(x->k, 1);
    ck_assert_ptr_eq(lede_model_next_mention(&m, 0, 9, false), &m.mentions[0]);
    ck_assert_ptr_null(lede_model_next_mention(&m, 0, 50, false));
    ck_assert_ptr_eq(lede_model_next_mention(&m, 0, 50, true), &m.mentions[0]);
    ck_assert_ptr_eq(lede_model_next_mention(&m, 1, 0, false), &m.mentions[1]);
    ck_assert_ptr_eq(lede_model_next_mention(&m, 1, 20, true), &m.mentions[1]);
    ck_assert_ptr_null(lede_model_next_mention(&m, 1, 20, false));
    /* Before means start < offset. */
    ck_assert_ptr_eq(lede_model_prev_mention(&m, 0, 50, false), &m.mentions[2]);
    ck_assert_ptr_eq(lede_model_prev_mention(&m, 0, 51, false), &m.mentions[3]);
    ck_assert_ptr_null(lede_model_prev_mention(&m, 0, 10, false));
    ck_assert_ptr_eq(lede_model_prev_mention(&m, 0, 10, true), &m.mentions[3]);
    ck_assert_ptr_eq(lede_model_prev_mention(&m, 0, 11, true), &m.mentions[0]);
    /* Unknown entity. */
    ck_assert_ptr_null(lede_model_next_mention(&m, 2, 0, true));
    ck_assert_ptr_null(lede_model_prev_mention(&m, LEDE_NONE, 0, true));

    /* Quotes of anyone. */
    ck_assert_ptr_eq(lede_model_next_quote(&m, LEDE_NONE, 0, false), &m.quotes[1]);
    ck_assert_ptr_null(lede_model_next_quote(&m, LEDE_NONE, 60, false));
    ck_assert_ptr_eq(lede_model_next_quote(&m, LEDE_NONE, 60, true), &m.quotes[0]);
    ck_assert_ptr_eq(lede_model_prev_quote(&m, LEDE_NONE, 60, false), &m.quotes[1]);
    ck_assert_ptr_null(lede_model_prev_quote(&m, LEDE_NONE, 0, false));
    ck_assert_ptr_eq(lede_model_prev_quote(&m, LEDE_NONE, 0, true), &m.quotes[2]);
    /* Quotes of one speaker skip the others. */
    ck_assert_ptr_eq(lede_model_next_quote(&m, 0, 0, false), &m.quotes[2]);
    ck_assert_ptr_eq(lede_model_prev_quote(&m, 0, 60, false), &m.quotes[0]);
    ck_assert_ptr_eq(lede_model_next_quote(&m, 0, 60, true), &m.quotes[0]);
    ck_assert_ptr_null(lede_model_next_quote(&m, 1, 0, true)); /* no quotes */
    ck_assert_ptr_null(lede_model_prev_quote(&m, 1, 99, true));
    ck_assert_ptr_null(lede_model_next_quote(&m, 9, 0, true)); /* unknown */
    lede_model_free(&m);
}
END_TEST

START_TEST(test_type_names)
{
    ck_assert_str_eq(lede_entity_type_name(LEDE_PERSON), "person");
    ck_assert_str_eq(lede_entity_type_name(LEDE_PLACE), "place");
    ck_assert_str_eq(lede_entity_type_name(LEDE_ORGANIZATION), "organization");
    ck_assert_str_eq(lede_entity_type_name(LEDE_GROUP), "group");
    ck_assert_str_eq(lede_entity_type_name(LEDE_ENTITY_TYPES), "unknown");
}
END_TEST

/* --- randomised: every query against a linear scan -------------------------------- */

static unsigned long rng_state = 12345;

static size_t rnd(size_t n)
{
    rng_state = rng_state * 6364136223846793005ul + 1442695040888963407ul;
    return (size_t)((rng_state >> 33) % n);
}

static const lede_mention *scan_mention_at(const lede_model *m, size_t off)
{
    for (size_t i = 0; i < m->n_mentions; i++)
        if (m->mentions[i].span.start <= off && off < m->mentions[i].span.end)
            return &m->mentions[i];
    return NULL;
}

static const lede_quote *scan_quote_at(const lede_model *m, size_t off)
{
    for (size_t i = 0; i < m->n_quotes; i++)
        if (m->quotes[i].span.start <= off && off < m->quotes[i].span.end)
            return &m->quotes[i];
    return NULL;
}

static size_t scan_mention_from(const lede_model *m, size_t off)
{
    size_t i = 0;
    while (i < m->n_mentions && m->mentions[i].span.end <= off)
        i++;
    return i;
}

static size_t scan_quote_from(const lede_model *m, size_t off)
{
    size_t i = 0;
    while (i < m->n_quotes && m->quotes[i].span.end <= off)
        i++;
    return i;
}

static const lede_mention *scan_next_mention(const lede_model *m, uint32_t id, size_t off,
                                             bool wrap)
{
    const lede_mention *first = NULL;

    for (size_t i = 0; i < m->n_mentions; i++) {
        if (m->mentions[i].entity != id)
            continue;
        if (!first)
            first = &m->mentions[i];
        if (m->mentions[i].span.start > off)
            return &m->mentions[i];
    }
    return wrap ? first : NULL;
}

static const lede_mention *scan_prev_mention(const lede_model *m, uint32_t id, size_t off,
                                             bool wrap)
{
    const lede_mention *last = NULL;

    for (size_t i = m->n_mentions; i-- > 0;) {
        if (m->mentions[i].entity != id)
            continue;
        if (!last)
            last = &m->mentions[i];
        if (m->mentions[i].span.start < off)
            return &m->mentions[i];
    }
    return wrap ? last : NULL;
}

static bool quote_counts(const lede_quote *q, uint32_t speaker)
{
    return speaker == LEDE_NONE || q->speaker == speaker;
}

static const lede_quote *scan_next_quote(const lede_model *m, uint32_t speaker, size_t off,
                                         bool wrap)
{
    const lede_quote *first = NULL;

    for (size_t i = 0; i < m->n_quotes; i++) {
        if (!quote_counts(&m->quotes[i], speaker))
            continue;
        if (!first)
            first = &m->quotes[i];
        if (m->quotes[i].span.start > off)
            return &m->quotes[i];
    }
    return wrap ? first : NULL;
}

static const lede_quote *scan_prev_quote(const lede_model *m, uint32_t speaker, size_t off,
                                         bool wrap)
{
    const lede_quote *last = NULL;

    for (size_t i = m->n_quotes; i-- > 0;) {
        if (!quote_counts(&m->quotes[i], speaker))
            continue;
        if (!last)
            last = &m->quotes[i];
        if (m->quotes[i].span.start < off)
            return &m->quotes[i];
    }
    return wrap ? last : NULL;
}

START_TEST(test_random_against_scan)
{
    enum { ENTITIES = 300, MENTIONS = 12000, QUOTES = 1500, TEXT = 400000 };
    lede_model m;
    uint32_t ids[ENTITIES];
    char name[32];

    rng_state = 12345 + (unsigned long)_i;
    lede_model_init(&m);
    for (size_t i = 0; i < ENTITIES; i++) {
        snprintf(name, sizeof name, "entity %zu", i);
        ids[i] =
            add_entity(&m, (lede_entity_type)(i % LEDE_ENTITY_TYPES), name, i % 3 ? NULL : "role");
    }
    /* Random spans, many overlapping; a few entities get nothing and must vanish. */
    for (size_t i = 0; i < MENTIONS; i++) {
        size_t start = rnd(TEXT), len = 1 + rnd(24);
        add_mention(&m, ids[rnd(ENTITIES - 10)], start, start + len);
    }
    for (size_t i = 0; i < QUOTES; i++) {
        size_t start = rnd(TEXT), len = 2 + rnd(300);
        add_quote(&m, rnd(4) ? ids[rnd(ENTITIES)] : LEDE_NONE, start, start + len);
    }
    ck_assert_int_eq(lede_model_finish(&m), LEDE_OK);
    check_invariants(&m);
    ck_assert_uint_gt(m.n_mentions, 8000);
    ck_assert_uint_le(m.n_entities, ENTITIES - 10);
    ck_assert_uint_gt(m.n_quotes, 100);

    for (size_t t = 0; t < 2000; t++) {
        size_t off = rnd(TEXT + 400);
        uint32_t id = (uint32_t)rnd(m.n_entities + 1); /* sometimes one past the end */
        uint32_t speaker = rnd(3) == 0 ? LEDE_NONE : (uint32_t)rnd(m.n_entities + 1);
        bool wrap = rnd(2);
        ck_assert_ptr_eq(lede_model_mention_at(&m, off), scan_mention_at(&m, off));
        ck_assert_ptr_eq(lede_model_quote_at(&m, off), scan_quote_at(&m, off));
        ck_assert_uint_eq(lede_model_first_mention_from(&m, off), scan_mention_from(&m, off));
        ck_assert_uint_eq(lede_model_first_quote_from(&m, off), scan_quote_from(&m, off));
        ck_assert_ptr_eq(lede_model_next_mention(&m, id, off, wrap),
                         scan_next_mention(&m, id, off, wrap));
        ck_assert_ptr_eq(lede_model_prev_mention(&m, id, off, wrap),
                         scan_prev_mention(&m, id, off, wrap));
        ck_assert_ptr_eq(lede_model_next_quote(&m, speaker, off, wrap),
                         scan_next_quote(&m, speaker, off, wrap));
        ck_assert_ptr_eq(lede_model_prev_quote(&m, speaker, off, wrap),
                         scan_prev_quote(&m, speaker, off, wrap));
    }
    /* Exactly at every mention's edges too. */
    for (size_t i = 0; i < m.n_mentions; i += 7) {
        size_t offs[] = {m.mentions[i].span.start, m.mentions[i].span.end};
        for (size_t j = 0; j < 2; j++) {
            uint32_t id = m.mentions[i].entity;
            ck_assert_ptr_eq(lede_model_mention_at(&m, offs[j]), scan_mention_at(&m, offs[j]));
            ck_assert_ptr_eq(lede_model_next_mention(&m, id, offs[j], true),
                             scan_next_mention(&m, id, offs[j], true));
            ck_assert_ptr_eq(lede_model_prev_mention(&m, id, offs[j], false),
                             scan_prev_mention(&m, id, offs[j], false));
        }
    }
    lede_model_free(&m);
}
END_TEST

/* Names and roles are the model's copies, whole, however many and however long (they
 * outgrow the model's first blocks of storage); a replaced role reads as the new one. */
START_TEST(test_names_and_roles_kept)
{
    lede_model m;
    char name[64];
    size_t long_len = 10000;
    char *long_name = malloc(long_len + 1);

    ck_assert_ptr_nonnull(long_name);
    memset(long_name, 'x', long_len);
    long_name[long_len] = '\0';
    lede_model_init(&m);
    for (uint32_t i = 0; i < 3000; i++) {
        snprintf(name, sizeof name, "Person Number %u", i);
        uint32_t id = add_entity(&m, LEDE_PERSON, i == 1500 ? long_name : name, NULL);
        ck_assert_int_eq(lede_model_set_role(&m, id, "Minister"), LEDE_OK);
        ck_assert_int_eq(lede_model_set_role(&m, id, i % 2 ? "Mayor" : NULL), LEDE_OK);
        name[0] = '\0'; /* the model keeps its own copy */
        add_mention(&m, id, 10 * (size_t)i, 10 * (size_t)i + 5);
    }
    ck_assert_int_eq(lede_model_finish(&m), LEDE_OK);
    check_invariants(&m);
    ck_assert_uint_eq(m.n_entities, 3000);
    for (uint32_t i = 0; i < 3000; i++) {
        const lede_entity *e = &m.entities[i];
        snprintf(name, sizeof name, "Person Number %u", i);
        ck_assert_str_eq(e->name, i == 1500 ? long_name : name);
        if (i % 2)
            ck_assert_str_eq(e->role, "Mayor");
        else
            ck_assert_ptr_null(e->role);
    }
    lede_model_free(&m);
    ck_assert_ptr_null(m.strings);
    ck_assert_ptr_null(m.index);
    free(long_name);
}
END_TEST

static Suite *model_suite(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("build");

    tcase_add_test(tc, test_empty_model);
    tcase_add_test(tc, test_builder_errors);
    tcase_add_test(tc, test_finish_overlaps_and_renumber);
    tcase_add_test(tc, test_type_names);
    tcase_add_test(tc, test_names_and_roles_kept);
    suite_add_tcase(s, tc);
    tc = tcase_create("query");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_position_queries);
    tcase_add_test(tc, test_navigation_queries);
    tcase_add_loop_test(tc, test_random_against_scan, 0, 3);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(model_suite());
}
