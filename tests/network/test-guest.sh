#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-guest.sh: a real Linux guest with <interface type='network'> on
# libvirt's default NAT network: the QEMU driver asks the network driver
# for the network's bridge, puts the guest's tap on it, and the guest
# gets a DHCP lease from the network's dnsmasq, which net-dhcp-leases
# shows, and reaches the host through the bridge.
NET_WITH_QEMU=1
. "$(dirname "$0")/lib.sh"

plan 12

MAC=52:54:00:0a:0b:0c

# guest_on_network NAME NETWORK: the test guest with a virtio card on it.
guest_on_network() {
    guest_xml "$1" | sed "s|  </devices>|    <interface type='network'>\\
      <mac address='$MAC'/>\\
      <source network='$2'/>\\
      <model type='virtio'/>\\
    </interface>\\
  </devices>|"
}

net_daemon_start
is "$(net_row default)" "active yes yes" "the default network runs"

guest_on_network g1 default > "$DIR/g1.xml"
nvsh define "$DIR/g1.xml"
is "$RC" 0 "a guest on the default network is defined"
nvsh start g1
is "$RC" 0 "it starts"
tap=$(ls /sys/class/net/virbr0/brif/ 2> /dev/null)
like "$tap" "vnet" "its tap is a port of the network's bridge"
nvsh dumpxml g1
like "$(cat "$OUT")" "<source network='default'/>" \
    "its running definition still names the network"

wait_for_line "$(guest_serial g1)" "vireo-guest: lease 192.168.122." \
    "$GUEST_BOOT_TIMEOUT"
ok $? "the guest gets a DHCP lease from the network's dnsmasq"
ip=$(sed -n 's/.*vireo-guest: lease \([0-9.]*\) on.*/\1/p' "$(guest_serial g1)" | head -1)
wait_for_line "$(guest_serial g1)" "vireo-guest: host 192.168.122.1 reached" 30
ok $? "and reaches the host through the bridge"

nvsh net-dhcp-leases default
lease=$(awk -v m="$MAC" '$3 == m { print $4, $5, $6 }' "$OUT")
is "$lease" "ipv4 $ip/24 vireo-guest" \
    "net-dhcp-leases default shows the guest's lease"

nvsh destroy g1
is "$RC" 0 "the guest is destroyed"
is "$(ls /sys/class/net/virbr0/brif/ 2> /dev/null)" "" \
    "and its tap has left the bridge"

nvsh net-destroy default
nvsh start g1
like "$(cat "$ERR")" "error: Requested operation is not valid: network 'default' is not active" \
    "a guest on a network that is not running does not start"
guest_on_network g2 nowhere > "$DIR/g2.xml"
nvsh create "$DIR/g2.xml"
like "$(cat "$ERR")" "error: Network not found: no network with matching name 'nowhere'" \
    "nor one on a network that does not exist"

done_testing
