#!/bin/bash
# table.sh: prepost-table end to end. The NPTSC fixture's partner table
# reproduces the report's Table 1.1 (expected/segment-partner.*, written by
# hand from shared figures: CIPFA 209 83.6 ... TOTAL 250 100.0); the
# summary has every item; every CSV parses (python3 csv) with one column
# count; two runs give the same bytes; hostile labels come out escaped in
# every format; a missing results file exits 66 and a damaged one 65, with
# the output folder neither created nor changed.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...
bin="${PREPOST_BIN:?PREPOST_BIN is not set}"
source_dir="${PREPOST_SOURCE:?PREPOST_SOURCE is not set}"
fixtures="${PREPOST_FIXTURES:-$source_dir/fixtures}"
expected="$source_dir/tests/e2e/expected"
command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed: skipped"; exit 77; }

results_of() {   # codebook, results file
    "$bin/prepost-ingest" -q "$1" | "$bin/prepost-tally" -q "$1" > "$work/t.tally" &&
        "$bin/prepost-stats" -q -o "$2" "$1" "$work/t.tally"
}

# ---- NPTSC: Table 1.1, the summary, CSV shape, determinism --------------
nptsc="$fixtures/nptsc/survey.ini"
results_of "$nptsc" "$work/nptsc.json" || { echo "could not make the NPTSC results"; exit 1; }
"$bin/prepost-table" -q -o "$work/one" "$nptsc" "$work/nptsc.json" || fail "prepost-table exited $?"
"$bin/prepost-table" -q -o "$work/two" "$nptsc" "$work/nptsc.json" || fail "second run exited $?"

for ext in csv md; do
    cmp -s "$expected/segment-partner.$ext" "$work/one/segment-partner.$ext" ||
        { fail "segment-partner.$ext is not Table 1.1"; diff "$expected/segment-partner.$ext" "$work/one/segment-partner.$ext"; }
done
grep -q '^CIPFA \\& SROI-UK & 7\\textsuperscript{\\dag} & 2.8 \\\\$' "$work/one/segment-partner.tex" ||
    fail "segment-partner.tex lacks the CIPFA & SROI-UK row"
grep -q '^TOTAL & 250 & 100.0 \\\\$' "$work/one/segment-partner.tex" || fail "segment-partner.tex lacks TOTAL"
for seg in sector public_type; do
    [ -s "$work/one/segment-$seg.csv" ] || fail "no segment-$seg.csv"
done
grep -q '^Public sector,217,86.8,no$' "$work/one/segment-sector.csv" || fail "sector: 217 public (86.8%)"
grep -q '^Local authority,171,78.8,no$' "$work/one/segment-public_type.csv" ||
    fail "public_type: 171 of 217 local authorities (78.8%)"

diff -r "$work/one" "$work/two" >/dev/null || fail "two runs differ"

python3 - "$work/one" "$nptsc" <<'PY' || fail "CSV or summary check"
import configparser, csv, glob, os, sys
out, codebook = sys.argv[1], sys.argv[2]
bad = 0
for path in sorted(glob.glob(os.path.join(out, "*.csv"))):
    with open(path, newline="", encoding="utf-8") as f:
        data = f.read()
    if "\r" in data:
        print(path, "has CR line ends"); bad += 1
    rows = list(csv.reader(data.splitlines(keepends=True)))
    widths = {len(r) for r in rows}
    if len(rows) < 2 or len(widths) != 1:
        print(path, "rows", len(rows), "widths", widths); bad += 1
ini = configparser.ConfigParser(strict=False, interpolation=None, inline_comment_prefixes=(";",))
ini.read(codebook)
items = [s.split(None, 1) for s in ini.sections()]
items = [(k, n) for k, n in (x for x in items if len(x) == 2) if k in ("paired", "single", "multi", "text")]
with open(os.path.join(out, "summary.csv"), newline="", encoding="utf-8") as f:
    summary = list(csv.DictReader(f))
for kind, name in items:
    rows = [r for r in summary if r["item"] == name]
    if not rows or rows[0]["kind"] != kind:
        print("summary lacks", kind, name); bad += 1
    if kind != "text":
        for ext in ("csv", "md", "tex"):
            if not os.path.exists(os.path.join(out, name + "." + ext)):
                print("no", name + "." + ext); bad += 1
whole = [r for r in summary if r["item"] == "awareness" and r["segment"] == ""][0]
if whole["n_pairs"] == "" or whole["wilcoxon_p_holm"] == "" or whole["top_shift_ci_low"] == "":
    print("awareness has empty headline figures", whole); bad += 1
small = [r for r in summary if r["small_base"] == "yes"]
if not small:
    print("no small base flagged"); bad += 1
sys.exit(1 if bad else 0)
PY
grep -q '^- † base under 50: too small to conclude from$' "$work/one/summary.md" || fail "summary.md has no legend"
grep -q '| < 0.001 |' "$work/one/awareness.md" || fail "awareness.md shows no '< 0.001'"
grep -q '\\toprule' "$work/one/awareness.tex" && grep -q '\\bottomrule' "$work/one/awareness.tex" ||
    fail "awareness.tex has no booktabs rules"

# ---- hostile labels ------------------------------------------------------
h="$work/hostile"
mkdir -p "$h"
cat > "$h/survey.ini" <<'INI'
[survey]
title    = Hostile & 100% $x$ #1 a_b {c} \d ~e ^f <script>alert(1)</script>
export   = export.csv
layout   = plain
id       = id
min_base = 3

[scale odd]
levels  = Bad, "really" & 100% | $cost$ #1 a_b {c} \d ~e ^f | <script>x</script>
missing = Don't know

[segment group]
column = group

[single rating]
title  = Rate it | please & 50% {ok} \end{table}
scale  = odd
column = rating

[paired change]
scale  = odd
before = before
after  = after
INI
printf '%s\n' 'id,group,rating,before,after' \
    'r1,"a|b, ""c"" & 5% $ # _ {x} \ ~ ^","Bad, ""really"" & 100%","Bad, ""really"" & 100%",<script>x</script>' \
    'r2,"a|b, ""c"" & 5% $ # _ {x} \ ~ ^",$cost$ #1 a_b {c} \d ~e ^f,$cost$ #1 a_b {c} \d ~e ^f,<script>x</script>' \
    'r3,"two' 'lines <script>",<script>x</script>,"Bad, ""really"" & 100%",$cost$ #1 a_b {c} \d ~e ^f' \
    'r4,"two' 'lines <script>",Don'"'"'t know,$cost$ #1 a_b {c} \d ~e ^f,<script>x</script>' > "$h/export.csv"
# Ingest folds white space in answers, so a line break inside a label can
# reach results.json only from elsewhere: put one into a segment level.
if results_of "$h/survey.ini" "$h/made.json" && python3 - "$h/made.json" "$h/results.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
old = doc["segments"][0]["levels"][1]["level"]
doc["segments"][0]["levels"][1]["level"] = "two\nlines <script>"
for item in doc["items"]:
    for slot in item.get("results", []):
        if slot["level"] == old:
            slot["level"] = "two\nlines <script>"
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
then
    "$bin/prepost-table" -q -o "$h/out" "$h/survey.ini" "$h/results.json" || fail "hostile: exited $?"
    python3 - "$h/out" <<'PY' || fail "hostile labels escaped"
import csv, os, re, sys
out = sys.argv[1]
bad = 0
def check(ok, what):
    global bad
    if not ok:
        print("hostile:", what); bad += 1
with open(os.path.join(out, "segment-group.csv"), newline="", encoding="utf-8") as f:
    levels = [r[0] for r in csv.reader(f)]
check('a|b, "c" & 5% $ # _ {x} \\ ~ ^' in levels, "CSV keeps the label exactly: %r" % levels)
check("two\nlines <script>" in levels, "CSV keeps a newline in a label")
with open(os.path.join(out, "rating.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
check(len({len(r) for r in rows}) == 1, "rating.csv column count")
check(any('Bad, "really" & 100%' in r for r in rows), "rating.csv level label")
md = open(os.path.join(out, "rating.md"), encoding="utf-8").read()
check("<script>" not in md, "Markdown has a raw <script>")
check("\\<script\\>" in md, "Markdown escapes <script>")
check("a\\|b" in md and "two<br>lines" in md, "Markdown escapes | and the newline")
for line in md.splitlines():
    if line.startswith("|"):
        cells = re.split(r"(?<!\\)\|", line)
        check(len(cells) == len(re.split(r"(?<!\\)\|", md.splitlines()[2])), "row width: " + line)
for name in ("rating.tex", "change.tex", "segment-group.tex", "summary.tex"):
    tex = open(os.path.join(out, name), encoding="utf-8").read()
    body = re.sub(r"\\(textbackslash|textasciitilde|textasciicircum|textless|textgreater|textbar)\{\}", "", tex)
    for ch in "#$%&_{}":
        for m in re.finditer(re.escape(ch), body):
            prev = body[m.start() - 1] if m.start() else ""
            ok = prev == "\\" or ch in "{}" or ch == "&" or ch == "$"
            check(ok, "%s: bare %s" % (name, ch))
    check("\\end{table}\n" == tex[-len("\\end{table}\n"):], name + " ends the table")
    check("\\end{table}" not in tex.replace("\\end{table}\n", ""), name + ": a label closed the table")
    check("<script>" not in tex and "\\textless{}script\\textgreater{}" in tex, name + " escapes <script>")
    check("\\#1 a\\_b \\{c\\} \\textbackslash{}d \\textasciitilde{}e \\textasciicircum{}f" in tex
          or name in ("segment-group.tex", "summary.tex"), name + " escapes the $cost$ label")
    check("\\$cost\\$" in tex or name in ("segment-group.tex", "summary.tex"), name + " escapes $")
    check("two lines \\textless{}script\\textgreater{}" in tex or name in ("rating.tex", "change.tex")
          and "two lines" in tex, name + ": a line break in a label becomes a space")
sys.exit(1 if bad else 0)
PY
    if command -v pdflatex >/dev/null 2>&1; then
        for name in rating change segment-group summary; do
            printf '%s\n' '\documentclass{article}' '\usepackage{booktabs}' '\begin{document}' \
                "\\input{$h/out/$name.tex}" '\end{document}' > "$h/$name-doc.tex"
            (cd "$h" && pdflatex -interaction=nonstopmode -halt-on-error "$name-doc.tex" >/dev/null 2>&1) ||
                fail "$name.tex does not compile"
        done
    else
        echo "pdflatex is not installed: the LaTeX was checked as text only"
    fi
else
    fail "could not make results for the hostile fixture"
fi

# ---- missing and damaged results: 66 and 65, the folder untouched --------
cp -r "$work/one" "$work/kept"
"$bin/prepost-table" -q -o "$work/none" "$nptsc" "$work/no-such.json" 2>"$work/err"
[ $? -eq 66 ] || fail "missing results: expected exit 66"
[ -e "$work/none" ] && fail "missing results: a folder was made"
head -c 5000 "$work/nptsc.json" > "$work/damaged.json"
"$bin/prepost-table" -q -o "$work/none" "$nptsc" "$work/damaged.json" 2>"$work/err"
[ $? -eq 65 ] || fail "damaged results: expected exit 65"
[ -e "$work/none" ] && fail "damaged results: a folder was made"
"$bin/prepost-table" -q -o "$work/one" "$nptsc" "$work/damaged.json" 2>"$work/err"
[ $? -eq 65 ] || fail "damaged results over an old folder: expected exit 65"
diff -r "$work/kept" "$work/one" >/dev/null || fail "damaged results changed the old folder"
"$bin/prepost-table" -q -o "$work/one" "$h/survey.ini" "$work/nptsc.json" 2>"$work/err"
[ $? -eq 65 ] || fail "results of another codebook: expected exit 65"
diff -r "$work/kept" "$work/one" >/dev/null || fail "a mismatched codebook changed the old folder"
ls "$work" | grep -q '\.tmp\.' && fail "a temporary folder was left behind"
"$bin/prepost-table" -q -o "$work/one" "$nptsc" "$work/nptsc.json" || fail "rerun over the old folder"
diff -r "$work/kept" "$work/one" >/dev/null || fail "rerun over the old folder changed it"
mkdir "$work/foreign" && touch "$work/foreign/keep.txt"
"$bin/prepost-table" -q -o "$work/foreign" "$nptsc" "$work/nptsc.json" 2>"$work/err"
[ $? -eq 73 ] || fail "a folder with other files: expected exit 73"
[ -e "$work/foreign/keep.txt" ] || fail "a folder with other files was replaced"
"$bin/prepost-table" -q "$nptsc" 2>/dev/null
[ $? -eq 64 ] || fail "one name only: expected exit 64"

finish table
