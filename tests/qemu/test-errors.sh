#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-errors.sh: what the qemu driver refuses, through python3-libvirt.
# Each bad request gets the error code a private libvirtd's QEMU driver
# gives for it (XML it cannot honour: a network interface, a host device,
# a storage volume; a missing emulator or disk; a name clash; a start of a
# running guest; a destroy of an inactive one); a missing kernel and a
# QEMU that exits at once get libvirt-coded errors that say why. After
# every failure nothing is left: no QEMU, no socket, no status file, no
# domain that was not there before.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"
peer_start

plan 19

qemu_daemon_start

# bad NAME DEVICES [OS]: a definition with something wrong in it. Its
# serial file puts $DIR in QEMU's command line, where the harness looks
# for this test's QEMU, should one start after all.
bad() {
    cat <<END
<domain type='qemu'>
  <name>$1</name>
  <memory unit='MiB'>48</memory>
  <os><type arch='x86_64' machine='pc'>hvm</type>${3:-}</os>
  <devices>$2
    <serial type='file'>
      <source path='$(guest_serial "$1")'/>
      <target port='0'/>
    </serial>
  </devices>
</domain>
END
    peer_file "$(guest_serial "$1")"
}
bad network "<interface type='network'><source network='nowhere'/></interface>" \
    > "$DIR/network.xml"
bad hostdev "<hostdev mode='subsystem' type='pci'><source><address \
domain='0' bus='0' slot='0x1f' function='0'/></source></hostdev>" \
    > "$DIR/hostdev.xml"
bad volume "<disk type='volume' device='disk'><source pool='nowhere' \
volume='v'/><target dev='vda'/></disk>" > "$DIR/volume.xml"
bad emulator "<emulator>/nonexistent/qemu-system-x86_64</emulator>" \
    > "$DIR/emulator.xml"
bad disk "<disk type='file' device='disk'><source file='$DIR/no.img'/>\
<target dev='vda'/></disk>" > "$DIR/disk.xml"
# A guest of each daemon's to clash with, start twice and destroy twice.
bad r1 "" |
    sed "s|<name>|<uuid>6b1c7c1e-0000-4000-8000-000000000001</uuid><name>|" \
    > "$DIR/r1.xml"
sed "s/6b1c7c1e-0000-4000-8000-000000000001/6b1c7c1e-0000-4000-8000-000000000002/" \
    "$DIR/r1.xml" > "$DIR/r1-other-uuid.xml"

# outcome FILE: qemu_client.py's result and code, on one line.
outcome() {
    grep -E '^(result|code)=' "$1" | paste -s -d ' '
}

# codes URI: each bad request on URI, its outcome on a line.
codes() {
    local uri=$1 op
    for f in network hostdev volume emulator disk; do
        $CLIENT error "$uri" create x "$DIR/$f.xml" > "$OUT"
        echo "create $f: $(outcome "$OUT")"
    done
    $CLIENT error "$uri" define x "$DIR/r1.xml" > /dev/null
    $CLIENT error "$uri" destroy r1 > "$OUT"
    echo "destroy inactive: $(outcome "$OUT")"
    $CLIENT error "$uri" start r1 > /dev/null
    for op in start create-clash define-clash; do
        case $op in
        start) $CLIENT error "$uri" start r1 > "$OUT" ;;
        create-clash) $CLIENT error "$uri" create x "$DIR/r1-other-uuid.xml" > "$OUT" ;;
        define-clash) $CLIENT error "$uri" define x "$DIR/r1-other-uuid.xml" > "$OUT" ;;
        esac
        echo "$op: $(outcome "$OUT")"
    done
    echo "domains: $(timeout "$VSH_TIMEOUT" virsh -c "$uri" list --all --name |
                     grep . | paste -s -d ' ')"
    $CLIENT error "$uri" destroy r1 > /dev/null
    $CLIENT error "$uri" undefine r1 > /dev/null
}

codes "$LIBVIRTD_QEMU_URI" > "$DIR/libvirtd.codes"
codes "$QURI" > "$DIR/vireod.codes"
while read -r line; do
    what=${line%%:*}
    is "$(grep -F "$what:" "$DIR/vireod.codes")" "$line" \
       "$what: vireod answers with libvirtd's error code"
done < "$DIR/libvirtd.codes"
is "$(qemu_count)" 0 "no QEMU is left"
find "$DIR/run/qemu" -mindepth 1 > "$OUT"
is "$(cat "$OUT")" "" "... nor any socket, directory or status file"
qvsh list --all --name
is "$(grep -c . "$OUT")" 0 "... nor any domain"

# ---- failures libvirtd meets otherwise -----------------------------------

bad kernel "" "<kernel>$DIR/no-vmlinuz</kernel>" > "$DIR/kernel.xml"
$CLIENT error "$QURI" create x "$DIR/kernel.xml" > "$OUT"
like "$(cat "$OUT")" "code=38" "a missing kernel is refused with a system error"
like "$(cat "$OUT")" "$DIR/no-vmlinuz" "... naming it"

# An emulator that gives up at once, saying why on stderr, as QEMU does.
cat > "$DIR/quitter" <<'END'
#!/bin/sh
echo "qemu-system-x86_64: -machine pc: this machine is on strike" >&2
exit 1
END
chmod +x "$DIR/quitter"
bad quitter "<emulator>$DIR/quitter</emulator>" > "$DIR/quitter.xml"
$CLIENT error "$QURI" create x "$DIR/quitter.xml" > "$OUT"
like "$(cat "$OUT")" "code=1" "a QEMU that exits at once fails the start with an internal error"
like "$(cat "$OUT")" "this machine is on strike" "... quoting what QEMU said"
files=$(find "$DIR/run/qemu" -mindepth 1)
qvsh list --all --name
is "$files $(grep -c . "$OUT")" " 0" \
   "... and leaves no socket, directory, status file or domain"

daemon_stop
is "$DRC" 0 "vireod stops cleanly"
libvirtd_stop || echo "libvirtd exited with status $LIBVIRTD_RC" | diag
done_testing
