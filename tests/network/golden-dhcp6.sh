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
# making its lease with dhcp6_solicit.py.
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
ip netns add c6
trap 'ip netns del c6' EXIT
ip link add c6-h type veth peer name c6-c
ip link set c6-h master vbr6six up
ip link set c6-c netns c6
ip netns exec c6 sh -c "echo 0 > /proc/sys/net/ipv6/conf/c6-c/accept_dad"
ip -n c6 link set c6-c address 52:54:00:12:34:56 up
# The bridge's address must have passed duplicate address detection.
for _ in $(seq 100); do
    [ -z "$(ip -6 addr show dev vbr6six tentative)" ] && break
    sleep 0.1
done
ip netns exec c6 /usr/bin/python3 "$here/dhcp6_solicit.py" c6-c > /dev/null ||
    exit 1
for _ in $(seq 50); do
    [ -n "$($V -q net-dhcp-leases six)" ] && break
    sleep 0.1
done
$V net-dhcp-leases six |
    sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}/EXPIRY             /' \
    > "$here/data/dhcp6-leases.virsh"
/usr/bin/python3 -c "
import libvirt
net = libvirt.open('qemu:///system').networkLookupByName('six')
for lease in net.DHCPLeases():
    lease['expirytime'] = 'EXPIRY'
    print(sorted(lease.items()))
" > "$here/data/dhcp6-leases.python"
