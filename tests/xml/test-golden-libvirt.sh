#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-golden-libvirt.sh: the golden outputs in good/ are libvirt's, not
# anyone's idea of them. make-golden.sh asks a private libvirtd 9.0 for
# every case again, into a temporary folder, and each committed
# <case>.out.xml (and <case>.id) must equal what it printed, byte for byte.
# A case changed without regenerating its output fails here.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../tap.sh"
set -u

/usr/bin/python3 -c 'import libvirt' 2> /dev/null ||
    fail_all "python3-libvirt is installed"
FRESH=$(mktemp -d)
trap 'rm -rf "$FRESH"' EXIT
if ! bash "$HERE/make-golden.sh" "$FRESH" > "$FRESH.log" 2>&1; then
    echo "1..1"
    echo "not ok 1 - libvirtd writes every golden output again"
    diag < "$FRESH.log"
    rm -f "$FRESH.log"
    exit 1
fi
rm -f "$FRESH.log"

cases=("$HERE"/good/*.in.xml)
answers=("$HERE"/refused/*.xml "$HERE"/validate/*.xml)
plan "$((${#cases[@]} + ${#answers[@]}))"
for in in "${cases[@]}"; do
    name=$(basename "$in" .in.xml)
    same=0
    for file in "$name.out.xml" "$name.id" "$name.live.xml" \
                "$name.again.xml"; do
        [ -e "$HERE/good/$file" ] || [ -e "$FRESH/$file" ] || continue
        cmp -s "$HERE/good/$file" "$FRESH/$file" && continue
        same=1
        diff -u "$HERE/good/$file" "$FRESH/$file" 2>&1 | diag
    done
    ok "$same" "$name: good/$name.out.xml is what libvirtd prints"
done
for in in "${answers[@]}"; do
    name=$(basename "$in" .xml)
    dir=$(basename "$(dirname "$in")")
    cmp -s "$HERE/$dir/$name.err" "$FRESH/$dir/$name.err"
    ok $? "$dir/$name: $dir/$name.err is libvirtd's answer"
done
done_testing
