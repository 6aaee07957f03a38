#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-pin.sh: vcpupin, emulatorpin, numatune and the iothread commands
# of our CLI against vireod, compared with virsh against a private real
# libvirtd (Debian's 9.0), on test:///default's running domain `test`.
# Each run is one session on a fresh test:///default of each daemon (the
# default state lives while a connection holds it); a session ends at its
# first failing command (vireo's scripts stop there, virsh's do not), so
# a failing command comes last. The expected output is
# libvirtd's, through virsh, unmasked: nothing here depends on the clock.
#
# $VIREOD names vireod, $VIREO the vireo CLI.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo executable}"

SESSIONS=(
    "vcpupin test"
    "vcpupin test 0 1; vcpupin test; vcpupin test 1"
    "vcpupin test 0 abc"
    "vcpupin test 0 100"
    "vcpupin test 5 1"
    "vcpupin test 0 1 --config"
    "emulatorpin test"
    "emulatorpin test 0-1 --config; emulatorpin test --config"
    "emulatorpin nosuch"
    "numatune test"
    "numatune test --mode interleave"
    "numatune test --mode foo"
    "numatune test --mode interleave --nodeset 0; numatune test"
    "numatune test --mode strict"
    "iothreadinfo test"
    "iothreadadd test 2; iothreadpin test 2 0; iothreadinfo test"
    "iothreadadd test 2; iothreadset test 2 --poll-max-ns 100 --poll-grow 2"
    "iothreadset test 2"
    "iothreadadd test 0"
    "iothreadpin test 3 0"
    "iothreadadd test 2; iothreaddel test 2; iothreadinfo test"
    "iothreaddel test 2"
)

plan $(( ${#SESSIONS[@]} + 1 ))
command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
daemon_start || fail_all "vireod starts"
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

# run TOOL URI SCRIPT: the tool's exit status, stdout and stderr.
run() {
    local out
    out=$(timeout "$VSH_TIMEOUT" "$1" -c "$2" "$3" 2> "$DIR/err" < /dev/null)
    printf 'exit status %s\n%s\n-- stderr\n' "$?" "$out"
    cat "$DIR/err"
}

for script in "${SESSIONS[@]}"; do
    same_output "$(run virsh "$LIBVIRTD_URI" "$script")" \
        "$(run "$VIREO" "$URI" "$script")" \
        "vireo on vireod as virsh on libvirtd: $script"
done

daemon_stop
ok $? "vireod stops cleanly"
done_testing
