#!/usr/bin/env bash
# scripts/bench runs end to end at its smallest size: scripts/bench --quick
# (2,000 rows, one run, prepost run with --jobs 1 and 2, the floors, and
# whichever peers are installed) completes, and its checks hold: prepost
# counts every respondent, --jobs 2 gives the same counts as --jobs 1, the
# bare libcsv loop finds every record, and each peer's counts equal
# prepost's. Nothing here depends on how long anything takes.
set -euo pipefail

command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
[[ -x /usr/bin/time ]] || { echo "SKIP: GNU time (/usr/bin/time) is not installed"; exit 77; }
command -v cc >/dev/null || { echo "SKIP: no C compiler (cc) to build the libcsv loop"; exit 77; }

source_dir=${PREPOST_SOURCE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
bin=${PREPOST_BIN:?PREPOST_BIN must name the stages directory of a build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
python3 "$source_dir/scripts/bench" --quick --prepost "$bin/prepost" --work "$work" \
  --report "$work/report.md" >"$work/log" 2>&1 || status=$?
if [[ $status -ne 0 ]]; then
  cat "$work/log"
  echo "FAIL: scripts/bench --quick exited $status"
  exit 1
fi

report=$work/report.md
expect() {
  grep -qF -- "$1" "$report" || { cat "$report"; echo "FAIL: the report has no line with: $1"; exit 1; }
}
expect "| 2,000 | csv | prepost run --jobs 1 |"
expect "| 2,000 | csv | prepost run --jobs 2 |"
expect "| 2,000 | gz | prepost run --jobs 1 |"
expect "| 2,000 | csv | libcsv loop (csv_count_fields) |"
expect "records 2002 = rows + 2 header rows |"
expect "respondents 2000 |"
if grep -qE "DIFFER|MISMATCH|expected " "$report"; then
  cat "$report"
  echo "FAIL: a count differs"
  exit 1
fi
# Every peer that ran compared some counts and found them equal.
peers=$(grep -cE "\| (pandas|R data.table|PSPP)" "$report" || true)
equal=$(grep -cE 'counts: [1-9][0-9]* equal prepost' "$report" || true)
if [[ $peers -ne $equal ]]; then
  cat "$report"
  echo "FAIL: $peers peer runs, $equal with counts equal to prepost's"
  exit 1
fi
echo "bench smoke: prepost, the floors and $peers peer run(s) agree"
