/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_query.c: finding domains (lookups, listing with libvirt's filters)
 * and reading one: info, state, XML, OS type, autostart, activity,
 * persistence. Each reads under the state's lock and refreshes the
 * handle's id while it has the domain in hand.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/uuid.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_host.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_transition.h"

/* Lock dom's state and find its object; on failure the lock is released
 * and err set. */
static struct domain_obj *
lock_find(struct vireo_domain *dom, struct vireo_error *err)
{
    struct test_state *st = dom->conn->priv;
    struct domain_obj *obj;

    pthread_mutex_lock(&st->lock);
    obj = test_state_find(st, dom, err);
    if (obj == NULL)
        pthread_mutex_unlock(&st->lock);
    return obj;
}

static void
refresh_unlock(struct vireo_domain *dom, const struct domain_obj *obj)
{
    struct test_state *st = dom->conn->priv;

    atomic_store(&dom->id, obj->id);
    pthread_mutex_unlock(&st->lock);
}

/* ---- Lookups ---------------------------------------------------------- */

/* Unlock and hand back a handle on obj, or NULL with err set (not_found
 * already filled it when obj is NULL). */
static struct vireo_domain *
handle_unlock(struct vireo_conn *conn, const struct domain_obj *obj,
              struct vireo_error *err)
{
    struct test_state *st = conn->priv;
    struct vireo_domain *dom = NULL;

    if (obj != NULL)
        dom = test_state_handle(conn, obj, err);
    pthread_mutex_unlock(&st->lock);
    return dom;
}

struct vireo_domain *
testdrv_domain_lookup_by_name(struct vireo_conn *conn, const char *name,
                              struct vireo_error *err)
{
    struct test_state *st = conn->priv;
    struct domain_obj *obj;

    pthread_mutex_lock(&st->lock);
    obj = domain_list_find_by_name(st->domains, name);
    if (obj == NULL)
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_TEST,
                  "no domain with matching name '%s'", name);
    return handle_unlock(conn, obj, err);
}

struct vireo_domain *
testdrv_domain_lookup_by_uuid(struct vireo_conn *conn,
                              const unsigned char *uuid,
                              struct vireo_error *err)
{
    struct test_state *st = conn->priv;
    struct domain_obj *obj;
    char text[VIREO_UUID_STRING_BUFLEN];

    pthread_mutex_lock(&st->lock);
    obj = domain_list_find_by_uuid(st->domains, uuid);
    if (obj == NULL) {
        uuid_format(uuid, text);
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_TEST,
                  "no domain with matching uuid '%s'", text);
    }
    return handle_unlock(conn, obj, err);
}

struct vireo_domain *
testdrv_domain_lookup_by_id(struct vireo_conn *conn, int id,
                            struct vireo_error *err)
{
    struct test_state *st = conn->priv;
    struct domain_obj *obj;

    pthread_mutex_lock(&st->lock);
    obj = domain_list_find_by_id(st->domains, id);
    if (obj == NULL)
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_TEST,
                  "no domain with matching id %d", id);
    return handle_unlock(conn, obj, err);
}

/* ---- Listing ---------------------------------------------------------- */

/* With st->lock held: handles on every matching domain, or -1. */
static int
collect(struct vireo_conn *conn, struct test_state *st, unsigned flags,
        struct vireo_domain ***doms, struct vireo_error *err)
{
    size_t n_all = domain_list_count(st->domains);
    struct vireo_domain **out = calloc(n_all + 1, sizeof(*out));
    int n = 0;

    if (out == NULL)
        return error_no_memory(err);
    for (size_t i = 0; i < n_all; i++) {
        const struct domain_obj *obj = domain_list_at(st->domains, i);

        if (!domain_obj_matches_filter(obj, flags))
            continue;
        out[n] = test_state_handle(conn, obj, err);
        if (out[n] == NULL) {
            handle_domain_array_free(out, n);
            return -1;
        }
        n++;
    }
    *doms = out;
    return n;
}

static int
count(struct test_state *st, unsigned flags)
{
    size_t n_all = domain_list_count(st->domains);
    int n = 0;

    for (size_t i = 0; i < n_all; i++)
        if (domain_obj_matches_filter(domain_list_at(st->domains, i), flags))
            n++;
    return n;
}

int
testdrv_conn_list_all_domains(struct vireo_conn *conn,
                              struct vireo_domain ***doms, unsigned flags,
                              struct vireo_error *err)
{
    struct test_state *st = conn->priv;
    int n;

    if (error_check_flags(err, VIR_FROM_TEST, flags, DOMAIN_LIST_FILTERS_ALL,
                          "testConnectListAllDomains") < 0)
        return -1;
    pthread_mutex_lock(&st->lock);
    n = doms != NULL ? collect(conn, st, flags, doms, err) : count(st, flags);
    pthread_mutex_unlock(&st->lock);
    return n;
}

/* ---- One domain ------------------------------------------------------- */

int
testdrv_domain_get_info(struct vireo_domain *dom,
                        struct vireo_domain_info *info,
                        struct vireo_error *err)
{
    struct domain_obj *obj = lock_find(dom, err);

    if (obj == NULL)
        return -1;
    info->state = obj->state;
    info->max_mem_kib = obj->def->memory_kib;
    info->memory_kib = obj->def->current_memory_kib;
    info->n_vcpus = obj->def->vcpus;
    info->cpu_time_ns = test_transition_cpu_time_ns(obj);
    refresh_unlock(dom, obj);
    return 0;
}

/* Every domain, running or not, carries the test host's one label, as in
 * libvirt's test driver. */
int
testdrv_domain_get_security_label(struct vireo_domain *dom,
                                  struct vireo_security_label *label,
                                  struct vireo_error *err)
{
    struct domain_obj *obj = lock_find(dom, err);

    if (obj == NULL)
        return -1;
    memset(label, 0, sizeof(*label));
    snprintf(label->label, sizeof(label->label), "%s",
             TEST_HOST_SECURITY_LABEL);
    label->enforcing = 1;
    refresh_unlock(dom, obj);
    return 0;
}

int
testdrv_domain_get_state(struct vireo_domain *dom, int *state, int *reason,
                         unsigned flags, struct vireo_error *err)
{
    struct domain_obj *obj;

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainGetState") < 0)
        return -1;
    obj = lock_find(dom, err);
    if (obj == NULL)
        return -1;
    *state = obj->state;
    if (reason != NULL)
        *reason = obj->reason;
    refresh_unlock(dom, obj);
    return 0;
}

char *
testdrv_domain_get_xml_desc(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err)
{
    struct domain_obj *obj;
    char *xml;

    if (error_check_flags(err, VIR_FROM_TEST, flags,
                          VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE,
                          "testDomainGetXMLDesc") < 0)
        return NULL;
    obj = lock_find(dom, err);
    if (obj == NULL)
        return NULL;
    if (flags & VIR_DOMAIN_XML_INACTIVE)
        xml = domain_def_format(obj->new_def ? obj->new_def : obj->def, -1);
    else
        xml = domain_def_format(obj->def, obj->id);
    refresh_unlock(dom, obj);
    if (xml == NULL)
        error_no_memory(err);
    return xml;
}

char *
testdrv_domain_get_os_type(struct vireo_domain *dom, struct vireo_error *err)
{
    struct domain_obj *obj = lock_find(dom, err);
    char *os_type;

    if (obj == NULL)
        return NULL;
    os_type = obj->def->os_type ? strdup(obj->def->os_type) : NULL;
    if (obj->def->os_type == NULL)
        error_set(err, VIR_ERR_OS_TYPE, VIR_FROM_TEST,
                  "domain '%s' has no OS type", obj->def->name);
    else if (os_type == NULL)
        error_no_memory(err);
    refresh_unlock(dom, obj);
    return os_type;
}

int
testdrv_domain_get_autostart(struct vireo_domain *dom, int *autostart,
                             struct vireo_error *err)
{
    struct domain_obj *obj = lock_find(dom, err);

    if (obj == NULL)
        return -1;
    *autostart = obj->has_autostart;
    refresh_unlock(dom, obj);
    return 0;
}

int
testdrv_domain_is_active(struct vireo_domain *dom, struct vireo_error *err)
{
    struct domain_obj *obj = lock_find(dom, err);
    int is_active;

    if (obj == NULL)
        return -1;
    is_active = domain_obj_is_active(obj);
    refresh_unlock(dom, obj);
    return is_active;
}

int
testdrv_domain_is_persistent(struct vireo_domain *dom,
                             struct vireo_error *err)
{
    struct domain_obj *obj = lock_find(dom, err);
    int is_persistent;

    if (obj == NULL)
        return -1;
    is_persistent = obj->is_persistent;
    refresh_unlock(dom, obj);
    return is_persistent;
}
