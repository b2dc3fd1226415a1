#!/usr/bin/env bash
# run_determinism.sh: two runs of the same inputs and seed, with
# SOURCE_DATE_EPOCH fixed, give the same bytes in every file: with the
# stand-ins for plot, table and report, and with the real ones when they
# are built. A run with another export gives other bytes (the check can
# fail).
set -euo pipefail
source "${PREPOST_SOURCE:?}/tests/e2e/lib/run_standins.sh"
begin_run_test
export SOURCE_DATE_EPOCH=1700000000
survey=$PREPOST_FIXTURES/nptsc/survey.ini

twice() {
    local prepost=$1 name=$2
    "$prepost" run -q -o "$work/$name-1" "$survey" || fail "$name: first run"
    "$prepost" run -q -j 3 -o "$work/$name-2" "$survey" || fail "$name: second run"
    diff -r "$work/$name-1" "$work/$name-2" || fail "$name: two runs differ"
    check_whole "$work/$name-1" >/dev/null
}
twice "$work/bin/prepost" standins

cp -r "$PREPOST_FIXTURES/edge/plain" "$work/other"
"$work/bin/prepost" run -q -o "$work/other-out" "$work/other/survey.ini"
if diff -r -q "$work/standins-1" "$work/other-out" >/dev/null; then
    fail "another export gave the same output"
fi

if [ -x "$PREPOST_BIN/prepost-plot" ] && [ -x "$PREPOST_BIN/prepost-table" ] \
   && [ -x "$PREPOST_BIN/prepost-report" ]; then
    twice "$PREPOST_BIN/prepost" real
else
    echo "plot, table or report not built: only the stand-ins were checked"
fi
echo "run_determinism: ok"
