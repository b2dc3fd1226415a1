#!/bin/bash
# report_browser.sh: opens the NPTSC dashboard in headless Chromium (with a
# chart file for every chart and every chart by segment) and checks that
# the browser logs no console message, that every picture and link the
# page uses is there (so no request can fail) and that nothing comes from
# the network; leaves a screenshot in the build tree
# (tests/report-screenshot.png) to look at.
# Skipped (77) where Chromium is not installed (scripts/setup installs it).
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

bin="${PREPOST_BIN:?set PREPOST_BIN}"
fixtures="${PREPOST_FIXTURES:?set PREPOST_FIXTURES}"
browser=$(command -v chromium || command -v chromium-browser) \
    || { echo "skipped: chromium is not installed (scripts/setup installs it)"; exit 77; }
[ -x "$bin/prepost-report" ] || { echo "skipped: prepost-report was not built"; exit 77; }

survey="$fixtures/nptsc/survey.ini"
out="$work/out"
mkdir -p "$out/plots" "$out/tables"
"$bin/prepost-ingest" -q -r "$out/rejects.csv" "$survey" | "$bin/prepost-tally" -q "$survey" >"$work/tally" \
    && "$bin/prepost-stats" -q -o "$out/results.json" "$survey" "$work/tally" || fail "the pipeline failed"
# A stand-in chart for every chart name, and every chart by segment
# (prepost-plot draws the real ones).
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
results = json.load(open(out + "/results.json"))
for item in results["items"]:
    if item["kind"] != "text":
        chart = item["battery"] or item["id"]
        for name in [chart] + ["%s.by-%s" % (chart, s["name"]) for s in results["segments"]]:
            open("%s/plots/%s.svg" % (out, name), "w").write(
                '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="240">'
                '<rect width="800" height="240" fill="#dde6f0"/><text x="20" y="40" '
                'font-size="22">%s</text></svg>' % name)
PY
SOURCE_DATE_EPOCH=1298937600 "$bin/prepost-report" -q -o "$out/index.html" -r "$out/rejects.csv" \
    "$survey" "$out/results.json" || fail "prepost-report: exit $?"
grep -q '<details class="by-segment">' "$out/index.html" || fail "the page shows no chart by segment"

# Every local src and href must name a file beside the page; none may be remote.
python3 - "$out" <<'PY' || fail "the page refers to a file that is not there, or to the network"
import os, re, sys
out = sys.argv[1]
page = open(out + "/index.html").read()
bad = [u for u in re.findall(r'(?:src|href)="([^"#][^"]*)"', page)
       if re.match(r"[a-z]+:", u) or u.startswith("//") or not os.path.exists(os.path.join(out, u))]
print("refers to:", bad) if bad else None
sys.exit(1 if bad else 0)
PY

shot="$bin/../tests/report-screenshot.png"
mkdir -p "$(dirname "$shot")"
profile=$(mktemp -d -p "$work")
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile" --enable-logging=stderr --v=0)
timeout 120 "$browser" "${flags[@]}" --screenshot="$shot" --window-size=1000,3000 \
    "file://$out/index.html" >/dev/null 2>"$work/log" || fail "chromium failed: $(tail -3 "$work/log")"
[ -s "$shot" ] || fail "no screenshot was written"
timeout 120 "$browser" "${flags[@]}" --dump-dom "file://$out/index.html" >"$work/dom" 2>>"$work/log"
grep -q '<h1>NPTSC participant survey 2010/11</h1>' "$work/dom" || fail "the browser did not show the page"
grep -E 'CONSOLE|ERR_FILE_NOT_FOUND|Failed to load' "$work/log" && fail "the browser logged a console message or a failed load"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "report_browser: the page opens cleanly; screenshot in $shot"
