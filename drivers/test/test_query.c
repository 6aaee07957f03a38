/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_query.c: finding domains (lookups, listing with libvirt's filters)
 * and reading one: info, state, XML, OS type, autostart, activity,
 * persistence, managed save, snapshots, messages. Each reads on the test
 * driver's thread (test_call.h), which also refreshes the handle's id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_host.h"
#include "drivers/test/test_monitor.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_view.h"

/* Flags libvirt's test driver accepts on these queries. */
#define MANAGED_SAVE_FLAGS  0u
#define MESSAGE_FLAGS       3u        /* DEPRECATION | TAINTING */

/* ---- Lookups ---------------------------------------------------------- */

/* What a lookup asks for, and the handle it finds. */
struct lookup_io {
    struct vireo_conn   *conn;
    const char          *name;
    const unsigned char *uuid;
    int                  id;
    struct vireo_domain *dom;
};

static int
found(struct lookup_io *l, const struct domain_obj *obj,
      struct vireo_error *err)
{
    l->dom = test_state_handle(l->conn, obj, err);
    return l->dom != NULL ? 0 : -1;
}

/* libvirt's test driver names nothing when a lookup misses: the message
 * is "Domain not found" alone (unlike a handle whose domain went away). */
static int
lookup_missed(struct vireo_error *err)
{
    return error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_TEST, "%s", "");
}

static int
op_lookup_by_name(struct test_state *st, void *io, struct vireo_error *err)
{
    struct lookup_io *l = io;
    struct domain_obj *obj = domain_list_find_by_name(st->domains, l->name);

    if (obj == NULL)
        return lookup_missed(err);
    return found(l, obj, err);
}

static int
op_lookup_by_uuid(struct test_state *st, void *io, struct vireo_error *err)
{
    struct lookup_io *l = io;
    struct domain_obj *obj = domain_list_find_by_uuid(st->domains, l->uuid);

    if (obj == NULL)
        return lookup_missed(err);
    return found(l, obj, err);
}

static int
op_lookup_by_id(struct test_state *st, void *io, struct vireo_error *err)
{
    struct lookup_io *l = io;
    struct domain_obj *obj = domain_list_find_by_id(st->domains, l->id);

    if (obj == NULL)
        return lookup_missed(err);
    return found(l, obj, err);
}

struct vireo_domain *
testdrv_domain_lookup_by_name(struct vireo_conn *conn, const char *name,
                              struct vireo_error *err)
{
    struct lookup_io l = { .conn = conn, .name = name };

    test_call(conn, op_lookup_by_name, &l, err);
    return l.dom;
}

struct vireo_domain *
testdrv_domain_lookup_by_uuid(struct vireo_conn *conn,
                              const unsigned char *uuid,
                              struct vireo_error *err)
{
    struct lookup_io l = { .conn = conn, .uuid = uuid };

    test_call(conn, op_lookup_by_uuid, &l, err);
    return l.dom;
}

struct vireo_domain *
testdrv_domain_lookup_by_id(struct vireo_conn *conn, int id,
                            struct vireo_error *err)
{
    struct lookup_io l = { .conn = conn, .id = id };

    test_call(conn, op_lookup_by_id, &l, err);
    return l.dom;
}

/* ---- Listing ---------------------------------------------------------- */

struct list_io {
    struct vireo_conn     *conn;
    unsigned               flags;
    struct vireo_domain ***doms;   /* NULL: only count */
};

/* Handles on every matching domain, or -1. */
static int
collect(struct test_state *st, struct list_io *l, struct vireo_error *err)
{
    size_t n_all = domain_list_count(st->domains);
    struct vireo_domain **out = calloc(n_all + 1, sizeof(*out));
    int n = 0;

    if (out == NULL)
        return error_no_memory(err);
    for (size_t i = 0; i < n_all; i++) {
        const struct domain_obj *obj = domain_list_at(st->domains, i);

        if (!domain_obj_matches_filter(obj, l->flags))
            continue;
        out[n] = test_state_handle(l->conn, obj, err);
        if (out[n] == NULL) {
            handle_domain_array_free(out, n);
            return -1;
        }
        n++;
    }
    *l->doms = out;
    return n;
}

static int
op_list(struct test_state *st, void *io, struct vireo_error *err)
{
    struct list_io *l = io;
    size_t n_all = domain_list_count(st->domains);
    int n = 0;

    if (l->doms != NULL)
        return collect(st, l, err);
    for (size_t i = 0; i < n_all; i++)
        if (domain_obj_matches_filter(domain_list_at(st->domains, i),
                                      l->flags))
            n++;
    return n;
}

int
testdrv_conn_list_all_domains(struct vireo_conn *conn,
                              struct vireo_domain ***doms, unsigned flags,
                              struct vireo_error *err)
{
    struct list_io l = { .conn = conn, .flags = flags, .doms = doms };

    if (error_check_flags(err, VIR_FROM_TEST, flags, DOMAIN_LIST_FILTERS_ALL,
                          "testConnectListAllDomains") < 0)
        return -1;
    return test_call(conn, op_list, &l, err);
}

/* ---- One domain ------------------------------------------------------- */

static int
op_get_info(struct test_state *st, struct domain_obj *obj, void *io,
            struct vireo_error *err)
{
    struct vireo_domain_info *info = io;

    info->state = obj->state;
    info->max_mem_kib = obj->def->memory_kib;
    info->memory_kib = obj->def->current_memory_kib;
    info->n_vcpus = test_monitor_vcpus_online(obj->def);
    info->cpu_time_ns = test_view_wall_clock_ns();
    return 0;
}

int
testdrv_domain_get_info(struct vireo_domain *dom,
                        struct vireo_domain_info *info,
                        struct vireo_error *err)
{
    return test_call_dom(dom, op_get_info, info, err);
}

/* A running domain carries the test host's one label; an inactive one
 * none, as in libvirt's test driver. */
static int
op_get_security_label(struct test_state *st, struct domain_obj *obj,
                      void *io, struct vireo_error *err)
{
    struct vireo_security_label *label = io;

    memset(label, 0, sizeof(*label));
    if (!domain_obj_is_active(obj))
        return 0;
    snprintf(label->label, sizeof(label->label), "%s",
             TEST_HOST_SECURITY_LABEL);
    label->enforcing = 1;
    return 0;
}

int
testdrv_domain_get_security_label(struct vireo_domain *dom,
                                  struct vireo_security_label *label,
                                  struct vireo_error *err)
{
    return test_call_dom(dom, op_get_security_label, label, err);
}

struct state_io {
    int *state;
    int *reason;
};

static int
op_get_state(struct test_state *st, struct domain_obj *obj, void *io,
             struct vireo_error *err)
{
    struct state_io *s = io;

    *s->state = obj->state;
    if (s->reason != NULL)
        *s->reason = obj->reason;
    return 0;
}

int
testdrv_domain_get_state(struct vireo_domain *dom, int *state, int *reason,
                         unsigned flags, struct vireo_error *err)
{
    struct state_io s = { .state = state, .reason = reason };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainGetState") < 0)
        return -1;
    return test_call_dom(dom, op_get_state, &s, err);
}

/* A string a query produces, and the flags it was asked with. */
struct text_io {
    unsigned flags;
    char    *text;
};

static int
op_get_xml_desc(struct test_state *st, struct domain_obj *obj, void *io,
                struct vireo_error *err)
{
    struct text_io *t = io;

    if (t->flags & VIR_DOMAIN_XML_INACTIVE)
        t->text = domain_def_format(obj->new_def ? obj->new_def : obj->def,
                                    -1);
    else
        t->text = domain_def_format(obj->def, obj->id);
    return t->text != NULL ? 0 : error_no_memory(err);
}

char *
testdrv_domain_get_xml_desc(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err)
{
    struct text_io t = { .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE,
                          "testDomainGetXMLDesc") < 0)
        return NULL;
    test_call_dom(dom, op_get_xml_desc, &t, err);
    return t.text;
}

/* libvirt's test driver calls every guest's OS "linux", whatever its
 * definition says, and without looking the domain up. */
char *
testdrv_domain_get_os_type(struct vireo_domain *dom, struct vireo_error *err)
{
    char *text = strdup("linux");

    if (text == NULL)
        error_no_memory(err);
    return text;
}

static int
op_get_autostart(struct test_state *st, struct domain_obj *obj, void *io,
                 struct vireo_error *err)
{
    *(int *)io = obj->has_autostart;
    return 0;
}

int
testdrv_domain_get_autostart(struct vireo_domain *dom, int *autostart,
                             struct vireo_error *err)
{
    return test_call_dom(dom, op_get_autostart, autostart, err);
}

static int
op_is_active(struct test_state *st, struct domain_obj *obj, void *io,
             struct vireo_error *err)
{
    return domain_obj_is_active(obj);
}

int
testdrv_domain_is_active(struct vireo_domain *dom, struct vireo_error *err)
{
    return test_call_dom(dom, op_is_active, NULL, err);
}

static int
op_is_persistent(struct test_state *st, struct domain_obj *obj, void *io,
                 struct vireo_error *err)
{
    return obj->is_persistent;
}

int
testdrv_domain_is_persistent(struct vireo_domain *dom,
                             struct vireo_error *err)
{
    return test_call_dom(dom, op_is_persistent, NULL, err);
}

/* Nothing ever taints a test domain: for a domain that exists, the
 * answer is none, found on the test thread like every other. */
static int
op_nothing_recorded(struct test_state *st, struct domain_obj *obj, void *io,
                    struct vireo_error *err)
{
    return 0;
}

static int
op_has_managed_save(struct test_state *st, struct domain_obj *obj, void *io,
                    struct vireo_error *err)
{
    return obj->has_managed_save;
}

int
testdrv_domain_has_managed_save_image(struct vireo_domain *dom,
                                      unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, MANAGED_SAVE_FLAGS,
                          "testDomainHasManagedSaveImage") < 0)
        return -1;
    return test_call_dom(dom, op_has_managed_save, NULL, err);
}

int
testdrv_domain_get_messages(struct vireo_domain *dom, char ***msgs,
                            unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, MESSAGE_FLAGS,
                          "testDomainGetMessages") < 0)
        return -1;
    *msgs = NULL;
    return test_call_dom(dom, op_nothing_recorded, NULL, err);
}
