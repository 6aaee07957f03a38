/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_ifname.c: the host names of test domains' interfaces. libvirt's
 * test hypervisor names each interface that has none "testnetN" when the
 * domain is defined or started, and domiflist, domifstat and domifaddr
 * show and take those names. Any thread: a function of one definition.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/error.h"
#include "drivers/test/test_monitor.h"

/* libvirt's bound on the names it tries. */
#define MAX_IFNAMES 1024

static bool
is_taken(const struct domain_def *def, const char *name)
{
    for (int i = 0; i < def->n_interfaces; i++)
        if (def->interfaces[i].target_dev != NULL &&
            strcmp(def->interfaces[i].target_dev, name) == 0)
            return true;
    return false;
}

static int
name_one(struct domain_def *def, struct domain_interface *net,
         struct vireo_error *err)
{
    char name[32];

    for (int n = 0; n < MAX_IFNAMES; n++) {
        snprintf(name, sizeof(name), "testnet%d", n);
        if (is_taken(def, name))
            continue;
        net->target_dev = strdup(name);
        return net->target_dev != NULL ? 0 : error_no_memory(err);
    }
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "Exceeded max iface limit %d", MAX_IFNAMES);
}

int
test_monitor_name_interfaces(struct domain_def *def, struct vireo_error *err)
{
    for (int i = 0; i < def->n_interfaces; i++)
        if (def->interfaces[i].target_dev == NULL &&
            name_one(def, &def->interfaces[i], err) < 0)
            return -1;
    return 0;
}
