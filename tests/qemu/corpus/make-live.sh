#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# make-live.sh [OUT_DIR]: the aliases libvirt's QEMU driver gives the
# devices of each corpus document, for test-command to compare with
# vireo's.
#
# A private libvirtd 9.0 (tests/integration/libvirtd.sh, in session mode)
# starts each document with its QEMU driver (`virsh create`, TCG), and
# live/<case>.aliases lists what `virsh dumpxml` of the running guest
# says, one device a line: its kind, what identifies it in the document,
# and its <alias name=...>:
#
#     disk vda virtio-disk0
#     controller usb 0 usb
#     interface 52:54:00:c0:00:01 net0
#     serial 0 serial0          (by position)
#     console serial 0 serial0  (by target type and position among those)
#     channel org.qemu.guest_agent.0 channel0
#     input tablet usb input0   (in document order)
#     video 0 video0            (by position)
#     memballoon balloon0
#     rng 0 rng0                (by position)
#
# The lines are libvirt's, extracted from its XML by the script below;
# none is written by vireo or by hand. The documents' paths are replaced
# by files made here, as the session libvirtd (user nobody) must open
# them, and the guest's own kernel is used for direct kernel boot
# ($GUEST_KERNEL, build-aux/cache/guest-kernel/vmlinuz by default).
# Documents libvirtd cannot start here are left out: kvm ones (no KVM),
# and bridge and ethernet interfaces (an unprivileged libvirtd makes no
# taps).
#
#     bash tests/qemu/corpus/make-live.sh
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT_DIR=${1:-$HERE/live}
KERNEL=${GUEST_KERNEL:-$HERE/../../../build-aux/cache/guest-kernel/vmlinuz}

die() {
    echo "make-live.sh: $*" >&2
    exit 1
}

command -v virsh > /dev/null || die "virsh (libvirt-clients) is not installed"
[ -r "$KERNEL" ] || die "no guest kernel at $KERNEL (make test-deps)"
mkdir -p "$OUT_DIR" || die "cannot create $OUT_DIR"
. "$HERE/../../integration/libvirtd.sh"
libvirtd_start || die "$LIBVIRTD_START_ERROR"
URI="qemu+unix:///session?socket=$LIBVIRTD_SOCK"
FILES=$(mktemp -d)
trap 'for l in "${LOOPS[@]}"; do losetup -d "$l"; done; rm -rf "$FILES"' EXIT
# libvirtd (nobody) makes and removes the guests' log files there.
chmod 0777 "$FILES"
export LC_ALL=C

# files DOC: the document, its paths replaced by files nobody can use (a
# block device is a loop device over a file).
LOOPS=()
files() {
    local doc=$1 path new loop
    local edits=(-e "s|/tmp/vireo-corpus/|$FILES/|g")
    for path in $(grep -o "/tmp/vireo-corpus/[^'\"<]*" "$doc" | sort -u); do
        new=$FILES/$(basename "$path")
        case $path in
        */vmlinuz) cp "$KERNEL" "$new" ;;
        *.qcow2) qemu-img create -q -f qcow2 "$new" 1M ;;
        *.log) continue ;;
        *) truncate -s 1M "$new" ;;
        esac
        chmod 0666 "$new"
        if [ "$(basename "$path")" = block0 ]; then
            loop=$(losetup -f --show "$new") || die "no loop device"
            LOOPS+=("$loop")
            chmod 0666 "$loop"
            edits=(-e "s|$path|$loop|g" "${edits[@]}")
        fi
    done
    sed "${edits[@]}" "$doc"
}

# aliases: libvirt's live XML on stdin, the lines above on stdout.
aliases() {
    python3 -c '
import sys, xml.etree.ElementTree as ET
devices = ET.fromstring(sys.stdin.read()).find("devices")
def alias(e):
    a = e.find("alias")
    return a.get("name") if a is not None else "-"
seen = {}
def nth(what):
    n = seen.get(what, 0)
    seen[what] = n + 1
    return str(n)
keys = {
    "disk": lambda e: e.find("target").get("dev"),
    "controller": lambda e: e.get("type") + " " + e.get("index"),
    "interface": lambda e: e.find("mac").get("address"),
    "channel": lambda e: e.find("target").get("name"),
    "input": lambda e: e.get("type") + " " + e.get("bus"),
    "console": lambda e: (lambda t: t + " " + nth("console " + t))(
        e.find("target").get("type")),
    "serial": lambda e: nth("serial"),
    "video": lambda e: nth("video"),
    "rng": lambda e: nth("rng"),
    "memballoon": lambda e: None,
}
for e in devices:
    if e.tag in keys:
        key = keys[e.tag](e)
        print(e.tag, *([key] if key is not None else []), alias(e))
'
}

status=0
for doc in "$HERE"/*.xml; do
    name=$(basename "$doc" .xml)
    case $name in
    refused-*|kvm-*|net-bridge|net-ethernet) continue ;;
    esac
    files "$doc" > "$FILES/$name.xml"
    if xml=$(timeout 60 virsh -q -c "$URI" create "$FILES/$name.xml" \
                 > /dev/null && timeout 20 virsh -q -c "$URI" dumpxml "$name"); then
        aliases <<< "$xml" > "$OUT_DIR/$name.aliases"
        echo "$name: $OUT_DIR/$name.aliases"
    else
        echo "$name: libvirtd did not start it" >&2
        status=1
    fi
    timeout 60 virsh -q -c "$URI" destroy "$name" > /dev/null 2>&1
done
libvirtd_stop || die "libvirtd did not stop cleanly ($LIBVIRTD_RC)"
exit "$status"
