/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_checkpoint.c: domain checkpoints as libvirt's test driver keeps
 * them: in memory, on the domain object (domain_list.h), each holding a
 * copy of the domain's definition at the time and one entry per disk
 * (a bitmap, or nothing). The test driver has nothing to record on disk,
 * so a checkpoint is only its metadata. A domain holds either snapshots
 * or checkpoints, never both, and only a running one takes checkpoints.
 * Every operation runs on the test driver's thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/checkpoint_handle.h"
#include "drivers/conf/checkpoint_xml.h"
#include "drivers/conf/domain_def.h"
#include "drivers/conf/uuid.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/moment_list.h"
#include "drivers/snapshot_list.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

#define CREATE_FLAGS  (VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE | \
                       VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE)
#define LIST_FLAGS    (VIR_DOMAIN_CHECKPOINT_LIST_ROOTS |       \
                       VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL | \
                       VIR_DOMAIN_CHECKPOINT_LIST_LEAVES |      \
                       VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES)
#define XML_FLAGS     (VIR_DOMAIN_CHECKPOINT_XML_SECURE |    \
                       VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN | \
                       VIR_DOMAIN_CHECKPOINT_XML_SIZE)
#define DELETE_FLAGS  (VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |      \
                       VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY | \
                       VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY)

static void
free_def(void *def)
{
    checkpoint_def_free(def);
}

/* Checkpoints filter only on leaves, which the list does itself. */
static const struct moment_kind checkpoint_kind = {
    .name_offset      = offsetof(struct checkpoint_def, name),
    .parent_offset    = offsetof(struct checkpoint_def, parent_name),
    .topological_flag = VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL,
    .free             = free_def,
};

/* One call's arguments and results, whichever the call. */
struct chk_io {
    struct vireo_domain             *dom;   /* the handle the call came by */
    const char                      *name;  /* the checkpoint it names */
    const char                      *xml;   /* create only */
    unsigned                         flags;
    struct vireo_domain_checkpoint  *chk;   /* a handle returned */
    struct vireo_domain_checkpoint **chks;  /* a list returned */
    char                            *text;  /* a document returned */
};

static struct checkpoint_def *
find(struct domain_obj *obj, const char *name, struct vireo_error *err)
{
    struct checkpoint_def *def = moment_list_find(obj->checkpoints, name);

    if (def == NULL)
        error_set(err, VIR_ERR_NO_DOMAIN_CHECKPOINT, VIR_FROM_TEST,
                  "no domain checkpoint with matching name '%s'", name);
    return def;
}

/* The io's handle on the checkpoint named name; -1 when memory is short. */
static int
give(struct chk_io *c, const char *name, struct vireo_error *err)
{
    c->chk = handle_checkpoint_new(c->dom, name, err);
    return c->chk != NULL ? 0 : -1;
}

static int
run_dom(struct vireo_domain *dom, test_dom_op op, struct chk_io *c,
        struct vireo_error *err)
{
    c->dom = dom;
    return test_call_dom(dom, op, c, err);
}

static int
run_chk(struct vireo_domain_checkpoint *chk, test_dom_op op,
        struct chk_io *c, struct vireo_error *err)
{
    c->name = chk->name;
    return run_dom(chk->dom, op, c, err);
}

/* ---- Creating --------------------------------------------------------- */

/* libvirt's virDomainMomentCheckCycles: a redefined checkpoint's parent
 * exists and is not among its own descendants. */
static int
check_cycles(struct domain_obj *obj, const struct checkpoint_def *def,
             struct vireo_error *err)
{
    const struct checkpoint_def *other;
    int hops = 0;

    if (def->parent_name == NULL)
        return 0;
    if (strcmp(def->name, def->parent_name) == 0)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN_CHECKPOINT,
                         "cannot set moment %s as its own parent", def->name);
    other = moment_list_find(obj->checkpoints, def->parent_name);
    if (other == NULL)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN_CHECKPOINT,
                         "parent %s for moment %s not found",
                         def->parent_name, def->name);
    for (; other != NULL && other->parent_name != NULL &&
           hops <= moment_list_count(obj->checkpoints); hops++) {
        if (strcmp(other->parent_name, def->name) == 0)
            return error_set(err, VIR_ERR_INVALID_ARG,
                             VIR_FROM_DOMAIN_CHECKPOINT,
                             "parent %s would create cycle to %s",
                             other->name, def->name);
        other = moment_list_find(obj->checkpoints, other->parent_name);
    }
    return 0;
}

/* libvirt's virDomainCheckpointRedefinePrep: the checkpoint given back
 * whole fits the domain; *is_current says whether it becomes current
 * (its parent is, or there is none). */
static int
prepare_redefined(struct domain_obj *obj, struct checkpoint_def *def,
                  bool *is_current, struct vireo_error *err)
{
    const struct checkpoint_def *current =
        moment_list_current(obj->checkpoints);
    char uuid[VIREO_UUID_STRING_BUFLEN];

    if (check_cycles(obj, def, err) < 0)
        return -1;
    if (def->dom != NULL &&
        memcmp(def->dom->uuid, obj->def->uuid, VIREO_UUID_BUFLEN) != 0) {
        uuid_format(obj->def->uuid, uuid);
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN_CHECKPOINT,
                         "definition for checkpoint %s must use uuid %s",
                         def->name, uuid);
    }
    if ((def->dom != NULL ? checkpoint_def_align_disks(def, err)
                          : checkpoint_def_name_bitmaps(def, err)) < 0)
        return -1;
    *is_current = current == NULL ||
                  (def->parent_name != NULL &&
                   strcmp(def->parent_name, current->name) == 0);
    return 0;
}

/* A redefined checkpoint replaces the one of its name, whose children
 * keep it as their parent, or joins the tree. */
static int
commit_redefined(struct domain_obj *obj, struct checkpoint_def *def,
                 struct vireo_error *err)
{
    const struct checkpoint_def *old =
        moment_list_find(obj->checkpoints, def->name);
    bool was_current = old != NULL &&
                       old == moment_list_current(obj->checkpoints);

    moment_list_remove(obj->checkpoints, def->name);
    if (moment_list_add(obj->checkpoints, def) < 0)
        return error_no_memory(err);
    if (was_current)
        moment_list_set_current(obj->checkpoints, def);
    return 0;
}

/* A new checkpoint of the running domain: the child of the current one. */
static int
add_new(struct domain_obj *obj, struct checkpoint_def *def,
        struct vireo_error *err)
{
    const struct checkpoint_def *current =
        moment_list_current(obj->checkpoints);

    def->dom = domain_def_copy(obj->def);
    if (def->dom == NULL)
        return error_no_memory(err);
    if (checkpoint_def_align_disks(def, err) < 0)
        return -1;
    if (moment_list_find(obj->checkpoints, def->name) != NULL)
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_DOMAIN,
                         "domain moment %s already exists", def->name);
    if (current != NULL && (def->parent_name = strdup(current->name)) == NULL)
        return error_no_memory(err);
    return moment_list_add(obj->checkpoints, def) < 0 ? error_no_memory(err)
                                                       : 0;
}

/* What refuses any checkpoint of obj, before its document is read. */
static int
check_can_create(struct domain_obj *obj, struct vireo_error *err)
{
    if (snapshot_list_count(obj->snapshots) > 0)
        return error_set(err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_TEST,
                         "%s", "cannot create checkpoint while snapshot "
                         "exists");
    if (!domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_TEST,
                         "%s", "cannot create checkpoint for inactive "
                         "domain");
    if (obj->checkpoints == NULL &&
        (obj->checkpoints = moment_list_new(&checkpoint_kind)) == NULL)
        return error_no_memory(err);
    return 0;
}

static int
op_create(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct chk_io *c = io;
    bool is_redefine = (c->flags & VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE) != 0;
    bool is_current = !is_redefine;
    struct checkpoint_def *def;
    int rc;

    if (check_can_create(obj, err) < 0)
        return -1;
    def = checkpoint_def_parse(c->xml, is_redefine, err);
    if (def == NULL)
        return -1;
    rc = is_redefine ? prepare_redefined(obj, def, &is_current, err) : 0;
    if (rc == 0)
        rc = is_redefine ? commit_redefined(obj, def, err)
                         : add_new(obj, def, err);
    if (rc < 0) {
        checkpoint_def_free(def);
        return -1;
    }
    if (is_current)
        moment_list_set_current(obj->checkpoints, def);
    return give(c, def->name, err);
}

struct vireo_domain_checkpoint *
testdrv_domain_checkpoint_create_xml(struct vireo_domain *dom,
                                     const char *xml, unsigned flags,
                                     struct vireo_error *err)
{
    struct chk_io c = { .xml = xml, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, CREATE_FLAGS,
                          "testDomainCheckpointCreateXML") < 0 ||
        run_dom(dom, op_create, &c, err) < 0)
        return NULL;
    return c.chk;
}

/* ---- Listing ---------------------------------------------------------- */

/* Handles on the checkpoints the listing rules pick, from c->name (NULL:
 * the domain's top). Returns how many. */
static int
op_list(struct test_state *st, struct domain_obj *obj, void *io,
        struct vireo_error *err)
{
    struct chk_io *c = io;
    struct checkpoint_def **defs;
    int n;

    if (c->name != NULL && find(obj, c->name, err) == NULL)
        return -1;
    n = moment_list_collect(obj->checkpoints, c->name, c->flags,
                            (void ***)&defs);
    if (n < 0)
        return error_no_memory(err);
    c->chks = calloc((size_t)n + 1, sizeof(*c->chks));
    for (int i = 0; c->chks != NULL && i < n; i++) {
        c->chks[i] = handle_checkpoint_new(c->dom, defs[i]->name, err);
        if (c->chks[i] == NULL) {
            handle_checkpoint_array_free(c->chks, i);
            c->chks = NULL;
        }
    }
    free(defs);
    return c->chks != NULL ? n : error_no_memory(err);
}

/* The n handles listed to the caller, or dropped when it only counts
 * (chks NULL). Returns n. */
static int
hand_over(struct chk_io *c, int n, struct vireo_domain_checkpoint ***chks)
{
    if (chks != NULL)
        *chks = n >= 0 ? c->chks : NULL;
    else if (n >= 0)
        handle_checkpoint_array_free(c->chks, n);
    return n;
}

int
testdrv_domain_list_all_checkpoints(struct vireo_domain *dom,
                                    struct vireo_domain_checkpoint ***chks,
                                    unsigned flags, struct vireo_error *err)
{
    struct chk_io c = { .flags = flags };
    int n;

    if (error_check_flags(err, VIR_FROM_TEST, flags, LIST_FLAGS,
                          "testDomainListAllCheckpoints") < 0)
        return -1;
    n = run_dom(dom, op_list, &c, err);
    return hand_over(&c, n, chks);
}

int
testdrv_domain_checkpoint_list_all_children(
    struct vireo_domain_checkpoint *chk,
    struct vireo_domain_checkpoint ***chks, unsigned flags,
    struct vireo_error *err)
{
    struct chk_io c = { .flags = flags };
    int n;

    if (error_check_flags(err, VIR_FROM_TEST, flags, LIST_FLAGS,
                          "testDomainCheckpointListAllChildren") < 0)
        return -1;
    n = run_chk(chk, op_list, &c, err);
    return hand_over(&c, n, chks);
}

/* ---- Single checkpoints ----------------------------------------------- */

static int
op_lookup(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct chk_io *c = io;
    const struct checkpoint_def *def = find(obj, c->name, err);

    return def != NULL ? give(c, def->name, err) : -1;
}

struct vireo_domain_checkpoint *
testdrv_domain_checkpoint_lookup_by_name(struct vireo_domain *dom,
                                         const char *name, unsigned flags,
                                         struct vireo_error *err)
{
    struct chk_io c = { .name = name };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainCheckpointLookupByName") < 0 ||
        run_dom(dom, op_lookup, &c, err) < 0)
        return NULL;
    return c.chk;
}

static int
op_parent(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct chk_io *c = io;
    const struct checkpoint_def *def = find(obj, c->name, err);

    if (def == NULL)
        return -1;
    if (def->parent_name == NULL)
        return error_set(err, VIR_ERR_NO_DOMAIN_CHECKPOINT, VIR_FROM_TEST,
                         "checkpoint '%s' does not have a parent", def->name);
    return give(c, def->parent_name, err);
}

struct vireo_domain_checkpoint *
testdrv_domain_checkpoint_get_parent(struct vireo_domain_checkpoint *chk,
                                     unsigned flags, struct vireo_error *err)
{
    struct chk_io c = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainCheckpointGetParent") < 0 ||
        run_chk(chk, op_parent, &c, err) < 0)
        return NULL;
    return c.chk;
}

/* SIZE asks how much each bitmap holds, which only a running domain
 * knows; libvirt's test driver then reports nothing more. */
static int
op_xml(struct test_state *st, struct domain_obj *obj, void *io,
       struct vireo_error *err)
{
    struct chk_io *c = io;
    const struct checkpoint_def *def = find(obj, c->name, err);

    if (def == NULL)
        return -1;
    if ((c->flags & VIR_DOMAIN_CHECKPOINT_XML_SIZE) &&
        !domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, "%s",
                         "domain is not running");
    c->text = checkpoint_def_format(
        def, (c->flags & VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN) != 0);
    return c->text != NULL ? 0 : error_no_memory(err);
}

char *
testdrv_domain_checkpoint_get_xml_desc(struct vireo_domain_checkpoint *chk,
                                       unsigned flags,
                                       struct vireo_error *err)
{
    struct chk_io c = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, XML_FLAGS,
                          "testDomainCheckpointGetXMLDesc") < 0 ||
        run_chk(chk, op_xml, &c, err) < 0)
        return NULL;
    return c.text;
}

/* ---- Deleting --------------------------------------------------------- */

/* With CHILDREN or CHILDREN_ONLY the descendants go (and the current mark
 * moves up to this one if it was among them); then, unless
 * CHILDREN_ONLY, this one goes and its children move up to its parent.
 * There is only metadata to delete, so METADATA_ONLY changes nothing. */
static int
op_delete(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    struct chk_io *c = io;
    struct checkpoint_def *def = find(obj, c->name, err);
    int had_current;

    if (def == NULL)
        return -1;
    if (c->flags & (VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                    VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY)) {
        had_current = moment_list_drop_descendants(obj->checkpoints,
                                                   c->name);
        if (had_current < 0)
            return error_no_memory(err);
        if (had_current)
            moment_list_set_current(obj->checkpoints, def);
    }
    if (c->flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY)
        return 0;
    return moment_list_drop_one(obj->checkpoints, c->name) < 0
           ? error_no_memory(err) : 0;
}

int
testdrv_domain_checkpoint_delete(struct vireo_domain_checkpoint *chk,
                                 unsigned flags, struct vireo_error *err)
{
    struct chk_io c = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, DELETE_FLAGS,
                          "testDomainCheckpointDelete") < 0)
        return -1;
    return run_chk(chk, op_delete, &c, err);
}
