#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-node.sh: the vireo CLI's host and hypervisor commands, against
# vireod and against a private libvirtd (both test:///default), must
# print what virsh prints against libvirtd: exit status, stdout and
# stderr (the daemons' socket paths aside). virsh itself against both
# daemons is side/node.txt's job (test-virsh-side.sh).
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

# The commands the vireo CLI has, each with arguments to try.
LINES=(
    "maxvcpus" "sysinfo" "nodecpustats" "nodecpustats --cpu 2"
    "nodememstats" "freecell" "freecell --all" "freecell 1"
    "freecell --cellno 5" "freecell --all --cellno 0" "nodecpumap"
    "nodecpumap --pretty" "cpu-models x86_64" "cpu-models aarch64"
    "cpu-models mips" "cpu-models x86" "capabilities" "nodeinfo"
    "cpu-baseline @DATA@/node-cpus.xml"
    "cpu-baseline --features @DATA@/node-cpu.xml"
    "cpu-baseline @DATA@/node-cpu-vendors.xml"
    "cpu-baseline @DATA@/no-such-file.xml"
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
