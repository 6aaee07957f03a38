#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# run.sh: start a vireod, a private real libvirtd and the echo server on
# temporary sockets, run every benchmark against them in the same run,
# write the report, stop them.
#   bench/run.sh BUILD_DIR [quick|full]
# quick (make bench-quick) takes under 3 minutes, full (make bench) under
# 30. The report, a CSV and the plots go to bench/results/<UTC time>/;
# the goals are printed at the end with their measured ratios.
#
# libvirtd is the integration tests' own (tests/integration/libvirtd.sh):
# unprivileged, in session mode, with all its state in a temporary
# directory, so a benchmark never touches /run/libvirt or the system
# libvirtd, and needs no libvirt-qemu user. Its QEMU driver (for
# bench-qemu) runs guests as that user, and logs them to files rather
# than through a virtlogd that would outlive it. Its client limits are
# raised (libvirtd-many-clients.sh), as are vireod's, and both inherit an
# open-file limit raised to the hard limit.
# The exit status is 1 when a benchmark could not run (a vireod without
# its qemu driver, a workload that failed against vireod or the echo
# server), 0 otherwise: goals missed, and what libvirtd could not do
# (hold 10,000 connections here), are reported, not failures.
set -euo pipefail

build=$(cd "$1" && pwd)
plan=${2:-full}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
chmod 0755 "$dir"
vpid=
epid=
# Never fails, or `set -e` would end it early (a killed vireod's wait
# returns 143) and leave the directory behind.
cleanup() {
    for pid in $vpid $epid; do
        kill "$pid" 2> /dev/null || true
        wait "$pid" 2> /dev/null || true
    done
    rm -rf "$dir"
}
# Set before sourcing libvirtd.sh, which chains its own cleanup onto it.
trap cleanup EXIT
# shellcheck source-path=SCRIPTDIR source=../tests/integration/libvirtd.sh
. "$here/../tests/integration/libvirtd.sh"

# A progress line with the seconds since the run began: where the time
# of a plan goes (suite.py prints its own, from when it began).
say() {
    printf '[%4d s] run.sh: %s\n' "$SECONDS" "$*"
}

wait_socket() {
    for _ in $(seq 100); do [ -S "$1" ] && return 0; sleep 0.1; done
    echo "run.sh: $1 did not appear" >&2
    return 1
}

ulimit -n "$(ulimit -Hn)"
out=$here/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out" "$dir/vireo"
# Never libvirt's default network on the host from a benchmark's daemon.
echo "default_network_autostart = 0" > "$dir/network.conf"

cat > "$dir/vireod.conf" <<CONF
unix_sock_dir = "$dir/vireo"
run_dir = "$dir/vireo"
state_dir = "$dir/vireo"
log_level = 4
max_clients = 20000
max_queued_clients = 4096
CONF
"$build/daemon/vireod" -f "$dir/vireod.conf" &
vpid=$!
"$build/bench/echo-server" "$dir/echo-sock" &
epid=$!

# shellcheck disable=SC2034 # read by libvirtd_start
LIBVIRTD_QEMU_CONF='stdio_handler = "file"'
# shellcheck disable=SC2034 # read by libvirtd_start
LIBVIRTD=$here/libvirtd-many-clients.sh
# What its QEMU driver probes on first use (about 7 s of QEMU's and
# libvirtd's CPU on a busy machine), kept from one run to the next.
# shellcheck disable=SC2034 # read by libvirtd_start and libvirtd_stop
LIBVIRTD_CAPS_CACHE=$build/bench/libvirtd-qemu-capabilities
if ! libvirtd_start; then
    echo "run.sh: $LIBVIRTD_START_ERROR" >&2
    exit 1
fi
wait_socket "$dir/vireo/vireo-sock"
wait_socket "$dir/echo-sock"
say "vireod, libvirtd and the echo server listen"

# Debian's python3, which python3-matplotlib is installed for (a python3
# earlier on PATH may be another interpreter without it).
python=/usr/bin/python3
# The qemu driver of a root vireod is qemu:///system, of any other user's
# qemu:///session, as with libvirtd (which runs unprivileged here).
mode=session
[ "$(id -u)" -eq 0 ] && mode=system
status=0
VIREOD_SOCK=$dir/vireo/vireo-sock VIREOD_PID=$vpid \
ECHO_SOCK=$dir/echo-sock ECHO_PID=$epid LIBVIRTD_PID=$LIBVIRTD_PID \
VIREOD_QEMU_OPEN_URI=qemu:///$mode LIBVIRTD_QEMU_OPEN_URI=qemu:///session \
    "$python" "$here/suite.py" --plan "$plan" --loadgen "$build/bench/loadgen" \
    --out "$out" || status=1

vireod_uri="test+unix:///default?socket=$dir/vireo/vireo-sock"
# libvirt's own C client and vireo's, driving both daemons (full run).
if [ "$plan" = full ] && [ -x "$build/bench/bench-rpc" ]; then
    echo "== libvirt's client: bench-rpc"
    "$build/bench/bench-rpc" "$vireod_uri" "$LIBVIRTD_URI" |
        tee "$out/bench-rpc.txt" || status=1
    echo "== libvirt's and vireo's clients: bench-client"
    "$build/bench/bench-client" "$vireod_uri" "$LIBVIRTD_URI" |
        tee "$out/bench-client.txt" || status=1
fi
# The quick plan skips bench-qemu's uncounted first round: the mixed
# load has just started and destroyed guests through both daemons (and
# so QEMU itself), which is what that round is for.
rounds=5
warm_up=()
[ "$plan" = quick ] && rounds=2 warm_up=(--no-warm-up)
if [ -x "$build/bench/bench-qemu" ]; then
    say "QEMU guest lifecycle: bench-qemu"
    "$build/bench/bench-qemu" "${warm_up[@]}" \
        "qemu+unix:///$mode?socket=$dir/vireo/vireo-sock" \
        "$LIBVIRTD_QEMU_URI" "$rounds" | tee "$out/bench-qemu.txt" || status=1
fi
say "stopping libvirtd"
libvirtd_stop || echo "run.sh: libvirtd exited with status $LIBVIRTD_RC" >&2
say "the report"

"$python" "$here/report.py" --plan "$plan" "$out" || status=1
say "done"
exit "$status"
