# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# listeners.sh: `virsh event` and `vireo event` listening side by side to
# one daemon, for the event tests. Sourced after lib.sh.
#
#   start_listeners URI [OPTIONS...]  # both run `event --all --loop OPTIONS`
#   wait_for_listeners URI || ...     # both print events by now
#   (make changes with a third client)
#   stop_listeners                    # waits for their --timeout
#   events_after_markers "$DIR/virsh.ev"
#
# $VIREO names the vireo executable.

# How long each listener runs (virsh's --timeout): the marker rounds and
# the sequence take about a second; the rest is slack for a busy machine.
LISTEN_S=${LISTEN_S:-10}
LISTENER_PIDS=

cat > "$DIR/marker.xml" <<'END'
<domain type='test'><name>marker</name><memory>8192</memory><os><type>hvm</type></os></domain>
END

start_listeners() {
    local uri=$1
    shift
    timeout 30 virsh -c "$uri" event --all --loop --timeout "$LISTEN_S" "$@" \
        > "$DIR/virsh.ev" 2>&1 &
    LISTENER_PIDS=$!
    timeout 30 "$VIREO" -c "$uri" event --all --loop --timeout "$LISTEN_S" \
        "$@" > "$DIR/vireo.ev" 2>&1 &
    LISTENER_PIDS="$LISTENER_PIDS $!"
}

stop_listeners() {
    # shellcheck disable=SC2086 # two pids
    wait $LISTENER_PIDS
}

# A listener's last two lines (virsh ends with an empty one).
ending() {
    grep -v '^$' "$1" | tail -n 2
}

# A listener's closing lines, with the count it should give: every event
# line it printed (markers included: each listener saw as many as came
# after its own registration).
want_ending() {
    echo "event loop timed out"
    echo "events received: $(grep -c "^event '" "$1")"
}

# Until both listeners have printed an event about 'marker' (so both are
# registered), define and undefine it again. Returns 1 after 10 s.
wait_for_listeners() {
    local uri=$1
    for _ in $(seq 50); do
        virsh -q -c "$uri" "define $DIR/marker.xml; undefine marker" \
            > /dev/null 2>&1
        grep -q marker "$DIR/virsh.ev" && grep -q marker "$DIR/vireo.ev" &&
            return 0
        sleep 0.2
    done
    return 1
}

# What a listener printed after the last marker event, minus the closing
# lines (which count the marker events too).
events_after_markers() {
    awk '/marker/ { n = NR } { line[NR] = $0 }
         END { for (i = n + 1; i <= NR; i++) print line[i] }' "$1" |
        grep -v -e '^event loop timed out$' -e '^events received: ' -e '^$'
}
