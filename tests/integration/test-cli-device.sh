#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-device.sh: the vireo CLI's device and guest commands print what
# virsh prints, byte for byte (stdout, stderr, exit status), against three
# test drivers: vireod's and a private real libvirtd's over their sockets
# (vireo's remote driver, vireod's dispatch), and each client's own
# in-process test:///default. Every scenario is one ';' session, so that
# the state it builds lives as long as it runs; a failing command does
# not end it (both clients carry on). A few answers are
# also checked against what they must be, so that two clients failing
# alike cannot pass for agreement.
#
# $VIREOD names vireod, $VIREO the vireo CLI.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo executable}"
DATA=$(cd "$(dirname "$0")/side/data" && pwd)

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
daemon_start
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

GUEST="define $DATA/device-guest.xml"
RUNNING="$GUEST; start guest"
DISK=$DATA/device-disk.xml

# The scenarios: a name, then the session.
SCENARIOS=(
    "a running guest's hostname, clock, file systems and links"
    "$RUNNING; domhostname guest; domtime guest; domtime guest --pretty;
     domtime guest --time 86400; domtime guest; domfsinfo guest;
     domfsfreeze guest; domfsfreeze guest --mountpoint /boot;
     domfsthaw guest --mountpoint /; domfsthaw guest; domfstrim guest;
     domfstrim guest --mountpoint /boot --minimum 1024; reset guest;
     inject-nmi guest; set-user-password guest root secret --encrypted;
     domif-getlink guest guestnet0; domif-getlink guest 52:54:00:12:34:57;
     domif-getlink guest testnet0; domif-getlink guest guestnet1"
    "an unknown mount point"
    "$RUNNING; domfsfreeze guest --mountpoint /x"
    "an inactive guest's hostname"
    "$GUEST; domhostname guest"
    "an inactive guest's clock"
    "$GUEST; domtime guest"
    "an inactive guest's file systems"
    "$GUEST; domfsinfo guest"
    "an inactive guest's reset"
    "$GUEST; reset guest"
    "a hostname source the test driver lacks"
    "$RUNNING; domhostname guest --source agent"
    "an unknown interface by name"
    "$RUNNING; domif-getlink guest vnet1"
    "an unknown interface by MAC address"
    "$RUNNING; domif-getlink guest 52:54:00:aa:bb:cc"
    "a link state that is neither up nor down"
    "$RUNNING; domif-setlink guest guestnet0 sideways"
    "a link to set on an unknown interface"
    "$RUNNING; domif-setlink guest nosuch down"
    "a link to set, which needs update-device"
    "$RUNNING; domif-setlink guest guestnet0 down"
    "attach-device, the flag-less call"
    "$RUNNING; attach-device guest $DISK"
    "attach-device --config"
    "$GUEST; attach-device guest $DISK --config"
    "detach-device --persistent on a running guest"
    "$RUNNING; detach-device guest $DISK --persistent"
    "update-device --force"
    "$GUEST; update-device guest $DISK --force"
    "detach-device-alias"
    "$GUEST; detach-device-alias guest ua-extra"
    "--current with --live"
    "$GUEST; attach-device guest $DISK --current --live"
    "a device file that does not exist"
    "$GUEST; attach-device guest $DATA/nosuch.xml"
)

# session URI N: scenario N by virsh and by vireo on URI, compared.
session() {
    local uri=$1 n=$2 name=${SCENARIOS[$2]} script=${SCENARIOS[$2 + 1]} tool
    for tool in virsh "$VIREO"; do
        timeout "$VSH_TIMEOUT" "$tool" -c "$uri" "$script" \
            > "$DIR/$n.${tool##*/}.out" 2> "$DIR/$n.${tool##*/}.err" < /dev/null
        echo "exit status $?" >> "$DIR/$n.${tool##*/}.out"
        cat "$DIR/$n.${tool##*/}.err" >> "$DIR/$n.${tool##*/}.out"
    done
    if cmp -s "$DIR/$n.virsh.out" "$DIR/$n.vireo.out"; then
        ok 0 "$TARGET: $name: vireo prints what virsh prints"
    else
        ok 1 "$TARGET: $name: vireo prints what virsh prints"
        diff -u --label virsh --label vireo "$DIR/$n.virsh.out" \
            "$DIR/$n.vireo.out" | diag
    fi
}

# said N TEXT DESCRIPTION: virsh's output for scenario N (stdout, status,
# stderr) has the line TEXT.
said() {
    grep -qxF -- "$2" "$DIR/$1.virsh.out"
    ok $? "$TARGET: $3"
    grep -qxF -- "$2" "$DIR/$1.virsh.out" || diag < "$DIR/$1.virsh.out"
}

plan $((3 * (${#SCENARIOS[@]} / 2 + 5)))

for TARGET in vireod libvirtd in-process; do
    case $TARGET in
    vireod) uri=$URI ;;
    libvirtd) uri=$LIBVIRTD_URI ;;
    in-process) uri=test:///default ;;
    esac
    for ((n = 0; n < ${#SCENARIOS[@]}; n += 2)); do
        session "$uri" "$n"
    done
    said 0 "guesthost" "the hostname is the domain's name and 'host'"
    said 0 "Froze 2 filesystem(s)" "freezing all froze / and /boot"
    said 0 "Thawed 1 filesystem(s)" "thawing / thawed one"
    said 2 "error: Requested operation is not valid: mount point not found: /x" \
        "an unknown mount point is refused"
    said 24 "error: this function is not supported by the connection driver: virDomainAttachDevice" \
        "the test driver attaches nothing, named as libvirt names the call"
done
