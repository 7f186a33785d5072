#!/usr/bin/env bash
# concurrent_quit.sh - four lede in four tmux windows, each scrolled into its own article,
# all ended by one SIGHUP sent to the four at once (what closing a terminal or a tmux
# session does): the positions file keeps all four entries, and no temporary file
# is left beside it. Before the save took a lock, one entry in four survived.
. "$(dirname "$0")/lib.sh"

N=4
for i in $(seq 1 $N); do
    awk -v n="$i" 'BEGIN {
        printf "Article %d\n", n
        for (p = 0; p < 60; p++)
            printf "\nParagraph %d of article %d. Alice Moreau told Bob Tran in Lisbon that the harbour works would take another winter.\n", p, n
    }' >"$E2E_TMP/a$i.txt"
    {
        echo '#!/bin/sh'
        printf 'cd %q || exit 1\n' "$E2E_TMP"
        printf 'echo $$ > pid%d; exec %q a%d.txt 2> stderr%d.txt\n' "$i" "$LEDE" "$i" "$i"
    } >"$E2E_TMP/run$i.sh"
    chmod +x "$E2E_TMP/run$i.sh"
done
printf 'set -g status off\nset -g default-terminal screen\n' >"$E2E_TMP/tmux.conf"
env=(-e LANG=C.UTF-8 -e LC_ALL=C.UTF-8 -e "XDG_STATE_HOME=$XDG_STATE_HOME")
tm -f "$E2E_TMP/tmux.conf" new-session -d -s lede -x 90 -y 20 "${env[@]}" "$E2E_TMP/run1.sh" ||
    fail "tmux did not start"
for i in $(seq 2 $N); do
    tm new-window -d -t "lede:$i" "${env[@]}" "$E2E_TMP/run$i.sh" || fail "window $i did not start"
done

pane_has() { tm capture-pane -p -t "lede:$1" | grep -qF -- "$2"; }
scrolled() { ! tm capture-pane -p -t "lede:$1" | head -1 | grep -q '^Article'; }
for w in $(tm list-windows -t lede -F '#{window_index}'); do
    wait_until 10 pane_has "$w" "People" || fail "window $w never showed the index"
    tm send-keys -t "lede:$w" Space j j
    wait_until 10 scrolled "$w" || fail "window $w did not scroll"
done
pids=$(cat "$E2E_TMP"/pid[1-$N])
# A full positions file makes each save take longer, and a lost update likelier.
mkdir -p "$XDG_STATE_HOME/lede"
awk 'BEGIN { print "lede-state 1"; for (i = 0; i < 480; i++) printf "%016x %d /old/article-%d.txt\n", i, i, i }' \
    >"$XDG_STATE_HOME/lede/positions"
kill -HUP $pids # one signal to all four at once
alive() { for p in $pids; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
wait_until 10 sh -c "! { $(declare -f alive); pids='$pids'; alive; }" || fail "a lede did not end"

state=$XDG_STATE_HOME/lede/positions
[ -f "$state" ] || fail "no positions file"
for i in $(seq 1 $N); do
    grep -q " [1-9][0-9]* $E2E_TMP/a$i.txt\$" "$state" || {
        cat "$state" >&2
        fail "the position of a$i.txt was lost"
    }
done
left=$(find "$XDG_STATE_HOME/lede" -name 'positions.*' | wc -l)
[ "$left" -eq 0 ] || fail "$left temporary files left"
cat "$E2E_TMP"/stderr[1-$N].txt >&2
echo "ok: all $N positions kept"
