/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-node.c: the host figures through the public library, on the
 * in-process test:///default: the arguments libvirt refuses before any
 * driver is asked (with libvirt's words), and the figures themselves.
 */
#include <stdlib.h>

#include "api-test.h"

static void
test_refused_arguments(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_node_stat params[4];
    unsigned long long cells[2];
    unsigned pages[1] = { 4 };
    int n = 4;

    tap_is_int(vireo_node_get_cpu_stats(conn, -2, params, &n, 0, &err), -1,
               "cpu -2 is refused");
    is_error(&err, VIR_ERR_INVALID_ARG, "cpuNum in virNodeGetCPUStats only "
             "accepts -1 as a negative value", "only -1 means every CPU");
    tap_is_int(vireo_node_get_cpu_stats(conn, 0, params, NULL, 0, &err), -1,
               "a missing count is refused");
    is_error(&err, VIR_ERR_INVALID_ARG,
             "nparams in virNodeGetCPUStats must not be NULL",
             "naming the argument");
    tap_is_int(vireo_node_get_cells_free_memory(conn, cells, -1, 1, &err),
               -1, "a negative start cell is refused");
    is_error(&err, VIR_ERR_INVALID_ARG, "startCell in "
             "virNodeGetCellsFreeMemory must be zero or greater",
             "as virsh freecell --cellno -1 shows it");
    tap_is_int(vireo_node_get_free_pages(conn, 1, pages, 0, 0, cells, 0,
                                         &err), -1, "no cells is refused");
    tap_is_int(vireo_conn_get_cpu_model_names(conn, NULL, NULL, 0, &err), -1,
               "so is no architecture");
    tap_ok(vireo_conn_baseline_cpu(conn, NULL, 1, 0, &err) == NULL,
           "a baseline of no CPU list is refused");
    is_error(&err, VIR_ERR_INVALID_ARG,
             "xmlCPUs in virConnectBaselineCPU must not be NULL",
             "naming the argument");
}

/* The CPU map is libvirt's (libvirt0), as libvirtd reads it. */
static void
test_baseline(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    const char *cpus[] = {
        "<cpu><arch>x86_64</arch><model>Penryn</model></cpu>",
        "<cpu><arch>x86_64</arch><model>Nehalem</model></cpu>",
    };
    char *text = vireo_conn_baseline_cpu(conn, cpus, 2, 0, &err);

    tap_ok(text && strstr(text, "<model fallback='allow'>Penryn</model>"),
           "Penryn is what Penryn and Nehalem share, as libvirtd says");
    free(text);
    text = vireo_conn_baseline_cpu(conn, cpus, 1, 2, &err);
    tap_ok(text == NULL && err.code == VIR_ERR_INVALID_ARG,
           "the test driver does not take the migratable flag");
}

static void
test_figures(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_node_stat params[8];
    unsigned long long cells[2] = { 0 };
    unsigned char *map = NULL;
    unsigned online = 0;
    char **models = NULL;
    int n = 0;

    tap_is_int(vireo_conn_get_max_vcpus(conn, "test", &err), 32,
               "32 vCPUs at most");
    tap_is_int(vireo_node_get_cpu_stats(conn, -1, params, &n, 0, &err), 0,
               "count the CPU figures");
    tap_is_int(n, 4, "four of them");
    tap_is_int(vireo_node_get_cpu_stats(conn, -1, params, &n, 0, &err), 0,
               "read them");
    tap_is_str(params[0].field, "user", "user time first");
    n = 0;
    tap_is_int(vireo_node_get_memory_stats(conn, -1, params, &n, 0, &err),
               -1, "no memory figures from the test driver");
    is_error_code(&err, VIR_ERR_NO_SUPPORT, "which does not support them");
    tap_is_int(vireo_node_get_cells_free_memory(conn, cells, 0, 2, &err), 2,
               "both cells");
    tap_ok(vireo_node_get_free_memory(conn, &err) == 3145728ull,
           "free memory in bytes");
    tap_is_int(vireo_node_get_cpu_map(conn, &map, &online, 0, &err), 8,
               "8 CPUs");
    free(map);
    n = vireo_conn_get_cpu_model_names(conn, "x86_64", &models, 0, &err);
    tap_ok(n > 0 && models[0] && models[n] == NULL,
           "x86_64's CPU models, NULL-ended");
    for (int i = 0; i < n; i++)
        free(models[i]);
    free(models);
    test_baseline(conn);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = vireo_conn_open("test:///default", 0, &err);

    if (!tap_ok(conn != NULL, "open test:///default"))
        return tap_done();
    test_refused_arguments(conn);
    test_figures(conn);
    vireo_conn_close(conn);
    return tap_done();
}
