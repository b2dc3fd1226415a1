#!/bin/bash
# out_of_memory.sh: the stage programs' out-of-memory paths. Each stage runs
# on the edge/plain fixture with tests/tools/failing_alloc.so preloaded,
# once for every N from 1 to the number of allocations the run makes (or
# 300 values of N spread evenly over them when there are more), its Nth
# allocation failing; table and report again on edge/plot-segments (its
# batteries), 100 values of N each, under the rules of lib/out_of_memory.sh
# (exit 0 with the same outputs, or a status for running out of memory, a
# message and no output file left). Other layouts, panels, prepost-pair
# and prepost-init: out_of_memory_inputs.sh.
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
skip_unless_built ingest tally merge stats table report
. "$(dirname "${BASH_SOURCE[0]}")/lib/out_of_memory.sh" # $preload, $one_cpu, every_n ...

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
