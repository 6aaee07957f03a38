#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-network.sh: the vireo CLI's network commands, against
# vireod and against a private libvirtd (both test:///default), must
# print what virsh prints against libvirtd: exit status, stdout and
# stderr (the daemons' socket paths aside). virsh itself against both
# daemons is side/network.txt's job (test-virsh-side.sh).
#
# Each invocation is a process of its own, so each starts from the
# pristine default state (it lives while a connection holds it).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
. "$(dirname "$0")/cli_compare.sh"
: "${VIREO:?VIREO must name the vireo executable}"
DATA=$(cd "$(dirname "$0")/side/data" && pwd)

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
daemon_start || fail_all "vireod runs"
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

# The commands the vireo CLI has, each with arguments to try; a line is
# one command string (virsh's and vireo's own splitting, quotes and ';'
# included), so that a line may change the state and look at it.
LINES=(
    "net-list" "net-list --all" "net-list --inactive" "net-list --name"
    "net-list --uuid" "net-list --transient" "net-list --autostart"
    "net-info default" "net-info nope" "net-dumpxml default"
    "net-dumpxml --inactive default" "net-uuid default"
    "net-name dd8fe884-6c02-601e-7551-cca97df1c5df" "net-name nope"
    "net-define @DATA@/net-full.xml; net-dumpxml full; net-info full"
    "net-define @DATA@/net-isolated.xml; net-start isolated; net-list --all; net-destroy isolated; net-undefine isolated"
    "net-create @DATA@/net-bridge.xml; net-list --transient; net-destroy host-bridge; net-list --all"
    "net-start default" "net-undefine default" "net-destroy nope"
    "net-autostart default; net-list --autostart; net-autostart default --disable"
    "net-define @DATA@/net-dup-name.xml"
    "net-define @DATA@/net-noname.xml" "net-define @DATA@/no-such-file.xml"
    "net-update default add ip-dhcp-host \"<host mac='52:54:00:00:00:10' name='web' ip='192.168.122.10'/>\"; net-dumpxml default"
    "net-update default delete ip-dhcp-host \"<host mac='52:54:00:00:00:10'/>\""
    "net-update default modify ip-dhcp-range \"<range start='192.168.122.2' end='192.168.122.254'/>\""
    "net-update default add bridge \"<bridge name='x'/>\""
    "net-event --list" "net-event" "net-event --event bogus"
)
plan $((2 * ${#LINES[@]}))

for line in "${LINES[@]}"; do
    words=${line//@DATA@/$DATA}
    run virsh virsh "$LIBVIRTD_URI" "$words"
    run vireo "$VIREO" "$URI" "$words"
    same "vireo $line against vireod prints what virsh does against libvirtd" \
        virsh vireo
    run vireo-libvirtd "$VIREO" "$LIBVIRTD_URI" "$words"
    same "vireo $line against libvirtd prints what virsh does" \
        virsh vireo-libvirtd
done

daemon_stop
done_testing
