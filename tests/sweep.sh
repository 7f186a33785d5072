#!/usr/bin/env bash
# sweep.sh - runs "lede --json" over every file under a directory, in parallel, and
# reports files, bytes, errors (non-zero exit, death by signal, invalid JSON, anything on
# stderr such as a sanitizer report) and the 5 slowest files.
#
#   tests/sweep.sh DIR [JOBS]        LEDE=path/to/lede (default build/lede)
#
# Exit status 0 when every file gave valid JSON with status 0 and a silent stderr.
set -u
dir=${1:?usage: sweep.sh DIR [JOBS]}
jobs=${2:-$(nproc 2>/dev/null || echo 2)}
LEDE=${LEDE:-build/lede}
[ -x "$LEDE" ] || { echo "sweep: $LEDE is not an executable (set LEDE)" >&2; exit 2; }
LEDE=$(cd "$(dirname "$LEDE")" && pwd)/$(basename "$LEDE")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LEDE tmp

# One file: "status<TAB>seconds<TAB>bytes<TAB>n<TAB>path" on stdout; JSON and stderr kept.
one() {
    local n=$1 path=$2 t0 t1 rc
    t0=$EPOCHREALTIME
    "$LEDE" --json "$path" >"$tmp/$n.json" 2>"$tmp/$n.err" </dev/null
    rc=$?
    t1=$EPOCHREALTIME
    printf '%s\t%s\t%s\t%s\t%s\n' "$rc" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')" \
        "$(stat -c %s "$path")" "$n" "$path"
}
export -f one

find "$dir" -type f -print0 | sort -z | awk 'BEGIN { RS = "\0"; ORS = "\0" } { print NR "\t" $0 }' |
    xargs -0 -P "$jobs" -n 1 bash -c 'one "${1%%	*}" "${1#*	}"' _ >"$tmp/results.tsv"

python3 - "$tmp" "$dir" <<'PY'
import json, os, sys
tmp, top = sys.argv[1], sys.argv[2]
rows = []
for line in open(os.path.join(tmp, "results.tsv"), encoding="utf-8", errors="replace"):
    rc, secs, size, n, path = line.rstrip("\n").split("\t", 4)
    rows.append((int(rc), float(secs), int(size), n, path))
kinds = {"exit status": [], "signal": [], "invalid JSON": [], "stderr": []}
for rc, secs, size, n, path in rows:
    err = open(os.path.join(tmp, n + ".err"), "rb").read()
    if rc >= 128:
        kinds["signal"].append((path, "signal %d" % (rc - 128)))
    elif rc != 0:
        kinds["exit status"].append((path, "exit %d: %s" % (rc, err.decode(errors="replace").strip()[:100])))
    else:
        try:
            doc = json.load(open(os.path.join(tmp, n + ".json"), "rb"))
            assert doc["bytes"] == size, "bytes %s != %d" % (doc["bytes"], size)
        except Exception as e:
            kinds["invalid JSON"].append((path, str(e)[:100]))
    if err and rc < 128 and (rc == 0 or b"Sanitizer" in err or b"runtime error" in err):
        kinds["stderr"].append((path, err.decode(errors="replace").strip().splitlines()[0][:100]))
errors = sum(len(v) for v in kinds.values())
print("sweep of %s: %d files, %d bytes (%.1f MB), %.1f s of lede time" % (
    top, len(rows), sum(r[2] for r in rows), sum(r[2] for r in rows) / 1e6, sum(r[1] for r in rows)))
print("errors: %d (%s)" % (errors, ", ".join("%s %d" % (k, len(v)) for k, v in kinds.items())))
for k, v in kinds.items():
    for path, why in v[:10]:
        print("  %s: %s: %s" % (k, path, why))
print("slowest:")
for rc, secs, size, n, path in sorted(rows, key=lambda r: -r[1])[:5]:
    print("  %7.3f s  %9d bytes  %s" % (secs, size, path))
sys.exit(1 if errors else 0)
PY
