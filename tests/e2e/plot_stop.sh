#!/bin/bash
# plot_stop.sh: prepost-plot stopped (SIGTERM, SIGHUP) while its
# gnuplots draw. It must pass the stop on to every gnuplot, so that none
# goes on drawing after it is gone, remove its work directory, publish
# nothing, and die of the signal it was sent. The gnuplots are stand-ins
# that note their process id and wait, so the stop always comes mid-draw.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_FIXTURES
skip_unless_built ingest stats plot
bin=$PREPOST_BIN
ini="$PREPOST_FIXTURES/edge/plain/survey.ini"
trap 'for f in "$work"/pids/*/*; do kill "$(cat "$f")" 2>/dev/null; done; rm -rf "$work"' EXIT

"$bin/prepost-ingest" -q -o /dev/null --tally "$work/tally" "$ini" &&
    "$bin/prepost-stats" -q -o "$work/results.json" "$ini" "$work/tally" ||
    { echo "FAIL: the results could not be made"; exit 1; }

# A gnuplot that notes its pid (the exec keeps it) and waits, reading nothing.
cat >"$work/gnuplot" <<'STANDIN'
#!/bin/sh
echo $$ >"$PIDS/$$"
exec sleep 300
STANDIN
chmod +x "$work/gnuplot"

# stop SIGNAL: prepost-plot with two gnuplots, sent SIGNAL once both run.
stop() {
    local sig=$1 pids="$work/pids/$1" out="$work/plots-$1" plot_pid status waited=0
    mkdir -p "$pids"
    PIDS=$pids PREPOST_GNUPLOT="$work/gnuplot" \
        "$bin/prepost-plot" -q --jobs 2 -o "$out" "$ini" "$work/results.json" 2>"$work/stderr" &
    plot_pid=$!
    while [ "$(ls "$pids" | wc -l)" -lt 2 ] && [ "$waited" -lt 300 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    [ "$(ls "$pids" | wc -l)" -eq 2 ] || fail "$sig: the two gnuplots did not start"
    kill -s "$sig" "$plot_pid"
    wait "$plot_pid"
    status=$?
    check "$sig: prepost-plot exited $status, not by the signal ($(kill -l "$sig"))" \
        test "$status" -eq $((128 + $(kill -l "$sig")))
    for f in "$pids"/*; do
        check "$sig: gnuplot $(cat "$f") still runs after prepost-plot stopped" \
            test ! -d "/proc/$(cat "$f")"
    done
    check "$sig: left in the output: $(ls -A "$out" 2>/dev/null)" \
        test -z "$(ls -A "$out" 2>/dev/null)"
}

stop TERM
stop HUP                        # not INT: a background job ignores it, and so do we

finish plot_stop
