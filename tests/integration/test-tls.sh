#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-tls.sh: with listen_tls on, libvirt's clients (virsh, python3-libvirt)
# reach vireod over TLS (test+tls://localhost:PORT/default?pkipath=DIR)
# with certificates made here by certtool; a client whose certificate comes
# from another CA, has expired or bears a DN not on tls_allowed_dn_list is
# refused and logged, as are a plain RPC client and garbage on the TLS port,
# and the daemon serves everyone else meanwhile; a socket systemd passes
# as libvirtd-tls.socket serves TLS too.
. "$(dirname "$0")/lib.sh"

plan 26
PKI=$DIR/pki
mkdir -p "$PKI" "$DIR/other"

# certify NAME TEMPLATE_LINES CA_DIR: NAME's key and certificate, signed by
# the CA in CA_DIR (cacert.pem, cakey.pem).
certify() {
    printf '%s\n' "$2" > "$DIR/$1.info"
    certtool --generate-privkey --outfile "$DIR/$1key.pem" 2> /dev/null &&
    certtool --generate-certificate --load-privkey "$DIR/$1key.pem" \
        --load-ca-certificate "$3/cacert.pem" --load-ca-privkey "$3/cakey.pem" \
        --template "$DIR/$1.info" --outfile "$DIR/$1cert.pem" > /dev/null 2>&1
}

# make_ca DIR CN: a self-signed CA in DIR.
make_ca() {
    printf 'cn = %s\nca\ncert_signing_key\nexpiration_days = 30\n' "$2" \
        > "$1/ca.info"
    certtool --generate-privkey --outfile "$1/cakey.pem" 2> /dev/null &&
    certtool --generate-self-signed --load-privkey "$1/cakey.pem" \
        --template "$1/ca.info" --outfile "$1/cacert.pem" > /dev/null 2>&1
}

CLIENT_USE='tls_www_client
encryption_key
signing_key
expiration_days = 30'
make_ca "$PKI" "vireo test CA" &&
make_ca "$DIR/other" "some other CA" &&
certify server 'organization = vireo
cn = localhost
dns_name = localhost
ip_address = 127.0.0.1
tls_www_server
encryption_key
signing_key
expiration_days = 30' "$PKI" &&
certify client "country = GB
organization = vireo
cn = allowed-client
$CLIENT_USE" "$PKI" &&
certify stranger "country = GB
organization = vireo
cn = stranger
$CLIENT_USE" "$DIR/other" &&
certify expired 'country = GB
organization = vireo
cn = allowed-expired
tls_www_client
encryption_key
signing_key
activation_date = "2020-01-01 00:00:00"
expiration_date = "2021-01-01 00:00:00"' "$PKI" &&
certify unlisted "country = GB
organization = vireo
cn = not-on-the-list
$CLIENT_USE" "$PKI"
ok $? "certtool makes a CA, a server certificate and client certificates"
# The layout libvirt's clients read with pkipath=.
cp "$DIR/clientcert.pem" "$DIR/clientkey.pem" "$PKI/"
cp "$DIR/strangercert.pem" "$DIR/other/clientcert.pem"
cp "$DIR/strangerkey.pem" "$DIR/other/clientkey.pem"

TLS_PORT=$(free_tcp_port)
EXTRA_CONF="listen_tls = 1
tls_port = \"$TLS_PORT\"
key_file = \"$DIR/serverkey.pem\"
cert_file = \"$DIR/servercert.pem\"
ca_file = \"$PKI/cacert.pem\"
tls_allowed_dn_list = [\"*,CN=allowed-*\", \"CN=allowed-*\"]"
daemon_start
wait_for_line "$DIR/vireod.log" "listening on 127.0.0.1:$TLS_PORT (TLS)"
ok $? "vireod listens on tls_port with TLS"

TLS_URI="test+tls://localhost:$TLS_PORT/default?pkipath=$PKI"
tls_vsh() {
    timeout "$VSH_TIMEOUT" virsh -c "$TLS_URI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}
tls_vsh list --all
is "$(cat "$OUT")" "$(local_vsh list --all)" "virsh lists the domains over TLS"
# The test driver's CPU time follows the clock: leave it out.
tls_vsh dominfo test
is "$(grep -v '^CPU time' "$OUT")" "$(local_vsh dominfo test | grep -v '^CPU time')" \
    "and shows a domain's dominfo"
wait_for_line "$DIR/vireod.log" "connected over TLS from 127.0.0.1"
ok $? "the log says the client came over TLS"

PY_OUT=$(timeout 20 /usr/bin/python3 - "$TLS_URI" <<'PY' 2>&1
import sys
import libvirt
conn = libvirt.open(sys.argv[1])
dom = conn.lookupByName("test")
print(sorted(d.name() for d in conn.listAllDomains()), dom.info()[0],
      conn.isSecure(), conn.isEncrypted())
PY
)
is "$PY_OUT" "['test'] 1 1 1" \
    "python3-libvirt lists and reads domains over TLS, secure and encrypted"

# Events over TLS: the shared frame of an event goes through the session.
PY_OUT=$(timeout 20 /usr/bin/python3 - "$TLS_URI" <<'PY' 2>&1
import sys
import libvirt
libvirt.virEventRegisterDefaultImpl()
conn = libvirt.open(sys.argv[1])
got = []
conn.domainEventRegisterAny(
    None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
    lambda c, d, event, detail, o: got.append((d.name(), event, detail)),
    None)
dom = conn.lookupByName("test")
dom.suspend()
dom.resume()
while len(got) < 2:
    libvirt.virEventRunDefaultImpl()
print(got)
PY
)
is "$PY_OUT" "[('test', 3, 0), ('test', 4, 0)]" \
    "python3-libvirt receives lifecycle events over TLS"

# vireo's own client library speaks TLS too.
VIREO_OUT=$(timeout 20 "$VIREO" -c "$TLS_URI" list --all 2>&1)
is "$VIREO_OUT" "$(local_vsh list --all)" "the vireo CLI lists the domains over TLS"
VIREO_OUT=$(timeout 20 "$VIREO" -c "test+tls://localhost:$TLS_PORT/default?pkipath=$DIR/other" list 2>&1)
like "$VIREO_OUT" "The server certificate is not trusted" \
    "and refuses a server its CA did not sign"

tls_try() {
    timeout 20 /usr/bin/python3 "$(dirname "$0")/tls_client.py" "$TLS_PORT" \
        "$@" 2>&1
}
is "$(tls_try tls "$PKI" "$DIR/clientcert.pem" "$DIR/clientkey.pem")" \
    "admitted" "an allowed client certificate gets the server's go-ahead byte"

is "$(tls_try tls "$PKI" "$DIR/strangercert.pem" "$DIR/strangerkey.pem")" \
    "refused" "a client certificate from another CA is refused"
wait_for_line "$DIR/vireod.log" "has no known issuer"
ok $? "and the log says its issuer is unknown"

is "$(tls_try tls "$PKI" "$DIR/expiredcert.pem" "$DIR/expiredkey.pem")" \
    "refused" "an expired client certificate is refused"
wait_for_line "$DIR/vireod.log" "the client certificate has expired"
ok $? "and the log says it has expired"

is "$(tls_try tls "$PKI" "$DIR/unlistedcert.pem" "$DIR/unlistedkey.pem")" \
    "refused" "a DN not on tls_allowed_dn_list is refused"
wait_for_line "$DIR/vireod.log" "CN=not-on-the-list' is not on tls_allowed_dn_list"
ok $? "and the log names the DN"

is "$(tls_try plain-rpc)" "closed" \
    "a client speaking the RPC protocol in the clear is disconnected"
is "$(tls_try garbage)" "closed" \
    "garbage during the handshake ends the connection"
wait_for_line "$DIR/vireod.log" "TLS handshake failed"
ok $? "and the log says the handshake failed"

tls_vsh domstate test
is "$(cat "$OUT")" "running" "after all that, virsh is still served over TLS"

# virt-admin shows a TLS client with its certificate's DN.
mkfifo "$DIR/held.in"
/usr/bin/python3 "$(dirname "$0")/admin_client.py" "$TLS_URI" \
    < "$DIR/held.in" > "$DIR/held.out" 2>&1 &
exec 8> "$DIR/held.in"
wait_for_line "$DIR/held.out" open
ADMIN_URI="vireod:///system?socket=$DIR/run/vireo-admin-sock"
ID=$(timeout 20 virt-admin -c "$ADMIN_URI" client-list libvirtd |
     awk '$2 == "tls" { print $1 }')
timeout 20 virt-admin -c "$ADMIN_URI" client-info libvirtd "$ID" > "$OUT" 2>&1
like "$(cat "$OUT")" "transport      : tls" "virt-admin lists a TLS client as such"
like "$(cat "$OUT")" "x509_dname     : C=GB,O=vireo,CN=allowed-client" \
    "and shows its certificate's DN"
exec 8>&-
daemon_stop
is "$DRC" "0" "SIGTERM stops the TLS daemon cleanly"

# Socket activation: a TCP socket named libvirtd-tls.socket serves TLS with
# the configuration's certificates.
TLS_PORT=$(free_tcp_port)
systemd-socket-activate -l "$DIR/rw.sock" -l "$DIR/ro.sock" \
    -l "127.0.0.1:$TLS_PORT" \
    --fdname=vireod.socket:vireod-ro.socket:libvirtd-tls.socket \
    "$VIREOD" -f "$DIR/vireod.conf" 2> "$DIR/activate.err" &
DPID=$!
wait_for "$DIR/ro.sock"
TLS_URI="test+tls://localhost:$TLS_PORT/default?pkipath=$PKI"
tls_vsh list --all
is "$(cat "$OUT")" "$(local_vsh list --all)" \
    "virsh reaches vireod over TLS through the socket systemd passed"
wait_for_line "$DIR/vireod.log" "listening on vireod-tls.socket, from systemd (TLS)"
ok $? "the log says the TLS socket came from systemd"
daemon_stop
is "$DRC" "0" "SIGTERM stops the activated TLS daemon cleanly"
done_testing
