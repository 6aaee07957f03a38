/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * remote_domcaps.c: virConnectGetDomainCapabilities as one remote call.
 * Any thread (remote_call waits for the answer).
 */
#include "drivers/remote/remote_priv.h"
#include "drivers/remote/remote_slots.h"

/* The wire's optional string: absent for NULL. The pointer it holds is
 * only read while the call is encoded. */
#define OPT_ARG(var) ((var) != NULL ? (char **)&(var) : NULL)

char *
remotedrv_conn_get_domain_capabilities(struct vireo_conn *conn,
                                       const char *emulatorbin,
                                       const char *arch,
                                       const char *machine,
                                       const char *virttype, unsigned flags,
                                       struct vireo_error *err)
{
    remote_connect_get_domain_capabilities_args args = {
        .emulatorbin = OPT_ARG(emulatorbin),
        .arch = OPT_ARG(arch),
        .machine = OPT_ARG(machine),
        .virttype = OPT_ARG(virttype),
        .flags = flags,
    };
    remote_connect_get_domain_capabilities_ret ret = { 0 };

    if (remote_call(conn, REMOTE_PROC_CONNECT_GET_DOMAIN_CAPABILITIES, &args,
                    &ret, err) < 0)
        return NULL;
    return ret.capabilities;
}
