# common.sh: sourced by the end-to-end drivers that count their failures and
# report them at the end (set -u, not set -e). It gives the driver
#   $work              a temporary directory, removed on exit (a driver that
#                      has more to clean up sets its own EXIT trap after)
#   failures, checks   0; fail and check count into them
#   fail MESSAGE...    prints "FAIL: MESSAGE" and counts a failure
#   check WHAT CMD...  counts a check; runs CMD and fails with WHAT if it fails
#   expect_status WANT WHAT CMD...
#                      runs CMD with its output in $work/stdout and
#                      $work/stderr; fails (showing stderr) unless it exits WANT
#   skip_unless_set VAR...
#                      exit 77 (skipped) unless each VAR is set and not empty
#   skip_unless_built STAGE...
#                      exit 77 (skipped) unless $PREPOST_BIN/prepost-STAGE is built
#   finish NAME [NOTE] the last line: "NAME: all checks passed [NOTE]", or
#                      "NAME: N check(s) failed [NOTE]" and exit 1

work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

check() {
    local what=$1
    shift
    checks=$((checks + 1))
    "$@" || fail "$what"
}

expect_status() {
    local want=$1 what=$2
    shift 2
    "$@" >"$work/stdout" 2>"$work/stderr"
    local got=$?
    [ "$got" -eq "$want" ] || { fail "$what: exit $got, expected $want"; cat "$work/stderr"; }
}

skip_unless_set() {
    local var
    for var in "$@"; do
        [ -n "${!var:-}" ] || { echo "skip: $* must be set (run through ctest)"; exit 77; }
    done
}

skip_unless_built() {
    local stage
    for stage in "$@"; do
        [ -x "${PREPOST_BIN:-}/prepost-$stage" ] || { echo "skipped: prepost-$stage was not built"; exit 77; }
    done
}

finish() {
    if [ "$failures" -gt 0 ]; then
        echo "$1: $failures check(s) failed${2:+ $2}"
        exit 1
    fi
    echo "$1: all checks passed${2:+ $2}"
}
