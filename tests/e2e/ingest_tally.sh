#!/bin/bash
# ingest_tally.sh: prepost-ingest --tally counts the records as it makes
# them, and its tally is byte for byte the one prepost-tally makes of the
# records: for every one-wave fixture, generated exports (plain, gzip, a
# byte-order mark, codebooks with and without `id`) and a hostile export
# (quoted line breaks, NUL bytes, tabs and backslashes in text answers,
# repeated ids, segment values to collapse). Its command line: records are
# written only with -o, rejects and records are the same as without
# --tally, only one output may be standard output. And `prepost run`,
# which uses it, publishes the results.json of the stage-by-stage chain.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_FIXTURES PREPOST_SOURCE
skip_unless_built ingest tally stats
bin=$PREPOST_BIN

# same_tally NAME SURVEY.ini [EXPORT]: --tally against ingest | tally.
same_tally() {
    local name=$1 ini=$2 export_file=${3:-} status_a status_b
    "$bin/prepost-ingest" -q -r "$work/$name.rej-a" -o "$work/$name.rec" "$ini" $export_file \
        2>"$work/$name.err-a"
    status_a=$?
    "$bin/prepost-ingest" -q -r "$work/$name.rej-b" --tally "$work/$name.tally-b" "$ini" \
        $export_file 2>"$work/$name.err-b" >"$work/$name.stdout-b"
    status_b=$?
    check "$name: exit $status_b with --tally, $status_a without" test "$status_a" = "$status_b"
    check "$name: --tally wrote records to standard output" test ! -s "$work/$name.stdout-b"
    [ "$status_a" = 0 ] || return 0
    "$bin/prepost-tally" -q -o "$work/$name.tally-a" "$ini" "$work/$name.rec" \
        || fail "$name: prepost-tally failed"
    check "$name: the tallies differ" cmp -s "$work/$name.tally-a" "$work/$name.tally-b"
    check "$name: the rejects differ" cmp -s "$work/$name.rej-a" "$work/$name.rej-b"
}

n=0
for ini in $(find "$PREPOST_FIXTURES" -name survey.ini | sort); do
    grep -q '^before_export' "$ini" && continue          # panels go through pair
    same_tally "fixture-$n" "$ini"
    n=$((n + 1))
done
check "too few one-wave fixtures were compared ($n)" test "$n" -ge 20

gen=$PREPOST_SOURCE/scripts/gen-export
python3 "$gen" --rows 3000 --seed 21 --out "$work/gen" >/dev/null
same_tally generated "$work/gen/survey.ini"
python3 "$gen" --rows 900 --seed 22 --gzip --bom --out "$work/gz" >/dev/null
same_tally generated-gzip "$work/gz/survey.ini"
sed '/^id /d' "$work/gen/survey.ini" >"$work/gen/no-id.ini"
same_tally generated-no-id "$work/gen/no-id.ini"

# The hostile export: text answers with everything records escape.
mkdir -p "$work/hostile"
cp "$PREPOST_FIXTURES/edge/plain/survey.ini" "$work/hostile/"
python3 - "$work/hostile/export.csv" <<'PY'
import random, sys
r = random.Random(7)
texts = ["", "fine", '"two\nlines, ""quoted"""', "tab\there", "back\\slash", "nul\0byte",
         '"cr\r\nlf"', "  spaced  ", "!", ".", "~", "caf\xe9 \u2019quoted\u2019"]
rows = ["Respondent ID,Sector,Awareness before,Awareness after,The programme met my expectations,"
        "Support: Networking,Support: Masterclasses,Support: Electronic material,Comments"]
for i in range(800):
    rid = "R%d" % r.randrange(600)
    sector = r.choice(["Public sector", " public  SECTOR ", "Third sector", "Charity", ""])
    rows.append(",".join([rid, sector, r.choice(["Poor", "Good", "Excellent", "", "Don't know"]),
                          r.choice(["Fair", "Very good", ""]), r.choice(["Agree", "Strongly agree"]),
                          r.choice(["Networking", ""]), r.choice(["x", ""]), "", r.choice(texts)]))
open(sys.argv[1], "w", newline="", encoding="utf-8").write("\r\n".join(rows) + "\r\n")
PY
same_tally hostile "$work/hostile/survey.ini"
check "the hostile tally lacks the text answers" \
    grep -qF "$(printf 'comments\t*\tnul\t')" "$work/hostile.tally-a"

# -o and --tally together: both, the records as without --tally.
plain=$PREPOST_FIXTURES/edge/plain
expect_status 0 "-o and --tally" "$bin/prepost-ingest" -q -o "$work/both.rec" \
    --tally "$work/both.tally" "$plain/survey.ini"
check "-o with --tally: records differ" cmp -s "$work/both.rec" "$plain/expected.records"
check "-o with --tally: no tally" test -s "$work/both.tally"
expect_status 0 "--tally -" "$bin/prepost-ingest" -q --tally - "$plain/survey.ini"
check "--tally -: not the tally on standard output" cmp -s "$work/stdout" "$work/both.tally"
expect_status 64 "--tally - with records to standard output" \
    "$bin/prepost-ingest" -q -o - --tally - "$plain/survey.ini"
expect_status 64 "--tally - with rejects to standard output" \
    "$bin/prepost-ingest" -q -r - --tally - "$plain/survey.ini"
expect_status 73 "--tally into a missing directory" \
    "$bin/prepost-ingest" -q --tally "$work/no/such/dir/t" "$plain/survey.ini"

# prepost run: the results.json of ingest | tally | stats, byte for byte.
source "$PREPOST_SOURCE/tests/e2e/lib/run_standins.sh"
make_standins "$work/bin"
for ini in "$PREPOST_FIXTURES/nptsc/survey.ini" "$work/hostile/survey.ini" "$work/gz/survey.ini"; do
    rm -rf "$work/out" "$work/chain.json"
    "$work/bin/prepost" run -q -o "$work/out" "$ini" || fail "run $ini"
    "$bin/prepost-ingest" -q "$ini" | "$bin/prepost-tally" -q "$ini" - \
        | "$bin/prepost-stats" -q -o "$work/chain.json" "$ini" - || fail "the chain on $ini"
    check "run and the stage-by-stage chain differ on $ini" \
        cmp -s "$work/out/results.json" "$work/chain.json"
done

finish ingest_tally
