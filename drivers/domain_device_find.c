/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_device_find.c: a domain's disk or interface by the name a
 * monitoring call gives, as libvirt finds them (the contract is in
 * domain_device_find.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_device_find.h"
#include "drivers/error.h"

int
domain_def_disk_index(const struct domain_def *def, const char *name)
{
    int candidate = -1;

    for (int i = 0; i < def->n_disks; i++) {
        const struct domain_disk *d = &def->disks[i];

        if (name[0] != '/') {
            if (strcmp(d->target_dev, name) == 0)
                return i;
        } else if (d->source_path != NULL &&
                   strcmp(d->source_path, name) == 0) {
            if (candidate >= 0)
                return -1;     /* two disks share it: ambiguous */
            candidate = i;
        }
    }
    return candidate;
}

/* A MAC address as libvirt reads one (six hex bytes between colons), into
 * mac; false if text is not one. */
static bool
parse_mac(const char *text, unsigned char mac[6])
{
    for (int i = 0; i < 6; i++) {
        char *end;
        unsigned long byte;

        if (!((text[0] >= '0' && text[0] <= '9') ||
              (text[0] >= 'a' && text[0] <= 'f') ||
              (text[0] >= 'A' && text[0] <= 'F')))
            return false;
        byte = strtoul(text, &end, 16);
        if (byte > 0xff || end - text > 2 ||
            *end != (i < 5 ? ':' : '\0'))
            return false;
        mac[i] = (unsigned char)byte;
        text = end + (i < 5);
    }
    return true;
}

const struct domain_interface *
domain_def_find_interface(const struct domain_def *def, const char *device,
                          struct vireo_error *err)
{
    unsigned char want[6], have[6];
    bool is_mac = parse_mac(device, want);

    for (int i = 0; i < def->n_interfaces; i++) {
        const struct domain_interface *net = &def->interfaces[i];

        if (is_mac ? (net->mac != NULL && parse_mac(net->mac, have) &&
                      memcmp(want, have, sizeof(want)) == 0)
                   : (net->target_dev != NULL &&
                      strcmp(net->target_dev, device) == 0))
            return net;
    }
    error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
              "'%s' is not a known interface", device);
    return NULL;
}
