#!/usr/bin/env bash
# run_unwritable.sh: when nothing can be written beside out/, `prepost run`
# exits 73 with a plain message and out/ stays whole. Permissions do not
# stop root, so as root the runs are made as user nobody (setpriv); skipped
# (77) when that cannot be done.
set -euo pipefail
: "${PREPOST_BIN:?}" "${PREPOST_SOURCE:?}" "${PREPOST_FIXTURES:?}"
source "$PREPOST_SOURCE/tests/e2e/lib/run_standins.sh"
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
chmod 755 "$work"
make_standins "$work/bin"
cp -r "$PREPOST_FIXTURES/edge/plain" "$work/survey"
chmod -R a+rX "$work"
mkdir "$work/site"
as_user=()
if [ "$(id -u)" = 0 ]; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    chown 65534:65534 "$work/site"
    "${as_user[@]}" true 2>/dev/null || { echo "cannot run as nobody: skipped"; exit 77; }
    "${as_user[@]}" test -x "$work/bin/prepost-ingest" || { echo "nobody cannot reach the build: skipped"; exit 77; }
fi
"${as_user[@]}" "$work/bin/prepost" run -q -o "$work/site/out" "$work/survey/survey.ini" || fail "the first run failed"
old=$(check_whole "$work/site/out")
chmod 555 "$work/site"
set +e
"${as_user[@]}" "$work/bin/prepost" run -q -f -o "$work/site/out" "$work/survey/survey.ini" 2>"$work/err"; status=$?
set -e
[ "$status" = 73 ] || fail "exit $status, expected 73 ($(cat "$work/err"))"
grep -q "cannot make a working directory beside $work/site/out" "$work/err" || fail "message: $(cat "$work/err")"
[ "$(check_whole "$work/site/out")" = "$old" ] || fail "the old output was not kept whole"
echo "run_unwritable: ok"
