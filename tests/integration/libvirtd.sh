# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# libvirtd.sh: a private real libvirtd (Debian's libvirt-daemon 9.0) for the
# integration tests, on a temporary directory of its own, killed on exit
# whatever happens. Sourced, after lib.sh or alone.
#
#   libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
#   virsh -c "$LIBVIRTD_URI" list     # test+unix:///default?socket=$LIBVIRTD_SOCK
#   libvirtd_stop                     # SIGTERM; $LIBVIRTD_RC is its exit status
#
# With LIBVIRTD_TCP_PORT set when it starts, it also listens on plain TCP
# at 127.0.0.1:$LIBVIRTD_TCP_PORT with no authentication (auth_tcp =
# "none", which is what vireod's listen_tcp offers), reached by
# $LIBVIRTD_TCP_URI (test+tcp://127.0.0.1:PORT/default).
#
# With LIBVIRTD_ADMIN=1 set when it starts, it also serves libvirt's admin
# program on $LIBVIRTD_ADMIN_SOCK, and libvirtd_admin ARGS runs the real
# virt-admin against it ($OUT, $ERR, $RC as lib.sh's vsh). An unprivileged
# libvirtd makes that socket only in its default place (under
# $XDG_RUNTIME_DIR/libvirt, never in unix_sock_dir), and lets only its own
# user in: so then its sockets are there, and virt-admin runs as that user.
#
# $LIBVIRTD_QEMU_URI (qemu+unix:///session?socket=$LIBVIRTD_SOCK) reaches
# its QEMU driver, which runs guests as the daemon's user; with
# LIBVIRTD_QEMU_CONF set when it starts, that driver reads those lines as
# its qemu.conf (stdio_handler = "file" keeps it from starting virtlogd,
# which would outlive it).
#
# Why it never runs as root: a root libvirtd is "privileged", and whatever
# its config says, its drivers keep their state under /run/libvirt,
# /var/lib/libvirt, /var/cache/libvirt and /etc/libvirt, and each one locks
# /run/libvirt/<driver>/driver.pid. It would share the system libvirtd's
# state, and it fails to start ("Failed to acquire pid file
# '/run/libvirt/network/driver.pid'") while any other root libvirtd runs
# (the system one, bench/run.sh, another test). unix_sock_dir only moves
# the sockets, and root ignores the XDG variables. So as root we drop to
# the user nobody with setpriv: an unprivileged libvirtd runs in session
# mode, and keeps everything under $HOME and the XDG directories, which all
# point into $LIBVIRTD_DIR. Session mode also needs no libvirt-qemu user:
# its QEMU driver runs guests as the daemon's own user.

LIBVIRTD_DIR=
LIBVIRTD_PID=
LIBVIRTD_RC=
# shellcheck disable=SC2034 # read by the tests that source this file
LIBVIRTD_START_ERROR=
LIBVIRTD_USER=nobody
LIBVIRTD_TCP_PORT=${LIBVIRTD_TCP_PORT:-}
LIBVIRTD_ADMIN=${LIBVIRTD_ADMIN:-}
# Settings of its QEMU driver (qemu.conf lines), if any.
LIBVIRTD_QEMU_CONF=${LIBVIRTD_QEMU_CONF:-}
# A directory that keeps its QEMU driver's capabilities across runs, if
# any: what libvirtd learnt by probing QEMU (seconds of QEMU's and its own
# CPU on first use of the driver, as on a freshly installed host) is
# copied in at start and back at a clean stop, as a host's libvirtd keeps
# it in /var/cache. libvirtd probes again when the files no longer match
# QEMU, itself or the kernel.
LIBVIRTD_CAPS_CACHE=${LIBVIRTD_CAPS_CACHE:-}
# More VAR=VALUE words for its environment (say LVM_SYSTEM_DIR, which
# the tools its storage backends run then read), if any.
LIBVIRTD_ENV=${LIBVIRTD_ENV:-}
# libvirtd's socket appears in about 0.1 s here; allow far more on a busy
# machine, but never wait forever.
LIBVIRTD_START_TIMEOUT_DS=300

# Chain onto the EXIT trap already set (lib.sh's cleanup), so that both
# run: the caller's trap, as `trap -p` prints it, is re-evaluated after ours.
# Never fails: under `set -e` (bench/run.sh) a failing command here would
# end the trap before the caller's own cleanup runs (a killed libvirtd's
# wait returns 137).
libvirtd_cleanup() {
    if [ -n "$LIBVIRTD_PID" ]; then
        kill -KILL "$LIBVIRTD_PID" 2> /dev/null || true
        wait "$LIBVIRTD_PID" 2> /dev/null || true
    fi
    if [ -n "$LIBVIRTD_DIR" ]; then
        libvirtd_kill_leftovers
        rm -rf "$LIBVIRTD_DIR"
    fi
}

# What libvirtd started outlives it, as libvirt means its guests to: a
# QEMU of a test that failed half-way would go on using the machine's
# CPU. Everything it started names its directory on its command line.
libvirtd_kill_leftovers() {
    local pid
    for pid in $(pgrep -f -- "$LIBVIRTD_DIR/" 2> /dev/null); do
        kill -KILL "$pid" 2> /dev/null || true
    done
    return 0
}
libvirtd_prev_trap=$(trap -p EXIT)
libvirtd_prev_trap=${libvirtd_prev_trap#trap -- }
libvirtd_prev_trap=${libvirtd_prev_trap% EXIT}
eval "libvirtd_prev_trap=${libvirtd_prev_trap:-''}"
trap 'libvirtd_cleanup; eval "$libvirtd_prev_trap"' EXIT

# The configuration of ../shared/PEERS-HERE.md: no authentication, sockets
# anyone may use, no network listener (unless LIBVIRTD_TCP_PORT asks for
# one on loopback), its own log.
libvirtd_write_config() {
    [ -n "$LIBVIRTD_ADMIN" ] ||
        echo "unix_sock_dir = \"$LIBVIRTD_DIR/run\"" > "$LIBVIRTD_DIR/libvirtd.conf"
    cat >> "$LIBVIRTD_DIR/libvirtd.conf" <<END
unix_sock_rw_perms = "0777"
unix_sock_ro_perms = "0777"
auth_unix_rw = "none"
auth_unix_ro = "none"
listen_tls = 0
log_outputs = "3:file:$LIBVIRTD_DIR/libvirtd.log"
END
    if [ -n "$LIBVIRTD_TCP_PORT" ]; then
        cat >> "$LIBVIRTD_DIR/libvirtd.conf" <<END
listen_tcp = 1
listen_addr = "127.0.0.1"
tcp_port = "$LIBVIRTD_TCP_PORT"
auth_tcp = "none"
END
    else
        echo "listen_tcp = 0" >> "$LIBVIRTD_DIR/libvirtd.conf"
    fi
    # A session libvirtd reads its QEMU driver's qemu.conf from
    # $XDG_CONFIG_HOME/libvirt/.
    if [ -n "$LIBVIRTD_QEMU_CONF" ]; then
        mkdir -p "$LIBVIRTD_DIR/home/config/libvirt"
        echo "$LIBVIRTD_QEMU_CONF" > "$LIBVIRTD_DIR/home/config/libvirt/qemu.conf"
    fi
}

# Where a session libvirtd's QEMU driver caches what it probed.
libvirtd_caps_dir() {
    echo "$LIBVIRTD_DIR/home/cache/libvirt/qemu/cache/capabilities"
}

libvirtd_seed_caps_cache() {
    [ -n "$LIBVIRTD_CAPS_CACHE" ] && [ -d "$LIBVIRTD_CAPS_CACHE" ] || return 0
    mkdir -p "$(libvirtd_caps_dir)"
    cp -p "$LIBVIRTD_CAPS_CACHE"/*.xml "$(libvirtd_caps_dir)" 2> /dev/null
    return 0
}

libvirtd_keep_caps_cache() {
    [ -n "$LIBVIRTD_CAPS_CACHE" ] || return 0
    mkdir -p "$LIBVIRTD_CAPS_CACHE"
    cp "$(libvirtd_caps_dir)"/*.xml "$LIBVIRTD_CAPS_CACHE" 2> /dev/null
    return 0
}

# libvirtd_command: the command line, in the array LIBVIRTD_CMD, of a
# libvirtd whose environment points all its state into $LIBVIRTD_DIR, as
# nobody when we are root. env and setpriv exec, so the pid of the
# background job is libvirtd's own. LC_ALL=C: the daemon's error messages
# travel to the clients in the daemon's language.
libvirtd_command() {
    local home=$LIBVIRTD_DIR/home
    LIBVIRTD_CMD=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C
                  HOME="$home" XDG_RUNTIME_DIR="$home/run"
                  XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"
                  XDG_DATA_HOME="$home/data")
    # shellcheck disable=SC2206 # VAR=VALUE words, split on purpose
    [ -n "$LIBVIRTD_ENV" ] && LIBVIRTD_CMD+=($LIBVIRTD_ENV)
    [ "$(id -u)" -eq 0 ] &&
        LIBVIRTD_CMD+=(setpriv --reuid="$LIBVIRTD_USER"
                       --regid="$(id -g "$LIBVIRTD_USER")" --clear-groups)
    LIBVIRTD_CMD+=("$LIBVIRTD" -f "$LIBVIRTD_DIR/libvirtd.conf"
                   -p "$LIBVIRTD_DIR/libvirtd.pid")
    # libvirtd 9.0 opens no network listener without --listen, whatever
    # listen_tcp says.
    [ -n "$LIBVIRTD_TCP_PORT" ] && LIBVIRTD_CMD+=(--listen)
}

# libvirtd_listening: the read-write socket exists, and so does the TCP
# listener if one was asked for (a connection to it succeeds).
libvirtd_listening() {
    [ -S "$LIBVIRTD_SOCK" ] || return 1
    [ -z "$LIBVIRTD_ADMIN" ] || [ -S "$LIBVIRTD_ADMIN_SOCK" ] || return 1
    [ -z "$LIBVIRTD_TCP_PORT" ] ||
        (exec 3<> "/dev/tcp/127.0.0.1/$LIBVIRTD_TCP_PORT") 2> /dev/null
}

# libvirtd_wait_socket: until libvirtd listens (bounded), or has exited.
libvirtd_wait_socket() {
    for _ in $(seq "$LIBVIRTD_START_TIMEOUT_DS"); do
        libvirtd_listening && return 0
        kill -0 "$LIBVIRTD_PID" 2> /dev/null || return 1
        sleep 0.1
    done
    return 1
}

# libvirtd_start: start the private libvirtd and wait for its socket.
# On failure it returns 1 with the reason it could not start in
# $LIBVIRTD_START_ERROR, and nothing left running.
libvirtd_start() {
    LIBVIRTD=${LIBVIRTD:-$(command -v libvirtd || echo /usr/sbin/libvirtd)}
    if [ ! -x "$LIBVIRTD" ]; then
        LIBVIRTD_START_ERROR="libvirtd (libvirt-daemon) is not installed"
        return 1
    fi
    if [ "$(id -u)" -eq 0 ] && ! command -v setpriv > /dev/null; then
        LIBVIRTD_START_ERROR="setpriv (util-linux) is needed to run libvirtd unprivileged"
        return 1
    fi
    LIBVIRTD_DIR=$(mktemp -d)
    mkdir -p "$LIBVIRTD_DIR/run" "$LIBVIRTD_DIR/home"
    libvirtd_write_config
    libvirtd_seed_caps_cache
    # libvirtd runs as nobody: it must own its directories, and clients
    # must be able to reach its sockets.
    chmod 0755 "$LIBVIRTD_DIR"
    [ "$(id -u)" -eq 0 ] && chown -R "$LIBVIRTD_USER" "$LIBVIRTD_DIR"
    LIBVIRTD_SOCK=$LIBVIRTD_DIR/run/libvirt-sock
    if [ -n "$LIBVIRTD_ADMIN" ]; then
        LIBVIRTD_SOCK=$LIBVIRTD_DIR/home/run/libvirt/libvirt-sock
        LIBVIRTD_ADMIN_SOCK=$LIBVIRTD_DIR/home/run/libvirt/libvirt-admin-sock
        export LIBVIRTD_ADMIN_SOCK
    fi
    LIBVIRTD_URI="test+unix:///default?socket=$LIBVIRTD_SOCK"
    LIBVIRTD_QEMU_URI="qemu+unix:///session?socket=$LIBVIRTD_SOCK"
    LIBVIRTD_TCP_URI=${LIBVIRTD_TCP_PORT:+test+tcp://127.0.0.1:$LIBVIRTD_TCP_PORT/default}
    export LIBVIRTD_SOCK LIBVIRTD_URI LIBVIRTD_QEMU_URI LIBVIRTD_TCP_URI

    libvirtd_command
    "${LIBVIRTD_CMD[@]}" > "$LIBVIRTD_DIR/libvirtd.stderr" 2>&1 < /dev/null &
    LIBVIRTD_PID=$!
    libvirtd_wait_socket && return 0

    # shellcheck disable=SC2034 # read by the tests that source this file
    LIBVIRTD_START_ERROR="libvirtd did not start: $(libvirtd_last_error)"
    libvirtd_cleanup
    LIBVIRTD_PID=
    LIBVIRTD_DIR=
    return 1
}

# libvirtd_last_error: the last error libvirtd logged, to say why it did
# not start; else how it ended, or that it never made its socket.
libvirtd_last_error() {
    local line
    line=$(grep -h ' error : ' "$LIBVIRTD_DIR/libvirtd.log" \
               "$LIBVIRTD_DIR/libvirtd.stderr" 2> /dev/null | tail -n 1)
    [ -n "$line" ] || line=$(tail -n 1 "$LIBVIRTD_DIR/libvirtd.stderr" 2> /dev/null)
    if [ -z "$line" ] && ! kill -0 "$LIBVIRTD_PID" 2> /dev/null; then
        wait "$LIBVIRTD_PID"
        line="it exited with status $?"
    fi
    echo "${line:-no socket after $((LIBVIRTD_START_TIMEOUT_DS / 10)) s}"
}

# libvirtd_stop: SIGTERM, then up to 10 s for the exit; $LIBVIRTD_RC is
# its exit status, or "timeout" (and it is killed).
libvirtd_stop() {
    [ -n "$LIBVIRTD_PID" ] || return 0
    kill -TERM "$LIBVIRTD_PID"
    for _ in $(seq 100); do
        kill -0 "$LIBVIRTD_PID" 2> /dev/null || break
        sleep 0.1
    done
    if kill -0 "$LIBVIRTD_PID" 2> /dev/null; then
        LIBVIRTD_RC=timeout
        libvirtd_cleanup
        LIBVIRTD_PID=
        LIBVIRTD_DIR=
        return 1
    fi
    wait "$LIBVIRTD_PID"
    LIBVIRTD_RC=$?
    LIBVIRTD_PID=
    [ "$LIBVIRTD_RC" -eq 0 ] && libvirtd_keep_caps_cache
    [ "$LIBVIRTD_RC" -eq 0 ]
}

# libvirtd_admin ARGS...: the real virt-admin against the private
# libvirtd's admin socket (LIBVIRTD_ADMIN=1), as the daemon's own user.
libvirtd_admin() {
    local as=()
    [ "$(id -u)" -eq 0 ] &&
        as=(setpriv --reuid="$LIBVIRTD_USER"
            --regid="$(id -g "$LIBVIRTD_USER")" --clear-groups)
    timeout 20 env HOME=/ "${as[@]}" virt-admin \
        -c "libvirtd:///session?socket=$LIBVIRTD_ADMIN_SOCK" "$@" \
        > "$OUT" 2> "$ERR"
    RC=$?
}
