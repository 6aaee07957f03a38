#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-go-libvirt.sh: go-libvirt (github.com/digitalocean/go-libvirt, a
# pure-Go implementation of libvirt's remote protocol, from Debian's
# golang-github-digitalocean-go-libvirt-dev) against vireod and a private
# libvirtd. go_libvirt_session.go is built here, offline, from Debian's
# sources; it runs a Go user's session on test:///default over each
# daemon's UNIX socket (host, domains, a domain's whole lifecycle,
# networks and pools, libvirt's errors, tuning and snapshots, more calls
# on a guest, events through LifecycleEvents and SubscribeEvents while
# another connection changes domains) and prints a transcript.
# libvirtd's transcript is the expectation; vireod's must be the same,
# section by section, once the test driver's CPU time (the clock) is
# masked.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"

GO_LIBVIRT_SRC=/usr/share/gocode/src/github.com/digitalocean/go-libvirt
# Where go keeps what it compiled: the build directory's, so that only
# the first run compiles go-libvirt (meson names it), else our own.
GO_CACHE=${GO_CACHE:-$DIR/go-cache}

command -v go > /dev/null ||
    fail_all "go (golang-go) is installed"
[ -f "$GO_LIBVIRT_SRC/libvirt.go" ] ||
    fail_all "go-libvirt's sources (golang-github-digitalocean-go-libvirt-dev) are installed"

# build_session: GOPATH mode on Debian's tree, with no network, no
# module proxy and nothing read from or written to $HOME.
build_session() {
    env GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$GO_CACHE" \
        GOENV=off GOPROXY=off GOFLAGS= HOME="$DIR" \
        timeout 300 go build -o "$DIR/go_libvirt_session" \
        "$HERE/go_libvirt_session.go"
}

# The sections the session prints, each compared on its own.
SECTIONS=(host domains lifecycle "networks and pools" errors
          "tuning and snapshots" "guest calls" "typed parameters" events
          "other events" end)

plan $((3 + ${#SECTIONS[@]} + 8))

build_session > "$DIR/build.log" 2>&1
ok $? "the go-libvirt session builds offline from Debian's sources"
diag < "$DIR/build.log"
[ -x "$DIR/go_libvirt_session" ] || exit 1

libvirtd_start ||
    fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
daemon_start || fail_all "vireod starts"

# session SOCKET: the transcript, with the test driver's CPU time (the
# time of day in nanoseconds) masked.
session() {
    timeout 180 "$DIR/go_libvirt_session" "$1" 2>&1 |
        sed -E 's/cpu time [0-9]+ ns/cpu time N ns/'
}

# section NAME: the lines of the transcript on stdin from "== NAME" to
# the next section.
section() {
    awk -v want="== $1" '/^== / { on = ($0 == want) } on'
}

WANT=$(session "$LIBVIRTD_SOCK")
GOT=$(session "$DIR/run/vireo-sock")

# What libvirtd's transcript holds, checked on its own: no comparison
# below passes on two sessions that both failed early.
like "$WANT" "connect to test:///default: ok" \
     "go-libvirt connects to libvirtd's test:///default"
like "$WANT" "lookup no-such-domain: error 42: Domain not found" \
     "an unknown domain is go-libvirt's Error with libvirt's code 42"
like "$WANT" "create running test: error 1: internal error: Domain 'test' is already running" \
     "starting a running domain is refused in the test driver's words"
like "$WANT" "define malformed xml: error 35: " \
     "malformed XML is refused as an XML error"
like "$WANT" "LifecycleEvents event: test suspended detail 0" \
     "LifecycleEvents delivers another connection's suspend"
like "$WANT" "SubscribeEvents event: golv-other undefined detail 0" \
     "SubscribeEvents delivers another connection's undefine"
like "$WANT" "SubscribeEvents: channel closed" \
     "cancelling a subscription closes its channel"
like "$WANT" "disconnect: ok" "go-libvirt disconnects from libvirtd"

for name in "${SECTIONS[@]}"; do
    same_output "$(section "$name" <<< "$WANT")" \
        "$(section "$name" <<< "$GOT")" \
        "go-libvirt against vireod, $name: libvirtd's transcript"
done
same_output "$WANT" "$GOT" "the whole transcript, in order"

daemon_stop
is "$DRC" 0 "vireod exits 0 after go-libvirt's session"
libvirtd_stop
done_testing
