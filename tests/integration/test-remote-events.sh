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
. "$(dirname "${BASH_SOURCE[0]}")/listeners.sh"
: "${VIREO:?VIREO must name the vireo executable}"

cat > "$DIR/ev.xml" <<'END'
<domain type='test'><name>ev</name><memory>8192</memory><os><type>hvm</type></os></domain>
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

listen_and_compare() {
    local uri=$1 who=$2
    start_listeners "$uri"
    wait_for_listeners "$uri"
    ok $? "$who: virsh and vireo are both listening"
    # The changes come from a third client: vireo, one session.
    "$VIREO" -c "$uri" "define $DIR/ev.xml; start ev; suspend ev; resume ev;
        reboot ev; destroy ev; undefine ev" > /dev/null 2> "$ERR"
    ok $? "$who: vireo defines, starts, suspends, resumes, reboots, destroys and undefines 'ev'"
    stop_listeners
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
