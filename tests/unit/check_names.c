/* check_names.c - the namer (src/names.c) and its mending of the tagger's spans
 * (src/names_mend.c): the word tests both share, title-case headlines, the mentions a run
 * gives (acronyms, transcript labels, titles as roles), a person's name cut short joined
 * back, a place that owns the words after it. The mending is given spans written here,
 * so it is checked apart from what the learned tagger happens to find. Texts are
 * written here. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "lede/names.h"
#include "lede/tagger.h"
#include "check_util.h"
#include "names_priv.h"

static lede_lexicon *lex;
static lede_namer *nm;
static lede_text text;

static void setup(void)
{
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    ck_assert_int_eq(lede_namer_new(lex, NULL, 0, &nm), LEDE_OK);
    memset(&text, 0, sizeof text);
}

static void teardown(void)
{
    lede_text_free(&text);
    lede_namer_free(nm);
    lede_lexicon_free(lex);
}

/* --- the word tests ------------------------------------------------------------------ */

/* The offset of the first occurrence of p in s (which must be there). */
static size_t at(const char *s, const char *p)
{
    const char *q = strstr(s, p);
    ck_assert_ptr_nonnull(q);
    return (size_t)(q - s);
}

/* The word before offset i of s, from lo, as a string ("" when none). */
static const char *word_before(const char *s, size_t lo, size_t i)
{
    static char buf[64];
    size_t ws, we;
    if (!names_word_before(s, lo, i, &ws, &we))
        return "";
    ck_assert_uint_lt(we - ws, sizeof buf);
    memcpy(buf, s + ws, we - ws);
    buf[we - ws] = '\0';
    return buf;
}

/* The word before skips white space, keeps apostrophes, hyphens and dots inside it, and
 * stops at other punctuation and at lo. */
START_TEST(words_before)
{
    static const char s[] = "the Kremlin’s aide, U.S. Vice-President\tBo Lind";
    ck_assert_str_eq(word_before(s, 0, at(s, "aide")), "Kremlin’s");
    ck_assert_str_eq(word_before(s, 0, at(s, "U.S.")), ""); /* a comma first */
    ck_assert_str_eq(word_before(s, 0, at(s, "Vice")), "U.S.");
    ck_assert_str_eq(word_before(s, 0, at(s, "Bo")), "Vice-President");
    ck_assert_str_eq(word_before(s, 0, 0), "");
    ck_assert_str_eq(word_before(s, at(s, "Bo"), at(s, "Bo")), "");
    /* lo inside a word cuts it. */
    ck_assert_str_eq(word_before(s, at(s, "aide") + 2, at(s, "aide") + 4), "de");
    ck_assert(names_is_blank(' ') && names_is_blank('\t') && names_is_blank('\n') &&
              names_is_blank('\r'));
    ck_assert(!names_is_blank('x') && !names_is_blank(','));
}
END_TEST

START_TEST(capitals_and_lists)
{
    static const char s[] = "Éva éva Ola";
    ck_assert(names_starts_upper(s, strlen(s), 0));
    ck_assert(!names_starts_upper(s, strlen(s), at(s, "éva")));
    ck_assert(names_starts_upper(s, strlen(s), at(s, "Ola")));
    ck_assert(!names_starts_upper(s, at(s, "Ola"), at(s, "Ola"))); /* at end: nothing */
    ck_assert(names_is(lex, LEDE_LEX_BIT(LEDE_LEX_TITLE), "President", 9));
    ck_assert(names_is(lex, LEDE_LEX_BIT(LEDE_LEX_HONORIFIC), "Mr", 2));
    ck_assert(!names_is(lex, LEDE_LEX_BIT(LEDE_LEX_TITLE), "Presiden", 8));
    ck_assert(!names_is(lex, LEDE_LEX_BIT(LEDE_LEX_TITLE), "table", 5));
    /* Several lists in one question: any of them will do; none asked, none answers. */
    ck_assert(names_is(lex, TITLE_KINDS, "Mr", 2));
    ck_assert(names_is(lex, TITLE_KINDS, "President", 9));
    ck_assert(!names_is(lex, TITLE_KINDS | LEDE_LEX_BIT(LEDE_LEX_STOP), "table", 5));
    ck_assert(!names_is(lex, LEDE_LEX_BIT(LEDE_LEX_PLACE), "President", 9));
    ck_assert(!names_is(lex, 0, "President", 9));
}
END_TEST

static bool title_case(const char *s)
{
    return names_title_case(s, 0, strlen(s));
}

/* A title-case headline has at least three words, three in four of them capitalised
 * (a letter beyond ASCII counts as a capital). */
START_TEST(title_case_headlines)
{
    ck_assert(title_case("Mayor Backs New Bridge"));
    ck_assert(title_case("Man Bites the Dog"));  /* 3 of 4 */
    ck_assert(!title_case("Man bites the Dog")); /* 2 of 4 */
    ck_assert(!title_case("Mayor backs new bridge"));
    ck_assert(title_case("Three Words Here"));
    ck_assert(!title_case("Two Words")); /* too short to tell */
    ck_assert(!title_case("Alone"));
    ck_assert(!title_case(""));
    ck_assert(title_case("Ökonomen Warnen Vor Krise"));
    /* Five of seven is under three in four. */
    ck_assert(!title_case("Storm Hits Coast as the Town Waits"));
    ck_assert(title_case("Storm Hits Coast As The Town Waits"));
}
END_TEST

/* --- a run ------------------------------------------------------------------------- */

typedef struct {
    lede_model model;
    lede_names names;
} run_out;

static void run(const char *s, run_out *r)
{
    lede_text_free(&text);
    ck_assert_int_eq(lede_text_from_buffer(s, strlen(s), &text), LEDE_OK);
    lede_model_init(&r->model);
    memset(&r->names, 0, sizeof r->names);
    ck_assert_int_eq(lede_namer_run(nm, &text, &r->model, &r->names), LEDE_OK);
}

static void run_free(run_out *r)
{
    lede_names_free(&r->names);
    lede_model_free(&r->model);
}

/* The mention of r whose span is exactly word, or NULL. */
static const lede_name *mention(const run_out *r, const char *word)
{
    size_t len = strlen(word);
    for (size_t i = 0; i < r->names.n; i++) {
        const lede_name *n = &r->names.items[i];
        if (n->span.end - n->span.start == len &&
            memcmp(text.bytes + n->span.start, word, len) == 0)
            return n;
    }
    return NULL;
}

/* Mentions come in text order; an acronym in brackets after a long name is its alias;
 * an organisation word ends an organisation's name. */
START_TEST(run_mentions_and_acronyms)
{
    run_out r;
    run("The Tallow Creek Water Agency (TCWA) raised prices on Monday.\n\n"
        "Residents said the TCWA had not warned them.\n",
        &r);
    for (size_t i = 1; i < r.names.n; i++)
        ck_assert_uint_le(r.names.items[i - 1].span.start, r.names.items[i].span.start);
    const lede_name *full = mention(&r, "Tallow Creek Water Agency");
    const lede_name *acr = mention(&r, "TCWA");
    ck_assert_ptr_nonnull(full);
    ck_assert_ptr_nonnull(acr);
    ck_assert_uint_eq(acr->entity, full->entity);
    ck_assert_int_eq(r.model.entities[full->entity].type, LEDE_ORGANIZATION);
    run_free(&r);
}
END_TEST

/* A transcript's speaker label in capitals before a colon is a person; a capitals
 * headline with a colon is none. */
START_TEST(run_transcript_labels)
{
    run_out r;
    run("KRANTZ: We are ready for the vote.\n\nHOST: Thank you.\n", &r);
    const char *labels[] = {"KRANTZ", "HOST"};
    for (int k = 0; k < 2; k++) {
        const lede_name *n = mention(&r, labels[k]);
        ck_assert_msg(n != NULL, "no mention %s", labels[k]);
        ck_assert_int_eq(r.model.entities[n->entity].type, LEDE_PERSON);
    }
    run_free(&r);
    run("Market report\n\nSTOCKS RALLY: SHARES UP AGAIN\n\nTrade was calm.\n", &r);
    ck_assert_ptr_null(mention(&r, "STOCKS RALLY"));
    ck_assert_ptr_null(mention(&r, "STOCKS"));
    run_free(&r);
}
END_TEST

/* A title before a person is the person's role, not part of the name. */
START_TEST(run_titles_become_roles)
{
    run_out r;
    run("The town's new budget was approved on Tuesday.\n\n"
        "Finance Minister Grete Olafsen said the plan would hold.\n",
        &r);
    const lede_name *n = mention(&r, "Grete Olafsen");
    ck_assert_ptr_nonnull(n);
    const lede_entity *e = &r.model.entities[n->entity];
    ck_assert_int_eq(e->type, LEDE_PERSON);
    ck_assert_ptr_nonnull(e->role);
    ck_assert_str_eq(e->role, "Finance Minister");
    run_free(&r);
}
END_TEST

/* --- names_mend.c: spans written here ----------------------------------------------- */

/* Tags s with the namer's tagger (names_caps_para reads its tokens), then replaces the
 * tagger's spans by the n given ones, each {start word, end word, type} found in s. */
typedef struct {
    const char *from, *to; /* the span runs from from's start to to's end */
    lede_ner_type type;
} given;

static void tag_with(const char *s, const given *g, size_t n)
{
    lede_text_free(&text);
    ck_assert_int_eq(lede_text_from_buffer(s, strlen(s), &text), LEDE_OK);
    ck_assert_int_eq(lede_tagger_run(nm->tagger, &text, &nm->spans), LEDE_OK);
    nm->spans.n = 0;
    for (size_t i = 0; i < n; i++) {
        size_t a = at(text.bytes, g[i].from);
        size_t b = at(text.bytes + a, g[i].to) + a + strlen(g[i].to);
        uint32_t para = 0;
        while (para + 1 < text.n_paras && text.paras[para + 1].span.start <= a)
            para++;
        lede_ner_span sp = {{a, b}, g[i].type, para};
        ck_assert_int_eq(lede_ner_spans_push(&nm->spans, &sp), LEDE_OK);
    }
}

/* Span i of the namer as text ("" past the end). */
static const char *span_str(size_t i)
{
    static char buf[128];
    if (i >= nm->spans.n)
        return "";
    lede_span sp = nm->spans.items[i].span;
    ck_assert_uint_lt(sp.end - sp.start, sizeof buf);
    memcpy(buf, text.bytes + sp.start, sp.end - sp.start);
    buf[sp.end - sp.start] = '\0';
    return buf;
}

/* A person cut at a middle initial or at a first name after a title takes in the
 * capitalised words after it: at most JOIN_WORDS, never a title or a stop word. */
START_TEST(join_names_cut_short)
{
    static const char s[] = "Yesterday Senator Walter J. Brennan Okafor spoke, and Charlotte "
                            "Mayor Idun Halvorsen agreed. Paul K. Mayor left. Ruth Ames stayed. "
                            "Ina M. Rask Holm Berg Lund came.\n";
    const given g[] = {{"Walter", "J.", LEDE_NER_PER},
                       {"Charlotte", "Idun", LEDE_NER_PER},
                       {"Paul", "K.", LEDE_NER_PER},
                       {"Ruth", "Ruth", LEDE_NER_PER},
                       {"Ina", "M.", LEDE_NER_PER}};
    tag_with(s, g, 5);
    names_join_cut(nm, &text);
    ck_assert_uint_eq(nm->spans.n, 5);
    ck_assert_str_eq(span_str(0), "Walter J. Brennan Okafor");
    ck_assert_str_eq(span_str(1), "Charlotte Mayor Idun Halvorsen");
    ck_assert_str_eq(span_str(2), "Paul K."); /* "Mayor" is a title */
    ck_assert_str_eq(span_str(3), "Ruth");    /* no initial, no title: left alone */
    ck_assert_str_eq(span_str(4), "Ina M. Rask Holm Berg");
}
END_TEST

/* A span of the tagger's right after the cut name is taken in when it ends in the
 * joined word (one span then); one that goes on past it stops the joining. */
START_TEST(join_takes_in_the_next_span)
{
    static const char s[] =
        "Then Helga B. Strand spoke. Later Jonas T. Varga Foundation staff left.\n";
    const given g[] = {{"Helga", "B.", LEDE_NER_PER},
                       {"Strand", "Strand", LEDE_NER_LOC},
                       {"Jonas", "T.", LEDE_NER_PER},
                       {"Varga", "Foundation", LEDE_NER_ORG}};
    tag_with(s, g, 4);
    names_join_cut(nm, &text);
    ck_assert_uint_eq(nm->spans.n, 3);
    ck_assert_str_eq(span_str(0), "Helga B. Strand");
    ck_assert_int_eq(nm->spans.items[0].type, LEDE_NER_PER);
    ck_assert_str_eq(span_str(1), "Jonas T.");
    ck_assert_str_eq(span_str(2), "Varga Foundation");
}
END_TEST

/* A place with capitalised words after it owns them: the whole is an organisation; not
 * before a title, not past the next span, not in a capitals line. */
START_TEST(places_own_the_words_after)
{
    static const char s[] = "Fans of Dunmore Rovers cheered, as did Lisburn Harriers Athletic "
                            "Club Juniors. Kenya President Ali spoke in Oslo Central.\n\n"
                            "FANS OF DUNMORE ROVERS CHEERED AGAIN\n";
    const given g[] = {{"Dunmore", "Dunmore", LEDE_NER_LOC}, {"Lisburn", "Lisburn", LEDE_NER_LOC},
                       {"Kenya", "Kenya", LEDE_NER_LOC},     {"Oslo", "Oslo", LEDE_NER_LOC},
                       {"Central", "Central", LEDE_NER_ORG}, {"DUNMORE", "DUNMORE", LEDE_NER_LOC}};
    tag_with(s, g, 6);
    names_own_by_places(nm, &text);
    ck_assert_uint_eq(nm->spans.n, 6);
    ck_assert_str_eq(span_str(0), "Dunmore Rovers");
    ck_assert_int_eq(nm->spans.items[0].type, LEDE_NER_ORG);
    ck_assert_str_eq(span_str(1), "Lisburn Harriers Athletic Club"); /* OWNED_WORDS */
    ck_assert_int_eq(nm->spans.items[1].type, LEDE_NER_ORG);
    ck_assert_str_eq(span_str(2), "Kenya"); /* a title follows */
    ck_assert_int_eq(nm->spans.items[2].type, LEDE_NER_LOC);
    ck_assert_str_eq(span_str(3), "Oslo"); /* the next word is a span of its own */
    ck_assert_int_eq(nm->spans.items[3].type, LEDE_NER_LOC);
    ck_assert_str_eq(span_str(5), "DUNMORE"); /* a capitals line */
    ck_assert_int_eq(nm->spans.items[5].type, LEDE_NER_LOC);
}
END_TEST

static Suite *names_suite(void)
{
    Suite *s = suite_create("names");
    TCase *tc = tcase_create("namer");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, words_before);
    tcase_add_test(tc, capitals_and_lists);
    tcase_add_test(tc, title_case_headlines);
    tcase_add_test(tc, run_mentions_and_acronyms);
    tcase_add_test(tc, run_transcript_labels);
    tcase_add_test(tc, run_titles_become_roles);
    suite_add_tcase(s, tc);
    TCase *mend = tcase_create("mend");
    tcase_add_checked_fixture(mend, setup, teardown);
    tcase_add_test(mend, join_names_cut_short);
    tcase_add_test(mend, join_takes_in_the_next_span);
    tcase_add_test(mend, places_own_the_words_after);
    suite_add_tcase(s, mend);
    return s;
}

int main(void)
{
    return check_run(names_suite());
}
