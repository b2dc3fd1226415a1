#!/bin/bash
# ingest_cli.sh: the command line of prepost-ingest, beyond the edge-case
# exports of ingest.sh: standard input and output, -q, rejects without -r,
# exit statuses for usage, missing files and unwritable outputs, and that a
# bad file leaves an existing output untouched.
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

# --help and --version.
run 0 --help
check "--help has no usage line" grep -q "^Usage: prepost-ingest" "$work/out"
check "--help has no example" grep -q "Example" "$work/out"
run 0 --version
check "--version: $(cat "$work/out")" grep -q "^prepost-ingest (prepost) " "$work/out"

echo "ingest command line: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
