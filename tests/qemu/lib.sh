# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# shellcheck disable=SC2034 # its variables are read by the tests that source it
# lib.sh: the QEMU tests' harness, on top of the integration tests' own
# (tests/integration/lib.sh: TAP, a vireod on the temporary directory
# $DIR, vsh, is, like, wait_for_line ...). Real QEMU, under TCG, booting
# the test guest (tests/qemu/guest/: Debian's cloud kernel and a busybox
# initramfs that prints $GUEST_READY on its serial console and powers off
# on the ACPI power button).
#
#   qemu_daemon_start               # vireod with its qemu driver: $QURI
#   guest_xml g1 > "$DIR/g1.xml"    # the test guest, its serial in a file
#   qvsh create "$DIR/g1.xml"       # virsh on the qemu driver: $OUT, $ERR, $RC
#   wait_for_line "$(guest_serial g1)" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT"
#   qemu_count                      # how many QEMU of this test run now
#
# The qemu driver's settings go in "$DIR/qemu.conf", written before
# qemu_daemon_start. Every QEMU a test starts has $DIR in its command line
# (the guest's kernel is reached through $DIR/guest/), which is how
# qemu_pids tells this test's QEMU from any other's (QEMU_MARKS). On exit,
# whatever happens, a QEMU of this test still running is killed and fails
# the test ("Bail out!", exit status 1): a test destroys what it started.
#
# $VIREOD and $VIREO name the daemon and the CLI; $GUEST_KERNEL and
# $GUEST_INITRAMFS the guest (meson passes them all).

# shellcheck source-path=SCRIPTDIR source=../integration/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../integration/lib.sh"
: "${GUEST_KERNEL:?GUEST_KERNEL must name the guest kernel}"
: "${GUEST_INITRAMFS:?GUEST_INITRAMFS must name the guest initramfs}"

QEMU=$(command -v qemu-system-x86_64) ||
    fail_all "qemu-system-x86_64 (qemu-system-x86) is installed"
[ -f "$GUEST_KERNEL" ] ||
    fail_all "the guest kernel $GUEST_KERNEL was fetched (make test-deps)"
[ -f "$GUEST_INITRAMFS" ] ||
    fail_all "the guest initramfs $GUEST_INITRAMFS was built"

# What the guest prints once it runs and its power button works.
GUEST_READY="vireo-guest: ready"
# What it prints when it acts on the power button, just before it powers
# off.
GUEST_POWERING_OFF="vireo-guest: power button, powering off"
GUEST_CMDLINE="console=ttyS0 quiet"
GUEST_MEMORY_MIB=128
# The guest boots in about 4 s under TCG on an idle machine; a loaded one
# can take several times that. A timeout only bounds a failure, so it is
# generous.
GUEST_BOOT_TIMEOUT=90
GUEST_POWEROFF_TIMEOUT=60
# A call that starts or stops QEMU may wait for it on a loaded machine.
VSH_TIMEOUT=90

# The guest as every QEMU of this test sees it: through $DIR.
mkdir -p "$DIR/guest"
ln -s "$GUEST_KERNEL" "$DIR/guest/vmlinuz"
ln -s "$GUEST_INITRAMFS" "$DIR/guest/initramfs"

# guest_share: let a daemon running as another user (a session libvirtd)
# boot the guest: $DIR open to it, and the kernel and initramfs copied
# into $DIR/guest, since the tree they come from may be closed to it.
guest_share() {
    chmod 0755 "$DIR"
    rm "$DIR/guest/vmlinuz" "$DIR/guest/initramfs"
    cp "$GUEST_KERNEL" "$DIR/guest/vmlinuz"
    cp "$GUEST_INITRAMFS" "$DIR/guest/initramfs"
    chmod 0644 "$DIR/guest/vmlinuz" "$DIR/guest/initramfs"
}

# qemu_daemon_start: vireod on $DIR (integration/lib.sh's daemon_start).
# $QURI and $QURI_RO reach its qemu driver: qemu:///system when we are
# root, qemu:///session otherwise, as for libvirtd.
qemu_daemon_start() {
    local mode=session
    [ "$(id -u)" -eq 0 ] && mode=system
    QURI="qemu+unix:///$mode?socket=$DIR/run/vireo-sock"
    QURI_RO="qemu+unix:///$mode?socket=$DIR/run/vireo-sock-ro"
    daemon_start
}

# qvsh ARGS...: the real virsh on vireod's qemu driver.
qvsh() {
    timeout "$VSH_TIMEOUT" virsh -c "$QURI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

# qvireo ARGS...: the vireo CLI on vireod's qemu driver.
qvireo() {
    : "${VIREO:?VIREO must name the vireo executable}"
    timeout "$VSH_TIMEOUT" "$VIREO" -c "$QURI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

# guest_serial NAME: the file guest_xml NAME sends the serial console to.
guest_serial() {
    echo "$DIR/$1.serial"
}

# guest_xml NAME [--pty] [--disk PATH [FORMAT [BUS]]] [--memory MIB]
# [--cmdline WORDS]: the test guest's domain XML, as virt-install writes
# it for a direct kernel boot: type qemu (TCG), q35, ACPI. Its serial
# console goes to guest_serial NAME, or with --pty to a pty that is also
# its <console>. --disk adds a disk (raw on virtio unless told) the guest
# never reads. --cmdline adds WORDS to the kernel's command line.
guest_xml() {
    local name=$1 pty=0 disk='' format=raw bus=virtio memory=$GUEST_MEMORY_MIB
    local cmdline=$GUEST_CMDLINE
    shift
    while [ $# -gt 0 ]; do
        case $1 in
        --pty) pty=1 ;;
        --disk)
            disk=$2
            shift
            case ${2:-} in --*|'') ;; *) format=$2; shift ;; esac
            case ${2:-} in --*|'') ;; *) bus=$2; shift ;; esac
            ;;
        --memory) memory=$2; shift ;;
        --cmdline) cmdline="$cmdline $2"; shift ;;
        *) echo "guest_xml: unknown option $1" >&2; return 1 ;;
        esac
        shift
    done
    cat <<END
<domain type='qemu'>
  <name>$name</name>
  <memory unit='MiB'>$memory</memory>
  <currentMemory unit='MiB'>$memory</currentMemory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
    <kernel>$DIR/guest/vmlinuz</kernel>
    <initrd>$DIR/guest/initramfs</initrd>
    <cmdline>$cmdline</cmdline>
  </os>
  <features>
    <acpi/>
    <apic/>
  </features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
END
    if [ -n "$disk" ]; then
        local dev=vda
        [ "$bus" = virtio ] || dev=sda
        cat <<END
    <disk type='file' device='disk'>
      <driver name='qemu' type='$format'/>
      <source file='$disk'/>
      <target dev='$dev' bus='$bus'/>
    </disk>
END
    fi
    if [ "$pty" -eq 1 ]; then
        serial_xml "$name" pty
    else
        serial_xml "$name" file
    fi
    cat <<END
  </devices>
</domain>
END
}

# serial_xml NAME pty|file [PORT]: a serial port as guest_xml writes it:
# a pty with the console on it, or the file guest_serial NAME.
serial_xml() {
    local port=${3:-0}
    if [ "$2" = pty ]; then
        cat <<END
    <serial type='pty'>
      <target port='$port'/>
    </serial>
    <console type='pty'>
      <target type='serial' port='$port'/>
    </console>
END
    else
        cat <<END
    <serial type='file'>
      <source path='$(guest_serial "$1")'/>
      <target port='$port'/>
    </serial>
END
    fi
}

# What marks a QEMU as this test's: any of these in its command line. A
# test whose QEMU cannot name $DIR (bare QEMU of a benchmark) adds its
# own mark, such as the guest's name.
QEMU_MARKS=("$DIR/")

# qemu_pids [all]: the pids of this test's running guests' QEMU, one a
# line: a qemu-system-* program with a mark in its command line, or whose
# HOME is under $DIR (vireod gives each QEMU its guest's directory as
# HOME, so a guest that names no file of the test is still found). The
# QEMU driver's own questions to the emulator at each start (--version,
# -machine help, a QMP session with a machine of none), and libvirtd's,
# are short-lived processes, not guests: counted only with "all". Bash
# builtins only, so that it is cheap to call in a loop.
qemu_pids() {
    local f pid args env mark with_probes=${1:-}
    for f in /proc/[0-9]*/cmdline; do
        mapfile -d '' -t args 2> /dev/null < "$f" || continue
        [ "${#args[@]}" -gt 0 ] || continue
        case ${args[0]##*/} in qemu-system-*) ;; *) continue ;; esac
        [ "$with_probes" = all ] || ! is_probe "${args[@]}" || continue
        pid=${f#/proc/}
        pid=${pid%/cmdline}
        mapfile -d '' -t env 2> /dev/null < "/proc/$pid/environ" || env=()
        for mark in "${QEMU_MARKS[@]}" "HOME=$DIR/"; do
            case "${args[*]} ${env[*]}" in
            *"$mark"*)
                echo "$pid"
                break
                ;;
            esac
        done
    done
}

# is_probe ARG...: the command line asks the emulator about itself
# (vireod's probes or libvirtd's), it runs no guest.
is_probe() {
    [ "$#" -le 3 ] && return 0     # emulator --version, -machine help
    # a QMP session with no machine, vireod's and libvirtd's alike
    case " $* " in *" -machine none"*) return 0 ;; esac
    return 1
}

# qemu_pid_of NAME: the pid of the QEMU running NAME, from its status.
qemu_pid_of() {
    sed -n "s/^<domstatus .* pid='\([0-9]*\)'.*/\1/p" \
        "$DIR/run/qemu/$1.xml" 2> /dev/null
}

# qemu_count: how many QEMU processes of this test run now.
qemu_count() {
    local pids
    pids=$(qemu_pids)
    if [ -z "$pids" ]; then
        echo 0
    else
        echo "$pids" | wc -l
    fi
}

# process_gone PID: the process has ended (it may be an unreaped child).
process_gone() {
    local stat
    read -r stat 2> /dev/null < "/proc/$1/stat" || return 0
    stat=${stat##*) }
    [ "${stat%% *}" = Z ]
}

# wait_gone TIMEOUT_S PID...: until every PID has ended, for at most
# TIMEOUT_S seconds.
wait_gone() {
    local pid timeout_s=$1
    shift
    for _ in $(seq "$((timeout_s * 10))"); do
        for pid in "$@"; do
            process_gone "$pid" || continue 2
        done
        return 0
    done
    return 1
}

# wait_qemu_count N TIMEOUT_S: until this test runs N QEMU processes, for
# at most TIMEOUT_S seconds.
wait_qemu_count() {
    for _ in $(seq "$(($2 * 10))"); do
        [ "$(qemu_count)" -eq "$1" ] && return 0
        sleep 0.1
    done
    return 1
}

# qemu_kill_leftovers: kill whatever QEMU of this test still runs, and
# fail (with TAP's "Bail out!") if there was any.
qemu_kill_leftovers() {
    local pids
    pids=$(qemu_pids all)
    [ -z "$pids" ] && return 0
    # shellcheck disable=SC2086 # one word per pid
    kill -KILL $pids 2> /dev/null
    # shellcheck disable=SC2086
    wait_gone 10 $pids
    echo "Bail out! QEMU of this test left running, killed: ${pids//$'\n'/ }"
    return 1
}

# Helper processes a test runs in the background (a reader of a FIFO,
# ...), killed on exit.
BACKGROUND_PIDS=()

# On exit: the daemon first, so that it starts nothing more; then this
# test's QEMU and helpers; then integration/lib.sh's cleanup, which
# removes $DIR.
qemu_on_exit() {
    local status=0
    if [ "${#BACKGROUND_PIDS[@]}" -gt 0 ]; then
        kill -KILL "${BACKGROUND_PIDS[@]}" 2> /dev/null
        wait "${BACKGROUND_PIDS[@]}" 2> /dev/null
    fi
    if [ -n "$DPID" ]; then
        kill -KILL "$DPID" 2> /dev/null
        wait "$DPID" 2> /dev/null
        DPID=
    fi
    qemu_kill_leftovers || status=1
    cleanup
    [ "$status" -eq 0 ] || exit 1
}
trap qemu_on_exit EXIT
