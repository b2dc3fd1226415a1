#!/usr/bin/env bash
# help.sh: every program in PREPOST_BIN (prepost and each prepost-STAGE)
# answers --help with exit 0 and a usage text on standard output, and
# --version with exit 0; so does `prepost run --help`. Each stage's help
# names --output and --quiet, and `prepost --help` lists each stage.
set -euo pipefail
: "${PREPOST_BIN:?}"
fail() { echo "FAIL: $*" >&2; exit 1; }
found=0
for program in "$PREPOST_BIN"/prepost "$PREPOST_BIN"/prepost-*; do
    [ -f "$program" ] && [ -x "$program" ] || continue
    found=$((found + 1))
    name=$(basename "$program")
    text=$("$program" --help) || fail "$name --help exited $?"
    grep -qi 'usage' <<<"$text" || fail "$name --help prints no usage"
    "$program" --version >/dev/null || fail "$name --version exited $?"
    # Every stage reads -o/--output and -q/--quiet (cli_parse_options) and
    # says so; `prepost --help` lists every stage it runs.
    case $name in
    prepost-*)
        grep -q -- '--output' <<<"$text" || fail "$name --help does not mention --output"
        grep -q -- '--quiet' <<<"$text" || fail "$name --help does not mention --quiet"
        grep -q "^  ${name#prepost-} " <<<"$("$PREPOST_BIN/prepost" --help)" \
            || fail "prepost --help does not list ${name#prepost-}"
        ;;
    esac
done
[ "$found" -ge 6 ] || fail "only $found programs found in $PREPOST_BIN"
text=$("$PREPOST_BIN/prepost" run --help) || fail "prepost run --help exited $?"
grep -q -- '--jobs' <<<"$text" || fail "prepost run --help does not mention --jobs"
echo "help: $found programs ok"
