#!/usr/bin/env bash
# many_machines.sh: the README's "Many machines" recipe, run on this one:
# an export cut into four exports (each with the header rows), each shard
# `prepost-ingest | prepost-tally` under GNU parallel (xargs -P when
# parallel is not installed), the tallies merged with prepost-merge, and
# prepost-stats on the merged tally gives the results.json of the whole
# export, byte for byte.
set -euo pipefail
: "${PREPOST_BIN:?}" "${PREPOST_SOURCE:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export PATH="$PREPOST_BIN:$PATH"
python3 "$PREPOST_SOURCE/scripts/gen-export" --rows 1200 --seed 31 --out "$work/survey"
cd "$work/survey"

prepost-ingest -q survey.ini | prepost-tally -q -o whole.tally survey.ini -
prepost-stats -q -o whole.json survey.ini whole.tally

# Four whole exports: the two header rows, then a quarter of the respondents.
python3 - <<'PY'
import csv
rows = list(csv.reader(open("export.csv", newline="", encoding="utf-8")))
header, body = rows[:2], rows[2:]
for k in range(4):
    part = body[k * len(body) // 4:(k + 1) * len(body) // 4]
    with open("shard-%d.csv" % k, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(header + part)
PY

shard='prepost-ingest -q survey.ini {} | prepost-tally -q -o {.}.tally survey.ini -'
if command -v parallel >/dev/null; then
    parallel --will-cite -j 4 "$shard" ::: shard-*.csv
else
    echo "GNU parallel is not installed: xargs -P instead"
    printf '%s\n' shard-*.csv | xargs -P 4 -I{} sh -c \
        'prepost-ingest -q survey.ini "$1" | prepost-tally -q -o "${1%.csv}.tally" survey.ini -' sh {}
fi
[ "$(ls shard-*.tally | wc -l)" = 4 ] || fail "not every shard was tallied"
prepost-merge -q -o merged.tally shard-*.tally
prepost-stats -q -o merged.json survey.ini merged.tally
cmp whole.tally merged.tally || fail "the merged tally differs from the whole export's"
cmp whole.json merged.json || fail "results.json from the shards differs"
echo "many_machines: ok"
