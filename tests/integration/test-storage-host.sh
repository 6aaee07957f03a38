#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-storage-host.sh: the storage driver beside qemu:///system, on real
# files. The same virsh session (dir pools defined, built, started,
# refreshed, destroyed, deleted and undefined; raw and qcow2 volumes
# created, cloned, resized, wiped, described, looked up and deleted; and
# the faults: a pool directory gone, a volume too big, duplicates, an
# inactive pool) runs against vireod and against a private libvirtd's
# own storage driver, each on a directory of its own, and vireod must
# answer as libvirtd does once what legitimately differs is masked (the
# directories, owners, timestamps, the filesystem's free space). Then
# the real effects: qemu-img sees the formats and sizes asked for, an
# upload comes back unchanged from a download, a file placed by hand
# shows after a refresh, and pools and their autostart survive a
# restart of vireod.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"
. "$HERE/pool-events.sh"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
command -v qemu-img > /dev/null || fail_all "qemu-img (qemu-utils) is installed"
[ "$(id -u)" -eq 0 ] || fail_all "the test runs as root (qemu:///system)"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

plan 25

# The peer runs as $LIBVIRTD_USER: its pools live where it may write.
chmod 0755 "$DIR"
mkdir -p "$DIR/v-pools" "$DIR/l-pools"
chmod 0777 "$DIR/l-pools"

daemon_start
ok $? "vireod starts with its storage driver"
QURI="qemu+unix:///system?socket=$DIR/run/vireo-sock"

# pool_xml NAME UUID ROOT: a dir pool under ROOT.
pool_xml() {
    cat <<END
<pool type='dir'>
  <name>$1</name>
  <uuid>$2</uuid>
  <target>
    <path>$3/$1</path>
  </target>
</pool>
END
}

# session URI ROOT: the commands, their output and status, in order.
session() {
    local uri=$1 root=$2
    pool_xml p1 8c3c4a1c-7b5d-4a55-9c38-0d2b1b0f1e01 "$root" > "$root.p1.xml"
    pool_xml p2 8c3c4a1c-7b5d-4a55-9c38-0d2b1b0f1e02 "$root" > "$root.p2.xml"
    pool_xml p3 8c3c4a1c-7b5d-4a55-9c38-0d2b1b0f1e03 "$root" |
        sed 's/<name>p3/<name>p1/' > "$root.dup.xml"
    sed "s|<name>r.img|&|" > "$root.r.xml" <<END
<volume><name>r.img</name><capacity unit='M'>10</capacity>
<target><format type='raw'/></target></volume>
END
    local cmds=(
        "pool-define $root.p1.xml" "pool-start p1" "pool-build p1"
        "pool-start p1" "pool-start p1" "pool-build p1" "pool-list --all"
        "pool-info p1" "pool-dumpxml p1" "pool-define $root.dup.xml"
        "pool-undefine p1" "pool-delete p1"
        "vol-create-as p1 a.img 10M"
        "vol-create-as p1 b.qcow2 20M --format qcow2"
        "vol-create-as p1 a.img 10M" "vol-create-as p1 huge.img 100T"
        "vol-create-as p1 s.img 1G --allocation 0"
        "vol-list p1 --details" "vol-dumpxml a.img --pool p1"
        "vol-dumpxml b.qcow2 --pool p1" "vol-info b.qcow2 --pool p1"
        "vol-path a.img --pool p1" "vol-key a.img --pool p1"
        "vol-name $root/p1/a.img" "vol-pool $root/p1/a.img"
        "vol-key nothere.img --pool p1" "vol-name $root/p1/nothere.img"
        "vol-resize a.img 1M --pool p1" "vol-resize s.img 100M --pool p1"
        "vol-resize a.img 20M --pool p1" "vol-info a.img --pool p1"
        "vol-resize b.qcow2 40M --pool p1" "vol-info b.qcow2 --pool p1"
        "vol-clone b.qcow2 c.qcow2 --pool p1" "vol-info c.qcow2 --pool p1"
        "vol-create-from p1 $root.r.xml c.qcow2 --inputpool p1"
        "vol-info r.img --pool p1"
        "vol-wipe a.img --pool p1" "vol-info a.img --pool p1"
        "vol-wipe c.qcow2 --pool p1" "vol-info c.qcow2 --pool p1"
        "vol-delete a.img --pool p1" "vol-delete a.img --pool p1"
        "vol-list p1"
        "pool-destroy p1" "pool-destroy p1" "vol-list p1"
        "vol-create-as p1 x.img 1M" "pool-delete p1" "pool-undefine p1"
        "pool-undefine p1"
        "pool-define $root.p2.xml" "pool-build p2" "pool-start p2"
        "pool-autostart p2" "pool-list --all --autostart"
        "pool-autostart p2 --disable" "pool-list --all --autostart"
    )
    for cmd in "${cmds[@]}"; do
        # shellcheck disable=SC2086 # each entry is a command line
        echo "\$ virsh $cmd"
        timeout "$VSH_TIMEOUT" virsh -c "$uri" $cmd 2>&1
        echo "rc=$?"
    done
    # The pool's directory goes from under it: refresh and start fail as
    # libvirt's do, and the pool stops, its definition kept.
    rm -rf "$root/p2"
    for cmd in "pool-refresh p2" "pool-list --all" "pool-start p2"; do
        # shellcheck disable=SC2086
        echo "\$ virsh $cmd"
        timeout "$VSH_TIMEOUT" virsh -c "$uri" $cmd 2>&1
        echo "rc=$?"
    done
}

# What differs between the two daemons and is not the driver's doing:
# where the pools are, who owns files, when they changed, and the sizes
# of the filesystem they share (which other work on the machine moves).
mask() {
    sed -e "s|$1|ROOT|g" \
        -e 's|<owner>[0-9]*</owner>|<owner>U</owner>|' \
        -e 's|<group>[0-9]*</group>|<group>G</group>|' \
        -e 's|<\([acmb]time\)>[0-9.]*</[acmb]time>|<\1>T</\1>|' \
        -e '/^  <\(capacity\|allocation\|available\)/{/pool/!s|>[0-9]*<|>N<|}' \
        -e 's#^\(Capacity\|Allocation\|Available\): *[0-9.]* .iB#\1: N#' |
        sed -e '/^<pool/,/^<\/pool>/s|<\(capacity\|allocation\|available\) unit=.bytes.>[0-9]*<|<\1 unit='"'"'bytes'"'"'>N<|'
}

WANT=$(session "$LIBVIRTD_QEMU_URI" "$DIR/l-pools" |
       mask "$DIR/l-pools")
GOT=$(session "$QURI" "$DIR/v-pools" | mask "$DIR/v-pools")
same_output "$WANT" "$GOT" "the storage session answers as libvirtd's storage driver"

# The vireo CLI's vol-resize and vol-wipe say what virsh says to
# libvirtd for the same volumes.
: "${VIREO:?VIREO must name the vireo executable}"
contents_session() {
    local client=$1 uri=$2 root=$3
    pool_xml p9 8c3c4a1c-7b5d-4a55-9c38-0d2b1b0f1e09 "$root" > "$root.p9.xml"
    timeout "$VSH_TIMEOUT" virsh -c "$uri" pool-define "$root.p9.xml" > /dev/null
    timeout "$VSH_TIMEOUT" virsh -c "$uri" pool-build p9 > /dev/null
    timeout "$VSH_TIMEOUT" virsh -c "$uri" pool-start p9 > /dev/null
    timeout "$VSH_TIMEOUT" virsh -c "$uri" vol-create-as p9 w.img 4M > /dev/null
    for cmd in "vol-resize w.img 8M --pool p9" "vol-resize w.img 1M --pool p9" \
               "vol-resize w.img 2M --delta --pool p9" "vol-wipe w.img --pool p9" \
               "vol-resize nothere.img 1M --pool p9"; do
        echo "\$ $cmd"
        # shellcheck disable=SC2086
        timeout "$VSH_TIMEOUT" $client -c "$uri" $cmd 2>&1
        echo "rc=$?"
    done
    timeout "$VSH_TIMEOUT" virsh -c "$uri" vol-info w.img --pool p9
}
WANT=$(contents_session virsh "$LIBVIRTD_QEMU_URI" "$DIR/l-pools" |
       mask "$DIR/l-pools")
GOT=$(contents_session "$VIREO" "qemu+unix:///system?socket=$DIR/run/vireo-sock" \
      "$DIR/v-pools" | mask "$DIR/v-pools")
same_output "$WANT" "$GOT" "vireo's vol-resize and vol-wipe answer as virsh with libvirtd"

# Pool events, as virsh pool-event sees them from each daemon.
events_session() {
    local uri=$1 root=$2 log=$3
    pool_xml p8 8c3c4a1c-7b5d-4a55-9c38-0d2b1b0f1e08 "$root" > "$root.p8.xml"
    pool_events "$uri" "$log" p8 "$root.p8.xml"
}
WANT=$(events_session "$LIBVIRTD_QEMU_URI" "$DIR/l-pools" "$DIR/l-events")
GOT=$(events_session "qemu+unix:///system?socket=$DIR/run/vireo-sock" \
      "$DIR/v-pools" "$DIR/v-events")
like "$WANT" "for storage pool p8: Undefined" "libvirtd's watcher saw the events"
same_output "$WANT" "$GOT" "pool events come as from libvirtd's storage driver"

V=$DIR/v-pools
qvsh() {
    timeout "$VSH_TIMEOUT" virsh -c "$QURI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}
pool_xml p4 8c3c4a1c-7b5d-4a55-9c38-0d2b1b0f1e04 "$V" > "$DIR/p4.xml"
qvsh pool-define "$DIR/p4.xml" && qvsh pool-build p4 && qvsh pool-start p4
is "$RC" 0 "a second pool starts"

qvsh vol-create-as p4 disk.qcow2 64M --format qcow2
qemu-img info --output=json "$V/p4/disk.qcow2" > "$DIR/info.json" 2>&1
like "$(cat "$DIR/info.json")" '"format": "qcow2"' \
     "a qcow2 volume is qcow2 for qemu-img"
like "$(cat "$DIR/info.json")" '"virtual-size": 67108864' \
     "it has the virtual size asked for"
qvsh vol-resize disk.qcow2 96M --pool p4
qemu-img info --output=json "$V/p4/disk.qcow2" > "$DIR/info.json" 2>&1
like "$(cat "$DIR/info.json")" '"virtual-size": 100663296' \
     "qemu-img resize grew it to the size asked for"
qvsh vol-create-as p4 raw.img 8M
qemu-img info --output=json "$V/p4/raw.img" > "$DIR/info.json" 2>&1
like "$(cat "$DIR/info.json")" '"format": "raw"' "a raw volume is raw"

head -c 1048576 /dev/urandom > "$DIR/up.bin"
qvsh vol-create-as p4 up.img 1M
qvsh vol-upload up.img "$DIR/up.bin" --pool p4
is "$RC" 0 "vol-upload sends a file into a volume"
cmp -s "$DIR/up.bin" "$V/p4/up.img"
ok $? "the volume holds the uploaded bytes"
qvsh vol-download up.img "$DIR/down.bin" --pool p4
cmp -s "$DIR/up.bin" "$DIR/down.bin"
ok $? "vol-download gives them back unchanged"

# A volume a running guest holds is not deleted, as long as it runs.
cat > "$DIR/holder.xml" <<END
<domain type='qemu'>
  <name>holder</name>
  <memory unit='MiB'>48</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='$V/p4/raw.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>
END
VSH_TIMEOUT=90 qvsh create "$DIR/holder.xml"
is "$RC" 0 "a guest starts on a volume of the pool"
qvsh vol-delete raw.img --pool p4
is "$(cat "$ERR")" "error: Failed to delete vol raw.img
error: Requested operation is not valid: volume 'raw.img' is still in use." \
   "the volume it holds cannot be deleted while it runs"
VSH_TIMEOUT=90 qvsh destroy holder
qvsh vol-delete raw.img --pool p4
is "$RC" 0 "once the guest is gone, the volume can be deleted"

qemu-img create -q -f qcow2 "$V/p4/byhand.qcow2" 32M
head -c 65536 /dev/zero > "$V/p4/byhand.raw"
qvsh pool-refresh p4
qvsh vol-list p4 --details
like "$(grep byhand.qcow2 "$OUT")" "32.00 MiB" \
     "a qcow2 file placed by hand shows after a refresh, its size read"
qvsh vol-dumpxml byhand.qcow2 --pool p4
like "$(cat "$OUT")" "<format type='qcow2'/>" "and its format detected"

# python3-libvirt reaches the same pools and volumes.
/usr/bin/python3 - "$QURI" "$V/p4/up.img" > "$OUT" 2>&1 <<'END'
import sys
import libvirt
conn = libvirt.open(sys.argv[1])
pool = conn.storagePoolLookupByName('p4')
print(sorted(v.name() for v in pool.listAllVolumes()))
vol = conn.storageVolLookupByPath(sys.argv[2])
print(vol.name(), vol.storagePoolLookupByVolume().name(), vol.info()[1])
END
is "$(cat "$OUT")" "['byhand.qcow2', 'byhand.raw', 'disk.qcow2', 'up.img']
up.img p4 1048576" "python3-libvirt lists the volumes and finds one by path"

qvsh pool-autostart p4
pool_xml p5 8c3c4a1c-7b5d-4a55-9c38-0d2b1b0f1e05 "$V" > "$DIR/p5.xml"
mkdir -p "$V/p5"
qvsh pool-define "$DIR/p5.xml"
qvsh pool-autostart p5
daemon_stop
is "$DRC" 0 "vireod stops with pools running"
rm -f "$DIR/run/vireo-sock" "$DIR/run/vireo-sock-ro"
daemon_start
qvsh pool-list --all --autostart
like "$(cat "$OUT")" " p4     active   yes" \
     "after a restart the running pool runs on, still autostarted"
qvsh vol-list p4
like "$(cat "$OUT")" "up.img" "its volumes are found again"
qvsh pool-info p2
like "$(cat "$OUT")" "inactive" "the pool whose directory went stays defined"
qvsh pool-list --all --autostart
like "$(cat "$OUT")" " p5     active   yes" \
     "a pool marked autostart starts with vireod"
grep -c "storage pool" "$DIR/vireod.log" > "$OUT"
is "$(cat "$OUT")" "0" "and nothing was lost or warned about on the way"
