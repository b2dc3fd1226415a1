#!/usr/bin/env bash
# scripts/gen-export is deterministic: the same rows and seed give the same
# bytes (plain and gzip), a different seed gives a different export, and the
# export holds the two SurveyMonkey header rows plus one record per row.
set -euo pipefail

command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }

source_dir=${PREPOST_SOURCE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
gen="$source_dir/scripts/gen-export"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$gen" --rows 200 --seed 42 --out "$work/a"
python3 "$gen" --rows 200 --seed 42 --out "$work/b"
python3 "$gen" --rows 200 --seed 43 --out "$work/c"
python3 "$gen" --rows 200 --seed 42 --out "$work/gz1" --gzip
python3 "$gen" --rows 200 --seed 42 --out "$work/gz2" --gzip

cmp "$work/a/export.csv" "$work/b/export.csv"
cmp "$work/a/survey.ini" "$work/b/survey.ini"
cmp "$work/gz1/export.csv.gz" "$work/gz2/export.csv.gz"
if cmp -s "$work/a/export.csv" "$work/c/export.csv"; then
  echo "FAIL: seeds 42 and 43 gave the same export"
  exit 1
fi
grep -qx 'export   = export.csv.gz' "$work/gz1/survey.ini" || {
  echo "FAIL: the gzip codebook does not name export.csv.gz"; exit 1; }

python3 - "$work/a/export.csv" "$work/gz1/export.csv.gz" <<'PY'
import csv, gzip, io, sys
plain = open(sys.argv[1], "rb").read()
unzipped = gzip.open(sys.argv[2], "rb").read()
if plain != unzipped:
    sys.exit("FAIL: the gzip export does not hold the plain export's bytes")
rows = list(csv.reader(io.StringIO(plain.decode("utf-8"), newline="")))
if len(rows) != 202:
    sys.exit("FAIL: expected 2 header rows + 200 respondents, found %d records" % len(rows))
widths = {len(r) for r in rows}
if len(widths) != 1:
    sys.exit("FAIL: rows of different widths: %s" % sorted(widths))
ids = [r[0] for r in rows[2:]]
if len(set(ids)) != 200:
    sys.exit("FAIL: respondent ids repeat")
if rows[0][0] != "Respondent ID" or rows[1][6] != "Before the programme":
    sys.exit("FAIL: header rows are not laid out as SurveyMonkey exports them")
if not any("\n" in cell for r in rows[2:] for cell in r):
    sys.exit("FAIL: no free-text answer spans lines")
print("gen-export: 200 rows, deterministic, plain = gzip")
PY
