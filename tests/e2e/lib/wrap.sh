# wrap.sh: sourced by an end-to-end driver once it has checked PREPOST_BIN.
# With PREPOST_WRAP set to a command prefix, e.g.
#   PREPOST_WRAP="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect -q"
# it points PREPOST_BIN at PREPOST_BIN/wrapped/, where each prepost* program
# is a two-line script that runs the real one through that prefix, so every
# "$PREPOST_BIN/prepost-..." call of the driver runs under the wrapper
# unchanged. Without PREPOST_WRAP it does nothing.
#
# The scripts read PREPOST_WRAP when they run, so their bytes depend only on
# where the programs are; drivers running at once write the same files.
if [ -n "${PREPOST_WRAP:-}" ] && [ -n "${PREPOST_BIN:-}" ] && [ -d "$PREPOST_BIN" ]; then
    prepost_wrapped="$PREPOST_BIN/wrapped"
    mkdir -p "$prepost_wrapped" || exit 1
    for prepost_program in "$PREPOST_BIN"/prepost*; do
        [ -f "$prepost_program" ] && [ -x "$prepost_program" ] || continue
        prepost_script="$prepost_wrapped/${prepost_program##*/}"
        printf '#!/bin/sh\n# runs %s through $PREPOST_WRAP (tests/e2e/lib/wrap.sh)\nexec $PREPOST_WRAP "%s" "$@"\n' \
            "${prepost_program##*/}" "$prepost_program" >"$prepost_script.$$" &&
            chmod 755 "$prepost_script.$$" &&
            mv -f "$prepost_script.$$" "$prepost_script" || exit 1
    done
    PREPOST_BIN=$prepost_wrapped
    export PREPOST_BIN PREPOST_WRAP
    unset prepost_wrapped prepost_program prepost_script
fi
