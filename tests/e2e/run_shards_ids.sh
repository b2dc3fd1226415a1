#!/usr/bin/env bash
# run_shards_ids.sh: respondent ids repeated across the shards of
# `prepost run --jobs N`, placed where --jobs 2 and --jobs 4 cut: an id
# repeated in two later shards; a repeat of a row that was rejected for
# another reason; a kept repeat followed in its own shard by more repeats
# (kept and rejected) of the same id; a repeat that is itself rejected for
# another reason; ids a spreadsheet would run as formulas (written to
# rejects.csv with an apostrophe); an id with spaces around it; rows
# without an id. --jobs 1 must find exactly the planted duplicates, and
# --jobs 2 and 4 publish the same bytes in every file: with the stand-ins
# for plot, table and report, and with the real ones when they are built.
set -euo pipefail
source "${PREPOST_SOURCE:?}/tests/e2e/lib/run_standins.sh"
begin_run_test
export SOURCE_DATE_EPOCH=1700000000

mkdir -p "$work/ids"
cp "$PREPOST_FIXTURES/edge/plain/survey.ini" "$work/ids/"
# 2400 rows of about the same length, so --jobs 4 cuts near every 600th
# and --jobs 2 near the 1200th; each planted row is 100 rows or more away
# from a cut. plant[i] = (id, answer before) of respondent i (row i + 2).
python3 - "$work/ids/export.csv" <<'PY'
import random, sys
r = random.Random(7)
levels = ["Poor", "Fair", "Good", "Good", "Fair"]
plant = {
    10: ("A1", "Good"), 700: ("A1", "Fair"), 1900: ("A1", "Poor"),    # two later shards
    20: ("B2", "Excelent"), 1300: ("B2", "Good"),                     # first rejected
    30: ("C3", "Good"), 1400: ("C3", "Fair"), 1450: ("C3", "Good"),  # moved, then its
    1500: ("C3", "Excelent"),                                         # own repeats
    40: ("D4", "Poor"), 1600: ("D4", "Excelent"),                     # repeat rejected
    50: ("=E5", "Excelent"), 1700: ("=E5", "Good"),                   # formulas
    60: ("+F6", "Fair"), 2000: ("+F6", "Good"),
    800: ("H8", "Good"), 2100: ("H8", "Fair"), 2150: ("H8", "Poor"),  # from shard 1 on
    900: ('"  I9 "', "Fair"), 2200: ("I9", "Good"),                   # spaces trimmed
    1250: ("", "Good"), 1850: ("", "Good"),                           # no id
}
rows = ["Respondent ID,Sector,Awareness before,Awareness after,The programme met my expectations,"
        "Support: Networking,Support: Masterclasses,Support: Electronic material,Comments"]
for i in range(2400):
    rid, before = plant.get(i, ("R%05d" % i, r.choice(levels)))
    rows.append(",".join([rid, r.choice(["Public sector", "Third sector"]), before,
                          r.choice(levels), "Agree", r.choice(["Networking", ""]), "", "",
                          "comment %04d" % r.randrange(10000)]))
open(sys.argv[1], "w", newline="").write("\n".join(rows) + "\n")
PY

# --jobs 1 finds the planted duplicates, and only them.
"$work/bin/prepost" run -q -o "$work/one" "$work/ids/survey.ini" || fail "--jobs 1"
check_whole "$work/one" >/dev/null
dups=$(grep ',duplicate id,' "$work/one/rejects.csv" | cut -d, -f1 | tr '\n' ' ')
[ "$dups" = "702 1302 1402 1452 1502 1602 1702 1902 2002 2102 2152 2202 " ] \
    || fail "--jobs 1 found other duplicates: $dups"
grep -qF "1702,\"'=E5\"," "$work/one/rejects.csv" || fail "the formula id is not written as text"

# same_bytes PREPOST JOBS: a run with --jobs JOBS publishes --jobs 1's bytes.
same_bytes() {
    local prepost=$1 jobs=$2
    rm -rf "$work/many"
    "$prepost" run -j "$jobs" -o "$work/many" "$work/ids/survey.ini" 2>"$work/many.err" \
        || fail "--jobs $jobs: $(cat "$work/many.err")"
    diff -r "$work/one" "$work/many" || fail "--jobs $jobs differs from --jobs 1"
}
# across JOBS MOVED AGAIN: the last run found MOVED repeats across its
# JOBS shards (the others are repeats within a shard) and counted AGAIN
# shards again.
across() {
    grep -q "ids across shards done in .* ($2 repeated an id of an earlier shard)\$" \
        "$work/many.err" || fail "--jobs $1: not $2 repeats across shards: $(cat "$work/many.err")"
    grep -q "tally done in .*: $3 of $1 shards counted again without the rows of repeated ids\$" \
        "$work/many.err" || fail "--jobs $1: not $3 shards counted again: $(cat "$work/many.err")"
}
same_bytes "$work/bin/prepost" 2
across 2 8 1
same_bytes "$work/bin/prepost" 4
across 4 9 3
for jobs in 3 5 8; do
    same_bytes "$work/bin/prepost" "$jobs"
done

if [ -x "$PREPOST_BIN/prepost-plot" ] && [ -x "$PREPOST_BIN/prepost-table" ] \
   && [ -x "$PREPOST_BIN/prepost-report" ]; then
    rm -rf "$work/one"
    "$PREPOST_BIN/prepost" run -q -o "$work/one" "$work/ids/survey.ini" || fail "real --jobs 1"
    same_bytes "$PREPOST_BIN/prepost" 2
    same_bytes "$PREPOST_BIN/prepost" 4
else
    echo "plot, table or report not built: only the stand-ins were checked"
fi
echo "run_shards_ids: ok"
