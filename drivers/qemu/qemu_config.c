/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_config.c: persistent definitions as files, NAME.xml in the state
 * directory, and the autostart links to them (qemu_store.h has the
 * layout). Driver thread only.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/qemu/qemu_config.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_store.h"

const struct domain_def *
qemu_config_def(const struct domain_obj *obj)
{
    return obj->new_def != NULL ? obj->new_def : obj->def;
}

int
qemu_config_save(struct qemu_state *st, const struct domain_def *def,
                 struct vireo_error *err)
{
    char *path = qemu_store_path(st->config_dir, def->name, "xml");
    char *xml = domain_def_format(def, -1);
    int rc;

    if (path == NULL || xml == NULL)
        rc = error_no_memory(err);
    else
        rc = qemu_store_write(path, xml, err);
    free(path);
    free(xml);
    return rc;
}

int
qemu_config_delete(struct qemu_state *st, const char *name,
                   struct vireo_error *err)
{
    char *path = qemu_store_path(st->config_dir, name, "xml");
    int rc;

    if (path == NULL)
        return error_no_memory(err);
    rc = qemu_config_set_autostart(st, name, false, err);
    if (rc == 0)
        rc = qemu_store_remove(path, err);
    free(path);
    return rc;
}

/* As libvirt does: autostart/NAME.xml is a symbolic link to the
 * definition's file. */
int
qemu_config_set_autostart(struct qemu_state *st, const char *name,
                          bool is_on, struct vireo_error *err)
{
    char *link_path = qemu_store_path(st->autostart_dir, name, "xml");
    char *target = qemu_store_path(st->config_dir, name, "xml");
    int rc;

    if (link_path == NULL || target == NULL)
        rc = error_no_memory(err);
    else if (!is_on)
        rc = qemu_store_remove(link_path, err);
    else if (qemu_store_make_dir(st->autostart_dir, err) < 0)
        rc = -1;
    else
        rc = qemu_store_link(link_path, target, err);
    free(link_path);
    free(target);
    return rc;
}

static bool
has_autostart(struct qemu_state *st, const char *name)
{
    char *link_path = qemu_store_path(st->autostart_dir, name, "xml");
    bool is_on = link_path != NULL && qemu_store_exists(link_path);

    free(link_path);
    return is_on;
}

/* The definition in DIR/name.xml; NULL with err set. */
static struct domain_def *
read_def(struct qemu_state *st, const char *name, struct vireo_error *err)
{
    char *path = qemu_store_path(st->config_dir, name, "xml");
    char *xml = path != NULL ? qemu_store_read(path, DOMAIN_XML_MAX_BYTES,
                                               err) : NULL;
    struct domain_def *def = xml != NULL ? domain_def_parse(xml, err) : NULL;

    if (path == NULL)
        error_no_memory(err);
    if (def != NULL && strcmp(def->name, name) != 0) {
        error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_QEMU,
                  "domain config filename '%s' does not match domain name "
                  "'%s'", path, def->name);
        domain_def_free(def);
        def = NULL;
    }
    free(xml);
    free(path);
    return def;
}

static void
load_one(struct qemu_state *st, const char *name)
{
    struct vireo_error err = { 0 };
    struct domain_def *def = read_def(st, name, &err);
    struct domain_obj *obj, *same;

    if (def != NULL && qemu_state_check_clash(st, def, &same, &err) == 0 &&
        same != NULL)
        error_set(&err, VIR_ERR_OPERATION_FAILED, VIR_FROM_QEMU,
                  "domain '%s' is defined twice", name);
    if (err.code != VIR_ERR_OK) {
        domain_def_free(def);
        qemu_state_warn(st, "qemu: the definition '%s' is not loaded: %s",
                        name, err.message);
        return;
    }
    obj = domain_list_add_new(st->domains, def, &err);
    if (obj == NULL) {
        qemu_state_warn(st, "qemu: the definition '%s' is not loaded: %s",
                        name, err.message);
        return;
    }
    obj->is_persistent = true;
    obj->has_autostart = has_autostart(st, name);
    qemu_state_set(st, obj, VIR_DOMAIN_SHUTOFF,
                   VIR_DOMAIN_SHUTOFF_UNKNOWN);
}

int
qemu_config_load_all(struct qemu_state *st, struct vireo_error *err)
{
    int n;
    char **names;

    qemu_store_sweep(st->config_dir);
    qemu_store_sweep(st->autostart_dir);
    names = qemu_store_list(st->config_dir, &n, err);
    if (names == NULL)
        return -1;
    for (int i = 0; i < n; i++)
        load_one(st, names[i]);
    qemu_store_list_free(names);
    return 0;
}
