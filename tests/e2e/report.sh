#!/bin/bash
# report.sh: runs prepost-report as a user would on the NPTSC results (with
# some charts and tables present and some not) and on a codebook and export
# full of hostile text, and checks the page: well formed, every title, the
# verdicts in plain words, the small-base flags, nothing that could run,
# the same bytes twice, the date only from SOURCE_DATE_EPOCH, each wave's
# rejects and the one-wave respondents of a panel (culture-sport), and the
# exit statuses and leftovers of a missing and a damaged results file; the
# charts by segment under each chart, with their alt text.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

bin="${PREPOST_BIN:?set PREPOST_BIN}"
source_dir="${PREPOST_SOURCE:?set PREPOST_SOURCE}"
fixtures="${PREPOST_FIXTURES:?set PREPOST_FIXTURES}"
check="$source_dir/tests/tools/html_check.py"
[ -x "$bin/prepost-report" ] || { echo "skipped: prepost-report was not built"; exit 77; }
command -v python3 >/dev/null || { echo "skipped: python3 is needed to check the page"; exit 77; }

# results SURVEY.ini DIR: the pipeline up to DIR/results.json and DIR/rejects.csv.
results() {
    mkdir -p "$2"
    "$bin/prepost-ingest" -q -r "$2/rejects.csv" "$1" | "$bin/prepost-tally" -q "$1" >"$2/tally" \
        && "$bin/prepost-stats" -q -o "$2/results.json" "$1" "$2/tally" \
        || fail "the pipeline failed on $1"
}

# section FILE ID: the text of <section id="item-ID"> of the page.
section() {
    python3 -c 'import re,sys; m=re.search(r"<section id=\"item-%s\">.*?</section>" % sys.argv[2], open(sys.argv[1]).read(), re.S); print(m.group(0) if m else "")' "$1" "$2"
}

# ---- NPTSC: a chart and tables for some items only ------------------------
nptsc="$fixtures/nptsc/survey.ini"
out="$work/nptsc"
results "$nptsc" "$out"
mkdir -p "$out/plots" "$out/tables"
echo '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' >"$out/plots/awareness.svg"
echo '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' >"$out/plots/works_public.svg"
# Charts by segment: some, with and without their PNG, and one with no level
# to draw (the third sector's capability battery by public sector type).
for chart in awareness.by-sector awareness.by-partner works_public.by-partner capability_third \
    capability_third.by-public_type; do
    echo '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' >"$out/plots/$chart.svg"
done
printf '\x89PNG\r\n' >"$out/plots/awareness.by-sector.png"
echo 'a,b' >"$out/tables/awareness.csv"
echo 'a,b' >"$out/tables/summary.csv"
env -u SOURCE_DATE_EPOCH "$bin/prepost-report" -q -o "$out/index.html" -r "$out/rejects.csv" \
    "$nptsc" "$out/results.json" || fail "report on NPTSC: exit $?"
page="$out/index.html"
[ -s "$page" ] || fail "no index.html"
python3 "$check" "$page" || fail "the NPTSC page is not well formed"

python3 - "$page" "$out/results.json" <<'PY' || fail "an item's title is missing from the page"
import html, json, sys
page = open(sys.argv[1]).read()
missing = [i["id"] for i in json.load(open(sys.argv[2]))["items"]
           if html.escape(i["title"], quote=True).replace("&#x27;", "&#39;") not in page]
print("titles missing:", missing) if missing else None
sys.exit(1 if missing else 0)
PY
grep -q 'a significant increase (p &lt; 0.001, Holm-adjusted)' <<<"$(section "$page" awareness)" \
    || fail "awareness is not 'a significant increase'"
grep -q 'no significant change (p = 1.00, Holm-adjusted; p = 0.44 unadjusted)' <<<"$(section "$page" bid_quality)" \
    || fail "bid_quality is not 'no significant change'"
grep -q 'too small a base to conclude from (n = 28, under 50)' <<<"$(section "$page" bid_success)" \
    || fail "bid_success (third sector) is not flagged as too small a base"
grep -q 'Third sector</th><td>33</td>' "$page" || fail "the third sector's row of 33 is missing"
grep -q '<img src="plots/awareness.svg" alt="How would you rate your awareness of commissioning services from TSOs?, before and after: Very good or Excellent rose from 28% to 70%' "$page" \
    || fail "awareness chart or its alt text is missing"
grep -q '<img src="plots/works_public.svg"' "$page" || fail "the works_public battery chart is missing"
# Charts by segment, under the item's chart, each in its own <details>, with
# alt text level by level; only those prepost-plot made.
awareness=$(section "$page" awareness)
grep -q '<details class="by-segment">' <<<"$awareness" || fail "awareness: no chart by segment"
grep -q '<summary>The chart by sector</summary>' <<<"$awareness" || fail "awareness: the chart by sector is not headed"
grep -q '<img src="plots/awareness.by-sector.svg" alt="How would you rate your awareness of commissioning services from TSOs?, by sector. Public sector, before and after: Very good or Excellent rose from 28% to 70%. ">' <<<"$awareness" \
    || fail "awareness by sector: the chart or its alt text is wrong"
grep -q '<a href="plots/awareness.by-sector.png">The chart by sector as a picture (PNG)</a>' <<<"$awareness" \
    || fail "awareness by sector: its PNG is not linked"
grep -q 'alt="[^"]*, by partner\. CIPFA, before and after: [^"]*SROI-UK, before and after: [^"]*(base 5, too small to conclude from)\. [^"]*IVAR, [^"]*">' <<<"$awareness" \
    || fail "awareness by partner: the alt text does not give each partner asked with its small base"
grep -q 'alt="[^"]*bassac' <<<"$awareness" && fail "awareness by partner: a partner not asked is in the alt text"
grep -q 'awareness.by-partner.png' <<<"$awareness" && fail "awareness by partner: a PNG that does not exist is linked"
grep -q 'awareness.by-public_type' <<<"$awareness" && fail "a chart by segment that does not exist is linked"
grep -q '<img src="plots/works_public.by-partner.svg" alt="My involvement in the programme has improved the way our organisation works at this stage of the commissioning cycle, by partner, 4 items charted together. CIPFA: Needs analysis: [0-9]*% Agree or Strongly agree' "$page" \
    || fail "works_public by partner: the battery's alt text does not name its items by their words"
grep -q 'No chart by public_type: no one asked is in any of its levels.' "$page" \
    || fail "capability_third by public_type: a chart with no level is not said in words"
grep -q 'src="plots/capability_third.by-public_type.svg"' "$page" && fail "a chart with no level is shown"
grep -q 'No chart: the chart plots/understanding.svg was not made' "$page" \
    || fail "a missing chart is not said in words"
grep -q 'src="plots/understanding.svg"' "$page" && fail "a chart that does not exist is linked"
grep -q 'href="tables/awareness.csv"' "$page" || fail "the awareness table is not linked"
grep -q 'href="tables/summary.csv"' "$page" || fail "the summary table is not linked"
grep -q 'href="tables/understanding.csv"' "$page" && fail "a table that does not exist is linked"
grep -q 'href="results.json"' "$page" || fail "results.json is not linked"
grep -q 'No rows of the export were rejected' "$page" || fail "the rejects summary is missing"
grep -q 'Made on' "$page" && fail "a date is shown without SOURCE_DATE_EPOCH"
grep -Eq '(src|href)="(https?:)?//' "$page" && fail "the page loads something from the network"

# A battery is headed, in its section and in the contents, by the question
# its items share (as its chart is), not by its name in the codebook.
works_title='My involvement in the programme has improved the way our organisation works at this stage of the commissioning cycle'
grep -q "<h2>$works_title <span class=\"kind\">(4 items charted together)</span></h2>" "$page" \
    || fail "the works_public battery is not headed by its shared question"
grep -q "<li><a href=\"#battery-works_public\">$works_title</a>" "$page" \
    || fail "the contents do not name the works_public battery by its shared question"
grep -q '>works_public<\|>works_public ' "$page" && fail "a battery's raw name is shown as a heading"

# A battery whose items are not adjacent is one section and one entry of
# the contents, where its first item stands.
python3 - "$out/results.json" "$out/apart.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
items = results["items"]
moved = next(i for i in items if i["id"] == "works_planning")
items.remove(moved)
items.append(moved)
json.dump(results, open(sys.argv[2], "w"))
PY
"$bin/prepost-report" -q -o "$out/apart.html" "$nptsc" "$out/apart.json" || fail "report on a split battery: exit $?"
python3 "$check" "$out/apart.html" || fail "the page of a split battery is not well formed"
[ "$(grep -c 'href="#battery-works_public"' "$out/apart.html")" -eq 1 ] \
    || fail "a battery split in results.json is listed more than once in the contents"
[ "$(grep -c 'id="battery-works_public"' "$out/apart.html")" -eq 1 ] \
    || fail "a battery split in results.json has more than one section"
python3 - "$out/apart.html" <<'PY' || fail "a split battery is not listed where its first item stands, with all its items"
import re, sys
page = open(sys.argv[1]).read()
nav = page[page.index("<nav"):page.index("</nav>")]
order = re.findall(r'href="#(?:item|battery)-([^"]+)"', nav)
# the battery right after understanding, its four items under it in the
# order of results.json, planning (moved to the end) among them
want = ["understanding", "works_public", "works_needs_analysis", "works_specification",
        "works_monitoring_evaluation", "works_planning"]
start = order.index("understanding")
sys.exit(0 if order[start:start + len(want)] == want else 1)
PY

# Determinism: the same bytes twice; the date only from SOURCE_DATE_EPOCH.
env -u SOURCE_DATE_EPOCH "$bin/prepost-report" -q -o "$out/again.html" -r "$out/rejects.csv" \
    "$nptsc" "$out/results.json" && cmp -s "$page" "$out/again.html" \
    || fail "two runs gave different pages"
SOURCE_DATE_EPOCH=1298937600 "$bin/prepost-report" -q -o "$out/dated.html" \
    "$nptsc" "$out/results.json" || fail "report with SOURCE_DATE_EPOCH: exit $?"
grep -q 'Made on 2011-03-01' "$out/dated.html" || fail "the SOURCE_DATE_EPOCH date is not shown"

# ---- hostile text: shown, never run ----------------------------------------
hostile="$fixtures/edge/hostile/survey.ini"
hout="$work/hostile"
results "$hostile" "$hout"
"$bin/prepost-report" -q -o "$hout/index.html" -r "$hout/rejects.csv" "$hostile" "$hout/results.json" \
    || fail "report on hostile text: exit $?"
python3 "$check" "$hout/index.html" || fail "hostile text broke the page's markup"
grep -qi '<script' "$hout/index.html" && fail "a <script tag reached the page"
grep -Eqi '<[^>]* on[a-z]+=' "$hout/index.html" && fail "an event attribute reached a tag"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &quot;double&quot; &#39;single&#39; &amp;amp; &#96;date&#96; $(touch pwned)' \
    "$hout/index.html" || fail "the hostile title is not shown escaped"
grep -q 'could not be detected' "$hout/index.html" || fail "no id column: duplicates not said"
grep -q '1 row of the export was rejected' "$hout/index.html" || fail "the rejected row is not summarised"

# ---- a two-wave panel: each wave's rejects and who answered one wave only ----
# culture-sport: the before wave has one repeated id (NTY-03), the after wave
# none; 11 answered only the before wave, 5 only the after wave.
panel="$fixtures/culture-sport/survey.ini"
pout="$work/panel"
mkdir -p "$pout"
"$bin/prepost-ingest" -q --wave before -o "$pout/before.records" -r "$pout/rejects.csv" "$panel" \
    && "$bin/prepost-ingest" -q --wave after -o "$pout/after.records" -r "$pout/rejects-after.csv" "$panel" \
    && "$bin/prepost-pair" -q -u "$pout/unmatched.csv" "$pout/before.records" "$pout/after.records" \
        | "$bin/prepost-tally" -q "$panel" >"$pout/tally" \
    && "$bin/prepost-stats" -q -o "$pout/results.json" "$panel" "$pout/tally" \
    || fail "the pipeline failed on the culture-sport panel"
"$bin/prepost-report" -q -o "$pout/index.html" --rejects "$pout/rejects.csv" \
    --rejects-after "$pout/rejects-after.csv" --unmatched "$pout/unmatched.csv" \
    "$panel" "$pout/results.json" || fail "report on the panel: exit $?"
ppage="$pout/index.html"
python3 "$check" "$ppage" || fail "the panel's page is not well formed"
grep -q "1 row of the before wave's export was rejected and not counted" "$ppage" \
    || fail "the before wave's rejected row is not summarised as the before wave's"
grep -q '<td>NTY-03</td><td>Staff code</td><td>duplicate id</td>' "$ppage" \
    || fail "the before wave's repeated id is not listed"
grep -q "No rows of the after wave's export were rejected" "$ppage" \
    || fail "the after wave's rejects are not summarised"
grep -q 'href="rejects-after.csv"' "$ppage" && fail "a link to rejects-after.csv, which has no rows to show"
grep -q '11 respondents answered only the before wave, 5 only the after wave' "$ppage" \
    || fail "the unmatched respondents are not summarised"
grep -q '<th scope="row">TOR-01</th><td>the before wave</td><td>3</td>' "$ppage" \
    || fail "the first respondent of the before wave only is not listed"
grep -q '<th scope="row">BAD-01</th><td>the after wave</td><td>2</td>' "$ppage" \
    || fail "the first respondent of the after wave only is not listed"
[ "$(grep -c '<td>the before wave</td>' "$ppage")" -eq 5 ] \
    || fail "not the first 5 of the 11 who answered only the before wave"
grep -q 'href="unmatched.csv">unmatched.csv</a>' "$ppage" || fail "unmatched.csv is not linked"
# Rejects in the after wave are shown as the after wave's.
{ head -1 "$pout/rejects.csv"; echo '7,LEI-09,Staff code,duplicate id,LEI-09,an id no earlier row has'; } \
    >"$pout/late.csv"
"$bin/prepost-report" -q -o "$pout/late.html" --rejects "$pout/rejects-after.csv" \
    --rejects-after "$pout/late.csv" "$panel" "$pout/results.json" || fail "report with after-wave rejects: exit $?"
python3 "$check" "$pout/late.html" || fail "the page with after-wave rejects is not well formed"
grep -q "1 row of the after wave's export was rejected" "$pout/late.html" \
    || fail "an after-wave reject is not summarised as the after wave's"
grep -q "No rows of the before wave's export were rejected" "$pout/late.html" \
    || fail "an empty before-wave rejects list is not said"
grep -q '<td>LEI-09</td>' "$pout/late.html" || fail "the after wave's rejected row is not listed"
grep -q 'answered only the before wave' "$pout/late.html" && fail "unmatched respondents shown without --unmatched"
# A value written with an apostrophe so a spreadsheet cannot run it is shown as the respondent typed it.
{ head -1 "$pout/rejects.csv"; echo "8,\"'=HYPERLINK(1)\",Staff code,duplicate id,\"'@SUM(A1)\",an id no earlier row has"; } \
    >"$pout/formula.csv"
"$bin/prepost-report" -q -o "$pout/formula.html" --rejects "$pout/rejects-after.csv" \
    --rejects-after "$pout/formula.csv" "$panel" "$pout/results.json" || fail "report with a formula-like reject: exit $?"
grep -q '<td>=HYPERLINK(1)</td>' "$pout/formula.html" && grep -q '<td>@SUM(A1)</td>' "$pout/formula.html" \
    || fail "the apostrophe that keeps a spreadsheet from running a rejected value is shown"
# A panel's options on a one-wave survey, and a file that is no unmatched list.
"$bin/prepost-report" -q -o "$work/onewave.html" --unmatched "$pout/unmatched.csv" \
    "$nptsc" "$out/results.json" 2>/dev/null
[ $? -eq 64 ] || fail "--unmatched for a one-wave survey: not 64"
"$bin/prepost-report" -q -o "$work/notlist.html" --unmatched "$pout/rejects.csv" \
    "$panel" "$pout/results.json" 2>"$work/err"
[ $? -eq 65 ] || fail "a rejects file given as --unmatched: not 65"
grep -q 'rejects.csv' "$work/err" || fail "the file that is no unmatched list is not named"
# prepost run gives the report both waves' rejects and the unmatched list.
if [ -x "$bin/prepost" ]; then
    "$bin/prepost" run -q -o "$work/run" "$panel" || fail "prepost run on the panel: exit $?"
    grep -q "No rows of the after wave's export were rejected" "$work/run/index.html" \
        || fail "prepost run: the after wave's rejects are not on the page"
    grep -q '11 respondents answered only the before wave, 5 only the after wave' "$work/run/index.html" \
        || fail "prepost run: the unmatched respondents are not on the page"
fi

# ---- missing and damaged results ---------------------------------------------
"$bin/prepost-report" -q -o "$work/missing.html" "$nptsc" "$work/no-such.json" 2>"$work/err"
[ $? -eq 66 ] || fail "missing results: not 66"
grep -q 'no-such.json' "$work/err" || fail "missing results not named"
[ -e "$work/missing.html" ] && fail "a page was written for missing results"
head -c 2000 "$out/results.json" >"$work/damaged.json"
"$bin/prepost-report" -q -o "$work/damaged.html" "$nptsc" "$work/damaged.json" 2>"$work/err"
[ $? -eq 65 ] || fail "damaged results: not 65"
grep -q 'damaged.json' "$work/err" || fail "damaged results not named"
ls "$work" | grep -q '^damaged.html' && fail "a page was left for damaged results"
"$bin/prepost-report" -q -o "$work/other.html" "$hostile" "$out/results.json" 2>/dev/null
[ $? -eq 65 ] || fail "results of another survey: not 65"
"$bin/prepost-report" -q "$nptsc" 2>/dev/null
[ $? -eq 64 ] || fail "one name only: not 64"

finish report
