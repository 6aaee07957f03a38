/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-snapshot.c: saving, restoring, managed save, core dumps and
 * snapshots in the test driver, through its slots. The expected states,
 * reasons, trees and errors are what libvirtd 9.0's test driver answers
 * (checked with virsh against a private libvirtd).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/conf/snapshot_xml.h"
#include "drivers/snapshot_handle.h"
#include "drivers/snapshot_list.h"
#include "tests/drivers/testdrv-helpers.h"

#define UUID "0b7ad83a-3c8a-4b2f-9e8d-5c1e0a6f7d21"

static struct vireo_domain_snapshot *
snap_create(struct vireo_domain *dom, const char *name, unsigned flags)
{
    struct vireo_error err = { 0 };
    char xml[256];
    struct vireo_domain_snapshot *snap;

    snprintf(xml, sizeof(xml), "<domainsnapshot><name>%s</name>"
             "<description>about %s</description></domainsnapshot>", name,
             name);
    snap = testdrv.domain_snapshot_create_xml(dom, xml, flags, &err);
    if (snap == NULL)
        tap_diag("creating %s: %s", name, err.message);
    return snap;
}

/* The names a listing gives, joined by spaces. */
static const char *
names(struct vireo_domain_snapshot **snaps, int n)
{
    static char buf[256];

    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i > 0)
            strcat(buf, " ");
        strcat(buf, snaps[i]->name);
    }
    handle_snapshot_array_free(snaps, n);
    return n >= 0 ? buf : "error";
}

static const char *
list(struct vireo_domain *dom, unsigned flags)
{
    struct vireo_domain_snapshot **snaps = NULL;
    struct vireo_error err = { 0 };
    int n = testdrv.domain_list_all_snapshots(dom, &snaps, flags, &err);

    return names(snaps, n);
}

static const char *
children(struct vireo_domain_snapshot *snap, unsigned flags)
{
    struct vireo_domain_snapshot **snaps = NULL;
    struct vireo_error err = { 0 };
    int n = testdrv.domain_snapshot_list_all_children(snap, &snaps, flags,
                                                      &err);

    return names(snaps, n);
}

static void
test_document(void)
{
    struct vireo_error err = { 0 };
    struct snapshot_def *def =
        snapshot_def_parse("<domainsnapshot><name>a&amp;b</name>"
                           "<memory snapshot='external' file='/m'/>"
                           "<disks><disk name='vda' snapshot='no'/></disks>"
                           "</domainsnapshot>", false, &err);
    char *text;

    tap_ok(def != NULL && strcmp(def->name, "a&b") == 0 &&
           def->memory == SNAPSHOT_LOCATION_EXTERNAL &&
           def->n_disks == 1 && def->disks[0].location == SNAPSHOT_LOCATION_NO,
           "a snapshot document gives its name, memory and disks");
    def->state = SNAPSHOT_STATE_RUNNING;
    def->creation_time = 1234;
    text = snapshot_def_format(def);
    tap_is_str(text, "<domainsnapshot>\n  <name>a&amp;b</name>\n"
               "  <state>running</state>\n"
               "  <creationTime>1234</creationTime>\n"
               "  <memory snapshot='external' file='/m'/>\n"
               "  <disks>\n    <disk name='vda' snapshot='no'/>\n"
               "  </disks>\n</domainsnapshot>\n",
               "it is written back in libvirt's order and escaping");
    free(text);
    snapshot_def_free(def);
    def = snapshot_def_parse("<domainsnapshot/>", true, &err);
    tdrv_fails(def == NULL ? -1 : 0, err, VIR_ERR_XML_ERROR,
               "a redefined snapshot must have a name",
               "redefining needs a name, in libvirt's words");
    def = snapshot_def_parse("<domainsnapshot/>", false, &err);
    tap_ok(def != NULL && def->name != NULL && atoll(def->name) > 0,
           "a new snapshot without a name is named after its creation time");
    snapshot_def_free(def);
}

static void
test_tree(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = tdrv_define(conn, "snaptree", UUID, &err);
    struct vireo_domain_snapshot *s1 = snap_create(dom, "s1", 0);
    struct vireo_domain_snapshot *s2 = snap_create(dom, "s2", 0);
    struct vireo_domain_snapshot *s3, *cur;
    char *xml;

    tap_is_str(list(dom, 0), "s1 s2", "both snapshots are listed");
    tap_is_str(list(dom, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS), "s1",
               "the first is the only root");
    tap_is_str(list(dom, VIR_DOMAIN_SNAPSHOT_LIST_LEAVES), "s2",
               "the second is the only leaf");
    cur = testdrv.domain_snapshot_current(dom, 0, &err);
    tap_is_str(cur != NULL ? cur->name : "none", "s2",
               "the newest snapshot is current");
    handle_snapshot_unref(cur);
    xml = testdrv.domain_snapshot_get_xml_desc(s2, 0, &err);
    tap_ok(xml != NULL && strstr(xml, "<parent>\n    <name>s1</name>") &&
           strstr(xml, "<state>shutoff</state>") &&
           strstr(xml, "<memory snapshot='no'/>") &&
           strstr(xml, "  <domain type='test'>\n    <name>snaptree</name>"),
           "a snapshot of a shut-off domain names its parent and embeds the "
           "domain");
    free(xml);
    tap_is_int(testdrv.domain_revert_to_snapshot(s1, 0, &err), 0,
               "reverting to the first snapshot works");
    s3 = snap_create(dom, "s3", 0);
    tap_is_str(list(dom, VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL), "s1 s3 s2",
               "topologically, a parent comes first, then its newest child");
    tap_is_str(children(s1, 0), "s2 s3", "s1's children are s2 and s3");
    tap_is_int(testdrv.domain_snapshot_num_children(
                   s1, VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS, &err), 2,
               "s1 has two descendants");
    tap_is_int(testdrv.domain_undefine(dom, 0, &err), -1,
               "an inactive domain with snapshots is not undefined");
    tap_ok(strstr(err.message, "cannot delete inactive domain with 3 "
                  "snapshots") != NULL, "libvirt's words say why");
    memset(&err, 0, sizeof(err));
    tap_is_int(testdrv.domain_snapshot_delete(s1, 0, &err), 0,
               "deleting s1 alone works");
    tap_is_str(list(dom, VIR_DOMAIN_SNAPSHOT_LIST_ROOTS), "s2 s3",
               "its children become roots");
    tdrv_fails(testdrv.domain_snapshot_get_parent(s2, 0, &err) == NULL
               ? -1 : 0, err, VIR_ERR_NO_DOMAIN_SNAPSHOT,
               "snapshot 's2' does not have a parent",
               "a root has no parent, in libvirt's words");
    tdrv_fails(testdrv.domain_snapshot_delete(s1, 0, &err), err,
               VIR_ERR_NO_DOMAIN_SNAPSHOT,
               "no domain snapshot with matching name 's1'",
               "a deleted snapshot is not found");
    tap_is_int(testdrv.domain_undefine(
                   dom, VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA, &err), 0,
               "undefining with the snapshots' metadata works");
    handle_snapshot_unref(s1);
    handle_snapshot_unref(s2);
    handle_snapshot_unref(s3);
    handle_domain_unref(dom);
}

static void
test_revert(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = tdrv_define(conn, "snaprevert", NULL, &err);
    struct vireo_domain_snapshot *snap;

    testdrv.domain_create(dom, 0, &err);
    snap = snap_create(dom, "live", 0);
    tap_is_int(testdrv.domain_revert_to_snapshot(
                   snap, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED, &err), 0,
               "reverting a running domain to a live snapshot, paused");
    tap_is_str(tdrv_state(dom), "3/7", "it is paused from snapshot");
    testdrv.domain_destroy(dom, 0, &err);
    tap_is_int(testdrv.domain_revert_to_snapshot(snap, 0, &err), 0,
               "reverting a shut-off domain to a live snapshot");
    tap_is_str(tdrv_state(dom), "1/4", "it runs from snapshot");
    handle_snapshot_unref(snap);
    snap = snap_create(dom, "halted", VIR_DOMAIN_SNAPSHOT_CREATE_HALT);
    tap_is_str(tdrv_state(dom), "5/7",
               "a snapshot with HALT shuts the domain off from snapshot");
    tdrv_fails(testdrv.domain_snapshot_create_xml(
                   dom, "<domainsnapshot/>",
                   VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY, &err) == NULL
               ? -1 : 0, err, VIR_ERR_INVALID_ARG,
               "unsupported flags (0x10) in function "
               "testDomainSnapshotCreateXML",
               "disk-only snapshots are refused as libvirt's test driver "
               "does");
    tdrv_fails(testdrv.domain_snapshot_create_xml(
                   dom, "<domainsnapshot><name>halted</name>"
                   "</domainsnapshot>", 0, &err) == NULL ? -1 : 0, err,
               VIR_ERR_OPERATION_FAILED, "domain moment halted already exists",
               "a snapshot name is taken once");
    handle_snapshot_unref(snap);
    testdrv.domain_undefine(dom, VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA, &err);
    handle_domain_unref(dom);
}

static void
test_save(struct vireo_conn *conn, const char *dir)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = tdrv_define(conn, "saved", NULL, &err);
    char path[512], magic[15] = "";
    int fd;

    snprintf(path, sizeof(path), "%s/saved.img", dir);
    testdrv.domain_create(dom, 0, &err);
    tap_is_int(testdrv.domain_save(dom, path, NULL, 0, &err), 0,
               "a running domain is saved");
    tap_is_str(tdrv_state(dom), "5/5", "it is shut off, saved");
    fd = open(path, O_RDONLY);
    tap_ok(fd >= 0 && read(fd, magic, sizeof(magic)) == sizeof(magic) &&
           memcmp(magic, "TestGuestMagic", sizeof(magic)) == 0,
           "the image starts with libvirt's test driver's magic");
    if (fd >= 0)
        close(fd);
    tap_is_int(testdrv.domain_restore(conn, path, NULL, 0, &err), 0,
               "the image is restored");
    tap_is_str(tdrv_state(dom), "1/3", "the domain runs, restored");
    tdrv_fails(testdrv.domain_restore(conn, "/nonexistent/x.img", NULL, 0,
                                      &err), err, VIR_ERR_SYSTEM_ERROR,
               "cannot read domain image '/nonexistent/x.img': No such file",
               "a missing image is refused in libvirt's words");
    tap_is_int(testdrv.domain_managed_save(dom, 0, &err), 0,
               "managed save of a running domain");
    tap_is_int(testdrv.domain_has_managed_save_image(dom, 0, &err), 1,
               "it has a managed save image");
    tdrv_fails(testdrv.domain_undefine(dom, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "Refusing to undefine while domain "
               "managed save image exists",
               "undefine refuses while the image exists");
    testdrv.domain_create(dom, 0, &err);
    tap_is_int(testdrv.domain_has_managed_save_image(dom, 0, &err), 0,
               "starting boots afresh and forgets the image");
    snprintf(path, sizeof(path), "%s/saved.core", dir);
    tdrv_fails(testdrv.domain_core_dump(dom, path, 1, 0, &err), err,
               VIR_ERR_OPERATION_UNSUPPORTED,
               "kdump-compressed format is not supported here",
               "compressed dumps are refused");
    tap_is_int(testdrv.domain_core_dump(dom, path, 0, VIR_DUMP_CRASH, &err),
               0, "a crash dump works");
    tap_is_str(tdrv_state(dom), "5/3", "and leaves the domain crashed");
    testdrv.domain_undefine(dom, 0, &err);
    handle_domain_unref(dom);
}

/* A saved image redefined from a document without <os><type arch>: the
 * image holds the arch libvirt's parser fills in (i686), as libvirtd's
 * save-image-dumpxml shows. */
static void
test_image_define(struct vireo_conn *conn, const char *dir)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom = tdrv_define(conn, "imaged", NULL, &err);
    char path[512], *xml;

    snprintf(path, sizeof(path), "%s/imaged.img", dir);
    testdrv.domain_create(dom, 0, &err);
    testdrv.domain_save(dom, path, NULL, 0, &err);
    tap_is_int(testdrv.domain_save_image_define_xml(
                   conn, path,
                   "<domain type='test'><name>imaged</name>"
                   "<memory>1024</memory><os><type>hvm</type></os>"
                   "</domain>", 0, &err), 0,
               "a saved image is redefined from a document without an arch");
    xml = testdrv.domain_save_image_get_xml_desc(conn, path, 0, &err);
    tap_ok(xml != NULL && strstr(xml, "<type arch='i686'>hvm</type>") != NULL,
           "its definition names the test host's first arch, i686");
    free(xml);
    testdrv.domain_undefine(dom, 0, &err);
    handle_domain_unref(dom);
}

int
main(int argc, char **argv)
{
    struct vireo_error err = { 0 };
    char dir[] = "/tmp/vireo-snapshot-test.XXXXXX";
    struct vireo_conn *conn = tdrv_open("test:///default", &err);

    if (conn == NULL || mkdtemp(dir) == NULL)
        tap_fail_all("cannot open test:///default or a directory: %s",
                 err.message);
    test_document();
    test_tree(conn);
    test_revert(conn);
    test_save(conn, dir);
    test_image_define(conn, dir);
    handle_conn_unref(conn);
    for (const char *const *f = (const char *const[]){ "saved.img",
                                                       "saved.core",
                                                       "imaged.img", NULL };
         *f != NULL; f++) {
        char path[sizeof(dir) + 16];

        snprintf(path, sizeof(path), "%s/%s", dir, *f);
        unlink(path);
    }
    rmdir(dir);
    return tdrv_done();
}
