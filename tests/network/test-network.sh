#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-network.sh: the network driver puts libvirt's networks on the host
# and takes them off again: the default network on the first start, nat,
# isolated, route and bridge networks through virsh on qemu:///system,
# with their real bridges, addresses, dnsmasq and nftables tables; the
# faults libvirt refuses in its words; dnsmasq killed from outside; and
# daemon restarts with networks running (nothing lost, nothing doubled).
. "$(dirname "$0")/lib.sh"

plan 70

# net_xml NAME FORWARD ADDRESS [BRIDGE]: a network with DHCP on .2-.99.
net_xml() {
    local fwd='' br=''
    [ -n "$2" ] && fwd="<forward mode='$2'/>"
    [ -n "${4:-}" ] && br="<bridge name='$4'/>"
    cat <<END
<network>
  <name>$1</name>
  $fwd
  $br
  <ip address='$3.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='$3.2' end='$3.99'/>
    </dhcp>
  </ip>
</network>
END
}

net_daemon_start

# -- The default network, on the first start --------------------------------
is "$(net_row default)" "active yes yes" \
    "libvirt's default network is defined on the first start, running, autostarted and persistent"
is "$(link_addr virbr0)" "192.168.122.1/24" \
    "its bridge virbr0 exists with 192.168.122.1/24"
is "$(dnsmasq_pids default | wc -l)" 1 "one dnsmasq serves it"
grep -q '^dhcp-range=192.168.122.2,192.168.122.254,255.255.255.0$' \
    "$NET_RUN/default.conf"
ok $? "its dnsmasq hands out 192.168.122.2-254"
like "$(nft_table default)" "ip saddr 192.168.122.0/24 ip daddr != 192.168.122.0/24 masquerade" \
    "its nftables table masquerades the network"
nvsh net-dumpxml default
like "$(cat "$OUT")" "<bridge name='virbr0' stp='on' delay='0'/>" \
    "net-dumpxml shows its bridge as libvirt writes it"
like "$(cat "$OUT")" "<mac address='52:54:00:" \
    "and the bridge's MAC address libvirt fills in"
mac=$(sed -n "s/.*<mac address='\\([^']*\\)'.*/\\1/p" "$OUT")
is "$(cat /sys/class/net/virbr0/address)" "$mac" \
    "the bridge has that MAC address"

# -- nat ---------------------------------------------------------------------
net_xml nat1 nat 10.10.1 > "$DIR/nat1.xml"
nvsh net-define "$DIR/nat1.xml"
is "$RC" 0 "net-define of a nat network succeeds"
nvsh net-dumpxml nat1
like "$(cat "$OUT")" "<bridge name='virbr1' stp='on' delay='0'/>" \
    "a network without a bridge name gets the first unused virbrN"
has_link virbr1
ok $((! $?)) "a defined network has nothing on the host yet"
nvsh net-start nat1
is "$(cat "$OUT")" "Network nat1 started" "net-start starts it"
is "$(link_addr virbr1)" "10.10.1.1/24" "its bridge has the network's address"
is "$(dnsmasq_pids nat1 | wc -l)" 1 "a dnsmasq runs with its configuration"
like "$(nft_table nat1)" "ip saddr 10.10.1.0/24 ip daddr != 10.10.1.0/24 masquerade" \
    "its table masquerades it"
is "$(cat /proc/sys/net/ipv4/ip_forward)" 1 "the host forwards IPv4"
nvsh net-info nat1
like "$(cat "$OUT")" "Active:         yes" "net-info says it is active"
like "$(cat "$OUT")" "Bridge:         virbr1" "and names its bridge"
nvsh net-start nat1
is "$RC" 1 "starting a running network fails"
like "$(cat "$ERR")" "error: Requested operation is not valid: network is already active" \
    "in libvirt's words"

# -- isolated and route ------------------------------------------------------
net_xml iso1 '' 10.10.2 viso1 > "$DIR/iso1.xml"
nvsh net-create "$DIR/iso1.xml"
is "$RC" 0 "net-create starts a transient isolated network"
is "$(link_addr viso1)" "10.10.2.1/24" "with its named bridge and address"
t=$(nft_table iso1)
like "$t" 'iifname "viso1" reject' "its table forwards nothing out"
case $t in *masquerade*) ok 1 "it masquerades nothing" ;; *) ok 0 "it masquerades nothing" ;; esac
is "$(dnsmasq_pids iso1 | wc -l)" 1 "a dnsmasq serves it"

net_xml route1 route 10.10.3 > "$DIR/route1.xml"
nvsh net-define "$DIR/route1.xml"
nvsh net-start route1
is "$RC" 0 "a route network starts"
t=$(nft_table route1)
like "$t" 'oifname "virbr2" ip daddr 10.10.3.0/24 accept' \
    "its table forwards to it without masquerading"
case $t in *masquerade*) ok 1 "no masquerade for route" ;; *) ok 0 "no masquerade for route" ;; esac

# -- bridge: the host's own --------------------------------------------------
ip link add hostbr0 type bridge && ip link set hostbr0 up
links_before=$(ip -o link | wc -l)
cat > "$DIR/br1.xml" <<END
<network>
  <name>br1</name>
  <forward mode='bridge'/>
  <bridge name='hostbr0'/>
</network>
END
nvsh net-define "$DIR/br1.xml"
nvsh net-start br1
is "$RC" 0 "a bridge network on the host's bridge starts"
is "$(ip -o link | wc -l)" "$links_before" "and makes no link"
is "$(nft_table br1)$(dnsmasq_pids br1)" "" "nor a table nor a dnsmasq"
nvsh net-destroy br1
has_link hostbr0
ok $? "destroying it leaves the host's bridge alone"

# -- Faults ------------------------------------------------------------------
ip link add clash0 type veth peer name clash1 &&
    ip addr add 10.20.0.5/24 dev clash0 && ip link set clash1 up &&
    ip link set clash0 up
net_xml clash 'nat' 10.20.0 > "$DIR/clash.xml"
nvsh net-define "$DIR/clash.xml"
nvsh net-start clash
is "$RC" 1 "a network whose range a host interface routes does not start"
like "$(cat "$ERR")" "error: internal error: Network is already in use by interface clash0" \
    "in libvirt's words"
is "$(nft_table clash)$(dnsmasq_pids clash)$(ip -o link | grep -c virbr4)" "0" \
    "and leaves nothing behind"

net_xml twin nat 10.30.0 virbr1 > "$DIR/twin.xml"
nvsh net-define "$DIR/twin.xml"
is "$RC" 1 "a network naming another network's bridge is refused"
like "$(cat "$ERR")" "error: internal error: bridge name 'virbr1' already in use." \
    "in libvirt's words"

ip link add taken0 type bridge
net_xml taken nat 10.40.0 taken0 > "$DIR/taken.xml"
nvsh net-define "$DIR/taken.xml"
nvsh net-start taken
is "$RC" 1 "a network whose bridge name a host link has does not start"
like "$(cat "$ERR")" "error creating bridge interface taken0: File exists" \
    "saying the bridge exists"
nvsh net-undefine taken

nvsh net-destroy clash
like "$(cat "$ERR")" "error: Requested operation is not valid: network 'clash' is not active" \
    "destroying a network that is not running fails in libvirt's words"

# -- net-update: a DHCP host reaches the running dnsmasq ---------------------
pid=$(dnsmasq_pids nat1)
nvsh net-update nat1 add ip-dhcp-host \
    "<host mac='52:54:00:aa:bb:cc' name='fixed' ip='10.10.1.50'/>" --live --config
is "$RC" 0 "net-update adds a DHCP host live and to the config"
is "$(cat "$NET_RUN/nat1.hosts")" "52:54:00:aa:bb:cc,10.10.1.50,fixed" \
    "dnsmasq's hosts file has it"
is "$(dnsmasq_pids nat1)" "$pid" "and the same dnsmasq reads it again"
nvsh net-dumpxml nat1 --inactive
like "$(cat "$OUT")" "<host mac='52:54:00:aa:bb:cc' name='fixed' ip='10.10.1.50'/>" \
    "the persistent definition has it too"

# -- A DHCP client on the default network, and net-dhcp-leases --------------
# The client is a busybox udhcpc in a network namespace of its own, its
# veth plugged into virbr0 as a guest's tap would be.
ip netns add vclient &&
    ip link add vcl0 type veth peer name vcl1 netns vclient &&
    ip link set vcl0 master virbr0 up &&
    ip netns exec vclient ip link set vcl1 address 52:54:00:12:34:56 up
ok $? "a client's link is plugged into the default network's bridge"
timeout 30 ip netns exec vclient busybox udhcpc -i vcl1 -n -q -t 10 -T 1 \
    -s /bin/true -x hostname:leasetest > "$DIR/udhcpc.out" 2>&1
ok $? "the client gets a DHCP lease from the network's dnsmasq"
nvsh net-dhcp-leases default
lease=$(awk '$3 == "52:54:00:12:34:56" { print $4, $5, $6, $7 }' "$OUT")
like "$lease" "ipv4 192.168.122." "net-dhcp-leases shows the client's address"
like "$lease" "/24 leasetest 01:52:54:00:12:34:56" \
    "with the network's prefix, the client's host name and client id"
head -2 "$OUT" | tr -s ' ' > "$DIR/leases.head"
is "$(head -1 "$DIR/leases.head")" \
    " Expiry Time MAC address Protocol IP address Hostname Client ID or DUID" \
    "under virsh's headings"
cp "$OUT" "$DIR/leases.virsh"
timeout "$VSH_TIMEOUT" "$VIREO" -c "$QURI" net-dhcp-leases default \
    > "$DIR/leases.vireo" 2>&1
is "$(cat "$DIR/leases.vireo")" "$(cat "$DIR/leases.virsh")" \
    "the vireo CLI prints the leases as virsh does"
nvsh net-dhcp-leases default --mac 52:54:00:00:00:01
is "$(sed -n '3p' "$OUT")" "" "a MAC address nobody has gives no lease"
ip netns del vclient

# -- dnsmasq killed from outside ---------------------------------------------
pid=$(dnsmasq_pids default)
kill -KILL "$pid"
wait_for_line "$DIR/vireod.log" "dnsmasq (pid $pid) of network 'default' exited" 20
ok $? "a dnsmasq killed from outside is noticed and logged"
wait_for_line "$DIR/vireod.log" "dnsmasq of network 'default' restarted" 20
ok $? "and started again, which is logged too"
new=$(dnsmasq_pids default)
[ -n "$new" ] && [ "$new" != "$pid" ]
ok $? "a new dnsmasq serves the network"

# -- A daemon restart with networks running ----------------------------------
nvsh net-autostart route1
nvsh net-destroy route1
before=$(dnsmasq_pids nat1)
daemon_stop
is "$DRC" 0 "vireod stops with networks running"
is "$(link_addr virbr1)/$(dnsmasq_pids nat1)" "10.10.1.1/24/$before" \
    "they run on without it"
rm -f "$DIR/run/vireo-sock" "$DIR/run/vireo-sock-ro" "$DIR/run/vireo-admin-sock"
net_daemon_start
is "$(net_row nat1)" "active no yes" \
    "the restarted daemon finds the running network again"
is "$(net_row iso1)" "active no no" "and the transient one"
is "$(net_row route1)" "active yes yes" \
    "and starts the one marked autostart"
is "$(dnsmasq_pids nat1)" "$before" "it keeps the same dnsmasq, not a second"
is "$(nft list tables | grep -c 'vireo_nat1$')" 1 "and one table, not two"
is "$(nft_table nat1 | grep -c masquerade)" 3 "whose rules are not doubled"

# The bridge removed while the daemon was away: the network is cleaned up.
daemon_stop
pid=$(dnsmasq_pids iso1)
ip link del viso1
rm -f "$DIR/run/vireo-sock" "$DIR/run/vireo-sock-ro" "$DIR/run/vireo-admin-sock"
net_daemon_start
wait_for_line "$DIR/vireod.log" "network 'iso1' ran, but its bridge 'viso1' is gone; cleaning up"
ok $? "a network whose bridge vanished meanwhile is logged"
wait_gone_pid "$pid"
ok $? "its dnsmasq is stopped"
nvsh net-info iso1
is "$RC" 1 "and the transient network is gone"

# -- Everything goes when the networks stop ---------------------------------
for n in nat1 route1 default; do
    nvsh net-destroy "$n"
done
is "$RC" 0 "the networks are destroyed"
is "$(ip -o link show type bridge | grep -c virbr)" 0 "no bridge of theirs is left"
is "$(nft list tables | grep -c vireo_)" 0 "no table of theirs is left"
is "$(dnsmasq_pids '' | wc -l)" 0 "no dnsmasq of theirs is left"
nvsh net-undefine nat1
nvsh net-list --all --name
is "$(sed '/^$/d' "$OUT" | sort | tr '\n' ' ')" "br1 clash default route1 " \
    "net-undefine removes a definition"

done_testing
