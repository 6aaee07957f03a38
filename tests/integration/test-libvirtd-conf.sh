#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-libvirtd-conf.sh: vireod starts with an operator's libvirtd.conf, as
# real as they come: Debian's own (every key commented out) and the one in
# libvirt's augeas test (every key set). Only what would clash on this
# machine is changed, by settings put before the file's text (the first
# setting of a key wins, as in libvirtd): the socket, run and state
# directories, the TCP address and port, and where the log goes when the
# warnings are read. vireod warns once about each key it does not use, and
# serves virsh.
#
# $DEBIAN_LIBVIRTD_CONF (fetched by make test-deps) and $LIBVIRTD_AUG_TEST
# (shipped by libvirt-daemon) name the files; a missing one fails the test.
. "$(dirname "$0")/lib.sh"

# The libvirtd keys vireod honours; it warns about every other.
HONOURED=" unix_sock_dir unix_sock_rw_perms unix_sock_ro_perms listen_tcp \
listen_addr tcp_port max_clients max_queued_clients max_client_requests \
keepalive_interval keepalive_count log_level log_outputs listen_tls tls_port \
key_file cert_file ca_file crl_file tls_no_verify_certificate \
tls_allowed_dn_list tls_priority log_filters max_anonymous_clients \
admin_max_clients "

plan 21

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_with NAME SETTINGS ORIGINAL: vireod on $DIR/NAME.conf, which is
# SETTINGS and then the text of the file ORIGINAL, from line $FIRST_LINE on.
# Its stderr goes to $DIR/NAME.stderr.
start_with() {
    CONF=$DIR/$1.conf
    mkdir -p "$DIR/run" "$DIR/state"
    { printf '%s\n' "$2"; cat "$3"; } > "$CONF"
    FIRST_LINE=$(($(printf '%s\n' "$2" | wc -l) + 1))
    "$VIREOD" -f "$CONF" 2> "$DIR/$1.stderr" &
    DPID=$!
    URI="test+unix:///default?socket=$DIR/run/vireo-sock"
    wait_for "$DIR/run/vireo-sock-ro"
}

OWN_DIRS="unix_sock_dir = \"$DIR/run\"
run_dir = \"$DIR/run\"
state_dir = \"$DIR/state\""

# -- Debian's libvirtd.conf, as it ships ------------------------------------
[ -r "${DEBIAN_LIBVIRTD_CONF:-}" ]
ok $? "Debian's libvirtd.conf is there ($DEBIAN_LIBVIRTD_CONF; make test-deps fetches it)"
start_with debian "$OWN_DIRS
max_queued_clients = 7" "${DEBIAN_LIBVIRTD_CONF:-/nonexistent}"
ok $? "vireod starts with Debian's libvirtd.conf"
vsh list
is "$(cat "$OUT")" "$(local_vsh list)" "... and virsh lists its domains"
# A listening socket's Send-Q is its backlog.
is "$(ss -xlnH src "$DIR/run/vireo-sock" | awk '{ print $4 }')" 7 \
   "... and the kernel queues max_queued_clients connections on its socket"
is "$(cat "$DIR/debian.stderr")" "" "... and it says nothing: the file sets no key"
daemon_stop
is "$DRC" "0" "... and stops cleanly"

# -- libvirt's augeas test: every key libvirtd knows, set ------------------
[ -r "${LIBVIRTD_AUG_TEST:-}" ]
ok $? "libvirt's augeas test is there ($LIBVIRTD_AUG_TEST)"
# The text of `let conf = "..."`, with \" unescaped.
python3 - "${LIBVIRTD_AUG_TEST:-/nonexistent}" > "$DIR/augeas.orig" <<'EOF'
import re, sys
try:
    aug = open(sys.argv[1]).read()
except OSError:
    sys.exit(0)
m = re.search(r'let conf = "((?:[^"\\]|\\.)*)"', aug)
if m:
    print(re.sub(r'\\(.)', r'\1', m.group(1)), end='')
EOF
grep -q '^log_filters *=' "$DIR/augeas.orig"
ok $? "it embeds a libvirtd.conf"

# Its log goes to syslog (there is no reader on this machine), and it
# listens on TCP: on loopback here, not on its 192.168.0.1.
PORT=$(free_port)
start_with augeas-syslog "$OWN_DIRS
listen_addr = \"127.0.0.1\"
tcp_port = \"$PORT\"" "$DIR/augeas.orig"
ok $? "vireod starts with libvirt's every-key libvirtd.conf, logging to syslog"
vsh list
is "$(cat "$OUT")" "$(local_vsh list)" "... and virsh lists its domains"
URI="test+tcp://127.0.0.1:$PORT/default"
vsh list
is "$(cat "$OUT")" "$(local_vsh list)" "... over TCP too (the file's listen_tcp = 1)"
is "$(cat "$DIR/augeas-syslog.stderr")" "" "... and nothing reaches stderr"
daemon_stop
is "$DRC" "0" "... and stops cleanly"

# The same with the log in a file, to read the warnings.
PORT=$(free_port)
start_with augeas "$OWN_DIRS
listen_addr = \"127.0.0.1\"
tcp_port = \"$PORT\"
log_outputs = \"3:file:$DIR/augeas.log\"" "$DIR/augeas.orig"
ok $? "vireod starts with it logging to a file"
vsh list
is "$(cat "$OUT")" "$(local_vsh list)" "... and virsh lists its domains"
daemon_stop
is "$DRC" "0" "... and stops cleanly"

# Each key set in the file's own text: LINE KEY.
awk -F '[ =]' -v from="$FIRST_LINE" 'NR >= from && /^[a-z]/ { print NR, $1 }' \
    "$CONF" > "$DIR/keys"
bad=
n_unused=0
while read -r line key; do
    n=$(grep -cF -- "warning : $CONF:$line: '$key' is not used by vireod, ignored" \
                 "$DIR/augeas.log")
    case "$HONOURED" in
    *" $key "*) want=0 ;;
    *) want=1; n_unused=$((n_unused + 1)) ;;
    esac
    [ "$n" = "$want" ] || bad="$bad $key($n)"
done < "$DIR/keys"
[ -z "$bad" ] && [ "$n_unused" -gt 20 ]
ok $? "each of the $n_unused keys vireod does not use is warned about once, at its line"
[ -z "$bad" ] || echo "warned a wrong number of times:$bad" | diag
is "$(grep -c 'is not used by vireod' "$DIR/augeas.log")" "$n_unused" \
   "... and no key it honours is"
# The settings put before the file's text win; the file's own are repeats.
bad=
for key in unix_sock_dir listen_addr tcp_port log_outputs; do
    first=$(awk -F '[ =]' -v k="$key" '$1 == k { print NR; exit }' "$CONF")
    again=$(awk -v k="$key" '$2 == k { print $1 }' "$DIR/keys")
    grep -qF "warning : $CONF:$again: '$key' is set again, ignored: line $first's value is used, as libvirtd does" \
         "$DIR/augeas.log" || bad="$bad $key"
done
[ -z "$bad" ]
ok $? "a key the file sets again is warned about, naming the line that wins"
[ -z "$bad" ] || diag < "$DIR/augeas.log"

# -- What is truly wrong still stops it --------------------------------------
{ cat "$DIR/debian.conf"; echo 'max_clients = "many"'; } > "$DIR/bad.conf"
line=$(wc -l < "$DIR/bad.conf")
timeout 10 "$VIREOD" -f "$DIR/bad.conf" > /dev/null 2> "$ERR"
[ $? -eq 1 ]
ok $? "a copied libvirtd.conf with a bad value for a key vireod uses stops it"
like "$(cat "$ERR")" "$DIR/bad.conf:$line: bad value for 'max_clients'" \
     "... naming the file, the line and the key"
done_testing
