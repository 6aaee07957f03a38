#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-storage-lvm.sh: logical (LVM) pools of the storage driver, with
# the real LVM tools on loop devices of the test's own. The same virsh
# session (pool define, build with and without overwriting, start,
# info, dumpxml, refresh, autostart, destroy, delete, undefine, create
# with build; volumes created, listed, deleted; the faults: no volume
# group yet, a device already a PV, a volume too big for the group)
# runs against vireod and against a private libvirtd's own logical
# backend, each on its own loop device and volume group, and vireod
# must answer as libvirtd does once those names are masked. Pool events
# are compared the same way. Then the real effects: the group and its
# PV exist after a build and are gone after a delete, nothing is left
# after a failed volume create, and an autostart pool runs again after
# vireod restarts.
#
# This machine's kernel has no device-mapper (lvm_env.sh): both daemons
# run the tools with an lvm.conf of the test's own that says
# `activation = 0`. What needs an active LV cannot work, for either
# daemon: lvcreate succeeds, but no /dev/VG/LV node appears, so
# libvirt's create fails ("no storage vol with matching path") and
# removes the LV again, and the LVs lvs reports are inactive and not
# listed as volumes. The session shows those failures side by side.
# Volume data (upload, download, wipe of /dev/VG/LV) needs the node
# too, and is not exercised here.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/lvm_env.sh"

for tool in virsh losetup pvcreate vgcreate vgchange vgs lvs lvcreate \
            lvremove vgremove pvremove wipefs; do
    command -v "$tool" > /dev/null ||
        fail_all "$tool is installed (virsh: libvirt-clients, LVM: lvm2)"
done
[ "$(id -u)" -eq 0 ] || fail_all "the test runs as root (loop devices, qemu:///system)"

# Each daemon's own loop device, volume group and lvm.conf.
LOOPS=()
VGS_MADE=()
lvm_cleanup() {
    local i
    for i in "${!LOOPS[@]}"; do
        LVM_SYSTEM_DIR=$DIR/lvm$i vgremove -f "${VGS_MADE[$i]}" > /dev/null 2>&1
        LVM_SYSTEM_DIR=$DIR/lvm$i pvremove -ff -y "${LOOPS[$i]}" > /dev/null 2>&1
        losetup -d "${LOOPS[$i]}" 2> /dev/null
        chown root:disk "${LOOPS[$i]}" 2> /dev/null
    done
    cleanup
}
trap lvm_cleanup EXIT

# lvm_setup I VG: loop device I on a 64 MiB file, its lvm.conf in
# $DIR/lvmI; LOOPS[I] names the device.
lvm_setup() {
    local i=$1 conf=$DIR/lvm$1 loop
    truncate -s 64M "$DIR/disk$i.img"
    loop=$(losetup --find --show "$DIR/disk$i.img") || return 1
    LOOPS[i]=$loop
    VGS_MADE[i]=$2
    lvm_conf "$conf" "$loop"
    # libvirtd runs as nobody: the device is its to use.
    chown nobody "$loop"
}

chmod 0755 "$DIR"
VG_V=vireo_lvm_$$
VG_L=libvirt_lvm_$$
lvm_setup 0 "$VG_V" || fail_all "a loop device is free for vireod's group"
lvm_setup 1 "$VG_L" || fail_all "a loop device is free for libvirtd's group"
export LVM_SUPPRESS_FD_WARNINGS=1

. "$HERE/libvirtd.sh"
. "$HERE/pool-events.sh"
# shellcheck disable=SC2034 # read by libvirtd.sh
LIBVIRTD_ENV="LVM_SYSTEM_DIR=$DIR/lvm1 LVM_SUPPRESS_FD_WARNINGS=1"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

plan 14

LVM_SYSTEM_DIR=$DIR/lvm0 daemon_start
ok $? "vireod starts with its storage driver"
QURI="qemu+unix:///system?socket=$DIR/run/vireo-sock"

# pool_xml LOOP VG: the logical pool lvp on that device and group.
pool_xml() {
    cat <<END
<pool type='logical'>
  <name>lvp</name>
  <uuid>5d0e1c8a-2f0b-4d7e-9a51-3c7b2e61a0f1</uuid>
  <source>
    <device path='$1'/>
    <name>$2</name>
    <format type='lvm2'/>
  </source>
  <target>
    <path>/dev/$2</path>
  </target>
</pool>
END
}

# lv_names I: the LVs of group I's VG, as LVM itself lists them.
lv_names() {
    LVM_SYSTEM_DIR=$DIR/lvm$1 lvs --noheadings -o lv_name \
        "${VGS_MADE[$1]}" 2> /dev/null | tr -d ' ' | tr '\n' ' '
}

# session URI I: the commands against one daemon, on its device and
# group, their output and status in order.
session() {
    local uri=$1 i=$2 vg=${VGS_MADE[$2]}
    pool_xml "${LOOPS[$i]}" "$vg" > "$DIR/pool-$vg.xml"
    local cmds=(
        "pool-define $DIR/pool-$vg.xml" "pool-start lvp" "pool-info lvp"
        "pool-build lvp" "pool-build lvp"
        "pool-build lvp --overwrite --no-overwrite"
        "pool-build lvp --no-overwrite" "pool-build lvp --overwrite"
        "pool-start lvp" "pool-start lvp" "pool-build lvp"
        "pool-info lvp" "pool-dumpxml lvp" "pool-dumpxml lvp --inactive"
        "pool-list --all --details" "vol-list lvp"
        "vol-create-as lvp v1 8M" "vol-create-as lvp big 1G"
        "vol-create-as lvp a/b 8M"
        "lvm lvcreate --name byhand -L 4M $vg"
        "vol-create-as lvp byhand 4M"
        "vol-list lvp --details" "vol-info v1 --pool lvp"
        "vol-delete v1 --pool lvp" "vol-resize v1 16M --pool lvp"
        "pool-refresh lvp" "pool-info lvp" "vol-list lvp"
        "pool-autostart lvp" "pool-list --all --autostart"
        "pool-autostart lvp --disable" "pool-list --all --autostart"
        "pool-delete lvp" "pool-undefine lvp"
        "pool-destroy lvp" "pool-destroy lvp" "pool-info lvp"
        "pool-refresh lvp" "pool-start lvp" "pool-destroy lvp"
        "pool-delete lvp" "pool-start lvp" "pool-undefine lvp"
        "pool-create $DIR/pool-$vg.xml --build" "pool-info lvp"
        "pool-list --all" "pool-destroy lvp" "pool-list --all"
    )
    for cmd in "${cmds[@]}"; do
        echo "\$ $cmd"
        # shellcheck disable=SC2086 # each entry is a command line
        case $cmd in
        "lvm "*) LVM_SYSTEM_DIR=$DIR/lvm$i ${cmd#lvm } > /dev/null 2>&1 ;;
        *) timeout "$VSH_TIMEOUT" virsh -c "$uri" $cmd 2>&1 ;;
        esac
        echo "rc=$?"
        case $cmd in
        vol-create*|vol-delete*) echo "LVs: $(lv_names "$i")" ;;
        esac
    done
}

# What differs between the two daemons and is not the driver's doing:
# their devices and group names, and the warning LVM adds when it runs
# as a user other than root (libvirtd runs as nobody here).
mask() {
    sed -e "s|$1|LOOP|g" -e "s|$2|VG|g" \
        -e '/WARNING: Running as a non-root user/d'
}

# Both daemons at once, each on its own device: the machine's time goes
# to starting virsh and the tools, not to the daemons.
session "$LIBVIRTD_QEMU_URI" 1 > "$DIR/session1" &
session "$QURI" 0 > "$DIR/session0"
wait $!
WANT=$(mask "${LOOPS[1]}" "$VG_L" < "$DIR/session1")
GOT=$(mask "${LOOPS[0]}" "$VG_V" < "$DIR/session0")
same_output "$WANT" "$GOT" "the logical pool session answers as libvirtd's logical backend"
like "$WANT" "no storage vol with matching path '/dev/VG/v1'" \
     "libvirtd's own create fails for want of a device node, as described"
like "$WANT" "\$ vol-create-as lvp v1 8M
error: Failed to create vol v1
error: Storage volume not found: no storage vol with matching path '/dev/VG/v1'

rc=1
LVs: 
" "and removes the LV it made (lvs lists none after it)"

# Pool events, as virsh pool-event sees them from each daemon.
events_session() {
    pool_events "$1" "$DIR/events$2" lvp "$DIR/pool-${VGS_MADE[$2]}.xml"
}
WANT=$(events_session "$LIBVIRTD_QEMU_URI" 1)
GOT=$(events_session "$QURI" 0)
like "$WANT" "for storage pool lvp: Undefined" "libvirtd's watcher saw the events"
same_output "$WANT" "$GOT" "pool events come as from libvirtd's logical backend"

# The real effects on vireod's own device.
qvsh() {
    timeout "$VSH_TIMEOUT" virsh -c "$QURI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}
lvm0() {
    LVM_SYSTEM_DIR=$DIR/lvm0 "$@" 2> /dev/null
}
qvsh pool-define "$DIR/pool-$VG_V.xml" && qvsh pool-build lvp
is "$(lvm0 pvs --noheadings -o pv_name,vg_name | tr -s ' ')" \
   " ${LOOPS[0]} $VG_V" "a build makes the device a PV of the group"
qvsh pool-start lvp
lvm0 lvcreate --name grown -L 8M "$VG_V" > /dev/null
qvsh pool-refresh lvp && qvsh pool-info lvp
like "$(cat "$OUT")" "Available:      52.00 MiB" \
     "a refresh reads the group's free space again (an LV of 8 MiB made by hand)"
qvsh pool-autostart lvp
daemon_stop
ok $? "vireod stops with a running logical pool"
LVM_SYSTEM_DIR=$DIR/lvm0 daemon_start
# The pool starts while vireod already answers (its tools run in turn,
# as libvirtd's autostart does in a thread of its own).
for _ in $(seq 100); do
    qvsh pool-info lvp
    grep -q "State: *running" "$OUT" && break
    sleep 0.1
done
like "$(cat "$OUT")" "State:          running" \
     "after a restart the autostart pool runs again"
like "$(cat "$OUT")" "Available:      52.00 MiB" "with the group's numbers"
qvsh pool-destroy lvp && qvsh pool-delete lvp
is "$(lvm0 pvs --noheadings -o pv_name,vg_name)" "" \
   "a delete removes the group and the PV"
qvsh pool-undefine lvp
is "$RC" 0 "the pool is undefined"
daemon_stop
is "$DRC" 0 "vireod stops cleanly"
