# SPDX-License-Identifier: LGPL-2.1-or-later
# vol_peers.sh: what the volume stream tests share (test-vol-stream.sh,
# test-vol-sparse.sh): vireo, virsh and root required, a private libvirtd
# whose storage driver (qemu:///session) is the peer, vireod's own
# (qemu:///system) on QURI, and pools both may write. Sourced after
# lib.sh and libvirtd.sh.

# Stop the whole test unless the peers can run, then start libvirtd.
vol_peers_require() {
    : "${VIREO:?VIREO must name the vireo executable}"
    command -v virsh > /dev/null ||
        fail_all "virsh (libvirt-clients) is installed"
    [ "$(id -u)" -eq 0 ] || fail_all "the test runs as root (qemu:///system)"
    libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
}

# Start vireod (one check of the plan) and make DIR readable by the peer,
# which runs as $LIBVIRTD_USER.
vol_peers_start_vireod() {
    chmod 0755 "$DIR"
    daemon_start
    ok $? "vireod starts with its storage driver"
    QURI="qemu+unix:///system?socket=$DIR/run/vireo-sock"
}

# vol_pool_setup URI ROOT VOL-CREATE-AS-ARGS...: a running dir pool st on
# ROOT/st (made already, writable by its daemon), with the volume the
# arguments make.
vol_pool_setup() {
    local uri=$1 root=$2
    shift 2
    timeout "$VSH_TIMEOUT" virsh -c "$uri" pool-create-as st dir \
        --target "$root/st" > /dev/null &&
    timeout "$VSH_TIMEOUT" virsh -c "$uri" vol-create-as st "$@" > /dev/null
}

# vol_transcript CLIENT URI CMD: one command of a session as the
# transcripts compare it: the command, what the client printed, and its
# status.
vol_transcript() {
    local client=$1 uri=$2 cmd=$3
    echo "\$ $cmd"
    # shellcheck disable=SC2086 # cmd is a command line
    timeout "$VSH_TIMEOUT" $client -c "$uri" $cmd 2>&1
    echo "rc=$?"
}
