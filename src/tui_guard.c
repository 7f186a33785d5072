/* tui_guard.c - Ctrl-C, signals and q end lede even while an article is annotated.
 *
 * While the guard is on, the terminal raises SIGIO on input (O_ASYNC); the handler
 * reads the keys with poll and read, exits on q (not on a q typed after /, :, m or ',
 * which is text), and keeps the others. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <curses.h>
#include <term.h>
#include "lede/keys.h"
#include "tui_guard.h"

static volatile sig_atomic_t guarding;
static int tty = -1; /* the terminal whose modes saved_modes holds */
static struct termios saved_modes;
static char reset_seq[256]; /* undoes curses: attributes, cursor, keypad, screen, mouse */
static size_t reset_len;
static char stash[64]; /* keys typed while guarding, handed to curses afterwards */
static volatile sig_atomic_t n_stash;
static volatile sig_atomic_t in_text; /* a stashed key reads text: q is no longer quit */
static int async_flags = -1; /* the terminal's file flags before O_ASYNC was added */
static struct sigaction old_io;

/* Restores the terminal and exits with status. Async-signal-safe: write, tcsetattr and
 * _exit only. */
static void emergency_exit(int status)
{
    if (reset_len > 0 && write(STDOUT_FILENO, reset_seq, reset_len) < 0)
        reset_len = 0;
    if (tty >= 0)
        tcsetattr(tty, TCSAFLUSH, &saved_modes);
    _exit(status);
}

void tui_guard_signal(int sig)
{
    if (guarding)
        emergency_exit(128 + sig);
}

/* True when key starts a command that reads what follows (a search, :n, a mark): a q
 * typed after it is text ("/quote", "mq"), not quit. lede_keys_command only reads the
 * key table, so it is safe in a handler. */
static bool takes_text(int key)
{
    lede_cmd cmd = lede_keys_command(key);
    return cmd == LEDE_CMD_SEARCH || cmd == LEDE_CMD_COLON || cmd == LEDE_CMD_SET_MARK ||
           cmd == LEDE_CMD_GOTO_MARK;
}

/* SIGIO: reads the keys typed meanwhile; q quits at once (unless typed as the text of
 * a search or mark), the others are kept. */
static void on_input(int sig)
{
    (void)sig;
    int saved_errno = errno;
    struct pollfd p = {tty, POLLIN, 0};
    char c;
    while (guarding && tty >= 0 && poll(&p, 1, 0) > 0 && (p.revents & POLLIN) &&
           read(tty, &c, 1) == 1) {
        if (!in_text && lede_keys_command((unsigned char)c) == LEDE_CMD_QUIT)
            emergency_exit(0);
        if (takes_text((unsigned char)c))
            in_text = 1;
        if (n_stash < (sig_atomic_t)sizeof stash)
            stash[n_stash++] = c;
    }
    errno = saved_errno;
}

static void add_bytes(const char *s, size_t n)
{
    if (n < sizeof reset_seq - reset_len) {
        memcpy(reset_seq + reset_len, s, n);
        reset_len += n;
    }
}

/* Appends the terminal's string for capability cap, when it has one. */
static void add_cap(const char *cap)
{
    const char *s = tigetstr(cap);
    if (s && s != (char *)-1)
        add_bytes(s, strlen(s));
}

void tui_guard_prepare(int fd, const struct termios *modes, bool mouse)
{
    static const char mouse_off[] = "\033[?1000l\033[?1002l\033[?1006l";
    reset_len = 0;
    add_cap("sgr0");
    add_cap("cnorm");
    add_cap("rmkx");
    add_cap("rmcup");
    if (mouse)
        add_bytes(mouse_off, sizeof mouse_off - 1);
    saved_modes = *modes;
    tty = fd;
}

void tui_guard_forget(void)
{
    tty = -1;
}

void tui_guard_begin(int pending)
{
    guarding = 1;
    if (pending)
        emergency_exit(128 + pending);
    if (tty < 0)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_input;
    sigemptyset(&sa.sa_mask);
    int flags = fcntl(tty, F_GETFL);
    if (flags < 0 || sigaction(SIGIO, &sa, &old_io) != 0)
        return;
    if (fcntl(tty, F_SETOWN, getpid()) != 0 || fcntl(tty, F_SETFL, flags | O_ASYNC) != 0) {
        sigaction(SIGIO, &old_io, NULL);
        return;
    }
    async_flags = flags;
    on_input(SIGIO); /* keys typed before */
}

void tui_guard_end(void)
{
    guarding = 0;
    if (async_flags >= 0) {
        fcntl(tty, F_SETFL, async_flags);
        sigaction(SIGIO, &old_io, NULL);
    }
    async_flags = -1;
    for (sig_atomic_t i = n_stash; i-- > 0;)
        ungetch((unsigned char)stash[i]);
    n_stash = 0;
    in_text = 0;
}
