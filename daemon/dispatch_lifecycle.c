/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_lifecycle.c: handlers of the procedures that define, start,
 * stop and change domains (spec §5.3). Driver threads. The read-only
 * check was made on the loop (dispatch.c) before any of these runs.
 */
#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"

int
dispatch_domain_define_xml(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_domain_define_xml_args *a = args;
    remote_domain_define_xml_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_define_xml, err) < 0)
        return -1;
    return dispatch_dom_put(&r->dom, conn->driver->domain_define_xml(
                                         conn, a->xml, 0, err), err);
}

int
dispatch_domain_define_xml_flags(struct vireo_conn *conn, const void *args,
                                 void *ret, struct vireo_error *err)
{
    const remote_domain_define_xml_flags_args *a = args;
    remote_domain_define_xml_flags_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_define_xml, err) < 0)
        return -1;
    return dispatch_dom_put(&r->dom, conn->driver->domain_define_xml(
                                         conn, a->xml, a->flags, err), err);
}

int
dispatch_domain_create_xml(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_domain_create_xml_args *a = args;
    remote_domain_create_xml_ret *r = ret;

    if (DISPATCH_NEED(conn, domain_create_xml, err) < 0)
        return -1;
    return dispatch_dom_put(&r->dom, conn->driver->domain_create_xml(
                                         conn, a->xml_desc, a->flags, err),
                            err);
}

int
dispatch_domain_undefine(struct vireo_conn *conn, const void *args,
                         void *ret, struct vireo_error *err)
{
    const remote_domain_undefine_args *a = args;

    if (DISPATCH_NEED(conn, domain_undefine, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_undefine(dom, 0, err));
}

int
dispatch_domain_undefine_flags(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_domain_undefine_flags_args *a = args;

    if (DISPATCH_NEED(conn, domain_undefine, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_undefine(dom, a->flags, err));
}

int
dispatch_domain_create(struct vireo_conn *conn, const void *args, void *ret,
                       struct vireo_error *err)
{
    const remote_domain_create_args *a = args;

    if (DISPATCH_NEED(conn, domain_create, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_create(dom, 0, err));
}

/* Returns the started domain, whose id the client adopts. */
int
dispatch_domain_create_with_flags(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_domain_create_with_flags_args *a = args;
    remote_domain_create_with_flags_ret *r = ret;
    struct vireo_domain *dom;

    if (DISPATCH_NEED(conn, domain_create, err) < 0 ||
        (dom = dispatch_dom_get(conn, &a->dom, err)) == NULL)
        return -1;
    if (conn->driver->domain_create(dom, a->flags, err) < 0) {
        handle_domain_unref(dom);
        return -1;
    }
    return dispatch_dom_put(&r->dom, dom, err);
}

int
dispatch_domain_destroy(struct vireo_conn *conn, const void *args,
                        void *ret, struct vireo_error *err)
{
    const remote_domain_destroy_args *a = args;

    if (DISPATCH_NEED(conn, domain_destroy, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_destroy(dom, 0, err));
}

int
dispatch_domain_destroy_flags(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_domain_destroy_flags_args *a = args;

    if (DISPATCH_NEED(conn, domain_destroy, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_destroy(dom, a->flags, err));
}

int
dispatch_domain_shutdown(struct vireo_conn *conn, const void *args,
                         void *ret, struct vireo_error *err)
{
    const remote_domain_shutdown_args *a = args;

    if (DISPATCH_NEED(conn, domain_shutdown, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_shutdown(dom, 0, err));
}

int
dispatch_domain_shutdown_flags(struct vireo_conn *conn, const void *args,
                               void *ret, struct vireo_error *err)
{
    const remote_domain_shutdown_flags_args *a = args;

    if (DISPATCH_NEED(conn, domain_shutdown, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_shutdown(dom, a->flags, err));
}

int
dispatch_domain_reboot(struct vireo_conn *conn, const void *args, void *ret,
                       struct vireo_error *err)
{
    const remote_domain_reboot_args *a = args;

    if (DISPATCH_NEED(conn, domain_reboot, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_reboot(dom, a->flags, err));
}

int
dispatch_domain_reset(struct vireo_conn *conn, const void *args, void *ret,
                      struct vireo_error *err)
{
    const remote_domain_reset_args *a = args;

    if (DISPATCH_NEED(conn, domain_reset, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_reset(dom, a->flags, err));
}

int
dispatch_domain_suspend(struct vireo_conn *conn, const void *args,
                        void *ret, struct vireo_error *err)
{
    const remote_domain_suspend_args *a = args;

    if (DISPATCH_NEED(conn, domain_suspend, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_suspend(dom, err));
}

int
dispatch_domain_resume(struct vireo_conn *conn, const void *args, void *ret,
                       struct vireo_error *err)
{
    const remote_domain_resume_args *a = args;

    if (DISPATCH_NEED(conn, domain_resume, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_resume(dom, err));
}

int
dispatch_domain_set_autostart(struct vireo_conn *conn, const void *args,
                              void *ret, struct vireo_error *err)
{
    const remote_domain_set_autostart_args *a = args;

    if (DISPATCH_NEED(conn, domain_set_autostart, err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_set_autostart(dom, a->autostart, err));
}
