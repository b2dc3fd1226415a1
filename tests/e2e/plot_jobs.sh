#!/bin/bash
# plot_jobs.sh: prepost-plot --jobs N draws the charts with N gnuplots at
# once. On the NPTSC reproduction (52 charts), --jobs 3 starts three
# gnuplots, each reading its own script, every chart in exactly one of
# them, all three running at the same time, none holding another's pipe;
# the charts and charts.tsv are byte for byte those of --jobs 1. Never
# more gnuplots than charts. When one gnuplot fails, prepost-plot exits 70
# quoting it, writes no chart, and has waited for the others; so when all
# fail, or a template is broken. --jobs 0, x, 65 exit 64. `prepost run
# --jobs N` draws with N gnuplots.
set -u
. "$(dirname "${BASH_SOURCE[0]}")/lib/wrap.sh"   # PREPOST_WRAP: run the stages through e.g. valgrind
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh" # $work, fail, check, finish ...

bin="${PREPOST_BIN:?set PREPOST_BIN}"
fixtures="${PREPOST_FIXTURES:?set PREPOST_FIXTURES}"
skip_unless_built ingest tally stats plot
real_gnuplot=$(command -v gnuplot) || { echo "skipped: gnuplot is not installed"; exit 77; }
plot="$bin/prepost-plot"

# results NAME CODEBOOK: a one-wave survey's results.json in $work/NAME.json.
results() {
    "$bin/prepost-ingest" -q "$2" | "$bin/prepost-tally" -q "$2" >"$work/$1.tally" &&
        "$bin/prepost-stats" -q -o "$work/$1.json" "$2" "$work/$1.tally" ||
        fail "$1: no results from the earlier stages"
}

# A gnuplot that notes in $GNUPLOT_DIR that it started (its pid in
# started), its open files (fds.PID), its standard input (stdin.PID) and
# its script (script.PID); with GNUPLOT_BARRIER=N it waits until N of
# them have started before drawing (gives up after a minute: they did not
# run at once). With GNUPLOT_REFUSE=CHART, the one whose script draws
# CHART fails, and the others end a second after drawing, so prepost-plot
# has to wait for them. Each notes in ended that it ended.
cat >"$work/gnuplot" <<SCRIPT
#!/bin/sh
d=\$GNUPLOT_DIR
echo \$\$ >>"\$d/started"
ls -l /proc/\$\$/fd/ >"\$d/fds.\$\$" 2>/dev/null
readlink /proc/\$\$/fd/0 >"\$d/stdin.\$\$"
timeout 30 cat >"\$d/script.\$\$"   # an end that never comes: another holds the pipe
if [ -n "\${GNUPLOT_BARRIER:-}" ]; then
    tries=0
    while [ "\$(wc -l <"\$d/started")" -lt "\$GNUPLOT_BARRIER" ]; do
        tries=\$((tries + 1))
        [ \$tries -gt 600 ] && { echo "the other gnuplots did not start"; exit 9; }
        sleep 0.1
    done
fi
if [ -n "\${GNUPLOT_REFUSE:-}" ] && grep -qx "# chart \$GNUPLOT_REFUSE" "\$d/script.\$\$"; then
    echo "stand-in gnuplot refuses to draw \$GNUPLOT_REFUSE"
    echo \$\$ >>"\$d/ended"
    exit 3
fi
"$real_gnuplot" <"\$d/script.\$\$"
status=\$?
[ -n "\${GNUPLOT_REFUSE:-}" ] && sleep 1
echo \$\$ >>"\$d/ended"
exit \$status
SCRIPT
chmod +x "$work/gnuplot"

# logged NAME FILE: how many lines the gnuplots of run NAME wrote to FILE.
logged() {
    if [ -f "$work/log-$1/$2" ]; then wc -l <"$work/log-$1/$2"; else echo 0; fi
}

# plot_with NAME PREPOST-PLOT-ARGS...: prepost-plot through the logging
# gnuplot, its notes in $work/log-NAME, its stderr in $work/NAME.err.
plot_with() {
    local name=$1
    shift
    rm -rf "$work/log-$name"
    mkdir "$work/log-$name"
    GNUPLOT_DIR="$work/log-$name" PREPOST_GNUPLOT="$work/gnuplot" "$plot" "$@" \
        2>"$work/$name.err"
}

# same_files A B: the same file names, each with the same bytes.
same_files() {
    [ "$(ls -A "$1")" = "$(ls -A "$2")" ] || { fail "$1 and $2 hold other files"; return; }
    local f
    for f in "$1"/*; do
        cmp -s "$f" "$2/${f##*/}" || fail "${f##*/} differs between $1 and $2"
    done
}

nptsc="$fixtures/nptsc/survey.ini"
results nptsc "$nptsc"

plot_with one -q -o "$work/one" "$nptsc" "$work/nptsc.json" ||
    fail "--jobs 1 (the default) failed: $(cat "$work/one.err")"
[ "$(logged one started)" -eq 1 ] || fail "the default ran $(logged one started) gnuplots, not 1"
GNUPLOT_BARRIER=3 plot_with three -q -j 3 -o "$work/three" "$nptsc" "$work/nptsc.json" ||
    fail "--jobs 3 failed (did the three gnuplots run at once?): $(cat "$work/three.err")"
[ "$(logged three started)" -eq 3 ] || fail "--jobs 3 ran $(logged three started) gnuplots, not 3"
[ "$(ls "$work/one"/*.svg | wc -l)" -eq 52 ] || fail "--jobs 1 drew $(ls "$work/one"/*.svg | wc -l) charts, not 52"
same_files "$work/one" "$work/three"

# Each chart in exactly one script; each script whole.
charts_in() { cat "$@" | sed -n 's/^# chart //p' | sort; }
[ "$(charts_in "$work"/log-three/script.*)" = "$(charts_in "$work"/log-one/script.*)" ] ||
    fail "the three scripts do not draw each chart once"
[ "$(charts_in "$work"/log-one/script.* | wc -l)" -eq 52 ] || fail "the one script does not draw 52 charts"
for script in "$work"/log-three/script.*; do
    [ "$(tail -n 1 "$script")" = exit ] || fail "${script##*/} does not end with exit"
    n=$(charts_in "$script" | wc -l)
    [ "$n" -ge 10 ] || fail "${script##*/} draws $n of the 52 charts: the shares are uneven"
    head -n 1 "$script" | grep -q "^# prepost-plot: $n charts" || fail "${script##*/}: its header does not count its charts"
done
# No gnuplot holds another's pipe (it would keep that one waiting for
# the end of its script if prepost-plot died).
for pid in $(cat "$work/log-three/started"); do
    for other in $(cat "$work/log-three/started"); do
        [ "$pid" = "$other" ] && continue
        pipe=$(cat "$work/log-three/stdin.$other")
        grep -qF -- "-> $pipe" "$work/log-three/fds.$pid" &&
            fail "gnuplot $pid holds the pipe of gnuplot $other"
    done
done

# Never more gnuplots than charts: the edge cases draw 10.
edges="$fixtures/edge/plot-edges/survey.ini"
results edges "$edges"
plot_with edges -q -j 64 -o "$work/edges64" "$edges" "$work/edges.json" ||
    fail "--jobs 64 on 10 charts failed: $(cat "$work/edges.err")"
[ "$(logged edges started)" -eq 10 ] || fail "--jobs 64 ran $(logged edges started) gnuplots for 10 charts"
plot_with edges1 -q -o "$work/edges1" "$edges" "$work/edges.json" || fail "edges, one job"
same_files "$work/edges1" "$work/edges64"

# One gnuplot fails: 70, its words quoted, no chart, the others waited for.
GNUPLOT_REFUSE=involvement_third.by-partner plot_with refused -j 3 -o "$work/refused" \
    "$nptsc" "$work/nptsc.json"
status=$?
[ "$status" -eq 70 ] || fail "one gnuplot failing: exit $status, expected 70"
grep -q 'failed while drawing the charts.*refuses to draw involvement_third.by-partner' \
    "$work/refused.err" || fail "one gnuplot failing: not said: $(cat "$work/refused.err")"
[ "$(logged refused started)" -eq 3 ] || fail "one gnuplot failing: $(logged refused started) started, not 3"
[ "$(logged refused ended)" -eq 3 ] ||
    fail "prepost-plot ended before its gnuplots: $(logged refused ended) of 3 had ended"
for pid in $(cat "$work/log-refused/started"); do
    [ -d "/proc/$pid" ] && fail "gnuplot $pid is still there after prepost-plot ended"
done
[ -z "$(ls -A "$work/refused" 2>/dev/null)" ] || fail "one gnuplot failing: wrote $(ls -A "$work/refused")"

# Every gnuplot failing at once, without reading its script; a broken template.
rm -rf "$work/none"
PREPOST_GNUPLOT=false "$plot" -q -j 3 -o "$work/none" "$nptsc" "$work/nptsc.json" 2>"$work/false.err"
status=$?
[ "$status" -eq 70 ] || fail "gnuplot false with --jobs 3: exit $status, expected 70"
grep -q 'failed while drawing the charts' "$work/false.err" || fail "gnuplot false: $(cat "$work/false.err")"
[ -z "$(ls -A "$work/none" 2>/dev/null)" ] || fail "gnuplot false: wrote $(ls -A "$work/none")"
mkdir -p "$work/broken"
cp "$PREPOST_SOURCE/plots/"*.gp "$work/broken/"
echo 'this is not gnuplot' >>"$work/broken/diverging.gp"
"$plot" -q -j 2 -t "$work/broken" -o "$work/none" "$nptsc" "$work/nptsc.json" 2>"$work/broken.err"
status=$?
[ "$status" -eq 70 ] || fail "a broken template with --jobs 2: exit $status, expected 70"
[ -z "$(ls -A "$work/none" 2>/dev/null)" ] || fail "a broken template: wrote $(ls -A "$work/none")"

# Bad values.
for bad in 0 x 65 -1 2x ''; do
    "$plot" -j "$bad" -o "$work/none" "$nptsc" "$work/nptsc.json" >/dev/null 2>"$work/bad.err"
    status=$?
    [ "$status" -eq 64 ] || fail "--jobs '$bad': exit $status, expected 64"
    grep -q -- '--jobs takes a number from 1 to 64' "$work/bad.err" || fail "--jobs '$bad': $(cat "$work/bad.err")"
done
"$plot" --jobs=x -o "$work/none" "$nptsc" "$work/nptsc.json" >/dev/null 2>&1
[ $? -eq 64 ] || fail "--jobs=x does not exit 64"
"$plot" --help | grep -q -- '--jobs=N' || fail "--help does not describe --jobs"

# prepost run --jobs N hands N to the plot stage.
if [ -x "$bin/prepost" ] && [ -x "$bin/prepost-table" ] && [ -x "$bin/prepost-report" ]; then
    for jobs in 1 2; do
        rm -rf "$work/log-run$jobs"
        mkdir "$work/log-run$jobs"
        GNUPLOT_DIR="$work/log-run$jobs" PREPOST_GNUPLOT="$work/gnuplot" \
            "$bin/prepost" run -q -j "$jobs" -o "$work/run$jobs" "$edges" 2>"$work/run$jobs.err" ||
            fail "prepost run -j $jobs: $(cat "$work/run$jobs.err")"
        [ "$(logged run$jobs started)" -eq "$jobs" ] ||
            fail "prepost run -j $jobs ran $(logged run$jobs started) gnuplots"
    done
    same_files "$work/run1/plots" "$work/run2/plots"
else
    echo "note: prepost run not checked (not every stage is built)"
fi

finish plot_jobs
