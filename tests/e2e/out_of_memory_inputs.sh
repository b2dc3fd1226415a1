#!/bin/bash
# out_of_memory_inputs.sh: the out-of-memory paths that out_of_memory.sh
# does not reach: prepost-ingest on the other layouts and sources (a
# gzipped export, SurveyMonkey, Qualtrics, Google Forms, each wave of a
# panel), prepost-pair joining the panel's waves, and prepost-init
# drafting codebooks from them. Each runs once for every N up
# to 300 values spread over its allocations, its Nth allocation failing,
# under the rules of lib/out_of_memory.sh: exit 0 with the outputs of the
# run without a failure, or a status that may stand for running out of
# memory, a message, and no output file left.
# Only in the build without sanitizers; skipped otherwise.
# Not SPSS, Stata or SAS files: the library that reads them does not check
# every allocation of its own (its parser's set-up, a variable's), so a
# failing one ends it by a signal, which no caller can catch; when it does
# say it ran out of memory, the stages report that (test_stat_rows).
set -u
shopt -s nullglob
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

skip_unless_set PREPOST_BIN PREPOST_TOOLS PREPOST_FIXTURES
bin=$PREPOST_BIN
edge=$PREPOST_FIXTURES/edge
skip_unless_built ingest pair init
. "$(dirname "${BASH_SOURCE[0]}")/lib/out_of_memory.sh" # $preload, $one_cpu, every_n ...

# ---- the stages, each writing its outputs into the directory $1 -------------
# Each runs "$@" after the directory as a prefix (the preload settings).
# $ini, $ingest_args, $before, $after and $export say what they read.

run_ingest() {
    local dir=$1; shift
    # shellcheck disable=SC2086  # $ingest_args holds plain words
    env "$@" "$bin/prepost-ingest" -q -o "$dir/records" -r "$dir/rejects.csv" \
        --tally "$dir/tally" $ingest_args "$ini"
}
run_pair() {
    local dir=$1; shift
    env "$@" "$bin/prepost-pair" -q -o "$dir/paired.records" -u "$dir/unmatched.csv" \
        "$before" "$after"
}
run_init() {
    local dir=$1; shift
    # shellcheck disable=SC2086  # $export holds one or two paths without spaces
    env "$@" "$bin/prepost-init" -q -o "$dir/survey.ini" $export
}

# ingest_case NAME [ARGS...]: prepost-ingest on edge/NAME's codebook.
ingest_case() {
    fixture="ingest-$1${2:+-$3}"
    ini="$edge/$1/survey.ini"
    shift
    ingest_args="$*"
    every_n ingest
}

# init_case NAME EXPORT...: prepost-init on one export or a panel's two.
init_case() {
    fixture="init-$1"
    shift
    export="$*"
    every_n init
}

for layout in gzip surveymonkey qualtrics google; do
    ingest_case "$layout"
done
ingest_case panel --wave before
ingest_case panel --wave after

# The panel's waves as prepost-ingest reads them, then joined.
waves="$work/panel-waves"
mkdir -p "$waves" || exit 1
for wave in before after; do
    "$bin/prepost-ingest" -q -o "$waves/$wave.records" -r /dev/null --wave "$wave" \
        "$edge/panel/survey.ini" || { echo "FAIL: the $wave wave could not be read"; exit 1; }
done
fixture=pair-panel before=$waves/before.records after=$waves/after.records
every_n pair

init_case plain "$edge/plain/export.csv"
init_case gzip "$edge/gzip/export.csv.gz"
init_case surveymonkey "$edge/surveymonkey/export.csv"
init_case qualtrics "$edge/qualtrics/export.csv"
init_case google "$edge/google/export.csv"
init_case panel "$edge/panel/before.csv" "$edge/panel/after.csv"

finish out_of_memory_inputs
