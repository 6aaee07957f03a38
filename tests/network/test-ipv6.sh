#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-ipv6.sh: networks with <ip family='ipv6'> on a real host's parts,
# through virsh on qemu:///system: the documents libvirt refuses, in the
# words libvirtd 9.0's network driver used for them; the bridge with its
# IPv6 address and libvirt's sysctls; dnsmasq answering a client's router
# solicitation (a default route, or a SLAAC address) and its DHCPv6
# Solicit (an address of the range), the client being a network
# namespace on a veth port of the bridge and tests/network/
# dhcp6_solicit.py, as no DHCPv6 client is installed here; the ip6
# nftables table; a daemon restart (nothing lost, nothing doubled); and
# net-destroy, which leaves nothing behind.
. "$(dirname "$0")/lib.sh"

plan 50

SOLICIT=$(dirname "$0")/dhcp6_solicit.py
DATA6=$(dirname "$0")/data

# net6_xml NAME FORWARD BRIDGE IP6_ELEMENTS: a network with those <ip>s.
net6_xml() {
    local fwd=''
    [ -n "$2" ] && fwd="<forward mode='$2'/>"
    cat <<END
<network>
  <name>$1</name>
  $fwd
  <bridge name='$3'/>
  $4
</network>
END
}

# define_start NAME FORWARD BRIDGE IP6_ELEMENTS: net-define and net-start.
define_start() {
    net6_xml "$@" > "$DIR/$1.xml"
    nvsh net-define "$DIR/$1.xml" && nvsh net-start "$1"
}

# client NAME BRIDGE [MAC]: network namespace NAME, its link NAME-c (with
# that MAC address) on a veth whose other end is a port of BRIDGE;
# duplicate address detection is off on the client's side, so that it
# can send at once.
client() {
    ip netns add "$1" &&
        ip link add "$1-h" type veth peer name "$1-c" &&
        ip link set "$1-h" master "$2" up &&
        ip link set "$1-c" netns "$1" &&
        ip netns exec "$1" sh -c "echo 0 > /proc/sys/net/ipv6/conf/$1-c/accept_dad" &&
        if [ -n "${3:-}" ]; then ip -n "$1" link set "$1-c" address "$3"; fi &&
        ip -n "$1" link set "$1-c" up
}

# leases_masked NETWORK: its net-dhcp-leases as virsh prints them, the
# expiry times masked as in data/dhcp6-leases.virsh.
leases_masked() {
    nvsh net-dhcp-leases "$@"
    sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}/EXPIRY             /' "$OUT"
}

# wait_output CMD...: up to 15 s for CMD to print something; prints it.
wait_output() {
    local out
    for _ in $(seq 150); do
        out=$("$@" 2> /dev/null)
        [ -n "$out" ] && { echo "$out"; return 0; }
        sleep 0.1
    done
    return 1
}

# wait_quiet CMD...: up to 15 s for CMD to print nothing.
wait_quiet() {
    for _ in $(seq 150); do
        [ -z "$("$@" 2> /dev/null)" ] && return 0
        sleep 0.1
    done
    return 1
}

sysctl6() {
    cat "/proc/sys/net/ipv6/conf/$1/$2"
}

net_daemon_start

# -- Refused as libvirtd refuses it ------------------------------------------
# (The words are those libvirtd 9.0's network driver gave for the same
# documents.)
net6_xml twodhcp '' vbr6t "<ip family='ipv6' address='fd00:a::1' prefix='64'>
    <dhcp><range start='fd00:a::10' end='fd00:a::20'/></dhcp></ip>
  <ip family='ipv6' address='fd00:b::1' prefix='64'>
    <dhcp><range start='fd00:b::10' end='fd00:b::20'/></dhcp></ip>" \
    > "$DIR/twodhcp.xml"
nvsh net-define "$DIR/twodhcp.xml"
like "$RC $(cat "$ERR")" "1 error: Failed to define network from $DIR/twodhcp.xml
error: unsupported configuration: Multiple IPv6 dhcp sections found -- dhcp is supported only for a single IPv6 address on each network" \
    "DHCPv6 on two addresses is refused in libvirt's words"
net6_xml outside '' vbr6o "<ip family='ipv6' address='fd00:d::1' prefix='64'>
    <dhcp><range start='fd00:e::10' end='fd00:e::20'/></dhcp></ip>" \
    > "$DIR/outside.xml"
nvsh net-define "$DIR/outside.xml"
like "$(cat "$ERR")" "error: internal error: range fd00:e::10 - fd00:e::20 is not entirely within network fd00:d::1/64" \
    "so is a DHCPv6 range outside the subnet"
net6_xml netmask6 '' vbr6m \
    "<ip family='ipv6' address='fd00:d::1' netmask='255.255.255.0'/>" \
    > "$DIR/netmask6.xml"
nvsh net-define "$DIR/netmask6.xml"
like "$(cat "$ERR")" "error: unsupported configuration: netmask not allowed for IPv6 address 'fd00:d::1' in network 'netmask6'" \
    "and a netmask on an IPv6 address"
define_start p48 '' vbr6p "<ip family='ipv6' address='fd00:c::1' prefix='48'>
    <dhcp><range start='fd00:c::10' end='fd00:c::20'/></dhcp></ip>"
like "$RC $(cat "$ERR")" "1 error: Failed to start network p48" \
    "a DHCPv6 range on a /48 is defined but does not start"
like "$(cat "$ERR")" "prefix length must be at least 64" \
    "in the words of dnsmasq, which refuses it under libvirtd too"
has_link vbr6p
is "$?/$(dnsmasq_pids p48)" "1/" "and it leaves no bridge and no dnsmasq"

# -- IPv6 forwarding that would flush routes from router advertisements -----
# (First, while the host does not forward IPv6: then its kernel takes the
# advertisement of ra_send.py, from namespace rtr on the other end of
# up0, and adds a default route flagged as autoconfigured. The words are
# libvirtd's for the same host: data/forwarding.err, golden-host.sh.)
ip netns add rtr &&
    ip link add up0 type veth peer name rtr0 &&
    ip link set rtr0 netns rtr &&
    ip netns exec rtr sh -c 'echo 0 > /proc/sys/net/ipv6/conf/rtr0/accept_dad' &&
    echo 0 > /proc/sys/net/ipv6/conf/up0/accept_dad &&
    ip link set up0 up && ip -n rtr link set rtr0 up &&
    ip netns exec rtr /usr/bin/python3 "$(dirname "$0")/ra_send.py" rtr0
like "$(wait_output ip -6 route show default proto ra)" "dev up0" \
    "the host has a default route from a router advertisement on up0 (accept_ra 1)"
define_start fwd nat vbr6fw "<ip family='ipv6' address='fd00:20::1' prefix='64'/>"
is "$RC $(grep '^error' "$ERR")" "1 $(cat "$DATA6/forwarding.err")" \
    "an IPv6 nat network is refused, as libvirt refuses it, naming the link"
has_link vbr6fw
is "$?/$(dnsmasq_pids fwd)/$(sysctl6 all forwarding)" "1//0" \
    "with no bridge or dnsmasq left, and IPv6 forwarding still off"
define_start iso6 '' vbr6iso "<ip family='ipv6' address='fd00:21::1' prefix='64'/>"
is "$RC" 0 "an isolated IPv6 network, which needs no forwarding, starts"
nvsh net-destroy iso6
echo 2 > /proc/sys/net/ipv6/conf/up0/accept_ra
# (The namespace's IPv4 forwarding is off first: libvirt turns it on
# only for a network with an IPv4 address, which this one lacks.)
echo 0 > /proc/sys/net/ipv4/ip_forward
nvsh net-start fwd
is "$RC $(sysctl6 all forwarding) $(cat /proc/sys/net/ipv4/ip_forward)" \
    "0 1 0" \
    "with accept_ra 2 on up0 the nat network starts and IPv6 forwarding goes on, IPv4's not"
like "$(ip -6 route show default proto ra)" "dev up0" \
    "and the advertised route is kept"
nvsh net-destroy fwd

# -- Static routes -------------------------------------------------------------
# (data/routes.ip: the routes libvirtd put on the host for the same
# network, golden-host.sh.)
define_start routes route vbr6rt "<ip address='192.168.160.1' netmask='255.255.255.0'/>
  <ip family='ipv6' address='fd00:5::1' prefix='64'/>
  <route address='192.168.170.0' prefix='24' gateway='192.168.160.2'/>
  <route family='ipv4' address='192.168.171.0' netmask='255.255.255.0' gateway='192.168.160.3' metric='5'/>
  <route family='ipv6' address='fd00:6::' prefix='64' gateway='fd00:5::2'/>
  <route family='ipv6' address='fd00:7::' prefix='48' gateway='fd00:5::3' metric='20'/>"
is "$RC" 0 "a network with IPv4 and IPv6 static routes starts"
is "$({ ip route show dev vbr6rt; ip -6 route show dev vbr6rt; } | grep ' via ')" \
    "$(cat "$DATA6/routes.ip")" \
    "its routes go through its bridge, with their metrics, as libvirtd adds them"
nvsh net-destroy routes
is "$RC/$(ip route | grep -c 192.168.17)/$(ip -6 route | grep -c -e fd00:6:: -e fd00:7::)" \
    "0/0/0" "net-destroy takes them off the host with the bridge"

# -- <network ipv6='yes'> without an IPv6 address --------------------------------
net6_xml nogw nat vbr6g "<ip address='192.168.152.1' netmask='255.255.255.0'/>" |
    sed "s/<network>/<network ipv6='yes'>/" > "$DIR/nogw.xml"
nvsh net-define "$DIR/nogw.xml" && nvsh net-start nogw
is "$RC/$(sysctl6 vbr6g disable_ipv6)" "0/1" \
    "an ipv6='yes' network starts, its bridge without IPv6 of its own, as under libvirt"
rules=$(nft list table ip6 vireo_nogw 2> /dev/null)
like "$rules" 'iifname "vbr6g" oifname "vbr6g" accept' \
    "its guests' IPv6 between themselves is let through"
like "$rules" 'oifname "vbr6g" reject' "and any other to or from the bridge refused"
nvsh net-destroy nogw
is "$(nft list tables | grep -c 'vireo_nogw$')" 0 "net-destroy removes its tables"

# -- Dual stack, nat, DHCPv6 -------------------------------------------------
define_start six nat vbr6six "<ip address='10.60.0.1' netmask='255.255.255.0'/>
  <ip family='ipv6' address='FD00:1:0::1' prefix='64'>
    <dhcp><range start='fd00:1::100' end='fd00:1::1ff'/></dhcp>
  </ip>"
is "$RC" 0 "a dual-stack nat network with DHCPv6 starts"
nvsh net-dumpxml six
like "$(cat "$OUT")" "<ip family='ipv6' address='fd00:1::1' prefix='64'>
    <dhcp>
      <range start='fd00:1::100' end='fd00:1::1ff'/>
    </dhcp>
  </ip>" "net-dumpxml writes its IPv6 address as libvirt does"
is "$(ip -6 -o addr show dev vbr6six scope global | awk '{print $4}')" \
    "fd00:1::1/64" "its bridge has the IPv6 address"
is "$(sysctl6 vbr6six disable_ipv6) $(sysctl6 vbr6six accept_ra) $(sysctl6 vbr6six autoconf)" \
    "0 0 0" "with IPv6 on, and no router advertisement or autoconfiguration taken from guests"
is "$(sysctl6 all forwarding) $(cat /proc/sys/net/ipv4/ip_forward)" "1 1" \
    "the host forwards IPv6, and IPv4 for its IPv4 address"
is "$(dnsmasq_pids six | wc -l)" 1 "one dnsmasq serves it"
is "$(grep -e '^dhcp-range=fd00' -e '^enable-ra' "$NET_RUN/six.conf")" \
    "dhcp-range=fd00:1::100,fd00:1::1ff,64
enable-ra" "with the DHCPv6 range and router advertisements"
rules=$(nft list table ip6 vireo_six 2> /dev/null)
like "$rules" "iifname \"vbr6six\" ip6 saddr fd00:1::/64 accept" \
    "its ip6 table lets the guests' IPv6 out"
like "$rules" "oifname \"vbr6six\" ip6 daddr fd00:1::/64 accept" \
    "and routes IPv6 to them (libvirt routes IPv6 on nat networks)"
client c6 vbr6six 52:54:00:12:34:56
route=$(wait_output ip -n c6 -6 route show default proto ra)
like "$route" "default via fe80::" \
    "a client on the bridge gets dnsmasq's router advertisement"
wait_quiet ip -6 addr show dev vbr6six tentative
ok $? "the bridge's addresses pass duplicate address detection once it has a port"
lease=$(ip netns exec c6 /usr/bin/python3 "$SOLICIT" c6-c)
like "$lease" "fd00:1::1" "and dnsmasq answers its DHCPv6 Solicit with an address"
case $lease in
fd00:1::1[0-9a-f][0-9a-f]) ok 0 "of the range" ;;
*) ok 1 "of the range (got '$lease')" ;;
esac

# -- The DHCPv6 lease in net-dhcp-leases ---------------------------------------
# (data/dhcp6-leases.* is what libvirtd 9.0 reported for the same network
# and client: golden-dhcp6.sh.)
for _ in $(seq 50); do
    [ -s "$NET_RUN/six.macs6" ] && break
    sleep 0.1
done
is "$(leases_masked six)" "$(cat "$DATA6/dhcp6-leases.virsh")" \
    "net-dhcp-leases lists the DHCPv6 lease as libvirtd does: ipv6, the address with its prefix, the MAC address, the DUID as client id"
nvsh net-dhcp-leases six
is "$(timeout "$VSH_TIMEOUT" "$VIREO" -c "$QURI" net-dhcp-leases six 2>&1)" \
    "$(cat "$OUT")" "the vireo CLI prints the DHCPv6 lease as virsh does"
is "$(leases_masked six --mac 52:54:00:12:34:56)" \
    "$(cat "$DATA6/dhcp6-leases.virsh")" "and so when asked for the client's MAC address"
is "$(leases_masked six --mac 52:54:00:00:00:01 | grep -c ipv6)" 0 \
    "and not for another MAC address"
is "$(/usr/bin/python3 -c "
import libvirt
net = libvirt.open('$QURI').networkLookupByName('six')
for lease in net.DHCPLeases():
    lease['expirytime'] = 'EXPIRY'
    print(sorted(lease.items()))
")" "$(cat "$DATA6/dhcp6-leases.python")" \
    "python3-libvirt gets its IAID, type, prefix and bridge as from libvirtd"
define_start np nat vbr6np "<ip family='ipv6' address='fd00:4::1'>
    <dhcp><range start='fd00:4::100' end='fd00:4::1ff'/></dhcp></ip>"
client c4 vbr6np 52:54:00:12:34:57
wait_quiet ip -6 addr show dev vbr6np tentative
ip netns exec c4 /usr/bin/python3 "$SOLICIT" c4-c > /dev/null
for _ in $(seq 50); do
    [ -s "$NET_RUN/np.macs6" ] && break
    sleep 0.1
done
is "$(leases_masked np)" "$(cat "$DATA6/dhcp6-leases-noprefix.virsh")" \
    "a lease of an IPv6 address given no prefix says /0, as libvirtd's does"
nvsh net-destroy np

nvsh net-update six add-last ip-dhcp-host \
    "<host id='0:3:0:1:52:54:0:0:0:9' name='h6' ip='fd00:1::50'/>" \
    --live --parent-index 1
is "$RC $(grep h6 "$NET_RUN/six.hosts")" "0 id:0:3:0:1:52:54:0:0:0:9,h6,[fd00:1::50]" \
    "net-update adds a DHCPv6 host to the running dnsmasq's hosts file"

# -- SLAAC on a route network ------------------------------------------------
define_start slaac route vbr6sl \
    "<ip family='ipv6' address='fd00:3::1' prefix='64'/>"
is "$RC" 0 "a route network with an IPv6 address and no DHCP starts"
is "$(grep '^dhcp-range' "$NET_RUN/slaac.conf")" "dhcp-range=fd00:3::1,ra-only" \
    "dnsmasq advertises its prefix for SLAAC"
client c3 vbr6sl
like "$(wait_output ip -n c3 -6 -o addr show scope global)" "inet6 fd00:3::" \
    "a client on its bridge configures itself an address of the prefix"

# -- A daemon restart with IPv6 networks running -----------------------------
pid=$(dnsmasq_pids six)
daemon_stop
rm -f "$DIR/run/vireo-sock" "$DIR/run/vireo-sock-ro" "$DIR/run/vireo-admin-sock"
net_daemon_start
is "$(net_row six)" "active no yes" "the restarted daemon finds the network again"
is "$(dnsmasq_pids six)/$(ip -6 -o addr show dev vbr6six scope global | wc -l)" \
    "$pid/1" "with the same dnsmasq and the address once"
is "$(nft list tables | grep -c 'ip6 vireo_six$')/$(nft list table ip6 vireo_six | grep -c accept)" \
    "1/$(grep -c accept <<< "$rules")" "and one ip6 table whose rules are not doubled"

# -- net-destroy leaves nothing ----------------------------------------------
pids="$(dnsmasq_pids six) $(dnsmasq_pids slaac)"
nvsh net-destroy six && nvsh net-destroy slaac
is "$RC" 0 "the IPv6 networks are destroyed"
is "$(ip -o link show type bridge | grep -c vbr6)" 0 "no bridge of theirs is left"
is "$(nft list tables | grep -c -e 'vireo_six$' -e 'vireo_slaac$')" 0 \
    "no nftables table of theirs is left"
for pid in $pids; do wait_gone_pid "$pid"; done
is "$(dnsmasq_pids six)$(dnsmasq_pids slaac)" "" "no dnsmasq of theirs is left"
is "$(ls "$NET_RUN"/six.* "$NET_RUN"/slaac.* 2> /dev/null)" "" \
    "and none of their files"
