/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_query.c: what the network driver tells about its networks: counts,
 * lists, lookups, XML, bridge, autostart and state. Network thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/network_xml.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/network/net_slots.h"
#include "drivers/network/net_state.h"
#include "drivers/network_handle.h"

#define LIST_FILTERS_ALL 0x3f   /* VIREO_CONNECT_LIST_NETWORKS_* */

struct net_obj *
net_slots_obj(struct vireo_network *net, struct vireo_error *err)
{
    return net_objs_by_uuid(net->conn->priv, net->uuid, err);
}

static int
count(struct vireo_conn *conn, bool is_active)
{
    struct net_state *st = conn->priv;
    int n = 0;

    for (struct net_obj *o = net_objs_first(st); o; o = net_objs_next(o))
        n += o->base.is_active == is_active;
    return n;
}

static int
names(struct vireo_conn *conn, bool is_active, char **out, int maxnames,
      struct vireo_error *err)
{
    struct net_state *st = conn->priv;
    int n = 0;

    for (struct net_obj *o = net_objs_first(st); o != NULL && n < maxnames;
         o = net_objs_next(o)) {
        if (o->base.is_active != is_active)
            continue;
        if ((out[n] = strdup(o->base.def->name)) == NULL) {
            while (n > 0)
                free(out[--n]);
            return error_no_memory(err);
        }
        n++;
    }
    return n;
}

int
netdrv_connect_num_of_networks(struct vireo_conn *conn,
                               struct vireo_error *err)
{
    (void)err;
    return count(conn, true);
}

int
netdrv_connect_num_of_defined_networks(struct vireo_conn *conn,
                                       struct vireo_error *err)
{
    (void)err;
    return count(conn, false);
}

int
netdrv_connect_list_networks(struct vireo_conn *conn, char **out,
                             int maxnames, struct vireo_error *err)
{
    return names(conn, true, out, maxnames, err);
}

int
netdrv_connect_list_defined_networks(struct vireo_conn *conn, char **out,
                                     int maxnames, struct vireo_error *err)
{
    return names(conn, false, out, maxnames, err);
}

int
netdrv_connect_list_all_networks(struct vireo_conn *conn,
                                 struct vireo_network ***nets,
                                 unsigned flags, struct vireo_error *err)
{
    struct net_state *st = conn->priv;
    int n = 0, cap = 0;

    if (error_check_flags(err, VIR_FROM_NETWORK, flags, LIST_FILTERS_ALL,
                          "networkConnectListAllNetworks") < 0)
        return -1;
    for (struct net_obj *o = net_objs_first(st); o; o = net_objs_next(o))
        cap += network_obj_is_listed(&o->base, flags);
    if (nets == NULL)
        return cap;
    if ((*nets = calloc((size_t)cap + 1, sizeof(**nets))) == NULL)
        return error_no_memory(err);
    for (struct net_obj *o = net_objs_first(st); o; o = net_objs_next(o)) {
        if (!network_obj_is_listed(&o->base, flags))
            continue;
        (*nets)[n] = handle_network_new(conn, o->base.def->name, o->base.def->uuid, err);
        if ((*nets)[n++] == NULL) {
            handle_network_array_free(*nets, n - 1);
            *nets = NULL;
            return -1;
        }
    }
    return n;
}

struct vireo_network *
netdrv_network_lookup_by_name(struct vireo_conn *conn, const char *name,
                              struct vireo_error *err)
{
    struct net_obj *o = net_objs_find_name(conn->priv, name);

    if (o == NULL) {
        error_set(err, VIR_ERR_NO_NETWORK, VIR_FROM_NETWORK,
                  "no network with matching name '%s'", name);
        return NULL;
    }
    return handle_network_new(conn, o->base.def->name, o->base.def->uuid, err);
}

struct vireo_network *
netdrv_network_lookup_by_uuid(struct vireo_conn *conn,
                              const unsigned char *uuid,
                              struct vireo_error *err)
{
    struct net_obj *o = net_objs_by_uuid(conn->priv, uuid, err);

    return o != NULL ? handle_network_new(conn, o->base.def->name, o->base.def->uuid,
                                          err)
                     : NULL;
}

char *
netdrv_network_get_xml_desc(struct vireo_network *net, unsigned flags,
                            struct vireo_error *err)
{
    struct net_obj *o;
    char *text;

    if (error_check_flags(err, VIR_FROM_NETWORK, flags,
                          VIREO_NETWORK_XML_INACTIVE,
                          "networkGetXMLDesc") < 0 ||
        (o = net_slots_obj(net, err)) == NULL)
        return NULL;
    text = network_def_format((flags & VIREO_NETWORK_XML_INACTIVE)
                              ? net_objs_persistent_def(o) : o->base.def);
    if (text == NULL)
        error_no_memory(err);
    return text;
}

char *
netdrv_network_get_bridge_name(struct vireo_network *net,
                               struct vireo_error *err)
{
    struct net_obj *o = net_slots_obj(net, err);
    char *text;

    if (o == NULL)
        return NULL;
    if (o->base.def->bridge == NULL) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_NETWORK,
                  "network '%s' does not have a bridge name.", o->base.def->name);
        return NULL;
    }
    if ((text = strdup(o->base.def->bridge)) == NULL)
        error_no_memory(err);
    return text;
}

int
netdrv_network_get_autostart(struct vireo_network *net, int *autostart,
                             struct vireo_error *err)
{
    struct net_obj *o = net_slots_obj(net, err);

    if (o == NULL)
        return -1;
    *autostart = o->base.is_autostart;
    return 0;
}

int
netdrv_network_is_active(struct vireo_network *net, struct vireo_error *err)
{
    struct net_obj *o = net_slots_obj(net, err);

    return o == NULL ? -1 : o->base.is_active;
}

int
netdrv_network_is_persistent(struct vireo_network *net,
                             struct vireo_error *err)
{
    struct net_obj *o = net_slots_obj(net, err);

    return o == NULL ? -1 : o->base.is_persistent;
}
