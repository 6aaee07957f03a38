/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_store.h: the network driver's files, as libvirt's network driver
 * keeps them:
 *   STATE_DIR/NAME.xml            a persistent definition
 *   STATE_DIR/autostart/NAME.xml  a link to it: start with the daemon
 *   RUN_DIR/NAME.xml              a running network's live definition
 *   RUN_DIR/NAME.pid              its dnsmasq's pid
 * (dnsmasq's and nft's own files are named in net_dnsmasq.h, net_nft.h).
 * A file is replaced by writing a temporary beside it and renaming it
 * over, so a daemon killed at any moment leaves it whole. Network thread;
 * errors are VIR_ERR_SYSTEM_ERROR naming the file.
 */
#ifndef VIREO_NETWORK_NET_STORE_H
#define VIREO_NETWORK_NET_STORE_H

#include <stdbool.h>
#include <sys/types.h>

#include "api/vireo.h"

struct net_state;
struct net_obj;

/* DIR/NAME.SUFFIX, malloc'ed; NULL when memory is short. */
char *net_store_path(const char *dir, const char *name, const char *suffix);

/* Replace path's content with text. */
int net_store_write(const char *path, const char *text,
                    struct vireo_error *err);
/* Remove path; a missing one is fine. */
void net_store_remove(const char *path);

/* The persistent definition, its autostart link, and their removal. */
int net_store_save_config(struct net_state *st, struct net_obj *obj,
                          struct vireo_error *err);
int net_store_set_autostart(struct net_state *st, const char *name,
                            bool is_autostart, struct vireo_error *err);
void net_store_delete_config(struct net_state *st, const char *name);

/* A running network's status (its live definition and dnsmasq's pid,
 * 0 for none), written before anyone hears that it runs. */
int net_store_save_status(struct net_state *st, struct net_obj *obj,
                          struct vireo_error *err);
void net_store_delete_status(struct net_state *st, const char *name);
/* The pid a status names, or 0. */
pid_t net_store_status_pid(struct net_state *st, const char *name);

/* Every persistent network of config_dir, with its autostart mark; the
 * broken files are logged and skipped. */
void net_store_load_configs(struct net_state *st);

/* Call fn for every status file of run_dir, with its live definition's
 * text (fn takes it over). */
void net_store_each_status(struct net_state *st,
                           void (*fn)(struct net_state *st, const char *name,
                                      char *xml));

#endif /* VIREO_NETWORK_NET_STORE_H */
