#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-virt-admin.sh: the real virt-admin against vireod's admin socket.
# Each command's output has the shape libvirtd's has (a private libvirtd
# answers the same command; what legitimately differs, such as ids, times
# and counts, is masked), and each change has its effect: a disconnected
# client is gone, a lowered max_clients keeps the next client waiting, new
# log outputs and filters change what is logged, a daemon timeout stops an
# idle daemon. The admin socket is root's only.
. "$(dirname "$0")/lib.sh"
LIBVIRTD_ADMIN=1
. "$(dirname "$0")/libvirtd.sh"
CLIENT="/usr/bin/python3 $(dirname "$0")/admin_client.py"

plan 48

# libvirtd.conf's keys for what virt-admin shows and changes.
EXTRA_CONF='max_anonymous_clients = 7
admin_max_clients = 9
log_filters = "3:drivers/qemu"'
TCP_PORT=$(free_tcp_port)
LISTEN_TCP=1 daemon_start
ASOCK=$DIR/run/vireo-admin-sock
AURI="vireod:///system?socket=$ASOCK"

# vadm ARGS...: the real virt-admin against vireod; $OUT, $ERR, $RC.
vadm() {
    timeout "$VSH_TIMEOUT" virt-admin -c "$AURI" "$@" > "$OUT" 2> "$ERR"
    RC=$?
}

# What legitimately differs between two daemons: numbers, dates, the
# user and group names, column widths.
mask() {
    sed -E -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}\+0000/DATE/' \
           -e 's/^(unix_(user|group)_name *): .*/\1: NAME/' \
           -e 's/[0-9]+/N/g' -e 's/-+/-/' | tr -s ' '
}

# both ARGS...: the command against libvirtd, then vireod; $WANT and
# $GOT hold "status", stdout and stderr, masked ($MASK names another
# filter: MASK=cat compares them whole).
both() {
    local filter=${MASK:-mask}
    libvirtd_admin "$@"
    WANT=$(printf '%s\n' "$RC"; $filter < "$OUT"; $filter < "$ERR")
    vadm "$@"
    GOT=$(printf '%s\n' "$RC"; $filter < "$OUT"; $filter < "$ERR")
}

# hold URI NAME: a python3-libvirt client connected to URI on fd 3x
# (NAME's fifo), its answers in $DIR/NAME.out.
hold() {
    mkfifo "$DIR/$2.in"
    $CLIENT "$1" < "$DIR/$2.in" > "$DIR/$2.out" 2>&1 &
    eval "exec {HOLD_$2}> \"$DIR/$2.in\""
    wait_for_line "$DIR/$2.out" open
}

# ask NAME: one call over the held client; its answer is the last line.
ask() {
    local fd="HOLD_$1"
    echo >&"${!fd}"
    for _ in $(seq 50); do
        [ "$(wc -l < "$DIR/$1.out")" -ge "$2" ] && break
        sleep 0.1
    done
    tail -n 1 "$DIR/$1.out"
}

# first_client_id, last_client_id: the id in the first or last row of a
# client-list in $OUT.
first_client_id() {
    awk 'NR == 3 { print $1 }' "$OUT"
}
last_client_id() {
    awk 'NF == 4 { id = $1 } END { print id }' "$OUT"
}

# same_client_info LIBVIRTD_ID VIREOD_ID: client-info of each; $WANT, $GOT.
same_client_info() {
    libvirtd_admin client-info libvirtd "$1"
    WANT=$(printf '%s\n' "$RC"; mask < "$OUT"; mask < "$ERR")
    vadm client-info libvirtd "$2"
    GOT=$(printf '%s\n' "$RC"; mask < "$OUT"; mask < "$ERR")
}

# --- the admin socket ---------------------------------------------------
[ -S "$ASOCK" ]
ok $? "vireod makes its admin socket beside the others"
is "$(stat -c '%a %U' "$ASOCK")" "700 root" "and only root may use it"
timeout 10 setpriv --reuid=nobody --regid=nogroup --clear-groups \
    virt-admin -c "$AURI" srv-list > "$OUT" 2> "$ERR"
[ $? -ne 0 ] && grep -q "Permission denied" "$ERR"
ok $? "another user cannot connect to it"

LIBVIRTD_TCP_PORT=$(free_tcp_port)
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"

vadm srv-clients-info libvirtd
like "$(cat "$OUT")" "nclients_unauth_max : 7" "max_anonymous_clients is read from vireod.conf"
vadm srv-clients-info admin
like "$(cat "$OUT")" "nclients_max        : 9" "so is admin_max_clients"
vadm daemon-log-filters
like "$(cat "$OUT")" " Logging filters: 3:*drivers/qemu* " "and log_filters"

# --- shapes against libvirtd --------------------------------------------
# libvirtd lists its servers in no fixed order.
both srv-list
same_output "$(echo "$WANT" | sort)" "$(echo "$GOT" | sort)" \
    "srv-list names libvirtd's two servers"
MASK=cat both version
same_output "$WANT" "$GOT" \
    "version prints libvirtd's lines and numbers: the daemon is libvirt 9.0.0's"
vadm uri
is "$(cat "$OUT")" "$AURI" "uri prints the URI connected to"
both srv-threadpool-info admin
same_output "$WANT" "$GOT" "srv-threadpool-info admin has libvirtd's fields"
both srv-threadpool-info libvirtd
same_output "$(echo "$WANT" | grep -v '\.')" "$(echo "$GOT" | grep -v '\.')" \
    "srv-threadpool-info libvirtd has libvirtd's six fields"
like "$GOT" "loop.jobQueueDepth: N" "then the main loop's queue depth"
like "$GOT" "vireo-test.jobQueueDepth: N" "and each driver thread's"
# jobs_done N: the test driver thread's jobsDone, as virt-admin shows it.
jobs_done() {
    vadm srv-threadpool-info libvirtd
    awk '$1 == "vireo-test.jobsDone:" { print $2 }' "$OUT"
}
BEFORE=$(jobs_done)
vsh list
AFTER=$(jobs_done)
[ -n "$BEFORE" ] && [ "$AFTER" -gt "$BEFORE" ]
ok $? "its jobs done grow with the calls it runs ($BEFORE, then $AFTER)"
both srv-clients-info libvirtd
same_output "$WANT" "$GOT" "srv-clients-info has libvirtd's fields"
both srv-threadpool-info nosuch
same_output "$WANT" "$GOT" "an unknown server is refused in libvirtd's words"

hold "$LIBVIRTD_URI" peer
hold "$URI" mine
both srv-clients-list libvirtd
same_output "$WANT" "$GOT" "srv-clients-list lists a connected client as libvirtd does"
libvirtd_admin srv-clients-list libvirtd
PEER_ID=$(first_client_id)
vadm srv-clients-list libvirtd
MINE_ID=$(first_client_id)
same_client_info "$PEER_ID" "$MINE_ID"
same_output "$WANT" "$GOT" "client-info shows libvirtd's fields for a UNIX client"
like "$(cat "$OUT")" "unix_process_id: $(pgrep -f "admin_client.py $URI" | head -n 1)" \
    "with the client's own pid"

hold "$LIBVIRTD_TCP_URI" peertcp
hold "test+tcp://127.0.0.1:$TCP_PORT/default" minetcp
libvirtd_admin srv-clients-list libvirtd
PEER_TCP_ID=$(last_client_id)
vadm srv-clients-list libvirtd
like "$(cat "$OUT")" "tcp" "a TCP client is listed with its transport"
same_client_info "$PEER_TCP_ID" "$(last_client_id)"
same_output "$WANT" "$GOT" "client-info shows libvirtd's fields for a TCP client"
like "$(cat "$OUT")" "sock_addr      : 127.0.0.1:" "with the address it connects from"
eval "exec {HOLD_peertcp}>&- {HOLD_minetcp}>&-"

hold "$URI_RO" ro
vadm srv-clients-list libvirtd
vadm client-info libvirtd "$(last_client_id)"
like "$(cat "$OUT")" "readonly       : yes" "a client of the read-only socket is shown read-only"
eval "exec {HOLD_ro}>&-"
both client-info libvirtd 99999
same_output "$WANT" "$GOT" "an unknown client is refused in libvirtd's words"
both client-disconnect libvirtd 99999
same_output "$WANT" "$GOT" "and so is disconnecting one"

# --- client-disconnect --------------------------------------------------
is "$(ask mine 2)" "alive" "a held client is served"
vadm client-disconnect libvirtd "$MINE_ID"
is "$RC" "0" "client-disconnect succeeds"
like "$(cat "$OUT")" "disconnected" "and says so"
is "$(ask mine 3)" "dropped" "the client's connection is gone"
vadm srv-clients-list libvirtd
! grep -q "^ *$MINE_ID " "$OUT"
ok $? "and it is no longer listed"

# --- client limits ------------------------------------------------------
both srv-clients-set libvirtd --max-clients 1
same_output "$WANT" "$GOT" "max_clients below max_unauth_clients is refused as by libvirtd"
both srv-clients-set libvirtd --max-clients 2 --max-unauth-clients 1
same_output "$WANT" "$GOT" "setting both limits succeeds"
vadm srv-clients-info libvirtd
like "$(cat "$OUT")" "nclients_max        : 2" "the new max_clients is in force"
hold "$URI" one
hold "$URI" two
timeout "$VSH_TIMEOUT" virsh -c "$URI" list > "$DIR/third" 2>&1 &
third_pid=$!
wait_for_line "$DIR/vireod.log" "max_clients (2) reached, not accepting"
ok $? "a client past the new max_clients waits, with a log line saying why"
vadm srv-clients-set libvirtd --max-clients 5000 --max-unauth-clients 20
wait "$third_pid"
is "$?" "0" "raising it lets the waiting client in"
vadm srv-clients-list admin
like "$(cat "$OUT")" "unix" "the admin server lists its own client"

# --- the log ------------------------------------------------------------
both daemon-log-filters '1:qemu 3:remote'
same_output "$WANT" "$GOT" "daemon-log-filters sets filters"
both daemon-log-filters
same_output "$WANT" "$GOT" "and prints them as libvirtd does"
both daemon-log-filters bogus
same_output "$WANT" "$GOT" "a malformed filter is refused in libvirtd's words"
both daemon-log-outputs bogus
same_output "$WANT" "$GOT" "so is a malformed output"
# Filters first: from then on client.c's lines stay out of every output.
vadm daemon-log-filters "4:daemon/client.c"
vadm daemon-log-outputs "2:file:$DIR/new.log"
is "$RC" "0" "daemon-log-outputs sets a new output"
vadm daemon-log-outputs
is "$(sed '/^$/d' "$OUT")" " Logging outputs: 2:file:$DIR/new.log" "and prints it"
vsh list
vadm daemon-timeout --timeout 0
wait_for_line "$DIR/new.log" "idle timeout set to 0 s"
ok $? "vireod logs to the new output from then on"
! grep -q "connected" "$DIR/new.log"
ok $? "and a filter keeps daemon/client.c's lines out of it"
vadm daemon-log-filters ''
vsh list
wait_for_line "$DIR/new.log" "connected"
ok $? "until the filters are cleared"

# --- the idle timeout ---------------------------------------------------
for h in peer mine one two; do
    eval "exec {HOLD_$h}>&-"
done
vadm daemon-timeout --timeout 1
is "$RC" "0" "daemon-timeout sets an idle timeout live"
for _ in $(seq 100); do kill -0 "$DPID" 2> /dev/null || break; sleep 0.1; done
! kill -0 "$DPID" 2> /dev/null
ok $? "and the idle daemon then stops by itself"
wait "$DPID"
is "$?" "0" "cleanly"
DPID=
libvirtd_stop
done_testing
