#!/bin/bash
# tally_merge.sh: the promise of SPEC §2, that tallies are sufficient
# statistics: records split into shards at random, each shard tallied on its
# own and the shard tallies merged in a random order and grouping (merges of
# merges) give the same bytes as tallying the whole. Checked for the NPTSC
# reproduction and for edge fixtures with segments, `among`, multi-selects,
# escaped text answers and a two-wave panel, over seeded random splits, so a
# failure can be replayed. Also: merging one tally changes nothing, a
# damaged tally stops the merge with exit 65 and no output, records that do
# not fit the codebook stop the tally with exit 65 naming the column, and
# --help works.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

bin="${PREPOST_BIN:?set PREPOST_BIN}"
fixtures="${PREPOST_FIXTURES:?set PREPOST_FIXTURES}"
ingest="$bin/prepost-ingest"
pair="$bin/prepost-pair"
tally="$bin/prepost-tally"
merge="$bin/prepost-merge"
skip_unless_built ingest pair tally merge

splits=${TALLY_MERGE_SPLITS:-30}        # random splits per data set

# ---- the data sets: a codebook and its records ------------------------------

names=()
declare -A codebook records

add_data_set() {                        # NAME CODEBOOK RECORDS
    names+=("$1")
    codebook[$1]=$2
    records[$1]=$3
}

# One-wave surveys, ingested from their exports.
for set in nptsc edge/surveymonkey edge/quoted edge/plain; do
    name=${set#edge/}
    ini="$fixtures/$set/survey.ini"
    if "$ingest" -q -o "$work/$name.records" "$ini" 2>"$work/stderr"; then
        add_data_set "$name" "$ini" "$work/$name.records"
    else
        fail "ingest of $set: $(cat "$work/stderr")"
    fi
done

# The two-wave panel: each wave ingested, then paired, so some respondents
# are in one wave only (`~` in the tally).
panel="$fixtures/edge/panel"
if "$ingest" -q --wave before -o "$work/before.records" "$panel/survey.ini" 2>"$work/stderr" &&
   "$ingest" -q --wave after -o "$work/after.records" "$panel/survey.ini" 2>>"$work/stderr" &&
   "$pair" -q -o "$work/panel.records" "$work/before.records" "$work/after.records" \
       2>>"$work/stderr"; then
    add_data_set panel "$panel/survey.ini" "$work/panel.records"
else
    fail "ingest and pair of edge/panel: $(cat "$work/stderr")"
fi

# ---- helpers -------------------------------------------------------------------

# random_numbers SEED COUNT: COUNT seeded pseudo-random whole numbers, one a line.
random_numbers() {
    awk -v seed="$1" -v count="$2" \
        'BEGIN { srand(seed); for (i = 0; i < count; i++) print int(rand() * 1000000) }'
}

# split_records SEED RECORDS DIR: writes DIR/shard-1.records ... shard-K.records,
# K from 1 to 6, each with the two header lines and a random share of the
# records (possibly none); prints K.
split_records() {
    awk -v seed="$1" -v dir="$3" '
        BEGIN { srand(seed); k = 1 + int(rand() * 6) }
        NR <= 2 { for (s = 1; s <= k; s++) print > (dir "/shard-" s ".records"); next }
        { print > (dir "/shard-" (1 + int(rand() * k)) ".records") }
        END { print k }' "$2"
}

# merge_randomly SEED DIR TALLY...: merges the tallies in a random order and
# grouping, two or three at a time, each merge's output taking the place of
# its inputs, until one tally is left; prints its path.
merge_randomly() {
    local seed=$1 dir=$2
    shift 2
    local list=("$@") randoms=() next=0 step=0
    mapfile -t randoms < <(random_numbers "$seed" 200)
    # Shuffle (Fisher-Yates).
    local i j swap
    for ((i = ${#list[@]} - 1; i > 0; i--)); do
        j=$((randoms[next++] % (i + 1)))
        swap=${list[i]}; list[i]=${list[j]}; list[j]=$swap
    done
    while [ ${#list[@]} -gt 1 ]; do
        local n=${#list[@]} most group start out
        most=$((n < 3 ? n : 3))
        group=$((2 + randoms[next++] % (most - 1)))
        start=$((randoms[next++] % (n - group + 1)))
        out="$dir/merge-$((step++)).tally"
        "$merge" -q -o "$out" "${list[@]:start:group}" || return 1
        list=("${list[@]:0:start}" "$out" "${list[@]:start+group}")
    done
    echo "${list[0]}"
}

# ---- the whole: canonical, and the base for every comparison --------------------

for name in "${names[@]}"; do
    whole="$work/$name.tally"
    expect_status 0 "tally of $name" "$tally" -q -o "$whole" "${codebook[$name]}" "${records[$name]}"
    [ -s "$whole" ] || { fail "no tally for $name"; continue; }
    [ "$(head -n 2 "$whole")" = "$(printf 'prepost-tally 1\nitem\tsegment\ta\tb\tcount')" ] \
        || fail "$name: the tally does not start with its two header lines"
    tail -n +3 "$whole" | LC_ALL=C sort -c 2>/dev/null \
        || fail "$name: the tally's lines are not sorted bytewise"
    duplicates=$(tail -n +3 "$whole" | cut -f 1-4 | LC_ALL=C sort | uniq -d)
    [ -z "$duplicates" ] || fail "$name: keys appear more than once: $duplicates"
    n_records=$(($(wc -l <"${records[$name]}") - 2))
    counted=$(awk -F '\t' '$1 == "@respondents" && $2 == "*" { print $5 }' "$whole")
    [ "$counted" = "$n_records" ] \
        || fail "$name: @respondents says ${counted:-nothing}, the records hold $n_records"
done

# ---- shards tallied apart and merged give the whole, byte for byte ----------------

for name in "${names[@]}"; do
    whole="$work/$name.tally"
    [ -s "$whole" ] || continue
    for ((seed = 1; seed <= splits; seed++)); do
        dir="$work/$name-$seed"
        mkdir "$dir"
        k=$(split_records "$seed" "${records[$name]}" "$dir")
        tallies=()
        for ((s = 1; s <= k; s++)); do
            "$tally" -q -o "$dir/shard-$s.tally" "${codebook[$name]}" "$dir/shard-$s.records" \
                2>"$dir/stderr" || { fail "$name seed $seed: tally of shard $s: $(cat "$dir/stderr")"; continue 2; }
            tallies+=("$dir/shard-$s.tally")
        done
        # Every record went to exactly one shard.
        in_shards=$(cat "$dir"/shard-*.records | grep -vc -e '^prepost-records ' -e '^id	row	waves')
        [ "$in_shards" -eq $(($(wc -l <"${records[$name]}") - 2)) ] \
            || fail "$name seed $seed: the shards hold $in_shards records"
        merged=$(merge_randomly "$((seed * 7919))" "$dir" "${tallies[@]}") \
            || { fail "$name seed $seed: a merge failed"; continue; }
        cmp -s "$merged" "$whole" \
            || { fail "$name seed $seed ($k shards): merged tallies differ from the whole";
                 diff "$whole" "$merged" | head -n 10; }
        rm -rf "$dir"
    done
done

# ---- merging one tally is the identity; adding a tally to itself doubles it ---------

for name in "${names[@]}"; do
    whole="$work/$name.tally"
    [ -s "$whole" ] || continue
    expect_status 0 "merge of $name alone" "$merge" -q -o "$work/identity.tally" "$whole"
    cmp -s "$work/identity.tally" "$whole" || fail "$name: merging one tally changed it"
    expect_status 0 "merge of $name from standard input" sh -c '"$1" -q - <"$2"' sh "$merge" "$whole"
    cmp -s "$work/stdout" "$whole" || fail "$name: merging standard input changed it"
    head -n 2 "$whole" >"$work/empty.tally"
    expect_status 0 "merge of $name with an empty tally" \
        "$merge" -q -o "$work/with-empty.tally" "$work/empty.tally" "$whole" "$work/empty.tally"
    cmp -s "$work/with-empty.tally" "$whole" || fail "$name: merging an empty tally changed it"
    expect_status 0 "merge of $name with itself" "$merge" -q -o "$work/double.tally" "$whole" "$whole"
    awk -F '\t' -v OFS='\t' 'NR > 2 { $5 = 2 * $5 } { print }' "$whole" >"$work/double.expected"
    cmp -s "$work/double.tally" "$work/double.expected" \
        || fail "$name: a tally merged with itself does not have every count doubled"
done

# ---- a damaged tally stops the merge: exit 65, its line named, no output -------------

good="$work/surveymonkey.tally"
if [ -s "$good" ]; then
    damage() {                          # NAME SED-SCRIPT
        sed "$2" "$good" >"$work/$1.tally"
    }
    damage bad-count '5s/\t[0-9]*$/\tmany/'
    damage zero-count '5s/\t[0-9]*$/\t0/'
    damage short-line '5s/\t[0-9]*$//'
    damage bad-magic '1s/.*/prepost-records 1/'
    damage newer '1s/.*/prepost-tally 2/'
    damage bad-columns '2s/count$/n/'
    printf 'prepost-tally 1\nitem\tsegment\ta\tb\tcount\nq\t*\t1\t.\t18446744073709551615\nq\t*\t1\t.\t1\n' \
        >"$work/overflow.tally"
    : >"$work/empty-file.tally"
    for bad in bad-count:5 zero-count:5 short-line:5 bad-magic:1 newer:1 bad-columns:2 \
               overflow:4 empty-file:1; do
        file="$work/${bad%:*}.tally"
        line=${bad#*:}
        for order in first last; do
            rm -f "$work/out.tally"
            if [ "$order" = first ]; then inputs=("$file" "$good"); else inputs=("$good" "$good" "$file"); fi
            expect_status 65 "merge with ${bad%:*} ($order)" "$merge" -o "$work/out.tally" "${inputs[@]}"
            grep -q "${bad%:*}.tally:line $line" "$work/stderr" \
                || fail "merge with ${bad%:*}: line $line not named: $(cat "$work/stderr")"
            [ -e "$work/out.tally" ] && fail "merge with ${bad%:*} ($order) left an output file"
            leftovers=$(find "$work" -maxdepth 1 -name '*out.tally*' | wc -l)
            [ "$leftovers" -eq 0 ] || fail "merge with ${bad%:*} left temporary files behind"
        done
    done
    expect_status 66 "merge of a missing tally" "$merge" -o "$work/out.tally" "$good" "$work/no-such.tally"
    grep -q "no-such.tally" "$work/stderr" || fail "missing tally not named"
    [ -e "$work/out.tally" ] && fail "merge of a missing tally left an output file"
fi

# ---- records that do not fit the codebook: exit 65, naming the column -----------------

sm="$fixtures/edge/surveymonkey/survey.ini"
if [ -s "$work/surveymonkey.records" ]; then
    # The records without their `expectations` column.
    column=$(head -n 2 "$work/surveymonkey.records" | tail -n 1 | tr '\t' '\n' | grep -nx expectations | cut -d: -f1)
    cut -f "1-$((column - 1)),$((column + 1))-" "$work/surveymonkey.records" >"$work/no-column.records"
    expect_status 65 "tally of records missing a column" \
        "$tally" -o "$work/out.tally" "$sm" "$work/no-column.records"
    grep -q "no-column.records:line 2.*no column 'expectations'" "$work/stderr" \
        || fail "missing column not named: $(cat "$work/stderr")"
    [ -e "$work/out.tally" ] && fail "tally of mismatched records left an output file"
fi
if [ -s "$work/plain.records" ]; then
    # Records made with another codebook (edge/plain's) for the NPTSC codebook.
    expect_status 65 "tally of another survey's records" \
        "$tally" -o "$work/out.tally" "$fixtures/nptsc/survey.ini" "$work/plain.records"
    grep -q "no column 'seg:partner'" "$work/stderr" \
        || fail "another survey's records: column not named: $(cat "$work/stderr")"
    [ -e "$work/out.tally" ] && fail "tally of another survey's records left an output file"
fi
if [ -s "$work/plain.records" ]; then
    # A code past the scale, on the third record.
    awk -F '\t' -v OFS='\t' 'NR == 5 { $5 = 9 } { print }' "$work/plain.records" >"$work/bad-code.records"
    expect_status 65 "tally of records with a bad code" \
        "$tally" -o "$work/out.tally" "$fixtures/edge/plain/survey.ini" "$work/bad-code.records"
    grep -q "bad-code.records:line 5, column 5.*'9' is not a code" "$work/stderr" \
        || fail "bad code not named by line and column: $(cat "$work/stderr")"
    [ -e "$work/out.tally" ] && fail "tally of records with a bad code left an output file"
fi

# ---- the command lines ---------------------------------------------------------------

for program in "$tally" "$merge"; do
    expect_status 0 "$(basename "$program") --help" "$program" --help
    grep -q "Usage:" "$work/stdout" && grep -q "Exit status" "$work/stdout" \
        || fail "$(basename "$program") --help lacks usage or exit statuses"
    expect_status 64 "$(basename "$program") without arguments" "$program"
    expect_status 64 "$(basename "$program") with an unknown option" "$program" --frobnicate x
done
expect_status 64 "merge reading standard input twice" "$merge" - - </dev/null

finish tally_merge "(${#names[@]} data sets, $splits splits each)"
