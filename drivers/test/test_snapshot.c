/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_snapshot.c: domain snapshots as libvirt's test driver keeps them:
 * in memory, on the domain object (domain_list.h), each holding a copy of
 * the domain's definition at the time. Creating one from a running domain
 * records it running; reverting restores the definition and the state,
 * with libvirt's FROM_SNAPSHOT events and reasons. Every operation runs on
 * the test driver's thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/snapshot_xml.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/moment_list.h"
#include "drivers/snapshot_handle.h"
#include "drivers/snapshot_list.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_transition.h"

#define CREATE_FLAGS  (VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |  \
                       VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT |   \
                       VIR_DOMAIN_SNAPSHOT_CREATE_HALT |      \
                       VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE |   \
                       VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC |    \
                       VIR_DOMAIN_SNAPSHOT_CREATE_LIVE |      \
                       VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE)
#define LIST_FLAGS    0x7ffu   /* ROOTS or DESCENDANTS, filters, TOPOLOGICAL */
#define REVERT_FLAGS  (VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING | \
                       VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED |  \
                       VIR_DOMAIN_SNAPSHOT_REVERT_FORCE)
#define DELETE_FLAGS  (VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN | \
                       VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)

/* One call's arguments and results, whichever the call. */
struct snap_io {
    struct vireo_domain           *dom;    /* the handle the call came by */
    const char                    *name;   /* the snapshot it names */
    const char                    *xml;    /* create only */
    unsigned                       flags;
    struct vireo_domain_snapshot  *snap;   /* a handle returned */
    struct vireo_domain_snapshot **snaps;  /* a list returned */
    char                          *text;   /* a document returned */
};

static struct snapshot_def *
find(struct domain_obj *obj, const char *name, struct vireo_error *err)
{
    struct snapshot_def *def = snapshot_list_find(obj->snapshots, name);

    if (def == NULL)
        error_set(err, VIR_ERR_NO_DOMAIN_SNAPSHOT, VIR_FROM_TEST,
                  "no domain snapshot with matching name '%s'", name);
    return def;
}

/* The io's handle on def, for the caller; -1 when memory is short. */
static int
give(struct snap_io *s, const struct snapshot_def *def,
     struct vireo_error *err)
{
    s->snap = handle_snapshot_new(s->dom, def->name, err);
    return s->snap != NULL ? 0 : -1;
}

static int
run_dom(struct vireo_domain *dom, test_dom_op op, struct snap_io *s,
        struct vireo_error *err)
{
    s->dom = dom;
    return test_call_dom(dom, op, s, err);
}

static int
run_snap(struct vireo_domain_snapshot *snap, test_dom_op op,
         struct snap_io *s, struct vireo_error *err)
{
    s->name = snap->name;
    return run_dom(snap->dom, op, s, err);
}

static void
emit(struct test_state *st, struct domain_obj *obj, int event, int detail)
{
    test_state_emit(st, obj, event, detail);
}

/* ---- Creating --------------------------------------------------------- */

static int
align_disk(struct snapshot_disk *out, const struct domain_disk *disk,
           const struct snapshot_def *def, struct vireo_error *err)
{
    const struct snapshot_disk *given = NULL;

    for (int i = 0; i < def->n_disks; i++)
        if (strcmp(def->disks[i].name, disk->target_dev) == 0)
            given = &def->disks[i];
    out->name = strdup(disk->target_dev);
    out->location = given != NULL && given->location != 0
                    ? given->location : SNAPSHOT_LOCATION_INTERNAL;
    out->file = given != NULL && given->file != NULL ? strdup(given->file)
                                                     : NULL;
    if (out->name == NULL || (given != NULL && given->file != NULL &&
                              out->file == NULL))
        return error_no_memory(err);
    return 0;
}

/* libvirt's virDomainSnapshotAlignDisks as the test driver asks it: one
 * entry per disk of the domain, in its order, internal unless the user
 * said otherwise; naming a disk the domain lacks is refused. */
static int
align_disks(struct snapshot_def *def, struct vireo_error *err)
{
    const struct domain_def *dom = def->dom;
    struct snapshot_disk *disks = NULL;
    int n = 0, rc = 0;

    for (int i = 0; i < def->n_disks; i++) {
        bool is_known = false;

        for (int j = 0; j < dom->n_disks; j++)
            is_known |= strcmp(dom->disks[j].target_dev,
                               def->disks[i].name) == 0;
        if (!is_known)
            return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_TEST,
                             "no disk named '%s'", def->disks[i].name);
    }
    if (dom->n_disks > 0 &&
        (disks = calloc((size_t)dom->n_disks, sizeof(*disks))) == NULL)
        return error_no_memory(err);
    for (; n < dom->n_disks && rc == 0; n++)
        rc = align_disk(&disks[n], &dom->disks[n], def, err);
    for (int i = 0; i < def->n_disks; i++) {
        free(def->disks[i].name);
        free(def->disks[i].file);
    }
    free(def->disks);
    def->disks = disks;
    def->n_disks = n;
    return rc;
}

/* Fill in what a new snapshot of obj records: the domain, its state, and
 * where memory and disks are kept. */
static int
describe(struct snapshot_def *def, const struct domain_obj *obj,
         struct vireo_error *err)
{
    def->dom = domain_def_copy(obj->def);
    if (def->dom == NULL)
        return error_no_memory(err);
    def->state = obj->state;
    if (def->memory != SNAPSHOT_LOCATION_EXTERNAL)
        def->memory = def->state == SNAPSHOT_STATE_SHUTOFF
                      ? SNAPSHOT_LOCATION_NO : SNAPSHOT_LOCATION_INTERNAL;
    return align_disks(def, err);
}

static int
ensure_list(struct domain_obj *obj, struct vireo_error *err)
{
    if (obj->snapshots == NULL)
        obj->snapshots = snapshot_list_new();
    return obj->snapshots != NULL ? 0 : error_no_memory(err);
}

/* A new snapshot: the child of the current one. */
static int
add_new(struct domain_obj *obj, struct snapshot_def *def,
        struct vireo_error *err)
{
    const struct snapshot_def *current = snapshot_list_current(obj->snapshots);

    if (describe(def, obj, err) < 0)
        return -1;
    if (snapshot_list_find(obj->snapshots, def->name) != NULL)
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_DOMAIN,
                         "domain moment %s already exists", def->name);
    if (current != NULL && (def->parent_name = strdup(current->name)) == NULL)
        return error_no_memory(err);
    return snapshot_list_add(obj->snapshots, def) < 0 ? error_no_memory(err)
                                                      : 0;
}

/* A snapshot given back whole (snapshot-edit, snapshot-create
 * --redefine): it replaces the one of that name, or joins the tree. */
static int
redefine(struct domain_obj *obj, struct snapshot_def *def,
         struct vireo_error *err)
{
    const struct snapshot_def *old;
    bool is_current;

    if (memcmp(def->dom->uuid, obj->def->uuid, VIREO_UUID_BUFLEN) != 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "definition for snapshot %s must use uuid of "
                         "domain %s", def->name, obj->def->name);
    if (def->parent_name != NULL &&
        snapshot_list_find(obj->snapshots, def->parent_name) == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                         "parent %s for snapshot %s not found",
                         def->parent_name, def->name);
    /* A snapshot given back in place of the current one stays current. */
    old = snapshot_list_find(obj->snapshots, def->name);
    is_current = old != NULL && old == snapshot_list_current(obj->snapshots);
    snapshot_list_remove(obj->snapshots, def->name);
    if (snapshot_list_add(obj->snapshots, def) < 0)
        return error_no_memory(err);
    if (is_current)
        snapshot_list_set_current(obj->snapshots, def);
    return 0;
}

static int
op_create(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct snap_io *s = io;
    bool is_redefine = (s->flags & VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE) != 0;
    bool is_current = !is_redefine ||
                      (s->flags & VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT) != 0;
    struct snapshot_def *def;
    int rc;

    /* libvirt's test driver keeps the two kinds of moments apart. */
    if (moment_list_count(obj->checkpoints) > 0)
        return error_set(err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_TEST,
                         "%s", "cannot create snapshot while checkpoint "
                         "exists");
    if (!obj->is_persistent && (s->flags & VIR_DOMAIN_SNAPSHOT_CREATE_HALT))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, "%s",
                         "cannot halt after transient domain snapshot");
    def = snapshot_def_parse(s->xml, is_redefine, err);
    if (def == NULL || ensure_list(obj, err) < 0) {
        snapshot_def_free(def);
        return -1;
    }
    rc = is_redefine ? redefine(obj, def, err) : add_new(obj, def, err);
    if (rc < 0) {
        snapshot_def_free(def);
        return -1;
    }
    if (is_current)
        snapshot_list_set_current(obj->snapshots, def);
    if (give(s, def, err) < 0)
        return -1;
    if (!is_redefine && (s->flags & VIR_DOMAIN_SNAPSHOT_CREATE_HALT) &&
        domain_obj_is_active(obj)) {
        test_transition_stop(st, obj, VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
        emit(st, obj, VIR_DOMAIN_EVENT_STOPPED,
             VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT);
    }
    return 0;
}

struct vireo_domain_snapshot *
testdrv_domain_snapshot_create_xml(struct vireo_domain *dom, const char *xml,
                                   unsigned flags, struct vireo_error *err)
{
    struct snap_io s = { .xml = xml, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, CREATE_FLAGS,
                          "testDomainSnapshotCreateXML") < 0 ||
        run_dom(dom, op_create, &s, err) < 0)
        return NULL;
    return s.snap;
}

/* ---- Listing ---------------------------------------------------------- */

/* Handles on the snapshots the listing rules pick, from s->name (NULL:
 * the domain's top). Returns how many. */
static int
collect(struct snap_io *s, struct domain_obj *obj, struct vireo_error *err)
{
    struct snapshot_def **defs;
    int n = snapshot_list_collect(obj->snapshots, s->name, s->flags, &defs);

    if (n < 0)
        return error_no_memory(err);
    if (s->name != NULL && find(obj, s->name, err) == NULL) {
        free(defs);
        return -1;
    }
    s->snaps = calloc((size_t)n + 1, sizeof(*s->snaps));
    for (int i = 0; s->snaps != NULL && i < n; i++) {
        s->snaps[i] = handle_snapshot_new(s->dom, defs[i]->name, err);
        if (s->snaps[i] == NULL) {
            handle_snapshot_array_free(s->snaps, i);
            s->snaps = NULL;
        }
    }
    free(defs);
    return s->snaps != NULL ? n : error_no_memory(err);
}

static int
op_list(struct test_state *st, struct domain_obj *obj, void *io,
        struct vireo_error *err)
{
    return collect(io, obj, err);
}

int
testdrv_domain_list_all_snapshots(struct vireo_domain *dom,
                                  struct vireo_domain_snapshot ***snaps,
                                  unsigned flags, struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };
    int n;

    if (error_check_flags(err, VIR_FROM_TEST, flags, LIST_FLAGS,
                          "testDomainListAllSnapshots") < 0)
        return -1;
    n = run_dom(dom, op_list, &s, err);
    *snaps = n >= 0 ? s.snaps : NULL;
    return n;
}

int
testdrv_domain_snapshot_list_all_children(struct vireo_domain_snapshot *snap,
                                          struct vireo_domain_snapshot ***snaps,
                                          unsigned flags,
                                          struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };
    int n;

    if (error_check_flags(err, VIR_FROM_TEST, flags, LIST_FLAGS,
                          "testDomainSnapshotListAllChildren") < 0)
        return -1;
    n = run_snap(snap, op_list, &s, err);
    *snaps = n >= 0 ? s.snaps : NULL;
    return n;
}

/* How many the listing rules pick, from s->name or the top. */
static int
op_count(struct test_state *st, struct domain_obj *obj, void *io,
         struct vireo_error *err)
{
    struct snap_io *s = io;
    struct snapshot_def **defs;
    int n;

    if (s->name != NULL && find(obj, s->name, err) == NULL)
        return -1;
    n = snapshot_list_collect(obj->snapshots, s->name, s->flags, &defs);
    free(defs);
    return n >= 0 ? n : error_no_memory(err);
}

int
testdrv_domain_snapshot_num(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, LIST_FLAGS,
                          "testDomainSnapshotNum") < 0)
        return -1;
    return run_dom(dom, op_count, &s, err);
}

int
testdrv_domain_snapshot_num_children(struct vireo_domain_snapshot *snap,
                                     unsigned flags, struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, LIST_FLAGS,
                          "testDomainSnapshotNumChildren") < 0)
        return -1;
    return run_snap(snap, op_count, &s, err);
}

/* ---- Single snapshots ------------------------------------------------- */

static int
op_lookup(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct snap_io *s = io;
    const struct snapshot_def *def = find(obj, s->name, err);

    return def != NULL ? give(s, def, err) : -1;
}

struct vireo_domain_snapshot *
testdrv_domain_snapshot_lookup_by_name(struct vireo_domain *dom,
                                       const char *name, unsigned flags,
                                       struct vireo_error *err)
{
    struct snap_io s = { .name = name };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainSnapshotLookupByName") < 0 ||
        run_dom(dom, op_lookup, &s, err) < 0)
        return NULL;
    return s.snap;
}

static int
op_has_current(struct test_state *st, struct domain_obj *obj, void *io,
               struct vireo_error *err)
{
    return snapshot_list_current(obj->snapshots) != NULL;
}

int
testdrv_domain_has_current_snapshot(struct vireo_domain *dom, unsigned flags,
                                    struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainHasCurrentSnapshot") < 0)
        return -1;
    return run_dom(dom, op_has_current, &s, err);
}

static int
op_current(struct test_state *st, struct domain_obj *obj, void *io,
           struct vireo_error *err)
{
    const struct snapshot_def *def = snapshot_list_current(obj->snapshots);

    if (def == NULL)
        return error_set(err, VIR_ERR_NO_DOMAIN_SNAPSHOT, VIR_FROM_TEST, "%s",
                         "the domain does not have a current snapshot");
    return give(io, def, err);
}

struct vireo_domain_snapshot *
testdrv_domain_snapshot_current(struct vireo_domain *dom, unsigned flags,
                                struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainSnapshotCurrent") < 0 ||
        run_dom(dom, op_current, &s, err) < 0)
        return NULL;
    return s.snap;
}

static int
op_parent(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct snap_io *s = io;
    const struct snapshot_def *def = find(obj, s->name, err);

    if (def == NULL)
        return -1;
    if (def->parent_name == NULL)
        return error_set(err, VIR_ERR_NO_DOMAIN_SNAPSHOT, VIR_FROM_TEST,
                         "snapshot '%s' does not have a parent", def->name);
    s->snap = handle_snapshot_new(s->dom, def->parent_name, err);
    return s->snap != NULL ? 0 : -1;
}

struct vireo_domain_snapshot *
testdrv_domain_snapshot_get_parent(struct vireo_domain_snapshot *snap,
                                   unsigned flags, struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainSnapshotGetParent") < 0 ||
        run_snap(snap, op_parent, &s, err) < 0)
        return NULL;
    return s.snap;
}

static int
op_xml(struct test_state *st, struct domain_obj *obj, void *io,
       struct vireo_error *err)
{
    struct snap_io *s = io;
    const struct snapshot_def *def = find(obj, s->name, err);

    if (def == NULL)
        return -1;
    s->text = snapshot_def_format(def);
    return s->text != NULL ? 0 : error_no_memory(err);
}

char *
testdrv_domain_snapshot_get_xml_desc(struct vireo_domain_snapshot *snap,
                                     unsigned flags, struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, VIR_DOMAIN_XML_SECURE,
                          "testDomainSnapshotGetXMLDesc") < 0 ||
        run_snap(snap, op_xml, &s, err) < 0)
        return NULL;
    return s.text;
}

static int
op_is_current(struct test_state *st, struct domain_obj *obj, void *io,
              struct vireo_error *err)
{
    struct snap_io *s = io;
    const struct snapshot_def *def = find(obj, s->name, err);

    if (def == NULL)
        return -1;
    return def == snapshot_list_current(obj->snapshots);
}

int
testdrv_domain_snapshot_is_current(struct vireo_domain_snapshot *snap,
                                   unsigned flags, struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainSnapshotIsCurrent") < 0)
        return -1;
    return run_snap(snap, op_is_current, &s, err);
}

/* Every snapshot here is known by its metadata. */
static int
op_has_metadata(struct test_state *st, struct domain_obj *obj, void *io,
                struct vireo_error *err)
{
    struct snap_io *s = io;

    return find(obj, s->name, err) != NULL ? 1 : -1;
}

int
testdrv_domain_snapshot_has_metadata(struct vireo_domain_snapshot *snap,
                                     unsigned flags, struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainSnapshotHasMetadata") < 0)
        return -1;
    return run_snap(snap, op_has_metadata, &s, err);
}

/* ---- Reverting -------------------------------------------------------- */

static bool
is_live(int snapshot_state)
{
    return snapshot_state == SNAPSHOT_STATE_RUNNING ||
           snapshot_state == SNAPSHOT_STATE_PAUSED;
}

/* libvirtd 9.0's test driver stops a running domain whatever the
 * snapshot, then runs it again if the snapshot was taken live or the
 * caller asks: STOPPED, then STARTED and SUSPENDED, all FROM_SNAPSHOT.
 * A shut-off domain reverted to a shut-off snapshot keeps its reason. */
static void
revert(struct test_state *st, struct domain_obj *obj,
       const struct snapshot_def *def, struct domain_def *config,
       unsigned flags)
{
    bool is_asked = (flags & (VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                              VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED)) != 0;
    bool is_paused = !(flags & VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING) &&
                     (def->state == SNAPSHOT_STATE_PAUSED ||
                      (flags & VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED));

    if (domain_obj_is_active(obj)) {
        test_transition_stop(st, obj, VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
        emit(st, obj, VIR_DOMAIN_EVENT_STOPPED,
             VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT);
    }
    domain_def_free(obj->def);
    obj->def = config;
    if (!is_live(def->state) && !is_asked)
        return;
    test_transition_start(st, obj, false);
    obj->reason = VIR_DOMAIN_RUNNING_FROM_SNAPSHOT;
    emit(st, obj, VIR_DOMAIN_EVENT_STARTED,
         VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT);
    if (!is_paused)
        return;
    test_transition_pause(obj, VIR_DOMAIN_PAUSED_FROM_SNAPSHOT);
    emit(st, obj, VIR_DOMAIN_EVENT_SUSPENDED,
         VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT);
}

static int
op_revert(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct snap_io *s = io;
    const struct snapshot_def *def = find(obj, s->name, err);
    struct domain_def *config;

    if (def == NULL)
        return -1;
    if (!obj->is_persistent && !is_live(def->state) &&
        !(s->flags & (VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                      VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED)))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, "%s",
                         "transient domain needs to request run or pause "
                         "to revert to inactive snapshot");
    config = domain_def_copy(def->dom);
    if (config == NULL)
        return error_no_memory(err);
    revert(st, obj, def, config, s->flags);
    snapshot_list_set_current(obj->snapshots, def);
    return 0;
}

int
testdrv_domain_revert_to_snapshot(struct vireo_domain_snapshot *snap,
                                  unsigned flags, struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, REVERT_FLAGS,
                          "testDomainRevertToSnapshot") < 0)
        return -1;
    return run_snap(snap, op_revert, &s, err);
}

/* ---- Deleting --------------------------------------------------------- */

static int
op_delete(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct snap_io *s = io;
    struct snapshot_def *def = find(obj, s->name, err);
    int had_current;

    if (def == NULL)
        return -1;
    if (s->flags & (VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN |
                    VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)) {
        had_current = snapshot_list_drop_descendants(obj->snapshots,
                                                     s->name);
        if (had_current < 0)
            return error_no_memory(err);
        if (had_current)
            snapshot_list_set_current(obj->snapshots, def);
    }
    if (s->flags & VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)
        return 0;
    return snapshot_list_drop_one(obj->snapshots, s->name) < 0
           ? error_no_memory(err) : 0;
}

int
testdrv_domain_snapshot_delete(struct vireo_domain_snapshot *snap,
                               unsigned flags, struct vireo_error *err)
{
    struct snap_io s = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, DELETE_FLAGS,
                          "testDomainSnapshotDelete") < 0)
        return -1;
    return run_snap(snap, op_delete, &s, err);
}
