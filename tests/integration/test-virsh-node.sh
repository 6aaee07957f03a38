#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-virsh-node.sh: virsh's host and hypervisor commands against vireod
# and a private libvirtd, both test:///default. Every invocation of
# side/node.txt must give the same exit status, stdout and stderr from
# both daemons (the daemons' socket paths aside). Then the vireo CLI,
# against vireod and against libvirtd, must print what virsh prints
# against libvirtd for the commands it has.
#
# Each invocation is a virsh process of its own, so each starts from the
# pristine default state (it lives while a connection holds it).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo executable}"
LIST=$(dirname "$0")/side/node.txt
DATA=$(cd "$(dirname "$0")/data" && pwd)

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
daemon_start || fail_all "vireod runs"
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

# The commands the vireo CLI has, each with the arguments to try.
CLI_LINES=(
    "maxvcpus" "sysinfo" "nodecpustats" "nodecpustats --cpu 2"
    "nodememstats" "freecell" "freecell --all" "freecell 1"
    "freecell --cellno 5" "freecell --all --cellno 0" "nodecpumap"
    "nodecpumap --pretty" "cpu-models x86_64" "cpu-models aarch64"
    "cpu-models mips" "cpu-models x86" "capabilities" "nodeinfo"
    "cpu-baseline DATA/node-cpus.xml" "cpu-baseline --features DATA/node-cpu.xml"
    "cpu-baseline DATA/node-cpu-vendors.xml"
)

n_lines=$(grep -cv '^\(#\|$\)' "$LIST")
plan $((n_lines + 2 * ${#CLI_LINES[@]}))

# run NAME EXE URI WORDS...: one invocation, kept as $DIR/NAME.{out,err,rc}
# with the URI's socket path masked.
run() {
    local name=$1 exe=$2 uri=$3 sock
    shift 3
    sock=${uri#*socket=}
    timeout "$VSH_TIMEOUT" "$exe" -c "$uri" "$@" > "$DIR/$name.out" \
        2> "$DIR/$name.err" < /dev/null
    echo $? > "$DIR/$name.rc"
    sed -i "s|$sock|SOCKET|g" "$DIR/$name.out" "$DIR/$name.err"
}

# same WHAT A B: both runs gave the same status, stdout and stderr.
same() {
    local what=$1 a=$2 b=$3 f rc=0

    for f in rc out err; do
        cmp -s "$DIR/$a.$f" "$DIR/$b.$f" || rc=1
    done
    ok $rc "$what"
    [ $rc -eq 0 ] && return
    for f in rc out err; do
        diff "$DIR/$a.$f" "$DIR/$b.$f" | head -20 | diag
    done
}

while read -r line; do
    case $line in '#'* | '') continue ;; esac
    line=${line//DATA\//$DATA/}
    # shellcheck disable=SC2086 # the line is the command's words
    run libvirtd virsh "$LIBVIRTD_URI" $line
    # shellcheck disable=SC2086
    run vireod virsh "$URI" $line
    same "virsh $line: vireod answers as libvirtd" libvirtd vireod
done < "$LIST"

for line in "${CLI_LINES[@]}"; do
    line=${line//DATA\//$DATA/}
    # shellcheck disable=SC2086
    run virsh virsh "$LIBVIRTD_URI" $line
    # shellcheck disable=SC2086
    run vireo "$VIREO" "$URI" $line
    same "vireo $line against vireod prints what virsh does against libvirtd" \
        virsh vireo
    # shellcheck disable=SC2086
    run vireo-libvirtd "$VIREO" "$LIBVIRTD_URI" $line
    same "vireo $line against libvirtd prints what virsh does" \
        virsh vireo-libvirtd
done

daemon_stop
done_testing
