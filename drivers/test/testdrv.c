/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * testdrv.c: the test driver's table, and what belongs to a connection as
 * a whole: opening (choosing the state the URI names), closing, and event
 * registrations. The slots themselves live in the files test_slots.h lists.
 */
#include <string.h>

#include "drivers/domain_event.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/testdrv.h"
#include "drivers/uri.h"
#include "drivers/worker.h"

static const char *const testdrv_schemes[] = { "test", NULL };

/* The daemon's test-driver thread: every call vireod makes on this driver
 * runs there. Set by startup and cleared by shutdown, both on the daemon's
 * main thread before any client exists and after the last is gone; a
 * client process never sets it. */
static struct worker *testdrv_worker;

static int
testdrv_startup(struct vireo_error *err)
{
    testdrv_worker = worker_new("vireo-test");
    if (testdrv_worker == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                         "cannot start the test driver's thread");
    return 0;
}

/* Runs the jobs still queued, then joins the thread. By then vireod has
 * closed its clients (after waiting shutdown_timeout for the calls in
 * flight), so the replies of those jobs are dropped. */
static void
testdrv_shutdown(void)
{
    worker_stop(testdrv_worker);
    testdrv_worker = NULL;
}

static int
testdrv_submit(void (*fn)(void *arg), void *arg)
{
    if (testdrv_worker == NULL || !worker_submit(testdrv_worker, fn, arg))
        return -1;
    return 0;
}

static int
testdrv_open(struct vireo_conn *conn, const struct uri *uri, unsigned flags,
             struct vireo_error *err)
{
    struct test_state *st;

    if (error_check_flags(err, VIR_FROM_TEST, flags, VIREO_CONNECT_RO,
                          "testConnectOpen") < 0)
        return -1;
    if ((uri->server != NULL && uri->server[0] != '\0') ||
        uri->transport != NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "the test driver is in-process: '%s' names a "
                         "remote host", conn->uri);
    if (uri->path == NULL || uri->path[0] != '/' || uri->path[1] == '\0')
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "testOpen: supply a path or use test:///default");
    if (strcmp(uri->path, "/default") == 0)
        st = test_state_open_default(err);
    else
        st = test_state_open_file(uri->path, err);
    if (st == NULL)
        return -1;
    conn->priv = st;
    return 0;
}

static void
testdrv_close(struct vireo_conn *conn)
{
    struct test_state *st = conn->priv;

    domain_event_deregister_conn(st->events, conn);
    conn->priv = NULL;
    test_state_release(st);
}

static int
testdrv_domain_event_register_any(struct vireo_conn *conn,
                                  struct vireo_domain *dom, int event_id,
                                  vireo_domain_event_generic_cb cb,
                                  void *opaque, vireo_free_cb free_cb,
                                  struct vireo_error *err)
{
    struct test_state *st = conn->priv;

    return domain_event_register(st->events, conn, dom, event_id, cb, opaque,
                                 free_cb, err);
}

static int
testdrv_domain_event_deregister_any(struct vireo_conn *conn, int callback_id,
                                    struct vireo_error *err)
{
    struct test_state *st = conn->priv;

    return domain_event_deregister(st->events, conn, callback_id, err);
}

const struct driver testdrv = {
    .name                        = "test",
    .schemes                     = testdrv_schemes,
    .daemon_only                 = false,
    /* States live with connections; startup and shutdown only own the
     * daemon's thread for this driver. */
    .startup                     = testdrv_startup,
    .shutdown                    = testdrv_shutdown,
    .submit                      = testdrv_submit,
    .open                        = testdrv_open,
    .close                       = testdrv_close,
    .conn_get_type               = testdrv_conn_get_type,
    .conn_get_version            = testdrv_conn_get_version,
    .conn_get_lib_version        = testdrv_conn_get_version,
    .conn_get_hostname           = testdrv_conn_get_hostname,
    .conn_get_capabilities       = testdrv_conn_get_capabilities,
    .node_get_info               = testdrv_node_get_info,
    .node_get_security_model     = testdrv_node_get_security_model,
    .conn_list_all_domains       = testdrv_conn_list_all_domains,
    .domain_lookup_by_name       = testdrv_domain_lookup_by_name,
    .domain_lookup_by_uuid       = testdrv_domain_lookup_by_uuid,
    .domain_lookup_by_id         = testdrv_domain_lookup_by_id,
    .domain_define_xml           = testdrv_domain_define_xml,
    .domain_create_xml           = testdrv_domain_create_xml,
    .domain_undefine             = testdrv_domain_undefine,
    .domain_create               = testdrv_domain_create,
    .domain_destroy              = testdrv_domain_destroy,
    .domain_shutdown             = testdrv_domain_shutdown,
    .domain_reboot               = testdrv_domain_reboot,
    .domain_suspend              = testdrv_domain_suspend,
    .domain_resume               = testdrv_domain_resume,
    .domain_get_info             = testdrv_domain_get_info,
    .domain_get_state            = testdrv_domain_get_state,
    .domain_get_xml_desc         = testdrv_domain_get_xml_desc,
    .domain_get_os_type          = testdrv_domain_get_os_type,
    .domain_get_security_label   = testdrv_domain_get_security_label,
    .domain_get_autostart        = testdrv_domain_get_autostart,
    .domain_set_autostart        = testdrv_domain_set_autostart,
    .domain_is_active            = testdrv_domain_is_active,
    .domain_is_persistent        = testdrv_domain_is_persistent,
    .domain_event_register_any   = testdrv_domain_event_register_any,
    .domain_event_deregister_any = testdrv_domain_event_deregister_any,
};
