/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_guest.c: the calls that act inside a guest or on its hardware:
 * hostname, reset, clock, file systems, passwords, keys, signals, NMI,
 * launch security.
 *
 * libvirt refuses every one of them on a read-only connection, the
 * queries too (they reach into the guest), before the driver is asked.
 */
#include <stddef.h>

#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"

/* VIR_TYPED_PARAM_STRING_OKAY: the caller takes string parameters, as
 * vireo's typed parameters always may. */
#define TYPED_PARAM_STRING_OKAY (1u << 2)

static int
check_guest(struct vireo_domain *dom, const char *func,
            struct vireo_error *err)
{
    if (check_domain(dom, func, err) < 0)
        return -1;
    return check_writable(dom->conn, func, err);
}

/* Whether dom's driver has the slot; else VIR_ERR_NO_SUPPORT naming func. */
#define HAS_SLOT(dom, slot, func, err)                                   \
    ((dom)->conn->driver->slot != NULL                                   \
     ? 0 : error_unsupported((err), (dom)->conn->driver, (func)))

char *
vireo_domain_get_hostname(struct vireo_domain *dom, unsigned flags,
                          struct vireo_error *err)
{
    const char *func = "virDomainGetHostname";

    if (check_guest(dom, func, err) < 0 ||
        HAS_SLOT(dom, domain_get_hostname, func, err) < 0)
        return NULL;
    return dom->conn->driver->domain_get_hostname(dom, flags, err);
}

int
vireo_domain_reset(struct vireo_domain *dom, unsigned flags,
                   struct vireo_error *err)
{
    const char *func = "virDomainReset";

    if (check_guest(dom, func, err) < 0 ||
        HAS_SLOT(dom, domain_reset, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_reset(dom, flags, err);
}

int
vireo_domain_get_time(struct vireo_domain *dom, long long *seconds,
                      unsigned *nseconds, unsigned flags,
                      struct vireo_error *err)
{
    const char *func = "virDomainGetTime";

    if (check_guest(dom, func, err) < 0 ||
        check_non_null(seconds, "seconds", func, err) < 0 ||
        check_non_null(nseconds, "nseconds", func, err) < 0 ||
        HAS_SLOT(dom, domain_get_time, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_time(dom, seconds, nseconds, flags,
                                              err);
}

int
vireo_domain_set_time(struct vireo_domain *dom, long long seconds,
                      unsigned nseconds, unsigned flags,
                      struct vireo_error *err)
{
    const char *func = "virDomainSetTime";

    if (check_guest(dom, func, err) < 0 ||
        HAS_SLOT(dom, domain_set_time, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_time(dom, seconds, nseconds, flags,
                                              err);
}

/* Mount points, when counted, must be given. */
static int
check_fs_change(struct vireo_domain *dom, const char *const *mountpoints,
                unsigned n_mountpoints, const char *func,
                struct vireo_error *err)
{
    if (check_guest(dom, func, err) < 0)
        return -1;
    return n_mountpoints > 0
           ? check_non_null(mountpoints, "mountpoints", func, err) : 0;
}

int
vireo_domain_fs_freeze(struct vireo_domain *dom,
                       const char *const *mountpoints,
                       unsigned n_mountpoints, unsigned flags,
                       struct vireo_error *err)
{
    const char *func = "virDomainFSFreeze";

    if (check_fs_change(dom, mountpoints, n_mountpoints, func, err) < 0 ||
        HAS_SLOT(dom, domain_fs_freeze, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_fs_freeze(dom, mountpoints,
                                               n_mountpoints, flags, err);
}

int
vireo_domain_fs_thaw(struct vireo_domain *dom, const char *const *mountpoints,
                     unsigned n_mountpoints, unsigned flags,
                     struct vireo_error *err)
{
    const char *func = "virDomainFSThaw";

    if (check_fs_change(dom, mountpoints, n_mountpoints, func, err) < 0 ||
        HAS_SLOT(dom, domain_fs_thaw, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_fs_thaw(dom, mountpoints, n_mountpoints,
                                             flags, err);
}

int
vireo_domain_fs_trim(struct vireo_domain *dom, const char *mountpoint,
                     unsigned long long minimum, unsigned flags,
                     struct vireo_error *err)
{
    const char *func = "virDomainFSTrim";

    if (check_guest(dom, func, err) < 0 ||
        HAS_SLOT(dom, domain_fs_trim, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_fs_trim(dom, mountpoint, minimum, flags,
                                             err);
}

int
vireo_domain_get_fs_info(struct vireo_domain *dom, struct vireo_fs_info **info,
                         unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetFSInfo";

    if (info != NULL)
        *info = NULL;
    if (check_guest(dom, func, err) < 0 ||
        check_non_null(info, "info", func, err) < 0 ||
        HAS_SLOT(dom, domain_get_fs_info, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_fs_info(dom, info, flags, err);
}

int
vireo_domain_set_user_password(struct vireo_domain *dom, const char *user,
                               const char *password, unsigned flags,
                               struct vireo_error *err)
{
    const char *func = "virDomainSetUserPassword";

    if (check_guest(dom, func, err) < 0 ||
        check_non_null(user, "user", func, err) < 0 ||
        check_non_null(password, "password", func, err) < 0 ||
        HAS_SLOT(dom, domain_set_user_password, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_set_user_password(dom, user, password,
                                                       flags, err);
}

int
vireo_domain_send_key(struct vireo_domain *dom, unsigned codeset,
                      unsigned holdtime_ms, const unsigned *keycodes,
                      int n_keycodes, unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainSendKey";

    if (check_guest(dom, func, err) < 0 ||
        check_non_null(keycodes, "keycodes", func, err) < 0)
        return -1;
    if (codeset >= VIR_KEYCODE_SET_LAST)
        return check_invalid_arg(err, "Unsupported codeset '%d'",
                                 (int)codeset);
    if (n_keycodes <= 0 || n_keycodes > VIREO_DOMAIN_SEND_KEY_MAX)
        return check_invalid_arg(err, "nkeycodes in %s must be <= %d", func,
                                 VIREO_DOMAIN_SEND_KEY_MAX);
    if (HAS_SLOT(dom, domain_send_key, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_send_key(dom, codeset, holdtime_ms,
                                              keycodes, n_keycodes, flags,
                                              err);
}

int
vireo_domain_send_process_signal(struct vireo_domain *dom, long long pid,
                                 unsigned signum, unsigned flags,
                                 struct vireo_error *err)
{
    const char *func = "virDomainSendProcessSignal";

    if (check_guest(dom, func, err) < 0 ||
        HAS_SLOT(dom, domain_send_process_signal, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_send_process_signal(dom, pid, signum,
                                                         flags, err);
}

int
vireo_domain_inject_nmi(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err)
{
    const char *func = "virDomainInjectNMI";

    if (check_guest(dom, func, err) < 0 ||
        HAS_SLOT(dom, domain_inject_nmi, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_inject_nmi(dom, flags, err);
}

int
vireo_domain_get_launch_security_info(struct vireo_domain *dom,
                                      struct vireo_typed_params *params,
                                      unsigned flags, struct vireo_error *err)
{
    const char *func = "virDomainGetLaunchSecurityInfo";

    if (check_domain(dom, func, err) < 0 ||
        check_non_null(params, "params", func, err) < 0 ||
        check_writable(dom->conn, func, err) < 0 ||
        HAS_SLOT(dom, domain_get_launch_security_info, func, err) < 0)
        return -1;
    return dom->conn->driver->domain_get_launch_security_info(
               dom, params, flags | TYPED_PARAM_STRING_OKAY, err);
}
