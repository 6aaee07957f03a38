/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen.c: the lean load generator. It speaks libvirt's remote protocol
 * itself (vireo's wire library, on epoll, many connections per thread,
 * calls pipelined on each), so that one cheap client drives vireod,
 * libvirtd and the echo server alike, over their UNIX sockets. One
 * workload per run, one line of key=value results on stdout:
 *
 *   calls    --call getstate|libversion|listall on --conns N connections
 *            over --threads T, --depth D calls in flight on each, closed
 *            loop or --rate R calls/s in all; --idle M more connections
 *            opened first and held through the run. Throughput, latency
 *            percentiles, and the daemon's CPU per call (--pid).
 *   storm    --storm N connections opened at once (CONNECT_OPEN on each,
 *            --window at a time), held, then closed: the time of each
 *            half, the refusals (and those left unanswered after
 *            --timeout), and the daemon's RSS per connection.
 *   events   --subscribers N connections registered for lifecycle events
 *            while another suspends and resumes the domain every
 *            --interval-ms: delivery latency, lost, duplicated and
 *            out-of-order events. --closed-loop: no interval, the next
 *            event as soon as every subscriber had the last one (the
 *            rate the fan-out sustains, events_per_s).
 *            --define N: first define N inactive domains bench-N on a
 *            connection held through the run (for --call listall), and
 *            report how many domains a ListAllDomains then returns.
 *   shared   --shared: the calls of --threads T threads that share one
 *            connection, one call in flight each, as the threads of one
 *            libvirt client share a virConnect (--conns, --depth unused).
 *   mixed    --qemu-uri URI: the calls, with --churn K more clients
 *            starting and destroying QEMU guests through that URI
 *            meanwhile, and with --freeze one more guest frozen (SIGSTOP)
 *            while a client waits on a call to it: the calls' figures,
 *            and the guests' start and destroy times (with neither, the
 *            quiet figure to compare with). Guests are named
 *            --guest-prefix-0 ... (vireo-mixed-PID-0 ...).
 *   polled   --poll-guest: the calls go to a guest of the qemu driver at
 *            --uri that loadgen defines and starts first (named
 *            --guest-prefix-polled) and destroys and undefines at the
 *            end, instead of to --domain: a monitoring poller's reads of
 *            a running guest (with --qemu-uri, in the mixed workload).
 *
 * --echo: the peer is the echo server, which answers every call with an
 * empty reply: no domain is looked up and no payload is read.
 * The exit status is 0 when the workload ran with no call failed and at
 * least one call done; 1 otherwise.
 *
 *   loadgen --socket PATH [--uri URI] [--pid PID] [--label NAME] MODE...
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "loadgen-guest.h"
#include "loadgen.h"
#include "proc-stat.h"

struct options {
    const char *socket, *uri, *label, *call, *domain, *mode;
    const char *qemu_uri, *guest_prefix;
    pid_t       pid;
    int         n_conns, n_threads, depth, n_idle, n_storm, window;
    int         n_subscribers, n_define, n_churn;
    double      rate, warmup_s, duration_s, interval_ms, timeout_s;
    bool        is_echo, is_shared, is_freezing, is_closed_loop;
    bool        is_polling_guest;
    char        default_prefix[64];   /* vireo-mixed-PID */
};

static void
usage(void)
{
    fprintf(stderr,
            "usage: loadgen --socket PATH [--uri URI] [--pid PID]"
            " [--label NAME] [--echo]\n"
            "  calls:  [--call getstate|libversion|listall] [--domain NAME]\n"
            "          [--conns N] [--threads T] [--depth D] [--rate R]\n"
            "          [--idle M] [--warmup S] [--duration S]\n"
            "  storm:  --storm N [--window W]\n"
            "  (idle and storm connections: all opened in --timeout S)\n"
            "  events: --subscribers N [--interval-ms MS | --closed-loop]\n"
            "          [--duration S]\n"
            "  calls:  [--define N] domains defined first\n"
            "  shared: --shared --threads T (one connection)\n"
            "  mixed:  calls and --qemu-uri URI [--churn K] [--freeze]\n"
            "          [--guest-prefix NAME]\n"
            "  polled: calls and --poll-guest (on a QEMU --uri)\n");
    exit(2);
}

static void
parse(int argc, char **argv, struct options *o)
{
    static const struct option longs[] = {
        { "socket", 1, 0, 's' }, { "uri", 1, 0, 'u' }, { "pid", 1, 0, 'p' },
        { "label", 1, 0, 'l' }, { "call", 1, 0, 'c' }, { "domain", 1, 0, 'D' },
        { "conns", 1, 0, 'n' }, { "threads", 1, 0, 't' }, { "depth", 1, 0, 'd' },
        { "rate", 1, 0, 'r' }, { "idle", 1, 0, 'i' }, { "warmup", 1, 0, 'w' },
        { "duration", 1, 0, 'T' }, { "storm", 1, 0, 'S' },
        { "window", 1, 0, 'W' }, { "subscribers", 1, 0, 'E' },
        { "interval-ms", 1, 0, 'I' }, { "define", 1, 0, 'F' },
        { "echo", 0, 0, 'e' }, { "timeout", 1, 0, 'X' },
        { "shared", 0, 0, 'H' }, { "churn", 1, 0, 'K' },
        { "freeze", 0, 0, 'Z' }, { "qemu-uri", 1, 0, 'Q' },
        { "guest-prefix", 1, 0, 'G' },
        { "closed-loop", 0, 0, 'L' }, { "poll-guest", 0, 0, 'P' },
        { 0, 0, 0, 0 },
    };
    int opt;

    *o = (struct options){
        .uri = "test:///default", .label = "-", .call = "getstate",
        .domain = "test", .mode = "calls", .n_conns = 1, .n_threads = 1,
        .depth = 1, .window = 256, .warmup_s = 0.3, .duration_s = 1,
        .interval_ms = 20, .timeout_s = 60,
    };
    while ((opt = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        switch (opt) {
        case 's': o->socket = optarg; break;
        case 'u': o->uri = optarg; break;
        case 'p': o->pid = (pid_t)atoi(optarg); break;
        case 'l': o->label = optarg; break;
        case 'c': o->call = optarg; break;
        case 'D': o->domain = optarg; break;
        case 'n': o->n_conns = atoi(optarg); break;
        case 't': o->n_threads = atoi(optarg); break;
        case 'd': o->depth = atoi(optarg); break;
        case 'r': o->rate = atof(optarg); break;
        case 'i': o->n_idle = atoi(optarg); break;
        case 'w': o->warmup_s = atof(optarg); break;
        case 'T': o->duration_s = atof(optarg); break;
        case 'S': o->n_storm = atoi(optarg); o->mode = "storm"; break;
        case 'W': o->window = atoi(optarg); break;
        case 'E': o->n_subscribers = atoi(optarg); o->mode = "events"; break;
        case 'I': o->interval_ms = atof(optarg); break;
        case 'F': o->n_define = atoi(optarg); break;
        case 'e': o->is_echo = true; break;
        case 'X': o->timeout_s = atof(optarg); break;
        case 'H': o->is_shared = true; break;
        case 'K': o->n_churn = atoi(optarg); break;
        case 'Z': o->is_freezing = true; break;
        case 'Q': o->qemu_uri = optarg; break;
        case 'G': o->guest_prefix = optarg; break;
        case 'L': o->is_closed_loop = true; break;
        case 'P': o->is_polling_guest = true; break;
        default: usage();
        }
    }
    if (o->socket == NULL || optind != argc || o->n_conns < 1 ||
        o->n_threads < 1 || o->depth < 1 || o->window < 1 ||
        o->duration_s <= 0 || o->interval_ms <= 0 || o->n_churn < 0 ||
        (o->is_shared && (o->rate > 0 || o->n_conns > 1 || o->depth > 1)) ||
        ((o->n_churn > 0 || o->is_freezing) && o->qemu_uri == NULL) ||
        (o->is_polling_guest && (o->is_echo || strcmp(o->mode, "calls"))))
        usage();
    if (o->guest_prefix == NULL) {
        snprintf(o->default_prefix, sizeof(o->default_prefix),
                 "vireo-mixed-%d", (int)getpid());
        o->guest_prefix = o->default_prefix;
    }
    if (o->n_threads > o->n_conns && strcmp(o->mode, "calls") == 0 &&
        !o->is_shared)
        o->n_threads = o->n_conns;
}

/* Let this process hold as many sockets as it may. */
static void
raise_fd_limit(void)
{
    struct rlimit rl;

    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

/* The domain's reference, looked up on a connection of its own; with
 * --echo, its name alone. *dom is the caller's to xdr_free. */
static int
look_up(const struct options *o, remote_nonnull_domain *dom)
{
    remote_domain_lookup_by_name_args args = { .name = (char *)o->domain };
    struct wire_message reply;
    int fd;

    memset(dom, 0, sizeof(*dom));
    if (o->is_echo) {
        dom->name = strdup(o->domain);
        dom->id = -1;
        return dom->name ? 0 : -1;
    }
    if ((fd = connect_unix(o->socket)) < 0)
        return -1;
    int rc = open_sync(fd, o->uri) < 0 ||
             call_sync(fd, REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME,
                       (xdrproc_t)xdr_remote_domain_lookup_by_name_args,
                       &args, &reply) < 0 ? -1 : 0;
    close(fd);
    if (rc == 0) {
        remote_domain_lookup_by_name_ret *ret = reply.body;
        *dom = ret->dom;
        memset(&ret->dom, 0, sizeof(ret->dom));  /* now ours */
        wire_message_free(&reply);
    }
    return rc;
}

/* The call template the calls workload sends. */
static int
build_call(const struct options *o, const remote_nonnull_domain *dom,
           struct call_template *t)
{
    if (strcmp(o->call, "libversion") == 0)
        return template_build(t, REMOTE_PROC_CONNECT_GET_LIB_VERSION,
                              WIRE_XDR_VOID, NULL);
    if (strcmp(o->call, "listall") == 0) {
        remote_connect_list_all_domains_args args = { .need_results = 1 };
        return template_build(t, REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS,
                              (xdrproc_t)
                              xdr_remote_connect_list_all_domains_args, &args);
    }
    if (strcmp(o->call, "getstate") == 0) {
        remote_domain_get_state_args args = { .dom = *dom };
        return template_build(t, REMOTE_PROC_DOMAIN_GET_STATE,
                              (xdrproc_t)xdr_remote_domain_get_state_args,
                              &args);
    }
    fprintf(stderr, "loadgen: unknown call '%s'\n", o->call);
    return -1;
}

/* With --define: a connection that defines the domains and stays open
 * through the run (the domains live as long as it); the number of
 * domains listed in *n_listed. -1 when there is nothing to hold. */
static int
hold_definitions(const struct options *o, int *n_listed, bool *is_failed)
{
    int fd;

    *n_listed = -1;
    *is_failed = false;
    if (o->n_define == 0)
        return -1;
    if ((fd = connect_unix(o->socket)) < 0 || open_sync(fd, o->uri) < 0 ||
        define_domains(fd, o->n_define) < 0 ||
        (*n_listed = count_domains(fd)) < 0) {
        *is_failed = true;
        if (fd >= 0)
            close(fd);
        return -1;
    }
    return fd;
}

static const char *
calls_mode(const struct options *o)
{
    if (o->qemu_uri != NULL)
        return "mixed";
    return o->is_shared ? "shared" : "calls";
}

static void
print_calls(const struct options *o, const struct call_result *r,
            int n_listed)
{
    double n = r->n_done ? (double)r->n_done : 1;

    printf("loadgen label=%s mode=%s call=%s polled=%d conns=%d threads=%d"
           " depth=%d rate=%.0f idle=%d listed=%d calls=%llu failed=%llu"
           " seconds=%.3f calls_per_s=%.0f p50_us=%.1f p90_us=%.1f"
           " p99_us=%.1f p999_us=%.1f max_us=%.1f"
           " daemon_cpu_us_per_call=%.2f daemon_ctxsw_per_call=%.2f"
           " client_cpu_us_per_call=%.2f",
           o->label, calls_mode(o), o->call, o->is_polling_guest,
           o->is_shared ? 1 : o->n_conns,
           o->n_threads, o->depth, o->rate, o->n_idle, n_listed,
           (unsigned long long)r->n_done, (unsigned long long)r->n_failed,
           r->seconds, (double)r->n_done / r->seconds,
           hist_quantile_us(&r->hist, 0.5), hist_quantile_us(&r->hist, 0.9),
           hist_quantile_us(&r->hist, 0.99), hist_quantile_us(&r->hist, 0.999),
           (double)r->hist.max_ns / 1e3,
           r->daemon_cpu_us >= 0 ? r->daemon_cpu_us / n : -1,
           r->daemon_ctxsw >= 0 ? (double)r->daemon_ctxsw / n : -1,
           r->client_cpu_us / n);
}

static void
print_churn(const struct options *o, const struct churn_result *c)
{
    printf(" churn=%d frozen=%d", o->n_churn, o->is_freezing);
    if (o->n_churn == 0 && !o->is_freezing)
        return;             /* the quiet figure: no QEMU side to report */
    printf(" cycles=%d churn_failed=%d start_p50_ms=%.1f"
           " start_max_ms=%.1f destroy_p50_ms=%.1f destroy_max_ms=%.1f"
           " hung_call_ms=%.1f hung_call=%s",
           c->n_cycles, c->n_failed,
           c->start_p50_ms, c->start_max_ms, c->destroy_p50_ms,
           c->destroy_max_ms, c->hung_call_ms,
           c->hung_call_ms < 0 ? "none" : c->is_hung_call_ok ? "ok" : "error");
}

/* The calls, with the QEMU side of a mixed run around them. */
static int
measure_calls(const struct options *o, const struct call_load *load,
              struct call_result *r, int n_listed)
{
    struct churn_load cl = {
        .path = o->socket, .uri = o->qemu_uri, .prefix = o->guest_prefix,
        .n_clients = o->n_churn, .is_freezing = o->is_freezing,
    };
    struct churn_result c = { .hung_call_ms = -1, .start_p50_ms = -1,
                              .start_max_ms = -1, .destroy_p50_ms = -1,
                              .destroy_max_ms = -1 };
    struct churn *ch = NULL;

    if ((o->n_churn > 0 || o->is_freezing) &&
        (ch = churn_start(&cl)) == NULL)
        return -1;
    int rc = o->is_shared ? run_shared(load, r) : run_calls(load, r);
    if (ch != NULL)
        churn_stop(ch, &c);
    if (rc < 0)
        return -1;
    print_calls(o, r, n_listed);
    if (o->qemu_uri != NULL)
        print_churn(o, &c);
    printf("\n");
    return r->n_failed == 0 && r->n_done > 0 && c.n_failed == 0 ? 0 : -1;
}

static int
do_calls(const struct options *o, const remote_nonnull_domain *dom)
{
    struct call_template t;
    struct call_result *r = calloc(1, sizeof(*r));
    int *idle = calloc((size_t)o->n_idle + 1, sizeof(*idle));
    struct open_many_result held = { 0 };
    int rc = -1, n_listed;
    bool is_failed;
    int definitions = hold_definitions(o, &n_listed, &is_failed);

    if (is_failed || r == NULL || idle == NULL || build_call(o, dom, &t) < 0)
        goto out;
    if (o->n_idle > 0 &&
        (open_many(o->socket, o->uri, o->n_idle, o->window, o->timeout_s, idle,
                   &held) < 0 || held.n_opened < o->n_idle)) {
        fprintf(stderr, "loadgen: %d of %d idle connections opened\n",
                held.n_opened, o->n_idle);
        goto close_idle;
    }
    struct call_load load = {
        .path = o->socket, .uri = o->uri, .call = &t,
        .n_conns = o->n_conns, .n_threads = o->n_threads, .depth = o->depth,
        .rate = o->rate, .warmup_s = o->warmup_s, .duration_s = o->duration_s,
        .daemon_pid = o->pid,
    };
    rc = measure_calls(o, &load, r, n_listed);
    template_release(&t);
close_idle:
    for (int i = 0; i < held.n_opened; i++)
        close(idle[i]);
out:
    if (definitions >= 0)
        close(definitions);
    free(idle);
    free(r);
    return rc;
}

static int
do_storm(const struct options *o)
{
    int *fds = calloc((size_t)o->n_storm, sizeof(*fds));
    struct open_many_result r;
    long rss0 = o->pid ? proc_rss_kb(o->pid) : -1;
    double cpu0 = o->pid ? proc_cpu_us(o->pid) : -1;

    if (fds == NULL ||
        open_many(o->socket, o->uri, o->n_storm, o->window, o->timeout_s, fds,
                  &r) < 0)
        return -1;
    double cpu1 = cpu0 >= 0 ? proc_cpu_us(o->pid) : -1;
    /* Give the daemon a moment to settle what it allocated per client. */
    usleep(200000);
    long rss1 = o->pid ? proc_rss_kb(o->pid) : -1;
    uint64_t t0 = now_ns();
    for (int i = 0; i < r.n_opened; i++)
        close(fds[i]);
    double close_s = (double)(now_ns() - t0) / 1e9;
    printf("loadgen label=%s mode=storm conns=%d opened=%d refused=%d"
           " timed_out=%d open_seconds=%.3f opens_per_s=%.0f"
           " close_seconds=%.3f rss_before_kb=%ld rss_held_kb=%ld"
           " rss_per_conn_bytes=%.0f daemon_cpu_us_per_open=%.1f\n",
           o->label, o->n_storm, r.n_opened, r.n_refused, r.n_timed_out,
           r.seconds, r.n_opened / r.seconds, close_s, rss0, rss1,
           rss0 >= 0 && rss1 >= 0 && r.n_opened > 0
               ? (double)(rss1 - rss0) * 1024 / r.n_opened : -1,
           cpu1 >= 0 && r.n_opened > 0 ? (cpu1 - cpu0) / r.n_opened : -1);
    free(fds);
    return r.n_opened == o->n_storm ? 0 : -1;
}

/* CPU time per event delivered, or -1 when unknown. */
static double
per_delivery(double cpu_us, uint64_t n_delivered)
{
    return cpu_us >= 0 && n_delivered > 0 ? cpu_us / (double)n_delivered
                                          : -1;
}

static int
do_events(const struct options *o, const remote_nonnull_domain *dom)
{
    struct event_result *r = calloc(1, sizeof(*r));
    struct event_load load = {
        .path = o->socket, .uri = o->uri, .dom = dom,
        .n_subscribers = o->n_subscribers,
        .n_threads = o->n_threads < o->n_subscribers ? o->n_threads
                                                      : o->n_subscribers,
        .interval_ms = o->interval_ms, .duration_s = o->duration_s,
        .is_closed_loop = o->is_closed_loop, .pid = o->pid,
    };
    int rc = -1;

    if (r != NULL && o->n_subscribers > 0 && run_events(&load, r) == 0) {
        printf("loadgen label=%s mode=events subscribers=%d interval_ms=%.0f"
               " closed_loop=%d events_per_s=%.0f"
               " produced=%d delivered=%llu lost=%llu duplicated=%llu"
               " out_of_order=%llu p50_us=%.1f p90_us=%.1f p99_us=%.1f"
               " max_us=%.1f daemon_cpu_us_per_delivery=%.2f"
               " client_cpu_us_per_delivery=%.2f\n",
               o->label, o->n_subscribers,
               o->is_closed_loop ? 0 : o->interval_ms, o->is_closed_loop,
               r->seconds > 0 ? r->n_produced / r->seconds : 0,
               r->n_produced,
               (unsigned long long)r->n_delivered,
               (unsigned long long)r->n_lost,
               (unsigned long long)r->n_duplicated,
               (unsigned long long)r->n_out_of_order,
               hist_quantile_us(&r->hist, 0.5), hist_quantile_us(&r->hist, 0.9),
               hist_quantile_us(&r->hist, 0.99),
               (double)r->hist.max_ns / 1e3,
               per_delivery(r->daemon_cpu_us, r->n_delivered),
               per_delivery(r->client_cpu_us, r->n_delivered));
        rc = r->n_lost + r->n_duplicated + r->n_out_of_order == 0 &&
             r->n_delivered > 0 ? 0 : -1;
    }
    free(r);
    return rc;
}

/* With --poll-guest: the guest the calls go to, defined and started on
 * a connection of its own. 0, or -1 with the daemon's message on
 * stderr; either way g is guest_release()'s afterwards. */
static int
start_polled(const struct options *o, struct guest *g)
{
    if (guest_define(g, o->socket, o->uri, o->guest_prefix, "polled") < 0 ||
        guest_call(g->fd, g, REMOTE_PROC_DOMAIN_CREATE) < 0)
        return -1;
    g->is_running = true;
    return 0;
}

/* The calls on a running guest of loadgen's own, left as it was found. */
static int
do_polled_calls(const struct options *o)
{
    struct guest g;
    int rc = start_polled(o, &g) < 0 ? -1 : do_calls(o, &g.dom);

    guest_release(&g);
    return rc;
}

int
main(int argc, char **argv)
{
    struct options o;
    remote_nonnull_domain dom;
    int rc;

    parse(argc, argv, &o);
    raise_fd_limit();
    if (strcmp(o.mode, "storm") == 0)
        return do_storm(&o) == 0 ? 0 : 1;
    if (o.is_polling_guest)
        return do_polled_calls(&o) == 0 ? 0 : 1;
    if (look_up(&o, &dom) < 0)
        return 1;
    if (strcmp(o.mode, "events") == 0)
        rc = do_events(&o, &dom);
    else
        rc = do_calls(&o, &dom);
    xdr_free((xdrproc_t)xdr_remote_nonnull_domain, (char *)&dom);
    return rc == 0 ? 0 : 1;
}
