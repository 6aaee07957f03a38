#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-domcaps.sh: virsh domcapabilities on vireod's qemu driver against
# a private libvirtd's QEMU driver, both asking the same QEMU: the same
# emulator, machine (aliases resolved), vCPU limit and custom CPU models
# with their usability; no disk bus or video model QEMU lacks; and
# libvirt's errors for arguments the host cannot serve. Then what
# virt-install, which reads the document to pick devices, writes for a
# guest: the same for vireod as for libvirtd, and it defines and starts.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/driver.sh"

plan 25

qemu_daemon_start
peer_start

# caps URI ARGS...: the document, or its error lines, on stdout.
caps() {
    local uri=$1
    shift
    timeout "$VSH_TIMEOUT" virsh -c "$uri" domcapabilities "$@" 2>&1
}

# header: the lines that name what the document is for.
header() {
    grep -E '^  <(path|domain|machine|arch|vcpu)[ >]'
}

# custom_models: the custom mode's models, one a line.
custom_models() {
    sed -n "/<mode name='custom'/,/<\/mode>/p" | grep '<model '
}

# values NAME: the values of enum NAME under the element on stdin.
values() {
    sed -n "/<enum name='$1'>/,/<\/enum>/p" | sed -n 's|.*<value>\(.*\)</value>|\1|p'
}

# is_subset A B: every line of A is a line of B.
is_subset() {
    [ -n "$1" ] && [ -z "$(comm -23 <(sort <<< "$1") <(sort <<< "$2"))" ]
}

for args in "" "--machine pc" "--machine q35" "--virttype qemu --arch x86_64"; do
    # shellcheck disable=SC2086 # the options are split on purpose
    is "$(caps "$QURI" $args | header)" \
       "$(caps "$LIBVIRTD_QEMU_URI" $args | header)" \
       "domcapabilities ${args:-with no option} names the same emulator, machine and vCPU limit"
done

for machine in pc q35; do
    ours=$(caps "$QURI" --machine "$machine")
    theirs=$(caps "$LIBVIRTD_QEMU_URI" --machine "$machine")
    is "$(custom_models <<< "$ours")" "$(custom_models <<< "$theirs")" \
       "on $machine the custom CPU models and their usability are libvirt's"
    is_subset "$(sed -n '/<disk /,/<\/disk>/p' <<< "$ours" | values bus)" \
              "$(sed -n '/<disk /,/<\/disk>/p' <<< "$theirs" | values bus)"
    ok $? "on $machine every disk bus offered is one QEMU has"
    is_subset "$(values modelType <<< "$ours")" \
              "$(values modelType <<< "$theirs")"
    ok $? "on $machine every video model offered is one QEMU has"
done

for args in "--machine nosuch" "--arch aarch64" "--arch nosuch" \
            "--virttype nosuch" "--emulatorbin /nonexistent/qemu"; do
    # shellcheck disable=SC2086 # the options are split on purpose
    is "$(caps "$QURI" $args)" "$(caps "$LIBVIRTD_QEMU_URI" $args)" \
       "domcapabilities $args fails as libvirt's does"
done

# Whether kvm is a virt type of this host is QEMU's answer when the
# driver started (query-kvm), as libvirt's: where KVM cannot run guests
# the kvm virt type is refused and the capabilities offer qemu alone.
kvm_answer() {
    caps "$1" --virttype kvm | grep -E '^error|^  <(path|domain|machine|arch|vcpu)[ >]'
}
is "$(kvm_answer "$QURI")" "$(kvm_answer "$LIBVIRTD_QEMU_URI")" \
   "domcapabilities --virttype kvm answers as libvirt's, KVM usable or not"
guest_types() {
    timeout "$VSH_TIMEOUT" virsh -c "$1" capabilities 2>&1 |
        sed -n "/<arch name='x86_64'>/,/<\/arch>/p" | grep '<domain type='
}
is "$(guest_types "$QURI")" "$(guest_types "$LIBVIRTD_QEMU_URI")" \
   "capabilities offer an x86_64 guest the virt types libvirt's offer"

# The vireo CLI's domcapabilities prints what virsh's does.
qvireo domcapabilities --machine q35
ours=$(cat "$OUT")
is "$ours" "$(caps "$QURI" --machine q35)" \
   "vireo domcapabilities --machine q35 prints what virsh prints"
qvireo domcapabilities --arch aarch64
is "$(cat "$ERR")" "$(caps "$QURI" --arch aarch64)" \
   "and fails with virsh's words"

# print_xml URI ARGS...: what virt-install writes for a guest on URI.
print_xml() {
    local uri=$1
    shift
    timeout 120 virt-install --connect "$uri" --print-xml --import \
        --memory 128 \
        --vcpus 1 --disk none --network none --noautoconsole "$@" 2>&1
}

n=0
for osinfo in linux2020 generic; do
    n=$((n + 1))
    uuid=c0ffee00-0000-4000-8000-00000000000$n
    ours=$(print_xml "$QURI" --name "p-$osinfo" --uuid "$uuid" \
                     --osinfo "$osinfo" --graphics vnc)
    theirs=$(print_xml "$LIBVIRTD_QEMU_URI" --name "p-$osinfo" \
                       --uuid "$uuid" --osinfo "$osinfo" --graphics vnc)
    is "$ours" "$theirs" \
       "virt-install --osinfo $osinfo --graphics vnc writes for vireod what it writes for libvirtd"
    echo "$ours" > "$DIR/p-$osinfo.xml"
    qvsh define "$DIR/p-$osinfo.xml"
    is "$RC" 0 "and vireod defines what it wrote"
done

qvsh start p-linux2020
is "$RC" 0 "the guest virt-install wrote for linux2020 starts"
qvsh destroy p-linux2020
is "$RC" 0 "and is destroyed"
