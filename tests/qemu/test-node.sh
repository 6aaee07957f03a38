#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-node.sh: the host figures of a QEMU host, through virsh, from
# vireod's qemu driver and a private libvirtd's. Both read the same
# machine, so the CPU map, the CPU models, the memory total and every
# error are the same; times and free memory move between two reads, so
# for those only the layout is compared (numbers masked). The vireo CLI
# against vireod must print what virsh does.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
peer_start

EXACT=("nodecpumap" "nodecpumap --pretty" "cpu-models x86_64"
       "cpu-models ppc64le" "cpu-models bogus" "nodecpustats --cpu 4096"
       "nodememstats --cell 4096" "freecell --cellno 4096")
MASKED=("nodecpustats" "nodecpustats --cpu 0" "nodememstats"
        "nodememstats --cell 0" "freecell" "freecell --all"
        "freecell --cellno 0")
plan $((2 * ${#EXACT[@]} + 2 * ${#MASKED[@]} + 1))

qemu_daemon_start

# run NAME EXE URI WORDS...: status, stdout and stderr in $DIR/NAME.
run() {
    local name=$1 exe=$2 uri=$3
    shift 3
    { timeout 60 "$exe" -c "$uri" "$@" 2> "$DIR/$name.err"
      echo "status $?"; } > "$DIR/$name.out" < /dev/null
}

# same WHAT A B [MASK]: the same transcripts, numbers masked if MASK.
same() {
    local a b
    a=$(cat "$DIR/$2.out" "$DIR/$2.err")
    b=$(cat "$DIR/$3.out" "$DIR/$3.err")
    if [ -n "${4:-}" ]; then
        a=$(sed 's/[0-9]\+/N/g; s/  *N/ N/g' <<< "$a")
        b=$(sed 's/[0-9]\+/N/g; s/  *N/ N/g' <<< "$b")
    fi
    is "$b" "$a" "$1"
}

for line in "${EXACT[@]}" "${MASKED[@]}"; do
    mask=
    case " ${MASKED[*]} " in *" $line "*) mask=1 ;; esac
    # shellcheck disable=SC2086 # the line is the command's words
    run libvirtd virsh "$LIBVIRTD_QEMU_URI" $line
    # shellcheck disable=SC2086
    run vireod virsh "$QURI" $line
    # shellcheck disable=SC2086
    run vireo "$VIREO" "$QURI" $line
    same "virsh $line: vireod's qemu driver answers as libvirtd's" \
        libvirtd vireod $mask
    same "vireo $line prints what virsh does" vireod vireo $mask
done

# The memory total does not move.
run libvirtd virsh "$LIBVIRTD_QEMU_URI" nodememstats
run vireod virsh "$QURI" nodememstats
is "$(grep '^total' "$DIR/vireod.out")" \
    "$(grep '^total' "$DIR/libvirtd.out")" "the host's total memory, exactly"

done_testing
