#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-storage.sh: storage pools and volumes from end to end. Each
# script of commands runs in one invocation (one connection, so
# test:///default starts pristine and lives through the script) three
# times: the real virsh against a private libvirtd, the real virsh against
# vireod, and our vireo CLI against vireod. vireod must answer virsh as
# libvirtd does, and vireo must print what virsh prints, once generated
# uuids are masked.
#
# $VIREOD names vireod, $VIREO the vireo CLI.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
: "${VIREO:?VIREO must name the vireo executable}"

command -v virsh > /dev/null ||
    fail_all "virsh (libvirt-clients) is installed"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
export LC_ALL=C
unset LIBVIRT_DEFAULT_URI VIREO_DEFAULT_URI

DATA=$(cd "$(dirname "$0")/side/data" && pwd)
# default-pool's uuid is libvirt's, kept; generated ones are masked.
KEEP=dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566

# run TOOL URI SCRIPT: stdout, stderr and status on stdout, generated
# uuids masked.
run() {
    local exe=$1 uri=$2 script=$3
    {
        timeout "$VSH_TIMEOUT" "$exe" -c "$uri" "$script" < /dev/null \
            > "$DIR/run.out" 2> "$DIR/run.err"
        echo "exit status $?"
        cat "$DIR/run.out"
        echo "-- stderr"
        cat "$DIR/run.err"
    } 2>&1 | sed -E "s/$KEEP/KEPT/g;
                     s/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/g"
}

# same WHAT A B: the two outputs are equal (and there is one: every run
# says its exit status), else their diff as diagnostics.
same() {
    if [ -n "$2" ] && [ "$2" = "$3" ]; then
        ok 0 "$1"
    else
        ok 1 "$1"
        diff <(echo "$2") <(echo "$3") | diag
    fi
}

# check SCRIPT [NODE-FILE]: on test:///default, or on a node file.
check() {
    local peer ours mine peer_uri=$LIBVIRTD_URI our_uri=$URI
    if [ -n "${2:-}" ]; then
        peer_uri="test+unix://$2?socket=$LIBVIRTD_SOCK"
        our_uri="test+unix://$2?socket=$DIR/run/vireo-sock"
    fi
    peer=$(run virsh "$peer_uri" "$1")
    ours=$(run virsh "$our_uri" "$1")
    mine=$(run "$VIREO" "$our_uri" "$1")
    same "virsh gets from vireod what libvirtd answers: $1" "$peer" "$ours"
    same "vireo prints what virsh prints: $1" "$ours" "$mine"
}

POOLS="pool-list; pool-list --all --details; pool-info default-pool; \
pool-dumpxml default-pool; pool-uuid default-pool; pool-name $KEEP; \
pool-define $DATA/storage-pool.xml; pool-list --all; \
pool-list --all --type netfs --name; pool-info side-nfs; \
pool-dumpxml side-nfs; pool-build side-nfs; pool-start side-nfs; \
pool-autostart side-nfs; pool-info side-nfs --bytes; pool-refresh side-nfs; \
pool-destroy side-nfs; pool-autostart side-nfs --disable; \
pool-delete side-nfs; pool-undefine side-nfs; pool-list --all"
TRANSIENT="pool-create $DATA/storage-pool.xml; pool-list --details; \
pool-autostart side-nfs"
VOLS="vol-create-as default-pool a.img 1M; \
vol-create-as default-pool b.qcow2 1G --allocation 512M --format qcow2; \
vol-list default-pool; vol-list default-pool --details; \
vol-info a.img --pool default-pool; vol-info --bytes /default-pool/b.qcow2; \
vol-dumpxml b.qcow2 --pool default-pool; vol-path a.img --pool default-pool; \
vol-key a.img --pool default-pool; vol-name /default-pool/a.img; \
vol-pool /default-pool/a.img; vol-pool --uuid /default-pool/a.img; \
pool-info default-pool; vol-delete a.img --pool default-pool; \
vol-list default-pool"
ERRORS_1="pool-info nope"
ERRORS_2="pool-start default-pool"
ERRORS_3="vol-info nope --pool default-pool"
ERRORS_4="vol-create-as default-pool big.img 200G"
ERRORS_5="pool-define $DATA/storage-bad.xml"
ERRORS_6="pool-destroy default-pool; vol-list default-pool"
# A node file's pool starts running with its volumes, which keep a path
# and key they give.
NODE="pool-list --all --details; pool-dumpxml nodepool; \
vol-list nodepool --details; vol-dumpxml nv2 --pool nodepool; \
vol-key nv1 --pool nodepool; vol-info /elsewhere/nv2"

plan 23
daemon_start
ok $? "vireod creates its sockets"
check "$POOLS"
check "$TRANSIENT"
check "$VOLS"
for e in "$ERRORS_1" "$ERRORS_2" "$ERRORS_3" "$ERRORS_4" "$ERRORS_5" \
         "$ERRORS_6"; do
    check "$e"
done
check "$NODE" "$DATA/storage-node.xml"
daemon_stop
is "$DRC" "0" "vireod stops cleanly"
libvirtd_stop
ok $? "libvirtd stops cleanly"
