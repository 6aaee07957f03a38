#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# run.sh: start a vireod and a private real libvirtd on temporary socket
# directories, run every benchmark against both in the same run, stop them.
#   bench/run.sh BUILD_DIR [N_CALLS] [N_THREADS]
set -eu

build=$(cd "$1" && pwd)
shift
dir=$(mktemp -d)
vpid= lpid=
cleanup() {
    [ -n "$vpid" ] && kill "$vpid" 2> /dev/null
    [ -n "$lpid" ] && kill "$lpid" 2> /dev/null
    wait 2> /dev/null
    rm -rf "$dir"
}
trap cleanup EXIT

wait_socket() {
    for _ in $(seq 100); do [ -S "$1" ] && return 0; sleep 0.1; done
    echo "run.sh: $1 did not appear" >&2
    return 1
}

mkdir -p "$dir/vireo" "$dir/libvirt"
cat > "$dir/vireod.conf" <<CONF
unix_sock_dir = "$dir/vireo"
run_dir = "$dir/vireo"
state_dir = "$dir/vireo"
log_level = 4
CONF
"$build/daemon/vireod" -f "$dir/vireod.conf" &
vpid=$!

# As root, libvirtd refuses to start unless its QEMU driver finds the
# user it would run guests as (see ../shared/PEERS-HERE.md).
if [ "$(id -u)" -eq 0 ] && ! getent passwd libvirt-qemu > /dev/null; then
    groupadd -f kvm
    useradd -r -M -s /usr/sbin/nologin libvirt-qemu
fi
cat > "$dir/libvirtd.conf" <<CONF
unix_sock_dir = "$dir/libvirt"
unix_sock_rw_perms = "0777"
unix_sock_ro_perms = "0777"
auth_unix_rw = "none"
auth_unix_ro = "none"
listen_tls = 0
listen_tcp = 0
log_outputs = "3:file:$dir/libvirtd.log"
CONF
libvirtd -f "$dir/libvirtd.conf" -p "$dir/libvirtd.pid" &
lpid=$!

wait_socket "$dir/vireo/vireo-sock"
wait_socket "$dir/libvirt/libvirt-sock"
"$build/bench/bench-rpc" \
    "test+unix:///default?socket=$dir/vireo/vireo-sock" \
    "test+unix:///default?socket=$dir/libvirt/libvirt-sock" "$@"
