#!/bin/bash
# plot.sh: prepost-plot end to end. On the NPTSC reproduction and the
# culture & sport panel every expected chart is drawn (SVG and PNG), every
# SVG is well-formed XML, charts.tsv lists them, and a second run gives the
# same bytes; each chart is drawn again by each segment of the codebook, and
# the data gnuplot read for those (each level's bars, base and flag) is
# checked against results.json (lib/check_segment_charts.py). Edge cases (a
# one-level scale, an even scale, levels nobody chose, an item everyone
# answered "Don't know", items nobody answered, options nobody ticked; by
# segment: a level nobody is in, a segment nobody answered, one level, an
# item asked of one level, 48 bars) draw without failing. Hostile labels,
# titles, level names and segment levels (back-quotes, $(...),
# system("..."), quotes, backslashes, markup, datablock terminators, 500
# characters) create no file and still draw. Missing results exit 66,
# damaged results 65, a failing gnuplot 70, each with no chart written.
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

# gnuplot, keeping a copy of the script it reads in $SCRIPT_COPY.
printf '#!/bin/sh\ntee "$SCRIPT_COPY" | gnuplot\n' >"$work/gnuplot-tee" && chmod +x "$work/gnuplot-tee"

# segments_of CODEBOOK: the names of its [segment] sections, in order.
segments_of() {
    sed -n 's/^\[[Ss][Ee][Gg][Mm][Ee][Nn][Tt]  *\([^] ]*\) *\].*/\1/p' "$1"
}

# check_figure NAME FIGURE: FIGURE.svg and .png drawn and listed.
check_figure() {
    local name=$1 chart=$2
    for ext in svg png; do
        [ -s "$work/$name/$chart.$ext" ] || fail "$name: no $chart.$ext"
    done
    well_formed "$work/$name/$chart.svg" || fail "$name: $chart.svg is not well-formed XML"
    head -c 8 "$work/$name/$chart.png" | od -An -tx1 | grep -q '89 50 4e 47' ||
        fail "$name: $chart.png is not a PNG"
    grep -q "^$chart	" "$work/$name/charts.tsv" || fail "$name: charts.tsv lacks $chart"
}

# draw NAME CODEBOOK CHART...: plots into $work/NAME (the script gnuplot
# read in $work/NAME.gp) and checks each chart, and each chart by each
# segment as CHART.by-SEGMENT, against what the results say.
draw() {
    local name=$1 codebook=$2 segments figures=0
    shift 2
    segments=$(segments_of "$codebook")
    (cd "$work" && SCRIPT_COPY="$work/$name.gp" PREPOST_GNUPLOT="$work/gnuplot-tee" \
        "$plot" -q -o "$name" "$codebook" "$name.json") 2>"$work/$name.err" ||
        { fail "$name: prepost-plot failed: $(cat "$work/$name.err")"; return; }
    [ -s "$work/$name.err" ] && fail "$name: -q printed: $(cat "$work/$name.err")"
    for chart in "$@"; do
        check_figure "$name" "$chart"
        for segment in $segments; do
            check_figure "$name" "$chart.by-$segment"
            grep -q "^$chart.by-$segment	.*	$segment\$" "$work/$name/charts.tsv" ||
                fail "$name: charts.tsv does not name the segment of $chart.by-$segment"
        done
        figures=$((figures + 1 + $(wc -w <<<"$segments")))
    done
    local listed
    listed=$(($(wc -l <"$work/$name/charts.tsv") - 1))
    [ "$listed" -eq $figures ] || fail "$name: charts.tsv lists $listed charts, expected $figures"
    [ "$(find "$work/$name" -type f | wc -l)" -eq $((2 * figures + 1)) ] ||
        fail "$name: unexpected files: $(ls -A "$work/$name")"
    if [ -n "$segments" ]; then
        python3 "$PREPOST_SOURCE/tests/e2e/lib/check_segment_charts.py" "$work/$name.gp" \
            "$work/$name/charts.tsv" "$work/$name.json" "$codebook" >"$work/$name.check" ||
            fail "$name: the charts by segment do not show the results: $(cat "$work/$name.check")"
    fi
}

# chart_data NAME FIGURE BLOCK: the lines of a datablock of one figure in
# the script of NAME.
chart_data() {
    awk -v chart="# chart $2" -v block="\$$3 << PREPOST_END_OF_DATA" '
        $0 == chart { inside = 1; next }
        /^# chart / { inside = 0 }
        inside && $0 == block { taking = 1; next }
        taking && $0 == "PREPOST_END_OF_DATA" { taking = 0; inside = 0 }
        taking && !/^#/ { print }' "$work/$1.gp"
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
# By segment: awareness was asked of the public sector only, so by sector
# it draws that level alone, and by partner only the partners it has
# results for; expectations, asked of everyone, draws every sector, the
# third sector's 32 flagged as a small base.
[ "$(chart_data nptsc awareness.by-sector headings | cut -d'"' -f2)" = 'Public sector' ] ||
    fail "awareness by sector does not draw the public sector alone"
grep -q '>Public sector · n = 212 pairs<' "$work/nptsc/awareness.by-sector.svg" ||
    fail "awareness by sector: the public sector's heading and base are not drawn"
[ "$(chart_data nptsc awareness.by-partner headings | cut -d'"' -f2 | tr '\n' '|')" = \
    'CIPFA|SROI-UK|CIPFA & SROI-UK|IVAR|' ] || fail "awareness by partner: not the partners asked"
[ "$(chart_data nptsc expectations.by-sector headings)" = \
'"Public sector" 0 1 0 "n = 212" ""
"Third sector" 1 2 0 "n = 32" "base under 50: too small to conclude from"' ] ||
    fail "expectations by sector: the levels' headings are wrong: $(chart_data nptsc expectations.by-sector headings)"
grep -q 'base under 50: too small to conclude from' "$work/nptsc/expectations.by-sector.svg" ||
    fail "expectations by sector: the third sector's small base is not flagged"

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

# By segment: a level nobody is in draws with n = 0; a segment nobody
# answered draws and says so; an item asked of one level draws that level;
# 48 bars draw on a canvas sized for them; a battery keeps the whole
# sample's order in every level; hostile segment levels stay text.
rm -f /tmp/prepost-pwned-*
segs="$fixtures/edge/plot-segments/survey.ini"
results segs "$segs"
draw segs "$segs" shift parts rates only north_only ticks
chart_data segs rates.by-group headings | grep -qx '"Nobody here" 4 3 0 "n = 0" "base under 5: too small to conclude from"' ||
    fail "rates by group: the level nobody is in is not drawn with n = 0"
grep -q '>Nobody here · n = 0<' "$work/segs/rates.by-group.svg" || fail "rates by group: no n = 0 heading"
grep -q 'By blank: nobody is in any of its levels' "$work/segs/shift.by-blank.svg" ||
    fail "shift by blank: a segment nobody answered does not say so"
[ "$(chart_data segs shift.by-blank rows | wc -l)" -eq 0 ] || fail "shift by blank: bars drawn for no level"
[ "$(chart_data segs north_only.by-group headings | cut -d'"' -f2)" = North ] ||
    fail "north_only by group: not the north alone"
[ "$(chart_data segs only.by-same rows | wc -l)" -eq 1 ] || fail "only by same: not one bar"
bars=$(chart_data segs parts.by-many rows | wc -l)
[ "$bars" -eq 48 ] || fail "parts by many: $bars bars, expected 48"
height=$(grep -o 'height="[0-9]*"' "$work/segs/parts.by-many.svg" | head -1 | tr -dc 0-9)
[ "${height:-0}" -ge $((36 * 48)) ] || fail "parts by many: 48 bars on a canvas $height high"
[ "$(chart_data segs rates.by-group rows | awk '{print $NF}' | tr '\n' ' ')" = '2 1 2 1 2 1 ' ] ||
    fail "rates by group: the better item (second in the codebook) is not first in every level"
grep -q '&lt;script>alert(1)&lt;/script> &amp; ]] > ../../a/b' "$work/segs/parts.by-evil.svg" ||
    fail "segs: the markup segment level is not escaped text"
grep -q '<script' "$work/segs/"*.svg && fail "segs: a segment level became markup"
created=$(cd "$work" && find . /tmp -maxdepth 2 -name '*pwned*' 2>/dev/null)
[ -z "$created" ] || fail "hostile segment levels created files: $created"
# Nothing is cut off at the sides of a picture: a level's option ticked by
# everyone in it has its "100%" label whole, left of the right edge.
python3 "$PREPOST_SOURCE/tests/e2e/lib/png_edge.py" "$work/nptsc/support.by-partner.png" \
    "$work/segs/ticks.png" "$work/segs/ticks.by-group.png" >"$work/edges.check" ||
    fail "options charts drawn to the edge of the picture: $(cat "$work/edges.check")"

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
