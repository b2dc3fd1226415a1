#!/bin/bash
# plot.sh: prepost-plot end to end. On the NPTSC reproduction and the
# culture & sport panel every expected chart is drawn (SVG and PNG), every
# SVG is well-formed XML, charts.tsv lists them, and a second run gives the
# same bytes. Edge cases (a one-level scale, an even scale, levels nobody
# chose, an item everyone answered "Don't know", items nobody answered,
# options nobody ticked) draw without failing. Hostile labels, titles and
# level names (back-quotes, $(...), system("..."), quotes, backslashes,
# markup, datablock terminators, 500 characters) create no file and still
# draw. Missing results exit 66, damaged results 65, a failing gnuplot 70,
# each with no chart written.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

bin="${PREPOST_BIN:?set PREPOST_BIN}"
fixtures="${PREPOST_FIXTURES:?set PREPOST_FIXTURES}"
skip_unless_built ingest pair tally stats plot
command -v gnuplot >/dev/null || { echo "skipped: gnuplot is not installed"; exit 77; }
plot="$bin/prepost-plot"

trap 'rm -rf "$work" /tmp/prepost-pwned-*' EXIT

# results NAME CODEBOOK: a one-wave survey's results.json in $work/NAME.json.
results() {
    "$bin/prepost-ingest" -q "$2" | "$bin/prepost-tally" -q "$2" >"$work/$1.tally" &&
        "$bin/prepost-stats" -q -o "$work/$1.json" "$2" "$work/$1.tally" ||
        fail "$1: no results from the earlier stages"
}

# panel_results NAME CODEBOOK: the same for a two-wave panel.
panel_results() {
    "$bin/prepost-ingest" -q --wave before -o "$work/$1.before" -r /dev/null "$2" &&
        "$bin/prepost-ingest" -q --wave after -o "$work/$1.after" -r /dev/null "$2" &&
        "$bin/prepost-pair" -q -o "$work/$1.records" -u /dev/null "$work/$1.before" "$work/$1.after" &&
        "$bin/prepost-tally" -q -o "$work/$1.tally" "$2" "$work/$1.records" &&
        "$bin/prepost-stats" -q -o "$work/$1.json" "$2" "$work/$1.tally" ||
        fail "$1: no results from the earlier stages"
}

well_formed() {
    if command -v xmllint >/dev/null; then
        xmllint --noout "$1" 2>/dev/null
    else
        python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$1" 2>/dev/null
    fi
}

# draw NAME CODEBOOK CHART...: plots into $work/NAME and checks each chart.
draw() {
    local name=$1 codebook=$2
    shift 2
    (cd "$work" && "$plot" -q -o "$name" "$codebook" "$name.json") 2>"$work/$name.err" ||
        { fail "$name: prepost-plot failed: $(cat "$work/$name.err")"; return; }
    [ -s "$work/$name.err" ] && fail "$name: -q printed: $(cat "$work/$name.err")"
    for chart in "$@"; do
        for ext in svg png; do
            [ -s "$work/$name/$chart.$ext" ] || fail "$name: no $chart.$ext"
        done
        well_formed "$work/$name/$chart.svg" || fail "$name: $chart.svg is not well-formed XML"
        head -c 8 "$work/$name/$chart.png" | od -An -tx1 | grep -q '89 50 4e 47' ||
            fail "$name: $chart.png is not a PNG"
        grep -q "^$chart	" "$work/$name/charts.tsv" || fail "$name: charts.tsv lacks $chart"
    done
    local listed
    listed=$(($(wc -l <"$work/$name/charts.tsv") - 1))
    [ "$listed" -eq $# ] || fail "$name: charts.tsv lists $listed charts, expected $#"
    [ "$(find "$work/$name" -type f | wc -l)" -eq $((2 * $# + 1)) ] ||
        fail "$name: unexpected files: $(ls -A "$work/$name")"
}

nptsc="$fixtures/nptsc/survey.ini"
results nptsc "$nptsc"
draw nptsc "$nptsc" awareness understanding works_public involvement_public bid_quality \
    commissioning_practice capability_third involvement_third bid_success \
    bid_practice_quality bid_practice expectations support
grep -q $'^works_public\tdiverging\t.*\tworks_needs_analysis,works_planning,' "$work/nptsc/charts.tsv" ||
    fail "charts.tsv: the works_public battery line is wrong"
grep -q 'too small to conclude from' "$work/nptsc/bid_success.svg" ||
    fail "bid_success (33 third sector respondents) lacks the small-base flag"
grep -q 'too small to conclude from' "$work/nptsc/awareness.svg" &&
    fail "awareness (212 pairs) is flagged as a small base"

# Determinism: a second run gives the same bytes.
(cd "$work" && "$plot" -q -o again "$nptsc" nptsc.json) || fail "second NPTSC run failed"
for f in "$work"/nptsc/*; do
    cmp -s "$f" "$work/again/$(basename "$f")" || fail "$(basename "$f") differs between two runs"
done

cs="$fixtures/culture-sport/survey.ini"
panel_results cs "$cs"
draw cs "$cs" outcomes satisfaction
# order = as written: understanding first, redesign last.
grep -n 'Staff understanding\|Services reformed' "$work/cs/outcomes.svg" | head -1 |
    grep -q 'Staff understanding' || fail "outcomes: not in the order written"

edges="$fixtures/edge/plot-edges/survey.ini"
results edges "$edges"
draw edges "$edges" one_level yes_no unused_levels all_dont_know nobody lonely_battery mixed \
    paired_nobody options_unused options_nobody
# Levels nobody chose are still in the legend.
grep -q '>Very good<' "$work/edges/unused_levels.svg" || fail "unused_levels: a level nobody chose is missing from the legend"

# Hostile text: nothing it names may be created, and the charts still draw.
rm -f /tmp/prepost-pwned-*
hostile="$fixtures/edge/plot-hostile/survey.ini"
results hostile "$hostile"
draw hostile "$hostile" evil_paired evil_battery evil_long evil_multi
created=$(cd "$work" && find . /tmp -maxdepth 2 -name '*pwned*' 2>/dev/null)
[ -z "$created" ] || fail "hostile text created files: $created"
grep -q '&lt;script>' "$work/hostile/evil_paired.svg" || fail "hostile: the markup label is not escaped text"
grep -q '<script' "$work/hostile/evil_paired.svg" && fail "hostile: a label became markup"

# expect_status WANT WHAT ARGS...: runs prepost-plot, expects the status and
# no chart in $work/none.
expect_status() {
    local want=$1 what=$2
    shift 2
    rm -rf "$work/none"
    "$@" >/dev/null 2>"$work/status.err"
    local got=$?
    [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want: $(cat "$work/status.err")"
    [ -z "$(ls -A "$work/none" 2>/dev/null)" ] || fail "$what: wrote $(ls -A "$work/none")"
}
expect_status 66 "missing results" "$plot" -o "$work/none" "$nptsc" "$work/no-such.json"
head -c 2000 "$work/nptsc.json" >"$work/damaged.json"
expect_status 65 "damaged results" "$plot" -o "$work/none" "$nptsc" "$work/damaged.json"
expect_status 65 "results of another survey" "$plot" -o "$work/none" "$nptsc" "$work/cs.json"
expect_status 66 "no templates there" "$plot" -t "$work/nowhere" -o "$work/none" "$nptsc" "$work/nptsc.json"
mkdir -p "$work/broken"
cp "$PREPOST_SOURCE/plots/"*.gp "$work/broken/"
echo 'this is not gnuplot' >>"$work/broken/options.gp"
expect_status 70 "a broken template" "$plot" -t "$work/broken" -o "$work/none" "$nptsc" "$work/nptsc.json"
PREPOST_GNUPLOT=false expect_status 70 "gnuplot fails" "$plot" -o "$work/none" "$nptsc" "$work/nptsc.json"
PREPOST_GNUPLOT="$work/no-such-gnuplot" expect_status 70 "no gnuplot" \
    "$plot" -o "$work/none" "$nptsc" "$work/nptsc.json"
expect_status 64 "one name" "$plot" "$nptsc"
"$plot" --help | grep -q 'Exit status' || fail "--help"
"$plot" --version | grep -q 'prepost' || fail "--version"

finish plot
