/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_nodedev.c: node devices as libvirt's test driver serves them: the
 * host's devices in memory (test_hostobj.h), looked up by name, listed
 * by capability, and vHBAs "created" on a fibre channel host the way
 * libvirt's test driver mocks it: a copy of scsi_host11 named
 * scsi_host12 with the new WWNs. Every operation runs on the test
 * driver's thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/nodedev_xml.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/node_device_event.h"
#include "drivers/nodedev_handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_hostobj.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

/* The capability filters of virConnectListAllNodeDevices; libvirt's test
 * driver accepts no other flag, not even ACTIVE, which virsh always
 * sends (so virsh nodedev-list fails against it). */
#define LIST_CAP_FLAGS 0x3fffffu

/* The device libvirt's test driver copies to mock a new vHBA, and the
 * name the copy gets. */
#define VHBA_TEMPLATE "scsi_host11"
#define VHBA_NAME     "scsi_host12"

/* One call's arguments and results, whichever the call. */
struct dev_io {
    struct vireo_conn         *conn;
    const char                *name;     /* the device a call names */
    const char                *cap;      /* a capability filter, or NULL */
    const char                *xml;
    unsigned                   flags;
    char                     **names;    /* a caller's array to fill */
    int                        maxnames;
    struct vireo_node_device  *dev;      /* a handle returned */
    struct vireo_node_device **devs;     /* a list returned */
    bool                       wants_list;
    char                      *text;     /* a document returned */
};

static struct test_hostobj *
objs(struct test_state *st)
{
    return st->hostobj;
}

static int
find_index(struct test_hostobj *ho, const char *name)
{
    for (int i = 0; i < ho->n_devs; i++)
        if (strcmp(ho->devs[i]->name, name) == 0)
            return i;
    return -1;
}

static struct nodedev_def *
find(struct test_state *st, const char *name, struct vireo_error *err)
{
    int i = find_index(objs(st), name);

    if (i < 0) {
        error_set(err, VIR_ERR_NO_NODE_DEVICE, VIR_FROM_TEST,
                  "no node device with matching name '%s'", name);
        return NULL;
    }
    return objs(st)->devs[i];
}

/* libvirt's test driver fails some calls without saying why; libvirtd
 * then answers with no error at all, and clients report "An error
 * occurred, but the cause is unknown". */
static int
unknown_cause(struct vireo_error *err)
{
    error_clear(err);
    return -1;
}

static int
run(struct vireo_conn *conn, test_op op, struct dev_io *io,
    struct vireo_error *err)
{
    io->conn = conn;
    return test_call(conn, op, io, err);
}

/* ---- Listing ---------------------------------------------------------- */

static int
op_num(struct test_state *st, void *v, struct vireo_error *err)
{
    struct dev_io *io = v;
    int n = 0;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, 0,
                          "testNodeNumOfDevices") < 0)
        return -1;
    for (int i = 0; i < objs(st)->n_devs; i++)
        n += nodedev_def_has_cap_name(objs(st)->devs[i], io->cap);
    return n;
}

static int
op_list(struct test_state *st, void *v, struct vireo_error *err)
{
    struct dev_io *io = v;
    struct test_hostobj *ho = objs(st);
    const char **matching;
    int n = 0, rc;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, 0,
                          "testNodeListDevices") < 0)
        return -1;
    matching = calloc((size_t)ho->n_devs + 1, sizeof(*matching));
    if (matching == NULL)
        return error_no_memory(err);
    for (int i = 0; i < ho->n_devs; i++)
        if (nodedev_def_has_cap_name(ho->devs[i], io->cap))
            matching[n++] = ho->devs[i]->name;
    rc = test_hostobj_copy_names(io->names, io->maxnames, matching, n,
                                 err);
    free(matching);
    return rc;
}

static bool
matches_caps(const struct nodedev_def *def, unsigned flags)
{
    if ((flags & LIST_CAP_FLAGS) == 0)
        return true;
    for (int t = 0; t < NODEDEV_CAP_LAST; t++)
        if ((flags & (1u << t)) != 0 && nodedev_def_has_cap(def, t))
            return true;
    return false;
}

static int
op_list_all(struct test_state *st, void *v, struct vireo_error *err)
{
    struct dev_io *io = v;
    struct test_hostobj *ho = objs(st);
    int n = 0;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, LIST_CAP_FLAGS,
                          "testConnectListAllNodeDevices") < 0)
        return -1;
    if (io->wants_list) {
        io->devs = calloc((size_t)ho->n_devs + 1, sizeof(*io->devs));
        if (io->devs == NULL)
            return error_no_memory(err);
    }
    for (int i = 0; i < ho->n_devs; i++) {
        if (!matches_caps(ho->devs[i], io->flags))
            continue;
        if (io->wants_list &&
            (io->devs[n] = handle_nodedev_new(io->conn, ho->devs[i]->name,
                                              err)) == NULL) {
            handle_nodedev_array_free(io->devs, n);
            io->devs = NULL;
            return -1;
        }
        n++;
    }
    return n;
}

int
testdrv_node_num_of_devices(struct vireo_conn *conn, const char *cap,
                            unsigned flags, struct vireo_error *err)
{
    struct dev_io io = { .cap = cap, .flags = flags };

    return run(conn, op_num, &io, err);
}

int
testdrv_node_list_devices(struct vireo_conn *conn, const char *cap,
                          char **names, int maxnames, unsigned flags,
                          struct vireo_error *err)
{
    struct dev_io io = { .cap = cap, .flags = flags, .names = names,
                         .maxnames = maxnames };

    return run(conn, op_list, &io, err);
}

int
testdrv_connect_list_all_node_devices(struct vireo_conn *conn,
                                      struct vireo_node_device ***devs,
                                      unsigned flags,
                                      struct vireo_error *err)
{
    struct dev_io io = { .flags = flags, .wants_list = devs != NULL };
    int n = run(conn, op_list_all, &io, err);

    if (devs != NULL)
        *devs = n >= 0 ? io.devs : NULL;
    return n;
}

/* ---- One device ------------------------------------------------------- */

static int
op_lookup(struct test_state *st, void *v, struct vireo_error *err)
{
    struct dev_io *io = v;

    if (find(st, io->name, err) == NULL)
        return -1;
    io->dev = handle_nodedev_new(io->conn, io->name, err);
    return io->dev != NULL ? 0 : -1;
}

static int
op_xml(struct test_state *st, void *v, struct vireo_error *err)
{
    struct dev_io *io = v;
    struct nodedev_def *def;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, 0,
                          "testNodeDeviceGetXMLDesc") < 0 ||
        (def = find(st, io->name, err)) == NULL)
        return -1;
    io->text = nodedev_def_format(def);
    return io->text != NULL ? 0 : error_no_memory(err);
}

static int
op_parent(struct test_state *st, void *v, struct vireo_error *err)
{
    struct dev_io *io = v;
    struct nodedev_def *def = find(st, io->name, err);

    if (def == NULL)
        return -1;
    if (def->parent == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST, "%s",
                         "no parent for this device");
    io->text = strdup(def->parent);
    return io->text != NULL ? 0 : error_no_memory(err);
}

static int
op_caps(struct test_state *st, void *v, struct vireo_error *err)
{
    struct dev_io *io = v;
    struct nodedev_def *def = find(st, io->name, err);
    const char *names[NODEDEV_CAP_LAST];

    if (def == NULL)
        return -1;
    if (io->names == NULL)
        return def->n_caps;
    for (int i = 0; i < def->n_caps && i < NODEDEV_CAP_LAST; i++)
        names[i] = nodedev_cap_type_name(def->caps[i].type);
    return test_hostobj_copy_names(io->names, io->maxnames, names,
                                   def->n_caps, err);
}

struct vireo_node_device *
testdrv_node_device_lookup_by_name(struct vireo_conn *conn, const char *name,
                                   struct vireo_error *err)
{
    struct dev_io io = { .name = name };

    return run(conn, op_lookup, &io, err) < 0 ? NULL : io.dev;
}

char *
testdrv_node_device_get_xml_desc(struct vireo_node_device *dev,
                                 unsigned flags, struct vireo_error *err)
{
    struct dev_io io = { .name = dev->name, .flags = flags };

    return run(dev->conn, op_xml, &io, err) < 0 ? NULL : io.text;
}

char *
testdrv_node_device_get_parent(struct vireo_node_device *dev,
                               struct vireo_error *err)
{
    struct dev_io io = { .name = dev->name };

    return run(dev->conn, op_parent, &io, err) < 0 ? NULL : io.text;
}

int
testdrv_node_device_num_of_caps(struct vireo_node_device *dev,
                                struct vireo_error *err)
{
    struct dev_io io = { .name = dev->name };

    return run(dev->conn, op_caps, &io, err);
}

int
testdrv_node_device_list_caps(struct vireo_node_device *dev, char **names,
                              int maxnames, struct vireo_error *err)
{
    struct dev_io io = { .name = dev->name, .names = names,
                         .maxnames = maxnames };

    return names == NULL ? 0 : run(dev->conn, op_caps, &io, err);
}

/* ---- vHBA creation and destruction ------------------------------------ */

/* The vport-capable host a new vHBA would be made on, as libvirt looks
 * for it: the named parent, else any host that has vport_ops. */
static int
check_parent(struct test_state *st, const struct nodedev_def *def,
             struct vireo_error *err)
{
    struct test_hostobj *ho = objs(st);
    int i;

    if (def->parent == NULL) {
        for (i = 0; i < ho->n_devs; i++)
            if (nodedev_def_has_cap(ho->devs[i], NODEDEV_CAP_VPORTS))
                return 0;
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NODEDEV, "%s",
                         "Could not find any vport capable device");
    }
    i = find_index(ho, def->parent);
    if (i < 0)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NODEDEV,
                         "Could not find parent device for '%s'", def->name);
    if (!nodedev_def_has_cap(ho->devs[i], NODEDEV_CAP_VPORTS))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NODEDEV,
                         "Parent device %s is not capable of vport "
                         "operations", def->parent);
    return 0;
}

/* Put def in the list, replacing a device of the same name (as libvirt's
 * list does on assignment). Takes def over. */
static int
assign(struct test_hostobj *ho, struct nodedev_def *def,
       struct vireo_error *err)
{
    int i = find_index(ho, def->name);
    struct nodedev_def **grown;

    if (i >= 0) {
        nodedev_def_free(ho->devs[i]);
        ho->devs[i] = def;
        return 0;
    }
    grown = realloc(ho->devs, ((size_t)ho->n_devs + 1) * sizeof(*grown));
    if (grown == NULL) {
        nodedev_def_free(def);
        return error_no_memory(err);
    }
    ho->devs = grown;
    ho->devs[ho->n_devs++] = def;
    return 0;
}

/* libvirt's mock of the vHBA the kernel would make: the template device
 * renamed, with the requested WWNs; its creation is an event. */
int
test_nodedev_create_vport(struct test_state *st, const char *wanted_wwnn,
                          const char *wanted_wwpn, struct vireo_error *err)
{
    int i = find_index(objs(st), VHBA_TEMPLATE);
    struct nodedev_def *copy;
    struct nodedev_scsi_host *fc;
    char *name, *wwnn, *wwpn;

    if (i < 0)
        return unknown_cause(err);
    copy = nodedev_def_copy(objs(st)->devs[i]);
    name = strdup(VHBA_NAME);
    wwnn = strdup(wanted_wwnn);
    wwpn = strdup(wanted_wwpn);
    fc = copy != NULL ? nodedev_def_fc_host(copy) : NULL;
    if (fc == NULL || name == NULL || wwnn == NULL || wwpn == NULL) {
        nodedev_def_free(copy);
        free(name);
        free(wwnn);
        free(wwpn);
        return error_no_memory(err);
    }
    free(copy->name);
    copy->name = name;
    free(fc->wwnn);
    fc->wwnn = wwnn;
    free(fc->wwpn);
    fc->wwpn = wwpn;
    if (assign(objs(st), copy, err) < 0)
        return -1;
    node_device_event_emit_lifecycle(st->nodedev_events, VHBA_NAME,
                                     VIR_NODE_DEVICE_EVENT_CREATED, 0);
    return 0;
}

/* Drop the device at index i, telling who listens. */
static void
remove_at(struct test_state *st, int i)
{
    struct test_hostobj *ho = objs(st);

    node_device_event_emit_lifecycle(st->nodedev_events, ho->devs[i]->name,
                                     VIR_NODE_DEVICE_EVENT_DELETED, 0);
    nodedev_def_free(ho->devs[i]);
    memmove(&ho->devs[i], &ho->devs[i + 1],
            (size_t)(ho->n_devs - i - 1) * sizeof(*ho->devs));
    ho->n_devs--;
}

/* libvirt's test driver knows the one vHBA it makes by name. */
int
test_nodedev_destroy_vport(struct test_state *st, struct vireo_error *err)
{
    int i = find_index(objs(st), VHBA_NAME);

    if (i < 0)
        return error_set(err, VIR_ERR_NO_NODE_DEVICE, VIR_FROM_TEST,
                         "no node device with matching name '%s'",
                         VHBA_NAME);
    remove_at(st, i);
    return 0;
}

static int
op_create(struct test_state *st, void *v, struct vireo_error *err)
{
    struct dev_io *io = v;
    struct nodedev_def *def;
    const struct nodedev_scsi_host *fc;
    int rc = -1;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, 0,
                          "testNodeDeviceCreateXML") < 0)
        return -1;
    def = nodedev_def_parse(io->xml, true, err);
    if (def == NULL)
        return -1;
    fc = nodedev_def_fc_host(def);
    if (fc == NULL)
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NODEDEV, "%s",
                  "Device is not a fibre channel HBA");
    else if (check_parent(st, def, err) == 0 &&
             test_nodedev_create_vport(st, fc->wwnn, fc->wwpn, err) == 0)
        rc = 0;
    nodedev_def_free(def);
    if (rc == 0)
        io->dev = handle_nodedev_new(io->conn, VHBA_NAME, err);
    return rc == 0 && io->dev != NULL ? 0 : -1;
}

/* libvirt's test driver answers success whatever it finds once the
 * device exists, and removes it only when it is a vHBA whose parent
 * still exists: any other device stays where it is. */
static int
op_destroy(struct test_state *st, void *v, struct vireo_error *err)
{
    struct dev_io *io = v;
    struct test_hostobj *ho = objs(st);
    struct nodedev_def *def = find(st, io->name, err);

    if (def == NULL)
        return -1;
    if (nodedev_def_fc_host(def) == NULL || def->parent == NULL ||
        find_index(ho, def->parent) < 0)
        return 0;
    remove_at(st, find_index(ho, io->name));
    return 0;
}

struct vireo_node_device *
testdrv_node_device_create_xml(struct vireo_conn *conn, const char *xml,
                               unsigned flags, struct vireo_error *err)
{
    struct dev_io io = { .xml = xml, .flags = flags };

    return run(conn, op_create, &io, err) < 0 ? NULL : io.dev;
}

int
testdrv_node_device_destroy(struct vireo_node_device *dev,
                            struct vireo_error *err)
{
    struct dev_io io = { .name = dev->name };

    return run(dev->conn, op_destroy, &io, err);
}
