/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-metrics.c: the metrics endpoint's pure parts: the exposition text
 * (escaping, histograms, seconds), metrics_listen's addresses (loopback
 * only), a domain's record read into figures, calls counted by
 * procedure from the replies the loop queues, and clients and events.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/metrics_calls.h"
#include "daemon/metrics_clients.h"
#include "daemon/metrics_domains.h"
#include "daemon/metrics_http.h"
#include "daemon/metrics_text.h"
#include "tests/tap.h"
#include "wire/frame.h"

static char *
take(struct metrics_text *t)
{
    size_t len;

    return metrics_text_take(t, &len);
}

static void
test_text(void)
{
    struct metrics_text t = { 0 };
    struct metrics_label l[] = { { "socket", "a\"b\\c\nd" }, { "x", "y" } };
    char *s;

    metrics_text_family(&t, "vireo_x_total", "counter", "Back\\slash\nnew");
    s = take(&t);
    tap_is_str(s, "# HELP vireo_x_total Back\\\\slash\\nnew\n"
                  "# TYPE vireo_x_total counter\n",
               "HELP escapes backslash and newline, and TYPE follows it");
    free(s);

    metrics_text_u64(&t, "vireo_x_total", l, 2, 18446744073709551615ull);
    s = take(&t);
    tap_is_str(s, "vireo_x_total{socket=\"a\\\"b\\\\c\\nd\",x=\"y\"} "
                  "18446744073709551615\n",
               "label values escape quote, backslash and newline");
    free(s);

    metrics_text_u64(&t, "vireo_y", NULL, 0, 0);
    metrics_text_seconds(&t, "vireo_s", NULL, 0, 1500000001);
    s = take(&t);
    tap_is_str(s, "vireo_y 0\nvireo_s 1.500000001\n",
               "a sample without labels has no braces, and seconds are exact");
    free(s);
}

static void
test_histogram(void)
{
    static const char *const bounds[] = { "0.001", "1" };
    const uint64_t counts[] = { 2, 0, 3 };
    struct metrics_label l = { "proc", "P" };
    struct metrics_text t = { 0 };
    char *s;

    metrics_text_histogram(&t, "vireo_h_seconds", &l, 1, bounds, counts, 2,
                           2250000000u);
    s = take(&t);
    tap_is_str(s,
               "vireo_h_seconds_bucket{proc=\"P\",le=\"0.001\"} 2\n"
               "vireo_h_seconds_bucket{proc=\"P\",le=\"1\"} 2\n"
               "vireo_h_seconds_bucket{proc=\"P\",le=\"+Inf\"} 5\n"
               "vireo_h_seconds_sum{proc=\"P\"} 2.250000000\n"
               "vireo_h_seconds_count{proc=\"P\"} 5\n",
               "a histogram's buckets are cumulative, ending in +Inf, with "
               "its sum and count");
    free(s);
    s = take(&t);
    tap_is_str(s, "", "an empty text is an empty string, not NULL");
    free(s);
}

static bool
parses(const char *listen, bool want_unix)
{
    struct metrics_address a;
    struct vireo_error err = { 0 };

    return metrics_address_parse(listen, &a, &err) == 0 &&
           a.is_unix == want_unix;
}

/* listen is refused with code, in words containing why and listen. */
static bool
refused_with(const char *listen, int code, const char *why)
{
    struct metrics_address a;
    struct vireo_error err = { 0 };

    if (metrics_address_parse(listen, &a, &err) == 0)
        return false;
    if (strstr(err.message, why) == NULL || strstr(err.message, listen) == NULL)
        tap_diag("  '%s': %s", listen, err.message);
    return strstr(err.message, why) != NULL &&
           strstr(err.message, listen) != NULL &&
           err.code == code;
}

static bool
refused(const char *listen, const char *why)
{
    return refused_with(listen, VIR_ERR_CONF_SYNTAX, why);
}

static bool
refused_remote(const char *listen)
{
    return refused_with(listen, VIR_ERR_CONFIG_UNSUPPORTED,
                        "not a loopback address");
}

static void
test_address(void)
{
    tap_ok(parses("127.0.0.1:9177", false) && parses("127.1.2.3:1", false),
           "127.0.0.0/8 with a port is taken");
    tap_ok(parses("[::1]:9177", false) && parses("localhost:65535", false),
           "[::1] and localhost are taken");
    tap_ok(parses("/run/vireo/metrics-sock", true),
           "an absolute path is a UNIX socket");
    tap_ok(refused_remote("0.0.0.0:9177") &&
           refused_remote("192.168.1.10:9177") && refused_remote("[::]:9177"),
           "any address but loopback is refused, naming the setting");
    tap_ok(refused("127.0.0.1", "expected HOST:PORT") &&
           refused("127.0.0.1:0", "port must be") &&
           refused("127.0.0.1:70000", "port must be") &&
           refused("127.0.0.1:91x", "port must be") &&
           refused("example.org:9177", "expected HOST:PORT"),
           "a missing or bad port, or a host name, is refused");
}

static void
add_u(struct vireo_typed_params *p, const char *field, unsigned long long v)
{
    struct vireo_error err = { 0 };

    vireo_typed_params_add_ullong(p, field, v, &err);
}

static void
test_domain_read(void)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_error err = { 0 };
    struct metrics_domain d;

    memset(&d, 0, sizeof(d));
    metrics_domain_clear(&d);
    vireo_typed_params_add_int(&p, "state.state", 5, &err);
    add_u(&p, "cpu.time", 42);
    add_u(&p, "balloon.current", 1024);
    add_u(&p, "block.count", 2);
    vireo_typed_params_add_string(&p, "block.1.name", "vdb", &err);
    add_u(&p, "block.1.rd.bytes", 7);
    add_u(&p, "block.1.wr.reqs", 9);
    vireo_typed_params_add_string(&p, "net.0.name", "vnet0", &err);
    add_u(&p, "net.0.tx.pkts", 3);
    add_u(&p, "block.99999.rd.bytes", 1);
    tap_is_int(metrics_domain_read(&d, &p), 0, "a record is read");
    tap_ok(d.state == 5 && d.has_cpu && d.cpu_time_ns == 42 &&
           d.has_memory && d.memory_bytes == 1024 * 1024 && d.n_vcpus == -1,
           "state, CPU time and memory (KiB to bytes) are taken; vCPUs "
           "absent stay unreported");
    tap_ok(d.n_blocks == 2 && d.blocks[0].name == NULL &&
           strcmp(d.blocks[1].name, "vdb") == 0 &&
           d.blocks[1].in_bytes == 7 && d.blocks[1].out_ops == 9,
           "disks are placed by index, whatever order they come in");
    tap_ok(d.n_nets == 1 && strcmp(d.nets[0].name, "vnet0") == 0 &&
           d.nets[0].out_ops == 3,
           "interfaces are read, and an absurd index is ignored");
    metrics_domain_clear(&d);
    vireo_typed_params_clear(&p);
}

/* An encoded REPLY (header only) to proc of prog with status. */
static void
reply(struct wire_buffer *out, uint32_t prog, int proc, int status)
{
    remote_message_header hdr = {
        .prog = prog, .vers = 1, .proc = proc, .type = WIRE_TYPE_REPLY,
        .serial = 1, .status = status,
    };

    wire_encode(out, &hdr, WIRE_XDR_VOID, NULL);
}

static void
test_calls(void)
{
    struct wire_buffer out = { 0 };
    struct metrics_text t = { 0 };
    uint64_t arrived;
    char *s;

    metrics_call_arrived();
    arrived = metrics_call_arrival_ns();
    reply(&out, WIRE_REMOTE_PROGRAM, 212, WIRE_STATUS_OK);  /* GET_STATE */
    metrics_call_replied(&out, arrived);
    metrics_call_replied(&out, arrived - 2000000000u);
    wire_buffer_release(&out);
    reply(&out, WIRE_REMOTE_PROGRAM, 212, WIRE_STATUS_ERROR);
    metrics_call_replied(&out, arrived);
    wire_buffer_release(&out);
    reply(&out, 0x12345678, 1, WIRE_STATUS_ERROR);
    metrics_call_replied(&out, arrived);
    wire_buffer_release(&out);
    metrics_calls_render(&t);
    s = take(&t);
    tap_ok(strstr(s, "vireo_calls_total{proc=\"REMOTE_PROC_DOMAIN_GET_STATE\"}"
                     " 3\n") != NULL,
           "replies are counted under libvirt's procedure name");
    tap_ok(strstr(s, "vireo_call_errors_total{proc=\"REMOTE_PROC_DOMAIN_GET_"
                     "STATE\"} 1\n") != NULL,
           "an error reply counts as an error too");
    tap_ok(strstr(s, "vireo_call_duration_seconds_bucket{proc=\"REMOTE_PROC_"
                     "DOMAIN_GET_STATE\",le=\"1\"} 2\n") != NULL &&
           strstr(s, "le=\"2.5\"} 3\n") != NULL,
           "a call that took two seconds lands in the 2.5 s bucket");
    tap_ok(strstr(s, "vireo_calls_total{proc=\"unknown\"} 1\n") != NULL,
           "a procedure of a program vireo does not know counts as unknown");
    tap_ok(strstr(s, "REMOTE_PROC_CONNECT_OPEN") == NULL,
           "procedures never called are left out");
    free(s);
}

static void
test_clients(void)
{
    int rw, ro, other;
    struct metrics_text t = { 0 };
    struct metrics_socket *a, *b;
    char *s;

    metrics_socket_add(&rw, "/run/x/vireo-sock");
    metrics_socket_add(&ro, "/run/x/vireo-sock-ro");
    a = metrics_socket_joined(&rw);
    b = metrics_socket_joined(&rw);
    metrics_socket_joined(&ro);
    metrics_socket_left(b);
    tap_ok(metrics_socket_joined(&other) == NULL,
           "a client of a socket never added is not counted");
    metrics_event_sent();
    metrics_event_dropped();
    metrics_event_sent();
    metrics_clients_render(&t);
    s = take(&t);
    tap_ok(strstr(s, "vireo_clients_connected{socket=\"/run/x/vireo-sock\"} 1\n")
           != NULL &&
           strstr(s, "vireo_clients_connected{socket=\"/run/x/vireo-sock-ro\"} "
                     "1\n") != NULL,
           "clients are counted per socket, joined and left");
    tap_ok(strstr(s, "vireo_events_sent_total 2\n") != NULL &&
           strstr(s, "vireo_events_dropped_total 1\n") != NULL &&
           strstr(s, "vireo_slow_consumer_disconnects_total 0\n") != NULL,
           "events sent and dropped are counted apart");
    free(s);
    metrics_socket_left(a);
    metrics_clients_fini();
    metrics_clients_render(&t);
    s = take(&t);
    tap_ok(strstr(s, "socket=") == NULL, "fini forgets the sockets");
    free(s);
}

int
main(void)
{
    tap_plan(23);
    test_text();
    test_histogram();
    test_address();
    test_domain_read();
    test_calls();
    test_clients();
    return tap_done();
}
