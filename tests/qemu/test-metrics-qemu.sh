#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-metrics-qemu.sh: the metrics endpoint's per-domain figures for a
# real QEMU guest, which the qemu driver gives through its domains' info:
# shut off once defined, running with its memory and a CPU time that
# grows once started, shut off again after virsh destroy, and gone once
# undefined.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/../integration/metrics_lib.sh"

plan 8
STATE='vireo_domain_state{driver="qemu",domain="g1"}'
CPU='vireo_domain_cpu_time_seconds_total{driver="qemu",domain="g1"}'

EXTRA_CONF="metrics_listen = \"127.0.0.1:$METRICS_PORT\"" qemu_daemon_start
guest_xml g1 > "$DIR/g1.xml"
qvsh define "$DIR/g1.xml"
wait_value "$STATE" 5
ok $? "a defined guest reads state 5 (shut off)"

qvsh start g1
wait_value "$STATE" 1
ok $? "once started it reads 1 (running)"
is "$(value 'vireo_domain_memory_bytes{driver="qemu",domain="g1"}')" \
    "$(( GUEST_MEMORY_MIB * 1048576 ))" "its memory is the definition's, in bytes"
is "$(value 'vireo_domain_vcpus{driver="qemu",domain="g1"}')" "1" \
    "it has its one vCPU"
wait_for_line "$(guest_serial g1)" "$GUEST_READY" "$GUEST_BOOT_TIMEOUT"
scrape
cpu_booted=$(value "$CPU")
/usr/bin/python3 -c "import sys; sys.exit(0 if float('$cpu_booted') > 0 else 1)" 2> /dev/null
ok $? "a booted guest has used CPU time ($cpu_booted s)"

qvsh destroy g1
wait_value "$STATE" 5
ok $? "after virsh destroy it reads 5 again"
qvsh undefine g1
wait_value "$STATE" absent
ok $? "once undefined it is no longer shown"
daemon_stop
is "$DRC" "0" "SIGTERM stops the daemon cleanly"
done_testing
