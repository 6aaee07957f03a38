#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-storage-lvm-sources.sh: storage pool source discovery
# (find-storage-pool-sources and find-storage-pool-sources-as) against
# vireod's storage driver (qemu:///system) and a private libvirtd's own,
# both running the real LVM tools on the same four loop devices of the
# test's own, through the same lvm.conf (lvm_env.sh): group vga on two
# of them, vgb on a third, the fourth a physical volume of no group. The
# same session runs as virsh against both daemons and as vireo against
# both, and each must print what virsh gets from libvirtd, byte for
# byte: the groups with their devices, a source specification the
# logical backend ignores, the types with no discovery, a type with no
# backend, an unknown type; then the groups again after vgb is removed,
# and none after vga is too. python3-libvirt's flags are refused alike.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/lvm_env.sh"

: "${VIREO:?VIREO must name the vireo executable}"
for tool in virsh losetup pvcreate vgcreate vgremove pvremove pvs; do
    command -v "$tool" > /dev/null ||
        fail_all "$tool is installed (virsh: libvirt-clients, LVM: lvm2)"
done
[ "$(id -u)" -eq 0 ] || fail_all "the test runs as root (loop devices, qemu:///system)"

LOOPS=()
sources_cleanup() {
    local l
    LVM_SYSTEM_DIR=$DIR/lvm vgremove -f vga vgb > /dev/null 2>&1
    for l in "${LOOPS[@]}"; do
        LVM_SYSTEM_DIR=$DIR/lvm pvremove -ff -y "$l" > /dev/null 2>&1
        losetup -d "$l" 2> /dev/null
        chown root:disk "$l" 2> /dev/null
    done
    cleanup
}
trap sources_cleanup EXIT

chmod 0755 "$DIR"
for i in 0 1 2 3; do
    truncate -s 16M "$DIR/disk$i.img"
    LOOPS[i]=$(losetup --find --show "$DIR/disk$i.img") ||
        fail_all "a loop device is free for the test's groups"
    chown nobody "${LOOPS[i]}"
done
lvm_conf "$DIR/lvm" "${LOOPS[@]}"
export LVM_SYSTEM_DIR=$DIR/lvm LVM_SUPPRESS_FD_WARNINGS=1
{
    pvcreate -q "${LOOPS[@]}" &&
    vgcreate -q vga "${LOOPS[0]}" "${LOOPS[2]}" &&
    vgcreate -q vgb "${LOOPS[1]}"
} > /dev/null 2>&1 || fail_all "LVM makes the test's groups on its loop devices"

. "$HERE/libvirtd.sh"
# shellcheck disable=SC2034 # read by libvirtd.sh
LIBVIRTD_ENV="LVM_SYSTEM_DIR=$DIR/lvm LVM_SUPPRESS_FD_WARNINGS=1"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

plan 13

daemon_start
ok $? "vireod starts with its storage driver"
QURI="qemu+unix:///system?socket=$DIR/run/vireo-sock"

echo "<source><host name='nothere.example'/></source>" > "$DIR/spec.xml"
echo "<source><junk" > "$DIR/junk.xml"

# session CLIENT URI CMD...: each command, what the client printed, and
# its status.
session() {
    local client=$1 uri=$2 cmd
    shift 2
    for cmd in "$@"; do
        echo "\$ $cmd"
        # shellcheck disable=SC2086 # cmd is a command line
        timeout "$VSH_TIMEOUT" $client -c "$uri" $cmd 2>&1
        echo "rc=$?"
    done
}

# Each step's commands against libvirtd with virsh (the expectation),
# then against vireod with virsh and with vireo, and against libvirtd
# with vireo.
compare() {
    local what=$1 want
    shift
    want=$(session virsh "$LIBVIRTD_QEMU_URI" "$@")
    same_output "$want" "$(session virsh "$QURI" "$@")" \
        "virsh against vireod: $what"
    same_output "$want" "$(session "$VIREO" "$QURI" "$@")" \
        "vireo against vireod: $what"
    same_output "$want" "$(session "$VIREO" "$LIBVIRTD_QEMU_URI" "$@")" \
        "vireo against libvirtd: $what"
    WANT=$want
}

compare "the groups and their devices, and the types without discovery" \
    "find-storage-pool-sources logical" \
    "find-storage-pool-sources-as logical" \
    "find-storage-pool-sources logical $DIR/spec.xml" \
    "find-storage-pool-sources logical $DIR/junk.xml" \
    "find-storage-pool-sources-as logical nothere.example 3260 iqn.x" \
    "find-storage-pool-sources dir" \
    "find-storage-pool-sources-as rbd" \
    "find-storage-pool-sources-as nosuchtype"
like "$WANT" "<sources>
  <source>
    <device path='${LOOPS[0]}'/>
    <device path='${LOOPS[2]}'/>
    <name>vga</name>
    <format type='lvm2'/>
  </source>" "libvirtd lists vga with both its devices"

vgremove -q -f vgb > /dev/null 2>&1
compare "the groups LVM has now (vgb removed)" \
    "find-storage-pool-sources logical"
vgremove -q -f vga > /dev/null 2>&1
compare "none when no device is in a group" \
    "find-storage-pool-sources logical"
like "$WANT" "<sources>
</sources>" "libvirtd's list is then empty"

# python3-libvirt with a flag the logical backend refuses.
flags() {
    /usr/bin/python3 - "$1" <<'END'
import sys
import libvirt
libvirt.registerErrorHandler(lambda opaque, err: None, None)
conn = libvirt.open(sys.argv[1])
for kind in ("logical", "dir"):
    try:
        conn.findStoragePoolSources(kind, None, 1)
    except libvirt.libvirtError as e:
        print(kind, e.get_error_code(), e.get_error_domain(), e)
END
}
same_output "$(flags "$LIBVIRTD_QEMU_URI")" "$(flags "$QURI")" \
    "a flag is refused by the logical backend, and ignored before 'dir' is"
