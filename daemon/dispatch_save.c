/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_save.c: handlers of saving and restoring domains, saved images,
 * managed save, core dumps and screenshots. Paths are the client's, as given: the
 * driver reads and writes them itself, as libvirtd does. The older calls
 * without flags reach the same slots with none. Driver threads.
 */
#include <stdlib.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

static const char *
opt(const remote_string s)
{
    return s != NULL ? *s : NULL;
}

static int
save(struct vireo_conn *conn, const remote_nonnull_domain *wire,
     const char *to, const char *dxml, unsigned flags,
     struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, domain_save, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, wire, err, dom,
                      conn->driver->domain_save(dom, to, dxml, flags, err));
}

int
dispatch_domain_save(struct vireo_conn *conn, const void *args, void *ret,
                     struct vireo_error *err)
{
    const remote_domain_save_args *a = args;

    return save(conn, &a->dom, a->to, NULL, 0, err);
}

int
dispatch_domain_save_flags(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_domain_save_flags_args *a = args;

    return save(conn, &a->dom, a->to, opt(a->dxml), a->flags, err);
}

static int
restore(struct vireo_conn *conn, const char *from, const char *dxml,
        unsigned flags, struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, domain_restore, err) < 0)
        return -1;
    return conn->driver->domain_restore(conn, from, dxml, flags, err);
}

int
dispatch_domain_restore(struct vireo_conn *conn, const void *args, void *ret,
                        struct vireo_error *err)
{
    const remote_domain_restore_args *a = args;

    return restore(conn, a->from, NULL, 0, err);
}

int
dispatch_domain_restore_flags(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_domain_restore_flags_args *a = args;

    return restore(conn, a->from, opt(a->dxml), a->flags, err);
}

int
dispatch_domain_save_image_get_xml_desc(struct vireo_conn *conn,
                                        const void *args, void *ret,
                                        struct vireo_error *err)
{
    const remote_domain_save_image_get_xml_desc_args *a = args;
    remote_domain_save_image_get_xml_desc_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_save_image_get_xml_desc, err) < 0)
        return -1;
    return dispatch_take_string(&r->xml,
                                conn->driver->domain_save_image_get_xml_desc(
                                    conn, a->file, a->flags, err));
}

int
dispatch_domain_save_image_define_xml(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_save_image_define_xml_args *a = args;

    if (DISPATCH_NEED(conn, domain_save_image_define_xml, err) < 0)
        return -1;
    return conn->driver->domain_save_image_define_xml(conn, a->file, a->dxml,
                                                      a->flags, err);
}

static int
core_dump(struct vireo_conn *conn, const remote_nonnull_domain *wire,
          const char *to, unsigned dumpformat, unsigned flags,
          struct vireo_error *err)
{
    if (DISPATCH_NEED(conn, domain_core_dump, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, wire, err, dom,
                      conn->driver->domain_core_dump(dom, to, dumpformat,
                                                     flags, err));
}

int
dispatch_domain_core_dump(struct vireo_conn *conn, const void *args,
                          void *ret, struct vireo_error *err)
{
    const remote_domain_core_dump_args *a = args;

    return core_dump(conn, &a->dom, a->to, VIR_DOMAIN_CORE_DUMP_FORMAT_RAW,
                     a->flags, err);
}

int
dispatch_domain_core_dump_with_format(struct vireo_conn *conn,
                                      const void *args, void *ret,
                                      struct vireo_error *err)
{
    const remote_domain_core_dump_with_format_args *a = args;

    return core_dump(conn, &a->dom, a->to, a->dumpformat, a->flags, err);
}

int
dispatch_domain_managed_save(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_managed_save_args *a = args;

    if (DISPATCH_NEED(conn, domain_managed_save, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_managed_save(dom, a->flags, err));
}

int
dispatch_domain_managed_save_remove(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_managed_save_remove_args *a = args;

    if (DISPATCH_NEED(conn, domain_managed_save_remove, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      conn->driver->domain_managed_save_remove(dom, a->flags,
                                                               err));
}

/* The MIME type goes in the reply; the image follows as the stream. */
static int
screenshot(struct vireo_conn *conn, struct vireo_domain *dom,
           const remote_domain_screenshot_args *a,
           remote_domain_screenshot_ret *r, int *fd, struct vireo_error *err)
{
    char *mime = conn->driver->domain_screenshot(dom, a->screen, a->flags, fd,
                                                 err);

    if (mime == NULL)
        return -1;
    r->mime = malloc(sizeof(*r->mime));
    if (r->mime == NULL) {
        free(mime);
        return error_no_memory(err);
    }
    *r->mime = mime;
    return 0;
}

int
dispatch_domain_screenshot(struct vireo_conn *conn, const void *args,
                           void *ret, int *fd, struct vireo_error *err)
{
    const remote_domain_screenshot_args *a = args;

    if (DISPATCH_NEED(conn, domain_screenshot, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
                      screenshot(conn, dom, a, ret, fd, err));
}
