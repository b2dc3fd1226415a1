#!/usr/bin/env bash
# run_kill.sh: `prepost run` killed with SIGKILL at 30 moments (seeded, so
# the same moments each time) while it replaces one output with another
# (the export alternates between two versions): out/ is every time a whole
# output, the old or the new, every file as manifest.json lists it; the
# next run removes what killed runs left and publishes. With stand-ins for
# plot, table and report.
set -euo pipefail
: "${PREPOST_BIN:?}" "${PREPOST_SOURCE:?}"
source "$PREPOST_SOURCE/tests/e2e/lib/run_standins.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_standins "$work/bin"
export SOURCE_DATE_EPOCH=1700000000

python3 "$PREPOST_SOURCE/scripts/gen-export" --rows 1500 --seed 21 --out "$work/a"
python3 "$PREPOST_SOURCE/scripts/gen-export" --rows 1500 --seed 22 --out "$work/b"
a=$(sha256sum <"$work/a/export.csv" | cut -c1-64)
b=$(sha256sum <"$work/b/export.csv" | cut -c1-64)
mkdir "$work/survey"
cp "$work/a/survey.ini" "$work/survey/survey.ini"
cp "$work/a/export.csv" "$work/survey/export.csv"
"$work/bin/prepost" run -q -o "$work/out" "$work/survey/survey.ini"
[ "$(check_whole "$work/out")" = "$a" ] || fail "the first run did not publish export a"

RANDOM=20240501
for i in $(seq 1 30); do
    version=$([ $((i % 2)) = 1 ] && echo b || echo a)
    cp "$work/$version/export.csv" "$work/survey/export.csv.new"
    mv "$work/survey/export.csv.new" "$work/survey/export.csv"
    jobs=$((1 + i % 3))
    "$work/bin/prepost" run -q -j "$jobs" -o "$work/out" "$work/survey/survey.ini" 2>/dev/null &
    pid=$!
    sleep "0.$(printf '%03d' $((RANDOM % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    published=$(check_whole "$work/out") || fail "kill $i left out/ incomplete"
    [ "$published" = "$a" ] || [ "$published" = "$b" ] || fail "kill $i: out/ is from neither export"
done

cp "$work/b/export.csv" "$work/survey/export.csv"
"$work/bin/prepost" run -q -o "$work/out" "$work/survey/survey.ini" || fail "no recovery after the kills"
[ "$(check_whole "$work/out")" = "$b" ] || fail "the run after the kills did not publish export b"
leftovers=$(find "$work" -maxdepth 1 -name '.out.tmp.*' | wc -l)
[ "$leftovers" = 0 ] || fail "$leftovers temporary directories left after a run"
echo "run_kill: ok"
