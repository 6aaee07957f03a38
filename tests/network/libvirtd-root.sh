#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# libvirtd-root.sh SCENARIO [ARGS...]: run SCENARIO (a bash script) beside
# a root libvirtd whose network driver puts its networks on a host of its
# own: network, mount and pid namespaces, tmpfs over /run,
# /var/lib/libvirt, /etc/libvirt and /var/log/libvirt, a libvirt-qemu
# user in a bind-mounted /etc/passwd (its QEMU driver wants one), and
# iptables, ip6tables and ebtables replaced by stubs that log their
# arguments to $FW_LOG (iptables is not installed here; vireo's rules are
# nftables'). Nothing of it reaches the host: when SCENARIO ends, the
# namespace and every process in it (libvirtd, its dnsmasq) end too.
#
# SCENARIO runs with `virsh -c qemu:///system` reaching that libvirtd and
# $LV_DIR a scratch directory; it writes what it saw on stdout. This is
# how the golden outputs of a root libvirtd in tests/drivers/data and
# tests/network were taken; no test runs it. Needs root.
set -u

if [ -z "${LV_NAMESPACED:-}" ]; then
    [ "$(id -u)" -eq 0 ] || { echo "libvirtd-root.sh runs as root" >&2; exit 1; }
    exec env LV_NAMESPACED=1 unshare --net --mount --pid --fork --kill-child \
        bash "$0" "$@"
fi

LV_DIR=$(mktemp -d /tmp/libvirtd-root.XXXXXX)
export LV_DIR FW_LOG=$LV_DIR/firewall.log
trap 'rm -rf "$LV_DIR"' EXIT

mount --make-rprivate / &&
    mount -t sysfs sysfs /sys && mount -t proc proc /proc || exit 1
for d in /run /var/lib/libvirt /etc/libvirt /var/log/libvirt; do
    mkdir -p "$d" && mount -t tmpfs tmpfs "$d" || exit 1
done
ip link set lo up

cp /etc/passwd /etc/group "$LV_DIR/"
id libvirt-qemu > /dev/null 2>&1 ||
    echo "libvirt-qemu:x:64055:64055::/nonexistent:/usr/sbin/nologin" \
        >> "$LV_DIR/passwd"
grep -q '^libvirt-qemu:' "$LV_DIR/group" ||
    echo "libvirt-qemu:x:64055:" >> "$LV_DIR/group"
grep -q '^kvm:' "$LV_DIR/group" || echo "kvm:x:64056:" >> "$LV_DIR/group"
mount --bind "$LV_DIR/passwd" /etc/passwd &&
    mount --bind "$LV_DIR/group" /etc/group || exit 1

mkdir -p "$LV_DIR/stubs"
for tool in iptables ip6tables ebtables; do
    printf '#!/bin/sh\necho "%s $*" >> "%s"\n' "$tool" "$FW_LOG" \
        > "$LV_DIR/stubs/$tool"
    chmod +x "$LV_DIR/stubs/$tool"
done
mount -t overlay overlay \
    -o "lowerdir=$LV_DIR/stubs:/usr/sbin" /usr/sbin || exit 1

libvirtd > "$LV_DIR/libvirtd.out" 2>&1 &
for _ in $(seq 300); do
    [ -S /run/libvirt/libvirt-sock ] && break
    sleep 0.1
done
[ -S /run/libvirt/libvirt-sock ] || {
    echo "libvirtd did not start:" >&2
    cat "$LV_DIR/libvirtd.out" >&2
    exit 1
}
bash "$@"
