/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_node.c: the host figures: maxvcpus, sysinfo, nodecpustats,
 * nodememstats, freecell, nodecpumap, cpu-models. Output and errors are
 * virsh 9.0's.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_maxvcpus_opts[] = {
    { "type", OPT_STRING, false, false, "domain type" },
    END_OPTS,
};

const struct opt_def cmd_nodecpustats_opts[] = {
    { "cpu", OPT_NUMBER, true, false, "prints specified cpu statistics only." },
    { "percent", OPT_BOOL, false, false,
      "prints by percentage during 1 second." },
    END_OPTS,
};

const struct opt_def cmd_nodememstats_opts[] = {
    { "cell", OPT_NUMBER, true, false,
      "prints specified cell statistics only." },
    END_OPTS,
};

const struct opt_def cmd_freecell_opts[] = {
    { "cellno", OPT_NUMBER, true, false, "NUMA cell number" },
    { "all", OPT_BOOL, false, false, "show free memory for all NUMA cells" },
    END_OPTS,
};

const struct opt_def cmd_nodecpumap_opts[] = {
    { "pretty", OPT_BOOL, false, false,
      "return human readable output" },
    END_OPTS,
};

const struct opt_def cmd_cpu_models_opts[] = {
    { "arch", OPT_STRING, true, true, "architecture" },
    END_OPTS,
};

#define MAX_STATS 16

int
cmd_maxvcpus(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    int n = vireo_conn_get_max_vcpus(s->conn, cmd_string(cmd, "type"), &err);

    if (n < 0) {
        cli_report(&err);
        return -1;
    }
    printf("%d\n", n);
    return 0;
}

int
cmd_sysinfo(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    char *text = vireo_conn_get_sysinfo(s->conn, 0, &err);

    if (text == NULL) {
        cli_error("failed to get sysinfo");
        cli_report(&err);
        return -1;
    }
    printf("%s", text);
    free(text);
    return 0;
}

/* ---- nodecpustats ----------------------------------------------------- */

/* What virsh shows of the CPU figures, in its order and words. */
enum cpu_figure { CPU_USER, CPU_SYSTEM, CPU_IDLE, CPU_IOWAIT, N_CPU_FIGURES };

static const char *const cpu_fields[N_CPU_FIGURES] = {
    "user", "kernel", "idle", "iowait",
};
static const char *const cpu_labels[N_CPU_FIGURES] = {
    "user:", "system:", "idle:", "iowait:",
};

struct cpu_sample {
    unsigned long long value[N_CPU_FIGURES];
    bool               is_present[N_CPU_FIGURES];
};

/* One reading of the figures (two calls: how many, then them). */
static int
read_cpu_sample(struct session *s, int cpu, struct cpu_sample *sample)
{
    struct vireo_error err = { 0 };
    struct vireo_node_stat params[MAX_STATS];
    int n = 0;

    if (vireo_node_get_cpu_stats(s->conn, cpu, NULL, &n, 0, &err) < 0) {
        cli_error("Unable to get number of cpu stats");
        cli_report(&err);
        return -1;
    }
    if (n > MAX_STATS)
        n = MAX_STATS;
    if (n > 0 &&
        vireo_node_get_cpu_stats(s->conn, cpu, params, &n, 0, &err) < 0) {
        cli_error("Unable to get node cpu stats");
        cli_report(&err);
        return -1;
    }
    memset(sample, 0, sizeof(*sample));
    for (int i = 0; i < n; i++)
        for (int f = 0; f < N_CPU_FIGURES; f++)
            if (strcmp(params[i].field, cpu_fields[f]) == 0) {
                sample->value[f] = params[i].value;
                sample->is_present[f] = true;
            }
    return 0;
}

/* virsh's percentages: the change between two readings a second apart,
 * over the time that passed in all of them (which may be none: NaN). */
static void
print_cpu_percent(const struct cpu_sample *a, const struct cpu_sample *b)
{
    double delta[N_CPU_FIGURES], total = 0;

    for (int f = 0; f < N_CPU_FIGURES; f++) {
        delta[f] = (double)(b->value[f] - a->value[f]);
        total += delta[f];
    }
    printf("%-15s %5.1lf%%\n", "usage:",
           (delta[CPU_USER] + delta[CPU_SYSTEM]) / total * 100);
    for (int f = 0; f < N_CPU_FIGURES; f++)
        if (b->is_present[f])
            printf("%-15s %5.1lf%%\n", cpu_labels[f], delta[f] / total * 100);
}

int
cmd_nodecpustats(struct session *s, const struct cmd *cmd)
{
    struct cpu_sample first, second;
    long cpu = -1;

    if (cmd_number(cmd, "cpu", INT_MIN, INT_MAX, &cpu) < 0 ||
        read_cpu_sample(s, (int)cpu, &first) < 0)
        return -1;
    if (!cmd_has(cmd, "percent")) {
        for (int f = 0; f < N_CPU_FIGURES; f++)
            if (first.is_present[f])
                printf("%-15s %20llu\n", cpu_labels[f], first.value[f]);
        return 0;
    }
    sleep(1);
    if (read_cpu_sample(s, (int)cpu, &second) < 0)
        return -1;
    print_cpu_percent(&first, &second);
    return 0;
}

/* ---- nodememstats ----------------------------------------------------- */

int
cmd_nodememstats(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct vireo_node_stat params[MAX_STATS];
    long cell = -1;
    int n = 0;

    if (cmd_number(cmd, "cell", INT_MIN, INT_MAX, &cell) < 0)
        return -1;
    if (vireo_node_get_memory_stats(s->conn, (int)cell, NULL, &n, 0,
                                    &err) < 0) {
        cli_error("Unable to get number of memory stats");
        cli_report(&err);
        return -1;
    }
    if (n > MAX_STATS)
        n = MAX_STATS;
    if (n > 0 && vireo_node_get_memory_stats(s->conn, (int)cell, params, &n,
                                             0, &err) < 0) {
        cli_error("Unable to get memory stats");
        cli_report(&err);
        return -1;
    }
    for (int i = 0; i < n; i++)
        printf("%-7s: %20llu KiB\n", params[i].field, params[i].value);
    return 0;
}

/* ---- freecell --------------------------------------------------------- */

/* Every cell the capabilities name, with its free memory, as virsh
 * prints them, and their total. */
static int
print_all_cells(struct session *s, xmlDocPtr caps)
{
    struct vireo_error err = { 0 };
    xmlNodePtr n = xmlDocGetRootElement(caps);
    static const char *const path[] = { "host", "topology", "cells", NULL };
    unsigned long long total = 0;

    for (int i = 0; n != NULL && path[i] != NULL; i++) {
        for (n = n->children; n != NULL; n = n->next)
            if (n->type == XML_ELEMENT_NODE &&
                strcmp((const char *)n->name, path[i]) == 0)
                break;
    }
    for (xmlNodePtr c = n ? n->children : NULL; c != NULL; c = c->next) {
        unsigned long long bytes;
        xmlChar *id;
        long cell;

        if (c->type != XML_ELEMENT_NODE ||
            strcmp((const char *)c->name, "cell") != 0)
            continue;
        id = xmlGetProp(c, (const xmlChar *)"id");
        cell = id ? strtol((const char *)id, NULL, 10) : 0;
        xmlFree(id);
        if (vireo_node_get_cells_free_memory(s->conn, &bytes, (int)cell, 1,
                                             &err) != 1) {
            cli_error("failed to get free memory for NUMA node number: %ld",
                      cell);
            cli_report(&err);
            return -1;
        }
        printf("%5ld: %10llu KiB\n", cell, bytes / 1024);
        total += bytes;
    }
    printf("--------------------\n");
    printf("%5s: %10llu KiB\n", "Total", total / 1024);
    return 0;
}

static int
freecell_all(struct session *s)
{
    struct vireo_error err = { 0 };
    char *text = vireo_conn_get_capabilities(s->conn, &err);
    xmlDocPtr doc;
    int rc;

    if (text == NULL) {
        cli_error("unable to get node capabilities");
        cli_report(&err);
        return -1;
    }
    doc = xmlReadMemory(text, (int)strlen(text), "capabilities", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR);
    free(text);
    if (doc == NULL) {
        cli_error("could not get information about NUMA topology");
        return -1;
    }
    rc = print_all_cells(s, doc);
    xmlFreeDoc(doc);
    return rc;
}

int
cmd_freecell(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    unsigned long long bytes;
    long cell;
    int rc;

    if (cmd_has(cmd, "all") && cmd_has(cmd, "cellno")) {
        cli_error("Options --all and --cellno are mutually exclusive");
        return -1;
    }
    if (cmd_has(cmd, "all"))
        return freecell_all(s);
    rc = cmd_number(cmd, "cellno", INT_MIN, INT_MAX, &cell);
    if (rc < 0)
        return -1;
    if (rc == 1) {
        bytes = vireo_node_get_free_memory(s->conn, &err);
        if (bytes == 0) {
            cli_report(&err);
            return -1;
        }
        printf("%s: %llu KiB\n", "Total", bytes / 1024);
        return 0;
    }
    if (vireo_node_get_cells_free_memory(s->conn, &bytes, (int)cell, 1,
                                         &err) != 1) {
        cli_report(&err);
        return -1;
    }
    printf("%ld: %llu KiB\n", cell, bytes / 1024);
    return 0;
}

/* ---- nodecpumap, cpu-models ------------------------------------------- */

static bool
is_online(const unsigned char *map, int cpu)
{
    return (map[cpu / 8] >> (cpu % 8)) & 1;
}

/* --pretty: the online CPUs as ranges ("0-3,6"). */
static void
print_ranges(const unsigned char *map, int n)
{
    const char *sep = "";

    for (int cpu = 0; cpu < n; cpu++) {
        int last = cpu;

        if (!is_online(map, cpu))
            continue;
        while (last + 1 < n && is_online(map, last + 1))
            last++;
        if (last > cpu)
            printf("%s%d-%d", sep, cpu, last);
        else
            printf("%s%d", sep, cpu);
        sep = ",";
        cpu = last;
    }
}

int
cmd_nodecpumap(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    unsigned char *map = NULL;
    unsigned online = 0;
    int n = vireo_node_get_cpu_map(s->conn, &map, &online, 0, &err);

    if (n < 0) {
        cli_error("Unable to get cpu map");
        cli_report(&err);
        return -1;
    }
    printf("%-15s %d\n", "CPUs present:", n);
    printf("%-15s %u\n", "CPUs online:", online);
    printf("%-15s ", "CPU map:");
    if (cmd_has(cmd, "pretty"))
        print_ranges(map, n);
    else
        for (int cpu = 0; cpu < n; cpu++)
            putchar(is_online(map, cpu) ? 'y' : '-');
    printf("\n");
    free(map);
    return 0;
}

int
cmd_cpu_models(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    char **models = NULL;
    int n = vireo_conn_get_cpu_model_names(s->conn, cmd_string(cmd, "arch"),
                                           &models, 0, &err);

    if (n < 0) {
        cli_error("failed to get CPU model names");
        cli_report(&err);
        return -1;
    }
    if (n == 0)
        printf("all CPU models are accepted\n");
    for (int i = 0; i < n; i++) {
        printf("%s\n", models[i]);
        free(models[i]);
    }
    free(models);
    return 0;
}
