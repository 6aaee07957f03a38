#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-virsh-side.sh [CONCERN...]: virsh side by side against vireod and a
# private real libvirtd (Debian's 9.0), both on test:///default.
#
# Each data file side/<concern>.txt (all of them when no CONCERN is
# named) is a list of virsh invocations, one per line. Both daemons are
# started afresh for each file, so files are independent, and every line
# runs against vireod and then against libvirtd, in order: the state of
# both test drivers evolves alike. For each line the two runs must agree
# on the exit status, stdout, and the lines of stderr that start with
# "error:", once masked (see mask.awk beside this file) of what
# legitimately differs between two daemons: their socket paths and
# temporary directories, generated uuids, times of day.
#
# The expectation is always libvirtd's output; vireod's must equal it.
# After each file, vireod must exit 0 on SIGTERM (so that a sanitizer's
# report in a sanitized build fails the file).
#
# Lines of a data file:
#   # group: Domain Monitoring   the virsh group of the lines that follow
#                                (the file starts with one); the score is
#                                counted per group
#   # anything else, blank       ignored
#   dominfo test                 compared: one TAP check
#   todo vcpuinfo test           compared, but a known gap: a mismatch is
#                                "not ok ... # TODO not served yet", which
#                                TAP counts as an expected failure; a todo
#                                line that matches is "ok ... # TODO", an
#                                unexpected pass, which meson counts as a
#                                failure: a gap once closed becomes a
#                                plain line
#   clock domblkstat test vda    compared with every number of stdout that
#                                stands alone as a word masked (mask.awk's
#                                clock): for the figures the test driver
#                                derives from the time of day (block and
#                                interface counters), which two runs can
#                                never share; field names, order, format,
#                                errors and exit status still count.
#                                `todo clock ...` is a known gap of the kind
#   setup define @DATA@/x.xml    run on both, must succeed on both; output
#                                not compared, not in the score
# A line is split into words as the shell splits them (quotes group
# words; no $, backquote or other expansion is allowed). Before that,
# @DATA@ becomes the absolute path of side/data/ (files read by virsh),
# and @TMP@ a directory of this run that the daemon can write (one per
# daemon, so that their files never collide; both are shown as @TMP@).
#
# After each file, a TAP diagnostic gives its score, and at the end one
# per group:   # score Domain Monitoring: 12/15
#
# Arguments name data files: side/CONCERN.txt for a word, or any path
# (a draft of one's own); none means all of side/*.txt. With SIDE_VERBOSE
# set, libvirtd's masked answer to every line is printed as a diagnostic,
# which is how to see what a new line expects.
#
# $VIREOD names vireod.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
SIDE=$(cd "$(dirname "$0")/side" && pwd)
MASK=$SIDE/mask.awk

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"

# virsh in the C locale (its messages are translated otherwise), and no
# default URI from the environment.
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI
# The *-edit commands run the editor on the document: `true` leaves it
# unchanged, which makes them answer without waiting for anyone.
export EDITOR=true VISUAL=true

# The uuid of test:///default's domain `test`: a fact of libvirt's test
# driver, compared as it is, never masked.
FIXED_UUIDS="6695eb01-f6a4-8304-79aa-97f2502e193f"

# The data files to run: side/CONCERN.txt for each CONCERN named, a path
# as it is (a draft of one's own, say), else every side/*.txt.
FILES=()
for c in "$@"; do
    case $c in
    */*) FILES+=("$c") ;;
    *) FILES+=("$SIDE/$c.txt") ;;
    esac
done
[ ${#FILES[@]} -gt 0 ] || FILES=("$SIDE"/*.txt)

# checked_lines FILE: how many lines of FILE are checks (not comments).
checked_lines() {
    grep -cEv '^[[:space:]]*(#|$)' "$1"
}

# file_group FILE: the group its header names.
file_group() {
    sed -n 's/^# group: *//p' "$1" | head -n 1
}

n_planned=0
for file in "${FILES[@]}"; do
    [ -f "$file" ] || fail_all "$file exists"
    [ -n "$(file_group "$file")" ] || fail_all "$file names its group"
    # Its lines, and vireod's clean exit after them.
    n_planned=$((n_planned + $(checked_lines "$file") + 1))
done
plan "$n_planned"

# Scores, per group: lines that agree, and lines compared.
declare -A GROUP_PASS GROUP_TOTAL
n_bad=0

# hold DAEMON URI: a virsh connection kept open on URI, so that
# test:///default's state outlives each one-command virsh run (in both
# daemons, that state lives while a connection holds it). Its fifo's
# write end stays open on an fd of ours until release.
# The other holder's fifo is closed in each holder, or that holder would
# keep it open and the other one would never see its end.
# hold returns once the connection is open (the holder has answered a
# command): a line run before would see a state that dies with its own
# connection.
declare -A HOLD_FD HOLD_PIDS
hold() {
    local fifo=$RUN/hold-$1 out=$RUN/hold-$1.out fd
    mkfifo "$fifo"
    (
        for fd in "${HOLD_FD[@]}"; do
            exec {fd}>&-
        done
        exec timeout 600 virsh -c "$2" < "$fifo" > "$out" 2>&1
    ) &
    HOLD_PIDS[$1]=$!
    exec {fd}> "$fifo"
    HOLD_FD[$1]=$fd
    echo uri >&"$fd"
    for _ in $(seq 300); do
        [ -s "$out" ] && return 0
        sleep 0.1
    done
    echo "# $1: the held connection did not open: $(cat "$out")"
    return 1
}

# release DAEMON: end its held connection (virsh reads the end of its
# input and quits; it is killed if it has not after 5 s).
release() {
    local fd=${HOLD_FD[$1]}
    exec {fd}>&-
    unset "HOLD_FD[$1]"
    for _ in $(seq 50); do
        kill -0 "${HOLD_PIDS[$1]}" 2> /dev/null || break
        sleep 0.1
    done
    kill "${HOLD_PIDS[$1]}" 2> /dev/null
    wait "${HOLD_PIDS[$1]}" 2> /dev/null
}

# start_both: a fresh vireod and libvirtd, each with a held connection,
# and this file's directories. Sets VIREOD_URI, LIBVIRTD_URI, RUN.
start_both() {
    RUN=$(mktemp -d "$DIR/file.XXXXXX")
    # The daemons write there; libvirtd runs as nobody.
    mkdir -m 0777 "$RUN/tmp-vireod" "$RUN/tmp-libvirtd"
    chmod 0755 "$RUN"
    # ... and reaches it through the test's own directory (mktemp's 0700).
    chmod 0711 "$DIR"
    # No state, socket or log of the previous file's vireod.
    rm -rf "$DIR/run" "$DIR/state"
    daemon_start || return 1
    VIREOD_URI=$URI
    libvirtd_start || return 1
    hold vireod "$VIREOD_URI" && hold libvirtd "$LIBVIRTD_URI"
}

stop_both() {
    release vireod
    release libvirtd
    daemon_stop
    libvirtd_stop
    rm -rf "$LIBVIRTD_DIR"
    LIBVIRTD_DIR=
}

# run_virsh DAEMON ARGS...: virsh against DAEMON; its exit status,
# stdout and error lines, masked, in
# $RUN/DAEMON.all (one awk for all of it: the machine is shared, and
# processes are what costs).
run_virsh() {
    local who=$1 uri sock tmp rc
    shift
    case $who in
    vireod) uri=$VIREOD_URI; sock=$DIR/run/vireo-sock ;;
    libvirtd) uri=$LIBVIRTD_URI; sock=$LIBVIRTD_SOCK ;;
    esac
    tmp=$RUN/tmp-$who
    timeout "$VSH_TIMEOUT" virsh -c "$uri" "${@//@TMP@/$tmp}" \
        > "$RUN/$who.out" 2> "$RUN/$who.err" < /dev/null
    rc=$?
    awk -f "$MASK" -v rc="$rc" -v sock="$sock" -v tmp="$tmp" \
        -v dirs="$DIR $LIBVIRTD_DIR" -v fixed="$FIXED_UUIDS $FILE_UUIDS" \
        -v map="$RUN/uuids-$who" -v now="$EPOCHSECONDS" -v clock="$CLOCK" \
        "$RUN/$who.out" "$RUN/$who.err" > "$RUN/$who.all"
}

# run_both ARGS...: virsh against each daemon at once (they share
# nothing), into $RUN/vireod.all and $RUN/libvirtd.all.
run_both() {
    run_virsh vireod "$@" &
    run_virsh libvirtd "$@"
    wait $!
}

# words LINE: the words of a data line, in the array WORDS, @DATA@ put in.
words() {
    local line=${1//@DATA@/$SIDE/data}
    case $line in
    *'$'* | *'`'*)
        return 1 ;;
    esac
    eval "WORDS=($line)"
}

# compare KIND TEXT: one checked line (KIND is plain or todo) run on both
# daemons and compared; its TAP line; the score. TEXT may start with
# "clock ": its numbers are masked (CLOCK, read by run_virsh).
compare() {
    local kind=$1 text=$2 name
    CLOCK=
    case $text in
    'clock '*) CLOCK=1; text=${text#clock } ;;
    esac
    name="$CONCERN:$LINENO_IN_FILE: virsh $text${CLOCK:+ (numbers masked)}"
    GROUP_TOTAL[$GROUP]=$((${GROUP_TOTAL[$GROUP]:-0} + 1))
    if ! words "$text"; then
        ok 1 "$name (the line has \$ or a backquote)"
        n_bad=$((n_bad + 1))
        return
    fi
    run_both "${WORDS[@]}"
    [ -z "${SIDE_VERBOSE:-}" ] || diag < "$RUN/libvirtd.all"
    if cmp -s "$RUN/libvirtd.all" "$RUN/vireod.all"; then
        GROUP_PASS[$GROUP]=$((${GROUP_PASS[$GROUP]:-0} + 1))
        FILE_PASS=$((FILE_PASS + 1))
        if [ "$kind" = todo ]; then
            n_run=$((n_run + 1))
            echo "ok $n_run - $name # TODO not served yet"
            echo "this todo line passes now: make it a plain line" | diag
        else
            ok 0 "$name"
        fi
        return
    fi
    if [ "$kind" = todo ]; then
        n_run=$((n_run + 1))
        echo "not ok $n_run - $name # TODO not served yet"
        differences | head -n 12 | diag
    else
        ok 1 "$name"
        n_bad=$((n_bad + 1))
        differences | diag
    fi
}

differences() {
    diff -u --label libvirtd --label vireod "$RUN/libvirtd.all" "$RUN/vireod.all"
}

# setup_line TEXT: run on both daemons; both must succeed.
setup_line() {
    local name="$CONCERN:$LINENO_IN_FILE: setup: virsh $1 succeeds on both daemons" who bad=0
    CLOCK=
    if ! words "$1"; then
        ok 1 "$name (the line has \$ or a backquote)"
        n_bad=$((n_bad + 1))
        return
    fi
    run_both "${WORDS[@]}"
    for who in vireod libvirtd; do
        if [ "$(head -n 1 "$RUN/$who.all")" != "exit status 0" ]; then
            bad=1
            { echo "$who:"; cat "$RUN/$who.err"; } | diag
        fi
    done
    ok "$bad" "$name"
    [ "$bad" -eq 0 ] || n_bad=$((n_bad + 1))
}

# run_file FILE: every line of FILE, on fresh daemons.
run_file() {
    local file=$1 line
    CONCERN=${file##*/}
    CONCERN=${CONCERN%.txt}
    GROUP=$(file_group "$file")
    # uuids a data file or fragment spells out are facts, never masked.
    FILE_UUIDS=$(grep -ohE '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' \
                     "$file" "$SIDE"/data/* 2> /dev/null | sort -u | tr '\n' ' ')
    FILE_PASS=0
    FILE_TOTAL=0
    start_both || {
        echo "Bail out! $CONCERN: both daemons start: ${LIBVIRTD_START_ERROR:-vireod did not}"
        exit 1
    }
    LINENO_IN_FILE=0
    while IFS= read -r line || [ -n "$line" ]; do
        LINENO_IN_FILE=$((LINENO_IN_FILE + 1))
        case $line in
        '# group:'*) GROUP=$(echo "${line#'# group:'}" | sed 's/^ *//') ;;
        '' | '#'*) ;;
        'setup '*) setup_line "${line#setup }" ;;
        'todo '*) FILE_TOTAL=$((FILE_TOTAL + 1)); compare todo "${line#todo }" ;;
        *) FILE_TOTAL=$((FILE_TOTAL + 1)); compare plain "$line" ;;
        esac
    done < "$file"
    stop_both
    [ "$DRC" = 0 ]
    ok $? "$CONCERN: vireod exits 0 on SIGTERM after the file's lines"
    [ "$DRC" = 0 ] || { n_bad=$((n_bad + 1)); diag < "$DIR/vireod.stderr"; }
    echo "# score $CONCERN.txt: $FILE_PASS/$FILE_TOTAL"
}

for file in "${FILES[@]}"; do
    run_file "$file"
done

for g in "${!GROUP_TOTAL[@]}"; do
    echo "# score $g: ${GROUP_PASS[$g]:-0}/${GROUP_TOTAL[$g]}"
done | sort

[ "$n_run" -eq "$n_planned" ] || echo "# planned $n_planned checks but ran $n_run"
[ "$n_run" -eq "$n_planned" ] && [ "$n_bad" -eq 0 ]
