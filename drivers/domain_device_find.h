/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_device_find.h: finding a domain's disk or interface by the name
 * a caller of the monitoring calls gives (domblkstat, domifstat ...), by
 * libvirt's rules, for every driver alike. Pure: any thread.
 */
#ifndef VIREO_DRIVERS_DOMAIN_DEVICE_FIND_H
#define VIREO_DRIVERS_DOMAIN_DEVICE_FIND_H

#include "api/vireo.h"

struct domain_def;
struct domain_interface;

/* libvirt's virDomainDiskIndexByName: a disk by target ("vda"), or by
 * source path when name starts with '/' (-1 if two disks share it); -1
 * when none. */
int domain_def_disk_index(const struct domain_def *def, const char *name);

/* libvirt's virDomainNetFind: an interface by MAC address, or else by
 * host name; NULL with VIR_ERR_INVALID_ARG "'dev' is not a known
 * interface". */
const struct domain_interface *
domain_def_find_interface(const struct domain_def *def, const char *device,
                          struct vireo_error *err);

#endif /* VIREO_DRIVERS_DOMAIN_DEVICE_FIND_H */
