#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-cli.sh: what vireo prints about domains and the host, line for line
# as virsh 9.0 prints it for the same test driver.
source "$(dirname "$0")/lib.sh"

plan 20

run -c test:///default list --all
expect_rc 0 "list --all succeeds"
expect_out "list --all shows the running test domain in virsh's table" <<'END'
 Id   Name   State
----------------------
 1    test   running

END

run -c test:///default list
expect_out "list without --all shows the same running domain" <<'END'
 Id   Name   State
----------------------
 1    test   running

END

run -c test:///default "domstate test; domstate 1 --reason; domid test; \
domuuid 1"
uuid=$(sed -n '7p' "$OUT")
expect_match "$WORK/out" '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' \
    "domuuid prints a UUID in 8-4-4-4-12 form"
expect_out "domstate, domid and domuuid print one value and a blank line" <<END
running

running (unknown)

1

$uuid

END

run -c test:///default "dominfo $uuid"
sed '/^CPU time:/d; /^OS Type:/d' "$OUT" > "$WORK/filtered"
expect_file "$WORK/filtered" "dominfo, found by UUID, prints virsh's \
labels in a 15-column field" <<END
Id:             1
Name:           test
UUID:           $uuid
State:          running
CPU(s):         2
Max memory:     8388608 KiB
Used memory:    2097152 KiB
Persistent:     yes
Autostart:      disable
Managed save:   no
Security model: testSecurity
Security DOI:   
Security label: libvirt-test (enforcing)

END
expect_match "$OUT" '^CPU time:       [0-9]+\.[0-9]s$' \
    "the CPU time of a running domain has one decimal and an 's'"
expect_match "$OUT" '^OS Type:        [a-z]+$' "dominfo names the OS type"

run -c test:///default nodeinfo
expect_rc 0 "nodeinfo succeeds"
expect_out "nodeinfo prints the test host in a 20-column field" <<'END'
CPU model:           i686
CPU(s):              16
CPU frequency:       1400 MHz
CPU socket(s):       2
Core(s) per socket:  2
Thread(s) per core:  2
NUMA cell(s):        2
Memory size:         3145728 KiB

END

run -c test:///default version
v='[0-9]+\.[0-9]+\.[0-9]+'
expect_match "$OUT" "^Compiled against library: vireo $v\$" \
    "version names the library vireo was compiled against"
expect_match "$OUT" "^Using library: vireo $v\$" \
    "version names the library in use"
expect_match "$OUT" "^Using API: TEST $v\$" \
    "version names the API with the hypervisor type"
expect_match "$OUT" "^Running hypervisor: TEST $v\$" \
    "version decodes the hypervisor's version"

run -c test:///default "hostname; uri"
expect_out "hostname and uri print one line each and a blank line" <<END
$(sed -n 1p "$OUT")

test:///default

END

run -c test:///default capabilities
expect_match "$OUT" '^<capabilities>' "capabilities prints the document"
tail -n 3 "$OUT" | sed 's/^ *//' > "$WORK/tail"
expect_file "$WORK/tail" "capabilities ends as virsh ends it: the \
document, a newline, and a blank line" <<'END'
</capabilities>


END

run -c test:///default "dumpxml test --inactive"
expect_match "$OUT" "<name>test</name>" "dumpxml prints the domain XML"
tail -n 2 "$OUT" > "$WORK/tail"
expect_file "$WORK/tail" "dumpxml prints the XML verbatim and a blank line" \
<<'END'
</domain>

END

run -r -c test:///default "list; domstate test"
expect_rc 0 "a read-only connection can still look"

done_testing
