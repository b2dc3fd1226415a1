#!/bin/bash
# bad_inputs.sh: prepost-ingest over the catalogue of malformed exports and
# codebooks in tests/bad-inputs/NN-name/ (its README says what each holds).
# Each case is copied to a scratch folder, its `generate` script (if any) is
# run there (big or odd files are made at test time, not committed), and
# ingest runs in it with `-o OUT/records -r OUT/rejects.csv ARGS`, where OUT
# already holds an old records and rejects file. The case's `expect` says:
#   status N         the exit status (required)
#   message TEXT     text the message on stderr must hold (any number)
#   args WORDS       the arguments after the options (default: survey.ini;
#                    a case without survey.ini gets tests/bad-inputs/survey.ini)
#   kept N, rejected N, summary TEXT   for a file that is read (status 0)
#   reject TEXT, record TEXT           text rejects.csv / the records hold
#   unprivileged     run as an unprivileged user (root reads any file): via
#                    setpriv when running as root, skipped if that cannot be done
# A failing run must give one line on stderr, nothing on stdout, and leave
# the old outputs as they were with no file added (nothing written half);
# a run that reads the file must add up (rows read = kept + rejected, as
# many lines written) and leave only the two outputs.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_SOURCE
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"
ingest="$PREPOST_BIN/prepost-ingest"
catalogue="$PREPOST_SOURCE/tests/bad-inputs"
skip_unless_built ingest

trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"             # an unprivileged run must reach its case
cases=0
skipped=0
export LC_ALL=C

# How to run as an unprivileged user, or nothing when that cannot be done.
unprivileged=()
if [ "$(id -u)" -ne 0 ]; then
    unprivileged=(env)
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    unprivileged=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi

# CSV records in a file: a newline inside quotes does not end a record.
csv_records() {
    awk '{ quotes += gsub(/"/, "\""); if (quotes % 2 == 0) { n++; quotes = 0 } }
         END { print n + 0 }' "$1"
}

expected() {   # expected KEY: the values of KEY in the case's expect file
    sed -n "s/^$1 //p" "$dir/expect"
}

listing() {    # every file under a folder with its size and time, or its absence
    (cd "$1" && find . -mindepth 1 -printf '%p %s %T@\n' 2>/dev/null | sort)
}

run_case() {
    local name=$1 scratch="$work/$1" out="$work/$1.out" logs="$work/$1.logs"
    local want status args line numbers read kept rejected
    want=$(expected status)
    if [ -z "$want" ]; then
        fail "$name: expect has no status line"
        return
    fi
    local runner=()
    if grep -qx unprivileged "$dir/expect"; then
        if [ ${#unprivileged[@]} -eq 0 ]; then
            echo "skip: $name: cannot run as an unprivileged user here"
            skipped=$((skipped + 1))
            return
        fi
        runner=("${unprivileged[@]}")
    fi
    cp -R "$dir" "$scratch"
    [ -e "$scratch/survey.ini" ] || cp "$catalogue/survey.ini" "$scratch/survey.ini"
    if [ -f "$scratch/generate" ]; then
        (cd "$scratch" && sh ./generate) || { fail "$name: its generate script failed"; return; }
    fi
    mkdir -p "$out" "$logs"
    echo "old records" >"$out/records"
    echo "old rejects" >"$out/rejects.csv"
    chmod 777 "$out"
    chmod 755 "$scratch"
    local before_out before_scratch
    before_out=$(listing "$out")
    before_scratch=$(listing "$scratch")
    args=$(expected args)
    # shellcheck disable=SC2086  # args holds plain words
    (cd "$scratch" && "${runner[@]}" "$ingest" -o "$out/records" -r "$out/rejects.csv" ${args:-survey.ini}) \
        >"$logs/stdout" 2>"$logs/stderr" </dev/null
    status=$?
    cases=$((cases + 1))
    check "$name: exit status $status, expected $want: $(head -c 600 "$logs/stderr")" test "$status" -eq "$want"
    check "$name: wrote to standard output" test ! -s "$logs/stdout"
    check "$name: stderr is not one line: $(head -c 600 "$logs/stderr")" test "$(wc -l <"$logs/stderr")" -eq 1
    while IFS= read -r line; do
        checks=$((checks + 1))
        grep -qF -- "$line" "$logs/stderr" || fail "$name: message lacks \"$line\": $(head -c 600 "$logs/stderr")"
    done < <(expected message)
    check "$name: files were added or changed beside the export" \
        test "$(listing "$scratch")" = "$before_scratch"
    if [ "$want" -ne 0 ]; then
        check "$name: the old outputs were touched or files were left beside them: $(ls -A "$out")" \
            test "$(listing "$out")" = "$before_out"
        check "$name: the old records changed" test "$(cat "$out/records")" = "old records"
        return
    fi
    check "$name: files other than the two outputs left: $(ls -A "$out")" test "$(ls -A "$out" | wc -l)" -eq 2
    check "$name: no records header" test "$(head -n 1 "$out/records")" = "prepost-records 1"
    check "$name: no rejects header" test "$(head -n 1 "$out/rejects.csv")" = "row,id,column,reason,value,expected"
    numbers=$(sed -n 's/.*: \([0-9]*\) rows\{0,1\} read, \([0-9]*\) kept, \([0-9]*\) rejected.*/\1 \2 \3/p' "$logs/stderr")
    if [ -z "$numbers" ]; then
        fail "$name: no summary line in: $(head -c 600 "$logs/stderr")"
        return
    fi
    read -r read kept rejected <<<"$numbers"
    check "$name: $read rows read != $kept kept + $rejected rejected" test "$read" -eq $((kept + rejected))
    check "$name: $kept kept but $(($(wc -l <"$out/records") - 2)) records written" \
        test "$kept" -eq $(($(wc -l <"$out/records") - 2))
    check "$name: $rejected rejected but $(($(csv_records "$out/rejects.csv") - 1)) reject lines written" \
        test "$rejected" -eq $(($(csv_records "$out/rejects.csv") - 1))
    line=$(expected kept)
    [ -n "$line" ] && check "$name: $kept kept, expected $line" test "$kept" -eq "$line"
    line=$(expected rejected)
    [ -n "$line" ] && check "$name: $rejected rejected, expected $line" test "$rejected" -eq "$line"
    while IFS= read -r line; do
        checks=$((checks + 1))
        grep -qF -- "$line" "$logs/stderr" || fail "$name: summary lacks \"$line\""
    done < <(expected summary)
    while IFS= read -r line; do
        checks=$((checks + 1))
        grep -qaF -- "$line" "$out/rejects.csv" || fail "$name: rejects.csv lacks \"$line\": $(head -c 600 "$out/rejects.csv")"
    done < <(expected reject)
    while IFS= read -r line; do
        checks=$((checks + 1))
        grep -qaF -- "$line" "$out/records" || fail "$name: the records lack \"$line\""
    done < <(expected record)
}

for dir in "$catalogue"/[0-9]*/; do
    dir=${dir%/}
    if [ ! -f "$dir/expect" ]; then
        fail "$(basename "$dir"): no expect file"
        continue
    fi
    run_case "$(basename "$dir")"
    rm -rf "$work/$(basename "$dir")"
done

# The catalogue must not shrink unnoticed.
check "only $cases cases ran ($skipped skipped); the catalogue holds at least 40" \
    test $((cases + skipped)) -ge 40
echo "bad inputs: $cases cases, $skipped skipped, $checks checks, $failures failed"
[ "$failures" -eq 0 ]
