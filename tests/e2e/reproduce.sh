#!/bin/bash
# reproduce.sh: scripts/reproduce, the published-figures check a newcomer
# runs first. Runs it on the built stage programs into a temporary output
# directory and expects every figure reproduced (exit 0, "32 of 32"); then
# runs its checks against deliberately altered results.json files and
# expects a non-zero exit that names each figure that no longer agrees.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_SOURCE
skip_unless_built ingest pair tally stats
reproduce="$PREPOST_SOURCE/scripts/reproduce"

# --- the real run ------------------------------------------------------------
NO_COLOR=1 PREPOST_BIN="$PREPOST_BIN" "$reproduce" -o "$work/out" >"$work/run.txt" 2>"$work/run.err"
status=$?
[ "$status" -eq 0 ] || { fail "reproduce: exit $status, expected 0"; cat "$work/run.txt" "$work/run.err"; }
grep -qx "32 of 32 published figures reproduced" "$work/run.txt" \
    || fail "verdict: $(grep 'published figures' "$work/run.txt" || echo none)"
grep -q "DISAGREE" "$work/run.txt" && fail "a figure disagrees: $(grep DISAGREE "$work/run.txt")"
[ -s "$work/out/results.json" ] || fail "no results.json in the output directory"
[ -s "$work/out/culture-sport/results.json" ] || fail "no culture-sport/results.json"
# NO_COLOR and a file, not a terminal: plain words, no escape codes.
grep -q $'\033' "$work/run.txt" && fail "escape codes in output that is not a terminal"
grep -q "✓" "$work/run.txt" && fail "NO_COLOR set but the marks are not words"
grep -Eq "^  CIPFA +209 +83\.6% +209 +83\.6% +agree$" "$work/run.txt" \
    || fail "Table 1.1 CIPFA row: $(grep '^  CIPFA ' "$work/run.txt")"

# Missing programs: a message saying how to build, exit 66.
PREPOST_BIN="$work/nowhere" "$reproduce" -o "$work/out2" >/dev/null 2>"$work/missing.err"
status=$?
[ "$status" -eq 66 ] || fail "missing programs: exit $status, expected 66"
grep -q "cmake --build" "$work/missing.err" || fail "missing programs: no build advice: $(cat "$work/missing.err")"

# --- altered results: each must be caught and named ----------------------------
# alter IN OUT PYTHON: writes OUT, a copy of IN changed by PYTHON (on `doc`).
alter() {
    python3 - "$1" "$2" "$3" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
def slot(item, segment, level):
    it = next(i for i in doc["items"] if i["id"] == item)
    return next(r for r in it["results"] if (r["segment"], r["level"]) == (segment, level))
exec(sys.argv[3])
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"))
PY
}
# expect_disagree OPTION FILE VERDICT NAME...: the checks on FILE fail with
# that verdict and name each NAME as not reproduced.
expect_disagree() {
    local option=$1 file=$2 verdict=$3
    shift 3
    NO_COLOR=1 "$reproduce" "$option" "$file" >"$work/bad.txt" 2>&1
    local got=$?
    [ "$got" -eq 1 ] || fail "$file: exit $got, expected 1"
    grep -qx "$verdict" "$work/bad.txt" || fail "$file: verdict $(grep 'published figures' "$work/bad.txt")"
    for name in "$@"; do
        grep -q "^  - not reproduced: $name" "$work/bad.txt" || fail "$file: does not name '$name'"
    done
    grep -q "DISAGREE" "$work/bad.txt" || fail "$file: no DISAGREE mark in the table"
}
results="$work/out/results.json"
panel="$work/out/culture-sport/results.json"

# The unaltered files pass on their own.
NO_COLOR=1 "$reproduce" --results "$results" --panel-results "$panel" >"$work/same.txt" 2>&1 \
    || fail "--results on the unaltered files: exit $?"
grep -qx "32 of 32 published figures reproduced" "$work/same.txt" || fail "--results verdict"

# Bid quality "no significant improvement": make it significant.
alter "$results" "$work/bid.json" \
    'slot("bid_quality", "sector", "Public sector")["wilcoxon_p"] = 0.01'
expect_disagree --results "$work/bid.json" "27 of 28 published figures reproduced" \
    "5 Overall quality of bids from TSOs: Wilcoxon p (unadjusted) 0.01, needs >= 0.05"

# Table 1.1: one CIPFA respondent fewer; and the third sector not flagged.
alter "$results" "$work/count.json" '
doc["segments"][0]["levels"][0]["respondents"] = 208
slot("bid_success", "sector", "Third sector")["small_base"] = False'
expect_disagree --results "$work/count.json" "25 of 28 published figures reproduced" \
    "CIPFA: respondents 208" "TOTAL: the partners together, % of 250 99.6%" "9 Success in bidding"

# A statistic that is null: named with the reason results.json gives.
alter "$results" "$work/null.json" '
r = slot("awareness", "sector", "Public sector")
r["mcnemar_p_holm"] = None
r["notes"]["mcnemar_p_holm"] = "no discordant pairs"'
expect_disagree --results "$work/null.json" "27 of 28 published figures reproduced" \
    "1 Awareness of commissioning services from TSOs: McNemar p (Holm): .*no discordant pairs"

# The panel: redesign moved most.
alter "$panel" "$work/panel.json" 'slot("redesign", None, None)["mean_shift"] = 2.0'
expect_disagree --panel-results "$work/panel.json" "2 of 4 published figures reproduced" \
    "Understanding moved most" "Service redesign moved least"

finish reproduce
