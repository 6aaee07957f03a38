#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-monitor.sh: the monitoring commands of our CLI against vireod,
# compared with virsh against a private real libvirtd (Debian's 9.0), on a
# domain with two disks, two interfaces and a balloon (data/monitor.xml),
# shut off and running. Each run is one session ("define ...; start ...;
# COMMAND") on a fresh test:///default, so both daemons start alike. The
# expected output is libvirtd's, through virsh; vireo's against vireod must
# equal it once the figures that are the wall clock (CPU times, block and
# interface counters) are masked. vcpuinfo waits for the host's CPU map:
# libvirtd counts the CPUs from it, which vireo cannot ask for yet. domstats
# of several domains is left out: libvirtd lists them in its hash table's
# order, which changes from one daemon to the next.
#
# $VIREOD names vireod, $VIREO the vireo CLI.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo executable}"
XML=$(cd "$(dirname "$0")/data" && pwd)/monitor.xml

plan 33
command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
daemon_start || fail_all "vireod starts"
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

# Numbers of nine digits or more are the wall clock (or a fraction of it);
# so are one-decimal CPU times in seconds.
mask() {
    sed -E 's/[0-9]{9,}/N/g; s/[0-9]+\.[0-9]s$/Ts/'
}

# session TOOL URI SCRIPT: the tool's exit status, stdout and stderr,
# masked.
session() {
    local out
    out=$(timeout "$VSH_TIMEOUT" "$1" -c "$2" "$3" 2> "$DIR/err" < /dev/null)
    echo "exit status $?"
    echo "$out" | mask
    echo "-- stderr"
    mask < "$DIR/err"
}

# same SCRIPT: vireo against vireod prints what virsh against libvirtd
# prints.
same() {
    same_output "$(session virsh "$LIBVIRTD_URI" "$1")" \
        "$(session "$VIREO" "$URI" "$1")" \
        "vireo on vireod as virsh on libvirtd: ${1//$XML/monitor.xml}"
}

OFF="define $XML; "
ON="define $XML; start monitor; "
for cmd in "vcpucount monitor" "dommemstat monitor" \
           "domblkstat monitor vda" "domblkinfo monitor vda" \
           "domblkinfo monitor hdc" "domblkerror monitor" \
           "domifaddr monitor" "domcontrol monitor" \
           "cpu-stats monitor" "domstats --list-inactive" \
           "list --all --uuid --id --name" "list --persistent --all" \
           "list --transient --all" "list --table --uuid"; do
    same "$OFF$cmd"
done
for cmd in "vcpucount monitor" "dommemstat monitor" \
           "domblkstat monitor vda" "domblkstat monitor hdc --human" \
           "domblkstat monitor sdz" "domifstat monitor testnet1" \
           "domifstat monitor 52:54:00:4d:4f:01" "domifstat monitor vnet9" \
           "domblkinfo monitor /guest/monitor.img" "domblkerror monitor" \
           "domifaddr monitor" "domcontrol monitor" \
           "cpu-stats monitor" "cpu-stats monitor --total" \
           "cpu-stats monitor --start 1 --count 1" "domstats monitor" \
           "domstats --state monitor" "dommemstat nope"; do
    same "$ON$cmd"
done

daemon_stop
ok $? "vireod stops cleanly"
done_testing
