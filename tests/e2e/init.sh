#!/bin/bash
# init.sh: prepost-init drafts a codebook for every fixture export, and the
# draft gives the statistics of the hand-written codebook, item by item where
# both read the same columns (lib/compare_results.py), for the fixtures of
# the tables below, which say what legitimately differs; so does the panel
# codebook it drafts from a panel's two exports; for the other exports
# (listed after the tables, with why), the draft at least ingests. The
# example SPSS files of Debian's pspp package draft and run through ingest,
# tally and stats. A missing export is 66, a file of another kind than the
# codebook says is 65, three exports are a wrong command line (64). An
# export that is not UTF-8 (the bad-input catalogue's UTF-16, UTF-32 and
# Windows-1252 cases) is refused (65) with the message ingest gives, and
# writes no draft.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

bin="${PREPOST_BIN:?set PREPOST_BIN}"
fixtures="${PREPOST_FIXTURES:?set PREPOST_FIXTURES}"
source_dir="${PREPOST_SOURCE:?set PREPOST_SOURCE}"
compare="$(dirname "${BASH_SOURCE[0]}")/lib/compare_results.py"
[ -x "$bin/prepost-init" ] || { echo "skipped: $bin/prepost-init was not built"; exit 77; }
command -v python3 >/dev/null || { echo "skipped: no python3 to compare results"; exit 77; }

# chain INI OUT: ingest, tally and stats; OUT gets results.json. Status of the first to fail.
chain() {
    "$bin/prepost-ingest" -q -o "$2.records" -r "$2.rejects" "$1" &&
        "$bin/prepost-tally" -q -o "$2.tally" "$1" "$2.records" &&
        "$bin/prepost-stats" -q -o "$2" "$1" "$2.tally"
}

# chain_panel INI OUT: both waves' ingest, pair, tally and stats; OUT gets results.json.
chain_panel() {
    "$bin/prepost-ingest" -q --wave before -o "$2.before" -r "$2.before-rejects" "$1" &&
        "$bin/prepost-ingest" -q --wave after -o "$2.after" -r "$2.after-rejects" "$1" &&
        "$bin/prepost-pair" -q -o "$2.records" "$2.before" "$2.after" &&
        "$bin/prepost-tally" -q -o "$2.tally" "$1" "$2.records" &&
        "$bin/prepost-stats" -q -o "$2" "$1" "$2.tally"
}

# draft EXPORT DIR: copies the export into DIR and drafts DIR/draft.ini beside it.
draft() {
    mkdir -p "$2" && cp "$1" "$2/" &&
        "$bin/prepost-init" -q -o "$2/draft.ini" "$2/$(basename "$1")"
}

# Same statistics as the hand-written codebook, item by item. Each line:
# FIXTURE@ALLOWED@HAND@why. ALLOWED (a regular expression over the lines of
# compare_results.py, empty for none) names what legitimately differs. HAND
# (a sed script, empty for none) gives the draft what only the hand-written
# codebook knows, no export says, before it runs.
no_boxes='[.](notes[.])?(top_|bottom_|mcnemar_p)[a-z_]*: (None|.no level is marked.) against'
few_rows='segment row .* only in one'
sides='[.](positive|negative|neutral|positive_vs_negative_p): '
nobody='no draft item reads the columns of \[[a-z_]*\], which nobody answered$'
one_level='^one_level/one: segment row \(None, None\) only in one$'
min_base='[.]small_base: False against True$'
while IFS='@' read -r fixture allowed hand why; do
    ini="$fixtures/$fixture/survey.ini"
    export_name=$(sed -n 's/^export *= *\([^ ;]*\).*/\1/p' "$ini")
    dir="$work/${fixture//\//-}"
    draft "$fixtures/$fixture/$export_name" "$dir" || { fail "$fixture: init failed"; continue; }
    [ -z "$hand" ] || sed -i "$hand" "$dir/draft.ini" || { fail "$fixture: $hand"; continue; }
    chain "$ini" "$dir/hand.json" 2>"$dir/stderr" || { fail "$fixture: the hand-written codebook did not run"; cat "$dir/stderr"; continue; }
    chain "$dir/draft.ini" "$dir/draft.json" 2>"$dir/stderr" || { fail "$fixture: the draft did not run"; cat "$dir/stderr"; continue; }
    python3 "$compare" "$ini" "$dir/hand.json" "$dir/draft.ini" "$dir/draft.json" "$allowed" >"$dir/compare" ||
        { fail "$fixture: the draft's statistics differ (allowed: ${why:-nothing})"; cat "$dir/compare"; }
done <<EOF_TABLE
edge/plain@@@
edge/gzip@@@
edge/gzip-named-csv@@@
edge/plain-named-gz@@@
nptsc@@@
edge/google@$no_boxes@@the hand-written scale names no top or bottom box; the draft proposes them
edge/quoted@$no_boxes@@the hand-written scale names no top or bottom box; the draft proposes them
edge/trailing-empty@$no_boxes@@the hand-written scale names no top or bottom box; the draft proposes them
edge/bom@$no_boxes|$few_rows@@no top or bottom box by hand; two respondents are too few to propose the sector segment
edge/crlf@$no_boxes|$few_rows@@no top or bottom box by hand; three respondents are too few to propose the sector segment
edge/duplicate-ids@$no_boxes|$sides@@the hand-written scale names no top or bottom box; the draft proposes them
edge/qualtrics-old@$no_boxes|$few_rows@@no top or bottom box by hand; two respondents are too few to propose the sector segment
edge/qualtrics@$no_boxes|$sides@s/^options = .*/options = Networking, events and forums | Masterclasses | Electronic material/@no top or bottom box by hand (so no positive or negative side); only the hand-written codebook knows the options offered, in their order: Electronic material though one respondent chose it, Webinars not though one did (so that row is rejected)
edge/surveymonkey@$no_boxes|$sides|$few_rows|answered outside among@@no top or bottom box by hand; three respondents are too few to propose a segment; awareness is asked among the Public sector by hand, yet two Third sector respondents answered it, which no export can tell apart from a question asked of all
edge/curly@$no_boxes|$nobody@@no top or bottom box by hand; nobody wrote a comment, so the draft leaves the column out
edge/plot-edges@$no_boxes|$sides|$min_base|$nobody|$one_level@@no top or bottom box by hand; min_base = 5 by hand; items nobody answered are left out; the one-level scale "Only" is one no export can show to be a scale, so the draft reads that column as text
EOF_TABLE
# NPTSC: the draft groups the same items into batteries as the hand-written
# codebook (under other ids), and asks the same items among the same level.
python3 -c 'import sys
sys.path.insert(0, sys.argv[3])
from compare_results import read_ini, columns_of
def keyed(path):
    ini, found = read_ini(path), {}
    for name in ini.sections():
        if name.partition(" ")[0] in ("paired", "single", "multi", "text"):
            s = ini[name]
            found[columns_of(s)] = (s.get("battery"), s.get("among", "").rpartition("=")[2].strip())
    return found
hand, draft = keyed(sys.argv[1]), keyed(sys.argv[2])
groups = lambda items, which: sorted(sorted(k for k in items if items[k][0] == b)
                                     for b in {v[0] for v in items.values()} - {None})
assert groups(hand, hand) == groups({k: draft[k] for k in hand}, draft), "batteries differ"
bad = [k[0] for k in hand if hand[k][1] != draft[k][1]]
assert not bad, "among differs: %r" % bad' \
    "$fixtures/nptsc/survey.ini" "$work/nptsc/draft.ini" "$(dirname "$compare")" ||
    fail "nptsc: batteries or among differ from the hand-written codebook"

# An export of scripts/gen-export: the draft gives the statistics of the
# codebook the generator writes beside it, and names its items and segment
# by the words that tell them apart (awareness, cycle, procurement, sector),
# as that codebook does, not by the words their questions share ("How would
# you rate your ...").
gen="$work/gen-export"
if python3 "$source_dir/scripts/gen-export" --rows 200 --seed 7 --out "$gen" >/dev/null &&
    "$bin/prepost-init" -q -o "$gen/draft.ini" "$gen/export.csv" 2>"$gen.stderr"; then
    { chain "$gen/survey.ini" "$gen/hand.json" && chain "$gen/draft.ini" "$gen/draft.json" &&
        python3 "$compare" "$gen/survey.ini" "$gen/hand.json" "$gen/draft.ini" "$gen/draft.json" \
            >"$gen/compare"; } 2>"$gen.stderr" ||
        { fail "gen-export: the draft's statistics differ"; cat "$gen.stderr" "$gen/compare"; }
    python3 -c 'import re, sys
sys.path.insert(0, sys.argv[2])
from compare_results import read_ini
ini = read_ini(sys.argv[1])
def ids(kind):
    return {ini[s].get("title", ""): s.partition(" ")[2] for s in ini.sections()
            if s.startswith(kind + " ")}
paired, single = ids("paired"), ids("single")
assert len(set(paired.values())) == len(paired) == 6, "6 paired ids, all different: %r" % paired
for word, items in (("awareness", paired), ("cycle", paired), ("procurement", paired),
                    ("relevant", single)):
    mine = [i for title, i in items.items() if re.search(r"\b%s\b" % word, title, re.I)]
    assert len(mine) == 1 and word in mine[0].split("_"), "not named by %s: %r" % (word, mine)
common = [i for i in paired.values() if {"how", "would", "you", "rate", "your"} & set(i.split("_"))]
assert not common, "named by the words every question shares: %r" % common
segments = [s.partition(" ")[2] for s in ini.sections() if s.startswith("segment ")]
assert segments == ["sector"], "the sector segment is named %r" % segments' \
        "$gen/draft.ini" "$(dirname "$compare")" || fail "gen-export: the draft's ids do not say what the items are about"
else
    fail "gen-export: no export, or no draft of it"; cat "$gen.stderr"
fi

# A two-wave panel: a draft covers one export, so each wave's draft is
# compared with that wave's items of the hand-written codebook (a paired
# item as a single one on that wave's column: lib/one_wave.py). Each line:
# PANEL@ALLOWED@why, as above.
while IFS='@' read -r panel_dir allowed why; do
    for wave in before after; do
        panel="$fixtures/$panel_dir/survey.ini"
        export_name=$(sed -n "s/^${wave}_export *= *\([^ ;]*\).*/\1/p" "$panel")
        dir="$work/${panel_dir//\//-}-$wave"
        draft "$fixtures/$panel_dir/$export_name" "$dir" || { fail "$panel_dir $wave: init failed"; continue; }
        python3 "$(dirname "$compare")/one_wave.py" "$panel" "$wave" "$dir/hand.ini" ||
            { fail "$panel_dir $wave: no one-wave codebook"; continue; }
        chain "$dir/hand.ini" "$dir/hand.json" 2>"$dir/stderr" || { fail "$panel_dir $wave: the hand-written items did not run"; cat "$dir/stderr"; continue; }
        chain "$dir/draft.ini" "$dir/draft.json" 2>"$dir/stderr" || { fail "$panel_dir $wave: the draft did not run"; cat "$dir/stderr"; continue; }
        python3 "$compare" "$dir/hand.ini" "$dir/hand.json" "$dir/draft.ini" "$dir/draft.json" "$allowed" >"$dir/compare" ||
            { fail "$panel_dir $wave: the draft's statistics differ (allowed: $why)"; cat "$dir/compare"; }
    done
done <<EOF_TABLE
culture-sport@[.]small_base: False against True@the hand-written codebook sets min_base = 30, the draft keeps the default
edge/panel@$no_boxes|$sides|$few_rows|missing_counts: \[0\] against \[\]@no top or bottom box by hand (so no positive or negative side); three respondents are too few to propose a segment; nobody after answered "Don't know", so the draft does not list it as missing
EOF_TABLE

# A two-wave panel drafted from both its exports (prepost-init BEFORE AFTER),
# run through both waves and pair, compared with the hand-written panel
# codebook. Each line: PANEL@ALLOWED@why, as above.
while IFS='@' read -r panel_dir allowed why; do
    panel="$fixtures/$panel_dir/survey.ini"
    dir="$work/${panel_dir//\//-}-panel"
    mkdir -p "$dir"
    exports=()
    for wave in before after; do
        export_name=$(sed -n "s/^${wave}_export *= *\([^ ;]*\).*/\1/p" "$panel")
        cp "$fixtures/$panel_dir/$export_name" "$dir/" && exports+=("$dir/$export_name")
    done
    "$bin/prepost-init" -q -o "$dir/draft.ini" "${exports[@]}" 2>"$dir/stderr" ||
        { fail "$panel_dir: init of both waves failed"; cat "$dir/stderr"; continue; }
    chain_panel "$panel" "$dir/hand.json" 2>"$dir/stderr" || { fail "$panel_dir: the hand-written panel did not run"; cat "$dir/stderr"; continue; }
    chain_panel "$dir/draft.ini" "$dir/draft.json" 2>"$dir/stderr" || { fail "$panel_dir: the panel draft did not run"; cat "$dir/stderr"; continue; }
    python3 "$compare" "$panel" "$dir/hand.json" "$dir/draft.ini" "$dir/draft.json" "$allowed" >"$dir/compare" ||
        { fail "$panel_dir: the panel draft's statistics differ (allowed: $why)"; cat "$dir/compare"; }
    grep -q '^[0-9]* items compared' "$dir/compare" && ! grep -q '^0 items compared' "$dir/compare" ||
        fail "$panel_dir: no item of the panel draft compared"
done <<EOF_TABLE
culture-sport@$min_base@the hand-written codebook sets min_base = 30, the draft keeps the default
edge/panel@$no_boxes|$sides|$few_rows@no top or bottom box by hand (so no positive or negative side); three respondents are too few to propose a segment
EOF_TABLE

# Not compared statistic by statistic, and why (each still drafts and ingests below):
#  edge/unknown-labels: misspelt labels in every rating column, so no column matches a scale
#  edge/header-only: no respondents to learn from
#  edge/hostile, edge/plot-hostile: scale labels made of markup no known scale matches

# Every other export: the draft ingests; a file no layout can read is refused (65).
n=0
for export_file in "$fixtures"/culture-sport/*.csv "$fixtures"/edge/*/export*; do
    n=$((n + 1))
    dir="$work/export-$n"
    draft "$export_file" "$dir" 2>"$dir.stderr"
    status=$?
    case $status in
        0) "$bin/prepost-ingest" -q -o /dev/null -r /dev/null "$dir/draft.ini" 2>"$dir.stderr" ||
               { fail "$export_file: the draft does not ingest"; cat "$dir.stderr"; } ;;
        65) echo "refused, as a bad file: $export_file: $(cat "$dir.stderr")" ;;
        *) fail "$export_file: init exited $status"; cat "$dir.stderr" ;;
    esac
done

# Google Forms joins the choices of a checkbox question in one cell; one
# option holds a comma. The draft infers the options of the hand-written codebook.
dir="$work/google-multi"
draft "$fixtures/edge/google/export.csv" "$dir" 2>"$dir.stderr" || { fail "google: init failed"; cat "$dir.stderr"; }
grep -q '^options = Networking, events and forums | Masterclasses | Electronic material$' "$dir/draft.ini" ||
    fail "google: the one-cell multi-select was not drafted with its three options"
grep -q '^column  = What sort of ongoing support mechanisms would you be interested in?$' "$dir/draft.ini" ||
    fail "google: the one-cell multi-select does not name its column"
# The survey's title is only the export's file name: the draft says so.
grep -A2 '^\[survey\]$' "$dir/draft.ini" | grep -q "^; export's file name; give the survey's own$" &&
    grep -q '^title  = export$' "$dir/draft.ini" ||
    fail "google: the title from the file name is not marked check:"

# The example .sav files of pspp (scripts/setup installs it).
savs=$(dpkg -L pspp 2>/dev/null | grep -i '\.sav$')
if [ -z "$savs" ]; then
    "$source_dir/scripts/setup" >/dev/null 2>&1
    savs=$(dpkg -L pspp 2>/dev/null | grep -i '\.sav$')
fi
# Without them only this part is left out: the checks before and after it still count.
[ -n "$savs" ] || echo "not checked: pspp and its example .sav files are not installed"
for sav in $savs; do
    dir="$work/$(basename "$sav" .sav)"
    draft "$sav" "$dir" 2>"$dir.stderr" || { fail "$sav: init failed"; cat "$dir.stderr"; continue; }
    grep -q '^layout = spss$' "$dir/draft.ini" || fail "$sav: not drafted as layout = spss"
    chain "$dir/draft.ini" "$dir/results.json" 2>"$dir.stderr" ||
        { fail "$sav: the draft does not run"; cat "$dir.stderr"; }
done
hotel="$work/hotel"
if [ -f "$hotel/draft.ini" ]; then
    [ "$(grep -c '^scale  = agree$' "$hotel/draft.ini")" -eq 5 ] ||
        fail "hotel.sav: five ratings on the agree scale expected"
    grep -q '^levels  = Strongly disagree | Disagree | No opinion | Agree | Strongly agree$' "$hotel/draft.ini" ||
        fail "hotel.sav: the value labels are not the scale, worst to best"
    python3 -c 'import json, sys
items = json.load(open(sys.argv[1]))["items"]
assert len(items) == 5, items
assert all(i["results"][0]["n"] == 17 for i in items), [i["results"][0] for i in items]' \
        "$hotel/results.json" || fail "hotel.sav: 17 answers to each of 5 items expected"
    sed 's/^layout = spss$/layout = stata/' "$hotel/draft.ini" >"$hotel/stata.ini"
    "$bin/prepost-ingest" -q -o /dev/null -r /dev/null "$hotel/stata.ini" 2>"$hotel/stderr"
    [ $? -eq 65 ] && grep -q 'say layout = spss' "$hotel/stderr" ||
        { fail "an SPSS file read as Stata: not refused with 65 naming spss"; cat "$hotel/stderr"; }
fi

# An export that puts the after column first: one paired item reads both,
# and no other item reads either (the after column was drafted twice, as a
# single rating too, and counted twice).
printf 'id,Awareness after,Awareness before\n1,Good,Poor\n2,Very good,Fair\n3,Excellent,Good\n4,Fair,Poor\n5,Good,Excellent\n' \
    >"$work/after-first.csv"
"$bin/prepost-init" -q -o "$work/after-first.ini" "$work/after-first.csv" ||
    fail "after first: init failed"
[ "$(grep -c '^\[' "$work/after-first.ini")" -eq 3 ] && grep -q '^\[paired awareness\]$' "$work/after-first.ini" &&
    grep -q '^before = Awareness before$' "$work/after-first.ini" &&
    grep -q '^after  = Awareness after$' "$work/after-first.ini" ||
    fail "after first: not one paired item over both columns: $(grep '^\[' "$work/after-first.ini" | tr '\n' ' ')"

# One respondent and one column: the summary line speaks of one of each.
printf 'Comments\nfine\n' >"$work/one.csv"
"$bin/prepost-init" -o "$work/one.ini" "$work/one.csv" 2>"$work/one.stderr" ||
    fail "one respondent: init failed: $(cat "$work/one.stderr")"
grep -qx 'prepost-init: plain layout, 1 column, 1 respondent' "$work/one.stderr" ||
    fail "one respondent: the summary says: $(cat "$work/one.stderr")"

# Not UTF-8: init stops as ingest does, with the same message, and no draft.
catalogue="$source_dir/tests/bad-inputs"
for case in 51-utf16le-export-with-bom 52-utf16be-export-without-bom 53-utf32-export \
            11-windows-1252-apostrophe 10-invalid-utf8-text 54-latin1-header-cell 58-latin1-comment-gzip; do
    dir="$work/encoding-$case"
    mkdir -p "$dir"
    cp "$catalogue/$case/export.csv" "$catalogue/survey.ini" "$dir/"
    (cd "$dir" && "$bin/prepost-init" -q -o draft.ini export.csv 2>init.stderr)
    status=$?
    (cd "$dir" && "$bin/prepost-ingest" -q -o /dev/null survey.ini 2>ingest.stderr)
    [ "$status" -eq 65 ] || fail "$case: init exited $status, expected 65: $(cat "$dir/init.stderr")"
    [ ! -e "$dir/draft.ini" ] || fail "$case: init wrote a draft"
    grep -q 'not UTF-8' "$dir/init.stderr" || fail "$case: init does not say not UTF-8: $(cat "$dir/init.stderr")"
    [ "$(sed 's/^prepost-init: //' "$dir/init.stderr")" = "$(sed 's/^prepost-ingest: //' "$dir/ingest.stderr")" ] ||
        fail "$case: init and ingest say different things:"$'\n'"$(cat "$dir/init.stderr" "$dir/ingest.stderr")"
done

"$bin/prepost-init" -q "$work/no-such-export.csv" 2>/dev/null
[ $? -eq 66 ] || fail "a missing export: exit 66 expected"
"$bin/prepost-init" -q "$fixtures/edge/panel/before.csv" "$fixtures/edge/panel/after.csv" \
    "$fixtures/edge/panel/after.csv" >/dev/null 2>&1
[ $? -eq 64 ] || fail "three exports: exit 64 expected"

finish init
