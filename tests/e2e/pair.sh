#!/bin/bash
# pair.sh: runs prepost-pair as a user would: a normal join with its list
# of one-wave respondents, stdin as one wave, and the exit statuses and
# leftovers of a missing file, a damaged file and a wrong command line.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

pair="${PREPOST_BIN:?set PREPOST_BIN}/prepost-pair"
data="${PREPOST_FIXTURES:?set PREPOST_FIXTURES}/edge/pair"
[ -x "$pair" ] || { echo "skipped: $pair was not built"; exit 77; }

# A normal join, with the unmatched list and the summary line.
expect_status 0 "normal join" \
    "$pair" -o "$work/paired.records" -u "$work/unmatched.csv" \
    "$data/before.records" "$data/after.records"
cmp -s "$work/paired.records" "$data/expected-paired.records" \
    || fail "paired records differ from expected-paired.records"
cmp -s "$work/unmatched.csv" "$data/expected-unmatched.csv" \
    || fail "unmatched list differs from expected-unmatched.csv"
grep -q "^prepost-pair: 3 before, 3 after: 2 matched, 1 before only, 1 after only$" "$work/stderr" \
    || fail "summary line missing: $(cat "$work/stderr")"

# Standard output by default, the after wave from standard input, -q quiet.
expect_status 0 "after wave on stdin" \
    sh -c '"$1" -q "$2" - <"$3"' sh "$pair" "$data/before.records" "$data/after.records"
cmp -s "$work/stdout" "$data/expected-paired.records" \
    || fail "records on standard output differ from expected-paired.records"
[ -s "$work/stderr" ] && fail "-q still printed: $(cat "$work/stderr")"

# A missing input: 66, and no output left behind.
expect_status 66 "missing input" \
    "$pair" -o "$work/missing.records" "$data/before.records" "$work/no-such.records"
grep -q "no-such.records" "$work/stderr" || fail "missing input not named"
[ -e "$work/missing.records" ] && fail "output written for a missing input"

# A damaged records file: 65, naming file and line, and no output files.
expect_status 65 "damaged records" \
    "$pair" -o "$work/bad.records" -u "$work/bad.csv" \
    "$data/before.records" "$data/short-line.records"
grep -q "short-line.records:line 3" "$work/stderr" \
    || fail "damaged line not named: $(cat "$work/stderr")"
leftovers=$(ls "$work" | grep -c '^bad')
[ "$leftovers" -eq 0 ] || fail "files left behind after a damaged input: $(ls "$work")"

# An output that cannot be created: 73, and a message naming it.
expect_status 73 "unwritable output" \
    "$pair" -o "$work/no-such-dir/paired.records" "$data/before.records" "$data/after.records"
grep -q "no-such-dir/paired.records" "$work/stderr" || fail "unwritable output not named"

# The command line: help, version and misuse.
expect_status 0 "--help" "$pair" --help
grep -q "Usage:" "$work/stdout" && grep -q "Exit status" "$work/stdout" \
    || fail "--help lacks usage or exit statuses"
expect_status 0 "--version" "$pair" --version
grep -q "(prepost)" "$work/stdout" || fail "--version output: $(cat "$work/stdout")"
expect_status 64 "one file only" "$pair" "$data/before.records"
expect_status 64 "both waves on stdin" "$pair" - - </dev/null
expect_status 64 "unknown option" "$pair" --frobnicate "$data/before.records" "$data/after.records"

finish pair
