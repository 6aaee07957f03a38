#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# make-golden.sh [OUT_DIR]: write the golden outputs of tests/xml/good/ from
# libvirt itself.
#
# Every good/<case>.out.xml is what libvirtd 9.0's test driver (Debian 12's
# libvirt-daemon, driven with the real virsh from libvirt-clients) prints
# for good/<case>.in.xml: a private libvirtd (tests/integration/libvirtd.sh:
# unprivileged, in session mode, all its state in a temporary directory)
# defines the case in its test driver and `virsh dumpxml --inactive` gives
# the output. A case with a good/<case>.id file is started instead (`virsh
# create`), its live XML is the output, and the id libvirt gave it is
# written to <case>.id. A defined case is also started, and its live XML
# (without the id) goes to <case>.live.xml. test-golden.c then checks that vireo's parser and
# formatter turn each .in.xml into exactly those bytes. No output is ever
# edited by hand, and none comes from vireo.
#
# To regenerate after adding or changing a case, from the top of the tree
# (as root it runs libvirtd as nobody, through setpriv):
#
#     bash tests/xml/make-golden.sh
#     git diff tests/xml/good
#
# The documents libvirt refuses have their answers recorded the same way:
# refused/<case>.xml is defined plainly and validate/<case>.xml with
# VIR_DOMAIN_DEFINE_VALIDATE (define_error.py, python3-libvirt), and
# libvirtd's error code and message (or "accepted") go to <case>.err
# beside it.
#
# With OUT_DIR, the outputs go there instead (refused/ and validate/ ones
# into OUT_DIR/refused and OUT_DIR/validate) and the tree is left alone (the
# integration test golden-libvirt does that, and compares).
#
# What the corpus leaves out, and why. Each case keeps to what vireo
# represents; where libvirt settles or refuses something vireo cannot
# follow, that part is left out of the input rather than edited out of
# libvirt's output:
#   - Every case gives its <type arch=...>: without it libvirt's test
#     driver fills in i686 from its own capabilities, a driver's choice
#     that the XML layer tested here does not make.
#   - Every <interface> names its <target dev=...> and its <mac>: without
#     them libvirt's test driver names the interface itself (testnet0),
#     a driver's choice, and makes up a random MAC. A name libvirt
#     generates itself (vnet0, macvtap0) is dropped on define, so none is
#     used either.
#   - No <graphics type='none'/>: vireo accepts it, libvirt 9.0 refuses it
#     ("Invalid value for attribute 'type' in element 'graphics'").
#   - on_poweroff and on_reboot take destroy, restart, preserve or
#     rename-restart: libvirt refuses a coredump action on them.
#   - Only the first console is a serial console: libvirt refuses a second.
#   - Children of <metadata> are in a namespace: libvirt drops the others.
#   - Preserved elements (those vireo does not interpret and writes back
#     verbatim) are given as libvirt writes them and only where libvirt
#     knows them: libvirt drops elements it does not know (and the qemu:
#     namespace, in its test driver), fills in defaults and rewrites the
#     ones it knows, which verbatim copies cannot follow.
#   - No case uses the UUID or name of libvirt's own domain 'test'.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
GOOD=$HERE/good
OUT_DIR=${1:-$GOOD}
ERR_ROOT=${1:-$HERE}
VSH_TIMEOUT=20

die() {
    echo "make-golden.sh: $*" >&2
    exit 1
}

command -v virsh > /dev/null ||
    die "virsh (libvirt-clients) is not installed"
mkdir -p "$OUT_DIR" || die "cannot create $OUT_DIR"
. "$HERE/../integration/libvirtd.sh"
libvirtd_start || die "$LIBVIRTD_START_ERROR"
export LC_ALL=C

# libvirt's test:///default lives while a connection holds it: keep one
# open for the whole run, so that each case sees the same driver.
HOLD=$LIBVIRTD_DIR/hold
mkfifo "$HOLD"
timeout 600 virsh -c "$LIBVIRTD_URI" < "$HOLD" > /dev/null 2>&1 &
HOLD_PID=$!
exec 7> "$HOLD"

vsh() {
    timeout "$VSH_TIMEOUT" virsh -q -c "$LIBVIRTD_URI" "$@"
}

# The outputs are libvirtd 9.0's: another version may well write others.
daemon_version=$(vsh version --daemon | sed -n 's/^Running against daemon: //p')
case $daemon_version in
9.0.*) ;;
*) die "libvirtd ${daemon_version:-of unknown version} is not 9.0, whose output good/ holds" ;;
esac

# The UUIDs of every domain, one a line, sorted.
uuids() {
    vsh list --all --uuid | sed '/^$/d' | sort
}

# make_case NAME: define (or create, with NAME.id) the case, write libvirt's
# XML for it, and remove it again. The new domain is found by its UUID, so
# that no name needs quoting.
make_case() {
    local name=$1 in=$GOOD/$1.in.xml out=$OUT_DIR/$1.out.xml
    local before uuid xml live

    before=$(uuids)
    if [ -e "$GOOD/$name.id" ]; then
        vsh create "$in" > /dev/null || return 1
    else
        vsh define "$in" > /dev/null || return 1
    fi
    uuid=$(comm -13 <(echo "$before") <(uuids))
    [ -n "$uuid" ] || return 1
    if [ -e "$GOOD/$name.id" ]; then
        xml=$(vsh dumpxml "$uuid") &&
            vsh destroy "$uuid" > /dev/null || return 1
        sed -n "1s/^<domain [^>]*id='\([0-9]*\)'.*/\1/p" <<< "$xml" \
            > "$OUT_DIR/$name.id"
    else
        xml=$(vsh dumpxml --inactive "$uuid") &&
            vsh start "$uuid" > /dev/null &&
            live=$(vsh dumpxml "$uuid") &&
            vsh destroy "$uuid" > /dev/null &&
            vsh undefine "$uuid" > /dev/null || return 1
        # The id a start gets counts the starts before it: left out.
        printf '%s\n' "$live" | sed "1s/ id='[0-9]*'//" \
            > "$OUT_DIR/$name.live.xml"
    fi
    # $(...) took the blank line virsh prints after the document, and the
    # document's own final newline: put that one back.
    printf '%s\n' "$xml" > "$out"
}

status=0
# The cases created (those with an .id) go first: the id each gets then
# counts only their own starts, not those of the defined cases' live runs.
for pass in created defined; do
    for in in "$GOOD"/*.in.xml; do
        name=$(basename "$in" .in.xml)
        if [ -e "$GOOD/$name.id" ]; then
            [ "$pass" = created ] || continue
        else
            [ "$pass" = defined ] || continue
        fi
        if make_case "$name"; then
            echo "$name: $OUT_DIR/$name.out.xml"
        else
            echo "$name: libvirt refused it (see above)" >&2
            status=1
        fi
    done
done
# record_errors DIR FLAGS: libvirtd's answer to each DIR/<case>.xml.
record_errors() {
    local dir=$1 flags=$2 in name
    mkdir -p "$ERR_ROOT/$dir" || return 1
    for in in "$HERE/$dir"/*.xml; do
        name=$(basename "$in" .xml)
        if timeout "$VSH_TIMEOUT" /usr/bin/python3 "$HERE/define_error.py" \
                "$LIBVIRTD_URI" "$in" "$flags" > "$ERR_ROOT/$dir/$name.err"; then
            echo "$dir/$name: $ERR_ROOT/$dir/$name.err"
        else
            echo "$dir/$name: define_error.py failed" >&2
            status=1
        fi
    done
}
record_errors refused 0
record_errors validate 1
exec 7>&-
wait "$HOLD_PID"
libvirtd_stop || die "libvirtd did not stop cleanly ($LIBVIRTD_RC)"
exit "$status"
