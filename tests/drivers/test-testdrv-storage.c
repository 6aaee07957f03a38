/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-storage.c: storage pools and volumes in the test driver,
 * through its slots. The expected documents, numbers and errors are what
 * libvirtd 9.0's test driver answers (checked with virsh against a
 * private libvirtd).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/storage_handle.h"
#include "tests/drivers/testdrv-helpers.h"

#define GIB (1024ull * 1024 * 1024)

static const char default_pool_dump[] =
    "<pool type='dir'>\n"
    "  <name>default-pool</name>\n"
    "  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>\n"
    "  <capacity unit='bytes'>107374182400</capacity>\n"
    "  <allocation unit='bytes'>0</allocation>\n"
    "  <available unit='bytes'>107374182400</available>\n"
    "  <source>\n"
    "  </source>\n"
    "  <target>\n"
    "    <path>/default-pool</path>\n"
    "  </target>\n"
    "</pool>\n";

static const char vol_xml[] =
    "<volume><name>vol1</name><capacity unit='M'>10</capacity>"
    "<allocation unit='M'>5</allocation><target><format type='qcow2'/>"
    "<permissions><mode>0600</mode><owner>107</owner><group>107</group>"
    "<label>x</label></permissions></target></volume>";

static const char vol_dump[] =
    "<volume type='file'>\n"
    "  <name>vol1</name>\n"
    "  <key>/default-pool/vol1</key>\n"
    "  <capacity unit='bytes'>10485760</capacity>\n"
    "  <allocation unit='bytes'>5242880</allocation>\n"
    "  <target>\n"
    "    <path>/default-pool/vol1</path>\n"
    "    <format type='qcow2'/>\n"
    "    <permissions>\n"
    "      <mode>0600</mode>\n"
    "      <owner>107</owner>\n"
    "      <group>107</group>\n"
    "      <label>x</label>\n"
    "    </permissions>\n"
    "  </target>\n"
    "</volume>\n";

static struct vireo_storage_pool *
pool_named(struct vireo_conn *conn, const char *name)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool =
        testdrv.storage_pool_lookup_by_name(conn, name, &err);

    if (pool == NULL)
        tap_diag("looking up %s: %s", name, err.message);
    return pool;
}

static void
test_default_pool(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool = pool_named(conn, "default-pool");
    struct vireo_storage_pool_info info = { 0 };
    struct vireo_storage_pool **pools = NULL;
    char *xml;
    int n;

    xml = pool != NULL ? testdrv.storage_pool_get_xml_desc(pool, 0, &err)
                       : NULL;
    tap_is_str(xml, default_pool_dump,
               "test:///default's default-pool is libvirt's, running");
    free(xml);
    tap_ok(pool != NULL &&
           testdrv.storage_pool_get_info(pool, &info, &err) == 0 &&
           info.state == VIR_STORAGE_POOL_RUNNING &&
           info.capacity == 100 * GIB && info.available == 100 * GIB,
           "its info says running, with 100 GiB available");
    n = testdrv.conn_list_all_storage_pools(
        conn, &pools, VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE, &err);
    tap_is_int(n, 0, "no pool is inactive");
    handle_pool_array_free(pools, n < 0 ? 0 : n);
    n = testdrv.conn_list_all_storage_pools(
        conn, NULL, VIR_CONNECT_LIST_STORAGE_POOLS_DIR, &err);
    tap_is_int(n, 1, "one pool is a dir pool, counted without handles");
    xml = testdrv.storage_pool_get_xml_desc(pool, 1, &err);
    tdrv_fails(xml == NULL ? -1 : 0, err, VIR_ERR_INVALID_ARG,
               "unsupported flags (0x1) in function testStoragePoolGetXMLDesc",
               "dumpxml --inactive is refused as libvirt refuses it");
    handle_pool_unref(pool);
}

static void
test_volumes(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool = pool_named(conn, "default-pool");
    struct vireo_storage_vol *vol, *found;
    struct vireo_storage_vol_info info = { 0 };
    struct vireo_storage_pool_info pinfo = { 0 };
    char *xml;

    vol = testdrv.storage_vol_create_xml(pool, vol_xml, 0, &err);
    tap_ok(vol != NULL && strcmp(vol->key, "/default-pool/vol1") == 0,
           "a new volume is keyed by its path under the pool's target");
    xml = vol != NULL ? testdrv.storage_vol_get_xml_desc(vol, 0, &err)
                      : NULL;
    tap_is_str(xml, vol_dump, "vol-dumpxml writes it as libvirt does");
    free(xml);
    tap_ok(testdrv.storage_vol_get_info(vol, &info, &err) == 0 &&
           info.type == VIR_STORAGE_VOL_FILE &&
           info.allocation == 5 * 1024 * 1024,
           "a dir pool's volume is a file, allocated as its XML says");
    tap_ok(testdrv.storage_pool_get_info(pool, &pinfo, &err) == 0 &&
           pinfo.allocation == 5 * 1024 * 1024 &&
           pinfo.available == 100 * GIB - 5 * 1024 * 1024,
           "the pool's allocation and availability follow the volume");
    found = testdrv.storage_vol_lookup_by_path(conn, "/default-pool/vol1",
                                               &err);
    tap_ok(found != NULL && strcmp(found->name, "vol1") == 0,
           "the volume is found by its path");
    handle_vol_unref(found);
    found = testdrv.storage_vol_lookup_by_key(conn, "/nope", &err);
    tdrv_fails(found == NULL ? -1 : 0, err, VIR_ERR_NO_STORAGE_VOL,
               "no storage vol with matching key '/nope'",
               "an unknown key is VIR_ERR_NO_STORAGE_VOL");
    found = testdrv.storage_vol_create_xml(pool, vol_xml, 0, &err);
    tdrv_fails(found == NULL ? -1 : 0, err, VIR_ERR_OPERATION_FAILED,
               "storage vol already exists", "a second vol1 is refused");
    found = testdrv.storage_vol_create_xml(
        pool, "<volume><name>big</name><capacity unit='G'>200</capacity>"
              "</volume>", 0, &err);
    tdrv_fails(found == NULL ? -1 : 0, err, VIR_ERR_INTERNAL_ERROR,
               "Not enough free space in pool for volume 'big'",
               "a volume larger than the pool is refused");
    tap_ok(testdrv.storage_vol_delete(vol, 0, &err) == 0 &&
           testdrv.storage_pool_get_info(pool, &pinfo, &err) == 0 &&
           pinfo.allocation == 0, "deleting it gives its space back");
    tdrv_fails(testdrv.storage_vol_delete(vol, 0, &err), err,
               VIR_ERR_NO_STORAGE_VOL, "no storage vol with matching name "
               "'vol1'", "a deleted volume is gone");
    handle_vol_unref(vol);
    handle_pool_unref(pool);
}

static void
test_lifecycle(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_storage_pool *pool, *same;
    int autostart = -1;

    pool = testdrv.storage_pool_define_xml(
        conn, "<pool type='dir'><name>p</name><target><path>/var/p</path>"
              "</target></pool>", 0, &err);
    tap_ok(pool != NULL && testdrv.storage_pool_is_active(pool, &err) == 0 &&
           testdrv.storage_pool_is_persistent(pool, &err) == 1,
           "a defined pool is persistent and inactive");
    same = testdrv.storage_pool_define_xml(
        conn, "<pool type='dir'><name>q</name><target><path>/var/p</path>"
              "</target></pool>", 0, &err);
    tdrv_fails(same == NULL ? -1 : 0, err, VIR_ERR_OPERATION_FAILED,
               "Storage source conflict with pool: 'p'",
               "a second dir pool on the same directory is refused");
    tap_ok(testdrv.storage_pool_build(pool, 0, &err) == 0 &&
           testdrv.storage_pool_create(pool, 0, &err) == 0,
           "it builds and starts");
    tdrv_fails(testdrv.storage_pool_undefine(pool, &err), err,
               VIR_ERR_OPERATION_INVALID, "storage pool 'p' is active",
               "an active pool cannot be undefined");
    tap_ok(testdrv.storage_pool_set_autostart(pool, 1, &err) == 0 &&
           testdrv.storage_pool_get_autostart(pool, &autostart, &err) == 0 &&
           autostart == 1, "a persistent pool takes autostart");
    tap_ok(testdrv.storage_pool_destroy(pool, &err) == 0 &&
           testdrv.storage_pool_undefine(pool, &err) == 0,
           "it stops and is undefined");
    tdrv_fails(testdrv.storage_pool_refresh(pool, 0, &err), err,
               VIR_ERR_NO_STORAGE_POOL,
               "no storage pool with matching name 'p'",
               "an undefined pool is gone");
    handle_pool_unref(pool);
    pool = testdrv.storage_pool_create_xml(
        conn, "<pool type='dir'><name>t</name><target><path>/t</path>"
              "</target></pool>", 0, &err);
    tdrv_fails(testdrv.storage_pool_set_autostart(pool, 1, &err), err,
               VIR_ERR_INVALID_ARG, "pool has no config file",
               "a transient pool has no autostart");
    tap_ok(testdrv.storage_pool_destroy(pool, &err) == 0 &&
           testdrv.storage_pool_is_active(pool, &err) < 0,
           "a transient pool is forgotten when it stops");
    handle_pool_unref(pool);
}

static void
test_sources(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    char *xml = testdrv.conn_find_storage_pool_sources(
        conn, "netfs", "<source><host name='h'/></source>", 0, &err);

    tap_ok(xml != NULL && strstr(xml, "<host name='h'/>") != NULL,
           "netfs source discovery names the host it was given");
    free(xml);
    xml = testdrv.conn_find_storage_pool_sources(conn, "dir", NULL, 0, &err);
    tdrv_fails(xml == NULL ? -1 : 0, err, VIR_ERR_INTERNAL_ERROR,
               "unknown storage pool type dir",
               "dir discovery fails as libvirt's does");
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = tdrv_open("test:///default", &err);

    if (conn == NULL)
        tap_fail_all("test:///default opens: %s", err.message);
    test_default_pool(conn);
    test_volumes(conn);
    test_lifecycle(conn);
    test_sources(conn);
    handle_conn_unref(conn);
    return tdrv_done();
}
