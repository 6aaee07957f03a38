/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_pin.c: where a domain's threads run: vcpupin, emulatorpin,
 * numatune, iothreadinfo, iothreadadd, iothreadpin, iothreadset and
 * iothreaddel. Output and errors follow virsh 9.0 line for line. Main
 * thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"
#include "cmd_tune.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_vcpupin_opts[] = {
    DOMAIN_ARG,
    { "vcpu", OPT_NUMBER, true, false, "vcpu number" },
    { "cpulist", OPT_STRING, true, false,
      "host cpu number(s) to set, or omit option to query" },
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_emulatorpin_opts[] = {
    DOMAIN_ARG,
    { "cpulist", OPT_STRING, true, false,
      "host cpu number(s) to set, or omit option to query" },
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_numatune_opts[] = {
    DOMAIN_ARG,
    { "mode", OPT_STRING, false, false,
      "NUMA mode, one of strict, preferred and interleave or a number from "
      "the virDomainNumatuneMemMode enum" },
    { "nodeset", OPT_STRING, false, false, "NUMA node selections to set" },
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_iothreadinfo_opts[] = {
    DOMAIN_ARG,
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_iothread_id_opts[] = {
    DOMAIN_ARG,
    { "id", OPT_NUMBER, true, true, "iothread id" },
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_iothreadpin_opts[] = {
    DOMAIN_ARG,
    { "iothread", OPT_NUMBER, true, true, "IOThread ID number" },
    { "cpulist", OPT_STRING, true, true, "host cpu number(s) to set" },
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_iothreadset_opts[] = {
    DOMAIN_ARG,
    { "id", OPT_NUMBER, true, true, "iothread id of existing IOThread" },
    { "poll-max-ns", OPT_NUMBER, false, false,
      "set the maximum IOThread polling time in ns" },
    { "poll-grow", OPT_NUMBER, false, false,
      "set the value to increase the IOThread polling time" },
    { "poll-shrink", OPT_NUMBER, false, false,
      "set the value for reduction of the IOThread polling time" },
    IMPACT_OPTS,
    END_OPTS,
};

#define VCPU_MAXIMUM (1u << 2)

/* How far a cpulist may reach before virsh compares it with the host:
 * libvirt's bound on a CPU number in a set. */
#define CPULIST_MAX_BYTES (16384 / 8)

/* Print virsh's "error: <what>" line and the error, and fail. */
static int
failed(const struct vireo_error *err, const char *what)
{
    cli_error("%s", what);
    cli_report(err);
    return -1;
}

/* The host's CPUs as virsh counts them for a cpulist
 * (virshNodeGetCPUCount): from the CPU map, else from the topology. */
static int
cpu_count(struct session *s)
{
    struct vireo_error err = { 0 };
    int n = vireo_node_get_cpu_map(s->conn, NULL, NULL, 0, &err);

    return n >= 0 ? n : host_cpu_count(s);
}

/* A cpulist as virsh reads it (virshParseCPUList): "r" for every host
 * CPU, else libvirt's set syntax, within the host's n_cpus. *map is
 * malloc'ed, *maplen bytes. 0, or -1 after virsh's errors. */
static int
parse_cpulist(const char *text, int n_cpus, unsigned char **map,
              int *maplen)
{
    struct vireo_error err = { 0 };
    unsigned char *wide = calloc(CPULIST_MAX_BYTES, 1);
    int last = -1;

    *maplen = (n_cpus + 7) / 8;
    *map = calloc((size_t)*maplen + 1, 1);
    if (wide == NULL || *map == NULL) {
        free(wide);
        return -1;
    }
    if (text[0] == 'r') {
        for (int c = 0; c < n_cpus; c++)
            (*map)[c / 8] |= (unsigned char)(1u << (c % 8));
        free(wide);
        return 0;
    }
    if (vireo_cpumap_parse(text, wide, CPULIST_MAX_BYTES, &err) < 0) {
        free(wide);
        cli_error("Invalid cpulist '%s'", text);
        cli_report(&err);
        return -1;
    }
    for (int c = 0; c < CPULIST_MAX_BYTES * 8; c++)
        if (wide[c / 8] & (1u << (c % 8)))
            last = c;
    if (last >= n_cpus) {
        free(wide);
        cli_error("CPU %d in cpulist '%s' exceed the maxcpu %d", last, text,
                  n_cpus);
        return -1;
    }
    memcpy(*map, wide, (size_t)*maplen);
    free(wide);
    return 0;
}

/* A CPU map as virsh writes it ("0-1,3"). */
static void
print_map(const unsigned char *map, int maplen)
{
    char *text = vireo_cpumap_format(map, maplen);

    printf("%s", text != NULL ? text : "");
    free(text);
}

static char *
map_text(const unsigned char *map, int maplen)
{
    char *text = vireo_cpumap_format(map, maplen);

    return text != NULL ? text : strdup("");
}

/* ---- vcpupin ---------------------------------------------------------- */

/* The table of every vCPU's affinity, or of vCPU `only` (>= 0). */
static int
vcpupin_query(struct vireo_domain *dom, unsigned flags, long only,
              int n_cpus)
{
    struct vireo_error err = { 0 };
    int maplen = (n_cpus + 7) / 8;
    int n = vireo_domain_get_vcpus_flags(dom, flags | VCPU_MAXIMUM, &err);
    static const char *const headers[] = { "VCPU", "CPU Affinity" };
    unsigned char *maps;
    struct table *t;

    if (n < 0)
        return failed(&err, "Unable to get pin information");
    if (only >= n) {
        cli_error("vcpu %ld is out of range of %s cpu count %d", only,
                  "live", n);
        return -1;
    }
    maps = calloc((size_t)n * (size_t)maplen + 1, 1);
    if (maps == NULL ||
        (n = vireo_domain_get_vcpu_pin_info(dom, n, maps, maplen, flags,
                                            &err)) < 0) {
        free(maps);
        return failed(&err, "Unable to get pin information");
    }
    t = table_new(2, headers);
    for (int i = 0; t != NULL && i < n; i++) {
        char num[16], *aff;
        const char *row[2] = { num, NULL };

        if (only >= 0 && i != only)
            continue;
        snprintf(num, sizeof(num), "%d", i);
        row[1] = aff = map_text(maps + (size_t)i * (size_t)maplen, maplen);
        table_add_row(t, row);
        free(aff);
    }
    if (t != NULL)
        table_print(t, stdout);
    table_free(t);
    free(maps);
    return 0;
}

int
cmd_vcpupin(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    const char *cpulist = cmd_string(cmd, "cpulist");
    struct vireo_domain *dom;
    unsigned char *map = NULL;
    long vcpu = -1;
    unsigned flags;
    int n_cpus, maplen, rc = -1;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        cmd_number(cmd, "vcpu", 0, 0x7fffffff, &vcpu) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    if ((n_cpus = cpu_count(s)) < 0)
        goto out;
    if (cpulist == NULL) {
        rc = vcpupin_query(dom, flags, vcpu, n_cpus);
        goto out;
    }
    if (vcpu < 0) {
        cli_error("vcpupin: Missing vCPU number in pin mode.");
        goto out;
    }
    if (parse_cpulist(cpulist, n_cpus, &map, &maplen) < 0)
        goto out;
    rc = vireo_domain_pin_vcpu(dom, (unsigned)vcpu, map, maplen, flags,
                               &err);
    if (rc < 0)
        cli_report(&err);
out:
    free(map);
    vireo_domain_free(dom);
    return rc;
}

/* ---- emulatorpin ------------------------------------------------------ */

static int
emulatorpin_query(struct vireo_domain *dom, unsigned flags, int n_cpus)
{
    struct vireo_error err = { 0 };
    int maplen = (n_cpus + 7) / 8;
    unsigned char *map = calloc((size_t)maplen + 1, 1);

    if (map == NULL ||
        vireo_domain_get_emulator_pin_info(dom, map, maplen, flags,
                                           &err) < 0) {
        free(map);
        cli_report(&err);
        return -1;
    }
    printf("%s %s\n", "emulator:", "CPU Affinity");
    printf("----------------------------------\n");
    printf("       *: ");
    print_map(map, maplen);
    printf("\n");
    free(map);
    return 0;
}

int
cmd_emulatorpin(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    const char *cpulist = cmd_string(cmd, "cpulist");
    struct vireo_domain *dom;
    unsigned char *map = NULL;
    unsigned flags;
    int n_cpus, maplen, rc = -1;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    if ((n_cpus = cpu_count(s)) < 0)
        goto out;
    if (cpulist == NULL) {
        rc = emulatorpin_query(dom, flags, n_cpus);
        goto out;
    }
    if (parse_cpulist(cpulist, n_cpus, &map, &maplen) < 0)
        goto out;
    if ((rc = vireo_domain_pin_emulator(dom, map, maplen, flags, &err)) < 0)
        cli_report(&err);
out:
    free(map);
    vireo_domain_free(dom);
    return rc;
}

/* ---- numatune --------------------------------------------------------- */

static const char *const numa_modes[] = { "strict", "preferred",
                                          "interleave", "restrictive" };
#define N_NUMA_MODES ((int)(sizeof(numa_modes) / sizeof(numa_modes[0])))

static void
print_numa_param(const struct vireo_typed_param *t)
{
    if (t->type == VIREO_TYPED_PARAM_INT &&
        strcmp(t->field, VIR_DOMAIN_NUMA_MODE) == 0 &&
        t->value.i >= 0 && t->value.i < N_NUMA_MODES)
        printf("%-15s: %s\n", t->field, numa_modes[t->value.i]);
    else if (t->type == VIREO_TYPED_PARAM_INT)
        printf("%-15s: %d\n", t->field, t->value.i);
    else if (t->type == VIREO_TYPED_PARAM_STRING)
        printf("%-15s: %s\n", t->field, t->value.s);
}

static int
numatune_show(struct vireo_domain *dom, unsigned flags)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_error err = { 0 };

    if (vireo_domain_get_numa_params(dom, &p, flags, &err) < 0) {
        vireo_typed_params_clear(&p);
        return failed(&err, "Unable to get numa parameters");
    }
    for (int i = 0; i < p.n; i++)
        print_numa_param(&p.params[i]);
    vireo_typed_params_clear(&p);
    return 0;
}

/* --mode by name or number, as virsh takes it. */
static int
numa_mode(const char *text, int *mode)
{
    char *end;
    long n;

    for (int m = 0; m < N_NUMA_MODES; m++)
        if (strcmp(text, numa_modes[m]) == 0) {
            *mode = m;
            return 0;
        }
    n = strtol(text, &end, 10);
    if (end == text || *end != '\0' || n < 0 || n >= N_NUMA_MODES) {
        cli_error("Invalid mode: %s", text);
        return -1;
    }
    *mode = (int)n;
    return 0;
}

static int
numatune_params(const struct cmd *cmd, struct vireo_typed_params *p)
{
    struct vireo_error err = { 0 };
    const char *mode_text = cmd_string(cmd, "mode");
    const char *nodeset = cmd_string(cmd, "nodeset");
    int mode;

    if (mode_text != NULL &&
        (numa_mode(mode_text, &mode) < 0 ||
         vireo_typed_params_add_int(p, VIR_DOMAIN_NUMA_MODE, mode,
                                    &err) < 0))
        return -1;
    if (nodeset != NULL &&
        vireo_typed_params_add_string(p, VIR_DOMAIN_NUMA_NODESET, nodeset,
                                      &err) < 0)
        return -1;
    return 0;
}

int
cmd_numatune(struct session *s, const struct cmd *cmd)
{
    static const struct tune_params_cmd numatune = {
        numatune_params, numatune_show, vireo_domain_set_numa_params,
        "Unable to change numa parameters",
    };

    return tune_params_run(s, cmd, &numatune);
}

/* ---- I/O threads ------------------------------------------------------ */

static int
iothreads_print(const struct vireo_iothread_info *info, int n)
{
    static const char *const headers[] = { "IOThread ID", "CPU Affinity" };
    struct table *t = table_new(2, headers);

    for (int i = 0; t != NULL && i < n; i++) {
        char id[16], *aff = map_text(info[i].cpumap, info[i].cpumaplen);
        const char *row[2] = { id, aff };

        snprintf(id, sizeof(id), "%u", info[i].iothread_id);
        table_add_row(t, row);
        free(aff);
    }
    if (t != NULL)
        table_print(t, stdout);
    table_free(t);
    return t != NULL ? 0 : -1;
}

int
cmd_iothreadinfo(struct session *s, const struct cmd *cmd)
{
    struct vireo_iothread_info *info = NULL;
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    unsigned flags;
    int n, rc = 0;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    n = vireo_domain_get_iothread_info(dom, &info, flags, &err);
    if (n < 0)
        rc = failed(&err, "Unable to get domain IOThreads information");
    else if (n == 0)
        printf("No IOThreads found for the domain");
    else
        rc = iothreads_print(info, n);
    vireo_iothread_info_list_free(info, n);
    vireo_domain_free(dom);
    return rc;
}

/* The --id of iothreadadd, iothreadset and iothreaddel: positive. */
static int
iothread_id(const struct cmd *cmd, unsigned *id)
{
    long value = 0;

    if (cmd_number(cmd, "id", -0x7fffffffL, 0x7fffffff, &value) < 0)
        return -1;
    if (value <= 0) {
        cli_error("Invalid IOThread id value: '%ld'", value);
        return -1;
    }
    *id = (unsigned)value;
    return 0;
}

typedef int (*iothread_fn)(struct vireo_domain *dom, unsigned id,
                           unsigned flags, struct vireo_error *err);

static int
iothread_change(struct session *s, const struct cmd *cmd, iothread_fn fn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    unsigned flags, id;
    int rc;

    if (tune_impact_flags(cmd, &flags) < 0 || iothread_id(cmd, &id) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    if ((rc = fn(dom, id, flags, &err)) < 0)
        cli_report(&err);
    vireo_domain_free(dom);
    return rc;
}

int
cmd_iothreadadd(struct session *s, const struct cmd *cmd)
{
    return iothread_change(s, cmd, vireo_domain_add_iothread);
}

int
cmd_iothreaddel(struct session *s, const struct cmd *cmd)
{
    return iothread_change(s, cmd, vireo_domain_del_iothread);
}

int
cmd_iothreadpin(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    unsigned char *map = NULL;
    long id = 0;
    unsigned flags;
    int n_cpus, maplen, rc = -1;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        cmd_number(cmd, "iothread", 0, 0x7fffffff, &id) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    if ((n_cpus = cpu_count(s)) >= 0 &&
        parse_cpulist(cmd_string(cmd, "cpulist"), n_cpus, &map,
                      &maplen) == 0 &&
        (rc = vireo_domain_pin_iothread(dom, (unsigned)id, map, maplen,
                                        flags, &err)) < 0)
        cli_report(&err);
    free(map);
    vireo_domain_free(dom);
    return rc;
}

/* The polling options given, as typed parameters. */
static int
poll_params(const struct cmd *cmd, struct vireo_typed_params *p)
{
    static const char *const uints[][2] = {
        { "poll-grow", VIR_DOMAIN_IOTHREAD_POLL_GROW },
        { "poll-shrink", VIR_DOMAIN_IOTHREAD_POLL_SHRINK },
    };
    struct vireo_error err = { 0 };
    long value;
    int rc;

    rc = cmd_number(cmd, "poll-max-ns", 0, 0x7fffffffL, &value);
    if (rc < 0 || (rc == 0 &&
                   vireo_typed_params_add_ullong(p,
                       VIR_DOMAIN_IOTHREAD_POLL_MAX_NS,
                       (unsigned long long)value, &err) < 0))
        return -1;
    for (int i = 0; i < 2; i++) {
        rc = cmd_number(cmd, uints[i][0], 0, 0x7fffffffL, &value);
        if (rc < 0 || (rc == 0 &&
                       vireo_typed_params_add_uint(p, uints[i][1],
                                                   (unsigned)value,
                                                   &err) < 0))
            return -1;
    }
    if (p->n == 0) {
        cli_error("Not enough arguments passed, nothing to set");
        return -1;
    }
    return 0;
}

int
cmd_iothreadset(struct session *s, const struct cmd *cmd)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    unsigned flags, id;
    int rc = -1;

    if (tune_impact_flags(cmd, &flags) < 0 || iothread_id(cmd, &id) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    if (poll_params(cmd, &p) == 0 &&
        (rc = vireo_domain_set_iothread_params(dom, id, &p, flags,
                                               &err)) < 0)
        cli_report(&err);
    vireo_typed_params_clear(&p);
    vireo_domain_free(dom);
    return rc;
}
