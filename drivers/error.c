/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * error.c: filling struct vireo_error with libvirt's codes and wording.
 *
 * libvirt builds every message as "<prefix for the code>: <detail>"; the
 * prefixes below are libvirt's, so that virsh prints the same line whether
 * it talks to libvirtd or to vireod.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "drivers/driver.h"
#include "drivers/error.h"

struct prefix {
    int         code;
    const char *text;
};

static const struct prefix prefixes[] = {
    { VIR_ERR_INTERNAL_ERROR,        "internal error" },
    { VIR_ERR_NO_MEMORY,             "out of memory" },
    { VIR_ERR_NO_SUPPORT,            "this function is not supported by the connection driver" },
    { VIR_ERR_NO_CONNECT,            "no connection driver available for" },
    { VIR_ERR_INVALID_CONN,          "invalid connection pointer in" },
    { VIR_ERR_INVALID_DOMAIN,        "invalid domain pointer in" },
    { VIR_ERR_INVALID_ARG,           "invalid argument" },
    { VIR_ERR_OPERATION_FAILED,      "operation failed" },
    { VIR_ERR_OS_TYPE,               "unknown OS type" },
    { VIR_ERR_XML_ERROR,             "XML error" },
    { VIR_ERR_CONF_SYNTAX,           "configuration file syntax error" },
    { VIR_ERR_DOM_EXIST,             "this domain exists already" },
    { VIR_ERR_OPERATION_DENIED,      "operation forbidden" },
    { VIR_ERR_SYSTEM_ERROR,          "system call error" },
    { VIR_ERR_RPC,                   "RPC error" },
    { VIR_ERR_GNUTLS_ERROR,          "GNUTLS call error" },
    { VIR_ERR_NO_DOMAIN,             "Domain not found" },
    { VIR_ERR_NO_NETWORK,            "Network not found" },
    { VIR_ERR_INVALID_STORAGE_POOL,  "invalid storage pool pointer in" },
    { VIR_ERR_INVALID_STORAGE_VOL,   "invalid storage volume pointer in" },
    { VIR_ERR_AUTH_FAILED,           "authentication failed" },
    { VIR_ERR_NO_STORAGE_POOL,       "Storage pool not found" },
    { VIR_ERR_NO_STORAGE_VOL,        "Storage volume not found" },
    { VIR_ERR_NO_NODE_DEVICE,        "Node device not found" },
    { VIR_ERR_OPERATION_INVALID,     "Requested operation is not valid" },
    { VIR_ERR_NO_INTERFACE,          "Interface not found" },
    { VIR_ERR_MULTIPLE_INTERFACES,   "multiple matching interfaces found" },
    { VIR_ERR_CONFIG_UNSUPPORTED,    "unsupported configuration" },
    { VIR_ERR_OPERATION_TIMEOUT,     "Timed out during operation" },
    { VIR_ERR_INVALID_DOMAIN_SNAPSHOT, "Invalid snapshot" },
    { VIR_ERR_NO_DOMAIN_SNAPSHOT,    "Domain snapshot not found" },
    { VIR_ERR_OPERATION_ABORTED,     "operation aborted" },
    { VIR_ERR_NO_DOMAIN_METADATA,    "metadata not found" },
    { VIR_ERR_ARGUMENT_UNSUPPORTED,  "argument unsupported" },
    { VIR_ERR_SNAPSHOT_REVERT_RISKY, "revert requires force" },
    { VIR_ERR_OVERFLOW,              "value too large" },
    { VIR_ERR_OPERATION_UNSUPPORTED, "Operation not supported" },
    { VIR_ERR_RESOURCE_BUSY,         "resource busy" },
    { VIR_ERR_ACCESS_DENIED,         "access denied" },
    { VIR_ERR_XML_INVALID_SCHEMA,    "XML document failed to validate against schema" },
    { VIR_ERR_INVALID_DOMAIN_CHECKPOINT, "Invalid checkpoint" },
    { VIR_ERR_NO_DOMAIN_CHECKPOINT,  "Domain checkpoint not found" },
    { VIR_ERR_CHECKPOINT_INCONSISTENT, "checkpoint inconsistent" },
    { VIR_ERR_MULTIPLE_DOMAINS,      "multiple matching domains found" },
    /* The admin program's. */
    { VIR_ERR_NO_SERVER,             "Server not found" },
    { VIR_ERR_NO_CLIENT,             "Client not found" },
};

const char *
error_prefix(int code)
{
    for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
        if (prefixes[i].code == code)
            return prefixes[i].text;
    return NULL;
}

/* How libvirt joins a code's prefix to the detail: NO_CONNECT, OS_TYPE and
 * the invalid handles read "<prefix> <detail>"; system, RPC and GnuTLS
 * errors give the detail alone (their prefix is only the message when
 * there is no detail); the others read "<prefix>: <detail>". NULL means
 * the detail alone. */
static const char *
separator(int code)
{
    switch (code) {
    case VIR_ERR_NO_CONNECT:
    case VIR_ERR_OS_TYPE:
    case VIR_ERR_INVALID_CONN:
    case VIR_ERR_INVALID_DOMAIN:
    case VIR_ERR_INVALID_STORAGE_POOL:
    case VIR_ERR_INVALID_STORAGE_VOL:
        return " ";
    case VIR_ERR_SYSTEM_ERROR:
    case VIR_ERR_RPC:
    case VIR_ERR_GNUTLS_ERROR:
        return NULL;
    default:
        return ": ";
    }
}

int
error_set(struct vireo_error *err, int code, int domain, const char *fmt, ...)
{
    const char *prefix = error_prefix(code);
    const char *sep = separator(code);
    size_t cap = sizeof(err->message), used = 0;
    va_list ap;

    if (err == NULL)
        return -1;
    err->code = code;
    err->domain = domain;
    err->message[0] = '\0';
    if (prefix != NULL && sep != NULL)
        used = (size_t)snprintf(err->message, cap, "%s%s", prefix, sep);
    if (used >= cap)
        return -1;
    /* The detail goes straight after the prefix; messages longer than the
     * buffer are cut, never overflowed. */
    va_start(ap, fmt);
    int n = vsnprintf(err->message + used, cap - used, fmt, ap);
    va_end(ap);
    if (n == 0 && prefix != NULL)    /* no detail: the prefix alone */
        snprintf(err->message, cap, "%s", prefix);
    return -1;
}

int
error_set_raw(struct vireo_error *err, int code, int domain,
              const char *message)
{
    if (err == NULL)
        return -1;
    err->code = code;
    err->domain = domain;
    snprintf(err->message, sizeof(err->message), "%s",
             message ? message : "Unknown error");
    return -1;
}

int
error_unsupported(struct vireo_error *err, const struct driver *drv,
                  const char *what)
{
    /* libvirt names the call only: which driver lacks it is the
     * connection's business. */
    return error_set(err, VIR_ERR_NO_SUPPORT, VIR_FROM_NONE, "%s", what);
}

int
error_no_memory(struct vireo_error *err)
{
    return error_set(err, VIR_ERR_NO_MEMORY, VIR_FROM_NONE, "%s", "");
}

/* libvirt's virCheckFlags() raises its message as it is, without the
 * "invalid argument: " prefix that virReportError() would add. */
int
error_check_flags(struct vireo_error *err, int domain, unsigned flags,
                  unsigned supported, const char *func)
{
    char message[sizeof(err->message)];

    if ((flags & ~supported) == 0)
        return 0;
    snprintf(message, sizeof(message),
             "unsupported flags (0x%x) in function %s", flags & ~supported,
             func);
    return error_set_raw(err, VIR_ERR_INVALID_ARG, domain, message);
}

void
error_clear(struct vireo_error *err)
{
    if (err == NULL)
        return;
    err->code = VIR_ERR_OK;
    err->domain = VIR_FROM_NONE;
    err->message[0] = '\0';
}
