#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-virsh.sh: the real virsh (libvirt-clients 9.0) against vireod's test
# driver over its UNIX sockets, command by command, compared
# with what virsh prints for libvirt's own test driver where the two
# drivers agree.
. "$(dirname "$0")/lib.sh"

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"

# domain_xml NAME UUID: a minimal persistent domain for the test driver.
domain_xml() {
    cat <<END
<domain type='test'>
  <name>$1</name>
  <uuid>$2</uuid>
  <memory unit='KiB'>262144</memory>
  <vcpu>2</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
</domain>
END
}

plan 43
daemon_start
ok $? "vireod creates its sockets"
hold_connection

# Host queries.
vsh nodeinfo
is "$(cat "$OUT")" "$(local_vsh nodeinfo)" "nodeinfo matches libvirt's test driver"
vsh hostname
is "$(cat "$OUT")" "$(hostname)" "hostname"
vsh uri
is "$(cat "$OUT")" "$URI" "uri"
vsh version
like "$(cat "$OUT")" "Using API: TEST " "version: the driver type comes from CONNECT_GET_TYPE"
like "$(cat "$OUT")" "Running hypervisor: TEST " "version: the hypervisor version"
vsh capabilities
like "$(cat "$OUT")" "<arch>i686</arch>" "capabilities: the test host's XML"

# The default domain, as both test drivers have it.
vsh list --all
is "$(cat "$OUT")" "$(local_vsh list --all)" "list --all matches libvirt's test driver"
vsh domid test
is "$(cat "$OUT")" "$(local_vsh domid test)" "domid test"
vsh domuuid test
is "$(cat "$OUT")" "$(local_vsh domuuid test)" "domuuid test"
vsh domstate test --reason
is "$(cat "$OUT")" "$(local_vsh domstate test --reason)" "domstate --reason"
vsh dominfo test
like "$(cat "$OUT")" "State:          running" "dominfo: state"
like "$(cat "$OUT")" "Managed save:   no" "dominfo: managed save answered"
is "$(tail -n 4 "$OUT")" "Security model: testSecurity
Security DOI:   
Security label: libvirt-test (enforcing)" \
    "dominfo: the test host's security model and label, as libvirtd's"
vsh dumpxml test
like "$(cat "$OUT")" "<name>test</name>" "dumpxml test"

# A persistent domain through its whole life.
domain_xml vm1 4dea22b3-1d52-d8f3-2516-782e98ab3fa0 > "$DIR/vm1.xml"
vsh define "$DIR/vm1.xml"
is "$(cat "$OUT")" "Domain 'vm1' defined from $DIR/vm1.xml" "define"
vsh list --all
is "$(cat "$OUT")" " Id   Name   State
-----------------------
 1    test   running
 -    vm1    shut off" "list --all shows the inactive domain with id -"
vsh list
is "$(cat "$OUT")" " Id   Name   State
----------------------
 1    test   running" "list shows only active domains"
vsh start vm1
is "$(cat "$OUT")" "Domain 'vm1' started" "start (DOMAIN_CREATE then LOOKUP_BY_UUID)"
vsh domid vm1
is "$(cat "$OUT")" "2" "domid of the started domain"
vsh suspend vm1
is "$(cat "$OUT")" "Domain 'vm1' suspended" "suspend"
vsh domstate vm1 --reason
is "$(cat "$OUT")" "paused (user)" "domstate --reason after suspend"
vsh resume vm1
is "$(cat "$OUT")" "Domain 'vm1' resumed" "resume"
vsh reboot vm1
is "$(cat "$OUT")" "Domain 'vm1' is being rebooted" "reboot"
vsh shutdown vm1
is "$(cat "$OUT")" "Domain 'vm1' is being shutdown" "shutdown"
vsh domstate vm1
is "$(cat "$OUT")" "shut off" "domstate after shutdown"
vsh start vm1 > /dev/null; vsh destroy vm1
is "$(cat "$OUT")" "Domain 'vm1' destroyed" "destroy"
vsh autostart vm1
is "$(cat "$OUT")" "Domain 'vm1' marked as autostarted" "autostart"
vsh dominfo vm1
like "$(cat "$OUT")" "Autostart:      enable" "dominfo shows autostart"
vsh autostart --disable vm1
is "$(cat "$OUT")" "Domain 'vm1' unmarked as autostarted" "autostart --disable"
vsh undefine vm1
is "$(cat "$OUT")" "Domain 'vm1' has been undefined" "undefine"

# A transient domain.
domain_xml vm3 9b1c7a52-55d6-4d3e-8a43-2f1d9c3e6b13 > "$DIR/vm3.xml"
vsh create "$DIR/vm3.xml"
is "$(cat "$OUT")" "Domain 'vm3' created from $DIR/vm3.xml" "create"
vsh destroy vm3
is "$(cat "$OUT")" "Domain 'vm3' destroyed" "destroy a transient domain"
vsh list --all
is "$(cat "$OUT")" " Id   Name   State
----------------------
 1    test   running" "the transient domain is gone"

# Errors.
vsh dominfo nosuch
like "$(cat "$ERR")" "failed to get domain 'nosuch'" "an unknown domain is an error"
[ "$RC" -ne 0 ]; ok $? "... and virsh exits non-zero"
timeout "$VSH_TIMEOUT" virsh -q -r -c "$URI_RO" suspend test > "$OUT" 2> "$ERR"
like "$(cat "$ERR")" "operation forbidden: read only access prevents virDomainSuspend" \
     "the read-only socket refuses suspend"
timeout "$VSH_TIMEOUT" virsh -q -c "$URI_RO" domstate test > "$OUT" 2> "$ERR"
is "$(cat "$OUT")" "running" "the read-only socket serves queries"
timeout "$VSH_TIMEOUT" virsh -q -c "$URI_RO" destroy test > "$OUT" 2> "$ERR"
like "$(cat "$ERR")" "operation forbidden" \
     "the read-only socket refuses writes even without -r"

# Events: virsh registers all 27 event ids (316) and is sent lifecycle
# messages (318) for changes other clients make.
timeout 60 virsh -c "$URI" event --all --loop > "$DIR/events" 2>&1 &
ev_pid=$!
wait_for_line "$DIR/vireod.log" "event id 26 registered"
ok $? "event --all: every event id is accepted"
vsh suspend test
vsh resume test
wait_for_line "$DIR/events" "Resumed Unpaused"
kill -INT "$ev_pid"
wait "$ev_pid"
like "$(cat "$DIR/events")" "event 'lifecycle' for domain 'test': Suspended Paused" \
     "event: the suspension arrives"
like "$(cat "$DIR/events")" "event 'lifecycle' for domain 'test': Resumed Unpaused" \
     "event: the resumption arrives"

release_connection
daemon_stop
is "$DRC" "0" "vireod stops cleanly after the session"
[ "$DRC" = 0 ] || diag < "$DIR/vireod.stderr"
done_testing
