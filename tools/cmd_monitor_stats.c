/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_monitor_stats.c: the statistics commands whose answers are typed
 * parameters: cpu-stats (per host CPU and in total) and domstats. Output
 * follows virsh 9.0 line for line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_cpu_stats_opts[] = {
    DOMAIN_ARG,
    { "total", OPT_BOOL, false, false, "Show total statistics only" },
    { "start", OPT_NUMBER, false, false, "Show statistics from this CPU" },
    { "count", OPT_NUMBER, false, false, "Number of shown CPUs at most" },
    END_OPTS,
};

const struct opt_def cmd_domstats_opts[] = {
    { "domain", OPT_STRING, true, false, "list of domains to get stats for" },
    { "state", OPT_BOOL, false, false, "report domain state" },
    { "list-active", OPT_BOOL, false, false, "list only active domains" },
    { "list-inactive", OPT_BOOL, false, false, "list only inactive domains" },
    { "list-running", OPT_BOOL, false, false, "list only running domains" },
    { "list-paused", OPT_BOOL, false, false, "list only paused domains" },
    { "list-shutoff", OPT_BOOL, false, false, "list only shutoff domains" },
    { "enforce", OPT_BOOL, false, false, "enforce requested stats parameters" },
    END_OPTS,
};

/* virsh asks for at most this many CPUs at a time. */
#define CPU_STATS_CHUNK 128

/* One value as virsh writes a typed parameter. */
static void
print_value(const struct vireo_typed_param *p)
{
    switch (p->type) {
    case VIREO_TYPED_PARAM_INT:     printf("%d", p->value.i); break;
    case VIREO_TYPED_PARAM_UINT:    printf("%u", p->value.ui); break;
    case VIREO_TYPED_PARAM_LLONG:   printf("%lld", p->value.l); break;
    case VIREO_TYPED_PARAM_ULLONG:  printf("%llu", p->value.ul); break;
    case VIREO_TYPED_PARAM_DOUBLE:  printf("%f", p->value.d); break;
    case VIREO_TYPED_PARAM_BOOLEAN: printf("%s", p->value.b ? "yes" : "no");
                                    break;
    case VIREO_TYPED_PARAM_STRING:  printf("%s", p->value.s); break;
    default:                        printf("?"); break;
    }
}

/* ---- cpu-stats -------------------------------------------------------- */

/* Times in nanoseconds are shown in seconds; anything else as it is. */
static void
print_cpu_stat(const struct vireo_typed_param *p)
{
    bool is_time = strcmp(p->field, "cpu_time") == 0 ||
                   strcmp(p->field, "vcpu_time") == 0 ||
                   strcmp(p->field, "user_time") == 0 ||
                   strcmp(p->field, "system_time") == 0;

    if (is_time && p->type == VIREO_TYPED_PARAM_ULLONG) {
        printf("\t%-12s %9llu.%09llu seconds\n", p->field,
               p->value.ul / 1000000000ULL, p->value.ul % 1000000000ULL);
        return;
    }
    printf("\t%-12s ", p->field);
    print_value(p);
    putchar('\n');
}

static int
cpu_stats_failed(struct vireo_domain *dom, const struct vireo_error *err)
{
    cli_error("Failed to retrieve CPU statistics for domain '%s'",
              vireo_domain_get_name(dom));
    cli_report(err);
    return -1;
}

/* CPUs start .. start + count - 1, a chunk at a time. */
static int
show_per_cpu(struct vireo_domain *dom, int start, int count, int nparams)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params lists[CPU_STATS_CHUNK];
    int rc = 0;

    while (count > 0 && rc == 0) {
        int n = count < CPU_STATS_CHUNK ? count : CPU_STATS_CHUNK;

        memset(lists, 0, sizeof(lists));
        if (vireo_domain_get_cpu_stats(dom, lists, (unsigned)nparams, start,
                                       (unsigned)n, 0, &err) < 0)
            rc = cpu_stats_failed(dom, &err);
        for (int i = 0; i < n; i++) {
            if (rc == 0 && lists[i].n > 0) {
                printf("CPU%d:\n", start + i);
                for (int j = 0; j < lists[i].n; j++)
                    print_cpu_stat(&lists[i].params[j]);
            }
            vireo_typed_params_clear(&lists[i]);
        }
        start += n;
        count -= n;
    }
    return rc;
}

static int
show_total(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params total = { 0 };
    int n = vireo_domain_get_cpu_stats(dom, NULL, 0, -1, 1, 0, &err);

    if (n < 0 || vireo_domain_get_cpu_stats(dom, &total, (unsigned)n, -1, 1,
                                            0, &err) < 0)
        return cpu_stats_failed(dom, &err);
    printf("Total:\n");
    for (int j = 0; j < total.n; j++)
        print_cpu_stat(&total.params[j]);
    vireo_typed_params_clear(&total);
    return 0;
}

static int
cpu_stats(struct vireo_domain *dom, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    long start = 0, count = -1;
    bool is_total_only = cmd_has(cmd, "total") &&
                         !cmd_has(cmd, "start") && !cmd_has(cmd, "count");
    int max_id, nparams;

    if (cmd_number(cmd, "start", 0, 1 << 30, &start) < 0 ||
        cmd_number(cmd, "count", 0, 1 << 30, &count) < 0)
        return -1;
    if (is_total_only)
        return show_total(dom);
    max_id = vireo_domain_get_cpu_stats(dom, NULL, 0, 0, 0, 0, &err);
    if (max_id < 0)
        return cpu_stats_failed(dom, &err);
    if (start >= max_id) {
        cli_error("Start CPU %ld is out of range (min: 0, max: %d)", start,
                  max_id - 1);
        return -1;
    }
    if (count < 0 || count > max_id - start)
        count = max_id - start;
    nparams = vireo_domain_get_cpu_stats(dom, NULL, 0, 0, 1, 0, &err);
    if (nparams < 0)
        return cpu_stats_failed(dom, &err);
    if (show_per_cpu(dom, (int)start, (int)count, nparams) < 0)
        return -1;
    if (cmd_has(cmd, "start") || cmd_has(cmd, "count"))
        return cmd_has(cmd, "total") ? show_total(dom) : 0;
    return show_total(dom);
}

int
cmd_cpu_stats(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    int rc;

    if (dom == NULL)
        return -1;
    rc = cpu_stats(dom, cmd);
    if (rc == 0)
        putchar('\n');
    vireo_domain_free(dom);
    return rc;
}

/* ---- domstats --------------------------------------------------------- */

static void
print_record(const struct vireo_domain_stats_record *rec)
{
    printf("Domain: '%s'\n", vireo_domain_get_name(rec->dom));
    for (int i = 0; i < rec->params.n; i++) {
        printf("  %s=", rec->params.params[i].field);
        print_value(&rec->params.params[i]);
        putchar('\n');
    }
    putchar('\n');
}

/* The groups and filters virsh's options ask for. */
static void
stats_request(const struct cmd *cmd, unsigned *groups, unsigned *flags)
{
    *groups = cmd_has(cmd, "state") ? VIR_DOMAIN_STATS_STATE : 0;
    *flags = 0;
    if (cmd_has(cmd, "list-active"))
        *flags |= VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE;
    if (cmd_has(cmd, "list-inactive"))
        *flags |= VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE;
    if (cmd_has(cmd, "list-running"))
        *flags |= VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING;
    if (cmd_has(cmd, "list-paused"))
        *flags |= VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED;
    if (cmd_has(cmd, "list-shutoff"))
        *flags |= VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF;
    if (cmd_has(cmd, "enforce"))
        *flags |= VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS;
}

int
cmd_domstats(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain_stats_record *recs = NULL;
    struct vireo_domain *dom = NULL;
    struct vireo_error err = { 0 };
    unsigned groups, flags;
    int n;

    stats_request(cmd, &groups, &flags);
    if (cmd_string(cmd, "domain") != NULL) {
        dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY);
        if (dom == NULL)
            return -1;
    }
    n = vireo_conn_get_all_domain_stats(s->conn, dom ? &dom : NULL,
                                        dom ? 1 : 0, groups, &recs, flags,
                                        &err);
    if (dom != NULL)
        vireo_domain_free(dom);
    if (n < 0) {
        cli_report(&err);
        return -1;
    }
    for (int i = 0; i < n; i++)
        print_record(&recs[i]);
    vireo_domain_stats_free(recs, n);
    return 0;
}
