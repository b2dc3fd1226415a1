#!/bin/bash
# ingest.sh: end-to-end checks of prepost-ingest over the edge-case exports
# in fixtures/edge/<case>/. Each case holds a codebook (survey.ini), its
# export, and what a run must give, checked by hand:
#   expected.records        the records, byte for byte
#   expected.rejects.csv    the rejects, byte for byte
#   expected.summary        text the summary line must contain
#   expected.status         exit status (default 0)
#   expected.stderr         for a bad file: lines that must all appear in
#                           the message; and no output file may be left
# A case with several runs (a panel's two waves) names each run by a
# NAME.args file holding the arguments; its expected files are NAME.*.
# Every summary must add up: rows read = kept + rejected, and kept and
# rejected must match the lines actually written.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_FIXTURES
ingest="$PREPOST_BIN/prepost-ingest"
edge="$PREPOST_FIXTURES/edge"
skip_unless_built ingest

cases="plain surveymonkey qualtrics qualtrics-old google gzip gzip-named-csv
       plain-named-gz bom crlf quoted curly trailing-empty duplicate-ids
       unknown-labels missing-column truncated-gzip unterminated-quote empty
       header-only panel cut-short cut-short-utf8"

# CSV records in a file: a newline inside quotes does not end a record.
csv_records() {
    awk '{ quotes += gsub(/"/, "\""); if (quotes % 2 == 0) { n++; quotes = 0 } }
         END { print n + 0 }' "$1"
}

# The summary's three numbers, "read kept rejected", from a stderr file.
summary_numbers() {
    sed -n 's/.*: \([0-9]*\) rows\{0,1\} read, \([0-9]*\) kept, \([0-9]*\) rejected.*/\1 \2 \3/p' "$1"
}

# The summary adds up and matches what was written.
check_summary() {   # NAME STDERR RECORDS REJECTS
    local name=$1 numbers read kept rejected
    numbers=$(summary_numbers "$2")
    if [ -z "$numbers" ]; then
        fail "$name: no summary line in: $(cat "$2")"
        return
    fi
    read -r read kept rejected <<<"$numbers"
    check "$name: $read rows read != $kept kept + $rejected rejected" \
        test "$read" -eq $((kept + rejected))
    check "$name: $kept kept but $(($(wc -l <"$3") - 2)) records written" \
        test "$kept" -eq $(($(wc -l <"$3") - 2))
    check "$name: $rejected rejected but $(($(csv_records "$4") - 1)) reject lines written" \
        test "$rejected" -eq $(($(csv_records "$4") - 1))
}

check_same() {   # NAME WHAT EXPECTED ACTUAL
    checks=$((checks + 1))
    if ! cmp -s "$3" "$4"; then
        fail "$1: $2 differ from $(basename "$3")"
        diff -u "$3" "$4" | head -20
    fi
}

check_bad_file() {   # NAME DIR RUN OUT STDERR
    local name=$1 dir=$2 run=$3 out=$4 line
    while IFS= read -r line; do
        checks=$((checks + 1))
        grep -qF -- "$line" "$5" || fail "$name: message lacks \"$line\": $(cat "$5")"
    done <"$dir/$run.stderr"
    check "$name: output left behind on a bad file: $(ls -A "$out")" \
        test -z "$(ls -A "$out")"
}

run_case() {   # CASE RUN ARGS...
    local case=$1 run=$2
    shift 2
    local dir="$edge/$case" name="$case/$run"
    local out="$work/$case.$run" logs="$work/$case.$run.logs"
    local want_status=0 status
    mkdir -p "$out" "$logs"
    [ -f "$dir/$run.status" ] && want_status=$(cat "$dir/$run.status")
    (cd "$dir" && "$ingest" -o "$out/records" -r "$out/rejects.csv" "$@") \
        >"$logs/stdout" 2>"$logs/stderr"
    status=$?
    check "$name: exit status $status, expected $want_status ($(cat "$logs/stderr"))" \
        test "$status" -eq "$want_status"
    check "$name: wrote to standard output" test ! -s "$logs/stdout"
    if [ "$want_status" -ne 0 ]; then
        check_bad_file "$name" "$dir" "$run" "$out" "$logs/stderr"
        return
    fi
    [ -f "$out/records" ] || { fail "$name: no records file"; return; }
    check_same "$name" "records" "$dir/$run.records" "$out/records"
    check_same "$name" "rejects" "$dir/$run.rejects.csv" "$out/rejects.csv"
    check "$name: summary lacks \"$(cat "$dir/$run.summary")\": $(cat "$logs/stderr")" \
        grep -qF -- "$(cat "$dir/$run.summary")" "$logs/stderr"
    check "$name: stderr is not one summary line" test "$(wc -l <"$logs/stderr")" -eq 1
    check_summary "$name" "$logs/stderr" "$out/records" "$out/rejects.csv"
    check "$name: files other than the outputs left: $(ls -A "$out")" \
        test "$(ls -A "$out" | wc -l)" -eq 2
}

for case in $cases; do
    dir="$edge/$case"
    if [ ! -f "$dir/survey.ini" ]; then
        fail "$case: no fixture at $dir"
        continue
    fi
    runs=0
    for args_file in "$dir"/*.args; do
        [ -f "$args_file" ] || continue
        runs=$((runs + 1))
        # shellcheck disable=SC2046  # the args file holds plain words
        run_case "$case" "$(basename "$args_file" .args)" $(cat "$args_file")
    done
    [ "$runs" -eq 0 ] && run_case "$case" expected survey.ini
done

echo "ingest edge cases: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
