/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_lease_mac.c: the MAC addresses of DHCPv6 clients, as dnsmasq finds
 * them (net_lease_mac.h).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "drivers/error.h"
#include "drivers/network/net_lease_mac.h"
#include "drivers/network/net_store.h"

/* dnsmasq runs the script as "SCRIPT add|old|del DUID ADDRESS [HOSTNAME]"
 * for a DHCPv6 lease, with the IAID and the MAC address (when it knows
 * it) in its environment; an IPv4 lease has no DNSMASQ_IAID. The record
 * keeps one line per DUID and IAID, rewritten whole, so that a reader
 * never sees half of it. */
static const char script_format[] =
    "#!/bin/sh\n"
    "# dnsmasq's --dhcp-script, written by vireod: the MAC address of each\n"
    "# DHCPv6 client (DUID, IAID), which dnsmasq's lease file lacks.\n"
    "[ -n \"$DNSMASQ_IAID\" ] || exit 0\n"
    "f='%s'\n"
    "{\n"
    "    [ -f \"$f\" ] && awk -v d=\"$2\" -v i=\"$DNSMASQ_IAID\" \\\n"
    "        '$1 != d || $2 != i' \"$f\"\n"
    "    [ \"$1\" != del ] && [ -n \"$DNSMASQ_MAC\" ] &&\n"
    "        echo \"$2 $DNSMASQ_IAID $DNSMASQ_MAC\"\n"
    "} > \"$f.new\"\n"
    "mv \"$f.new\" \"$f\"\n";

int
net_lease_mac_write_script(const char *run_dir, const char *name,
                           struct vireo_error *err)
{
    char *path = net_store_path(run_dir, name, "lease-script");
    char *record = net_store_path(run_dir, name, "macs6");
    char *text = NULL;
    int rc = -1;

    if (path != NULL && record != NULL && strchr(record, '\'') != NULL)
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                  "cannot quote '%s' in the lease script", record);
    else if (path == NULL || record == NULL ||
             asprintf(&text, script_format, record) < 0)
        error_no_memory(err);
    else if (net_store_write(path, text, err) == 0) {
        rc = chmod(path, 0700) == 0 ? 0
             : error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NETWORK,
                         "cannot chmod '%s': %s", path, strerror(errno));
    }
    free(text);
    free(record);
    free(path);
    return rc;
}

bool
net_lease_mac_find(const char *run_dir, const char *name, const char *duid,
                   const char *iaid, char *mac, size_t size)
{
    char *path = net_store_path(run_dir, name, "macs6");
    FILE *f = path != NULL ? fopen(path, "re") : NULL;
    char line[512];
    bool is_found = false;

    free(path);
    while (!is_found && f != NULL && fgets(line, sizeof(line), f) != NULL) {
        char *save = NULL, *d = strtok_r(line, " \n", &save);
        char *i = strtok_r(NULL, " \n", &save);
        char *m = strtok_r(NULL, " \n", &save);

        if (m != NULL && strcmp(d, duid) == 0 && strcmp(i, iaid) == 0 &&
            strlen(m) < size) {
            strcpy(mac, m);
            is_found = true;
        }
    }
    if (f != NULL)
        fclose(f);
    return is_found;
}

void
net_lease_mac_remove(const char *run_dir, const char *name)
{
    static const char *const suffixes[] = { "lease-script", "macs6", NULL };

    for (int i = 0; suffixes[i] != NULL; i++) {
        char *path = net_store_path(run_dir, name, suffixes[i]);

        net_store_remove(path);
        free(path);
    }
}
