#!/bin/bash
# out_of_memory.sh: the stage programs' out-of-memory paths. Each stage runs
# on the edge/plain fixture with tests/tools/failing_alloc.so preloaded,
# once for every N from 1 to the number of allocations the run makes (or
# 300 values of N spread evenly over them when there are more), its Nth
# allocation failing; table and report again on edge/plot-segments (its
# batteries), 100 values of N each. Each run must exit, never die of a signal; either
# exit 0 with the same outputs as the run without a failure, or exit with a
# sysexits status that may stand for running out of memory (70, or 66, 73,
# 74 when opening or reading a file failed for want of memory) and say so
# on standard error, leaving no output file at all, whole or partial.
# Covered: prepost-ingest (-o, -r and --tally), prepost-tally,
# prepost-merge, prepost-stats (on one CPU, so that its worker threads
# allocate in the same order every run), prepost-table (-o DIR) and
# prepost-report (-o, -r).
# Not prepost-plot nor prepost run: they start gnuplot and other programs.
# Only in the build without sanitizers (the library is not built with them:
# they bring their own allocator); skipped otherwise.
set -u
shopt -s nullglob
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_TOOLS PREPOST_FIXTURES
bin=$PREPOST_BIN
preload="$PREPOST_TOOLS/failing_alloc.so"
[ -f "$preload" ] || { echo "skipped: $preload is not built (a sanitizer build)"; exit 77; }
skip_unless_built ingest tally merge stats table report

# Values of N per stage at most; OUT_OF_MEMORY_RUNS=100000 tries every N.
max_runs=${OUT_OF_MEMORY_RUNS:-300}
# prepost-stats works on every CPU it may use; on one, its allocations come
# in the same order every run, so a failing N can be replayed.
one_cpu=
command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null && one_cpu="taskset -c 0"

# ---- the stages, each writing its outputs into the directory $1 -------------
# Each runs "$@" after the directory as a prefix (the preload settings), so
# the environment reaches the stage program and nothing else.

run_ingest() {
    local dir=$1; shift
    env "$@" "$bin/prepost-ingest" -q -o "$dir/records" -r "$dir/rejects.csv" \
        --tally "$dir/tally" "$ini"
}
run_tally() {
    local dir=$1; shift
    env "$@" "$bin/prepost-tally" -q -o "$dir/tally" "$ini" "$in/records"
}
run_merge() {
    local dir=$1; shift
    env "$@" "$bin/prepost-merge" -q -o "$dir/tally" "$in/tally" "$in/tally"
}
run_stats() {
    local dir=$1; shift
    $one_cpu env "$@" "$bin/prepost-stats" -q -o "$dir/results.json" "$ini" "$in/tally"
}
run_table() {
    local dir=$1; shift
    env "$@" "$bin/prepost-table" -q -o "$dir/tables" "$ini" "$in/results.json"
}
run_report() {
    local dir=$1; shift
    env "$@" "$bin/prepost-report" -q -o "$dir/index.html" -r "$in/rejects.csv" \
        "$ini" "$in/results.json"
}

# ---- one stage, every N ----------------------------------------------------------

# allocations STAGE: how many allocations the stage's run makes.
allocations() {
    local dir="$work/$fixture.$1.count"
    mkdir -p "$dir" &&
        "run_$1" "$dir" LD_PRELOAD="$preload" PREPOST_COUNT_ALLOC=1 2>&1 >/dev/null |
        sed -n 's/^allocations: //p' | tail -n 1
}

# which_n TOTAL: the values of N to try, one a line.
which_n() {
    awk -v total="$1" -v most="$max_runs" 'BEGIN {
        if (total <= most) { for (n = 1; n <= total; n++) print n; exit }
        for (i = 0; i < most; i++) print 1 + int(i * (total - 1) / (most - 1))
    }'
}

# try STAGE N: one run with the Nth allocation failing, checked against
# the reference outputs in $work/FIXTURE.STAGE.ref.
try() {
    local stage=$1 n=$2 dir="$work/$fixture.$1.$2" ref="$work/$fixture.$1.ref" status
    mkdir -p "$dir" || return 1
    "run_$stage" "$dir" LD_PRELOAD="$preload" PREPOST_FAIL_ALLOC="$n" \
        >"$work/stdout" 2>"$work/stderr"
    status=$?
    checks=$((checks + 1))
    if [ "$status" -ge 128 ]; then
        fail "$fixture $stage, allocation $n failing: killed by signal $((status - 128))"
    elif [ "$status" -eq 0 ]; then
        diff -r "$ref" "$dir" >/dev/null ||
            fail "$fixture $stage, allocation $n failing: exit 0 with outputs other than without it"
    else
        case $status in
            66|70|73|74) ;;
            *) fail "$fixture $stage, allocation $n failing: exit $status, expected 70 (or 66, 73, 74)"
               cat "$work/stderr" ;;
        esac
        [ -s "$work/stderr" ] || fail "$fixture $stage, allocation $n failing: exit $status and nothing on stderr"
        local left=("$dir"/* "$dir"/.[!.]*)
        [ "${#left[@]}" -eq 0 ] ||
            fail "$fixture $stage, allocation $n failing: exit $status and left ${left[*]##*/}"
    fi
    rm -rf "$dir"
}

# every_n STAGE: the reference run, then the stage with each N failing.
every_n() {
    local stage=$1 total n ref="$work/$fixture.$1.ref" plain="$work/$fixture.$1.plain"
    mkdir -p "$ref" "$plain" || return 1
    if ! "run_$stage" "$ref" 2>"$work/stderr"; then
        fail "$fixture $stage without a failing allocation: $(cat "$work/stderr")"
        return
    fi
    "run_$stage" "$plain" LD_PRELOAD="$preload" 2>"$work/stderr"
    check "$fixture $stage: the library preloaded with no N set changes nothing" \
        diff -r "$ref" "$plain"
    total=$(allocations "$stage")
    if ! [ "${total:-0}" -gt 0 ] 2>/dev/null; then
        fail "$fixture $stage: the preloaded library counted no allocation"
        return
    fi
    local before=$failures
    for n in $(which_n "$total"); do
        try "$stage" "$n"
    done
    echo "$fixture $stage: $total allocations, $(which_n "$total" | wc -l) failed one at a time," \
        "$((failures - before)) failure(s)"
}

# use_fixture NAME: the codebook the stages read ($ini) and the inputs the
# later stages read ($in), made without a failing allocation.
use_fixture() {
    fixture=${1//\//-}
    ini="$PREPOST_FIXTURES/$1/survey.ini"
    in="$work/$fixture.in"
    mkdir -p "$in" &&
        "$bin/prepost-ingest" -q -o "$in/records" -r "$in/rejects.csv" --tally "$in/tally" "$ini" &&
        "$bin/prepost-stats" -q -o "$in/results.json" "$ini" "$in/tally" ||
        { echo "FAIL: the inputs of $1 could not be made"; exit 1; }
}

# A small survey with a segment, through every stage.
use_fixture edge/plain
for stage in ${OUT_OF_MEMORY_STAGES:-ingest tally merge stats table report}; do
    every_n "$stage"
done

# Batteries and charts by segment, which edge/plain has none of, in the
# tables and the page: fewer values of N, each run being longer.
max_runs=$(( max_runs < 100 ? max_runs : 100 ))
use_fixture edge/plot-segments
for stage in ${OUT_OF_MEMORY_STAGES:-table report}; do
    every_n "$stage"
done

finish out_of_memory
