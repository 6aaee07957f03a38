#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-tune.sh: the tuning commands (side/tune.txt) against two daemons,
# vireod and a private real libvirtd (Debian's 9.0), both test:///default.
# Each line of the data file is one virsh invocation (several commands
# separated by ';' share one connection, and so one default state); it
# must give the same exit status, stdout and stderr against both. Lines
# whose commands the vireo CLI has (no dumpxml --xpath) are also run with
# vireo against vireod, and must print what virsh prints against
# libvirtd. Expected outputs are always libvirtd's.
#
# Every invocation opens its own connection, and the default state lasts
# only while one holds it: each line starts from libvirt's default domain.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo executable}"
DATA=$(cd "$(dirname "$0")/side" && pwd)/tune.txt

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
daemon_start || fail_all "vireod starts"
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

mapfile -t LINES < <(grep -v '^#' "$DATA" | grep -v '^$')
n_cli=0
for line in "${LINES[@]}"; do
    case $line in *--xpath*) ;; *) n_cli=$((n_cli + 1)) ;; esac
done
plan $((${#LINES[@]} + n_cli))

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
    want=$(run virsh "$LIBVIRTD_URI" "$line")
    same "virsh $line" "$want" "$(run virsh "$URI" "$line")"
    case $line in
    *--xpath*) ;;
    *) same "vireo $line" "$want" "$(run "$VIREO" "$URI" "$line")" ;;
    esac
done

daemon_stop
done_testing
