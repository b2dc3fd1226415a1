#!/bin/bash
# csv_spectrum.sh: conformance of the CSV reader with the csv-spectrum test
# suite (the npm package csv-spectrum: CSV files and the JSON each should
# read as). Every case is read by tests/tools/csv_dump, through the same
# source, CSV and header code that ingest uses, and compared with the
# expected JSON as data (JSON.parse of both, deep equality), not as text.
#
# Environment: CSV_SPECTRUM_DIR is the directory holding the package's
# csvs/ and json/ folders (csvs/NAME.csv, json/NAME.json); empty means the
# package was not fetched, and the test is skipped (exit 77).
# PREPOST_TOOLS is the directory holding csv_dump.
#
# Two expectations in csv-spectrum 2.0.0 are wrong, and are corrected here
# only while they still hold the known-wrong value (so a fixed upstream
# release is compared as it is):
#   location_coordinates.json is one object, not an array of one object
#     (upstream issue #22);
#   its "Contact Phone Number" is 1234567890 while the CSV holds 2095257564
#     (upstream issue #20).
# No other normalisation is applied: CRLF inside quotes must come out as
# CRLF, as newlines_crlf.json expects.
set -u

if [ -z "${CSV_SPECTRUM_DIR:-}" ]; then
    echo "csv-spectrum is not available (CSV_SPECTRUM_DIR is empty): skipped"
    exit 77
fi
if ! command -v node >/dev/null 2>&1; then
    echo "node is not installed, so the JSON cannot be compared: skipped"
    exit 77
fi
csvs="$CSV_SPECTRUM_DIR/csvs"
expected_dir="$CSV_SPECTRUM_DIR/json"
dump="${PREPOST_TOOLS:?PREPOST_TOOLS is not set}/csv_dump"
if [ ! -d "$csvs" ] || [ ! -d "$expected_dir" ]; then
    echo "$CSV_SPECTRUM_DIR does not hold csvs/ and json/ folders"
    exit 1
fi

read -r -d '' compare <<'EOF'
const fs = require('fs');
const assert = require('assert');
const [actualPath, expectedPath, name] = process.argv.slice(1);
const actual = JSON.parse(fs.readFileSync(actualPath, 'utf8'));
let expected = JSON.parse(fs.readFileSync(expectedPath, 'utf8'));
const notes = [];
if (name === 'location_coordinates') {
  if (!Array.isArray(expected)) {
    expected = [expected];
    notes.push('expected JSON wrapped in an array (upstream issue #22)');
  }
  if (expected[0] && expected[0]['Contact Phone Number'] === '1234567890') {
    expected[0]['Contact Phone Number'] = '2095257564';
    notes.push('expected phone number set to the one in the CSV (upstream issue #20)');
  }
}
try {
  assert.deepStrictEqual(actual, expected);
} catch (e) {
  console.log(e.message);
  process.exit(1);
}
if (notes.length)
  console.log('  corrected expectation: ' + notes.join('; '));
EOF

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
cases=0
for csv in "$csvs"/*.csv; do
    name=$(basename "$csv" .csv)
    cases=$((cases + 1))
    if [ ! -f "$expected_dir/$name.json" ]; then
        echo "FAIL $name: no json/$name.json to compare with"
        failed=$((failed + 1))
        continue
    fi
    if ! "$dump" "$csv" >"$work/$name.json" 2>"$work/$name.err"; then
        echo "FAIL $name: csv_dump failed: $(cat "$work/$name.err")"
        failed=$((failed + 1))
        continue
    fi
    if output=$(node -e "$compare" "$work/$name.json" "$expected_dir/$name.json" "$name"); then
        echo "pass $name"
        [ -n "$output" ] && echo "$output"
    else
        echo "FAIL $name"
        echo "$output"
        failed=$((failed + 1))
    fi
done

if [ "$cases" -eq 0 ]; then
    echo "no CSV cases found in $csvs"
    exit 1
fi
echo "$((cases - failed)) of $cases csv-spectrum cases pass"
[ "$failed" -eq 0 ]
