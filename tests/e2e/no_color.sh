# no_color.sh - with NO_COLOR set the reader uses attributes only: no colour escapes on
# the screen, but the text is still there and quotes still toggle.
. "$(dirname "$0")/lib.sh"

export NO_COLOR=1
start 100 30
wait_for "(sample)"
if screen_e | grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;[0-9]+|48;5;[0-9]+)m'; then
    fail "colour escape sequences on the screen with NO_COLOR"
fi
screen_e | grep -qE $'\e\\[[0-9;]*[1-7][0-9;]*m' || fail "no attributes at all with NO_COLOR"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"
echo "ok"
