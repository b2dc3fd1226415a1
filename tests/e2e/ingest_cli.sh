#!/bin/bash
# ingest_cli.sh: the command line of prepost-ingest, beyond the edge-case
# exports of ingest.sh: standard input and output, -q, rejects without -r,
# exit statuses for usage, missing files and unwritable outputs, that a
# bad file leaves an existing output untouched, and --ids-only,
# --skip-rows and --shard (what `prepost run --jobs N` asks for).
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_FIXTURES
ingest="$PREPOST_BIN/prepost-ingest"
edge="$PREPOST_FIXTURES/edge"
skip_unless_built ingest

# run WANT_STATUS ARGS...: runs in $work, stdout to out, stderr to err.
run() {
    local want=$1 status
    shift
    (cd "$work" && "$ingest" "$@") >"$work/out" 2>"$work/err" </dev/null
    status=$?
    check "prepost-ingest $*: exit $status, expected $want ($(cat "$work/err"))" \
        test "$status" -eq "$want"
}

differ() {
    ! cmp -s "$1" "$2"
}

stderr_has() {
    check "stderr lacks \"$1\": $(cat "$work/err")" grep -qF -- "$1" "$work/err"
}

# Records to standard output by default; the export from the codebook.
run 0 "$edge/plain/survey.ini"
check "default output is not the expected records" cmp -s "$work/out" "$edge/plain/expected.records"
stderr_has "5 rows read, 5 kept, 0 rejected"

# The export on standard input, plain and gzipped.
for case in plain gzip; do
    export_file=$(ls "$edge/$case"/export.csv*)
    (cd "$work" && "$ingest" "$edge/$case/survey.ini" - <"$export_file") >"$work/out" 2>"$work/err"
    check "$case from stdin: exit $?" test $? -eq 0
    check "$case from stdin: records differ" cmp -s "$work/out" "$edge/$case/expected.records"
    stderr_has "standard input: 5 rows read"
done

# An export given on the command line wins over the codebook's.
run 0 -o records "$edge/plain/survey.ini" "$edge/gzip/export.csv.gz"
check "export argument: records differ" cmp -s "$work/records" "$edge/plain/expected.records"

# -q: nothing on stderr.
run 0 -q -o records "$edge/duplicate-ids/survey.ini"
check "-q still wrote to stderr: $(cat "$work/err")" test ! -s "$work/err"

# Rejected rows without -r: counted, and the summary says they were not saved.
run 0 -o records "$edge/duplicate-ids/survey.ini"
stderr_has "5 rejected"
stderr_has "-r"
check "a rejects file appeared without -r" test ! -e "$work/rejects.csv"

# A bad file leaves an existing output as it was, and no temporary beside it.
echo "old records" >"$work/records"
echo "old rejects" >"$work/rejects.csv"
run 65 -o records -r rejects.csv "$edge/missing-column/survey.ini"
check "a bad file changed the old records" test "$(cat "$work/records")" = "old records"
check "a bad file changed the old rejects" test "$(cat "$work/rejects.csv")" = "old rejects"
check "temporary files left: $(ls "$work")" test -z "$(ls "$work" | grep tmp)"
run 65 -o records -r rejects.csv "$edge/truncated-gzip/survey.ini"
check "a damaged gzip changed the old records" test "$(cat "$work/records")" = "old records"
rm -f "$work/records" "$work/rejects.csv"

# Missing inputs: 66, naming the file.
run 66 "$work/no-such-survey.ini"
stderr_has "no-such-survey.ini"
run 66 "$edge/plain/survey.ini" "$work/no-such-export.csv"
stderr_has "no-such-export.csv"

# A codebook with a mistake: 65.
printf '[survey]\nlayout = spreadsheet\n' >"$work/bad.ini"
run 65 "$work/bad.ini" "$edge/plain/export.csv"

# Usage: 64.
run 64
run 64 --no-such-option "$edge/plain/survey.ini"
run 64 --wave during "$edge/panel/survey.ini"
run 64 "$edge/panel/survey.ini"
stderr_has "--wave"
run 64 --wave before "$edge/plain/survey.ini"
run 64 -r - "$edge/plain/survey.ini"
run 64 "$edge/plain/survey.ini" a.csv b.csv

# Cannot write: 73, and nothing left behind.
run 73 -o "$work/no-such-dir/records" "$edge/plain/survey.ini"

# --ids-only and --skip-rows, for `prepost run --jobs N`: an export with
# kept and rejected rows, ids that need escaping, and repeated ids.
h='Respondent ID,Sector,Awareness before,Awareness after,The programme met my expectations'
h="$h,Support: Networking,Support: Masterclasses,Support: Electronic material,Comments"
{
    echo "$h"
    echo 'R1,Public sector,Poor,Good,Agree,Networking,,,one'           # row 2
    echo 'R2,Third sector,Fair,Excellent,Strongly agree,,,,'           # row 3: skipped
    echo 'R3,Public sector,Excelent,Good,Agree,,,,'                    # row 4: skipped (a reject)
    echo 'R4,Third sector,Good,Good,Agree,,,,'                         # row 5
    echo 'R2,Public sector,Good,Poor,Disagree,,,,kept once 3 is gone'  # row 6
    printf '"R\t5",Public sector,,,,,,,"tab in the id"\n'              # row 7
    echo 'R\6,Third sector,Poor,Poor,Agree,,yes,,backslash'            # row 8
    echo 'R4,Public sector,Good,Good,Agree,,,,'                        # row 9: R4 again
    echo ',Public sector,Good,Good,Agree,,,,'                          # row 10: no id
    echo 'R7,Third sector,Very good,Excellent,Agree,,,,'               # row 11: skipped
    echo 'R8,Public sector,Poor,Fair,Agree,yes,,,'                     # row 12
} >"$work/ids.csv"
cp "$edge/plain/survey.ini" "$work/ids.ini"
run 0 -o full.records -r full.rejects --tally full.tally ids.ini ids.csv
run 0 --ids-only -o ids.records -r ids.rejects --tally ids.tally ids.ini ids.csv
check "--ids-only: not the id and row columns of the records" \
    cmp -s <(cut -f1,2 "$work/full.records") "$work/ids.records"
check "--ids-only: escaped ids lost" grep -qF 'R\t5' "$work/ids.records"
check "--ids-only changed the rejects" cmp -s "$work/full.rejects" "$work/ids.rejects"
check "--ids-only changed the tally" cmp -s "$work/full.tally" "$work/ids.tally"
run 64 --ids-only --tally t ids.ini ids.csv
stderr_has "--ids-only"

# --skip-rows: as if the export did not hold rows 3, 4 and 11 (row 99 is
# not there), but the others keep their numbers. Row 6 repeats skipped
# row 3's id, so it is kept, as it is when row 3 is deleted.
printf '3\n4\n11\n99\n' >"$work/skip.txt"
run 0 --skip-rows skip.txt -o skip.records -r skip.rejects --tally skip.tally ids.ini ids.csv
stderr_has "11 rows read, 3 skipped, 6 kept, 2 rejected (1 duplicate id, 1 missing id)"
sed '3d;4d;11d' "$work/ids.csv" >"$work/deleted.csv"
run 0 -o deleted.records --tally deleted.tally ids.ini deleted.csv
check "--skip-rows: not the tally of the export without those rows" \
    cmp -s "$work/skip.tally" "$work/deleted.tally"
check "--skip-rows: the tally of the whole export" \
    differ "$work/skip.tally" "$work/full.tally"
check "--skip-rows: not the records of the export without those rows" \
    cmp -s <(cut -f1,3- "$work/skip.records") <(cut -f1,3- "$work/deleted.records")
check "--skip-rows: rows renumbered: $(cut -f2 "$work/skip.records" | tr '\n' ' ')" \
    test "$(tail -n +3 "$work/skip.records" | cut -f2 | tr '\n' ' ')" = "2 5 6 7 8 12 "
check "--skip-rows: rejects not rows 9 and 10" \
    test "$(tail -n +2 "$work/skip.rejects" | cut -d, -f1 | tr '\n' ' ')" = "9 10 "
# With --rows-before, the rows are numbered as in the whole export.
printf '103\n104\n111\n' >"$work/shifted-skip.txt"
run 0 --skip-rows shifted-skip.txt --rows-before 100 -o shifted.records ids.ini ids.csv
check "--skip-rows with --rows-before: not the rows of the whole" \
    test "$(tail -n +3 "$work/shifted.records" | cut -f2 | tr '\n' ' ')" = "102 105 106 107 108 112 "
check "--skip-rows with --rows-before: other records than without" \
    cmp -s <(cut -f1,3- "$work/skip.records") <(cut -f1,3- "$work/shifted.records")

# A list of rows that is not one: 65, naming the file and the line; an
# empty list skips nothing; a missing one is 66.
bad_list() {
    local line=$1
    shift
    printf -- "$@" >"$work/bad-skip.txt"
    run 65 --skip-rows bad-skip.txt -o r ids.ini ids.csv
    stderr_has "bad-skip.txt:line $line: the list of rows to skip is malformed"
}
bad_list 2 '3\nfour\n'
bad_list 3 '3\n5\n5\n'
bad_list 2 '5\n3\n'
bad_list 1 '\n'
bad_list 1 '-3\n'
bad_list 1 '0\n'
bad_list 1 ' 3\n'
bad_list 2 '3\n99999999999999999999999\n'
check "a bad list of rows wrote the records" test ! -e "$work/r"
: >"$work/empty-skip.txt"
run 0 --skip-rows empty-skip.txt -o empty.records ids.ini ids.csv
check "an empty list of rows changed the records" cmp -s "$work/empty.records" "$work/full.records"
run 66 --skip-rows no-such-list.txt ids.ini ids.csv
stderr_has "no-such-list.txt"

# --shard H,S,E: the header (bytes 0..H), then bytes S..E, read straight
# from the export: the same as feeding those bytes on standard input, and
# messages name the export. Rows 5 to 8 here (4 rows before them).
read -r H S E < <(python3 - "$work/ids.csv" <<'PY'
import sys
lines = open(sys.argv[1], "rb").read().splitlines(keepends=True)
ends = [sum(len(l) for l in lines[:i + 1]) for i in range(len(lines))]
print(ends[0], ends[3], ends[7])
PY
)
{ head -c "$H" "$work/ids.csv"; tail -c +$((S + 1)) "$work/ids.csv" | head -c $((E - S)); } >"$work/part.csv"
(cd "$work" && "$ingest" --rows-before 3 -o piped.records -r piped.rejects --tally piped.tally \
    ids.ini - <part.csv) 2>/dev/null || fail "ingest of the part on standard input failed"
run 0 --rows-before 3 --shard "$H,$S,$E" -o shard.records -r shard.rejects --tally shard.tally ids.ini ids.csv
stderr_has "ids.csv: 4 rows read,"
for f in records rejects tally; do
    check "--shard: other $f than the same bytes on standard input" \
        cmp -s "$work/shard.$f" "$work/piped.$f"
done
check "--shard: not rows 5 to 8: $(tail -n +3 "$work/shard.records" | cut -f2 | tr '\n' ' ')" \
    test "$(tail -n +3 "$work/shard.records" | cut -f2 | tr '\n' ' ')" = "5 6 7 8 "
run 0 --shard "$H,$E,$E" -o none.records ids.ini ids.csv           # an empty shard
stderr_has "0 rows read"
for bad in "1,2" "$S,$H,$E" "$H,$E,$S" "-1,0,0" "a,b,c" "$H,$S,$E,9" "$H,$S,${E}x"; do
    run 64 --shard "$bad" ids.ini ids.csv
    stderr_has "--shard"
done
run 64 --shard "$H,$S,$E" ids.ini -
run 64 --shard "$H,$S,$E" ids.ini

# --help and --version.
run 0 --help
check "--help has no usage line" grep -q "^Usage: prepost-ingest" "$work/out"
check "--help has no example" grep -q "Example" "$work/out"
run 0 --version
check "--version: $(cat "$work/out")" grep -q "^prepost-ingest (prepost) " "$work/out"

echo "ingest command line: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
