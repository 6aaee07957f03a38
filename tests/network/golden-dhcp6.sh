#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# golden-dhcp6.sh: what a root libvirtd 9.0 reports of a DHCPv6 lease, the
# expectations of test-ipv6.sh's net-dhcp-leases checks. Run as
#   bash tests/network/libvirtd-root.sh tests/network/golden-dhcp6.sh
# (libvirtd in namespaces of its own); it writes tests/network/data/
# dhcp6-leases.virsh (virsh net-dhcp-leases, expiry time masked) and
# dhcp6-leases.python (python3-libvirt's lease, expiry time masked) for
# the same network and client as test-ipv6.sh's: network 'six', and a
# client namespace on a veth port of its bridge, MAC 52:54:00:12:34:56,
# making its lease with dhcp6_solicit.py; and dhcp6-leases-noprefix.virsh
# for network 'np', whose IPv6 address has no prefix (libvirt's leases
# then say /0), and client MAC 52:54:00:12:34:57.
here=$(cd "$(dirname "$0")" && pwd)
V="virsh -c qemu:///system"
cat > "$LV_DIR/six.xml" <<END
<network>
  <name>six</name>
  <forward mode='nat'/>
  <bridge name='vbr6six'/>
  <ip address='10.60.0.1' netmask='255.255.255.0'/>
  <ip family='ipv6' address='FD00:1:0::1' prefix='64'>
    <dhcp><range start='fd00:1::100' end='fd00:1::1ff'/></dhcp>
  </ip>
</network>
END
$V net-define "$LV_DIR/six.xml" > /dev/null && $V net-start six > /dev/null ||
    exit 1
trap 'ip netns del c6; ip netns del c4' EXIT

# lease CLIENT BRIDGE MAC NETWORK: a client namespace on BRIDGE makes its
# DHCPv6 lease; NETWORK's net-dhcp-leases, expiry times masked.
lease() {
    ip netns add "$1"
    ip link add "$1-h" type veth peer name "$1-c"
    ip link set "$1-h" master "$2" up
    ip link set "$1-c" netns "$1"
    ip netns exec "$1" sh -c "echo 0 > /proc/sys/net/ipv6/conf/$1-c/accept_dad"
    ip -n "$1" link set "$1-c" address "$3" up
    # The bridge's address must have passed duplicate address detection.
    for _ in $(seq 100); do
        [ -z "$(ip -6 addr show dev "$2" tentative)" ] && break
        sleep 0.1
    done
    ip netns exec "$1" /usr/bin/python3 "$here/dhcp6_solicit.py" "$1-c" \
        > /dev/null || exit 1
    for _ in $(seq 50); do
        [ -n "$($V -q net-dhcp-leases "$4")" ] && break
        sleep 0.1
    done
    $V net-dhcp-leases "$4" |
        sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}/EXPIRY             /'
}

lease c6 vbr6six 52:54:00:12:34:56 six > "$here/data/dhcp6-leases.virsh"
/usr/bin/python3 -c "
import libvirt
net = libvirt.open('qemu:///system').networkLookupByName('six')
for lease in net.DHCPLeases():
    lease['expirytime'] = 'EXPIRY'
    print(sorted(lease.items()))
" > "$here/data/dhcp6-leases.python"

cat > "$LV_DIR/np.xml" <<END
<network>
  <name>np</name>
  <forward mode='nat'/>
  <bridge name='vbr6np'/>
  <ip family='ipv6' address='fd00:4::1'>
    <dhcp><range start='fd00:4::100' end='fd00:4::1ff'/></dhcp>
  </ip>
</network>
END
$V net-define "$LV_DIR/np.xml" > /dev/null && $V net-start np > /dev/null ||
    exit 1
lease c4 vbr6np 52:54:00:12:34:57 np > "$here/data/dhcp6-leases-noprefix.virsh"
