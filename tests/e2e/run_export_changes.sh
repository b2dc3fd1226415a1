#!/usr/bin/env bash
# run_export_changes.sh: an export that changes while a run reads it (here
# a row is appended during the plot stage) is not published: exit 75, a
# message naming the export, the old output whole; the next run publishes.
# Nor is one changed and put back byte for byte during the run (the run
# may have read it either way): the export's times tell, not its hash.
set -euo pipefail
source "${PREPOST_SOURCE:?}/tests/e2e/lib/run_standins.sh"
begin_run_test
cp -r "$PREPOST_FIXTURES/edge/plain" "$work/survey"
"$work/bin/prepost" run -q -o "$work/out" "$work/survey/survey.ini"
old=$(check_whole "$work/out")
echo 'R99,Public sector,Poor,Good,Agree,,,,' >"$work/row"
set +e
PREPOST_STANDIN_HOOK="cat '$work/row' >>'$work/survey/export.csv'" \
    "$work/bin/prepost" run -q -f -o "$work/out" "$work/survey/survey.ini" 2>"$work/err"; status=$?
set -e
[ "$status" = 75 ] || fail "exit $status, expected 75"
grep -q 'export.csv changed while it was being read' "$work/err" || fail "message: $(cat "$work/err")"
[ "$(check_whole "$work/out")" = "$old" ] || fail "the old output was not kept whole"
"$work/bin/prepost" run -q -o "$work/out" "$work/survey/survey.ini" || fail "the next run failed"
[ "$(check_whole "$work/out")" != "$old" ] || fail "the next run did not publish the new export"

published=$(check_whole "$work/out")
cp "$work/survey/export.csv" "$work/export.kept"
set +e
PREPOST_STANDIN_HOOK="cat '$work/row' >>'$work/survey/export.csv'; cat '$work/export.kept' >'$work/survey/export.csv'" \
    "$work/bin/prepost" run -q -f -o "$work/out" "$work/survey/survey.ini" 2>"$work/err"; status=$?
set -e
cmp -s "$work/survey/export.csv" "$work/export.kept" || fail "the export was not put back"
[ "$status" = 75 ] || fail "changed and put back: exit $status, expected 75"
grep -q 'export.csv changed while it was being read' "$work/err" || fail "message: $(cat "$work/err")"
[ "$(check_whole "$work/out")" = "$published" ] || fail "changed and put back: the output was replaced"
echo "run_export_changes: ok"
