/* tui.c - the interactive reader: terminal set-up, the key loop, articles and the
 * remembered reading position. Drawing is in tui_draw.c; all reading logic is in the
 * view, so this file only translates between curses and the view. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lede/session.h"
#include "lede/tui.h"
#include "lede/view.h"
#include "tui_guard.h"
#include "tui_screen.h"

#define TICK_MS 200     /* how often a signal is noticed while waiting for a key */
#define ESC_DELAY_MS 25 /* Esc alone vs. the start of an escape sequence */
#define WHEEL_LINES 3
#define LOST_INPUT 100 /* this many instant read failures in a row: the terminal is gone */
#define WORK_SLICE_MS                                                                              \
    40 /* annotating other articles between keys: at most this long before                         \
          looking for a key again (a key waits no longer than a frame or two) */

static volatile sig_atomic_t stop_signal;

/* Only sets a flag: the key loop notices it within TICK_MS and ends curses (while an
 * article is annotated, the guard ends lede at once). */
static void on_stop(int sig)
{
    stop_signal = sig;
    tui_guard_signal(sig);
}

typedef struct {
    tui_screen ts;
    SCREEN *screen;
    FILE *tty; /* /dev/tty when stdin is not the terminal */
    lede_session session;
    lede_article *articles;
    size_t n;
    lede_annotator *ann;
    bool use_state;
    bool mouse;
    FILE *diag; /* warnings while curses runs, printed after it ends */
    char *diag_text;
    size_t diag_len;
    struct sigaction old_int, old_term, old_hup, old_quit;
} tui;

/* --- set-up and tear-down ------------------------------------------------------------ */

static void catch_signals(tui *t)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns at once */
    stop_signal = 0;
    sigaction(SIGINT, &sa, &t->old_int);
    sigaction(SIGTERM, &sa, &t->old_term);
    sigaction(SIGHUP, &sa, &t->old_hup);
    sigaction(SIGQUIT, &sa, &t->old_quit); /* Ctrl-\ must not leave the terminal raw */
}

static void restore_signals(tui *t)
{
    sigaction(SIGINT, &t->old_int, NULL);
    sigaction(SIGTERM, &t->old_term, NULL);
    sigaction(SIGHUP, &t->old_hup, NULL);
    sigaction(SIGQUIT, &t->old_quit, NULL);
}

/* The caller's theme (main loads it once, NO_COLOR included); the built-in colours
 * when there is none. */
static void use_theme(tui *t, const lede_tui_options *opt)
{
    if (opt->theme)
        t->ts.theme = *opt->theme;
    else
        lede_theme_defaults(&t->ts.theme);
}

/* Starts curses on the terminal: stdin/stdout, or /dev/tty for the keys when the
 * article came through a pipe (like less). main starts the reader only when stdout is
 * the terminal. */
static lede_status open_terminal(tui *t, char *msg, size_t msg_size)
{
    FILE *in = stdin;
    if (!isatty(STDIN_FILENO)) {
        t->tty = fopen("/dev/tty", "r+");
        if (!t->tty) {
            snprintf(msg, msg_size, "cannot open /dev/tty: %s", strerror(errno));
            return LEDE_ERR_IO;
        }
        in = t->tty;
    }
    struct termios modes;
    bool have_modes = tcgetattr(fileno(in), &modes) == 0;
    t->screen = newterm(NULL, stdout, in);
    if (!t->screen) {
        const char *term = getenv("TERM");
        snprintf(msg, msg_size, "cannot use the terminal (TERM=%s)", term ? term : "");
        return LEDE_ERR_IO;
    }
    set_term(t->screen);
    if (have_modes)
        tui_guard_prepare(fileno(in), &modes, t->mouse);
    set_escdelay(ESC_DELAY_MS);
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    timeout(TICK_MS);
    return LEDE_OK;
}

/* Colours when the terminal has them and the theme uses them; otherwise the mono
 * theme, so that people, places and organisations still differ. */
static void setup_colors(tui *t)
{
    tui_screen *ts = &t->ts;
    ts->n_pairs = 1;
    ts->no_italic = !(term_attrs() & A_ITALIC);
    if (lede_theme_is_mono(&ts->theme))
        return;
    if (!has_colors()) {
        if (lede_theme_load(&ts->theme, "mono", t->diag) != LEDE_OK)
            lede_theme_strip_colors(&ts->theme);
        return;
    }
    start_color();
    ts->default_colors = use_default_colors() == OK;
    ts->color = true;
}

static void setup_mouse(bool on)
{
    if (!on)
        return;
    mmask_t mask = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    mask |= BUTTON5_PRESSED;
#endif
    mousemask(mask, NULL);
    mouseinterval(0);
}

static void close_terminal(tui *t)
{
    if (t->screen) {
        endwin();
        delscreen(t->screen);
        t->screen = NULL;
    }
    if (t->tty) {
        fclose(t->tty);
        t->tty = NULL;
    }
}

/* The session draws a long text once before annotating it. */
static void early_draw(void *ctx)
{
    tui *t = ctx;
    t->ts.text = &lede_session_article(&t->session)->text;
    tui_draw(&t->ts);
}

/* Hands an action to the session and points the drawing at the article it shows. */
static lede_status session_act(tui *t, lede_action act)
{
    tui_guard_begin(stop_signal); /* the article shown next may be annotated now */
    lede_status st = lede_session_act(&t->session, act);
    tui_guard_end();
    t->ts.text = &lede_session_article(&t->session)->text;
    return st;
}

/* --- input ----------------------------------------------------------------------- */

/* Turns a curses function key into a lede key (0 when lede has no use for it). */
static int special_key(wint_t k)
{
    switch (k) {
    case KEY_UP:
        return LEDE_KEY_UP;
    case KEY_DOWN:
        return LEDE_KEY_DOWN;
    case KEY_LEFT:
        return LEDE_KEY_LEFT;
    case KEY_RIGHT:
        return LEDE_KEY_RIGHT;
    case KEY_PPAGE:
        return LEDE_KEY_PGUP;
    case KEY_NPAGE:
        return LEDE_KEY_PGDN;
    case KEY_HOME:
        return LEDE_KEY_HOME;
    case KEY_END:
        return LEDE_KEY_END;
    case KEY_BACKSPACE:
        return LEDE_KEY_BACKSPACE;
    case KEY_DC:
        return LEDE_KEY_DELETE;
    case KEY_ENTER:
        return LEDE_KEY_ENTER;
    case KEY_RESIZE:
        return LEDE_KEY_RESIZE;
    case KEY_MOUSE:
        return LEDE_KEY_MOUSE;
    default:
        return 0;
    }
}

static lede_status handle_mouse(tui *t)
{
    MEVENT ev;
    lede_status st = LEDE_OK;
    if (getmouse(&ev) != OK)
        return st;
    lede_cmd wheel = LEDE_CMD_NONE;
    if (ev.bstate & BUTTON4_PRESSED)
        wheel = LEDE_CMD_LINE_UP;
#ifdef BUTTON5_PRESSED
    else if (ev.bstate & BUTTON5_PRESSED)
        wheel = LEDE_CMD_LINE_DOWN;
#endif
    else if (ev.bstate & BUTTON1_PRESSED) {
        lede_action act = lede_view_click(t->ts.view, ev.y, ev.x);
        if (act != LEDE_ACT_NONE)
            st = session_act(t, act);
    }
    for (int i = 0; wheel != LEDE_CMD_NONE && i < WHEEL_LINES; i++)
        lede_view_apply(t->ts.view, wheel);
    return st;
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* v: the article in $VISUAL or $EDITOR (vi) at the line at the top, curses suspended
 * meanwhile. lede itself never writes to the file. */
static void edit(tui *t)
{
    const lede_article *a = lede_session_article(&t->session);
    if (a->error != LEDE_OK || strcmp(a->path, "-") == 0 || strcmp(a->path, "(sample)") == 0) {
        lede_view_say(t->ts.view, "no file to edit");
        return;
    }
    const char *editor = getenv("VISUAL");
    if (!editor || !*editor)
        editor = getenv("EDITOR");
    if (!editor || !*editor)
        editor = "vi";
    char cmd[1024], line[32];
    snprintf(cmd, sizeof cmd, "%s \"+$1\" \"$2\"", editor);
    snprintf(line, sizeof line, "%zu", lede_view_top_line(t->ts.view));
    def_prog_mode();
    endwin();
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (t->tty)
            dup2(fileno(t->tty), STDIN_FILENO); /* the article came through a pipe */
        execl("/bin/sh", "sh", "-c", cmd, "sh", line, a->path, (char *)NULL);
        _exit(127);
    }
    int status = 0;
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    reset_prog_mode();
    refresh();
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127)
        lede_view_say(t->ts.view, "could not run the editor");
}

/* Reads keys and hands them to the view until the user quits or a signal comes. While
 * articles remain to be added to the index of all articles, it adds them between keys,
 * WORK_SLICE_MS at a time, and never waits for a key meanwhile. */
static lede_status key_loop(tui *t)
{
    bool dirty = true, work = true;
    int instant_errors = 0;
    while (!stop_signal) {
        if (dirty)
            tui_draw(&t->ts);
        dirty = false;
        wint_t wc;
        long before = now_ms();
        timeout(work ? 0 : TICK_MS);
        int r = get_wch(&wc);
        if (r == ERR && work) {
            tui_guard_begin(stop_signal);
            while (work && now_ms() - before < WORK_SLICE_MS)
                work = lede_session_work(&t->session);
            tui_guard_end();
            dirty = true;
            continue;
        }
        if (r == ERR) {
            /* A closed terminal makes every read fail at once instead of timing out. */
            instant_errors = now_ms() - before < TICK_MS / 4 ? instant_errors + 1 : 0;
            if (instant_errors >= LOST_INPUT)
                break;
            continue;
        }
        instant_errors = 0;
        dirty = true;
        int key = r == KEY_CODE_YES ? special_key(wc) : (wc == '\r' ? LEDE_KEY_ENTER : (int)wc);
        if (key == 0)
            continue;
        if (key == LEDE_KEY_RESIZE) {
            lede_view_resize(t->ts.view, COLS, LINES);
            continue;
        }
        if (key == LEDE_KEY_MOUSE) {
            if (handle_mouse(t) != LEDE_OK)
                return LEDE_ERR_NOMEM;
            continue;
        }
        lede_status st = LEDE_OK;
        lede_action act = lede_view_key(t->ts.view, key);
        switch (act) {
        case LEDE_ACT_QUIT:
            return LEDE_OK;
        case LEDE_ACT_NONE:
            break;
        case LEDE_ACT_EDIT:
            edit(t);
            break;
        case LEDE_ACT_REDRAW:
            clearok(curscr, TRUE); /* the next refresh repaints every cell */
            break;
        default:
            st = session_act(t, act);
            break;
        }
        if (st != LEDE_OK)
            return st;
    }
    return LEDE_OK;
}

/* --- entry point ------------------------------------------------------------------ */

static lede_status run(tui *t, const lede_tui_options *opt, char *msg, size_t msg_size)
{
    use_theme(t, opt);
    lede_status st = open_terminal(t, msg, msg_size);
    if (st != LEDE_OK)
        return st;
    setup_colors(t);
    setup_mouse(opt->mouse);
    st = lede_view_new(COLS, LINES, &t->ts.view);
    if (st == LEDE_OK)
        lede_view_set_measure(t->ts.view, opt->width, t->ts.theme.measure_left);
    if (st == LEDE_OK) {
        lede_session_init(&t->session, t->articles, t->n, t->ann, t->ts.view, t->use_state,
                          t->diag);
        t->session.early_draw = early_draw;
        t->session.draw_ctx = t;
        tui_guard_begin(stop_signal);
        st = lede_session_start(&t->session);
        tui_guard_end();
        t->ts.text = &lede_session_article(&t->session)->text;
    }
    if (st == LEDE_OK)
        st = key_loop(t);
    if (st != LEDE_OK)
        snprintf(msg, msg_size, "%s", lede_status_str(st));
    return st;
}

lede_status lede_tui_run(lede_article *articles, size_t n, lede_annotator *ann,
                         const lede_tui_options *opt, char *msg, size_t msg_size)
{
    if (msg_size > 0)
        msg[0] = '\0';
    if (n == 0) {
        snprintf(msg, msg_size, "no article to show");
        return LEDE_ERR_NOTFOUND;
    }
    tui t;
    memset(&t, 0, sizeof t);
    t.articles = articles;
    t.n = n;
    t.ann = ann;
    t.use_state = opt->use_state;
    t.mouse = opt->mouse;
    t.diag = open_memstream(&t.diag_text, &t.diag_len);
    if (!t.diag) {
        snprintf(msg, msg_size, "%s", lede_status_str(LEDE_ERR_NOMEM));
        return LEDE_ERR_NOMEM;
    }
    setlocale(LC_ALL, "");
    catch_signals(&t);
    lede_status st = run(&t, opt, msg, msg_size);
    close_terminal(&t);
    tui_guard_forget();
    /* Saved with the terminal already restored, so that no failure can leave it raw;
     * signals still only set the flag, so none ends lede mid-save. */
    if (st == LEDE_OK && t.session.view)
        lede_session_save(&t.session);
    restore_signals(&t);
    lede_view_free(t.ts.view);
    lede_session_free(&t.session);
    if (fclose(t.diag) == 0 && t.diag_len > 0)
        fputs(t.diag_text, stderr);
    free(t.diag_text);
    return st;
}
