# across.sh - people across articles: the index of all articles (A) lists a person of
# two stories once, with both ("Ms Ruiz" is Elena Ruiz of the other story); ] goes on
# into the next article that mentions her; w lists her quotes from both; --entities
# with several files prints one table over them.
. "$(dirname "$0")/lib.sh"

a=$E2E_TMP/a.txt b=$E2E_TMP/b.txt c=$E2E_TMP/c.txt
printf 'Harbour plan approved\n\nHarbour minister Elena Ruiz said on Monday that the plan was approved in Lisbon.\n\n"We will finish the pier before winter," said Elena Ruiz.\n' >"$a"
printf 'Budget vote delayed\n\nThe budget vote was delayed, Tomas Brandt said on Friday in Lisbon.\n\n"This is a delay we did not need," said Brandt.\n' >"$b"
printf 'Fishermen protest\n\nFishermen protested in Porto on Tuesday against the harbour plan.\n\nMs Ruiz said: "The fishermen will be heard."\n' >"$c"

start 100 30 --no-state "$a" "$b" "$c"
wait_for "Harbour plan approved"
wait_gone "index: " # the index of all articles is complete
keys A
wait_for "index of all articles"
wait_for "Elena Ruiz, minister"
screen | grep -q "Elena Ruiz, minister *3 in 2" || fail "Elena Ruiz is not listed once with 2 articles"
screen | grep -q "│ Ruiz " && fail "Ms Ruiz is listed apart from Elena Ruiz"
keys Tab g ']'
wait_for "mention 1/2 — Elena Ruiz"
keys ']'
wait_for "mention 2/2 — Elena Ruiz"
keys ']'
wait_for "Fishermen protest"
wait_for "mention 1/1 — Ruiz"
wait_for "c.txt 3/3"
keys '['
wait_for "Harbour plan approved"
wait_for "mention 2/2 — Elena Ruiz"
# Her quotes from both stories in one list; Enter goes to the other story's.
keys w
wait_for "Quotes of Elena Ruiz (2, all articles)"
wait_for "We will finish the pier"
wait_for "c.txt Ruiz: "
keys j Enter
wait_for "Fishermen protest"
wait_for "quote 1/1 — Ruiz"
keys q
wait_exit
[ "$E2E_RC" = 0 ] || fail "exit status $E2E_RC"

out=$("$LEDE" --entities "$a" "$b" "$c")
grep -q "^TYPE *NAME *ROLE *ARTICLES *MENTIONS *QUOTES *IN" <<<"$out" || fail "no cross-article header: $out"
grep -q "^person *Elena Ruiz *minister *2 *3 *2 .*a.txt (2), .*c.txt (1)" <<<"$out" || fail "Elena Ruiz row: $out"
# A folder opens as its files.
mkdir "$E2E_TMP/folder"
cp "$a" "$b" "$c" "$E2E_TMP/folder/"
out=$("$LEDE" --entities "$E2E_TMP/folder")
grep -q "^person *Elena Ruiz *minister *2 " <<<"$out" || fail "a folder's table: $out"
tm kill-server
start 100 30 --no-state "$E2E_TMP/folder"
wait_for "a.txt 1/3"
keys q
wait_exit
echo "ok"
