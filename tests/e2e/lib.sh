# lib.sh - helpers for the end-to-end tests: lede runs in a private tmux server.
#
# Source it from a test script, then:
#   start W H [ARGS...]      run "$LEDE ARGS" in a W x H terminal (env E2E_STDIN=file pipes it in)
#   wait_for TEXT [SECS]     wait until the screen shows TEXT (fixed string), else fail
#   wait_gone TEXT [SECS]    wait until the screen no longer shows TEXT
#   wait_exit [SECS]         wait until lede has exited; its status is then in $E2E_RC
#   keys KEY...              tmux send-keys (key names such as Enter, Tab, C-c, or text)
#   screen / screen_e        the screen as text / with escape sequences (capture-pane -e)
#   resize W H               resize the terminal
#   fail MESSAGE             print the message and the screen, exit 1
# The tmux server is killed and the scratch directory removed on exit.

set -u

if [ -z "${LEDE:-}" ]; then
    echo "LEDE must name the lede binary" >&2
    exit 2
fi
case $LEDE in
/*) ;;
*/*) LEDE=$PWD/$LEDE ;; # the wrapper runs in a scratch directory
esac
LEDE_SRC=${LEDE_SRC:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}

if ! command -v tmux >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get install -y tmux >/dev/null 2>&1 ||
            { apt-get update >/dev/null 2>&1 && apt-get install -y tmux >/dev/null 2>&1; }
    fi
    if ! command -v tmux >/dev/null 2>&1; then
        echo "skipped: tmux not installed"
        exit 77
    fi
fi

E2E_SOCK=lede-test-$$
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/lede-e2e.XXXXXX")
E2E_RC=
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export XDG_STATE_HOME=$E2E_TMP/state XDG_CONFIG_HOME=$E2E_TMP/config
unset NO_COLOR

e2e_cleanup() {
    tmux -L "$E2E_SOCK" kill-server >/dev/null 2>&1
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$E2E_SOCK"
    rm -rf "$E2E_TMP"
}
trap e2e_cleanup EXIT
trap 'exit 1' INT TERM HUP # so that a timeout still cleans up

tm() {
    tmux -L "$E2E_SOCK" "$@"
}

screen() {
    tm capture-pane -p -t lede
}

screen_e() {
    tm capture-pane -p -e -t lede
}

fail() {
    echo "FAIL: $*" >&2
    echo "--- screen ---" >&2
    screen >&2 2>/dev/null
    echo "--- lede's stderr ---" >&2
    cat "$E2E_TMP/stderr.txt" >&2 2>/dev/null
    echo "--------------" >&2
    exit 1
}

# The pane runs a wrapper that records lede's pid and exit status and the terminal
# modes after it, then stays open so the screen can still be read.
start() {
    local w=$1 h=$2
    shift 2
    local run=$E2E_TMP/run.sh
    {
        echo '#!/bin/sh'
        printf 'cd %q || exit 1\n' "$E2E_TMP"
        # Ctrl-C reaches the whole foreground group: the wrapper must outlive it (a
        # handler, unlike an ignored signal, is not inherited by lede).
        echo 'trap : INT'
        if [ -n "${E2E_STDIN:-}" ]; then
            printf 'cat %q | sh -c '\''echo $$ > pid; exec "$@"'\'' sh' "$E2E_STDIN"
        else
            printf 'sh -c '\''echo $$ > pid; exec "$@"'\'' sh'
        fi
        printf ' %q' "$LEDE" "$@"
        printf ' 2> stderr.txt\n'
        echo 'echo $? > rc.tmp; stty -a > stty.txt 2>&1; mv rc.tmp rc'
        echo 'echo "[lede exited]"'
        echo 'exec sleep 600'
    } >"$run"
    chmod +x "$run"
    rm -f "$E2E_TMP/rc" "$E2E_TMP/pid"
    # Our own two-line configuration instead of the user's (like -f /dev/null).
    local term=screen
    if infocmp tmux-256color >/dev/null 2>&1; then
        term=tmux-256color
    fi
    printf 'set -g status off\nset -g default-terminal %s\n' "$term" >"$E2E_TMP/tmux.conf"
    tm -f "$E2E_TMP/tmux.conf" new-session -d -s lede -x "$w" -y "$h" \
        -e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e "XDG_STATE_HOME=$XDG_STATE_HOME" \
        -e "XDG_CONFIG_HOME=$XDG_CONFIG_HOME" "$run" ||
        fail "tmux did not start"
}

# Polls every 0.1 s; never a blind sleep.
wait_until() {
    local secs=$1
    shift
    local tries=$((secs * 10))
    while [ "$tries" -gt 0 ]; do
        if "$@"; then
            return 0
        fi
        sleep 0.1
        tries=$((tries - 1))
    done
    return 1
}

screen_has() {
    screen | grep -qF -- "$1"
}

screen_lacks() {
    ! screen_has "$1"
}

wait_for() {
    wait_until "${2:-10}" screen_has "$1" || fail "screen never showed '$1'"
}

wait_gone() {
    wait_until "${2:-10}" screen_lacks "$1" || fail "screen kept showing '$1'"
}

exited() {
    [ -f "$E2E_TMP/rc" ]
}

wait_exit() {
    wait_until "${1:-10}" exited || fail "lede did not exit"
    E2E_RC=$(cat "$E2E_TMP/rc")
}

lede_pid() {
    wait_until 5 test -s "$E2E_TMP/pid" || fail "no pid file"
    cat "$E2E_TMP/pid"
}

keys() {
    tm send-keys -t lede "$@"
}

resize() {
    tm resize-window -t lede -x "$1" -y "$2" || fail "resize to $1x$2 failed"
}

# True when the terminal was left in its normal modes (echo and canonical input on).
terminal_restored() {
    [ -f "$E2E_TMP/stty.txt" ] &&
        ! grep -qE '(^|[ ;])-(echo|icanon)([ ;]|$)' "$E2E_TMP/stty.txt"
}

# Run directly (CTest does), the library checks its own helpers on "lede --version".
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    start 80 24 --version
    wait_exit
    [ "$E2E_RC" = 0 ] || fail "lede --version exited with $E2E_RC"
    wait_for "lede "
    wait_for "[lede exited]"
    echo "ok: tmux helpers work"
fi
