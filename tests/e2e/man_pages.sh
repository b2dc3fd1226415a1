#!/usr/bin/env bash
# man_pages.sh: every program in PREPOST_BIN has a manual page in man/,
# every page formats with groff without a warning, and each stage's page
# names --output and --quiet. Skipped (77)
# without groff.
set -euo pipefail
: "${PREPOST_BIN:?}" "${PREPOST_SOURCE:?}"
command -v groff >/dev/null || { echo "no groff: skipped"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
for program in "$PREPOST_BIN"/prepost "$PREPOST_BIN"/prepost-*; do
    [ -f "$program" ] && [ -x "$program" ] || continue
    name=$(basename "$program")
    [ -f "$PREPOST_SOURCE/man/$name.1" ] || fail "no manual page man/$name.1"
done
for page in "$PREPOST_SOURCE"/man/*.1; do
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$warnings" ] || fail "$(basename "$page"): $warnings"
    grep -q '^\.SH EXIT STATUS' "$page" || fail "$(basename "$page") has no EXIT STATUS"
    case $(basename "$page") in
    prepost-*)  # every stage reads --output and --quiet (cli_parse_options)
        grep -q -- '\\-\\-output' "$page" || fail "$(basename "$page") does not mention --output"
        grep -q -- '\\-\\-quiet' "$page" || fail "$(basename "$page") does not mention --quiet"
        ;;
    esac
done
echo "man_pages: ok"
