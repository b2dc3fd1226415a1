#!/usr/bin/env bash
# run_shards_open_quote.sh: cutting an export for `prepost run --jobs N`
# looks for record ends only up to its last cut, and past it only at the
# quotes, to tell a quote never closed. An export whose last record opens
# a quote that never closes fails with --jobs 2 or 3 as with --jobs 1:
# the same exit status, the same messages (naming the export and the row
# as one job does), and no output directory; so does the edge case of an
# unterminated quote. Quotes past the last cut that do close (a quote
# inside an unquoted field, spaces before a quoted field, doubled quotes)
# still let the export be cut, and the output is --jobs 1's.
set -euo pipefail
source "${PREPOST_SOURCE:?}/tests/e2e/lib/run_standins.sh"
begin_run_test
prepost=$work/bin/prepost
export SOURCE_DATE_EPOCH=1700000000

# add_rows DIR KIND: appends rows to DIR/export.csv, made from its last
# record with new ids. KIND open: one whose last field opens a quote that
# never closes, lines after it. KIND closed: rows whose quotes all close.
add_rows() {
    python3 - "$1/export.csv" "$2" <<'PY'
import csv, io, sys
path, kind = sys.argv[1], sys.argv[2]
last = list(csv.reader(io.StringIO(open(path, newline="").read())))[-1]
def row(rid, comment):
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow([rid] + last[1:-1])
    return out.getvalue() + "," + comment
if kind == "open":
    rows = [row("990000001", '"never closed, so the file ends\ninside quotes, "" and all\n')]
else:
    rows = [row("990000001", 'about 5\'11" tall\n'),
            row("990000002", '  "a ""doubled"" quote, then spaces"  \r\n'),
            row("990000003", '"closed"\n'),
            row("990000004", 'x"y\n')]
open(path, "a", newline="").write("".join(rows))
PY
}

# same_failure DIR: --jobs 2 and 3 fail as --jobs 1 does, publishing nothing.
same_failure() {
    local dir=$1 jobs status
    set +e
    "$prepost" run -q -o "$work/out1" "$dir/survey.ini" 2>"$work/err1"; status=$?
    set -e
    [ "$status" = 65 ] || fail "--jobs 1 on $dir: exit $status, expected 65"
    grep -q 'ends inside quotes' "$work/err1" || fail "--jobs 1 on $dir: $(cat "$work/err1")"
    for jobs in 2 3; do
        set +e
        "$prepost" run -q -j "$jobs" -o "$work/out$jobs" "$dir/survey.ini" 2>"$work/err$jobs"
        status=$?
        set -e
        [ "$status" = 65 ] || fail "--jobs $jobs on $dir: exit $status, expected 65"
        diff "$work/err1" "$work/err$jobs" || fail "--jobs $jobs on $dir says other than --jobs 1"
        [ ! -e "$work/out$jobs" ] || fail "--jobs $jobs on $dir published"
    done
    [ ! -e "$work/out1" ] || fail "--jobs 1 on $dir published"
}

python3 "$PREPOST_SOURCE/scripts/gen-export" --rows 3000 --seed 21 --out "$work/open"
add_rows "$work/open" open
same_failure "$work/open"
same_failure "$PREPOST_FIXTURES/edge/unterminated-quote"

python3 "$PREPOST_SOURCE/scripts/gen-export" --rows 3000 --seed 22 --out "$work/closed"
add_rows "$work/closed" closed
"$prepost" run -q -o "$work/one" "$work/closed/survey.ini" || fail "--jobs 1 on closed quotes"
"$prepost" run -j 2 -o "$work/two" "$work/closed/survey.ini" 2>"$work/two.err" \
    || fail "--jobs 2 on closed quotes: $(cat "$work/two.err")"
grep -q '^prepost run: split done in .*: 2 shards$' "$work/two.err" \
    || fail "closed quotes past the last cut: not split: $(cat "$work/two.err")"
diff -r "$work/one" "$work/two" >/dev/null || fail "--jobs 2 differs from --jobs 1 on closed quotes"
echo "run_shards_open_quote: ok"
