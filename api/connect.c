/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * connect.c: opening and closing connections, and what a connection says
 * about itself.
 *
 * A client process serves every URI through the driver registry. The
 * registry is filled once, on the first open, with the drivers a client may
 * run: the in-process test driver, and the remote driver for every URI that
 * names a transport or a daemon-only driver (qemu:///system).
 */
#include <pthread.h>
#include <stdlib.h>

#include "api/check.h"
#include "drivers/driver.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/registry.h"
#include "drivers/remote/remotedrv.h"
#include "drivers/test/testdrv.h"
#include "drivers/uri.h"

#define DEFAULT_URI "test:///default"

/* test:///... runs in-process; everything else reaches a daemon. */
static const struct driver *const client_drivers[] = { &testdrv, &remotedrv,
                                                       NULL };
static pthread_once_t install_once = PTHREAD_ONCE_INIT;

static void
install_client_drivers(void)
{
    registry_install(client_drivers, false);
}

/* The URI a NULL argument stands for: $VIREO_DEFAULT_URI, else the
 * in-process test driver. The result is not the caller's to free. */
static const char *
resolve_uri(const char *uri)
{
    const char *env;

    if (uri != NULL)
        return uri;
    env = getenv("VIREO_DEFAULT_URI");
    return env != NULL && *env != '\0' ? env : DEFAULT_URI;
}

/* Hand conn to drv. A driver whose open fails has set nothing up, so the
 * connection forgets it again and the last unref will not call its close. */
static int
open_with(struct vireo_conn *conn, const struct driver *drv,
          const struct uri *uri, unsigned flags, struct vireo_error *err)
{
    if (drv->open == NULL)
        return error_unsupported(err, drv, "virConnectOpen");
    conn->driver = drv;
    if (drv->open(conn, uri, flags, err) == 0)
        return 0;
    conn->driver = NULL;
    return -1;
}

struct vireo_conn *
vireo_conn_open(const char *uri, unsigned flags, struct vireo_error *err)
{
    const char *text = resolve_uri(uri);
    struct vireo_conn *conn = NULL;
    const struct driver *drv;
    struct uri *parsed;

    if (error_check_flags(err, VIR_FROM_NONE, flags, VIREO_CONNECT_RO,
                          "virConnectOpenAuth") < 0)
        return NULL;
    pthread_once(&install_once, install_client_drivers);
    parsed = uri_parse(text, err);
    if (parsed == NULL)
        return NULL;
    drv = registry_find(parsed, text, err);
    if (drv == NULL)
        goto out;
    conn = handle_conn_new(text, (flags & VIREO_CONNECT_RO) != 0);
    if (conn == NULL) {
        error_no_memory(err);
        goto out;
    }
    if (open_with(conn, drv, parsed, flags, err) < 0) {
        handle_conn_unref(conn);
        conn = NULL;
    }
out:
    uri_free(parsed);
    return conn;
}

int
vireo_conn_close(struct vireo_conn *conn)
{
    if (conn == NULL)
        return -1;
    handle_conn_unref(conn);
    return 0;
}

struct vireo_conn *
vireo_conn_ref(struct vireo_conn *conn)
{
    return handle_conn_ref(conn);
}

const char *
vireo_conn_get_uri(struct vireo_conn *conn)
{
    return conn != NULL ? conn->uri : NULL;
}

bool
vireo_conn_is_read_only(struct vireo_conn *conn)
{
    return conn != NULL && conn->is_read_only;
}

int
vireo_conn_set_keepalive(struct vireo_conn *conn, int interval,
                         unsigned count, struct vireo_error *err)
{
    const char *func = "virConnectSetKeepAlive";

    if (check_conn(conn, func, err) < 0)
        return -1;
    if (conn->driver->conn_set_keepalive == NULL)
        return error_unsupported(err, conn->driver, func);
    return conn->driver->conn_set_keepalive(conn, interval, count, err);
}

int
vireo_conn_is_alive(struct vireo_conn *conn, int *reason)
{
    int ignored;

    if (conn == NULL)
        return -1;
    if (conn->driver->conn_is_alive == NULL)
        return 1;
    return conn->driver->conn_is_alive(conn, reason ? reason : &ignored);
}

int
vireo_conn_is_secure(struct vireo_conn *conn, struct vireo_error *err)
{
    const char *func = "virConnectIsSecure";

    if (check_conn(conn, func, err) < 0)
        return -1;
    if (conn->driver->conn_is_secure == NULL)
        return error_unsupported(err, conn->driver, func);
    return conn->driver->conn_is_secure(conn, err);
}

int
vireo_conn_is_encrypted(struct vireo_conn *conn, struct vireo_error *err)
{
    const char *func = "virConnectIsEncrypted";

    if (check_conn(conn, func, err) < 0)
        return -1;
    if (conn->driver->conn_is_encrypted == NULL)
        return error_unsupported(err, conn->driver, func);
    return conn->driver->conn_is_encrypted(conn, err);
}
