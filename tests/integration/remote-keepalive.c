/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote-keepalive.c URI: a daemon that completes the handshake and then
 * falls silent (bad_server.py deaf) is given up by keepalive: with the
 * application's loop running and keepalive tightened to 1 s x 1 ping, the
 * connection is declared dead within a few seconds, for the reason
 * "keepalive", and calls then fail at once instead of hanging.
 */
#include "api/vireo.h"
#include "tests/integration/loop_wait.h"
#include "tests/tap.h"

#define WAIT_MS 15000

int
main(int argc, char **argv)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;
    long long start, deadline;
    int reason = -1, alive = 1, timer;

    if (argc != 2)
        return 2;
    tap_plan(6);
    tap_is_int(poll_impl_register(), 0, "the application's poll(2) loop");
    conn = vireo_conn_open(argv[1], 0, &err);
    tap_ok(conn != NULL, "the handshake with the deaf daemon succeeds");
    if (conn == NULL)
        return tap_done();
    tap_is_int(vireo_conn_set_keepalive(conn, 1, 1, &err), 0,
               "keepalive tightened to 1 s, 1 ping");
    timer = vireo_event_add_timeout(100, loop_wait_tick, NULL, NULL);
    start = now_ms();
    deadline = start + WAIT_MS;
    while ((alive = vireo_conn_is_alive(conn, &reason)) == 1 &&
           now_ms() < deadline)
        poll_impl_run_once();
    vireo_event_remove_timeout(timer);
    tap_is_int(alive, 0, "the silent daemon is given up after %lld ms",
               now_ms() - start);
    tap_is_int(reason, VIR_CONNECT_CLOSE_REASON_KEEPALIVE,
               "for the reason 'keepalive'");
    tap_ok(vireo_conn_get_hostname(conn, &err) == NULL &&
           err.code == VIR_ERR_INTERNAL_ERROR,
           "a later call fails at once: %s", err.message);
    vireo_conn_close(conn);
    loop_wait_settle();
    return tap_done();
}
