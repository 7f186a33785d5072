/* session.c - the articles of a reading session: showing one (read and annotated on
 * first sight, a long one drawn before it is annotated), switching, remembered reading
 * positions, and unreadable articles shown as a page that says why. Moved here from
 * the tui so that it runs and is tested without a terminal. Each call costs what
 * reading and annotating the article shown costs: linear in its bytes. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdlib.h>
#include <string.h>
#include "lede/session.h"
#include "lede/termsafe.h"

#define EARLY_DRAW_BYTES (256 * 1024) /* longer texts are drawn before they are annotated */

void lede_session_init(lede_session *s, lede_article *articles, size_t n, lede_annotator *ann,
                       lede_view *view, bool use_state, FILE *diag)
{
    memset(s, 0, sizeof *s);
    s->articles = articles;
    s->n = n;
    s->ann = ann;
    s->view = view;
    s->diag = diag;
    lede_state_init(&s->state);
    s->has_corpus = n > 1 && lede_corpus_init(&s->corpus, articles, n) == LEDE_OK;
    s->use_state =
        use_state && lede_state_default_file(s->state_file, sizeof s->state_file) == LEDE_OK;
    if (s->use_state && lede_state_load(&s->state, s->state_file, diag) != LEDE_OK && diag)
        fprintf(diag, "lede: cannot read %s; reading positions not restored\n", s->state_file);
}

const lede_article *lede_session_article(const lede_session *s)
{
    return &s->articles[s->cur];
}

/* The key of an article in the state file: its real path when it has one. */
static void state_key(const lede_article *a, char *buf, size_t size)
{
    char real[PATH_MAX];
    if (strcmp(a->path, "-") != 0 && realpath(a->path, real))
        snprintf(buf, size, "%s", real);
    else
        snprintf(buf, size, "%s", a->path);
}

void lede_session_save(lede_session *s)
{
    const lede_article *a = &s->articles[s->cur];
    if (!s->use_state || !a->text.bytes || a->error != LEDE_OK)
        return;
    char key[PATH_MAX];
    state_key(a, key, sizeof key);
    uint64_t hash = lede_state_hash(a->text.bytes, a->text.len);
    size_t top = lede_view_top_offset(s->view);
    lede_status st = lede_state_remember(s->state_file, key, hash, top, s->diag);
    if (st != LEDE_OK && s->diag)
        lede_termsafe_printf(s->diag, "lede: cannot save the reading position in %s: %s\n",
                             s->state_file, lede_status_str(st));
    /* Keep the loaded copy current too, for coming back to this article. */
    if (lede_state_set(&s->state, key, hash, top) != LEDE_OK && s->diag)
        lede_termsafe_printf(s->diag, "lede: out of memory remembering the reading position\n");
}

/* Stores in *offset the reading position the state has for the current article;
 * false when there is none. */
static bool saved_position(const lede_session *s, size_t *offset)
{
    const lede_article *a = &s->articles[s->cur];
    if (!s->use_state || a->error != LEDE_OK)
        return false;
    char key[PATH_MAX];
    state_key(a, key, sizeof key);
    return lede_state_get(&s->state, key, lede_state_hash(a->text.bytes, a->text.len), offset);
}

/* An article that cannot be read becomes one paragraph saying why, so that the
 * session goes on (the print modes skip such a file the same way). */
static lede_status reason_page(lede_article *a)
{
    char page[PATH_MAX + 128];
    int len =
        snprintf(page, sizeof page, "lede cannot show %s: %s.", a->path, lede_status_str(a->error));
    lede_text_free(&a->text);
    return lede_text_from_buffer(page, len > 0 ? (size_t)len : 0, &a->text);
}

/* " 2/3" after the name when there are several articles; why there are no entities. */
static void article_tag(const lede_session *s, size_t i, lede_status why, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    if (s->n > 1) {
        int n = snprintf(buf, size, "%zu/%zu", i + 1, s->n);
        len = n > 0 ? (size_t)n : 0;
    }
    if (why != LEDE_OK && s->articles[i].error == LEDE_OK && len < size)
        snprintf(buf + len, size - len, "%sno entities: %s", len ? " " : "", lede_status_str(why));
}

lede_status lede_session_show(lede_session *s, size_t i)
{
    lede_article *a = &s->articles[i];
    bool early = false, restored = false;
    size_t offset = 0;
    s->cur = i;
    if (s->ann && !a->annotated && lede_article_read(a) == LEDE_OK &&
        a->text.len > EARLY_DRAW_BYTES && s->early_draw &&
        lede_view_set_article(s->view, &a->text, NULL, a->path) == LEDE_OK) {
        lede_view_reserve_index(s->view, true);
        restored = saved_position(s, &offset);
        if (restored)
            lede_view_goto_offset(s->view, offset);
        s->early_draw(s->draw_ctx);
        early = true;
    }
    lede_status why = s->ann ? lede_article_annotate(a, s->ann) : lede_article_read(a);
    if (a->error != LEDE_OK && !a->text.bytes && reason_page(a) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    char tag[128] = "";
    article_tag(s, i, s->ann ? why : LEDE_OK, tag, sizeof tag);
    lede_status st =
        lede_view_set_article(s->view, &a->text, a->annotated ? &a->model : NULL, a->path);
    if (st == LEDE_OK)
        st = lede_view_set_tag(s->view, tag);
    if (st != LEDE_OK)
        return st;
    lede_view_set_corpus(s->view, s->has_corpus ? &s->corpus : NULL, i);
    /* The saved offset itself, not the early screen's top: that is a line start at
     * another width, and going there would move the saved place back each time. */
    if (!early)
        restored = saved_position(s, &offset);
    if (restored)
        lede_view_goto_offset(s->view, offset);
    return LEDE_OK;
}

lede_status lede_session_start(lede_session *s)
{
    size_t first = 0;
    while (first < s->n && lede_article_read(&s->articles[first]) != LEDE_OK)
        first++;
    return lede_session_show(s, first < s->n ? first : 0);
}

lede_status lede_session_act(lede_session *s, lede_action act)
{
    if (act == LEDE_ACT_GOTO) {
        lede_view_target t = *lede_view_get_target(s->view);
        if (t.article >= s->n)
            return LEDE_OK;
        if (t.article != s->cur) {
            lede_session_save(s);
            lede_status st = lede_session_show(s, t.article);
            if (st != LEDE_OK)
                return st;
        }
        lede_view_go_target(s->view, &t);
        return LEDE_OK;
    }
    if (act != LEDE_ACT_NEXT_ARTICLE && act != LEDE_ACT_PREV_ARTICLE)
        return LEDE_OK;
    if (s->n < 2) { /* > with nothing to go to answers, as less's :n does */
        lede_view_say(s->view, "no other article (one file open)");
        return LEDE_OK;
    }
    lede_session_save(s);
    size_t next = act == LEDE_ACT_NEXT_ARTICLE ? (s->cur + 1) % s->n : (s->cur + s->n - 1) % s->n;
    return lede_session_show(s, next);
}

bool lede_session_work(lede_session *s)
{
    if (!s->has_corpus || lede_corpus_done(&s->corpus) || !s->ann)
        return false;
    if (lede_corpus_step(&s->corpus, s->ann) != LEDE_OK) {
        s->has_corpus = false; /* out of memory: the reader goes on without it */
        lede_corpus_free(&s->corpus);
        lede_view_set_corpus(s->view, NULL, s->cur);
        return false;
    }
    lede_view_set_corpus(s->view, &s->corpus, s->cur);
    return !lede_corpus_done(&s->corpus);
}

void lede_session_free(lede_session *s)
{
    if (s->has_corpus)
        lede_corpus_free(&s->corpus);
    lede_state_free(&s->state);
}
