#!/usr/bin/env bash
# run_messages.sh: what `prepost run` says, and its exit status, where a
# user trial found it saying too little or too much:
#  - a missing export is named as the codebook names it, with its key
#    (export, or which of before_export/after_export), exit 66;
#  - `prepost run --version` and -V print the version and exit 0, and
#    --help lists them;
#  - a folder given as the codebook (to run) or as the export (to init) is
#    called a folder, exit 66, as prepost-ingest calls one;
#  - no line of a run names the temporary directory the output was built
#    in (gone once published); the last line names the published output.
#    With the stand-ins (which, like the real stages, name where they
#    wrote unless -q), and with the real stages when they are built.
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

# A one-wave export missing, named by a path inside a folder.
cp -r "$PREPOST_FIXTURES/edge/plain" "$work/plain"
sed -i 's|^export = export.csv$|export = data/export-2024.csv|' "$work/plain/survey.ini"
grep -q '^export = data/export-2024.csv$' "$work/plain/survey.ini" || fail "fixture changed: no export line"
expect 66 "missing export" "$prepost" run -o "$work/out" "$work/plain/survey.ini"
grep -q 'data/export-2024.csv' "$work/err" || fail "missing export not named: $(cat "$work/err")"
grep -q '(export in ' "$work/err" || fail "missing export's key not given: $(cat "$work/err")"
[ ! -e "$work/out" ] || fail "missing export: an output was made"

# A panel's after wave missing: which export it is.
cp -r "$PREPOST_FIXTURES/edge/panel" "$work/panel"
rm "$work/panel/after.csv"
expect 66 "missing after export" "$prepost" run -o "$work/out" "$work/panel/survey.ini"
grep -q 'after.csv (after_export in ' "$work/err" || fail "missing after_export not named: $(cat "$work/err")"
! grep -q before_export "$work/err" || fail "missing after_export blamed on before_export"

# --version and -V, as `prepost --version`; listed in --help.
for option in --version -V; do
    expect 0 "run $option" "$prepost" run "$option"
    [ "$(cat "$work/stdout")" = "$("$prepost" --version)" ] \
        || fail "run $option printed '$(cat "$work/stdout")'"
done
"$prepost" run --help | grep -q -- '-V, --version' || fail "run --help does not list --version"

# A folder where a file is wanted: run (the codebook), init and ingest.
mkdir "$work/folder"
expect 66 "run FOLDER" "$prepost" run -o "$work/out" "$work/folder"
grep -q "folder, not a file" "$work/err" || fail "run FOLDER: $(cat "$work/err")"
expect 66 "init FOLDER" "$PREPOST_BIN/prepost" init -o "$work/draft.ini" "$work/folder"
grep -q "folder, not a file" "$work/err" || fail "init FOLDER: $(cat "$work/err")"
expect 66 "init EXPORT FOLDER" "$PREPOST_BIN/prepost-init" -o "$work/draft.ini" \
    "$PREPOST_FIXTURES/edge/panel/before.csv" "$work/folder"
grep -q "folder, not a file" "$work/err" || fail "init EXPORT FOLDER: $(cat "$work/err")"
expect 66 "ingest FOLDER" "$PREPOST_BIN/prepost-ingest" "$work/folder"
grep -q "folder, not a file" "$work/err" || fail "ingest FOLDER: $(cat "$work/err")"

# no_temporary_names PREPOST NAME: a run names only the published output.
no_temporary_names() {
    local survey=$2
    expect 0 "$1 run" "$1" run -o "$work/published/" "$survey"
    ! grep -n '\.tmp\.' "$work/err" || fail "$1: a line names the temporary directory"
    tail -n 1 "$work/err" | grep -q "^prepost run: published $work/published: the dashboard $work/published/index.html," \
        || fail "$1: the last line does not name the output: $(tail -n 1 "$work/err")"
}
no_temporary_names "$prepost" "$PREPOST_FIXTURES/edge/plain/survey.ini"
no_temporary_names "$prepost" "$PREPOST_FIXTURES/edge/panel/survey.ini"
if [ -x "$PREPOST_BIN/prepost-plot" ] && command -v gnuplot >/dev/null; then
    no_temporary_names "$PREPOST_BIN/prepost" "$PREPOST_FIXTURES/edge/plain/survey.ini"
    grep -q '[1-9][0-9]* charts in ' "$work/err" || fail "the real run does not count its charts"
else
    echo "the real stages or gnuplot are missing: checked with the stand-ins only"
fi
echo "run_messages: ok"
