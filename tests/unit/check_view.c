/* check_view.c - the reader's state: index, jumps, toggles, search, resize, mouse. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/view.h"
#include "check_util.h"

/* A made-up story: 40 paragraphs after a headline, with people, a place, an
 * organisation, a group and quotes of two people. */
static char story[16384];
static size_t story_len;
static lede_text text;
static lede_model model;
static uint32_t alice, ana, bob, lisbon, authority, dockers;

static void add_all(const char *name, uint32_t id)
{
    size_t len = strlen(name);
    for (const char *s = strstr(story, name); s; s = strstr(s + len, name)) {
        size_t at = (size_t)(s - story);
        ck_assert_int_eq(lede_model_add_mention(&model, id, (lede_span){at, at + len}), LEDE_OK);
    }
}

static void add_quotes(void)
{
    for (const char *s = strchr(story, '"'); s; s = strchr(s + 1, '"')) {
        const char *e = strchr(s + 1, '"');
        ck_assert_ptr_nonnull(e);
        lede_quote q;
        memset(&q, 0, sizeof q);
        q.span = (lede_span){(size_t)(s - story), (size_t)(e - story) + 1};
        q.speaker = strncmp(e + 1, " said Alice", 11) == 0 ? alice : bob;
        ck_assert_int_eq(lede_model_add_quote(&model, &q), LEDE_OK);
        s = e;
    }
}

static void setup(void)
{
    size_t n = (size_t)sprintf(story, "Harbour deal signed in Lisbon\n\n");
    for (int i = 0; i < 40; i++) {
        const char *fmt;
        switch (i % 4) {
        case 0:
            fmt = i % 8 == 0 ? "Alice Moreau spoke to Bob Tran in Lisbon about part %d of the "
                               "long road ahead for the harbour project and its many critics.\n\n"
                             : "Alice Moreau spoke to Ana Ruiz in Lisbon about part %d of the "
                               "long road ahead for the harbour project and its many critics.\n\n";
            break;
        case 1:
            fmt = "\"We will finish the pier before winter,\" said Alice Moreau on day %d.\n\n";
            break;
        case 2:
            fmt = "The Harbour Authority and the Dockers met Ana Ruiz in Lisbon for round %d of "
                  "talks that went on late into the night.\n\n";
            break;
        default:
            fmt = "\"Nothing is agreed yet,\" Bob Tran said after meeting %d, looking tired.\n\n";
        }
        n += (size_t)sprintf(story + n, fmt, i);
    }
    story_len = n;
    ck_assert_uint_lt(n, sizeof story);
    ck_assert_int_eq(lede_text_from_buffer(story, story_len, &text), LEDE_OK);
    lede_model_init(&model);
    ck_assert_int_eq(lede_model_add_entity(&model, LEDE_PERSON, "Alice Moreau", "engineer", &alice),
                     LEDE_OK);
    ck_assert_int_eq(lede_model_add_entity(&model, LEDE_PERSON, "Bob Tran", NULL, &bob), LEDE_OK);
    ck_assert_int_eq(lede_model_add_entity(&model, LEDE_PERSON, "Ana Ruiz", NULL, &ana), LEDE_OK);
    ck_assert_int_eq(lede_model_add_entity(&model, LEDE_PLACE, "Lisbon", NULL, &lisbon), LEDE_OK);
    ck_assert_int_eq(
        lede_model_add_entity(&model, LEDE_ORGANIZATION, "Harbour Authority", NULL, &authority),
        LEDE_OK);
    ck_assert_int_eq(lede_model_add_entity(&model, LEDE_GROUP, "Dockers", NULL, &dockers), LEDE_OK);
    add_all("Alice Moreau", alice);
    add_all("Bob Tran", bob);
    add_all("Ana Ruiz", ana);
    add_all("Lisbon", lisbon);
    add_all("Harbour Authority", authority);
    add_all("Dockers", dockers);
    add_quotes();
    ck_assert_int_eq(lede_model_finish(&model), LEDE_OK);
    /* Ids are renumbered in order of first mention: find them by name. */
    for (uint32_t i = 0; i < model.n_entities; i++) {
        const char *nm = model.entities[i].name;
        if (!strcmp(nm, "Alice Moreau"))
            alice = i;
        else if (!strcmp(nm, "Bob Tran"))
            bob = i;
        else if (!strcmp(nm, "Ana Ruiz"))
            ana = i;
        else if (!strcmp(nm, "Lisbon"))
            lisbon = i;
        else if (!strcmp(nm, "Harbour Authority"))
            authority = i;
        else if (!strcmp(nm, "Dockers"))
            dockers = i;
    }
}

static void teardown(void)
{
    lede_model_free(&model);
    lede_text_free(&text);
}

static lede_view *open_view(int cols, int rows)
{
    lede_view *v;
    ck_assert_int_eq(lede_view_new(cols, rows, &v), LEDE_OK);
    ck_assert_int_eq(lede_view_set_article(v, &text, &model, "harbour.txt"), LEDE_OK);
    return v;
}

static void press(lede_view *v, const char *keys)
{
    for (const char *k = keys; *k; k++)
        ck_assert_int_eq(lede_view_key(v, (unsigned char)*k), LEDE_ACT_NONE);
}

static bool visible(lede_view *v, size_t offset)
{
    const lede_line *lines;
    size_t n = lede_view_lines(v, &lines);
    for (size_t i = 0; i < n; i++)
        if (lines[i].kind == LEDE_LINE_TEXT && lines[i].span.start <= offset &&
            offset < lines[i].span.end)
            return true;
    return false;
}

static const char *status(lede_view *v)
{
    static char buf[512];
    lede_view_status_line(v, buf, sizeof buf, 200);
    return buf;
}

START_TEST(test_index)
{
    lede_view *v = open_view(100, 30);
    const lede_index_row *rows;
    size_t n = lede_view_index_rows(v, &rows);
    ck_assert_uint_eq(n, 10);
    static const char *const names[] = {
        "People", "Alice Moreau",  "Ana Ruiz",          "Bob Tran", "Places",
        "Lisbon", "Organizations", "Harbour Authority", "Groups",   "Dockers"};
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(rows[i].name, names[i]);
    ck_assert_int_eq(rows[0].kind, LEDE_INDEX_HEADER);
    ck_assert_uint_eq(rows[0].count, 3);
    ck_assert_uint_eq(rows[0].entity, LEDE_NONE);
    ck_assert_int_eq(rows[1].kind, LEDE_INDEX_ENTRY);
    ck_assert_uint_eq(rows[1].count, 20);
    ck_assert_uint_eq(rows[1].entity, alice);
    ck_assert_str_eq(rows[1].role, "engineer");
    ck_assert_ptr_null(rows[2].role);
    ck_assert_uint_eq(rows[2].count, 15); /* a tie with Bob Tran: by name */
    ck_assert_uint_eq(rows[3].count, 15);

    /* The cursor skips headers and stops at the ends. */
    ck_assert_uint_eq(lede_view_index_cursor(v), 1);
    press(v, "\t");
    ck_assert_int_eq(lede_view_focus(v), LEDE_FOCUS_INDEX);
    press(v, "jjj");
    ck_assert_uint_eq(lede_view_index_cursor(v), 5);
    press(v, "k");
    ck_assert_uint_eq(lede_view_index_cursor(v), 3);
    press(v, "G");
    ck_assert_uint_eq(lede_view_index_cursor(v), 9);
    press(v, "j");
    ck_assert_uint_eq(lede_view_index_cursor(v), 9);
    press(v, "g");
    ck_assert_uint_eq(lede_view_index_cursor(v), 1);
    press(v, "k");
    ck_assert_uint_eq(lede_view_index_cursor(v), 1);
    ck_assert_uint_eq(lede_view_index_entity_at(v, 0), LEDE_NONE);
    ck_assert_uint_eq(lede_view_index_entity_at(v, 1), alice);
    ck_assert_uint_eq(lede_view_index_entity_at(v, 99), LEDE_NONE);

    /* Enter selects, jumps to the first mention and gives the article the focus. */
    press(v, "j\n");
    ck_assert_int_eq(lede_view_focus(v), LEDE_FOCUS_ARTICLE);
    ck_assert_uint_eq(lede_view_selected(v), ana);
    uint32_t cur = lede_view_current(v);
    ck_assert_uint_eq(cur, model.entities[ana].mentions[0]);
    ck_assert(visible(v, model.mentions[cur].span.start));
    ck_assert_ptr_nonnull(strstr(status(v), "mention 1/15 \xe2\x80\x94 Ana Ruiz"));
    lede_view_free(v);
}
END_TEST

START_TEST(test_first_screen)
{
    lede_view *v = open_view(100, 30);
    lede_geometry g;
    lede_view_geometry(v, &g);
    ck_assert(!g.too_small);
    ck_assert_int_eq(g.index.w, 33);
    ck_assert_int_eq(g.article.w, 66);
    ck_assert_int_eq(g.article.h, 29);
    ck_assert_int_eq(g.index.x, 67);
    ck_assert_int_eq(g.status_row, 29);
    const lede_line *lines;
    size_t n = lede_view_lines(v, &lines);
    ck_assert_uint_eq(n, 29);
    ck_assert_int_eq(lines[0].kind, LEDE_LINE_TEXT);
    ck_assert_int_eq(lines[1].kind, LEDE_LINE_BLANK);
    for (size_t i = 0; i < n; i++)
        ck_assert_int_le(lines[i].cols, 66);
    const lede_run *runs;
    size_t nr = lede_view_runs(v, &lines[0], &runs);
    ck_assert_uint_ge(nr, 2);
    ck_assert_uint_eq(runs[0].flags, LEDE_RUN_HEADLINE);
    ck_assert_uint_eq(runs[nr - 1].flags, LEDE_RUN_HEADLINE | LEDE_RUN_PLACE);
    ck_assert_ptr_nonnull(strstr(status(v), "harbour.txt"));
    ck_assert_ptr_nonnull(strstr(status(v), "Top"));
    /* The status line fills exactly the width asked for. */
    char buf[256];
    ck_assert_uint_eq(lede_view_status_line(v, buf, sizeof buf, 50), 50);
    ck_assert_uint_eq(buf[49], 'p');
    lede_view_free(v);
}
END_TEST

START_TEST(test_mention_jumps)
{
    lede_view *v = open_view(100, 30);
    /* No selection: ] picks the first person of the index. */
    press(v, "]");
    ck_assert_uint_eq(lede_view_selected(v), alice);
    const lede_entity *e = &model.entities[alice];
    ck_assert_uint_eq(lede_view_current(v), e->mentions[0]);
    ck_assert_ptr_nonnull(strstr(status(v), "mention 1/20 \xe2\x80\x94 Alice Moreau"));
    for (size_t k = 1; k < e->n_mentions; k++) {
        press(v, "]");
        ck_assert_uint_eq(lede_view_current(v), e->mentions[k]);
        ck_assert(visible(v, model.mentions[e->mentions[k]].span.start));
        ck_assert_str_eq(lede_view_message(v), "");
    }
    ck_assert_ptr_nonnull(strstr(status(v), "mention 20/20"));
    press(v, "]");
    ck_assert_uint_eq(lede_view_current(v), e->mentions[0]);
    ck_assert_str_eq(lede_view_message(v), "wrapped");
    ck_assert_ptr_nonnull(
        strstr(status(v), "mention 1/20 \xe2\x80\x94 Alice Moreau \xe2\x80\x94 wrapped"));
    ck_assert(visible(v, model.mentions[e->mentions[0]].span.start));
    press(v, "[");
    ck_assert_uint_eq(lede_view_current(v), e->mentions[19]);
    ck_assert_str_eq(lede_view_message(v), "wrapped");
    press(v, "[");
    ck_assert_uint_eq(lede_view_current(v), e->mentions[18]);
    ck_assert_str_eq(lede_view_message(v), "");

    /* Scrolling away and pressing ] continues from the top of the screen. */
    press(v, "g");
    press(v, "]");
    ck_assert_uint_eq(lede_view_current(v), e->mentions[0]);
    ck_assert_str_eq(lede_view_message(v), "");

    /* The current mention and the selection show in the runs. */
    const lede_line *lines;
    size_t n = lede_view_lines(v, &lines);
    size_t at = model.mentions[e->mentions[0]].span.start;
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        const lede_run *runs;
        size_t nr = lede_view_runs(v, &lines[i], &runs);
        for (size_t r = 0; r < nr; r++)
            if (runs[r].start == at) {
                ck_assert_uint_eq(runs[r].flags,
                                  LEDE_RUN_PERSON | LEDE_RUN_SELECTED | LEDE_RUN_CURRENT);
                found = true;
            }
    }
    ck_assert(found);

    /* Esc clears the selection. */
    lede_view_key(v, LEDE_KEY_ESC);
    ck_assert_uint_eq(lede_view_selected(v), LEDE_NONE);
    ck_assert_uint_eq(lede_view_current(v), LEDE_NONE);
    lede_view_free(v);
}
END_TEST

START_TEST(test_quote_jumps)
{
    lede_view *v = open_view(100, 30);
    press(v, "}");
    ck_assert_ptr_nonnull(strstr(status(v), "quote 1/20 \xe2\x80\x94 Alice Moreau, engineer"));
    press(v, "}");
    ck_assert_ptr_nonnull(strstr(status(v), "quote 2/20 \xe2\x80\x94 Bob Tran "));
    press(v, "{{");
    ck_assert_ptr_nonnull(
        strstr(status(v), "quote 20/20 \xe2\x80\x94 Bob Tran \xe2\x80\x94 wrapped"));
    /* With a person selected, only that person's quotes. */
    press(v, "g]");
    press(v, "}");
    ck_assert_ptr_nonnull(strstr(status(v), "quote 1/10 \xe2\x80\x94 Alice Moreau, engineer"));
    press(v, "}");
    ck_assert_ptr_nonnull(strstr(status(v), "quote 2/10 \xe2\x80\x94 Alice Moreau"));
    const char *q = strstr(story, "\"We will finish");
    q = strstr(q + 1, "\"We will finish");
    ck_assert(visible(v, (size_t)(q - story)));
    lede_view_free(v);
}
END_TEST

static unsigned flags_of(lede_view *v, size_t offset)
{
    const lede_line *lines;
    size_t n = lede_view_lines(v, &lines);
    for (size_t i = 0; i < n; i++) {
        const lede_run *runs;
        size_t nr = lede_view_runs(v, &lines[i], &runs);
        for (size_t r = 0; r < nr; r++)
            if (runs[r].start <= offset && offset < runs[r].end)
                return runs[r].flags;
    }
    ck_abort_msg("offset %zu not on the screen", offset);
    return 0;
}

/* After } or { the quote jumped to is marked CURRENT on the screen, all of it; a
 * mention jump takes the mark back. */
START_TEST(test_quote_current)
{
    lede_view *v = open_view(100, 30);
    press(v, "}");
    const char *q = strstr(story, "\"We will finish");
    size_t start = (size_t)(q - story), end = (size_t)(strchr(q + 1, '"') - story) + 1;
    for (size_t i = start; i < end; i++)
        ck_assert_uint_ne(flags_of(v, i) & LEDE_RUN_CURRENT, 0);
    ck_assert_uint_eq(flags_of(v, end) & LEDE_RUN_CURRENT, 0);
    press(v, "}");
    ck_assert_uint_eq(flags_of(v, start) & LEDE_RUN_CURRENT, 0);
    press(v, "g]");
    size_t mention = (size_t)(strstr(story, "Alice Moreau") - story);
    ck_assert_uint_ne(flags_of(v, mention) & LEDE_RUN_CURRENT, 0);
    ck_assert_uint_eq(flags_of(v, start) & LEDE_RUN_CURRENT, 0);
    lede_view_free(v);
}
END_TEST

/* The status line keeps what the reader is on at every width from 20: the count first,
 * the path shortened from the left, every cut marked with an ellipsis. */
START_TEST(test_status_widths)
{
    lede_view *v;
    ck_assert_int_eq(lede_view_new(100, 30, &v), LEDE_OK);
    const char *path = "../shared/corpus/bbc/politics/a-rather-long-folder-name/013.txt";
    ck_assert_int_eq(lede_view_set_article(v, &text, &model, path), LEDE_OK);
    ck_assert_int_eq(lede_view_set_tag(v, "2/3"), LEDE_OK);
    press(v, "]]");
    for (int w = 20; w <= 200; w++) {
        char buf[1024];
        size_t len = lede_view_status_line(v, buf, sizeof buf, w);
        ck_assert_int_eq(lede_text_cols(buf, 0, len), w);
        ck_assert_msg(strstr(buf, "mention 2/20") != NULL, "width %d: %s", w, buf);
        if (strstr(buf, "013.txt") && !strstr(buf, path))
            ck_assert_msg(strstr(buf, "\xe2\x80\xa6") != NULL, "width %d cut without …: %s", w,
                          buf);
        if (w >= 100)
            ck_assert_ptr_nonnull(strstr(buf, "013.txt 2/3"));
    }
    /* A long message is cut at its end, with an ellipsis, and the position stays. */
    lede_view_key(v, LEDE_KEY_ESC);
    lede_view_search(v, "(");
    char buf[256];
    lede_view_status_line(v, buf, sizeof buf, 40);
    ck_assert_ptr_nonnull(strstr(buf, "bad regex: "));
    ck_assert_ptr_nonnull(strstr(buf, "\xe2\x80\xa6"));
    lede_view_free(v);
}
END_TEST

/* Q lists every quote with its speaker; w the quotes of the person under the index
 * cursor; Enter goes to one; Esc closes. */
START_TEST(test_quotes_list)
{
    lede_view *v = open_view(100, 30);
    press(v, "w");
    ck_assert_str_eq(lede_view_message(v), "select a person first (Tab, then j/k)");
    /* Nothing selected but a quote current: w lists its speaker's quotes. */
    press(v, "}w");
    ck_assert(lede_view_list_shown(v));
    ck_assert_str_eq(lede_view_list_title(v), "Quotes of Alice Moreau (10)");
    lede_view_key(v, LEDE_KEY_ESC);
    lede_view_key(v, LEDE_KEY_ESC);
    press(v, "Q");
    ck_assert(lede_view_list_shown(v));
    ck_assert_str_eq(lede_view_list_title(v), "All quotes (20)");
    ck_assert_uint_eq(lede_view_list_count(v), 20);
    char row[256];
    lede_view_list_row(v, 1, row, sizeof row, 200);
    ck_assert_str_eq(row, "Bob Tran: \"Nothing is agreed yet,\"");
    lede_view_list_row(v, 0, row, sizeof row, 20);
    ck_assert_str_eq(row, "Alice Moreau: \"We w\xe2\x80\xa6");
    press(v, "j\n");
    ck_assert(!lede_view_list_shown(v));
    ck_assert_ptr_nonnull(strstr(status(v), "quote 2/20 \xe2\x80\x94 Bob Tran"));
    /* The index cursor on Alice: her quotes only, and } goes on through them. */
    press(v, "\tgw");
    ck_assert_str_eq(lede_view_list_title(v), "Quotes of Alice Moreau (10)");
    press(v, "jj\n");
    ck_assert_ptr_nonnull(strstr(status(v), "quote 3/10 \xe2\x80\x94 Alice Moreau, engineer"));
    press(v, "}");
    ck_assert_ptr_nonnull(strstr(status(v), "quote 4/10 \xe2\x80\x94 Alice Moreau"));
    press(v, "Q");
    ck_assert(lede_view_list_shown(v));
    lede_view_key(v, LEDE_KEY_ESC);
    ck_assert(!lede_view_list_shown(v));
    /* A click on a row of the list goes to that quote (the title is the first row). */
    press(v, "Q");
    lede_geometry g;
    lede_view_geometry(v, &g);
    ck_assert_int_eq(lede_view_click(v, g.article.y + 4, g.article.x + 3), LEDE_ACT_NONE);
    ck_assert(!lede_view_list_shown(v));
    ck_assert_ptr_nonnull(strstr(status(v), "quote 4/20 \xe2\x80\x94 Bob Tran"));
    lede_view_free(v);
}
END_TEST

/* With quotes off, the current quote is plain text; a click in a quote makes it current. */
START_TEST(test_quote_off_and_click)
{
    lede_view *v = open_view(100, 30);
    press(v, "}");
    const char *q = strstr(story, "\"We will finish");
    size_t start = (size_t)(q - story);
    ck_assert_uint_ne(flags_of(v, start + 3) & LEDE_RUN_CURRENT, 0);
    press(v, "\"");
    ck_assert_uint_eq(flags_of(v, start + 3) & LEDE_RUN_CURRENT, 0);
    press(v, "\"");
    lede_view_key(v, LEDE_KEY_ESC);
    const lede_line *lines;
    size_t n = lede_view_lines(v, &lines);
    for (size_t r = 0; r < n; r++)
        if (lines[r].kind == LEDE_LINE_TEXT && lines[r].span.start == start) {
            lede_view_click(v, (int)r, 4);
            break;
        }
    ck_assert_ptr_nonnull(strstr(status(v), "quote 1/20 \xe2\x80\x94 Alice Moreau, engineer"));
    lede_view_free(v);
}
END_TEST

/* Marks, =, :n/:p, an unbound key, and the search history in the prompt. */
START_TEST(test_less_keys)
{
    lede_view *v = open_view(100, 30);
    press(v, "dma");
    ck_assert_str_eq(lede_view_message(v), "mark a set");
    size_t top = lede_view_top_offset(v);
    press(v, "G'a");
    ck_assert_uint_eq(lede_view_top_offset(v), top);
    press(v, "'b");
    ck_assert_str_eq(lede_view_message(v), "no mark b");
    press(v, "=");
    char want[32];
    snprintf(want, sizeof want, "line %zu/", lede_view_top_line(v));
    ck_assert_uint_gt(lede_view_top_line(v), 1);
    ck_assert_ptr_nonnull(strstr(lede_view_message(v), want));
    press(v, "X");
    ck_assert_str_eq(lede_view_message(v), "press ? for help");
    ck_assert_int_eq(lede_view_key(v, LEDE_KEY_CTRL('L')), LEDE_ACT_REDRAW);
    press(v, "?"); /* over the help too, which stays */
    ck_assert_int_eq(lede_view_key(v, LEDE_KEY_CTRL('L')), LEDE_ACT_REDRAW);
    ck_assert(lede_view_help_shown(v));
    press(v, "?");
    press(v, ":");
    ck_assert_int_eq(lede_view_key(v, 'n'), LEDE_ACT_NEXT_ARTICLE);
    press(v, ":");
    ck_assert_int_eq(lede_view_key(v, 'p'), LEDE_ACT_PREV_ARTICLE);
    ck_assert_int_eq(lede_view_key(v, 'v'), LEDE_ACT_EDIT);
    ck_assert_int_eq(lede_view_key(v, LEDE_KEY_CTRL('F')), LEDE_ACT_NONE);
    ck_assert_uint_gt(lede_view_top_offset(v), top);
    /* History: Up brings back the last two searches, Down the newer again. */
    press(v, "/Lisbon\n/Bob\n/");
    lede_view_key(v, LEDE_KEY_UP);
    ck_assert_str_eq(lede_view_prompt(v), "Bob");
    lede_view_key(v, LEDE_KEY_UP);
    ck_assert_str_eq(lede_view_prompt(v), "Lisbon");
    lede_view_key(v, LEDE_KEY_UP);
    ck_assert_str_eq(lede_view_prompt(v), "Lisbon");
    lede_view_key(v, LEDE_KEY_DOWN);
    ck_assert_str_eq(lede_view_prompt(v), "Bob");
    lede_view_key(v, LEDE_KEY_DOWN);
    ck_assert_str_eq(lede_view_prompt(v), "");
    lede_view_key(v, LEDE_KEY_ESC);
    lede_view_free(v);
}
END_TEST

START_TEST(test_toggles)
{
    lede_view *v = open_view(100, 30);
    size_t mention = (size_t)(strstr(story, "Ana Ruiz") - story);
    size_t quote = (size_t)(strstr(story, "\"We will") - story) + 1;
    ck_assert_uint_eq(flags_of(v, mention), LEDE_RUN_PERSON);
    ck_assert_uint_eq(flags_of(v, quote), LEDE_RUN_QUOTE);
    press(v, "e");
    ck_assert(!lede_view_entities_on(v));
    ck_assert_str_eq(lede_view_message(v), "entities off");
    ck_assert_uint_eq(flags_of(v, mention), 0);
    press(v, "\"");
    ck_assert(!lede_view_quotes_on(v));
    ck_assert_uint_eq(flags_of(v, quote), 0);
    press(v, "e\"");
    ck_assert_uint_eq(flags_of(v, mention), LEDE_RUN_PERSON);
    ck_assert_uint_eq(flags_of(v, quote), LEDE_RUN_QUOTE);

    /* i hides and shows the index; the article takes the width. */
    lede_geometry g;
    press(v, "i");
    lede_view_geometry(v, &g);
    ck_assert_int_eq(g.index.w, 0);
    /* The measure: 80 columns, centred, in a pane of 100; M takes the whole width. */
    ck_assert_int_eq(g.article.w, LEDE_VIEW_MEASURE);
    ck_assert_int_eq(g.article.x, 10);
    press(v, "M");
    lede_view_geometry(v, &g);
    ck_assert_int_eq(g.article.w, 100);
    ck_assert_int_eq(g.article.x, 0);
    ck_assert_str_eq(lede_view_message(v), "readable width off");
    press(v, "M");
    lede_view_set_measure(v, 60, true); /* a theme's "layout measure left" */
    lede_view_geometry(v, &g);
    ck_assert_int_eq(g.article.w, 60);
    ck_assert_int_eq(g.article.x, 0);
    ck_assert_int_eq(lede_layout_width(lede_view_layout(v)), 60);
    lede_view_set_measure(v, 0, false);
    press(v, "\t");
    ck_assert_int_eq(lede_view_focus(v), LEDE_FOCUS_ARTICLE);
    press(v, "i");
    lede_view_geometry(v, &g);
    ck_assert_int_eq(g.index.w, 33);

    /* Help: ? shows it, any key closes it without acting. */
    press(v, "?");
    ck_assert(lede_view_help_shown(v));
    size_t top = lede_view_top_offset(v);
    press(v, "j");
    ck_assert(!lede_view_help_shown(v));
    ck_assert_uint_eq(lede_view_top_offset(v), top);
    ck_assert_int_eq(lede_view_key(v, 'q'), LEDE_ACT_QUIT);
    ck_assert_int_eq(lede_view_key(v, '>'), LEDE_ACT_NEXT_ARTICLE);
    ck_assert_int_eq(lede_view_key(v, '<'), LEDE_ACT_PREV_ARTICLE);
    lede_view_free(v);
}
END_TEST

START_TEST(test_scrolling)
{
    lede_view *v = open_view(100, 30);
    const lede_line *lines;
    press(v, "j");
    lede_view_lines(v, &lines);
    ck_assert_int_eq(lines[0].kind, LEDE_LINE_BLANK);
    press(v, "k");
    ck_assert_uint_eq(lede_view_top_offset(v), 0);
    press(v, "d");
    size_t half = lede_view_top_offset(v);
    ck_assert_uint_gt(half, 0);
    press(v, " ");
    ck_assert_uint_gt(lede_view_top_offset(v), half);
    press(v, "bu");
    ck_assert_uint_eq(lede_view_top_offset(v), 0);
    press(v, "G");
    size_t n = lede_view_lines(v, &lines);
    ck_assert_uint_eq(n, 29);
    ck_assert_uint_eq(lines[n - 1].span.end, text.paras[text.n_paras - 1].span.end);
    ck_assert_ptr_nonnull(strstr(status(v), "End"));
    size_t end_top = lede_view_top_offset(v);
    press(v, "jjj ");
    ck_assert_uint_eq(lede_view_top_offset(v), end_top);
    press(v, "k");
    ck_assert_ptr_nonnull(strstr(status(v), "%"));
    lede_view_key(v, LEDE_KEY_HOME);
    ck_assert_uint_eq(lede_view_top_offset(v), 0);
    lede_view_free(v);
}
END_TEST

START_TEST(test_search)
{
    lede_view *v = open_view(100, 30);
    ck_assert_int_eq(lede_view_search(v, "lisbon"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 21); /* headline + 20 */
    ck_assert_ptr_nonnull(strstr(status(v), "match 1/21"));
    press(v, "n");
    ck_assert_ptr_nonnull(strstr(status(v), "match 2/21"));
    press(v, "NN");
    ck_assert_ptr_nonnull(strstr(status(v), "match 21/21"));
    ck_assert_str_eq(lede_view_message(v), "search wrapped");
    press(v, "n");
    ck_assert_ptr_nonnull(strstr(status(v), "match 1/21"));
    ck_assert_str_eq(lede_view_message(v), "search wrapped");

    /* Smart case. */
    ck_assert_int_eq(lede_view_search(v, "LISBON"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 0);
    ck_assert_str_eq(lede_view_message(v), "no match for /LISBON/");
    press(v, "n");
    ck_assert_str_eq(lede_view_message(v), "no match for /LISBON/");
    ck_assert_int_eq(lede_view_search(v, "Dock\\w+"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 10);
    /* An escape is not an upper-case letter: still caseless. */
    ck_assert_int_eq(lede_view_search(v, "\\Sockers|lisbon"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 31);

    /* A match far down scrolls into view and is highlighted. */
    ck_assert_int_eq(lede_view_search(v, "round 38"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 1);
    size_t at = (size_t)(strstr(story, "round 38") - story);
    ck_assert(visible(v, at));
    ck_assert_uint_eq(flags_of(v, at), LEDE_RUN_SEARCH | LEDE_RUN_CURRENT);

    /* A bad regular expression. */
    ck_assert_int_eq(lede_view_search(v, "(unclosed"), LEDE_ERR_PATTERN);
    ck_assert_uint_eq(strncmp(lede_view_message(v), "bad regex: ", 11), 0);
    ck_assert_uint_eq(lede_view_match_count(v), 0);

    /* The prompt: typing, backspace, Enter; Esc cancels. */
    press(v, "/");
    ck_assert_str_eq(lede_view_prompt(v), "");
    press(v, "docx");
    lede_view_key(v, LEDE_KEY_BACKSPACE);
    press(v, "k");
    ck_assert_str_eq(lede_view_prompt(v), "dock");
    lede_view_key(v, 0xe9); /* é as a code point */
    ck_assert_str_eq(lede_view_prompt(v), "dock\xc3\xa9");
    lede_view_key(v, 127);
    ck_assert_str_eq(lede_view_prompt(v), "dock");
    /* Backspace takes a whole grapheme cluster: e with a combining acute, a family. */
    press(v, "e");
    lede_view_key(v, 0x301);
    ck_assert_str_eq(lede_view_prompt(v), "docke\xcc\x81");
    lede_view_key(v, 0x1F468);
    lede_view_key(v, 0x200D);
    lede_view_key(v, 0x1F469);
    lede_view_key(v, LEDE_KEY_BACKSPACE);
    ck_assert_str_eq(lede_view_prompt(v), "docke\xcc\x81");
    lede_view_key(v, LEDE_KEY_BACKSPACE);
    ck_assert_str_eq(lede_view_prompt(v), "dock");
    lede_view_key(v, LEDE_KEY_ENTER);
    ck_assert_ptr_null(lede_view_prompt(v));
    ck_assert_uint_eq(lede_view_match_count(v), 10);
    press(v, "/xyz");
    lede_view_key(v, LEDE_KEY_ESC);
    ck_assert_ptr_null(lede_view_prompt(v));
    ck_assert_uint_eq(lede_view_match_count(v), 10);
    /* An empty pattern repeats the last one; Esc clears the search. */
    press(v, "/\n");
    ck_assert_uint_eq(lede_view_match_count(v), 10);
    lede_view_key(v, LEDE_KEY_ESC);
    ck_assert_uint_eq(lede_view_match_count(v), 0);
    lede_view_free(v);
}
END_TEST

START_TEST(test_resize_anchor)
{
    lede_view *v = open_view(80, 24);
    size_t target = (size_t)(strstr(story, "round 18") - story);
    lede_view_goto_offset(v, target);
    ck_assert(visible(v, target));
    static const int widths[] = {40, 120, 33, 80, 200, 21};
    for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
        lede_view_resize(v, widths[i], 24);
        ck_assert_msg(visible(v, target), "offset lost at width %d", widths[i]);
        const lede_line *lines;
        size_t n = lede_view_lines(v, &lines);
        lede_geometry g;
        lede_view_geometry(v, &g);
        for (size_t k = 0; k < n; k++)
            ck_assert_int_le(lines[k].cols, g.article.w);
    }
    /* Also with the prompt open, and the prompt survives. */
    press(v, "/har");
    lede_view_resize(v, 50, 10);
    ck_assert(visible(v, target));
    ck_assert_str_eq(lede_view_prompt(v), "har");
    lede_view_key(v, LEDE_KEY_ENTER);
    ck_assert_uint_eq(lede_view_match_count(v), 21);
    /* Narrow: the index hides itself, focus returns to the article. */
    lede_view_resize(v, 100, 30);
    press(v, "\t");
    ck_assert_int_eq(lede_view_focus(v), LEDE_FOCUS_INDEX);
    lede_view_resize(v, 60, 30);
    ck_assert_int_eq(lede_view_focus(v), LEDE_FOCUS_ARTICLE);
    lede_geometry g;
    lede_view_geometry(v, &g);
    ck_assert_int_eq(g.index.w, 0);
    lede_view_free(v);
}
END_TEST

/* A terminal that gets shorter keeps the index cursor inside the index pane. */
START_TEST(test_resize_index_cursor)
{
    lede_view *v = open_view(100, 30);
    lede_view_key(v, LEDE_KEY_TAB);
    ck_assert_int_eq(lede_view_focus(v), LEDE_FOCUS_INDEX);
    press(v, "G");
    const lede_index_row *rows;
    size_t n = lede_view_index_rows(v, &rows);
    ck_assert_uint_eq(lede_view_index_cursor(v), n - 1);
    for (int h = 29; h >= LEDE_VIEW_MIN_ROWS; h--) {
        lede_view_resize(v, 100, h);
        lede_geometry geo;
        lede_view_geometry(v, &geo);
        size_t top = lede_view_index_top(v), cursor = lede_view_index_cursor(v);
        ck_assert_uint_eq(cursor, n - 1);
        ck_assert_uint_le(top, cursor);
        ck_assert_uint_lt(cursor - top, (size_t)geo.index.h);
        ck_assert_uint_eq(lede_view_index_entity_at(v, (int)(cursor - top)), rows[cursor].entity);
    }
    lede_view_free(v);
}
END_TEST

/* A text shown before its entities are known can keep the index's place, so that it
 * wraps at the width it gets once the index comes; a new article forgets the flag. */
START_TEST(test_reserve_index)
{
    lede_view *v = open_view(100, 30);
    lede_geometry with;
    lede_view_geometry(v, &with);
    ck_assert_int_gt(with.index.w, 0);
    ck_assert_int_eq(lede_view_set_article(v, &text, NULL, "early"), LEDE_OK);
    lede_geometry geo;
    lede_view_geometry(v, &geo);
    ck_assert_int_eq(geo.index.w, 0);
    ck_assert_int_eq(geo.article.w, LEDE_VIEW_MEASURE);
    lede_view_reserve_index(v, true);
    lede_view_geometry(v, &geo);
    ck_assert_int_eq(geo.article.w, with.article.w);
    ck_assert_int_eq(geo.index.w, with.index.w);
    ck_assert_int_eq(lede_layout_width(lede_view_layout(v)), with.article.w);
    const lede_index_row *rows;
    ck_assert_uint_eq(lede_view_index_rows(v, &rows), 0);
    ck_assert_uint_eq(lede_view_index_cursor(v), SIZE_MAX);
    ck_assert_int_eq(lede_view_set_article(v, &text, NULL, "again"), LEDE_OK);
    lede_view_geometry(v, &geo);
    ck_assert_int_eq(geo.index.w, 0);
    lede_view_free(v);
}
END_TEST

/* The help screen: columns as wide as their lines when they fit, else one column
 * that j/k scroll; any other key closes it. */
START_TEST(test_help_layout)
{
    size_t n = lede_keys_help_count();
    int widths[8];
    lede_view *v = open_view(200, 24);
    ck_assert_uint_eq(lede_view_help_rows(v), 22);
    int columns = lede_view_help_columns(v, widths, 8);
    ck_assert_int_eq(columns, (int)((n + 21) / 22));
    ck_assert_int_gt(columns, 1);
    int total = 0;
    for (int c = 0; c < columns; c++) {
        ck_assert_int_gt(widths[c], LEDE_VIEW_HELP_GAP);
        total += widths[c];
    }
    ck_assert_int_le(total, 200);
    ck_assert(!lede_view_help_scrolls(v));
    press(v, "?");
    press(v, "j");
    ck_assert(!lede_view_help_shown(v));

    lede_view_resize(v, 80, 24);
    ck_assert_int_eq(lede_view_help_columns(v, widths, 8), 1);
    char line[128];
    for (size_t i = 0; i < n; i++) {
        size_t len = lede_keys_help_line(i, line, sizeof line);
        ck_assert_int_le(lede_text_cols(line, 0, len), widths[0] - LEDE_VIEW_HELP_GAP);
    }
    ck_assert(lede_view_help_scrolls(v));
    press(v, "?");
    ck_assert_uint_eq(lede_view_help_top(v), 0);
    press(v, "jjj");
    ck_assert(lede_view_help_shown(v));
    ck_assert_uint_eq(lede_view_help_top(v), 3);
    press(v, "k");
    ck_assert_uint_eq(lede_view_help_top(v), 2);
    for (size_t i = 0; i < n; i++)
        press(v, "j");
    ck_assert_uint_eq(lede_view_help_top(v), n - 22);
    press(v, "x");
    ck_assert(!lede_view_help_shown(v));
    press(v, "?");
    ck_assert_uint_eq(lede_view_help_top(v), 0);
    press(v, "?");
    ck_assert(!lede_view_help_shown(v));

    /* 100x30: two columns, each section whole, no title at a column's foot. */
    lede_view_resize(v, 100, 30);
    columns = lede_view_help_columns(v, widths, 8);
    ck_assert_int_eq(columns, 2);
    ck_assert(!lede_view_help_scrolls(v));
    for (int c = 0; c < columns; c++) {
        size_t first = lede_view_help_column_start(v, c);
        size_t end = lede_view_help_column_start(v, c + 1);
        lede_keys_help_line(end - 1, line, sizeof line);
        end -= line[0] == '\0'; /* the blank line skipped at the next column's top */
        ck_assert_uint_le(end - first, lede_view_help_rows(v));
        lede_keys_help_line(first, line, sizeof line);
        ck_assert_msg(line[0] != ' ' && line[0] != '\0', "column %d starts with \"%s\"", c, line);
        lede_keys_help_line(end - 1, line, sizeof line);
        ck_assert_msg(line[0] == ' ', "column %d ends with \"%s\"", c, line);
    }
    ck_assert_uint_eq(lede_view_help_column_start(v, columns), n);
    lede_view_free(v);
}
END_TEST

START_TEST(test_tiny)
{
    lede_view *v = open_view(1, 1);
    ck_assert(lede_view_too_small(v));
    const lede_line *lines;
    ck_assert_uint_eq(lede_view_lines(v, &lines), 0);
    for (int cmd = LEDE_CMD_NONE; cmd < LEDE_CMD_COUNT; cmd++)
        lede_view_apply(v, (lede_cmd)cmd);
    press(v, "]]}{nN\tjkGg");
    char buf[8];
    lede_view_status_line(v, buf, sizeof buf, 1);
    ck_assert_uint_le(strlen(buf), 1);
    lede_view_status_line(v, buf, sizeof buf, 0);
    ck_assert_str_eq(buf, "");
    lede_view_resize(v, 0, 0);
    ck_assert(lede_view_too_small(v));
    ck_assert_uint_eq(lede_view_lines(v, &lines), 0);
    ck_assert_ptr_null(lede_view_mention_at(v, 0, 0));
    lede_view_click(v, 0, 0);
    lede_view_resize(v, 19, 5);
    ck_assert(lede_view_too_small(v));
    ck_assert_uint_eq(lede_view_lines(v, &lines), 4);
    press(v, "G]");
    lede_view_resize(v, -3, -3);
    lede_view_resize(v, 20, 6);
    ck_assert(!lede_view_too_small(v));
    ck_assert_uint_eq(lede_view_lines(v, &lines), 5);
    ck_assert_int_le(lines[0].cols, 20);
    lede_view_free(v);
}
END_TEST

START_TEST(test_mouse)
{
    lede_view *v = open_view(100, 30);
    const lede_line *lines;
    size_t n = lede_view_lines(v, &lines);
    /* Find a line with "Lisbon" after the headline and click on its third letter. */
    for (size_t row = 2; row < n; row++) {
        const char *s = lines[row].kind == LEDE_LINE_TEXT
                            ? strstr(story + lines[row].span.start, "Lisbon")
                            : NULL;
        if (!s || (size_t)(s - story) >= lines[row].span.end)
            continue;
        int col = lede_text_cols(story, lines[row].span.start, (size_t)(s - story)) + 2;
        const lede_mention *m = lede_view_mention_at(v, (int)row, col);
        ck_assert_ptr_nonnull(m);
        ck_assert_uint_eq(m->entity, lisbon);
        ck_assert_ptr_null(lede_view_mention_at(v, (int)row, col - 4));
        lede_view_click(v, (int)row, col);
        ck_assert_uint_eq(lede_view_selected(v), lisbon);
        ck_assert_uint_eq(lede_view_current(v), (uint32_t)(m - model.mentions));
        break;
    }
    ck_assert_uint_eq(lede_view_selected(v), lisbon);
    /* A click on an index entry activates it. */
    lede_geometry g;
    lede_view_geometry(v, &g);
    lede_view_click(v, g.index.y + 3, g.index.x + 1);
    ck_assert_uint_eq(lede_view_selected(v), bob);
    ck_assert_uint_eq(lede_view_current(v), model.entities[bob].mentions[0]);
    /* Clicks on headers, the gap or the status line do nothing. */
    lede_view_click(v, g.index.y, g.index.x + 1);
    lede_view_click(v, 5, g.index.x - 1);
    lede_view_click(v, g.status_row, 3);
    ck_assert_uint_eq(lede_view_selected(v), bob);
    lede_view_free(v);
}
END_TEST

START_TEST(test_no_model)
{
    lede_view *v;
    ck_assert_int_eq(lede_view_new(100, 30, &v), LEDE_OK);
    /* Without an article nothing breaks. */
    const lede_line *lines;
    ck_assert_uint_eq(lede_view_lines(v, &lines), 0);
    press(v, "jk]}n/x\n");
    char buf[64];
    lede_view_status_line(v, buf, sizeof buf, 40);
    ck_assert_int_eq(lede_view_set_article(v, &text, NULL, NULL), LEDE_OK);
    const lede_index_row *rows;
    ck_assert_uint_eq(lede_view_index_rows(v, &rows), 0);
    ck_assert_uint_eq(lede_view_index_cursor(v), SIZE_MAX);
    lede_geometry g;
    lede_view_geometry(v, &g);
    ck_assert_int_eq(g.index.w, 0);
    press(v, "]");
    ck_assert_str_eq(lede_view_message(v), "no entities");
    press(v, "}");
    ck_assert_str_eq(lede_view_message(v), "no quotes");
    press(v, "\t");
    ck_assert_int_eq(lede_view_focus(v), LEDE_FOCUS_ARTICLE);
    press(v, "i");
    ck_assert_str_eq(lede_view_message(v), "no entities");
    ck_assert_int_eq(lede_view_search(v, "Alice"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 20);
    /* Switching articles resets the state. */
    ck_assert_int_eq(lede_view_set_article(v, &text, &model, "again"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 0);
    ck_assert_uint_eq(lede_view_index_rows(v, &rows), 10);
    lede_view_free(v);
    lede_view_free(NULL);
}
END_TEST

START_TEST(test_search_invalid_utf8)
{
    const char *raw = "Bad bytes\n\nSome \xff\x81 bytes are not UTF-8, and \xc3 that is fine.\n";
    lede_text t;
    ck_assert_int_eq(lede_text_from_buffer(raw, strlen(raw), &t), LEDE_OK);
    lede_view *v;
    ck_assert_int_eq(lede_view_new(80, 24, &v), LEDE_OK);
    ck_assert_int_eq(lede_view_set_article(v, &t, NULL, "bad.txt"), LEDE_OK);
    ck_assert_int_eq(lede_view_search(v, "bytes"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 2);
    ck_assert_int_eq(lede_view_search(v, "fine"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 1);
    /* An invalid pattern byte is reported, not crashed on. */
    lede_status st = lede_view_search(v, "\xff(");
    ck_assert_int_eq(st, LEDE_ERR_PATTERN);
    ck_assert_uint_eq(strncmp(lede_view_message(v), "bad regex: ", 11), 0);
    const lede_line *lines;
    size_t n = lede_view_lines(v, &lines);
    ck_assert_uint_eq(n, 3);
    const lede_run *runs;
    size_t nr = lede_view_runs(v, &lines[2], &runs);
    bool invalid = false;
    for (size_t r = 0; r < nr; r++)
        if (runs[r].flags & LEDE_RUN_INVALID) {
            invalid = true;
            ck_assert_int_eq(runs[r].cols, (int)(runs[r].end - runs[r].start));
        }
    ck_assert(invalid);
    lede_view_free(v);
    lede_text_free(&t);
}
END_TEST

/* A pattern that backtracks past PCRE2's match limit stops the search with a message;
 * it is not mistaken for "no match", and the matches before it stay. */
START_TEST(test_search_match_limit)
{
    char raw[256];
    int n = snprintf(raw, sizeof raw, "Limits\n\nab first. %s then ab.\n",
                     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac");
    lede_text t;
    ck_assert_int_eq(lede_text_from_buffer(raw, (size_t)n, &t), LEDE_OK);
    lede_view *v;
    ck_assert_int_eq(lede_view_new(80, 24, &v), LEDE_OK);
    ck_assert_int_eq(lede_view_set_article(v, &t, NULL, "limit.txt"), LEDE_OK);
    ck_assert_int_eq(lede_view_search(v, "(a+)+b"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 1);
    ck_assert_str_eq(lede_view_message(v), "search stopped: match limit exceeded");
    /* A plain search afterwards finds both and says nothing. */
    ck_assert_int_eq(lede_view_search(v, "ab"), LEDE_OK);
    ck_assert_uint_eq(lede_view_match_count(v), 2);
    ck_assert_str_eq(lede_view_message(v), "");
    lede_view_free(v);
    lede_text_free(&t);
}
END_TEST

/* About 3 MB of generated paragraphs with "Alice" mentioned throughout. */
START_TEST(test_big_book)
{
    const size_t target = 3u << 20;
    char *b = malloc(target + 4096);
    ck_assert_ptr_nonnull(b);
    size_t n = 0;
    unsigned seed = 11;
    while (n < target) {
        size_t words = 30 + seed % 90;
        for (size_t w = 0; w < words; w++) {
            seed = seed * 1103515245u + 12345u;
            static const char *const vocab[] = {"lantern", "Alice", "harbour", "pebble",  "slowly",
                                                "the",     "a",     "window",  "evening", "told"};
            n += (size_t)sprintf(b + n, "%s%s", w ? " " : "", vocab[(seed >> 16) % 10]);
        }
        n += (size_t)sprintf(b + n, ".\n\n");
    }
    lede_text big;
    ck_assert_int_eq(lede_text_from_buffer(b, n, &big), LEDE_OK);
    free(b);
    lede_model m;
    lede_model_init(&m);
    uint32_t id;
    ck_assert_int_eq(lede_model_add_entity(&m, LEDE_PERSON, "Alice", NULL, &id), LEDE_OK);
    /* memchr, not strstr: a sanitizer's strstr measures the whole rest each time. */
    for (const char *s = big.bytes; (s = memchr(s, 'A', big.len - (size_t)(s - big.bytes))); s++) {
        size_t at = (size_t)(s - big.bytes);
        if (strncmp(s, "Alice", 5) == 0)
            ck_assert_int_eq(lede_model_add_mention(&m, id, (lede_span){at, at + 5}), LEDE_OK);
    }
    ck_assert_int_eq(lede_model_finish(&m), LEDE_OK);

    lede_view *v;
    ck_assert_int_eq(lede_view_new(120, 40, &v), LEDE_OK);
    ck_assert_int_eq(lede_view_set_article(v, &big, &m, "book.txt"), LEDE_OK);
    const lede_line *lines;
    ck_assert_uint_eq(lede_view_lines(v, &lines), 39);
    lede_layout *l = lede_view_layout(v);
    ck_assert_uint_lt(lede_layout_wrap_count(l), 30);
    press(v, "]]]");
    ck_assert_uint_eq(lede_view_current(v), m.entities[0].mentions[2]);
    press(v, "[[[");
    ck_assert_str_eq(lede_view_message(v), "wrapped");
    ck_assert_uint_eq(lede_view_current(v), m.entities[0].mentions[m.entities[0].n_mentions - 1]);
    press(v, "G");
    lede_view_key(v, LEDE_KEY_PGUP);
    ck_assert_uint_lt(lede_layout_wrap_count(l), 100);
    ck_assert_uint_lt(lede_layout_wrap_count(l), big.n_paras / 20);
    ck_assert_int_eq(lede_view_search(v, "evening"), LEDE_OK);
    ck_assert_uint_gt(lede_view_match_count(v), 10000);
    press(v, "nnN");
    ck_assert_uint_lt(lede_layout_wrap_count(l), 200);
    lede_view_resize(v, 70, 30);
    ck_assert_uint_lt(lede_layout_wrap_count(l), 300);
    lede_view_free(v);
    lede_model_free(&m);
    lede_text_free(&big);
}
END_TEST

static Suite *view_suite(void)
{
    Suite *s = suite_create("view");
    TCase *tc = tcase_create("reader");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_index);
    tcase_add_test(tc, test_first_screen);
    tcase_add_test(tc, test_mention_jumps);
    tcase_add_test(tc, test_quote_jumps);
    tcase_add_test(tc, test_quote_current);
    tcase_add_test(tc, test_toggles);
    tcase_add_test(tc, test_scrolling);
    tcase_add_test(tc, test_search);
    tcase_add_test(tc, test_resize_anchor);
    tcase_add_test(tc, test_tiny);
    tcase_add_test(tc, test_help_layout);
    tcase_add_test(tc, test_reserve_index);
    tcase_add_test(tc, test_resize_index_cursor);
    tcase_add_test(tc, test_mouse);
    tcase_add_test(tc, test_no_model);
    tcase_add_test(tc, test_big_book);
    tcase_add_test(tc, test_search_invalid_utf8);
    tcase_add_test(tc, test_search_match_limit);
    tcase_add_test(tc, test_status_widths);
    tcase_add_test(tc, test_quotes_list);
    tcase_add_test(tc, test_quote_off_and_click);
    tcase_add_test(tc, test_less_keys);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(view_suite());
}
