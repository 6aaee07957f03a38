#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-corpus-vireod.sh: the corpus through vireod's test driver, as a
# libvirt user feeds it, compared with libvirtd's answers recorded by
# make-golden.sh (test-golden-libvirt.sh checks those are libvirtd's):
#   - each good/<case>.in.xml, defined with the real virsh, gives exactly
#     good/<case>.out.xml from `virsh dumpxml --inactive` (a case with an
#     .id file is created instead and its live XML compared, the id itself
#     being the daemon's to choose);
#   - each refused/<case>.xml is refused with libvirtd's error code;
#   - each validate/<case>.xml, defined with VIR_DOMAIN_DEFINE_VALIDATE,
#     gets libvirtd's answer word for word.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/../integration/lib.sh"

command -v virsh > /dev/null || fail_all "virsh (libvirt-clients) is installed"
daemon_start || fail_all "vireod starts"
hold_connection

cases=("$HERE"/good/*.in.xml)
refused=("$HERE"/refused/*.xml)
validate=("$HERE"/validate/*.xml)
plan "$((${#cases[@]} + ${#refused[@]} + ${#validate[@]}))"

# The document's first line without its id='N'.
no_id() {
    sed "1s/ id='[0-9]*'//"
}

# uuid_of FILE: the domain's <uuid> in libvirt's output.
uuid_of() {
    sed -n 's/^  <uuid>\(.*\)<\/uuid>$/\1/p' "$1"
}

for in in "${cases[@]}"; do
    name=$(basename "$in" .in.xml)
    want=$HERE/good/$name.out.xml
    uuid=$(uuid_of "$want")
    if [ -e "$HERE/good/$name.id" ]; then
        vsh create "$in" && vsh dumpxml "$uuid"
        got=$(no_id < "$OUT")
        vsh destroy "$uuid"
        want_text=$(no_id < "$want")
    else
        vsh define "$in" && vsh dumpxml --inactive "$uuid"
        got=$(cat "$OUT")
        vsh undefine "$uuid"
        want_text=$(cat "$want")
    fi
    [ "$got" = "$want_text" ]
    ok $? "$name: vireod's dumpxml is libvirtd's"
    [ "$got" = "$want_text" ] ||
        diff -u <(echo "$want_text") <(echo "$got") | diag
done

for in in "${refused[@]}"; do
    name=$(basename "$in" .xml)
    got=$(/usr/bin/python3 "$HERE/define_error.py" "$URI" "$in" 0 2>&1)
    want=$(cat "$HERE/refused/$name.err")
    [ "${got%%$'\n'*}" = "${want%%$'\n'*}" ]
    ok $? "refused/$name: refused with libvirtd's code ${want%%$'\n'*}"
    [ "$got" = "$want" ] || { echo "got: $got"; echo "libvirtd: $want"; } | diag
done

for in in "${validate[@]}"; do
    name=$(basename "$in" .xml)
    got=$(/usr/bin/python3 "$HERE/define_error.py" "$URI" "$in" 1 2>&1)
    want=$(cat "$HERE/validate/$name.err")
    # A vireo error message holds 255 bytes: libxml2's list of complaints
    # is cut there, the rest must be libvirtd's word for word.
    is "${got:0:$((${#got%%$'\n'*} + 1 + 255))}" \
       "${want:0:$((${#want%%$'\n'*} + 1 + 255))}" \
       "validate/$name: define --validate answers as libvirtd"
done

release_connection
daemon_stop
done_testing
