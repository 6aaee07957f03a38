/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_query.c: finding the QEMU driver's domains (lookups, listing with
 * libvirt's filters) and reading one: info, state, XML, OS type,
 * autostart, activity, persistence, security label, managed save,
 * snapshots, messages. Each answers at once from the driver's own state,
 * on its thread, so no query ever waits on a guest.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/uuid.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/qemu/qemu_config.h"
#include "drivers/qemu/qemu_guest.h"
#include "drivers/qemu/qemu_slots.h"
#include "drivers/qemu/qemu_state.h"

/* Flags libvirt's QEMU driver accepts on these queries. */
#define XML_FLAGS           0xfu      /* SECURE, INACTIVE, UPDATE_CPU,
                                         MIGRATABLE */
#define MANAGED_SAVE_FLAGS  0u
#define SNAPSHOT_NUM_FLAGS  0x7ffu    /* VIR_DOMAIN_SNAPSHOT_LIST_* */
#define MESSAGE_FLAGS       3u        /* DEPRECATION | TAINTING */

/* ---- lookups ----------------------------------------------------------- */

static struct vireo_domain *
found(struct vireo_conn *conn, const struct domain_obj *obj,
      struct vireo_error *err)
{
    return obj != NULL ? domain_obj_handle(conn, obj, err) : NULL;
}

struct vireo_domain *
qemudrv_domain_lookup_by_name(struct vireo_conn *conn, const char *name,
                              struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;
    struct domain_obj *obj = domain_list_find_by_name(st->domains, name);

    if (obj == NULL)
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_QEMU,
                  "no domain with matching name '%s'", name);
    return found(conn, obj, err);
}

struct vireo_domain *
qemudrv_domain_lookup_by_uuid(struct vireo_conn *conn,
                              const unsigned char *uuid,
                              struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;
    struct domain_obj *obj = domain_list_find_by_uuid(st->domains, uuid);
    char text[VIREO_UUID_STRING_BUFLEN];

    if (obj == NULL) {
        uuid_format(uuid, text);
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_QEMU,
                  "no domain with matching uuid '%s'", text);
    }
    return found(conn, obj, err);
}

struct vireo_domain *
qemudrv_domain_lookup_by_id(struct vireo_conn *conn, int id,
                            struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;
    struct domain_obj *obj = domain_list_find_by_id(st->domains, id);

    if (obj == NULL)
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_QEMU,
                  "no domain with matching id %d", id);
    return found(conn, obj, err);
}

/* ---- listing ----------------------------------------------------------- */

static int
count_matching(struct qemu_state *st, unsigned flags)
{
    size_t n_all = domain_list_count(st->domains);
    int n = 0;

    for (size_t i = 0; i < n_all; i++)
        if (domain_obj_matches_filter(domain_list_at(st->domains, i), flags))
            n++;
    return n;
}

int
qemudrv_conn_list_all_domains(struct vireo_conn *conn,
                              struct vireo_domain ***doms, unsigned flags,
                              struct vireo_error *err)
{
    struct qemu_state *st = conn->priv;
    size_t n_all = domain_list_count(st->domains);
    struct vireo_domain **out;
    int n = 0;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, DOMAIN_LIST_FILTERS_ALL,
                          "qemuConnectListAllDomains") < 0)
        return -1;
    if (doms == NULL)
        return count_matching(st, flags);
    out = calloc(n_all + 1, sizeof(*out));
    if (out == NULL)
        return error_no_memory(err);
    for (size_t i = 0; i < n_all; i++) {
        const struct domain_obj *obj = domain_list_at(st->domains, i);

        if (!domain_obj_matches_filter(obj, flags))
            continue;
        out[n] = domain_obj_handle(conn, obj, err);
        if (out[n] == NULL) {
            handle_domain_array_free(out, n);
            return -1;
        }
        n++;
    }
    *doms = out;
    return n;
}

/* ---- one domain -------------------------------------------------------- */

static struct domain_obj *
find(struct vireo_domain *dom, struct vireo_error *err)
{
    return qemu_state_find(dom->conn->priv, dom, err);
}

int
qemudrv_domain_get_info(struct vireo_domain *dom,
                        struct vireo_domain_info *info,
                        struct vireo_error *err)
{
    struct domain_obj *obj = find(dom, err);

    if (obj == NULL)
        return -1;
    memset(info, 0, sizeof(*info));
    info->state = obj->state;
    info->max_mem_kib = obj->def->memory_kib;
    info->memory_kib = obj->def->current_memory_kib;
    info->n_vcpus = obj->def->vcpus;
    if (obj->priv != NULL)
        info->cpu_time_ns = qemu_guest_cpu_time_ns(obj->priv);
    return 0;
}

int
qemudrv_domain_get_state(struct vireo_domain *dom, int *state, int *reason,
                         unsigned flags, struct vireo_error *err)
{
    struct domain_obj *obj;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, 0,
                          "qemuDomainGetState") < 0 ||
        (obj = find(dom, err)) == NULL)
        return -1;
    *state = obj->state;
    if (reason != NULL)
        *reason = obj->reason;
    return 0;
}

/* A running domain shows its live definition (its id, the devices'
 * aliases, the console's pty, the VNC port); an inactive one, or any with
 * VIR_DOMAIN_XML_INACTIVE, its persistent definition. */
char *
qemudrv_domain_get_xml_desc(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err)
{
    struct domain_obj *obj;
    char *xml;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, XML_FLAGS,
                          "qemuDomainGetXMLDesc") < 0 ||
        (obj = find(dom, err)) == NULL)
        return NULL;
    if ((flags & VIR_DOMAIN_XML_INACTIVE) && obj->is_persistent)
        xml = domain_def_format(qemu_config_def(obj), -1);
    else
        xml = domain_def_format(obj->def, obj->id);
    if (xml == NULL)
        error_no_memory(err);
    return xml;
}

char *
qemudrv_domain_get_os_type(struct vireo_domain *dom, struct vireo_error *err)
{
    struct domain_obj *obj = find(dom, err);
    char *os_type;

    if (obj == NULL)
        return NULL;
    os_type = strdup(obj->def->os_type);
    if (os_type == NULL)
        error_no_memory(err);
    return os_type;
}

/* This driver runs guests with no security driver, as libvirt's does with
 * security_driver = "none": an empty label. */
int
qemudrv_domain_get_security_label(struct vireo_domain *dom,
                                  struct vireo_security_label *label,
                                  struct vireo_error *err)
{
    if (find(dom, err) == NULL)
        return -1;
    memset(label, 0, sizeof(*label));
    return 0;
}

int
qemudrv_domain_get_autostart(struct vireo_domain *dom, int *autostart,
                             struct vireo_error *err)
{
    struct domain_obj *obj = find(dom, err);

    if (obj == NULL)
        return -1;
    *autostart = obj->has_autostart;
    return 0;
}

int
qemudrv_domain_is_active(struct vireo_domain *dom, struct vireo_error *err)
{
    struct domain_obj *obj = find(dom, err);

    return obj != NULL ? domain_obj_is_active(obj) : -1;
}

int
qemudrv_domain_is_persistent(struct vireo_domain *dom,
                             struct vireo_error *err)
{
    struct domain_obj *obj = find(dom, err);

    return obj != NULL ? obj->is_persistent : -1;
}

/* The driver cannot save a domain's memory or take snapshots, and records
 * no messages: for a domain that exists, the answers are none. */
int
qemudrv_domain_has_managed_save_image(struct vireo_domain *dom,
                                      unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_QEMU, flags, MANAGED_SAVE_FLAGS,
                          "qemuDomainHasManagedSaveImage") < 0)
        return -1;
    return find(dom, err) != NULL ? 0 : -1;
}

int
qemudrv_domain_snapshot_num(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_QEMU, flags, SNAPSHOT_NUM_FLAGS,
                          "qemuDomainSnapshotNum") < 0)
        return -1;
    return find(dom, err) != NULL ? 0 : -1;
}

int
qemudrv_domain_get_messages(struct vireo_domain *dom, char ***msgs,
                            unsigned flags, struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_QEMU, flags, MESSAGE_FLAGS,
                          "qemuDomainGetMessages") < 0)
        return -1;
    *msgs = NULL;
    return find(dom, err) != NULL ? 0 : -1;
}
