#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-nodedev.sh: the vireo CLI's node device and host interface
# commands, against vireod and against a private libvirtd (both
# test:///default), must print what virsh prints against libvirtd: exit
# status, stdout and stderr (the daemons' socket paths aside). virsh itself against both
# daemons is side/nodedev.txt's job (test-virsh-side.sh).
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

# The commands the vireo CLI has, each with arguments to try. iface-destroy
# is left out: virsh 9.0 exits 1 after saying the interface is destroyed,
# where vireo exits 0. So is a document with a syntax error, whose
# report vireo ends with an empty line where libvirt writes "(null)".
LINES=(
    "nodedev-list" "nodedev-list --cap scsi_host" "nodedev-list --all"
    "nodedev-list --cap frob"
    "nodedev-dumpxml computer" "nodedev-dumpxml scsi_host1"
    "nodedev-dumpxml nosuch"
    "nodedev-create @DATA@/nodedev-vhba.xml"
    "nodedev-create @DATA@/nodedev-vhba-computer.xml"
    "nodedev-create @DATA@/nodedev-bad-cap.xml"
    "nodedev-destroy scsi_host11" "nodedev-destroy nosuch"
    "iface-list" "iface-list --all" "iface-list --inactive"
    "iface-dumpxml eth1" "iface-dumpxml --inactive eth1"
    "iface-dumpxml nosuch" "iface-mac eth1" "iface-mac nosuch"
    "iface-name AA:BB:CC:DD:EE:FF" "iface-name 00:11:22:33:44:55"
    "iface-define @DATA@/iface-bond.xml"
    "iface-define @DATA@/iface-no-name.xml"
    "iface-undefine eth1" "iface-undefine nosuch" "iface-start eth1"
    "iface-begin" "iface-commit" "iface-rollback"
)
plan $((2 * ${#LINES[@]}))

for line in "${LINES[@]}"; do
    words=${line//@DATA@/$DATA}
    # shellcheck disable=SC2086 # the line is the command's words
    run virsh virsh "$LIBVIRTD_URI" $words
    # shellcheck disable=SC2086
    run vireo "$VIREO" "$URI" $words
    same "vireo $line against vireod prints what virsh does against libvirtd" \
        virsh vireo
    # shellcheck disable=SC2086
    run vireo-libvirtd "$VIREO" "$LIBVIRTD_URI" $words
    same "vireo $line against libvirtd prints what virsh does" \
        virsh vireo-libvirtd
done

daemon_stop
done_testing
