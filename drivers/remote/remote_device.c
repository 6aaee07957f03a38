/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_device.c: attaching, detaching and changing devices over the
 * wire. flags 0 goes as libvirt's flag-less procedure, which changes the
 * running domain, so that a daemon gives it the same meaning.
 */
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

int
remotedrv_domain_attach_device(struct vireo_domain *dom, const char *xml,
                               unsigned flags, struct vireo_error *err)
{
    remote_domain_attach_device_flags_args args = { .xml = (char *)xml,
                                                    .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    if (flags != 0)
        return remote_call(dom->conn, REMOTE_PROC_DOMAIN_ATTACH_DEVICE_FLAGS,
                           &args, NULL, err);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_ATTACH_DEVICE,
                       &(remote_domain_attach_device_args){ args.dom,
                                                            args.xml },
                       NULL, err);
}

int
remotedrv_domain_detach_device(struct vireo_domain *dom, const char *xml,
                               unsigned flags, struct vireo_error *err)
{
    remote_domain_detach_device_flags_args args = { .xml = (char *)xml,
                                                    .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    if (flags != 0)
        return remote_call(dom->conn, REMOTE_PROC_DOMAIN_DETACH_DEVICE_FLAGS,
                           &args, NULL, err);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_DETACH_DEVICE,
                       &(remote_domain_detach_device_args){ args.dom,
                                                            args.xml },
                       NULL, err);
}

int
remotedrv_domain_update_device(struct vireo_domain *dom, const char *xml,
                               unsigned flags, struct vireo_error *err)
{
    remote_domain_update_device_flags_args args = { .xml = (char *)xml,
                                                    .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_UPDATE_DEVICE_FLAGS,
                       &args, NULL, err);
}

int
remotedrv_domain_detach_device_alias(struct vireo_domain *dom,
                                     const char *alias, unsigned flags,
                                     struct vireo_error *err)
{
    remote_domain_detach_device_alias_args args = { .alias = (char *)alias,
                                                    .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_DETACH_DEVICE_ALIAS,
                       &args, NULL, err);
}
