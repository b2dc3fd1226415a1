#!/bin/bash
# properties.sh: properties over random exports. scripts/gen-export makes
# PROPERTIES_EXPORTS (default 20) SurveyMonkey exports of seeded random
# sizes; each gets seeded faults (answers on no scale, segments and options
# nobody defined, non-empty cells past the header, repeated respondent ids)
# and is ingested plain or gzipped. For every one:
#   - nothing is lost: rows in the export = rows read = kept + rejected,
#     from the summary line and from the lines actually written;
#   - tallies merge: the records split in two at random, each half tallied
#     and the halves merged, give the tally of the whole, byte for byte;
#   - order does not matter: with the same faults but no repeated id (which
#     duplicate is rejected depends on order), the data rows shuffled under
#     the same header rows give the same results.json, byte for byte.
# Seeded throughout (PROPERTIES_SEED, default 1), so a failure names the
# seed that replays it.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_SOURCE
skip_unless_built ingest tally merge stats
command -v python3 >/dev/null || { echo "skip: python3 (for scripts/gen-export) is not installed"; exit 77; }
ingest="$PREPOST_BIN/prepost-ingest"
tally="$PREPOST_BIN/prepost-tally"
merge="$PREPOST_BIN/prepost-merge"
stats="$PREPOST_BIN/prepost-stats"
gen="$PREPOST_SOURCE/scripts/gen-export"
exports=${PROPERTIES_EXPORTS:-20}
base_seed=${PROPERTIES_SEED:-1}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1300000000}

# faults SEED DUPLICATES IN OUT [shuffle]: IN with seeded faults in its data
# rows (and repeated ids if DUPLICATES is 1), rows shuffled if asked; the
# faults depend only on each row's own content, never on its place, so a
# shuffled copy holds the same rows. Prints the number of data rows.
faults() {
    python3 - "$@" <<'PY'
import csv, gzip, random, sys, zlib
seed, duplicates, src, dst = int(sys.argv[1]), sys.argv[2] == "1", sys.argv[3], sys.argv[4]
shuffle = len(sys.argv) > 5
with open(src, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, data = rows[:2], rows[2:]
width = len(header[0])
bad = ["Superb", "Never heard of it", "Public-ish sector", "Telepathy"]
for row in data:
    r = random.Random(zlib.crc32(("%d|" % seed + "|".join(row)).encode()))
    x = r.random()
    if x < 0.08:                                   # an answer on no scale
        row[6 + r.randrange(12)] = bad[0]
    elif x < 0.12:                                 # an answer nobody defined
        row[r.choice([5, 6, 7])] = r.choice(bad)
    elif x < 0.14:                                 # a cell past the header
        row.extend(["", "surplus"])
r = random.Random(seed)
if duplicates and len(data) > 1:
    for _ in range(1 + len(data) // 25):
        i, j = r.randrange(len(data)), r.randrange(len(data))
        if i != j:
            data[j][0] = data[i][0]
if shuffle:
    r.shuffle(data)
opener = gzip.open if dst.endswith(".gz") else open
with opener(dst, "wt", newline="", encoding="utf-8") as f:
    csv.writer(f, lineterminator="\r\n").writerows(header + data)
print(len(data))
PY
}

# CSV records in a file: a newline inside quotes does not end a record.
csv_records() {
    awk '{ quotes += gsub(/"/, "\""); if (quotes % 2 == 0) { n++; quotes = 0 } }
         END { print n + 0 }' "$1"
}

for ((i = 1; i <= exports; i++)); do
    seed=$((base_seed * 1000 + i))
    dir="$work/$seed"
    mkdir "$dir"
    rows=$(awk -v s="$seed" 'BEGIN { srand(s); r = rand(); print 1 + int(r * r * 600) }')
    suffix=csv
    [ $((i % 3)) -eq 0 ] && suffix=csv.gz
    name="export seed $seed ($rows rows, $suffix)"
    python3 "$gen" --rows "$rows" --seed "$seed" --out "$dir" >/dev/null 2>"$dir/stderr" \
        || { fail "$name: gen-export: $(cat "$dir/stderr")"; continue; }
    in_export=$(faults "$seed" 1 "$dir/export.csv" "$dir/faulty.$suffix") \
        || { fail "$name: could not add faults"; continue; }

    # Nothing is lost.
    "$ingest" -o "$dir/records" -r "$dir/rejects.csv" "$dir/survey.ini" "$dir/faulty.$suffix" \
        2>"$dir/stderr" || { fail "$name: ingest: $(cat "$dir/stderr")"; continue; }
    numbers=$(sed -n 's/.*: \([0-9]*\) rows\{0,1\} read, \([0-9]*\) kept, \([0-9]*\) rejected.*/\1 \2 \3/p' "$dir/stderr")
    [ -n "$numbers" ] || { fail "$name: no summary line: $(cat "$dir/stderr")"; continue; }
    read -r read kept rejected <<<"$numbers"
    [ "$read" -eq "$in_export" ] || fail "$name: $read rows read, the export holds $in_export"
    [ "$read" -eq $((kept + rejected)) ] || fail "$name: $read read != $kept kept + $rejected rejected"
    written=$(($(wc -l <"$dir/records") - 2))
    [ "$kept" -eq "$written" ] || fail "$name: $kept kept, $written records written"
    written=$(($(csv_records "$dir/rejects.csv") - 1))
    [ "$rejected" -eq "$written" ] || fail "$name: $rejected rejected, $written reject lines written"
    [ "$rejected" -gt 0 ] || [ "$rows" -lt 10 ] || fail "$name: no fault was rejected"

    # Tallies merge: one random split.
    "$tally" -q -o "$dir/whole.tally" "$dir/survey.ini" "$dir/records" 2>"$dir/stderr" \
        || { fail "$name: tally: $(cat "$dir/stderr")"; continue; }
    awk -v seed="$seed" -v dir="$dir" '
        BEGIN { srand(seed) }
        NR <= 2 { print > (dir "/part-1.records"); print > (dir "/part-2.records"); next }
        { print > (dir "/part-" (1 + int(rand() * 2)) ".records") }' "$dir/records"
    if "$tally" -q -o "$dir/part-1.tally" "$dir/survey.ini" "$dir/part-1.records" 2>"$dir/stderr" &&
       "$tally" -q -o "$dir/part-2.tally" "$dir/survey.ini" "$dir/part-2.records" 2>>"$dir/stderr" &&
       "$merge" -q -o "$dir/merged.tally" "$dir/part-2.tally" "$dir/part-1.tally" 2>>"$dir/stderr"; then
        cmp -s "$dir/merged.tally" "$dir/whole.tally" \
            || { fail "$name: the halves' tallies merged differ from the whole's";
                 diff "$dir/whole.tally" "$dir/merged.tally" | head -n 10; }
    else
        fail "$name: tally or merge of a half: $(cat "$dir/stderr")"
    fi

    # Order does not matter (no repeated ids).
    ok=1
    for order in asis shuffled; do
        shuffle=()
        [ "$order" = shuffled ] && shuffle=(shuffle)
        faults "$seed" 0 "$dir/export.csv" "$dir/$order.$suffix" "${shuffle[@]}" >/dev/null &&
        "$ingest" -q -o "$dir/$order.records" "$dir/survey.ini" "$dir/$order.$suffix" 2>"$dir/stderr" &&
        "$tally" -q -o "$dir/$order.tally" "$dir/survey.ini" "$dir/$order.records" 2>>"$dir/stderr" &&
        "$stats" -q -o "$dir/$order.json" "$dir/survey.ini" "$dir/$order.tally" 2>>"$dir/stderr" \
            || { fail "$name ($order): $(cat "$dir/stderr")"; ok=0; break; }
    done
    if [ "$ok" -eq 1 ]; then
        cmp -s "$dir/asis.records" "$dir/shuffled.records" \
            && [ "$rows" -gt 3 ] && fail "$name: shuffling changed nothing: the property proves nothing"
        cmp -s "$dir/asis.json" "$dir/shuffled.json" \
            || { fail "$name: shuffled rows give another results.json";
                 diff "$dir/asis.json" "$dir/shuffled.json" | head -n 10; }
    fi
    rm -rf "$dir"
done

finish properties "over $exports random exports (PROPERTIES_SEED=$base_seed)"
