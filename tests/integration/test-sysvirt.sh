#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-sysvirt.sh: Perl's Sys::Virt (Debian's libsys-virt-perl) against
# vireod and against a private libvirtd, both on test:///default.
# sysvirt_session.pl runs the same session on each (connection facts,
# domain lists and lookups, define and lifecycle, memory and vCPUs,
# snapshots, networks, storage pools, errors, lifecycle events through
# Sys::Virt::Event while another process acts, a read-only connection),
# and vireod's transcript must be libvirtd's, section by section.
#
# The read-only connection: a Perl user opens one with readonly=>1, and
# vireod must refuse its writes as libvirtd does. An unprivileged
# libvirtd (libvirtd.sh says why ours is one) makes no read-only socket,
# so it gets that flag on its read-write socket, and vireod on its
# read-only one. vireod's read-only socket must also refuse the writes of
# a connection opened there without the flag, in the same words: vireod's
# session ends with that part again so, and it must be libvirtd's
# read-only section too.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"

perl -MSys::Virt -e 1 2> /dev/null ||
    fail_all "Sys::Virt (libsys-virt-perl) is installed"

# The sections of a transcript (its "== NAME" lines), in order.
SECTIONS=(connection lists lookups lifecycle tuning "lifecycle, continued"
          snapshots networks pools errors events end read-only)

plan $((7 + ${#SECTIONS[@]}))

# session NAME ARGS...: sysvirt_session.pl ARGS, its transcript in
# $DIR/NAME.out, its stderr in $DIR/NAME.err; prints its exit status.
session() {
    local name=$1
    shift
    timeout 240 perl "$HERE/sysvirt_session.pl" "$@" \
        > "$DIR/$name.out" 2> "$DIR/$name.err"
    echo $?
}

: > "$ERR"
daemon_start || fail_all "vireod starts"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
is "$(session libvirtd "$LIBVIRTD_URI" "$LIBVIRTD_URI")" 0 \
    "libvirtd: the Perl session runs to its end"
is "$(session vireod "$URI" "$URI_RO" "$URI_RO")" 0 \
    "vireod: the Perl session runs to its end"
theirs=$(cat "$DIR/libvirtd.out")
ours=$(cat "$DIR/vireod.out")

# The events part proves something only if libvirtd delivered them.
like "$theirs" "lifecycle event: perl event=3 detail=0" \
    "libvirtd: the LIFECYCLE callback saw the other process suspend perl"
like "$theirs" "operation forbidden: read only access prevents virDomainSuspend" \
    "libvirtd: the read-only connection refuses a suspend"

is "$(grep '^== ' <<< "$ours")" "$(printf '== %s\n' "${SECTIONS[@]}" "read-only socket")" \
    "vireod: the transcript has every section, in order"

# same GOT WANT DESCRIPTION: as is, but a difference is shown as a diff
# (the transcripts are long).
same() {
    [ "$1" = "$2" ]
    ok $? "$3"
    [ "$1" = "$2" ] ||
        diff -u --label libvirtd --label vireod <(echo "$2") <(echo "$1") | diag
}

# section TRANSCRIPT NAME: the lines under the heading "== NAME".
section() {
    awk -v want="== $2" '/^== / { on = ($0 == want); next } on' <<< "$1"
}

for s in "${SECTIONS[@]}"; do
    same "$(section "$ours" "$s")" "$(section "$theirs" "$s")" \
        "vireod: the $s section of the Perl session is libvirtd's"
done
same "$(section "$ours" "read-only socket")" "$(section "$theirs" read-only)" \
    "vireod: its read-only socket refuses writes without the flag, in libvirt's words"
daemon_stop
is "$DRC" 0 "vireod exits cleanly after the Perl sessions"
libvirtd_stop
for f in libvirtd vireod; do
    [ -s "$DIR/$f.err" ] && diag < "$DIR/$f.err"
done
done_testing
