#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-node-files.sh: test:///PATH through vireod. The daemon reads a node
# file (and the domain files it names) only as the connecting user could:
# never for the read-only socket or a TCP client (no peer credentials),
# never through a symlink, only a regular file of at most 4 MiB, never
# waiting on it, and only where that user may search every directory and
# read the file (mode and ACL). No error, and nothing in the daemon's log,
# shows what a refused file holds. The clients are the real virsh and
# python3-libvirt, as root and as nobody; the vireo CLI shows that an
# in-process open never waits either.
. "$(dirname "$0")/lib.sh"
: "${VIREO:?VIREO must name the vireo executable}"
DATA=$(cd "$(dirname "$0")/../drivers/data" && pwd)
NOBODY=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
# A refusal comes at once; a wait on a file would take VSH_TIMEOUT.
PROMPT_MS=5000
MARKER=vireo-secret-3b9e71
ACL_MARKER=vireo-acl-secret-c40a2d

[ "$(id -u)" -eq 0 ] ||
    fail_all "runs as root (it drops to nobody for the other user)"
command -v setpriv > /dev/null || fail_all "setpriv (util-linux) is installed"
/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed for /usr/bin/python3"
plan 37

# ---- The files -----------------------------------------------------------

# nobody must reach the sockets and the node files.
chmod 0755 "$DIR"
mkdir -p "$DIR/nodes" "$DIR/closed"
chmod 0700 "$DIR/closed"
cp "$DATA/node-several.xml" "$DATA/node-domain.xml" "$DIR/nodes/"
cp "$DATA/node-several.xml" "$DATA/node-domain.xml" "$DIR/closed/"
chmod 0644 "$DIR"/nodes/*.xml "$DIR"/closed/*.xml
# Only for members of group 4242, which nobody joins as a supplementary
# group (SO_PEERGROUPS).
mkdir -p "$DIR/group"
cp "$DATA/node-several.xml" "$DATA/node-domain.xml" "$DIR/group/"
chgrp 4242 "$DIR"/group/*.xml
chmod 0640 "$DIR"/group/*.xml
GOOD=$DIR/nodes/node-several.xml
GOOD_NAMES=$(printf 'fromfile\ninline1\ninline2')

# node_naming NAME FILE: a node file NAME whose one domain is in FILE.
node_naming() {
    printf "<node>\n  <domain file='%s'/>\n</node>\n" "$2" > "$DIR/nodes/$1"
    chmod 0644 "$DIR/nodes/$1"
}

mkfifo -m 0666 "$DIR/nodes/fifo"
node_naming fifo-domain.xml fifo
ln -s node-several.xml "$DIR/nodes/link.xml"
ln -s nodes "$DIR/linked"
printf 'root:%s:19000:0:99999:7:::\n' "$MARKER" > "$DIR/secret"
chmod 0600 "$DIR/secret"
node_naming secret-domain.xml "$DIR/secret"
node_naming shadow-domain.xml /etc/shadow
# Others may read it by its mode; an ACL entry denies nobody.
printf 'root:%s:19000:0:99999:7:::\n' "$ACL_MARKER" > "$DIR/nodes/acl-secret"
chmod 0644 "$DIR/nodes/acl-secret"
/usr/bin/python3 - "$DIR/nodes/acl-secret" "$(id -u nobody)" <<'END'
import os, struct, sys
NO_ID = 0xffffffff
# user::rw- user:nobody:--- group::r-- mask::r-- other::r--
entries = [(0x01, 6, NO_ID), (0x02, 0, int(sys.argv[2])), (0x04, 4, NO_ID),
           (0x10, 4, NO_ID), (0x20, 4, NO_ID)]
os.setxattr(sys.argv[1], "system.posix_acl_access",
            struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e)
                                            for e in entries))
END
ACL_SET=$?
node_naming acl-domain.xml "$DIR/nodes/acl-secret"
# One byte over the 4 MiB bound, and well-formed.
{
    printf '<node><!--'
    head -c $((4 * 1024 * 1024 - 20)) /dev/zero | tr '\0' ' '
    printf -- '--></node>\n'
} > "$DIR/nodes/big.xml"
chmod 0644 "$DIR/nodes/big.xml"

# ---- The clients ---------------------------------------------------------

# uri PATH [ro]: test:///PATH on our daemon's read-write (or read-only)
# socket.
uri() {
    echo "test+unix://$1?socket=$DIR/run/vireo-sock${2:+-ro}"
}

# run_as USER URI VIRSH_ARGS...: virsh as root or nobody, read-only on the
# read-only socket; $OUT, $ERR, $RC, and $MS the time it took.
run_as() {
    local user=$1 uri=$2 t0
    local -a cmd=(timeout "$VSH_TIMEOUT")
    shift 2
    [ "$user" = nobody ] && cmd+=("${NOBODY[@]}")
    cmd+=(virsh)
    case "$uri" in *-ro) cmd+=(-r) ;; esac
    t0=$(date +%s%N)
    "${cmd[@]}" -c "$uri" "$@" > "$OUT" 2> "$ERR"
    RC=$?
    MS=$((($(date +%s%N) - t0) / 1000000))
}

# run_vireo ARGS...: the vireo CLI, in-process; as run_as.
run_vireo() {
    local t0
    t0=$(date +%s%N)
    timeout "$VSH_TIMEOUT" "$VIREO" "$@" > "$OUT" 2> "$ERR"
    RC=$?
    MS=$((($(date +%s%N) - t0) / 1000000))
}

# was_refused REASON: the last client failed, at once, with REASON in its
# error, and none of its output shows a marker; else a line saying how.
was_refused() {
    local err
    err=$(cat "$ERR")
    if [ "$RC" -eq 0 ] || [ "$RC" -eq 124 ] || [ "$MS" -ge "$PROMPT_MS" ]; then
        echo "rc $RC after $MS ms"
    elif case "$err" in *"$1"*) false ;; *) true ;; esac; then
        echo "the error does not say '$1'"
    elif grep -qe "$MARKER" -e "$ACL_MARKER" "$OUT" "$ERR"; then
        echo "the output shows a file's content"
    else
        return 0
    fi
    return 1
}

# refused REASON DESCRIPTION [quiet]: was_refused, as a check. quiet: on
# failure, keep the client's error out of the test's log (it may quote a
# real system file).
refused() {
    local why
    why=$(was_refused "$1")
    ok $? "$2"
    [ -z "$why" ] && return
    echo "$why" | diag
    [ "${3:-}" = quiet ] || diag < "$ERR"
}

# names: the domain names the last client listed, sorted.
names() {
    grep -v '^$' "$OUT" | sort
}

# A port nobody uses right now, from the kernel.
TCP_PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket();
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SOCK_RW_PERMS=0777 LISTEN_TCP=1 daemon_start
wait_for_line "$DIR/vireod.log" "listening on 127.0.0.1:$TCP_PORT" ||
    echo "vireod is not listening on TCP" | diag

# ---- Files the client may read -------------------------------------------

run_as root "$(uri "$GOOD")" list --all --name
is "$(names)" "$GOOD_NAMES" "root opens a node file and virsh lists its domains"
run_as nobody "$(uri "$GOOD")" list --all --name
is "$(names)" "$GOOD_NAMES" "so does nobody, who may read it"
timeout "$VSH_TIMEOUT" "${NOBODY[@]}" /usr/bin/python3 -c '
import sys, libvirt
conn = libvirt.open(sys.argv[1])
print("\n".join(sorted(d.name() for d in conn.listAllDomains())))
' "$(uri "$GOOD")" > "$OUT" 2> "$ERR"
is "$(cat "$OUT")" "$GOOD_NAMES" "and python3-libvirt, as nobody"
run_as nobody "$(uri "$DIR/group/node-several.xml")" list
refused "Permission denied" \
        "a file only group 4242 may read is refused to nobody"
timeout "$VSH_TIMEOUT" setpriv --reuid=nobody --regid="$(id -g nobody)" \
        --groups=4242 virsh -c "$(uri "$DIR/group/node-several.xml")" \
        list --all --name > "$OUT" 2> "$ERR"
is "$(names)" "$GOOD_NAMES" \
   "and opens for nobody once in that group, as a supplementary group"

# ---- What is never waited on ---------------------------------------------

run_as nobody "$(uri "$DIR/nodes/fifo")" list
refused "not a regular file" "a FIFO named as the node file is refused at once"
run_as nobody "$(uri "$DIR/nodes/fifo-domain.xml")" list
refused "not a regular file" "a FIFO named as a domain file is refused at once"
like "$(cat "$ERR")" "named in node file '$DIR/nodes/fifo-domain.xml'" \
     "and the error names the node file that named it"

# Clients on FIFOs (and on /dev/zero) while another is served.
WAITING=()
for _ in 1 2 3; do
    timeout "$VSH_TIMEOUT" "${NOBODY[@]}" virsh -c "$(uri "$DIR/nodes/fifo")" \
            list > /dev/null 2>&1 &
    WAITING+=($!)
    timeout "$VSH_TIMEOUT" virsh -c "$(uri /dev/zero)" list > /dev/null 2>&1 &
    WAITING+=($!)
done
run_as root "$(uri /default)" list --all --name
is "$(names)" "test" "meanwhile test:///default serves other clients"
wait "${WAITING[@]}"

run_as root "$(uri /dev/zero)" list
refused "not a regular file" \
        "a device (/dev/zero) is refused at once, even to root"
run_as root "$(uri "$DIR/nodes")" list
refused "not a regular file" "a directory named as the node file is refused"
run_as root "$(uri "$DIR/nodes/big.xml")" list
refused "larger than 4194304 bytes" "a node file over 4 MiB is refused"

# ---- Symlinks ------------------------------------------------------------

run_as root "$(uri "$DIR/nodes/link.xml")" list
refused "symbolic link" \
        "a node file that is a symlink is refused, even to root"
run_as root "$(uri "$DIR/linked/node-several.xml")" list
refused "symbolic link" "so is one reached through a symlinked directory"
run_vireo -c "test://$DIR/nodes/link.xml" list --all
like "$(cat "$OUT")" "inline1" \
     "in-process, vireo follows the symlink with its own rights"

# ---- Files the client may not read ---------------------------------------

run_as nobody "$(uri "$DIR/nodes/secret-domain.xml")" list
refused "Permission denied" \
        "nobody naming a root-only file as a domain file is refused"
like "$(cat "$ERR")" "cannot read '$DIR/secret'" \
     "and the error names that file"
run_as nobody "$(uri "$DIR/nodes/shadow-domain.xml")" list
refused "Permission denied" "so is /etc/shadow, with none of it in the error" \
        quiet
[ "$RC" -eq 1 ] && ! grep -q '^root:' "$ERR"
ok $? "not even its first line"
run_as nobody "$(uri "$DIR/closed/node-several.xml")" list
refused "Permission denied" \
        "a node file in a directory nobody cannot search is refused"
[ "$ACL_SET" -eq 0 ]
ok $? "an ACL entry denies nobody a file others may read"
run_as nobody "$(uri "$DIR/nodes/acl-domain.xml")" list
refused "Permission denied" "vireod obeys it: nobody is refused that file"
node_naming maps-domain.xml "/proc/$DPID/maps"
run_as nobody "$(uri "$DIR/nodes/maps-domain.xml")" list
refused "a kernel file" \
        "vireod's own /proc/PID/maps (0444, yet not for nobody) is refused"
like "$(cat "$ERR")" "/proc/$DPID/maps" "and the error shows its name only"
[ "$RC" -eq 1 ] && ! grep -q '[0-9a-f]-[0-9a-f]* [r-][w-][x-][ps] ' "$ERR"
ok $? "not a line of its mappings"
! grep -qe "$MARKER" -e "$ACL_MARKER" -e '^root:' \
    "$DIR/vireod.log" "$DIR/vireod.stderr"
ok $? "nor does the daemon's log show anything of those files"

# Root may read them all, as with libvirt; the domain parser's error then
# shows a line, which is root's to see.
run_as root "$(uri "$DIR/nodes/secret-domain.xml")" list
like "$(cat "$ERR")" "Start tag expected" \
     "root may read the root-only file: the domain parser got to see it"
run_as root "$(uri "$DIR/closed/node-several.xml")" list --all --name
is "$(names)" "$GOOD_NAMES" "root opens the node file in the closed directory"
run_as root "$(uri "$DIR/nodes/acl-domain.xml")" list
like "$(cat "$ERR")" "Start tag expected" \
     "and reads the file the ACL denies nobody"

# ---- Connections that may read no file -----------------------------------

ro_failures=0
for path in "$GOOD" "$DIR/nodes/fifo" /dev/zero "$DIR/nodes/missing.xml" \
            "$DIR/nodes/secret-domain.xml" /etc/shadow; do
    for user in root nobody; do
        run_as "$user" "$(uri "$path" ro)" list
        why=$(was_refused "read-only socket") && continue
        ro_failures=$((ro_failures + 1))
        echo "$user, $path: $why" | diag
    done
done
is "$ro_failures" 0 \
   "every file-backed URI is refused on the read-only socket, to anyone"
like "$(cat "$ERR")" "operation forbidden" \
     "with libvirt's 'operation forbidden'"
run_as nobody "$(uri /default ro)" list --all --name
is "$(names)" "test" "while test:///default opens there"

URI_TCP="test+tcp://127.0.0.1:$TCP_PORT"
run_as root "$URI_TCP$GOOD" list
refused "identity is unknown" \
        "a TCP client, which has no peer credentials, is refused a node file"
run_as root "$URI_TCP/default" list --all --name
is "$(names)" "test" "while test:///default opens over TCP"

# ---- In-process ----------------------------------------------------------

run_vireo -c "test://$DIR/nodes/fifo" list
refused "not a regular file" "in-process, vireo on a FIFO fails at once"
run_vireo -c "test://$DIR/nodes/fifo-domain.xml" list
refused "not a regular file" "and on a FIFO named as a domain file"

# ---- The daemon ----------------------------------------------------------

# A client on a FIFO is in flight when SIGTERM comes.
timeout "$VSH_TIMEOUT" "${NOBODY[@]}" \
        virsh -c "$(uri "$DIR/nodes/fifo-domain.xml")" list > /dev/null 2>&1 &
WAITING=($!)
daemon_stop
is "$DRC" "0" "SIGTERM stops vireod promptly with FIFO clients about"
wait "${WAITING[@]}"
done_testing
