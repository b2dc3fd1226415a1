#!/usr/bin/env bash
# run_disk_full.sh: `prepost run` on a full disk (a 200 KiB tmpfs in a
# mount namespace of its own, so nothing is left mounted) fails with 73 or
# 74 and a message, and out/ stays whole; once there is room, the next run
# publishes. Needs root and unshare; skipped (77) otherwise.
set -euo pipefail
: "${PREPOST_BIN:?}" "${PREPOST_SOURCE:?}" "${PREPOST_FIXTURES:?}"
source "$PREPOST_SOURCE/tests/e2e/lib/run_standins.sh"
if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
    echo "needs root and a mount namespace: skipped"; exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make_standins "$work/bin"
cp -r "$PREPOST_FIXTURES/edge/plain" "$work/survey"
export work
export -f check_whole
unshare -m bash -euo pipefail -c '
    fail() { echo "FAIL: $*" >&2; exit 1; }
    mount --make-rprivate /
    mkdir "$work/disk"
    mount -t tmpfs -o size=200k tmpfs "$work/disk"
    "$work/bin/prepost" run -q -o "$work/disk/out" "$work/survey/survey.ini" || fail "the first run failed"
    old=$(check_whole "$work/disk/out")
    dd if=/dev/zero of="$work/disk/fill" bs=1k 2>/dev/null || true
    set +e
    "$work/bin/prepost" run -q -f -o "$work/disk/out" "$work/survey/survey.ini" 2>"$work/err"; status=$?
    set -e
    [ "$status" = 73 ] || [ "$status" = 74 ] || fail "exit $status on a full disk, expected 73 or 74"
    grep -qi "disk is full\|no space" "$work/err" || fail "message: $(cat "$work/err")"
    [ "$(check_whole "$work/disk/out")" = "$old" ] || fail "the old output was not kept whole"
    rm "$work/disk/fill"
    "$work/bin/prepost" run -q -f -o "$work/disk/out" "$work/survey/survey.ini" || fail "no recovery"
    check_whole "$work/disk/out" >/dev/null
    umount "$work/disk"
'
echo "run_disk_full: ok"
