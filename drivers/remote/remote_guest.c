/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_guest.c: the calls that act inside a guest or on its hardware,
 * over the wire: hostname, reset, clock, file systems, passwords, keys,
 * signals, NMI, launch security.
 */
#include <rpc/xdr.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"
#include "drivers/typed_param_wire.h"

char *
remotedrv_domain_get_hostname(struct vireo_domain *dom, unsigned flags,
                              struct vireo_error *err)
{
    remote_domain_get_hostname_args args = { .flags = flags };
    remote_domain_get_hostname_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_HOSTNAME, &args, &ret,
                    err) < 0)
        return NULL;
    return ret.hostname;
}

int
remotedrv_domain_reset(struct vireo_domain *dom, unsigned flags,
                       struct vireo_error *err)
{
    remote_domain_reset_args args = { .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_RESET, &args, NULL, err);
}

int
remotedrv_domain_get_time(struct vireo_domain *dom, long long *seconds,
                          unsigned *nseconds, unsigned flags,
                          struct vireo_error *err)
{
    remote_domain_get_time_args args = { .flags = flags };
    remote_domain_get_time_ret ret = { 0 };

    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_TIME, &args, &ret,
                    err) < 0)
        return -1;
    *seconds = ret.seconds;
    *nseconds = ret.nseconds;
    return 0;
}

int
remotedrv_domain_set_time(struct vireo_domain *dom, long long seconds,
                          unsigned nseconds, unsigned flags,
                          struct vireo_error *err)
{
    remote_domain_set_time_args args = { .seconds = seconds,
                                         .nseconds = nseconds,
                                         .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_TIME, &args, NULL,
                       err);
}

/* Freeze and thaw carry the same fields; returns how many changed. */
static int
fs_change(struct vireo_domain *dom, int proc, const char *const *mountpoints,
          unsigned n_mountpoints, unsigned flags, struct vireo_error *err)
{
    remote_domain_fsfreeze_args args = {
        .mountpoints = { n_mountpoints, (char **)mountpoints },
        .flags = flags,
    };
    remote_domain_fsfreeze_ret ret = { 0 };

    if (n_mountpoints > REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX)
        return error_set(err, VIR_ERR_RPC, VIR_FROM_RPC,
                         "too many mountpoints '%u' for limit '%d'",
                         n_mountpoints, REMOTE_DOMAIN_FSFREEZE_MOUNTPOINTS_MAX);
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, proc, &args, &ret, err) < 0)
        return -1;
    return ret.filesystems;
}

int
remotedrv_domain_fs_freeze(struct vireo_domain *dom,
                           const char *const *mountpoints,
                           unsigned n_mountpoints, unsigned flags,
                           struct vireo_error *err)
{
    return fs_change(dom, REMOTE_PROC_DOMAIN_FSFREEZE, mountpoints,
                     n_mountpoints, flags, err);
}

int
remotedrv_domain_fs_thaw(struct vireo_domain *dom,
                         const char *const *mountpoints,
                         unsigned n_mountpoints, unsigned flags,
                         struct vireo_error *err)
{
    return fs_change(dom, REMOTE_PROC_DOMAIN_FSTHAW, mountpoints,
                     n_mountpoints, flags, err);
}

int
remotedrv_domain_fs_trim(struct vireo_domain *dom, const char *mountpoint,
                         unsigned long long minimum, unsigned flags,
                         struct vireo_error *err)
{
    char *wire_mountpoint = (char *)mountpoint;
    remote_domain_fstrim_args args = {
        .mountPoint = mountpoint != NULL ? &wire_mountpoint : NULL,
        .minimum = minimum,
        .flags = flags,
    };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_FSTRIM, &args, NULL,
                       err);
}

/* Take one record's strings from the reply; the reply keeps none. */
static void
fs_info_from_wire(remote_domain_fsinfo *in, struct vireo_fs_info *out)
{
    out->mountpoint = in->mountpoint;
    out->name = in->name;
    out->fstype = in->fstype;
    out->dev_aliases = in->dev_aliases.dev_aliases_val;
    out->n_dev_aliases = (int)in->dev_aliases.dev_aliases_len;
    memset(in, 0, sizeof(*in));
}

int
remotedrv_domain_get_fs_info(struct vireo_domain *dom,
                             struct vireo_fs_info **info, unsigned flags,
                             struct vireo_error *err)
{
    remote_domain_get_fsinfo_args args = { .flags = flags };
    remote_domain_get_fsinfo_ret ret;
    u_int n;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_FSINFO, &args, &ret,
                    err) < 0)
        return -1;
    n = ret.info.info_len;
    *info = n > 0 ? calloc(n, sizeof(**info)) : NULL;
    if (n > 0 && *info == NULL) {
        xdr_free((xdrproc_t)xdr_remote_domain_get_fsinfo_ret, &ret);
        return error_no_memory(err);
    }
    for (u_int i = 0; i < n; i++)
        fs_info_from_wire(&ret.info.info_val[i], &(*info)[i]);
    xdr_free((xdrproc_t)xdr_remote_domain_get_fsinfo_ret, &ret);
    return (int)n;
}

int
remotedrv_domain_set_user_password(struct vireo_domain *dom,
                                   const char *user, const char *password,
                                   unsigned flags, struct vireo_error *err)
{
    char *wire_user = (char *)user, *wire_password = (char *)password;
    remote_domain_set_user_password_args args = {
        .user = user != NULL ? &wire_user : NULL,
        .password = password != NULL ? &wire_password : NULL,
        .flags = flags,
    };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SET_USER_PASSWORD, &args,
                       NULL, err);
}

int
remotedrv_domain_send_key(struct vireo_domain *dom, unsigned codeset,
                          unsigned holdtime_ms, const unsigned *keycodes,
                          int n_keycodes, unsigned flags,
                          struct vireo_error *err)
{
    remote_domain_send_key_args args = {
        .codeset = codeset,
        .holdtime = holdtime_ms,
        .keycodes = { (u_int)n_keycodes, (u_int *)keycodes },
        .flags = flags,
    };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SEND_KEY, &args, NULL,
                       err);
}

int
remotedrv_domain_send_process_signal(struct vireo_domain *dom, long long pid,
                                     unsigned signum, unsigned flags,
                                     struct vireo_error *err)
{
    remote_domain_send_process_signal_args args = { .pid_value = pid,
                                                    .signum = signum,
                                                    .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_SEND_PROCESS_SIGNAL,
                       &args, NULL, err);
}

int
remotedrv_domain_inject_nmi(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err)
{
    remote_domain_inject_nmi_args args = { .flags = flags };

    remote_domain_to_wire(dom, &args.dom);
    return remote_call(dom->conn, REMOTE_PROC_DOMAIN_INJECT_NMI, &args, NULL,
                       err);
}

int
remotedrv_domain_get_launch_security_info(struct vireo_domain *dom,
                                          struct vireo_typed_params *params,
                                          unsigned flags,
                                          struct vireo_error *err)
{
    remote_domain_get_launch_security_info_args args = { .flags = flags };
    remote_domain_get_launch_security_info_ret ret;
    int rc;

    memset(&ret, 0, sizeof(ret));
    remote_domain_to_wire(dom, &args.dom);
    if (remote_call(dom->conn, REMOTE_PROC_DOMAIN_GET_LAUNCH_SECURITY_INFO,
                    &args, &ret, err) < 0)
        return -1;
    rc = typed_params_from_wire(ret.params.params_val, ret.params.params_len,
                                REMOTE_DOMAIN_LAUNCH_SECURITY_INFO_PARAMS_MAX,
                                params, err);
    xdr_free((xdrproc_t)xdr_remote_domain_get_launch_security_info_ret, &ret);
    return rc;
}
