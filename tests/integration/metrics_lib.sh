# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# metrics_lib.sh: scraping vireod's metrics endpoint in a test (after
# lib.sh), and reading the scrape with python3-prometheus-client's parser
# (metrics_query.py).
#
#   metrics_listen = "127.0.0.1:$METRICS_PORT"   # a free port, in vireod.conf
#   scrape                       # into $SCRAPE (curl, within 5 s)
#   value 'vireo_x{a="b"}'       # its value, or "absent"
#   wait_value SERIES WANT       # scrape until it reads WANT (10 s)

command -v curl > /dev/null || fail_all "curl is installed"
/usr/bin/python3 -c 'import prometheus_client.parser' 2> /dev/null ||
    fail_all "python3-prometheus-client is installed for /usr/bin/python3"

SCRAPE=$DIR/scrape
METRICS_PORT=$(free_tcp_port)
METRICS_URL="http://127.0.0.1:$METRICS_PORT/metrics"
METRICS_QUERY="/usr/bin/python3 $(dirname "${BASH_SOURCE[0]}")/metrics_query.py"

# scrape [CURL ARGS...]: the figures into $SCRAPE, within 5 s.
scrape() {
    curl -sS --max-time 5 "${@:-$METRICS_URL}" > "$SCRAPE" 2> "$ERR"
}

# value SERIES: its value in the last scrape, or "absent".
value() {
    $METRICS_QUERY "$SCRAPE" "$1"
}

# wait_value SERIES WANT: scrape until SERIES reads WANT (up to 10 s); the
# per-domain figures are collected in the background, every second.
wait_value() {
    for _ in $(seq 50); do
        scrape && [ "$(value "$1")" = "$2" ] && return 0
        sleep 0.2
    done
    return 1
}

# wait_busy THREAD: scrape until the driver thread has a job (up to 10 s).
wait_busy() {
    local depth
    for _ in $(seq 50); do
        scrape &&
            depth=$(value "vireo_driver_thread_queue_depth{thread=\"$1\"}") &&
            [ "$depth" != absent ] && [ "$depth" -ge 1 ] && return 0
        sleep 0.2
    done
    return 1
}
