#!/bin/bash
# stats.sh: prepost-stats end to end, export -> ingest -> tally -> stats:
#   - the NPTSC reproduction against R (fixtures/stats/nptsc-e2e-reference.tsv,
#     written by scripts/stats-reference-e2e.R), 1e-6 relative;
#   - degenerate data (fixtures/edge/stats/degenerate): nobody answered,
#     every pair unchanged, a level nobody chose, one segment level, a
#     missing label everyone used, K = 2: numbers or null with a note;
#   - hostile text (fixtures/edge/stats/hostile): control characters,
#     quotes, backslashes, U+FFFD and odd Unicode in labels, segment levels
#     and comments still give strict JSON (invalid UTF-8 stops ingest now;
#     the JSON writer replaces it with U+FFFD, tests/unit/test_json.c, and
#     a tally holding it, as another tool might write, still gives strict
#     JSON);
#   - in every results.json: strict JSON (python3 and jansson), no NaN or
#     Infinity, every note names a statistic of its object, every null has
#     a note, and the *_holm twins are Holm's adjustment of the file's p;
#   - determinism: two runs, and shard tallies merged, give the same bytes;
#   - exit statuses: missing tally 66, damaged tally 65, a tally of another
#     codebook 65 naming the item, and no output file left after an error.
# The JSON checks need python3 (scripts/setup installs it): without it the
# rest still runs and the test reports itself skipped.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, expect_status, finish ...

bin="${PREPOST_BIN:?set PREPOST_BIN}"
fixtures="${PREPOST_FIXTURES:?set PREPOST_FIXTURES}"
tools="${PREPOST_TOOLS:-}"
ingest="$bin/prepost-ingest"
tally="$bin/prepost-tally"
merge="$bin/prepost-merge"
stats="$bin/prepost-stats"
skip_unless_built ingest tally merge stats
python=$(command -v python3 || true)
json_strict="$tools/json_strict"
[ -n "$tools" ] && [ -x "$json_strict" ] || json_strict=""

# pipeline NAME CODEBOOK: export -> NAME.records -> NAME.tally -> NAME.json.
pipeline() {
    local name=$1 ini=$2
    "$ingest" -q -o "$work/$name.records" "$ini" 2>"$work/stderr" &&
        "$tally" -q -o "$work/$name.tally" "$ini" "$work/$name.records" 2>>"$work/stderr" &&
        "$stats" -q -o "$work/$name.json" "$ini" "$work/$name.tally" 2>>"$work/stderr" ||
        { fail "pipeline of $name: $(cat "$work/stderr")"; return 1; }
}

# ---- the JSON checks (python3) ---------------------------------------------------

cat >"$work/check.py" <<'PYTHON'
import json, math, sys

def load(path):
    raw = open(path, 'rb').read()
    text = raw.decode('utf-8')                  # strict: no invalid UTF-8, no surrogates
    def no_constant(name):
        raise ValueError('%s in %s' % (name, path))
    def no_twice(pairs):
        keys = [k for k, _ in pairs]
        if len(keys) != len(set(keys)):
            raise ValueError('a key twice in one object of %s: %s' % (path, keys))
        return dict(pairs)
    return json.loads(text, strict=True, parse_constant=no_constant,
                      object_pairs_hook=no_twice)

problems = []
def bad(message):
    problems.append(message)

# A null statistic needs a note: its own, or that of the statistic it goes with.
LEADER = {
    'mean_before': 'mean_shift', 'mean_after': 'mean_shift',
    'pct_before': 'mean_shift', 'pct_after': 'mean_shift',
    'top_before': 'top_shift_pp', 'top_after': 'top_shift_pp', 'top_shift_ci': 'top_shift_pp',
    'bottom_after': 'bottom_before',
    'wilcoxon_V': 'wilcoxon_p', 'wilcoxon_method': 'wilcoxon_p', 'rank_biserial': 'wilcoxon_p',
    'stuart_maxwell_chi2': 'stuart_maxwell_p', 'stuart_maxwell_df': 'stuart_maxwell_p',
    'answered_pct_before': 'missing_before', 'answered_pct_after': 'missing_after',
    'pct': 'n', 'pct_ci': 'n', 'positive': 'n', 'neutral': 'n', 'negative': 'n',
    'mean': 'n', 'median': 'n', 'missing': 'n', 'missing_total': 'n',
    'chisq': 'homogeneity_p', 'chisq_df': 'homogeneity_p', 'chisq_p': 'homogeneity_p',
    'min_expected': 'homogeneity_p', 'homogeneity_method': 'homogeneity_p',
    'rank_test': 'rank_p', 'rank_method': 'rank_p', 'rank_statistic': 'rank_p',
}
NO_NOTE = {'segment', 'level', 'rank_df'}     # null by design (whole sample; Mann-Whitney)

def has_null(value):
    if value is None:
        return True
    if isinstance(value, list):
        return any(has_null(v) for v in value)
    if isinstance(value, dict):
        return any(has_null(v) for v in value.values())
    return False

def check_notes(where, obj):
    notes = obj.get('notes')
    if not isinstance(notes, dict):
        bad('%s: no notes object' % where)
        return
    for key, reason in notes.items():
        if key not in obj or key == 'notes':
            bad('%s: a note for %r, which is no statistic of it' % (where, key))
        if not isinstance(reason, str) or not reason.strip():
            bad('%s: the note for %r gives no reason' % (where, key))
    for key, value in obj.items():
        if key in NO_NOTE or key == 'notes' or not has_null(value):
            continue
        base = key[:-5] if key.endswith('_holm') else key
        if base not in notes and LEADER.get(base) not in notes:
            bad('%s: %s is null without a note' % (where, key))

def holm(ps):
    order = sorted(range(len(ps)), key=lambda i: ps[i])
    m, out, running = len(ps), [0.0] * len(ps), 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * ps[i]))
        out[i] = running
    return out

def common(path):
    doc = load(path)
    twins = []                                  # (where, p, p_holm) in file order
    def walk(obj, where):
        if isinstance(obj, dict):
            for key, value in obj.items():
                if key + '_holm' in obj:
                    twins.append(('%s/%s' % (where, key), value, obj[key + '_holm']))
                walk(value, '%s/%s' % (where, key))
        elif isinstance(obj, list):
            for i, value in enumerate(obj):
                walk(value, '%s/%d' % (where, i))
        elif isinstance(obj, float) and not math.isfinite(obj):
            bad('%s: %s is not finite' % (path, where))
    walk(doc, '')
    if doc.get('schema') != 'prepost-results 1':
        bad('%s: schema is %r' % (path, doc.get('schema')))
    for item in doc['items']:
        for r in item.get('results', []):
            check_notes('%s %s %s=%s' % (path, item['id'], r['segment'], r['level']), r)
        for b in item.get('between_segments', []):
            check_notes('%s %s between %s' % (path, item['id'], b['segment']), b)
    available = [t for t in twins if t[1] is not None]
    if doc['p_adjustment']['count'] != len(available):
        bad('%s: p_adjustment.count %d, but %d p-values are not null (the Holm family)'
            % (path, doc['p_adjustment']['count'], len(available)))
    for (where, p, got), want in zip(available, holm([t[1] for t in available])):
        if got is None or abs(got - want) > 1e-9 * max(want, 1e-300):
            bad('%s: %s_holm is %r, Holm gives %r' % (path, where, got, want))
        if not 0 <= p <= 1:
            bad('%s: %s = %r is no probability' % (path, where, p))
    for where, p, got in twins:
        if p is None and got is not None:
            bad('%s: %s is null but its Holm twin is %r' % (path, where, got))
    return doc

def find(doc, item_id, slot):
    items = [i for i in doc['items'] if i['id'] == item_id]
    if len(items) != 1:
        raise KeyError('item %s' % item_id)
    item = items[0]
    if slot.startswith('between:'):
        hits = [b for b in item['between_segments'] if b['segment'] == slot[8:]]
    elif slot == '*':
        hits = [r for r in item['results'] if r['segment'] is None]
    else:
        segment, level = slot.split('=', 1)
        hits = [r for r in item['results'] if r['segment'] == segment and r['level'] == level]
    if len(hits) != 1:
        raise KeyError('%s %s' % (item_id, slot))
    return hits[0]

def reference(path, tsv):
    doc = common(path)
    compared = 0
    for line in open(tsv, encoding='utf-8'):
        if line.startswith('#') or line.startswith('item\t'):
            continue
        item_id, slot, key, want, tolerance = line.rstrip('\n').split('\t')
        where = '%s %s %s' % (item_id, slot, key)
        try:
            got = find(doc, item_id, slot)
            for part in key.split('/'):
                got = got[int(part)] if isinstance(got, list) else got[part]
        except (KeyError, IndexError, TypeError) as e:
            bad('%s: not in results.json (%s)' % (where, e))
            continue
        compared += 1
        if want == 'null':
            if got is not None:
                bad('%s: %r, R says null' % (where, got))
        elif tolerance == 'exact':
            if got != want:
                bad('%s: %r, R says %r' % (where, got, want))
        elif not isinstance(got, (int, float)) or isinstance(got, bool):
            bad('%s: %r, R says %s' % (where, got, want))
        else:
            want_value = float(want)
            kind, limit = tolerance.split(':')
            limit = float(limit)
            error = abs(got - want_value)
            if kind == 'rel':
                limit *= abs(want_value)
            if error > limit and error > 1e-12:
                bad('%s: %r, R says %s (%s)' % (where, got, want, tolerance))
    if compared < 300:
        bad('only %d reference values compared' % compared)
    print('%d values compared with R' % compared)

def expect(where, ok):
    if not ok:
        bad(where)

def degenerate(path):
    doc = common(path)
    r = lambda item, slot='*': find(doc, item, slot)
    notes = lambda obj, *keys: all(obj['notes'].get(k) for k in keys)
    # nobody answered
    x = r('nobody')
    expect('nobody: n_pairs 0', x['n_pairs'] == 0 and x['base'] == 0)
    expect('nobody: K pct_before', len(x['pct_before']) == 5)
    expect('nobody: null with notes', all(x[k] is None for k in
           ('mean_shift', 'mean_shift_ci', 'sign_p', 'wilcoxon_p', 'stuart_maxwell_p',
            'mcnemar_p', 'boot_mean_shift_ci', 'top_shift_pp'))
           and notes(x, 'mean_shift', 'sign_p', 'wilcoxon_p', 'stuart_maxwell_p',
                     'mcnemar_p', 'boot_mean_shift_ci', 'missing_before', 'missing_after'))
    x = r('nobody_single')
    expect('nobody_single: n 0, mean null, note', x['n'] == 0 and x['mean'] is None
           and x['median'] is None and x['counts'] == [0] * 5 and notes(x, 'n'))
    # every pair unchanged
    x = r('same')
    expect('same: counts', x['n_pairs'] == 8 and x['unchanged'] == 8
           and x['improved'] == 0 and x['worsened'] == 0)
    expect('same: shift 0', x['mean_shift'] == 0 and x['top_shift_pp'] == 0)
    expect('same: tests null with notes', all(x[k] is None for k in
           ('mean_shift_ci', 'sign_p', 'wilcoxon_p', 'stuart_maxwell_p', 'mcnemar_p'))
           and notes(x, 'mean_shift_ci', 'sign_p', 'wilcoxon_p', 'stuart_maxwell_p', 'mcnemar_p'))
    x = r('same', 'between:sector')
    expect('same between sector: null with note',
           x['homogeneity_p'] is None and notes(x, 'homogeneity_p', 'rank_p'))
    # a level nobody chose ("Fair", code 2)
    x = r('unused')
    expect('unused: Fair stays with 0', len(x['pct_before']) == 5 and x['pct_before'][1] == 0
           and x['pct_after'][1] == 0 and x['answered_pct_before'][1] == 0)
    expect('unused: Stuart-Maxwell over the 4 levels chosen', x['stuart_maxwell_df'] == 3
           and x['stuart_maxwell_p'] is not None)
    x = r('unused_single')
    expect('unused_single: Fair stays with 0', x['counts'][1] == 0 and x['pct'][1] == 0
           and x['pct_ci'][1][0] == 0 and 0 < x['pct_ci'][1][1] < 100)
    # a missing label everyone used
    x = r('dk')
    expect('dk: no pairs, all missing', x['n_pairs'] == 0 and x['answered_before'] == 8
           and x['missing_before'] == {'Not sure': 100} and x['excluded']['Not sure before'] == 8
           and x['mean_shift'] is None and notes(x, 'mean_shift'))
    x = r('dk_single')
    expect('dk_single: n 0, all missing', x['n'] == 0 and x['missing'] == {'Not sure': 100}
           and x['missing_total'] == 100 and x['mean'] is None and notes(x, 'n'))
    # K = 2: No->Yes 4, Yes->No 1, 3 unchanged
    x = r('yesno')
    expect('yesno: K = 2', len(x['pct_before']) == 2 and x['improved'] == 4
           and x['worsened'] == 1)
    expect('yesno: Stuart-Maxwell is McNemar', x['stuart_maxwell_df'] == 1
           and abs(x['stuart_maxwell_chi2'] - 1.8) < 1e-9)
    expect('yesno: sign_p = binom.test(4, 5)', abs(x['sign_p'] - 0.375) < 1e-12)
    x = r('yesno_single')
    expect('yesno_single: K = 2', x['counts'] == [2, 6] and x['positive'] == 75)
    # one segment level only
    for item in doc['items']:
        x = r(item['id'], 'between:region')
        expect('%s between region: one level, null with notes' % item['id'],
               x['segments_used'] <= 1 and x['homogeneity_p'] is None and x['rank_p'] is None
               and notes(x, 'homogeneity_p', 'rank_p'))

def hostile(path):
    doc = common(path)
    levels = [l['level'] for l in doc['segments'][0]['levels']]
    expect('hostile: 6 group levels: %r' % levels, len(levels) == 6)
    want = {
        'quote " and \\ backslash',
        'odd \u2028\u2029 \ufeff e\u0301 \U0001F469\u200d\U0001F467 \U0010FFFF \u202e end',
        'bad \ufffd\ufffd bytes', 'lone \ufffd continuation',
    }
    expect('hostile: levels kept or replaced: %r' % levels, want <= set(levels))
    expect('hostile: control characters kept: %r' % levels,
           any(l.startswith('ctrl \x01') and l.endswith('\x1b\x1f end') for l in levels))
    expect('hostile: overlong bytes replaced: %r' % levels,
           any(l.startswith('overlong \ufffd') and '\xc0' not in l for l in levels))
    expect('hostile: title', doc['survey']['title'].startswith('Hostile "labels" \\ \x01\x1f \ufffd'))
    scale = doc['items'][0]['scale']
    expect('hostile: scale labels %r' % scale['levels'],
           scale['levels'][:3] == ['Bad "really"', 'OK \\ fine', 'Good\x01bell']
           and scale['levels'][3].startswith('Great \ufffd')
           and scale['missing'][0] == 'Don\x7ft \ufffdknow')
    texts = [c['text'] for c in doc['items'][2]['comments']]
    for t in ('line one\nline two', 'tab\there \x1f unit', 'back\\slash \\u0000 "quoted"',
              '</script><b>x</b>'):
        expect('hostile: comment %r kept: %r' % (t, texts), t in texts)
    expect('hostile: invalid comments replaced: %r' % texts,
           any(t.startswith('surrogate \ufffd') for t in texts)
           and any(t.startswith('truncated \ufffd') for t in texts))
    for item in doc['items'][:2]:
        n = [r for r in item['results'] if r['segment'] is None][0]
        expect('hostile: %s has statistics' % item['id'], n['base'] > 0)

mode, path = sys.argv[1], sys.argv[2]
try:
    {'common': lambda: common(path), 'reference': lambda: reference(path, sys.argv[3]),
     'degenerate': lambda: degenerate(path), 'hostile': lambda: hostile(path)}[mode]()
except (ValueError, KeyError, TypeError, IndexError) as e:
    bad('%s: %s: %s' % (path, type(e).__name__, e))
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PYTHON

# check_json MODE FILE [TSV]: the python3 checks, and jansson's strict reader.
check_json() {
    local mode=$1 file=$2
    shift 2
    if [ -n "$python" ]; then
        "$python" "$work/check.py" "$mode" "$file" "$@" >"$work/check.out" 2>&1 ||
            fail "$mode checks of $(basename "$file"):"$'\n'"$(head -40 "$work/check.out")"
    fi
    if [ -n "$json_strict" ]; then
        "$json_strict" "$file" 2>"$work/strict.err" ||
            fail "jansson rejects $(basename "$file"): $(cat "$work/strict.err")"
    fi
    # no bare NaN or Infinity, and no raw control characters, anywhere
    LC_ALL=C grep -qE '(^|[^"A-Za-z])-?(NaN|nan|Infinity|inf)([^"A-Za-z]|$)' "$file" &&
        fail "$(basename "$file") has NaN or Infinity"
    LC_ALL=C grep -q $'[\x01-\x08\x0b\x0c\x0e-\x1f]' "$file" &&
        fail "$(basename "$file") has a raw control character"
}

# ---- a. the NPTSC reproduction against R --------------------------------------
nptsc="$fixtures/nptsc/survey.ini"
if pipeline nptsc "$nptsc"; then
    check_json reference "$work/nptsc.json" "$fixtures/stats/nptsc-e2e-reference.tsv"
fi

# ---- b. degenerate data ----------------------------------------------------------
degenerate="$fixtures/edge/stats/degenerate/survey.ini"
pipeline degenerate "$degenerate" && check_json degenerate "$work/degenerate.json"

# ---- c. hostile text -----------------------------------------------------------------
hostile="$fixtures/edge/stats/hostile/survey.ini"
pipeline hostile "$hostile" && check_json hostile "$work/hostile.json"

# ---- c2. text that is not UTF-8, past ingest -------------------------------------------
# Ingest stops at it, but a tally may be written by another tool or by hand:
# the hostile tally with its U+FFFD made invalid bytes again on every line
# (\xff, a lone continuation byte, a sequence cut short) must still give
# strict JSON.
if [ -s "$work/hostile.tally" ]; then
    LC_ALL=C sed -e 's/\xef\xbf\xbd/\xff/' -e 's/\xef\xbf\xbd/\x80/' -e 's/\xef\xbf\xbd/\xe2\x82/' \
        "$work/hostile.tally" >"$work/invalid.tally"
    cmp -s "$work/hostile.tally" "$work/invalid.tally" &&
        fail "the hostile tally holds no U+FFFD to make invalid"
    if "$stats" -q -o "$work/invalid.json" "$hostile" "$work/invalid.tally" 2>"$work/stderr"; then
        check_json common "$work/invalid.json"
    else
        fail "a tally with text that is not UTF-8: $(cat "$work/stderr")"
    fi
fi

# ---- d. determinism: twice, standard input, and merged shards --------------------
for name in nptsc degenerate hostile; do
    [ -s "$work/$name.json" ] || continue
    case $name in nptsc) ini=$nptsc ;; degenerate) ini=$degenerate ;; hostile) ini=$hostile ;; esac
    "$stats" -q -o "$work/$name.again.json" "$ini" "$work/$name.tally" &&
        cmp -s "$work/$name.json" "$work/$name.again.json" ||
        fail "$name: a second run gives other bytes"
    "$stats" -q "$ini" <"$work/$name.tally" >"$work/$name.stdin.json" &&
        cmp -s "$work/$name.json" "$work/$name.stdin.json" ||
        fail "$name: the tally on standard input gives other bytes"
    # three shards of the records (every third respondent), tallied apart,
    # merged in another order: the same results.json as the whole
    for shard in 0 1 2; do
        awk -v s=$shard 'NR <= 2 || (NR - 3) % 3 == s' "$work/$name.records" \
            >"$work/$name.$shard.records"
        "$tally" -q -o "$work/$name.$shard.tally" "$ini" "$work/$name.$shard.records" ||
            fail "$name: tally of shard $shard"
    done
    "$merge" -q -o "$work/$name.merged.tally" \
        "$work/$name.2.tally" "$work/$name.0.tally" "$work/$name.1.tally" &&
        "$stats" -q -o "$work/$name.merged.json" "$ini" "$work/$name.merged.tally" &&
        cmp -s "$work/$name.json" "$work/$name.merged.json" ||
        fail "$name: merged shard tallies give another results.json than the whole"
done

# ---- e. exit statuses ------------------------------------------------------------------
expect_status 66 "missing tally" "$stats" -o "$work/e-missing.json" "$nptsc" "$work/no-such.tally"
grep -q "no-such.tally" "$work/stderr" || fail "missing tally not named: $(cat "$work/stderr")"
[ -e "$work/e-missing.json" ] && fail "output left after a missing tally"

if [ -s "$work/nptsc.tally" ]; then
    # a count that is no number
    sed '5s/\t[0-9]*$/\tmany/' "$work/nptsc.tally" >"$work/damaged.tally"
    expect_status 65 "damaged tally" "$stats" -o "$work/e-damaged.json" "$nptsc" "$work/damaged.tally"
    grep -q "damaged.tally" "$work/stderr" || fail "damaged tally not named: $(cat "$work/stderr")"
    [ -e "$work/e-damaged.json" ] && fail "output left after a damaged tally"
    # cut off in the middle of a line
    head -c 2000 "$work/nptsc.tally" >"$work/cut.tally"
    expect_status 65 "truncated tally" "$stats" -o "$work/e-cut.json" "$nptsc" "$work/cut.tally"
    [ -e "$work/e-cut.json" ] && fail "output left after a truncated tally"
    # not a tally at all
    expect_status 65 "records instead of a tally" \
        "$stats" -o "$work/e-records.json" "$nptsc" "$work/nptsc.records"
    [ -e "$work/e-records.json" ] && fail "output left after records given as a tally"
    # a tally of another codebook: one without the item `expectations`
    sed 's/^\[single expectations\]/[single expected]/' "$nptsc" >"$work/other.ini"
    expect_status 65 "tally of another codebook" \
        "$stats" -o "$work/e-other.json" "$work/other.ini" "$work/nptsc.tally"
    grep -q "'expectations'" "$work/stderr" ||
        fail "the unknown item is not named: $(cat "$work/stderr")"
    [ -e "$work/e-other.json" ] && fail "output left after a tally of another codebook"
fi
expect_status 64 "no codebook" "$stats"
expect_status 0 "--help" "$stats" --help
grep -q "results" "$work/stdout" || fail "--help says nothing of results"

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
if [ -z "$python" ]; then
    echo "skipped: python3 is needed for the JSON checks (scripts/setup installs it)"
    exit 77
fi
echo "ok"
