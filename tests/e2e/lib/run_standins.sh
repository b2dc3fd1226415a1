# run_standins.sh: sourced by the `prepost run` tests. make_standins DIR
# fills DIR with the programs `prepost run` runs: links to the real
# prepost, ingest, pair, tally, merge and stats in $PREPOST_BIN, and small
# stand-ins for plot, table and report that write files derived from
# results.json, so a run can be tested whether or not the real ones are
# built. Like the real ones, each says what it wrote and where on standard
# error unless given -q. A stand-in plot runs $PREPOST_STANDIN_HOOK first
# when it is set.
# Also begin_run_test and fail, which the tests share.

# fail MESSAGE: the test's verdict, on stderr, and exit 1.
fail() { echo "FAIL: $*" >&2; exit 1; }

# begin_run_test: how most `prepost run` tests start: the variables ctest
# gives them, a scratch folder $work removed on exit, the stand-ins in
# $work/bin.
begin_run_test() {
    : "${PREPOST_BIN:?}" "${PREPOST_SOURCE:?}" "${PREPOST_FIXTURES:?}"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    make_standins "$work/bin"
}

make_standins() {
    local dir=$1 program
    mkdir -p "$dir"
    for program in prepost prepost-ingest prepost-pair prepost-tally prepost-merge prepost-stats; do
        ln -sf "$PREPOST_BIN/$program" "$dir/$program"
    done
    # prepost finds its stages beside itself, through /proc/self/exe: a
    # link would lead it back to $PREPOST_BIN, so it is copied.
    rm -f "$dir/prepost"
    cp "$PREPOST_BIN/prepost" "$dir/prepost"
    cat >"$dir/prepost-plot" <<'SCRIPT'
#!/bin/sh
# stand-in: prepost-plot [-q] [--jobs N] -o DIR SURVEY.ini RESULTS.json
[ "$1" = --help ] && { echo "Usage: prepost-plot (stand-in)"; exit 0; }
[ -n "$PREPOST_STANDIN_HOOK" ] && sh -c "$PREPOST_STANDIN_HOOK"
quiet=; [ "$1" = -q ] && { quiet=1; shift; }
[ "$1" = --jobs ] && shift 2
out=$2; results=$4
mkdir -p "$out" || exit 73
{ echo '<svg xmlns="http://www.w3.org/2000/svg">'; sha256sum < "$results"; echo '</svg>'; } >"$out/summary.svg" || exit 74
cp "$results" "$out/results-copy.json" || exit 74
[ -n "$quiet" ] || echo "prepost-plot: 1 chart in $out" >&2
SCRIPT
    cat >"$dir/prepost-table" <<'SCRIPT'
#!/bin/sh
# stand-in: prepost-table [-q] -o DIR SURVEY.ini RESULTS.json
[ "$1" = --help ] && { echo "Usage: prepost-table (stand-in)"; exit 0; }
quiet=; [ "$1" = -q ] && { quiet=1; shift; }
out=$2; results=$4
mkdir -p "$out" || exit 73
{ echo "results,sha256"; printf 'results.json,'; sha256sum < "$results"; } >"$out/summary.csv" || exit 74
[ -n "$quiet" ] || echo "prepost-table: 1 file in $out" >&2
SCRIPT
    cat >"$dir/prepost-report" <<'SCRIPT'
#!/bin/sh
# stand-in: prepost-report [-q] -o INDEX --plots P --tables T --rejects R SURVEY.ini RESULTS.json
[ "$1" = --help ] && { echo "Usage: prepost-report (stand-in)"; exit 0; }
quiet=; [ "$1" = -q ] && { quiet=1; shift; }
out=$2; rejects=$8; results=${10}
{ echo "<!doctype html><title>stand-in</title><pre>"; sha256sum < "$results"; wc -l < "$rejects"; echo "</pre>"; } >"$out" || exit 74
[ -n "$quiet" ] || echo "prepost-report: a page written to $out" >&2
SCRIPT
    chmod +x "$dir/prepost-plot" "$dir/prepost-table" "$dir/prepost-report"
}

# check_whole OUT: every file manifest.json lists is there with its size
# and SHA-256, and nothing else is; prints the export's sha256.
check_whole() {
    python3 - "$1" <<'PY'
import hashlib, json, os, sys
out = sys.argv[1]
m = json.load(open(os.path.join(out, "manifest.json")))
listed = {f["name"]: f for f in m["outputs"]}
found = set()
for root, dirs, files in os.walk(out):
    for name in files:
        rel = os.path.relpath(os.path.join(root, name), out)
        if rel != "manifest.json":
            found.add(rel)
if found != set(listed):
    sys.exit("files differ from the manifest: %s" % sorted(found ^ set(listed)))
for name, f in listed.items():
    data = open(os.path.join(out, name), "rb").read()
    if len(data) != f["size"] or hashlib.sha256(data).hexdigest() != f["sha256"]:
        sys.exit("%s is not as the manifest says" % name)
print(m["inputs"][0]["sha256"])
PY
}
