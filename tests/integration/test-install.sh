#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-install.sh: `meson install` into a DESTDIR gives an operator what
# they look for: vireod in sbin, its configuration file with every key at
# its default, the library with its header and pkg-config file, the CLI,
# the manual pages (rendered by man without a warning), bash completion
# that completes commands, options and domain names, and systemd units that
# systemd-analyze verifies and that start the installed vireod.
#
# $BUILD_ROOT names the build directory to install from.
. "$(dirname "$0")/lib.sh"
: "${BUILD_ROOT:?BUILD_ROOT must name the build directory}"

for tool in systemd-analyze man; do
    command -v "$tool" > /dev/null || fail_all "$tool (systemd, man-db) is installed"
done
plan 17
D=$DIR/dest
meson install -C "$BUILD_ROOT" --destdir "$D" --no-rebuild --quiet \
    > "$DIR/install.out" 2>&1
ok $? "meson install into a DESTDIR succeeds"

# opt NAME: a directory option of the build, absolute.
opt() {
    meson introspect "$BUILD_ROOT" --buildoptions |
        /usr/bin/python3 -c '
import json, os, sys
o = {x["name"]: x["value"] for x in json.load(sys.stdin)}
print(os.path.join(o["prefix"], o[sys.argv[1]]))' "$1"
}
PREFIX=$(opt prefix)
SBIN=$D$(opt sbindir)
BIN=$D$(opt bindir)
LIB=$D$(opt libdir)
MAN=$D$(opt mandir)
ETC=$D$(opt sysconfdir)
UNITS=$D$PREFIX/lib/systemd/system

[ -x "$SBIN/vireod" ] && [ -x "$BIN/vireo" ]
ok $? "vireod goes to sbin, vireo to bin"
[ -f "$D$(opt includedir)/vireo/vireo.h" ] && [ -f "$LIB/pkgconfig/vireo.pc" ] &&
    ls "$LIB"/libvireo.so.* > /dev/null 2>&1
ok $? "the library, its header and its pkg-config file are installed"
# vireo.h includes its parts from beside it: a client built against the
# installed directory alone finds every one.
printf '#include <vireo.h>\nint main(void) { return vireo_version() == 0; }\n' |
    cc -fsyntax-only -Werror -I"$D$(opt includedir)/vireo" -x c -
ok $? "a client compiles against the installed headers alone"
[ -f "$ETC/vireo/vireod.conf" ]
ok $? "vireod.conf goes to sysconfdir/vireo"

# Every commented key of the installed file, uncommented, is a key vireod
# honours with that value: it starts with each default spelled out, after
# the test's own directories and log (set first: a key set twice keeps its
# first value), and calls none of them unused.
write_config
{
    grep -E '^(unix_sock_dir|run_dir|state_dir|log_outputs|log_level) =' "$DIR/vireod.conf"
    sed -n 's/^#\([a-z_]* = .*\)/\1/p' "$ETC/vireo/vireod.conf"
} > "$DIR/defaults.conf"
n_keys=$(sed -n 's/^#\([a-z_]*\) = .*/\1/p' "$ETC/vireo/vireod.conf" | wc -l)
"$SBIN/vireod" -f "$DIR/defaults.conf" 2> "$DIR/defaults.err" &
DPID=$!
wait_for "$DIR/run/vireo-sock-ro"
ok $? "vireod starts with every default of vireod.conf spelled out ($n_keys keys)"
daemon_stop
is "$(grep -c 'not used by vireod' "$DIR/vireod.log")" "0" \
   "and none of its keys is one vireod ignores"

# The manual pages render, and man has nothing to say about them.
for page in man8/vireod.8 man5/vireod.conf.5 man1/vireo.1; do
    MANWIDTH=80 man --warnings -l "$MAN/$page" > "$DIR/page" 2> "$DIR/page.err"
    [ ! -s "$DIR/page.err" ] && grep -q '^NAME' "$DIR/page"
    ok $? "man renders $page without a warning"
    diag < "$DIR/page.err"
done

# The units: systemd-analyze verifies them against the installed tree
# (with systemd's own units beside them, for the targets they name); the
# service starts the installed vireod.
mkdir -p "$D/usr/lib/systemd"
cp -a /lib/systemd/system "$D/usr/lib/systemd/"
systemd-analyze verify --man=no --root="$D" "$UNITS"/vireod.service \
    "$UNITS"/vireod.socket "$UNITS"/vireod-ro.socket \
    "$UNITS"/vireod-tcp.socket "$UNITS"/vireod-tls.socket \
    "$UNITS"/vireod-admin.socket > "$DIR/verify" 2>&1
is "$?:$(cat "$DIR/verify")" "0:" "systemd-analyze verifies the six units"
like "$(cat "$UNITS/vireod.service")" "ExecStart=$PREFIX/sbin/vireod \$VIREOD_ARGS" \
     "the service runs the installed vireod"
like "$(cat "$UNITS/vireod-ro.socket")" "ListenStream=/run/vireo/vireo-sock-ro" \
     "the sockets are where vireod puts its own"
like "$(cat "$UNITS/vireod-admin.socket")" "ListenStream=/run/vireo/vireo-admin-sock
SocketMode=0600" "the admin socket is root's only"

# Completion, as bash-completion runs it: COMP_WORDS and COMP_CWORD set,
# the function called, COMPREPLY read.
# shellcheck disable=SC2030,SC2031
complete_line() {
    PATH=$BIN:$PATH LD_LIBRARY_PATH=$LIB bash -c '
        . "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        _vireo
        echo "${COMPREPLY[*]}"' _ "$D$(opt datadir)/bash-completion/completions/vireo" "$@"
}
like "$(complete_line vireo domst)" "domstate domstats" \
     "bash completion completes command names"
like "$(complete_line vireo list --in)" "--inactive" \
     "... a command's options"
is "$(complete_line vireo -c test:///default dominfo '')" "test" \
   "... and domain names from the connection the line names"
done_testing
