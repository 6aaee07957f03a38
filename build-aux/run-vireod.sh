#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# make run: start vireod in the foreground on a socket directory inside the
# build tree, with the test driver and the QEMU driver, and say how to reach
# them (QEMU guests only when qemu-system-x86_64 is installed).
#   build-aux/run-vireod.sh BUILD_DIR
set -eu

build=$(cd "$1" && pwd)
dir="$build/run"
mkdir -p "$dir/state"
conf="$dir/vireod.conf"
cat > "$conf" <<CONF
# Written by make run.
unix_sock_dir = "$dir"
run_dir = "$dir"
state_dir = "$dir/state"
unix_sock_rw_perms = "0700"
log_level = 2
log_outputs = "2:stderr"
CONF

sock="$dir/vireo-sock"
cat <<MSG
== vireod is starting in the foreground (Ctrl-C stops it), serving the
   test and QEMU drivers on $sock
   In another terminal:
     virsh -c 'test+unix:///default?socket=$sock' list --all
     virsh -r -c 'test+unix:///default?socket=$dir/vireo-sock-ro' dominfo test
     $build/tools/vireo -c 'test+unix:///default?socket=$sock' list --all
   test:///default lives while a connection holds it: keep one open with an
   interactive 'virsh -c ...' to see your changes persist between commands.
MSG
# A root daemon serves qemu:///system, any other user's qemu:///session.
if [ "$(id -u)" -eq 0 ]; then qemu_path=system; else qemu_path=session; fi
if command -v qemu-system-x86_64 > /dev/null; then
    cat <<MSG
   QEMU guests (type='qemu'), on the same socket:
     virsh -c 'qemu+unix:///$qemu_path?socket=$sock' list --all
MSG
else
    echo "   (qemu-system-x86_64 is not installed: QEMU guests cannot start)"
fi
exec "$build/daemon/vireod" -f "$conf"
