/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * metrics_domain_devices.c: a running domain's disk and interface
 * counters, for a driver whose all-domain-stats records carry none (the
 * test driver's hold the state group only): the devices are read from the
 * domain's XML, and each one's counters from the block and interface
 * stats slots, as `virsh domblkstat` and `domifstat` get them.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/metrics_domains.h"
#include "drivers/conf/domain_def.h"
#include "drivers/driver.h"
#include "drivers/error.h"

static uint64_t
count(long long v)
{
    return v < 0 ? 0 : (uint64_t)v;   /* -1: the driver does not know */
}

static int
add_block(const struct driver *drv, struct vireo_domain *dom,
          const char *target, struct metrics_device *dev,
          struct vireo_error *err)
{
    struct vireo_block_stats st;

    if (drv->domain_block_stats(dom, target, &st, err) < 0)
        return -1;
    dev->name = strdup(target);
    dev->in_bytes = count(st.rd_bytes);
    dev->out_bytes = count(st.wr_bytes);
    dev->in_ops = count(st.rd_req);
    dev->out_ops = count(st.wr_req);
    return dev->name != NULL ? 0 : error_no_memory(err);
}

static int
add_interface(const struct driver *drv, struct vireo_domain *dom,
              const char *name, struct metrics_device *dev,
              struct vireo_error *err)
{
    struct vireo_interface_stats st;

    if (drv->domain_interface_stats(dom, name, &st, err) < 0)
        return -1;
    dev->name = strdup(name);
    dev->in_bytes = count(st.rx_bytes);
    dev->out_bytes = count(st.tx_bytes);
    dev->in_ops = count(st.rx_packets);
    dev->out_ops = count(st.tx_packets);
    return dev->name != NULL ? 0 : error_no_memory(err);
}

/* Every disk with a target, then every interface known by its host
 * device or, failing that, its MAC address. */
static int
add_all(const struct driver *drv, struct vireo_domain *dom,
        const struct domain_def *def, struct metrics_domain *d,
        struct vireo_error *err)
{
    int rc = 0;

    d->blocks = calloc((size_t)def->n_disks + 1, sizeof(*d->blocks));
    d->nets = calloc((size_t)def->n_interfaces + 1, sizeof(*d->nets));
    if (d->blocks == NULL || d->nets == NULL)
        return error_no_memory(err);
    for (int i = 0; rc == 0 && drv->domain_block_stats != NULL &&
                    i < def->n_disks; i++)
        if (def->disks[i].target_dev != NULL)
            rc = add_block(drv, dom, def->disks[i].target_dev,
                           &d->blocks[d->n_blocks++], err);
    for (int i = 0; rc == 0 && drv->domain_interface_stats != NULL &&
                    i < def->n_interfaces; i++) {
        const struct domain_interface *iface = &def->interfaces[i];
        const char *name = iface->target_dev != NULL ? iface->target_dev
                                                     : iface->mac;

        if (name != NULL)
            rc = add_interface(drv, dom, name, &d->nets[d->n_nets++], err);
    }
    return rc;
}

int
metrics_domain_add_devices(const struct driver *drv, struct vireo_domain *dom,
                           struct metrics_domain *d, struct vireo_error *err)
{
    struct domain_def *def;
    char *xml;
    int rc;

    if (d->n_blocks > 0 || d->n_nets > 0 || drv->domain_get_xml_desc == NULL ||
        (drv->domain_block_stats == NULL &&
         drv->domain_interface_stats == NULL) ||
        (d->state != VIR_DOMAIN_RUNNING && d->state != VIR_DOMAIN_BLOCKED &&
         d->state != VIR_DOMAIN_PAUSED))
        return 0;
    xml = drv->domain_get_xml_desc(dom, 0, err);
    if (xml == NULL)
        return -1;
    def = domain_def_parse(xml, err);
    free(xml);
    if (def == NULL)
        return -1;
    rc = add_all(drv, dom, def, d, err);
    domain_def_free(def);
    return rc;
}
