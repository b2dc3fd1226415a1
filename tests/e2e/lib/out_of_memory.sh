# out_of_memory.sh: sourced by the out-of-memory drivers after common.sh.
# It runs one stage program again and again with tests/tools/failing_alloc.so
# preloaded, its Nth allocation failing, and checks what each run leaves.
#
# The driver defines, per stage STAGE, a function run_STAGE DIR ENV... that
# runs the stage with "env ENV..." as a prefix and writes every output into
# DIR, and sets $fixture (a name for messages and work directories) before
# calling every_n STAGE. Each run must exit, never die of a signal; either
# exit 0 with the same outputs as the run without a failure, or exit with a
# sysexits status that may stand for running out of memory (70, or 66, 73,
# 74 when opening or reading a file failed for want of memory) and say so
# on standard error, leaving no output file at all, whole or partial.
# Either way, no place in the program may hold more allocations at exit
# than it does in the run where none failed (PREPOST_ALLOC_SITES of
# failing_alloc.so): what a failure path took, it frees.
#
# Gives: $preload (the library; the driver exits 77 when it is not built,
# as in a sanitizer build, whose allocator it cannot replace), $max_runs
# (values of N per stage at most, 300 unless OUT_OF_MEMORY_RUNS says) and
# $one_cpu (a prefix pinning a process to one CPU, or empty), then
# allocations, which_n, try and every_n.

preload="$PREPOST_TOOLS/failing_alloc.so"
[ -f "$preload" ] || { echo "skipped: $preload is not built (a sanitizer build)"; exit 77; }

# Values of N per stage at most; OUT_OF_MEMORY_RUNS=100000 tries every N.
max_runs=${OUT_OF_MEMORY_RUNS:-300}
# A program that works on every CPU it may use allocates in the same order
# every run on one, so a failing N can be replayed.
one_cpu=
command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null && one_cpu="taskset -c 0"

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

# held_more STAGE REF_SITES SITES: the places in the program that hold more
# allocations at exit in SITES than in REF_SITES, one a line: "COUNT more
# made at FUNCTION FILE:LINE". Nothing when either could not follow them all.
held_more() {
    local program="$bin/prepost-$1"
    [ -s "$3" ] || return 0
    grep -q '^overflow' "$2" "$3" && return 0
    awk 'NR == FNR { ref[$1] = $2; next } $2 > ref[$1] + 0 { print $1, $2 - ref[$1] }' "$2" "$3" |
        while read -r offset more; do
            where=$(addr2line -f -s -e "$program" "$offset" 2>/dev/null | paste -sd ' ')
            echo "$more more made at ${where:-$offset}"
        done
}

# try STAGE N: one run with the Nth allocation failing, checked against
# the reference outputs in $work/FIXTURE.STAGE.ref and the allocations held
# at exit in $work/FIXTURE.STAGE.sites.
try() {
    local stage=$1 n=$2 dir="$work/$fixture.$1.$2" ref="$work/$fixture.$1.ref" status
    mkdir -p "$dir" || return 1
    rm -f "$work/sites"
    "run_$stage" "$dir" LD_PRELOAD="$preload" PREPOST_FAIL_ALLOC="$n" \
        PREPOST_ALLOC_SITES="$work/sites" >"$work/stdout" 2>"$work/stderr"
    status=$?
    checks=$((checks + 1))
    local leaked
    leaked=$(held_more "$stage" "$work/$fixture.$stage.sites" "$work/sites" | paste -sd ';')
    [ -z "$leaked" ] ||
        fail "$fixture $stage, allocation $n failing: exit $status, not freed: $leaked"
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
    "run_$stage" "$plain" LD_PRELOAD="$preload" \
        PREPOST_ALLOC_SITES="$work/$fixture.$stage.sites" 2>"$work/stderr"
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
