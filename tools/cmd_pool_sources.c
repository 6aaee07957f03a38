/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_pool_sources.c: find-storage-pool-sources and
 * find-storage-pool-sources-as, which ask the host what pools of a type
 * it could have (its LVM volume groups, say), printing what virsh 9.0
 * prints.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cmd_opts.h"

const struct opt_def cmd_pool_sources_opts[] = {
    { "type", OPT_STRING, true, true,
      "type of storage pool sources to discover" },
    { "srcSpec", OPT_STRING, true, false,
      "optional file of source xml to query for pools" },
    END_OPTS,
};

const struct opt_def cmd_pool_sources_as_opts[] = {
    { "type", OPT_STRING, true, true,
      "type of storage pool sources to find" },
    { "host", OPT_STRING, true, false, "optional host to query" },
    { "port", OPT_STRING, true, false, "optional port to query" },
    { "initiator", OPT_STRING, true, false,
      "optional initiator IQN to use for query" },
    END_OPTS,
};

/* Ask for type's sources with spec (may be NULL) and print them, or
 * virsh's words when there are none. */
static int
find_sources(struct session *s, const char *type, const char *spec)
{
    struct vireo_error err = { 0 };
    char *list = vireo_conn_find_storage_pool_sources(s->conn, type, spec, 0,
                                                      &err);

    if (list == NULL) {
        cli_error("Failed to find any %s pool sources", type);
        cli_report(&err);
        return -1;
    }
    fputs(list, stdout);
    free(list);
    return 0;
}

int
cmd_pool_sources(struct session *s, const struct cmd *cmd)
{
    const char *file = cmd_string(cmd, "srcSpec");
    char *spec = NULL;
    int rc;

    if (file != NULL && (spec = read_xml_file(file)) == NULL)
        return -1;
    rc = find_sources(s, cmd_string(cmd, "type"), spec);
    free(spec);
    return rc;
}

/* virsh's source specification for a host (and port, and initiator):
 * malloc'ed, NULL when memory is short. */
static char *
host_spec(const char *host, const char *port, const char *initiator)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    fprintf(out, "<source>\n  <host name='%s'", host);
    if (port != NULL)
        fprintf(out, " port='%s'", port);
    fprintf(out, "/>\n");
    if (initiator != NULL)
        fprintf(out, "  <initiator>\n    <iqn name='%s'/>\n"
                "  </initiator>\n", initiator);
    fprintf(out, "</source>\n");
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

int
cmd_pool_sources_as(struct session *s, const struct cmd *cmd)
{
    const char *host = cmd_string(cmd, "host");
    char *spec = NULL;
    int rc;

    if (host != NULL &&
        (spec = host_spec(host, cmd_string(cmd, "port"),
                          cmd_string(cmd, "initiator"))) == NULL) {
        cli_error("%s", "out of memory");
        return -1;
    }
    rc = find_sources(s, cmd_string(cmd, "type"), spec);
    free(spec);
    return rc;
}
