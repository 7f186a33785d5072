# inputs.sh - articles as they arrive, in the reader: a saved web page, a page piped in
# (curl -s URL | lede), Windows-1252 and UTF-16 files, and lede as newsboat's pager
# (pager "lede %f") in a real newsboat.
. "$(dirname "$0")/lib.sh"
fix=$LEDE_SRC/tests/fixtures

# A saved page: the article, its headline and byline; none of the page's clutter.
start 100 40 --no-state "$fix/page.html"
wait_for "Harbour vote splits Kestrel Bay"
wait_for "Marta Okonkwo"
wait_for "Councillor Ivo Brandt"
wait_for "page.html (html)"
for junk in DOCTYPE cookies "Share on X" Opinion Related eyesore dataLayer; do
    screen_has "$junk" && fail "clutter on screen: $junk"
done
# The index lists the article's people, not the page's markup.
wait_for "Tomasz Wilde"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"

tm kill-server

# The same page piped in, decided by its content.
E2E_STDIN=$fix/page.html start 100 40 --no-state
wait_for "Harbour vote splits Kestrel Bay"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "piped page: exit status $E2E_RC"

tm kill-server

# Windows-1252 and UTF-16 read as what they are.
start 100 30 --no-state "$fix/cp1252.txt"
wait_for "José Martínez"
wait_for "€4,000"
wait_for "cp1252.txt (read as Windows-1252)"
keys q
wait_exit
tm kill-server
start 100 30 --no-state "$fix/utf16.txt"
wait_for "Zürich tram strike ends"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "utf-16: exit status $E2E_RC"
tm kill-server

# As newsboat's pager: newsboat opens the article in lede, q goes back to newsboat.
if command -v newsboat >/dev/null 2>&1; then
    nb=$E2E_TMP/nb
    mkdir -p "$nb"
    cp "$fix/newsboat-feed.xml" "$nb/feed.xml"
    echo "file://$nb/feed.xml" >"$nb/urls"
    printf 'pager "%s --no-state %%f"\n' "$LEDE" >"$nb/config"
    start 100 30 --version # a session to put newsboat in
    wait_exit
    tm respawn-pane -k -t lede "newsboat -r -u $nb/urls -C $nb/config -c $nb/cache.db; sleep 600"
    wait_for "(1/1) Coastal Ledger" 20
    keys Enter # the feed
    wait_for "Articles in feed"
    keys Enter # the article: newsboat runs its pager, lede
    wait_for "Coastal Ledger · Marta Okonkwo"
    wait_for "the last working link between the harbour"
    screen_has "Feed: " && fail "newsboat's header shown as text"
    keys q
    wait_for "Articles in feed"
else
    echo "skipped newsboat: not installed"
fi
echo "ok"
