/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_guest.c: handlers of the procedures that act inside a guest or
 * on its hardware: hostname, clock, file systems, passwords, keys,
 * signals, NMI, launch security. Driver threads.
 *
 * A driver without the slot is named as libvirt names the call, which the
 * procedure's name does not always spell ("virDomainFSFreeze").
 */
#include <stdio.h>
#include <stdlib.h>

#include "daemon/dispatch_handle.h"
#include "daemon/dispatch_slots.h"
#include "drivers/typed_param_wire.h"

int
dispatch_domain_get_hostname(struct vireo_conn *conn, const void *args,
                             void *ret, struct vireo_error *err)
{
    const remote_domain_get_hostname_args *a = args;
    remote_domain_get_hostname_ret *r = ret;

    if (DISPATCH_NEED_AS(conn, domain_get_hostname, "virDomainGetHostname",
                         err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             dispatch_take_string(&r->hostname,
                 conn->driver->domain_get_hostname(dom, a->flags, err)));
}

int
dispatch_domain_get_time(struct vireo_conn *conn, const void *args,
                         void *ret, struct vireo_error *err)
{
    const remote_domain_get_time_args *a = args;
    remote_domain_get_time_ret *r = ret;
    long long seconds = 0;
    unsigned nseconds = 0;
    int rc;

    if (DISPATCH_NEED_AS(conn, domain_get_time, "virDomainGetTime", err) < 0)
        return -1;
    struct vireo_domain *dom = dispatch_dom_get(conn, &a->dom, err);
    if (dom == NULL)
        return -1;
    rc = conn->driver->domain_get_time(dom, &seconds, &nseconds, a->flags,
                                       err);
    handle_domain_unref(dom);
    r->seconds = seconds;
    r->nseconds = nseconds;
    return rc;
}

int
dispatch_domain_set_time(struct vireo_conn *conn, const void *args,
                         void *ret, struct vireo_error *err)
{
    const remote_domain_set_time_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_set_time, "virDomainSetTime", err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_set_time(dom, a->seconds, a->nseconds,
                                           a->flags, err));
}

/* Freeze and thaw take the same arguments and give the same answer. */
typedef int (*fs_change_fn)(struct vireo_domain *dom,
                            const char *const *mountpoints, unsigned n,
                            unsigned flags, struct vireo_error *err);

static int
fs_change(struct vireo_conn *conn, fs_change_fn fn, const char *api,
          const remote_domain_fsfreeze_args *a, int *filesystems,
          struct vireo_error *err)
{
    int n;

    if (fn == NULL)
        return error_unsupported(err, conn->driver, api);
    struct vireo_domain *dom = dispatch_dom_get(conn, &a->dom, err);
    if (dom == NULL)
        return -1;
    n = fn(dom, (const char *const *)a->mountpoints.mountpoints_val,
           a->mountpoints.mountpoints_len, a->flags, err);
    handle_domain_unref(dom);
    *filesystems = n;
    return n < 0 ? -1 : 0;
}

int
dispatch_domain_fsfreeze(struct vireo_conn *conn, const void *args,
                         void *ret, struct vireo_error *err)
{
    remote_domain_fsfreeze_ret *r = ret;

    return fs_change(conn, conn->driver->domain_fs_freeze,
                     "virDomainFSFreeze", args, &r->filesystems, err);
}

/* The thaw arguments are laid out as freeze's (the spec gives both the
 * same fields), so one reader serves both. */
int
dispatch_domain_fsthaw(struct vireo_conn *conn, const void *args,
                       void *ret, struct vireo_error *err)
{
    const remote_domain_fsthaw_args *t = args;
    remote_domain_fsthaw_ret *r = ret;
    remote_domain_fsfreeze_args a = {
        .dom = t->dom,
        .mountpoints = { t->mountpoints.mountpoints_len,
                         t->mountpoints.mountpoints_val },
        .flags = t->flags,
    };

    return fs_change(conn, conn->driver->domain_fs_thaw, "virDomainFSThaw",
                     &a, &r->filesystems, err);
}

int
dispatch_domain_fstrim(struct vireo_conn *conn, const void *args,
                       void *ret, struct vireo_error *err)
{
    const remote_domain_fstrim_args *a = args;
    const char *mountpoint = a->mountPoint ? *a->mountPoint : NULL;

    if (DISPATCH_NEED_AS(conn, domain_fs_trim, "virDomainFSTrim", err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_fs_trim(dom, mountpoint, a->minimum,
                                          a->flags, err));
}

/* Move one record's strings into its wire form; the record keeps none. */
static void
fs_info_to_wire(struct vireo_fs_info *in, remote_domain_fsinfo *out)
{
    out->mountpoint = in->mountpoint;
    out->name = in->name;
    out->fstype = in->fstype;
    out->dev_aliases.dev_aliases_val = in->dev_aliases;
    out->dev_aliases.dev_aliases_len = (u_int)in->n_dev_aliases;
    *in = (struct vireo_fs_info){ 0 };
}

int
dispatch_domain_get_fsinfo(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_domain_get_fsinfo_args *a = args;
    remote_domain_get_fsinfo_ret *r = ret;
    struct vireo_fs_info *info = NULL;
    int n;

    if (DISPATCH_NEED_AS(conn, domain_get_fs_info, "virDomainGetFSInfo",
                         err) < 0)
        return -1;
    struct vireo_domain *dom = dispatch_dom_get(conn, &a->dom, err);
    if (dom == NULL)
        return -1;
    n = conn->driver->domain_get_fs_info(dom, &info, a->flags, err);
    handle_domain_unref(dom);
    if (n < 0)
        return -1;
    if (n > 0) {
        r->info.info_val = calloc((size_t)n, sizeof(*r->info.info_val));
        if (r->info.info_val == NULL) {
            vireo_fs_info_list_free(info, n);
            return error_no_memory(err);
        }
    }
    for (int i = 0; i < n; i++)
        fs_info_to_wire(&info[i], &r->info.info_val[i]);
    r->info.info_len = (u_int)n;
    r->ret = (u_int)n;
    vireo_fs_info_list_free(info, n);
    return 0;
}

int
dispatch_domain_set_user_password(struct vireo_conn *conn, const void *args,
                                  void *ret, struct vireo_error *err)
{
    const remote_domain_set_user_password_args *a = args;
    const char *user = a->user ? *a->user : NULL;
    const char *password = a->password ? *a->password : NULL;

    if (DISPATCH_NEED_AS(conn, domain_set_user_password,
                         "virDomainSetUserPassword", err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_set_user_password(dom, user, password,
                                                    a->flags, err));
}

int
dispatch_domain_send_key(struct vireo_conn *conn, const void *args,
                         void *ret, struct vireo_error *err)
{
    const remote_domain_send_key_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_send_key, "virDomainSendKey", err) < 0)
        return -1;
    /* Inside libvirtd, libvirt's virDomainSendKey refuses a codeset it
     * does not know before any driver sees the call. */
    if (a->codeset >= VIR_KEYCODE_SET_LAST) {
        char message[sizeof(err->message)];

        snprintf(message, sizeof(message), "Unsupported codeset '%d'",
                 (int)a->codeset);
        return error_set_raw(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                             message);
    }
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_send_key(dom, a->codeset, a->holdtime,
                                           a->keycodes.keycodes_val,
                                           (int)a->keycodes.keycodes_len,
                                           a->flags, err));
}

int
dispatch_domain_send_process_signal(struct vireo_conn *conn,
                                    const void *args, void *ret,
                                    struct vireo_error *err)
{
    const remote_domain_send_process_signal_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_send_process_signal,
                         "virDomainSendProcessSignal", err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_send_process_signal(dom, a->pid_value,
                                                      a->signum, a->flags,
                                                      err));
}

int
dispatch_domain_inject_nmi(struct vireo_conn *conn, const void *args,
                           void *ret, struct vireo_error *err)
{
    const remote_domain_inject_nmi_args *a = args;

    if (DISPATCH_NEED_AS(conn, domain_inject_nmi, "virDomainInjectNMI",
                         err) < 0)
        return -1;
    DISPATCH_WITH_DOM(conn, &a->dom, err, dom,
             conn->driver->domain_inject_nmi(dom, a->flags, err));
}

/* VIR_TYPED_PARAM_STRING_OKAY: the caller takes string parameters.
 * libvirtd's own entry point adds it for every driver that can return
 * strings, as all of vireo's can, before the driver sees the flags. */
#define TYPED_PARAM_STRING_OKAY (1u << 2)

int
dispatch_domain_get_launch_security_info(struct vireo_conn *conn,
                                         const void *args, void *ret,
                                         struct vireo_error *err)
{
    const remote_domain_get_launch_security_info_args *a = args;
    remote_domain_get_launch_security_info_ret *r = ret;
    struct vireo_typed_params params = { 0 };
    int rc;

    if (DISPATCH_NEED_AS(conn, domain_get_launch_security_info,
                         "virDomainGetLaunchSecurityInfo", err) < 0)
        return -1;
    struct vireo_domain *dom = dispatch_dom_get(conn, &a->dom, err);
    if (dom == NULL)
        return -1;
    rc = conn->driver->domain_get_launch_security_info(
             dom, &params, a->flags | TYPED_PARAM_STRING_OKAY, err);
    handle_domain_unref(dom);
    if (rc == 0)
        rc = typed_params_to_wire(&params, &r->params.params_val,
                                  &r->params.params_len, err);
    vireo_typed_params_clear(&params);
    return rc;
}
