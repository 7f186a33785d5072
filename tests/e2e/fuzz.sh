#!/usr/bin/env bash
# fuzz.sh - builds the libFuzzer targets (clang, -DLEDE_FUZZ=ON) in a build directory of
# their own (build-fuzz beside the lede binary), replays the saved crash inputs of
# tests/fuzz/crashes/TARGET/, then runs each target for LEDE_FUZZ_SECONDS (default 10)
# from its seed corpus. Prints executions and crashes; fails on any crash.
set -u
: "${LEDE:?path of the lede binary}"
src=${LEDE_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
secs=${LEDE_FUZZ_SECONDS:-10}
# One target per tests/fuzz/fuzz_NAME.c, as tests/fuzz/CMakeLists.txt builds them.
targets=$(cd "$src/tests/fuzz" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//' | tr '\n' ' ')

if ! command -v clang >/dev/null 2>&1; then
    echo "skipped: clang not installed"
    exit 77
fi
build=$(cd "$(dirname "$LEDE")" && pwd)/build-fuzz
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# libFuzzer's runtime is a separate package on Debian (libclang-rt-dev).
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$tmp/probe.c"
if ! clang -fsanitize=fuzzer "$tmp/probe.c" -o "$tmp/probe" 2>/dev/null; then
    echo "skipped: clang cannot link libFuzzer (install libclang-rt-dev)"
    exit 77
fi

if ! CC=clang cmake -S "$src" -B "$build" -DLEDE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    >"$tmp/log" 2>&1 ||
    ! cmake --build "$build" -j2 $(printf -- ' --target fuzz_%s' $targets) >>"$tmp/log" 2>&1; then
    cat "$tmp/log"
    echo "FAIL: the fuzz targets did not build"
    exit 1
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=print_stacktrace=1
total=0 crashes=0
for t in $targets; do
    bin=$build/tests/fuzz/fuzz_$t
    # Inputs that once crashed: each must now pass.
    saved=("$src/tests/fuzz/crashes/$t"/*)
    if [ -e "${saved[0]}" ] && ! "$bin" "${saved[@]}" >"$tmp/$t.replay" 2>&1 </dev/null; then
        cat "$tmp/$t.replay"
        echo "FAIL: fuzz_$t: a saved crash input crashes again"
        crashes=$((crashes + 1))
    fi
    mkdir -p "$tmp/corpus_$t" "$tmp/crash_$t"
    "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$tmp/crash_$t/" "$tmp/corpus_$t" "$src/tests/fuzz/corpus/$t" \
        >"$tmp/$t.log" 2>&1 </dev/null
    rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$t.log" | tail -1)
    found=$(find "$tmp/crash_$t" -type f | wc -l)
    if [ "$rc" -ne 0 ] && [ "$found" -eq 0 ]; then
        found=1
    fi
    if [ "$found" -gt 0 ]; then
        grep -E 'ERROR|check failed|SUMMARY|#[0-9]+ .* in ' "$tmp/$t.log" | head -30
        mkdir -p "$build/crashes"
        cp "$tmp/crash_$t"/* "$build/crashes/" 2>/dev/null
        echo "FAIL: fuzz_$t crashed; inputs kept in $build/crashes/"
    fi
    echo "fuzz_$t: ${runs:-0} executions in ${secs} s, $found crashes"
    total=$((total + ${runs:-0}))
    crashes=$((crashes + found))
done
echo "fuzz: $total executions, $crashes crashes"
[ "$crashes" -eq 0 ]
