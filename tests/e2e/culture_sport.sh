#!/bin/bash
# culture_sport.sh: the culture & sport panel (fixtures/culture-sport) end to
# end through ingest (each wave), pair and tally, as a user would run them.
# Checks exit statuses; that each wave's rows read = kept + rejected and
# match the lines written; the panel's design (48 before-wave rows, one a
# repeated submission; 41 after; 36 matched, 11 before only, 5 after only);
# and exact tally lines: respondents per segment, the designed
# before-by-after counts, and the two low satisfaction ratings.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_FIXTURES
skip_unless_built ingest pair tally
codebook="$PREPOST_FIXTURES/culture-sport/survey.ini"

# run NAME COMMAND...: runs a stage, keeping its stderr in NAME.err; 0 expected.
run() {
    local name=$1
    shift
    "$@" 2>"$work/$name.err"
    local got=$?
    [ "$got" -eq 0 ] || { fail "$name: exit $got, expected 0"; cat "$work/$name.err"; }
}

# lines FILE: the number of lines in FILE (0 if it is missing).
lines() {
    if [ -f "$1" ]; then wc -l <"$1" | tr -d ' '; else echo 0; fi
}

# wave WAVE READ KEPT REJECTED: ingests one wave and checks its summary.
wave() {
    local w=$1 want_read=$2 want_kept=$3 want_rejected=$4
    run "ingest-$w" "$PREPOST_BIN/prepost-ingest" --wave "$w" \
        -o "$work/$w.records" -r "$work/$w.rejects.csv" "$codebook"
    local numbers read kept rejected
    numbers=$(sed -n 's/.*: \([0-9]*\) rows\{0,1\} read, \([0-9]*\) kept, \([0-9]*\) rejected.*/\1 \2 \3/p' \
              "$work/ingest-$w.err")
    read -r read kept rejected <<<"$numbers"
    if [ -z "${rejected:-}" ]; then
        fail "$w: no summary line: $(cat "$work/ingest-$w.err")"
        return
    fi
    [ "$read" -eq $((kept + rejected)) ] || fail "$w: $read read but $kept kept + $rejected rejected"
    [ "$read $kept $rejected" = "$want_read $want_kept $want_rejected" ] \
        || fail "$w: read, kept, rejected = $read $kept $rejected, expected $want_read $want_kept $want_rejected"
    # Two header lines in records, one in rejects; no answer holds a newline.
    [ "$(lines "$work/$w.records")" -eq $((kept + 2)) ] \
        || fail "$w: $kept kept but $(($(lines "$work/$w.records") - 2)) records written"
    [ "$(lines "$work/$w.rejects.csv")" -eq $((rejected + 1)) ] \
        || fail "$w: $rejected rejected but $(($(lines "$work/$w.rejects.csv") - 1)) rejects written"
}

# The Google Forms before wave: one member of staff sent the form twice;
# the later submission repeats the staff code and is rejected.
wave before 48 47 1
grep -q ',NTY-03,"Staff code",duplicate id,' "$work/before.rejects.csv" \
    || fail "before: the repeated submission is not the reject: $(cat "$work/before.rejects.csv")"
# The plain after wave: byte-order mark, CRLF, a few answers in lower case
# or with stray spaces; all valid.
wave after 41 41 0

# Pairing: 36 matched, 11 before only, 5 after only, each of those listed.
run pair "$PREPOST_BIN/prepost-pair" -o "$work/paired.records" -u "$work/unmatched.csv" \
    "$work/before.records" "$work/after.records"
grep -q "^prepost-pair: 47 before, 41 after: 36 matched, 11 before only, 5 after only$" "$work/pair.err" \
    || fail "pair summary: $(cat "$work/pair.err")"
grep -q "conflict" "$work/pair.err" && fail "pair found segment conflicts: $(cat "$work/pair.err")"
waves=$(awk -F '\t' 'NR > 2 { n[$3]++ } END { printf "%d %d %d", n["both"], n["before"], n["after"] }' \
        "$work/paired.records")
[ "$waves" = "36 11 5" ] || fail "paired records by waves (both before after): $waves, expected 36 11 5"
[ "$(grep -c ',before,' "$work/unmatched.csv")" -eq 11 ] \
    || fail "unmatched list: $(grep -c ',before,' "$work/unmatched.csv") before only, expected 11"
[ "$(grep -c ',after,' "$work/unmatched.csv")" -eq 5 ] \
    || fail "unmatched list: $(grep -c ',after,' "$work/unmatched.csv") after only, expected 5"

# Tallying the joined panel.
run tally "$PREPOST_BIN/prepost-tally" -o "$work/panel.tally" "$codebook" "$work/paired.records"
grep -q "52 respondents" "$work/tally.err" || fail "tally summary: $(cat "$work/tally.err")"
expect_line() {
    local line
    line=$(printf '%s\t%s\t%s\t%s\t%s' "$@")
    grep -Fxq "$line" "$work/panel.tally" || fail "tally lacks the line: $*"
}
# Respondents: the 52 staff, by service area and for two councils.
expect_line @respondents '*' . . 52
expect_line @respondents 'service=Sport and leisure' . . 23
expect_line @respondents 'service=Cultural services' . . 29
expect_line @respondents 'council=Leicester' . . 6
expect_line @respondents 'council=North East Lincolnshire' . . 4
# Understanding, matched sport and leisure staff: Fair to Very good 4,
# Good to Excellent 3; cultural services: Fair to Good 5.
expect_line understanding 'service=Sport and leisure' 2 4 4
expect_line understanding 'service=Sport and leisure' 3 5 3
expect_line understanding 'service=Cultural services' 2 3 5
# Service redesign barely moved: 12 stayed at Fair, 7 at Poor.
expect_line redesign '*' 2 2 12
expect_line redesign '*' 1 1 7
# Satisfaction, after wave only: 22 very satisfied, the two low ratings,
# and the 11 before-only staff not in that wave.
expect_line satisfaction '*' 5 . 22
expect_line satisfaction '*' 2 . 2
expect_line satisfaction '*' '~' . 11
# Nobody was rated on a level that does not exist.
awk -F '\t' 'NR > 2 && $3 ~ /^[0-9]+$/ && ($3 > 5) { bad = 1 } END { exit bad }' \
    "$work/panel.tally" || fail "a code above 5 in the tally"

finish culture_sport
