#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-remote-events.sh: `vireo event --all --loop` next to the real
# `virsh event --all --loop`, both listening to the same daemon (vireod,
# then a private real libvirtd) while a third client changes a domain's
# state: both must print the same events, in the same order.
#
# $VIREO names the vireo executable.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo executable}"

# How long each listener runs (virsh's --timeout): the marker rounds and
# the sequence take about a second; the rest is slack for a busy machine.
LISTEN_S=10

cat > "$DIR/ev.xml" <<'END'
<domain type='test'><name>ev</name><memory>8192</memory><os><type>hvm</type></os></domain>
END
cat > "$DIR/marker.xml" <<'END'
<domain type='test'><name>marker</name><memory>8192</memory><os><type>hvm</type></os></domain>
END

# The events of the sequence below. libvirt's test driver emits no reboot
# event; vireo's does (as a real hypervisor does), so the line is there
# for vireod only.
want_events() {
    echo "event 'lifecycle' for domain 'ev': Defined Added
event 'lifecycle' for domain 'ev': Started Booted
event 'lifecycle' for domain 'ev': Suspended Paused
event 'lifecycle' for domain 'ev': Resumed Unpaused"
    [ "$1" = vireod ] && echo "event 'reboot' for domain 'ev'"
    echo "event 'lifecycle' for domain 'ev': Stopped Destroyed
event 'lifecycle' for domain 'ev': Undefined Removed"
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

# What a listener printed after the last marker event, minus virsh's
# closing lines (which count the marker events too).
events_after_markers() {
    awk '/marker/ { n = NR } { line[NR] = $0 }
         END { for (i = n + 1; i <= NR; i++) print line[i] }' "$1" |
        grep "^event '"
}

listen_and_compare() {
    local uri=$1 who=$2
    timeout 30 virsh -c "$uri" event --all --loop --timeout "$LISTEN_S" \
        > "$DIR/virsh.ev" 2>&1 &
    local vpid=$!
    timeout 30 "$VIREO" -c "$uri" event --all --loop --timeout "$LISTEN_S" \
        > "$DIR/vireo.ev" 2>&1 &
    local opid=$!
    wait_for_listeners "$uri"
    ok $? "$who: virsh and vireo are both listening"
    # The changes come from a third client: vireo, one session.
    "$VIREO" -c "$uri" "define $DIR/ev.xml; start ev; suspend ev; resume ev;
        reboot ev; destroy ev; undefine ev" > /dev/null 2> "$ERR"
    ok $? "$who: vireo defines, starts, suspends, resumes, reboots, destroys and undefines 'ev'"
    wait "$vpid" "$opid"
    is "$(events_after_markers "$DIR/vireo.ev")" "$(want_events "$who")" \
        "$who: vireo event prints every event, in order"
    is "$(events_after_markers "$DIR/vireo.ev")" \
        "$(events_after_markers "$DIR/virsh.ev")" \
        "$who: exactly what virsh event prints"
    is "$(ending "$DIR/vireo.ev")" "$(want_ending "$DIR/vireo.ev")" \
        "$who: and it ends as virsh does: timeout, then the count"
    is "$(ending "$DIR/virsh.ev")" "$(want_ending "$DIR/virsh.ev")" \
        "$who: (virsh's own ending, for reference)"
}

# The real libvirtd, started first so that a broken set-up fails at once.
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
plan 12

daemon_start
hold_connection
listen_and_compare "$URI" vireod
release_connection
daemon_stop

listen_and_compare "$LIBVIRTD_URI" libvirtd
libvirtd_stop

done_testing
