/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-node.c: the host figures of the test driver, which are
 * libvirt's test driver's (as libvirtd 9.0 answers them), and the CPU
 * model names read from a CPU map (data/cpu_map: two x86 models listed
 * in the index's order, one ppc64 model).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/cpu_map.h"
#include "tests/drivers/testdrv-helpers.h"

static const char *data_dir;

static void
test_fixed_figures(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    char *text;

    tap_is_int(testdrv.conn_get_max_vcpus(conn, NULL, &err), 32,
               "at most 32 vCPUs");
    text = testdrv.conn_get_sysinfo(conn, 0, &err);
    tap_ok(text && strstr(text, "<sysinfo type='smbios'>") &&
           strstr(text, "<entry name='vendor'>LENOVO</entry>"),
           "the SMBIOS of a Lenovo BIOS");
    free(text);
    text = testdrv.conn_get_sysinfo(conn, 1, &err);
    tap_ok(text == NULL && err.code == VIR_ERR_INVALID_ARG,
           "sysinfo takes no flags");
}

static void
test_cpu_stats(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_node_stat params[8];
    int n = 0;

    testdrv.node_get_cpu_stats(conn, -1, NULL, &n, 0, &err);
    tap_is_int(n, 4, "four CPU figures");
    n = 8;
    tap_is_int(testdrv.node_get_cpu_stats(conn, 3, params, &n, 0, &err), 0,
               "read for one CPU");
    tap_ok(n == 4 && strcmp(params[1].field, "kernel") == 0 &&
           params[1].value == 34678723400000ull &&
           strcmp(params[3].field, "iowait") == 0,
           "user, kernel, idle and iowait, libvirt's fixed times");
    n = 2;
    testdrv.node_get_cpu_stats(conn, -1, params, &n, 0, &err);
    tap_is_int(n, 2, "no more figures than asked for");
}

static void
test_memory(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    unsigned long long cells[4] = { 0 }, bytes = 0;

    tap_is_int(testdrv.node_get_cells_free_memory(conn, cells, 0, 4, &err),
               2, "two cells");
    tap_ok(cells[0] == 2097152 && cells[1] == 4194304,
           "each cell answers its size, as libvirt's test driver does");
    tap_is_int(testdrv.node_get_cells_free_memory(conn, cells, 1, 1, &err),
               1, "one cell from the second");
    tap_is_int(testdrv.node_get_cells_free_memory(conn, cells, 2, 1, &err),
               -1, "no third cell");
    tap_is_str(err.message, "invalid argument: Range exceeds available cells",
               "in libvirt's words");
    testdrv.node_get_free_memory(conn, &bytes, &err);
    tap_is_int(bytes, 3145728, "3 MiB free in all, in bytes");
}

static void
test_pages_and_map(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    unsigned pages[2] = { 4, 2048 }, online = 0;
    unsigned long long counts[4] = { 0 };
    unsigned char *map = NULL;

    tap_is_int(testdrv.node_get_free_pages(conn, 2, pages, 0, 2, counts, 0,
                                           &err),
               0, "free pages: none counted, as libvirt's test driver says");
    tap_ok(counts[0] == 19 && counts[3] == 201,
           "while it fills libvirt's made-up figures");
    tap_is_int(testdrv.node_get_cpu_map(conn, &map, &online, 0, &err), 8,
               "8 CPUs in the map");
    tap_ok(map && map[0] == 0x15 && online == 3, "0, 2 and 4 online");
    free(map);
    tap_is_int(testdrv.node_get_cpu_map(conn, NULL, NULL, 0, &err), 8,
               "the count alone when nothing else is asked");
}

static void
test_node_file_cells(void)
{
    struct vireo_error err = { 0 };
    char *uri = NULL;
    struct vireo_conn *conn;
    unsigned long long cells[1], bytes = 1;

    if (asprintf(&uri, "test://%s/node-several.xml", data_dir) < 0)
        abort();
    conn = tdrv_open(uri, &err);
    free(uri);
    tap_is_int(conn ? testdrv.node_get_cells_free_memory(conn, cells, 0, 1,
                                                         &err) : 0,
               -1, "a node file's host has no cells");
    if (conn)
        testdrv.node_get_free_memory(conn, &bytes, &err);
    tap_is_int(bytes, 0, "and no free memory");
    handle_conn_unref(conn);
}

static void
test_cpu_map(void)
{
    struct vireo_error err = { 0 };
    char dir[4096], **models = NULL;
    int n;

    snprintf(dir, sizeof(dir), "%s/cpu_map", data_dir);
    n = cpu_map_model_names(dir, "x86_64", &models, VIR_FROM_TEST, &err);
    tap_is_int(n, 2, "two x86 models");
    tap_ok(n == 2 && strcmp(models[0], "zeta") == 0 &&
           strcmp(models[1], "alpha-1") == 0 && models[2] == NULL,
           "in the index's order, NULL-ended");
    for (int i = 0; i < n; i++)
        free(models[i]);
    free(models);
    tap_is_int(cpu_map_model_names(dir, "ppc64le", NULL, VIR_FROM_TEST,
                                   &err), 1, "ppc64le lists ppc64's model");
    models = (char **)1;
    tap_is_int(cpu_map_model_names(dir, "aarch64", &models, VIR_FROM_TEST,
                                   &err), 0, "ARM takes any model");
    tap_ok(models == NULL, "and lists none");
    tap_is_int(cpu_map_model_names(dir, "mips", NULL, VIR_FROM_TEST, &err),
               -1, "no CPU driver for mips");
    tap_ok(err.code == VIR_ERR_NO_SUPPORT &&
           strstr(err.message, "'mips' architecture is not supported by "
                               "CPU driver"), "said as libvirt says it");
    tap_is_int(cpu_map_model_names(dir, "x86", NULL, VIR_FROM_TEST, &err),
               -1, "x86 is a family, not an architecture");
    tap_is_str(err.message, "invalid argument: cannot find architecture x86",
               "said as libvirt says it");
    snprintf(dir, sizeof(dir), "%s/cpu_map_broken", data_dir);
    tap_is_int(cpu_map_model_names(dir, "i686", NULL, VIR_FROM_TEST, &err),
               -1, "a map naming a missing file is an error");
}

int
main(int argc, char **argv)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn;

    data_dir = argc > 1 ? argv[1] : "tests/drivers/data";
    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "open test:///default"))
        return tdrv_done();
    test_fixed_figures(conn);
    test_cpu_stats(conn);
    test_memory(conn);
    test_pages_and_map(conn);
    handle_conn_unref(conn);
    test_node_file_cells();
    test_cpu_map();
    return tdrv_done();
}
