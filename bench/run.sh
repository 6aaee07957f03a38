#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# run.sh: start a vireod and a private real libvirtd on temporary socket
# directories, run every benchmark against both in the same run, stop them.
#   bench/run.sh BUILD_DIR [N_CALLS] [N_THREADS]
# libvirtd is the integration tests' own (tests/integration/libvirtd.sh):
# unprivileged, in session mode, with all its state in a temporary
# directory, so a benchmark never touches /run/libvirt or the system
# libvirtd, and needs no libvirt-qemu user. Its QEMU driver (for
# bench-qemu) runs guests as that user, and logs them to files rather
# than through a virtlogd that would outlive it.
# The exit status is bench-qemu's: 1 when a daemon could not be measured
# (a vireod without its qemu driver).
set -eu

build=$(cd "$1" && pwd)
shift
dir=$(mktemp -d)
vpid=
# Never fails, or `set -e` would end it early (a killed vireod's wait
# returns 143) and leave the directory behind.
cleanup() {
    if [ -n "$vpid" ]; then
        kill "$vpid" 2> /dev/null || true
        wait "$vpid" 2> /dev/null || true
    fi
    rm -rf "$dir"
}
# Set before sourcing libvirtd.sh, which chains its own cleanup onto it.
trap cleanup EXIT
# shellcheck source-path=SCRIPTDIR source=../tests/integration/libvirtd.sh
. "$(dirname "$0")/../tests/integration/libvirtd.sh"

wait_socket() {
    for _ in $(seq 100); do [ -S "$1" ] && return 0; sleep 0.1; done
    echo "run.sh: $1 did not appear" >&2
    return 1
}

mkdir -p "$dir/vireo"
# Never libvirt's default network on the host from a benchmark's daemon.
echo "default_network_autostart = 0" > "$dir/network.conf"
cat > "$dir/vireod.conf" <<CONF
unix_sock_dir = "$dir/vireo"
run_dir = "$dir/vireo"
state_dir = "$dir/vireo"
log_level = 4
CONF
"$build/daemon/vireod" -f "$dir/vireod.conf" &
vpid=$!

# shellcheck disable=SC2034 # read by libvirtd_start
LIBVIRTD_QEMU_CONF='stdio_handler = "file"'
if ! libvirtd_start; then
    echo "run.sh: $LIBVIRTD_START_ERROR" >&2
    exit 1
fi
wait_socket "$dir/vireo/vireo-sock"

vireod_uri="test+unix:///default?socket=$dir/vireo/vireo-sock"
"$build/bench/bench-rpc" "$vireod_uri" "$LIBVIRTD_URI" "$@"
echo
"$build/bench/bench-client" "$vireod_uri" "$LIBVIRTD_URI" "$@"
echo
# The qemu driver of a root vireod is qemu:///system, of any other user's
# qemu:///session, as with libvirtd.
mode=session
[ "$(id -u)" -eq 0 ] && mode=system
qemu_rc=0
"$build/bench/bench-qemu" "qemu+unix:///$mode?socket=$dir/vireo/vireo-sock" \
    "$LIBVIRTD_QEMU_URI" || qemu_rc=$?
libvirtd_stop || echo "run.sh: libvirtd exited with status $LIBVIRTD_RC" >&2
exit "$qemu_rc"
