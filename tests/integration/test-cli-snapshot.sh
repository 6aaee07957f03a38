#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-snapshot.sh: save, restore, managed save and snapshots from end
# to end. Each script of commands runs in one invocation (one connection,
# so test:///default starts pristine and lives through the script) three
# times: the real virsh against a private libvirtd, the real virsh against
# vireod, and our vireo CLI against vireod. vireod must answer virsh as
# libvirtd does, and vireo must print what virsh prints, once creation
# times (the clock) are masked. Scripts that print a domain's whole
# definition are compared between the two clients only: the definition is
# the domain XML's business, not this test's.
#
# $VIREOD names vireod, $VIREO the vireo CLI.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
. "$(dirname "$0")/cli_scripts.sh"

F=$FILES
SNAPS="snapshot-create-as test s1 --description first; snapshot-create-as test s2; \
snapshot-list test; snapshot-list test --parent; snapshot-list test --roots; \
snapshot-list test --leaves; snapshot-list test --name; \
snapshot-list test --topological; snapshot-info test s1; \
snapshot-info test --current; snapshot-current test --name"
CHANGES="snapshot-create-as test r; suspend test; snapshot-create-as test p; \
snapshot-revert test r --paused; domstate test --reason; \
snapshot-revert test p --running; domstate test --reason; \
snapshot-create-as test h --halt; domstate test --reason; \
snapshot-delete test r --children-only; snapshot-list test --parent; \
snapshot-delete test r; snapshot-current test --name; snapshot-delete test p; \
snapshot-list test"
SAVES="save test $F/t.save; domstate test --reason; restore $F/t.save; \
domstate test --reason; managedsave test; domstate test --reason; \
list --all; start test; domstate test --reason; save test $F/t.save; \
restore $F/missing.save"
ERRORS_1="snapshot-info test nosuch"
ERRORS_2="snapshot-revert test"
ERRORS_3="snapshot-delete test nosuch"
ERRORS_4="save nope $F/nope.save"
ERRORS_5="snapshot-current test"

plan 20
daemon_start
ok $? "vireod creates its sockets"
check "$SNAPS"
check "$CHANGES"
check "$SAVES"
for e in "$ERRORS_1" "$ERRORS_2" "$ERRORS_3" "$ERRORS_4" "$ERRORS_5"; do
    check "$e"
done
check "snapshot-create-as test s1; snapshot-dumpxml test s1; snapshot-current test" clients-only
daemon_stop
is "$DRC" "0" "vireod stops cleanly"
libvirtd_stop
ok $? "libvirtd stops cleanly"
