#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-tune.sh: the vireo CLI's tuning commands against vireod print what
# the real virsh prints against a private libvirtd (Debian's 9.0), both on
# test:///default: exit status, stdout and stderr, byte for byte. Each line
# of data/tune-cli.txt (data/NAME-cli.txt when given NAME) is one invocation (several commands separated by
# ';' share one connection, and so one default state). Expected outputs
# are always libvirtd's. (virsh itself against vireod is side/tune.txt's
# concern, in test-virsh-side.sh.)
#
# Every invocation opens its own connection, and the default state lasts
# only while one holds it: each line starts from libvirt's default domain.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo executable}"
DATA=$(cd "$(dirname "$0")/data" && pwd)/${1:-tune}-cli.txt

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
daemon_start || fail_all "vireod starts"
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

mapfile -t LINES < <(grep -v '^#' "$DATA" | grep -v '^$')
plan ${#LINES[@]}

# run EXE URI LINE: exit status, stdout and stderr of one invocation.
run() {
    timeout "$VSH_TIMEOUT" "$1" -c "$2" "$3" > "$DIR/run.out" \
        2> "$DIR/run.err" < /dev/null
    echo "exit status $?"
    echo "-- stdout"; cat "$DIR/run.out"
    echo "-- stderr"; cat "$DIR/run.err"
}

# same WHAT EXPECTED GOT: one check, with the difference as diagnostics.
same() {
    [ "$2" = "$3" ]
    ok $? "$1"
    if [ "$2" != "$3" ]; then
        diff -u --label libvirtd --label vireod <(echo "$2") <(echo "$3") |
            diag
    fi
}

for line in "${LINES[@]}"; do
    same "vireo $line" "$(run virsh "$LIBVIRTD_URI" "$line")" \
        "$(run "$VIREO" "$URI" "$line")"
done

daemon_stop
done_testing
