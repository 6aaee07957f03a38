/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_view.c: answering cheap read calls from a published view
 * (dispatch_view.h). Each handler fills the reply from the view, or says
 * it cannot (the domain is not in it, a flag is set): the call then goes
 * to the driver.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/client.h"
#include "daemon/dispatch_reply.h"
#include "daemon/dispatch_view.h"
#include "daemon/metrics_calls.h"
#include "drivers/domain_view.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "wire/procs.h"
#include "wire/remote_protocol.h"

/* Room for any reply made here: a domain's name is at most a few hundred
 * bytes. The encoder grows it if ever needed. */
#define REPLY_ROOM 512

/* The loop's registration as a reader. */
static struct read_view_reader *reader;

/* Fill ret from the entry of the domain the call names (args starts with
 * it), or return false to leave the call to the driver. */
typedef bool (*dom_fn)(const struct domain_view_source *src,
                       const struct domain_view_entry *e, const void *args,
                       void *ret);
/* Fill ret from a lookup in v, or return false. */
typedef bool (*lookup_fn)(const struct domain_view *v, const void *args,
                          void *ret);

/* Every reply a handler fills, so that one lives on the stack. */
union view_ret {
    remote_domain_get_state_ret       state;
    remote_domain_get_info_ret        info;
    remote_domain_get_max_memory_ret  max_memory;
    remote_domain_is_active_ret       is_active;
    remote_domain_is_persistent_ret   is_persistent;
    remote_domain_lookup_by_name_ret  by_name;
    remote_domain_lookup_by_uuid_ret  by_uuid;
    remote_domain_lookup_by_id_ret    by_id;
};

static bool
get_state(const struct domain_view_source *src,
          const struct domain_view_entry *e, const void *args, void *ret)
{
    const remote_domain_get_state_args *a = args;
    remote_domain_get_state_ret *r = ret;

    if (a->flags != 0)
        return false;
    r->state = e->state;
    r->reason = e->reason;
    return true;
}

static bool
get_info(const struct domain_view_source *src,
         const struct domain_view_entry *e, const void *args, void *ret)
{
    remote_domain_get_info_ret *r = ret;

    if (src->cpu_time_ns == NULL)
        return false;
    r->state = (u_char)e->state;
    r->maxMem = e->max_mem_kib;
    r->memory = e->memory_kib;
    r->nrVirtCpu = (u_short)e->n_vcpus;
    r->cpuTime = src->cpu_time_ns(e);
    return true;
}

static bool
get_max_memory(const struct domain_view_source *src,
               const struct domain_view_entry *e, const void *args, void *ret)
{
    ((remote_domain_get_max_memory_ret *)ret)->memory = e->max_mem_kib;
    return true;
}

static bool
is_active(const struct domain_view_source *src,
          const struct domain_view_entry *e, const void *args, void *ret)
{
    ((remote_domain_is_active_ret *)ret)->active = e->id >= 0;
    return true;
}

static bool
is_persistent(const struct domain_view_source *src,
              const struct domain_view_entry *e, const void *args, void *ret)
{
    ((remote_domain_is_persistent_ret *)ret)->persistent = e->is_persistent;
    return true;
}

/* A lookup's reply; the name points into the view, which outlives the
 * encoding (both happen inside the read section). */
static bool
put_dom(remote_nonnull_domain *dom, const struct domain_view_entry *e)
{
    if (e == NULL)
        return false;
    dom->name = e->name;
    memcpy(dom->uuid, e->uuid, sizeof(dom->uuid));
    dom->id = e->id;
    return true;
}

static bool
lookup_by_name(const struct domain_view *v, const void *args, void *ret)
{
    const remote_domain_lookup_by_name_args *a = args;

    return put_dom(&((remote_domain_lookup_by_name_ret *)ret)->dom,
                   domain_view_find_by_name(v, a->name));
}

static bool
lookup_by_uuid(const struct domain_view *v, const void *args, void *ret)
{
    const remote_domain_lookup_by_uuid_args *a = args;

    return put_dom(&((remote_domain_lookup_by_uuid_ret *)ret)->dom,
                   domain_view_find_by_uuid(v, (const unsigned char *)a->uuid));
}

static bool
lookup_by_id(const struct domain_view *v, const void *args, void *ret)
{
    const remote_domain_lookup_by_id_args *a = args;

    return put_dom(&((remote_domain_lookup_by_id_ret *)ret)->dom,
                   domain_view_find_by_id(v, a->id));
}

/* How a procedure is answered from a view: one of the two, or neither. */
struct view_handler {
    dom_fn    on_dom;
    lookup_fn lookup;
};

static struct view_handler
handler_for(const struct wire_proc *proc)
{
    struct view_handler h = { 0 };

    if (proc->prog != WIRE_REMOTE_PROGRAM)
        return h;
    switch (proc->number) {
    case REMOTE_PROC_DOMAIN_GET_STATE:      h.on_dom = get_state;      break;
    case REMOTE_PROC_DOMAIN_GET_INFO:       h.on_dom = get_info;       break;
    case REMOTE_PROC_DOMAIN_GET_MAX_MEMORY: h.on_dom = get_max_memory; break;
    case REMOTE_PROC_DOMAIN_IS_ACTIVE:      h.on_dom = is_active;      break;
    case REMOTE_PROC_DOMAIN_IS_PERSISTENT:  h.on_dom = is_persistent;  break;
    case REMOTE_PROC_DOMAIN_LOOKUP_BY_NAME: h.lookup = lookup_by_name; break;
    case REMOTE_PROC_DOMAIN_LOOKUP_BY_UUID: h.lookup = lookup_by_uuid; break;
    case REMOTE_PROC_DOMAIN_LOOKUP_BY_ID:   h.lookup = lookup_by_id;   break;
    default:                                                           break;
    }
    return h;
}

bool
dispatch_view_serves(const struct wire_proc *proc)
{
    struct view_handler h = handler_for(proc);

    return h.on_dom != NULL || h.lookup != NULL;
}

int
dispatch_view_init(void)
{
    if (reader == NULL)
        reader = read_view_reader_new();
    return reader != NULL ? 0 : -1;
}

void
dispatch_view_fini(void)
{
    read_view_reader_free(reader);
    reader = NULL;
}

/* Inside the read section: fill ret from the current view, or false. The
 * domain a call names is its args' first member; drivers go by its uuid
 * alone. */
static bool
fill(struct domain_view_source *src, struct view_handler h,
     const void *args, union view_ret *ret)
{
    const struct domain_view *v = domain_view_current(src);
    const struct domain_view_entry *e;

    if (v == NULL)
        return false;
    if (h.lookup != NULL)
        return h.lookup(v, args, ret);
    e = domain_view_find_by_uuid(
            v, (const unsigned char *)((const remote_nonnull_domain *)args)->uuid);
    return e != NULL && h.on_dom(src, e, args, ret);
}

bool
dispatch_view_answer(struct client *c, const struct wire_message *msg)
{
    struct view_handler h = handler_for(msg->proc);
    struct vireo_conn *conn = client_conn(c);
    struct wire_buffer out = { 0 };
    struct vireo_error err;
    union view_ret ret;
    bool is_answered;

    if ((h.on_dom == NULL && h.lookup == NULL) || reader == NULL ||
        conn == NULL || conn->view == NULL || client_has_changes_in_flight(c))
        return false;
    /* These replies are small: the encoder's usual first 64 KiB, made and
     * freed on every call, would have the heap grow and shrink each time. */
    if ((out.data = malloc(REPLY_ROOM)) != NULL)
        out.cap = REPLY_ROOM;
    memset(&ret, 0, sizeof(ret));
    error_clear(&err);
    read_view_enter(reader);
    is_answered = fill(conn->view, h, msg->body, &ret) &&
                  dispatch_reply_encode(&out, &msg->header, msg->proc, 0,
                                        &ret, &err) == 0;
    read_view_leave(reader);
    if (!is_answered) {
        wire_buffer_release(&out);
        return false;
    }
    metrics_call_replied(&out, metrics_call_arrival_ns());
    client_send(c, &out);
    return true;
}
