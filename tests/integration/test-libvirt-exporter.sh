#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-libvirt-exporter.sh: Debian's prometheus-libvirt-exporter (libvirt's
# C client underneath) as a monitoring user runs it: one exporter on
# vireod (a ?socket= URI) and one on a private libvirtd, each on a free
# loopback port (never its default 9177), scraped with curl while
# test:///default holds domains in several states (running, paused, shut
# off, a transient one). libvirtd's scrape is the expectation: vireod's
# must name the same libvirt_* metrics, with the same help, types, labels
# and values, except the values the test driver derives from the clock
# (CPU time, block and interface counters), which are masked.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"

EXPORTER=/usr/bin/prometheus-libvirt-exporter
[ -x "$EXPORTER" ] ||
    fail_all "prometheus-libvirt-exporter is installed"
command -v curl > /dev/null || fail_all "curl is installed"

# Every process this test starts in the background (the virsh sessions
# that hold each daemon's state, the exporters), killed at exit whatever
# happens, before lib.sh's and libvirtd.sh's own cleanup.
PIDS=()
kill_started() {
    local pid
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2> /dev/null
        wait "$pid" 2> /dev/null
    done
    return 0
}
exporter_prev_trap=$(trap -p EXIT)
exporter_prev_trap=${exporter_prev_trap#trap -- }
exporter_prev_trap=${exporter_prev_trap% EXIT}
eval "exporter_prev_trap=${exporter_prev_trap:-''}"
trap 'kill_started; eval "$exporter_prev_trap"' EXIT

plan 12

libvirtd_start ||
    fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
daemon_start || fail_all "vireod starts"

# hold URI NAME: a virsh session kept open on URI, so that
# test:///default's state outlives each virsh command below (and the
# exporter's own connections, which it opens per scrape).
# It returns once the session has answered a command: until then its
# connection may not be open yet, and the state would die in between.
hold() {
    mkfifo "$DIR/hold-$2"
    timeout 300 virsh -c "$1" < "$DIR/hold-$2" > "$DIR/hold-$2.out" 2>&1 &
    PIDS+=($!)
    # shellcheck disable=SC2034 # open until the script exits
    exec {fd}> "$DIR/hold-$2"
    echo "echo holding" >&"$fd"
    wait_for_line "$DIR/hold-$2.out" holding 60
}

# domain_xml NAME UUID KIB VCPUS DEVICE...: a domain of the test driver
# with, for each DEVICE, a file disk (TARGET=FILE) or an interface on a
# bridge (bridge=NAME).
domain_xml() {
    local device
    printf "<domain type='test'>\n  <name>%s</name>\n  <uuid>%s</uuid>\n" \
        "$1" "$2"
    printf "  <memory unit='KiB'>%s</memory>\n  <vcpu>%s</vcpu>\n" "$3" "$4"
    printf "  <os><type arch='i686'>hvm</type></os>\n  <devices>\n"
    shift 4
    for device; do
        case $device in
        bridge=*)
            printf "    <interface type='bridge'><source bridge='%s'/></interface>\n" \
                "${device#bridge=}" ;;
        *)
            printf "    <disk type='file' device='disk'><source file='%s'/><target dev='%s' bus='virtio'/></disk>\n" \
                "${device#*=}" "${device%%=*}" ;;
        esac
    done
    printf "  </devices>\n</domain>\n"
}

domain_xml golv-paused 0c5b6f0e-3b7a-4e3d-9a2c-71e4d5f6a801 262144 3 \
    vdb=/guest/paused.img bridge=br-mon > "$DIR/paused.xml"
domain_xml golv-off 5d2e9c41-8f06-4b1a-b3d7-2a9e0c6f4b12 524288 1 \
    vda=/guest/off.img > "$DIR/off.xml"
domain_xml golv-transient 9a7f1c33-2e4b-4d85-a6c0-b18e5f3d7c29 65536 2 \
    vda=/guest/t1.img vdc=/guest/t2.img > "$DIR/transient.xml"

# populate URI: the domains in their states; prints each command's
# failure, so that a daemon refusing one shows in the comparison.
populate() {
    local cmd
    for cmd in "define $DIR/paused.xml" "start golv-paused" \
               "suspend golv-paused" "define $DIR/off.xml" \
               "create $DIR/transient.xml"; do
        # shellcheck disable=SC2086 # the command's words, split on purpose
        timeout "$VSH_TIMEOUT" virsh -q -c "$1" $cmd > /dev/null 2>&1 ||
            echo "virsh $cmd failed"
    done
}

# scrape URI NAME: start an exporter on URI on a free port, wait for it to
# answer, keep its /metrics in $DIR/NAME.metrics, and stop it.
scrape() {
    local port pid
    port=$(free_tcp_port)
    "$EXPORTER" --libvirt.uri="$1" \
        --web.listen-address="127.0.0.1:$port" > "$DIR/$2.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    for _ in $(seq 300); do
        curl -sf -o "$DIR/$2.metrics" "http://127.0.0.1:$port/metrics" &&
            break
        kill -0 "$pid" 2> /dev/null || break
        sleep 0.1
    done
    kill "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
}

# libvirt_lines: the libvirt_* lines of a scrape (the exporter's own Go
# and process metrics vary), with the values the test driver computes
# from the clock masked.
libvirt_lines() {
    grep -E '^(# (HELP|TYPE) )?libvirt_' "$1" |
        sed -E '/^libvirt_domain_(block_stats_|interface_stats_|info_cpu_time)/s/ [^ ]+$/ N/'
}

hold "$LIBVIRTD_URI" libvirtd
hold "$URI" vireod
SETUP_LIBVIRTD=$(populate "$LIBVIRTD_URI")
SETUP_VIREOD=$(populate "$URI")
is "$SETUP_LIBVIRTD" "" "libvirtd's test driver holds domains in four states"
is "$SETUP_VIREOD" "" "and so does vireod's"

scrape "$LIBVIRTD_URI" libvirtd
scrape "$URI" vireod
WANT=$(libvirt_lines "$DIR/libvirtd.metrics")
GOT=$(libvirt_lines "$DIR/vireod.metrics")

# What libvirtd's scrape holds, checked on its own.
like "$WANT" "libvirt_up 1" "the exporter scrapes libvirtd"
# The exporter walks the active domains only: golv-off is left out.
like "$WANT" "libvirt_domains_number 3" "it counts libvirtd's three active domains"
like "$WANT" 'libvirt_domain_state_code{domain="golv-paused",uuid="0c5b6f0e-3b7a-4e3d-9a2c-71e4d5f6a801"} 3' \
     "it reports the paused domain's state"
like "$WANT" 'source_bridge="br-mon",target_device="testnet0"' \
     "it labels a bridged interface with its bridge"

same_output "$(grep '^# ' <<< "$WANT")" "$(grep '^# ' <<< "$GOT")" \
    "vireod's scrape: libvirtd's metric names, help and types"
same_output "$(grep -v '^# ' <<< "$WANT" | sed -E 's/ [^ ]+$//')" \
    "$(grep -v '^# ' <<< "$GOT" | sed -E 's/ [^ ]+$//')" \
    "vireod's scrape: libvirtd's series, label for label"
same_output "$WANT" "$GOT" \
    "vireod's scrape: libvirtd's values, but for the clock's"
like "$GOT" "libvirt_up 1" "the exporter scrapes vireod"
is "$(grep -c -i 'error' "$DIR/vireod.log")" \
   "$(grep -c -i 'error' "$DIR/libvirtd.log")" \
   "the exporter logs no more errors against vireod than against libvirtd"

daemon_stop
is "$DRC" 0 "vireod exits 0 after the scrapes"
libvirtd_stop
done_testing
