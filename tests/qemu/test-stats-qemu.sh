#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-stats-qemu.sh: a real guest's disk and interface statistics
# through vireod's QEMU driver: domblkstat (QMP query-blockstats: the
# firmware reads the disk at every boot, so the reads grow with a reset),
# domifstat (the guest's tap, its counters seen from the guest: what the
# host's side received, the guest transmitted), domstats --block
# --interface with libvirt's field names, libvirt's errors, and the
# metrics endpoint's block and network families for the guest.
#
# The names and order virsh prints are a real libvirtd's QEMU driver's
# (stats/, from make-stats-golden.sh) and, for the interface group, which
# a session libvirtd cannot show (it makes no taps), libvirt's documented
# ones. The guest's tap lives in a network namespace of the test's own.
if [ -z "${VIREO_STATS_NAMESPACED:-}" ]; then
    [ "$(id -u)" -eq 0 ] || {
        echo "1..1"
        echo "not ok 1 - the test runs as root (it makes a tap)"
        exit 1
    }
    exec env VIREO_STATS_NAMESPACED=1 unshare --net --mount --fork \
        --kill-child bash "$0" "$@"
fi
mount --make-rprivate / && mount -t sysfs sysfs /sys && ip link set lo up || {
    echo "1..1"
    echo "not ok 1 - a network and mount namespace of our own"
    exit 1
}
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/../integration/metrics_lib.sh"

plan 20
MAC=52:54:00:0a:0b:0d
TAP=vqs0

# names: each line of virsh's output with its figures masked.
names() {
    sed -e "s|$DIR|@DIR@|g" -e 's/=[0-9][0-9]*$/=N/' -e 's/ [0-9][0-9]*$/ N/' "$OUT"
}

# field NAME: its figure in virsh's last "dev NAME N" output.
field() {
    awk -v f="$1" '$2 == f { print $3 }' "$OUT"
}

# host_rx: what the host's side of the tap has received, in bytes.
host_rx() {
    cat "/sys/class/net/$TAP/statistics/rx_bytes"
}

# at_least A B: A >= B (as numbers).
at_least() {
    [ -n "$1" ] && [ -n "$2" ] && [ "$1" -ge "$2" ]
}

EXTRA_CONF="metrics_listen = \"127.0.0.1:$METRICS_PORT\"" qemu_daemon_start
truncate -s 8M "$DIR/disk.raw"
guest_xml g1 --disk "$DIR/disk.raw" | sed "s|  </devices>|    <interface type='ethernet'>\\
      <mac address='$MAC'/>\\
      <target dev='$TAP'/>\\
      <model type='virtio'/>\\
    </interface>\\
  </devices>|" > "$DIR/g1.xml"
qvsh define "$DIR/g1.xml"

qvsh domblkstat g1 vda
is "$RC $(tail -1 "$ERR")" "1 error: Requested operation is not valid: domain is not running" \
    "domblkstat of a shut-off guest: not running, as libvirt says"

qvsh start g1
[ "$RC" -eq 0 ] || { echo "Bail out! the guest does not start: $(tail -1 "$ERR")"; exit 1; }
wait_for_line "$(guest_serial g1)" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT"
ok $? "the guest with a disk and an ethernet interface boots"

qvsh domblkstat g1 vda
is "$(names)" "$(cat "$HERE/stats/domblkstat.txt")" \
    "domblkstat prints libvirtd's fields, in its order"
reads=$(field rd_req)
at_least "$reads" 1
ok $? "the disk has been read since boot ($reads requests)"
qvsh domblkstat g1 "$DIR/disk.raw"
is "$(field rd_req)" "$reads" "the disk is found by its source path too"
qvsh domblkstat g1 vdz
is "$RC $(tail -1 "$ERR")" "1 error: invalid argument: invalid path: vdz" \
    "a disk the guest does not have: invalid path"

qvsh reset g1
grown=
for _ in $(seq 100); do
    qvsh domblkstat g1 vda
    grown=$(field rd_req)
    at_least "$grown" "$((reads + 1))" && break
    sleep 0.2
done
at_least "$grown" "$((reads + 1))"
ok $? "after a reset the firmware reads the disk again ($reads, then $grown)"

qvsh domifstat g1 "$TAP"
is "$(names)" "$TAP rx_bytes N
$TAP rx_packets N
$TAP rx_errs N
$TAP rx_drop N
$TAP tx_bytes N
$TAP tx_packets N
$TAP tx_errs N
$TAP tx_drop N" "domifstat prints libvirt's eight counters"
for _ in $(seq 300); do
    [ "$(host_rx 2> /dev/null)" -gt 0 ] 2> /dev/null && break
    sleep 0.1
done
before=$(host_rx)
qvsh domifstat g1 "$TAP"
after=$(host_rx)
sent=$(field tx_bytes)
at_least "$sent" "$before" && at_least "$after" "$sent"
ok $? "what the guest transmitted is what the tap received ($before <= $sent <= $after)"
qvsh domifstat g1 "$MAC"
is "$RC $(head -1 "$OUT" | cut -d' ' -f1,2)" "0 $MAC rx_bytes" \
    "the interface is found by its MAC address too"
qvsh domifstat g1 nosuch
is "$RC $(tail -1 "$ERR")" "1 error: invalid argument: 'nosuch' is not a known interface" \
    "an interface the guest does not have, in libvirt's words"

qvsh domstats --block g1
is "$(names)" "$(cat "$HERE/stats/domstats-block.txt")" \
    "domstats --block prints libvirtd's block fields, in its order"
qvsh domstats --interface g1
is "$(names)" "Domain: 'g1'
  net.count=N
  net.0.name=$TAP
  net.0.rx.bytes=N
  net.0.rx.pkts=N
  net.0.rx.errs=N
  net.0.rx.drop=N
  net.0.tx.bytes=N
  net.0.tx.pkts=N
  net.0.tx.errs=N
  net.0.tx.drop=N" "domstats --interface prints libvirt's documented net fields"
qvsh domstats --block --interface g1
like "$(names)" "  net.0.tx.drop=N
  block.count=N" "with both groups the interface's come first, as in libvirt"
qvsh domstats --state --block
like "$(names)" "Domain: 'g1'
  state.state=N
  state.reason=N
  block.count=N" "every domain's record, the state group first"

SERIES='driver="qemu",domain="g1"'
qvsh domblkstat g1 vda
wait_value "vireo_domain_block_read_requests_total{$SERIES,device=\"vda\"}" \
    "$(field rd_req)"
ok $? "the metrics endpoint shows the disk's read requests"
is "$(value "vireo_domain_block_read_bytes_total{$SERIES,device=\"vda\"}")" \
    "$(field rd_bytes)" "and its bytes read, as domblkstat gives them"
scrape
sent=$(value "vireo_domain_net_transmitted_bytes_total{$SERIES,interface=\"$TAP\"}")
at_least "$sent" 1 && at_least "$(host_rx)" "$sent"
ok $? "and the interface's bytes transmitted ($sent)"

qvsh destroy g1
qvsh domifstat g1 "$TAP"
is "$RC $(tail -1 "$ERR")" "1 error: Requested operation is not valid: domain is not running" \
    "domifstat of a guest that no longer runs: not running"
qvsh undefine g1
daemon_stop
is "$DRC" "0" "SIGTERM stops the daemon cleanly"
done_testing
