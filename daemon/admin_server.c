/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * admin_server.c: the admin calls about vireod's servers ("libvirtd" and
 * "admin", client_registry.h): the list, their worker threads, their
 * clients and client limits. Loop thread.
 *
 * The worker-pool view. libvirtd runs calls on a pool of interchangeable
 * threads; vireod runs each driver's calls on that driver's own thread
 * and protocol-level calls on the main loop. So for "libvirtd":
 *   nWorkers = minWorkers = maxWorkers: the driver threads alive (one per
 *     driver and per leased worker; their number follows the drivers, it
 *     is not a setting),
 *   freeWorkers: those with no job queued or running,
 *   prioWorkers: 0 (no thread is set aside for high-priority calls),
 *   jobQueueDepth: the jobs waiting behind the one each thread runs,
 * then, per driver thread (as many as fit in libvirt's 32 parameters),
 * NAME.jobQueueDepth (jobs queued or running), NAME.jobsDone and
 * NAME.busyMs (time spent in jobs since it started), and for the loop
 * loop.jobQueueDepth (replies the drivers queued for it to write) and
 * loop.callsInFlight (calls handed to drivers and not yet answered).
 * For "admin": the loop alone, which answers every admin call on the
 * spot, so no admin call ever waits in a queue.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "daemon/admin_params.h"
#include "daemon/client.h"
#include "daemon/client_registry.h"
#include "daemon/dispatch_admin.h"
#include "daemon/dispatch_reply.h"
#include "daemon/log.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/worker_stats.h"

/* The server named in a call, or -1 with libvirt's error. */
static int
find_server(const char *name, struct vireo_error *err)
{
    int s = client_server_by_name(name);

    if (s < 0)
        return error_set(err, VIR_ERR_NO_SERVER, VIR_FROM_RPC,
                         "No server named '%s'", name);
    return s;
}

static struct client_record *
find_client(int server, uint64_t id, struct vireo_error *err)
{
    struct client_record *r = client_registry_find(server, id);

    if (r == NULL)
        error_set(err, VIR_ERR_NO_CLIENT, VIR_FROM_RPC,
                  "No client with matching ID '%llu'",
                  (unsigned long long)id);
    return r;
}

int
admin_connect_list_servers(struct client *c, const void *args, void *ret,
                           struct vireo_error *err)
{
    const admin_connect_list_servers_args *a = args;
    admin_connect_list_servers_ret *r = ret;

    r->ret = CLIENT_N_SERVERS;
    if (a->need_results == 0)
        return 0;
    r->servers.servers_val = calloc(CLIENT_N_SERVERS,
                                    sizeof(*r->servers.servers_val));
    if (r->servers.servers_val == NULL)
        return error_no_memory(err);
    for (int s = 0; s < CLIENT_N_SERVERS; s++) {
        r->servers.servers_val[s].name = strdup(client_server_name(s));
        if (r->servers.servers_val[s].name == NULL)
            return error_no_memory(err);
        r->servers.servers_len++;
    }
    return 0;
}

int
admin_connect_lookup_server(struct client *c, const void *args, void *ret,
                            struct vireo_error *err)
{
    const admin_connect_lookup_server_args *a = args;
    admin_connect_lookup_server_ret *r = ret;
    int s = find_server(a->name, err);

    if (s < 0)
        return -1;
    r->srv.name = strdup(client_server_name(s));
    return r->srv.name != NULL ? 0 : error_no_memory(err);
}

/* ---- Worker pool ------------------------------------------------------- */

/* libvirt's six parameters, from the driver threads' counters. */
static int
add_pool_summary(struct admin_params *p, const struct worker_stats *w,
                 size_t n, struct vireo_error *err)
{
    unsigned int n_free = 0, queued = 0;

    for (size_t i = 0; i < n; i++) {
        uint64_t depth = worker_stats_depth(&w[i]);

        if (depth == 0)
            n_free++;
        else
            queued += (unsigned int)(depth - 1);
    }
    if (admin_params_add_uint(p, "minWorkers", (unsigned int)n, err) < 0 ||
        admin_params_add_uint(p, "maxWorkers", (unsigned int)n, err) < 0 ||
        admin_params_add_uint(p, "nWorkers", (unsigned int)n, err) < 0 ||
        admin_params_add_uint(p, "freeWorkers", n_free, err) < 0 ||
        admin_params_add_uint(p, "prioWorkers", 0, err) < 0 ||
        admin_params_add_uint(p, "jobQueueDepth", queued, err) < 0)
        return -1;
    return 0;
}

/* One driver thread's own figures. */
static int
add_thread(struct admin_params *p, const struct worker_stats *w,
           struct vireo_error *err)
{
    char field[64];

    snprintf(field, sizeof(field), "%s.jobQueueDepth", w->name);
    if (admin_params_add_uint(p, field,
                              (unsigned int)worker_stats_depth(w), err) < 0)
        return -1;
    snprintf(field, sizeof(field), "%s.jobsDone", w->name);
    if (admin_params_add_ullong(p, field, w->jobs_done, err) < 0)
        return -1;
    snprintf(field, sizeof(field), "%s.busyMs", w->name);
    return admin_params_add_ullong(p, field, w->busy_us / 1000, err);
}

/* The loop, then each driver thread while the limit leaves room. */
static int
add_threads(struct admin_params *p, const struct worker_stats *w, size_t n,
            struct vireo_error *err)
{
    size_t n_calls, n_bytes;

    client_count_pending(&n_calls, &n_bytes);
    if (admin_params_add_uint(p, "loop.jobQueueDepth",
                              (unsigned int)dispatch_reply_n_queued(),
                              err) < 0 ||
        admin_params_add_uint(p, "loop.callsInFlight",
                              (unsigned int)n_calls, err) < 0)
        return -1;
    for (size_t i = 0; i < n && p->len + 3 <= p->max; i++)
        if (add_thread(p, &w[i], err) < 0)
            return -1;
    return 0;
}

static int
main_pool(struct admin_params *p, struct vireo_error *err)
{
    size_t n = 0;
    struct worker_stats *w = worker_stats_collect(&n);
    int rc = add_pool_summary(p, w, n, err);

    if (rc == 0)
        rc = add_threads(p, w, n, err);
    free(w);
    return rc;
}

/* The loop answers admin calls itself, this one included. */
static int
admin_pool(struct admin_params *p, struct vireo_error *err)
{
    if (admin_params_add_uint(p, "minWorkers", 1, err) < 0 ||
        admin_params_add_uint(p, "maxWorkers", 1, err) < 0 ||
        admin_params_add_uint(p, "nWorkers", 1, err) < 0 ||
        admin_params_add_uint(p, "freeWorkers", 0, err) < 0 ||
        admin_params_add_uint(p, "prioWorkers", 0, err) < 0 ||
        admin_params_add_uint(p, "jobQueueDepth", 0, err) < 0)
        return -1;
    return 0;
}

int
admin_server_get_threadpool_parameters(struct client *c, const void *args,
                                       void *ret, struct vireo_error *err)
{
    const admin_server_get_threadpool_parameters_args *a = args;
    admin_server_get_threadpool_parameters_ret *r = ret;
    struct admin_params p = { .max = ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX };
    int s = find_server(a->srv.name, err);
    int rc;

    if (s < 0)
        return -1;
    rc = s == CLIENT_SERVER_MAIN ? main_pool(&p, err) : admin_pool(&p, err);
    return admin_params_finish(&p, rc, &r->params.params_val,
                               &r->params.params_len);
}

/* The pool's size follows the drivers: a setting that keeps it as it is
 * passes, any other is refused. */
int
admin_server_set_threadpool_parameters(struct client *c, const void *args,
                                       void *ret, struct vireo_error *err)
{
    static const char *const fields[] = {
        "minWorkers", "maxWorkers", "prioWorkers", NULL,
    };
    const admin_server_set_threadpool_parameters_args *a = args;
    const admin_typed_param *v = a->params.params_val;
    u_int len = a->params.params_len;
    int s = find_server(a->srv.name, err);
    unsigned int n = 1, min = 0, max = 0, prio = 0;
    size_t n_workers = 0;

    if (s < 0 || admin_params_check_uints(v, len, fields, err) < 0)
        return -1;
    if (s == CLIENT_SERVER_MAIN) {
        free(worker_stats_collect(&n_workers));
        n = (unsigned int)n_workers;
    }
    if ((admin_params_get_uint(v, len, "minWorkers", &min) && min != n) ||
        (admin_params_get_uint(v, len, "maxWorkers", &max) && max != n) ||
        (admin_params_get_uint(v, len, "prioWorkers", &prio) && prio != 0))
        return error_set(err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_RPC,
                         "vireod runs one thread per driver (%u now) and "
                         "no priority workers: its worker pool cannot be "
                         "resized", n);
    return 0;
}

/* ---- Clients ----------------------------------------------------------- */

static int
fill_client(admin_nonnull_client *out, const struct client_record *r,
            struct vireo_error *err)
{
    out->srv.name = strdup(client_server_name(r->server));
    if (out->srv.name == NULL)
        return error_no_memory(err);
    out->id = r->id;
    out->timestamp = r->connected_s;
    out->transport = (u_int)r->transport;
    return 0;
}

int
admin_server_list_clients(struct client *c, const void *args, void *ret,
                          struct vireo_error *err)
{
    const admin_server_list_clients_args *a = args;
    admin_server_list_clients_ret *r = ret;
    int s = find_server(a->srv.name, err);
    size_t n;
    admin_nonnull_client *out;

    if (s < 0)
        return -1;
    n = client_registry_count(s);
    if (n > ADMIN_CLIENT_LIST_MAX)
        n = ADMIN_CLIENT_LIST_MAX;
    r->ret = (u_int)n;
    if (a->need_results == 0 || n == 0)
        return 0;
    out = r->clients.clients_val = calloc(n, sizeof(*out));
    if (out == NULL)
        return error_no_memory(err);
    for (const struct client_record *cr = client_registry_first(s);
         cr != NULL && r->clients.clients_len < n; cr = cr->next) {
        if (fill_client(&out[r->clients.clients_len], cr, err) < 0)
            return -1;
        r->clients.clients_len++;
    }
    return 0;
}

int
admin_server_lookup_client(struct client *c, const void *args, void *ret,
                           struct vireo_error *err)
{
    const admin_server_lookup_client_args *a = args;
    admin_server_lookup_client_ret *r = ret;
    int s = find_server(a->srv.name, err);
    const struct client_record *cr;

    if (s < 0 || (cr = find_client(s, a->id, err)) == NULL)
        return -1;
    return fill_client(&r->clnt, cr, err);
}

/* A user's or group's name from the local files only (/etc/passwd,
 * /etc/group: "name:password:id:..."): a lookup through NSS could wait on
 * a network service, and this runs on the loop. "" when it has none
 * there. */
static void
local_name(const char *path, unsigned int id, char *buf, size_t len)
{
    FILE *f = fopen(path, "re");
    char line[1024], want[16];

    buf[0] = '\0';
    if (f == NULL)
        return;
    snprintf(want, sizeof(want), ":%u:", id);
    while (fgets(line, sizeof(line), f) != NULL) {
        char *name_end = strchr(line, ':');
        char *id_at = name_end != NULL ? strchr(name_end + 1, ':') : NULL;

        if (id_at != NULL && strncmp(id_at, want, strlen(want)) == 0) {
            size_t n = (size_t)(name_end - line);

            n = n < len ? n : len - 1;
            memcpy(buf, line, n);
            buf[n] = '\0';
            break;
        }
    }
    fclose(f);
}

/* What a UNIX socket told about its peer, under libvirt's field names. */
static int
add_unix_identity(struct admin_params *p, const struct conn_identity *who,
                  struct vireo_error *err)
{
    char user[256], group[256];

    local_name("/etc/passwd", (unsigned int)who->uid, user, sizeof(user));
    local_name("/etc/group", (unsigned int)who->gid, group, sizeof(group));
    if (admin_params_add_int(p, "unix_user_id", (int)who->uid, err) < 0 ||
        (user[0] != '\0' &&
         admin_params_add_string(p, "unix_user_name", user, err) < 0) ||
        admin_params_add_int(p, "unix_group_id", (int)who->gid, err) < 0 ||
        (group[0] != '\0' &&
         admin_params_add_string(p, "unix_group_name", group, err) < 0) ||
        admin_params_add_int(p, "unix_process_id", (int)who->pid, err) < 0)
        return -1;
    return 0;
}

/* Where a TCP or TLS client connects from, and who its certificate says
 * it is, under libvirt's field names. */
static int
add_network_identity(struct admin_params *p, const struct client *c,
                     struct vireo_error *err)
{
    char text[1024];

    if (client_peer_address(c, text, sizeof(text)) &&
        admin_params_add_string(p, "sock_addr", text, err) < 0)
        return -1;
    if (client_x509_dname(c, text, sizeof(text)) &&
        admin_params_add_string(p, "x509_dname", text, err) < 0)
        return -1;
    return 0;
}

int
admin_client_get_info(struct client *c, const void *args, void *ret,
                      struct vireo_error *err)
{
    const admin_client_get_info_args *a = args;
    admin_client_get_info_ret *r = ret;
    struct admin_params p = { .max = ADMIN_CLIENT_INFO_PARAMETERS_MAX };
    int s = find_server(a->clnt.srv.name, err);
    const struct client_record *cr;
    struct conn_identity who;
    int rc;

    if (s < 0 || (cr = find_client(s, a->clnt.id, err)) == NULL)
        return -1;
    client_identity(cr->client, &who);
    rc = admin_params_add_bool(&p, "readonly",
                               client_calls_are_read_only(cr->client), err);
    if (rc == 0)
        rc = add_network_identity(&p, cr->client, err);
    if (rc == 0 && who.has_credentials)
        rc = add_unix_identity(&p, &who, err);
    return admin_params_finish(&p, rc, &r->params.params_val,
                               &r->params.params_len);
}

int
admin_client_close(struct client *c, const void *args, void *ret,
                   struct vireo_error *err)
{
    const admin_client_close_args *a = args;
    int s = find_server(a->clnt.srv.name, err);
    struct client_record *cr;

    if (s < 0 || (cr = find_client(s, a->clnt.id, err)) == NULL)
        return -1;
    client_drop(cr->client, "closed through the admin socket");
    return 0;
}

/* ---- Client limits ----------------------------------------------------- */

int
admin_server_get_client_limits(struct client *c, const void *args,
                               void *ret, struct vireo_error *err)
{
    const admin_server_get_client_limits_args *a = args;
    admin_server_get_client_limits_ret *r = ret;
    struct admin_params p = { .max = ADMIN_SERVER_CLIENT_LIMITS_MAX };
    int s = find_server(a->srv.name, err);
    struct client_server_limits l;
    int rc = 0;

    if (s < 0)
        return -1;
    l = client_registry_limits(s);
    if (admin_params_add_uint(&p, "nclients_max", l.max_clients, err) < 0 ||
        admin_params_add_uint(&p, "nclients",
                              (unsigned int)client_registry_count(s),
                              err) < 0 ||
        admin_params_add_uint(&p, "nclients_unauth_max",
                              l.max_unauth_clients, err) < 0 ||
        admin_params_add_uint(&p, "nclients_unauth",
                              (unsigned int)client_registry_count_unauth(s),
                              err) < 0)
        rc = -1;
    return admin_params_finish(&p, rc, &r->params.params_val,
                               &r->params.params_len);
}

/* As libvirtd: both limits may change at once; the result must keep the
 * clients waiting for authentication within the overall maximum. Clients
 * already connected stay; the limits apply to the next ones. */
int
admin_server_set_client_limits(struct client *c, const void *args,
                               void *ret, struct vireo_error *err)
{
    static const char *const fields[] = {
        "nclients_max", "nclients_unauth_max", NULL,
    };
    const admin_server_set_client_limits_args *a = args;
    const admin_typed_param *v = a->params.params_val;
    u_int len = a->params.params_len;
    int s = find_server(a->srv.name, err);
    struct client_server_limits l;

    if (s < 0 || admin_params_check_uints(v, len, fields, err) < 0)
        return -1;
    l = client_registry_limits(s);
    admin_params_get_uint(v, len, "nclients_max", &l.max_clients);
    admin_params_get_uint(v, len, "nclients_unauth_max",
                          &l.max_unauth_clients);
    if (l.max_unauth_clients > l.max_clients)
        return error_set(err, VIR_ERR_INVALID_ARG, VIR_FROM_RPC,
                         "The overall maximum number of clients waiting for "
                         "authentication must not be less than the overall "
                         "maximum number of clients");
    client_registry_set_limits(s, &l);
    log_info("server %s: max_clients %u, max_anonymous_clients %u",
             client_server_name(s), l.max_clients, l.max_unauth_clients);
    return 0;
}
