#!/usr/bin/env bash
# run_shards.sh: `prepost run --jobs N` publishes the same bytes as
# --jobs 1: on a generated SurveyMonkey export (plain, gzip, with a
# byte-order mark) and on a hostile plain export with answers over several
# lines, blank lines, CRLF, quoted spaces, and repeated ids whose first row
# is kept or rejected, so duplicates fall across shards; only shards that
# lost rows to an earlier shard's ids are counted again. Also: an export
# that cannot be cut is read in one job and fails as one job does, and
# --jobs takes 1 to 64. Runs with stand-ins for plot, table and report.
set -euo pipefail
source "${PREPOST_SOURCE:?}/tests/e2e/lib/run_standins.sh"
begin_run_test
prepost=$work/bin/prepost
export SOURCE_DATE_EPOCH=1700000000

# same_for_jobs DIR: runs DIR/survey.ini with several --jobs, compares.
same_for_jobs() {
    local dir=$1 jobs
    "$prepost" run -q -o "$work/one" "$dir/survey.ini" || fail "--jobs 1 on $dir"
    check_whole "$work/one" >/dev/null
    for jobs in 2 3 5 8 17; do
        rm -rf "$work/many"
        "$prepost" run -q -j "$jobs" -o "$work/many" "$dir/survey.ini" || fail "--jobs $jobs on $dir"
        diff -r "$work/one" "$work/many" >/dev/null || fail "--jobs $jobs differs from --jobs 1 on $dir"
    done
    rm -rf "$work/one" "$work/many"
}

python3 "$PREPOST_SOURCE/scripts/gen-export" --rows 1500 --seed 11 --out "$work/gen"
same_for_jobs "$work/gen"
# Shards whose ids no other shard repeats keep the tally their ingest
# counted as it read them: nothing is counted twice.
"$prepost" run -j 3 -o "$work/said" "$work/gen/survey.ini" 2>"$work/said.err" || fail "--jobs 3 said"
grep -q '^prepost run: tally done in .*: every shard counted as it was read$' "$work/said.err" \
    || fail "shards counted again: $(cat "$work/said.err")"
rm -rf "$work/said"
python3 "$PREPOST_SOURCE/scripts/gen-export" --rows 700 --seed 12 --gzip --out "$work/gz"
same_for_jobs "$work/gz"
# Below --jobs 4 a gzip export is read in one job (inflated beside the
# parsing); from 4 on it is inflated whole and cut.
"$prepost" run -f -j 3 -o "$work/said" "$work/gz/survey.ini" 2>"$work/said.err" || fail "gzip -j 3"
grep -q 'reading the export in one job: below --jobs 4 a gzip export' "$work/said.err" \
    || fail "gzip -j 3 was cut: $(cat "$work/said.err")"
"$prepost" run -f -j 4 -o "$work/said" "$work/gz/survey.ini" 2>"$work/said.err" || fail "gzip -j 4"
grep -q '^prepost run: split done in .*: 4 shards$' "$work/said.err" \
    || fail "gzip -j 4 was not cut in 4: $(cat "$work/said.err")"
rm -rf "$work/said"
python3 "$PREPOST_SOURCE/scripts/gen-export" --rows 700 --seed 13 --bom --out "$work/bom"
same_for_jobs "$work/bom"

# The hostile export: the plain edge case's codebook, rows made here.
mkdir -p "$work/hostile"
cp "$PREPOST_FIXTURES/edge/plain/survey.ini" "$work/hostile/"
python3 - "$work/hostile/export.csv" <<'PY'
import random, sys
r = random.Random(5)
levels = ["Poor", "Fair", "Good", "Very good", "Excellent", "Don't know", "Excelent", ""]
rows = ["Respondent ID,Sector,Awareness before,Awareness after,The programme met my expectations,"
        "Support: Networking,Support: Masterclasses,Support: Electronic material,Comments"]
for i in range(1200):
    rid = "R%d" % r.randrange(900)                  # about a quarter repeat
    if r.random() < 0.03:
        rid = ""
    elif r.random() < 0.05:
        rid = '"  %s "' % rid                        # quoted, spaces trimmed by ingest
    sector = r.choice(["Public sector", "Third sector", "Third sector", "Charity"])
    comment = r.choice(['', 'fine', '"two\nlines, ""quoted"""', '"  leading spaces"',
                        '"a\r\nb\n\nc"', 'x"y'])
    row = [rid, sector, r.choice(levels), r.choice(levels),
           r.choice(["Agree", "Strongly agree", "Agree-ish"]),
           r.choice(["Networking", ""]), "", "", comment]
    if r.random() < 0.02:
        row.append("surplus")
    rows.append(",".join(row))
    if r.random() < 0.05:
        rows.append(r.choice(["", "   ", "\t"]))
end = "\r\n"
open(sys.argv[1], "w", newline="").write(end.join(rows) + end)
PY
"$prepost" run -q -o "$work/h1" "$work/hostile/survey.ini"
grep -q ',duplicate id,' "$work/h1/rejects.csv" || fail "the hostile export has no repeated ids"
[ "$(grep -c ',duplicate id,' "$work/h1/rejects.csv")" -gt 100 ] || fail "too few repeated ids to cross shards"
same_for_jobs "$work/hostile"
"$prepost" run -j 3 -o "$work/said" "$work/hostile/survey.ini" 2>"$work/said.err" || fail "hostile said"
grep -q '^prepost run: tally done in .*: [12] of 3 shards counted again without the rows of repeated ids$' \
    "$work/said.err" || fail "hostile shards not counted again: $(cat "$work/said.err")"
rm -rf "$work/said"
rm -rf "$work/h1"

# A quote never closed: read in one job, and it fails as one job does.
mkdir -p "$work/open"
cp "$PREPOST_FIXTURES/edge/plain/survey.ini" "$work/open/"
{ head -3 "$PREPOST_FIXTURES/edge/plain/export.csv"; printf 'R9,Public sector,Poor,Good,Agree,,,,"never closed\n'; } >"$work/open/export.csv"
set +e
"$prepost" run -q -o "$work/o1" "$work/open/survey.ini" 2>"$work/one.err"; one=$?
"$prepost" run -j 4 -o "$work/o4" "$work/open/survey.ini" 2>"$work/four.err"; four=$?
set -e
[ "$one" = 65 ] && [ "$four" = 65 ] || fail "unclosed quote: exit $one and $four, expected 65"
grep -q 'in one job' "$work/four.err" || fail "no word that the export is read in one job"
[ ! -e "$work/o4" ] || fail "a failed run published"

set +e
"$prepost" run -j 0 "$work/gen/survey.ini" 2>/dev/null; zero=$?
"$prepost" run -j 65 "$work/gen/survey.ini" 2>/dev/null; many=$?
set -e
[ "$zero" = 64 ] && [ "$many" = 64 ] || fail "--jobs 0 / 65: exit $zero / $many, expected 64"
echo "run_shards: ok"
