#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli-checkpoint.sh: the checkpoint-* commands from end to end, as
# cli_scripts.sh runs them: virsh against libvirtd and against vireod,
# and the vireo CLI against vireod, all printing alike. Every layer is
# crossed: vireo's library, the remote driver, the wire, vireod's
# dispatch and its test driver.
#
# $VIREOD names vireod, $VIREO the vireo CLI.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/libvirtd.sh"
. "$(dirname "$0")/cli_scripts.sh"
DATA=$(cd "$(dirname "$0")/side/data" && pwd)

TREE="checkpoint-create-as test c1 first; \
checkpoint-create-as test c2 --diskspec vda,checkpoint=no; \
checkpoint-create-as test c3 --diskspec vda,bitmap=b3; \
checkpoint-create test $DATA/checkpoint.xml; \
checkpoint-list test; checkpoint-list test --parent; \
checkpoint-list test --roots; checkpoint-list test --leaves; \
checkpoint-list test --no-leaves; checkpoint-list test --topological; \
checkpoint-list test --name; checkpoint-list test --tree; \
checkpoint-info test c1; checkpoint-info test c3; \
checkpoint-parent test c2; checkpoint-dumpxml test c2 --no-domain; \
checkpoint-dumpxml test c3 --no-domain --size"
CHANGES="checkpoint-create-as test c1; checkpoint-create-as test c2; \
checkpoint-create-as test c3; \
checkpoint-create test $DATA/checkpoint-redefine.xml --redefine; \
checkpoint-create test $DATA/checkpoint-child.xml --redefine; \
checkpoint-list test --parent --topological; checkpoint-delete test c2; \
checkpoint-list test --parent; checkpoint-delete test c1 --children-only; \
checkpoint-list test --parent; checkpoint-delete test old --children; \
checkpoint-delete test c1 --metadata; checkpoint-list test; \
checkpoint-create-as test c4 --print-xml --description later"
ERRORS_1="checkpoint-info test nosuch"
ERRORS_2="checkpoint-create-as test c1; checkpoint-create-as test c1"
ERRORS_3="checkpoint-create-as test c1; checkpoint-parent test c1"
ERRORS_4="checkpoint-create-as test c9 --diskspec vdz"
ERRORS_5="checkpoint-create test $DATA/checkpoint-malformed.xml"
ERRORS_6="checkpoint-create test $DATA/checkpoint-orphan.xml --redefine"
ERRORS_7="checkpoint-delete test nosuch"
ERRORS_8="checkpoint-list nope"
ERRORS_9="checkpoint-create-as test c1; destroy test; \
checkpoint-dumpxml test c1 --size; checkpoint-create-as test c2"

plan 26
daemon_start
ok $? "vireod creates its sockets"
check "$TREE"
check "$CHANGES"
for e in "$ERRORS_1" "$ERRORS_2" "$ERRORS_3" "$ERRORS_4" "$ERRORS_5" \
         "$ERRORS_6" "$ERRORS_7" "$ERRORS_8" "$ERRORS_9"; do
    check "$e"
done
check "checkpoint-create-as test c1; checkpoint-dumpxml test c1" clients-only
daemon_stop
is "$DRC" "0" "vireod stops cleanly"
libvirtd_stop
ok $? "libvirtd stops cleanly"
