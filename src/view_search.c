/* view_search.c - the search room: PCRE2 (UTF + UCP, JIT when it can), smart case, one
 * linear pass collecting every match of the text, n/N stepping by binary search, and
 * the prompt with its history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/grow.h"
#include "lede/utf8.h"
#include "view_priv.h"

/* More matches than this are not kept (the count says "+"). */
#define MAX_MATCHES (1u << 20)

void view_search_clear(lede_view *v)
{
    pcre2_code_free(v->re);
    v->re = NULL;
    free(v->matches);
    v->matches = NULL;
    v->n_matches = 0;
    v->matches_capped = false;
    v->match_error = 0;
    v->cur_match = VIEW_NO_INDEX;
}

/* Smart case: an upper-case letter outside an escape makes the search case-sensitive. */
static bool has_upper(const char *pat)
{
    PCRE2_SIZE erroff;
    int err;
    pcre2_code *upper = pcre2_compile((PCRE2_SPTR) "\\p{Lu}", PCRE2_ZERO_TERMINATED, PCRE2_UTF,
                                      &err, &erroff, NULL);
    pcre2_match_data *md = upper ? pcre2_match_data_create_from_pattern(upper, NULL) : NULL;
    bool found = false;
    size_t len = strlen(pat);
    for (size_t i = 0; i < len && md && !found;) {
        size_t adv;
        if (pat[i] == '\\') {
            i += 2;
            continue;
        }
        lede_utf8_decode(pat + i, len - i, &adv);
        found = pcre2_match(upper, (PCRE2_SPTR)(pat + i), adv, 0, 0, md, NULL) >= 0;
        i += adv;
    }
    if (!md)
        found = strpbrk(pat, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != NULL;
    pcre2_match_data_free(md);
    pcre2_code_free(upper);
    return found;
}

/* Room for PCRE2's longest error message (about 100 bytes) in the status line. */
#define WHY_SIZE 120

/* PCRE2's message for error code err, written into why (WHY_SIZE units), or "error N"
 * when PCRE2 has none; returns why as a string. */
static const char *pcre_why(int err, PCRE2_UCHAR why[WHY_SIZE])
{
    if (pcre2_get_error_message(err, why, WHY_SIZE) < 0)
        snprintf((char *)why, WHY_SIZE, "error %d", err);
    return (const char *)why;
}

static lede_status compile(lede_view *v, const char *pat)
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP;
#ifdef PCRE2_MATCH_INVALID_UTF
    opts |= PCRE2_MATCH_INVALID_UTF;
#endif
    if (!has_upper(pat))
        opts |= PCRE2_CASELESS;
    int err;
    PCRE2_SIZE erroff;
    v->re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, opts, &err, &erroff, NULL);
    if (!v->re) {
        PCRE2_UCHAR why[WHY_SIZE];
        view_message(v, "bad regex: %s at %zu", pcre_why(err, why), (size_t)erroff);
        return LEDE_ERR_PATTERN;
    }
    /* Without JIT the interpreter still works. */
    (void)pcre2_jit_compile(v->re, PCRE2_JIT_COMPLETE);
    return LEDE_OK;
}

static lede_status push_match(lede_view *v, size_t *cap, size_t s, size_t e)
{
    if (LEDE_GROW(v->matches, *cap, v->n_matches + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    v->matches[v->n_matches++] = (lede_span){s, e};
    return LEDE_OK;
}

/* One linear pass over the text: the match starts, kept for k/n and highlighting. A
 * match error (a pattern that backtracks past PCRE2's limits) ends the pass and is
 * kept in v->match_error; the matches found before it stay. */
static lede_status collect_matches(lede_view *v)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(v->re, NULL);
    if (!md)
        return LEDE_ERR_NOMEM;
    const char *b = v->text->bytes;
    size_t len = v->text->len, off = 0, cap = 0;
    lede_status st = LEDE_OK;
    while (off <= len && st == LEDE_OK) {
        int rc = pcre2_match(v->re, (PCRE2_SPTR)b, len, off, 0, md, NULL);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            v->match_error = rc;
            break;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        if (ov[1] <= ov[0]) {
            /* An empty match: step over one character. */
            size_t adv = 1;
            if (ov[0] < len)
                lede_utf8_decode(b + ov[0], len - ov[0], &adv);
            off = ov[0] + adv;
            continue;
        }
        if (v->n_matches == MAX_MATCHES) {
            v->matches_capped = true;
            break;
        }
        st = push_match(v, &cap, ov[0], ov[1]);
        off = ov[1];
    }
    pcre2_match_data_free(md);
    return st;
}

static void match_message(lede_view *v, bool wrapped)
{
    if (wrapped)
        view_message(v, "search wrapped");
}

static void go_match(lede_view *v, size_t i, bool wrapped)
{
    v->cur_match = i;
    v->current = LEDE_NONE;
    v->cur_quote = VIEW_NO_INDEX;
    view_reveal(v, v->matches[i].start);
    match_message(v, wrapped);
}

/* First match starting at or after offset (n_matches when none). */
static size_t match_lower_bound(const lede_view *v, size_t offset)
{
    size_t lo = 0, hi = v->n_matches;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->matches[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void view_search_step(lede_view *v, int dir)
{
    if (v->n_matches == 0) {
        view_message(v, v->pattern ? "no match for /%s/" : "no search (press /)",
                     v->pattern ? v->pattern : "");
        return;
    }
    bool incl;
    size_t cur = v->cur_match != VIEW_NO_INDEX ? v->matches[v->cur_match].start : SIZE_MAX;
    size_t from = match_lower_bound(v, view_step_origin(v, cur, &incl));
    if (!incl && dir > 0)
        from++; /* past the current match */
    if (dir > 0)
        go_match(v, from < v->n_matches ? from : 0, from >= v->n_matches);
    else
        go_match(v, from > 0 ? from - 1 : v->n_matches - 1, from == 0);
}

lede_status lede_view_search(lede_view *view, const char *pattern)
{
    if (!view->text)
        return LEDE_OK;
    if (!pattern[0]) {
        if (!view->pattern) {
            view_message(view, "no previous search");
            return LEDE_OK;
        }
        pattern = view->pattern;
    }
    char *copy = strdup(pattern);
    if (!copy) {
        view_fail(view, LEDE_ERR_NOMEM);
        return LEDE_ERR_NOMEM;
    }
    view_search_clear(view);
    view->message[0] = '\0'; /* a new search has its own outcome */
    free(view->pattern);
    view->pattern = copy;
    lede_status st = compile(view, copy);
    if (st == LEDE_OK)
        st = collect_matches(view);
    if (st == LEDE_ERR_NOMEM) {
        view_search_clear(view);
        view_fail(view, st);
    }
    if (st != LEDE_OK)
        return st;
    if (view->n_matches == 0) {
        view_message(view, "no match for /%s/", copy);
    } else {
        size_t i = match_lower_bound(view, view->anchor);
        go_match(view, i < view->n_matches ? i : 0, i >= view->n_matches);
    }
    if (view->match_error) {
        PCRE2_UCHAR why[WHY_SIZE];
        view_message(view, "search stopped: %s", pcre_why(view->match_error, why));
    }
    return LEDE_OK;
}

size_t lede_view_match_count(const lede_view *view)
{
    return view->n_matches;
}

/* --- prompt and history ------------------------------------------------------------ */

const char *lede_view_prompt(const lede_view *view)
{
    return view->prompt_open ? view->prompt : NULL;
}

void view_prompt_open(lede_view *v)
{
    v->prompt_open = true;
    v->prompt_len = 0;
    v->prompt[0] = '\0';
    v->history_at = v->n_history;
}

void view_history_free(lede_view *v)
{
    for (size_t i = 0; i < v->n_history; i++)
        free(v->history[i]);
    v->n_history = v->history_at = 0;
}

/* Remembers pattern as the newest search (once: a repeat moves to the end); the
 * oldest is forgotten when VIEW_HISTORY are kept. */
static void history_add(lede_view *v, const char *pattern)
{
    if (!pattern[0])
        return;
    char *copy = strdup(pattern);
    if (!copy)
        return; /* the search still runs; only its recall is lost */
    for (size_t i = 0; i < v->n_history; i++)
        if (strcmp(v->history[i], pattern) == 0) {
            free(v->history[i]);
            memmove(v->history + i, v->history + i + 1,
                    (v->n_history - i - 1) * sizeof *v->history);
            v->n_history--;
            break;
        }
    if (v->n_history == VIEW_HISTORY) {
        free(v->history[0]);
        memmove(v->history, v->history + 1, (VIEW_HISTORY - 1) * sizeof *v->history);
        v->n_history--;
    }
    v->history[v->n_history++] = copy;
}

/* Up and Down in the prompt: older and newer searches; past the newest, an empty line. */
static void history_step(lede_view *v, int dir)
{
    if (dir < 0 && v->history_at > 0)
        v->history_at--;
    else if (dir > 0 && v->history_at < v->n_history)
        v->history_at++;
    else
        return;
    const char *s = v->history_at < v->n_history ? v->history[v->history_at] : "";
    snprintf(v->prompt, sizeof v->prompt, "%s", s);
    v->prompt_len = strlen(v->prompt);
}

void view_prompt_key(lede_view *v, int key)
{
    if (key == LEDE_KEY_ESC) {
        v->prompt_open = false;
    } else if (key == LEDE_KEY_ENTER || key == '\r') {
        v->prompt_open = false;
        history_add(v, v->prompt);
        lede_view_search(v, v->prompt);
    } else if (key == LEDE_KEY_UP || key == LEDE_KEY_DOWN) {
        history_step(v, key == LEDE_KEY_UP ? -1 : 1);
    } else if (key == LEDE_KEY_BACKSPACE || key == 8 || key == 127) {
        if (v->prompt_len == 0) {
            v->prompt_open = false;
            return;
        }
        /* Drop the last grapheme cluster whole: an accent typed as a combining mark, an
         * emoji ZWJ sequence or a flag goes with one key, as it shows as one character. */
        v->prompt_len = lede_utf8_cluster_start(v->prompt, v->prompt_len, v->prompt_len - 1);
        v->prompt[v->prompt_len] = '\0';
    } else if (key >= 0x20 && key < LEDE_KEY_SPECIAL && key != 0x7f) {
        char enc[4];
        size_t n = lede_utf8_encode((uint32_t)key, enc);
        if (v->prompt_len + n < sizeof v->prompt) {
            memcpy(v->prompt + v->prompt_len, enc, n);
            v->prompt_len += n;
            v->prompt[v->prompt_len] = '\0';
        }
    }
}
