# signals.sh - SIGTERM, SIGQUIT (Ctrl-\) and Ctrl-C end lede cleanly: it exits by
# itself and the terminal is restored.
. "$(dirname "$0")/lib.sh"

start 80 24
wait_for "(sample)"
kill -TERM "$(lede_pid)"
wait_exit 5
case $E2E_RC in 0 | 130 | 143) ;; *) fail "exit status $E2E_RC after SIGTERM" ;; esac
terminal_restored || fail "terminal modes not restored after SIGTERM"
wait_for "[lede exited]"
tm kill-server

# SIGQUIT (what Ctrl-\ sends) is caught too: no core, the terminal is restored.
start 80 24
wait_for "(sample)"
kill -QUIT "$(lede_pid)"
wait_exit 5
case $E2E_RC in 0 | 131) ;; *) fail "exit status $E2E_RC after SIGQUIT" ;; esac
terminal_restored || fail "terminal modes not restored after SIGQUIT"
wait_for "[lede exited]"
tm kill-server

start 80 24
wait_for "(sample)"
keys C-c
wait_exit 5
case $E2E_RC in 0 | 130) ;; *) fail "exit status $E2E_RC after Ctrl-C" ;; esac
terminal_restored || fail "terminal modes not restored after Ctrl-C"
echo "ok"
