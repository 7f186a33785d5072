/* session.h - the articles of one reading session and the view that shows them: which
 * article is shown, annotating it when first shown, remembered reading positions, and
 * articles that cannot be read (shown as a page that says why). No curses: the tui
 * feeds it the view's actions, and tests drive it directly. */
#ifndef LEDE_SESSION_H
#define LEDE_SESSION_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include "lede/annotate.h"
#include "lede/article.h"
#include "lede/corpus.h"
#include "lede/state.h"
#include "lede/view.h"

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

typedef struct {
    lede_article *articles; /* borrowed; n >= 1 */
    size_t n, cur;
    lede_annotator *ann; /* NULL: no annotation */
    lede_view *view;     /* borrowed */
    bool use_state;
    char state_file[PATH_MAX];
    lede_state state;
    lede_corpus corpus; /* with several articles: built by lede_session_work() */
    bool has_corpus;
    FILE *diag; /* warnings (state file trouble) */
    /* Called to draw the view before a long text is annotated, so that its first
     * screen comes at once; may be NULL. */
    void (*early_draw)(void *ctx);
    void *draw_ctx;
} lede_session;

/* Sets up s for articles[0..n) shown in view. With use_state the reading positions
 * are loaded from the default state file (trouble is written to diag, never fatal). */
void lede_session_init(lede_session *s, lede_article *articles, size_t n, lede_annotator *ann,
                       lede_view *view, bool use_state, FILE *diag);

/* Shows the first article that can be read (the first one when none can). */
lede_status lede_session_start(lede_session *s);

/* Shows article i: reads and annotates it unless it is already, restores its reading
 * position. An article that cannot be read is shown as one paragraph that says why.
 * Returns NOMEM only. */
lede_status lede_session_show(lede_session *s, size_t i);

/* Handles what the view asked for (next/previous article, another article's quote or
 * mention); saves the position of the article left. Returns NOMEM only. */
lede_status lede_session_act(lede_session *s, lede_action act);

/* Adds one more article to the index of all articles (annotating it): the reader calls
 * it between keypresses. Returns true while articles remain; NOMEM stops the work. */
bool lede_session_work(lede_session *s);

/* Remembers the current article's reading position (in the state file and in s). */
void lede_session_save(lede_session *s);

/* Returns the article shown. */
const lede_article *lede_session_article(const lede_session *s);

/* Frees what s owns (not the articles or the view). */
void lede_session_free(lede_session *s);

#endif
