/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_ifnames.c: naming a definition's interfaces as libvirt's test
 * driver does. Any thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/error.h"
#include "drivers/test/test_ifnames.h"

/* libvirt's test driver gives up past this many names. */
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

/* The first free "testnetN", malloc'ed; NULL with err set. */
static char *
free_name(const struct domain_def *def, struct vireo_error *err)
{
    char name[32];

    for (int n = 0; n < MAX_IFNAMES; n++) {
        snprintf(name, sizeof(name), "testnet%d", n);
        if (is_taken(def, name))
            continue;
        char *copy = strdup(name);
        if (copy == NULL)
            error_no_memory(err);
        return copy;
    }
    error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
              "Exceeded max iface limit %d", MAX_IFNAMES);
    return NULL;
}

int
test_ifnames_generate(struct domain_def *def, struct vireo_error *err)
{
    for (int i = 0; i < def->n_interfaces; i++) {
        struct domain_interface *iface = &def->interfaces[i];

        if (iface->target_dev != NULL)
            continue;
        iface->target_dev = free_name(def, err);
        if (iface->target_dev == NULL)
            return -1;
    }
    return 0;
}
