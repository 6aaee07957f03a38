/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_iface.c: host interfaces as libvirt's test driver serves them:
 * definitions in memory (test_hostobj.h), each up or down, defined,
 * undefined, started and stopped with no effect on the real host, and
 * change transactions: begin keeps a copy of every definition, commit
 * drops it, rollback puts it back (libvirt's copy keeps the definitions
 * only, so every interface is down after a rollback). Every operation
 * runs on the test driver's thread (test_call.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "drivers/conf/interface_xml.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/interface_handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_hostobj.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"

#define LIST_FLAGS (VIR_CONNECT_LIST_INTERFACES_INACTIVE | \
                    VIR_CONNECT_LIST_INTERFACES_ACTIVE)

/* One call's arguments and results, whichever the call. */
struct if_io {
    struct vireo_conn       *conn;
    const char              *name;     /* the interface a call names */
    const char              *mac;
    const char              *xml;
    unsigned                 flags;
    bool                     is_active;  /* which ones a count wants,
                                          * or the state to set */
    bool                     is_rollback;
    char                   **names;
    int                      maxnames;
    struct vireo_interface  *iface;    /* a handle returned */
    struct vireo_interface **ifaces;   /* a list returned */
    bool                     wants_list;
    char                    *text;     /* a document returned */
};

static struct test_hostobj *
objs(struct test_state *st)
{
    return st->hostobj;
}

static int
find_index(struct test_hostobj *ho, const char *name)
{
    for (int i = 0; i < ho->n_ifaces; i++)
        if (strcmp(ho->ifaces[i].def->name, name) == 0)
            return i;
    return -1;
}

static struct test_iface *
find(struct test_state *st, const char *name, struct vireo_error *err)
{
    int i = find_index(objs(st), name);

    if (i < 0) {
        error_set(err, VIR_ERR_NO_INTERFACE, VIR_FROM_TEST,
                  "no interface with matching name '%s'", name);
        return NULL;
    }
    return &objs(st)->ifaces[i];
}

static int
run(struct vireo_conn *conn, test_op op, struct if_io *io,
    struct vireo_error *err)
{
    io->conn = conn;
    return test_call(conn, op, io, err);
}

static int
run_iface(struct vireo_interface *iface, test_op op, struct if_io *io,
          struct vireo_error *err)
{
    io->name = iface->name;
    return run(iface->conn, op, io, err);
}

/* ---- Listing ---------------------------------------------------------- */

/* Count (names NULL) or name the interfaces up (is_active) or down. */
static int
op_names(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_hostobj *ho = objs(st);
    const char **matching = calloc((size_t)ho->n_ifaces + 1,
                                   sizeof(*matching));
    int n = 0;

    if (matching == NULL)
        return error_no_memory(err);
    for (int i = 0; i < ho->n_ifaces; i++)
        if (ho->ifaces[i].is_active == io->is_active)
            matching[n++] = ho->ifaces[i].def->name;
    if (io->names != NULL)
        n = test_hostobj_copy_names(io->names, io->maxnames, matching, n,
                                    err);
    free(matching);
    return n;
}

static bool
matches(const struct test_iface *ti, unsigned flags)
{
    unsigned state = flags & LIST_FLAGS;
    bool wants_active = (state & VIR_CONNECT_LIST_INTERFACES_ACTIVE) != 0;

    if (state == 0 || state == LIST_FLAGS)
        return true;
    return ti->is_active == wants_active;
}

static struct vireo_interface *
handle_of(struct vireo_conn *conn, const struct iface_def *def,
          struct vireo_error *err)
{
    return handle_iface_new(conn, def->name, def->mac, err);
}

static int
op_list_all(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_hostobj *ho = objs(st);
    int n = 0;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, LIST_FLAGS,
                          "testConnectListAllInterfaces") < 0)
        return -1;
    if (io->wants_list) {
        io->ifaces = calloc((size_t)ho->n_ifaces + 1, sizeof(*io->ifaces));
        if (io->ifaces == NULL)
            return error_no_memory(err);
    }
    for (int i = 0; i < ho->n_ifaces; i++) {
        if (!matches(&ho->ifaces[i], io->flags))
            continue;
        if (io->wants_list &&
            (io->ifaces[n] = handle_of(io->conn, ho->ifaces[i].def,
                                       err)) == NULL) {
            handle_iface_array_free(io->ifaces, n);
            io->ifaces = NULL;
            return -1;
        }
        n++;
    }
    return n;
}

int
testdrv_connect_num_of_interfaces(struct vireo_conn *conn,
                                  struct vireo_error *err)
{
    struct if_io io = { .is_active = true };

    return run(conn, op_names, &io, err);
}

int
testdrv_connect_list_interfaces(struct vireo_conn *conn, char **names,
                                int maxnames, struct vireo_error *err)
{
    struct if_io io = { .is_active = true, .names = names,
                        .maxnames = maxnames };

    return names == NULL ? 0 : run(conn, op_names, &io, err);
}

int
testdrv_connect_num_of_defined_interfaces(struct vireo_conn *conn,
                                          struct vireo_error *err)
{
    struct if_io io = { .is_active = false };

    return run(conn, op_names, &io, err);
}

int
testdrv_connect_list_defined_interfaces(struct vireo_conn *conn,
                                        char **names, int maxnames,
                                        struct vireo_error *err)
{
    struct if_io io = { .is_active = false, .names = names,
                        .maxnames = maxnames };

    return names == NULL ? 0 : run(conn, op_names, &io, err);
}

int
testdrv_connect_list_all_interfaces(struct vireo_conn *conn,
                                    struct vireo_interface ***ifaces,
                                    unsigned flags, struct vireo_error *err)
{
    struct if_io io = { .flags = flags, .wants_list = ifaces != NULL };
    int n = run(conn, op_list_all, &io, err);

    if (ifaces != NULL)
        *ifaces = n >= 0 ? io.ifaces : NULL;
    return n;
}

/* ---- Lookups and documents -------------------------------------------- */

static int
op_lookup(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_iface *ti = find(st, io->name, err);

    if (ti == NULL)
        return -1;
    io->iface = handle_of(io->conn, ti->def, err);
    return io->iface != NULL ? 0 : -1;
}

/* libvirt compares MAC addresses without regard to case, and names the
 * handle with the address as the caller wrote it. */
static int
op_lookup_mac(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_hostobj *ho = objs(st);
    const char *name = NULL;
    int n = 0;

    for (int i = 0; i < ho->n_ifaces; i++) {
        const char *mac = ho->ifaces[i].def->mac;

        if (mac != NULL && strcasecmp(mac, io->mac) == 0) {
            name = ho->ifaces[i].def->name;
            n++;
        }
    }
    if (n == 0)
        return error_set(err, VIR_ERR_NO_INTERFACE, VIR_FROM_TEST,
                         "no interface with matching mac '%s'", io->mac);
    if (n > 1)
        return error_set(err, VIR_ERR_MULTIPLE_INTERFACES, VIR_FROM_TEST,
                         "%s", "");
    io->iface = handle_iface_new(io->conn, name, io->mac, err);
    return io->iface != NULL ? 0 : -1;
}

static int
op_is_active(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_iface *ti = find(st, io->name, err);

    return ti == NULL ? -1 : ti->is_active;
}

static int
op_xml(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_iface *ti;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, 0,
                          "testInterfaceGetXMLDesc") < 0 ||
        (ti = find(st, io->name, err)) == NULL)
        return -1;
    io->text = iface_def_format(ti->def);
    return io->text != NULL ? 0 : error_no_memory(err);
}

struct vireo_interface *
testdrv_interface_lookup_by_name(struct vireo_conn *conn, const char *name,
                                 struct vireo_error *err)
{
    struct if_io io = { .name = name };

    return run(conn, op_lookup, &io, err) < 0 ? NULL : io.iface;
}

struct vireo_interface *
testdrv_interface_lookup_by_mac_string(struct vireo_conn *conn,
                                       const char *mac,
                                       struct vireo_error *err)
{
    struct if_io io = { .mac = mac };

    return run(conn, op_lookup_mac, &io, err) < 0 ? NULL : io.iface;
}

int
testdrv_interface_is_active(struct vireo_interface *iface,
                            struct vireo_error *err)
{
    struct if_io io = { 0 };

    return run_iface(iface, op_is_active, &io, err);
}

char *
testdrv_interface_get_xml_desc(struct vireo_interface *iface, unsigned flags,
                               struct vireo_error *err)
{
    struct if_io io = { .flags = flags };

    return run_iface(iface, op_xml, &io, err) < 0 ? NULL : io.text;
}

/* ---- Definition and state --------------------------------------------- */

/* Put def in the list (taken over): a new interface is down; one that
 * replaces another of its name keeps that one's state. */
static struct test_iface *
assign(struct test_hostobj *ho, struct iface_def *def,
       struct vireo_error *err)
{
    int i = find_index(ho, def->name);
    struct test_iface *grown;

    if (i >= 0) {
        iface_def_free(ho->ifaces[i].def);
        ho->ifaces[i].def = def;
        return &ho->ifaces[i];
    }
    grown = realloc(ho->ifaces, ((size_t)ho->n_ifaces + 1) * sizeof(*grown));
    if (grown == NULL) {
        iface_def_free(def);
        error_no_memory(err);
        return NULL;
    }
    ho->ifaces = grown;
    grown[ho->n_ifaces] = (struct test_iface){ .def = def };
    return &grown[ho->n_ifaces++];
}

static int
op_define(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct iface_def *def;
    struct test_iface *ti;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags,
                          VIR_INTERFACE_DEFINE_VALIDATE,
                          "testInterfaceDefineXML") < 0)
        return -1;
    def = iface_def_parse(io->xml, err);
    if (def == NULL || (ti = assign(objs(st), def, err)) == NULL)
        return -1;
    io->iface = handle_of(io->conn, ti->def, err);
    return io->iface != NULL ? 0 : -1;
}

static int
op_undefine(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_hostobj *ho = objs(st);
    int i;

    if (find(st, io->name, err) == NULL)
        return -1;
    i = find_index(ho, io->name);
    iface_def_free(ho->ifaces[i].def);
    memmove(&ho->ifaces[i], &ho->ifaces[i + 1],
            (size_t)(ho->n_ifaces - i - 1) * sizeof(*ho->ifaces));
    ho->n_ifaces--;
    return 0;
}

/* Bring the interface up (io->is_active) or down; libvirt's test driver
 * refuses a change to the state it is already in, saying no more. */
static int
op_set_state(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_iface *ti;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, 0,
                          io->is_active ? "testInterfaceCreate"
                                        : "testInterfaceDestroy") < 0 ||
        (ti = find(st, io->name, err)) == NULL)
        return -1;
    if (ti->is_active == io->is_active)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "%s", "");
    ti->is_active = io->is_active;
    return 0;
}

struct vireo_interface *
testdrv_interface_define_xml(struct vireo_conn *conn, const char *xml,
                             unsigned flags, struct vireo_error *err)
{
    struct if_io io = { .xml = xml, .flags = flags };

    return run(conn, op_define, &io, err) < 0 ? NULL : io.iface;
}

int
testdrv_interface_undefine(struct vireo_interface *iface,
                           struct vireo_error *err)
{
    struct if_io io = { 0 };

    return run_iface(iface, op_undefine, &io, err);
}

int
testdrv_interface_create(struct vireo_interface *iface, unsigned flags,
                         struct vireo_error *err)
{
    struct if_io io = { .flags = flags, .is_active = true };

    return run_iface(iface, op_set_state, &io, err);
}

int
testdrv_interface_destroy(struct vireo_interface *iface, unsigned flags,
                          struct vireo_error *err)
{
    struct if_io io = { .flags = flags, .is_active = false };

    return run_iface(iface, op_set_state, &io, err);
}

/* ---- Change transactions ---------------------------------------------- */

/* The copy rollback restores: every definition, every interface down. */
static int
snapshot_ifaces(struct test_hostobj *ho, struct vireo_error *err)
{
    ho->backup = calloc((size_t)ho->n_ifaces + 1, sizeof(*ho->backup));
    if (ho->backup == NULL)
        return error_no_memory(err);
    for (int i = 0; i < ho->n_ifaces; i++) {
        ho->backup[i].def = iface_def_copy(ho->ifaces[i].def);
        if (ho->backup[i].def == NULL) {
            test_hostobj_ifaces_free(ho->backup, ho->n_backup);
            ho->backup = NULL;
            ho->n_backup = 0;
            return error_no_memory(err);
        }
        ho->n_backup++;
    }
    return 0;
}

static int
op_begin(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_hostobj *ho = objs(st);

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, 0,
                          "testInterfaceChangeBegin") < 0)
        return -1;
    if (ho->is_transaction_running)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, "%s",
                         "there is another transaction running.");
    if (snapshot_ifaces(ho, err) < 0)
        return -1;
    ho->is_transaction_running = true;
    return 0;
}

static int
op_end(struct test_state *st, void *v, struct vireo_error *err)
{
    struct if_io *io = v;
    struct test_hostobj *ho = objs(st);
    bool is_rollback = io->is_rollback;

    if (error_check_flags(err, VIR_FROM_TEST, io->flags, 0,
                          is_rollback ? "testInterfaceChangeRollback"
                                      : "testInterfaceChangeCommit") < 0)
        return -1;
    if (!ho->is_transaction_running)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, "%s",
                         is_rollback ? "no transaction running, nothing to "
                                       "rollback."
                                     : "no transaction running, nothing to "
                                       "be committed.");
    if (is_rollback) {
        test_hostobj_ifaces_free(ho->ifaces, ho->n_ifaces);
        ho->ifaces = ho->backup;
        ho->n_ifaces = ho->n_backup;
    } else {
        test_hostobj_ifaces_free(ho->backup, ho->n_backup);
    }
    ho->backup = NULL;
    ho->n_backup = 0;
    ho->is_transaction_running = false;
    return 0;
}

int
testdrv_interface_change_begin(struct vireo_conn *conn, unsigned flags,
                               struct vireo_error *err)
{
    struct if_io io = { .flags = flags };

    return run(conn, op_begin, &io, err);
}

int
testdrv_interface_change_commit(struct vireo_conn *conn, unsigned flags,
                                struct vireo_error *err)
{
    struct if_io io = { .flags = flags, .is_rollback = false };

    return run(conn, op_end, &io, err);
}

int
testdrv_interface_change_rollback(struct vireo_conn *conn, unsigned flags,
                                  struct vireo_error *err)
{
    struct if_io io = { .flags = flags, .is_rollback = true };

    return run(conn, op_end, &io, err);
}
