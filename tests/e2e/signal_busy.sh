#!/usr/bin/env bash
# signal_busy.sh - Ctrl-C, SIGTERM and q end lede at once even while it annotates a long
# text (which never looks at the keys): the terminal is restored and lede exits with
# 128 + the signal (0 for q), long before the annotation would have ended. Other keys
# typed meanwhile are kept and handled once the annotation is done; a q typed as the
# text of a search then is text.
. "$(dirname "$0")/lib.sh"

# About 40 MB of news: a few seconds of annotation, drawn before it is annotated.
awk 'BEGIN {
    print "Harbour news"
    for (i = 0; i < 270000; i++)
        printf "\nParagraph %d. Alice Moreau told Bob Tran in Lisbon that the harbour works of the Harbour Authority would need another winter, the paper said.\n", i
}' >"$E2E_TMP/big.txt"

for how in C-c TERM q; do
    start 100 30 --no-state big.txt
    wait_for "Harbour news" 20 # the early screen: annotation starts now
    case $how in
    C-c) keys C-c ;;
    TERM) kill -TERM "$(lede_pid)" ;;
    q) keys j q ;;
    esac
    wait_until 2 exited || fail "$how: lede did not end within 2 s while annotating"
    E2E_RC=$(cat "$E2E_TMP/rc")
    screen_lacks "People" || echo "note: annotation had ended before $how arrived"
    case $how:$E2E_RC in C-c:130 | C-c:0 | TERM:143 | TERM:0 | q:0) ;; *) fail "$how: exit status $E2E_RC" ;; esac
    terminal_restored || fail "$how: terminal modes not restored"
    wait_for "[lede exited]"
    tm kill-server
    wait_until 5 sh -c "! tmux -L $E2E_SOCK has-session 2>/dev/null" || fail "tmux stays"
done
# Keys other than q typed during the annotation are handled after it.
start 100 30 --no-state big.txt
wait_for "Harbour news" 20
keys j j j
wait_for "People" 60
wait_until 5 sh -c "! tmux -L $E2E_SOCK capture-pane -p -t lede | head -1 | grep -q 'Harbour news'" ||
    fail "the keys typed during the annotation were lost"
keys q
wait_exit 5
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC after q"
# A q typed as the text of a search during the annotation is text, not quit.
tm kill-server
wait_until 5 sh -c "! tmux -L $E2E_SOCK has-session 2>/dev/null" || fail "tmux stays"
start 100 30 --no-state big.txt
wait_for "Harbour news" 20
keys / quiet
wait_for "People" 60
wait_for "/quiet" 5
! exited || fail "a q in a search typed during the annotation quit lede"
keys Escape q
wait_exit 5
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC after q"
echo "ok: signals and q end lede during annotation; other keys wait for it"
