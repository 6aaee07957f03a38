# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# driver.sh: what the qemu driver's tests share, on top of lib.sh: the
# clients they need, a private libvirtd's QEMU driver to hold vireod to,
# diskless guests, and waits on events and on the guest's ready line.
#
#   . "$HERE/driver.sh"             # lib.sh too; virsh and python3-libvirt
#   peer_start                      # libvirtd: $LIBVIRTD_QEMU_URI
#   diskless_xml d1 --pty --vnc > "$DIR/d1.xml"
#   say "$QURI" start d1            # a command into a transcript
#   watch_events "$QURI" "$DIR/events"   # virsh event --all --loop
#   wait_event "$DIR/events" "Stopped Destroyed"
#   wait_ready g1 2                 # the real guest ready twice
#
# Sourced after HERE is set to tests/qemu.

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$HERE/lib.sh"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"

CLIENT="timeout 120 /usr/bin/python3 $HERE/qemu_client.py"

# peer_start: a private libvirtd (integration/libvirtd.sh) whose QEMU
# driver writes QEMU's output to a file (no virtlogd to outlive it), its
# QEMU counted as this test's. Fails the whole test if it cannot run.
peer_start() {
    # shellcheck source-path=SCRIPTDIR source=../integration/libvirtd.sh
    . "$HERE/../integration/libvirtd.sh"
    # shellcheck disable=SC2034 # read by libvirtd_start
    LIBVIRTD_QEMU_CONF='stdio_handler = "file"'
    libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
    QEMU_MARKS+=("$LIBVIRTD_DIR/")
    chmod 0755 "$DIR"
}

# peer_file PATH: an empty file the peer's QEMU (another user) may write.
peer_file() {
    : > "$1"
    [ "$(id -u)" -eq 0 ] && chown "$LIBVIRTD_USER" "$1"
}

# diskless_xml NAME [--pty] [--vnc]: a guest with no disk (SeaBIOS finds
# nothing to boot and waits), started in a fraction of a second. Its
# serial port is the file guest_serial NAME, which puts $DIR in QEMU's
# command line, where the harness counts this test's QEMU; with --pty the
# first serial port, and the console, are a pty instead; --vnc adds VNC.
diskless_xml() {
    local name=$1 pty=0 vnc=0 port=0
    shift
    while [ $# -gt 0 ]; do
        case $1 in
        --pty) pty=1; port=1 ;;
        --vnc) vnc=1 ;;
        *) echo "diskless_xml: unknown option $1" >&2; return 1 ;;
        esac
        shift
    done
    cat <<END
<domain type='qemu'>
  <name>$name</name>
  <memory unit='MiB'>48</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
END
    [ "$pty" -eq 1 ] && serial_xml "$name" pty
    serial_xml "$name" file "$port"
    [ "$vnc" -eq 1 ] &&
        echo "    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>"
    cat <<END
  </devices>
</domain>
END
}

# volume_xml NAME POOL VOLUME [DRIVER [OPTION...]]: the test guest
# (guest_xml NAME OPTION...) with a virtio disk vda of type 'volume', with
# DRIVER as its <driver> element (none when empty).
volume_xml() {
    local name=$1 pool=$2 volume=$3 driver=${4:-}
    shift 3
    [ $# -gt 0 ] && shift
    guest_xml "$name" "$@" | sed "s|  </devices>|    <disk type='volume' device='disk'>\\
      $driver\\
      <source pool='$pool' volume='$volume'/>\\
      <target dev='vda' bus='virtio'/>\\
    </disk>\\
  </devices>|"
}

# say URI ARGS...: a virsh command, what it printed and its status, into
# a transcript (stdout).
say() {
    local uri=$1
    shift
    echo "\$ virsh $*"
    timeout "$VSH_TIMEOUT" virsh -c "$uri" "$@" 2>&1
    echo "rc=$?"
}

# wait_event FILE TEXT: until an event client writing to FILE has seen
# TEXT (bounded by the guest's power-off time).
wait_event() {
    for _ in $(seq "$((GUEST_POWEROFF_TIMEOUT * 10))"); do
        grep -qF -- "$2" "$1" && return 0
        sleep 0.1
    done
    echo "no event '$2'" | diag
    return 1
}

# ready_count NAME: how often the real guest NAME has said it is ready
# since its serial file was last emptied.
ready_count() {
    grep -cF "$GUEST_READY" "$(guest_serial "$1")" 2> /dev/null
}

# wait_ready NAME N: until the real guest NAME has been ready N times.
wait_ready() {
    for _ in $(seq "$((GUEST_BOOT_TIMEOUT * 10))"); do
        [ "$(ready_count "$1")" -ge "$2" ] && return 0
        sleep 0.1
    done
    echo "$1 was not ready $2 times" | diag
    return 1
}

# watch_events URI FILE: `virsh event --all --loop` on URI into FILE, in
# the background ($WATCHER), once it is surely registered: a domain
# "probe" is defined and undefined until the watcher has seen it.
watch_events() {
    timeout 600 virsh -c "$1" event --all --loop > "$2" 2>&1 &
    WATCHER=$!
    BACKGROUND_PIDS+=("$WATCHER")
    diskless_xml probe > "$DIR/probe.xml"
    for _ in $(seq 100); do
        timeout "$VSH_TIMEOUT" virsh -c "$1" define "$DIR/probe.xml" > /dev/null
        timeout "$VSH_TIMEOUT" virsh -c "$1" undefine probe > /dev/null
        grep -q "domain 'probe'" "$2" && return 0
        sleep 0.1
    done
    echo "the event watcher did not start" | diag
    return 1
}

# stop_watching: the watcher goes.
stop_watching() {
    kill "$WATCHER"
    wait "$WATCHER" 2> /dev/null
}

# restart_after_kill: vireod was killed with SIGKILL; its sockets stay
# behind, and would be taken for the next one's: remove them, then start
# it again.
restart_after_kill() {
    wait "$DPID" 2> /dev/null
    DPID=
    rm -f "$DIR/run/vireo-sock" "$DIR/run/vireo-sock-ro"
    qemu_daemon_start
}
