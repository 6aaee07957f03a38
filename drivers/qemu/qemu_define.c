/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_define.c: defining and undefining domains, and their autostart
 * flag, with libvirt's QEMU driver's checks, errors and events. Slots run
 * on the driver's thread (vireod runs every call there); each change is
 * on disk before the call returns.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/qemu/qemu_config.h"
#include "drivers/qemu/qemu_host.h"
#include "drivers/qemu/qemu_slots.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_view.h"

/* Flags libvirt's QEMU driver accepts that need nothing from us. */
#define DEFINE_FLAGS    VIR_DOMAIN_DEFINE_VALIDATE
#define UNDEFINE_FLAGS  0x7fu    /* MANAGED_SAVE, SNAPSHOTS_METADATA, NVRAM,
                                    KEEP_NVRAM, CHECKPOINTS_METADATA, TPM,
                                    KEEP_TPM: we keep none of these */

static int
not_valid(struct vireo_error *err, const char *why)
{
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_QEMU, "%s",
                     why);
}

/* ---- what this driver can run ------------------------------------------ */

/* kvm is a virt type of this host when QEMU said KVM runs guests
 * (qemu_host_has_kvm), as libvirt's driver refuses a definition its
 * probe of QEMU does not allow. Until QEMU has answered, the device
 * decides, so that a definition arriving as the driver starts (autostart
 * files, the first client) is not refused for want of an answer. */
static bool
has_kvm(const struct qemu_state *st)
{
    if (qemu_host_is_probing(st->host))
        return access("/dev/kvm", R_OK | W_OK) == 0;
    return qemu_host_has_kvm(st->host);
}

/* The emulator a definition names must exist when it is defined, as
 * libvirt checks; without one, the default is looked for at start. */
static int
check_emulator(const struct domain_def *def, struct vireo_error *err)
{
    if (def->emulator == NULL || access(def->emulator, X_OK) == 0)
        return 0;
    return qemu_error_system(err, errno, "Cannot check QEMU binary %s",
                             def->emulator);
}

int
qemu_define_check(const struct qemu_state *st, const struct domain_def *def,
                  struct vireo_error *err)
{
    const char *emulator = def->emulator != NULL
                           ? def->emulator : qemu_host_emulator(st->host);

    if (strchr(def->name, '/') != NULL)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_QEMU,
                         "name %s cannot contain '/'", def->name);
    if (check_emulator(def, err) < 0)
        return -1;
    if (def->os_type == NULL || strcmp(def->os_type, "hvm") != 0)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU,
                         "Emulator '%s' does not support os type '%s'",
                         emulator, def->os_type ? def->os_type : "");
    if (def->os_arch != NULL && strcmp(def->os_arch, "x86_64") != 0 &&
        strcmp(def->os_arch, "i686") != 0)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU,
                         "Emulator '%s' does not support arch '%s'",
                         emulator, def->os_arch);
    if (strcmp(def->virt_type, "qemu") == 0 ||
        (strcmp(def->virt_type, "kvm") == 0 && has_kvm(st)))
        return 0;
    return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU,
                     "Emulator '%s' does not support virt type '%s'",
                     emulator, def->virt_type);
}

/* ---- define ------------------------------------------------------------ */

/* Store def (taken over) as obj's persistent definition, putting back
 * what was there if it cannot be saved. */
static int
replace_config(struct qemu_state *st, struct domain_obj *obj,
               struct domain_def *def, struct vireo_error *err)
{
    struct domain_def **slot = domain_obj_is_active(obj) ? &obj->new_def
                                                          : &obj->def;
    struct domain_def *old = *slot;

    qemu_view_mark_stale(st);
    *slot = def;
    if (qemu_config_save(st, def, err) < 0) {
        *slot = old;
        domain_def_free(def);
        return -1;
    }
    domain_def_free(old);
    return 0;
}

/* A domain nobody knew: saved first, listed once it is on disk. */
static struct domain_obj *
define_new(struct qemu_state *st, struct domain_def *def,
           struct vireo_error *err)
{
    struct domain_obj *obj;

    if (qemu_config_save(st, def, err) < 0) {
        domain_def_free(def);
        return NULL;
    }
    obj = domain_list_add_new(st->domains, def, err);
    if (obj == NULL)
        return NULL;
    obj->is_persistent = true;
    qemu_state_set(st, obj, VIR_DOMAIN_SHUTOFF,
                   VIR_DOMAIN_SHUTOFF_UNKNOWN);
    return obj;
}

/* def (taken over) becomes the persistent definition of its domain. */
static struct domain_obj *
define(struct qemu_state *st, struct domain_def *def, struct vireo_error *err)
{
    struct domain_obj *obj;
    int detail;

    if (qemu_define_check(st, def, err) < 0 ||
        qemu_state_check_clash(st, def, &obj, err) < 0) {
        domain_def_free(def);
        return NULL;
    }
    if (obj == NULL) {
        obj = define_new(st, def, err);
        detail = VIR_DOMAIN_EVENT_DEFINED_ADDED;
    } else {
        detail = obj->is_persistent ? VIR_DOMAIN_EVENT_DEFINED_UPDATED
                                    : VIR_DOMAIN_EVENT_DEFINED_ADDED;
        if (replace_config(st, obj, def, err) < 0)
            return NULL;
        obj->is_persistent = true;
    }
    if (obj != NULL)
        qemu_state_emit(st, obj, VIR_DOMAIN_EVENT_DEFINED, detail);
    return obj;
}

struct vireo_domain *
qemudrv_domain_define_xml(struct vireo_conn *conn, const char *xml,
                          unsigned flags, struct vireo_error *err)
{
    struct domain_def *def;
    struct domain_obj *obj;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, DEFINE_FLAGS,
                          "qemuDomainDefineXMLFlags") < 0)
        return NULL;
    def = domain_def_parse_flags(xml, (flags & VIR_DOMAIN_DEFINE_VALIDATE)
                                      ? DOMAIN_DEF_PARSE_VALIDATE : 0, err);
    if (def == NULL)
        return NULL;
    obj = define(conn->priv, def, err);
    return obj != NULL ? domain_obj_handle(conn, obj, err) : NULL;
}

/* ---- undefine, autostart ----------------------------------------------- */

int
qemudrv_domain_undefine(struct vireo_domain *dom, unsigned flags,
                        struct vireo_error *err)
{
    struct qemu_state *st = dom->conn->priv;
    struct domain_obj *obj;

    if (error_check_flags(err, VIR_FROM_QEMU, flags, UNDEFINE_FLAGS,
                          "qemuDomainUndefineFlags") < 0 ||
        (obj = qemu_state_find(st, dom, err)) == NULL)
        return -1;
    if (!obj->is_persistent)
        return not_valid(err, "cannot undefine transient domain");
    if (qemu_config_delete(st, obj->def->name, err) < 0)
        return -1;
    qemu_view_mark_stale(st);
    qemu_state_emit(st, obj, VIR_DOMAIN_EVENT_UNDEFINED,
                    VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);
    obj->is_persistent = false;
    obj->has_autostart = false;
    domain_def_free(obj->new_def);
    obj->new_def = NULL;
    if (!domain_obj_is_active(obj))
        domain_list_remove(st->domains, obj);
    return 0;
}

int
qemudrv_domain_set_autostart(struct vireo_domain *dom, int autostart,
                             struct vireo_error *err)
{
    struct qemu_state *st = dom->conn->priv;
    struct domain_obj *obj = qemu_state_find(st, dom, err);

    if (obj == NULL)
        return -1;
    if (!obj->is_persistent)
        return not_valid(err, "cannot set autostart for transient domain");
    if (obj->has_autostart == (autostart != 0))
        return 0;
    if (qemu_config_set_autostart(st, obj->def->name, autostart != 0,
                                  err) < 0)
        return -1;
    obj->has_autostart = autostart != 0;
    return 0;
}
