#!/usr/bin/env bash
# run_lock.sh: while one `prepost run` writes out/, a second exits at once
# with 75 and names the first by its pid; the first then finishes and
# publishes. The first run is held inside its stand-in plot stage until
# the test lets it go, so nothing here depends on timing.
set -euo pipefail
source "${PREPOST_SOURCE:?}/tests/e2e/lib/run_standins.sh"
begin_run_test
trap 'touch "$work/release"; rm -rf "$work"' EXIT
survey=$PREPOST_FIXTURES/edge/plain/survey.ini

PREPOST_STANDIN_HOOK="touch '$work/held'; while [ ! -e '$work/release' ]; do sleep 0.05; done" \
    "$work/bin/prepost" run -q -o "$work/out" "$survey" &
first=$!
while [ ! -e "$work/held" ]; do
    kill -0 "$first" 2>/dev/null || fail "the first run ended before its plot stage"
    sleep 0.05
done
set +e
"$work/bin/prepost" run -q -o "$work/out" "$survey" 2>"$work/second.err"; second=$?
set -e
[ "$second" = 75 ] || fail "the second run exited $second, expected 75"
grep -q "pid $first" "$work/second.err" || fail "the message does not name the holder: $(cat "$work/second.err")"
touch "$work/release"
wait "$first" || fail "the first run failed"
check_whole "$work/out" >/dev/null
echo "run_lock: ok"
