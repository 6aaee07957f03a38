#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-define.sh: the qemu driver's definitions, with no guest running.
# The same virsh commands (define, list, dominfo, domstate, autostart,
# undefine, and the definitions it refuses) run against vireod and a
# private libvirtd's QEMU driver, and vireod must answer as libvirtd
# does, word for word (a kvm guest too: whether KVM runs guests here is
# QEMU's answer to both); so must python3-libvirt's listing filters and the
# host queries (version, nodeinfo, hostname). Definitions and autostart
# flags survive a stop and a SIGKILL of vireod; qemu.conf is read (an
# unknown key is warned about, a bad value stops the start); and vireod
# runs without QEMU on its PATH, saying so when asked.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
peer_start

plan 28

cat > "$DIR/qemu.conf" <<END
monitor_timeout = 7
colour = "blue"
END
qemu_daemon_start
ok $? "vireod starts with its qemu driver"
grep -c "qemu.conf:2: 'colour' is not used by vireod, ignored" \
     "$DIR/vireod.log" > "$OUT"
is "$(cat "$OUT")" "1" "a qemu.conf key the driver does not know is warned about"

# domain NAME UUID [DEVICES] [OS]: a definition of our own, diskless. Its
# serial file puts $DIR in QEMU's command line, where the harness counts
# this test's QEMU: those marked autostart start with vireod.
domain() {
    cat <<END
<domain type='qemu'>
  <name>$1</name>
  <uuid>$2</uuid>
  <memory unit='MiB'>64</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type>${4:-}</os>
  <devices>${3:-}
$(serial_xml "$1" file)
  </devices>
</domain>
END
}
U1=11111111-2222-3333-4444-555555555555
U2=22222222-2222-3333-4444-555555555555
domain g1 $U1 > "$DIR/g1.xml"
domain g1 $U2 > "$DIR/g1-other-uuid.xml"
domain g2 $U1 > "$DIR/g2-same-uuid.xml"
domain 'a/b' $U2 > "$DIR/slash.xml"
domain g3 $U2 "<emulator>/nonexistent/qemu</emulator>" > "$DIR/no-emulator.xml"
domain g4 $U2 | sed "s/>hvm</>xen</" > "$DIR/xen-os.xml"
domain g5 $U2 | sed "s/type='qemu'/type='xen'/" > "$DIR/xen-type.xml"
domain g6 $U2 | sed "s/type='qemu'/type='kvm'/" > "$DIR/kvm-type.xml"

# The session: each command, its output and status, in order; the socket
# path is the only thing that differs between the two daemons.
SESSION=(
    "define $DIR/g1.xml" "list --all" "dominfo g1" "domstate --reason g1"
    "domid g1" "domuuid g1" "autostart g1" "list --all --autostart"
    "dominfo g1" "autostart --disable g1" "list --all --autostart"
    "define $DIR/g1-other-uuid.xml" "define $DIR/g2-same-uuid.xml"
    "define $DIR/slash.xml" "define $DIR/no-emulator.xml"
    "define $DIR/xen-os.xml" "define $DIR/xen-type.xml"
    "define $DIR/kvm-type.xml" "undefine g6"
    "destroy g1" "suspend g1" "resume g1" "shutdown g1" "reboot g1"
    "reset g1" "domstate nosuch" "define $DIR/g1.xml" "undefine g1"
    "list --all" "undefine g1")

# session URI: run SESSION on URI.
session() {
    local cmd
    for cmd in "${SESSION[@]}"; do
        echo "\$ virsh $cmd"
        # shellcheck disable=SC2086 # the command's words
        timeout "$VSH_TIMEOUT" virsh -c "$1" $cmd 2>&1
        echo "rc=$?"
    done
}
session "$LIBVIRTD_QEMU_URI" > "$DIR/libvirtd.session"
session "$QURI" > "$DIR/vireod.session"
diff -u "$DIR/libvirtd.session" "$DIR/vireod.session" > "$DIR/session.diff"
ok $? "define, list, dominfo, autostart, undefine and the definitions \
refused: vireod answers as libvirtd does"
diag < "$DIR/session.diff"

# ---- listing filters, through python3-libvirt ----------------------------

# three domains: a with autostart, b and c without.
setup_three() {
    local uri=$1 n=0
    for name in fa fb fc; do
        n=$((n + 1))
        domain $name "33333333-2222-3333-4444-55555555555$n" > "$DIR/$name.xml"
        timeout "$VSH_TIMEOUT" virsh -c "$uri" define "$DIR/$name.xml" > /dev/null
    done
    timeout "$VSH_TIMEOUT" virsh -c "$uri" autostart fa > /dev/null
}
setup_three "$LIBVIRTD_QEMU_URI"
setup_three "$QURI"
$CLIENT filters "$LIBVIRTD_QEMU_URI" > "$DIR/libvirtd.filters" 2>&1
$CLIENT filters "$QURI" > "$DIR/vireod.filters" 2>&1
is "$(cat "$DIR/vireod.filters")" "$(cat "$DIR/libvirtd.filters")" \
   "python3-libvirt's listing filters select what libvirtd's select"
like "$(cat "$DIR/vireod.filters")" "autostart=fa" "... (autostart: fa)"

# ---- the host -------------------------------------------------------------

for cmd in version nodeinfo hostname; do
    timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" $cmd > "$DIR/l.$cmd" 2>&1
    qvsh $cmd
    is "$(cat "$OUT")" "$(cat "$DIR/l.$cmd")" "virsh $cmd: as libvirtd's QEMU driver answers"
done
qvsh capabilities
caps=$(cat "$OUT")
timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" capabilities > "$DIR/l.caps"
# What a client such as virt-install reads in it.
guest_part() {
    sed -n "/<arch name='x86_64'>/,/<\/arch>/p" | \
        grep -E "emulator|canonical|domain type" | sed 's/ maxCpus=.[0-9]*.//'
}
is "$(echo "$caps" | guest_part)" "$(guest_part < "$DIR/l.caps")" \
   "capabilities: the x86_64 guest's emulator, machine aliases and domain types are libvirtd's"
like "$caps" "<topology sockets='" "... and the host's CPU topology is there"

# ---- what survives a restart ---------------------------------------------

qvsh define "$DIR/g1.xml"
qvsh autostart g1
qvsh list --all --name
before=$(grep . "$OUT" | sort)
daemon_stop
is "$DRC" "0" "vireod stops cleanly"
qemu_daemon_start
qvsh list --all --name
is "$(grep . "$OUT" | sort)" "$before" "every definition is there after a restart"
qvsh list --all --autostart --name
is "$(grep . "$OUT" | sort)" "$(printf 'fa\ng1\n')" "... and so are the autostart flags"
wait_qemu_count 2 60
qvsh list --state-running --name
is "$(grep . "$OUT" | sort)" "$(printf 'fa\ng1\n')" "... and those domains started with vireod"
kill -KILL "$DPID"
restart_after_kill
qvsh list --all --name
is "$(grep . "$OUT" | sort)" "$before" "every definition is there after vireod was killed with SIGKILL"
is "$(qemu_count)" 2 "... and the autostarted guests were found again, not started twice"
qvsh dumpxml --inactive g1
qvsh define /dev/stdin <<< "$(cat "$OUT")"
like "$(cat "$OUT")" "Domain 'g1' defined" "dumpxml --inactive defines again"
find "$DIR/state/qemu" -name '.tmp-*' > "$OUT"
is "$(cat "$OUT")" "" "no temporary file is left in the state directory"
ls "$DIR/state/qemu/autostart" > "$OUT"
is "$(cat "$OUT")" "$(printf 'fa.xml\ng1.xml')" \
   "autostart is a link per domain, as libvirt keeps it"

# ---- the vireo CLI -------------------------------------------------------

qvireo list --all
like "$(cat "$OUT")" " -    fb     shut off" "the vireo CLI lists the qemu driver's domains"
qvireo dominfo g1
like "$(cat "$OUT")" "Autostart:      enable" "... and reads one"

# ---- the read-only socket ------------------------------------------------

timeout "$VSH_TIMEOUT" virsh -r -c "$QURI_RO" undefine fb > "$OUT" 2>&1
like "$(cat "$OUT")" "read only access prevents" "the read-only socket defines nothing"

daemon_stop

# ---- settings ------------------------------------------------------------

echo 'monitor_timeout = "soon"' > "$DIR/qemu.conf"
write_config
timeout 30 "$VIREOD" -f "$DIR/vireod.conf" > "$DIR/bad.out" 2>&1
[ $? -ne 0 ]
ok $? "a bad monitor_timeout stops vireod"
like "$(cat "$DIR/bad.out" "$DIR/vireod.log")" "qemu.conf:1" \
     "... naming the file and line"

# ---- no QEMU at all ------------------------------------------------------

rm "$DIR/qemu.conf"
mkdir "$DIR/nobin"
env PATH="$DIR/nobin" "$VIREOD" -f "$DIR/vireod.conf" 2> "$DIR/vireod.stderr" &
DPID=$!
wait_for "$DIR/run/vireo-sock-ro"
qvsh list --all --name
is "$(grep . "$OUT" | sort)" "$before" "without QEMU on its PATH vireod still starts its qemu driver"
qvsh version
like "$(cat "$ERR")" "Cannot find suitable emulator for x86_64" \
     "... and says there is no emulator when asked its version"
qvsh start fb
like "$RC $(cat "$ERR")" "1 error: Failed to start domain 'fb'" \
     "... or to start a guest"
qvsh destroy fa
qvsh destroy g1
wait_qemu_count 0 30
is "$(qemu_count)" 0 "the guests that ran are destroyed without QEMU on the PATH too"
daemon_stop
libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag
done_testing
