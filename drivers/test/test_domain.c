/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_domain.c: defining domains and moving them through their states,
 * with libvirt's test driver's checks, errors and lifecycle events. Every
 * operation runs on the test driver's thread (test_call.h): check, change,
 * and queue the event, which the event loop delivers later.
 */
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_event.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/snapshot_list.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_domain.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_transition.h"

/* Flags libvirt's test driver accepts: undefining may drop the managed
 * save image and the snapshots' metadata (checkpoints go with the domain
 * whatever the flags, as in libvirt's test driver), and
 * every reboot method resets an imaginary guest alike. */
#define UNDEFINE_FLAGS      (1u | 2u | 16u)  /* MANAGED_SAVE, SNAPSHOTS_ and
                                                CHECKPOINTS_METADATA */
#define DESTROY_FLAGS       1u               /* GRACEFUL */
#define REBOOT_FLAGS        0x1fu            /* ACPI_POWER_BTN .. PARAVIRT */

/* A state change's flags travel as its io. */
static unsigned
flags_of(const void *io)
{
    return *(const unsigned *)io;
}

static int
run(struct vireo_domain *dom, test_dom_op op, unsigned flags,
    struct vireo_error *err)
{
    return test_call_dom(dom, op, &flags, err);
}

static int
not_valid(struct vireo_error *err, const char *why)
{
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, "%s", why);
}

/* libvirt's test driver words its shutdown and suspend refusals so,
 * where its other calls say "domain is not running". */
static int
not_running(struct vireo_error *err, const struct domain_obj *obj)
{
    return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                     "domain '%s' not running", obj->def->name);
}

/* What libvirt emits when a domain starts (detail: how), paused or not. */
static void
emit_started(struct test_state *st, struct domain_obj *obj, bool is_paused,
             int detail)
{
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_STARTED, detail);
    if (is_paused)
        test_state_emit(st, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                        VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
}

static void
start(struct test_state *st, struct domain_obj *obj, bool is_paused)
{
    test_transition_start(st, obj, is_paused);
    emit_started(st, obj, is_paused, VIR_DOMAIN_EVENT_STARTED_BOOTED);
}

/* A transient domain exists only while it runs. */
static void
forget_if_transient(struct test_state *st, struct domain_obj *obj)
{
    if (!obj->is_persistent)
        domain_list_remove(st->domains, obj);
}

/* ---- Definitions ------------------------------------------------------ */

/* What libvirt's test driver settles in a new definition: the first
 * architecture of its capabilities when none is given (whatever the
 * domain type: it runs every type), and a name for each interface. */
static int
fill_in(struct domain_def *def, struct vireo_error *err)
{
    if (test_state_fill_arch(def, err) < 0)
        return -1;
    return domain_def_name_interfaces(def, "testnet", err);
}

/* Parse xml (validated against libvirt's schema first when is_validated)
 * into a def the test hypervisor can run; NULL with err set. */
static struct domain_def *
parse(const char *xml, bool is_validated, struct vireo_error *err)
{
    struct domain_def *def = domain_def_parse_flags(
        xml, is_validated ? DOMAIN_DEF_PARSE_VALIDATE : 0, err);

    if (def != NULL && fill_in(def, err) < 0) {
        domain_def_free(def);
        return NULL;
    }
    return def;
}

/* Store def (taken over) as the persistent config; returns the object, or
 * NULL with err set. */
static struct domain_obj *
define(struct test_state *st, struct domain_def *def, struct vireo_error *err)
{
    struct domain_obj *obj;
    int detail;

    if (test_state_check_clash(st, def, &obj, err) < 0)
        goto fail;
    if (obj == NULL) {
        obj = domain_list_add_new(st->domains, def, err);
        if (obj == NULL)
            return NULL;
        detail = VIR_DOMAIN_EVENT_DEFINED_ADDED;
    } else if (domain_obj_is_active(obj)) {
        /* A running domain keeps its live config until it next starts. */
        domain_def_free(obj->new_def);
        obj->new_def = def;
        detail = obj->is_persistent ? VIR_DOMAIN_EVENT_DEFINED_UPDATED
                                    : VIR_DOMAIN_EVENT_DEFINED_ADDED;
    } else {
        domain_def_free(obj->def);
        obj->def = def;
        detail = VIR_DOMAIN_EVENT_DEFINED_UPDATED;
    }
    obj->is_persistent = true;
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_DEFINED, detail);
    return obj;
fail:
    domain_def_free(def);
    return NULL;
}

/* A new definition on its way to the test thread, and the handle on the
 * domain it became. */
struct def_io {
    struct vireo_conn   *conn;
    struct domain_def   *def;       /* the op takes it (take_def) */
    bool                 is_paused; /* create only */
    struct vireo_domain *dom;
};

static struct domain_def *
take_def(struct def_io *d)
{
    struct domain_def *def = d->def;

    d->def = NULL;
    return def;
}

static int
op_define(struct test_state *st, void *io, struct vireo_error *err)
{
    struct def_io *d = io;
    struct domain_obj *obj = define(st, take_def(d), err);

    if (obj == NULL)
        return -1;
    d->dom = test_state_handle(d->conn, obj, err);
    return d->dom != NULL ? 0 : -1;
}

/* Parse on the caller's thread (it needs no state), then hand the
 * definition to op on the test thread. */
static struct vireo_domain *
submit_def(struct vireo_conn *conn, const char *xml, test_op op,
           bool is_paused, bool is_validated, struct vireo_error *err)
{
    struct def_io d = { .conn = conn, .is_paused = is_paused };

    d.def = parse(xml, is_validated, err);
    if (d.def == NULL)
        return NULL;
    test_call(conn, op, &d, err);
    domain_def_free(d.def);   /* still here if the op never ran */
    return d.dom;
}

struct vireo_domain *
testdrv_domain_define_xml(struct vireo_conn *conn, const char *xml,
                          unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          VIR_DOMAIN_DEFINE_VALIDATE,
                          "testDomainDefineXMLFlags") < 0)
        return NULL;
    return submit_def(conn, xml, op_define, false,
                      (flags & VIR_DOMAIN_DEFINE_VALIDATE) != 0, err);
}

struct domain_obj *
test_domain_run(struct test_state *st, struct domain_def *def,
                const struct test_run_how *how, struct vireo_error *err)
{
    bool is_paused = how->is_paused;

    struct domain_obj *obj;

    if (test_state_check_clash(st, def, &obj, err) < 0)
        goto fail;
    if (obj != NULL && domain_obj_is_active(obj)) {
        error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                  "domain '%s' is already active", def->name);
        goto fail;
    }
    if (obj == NULL) {
        obj = domain_list_add_new(st->domains, def, err);
        if (obj == NULL)
            return NULL;
        test_transition_start(st, obj, is_paused);
    } else {
        /* An inactive persistent domain runs def, keeping its config for
         * the next start, as libvirt does. */
        test_transition_start(st, obj, is_paused);
        obj->new_def = obj->def;
        obj->def = def;
    }
    if (!is_paused)
        obj->reason = how->running_reason;
    emit_started(st, obj, is_paused, how->started_detail);
    return obj;
fail:
    domain_def_free(def);
    return NULL;
}

static int
op_create_xml(struct test_state *st, void *io, struct vireo_error *err)
{
    struct def_io *d = io;
    struct test_run_how how = {
        .is_paused = d->is_paused,
        .running_reason = VIR_DOMAIN_RUNNING_BOOTED,
        .started_detail = VIR_DOMAIN_EVENT_STARTED_BOOTED,
    };
    struct domain_obj *obj = test_domain_run(st, take_def(d), &how, err);

    if (obj == NULL)
        return -1;
    d->dom = test_state_handle(d->conn, obj, err);
    return d->dom != NULL ? 0 : -1;
}

struct vireo_domain *
testdrv_domain_create_xml(struct vireo_conn *conn, const char *xml,
                          unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          VIR_DOMAIN_START_PAUSED | VIR_DOMAIN_START_VALIDATE,
                          "testDomainCreateXML") < 0)
        return NULL;
    return submit_def(conn, xml, op_create_xml,
                      (flags & VIR_DOMAIN_START_PAUSED) != 0,
                      (flags & VIR_DOMAIN_START_VALIDATE) != 0, err);
}

static int
op_undefine(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    int n_snapshots = snapshot_list_count(obj->snapshots);

    /* libvirt's test driver undefines a transient domain too (it stays
     * running, transient, and an UNDEFINED event goes out), where its
     * QEMU driver refuses "cannot undefine transient domain". */
    if (obj->has_managed_save &&
        !(flags_of(io) & VIR_DOMAIN_UNDEFINE_MANAGED_SAVE))
        return not_valid(err, "Refusing to undefine while domain managed "
                         "save image exists");
    if (!domain_obj_is_active(obj) && n_snapshots > 0 &&
        !(flags_of(io) & VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST,
                         "cannot delete inactive domain with %d snapshots",
                         n_snapshots);
    obj->has_managed_save = false;
    obj->is_persistent = false;
    obj->has_autostart = false;
    domain_def_free(obj->new_def);
    obj->new_def = NULL;
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_UNDEFINED,
                    VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);
    if (!domain_obj_is_active(obj))
        domain_list_remove(st->domains, obj);
    return 0;
}

int
testdrv_domain_undefine(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, UNDEFINE_FLAGS,
                          "testDomainUndefineFlags") < 0)
        return -1;
    return run(dom, op_undefine, flags, err);
}

/* ---- Lifecycle -------------------------------------------------------- */

static int
op_create(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    /* libvirt's test driver refuses in its own words here, where its
     * other calls on a running domain say "domain is already running". */
    if (domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                         "Domain '%s' is already running", obj->def->name);
    start(st, obj, (flags_of(io) & VIR_DOMAIN_START_PAUSED) != 0);
    return 0;
}

int
testdrv_domain_create(struct vireo_domain *dom, unsigned flags,
                      struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, VIR_DOMAIN_START_PAUSED,
                          "testDomainCreateWithFlags") < 0)
        return -1;
    return run(dom, op_create, flags, err);
}

static int
op_destroy(struct test_state *st, struct domain_obj *obj, void *io,
           struct vireo_error *err)
{
    /* libvirt's virDomainObjCheckActive says it, from its domain conf. */
    if (!domain_obj_is_active(obj))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN,
                         "domain is not running");
    test_transition_stop(st, obj, VIR_DOMAIN_SHUTOFF_DESTROYED);
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_STOPPED,
                    VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
    forget_if_transient(st, obj);
    return 0;
}

int
testdrv_domain_destroy(struct vireo_domain *dom, unsigned flags,
                       struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, DESTROY_FLAGS,
                          "testDomainDestroyFlags") < 0)
        return -1;
    return run(dom, op_destroy, flags, err);
}

/* libvirt's test driver treats on_poweroff and on_reboot alike: an action
 * that restarts keeps the guest running under its id, any other shuts it
 * off. (libvirt forgets coredump-restart; it restarts here, as its name
 * says.) */
static bool
restarts(int action)
{
    switch (action) {
    case DOMAIN_ACTION_RESTART:
    case DOMAIN_ACTION_RENAME_RESTART:
    case DOMAIN_ACTION_COREDUMP_RESTART:
        return true;
    default:
        return false;
    }
}

/* The imaginary guest has powered off or reset, and action says what
 * follows. A restart brings no lifecycle event, as in libvirt, but the
 * guest did reset, so REBOOT listeners hear of it. */
static void
power_cycle(struct test_state *st, struct domain_obj *obj, int action)
{
    if (restarts(action)) {
        test_transition_reset(obj);
        domain_event_queue_reboot(st->events, obj->def->name,
                                  obj->def->uuid, obj->id);
        return;
    }
    test_transition_stop(st, obj, VIR_DOMAIN_SHUTOFF_SHUTDOWN);
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_STOPPED,
                    VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
    forget_if_transient(st, obj);
}

/* The guest powers off at once; its on_poweroff action decides the rest. */
static int
op_shutdown(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    if (!domain_obj_is_active(obj))
        return not_running(err, obj);
    power_cycle(st, obj, obj->def->on_poweroff);
    return 0;
}

int
testdrv_domain_shutdown(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainShutdownFlags") < 0)
        return -1;
    return run(dom, op_shutdown, flags, err);
}

/* The guest resets at once, paused or not; its on_reboot action decides
 * the rest. */
static int
op_reboot(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    if (!domain_obj_is_active(obj))
        return not_valid(err, "domain is not running");
    power_cycle(st, obj, obj->def->on_reboot);
    return 0;
}

int
testdrv_domain_reboot(struct vireo_domain *dom, unsigned flags,
                      struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, REBOOT_FLAGS,
                          "testDomainReboot") < 0)
        return -1;
    return run(dom, op_reboot, flags, err);
}

static int
op_suspend(struct test_state *st, struct domain_obj *obj, void *io,
           struct vireo_error *err)
{
    if (!domain_obj_is_active(obj) || obj->state == VIR_DOMAIN_PAUSED)
        return not_running(err, obj);
    test_transition_pause(obj, VIR_DOMAIN_PAUSED_USER);
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_SUSPENDED,
                    VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    return 0;
}

int
testdrv_domain_suspend(struct vireo_domain *dom, struct vireo_error *err)
{
    return run(dom, op_suspend, 0, err);
}

static int
op_resume(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    if (!domain_obj_is_active(obj) || obj->state != VIR_DOMAIN_PAUSED)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST,
                         "domain '%s' not paused", obj->def->name);
    test_transition_resume(obj, VIR_DOMAIN_RUNNING_UNPAUSED);
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_RESUMED,
                    VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);
    return 0;
}

int
testdrv_domain_resume(struct vireo_domain *dom, struct vireo_error *err)
{
    return run(dom, op_resume, 0, err);
}

/* The autostart value travels as the op's flags. libvirt's test driver
 * sets it on a transient domain too, where its QEMU driver refuses. */
static int
op_set_autostart(struct test_state *st, struct domain_obj *obj, void *io,
                 struct vireo_error *err)
{
    obj->has_autostart = flags_of(io) != 0;
    return 0;
}

int
testdrv_domain_set_autostart(struct vireo_domain *dom, int autostart,
                             struct vireo_error *err)
{
    return run(dom, op_set_autostart, autostart != 0, err);
}
