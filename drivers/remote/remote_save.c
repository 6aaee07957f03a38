/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_save.c: saving and restoring domains, saved images, core dumps
 * and managed save over the wire. Paths go as given: the daemon's host
 * reads and writes them. The calls with flags serve every case, as
 * libvirt's remote driver does.
 */
#include <rpc/xdr.h>
#include <string.h>

#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

/* An optional string argument: the wire's pointer to a string. */
static remote_string
opt(const char **s)
{
    return *s != NULL ? (remote_string)s : NULL;
}

int
remotedrv_domain_save(struct vireo_domain *dom, const char *to,
                      const char *dxml, unsigned flags,
                      struct vireo_error *err)
{
    remote_domain_save_flags_args args = {
        .to = (char *)to, .dxml = opt(&dxml), .flags = flags,
    };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SAVE_FLAGS, &args, NULL,
                       err);
}

int
remotedrv_domain_restore(struct vireo_conn *conn, const char *from,
                         const char *dxml, unsigned flags,
                         struct vireo_error *err)
{
    remote_domain_restore_flags_args args = {
        .from = (char *)from, .dxml = opt(&dxml), .flags = flags,
    };

    return remote_call(conn, REMOTE_PROC_DOMAIN_RESTORE_FLAGS, &args, NULL,
                       err);
}

char *
remotedrv_domain_save_image_get_xml_desc(struct vireo_conn *conn,
                                         const char *file, unsigned flags,
                                         struct vireo_error *err)
{
    remote_domain_save_image_get_xml_desc_args args = {
        .file = (char *)file, .flags = flags,
    };
    remote_domain_save_image_get_xml_desc_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_DOMAIN_SAVE_IMAGE_GET_XML_DESC, &args,
                    &ret, err) < 0)
        return NULL;
    return ret.xml;
}

int
remotedrv_domain_save_image_define_xml(struct vireo_conn *conn,
                                       const char *file, const char *dxml,
                                       unsigned flags,
                                       struct vireo_error *err)
{
    remote_domain_save_image_define_xml_args args = {
        .file = (char *)file, .dxml = (char *)dxml, .flags = flags,
    };

    return remote_call(conn, REMOTE_PROC_DOMAIN_SAVE_IMAGE_DEFINE_XML, &args,
                       NULL, err);
}

int
remotedrv_domain_core_dump(struct vireo_domain *dom, const char *to,
                           unsigned dumpformat, unsigned flags,
                           struct vireo_error *err)
{
    remote_domain_core_dump_with_format_args args = {
        .to = (char *)to, .dumpformat = dumpformat, .flags = flags,
    };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_CORE_DUMP_WITH_FORMAT,
                       &args, NULL, err);
}

int
remotedrv_domain_managed_save(struct vireo_domain *dom, unsigned flags,
                              struct vireo_error *err)
{
    remote_domain_managed_save_args args = { .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_MANAGED_SAVE, &args,
                       NULL, err);
}

int
remotedrv_domain_managed_save_remove(struct vireo_domain *dom,
                                     unsigned flags, struct vireo_error *err)
{
    remote_domain_managed_save_remove_args args = { .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_MANAGED_SAVE_REMOVE,
                       &args, NULL, err);
}
