# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# cli_scripts.sh: one script of commands (one invocation, one connection,
# so test:///default starts pristine and lives through the script) run
# three times: the real virsh against a private libvirtd, the real virsh
# against vireod, and our vireo CLI against vireod; vireod must answer
# virsh as libvirtd does, and vireo must print what virsh prints, once
# creation times (the clock) are masked. Sourced after lib.sh and
# libvirtd.sh, with $VIREO naming the vireo CLI: starts the private
# libvirtd, and makes $FILES, a directory both daemons may write.
#
#   check "SCRIPT"                 all three compared
#   check "SCRIPT" clients-only    the two clients against vireod only

: "${VIREO:?VIREO must name the vireo executable}"
command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

# libvirtd runs as nobody: it writes its files where anyone may.
chmod 0711 "$DIR"
FILES=$DIR/files
mkdir -m 0777 "$FILES"

# run TOOL URI SCRIPT: stdout, stderr and status, creation times masked,
# on stdout.
# (The pipe is inside the body: a definition piped as a whole would only
# exist in the pipeline's subshell.)
run() {
    local exe=$1 uri=$2 script=$3
    rm -f "$FILES"/*
    {
        timeout "$VSH_TIMEOUT" "$exe" -c "$uri" "$script" < /dev/null \
            > "$DIR/run.out" 2> "$DIR/run.err"
        echo "exit status $?"
        cat "$DIR/run.out"
        echo "-- stderr"
        cat "$DIR/run.err"
    } 2>&1 | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} [-+][0-9]{4}/TIME/g;
                     s/<creationTime>[0-9]+</<creationTime>T</'
}

# same WHAT A B: the two outputs are equal, else their diff as diagnostics.
same() {
    if [ "$2" = "$3" ]; then
        ok 0 "$1"
    else
        ok 1 "$1"
        diff <(echo "$2") <(echo "$3") | diag
    fi
}

# check SCRIPT [clients-only]
check() {
    local peer ours mine
    peer=$(run virsh "$LIBVIRTD_URI" "$1")
    ours=$(run virsh "$URI" "$1")
    mine=$(run "$VIREO" "$URI" "$1")
    if [ "${2:-}" != clients-only ]; then
        same "virsh gets from vireod what libvirtd answers: $1" "$peer" "$ours"
    fi
    same "vireo prints what virsh prints: $1" "$ours" "$mine"
}

