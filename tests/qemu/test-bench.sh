#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-bench.sh: the QEMU benchmark (bench/bench-qemu) runs one round
# against bare QEMU, vireod's qemu driver and a private libvirtd's, and
# reports numbers and ratios for all three, exiting 0.
# It leaves no guest running or defined. Timings are never checked: they
# are measurements, not results.
#
# $BENCH_QEMU names bench-qemu (empty when it could not be built).
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/../integration/libvirtd.sh"

[ -n "${BENCH_QEMU:-}" ] ||
    fail_all "bench-qemu is built (libvirt-dev was installed when the build was set up)"
command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
# Without virtlogd, which would outlive the daemon.
# shellcheck disable=SC2034 # read by libvirtd_start
LIBVIRTD_QEMU_CONF='stdio_handler = "file"'
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
qemu_daemon_start || fail_all "vireod starts"

plan 9

# Bare QEMU's command line names no file of ours: the guest's name marks
# this test's QEMU.
name=vireo-bench-test-$$
QEMU_MARKS+=("guest=$name")
# One number cell: "median (min-max)".
num='[0-9]+\.[0-9]+ \([0-9]+\.[0-9]+-[0-9]+\.[0-9]+\)'
numbers="^%s +$num +$num +$num +$num *\$"

timeout 240 "$BENCH_QEMU" "$QURI" "$LIBVIRTD_QEMU_URI" 1 "$name" \
        > "$DIR/bench.out" 2> "$DIR/bench.err"
bench_rc=$?
echo "bench-qemu exited with status $bench_rc and printed:" | diag
diag < "$DIR/bench.out"
diag < "$DIR/bench.err"

grep -qx 'QEMU guest lifecycle (TCG, 64 MiB, no disk), 1 round: median (min-max) in ms' \
     "$DIR/bench.out"
ok $? "it reports the guest and the rounds"
# shellcheck disable=SC2059 # the format is ours
grep -Eq "$(printf "$numbers" 'bare QEMU')" "$DIR/bench.out"
ok $? "bare QEMU: start, suspend, resume and destroy measured"
grep -Eq "^bare QEMU: exec to QMP greeting $num, exec to running $num\$" \
     "$DIR/bench.out"
ok $? "bare QEMU: exec to QMP greeting and to running measured"
# shellcheck disable=SC2059
grep -Eq "$(printf "$numbers" libvirtd)" "$DIR/bench.out"
ok $? "libvirtd's QEMU driver: the four operations measured"

qvsh uri
is "$RC" 0 "vireod serves its qemu driver"
# shellcheck disable=SC2059
grep -Eq "$(printf "$numbers" vireod)" "$DIR/bench.out"
ok $? "vireod's qemu driver: the four operations measured"
ratio='[0-9]+\.[0-9]+x'
grep -Eq "^ratio libvirtd/vireod: start $ratio, suspend $ratio, resume $ratio, destroy $ratio\$" \
     "$DIR/bench.out"
ok $? "... with the ratios of the two daemons"
is "$bench_rc" 0 "every target measured: exit status 0"

# Nothing left behind: no QEMU of the run, no guest defined on either
# daemon.
timeout "$VSH_TIMEOUT" virsh -c "$LIBVIRTD_QEMU_URI" list --all --name \
        > "$OUT" 2> "$ERR"
qvsh list --all --name >> "$OUT"
grep -qx "$name" "$OUT"
is "$? $(qemu_count)" "1 0" "no QEMU of the run is left, nor its guest on either daemon"

libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag
daemon_stop || echo "vireod exited with status $DRC" | diag
done_testing
