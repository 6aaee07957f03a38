/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_admin.h: libvirt's admin program (virt-admin) on vireod's admin
 * socket. Every admin call is answered on the loop thread, at once: what
 * it reads or changes (the clients, their limits, the log, the idle
 * timeout) belongs to the loop, and nothing it does waits for a driver
 * (the worker counters are read without stopping any driver thread).
 */
#ifndef VIREO_DAEMON_DISPATCH_ADMIN_H
#define VIREO_DAEMON_DISPATCH_ADMIN_H

#include <stdbool.h>

#include "api/vireo.h"

struct client;
struct wire_message;

/* Whether msg is the admin dispatcher's: it came through the admin socket,
 * or belongs to the admin program. */
bool dispatch_admin_takes(const struct client *c,
                          const struct wire_message *msg);

/* Answer msg, a CALL that decoded (dispatch_admin_takes said yes). A
 * program that does not belong on c's socket is refused as libvirtd
 * refuses it ("Cannot find program ..."): the admin program elsewhere,
 * any other on the admin socket. */
void dispatch_admin_message(struct client *c, struct wire_message *msg);

/* The handlers, in admin_server.c and admin_log.c: args and ret are the
 * procedure's decoded structs (ret zeroed, freed by its xdr routine after
 * the reply is encoded). 0, or -1 with err set. */
typedef int (*admin_handler_fn)(struct client *c, const void *args,
                                void *ret, struct vireo_error *err);

int admin_connect_list_servers(struct client *c, const void *args,
                               void *ret, struct vireo_error *err);
int admin_connect_lookup_server(struct client *c, const void *args,
                                void *ret, struct vireo_error *err);
int admin_server_get_threadpool_parameters(struct client *c,
                                           const void *args, void *ret,
                                           struct vireo_error *err);
int admin_server_set_threadpool_parameters(struct client *c,
                                           const void *args, void *ret,
                                           struct vireo_error *err);
int admin_server_list_clients(struct client *c, const void *args,
                              void *ret, struct vireo_error *err);
int admin_server_lookup_client(struct client *c, const void *args,
                               void *ret, struct vireo_error *err);
int admin_client_get_info(struct client *c, const void *args, void *ret,
                          struct vireo_error *err);
int admin_client_close(struct client *c, const void *args, void *ret,
                       struct vireo_error *err);
int admin_server_get_client_limits(struct client *c, const void *args,
                                   void *ret, struct vireo_error *err);
int admin_server_set_client_limits(struct client *c, const void *args,
                                   void *ret, struct vireo_error *err);
int admin_connect_get_logging_outputs(struct client *c, const void *args,
                                      void *ret, struct vireo_error *err);
int admin_connect_get_logging_filters(struct client *c, const void *args,
                                      void *ret, struct vireo_error *err);
int admin_connect_set_logging_outputs(struct client *c, const void *args,
                                      void *ret, struct vireo_error *err);
int admin_connect_set_logging_filters(struct client *c, const void *args,
                                      void *ret, struct vireo_error *err);
int admin_server_update_tls_files(struct client *c, const void *args,
                                  void *ret, struct vireo_error *err);
int admin_connect_set_daemon_timeout(struct client *c, const void *args,
                                     void *ret, struct vireo_error *err);

#endif /* VIREO_DAEMON_DISPATCH_ADMIN_H */
