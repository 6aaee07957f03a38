/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_domain.c: definitions and lifecycle over the wire. Where libvirt
 * has a procedure with flags and an older one without, the older one is
 * used when there are no flags, as libvirt's client does, so that old
 * daemons keep working.
 */
#include <rpc/xdr.h>
#include <string.h>

#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

/* The domain a reply named, as a new handle; the reply is released. */
static struct vireo_domain *
take_domain(struct vireo_conn *conn, xdrproc_t proc, void *ret,
            const remote_nonnull_domain *dom, struct vireo_error *err)
{
    struct vireo_domain *handle = remote_domain_from_wire(conn, dom, err);

    xdr_free(proc, ret);
    return handle;
}

struct vireo_domain *
remotedrv_domain_define_xml(struct vireo_conn *conn, const char *xml,
                            unsigned flags, struct vireo_error *err)
{
    remote_domain_define_xml_flags_args args = { (char *)xml, flags };
    remote_domain_define_xml_flags_ret ret;

    /* Both procedures answer one domain, in the same struct layout. */
    _Static_assert(sizeof(remote_domain_define_xml_ret) == sizeof(ret),
                   "DEFINE_XML and DEFINE_XML_FLAGS answer alike");
    memset(&ret, 0, sizeof(ret));
    if (flags == 0) {
        remote_domain_define_xml_args old = { (char *)xml };
        if (remote_call(conn, REMOTE_PROC_DOMAIN_DEFINE_XML, &old, &ret,
                        err) < 0)
            return NULL;
    } else if (remote_call(conn, REMOTE_PROC_DOMAIN_DEFINE_XML_FLAGS, &args,
                           &ret, err) < 0) {
        return NULL;
    }
    return take_domain(conn, (xdrproc_t)xdr_remote_domain_define_xml_flags_ret,
                       &ret, &ret.dom, err);
}

struct vireo_domain *
remotedrv_domain_create_xml(struct vireo_conn *conn, const char *xml,
                            unsigned flags, struct vireo_error *err)
{
    remote_domain_create_xml_args args = { (char *)xml, flags };
    remote_domain_create_xml_ret ret;

    memset(&ret, 0, sizeof(ret));
    if (remote_call(conn, REMOTE_PROC_DOMAIN_CREATE_XML, &args, &ret,
                    err) < 0)
        return NULL;
    return take_domain(conn, (xdrproc_t)xdr_remote_domain_create_xml_ret,
                       &ret, &ret.dom, err);
}

int
remotedrv_domain_undefine(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err)
{
    remote_domain_undefine_flags_args args = { .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    if (flags == 0) {
        remote_domain_undefine_args old = { args.dom };
        return remote_call(dom->conn, REMOTE_PROC_DOMAIN_UNDEFINE, &old,
                           NULL, err);
    }
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_UNDEFINE_FLAGS, &args,
                       NULL, err);
}

/* DOMAIN_CREATE answers nothing, so the new id comes from a lookup, as in
 * libvirt: the start succeeded even if the lookup fails, but the caller
 * is told it failed (libvirt's behaviour). */
static int
create_then_lookup(struct vireo_domain *dom, struct vireo_error *err)
{
    remote_domain_lookup_by_uuid_args args;
    remote_domain_lookup_by_uuid_ret ret;
    remote_domain_create_args create;

    remote_domain_to_wire(dom, &create.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_CREATE, &create, NULL,
                    err) < 0)
        return -1;
    memcpy(args.uuid, dom->uuid, sizeof(args.uuid));
    memset(&ret, 0, sizeof(ret));
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID, &args,
                    &ret, err) < 0)
        return -1;
    atomic_store(&dom->id, ret.dom.id);
    xdr_free((xdrproc_t)xdr_remote_domain_lookup_by_uuid_ret, &ret);
    return 0;
}

int
remotedrv_domain_create(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err)
{
    remote_domain_create_with_flags_args args = { .flags = flags };
    remote_domain_create_with_flags_ret ret;

    if (flags == 0)
        return create_then_lookup(dom, err);
    remote_domain_to_wire(dom, &args.dom);
    memset(&ret, 0, sizeof(ret));
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_CREATE_WITH_FLAGS, &args,
                    &ret, err) < 0)
        return -1;
    atomic_store(&dom->id, ret.dom.id);
    xdr_free((xdrproc_t)xdr_remote_domain_create_with_flags_ret, &ret);
    return 0;
}

int
remotedrv_domain_destroy(struct vireo_domain *dom, unsigned flags,
                         struct vireo_error *err)
{
    remote_domain_destroy_flags_args args = { .flags = flags };
    remote_domain_destroy_args old;
    int rc;

    remote_domain_to_wire(dom, &args.dom);
    old.dom = args.dom;
    rc = flags == 0
         ? remote_call(dom->conn, REMOTE_PROC_DOMAIN_DESTROY, &old, NULL, err)
         : remote_call(dom->conn, REMOTE_PROC_DOMAIN_DESTROY_FLAGS, &args,
                       NULL, err);
    /* A destroyed domain has no id; libvirt's client forgets it too. */
    if (rc == 0)
        atomic_store(&dom->id, -1);
    return rc;
}

int
remotedrv_domain_shutdown(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err)
{
    remote_domain_shutdown_flags_args args = { .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    if (flags == 0) {
        remote_domain_shutdown_args old = { args.dom };
        return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SHUTDOWN, &old,
                           NULL, err);
    }
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SHUTDOWN_FLAGS, &args,
                       NULL, err);
}

int
remotedrv_domain_reboot(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err)
{
    remote_domain_reboot_args args = { .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_REBOOT, &args, NULL,
                       err);
}

int
remotedrv_domain_suspend(struct vireo_domain *dom, struct vireo_error *err)
{
    remote_domain_suspend_args args;

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SUSPEND, &args, NULL,
                       err);
}

int
remotedrv_domain_resume(struct vireo_domain *dom, struct vireo_error *err)
{
    remote_domain_resume_args args;

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_RESUME, &args, NULL,
                       err);
}

int
remotedrv_domain_set_autostart(struct vireo_domain *dom, int autostart,
                               struct vireo_error *err)
{
    remote_domain_set_autostart_args args = { .autostart = autostart };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_AUTOSTART, &args,
                       NULL, err);
}
