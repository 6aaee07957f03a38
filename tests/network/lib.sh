# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# shellcheck disable=SC2034 # its variables are read by the tests that source it
# lib.sh: the network driver's tests' harness, on top of the integration
# tests' (tests/integration/lib.sh: TAP, a vireod on $DIR, is, like ...).
#
# Each test runs, with the vireod it starts and everything that adds to
# the host (bridges, dnsmasq, nftables tables), in a network namespace
# and a mount namespace of its own: sysfs mounted again to show that
# namespace's links, a tmpfs over /run. So nothing touches the host's
# networking, and tests running at once never meet. The script runs
# itself again inside them; it needs root.
#
#   net_daemon_start          # vireod, its qemu:///system URI in $QURI
#   nvsh net-list --all       # virsh on it: $OUT, $ERR, $RC
#   dnsmasq_pids NAME         # the dnsmasq serving network NAME
#   has_link NAME; link_addr NAME; nft_table NAME

if [ -z "${VIREO_NET_NAMESPACED:-}" ]; then
    [ "$(id -u)" -eq 0 ] || {
        echo "1..1"
        echo "not ok 1 - the network tests run as root (bridges, nftables)"
        exit 1
    }
    exec env VIREO_NET_NAMESPACED=1 unshare --net --mount --pid --fork \
        --kill-child bash "$0" "$@"
fi
# A pid namespace too: the test is its init, so whatever outlives it
# (dnsmasq, detached from vireod) dies with it, even when the test is
# killed; and its /proc shows only the test's processes.
mount --make-rprivate / && mount -t sysfs sysfs /sys &&
    mount -t proc proc /proc && mount -t tmpfs tmpfs /run || {
    echo "1..1"
    echo "not ok 1 - a network and mount namespace of our own"
    exit 1
}
ip link set lo up

# A test that boots the QEMU tests' guest sets NET_WITH_QEMU=1 first and
# gets their harness (tests/qemu/lib.sh) too.
if [ "${NET_WITH_QEMU:-0}" = 1 ]; then
    # shellcheck source-path=SCRIPTDIR source=../qemu/lib.sh
    . "$(dirname "${BASH_SOURCE[0]}")/../qemu/lib.sh"
else
    # shellcheck source-path=SCRIPTDIR source=../integration/lib.sh
    . "$(dirname "${BASH_SOURCE[0]}")/../integration/lib.sh"
fi
: "${VIREO:?VIREO must name the vireo executable}"

for tool in dnsmasq nft ip virsh; do
    command -v "$tool" > /dev/null || PATH=$PATH:/usr/sbin:/sbin
    command -v "$tool" > /dev/null || fail_all "$tool is installed"
done

# Here libvirt's default network may start with the daemon, as it does
# under libvirtd.
echo "default_network_autostart = 1" > "$DIR/network.conf"
NET_RUN=$DIR/run/network
QURI="qemu+unix:///system?socket=$DIR/run/vireo-sock"

# The dnsmasq processes, detached from vireod, outlive it: at exit they
# go too (the pid namespace would end them anyway), then the namespace
# with everything else. The QEMU harness has its own exit.
net_cleanup() {
    local pid
    for pid in $(dnsmasq_pids ''); do kill -KILL "$pid" 2> /dev/null; done
    cleanup
}
[ "${NET_WITH_QEMU:-0}" = 1 ] || trap net_cleanup EXIT

net_daemon_start() {
    daemon_start
}

nvsh() {
    timeout "$VSH_TIMEOUT" virsh -c "$QURI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

# net_row NAME: network NAME's state, autostart and persistence as
# net-list --all shows them, one space apart.
net_row() {
    nvsh net-list --all
    awk -v n="$1" '$1 == n { print $2, $3, $4 }' "$OUT"
}

# dnsmasq_pids NAME: the pids of the dnsmasq processes run with network
# NAME's configuration (every one of this test's with NAME empty). The
# helper each forks to run its --dhcp-script, a child with the same
# command line that ends with it, is not one of them.
dnsmasq_pids() {
    local f args pid stat
    for f in /proc/[0-9]*/cmdline; do
        mapfile -d '' -t args 2> /dev/null < "$f" || continue
        case ${args[1]:-} in
        "--conf-file=$NET_RUN/$1"*)
            pid=${f#/proc/}
            pid=${pid%/cmdline}
            read -r stat 2> /dev/null < "/proc/$pid/stat" || continue
            stat=${stat##*) }
            stat=${stat#* }
            cmp -s "/proc/${stat%% *}/cmdline" "$f" || echo "$pid"
            ;;
        esac
    done
}

has_link() {
    ip link show "$1" > /dev/null 2>&1
}

# link_addr NAME: its IPv4 addresses with their prefixes.
link_addr() {
    ip -4 -o addr show dev "$1" 2> /dev/null | awk '{print $4}'
}

# nft_table NAME: the ruleset of network NAME's table (empty: none).
nft_table() {
    nft list table ip "vireo_$1" 2> /dev/null
}

# wait_gone_pid PID: up to 10 s for it to end (a zombie has ended: the
# test, init here, reaps it when it next waits).
wait_gone_pid() {
    local stat
    for _ in $(seq 100); do
        read -r stat 2> /dev/null < "/proc/$1/stat" || return 0
        stat=${stat##*) }
        [ "${stat%% *}" = Z ] && return 0
        sleep 0.1
    done
    return 1
}
