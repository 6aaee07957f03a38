#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-lifecycle.sh: a whole domain lifecycle in one ';' session on the
# in-process test driver, with virsh's messages and states in between; a
# transient domain; autostart; a session as separate argv words.
source "$(dirname "$0")/lib.sh"

plan 9

run -c test:///default "define $DATA/vm1.xml; domstate vm1 --reason; \
start vm1; domstate vm1 --reason; suspend vm1; domstate vm1 --reason; \
resume vm1; domstate vm1 --reason; destroy vm1; domstate vm1 --reason; \
undefine vm1; list --all"
expect_rc 0 "a define-to-undefine session succeeds"
expect_out "each step prints virsh's message and the state it reached" <<END
Domain 'vm1' defined from $DATA/vm1.xml

shut off (unknown)

Domain 'vm1' started

running (booted)

Domain 'vm1' suspended

paused (user)

Domain 'vm1' resumed

running (unpaused)

Domain 'vm1' destroyed

shut off (destroyed)

Domain 'vm1' has been undefined

 Id   Name   State
----------------------
 1    test   running

END

run -c test:///default define "$DATA/vm1.xml" ';' start vm1 ';' \
    list --all ';' domid vm1 ';' shutdown vm1 ';' list --inactive
expect_rc 0 "';' as a word of its own separates commands too"
expect_out "ids are given out in order and inactive domains show '-'" <<END
Domain 'vm1' defined from $DATA/vm1.xml

Domain 'vm1' started

 Id   Name   State
----------------------
 1    test   running
 2    vm1    running

2

Domain 'vm1' is being shutdown

 Id   Name   State
-----------------------
 -    vm1    shut off

END

run -c test:///default "create $DATA/vm1.xml --paused; \
domstate vm1 --reason; dominfo vm1; destroy vm1; list --all"
expect_rc 0 "a transient domain can be created, inspected and destroyed"
sed '/^CPU time:/d' "$OUT" > "$WORK/filtered"
expect_file "$WORK/filtered" "create says so; the domain is transient and \
vanishes when destroyed" <<END
Domain 'vm1' created from $DATA/vm1.xml

paused (starting up)

Id:             2
Name:           vm1
UUID:           4dea22b3-1d52-d8f3-2516-782e98ab3fa0
OS Type:        linux
State:          paused
CPU(s):         2
Max memory:     262144 KiB
Used memory:    262144 KiB
Persistent:     no
Autostart:      disable
Managed save:   no
Security model: testSecurity
Security DOI:   
Security label: libvirt-test (enforcing)

Domain 'vm1' destroyed

 Id   Name   State
----------------------
 1    test   running

END

run -c test:///default "define $DATA/vm1.xml; autostart vm1; \
list --all; autostart 4dea22b3-1d52-d8f3-2516-782e98ab3fa0 --disable; \
start 4dea22b3-1d52-d8f3-2516-782e98ab3fa0; reboot 2"
expect_rc 0 "autostart, start by UUID and reboot by id succeed"
expect_out "autostart marks and unmarks, naming the domain as typed" <<END
Domain 'vm1' defined from $DATA/vm1.xml

Domain 'vm1' marked as autostarted

 Id   Name   State
-----------------------
 1    test   running
 -    vm1    shut off

Domain '4dea22b3-1d52-d8f3-2516-782e98ab3fa0' unmarked as autostarted

Domain 'vm1' started

Domain '2' is being rebooted

END

run -c test:///default "define $DATA/vm1.xml; dominfo vm1"
expect_match "$OUT" '^Autostart:      disable$' \
    "a fresh process starts from a fresh test driver"

done_testing
