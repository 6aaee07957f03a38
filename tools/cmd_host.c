/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_host.c: the commands about the host and the connection: version,
 * hostname, nodeinfo, uri, capabilities. Output is virsh 9.0's.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

/* Versions travel as major * 1,000,000 + minor * 1,000 + micro. */
static void
print_version(const char *label, const char *what, unsigned long long v)
{
    printf("%s: %s %llu.%llu.%llu\n", label, what, v / 1000000,
           v / 1000 % 1000, v % 1000);
}

int
cmd_version(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    unsigned long long hv_version;
    const char *type;

    printf("Compiled against library: vireo %s\n", VIREO_VERSION_STRING);
    print_version("Using library", "vireo", vireo_version());
    type = vireo_conn_get_type(s->conn, &err);
    if (type == NULL) {
        cli_error("failed to get hypervisor type");
        cli_report(&err);
        return -1;
    }
    print_version("Using API", type, vireo_version());
    if (vireo_conn_get_version(s->conn, &hv_version, &err) < 0) {
        cli_error("failed to get the hypervisor version");
        cli_report(&err);
        return -1;
    }
    if (hv_version == 0)
        printf("Cannot extract running %s hypervisor version\n", type);
    else
        print_version("Running hypervisor", type, hv_version);
    return 0;
}

int
cmd_hostname(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    char *hostname = vireo_conn_get_hostname(s->conn, &err);

    if (hostname == NULL) {
        cli_error("failed to get hostname");
        cli_report(&err);
        return -1;
    }
    printf("%s\n", hostname);
    free(hostname);
    return 0;
}

/* virsh's nodeinfo layout: labels left-aligned in 20 columns; the
 * frequency line only when the frequency is known. */
#define NODE_LINE(label, fmt, ...) \
    printf("%-20s " fmt "\n", label, __VA_ARGS__)

int
cmd_nodeinfo(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct vireo_node_info info;

    if (vireo_node_get_info(s->conn, &info, &err) < 0) {
        cli_error("failed to get node information");
        cli_report(&err);
        return -1;
    }
    NODE_LINE("CPU model:", "%s", info.model);
    NODE_LINE("CPU(s):", "%u", info.cpus);
    if (info.mhz != 0)
        NODE_LINE("CPU frequency:", "%u MHz", info.mhz);
    NODE_LINE("CPU socket(s):", "%u", info.sockets);
    NODE_LINE("Core(s) per socket:", "%u", info.cores);
    NODE_LINE("Thread(s) per core:", "%u", info.threads);
    NODE_LINE("NUMA cell(s):", "%u", info.nodes);
    NODE_LINE("Memory size:", "%llu KiB", info.memory_kib);
    return 0;
}

int
cmd_uri(struct session *s, const struct cmd *cmd)
{
    printf("%s\n", vireo_conn_get_uri(s->conn));
    return 0;
}

int
cmd_capabilities(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    char *caps = vireo_conn_get_capabilities(s->conn, &err);

    if (caps == NULL) {
        cli_error("failed to get capabilities");
        cli_report(&err);
        return -1;
    }
    /* virsh adds a newline of its own to the document's. */
    printf("%s\n", caps);
    free(caps);
    return 0;
}
