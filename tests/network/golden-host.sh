#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# golden-host.sh: what a root libvirtd 9.0's network driver does on the
# host for the cases of test-ipv6.sh and test-netdrv-ipv6 that are not
# leases. Run as
#   bash tests/network/libvirtd-root.sh tests/network/golden-host.sh
# (libvirtd in namespaces of its own). It writes:
#   tests/network/data/routes.ip          the routes of the 'routes'
#       network (test-ipv6.sh's) through its bridge, as `ip route` and
#       `ip -6 route` show them
#   tests/network/data/forwarding.err     virsh's error lines when an
#       IPv6 nat network starts while a link with accept_ra 1 has a
#       default route from a router advertisement (ra_send.py)
#   tests/drivers/data/netdrv-ipv6/nogw.{conf,hostsfile,ip6tables}
#       the dnsmasq files and ip6tables rules of nogw.xml
here=$(cd "$(dirname "$0")" && pwd)
trap 'ip netns del rtr 2> /dev/null' EXIT
data6=$here/../drivers/data/netdrv-ipv6
V="virsh -c qemu:///system"

# -- IPv6 forwarding with routes from router advertisements ---------------------
# (First: once a network turns IPv6 forwarding on, the kernel takes no
# more advertisements on a link with accept_ra 1.)
ip netns add rtr
ip link add up0 type veth peer name rtr0
ip link set rtr0 netns rtr
ip netns exec rtr sh -c 'echo 0 > /proc/sys/net/ipv6/conf/rtr0/accept_dad'
echo 0 > /proc/sys/net/ipv6/conf/up0/accept_dad
ip link set up0 up && ip -n rtr link set rtr0 up
ip netns exec rtr /usr/bin/python3 "$here/ra_send.py" rtr0
for _ in $(seq 50); do
    ip -6 route show default | grep -q 'proto ra' && break
    sleep 0.1
done
cat > "$LV_DIR/fwd.xml" <<END
<network>
  <name>fwd</name>
  <forward mode='nat'/>
  <bridge name='vbr6fw'/>
  <ip family='ipv6' address='fd00:20::1' prefix='64'/>
</network>
END
$V net-define "$LV_DIR/fwd.xml" > /dev/null
$V net-start fwd 2>&1 > /dev/null | grep '^error' > "$here/data/forwarding.err"
# With accept_ra 2 the kernel keeps those routes: the network starts.
echo 2 > /proc/sys/net/ipv6/conf/up0/accept_ra
$V net-start fwd > /dev/null && $V net-destroy fwd > /dev/null || exit 1

# -- ipv6='yes' without an IPv6 address ---------------------------------------
: > "$FW_LOG"
$V net-define "$data6/nogw.xml" > /dev/null && $V net-start nogw > /dev/null ||
    exit 1
cp /var/lib/libvirt/dnsmasq/nogw.conf "$data6/nogw.conf"
cp /var/lib/libvirt/dnsmasq/nogw.hostsfile "$data6/nogw.hostsfile"
grep '^ip6tables .*--insert LIBVIRT_FW.*vbr6g' "$FW_LOG" > "$data6/nogw.ip6tables"
$V net-destroy nogw > /dev/null

# -- Static routes --------------------------------------------------------------
cat > "$LV_DIR/routes.xml" <<END
<network>
  <name>routes</name>
  <forward mode='route'/>
  <bridge name='vbr6rt'/>
  <ip address='192.168.160.1' netmask='255.255.255.0'/>
  <ip family='ipv6' address='fd00:5::1' prefix='64'/>
  <route address='192.168.170.0' prefix='24' gateway='192.168.160.2'/>
  <route family='ipv4' address='192.168.171.0' netmask='255.255.255.0' gateway='192.168.160.3' metric='5'/>
  <route family='ipv6' address='fd00:6::' prefix='64' gateway='fd00:5::2'/>
  <route family='ipv6' address='fd00:7::' prefix='48' gateway='fd00:5::3' metric='20'/>
</network>
END
$V net-define "$LV_DIR/routes.xml" > /dev/null &&
    $V net-start routes > /dev/null || exit 1
{ ip route show dev vbr6rt; ip -6 route show dev vbr6rt; } | grep ' via ' \
    > "$here/data/routes.ip"
$V net-destroy routes > /dev/null
