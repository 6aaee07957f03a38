#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# make-golden.sh [OUT_DIR]: write the golden outputs of tests/xml/good/ from
# libvirt itself.
#
# Every good/<case>.out.xml is what libvirtd 9.0's test driver (Debian 12's
# libvirt-daemon) prints for good/<case>.in.xml: a private libvirtd
# (tests/integration/libvirtd.sh: unprivileged, in session mode, all its
# state in a temporary directory) defines the case in its test driver, and
# its inactive XML is the output; the case is then started and its live
# XML (without the id, which counts earlier starts) goes to
# <case>.live.xml. The output is then defined again: where libvirt does
# not give back the same bytes (it numbers a second console by its
# position, whatever port it was written with), what it prints goes to
# <case>.again.xml. A case with a good/<case>.id file is created instead
# (those go first), its live XML is the output, and the id libvirt gave
# it is written to <case>.id. golden_writer.py does this over one
# python3-libvirt connection, the calls behind virsh define, create,
# start and dumpxml. test-golden.c then checks that vireo's parser and
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
# VIR_DOMAIN_DEFINE_VALIDATE, and libvirtd's error code and message (or "accepted") go to <case>.err
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

die() {
    echo "make-golden.sh: $*" >&2
    exit 1
}

/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    die "python3-libvirt is not installed"
mkdir -p "$OUT_DIR" || die "cannot create $OUT_DIR"
. "$HERE/../integration/libvirtd.sh"
libvirtd_start || die "$LIBVIRTD_START_ERROR"
export LC_ALL=C

# One connection holds libvirt's test:///default for the whole run (it
# lives while a connection holds it), so that every case sees the same
# driver.
timeout 600 /usr/bin/python3 "$HERE/golden_writer.py" "$LIBVIRTD_URI" \
    "$HERE" "$OUT_DIR" "$ERR_ROOT"
status=$?
libvirtd_stop || die "libvirtd did not stop cleanly ($LIBVIRTD_RC)"
exit "$status"
