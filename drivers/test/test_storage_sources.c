/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_storage_sources.c: storage pool source discovery in the test
 * driver (testConnectFindStoragePoolSources): libvirt's canned answers,
 * with its quirks kept. Plain data, on the caller's thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/error.h"
#include "drivers/test/test_slots.h"

/* libvirt's test driver's canned answers. */
static const char logical_sources[] =
    "<sources>\n"
    "  <source>\n"
    "    <device path='/dev/sda20'/>\n"
    "    <name>testvg1</name>\n"
    "    <format type='lvm2'/>\n"
    "  </source>\n"
    "  <source>\n"
    "    <device path='/dev/sda21'/>\n"
    "    <name>testvg2</name>\n"
    "    <format type='lvm2'/>\n"
    "  </source>\n"
    "</sources>\n";

static char *
netfs_sources(const char *src_spec, struct vireo_error *err)
{
    char *host = NULL, *text = NULL;

    if (src_spec != NULL &&
        storage_xml_source_host(src_spec, &host, err) < 0)
        return NULL;
    if (host == NULL) {
        error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST, "%s",
                  "hostname must be specified for netfs sources");
        return NULL;
    }
    if (asprintf(&text, "<sources>\n  <source>\n    <host name='%s'/>\n"
                 "    <dir path='/testshare'/>\n    <format type='nfs'/>\n"
                 "  </source>\n</sources>\n", host) < 0) {
        text = NULL;
        error_no_memory(err);
    }
    free(host);
    return text;
}

/* Plain data: runs on the caller's thread. libvirt tests the type's
 * number for truth, so "dir" (number 0) reads as unknown, and a type it
 * does not know as one without discovery; its answers are kept. */
char *
testdrv_conn_find_storage_pool_sources(struct vireo_conn *conn,
                                       const char *type, const char *src_spec,
                                       unsigned flags, struct vireo_error *err)
{
    int pool_type = storage_pool_type_from_string(type);
    char *text = NULL;

    (void)conn;
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testConnectFindStoragePoolSources") < 0)
        return NULL;
    if (pool_type == STORAGE_POOL_DIR) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                  "unknown storage pool type %s", type);
        return NULL;
    }
    if (pool_type == STORAGE_POOL_NETFS)
        return netfs_sources(src_spec, err);
    if (pool_type != STORAGE_POOL_LOGICAL) {
        error_set(err, VIR_ERR_NO_SUPPORT, VIR_FROM_TEST,
                  "pool type '%s' does not support source discovery", type);
        return NULL;
    }
    text = strdup(logical_sources);
    if (text == NULL)
        error_no_memory(err);
    return text;
}
