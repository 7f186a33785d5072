#!/usr/bin/env bash
# asan.sh - the whole test suite again under AddressSanitizer and UndefinedBehaviorSanitizer:
# configures build-asan beside the lede binary with -DLEDE_SANITIZE=ON, builds it and runs
# its tests (all but this one, the fuzzing and valgrind, which cannot run on ASan code).
set -u
: "${LEDE:?path of the lede binary}"
src=${LEDE_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
build=$(cd "$(dirname "$LEDE")" && pwd)/build-asan
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! cmake -S "$src" -B "$build" -DLEDE_SANITIZE=ON -DLEDE_WERROR=ON >"$log" 2>&1 ||
    ! cmake --build "$build" -j2 >>"$log" 2>&1; then
    cat "$log"
    echo "FAIL: the sanitizer build failed"
    exit 1
fi
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$src/tests/lsan.supp:print_suppressions=0
ctest --test-dir "$build" --output-on-failure -E '^(e2e\.(asan|fuzz|valgrind)|adversarial)$'
