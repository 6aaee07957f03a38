/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-checkpoint.c: domain checkpoints in the test driver,
 * through its slots, and the <domaincheckpoint> document. The expected
 * trees, documents and errors are what libvirtd 9.0's test driver answers
 * (checked with virsh against a private libvirtd).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/checkpoint_handle.h"
#include "drivers/conf/checkpoint_xml.h"
#include "drivers/snapshot_handle.h"
#include "tests/drivers/testdrv-helpers.h"

#define UUID "5c0b7d6e-2a41-4f0e-8c1d-93b2a7e4f610"
#define DISKS "<devices>"                                                   \
              "<disk type='file' device='disk'>"                            \
              "<source file='/guest/a.img'/><target dev='vda' bus='virtio'/>" \
              "</disk>"                                                     \
              "<disk type='file' device='cdrom'>"                           \
              "<target dev='hdc' bus='ide'/><readonly/></disk>"             \
              "</devices>"

static struct vireo_domain_checkpoint *
chk_create(struct vireo_domain *dom, const char *body, unsigned flags,
           struct vireo_error *err)
{
    char xml[512];

    snprintf(xml, sizeof(xml), "<domaincheckpoint>%s</domaincheckpoint>",
             body);
    return testdrv.domain_checkpoint_create_xml(dom, xml, flags, err);
}

/* The names a listing gives, joined by spaces. */
static const char *
names(struct vireo_domain_checkpoint **chks, int n)
{
    static char buf[256];

    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i > 0)
            strcat(buf, " ");
        strcat(buf, chks[i]->name);
    }
    handle_checkpoint_array_free(chks, n);
    return n >= 0 ? buf : "error";
}

static const char *
list(struct vireo_domain *dom, unsigned flags)
{
    struct vireo_domain_checkpoint **chks = NULL;
    struct vireo_error err = { 0 };

    return names(chks, testdrv.domain_list_all_checkpoints(dom, &chks, flags,
                                                           &err));
}

static const char *
children(struct vireo_domain_checkpoint *chk, unsigned flags)
{
    struct vireo_domain_checkpoint **chks = NULL;
    struct vireo_error err = { 0 };

    return names(chks, testdrv.domain_checkpoint_list_all_children(
                           chk, &chks, flags, &err));
}

static char *
document(struct vireo_domain_checkpoint *chk, unsigned flags)
{
    struct vireo_error err = { 0 };
    char *xml = testdrv.domain_checkpoint_get_xml_desc(chk, flags, &err);

    if (xml == NULL)
        tap_diag("no document for %s: %s", chk->name, err.message);
    return xml;
}

static void
test_document(void)
{
    struct vireo_error err = { 0 };
    struct checkpoint_def *def =
        checkpoint_def_parse("<domaincheckpoint><name>c.1</name>"
                             "<description>a&amp;b</description>"
                             "<parent><name>p</name></parent>"
                             "<creationTime>1500000000</creationTime>"
                             "<disks><disk name='vda'/>"
                             "<disk name='vdb' checkpoint='no'/></disks>"
                             "</domaincheckpoint>", true, &err);
    char *xml;

    tap_ok(def != NULL && def->creation_time == 1500000000 &&
           strcmp(def->parent_name, "p") == 0 && def->n_disks == 2 &&
           def->disks[0].type == CHECKPOINT_TYPE_BITMAP &&
           def->disks[1].type == CHECKPOINT_TYPE_NO,
           "a redefined document gives its parent, time and disks, a disk "
           "without a type taking a bitmap");
    tap_is_int(def != NULL ? checkpoint_def_name_bitmaps(def, &err) : -1, 0,
               "its bitmaps are named");
    xml = def != NULL ? checkpoint_def_format(def, false) : NULL;
    tap_is_str(xml, "<domaincheckpoint>\n  <name>c.1</name>\n"
               "  <description>a&amp;b</description>\n"
               "  <parent>\n    <name>p</name>\n  </parent>\n"
               "  <creationTime>1500000000</creationTime>\n  <disks>\n"
               "    <disk name='vda' checkpoint='bitmap' bitmap='c.1'/>\n"
               "    <disk name='vdb' checkpoint='no'/>\n  </disks>\n"
               "</domaincheckpoint>\n",
               "it is written back in libvirt's order and escaping");
    free(xml);
    checkpoint_def_free(def);
    def = checkpoint_def_parse("<domaincheckpoint/>", false, &err);
    tap_ok(def != NULL && def->name != NULL && atoll(def->name) > 0,
           "a new checkpoint without a name is named after its time");
    checkpoint_def_free(def);
    tdrv_fails(checkpoint_def_parse("<domaincheckpoint/>", true, &err)
               != NULL ? 0 : -1, err, VIR_ERR_XML_ERROR,
               "a redefined checkpoint must have a name",
               "a redefined checkpoint needs its name");
    tdrv_fails(checkpoint_def_parse("<domaincheckpoint><name>x</name>"
                                    "</domaincheckpoint>", true, &err)
               != NULL ? 0 : -1, err, VIR_ERR_INTERNAL_ERROR,
               "missing creationTime from existing checkpoint",
               "and its creation time");
    tdrv_fails(checkpoint_def_parse("<domain/>", false, &err) != NULL
               ? 0 : -1, err, VIR_ERR_XML_ERROR,
               "expecting root element of 'domaincheckpoint', not 'domain'",
               "another document is refused in libvirt's words");
    tdrv_fails(checkpoint_def_parse("<domaincheckpoint><bogus/>"
                                    "</domaincheckpoint>", false, &err)
               != NULL ? 0 : -1, err, VIR_ERR_XML_INVALID_SCHEMA,
               "Unable to validate doc against /usr/share/libvirt/schemas/"
               "domaincheckpoint.rng\nElement domaincheckpoint has extra "
               "content: bogus", "libvirt's schema is checked");
    tdrv_fails(checkpoint_def_parse("not xml", false, &err) != NULL
               ? 0 : -1, err, VIR_ERR_XML_DETAIL, "(domain_checkpoint):1:",
               "malformed XML is a syntax error naming the document");
}

/* c1 <- c2 <- c3 on the running domain `test`, with c2 keeping no
 * bitmap and c3 a bitmap of its own name. */
static void
test_tree(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_checkpoint *c1 =
        chk_create(dom, "<name>c1</name><description>one</description>", 0,
                   &err);
    struct vireo_domain_checkpoint *c2 =
        chk_create(dom, "<name>c2</name><disks><disk name='vda' "
                   "checkpoint='no'/></disks>", 0, &err);
    struct vireo_domain_checkpoint *c3 =
        chk_create(dom, "<name>c3</name><disks><disk name='vda' "
                   "bitmap='b3'/></disks>", 0, &err);
    struct vireo_domain_checkpoint *parent;
    char *xml;

    tap_ok(c1 != NULL && c2 != NULL && c3 != NULL,
           "three checkpoints of the running domain are created");
    tap_is_str(list(dom, 0), "c1 c2 c3", "all three are listed");
    tap_is_str(list(dom, VIR_DOMAIN_CHECKPOINT_LIST_ROOTS), "c1",
               "the first is the only root");
    tap_is_str(list(dom, VIR_DOMAIN_CHECKPOINT_LIST_LEAVES), "c3",
               "the newest is the only leaf");
    tap_is_str(list(dom, VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES), "c1 c2",
               "the others are not leaves");
    tap_is_str(children(c1, 0), "c2", "c1's child is c2");
    tap_is_str(children(c1, VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS), "c2 c3",
               "its descendants are c2 and c3");
    tap_is_int(testdrv.domain_checkpoint_list_all_children(c1, NULL, 0, &err),
               1, "children are counted without a list");
    parent = testdrv.domain_checkpoint_get_parent(c3, 0, &err);
    tap_is_str(parent != NULL ? parent->name : err.message, "c2",
               "c3's parent is c2");
    handle_checkpoint_unref(parent);
    tdrv_fails(testdrv.domain_checkpoint_get_parent(c1, 0, &err) == NULL
               ? -1 : 0, err, VIR_ERR_NO_DOMAIN_CHECKPOINT,
               "checkpoint 'c1' does not have a parent",
               "a root has no parent, in libvirt's words");
    xml = document(c1, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN);
    tap_ok(xml != NULL && strstr(xml, "<description>one</description>") &&
           strstr(xml, "<disk name='vda' checkpoint='bitmap' bitmap='c1'/>")
           && strstr(xml, "<domain ") == NULL,
           "without the domain, c1 shows its bitmap named after it");
    free(xml);
    xml = document(c2, 0);
    tap_ok(xml != NULL && strstr(xml, "<disk name='vda' checkpoint='no'/>") &&
           strstr(xml, "<parent>\n    <name>c1</name>") &&
           strstr(xml, "  <domain type='test'>\n    <name>test</name>"),
           "c2 keeps no bitmap, names its parent and embeds the domain");
    free(xml);
    xml = document(c3, VIR_DOMAIN_CHECKPOINT_XML_SIZE |
                       VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN);
    tap_ok(xml != NULL && strstr(xml, "bitmap='b3'/>"),
           "c3's bitmap has the name given, and sizes are asked of a "
           "running domain");
    free(xml);
    handle_checkpoint_unref(c1);
    handle_checkpoint_unref(c2);
    handle_checkpoint_unref(c3);
}

static void
test_refusals(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_checkpoint *chk;

    tdrv_fails(chk_create(dom, "<name>c1</name>", 0, &err) != NULL ? 0 : -1,
               err, VIR_ERR_OPERATION_FAILED, "domain moment c1 already exists",
               "a name in use is refused");
    tdrv_fails(chk_create(dom, "<disks><disk name='vdz'/></disks>", 0, &err)
               != NULL ? 0 : -1, err, VIR_ERR_CONFIG_UNSUPPORTED,
               "no disk named 'vdz'", "a disk the domain lacks is refused");
    tdrv_fails(chk_create(dom, "<disks><disk name='vda'/><disk name='vda'/>"
                          "</disks>", 0, &err) != NULL ? 0 : -1, err,
               VIR_ERR_CONFIG_UNSUPPORTED,
               "too many disk checkpoint requests for domain",
               "more disks than the domain has are refused");
    chk = testdrv.domain_checkpoint_lookup_by_name(dom, "nope", 0, &err);
    tdrv_fails(chk != NULL ? 0 : -1, err, VIR_ERR_NO_DOMAIN_CHECKPOINT,
               "no domain checkpoint with matching name 'nope'",
               "an unknown checkpoint is not found");
    tdrv_fails(chk_create(dom, "<name>x</name>",
                          VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE, &err)
               != NULL ? 0 : -1, err, VIR_ERR_INVALID_ARG,
               "unsupported flags (0x4) in function "
               "testDomainCheckpointCreateXML",
               "validating a redefinition is not the test driver's");
    tdrv_fails(testdrv.domain_snapshot_create_xml(
                   dom, "<domainsnapshot/>", 0, &err) != NULL ? 0 : -1, err,
               VIR_ERR_OPERATION_UNSUPPORTED,
               "cannot create snapshot while checkpoint exists",
               "no snapshot is taken beside checkpoints");
}

static void
test_redefine_and_delete(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_checkpoint *old =
        chk_create(dom, "<name>old</name><creationTime>1500000000"
                   "</creationTime>", VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE,
                   &err);
    struct vireo_domain_checkpoint *c1 =
        testdrv.domain_checkpoint_lookup_by_name(dom, "c1", 0, &err);
    struct vireo_domain_checkpoint *c3 =
        testdrv.domain_checkpoint_lookup_by_name(dom, "c3", 0, &err);

    tap_ok(old != NULL, "a checkpoint is given back with its time");
    tdrv_fails(chk_create(dom, "<name>orphan</name><parent><name>nowhere"
                          "</name></parent><creationTime>1</creationTime>",
                          VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE, &err)
               != NULL ? 0 : -1, err, VIR_ERR_INVALID_ARG,
               "parent nowhere for moment orphan not found",
               "a redefined checkpoint's parent must exist");
    tap_is_str(list(dom, VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL),
               "old c1 c2 c3", "topologically, the newest root comes first");
    tap_is_int(testdrv.domain_checkpoint_delete(c1, 0, &err), 0,
               "deleting c1 alone works");
    tap_is_str(list(dom, VIR_DOMAIN_CHECKPOINT_LIST_ROOTS), "c2 old",
               "its child becomes a root");
    tap_is_int(testdrv.domain_checkpoint_delete(
                   c3, VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY, &err), 0,
               "deleting only the metadata works");
    tap_is_str(list(dom, 0), "c2 old", "and removes the checkpoint");
    tdrv_fails(testdrv.domain_checkpoint_delete(c1, 0, &err), err,
               VIR_ERR_NO_DOMAIN_CHECKPOINT,
               "no domain checkpoint with matching name 'c1'",
               "a deleted checkpoint is not found");
    handle_checkpoint_unref(old);
    handle_checkpoint_unref(c1);
    handle_checkpoint_unref(c3);
}

/* A domain of its own with a read-only cdrom: only running domains take
 * checkpoints, a cdrom takes no bitmap, and undefining takes the
 * checkpoints along whatever the flags. */
static void
test_inactive(struct vireo_conn *conn)
{
    struct vireo_error err = { 0 };
    char *xml = tdrv_xml("chkdom", UUID, "test", 1024, DISKS);
    struct vireo_domain *dom = testdrv.domain_define_xml(conn, xml, 0, &err);
    struct vireo_domain_checkpoint *chk;
    char *doc;

    free(xml);
    tdrv_fails(chk_create(dom, "<name>a</name>", 0, &err) != NULL ? 0 : -1,
               err, VIR_ERR_OPERATION_UNSUPPORTED,
               "cannot create checkpoint for inactive domain",
               "an inactive domain takes no checkpoint");
    tap_is_int(testdrv.domain_create(dom, 0, &err), 0, "the domain starts");
    chk = chk_create(dom, "<name>a</name>", 0, &err);
    doc = chk != NULL ? document(chk, VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN)
                      : NULL;
    tap_ok(doc != NULL &&
           strstr(doc, "<disk name='vda' checkpoint='bitmap' bitmap='a'/>\n"
                  "    <disk name='hdc' checkpoint='no'/>"),
           "every disk has an entry, the read-only one without a bitmap");
    free(doc);
    tdrv_fails(chk_create(dom, "<disks><disk name='hdc' checkpoint="
                          "'bitmap'/></disks>", 0, &err) != NULL ? 0 : -1,
               err, VIR_ERR_CONFIG_UNSUPPORTED,
               "disk 'hdc' is empty or readonly",
               "a bitmap on a read-only disk is refused");
    tap_is_int(testdrv.domain_destroy(dom, 0, &err), 0, "the domain stops");
    tdrv_fails(testdrv.domain_checkpoint_get_xml_desc(
                   chk, VIR_DOMAIN_CHECKPOINT_XML_SIZE, &err) != NULL ? 0 : -1,
               err, VIR_ERR_OPERATION_INVALID, "domain is not running",
               "sizes are not asked of a stopped domain");
    tap_is_str(list(dom, 0), "a", "its checkpoint stays");
    tap_is_int(testdrv.domain_undefine(dom, 0, &err), 0,
               "undefining it needs no flag for its checkpoints");
    handle_checkpoint_unref(chk);
    handle_domain_unref(dom);
}

/* A node file's domains run from the start, without disks: libvirt
 * refuses them checkpoints for want of a disk. */
static void
test_node_file(const char *data)
{
    struct vireo_error err = { 0 };
    char uri[512];
    struct vireo_conn *conn;
    struct vireo_domain *dom;

    snprintf(uri, sizeof(uri), "test://%s/node-several.xml", data);
    conn = tdrv_open(uri, &err);
    dom = conn != NULL
          ? testdrv.domain_lookup_by_name(conn, "inline1", &err) : NULL;
    tap_ok(dom != NULL, "a node file's domain is found");
    if (dom != NULL)
        tdrv_fails(chk_create(dom, "<name>c1</name>", 0, &err) != NULL
                   ? 0 : -1, err, VIR_ERR_CONFIG_UNSUPPORTED,
                   "domain must have at least one disk to perform "
                   "checkpoints", "a domain without disks takes none");
    handle_domain_unref(dom);
    handle_conn_unref(conn);
}

/* Undefining the running `test` leaves it transient with its
 * checkpoints, until it stops. */
static void
test_undefine_running(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_domain_checkpoint *chk =
        chk_create(dom, "<name>last</name>", 0, &err);

    tap_is_int(testdrv.domain_undefine(
                   dom, VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA, &err), 0,
               "the running domain is undefined");
    tap_is_str(list(dom, VIR_DOMAIN_CHECKPOINT_LIST_LEAVES), "old last",
               "and keeps its checkpoints while it runs");
    handle_checkpoint_unref(chk);
}

int
main(int argc, char **argv)
{
    struct vireo_error err = { 0 };
    struct vireo_conn *conn = tdrv_open("test:///default", &err);
    struct vireo_domain *dom = conn != NULL
        ? testdrv.domain_lookup_by_name(conn, "test", &err) : NULL;

    if (dom == NULL)
        tap_fail_all("cannot open test:///default's domain: %s", err.message);
    test_document();
    test_tree(dom);
    test_refusals(dom);
    test_redefine_and_delete(dom);
    test_inactive(conn);
    test_node_file(argc > 1 ? argv[1] : ".");
    test_undefine_running(dom);
    handle_domain_unref(dom);
    handle_conn_unref(conn);
    return tdrv_done();
}
