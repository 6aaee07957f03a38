/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_list.c: a driver's list of networks (network_list.h).
 */
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/conf/uuid.h"
#include "drivers/error.h"
#include "drivers/network_list.h"

struct network_obj *
network_list_find_name(struct network_obj *head, const char *name)
{
    for (struct network_obj *o = head; o != NULL; o = o->next)
        if (strcmp(o->def->name, name) == 0)
            return o;
    return NULL;
}

struct network_obj *
network_list_find_uuid(struct network_obj *head, const unsigned char *uuid)
{
    for (struct network_obj *o = head; o != NULL; o = o->next)
        if (memcmp(o->def->uuid, uuid, VIREO_UUID_BUFLEN) == 0)
            return o;
    return NULL;
}

struct network_obj *
network_list_by_name(struct network_obj *head, const char *name, int from,
                     struct vireo_error *err)
{
    struct network_obj *obj = network_list_find_name(head, name);

    if (obj == NULL)
        error_set(err, VIR_ERR_NO_NETWORK, from,
                  "no network with matching name '%s'", name);
    return obj;
}

struct network_obj *
network_list_by_uuid(struct network_obj *head, const unsigned char *uuid,
                     int from, struct vireo_error *err)
{
    struct network_obj *obj = network_list_find_uuid(head, uuid);
    char text[VIREO_UUID_STRING_BUFLEN];

    if (obj == NULL) {
        uuid_format(uuid, text);
        error_set(err, VIR_ERR_NO_NETWORK, from,
                  "no network with matching uuid '%s'", text);
    }
    return obj;
}

int
network_list_check_clash(struct network_obj *head,
                         const struct network_def *def, bool is_live,
                         struct network_obj **found, struct vireo_error *err)
{
    struct network_obj *obj = network_list_find_uuid(head, def->uuid);
    char text[VIREO_UUID_STRING_BUFLEN];

    *found = obj;
    if (obj != NULL) {
        uuid_format(obj->def->uuid, text);
        if (strcmp(obj->def->name, def->name) != 0)
            return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NETWORK,
                             "network '%s' is already defined with uuid %s",
                             obj->def->name, text);
        if (is_live && obj->is_active)
            return error_set(err, VIR_ERR_OPERATION_INVALID,
                             VIR_FROM_NETWORK,
                             "network is already active as '%s'",
                             obj->def->name);
        return 0;
    }
    obj = network_list_find_name(head, def->name);
    if (obj != NULL) {
        uuid_format(obj->def->uuid, text);
        return error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_NETWORK,
                         "network '%s' already exists with uuid %s",
                         def->name, text);
    }
    return 0;
}

void
network_obj_assign(struct network_obj *obj, struct network_def *def,
                   bool is_live)
{
    if (is_live) {
        if (obj->is_persistent && obj->new_def == NULL) {
            obj->new_def = obj->def;
            obj->def = NULL;
        }
        network_def_free(obj->def);
        obj->def = def;
        return;
    }
    obj->is_persistent = true;
    if (obj->is_active) {
        network_def_free(obj->new_def);
        obj->new_def = def;
        return;
    }
    network_def_free(obj->def);
    obj->def = def;
}

struct network_def *
network_obj_persistent_def(struct network_obj *obj)
{
    return obj->new_def != NULL ? obj->new_def : obj->def;
}

void
network_list_append(struct network_obj **head, struct network_obj *obj)
{
    while (*head != NULL)
        head = &(*head)->next;
    obj->next = NULL;
    *head = obj;
}

void
network_list_unlink(struct network_obj **head, struct network_obj *obj)
{
    for (; *head != NULL; head = &(*head)->next)
        if (*head == obj) {
            *head = obj->next;
            obj->next = NULL;
            return;
        }
}

bool
network_obj_is_listed(const struct network_obj *o, unsigned flags)
{
    const struct {
        unsigned yes, no;
        bool     value;
    } pairs[] = {
        { VIREO_CONNECT_LIST_NETWORKS_ACTIVE,
          VIREO_CONNECT_LIST_NETWORKS_INACTIVE, o->is_active },
        { VIREO_CONNECT_LIST_NETWORKS_PERSISTENT,
          VIREO_CONNECT_LIST_NETWORKS_TRANSIENT, o->is_persistent },
        { VIREO_CONNECT_LIST_NETWORKS_AUTOSTART,
          VIREO_CONNECT_LIST_NETWORKS_NO_AUTOSTART, o->is_autostart },
    };

    /* Each pair filters only when exactly one of its two flags is given. */
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        bool yes = flags & pairs[i].yes, no = flags & pairs[i].no;

        if (yes != no && pairs[i].value != yes)
            return false;
    }
    return true;
}

/* def updated as asked, into a copy: the copy, or NULL with err set. */
static struct network_def *
updated(const struct network_def *def, unsigned command, unsigned section,
        int parent_index, const char *xml, struct vireo_error *err)
{
    struct network_def *copy = network_def_copy(def, err);

    if (copy != NULL &&
        network_def_update(copy, command, section, parent_index, xml,
                           err) < 0) {
        network_def_free(copy);
        copy = NULL;
    }
    return copy;
}

int
network_obj_updated_defs(struct network_obj *obj, unsigned command,
                         unsigned section, int parent_index, const char *xml,
                         unsigned flags, struct network_def **live,
                         struct network_def **config, struct vireo_error *err)
{
    *live = *config = NULL;
    if ((flags & (VIREO_NETWORK_UPDATE_AFFECT_LIVE |
                  VIREO_NETWORK_UPDATE_AFFECT_CONFIG)) == 0)
        flags |= obj->is_active ? VIREO_NETWORK_UPDATE_AFFECT_LIVE
                                : VIREO_NETWORK_UPDATE_AFFECT_CONFIG;
    if (!obj->is_active && (flags & VIREO_NETWORK_UPDATE_AFFECT_LIVE))
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                         "%s", "network is not running");
    if ((flags & VIREO_NETWORK_UPDATE_AFFECT_CONFIG) && !obj->is_persistent)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_NETWORK,
                         "%s", "cannot change persistent config of a "
                         "transient network");
    if ((flags & VIREO_NETWORK_UPDATE_AFFECT_LIVE) &&
        (*live = updated(obj->def, command, section, parent_index, xml,
                         err)) == NULL)
        return -1;
    if ((flags & VIREO_NETWORK_UPDATE_AFFECT_CONFIG) &&
        (*config = updated(network_obj_persistent_def(obj), command, section,
                           parent_index, xml, err)) == NULL) {
        network_def_free(*live);
        *live = NULL;
        return -1;
    }
    return 0;
}
