#!/usr/bin/env bash
# run_messages.sh: what `prepost run` says, and its exit status, where a
# user trial found it saying too little or too much:
#  - `prepost run --version` and -V print the version and exit 0, and
#    --help lists them;
set -euo pipefail
source "${PREPOST_SOURCE:?}/tests/e2e/lib/run_standins.sh"
begin_run_test
prepost=$work/bin/prepost

# expect WANT WHAT CMD...: CMD's output in $work/stdout and $work/err;
# fails unless it exits WANT.
expect() {
    local want=$1 what=$2 got=0
    shift 2
    "$@" >"$work/stdout" 2>"$work/err" || got=$?
    [ "$got" = "$want" ] || fail "$what: exit $got, expected $want: $(cat "$work/err")"
}

# --version and -V, as `prepost --version`; listed in --help.
for option in --version -V; do
    expect 0 "run $option" "$prepost" run "$option"
    [ "$(cat "$work/stdout")" = "$("$prepost" --version)" ] \
        || fail "run $option printed '$(cat "$work/stdout")'"
done
"$prepost" run --help | grep -q -- '-V, --version' || fail "run --help does not list --version"

echo "run_messages: ok"
