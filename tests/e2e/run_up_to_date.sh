#!/usr/bin/env bash
# run_up_to_date.sh: `prepost run` without --force publishes nothing new
# when the codebook and exports are the ones the last output was made from
# (exit 0, "is up to date"), and runs when any of them changed: an export
# with the same size but other bytes (the case where it must wait for the
# export's hash before deciding), an export of another size, the codebook;
# also when the published output is not what its manifest lists (a file
# removed, or edited to other bytes of the same size), and when
# SOURCE_DATE_EPOCH (the dashboard's date) is another, or set where it was
# not, or unset where it was. --force always runs. A missing export stops
# it before anything starts, named.
set -euo pipefail
source "${PREPOST_SOURCE:?}/tests/e2e/lib/run_standins.sh"
begin_run_test
cp -r "$PREPOST_FIXTURES/edge/plain" "$work/survey"
survey=$work/survey/survey.ini
export=$work/survey/export.csv

# The manifest's inode: a new one whenever an output is published.
published() { stat -c %i "$work/out/manifest.json"; }
run() { "$work/bin/prepost" run -o "$work/out" "$@" "$survey" 2>"$work/err"; }
expect_skip() {
    local before
    before=$(published)
    run || fail "$1: exit $?"
    grep -q 'is up to date' "$work/err" || fail "$1: no 'up to date' message: $(cat "$work/err")"
    [ "$(published)" = "$before" ] || fail "$1: published again"
}
expect_run() {
    local before
    before=$(published)
    run -q || fail "$1: exit $?"
    [ "$(published)" != "$before" ] || fail "$1: not published again"
    ! grep -q 'up to date' "$work/err" || fail "$1: said up to date"
    check_whole "$work/out" >/dev/null
    python3 - "$work/out/manifest.json" "$export" "$1" <<'PY'
import hashlib, json, sys
m = json.load(open(sys.argv[1]))
data = open(sys.argv[2], "rb").read()
got = m["inputs"][0]
if got["sha256"] != hashlib.sha256(data).hexdigest() or got["size"] != len(data):
    sys.exit("FAIL: %s: manifest.json does not give the export's hash and size" % sys.argv[3])
PY
}

"$work/bin/prepost" run -q -o "$work/out" "$survey"
expect_skip "nothing changed"

rm "$work/out/index.html"
expect_run "the dashboard was removed"
[ -s "$work/out/index.html" ] || fail "the dashboard was not made again"
expect_skip "unchanged after the dashboard was made again"
grep -q 'sha256' "$work/out/tables/summary.csv" || fail "fixture changed: no summary.csv"
sed -i 's/sha256/SHA256/' "$work/out/tables/summary.csv"             # same size
expect_run "a table was edited, its size was not"
expect_skip "unchanged after the table was made again"

export SOURCE_DATE_EPOCH=1700000000
expect_run "SOURCE_DATE_EPOCH set where it was not"
expect_skip "the same SOURCE_DATE_EPOCH"
grep -q '"source_date_epoch": *"1700000000"' "$work/out/manifest.json" \
    || fail "manifest.json does not record SOURCE_DATE_EPOCH"
export SOURCE_DATE_EPOCH=1800000000
expect_run "another SOURCE_DATE_EPOCH"
unset SOURCE_DATE_EPOCH
expect_run "SOURCE_DATE_EPOCH unset where it was set"
grep -q '"source_date_epoch": *null' "$work/out/manifest.json" \
    || fail "manifest.json does not record an unset SOURCE_DATE_EPOCH as null"
expect_skip "unset again"
touch "$export"
expect_skip "only the export's time changed"

grep -q '^R1,Public sector,Poor,Good' "$export" || fail "fixture changed: no R1 row to edit"
sed -i 's/^R1,Public sector,Poor,Good/R1,Public sector,Good,Poor/' "$export"   # same size
expect_run "the export's bytes changed, its size did not"
expect_skip "unchanged after that run"

echo 'R99,Public sector,Poor,Good,Agree,,,,' >>"$export"
expect_run "the export grew"
printf '\n; a comment\n' >>"$survey"
expect_run "the codebook changed"
expect_skip "unchanged again"
before=$(published); run -q -f || fail "--force: exit $?"
[ "$(published)" != "$before" ] || fail "--force did not publish"
before=$(published)

mv "$export" "$work/export.away"
set +e
run -q; status=$?
set -e
[ "$status" = 66 ] || fail "missing export: exit $status, expected 66"
grep -q 'cannot read export.csv (export in ' "$work/err" || fail "missing export: $(cat "$work/err")"
[ "$(published)" = "$before" ] || fail "missing export: the output changed"
echo "run_up_to_date: ok"
