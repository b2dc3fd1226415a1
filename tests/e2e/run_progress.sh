#!/usr/bin/env bash
# run_progress.sh: what `prepost run` prints on standard error. In a pipe:
# one line per step with its time, no progress bar, no terminal codes. On
# a terminal (script gives it one): the bar, its line ended before the
# run's last line (which names the output) and before the driver's own
# messages (an export read in one job under --jobs). With -q: nothing on
# success. With or without NO_COLOR, no colour codes ever. Skipped (77)
# without script(1).
set -euo pipefail
: "${PREPOST_BIN:?}" "${PREPOST_SOURCE:?}" "${PREPOST_FIXTURES:?}"
source "$PREPOST_SOURCE/tests/e2e/lib/run_standins.sh"
command -v script >/dev/null || { echo "no script(1): skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_standins "$work/bin"
survey=$PREPOST_FIXTURES/edge/plain/survey.ini
esc=$(printf '\033')

"$work/bin/prepost" run -f -o "$work/out" "$survey" 2>"$work/pipe.err" | cat
grep -q '^prepost run: ingest and tally done in [0-9.]* s$' "$work/pipe.err" || fail "no step line in a pipe"
[ "$(grep -c '^prepost run: .* done in' "$work/pipe.err")" = 5 ] || fail "not one line per step"
! grep -q "$esc\|\[=" "$work/pipe.err" || fail "a bar or terminal code in a pipe"

"$work/bin/prepost" run -q -f -o "$work/out" "$survey" 2>"$work/quiet.err"
[ ! -s "$work/quiet.err" ] || fail "-q printed: $(cat "$work/quiet.err")"

script -qec "'$work/bin/prepost' run -f -o '$work/out' '$survey'" /dev/null >"$work/tty.out" </dev/null
grep -q 'prepost run \[====================\] 5/5' "$work/tty.out" || fail "no progress bar on a terminal"
grep -q "^prepost run: published $work/out: " "$work/tty.out" \
    || fail "the last line does not start a line of its own on a terminal: $(tail -c 300 "$work/tty.out" | od -c)"
tail -n 1 "$work/tty.out" | grep -q '^prepost run: published' || fail "the bar drawn after the last line"
# --jobs 2 on a gzip export: read in one job, which the run says on a line
# of its own, not after the bar.
script -qec "'$work/bin/prepost' run -j 2 -f -o '$work/out' '$PREPOST_FIXTURES/edge/gzip/survey.ini'" \
    /dev/null >"$work/one-job.out" </dev/null
grep -q '^prepost run: reading the export in one job' "$work/one-job.out" \
    || fail "the one-job message is not on a line of its own: $(od -c "$work/one-job.out" | head -20)"
NO_COLOR=1 script -qec "'$work/bin/prepost' run -f -o '$work/out' '$survey'" /dev/null >"$work/nocolor.out" </dev/null
for f in "$work/tty.out" "$work/nocolor.out" "$work/pipe.err"; do
    ! grep -q "$esc\[[0-9;]*m" "$f" || fail "colour codes in $(basename "$f")"
done
echo "run_progress: ok"
