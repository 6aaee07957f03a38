/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * dispatch_event_relay.c: the driver's domain events, sent to the client
 * that registered for them (spec §5.7), as libvirtd relays them: one
 * callback per event id, run on the loop thread where the driver's event
 * machinery delivers. Ids 0 ... 15 go out as legacy messages (107, 169,
 * 170, ...) to legacy registrations and as callback messages (318 ...
 * 333) to the others; later ids have callback messages only (339 ...
 * 438), and legacy registrations cannot ask for them.
 *
 * Messages borrow the event's strings and domain name: nothing here is
 * freed with xdr_free, except the typed parameters converted for the wire.
 */
#include <arpa/inet.h>
#include <string.h>

#include "daemon/client.h"
#include "daemon/dispatch_event_relay.h"
#include "daemon/event_sink.h"
#include "daemon/metrics_clients.h"
#include "daemon/log.h"
#include "daemon/shared_frame.h"
#include "drivers/domain_event.h"
#include "drivers/handle.h"
#include "drivers/typed_param_wire.h"
#include "wire/procs.h"

/* libvirtd puts serial 1 in event messages (§2.5). */
static int
encode_event(struct wire_buffer *out, int proc, const void *msg)
{
    remote_message_header hdr = {
        .prog = WIRE_REMOTE_PROGRAM, .vers = WIRE_REMOTE_VERSION,
        .proc = proc, .type = WIRE_TYPE_MESSAGE, .serial = 1,
        .status = WIRE_STATUS_OK,
    };
    int result = wire_encode(out, &hdr, wire_proc_lookup(proc)->msg.proc,
                             msg);

    if (result != WIRE_RESULT_OK)
        log_warn("event %d: cannot encode: %s", proc,
                 wire_result_string(result));
    return result;
}

/* The client of reg, or NULL (counted as a dropped event) when it left. */
static struct client *
reg_client(struct event_reg *reg)
{
    struct client *c = event_sink_client(reg->sink);

    if (c == NULL || client_is_closed(c)) {
        metrics_event_dropped();
        return NULL;
    }
    return c;
}

/* One message, encoded for one client: object events, which few
 * clients watch. */
void
dispatch_event_relay_send(struct event_reg *reg, int proc, const void *msg)
{
    struct client *c = reg_client(reg);
    struct wire_buffer out = { 0 };

    if (c == NULL)
        return;
    if (encode_event(&out, proc, msg) == WIRE_RESULT_OK) {
        metrics_event_sent();
        client_send(c, &out);
    } else {
        metrics_event_dropped();
    }
    wire_buffer_release(&out);
}

/*
 * Domain events go to every subscriber alike but for the callback id, the
 * first word of a callback message's body: the first subscriber's message
 * is encoded into a frame the others share, each with its own head (the
 * length word, the header and its callback id). Legacy messages name no
 * callback and are shared whole. Owned by the loop thread; one frame each
 * for legacy and callback registrations, which one event may both reach.
 */
struct encoded_event {
    unsigned long        serial;     /* domain_event_serial() */
    int                  proc;
    struct shared_frame *frame;      /* referenced; NULL: none yet */
};

static struct encoded_event last_encoded[2];   /* [is_legacy] */

/* Where the callback id sits in an encoded callback message. */
enum { CALLBACK_ID_OFFSET = WIRE_LEN_MIN, CALLBACK_HEAD_LEN = WIRE_LEN_MIN + 4 };

/* The frame of this event's proc message, encoded from msg on the first
 * call for the event; NULL when it cannot be encoded. */
static struct shared_frame *
encoded_frame(bool is_legacy, int proc, const void *msg)
{
    struct encoded_event *e = &last_encoded[is_legacy];
    unsigned long serial = domain_event_serial();
    struct wire_buffer out = { 0 };

    if (e->frame != NULL && e->serial == serial && e->proc == proc &&
        serial != 0)
        return e->frame;
    shared_frame_unref(e->frame);
    e->frame = NULL;
    if (encode_event(&out, proc, msg) != WIRE_RESULT_OK) {
        wire_buffer_release(&out);
        return NULL;
    }
    e->frame = shared_frame_take(&out);
    e->serial = serial;
    e->proc = proc;
    return e->frame;
}

static void
send_event(struct event_reg *reg, int proc, const void *msg)
{
    struct client *c = reg_client(reg);
    struct shared_frame *frame;
    uint8_t head[CALLBACK_HEAD_LEN];
    uint32_t id_be;

    if (c == NULL)
        return;
    if ((frame = encoded_frame(reg->is_legacy, proc, msg)) == NULL) {
        metrics_event_dropped();
        return;
    }
    metrics_event_sent();
    if (reg->is_legacy) {
        client_send_shared(c, NULL, 0, frame);
        return;
    }
    id_be = htonl((uint32_t)atomic_load(&reg->callback_id));
    memcpy(head, frame->data, CALLBACK_ID_OFFSET);
    memcpy(head + CALLBACK_ID_OFFSET, &id_be, sizeof(id_be));
    client_send_shared(c, head, sizeof(head), frame);
}

/* The event's domain as the wire names it; name borrowed from dom. */
static remote_nonnull_domain
wire_dom(struct vireo_domain *dom)
{
    remote_nonnull_domain w = { .name = dom->name, .id = atomic_load(&dom->id) };

    memcpy(w.uuid, dom->uuid, sizeof(w.uuid));
    return w;
}

/* The registration's callback id, or -1 while the driver has not yet
 * returned it: such an event has no registration to name, and is not
 * sent (libvirtd does the same). */
static int
reg_id(struct event_reg *reg)
{
    return atomic_load(&reg->callback_id);
}

/* The wire's strings are not const, but an encoder only reads them. */
#define STR(s) ((char *)(s))

/* Ids 2 ... 15, whose callback message wraps the legacy one: send the
 * legacy message data, or the callback message made of the id and it. */
#define SEND_EITHER(reg, NAME, name, data)                                   \
    do {                                                                     \
        if ((reg)->is_legacy) {                                              \
            send_event(reg, REMOTE_PROC_DOMAIN_EVENT_##NAME, &(data));       \
        } else {                                                             \
            remote_domain_event_callback_##name##_msg cb_msg =               \
                { reg_id(reg), data };                                       \
            send_event(reg, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_##NAME,        \
                       &cb_msg);                                             \
        }                                                                    \
    } while (0)

/* ---- Ids 0 and 1, whose callback messages vireo flattens -------------- */

static void
on_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom, int event,
             int detail, void *opaque)
{
    struct event_reg *reg = opaque;
    remote_domain_event_callback_lifecycle_msg msg = {
        .callbackID = reg_id(reg),
        .dom = wire_dom(dom), .event = event, .detail = detail,
    };
    remote_domain_event_lifecycle_msg legacy = {
        .dom = msg.dom, .event = event, .detail = detail,
    };

    if (msg.callbackID < 0)
        return;
    if (reg->is_legacy)
        send_event(reg, REMOTE_PROC_DOMAIN_EVENT_LIFECYCLE, &legacy);
    else
        send_event(reg, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE, &msg);
}

static void
on_reboot(struct vireo_conn *conn, struct vireo_domain *dom, void *opaque)
{
    struct event_reg *reg = opaque;
    remote_domain_event_callback_reboot_msg msg = {
        .callbackID = reg_id(reg), .dom = wire_dom(dom),
    };
    remote_domain_event_reboot_msg legacy = { .dom = msg.dom };

    if (msg.callbackID < 0)
        return;
    if (reg->is_legacy)
        send_event(reg, REMOTE_PROC_DOMAIN_EVENT_REBOOT, &legacy);
    else
        send_event(reg, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_REBOOT, &msg);
}

/* ---- Ids 2 ... 15: legacy or callback --------------------------------- */

static void
on_rtc_change(struct vireo_conn *conn, struct vireo_domain *dom,
              long long offset, void *opaque)
{
    remote_domain_event_rtc_change_msg data = { wire_dom(dom), offset };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, RTC_CHANGE, rtc_change, data);
}

static void
on_watchdog(struct vireo_conn *conn, struct vireo_domain *dom, int action,
            void *opaque)
{
    remote_domain_event_watchdog_msg data = { wire_dom(dom), action };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, WATCHDOG, watchdog, data);
}

static void
on_io_error(struct vireo_conn *conn, struct vireo_domain *dom,
            const char *src_path, const char *dev_alias, int action,
            void *opaque)
{
    remote_domain_event_io_error_msg data = {
        wire_dom(dom), STR(src_path), STR(dev_alias), action,
    };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, IO_ERROR, io_error, data);
}

static void
on_io_error_reason(struct vireo_conn *conn, struct vireo_domain *dom,
                   const char *src_path, const char *dev_alias, int action,
                   const char *reason, void *opaque)
{
    remote_domain_event_io_error_reason_msg data = {
        wire_dom(dom), STR(src_path), STR(dev_alias), action, STR(reason),
    };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, IO_ERROR_REASON,
                    io_error_reason, data);
}

static remote_domain_event_graphics_address
wire_address(const struct vireo_domain_event_graphics_address *a)
{
    return (remote_domain_event_graphics_address){
        a->family, STR(a->node), STR(a->service),
    };
}

static void
on_graphics(struct vireo_conn *conn, struct vireo_domain *dom, int phase,
            const struct vireo_domain_event_graphics_address *local,
            const struct vireo_domain_event_graphics_address *remote,
            const char *auth_scheme,
            const struct vireo_domain_event_graphics_subject *subject,
            void *opaque)
{
    remote_domain_event_graphics_identity ids[
        REMOTE_DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX];
    remote_domain_event_graphics_msg data = {
        wire_dom(dom), phase, wire_address(local), wire_address(remote),
        STR(auth_scheme), { 0, ids },
    };

    /* More identities than the wire allows would fail to encode. */
    for (int i = 0; i < subject->n_identities &&
                    i < REMOTE_DOMAIN_EVENT_GRAPHICS_IDENTITY_MAX; i++) {
        ids[i].type = STR(subject->identities[i].type);
        ids[i].name = STR(subject->identities[i].name);
        data.subject.subject_len = (u_int)i + 1;
    }
    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, GRAPHICS, graphics, data);
}

static void
on_control_error(struct vireo_conn *conn, struct vireo_domain *dom,
                 void *opaque)
{
    remote_domain_event_control_error_msg data = { wire_dom(dom) };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, CONTROL_ERROR, control_error,
                    data);
}

static void
on_block_job(struct vireo_conn *conn, struct vireo_domain *dom,
             const char *path, int type, int status, void *opaque)
{
    remote_domain_event_block_job_msg data = {
        wire_dom(dom), STR(path), type, status,
    };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, BLOCK_JOB, block_job, data);
}

static void
on_disk_change(struct vireo_conn *conn, struct vireo_domain *dom,
               const char *old_src_path, const char *new_src_path,
               const char *dev_alias, int reason, void *opaque)
{
    char *old_path = STR(old_src_path), *new_path = STR(new_src_path);
    remote_domain_event_disk_change_msg data = {
        wire_dom(dom), old_path ? &old_path : NULL,
        new_path ? &new_path : NULL, STR(dev_alias), reason,
    };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, DISK_CHANGE, disk_change,
                    data);
}

static void
on_tray_change(struct vireo_conn *conn, struct vireo_domain *dom,
               const char *dev_alias, int reason, void *opaque)
{
    remote_domain_event_tray_change_msg data = {
        wire_dom(dom), STR(dev_alias), reason,
    };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, TRAY_CHANGE, tray_change,
                    data);
}

static void
on_balloon_change(struct vireo_conn *conn, struct vireo_domain *dom,
                  unsigned long long actual, void *opaque)
{
    remote_domain_event_balloon_change_msg data = { wire_dom(dom), actual };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, BALLOON_CHANGE,
                    balloon_change, data);
}

static void
on_device_removed(struct vireo_conn *conn, struct vireo_domain *dom,
                  const char *dev_alias, void *opaque)
{
    remote_domain_event_device_removed_msg data = {
        wire_dom(dom), STR(dev_alias),
    };

    if (reg_id(opaque) >= 0)
        SEND_EITHER((struct event_reg *)opaque, DEVICE_REMOVED,
                    device_removed, data);
}

/* PM events: the callback message carries the reason, the legacy one
 * does not. */
#define DEFINE_PM_RELAY(fn, NAME, name)                                      \
    static void                                                              \
    fn(struct vireo_conn *conn, struct vireo_domain *dom, int reason,        \
       void *opaque)                                                         \
    {                                                                        \
        struct event_reg *reg = opaque;                                      \
        remote_domain_event_##name##_msg data = { wire_dom(dom) };           \
        remote_domain_event_callback_##name##_msg msg =                      \
            { reg_id(reg), reason, data };                                   \
                                                                             \
        if (msg.callbackID < 0)                                              \
            return;                                                          \
        if (reg->is_legacy)                                                  \
            send_event(reg, REMOTE_PROC_DOMAIN_EVENT_##NAME, &data);         \
        else                                                                 \
            send_event(reg, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_##NAME, &msg); \
    }

DEFINE_PM_RELAY(on_pmwakeup, PMWAKEUP, pmwakeup)
DEFINE_PM_RELAY(on_pmsuspend, PMSUSPEND, pmsuspend)
DEFINE_PM_RELAY(on_pmsuspend_disk, PMSUSPEND_DISK, pmsuspend_disk)

/* ---- Ids 16 ... 26: callback messages only ---------------------------- */

static void
on_block_job_2(struct vireo_conn *conn, struct vireo_domain *dom,
               const char *dst, int type, int status, void *opaque)
{
    remote_domain_event_block_job_2_msg msg = {
        reg_id(opaque), wire_dom(dom), STR(dst), type, status,
    };

    if (msg.callbackID >= 0)
        send_event(opaque, REMOTE_PROC_DOMAIN_EVENT_BLOCK_JOB_2, &msg);
}

/* Typed parameters in their wire form, for one message: val is freed
 * here after the send. */
static void
send_with_params(struct event_reg *reg, int proc, void *msg,
                 remote_typed_param **val, u_int *len,
                 const struct vireo_typed_param *params, int n_params)
{
    const struct vireo_typed_params view = {
        (struct vireo_typed_param *)params, n_params, n_params,
    };
    struct vireo_error err = { 0 };

    if (typed_params_to_wire(&view, val, len, &err) == 0)
        send_event(reg, proc, msg);
    else
        log_warn("event %d: %s", proc, err.message);
    for (u_int i = 0; i < *len; i++)
        xdr_free((xdrproc_t)xdr_remote_typed_param, (char *)&(*val)[i]);
    free(*val);
}

static void
on_tunable(struct vireo_conn *conn, struct vireo_domain *dom,
           const struct vireo_typed_param *params, int n_params,
           void *opaque)
{
    remote_domain_event_callback_tunable_msg msg = {
        reg_id(opaque), wire_dom(dom), { 0, NULL },
    };

    if (msg.callbackID >= 0)
        send_with_params(opaque, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_TUNABLE,
                         &msg, &msg.params.params_val, &msg.params.params_len,
                         params, n_params);
}

static void
on_job_completed(struct vireo_conn *conn, struct vireo_domain *dom,
                 const struct vireo_typed_param *params, int n_params,
                 void *opaque)
{
    remote_domain_event_callback_job_completed_msg msg = {
        reg_id(opaque), wire_dom(dom), { 0, NULL },
    };

    if (msg.callbackID >= 0)
        send_with_params(opaque,
                         REMOTE_PROC_DOMAIN_EVENT_CALLBACK_JOB_COMPLETED,
                         &msg, &msg.params.params_val, &msg.params.params_len,
                         params, n_params);
}

static void
on_agent_lifecycle(struct vireo_conn *conn, struct vireo_domain *dom,
                   int state, int reason, void *opaque)
{
    remote_domain_event_callback_agent_lifecycle_msg msg = {
        reg_id(opaque), wire_dom(dom), state, reason,
    };

    if (msg.callbackID >= 0)
        send_event(opaque, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE,
                   &msg);
}

static void
on_device_added(struct vireo_conn *conn, struct vireo_domain *dom,
                const char *dev_alias, void *opaque)
{
    remote_domain_event_callback_device_added_msg msg = {
        reg_id(opaque), wire_dom(dom), STR(dev_alias),
    };

    if (msg.callbackID >= 0)
        send_event(opaque, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_ADDED,
                   &msg);
}

static void
on_device_removal_failed(struct vireo_conn *conn, struct vireo_domain *dom,
                         const char *dev_alias, void *opaque)
{
    remote_domain_event_callback_device_removal_failed_msg msg = {
        reg_id(opaque), wire_dom(dom), STR(dev_alias),
    };

    if (msg.callbackID >= 0)
        send_event(opaque,
                   REMOTE_PROC_DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED,
                   &msg);
}

static void
on_migration_iteration(struct vireo_conn *conn, struct vireo_domain *dom,
                       int iteration, void *opaque)
{
    remote_domain_event_callback_migration_iteration_msg msg = {
        reg_id(opaque), wire_dom(dom), iteration,
    };

    if (msg.callbackID >= 0)
        send_event(opaque,
                   REMOTE_PROC_DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION,
                   &msg);
}

static void
on_metadata_change(struct vireo_conn *conn, struct vireo_domain *dom,
                   int type, const char *nsuri, void *opaque)
{
    char *uri = STR(nsuri);
    remote_domain_event_callback_metadata_change_msg msg = {
        reg_id(opaque), wire_dom(dom), type, uri ? &uri : NULL,
    };

    if (msg.callbackID >= 0)
        send_event(opaque, REMOTE_PROC_DOMAIN_EVENT_CALLBACK_METADATA_CHANGE,
                   &msg);
}

static void
on_block_threshold(struct vireo_conn *conn, struct vireo_domain *dom,
                   const char *dev, const char *path,
                   unsigned long long threshold, unsigned long long excess,
                   void *opaque)
{
    char *p = STR(path);
    remote_domain_event_block_threshold_msg msg = {
        reg_id(opaque), wire_dom(dom), STR(dev), p ? &p : NULL, threshold,
        excess,
    };

    if (msg.callbackID >= 0)
        send_event(opaque, REMOTE_PROC_DOMAIN_EVENT_BLOCK_THRESHOLD, &msg);
}

static void
on_memory_failure(struct vireo_conn *conn, struct vireo_domain *dom,
                  int recipient, int action, unsigned int flags,
                  void *opaque)
{
    remote_domain_event_memory_failure_msg msg = {
        reg_id(opaque), wire_dom(dom), recipient, action, flags,
    };

    if (msg.callbackID >= 0)
        send_event(opaque, REMOTE_PROC_DOMAIN_EVENT_MEMORY_FAILURE, &msg);
}

static void
on_memory_device_size_change(struct vireo_conn *conn,
                             struct vireo_domain *dom, const char *alias,
                             unsigned long long size, void *opaque)
{
    remote_domain_event_memory_device_size_change_msg msg = {
        reg_id(opaque), wire_dom(dom), STR(alias), size,
    };

    if (msg.callbackID >= 0)
        send_event(opaque, REMOTE_PROC_DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE,
                   &msg);
}

/* ---- The table ---------------------------------------------------------- */

#define CB(fn) VIREO_DOMAIN_EVENT_CALLBACK(fn)

static const vireo_domain_event_generic_cb relays[VIR_DOMAIN_EVENT_ID_LAST] = {
    [VIR_DOMAIN_EVENT_ID_LIFECYCLE]       = CB(on_lifecycle),
    [VIR_DOMAIN_EVENT_ID_REBOOT]          = on_reboot,
    [VIR_DOMAIN_EVENT_ID_RTC_CHANGE]      = CB(on_rtc_change),
    [VIR_DOMAIN_EVENT_ID_WATCHDOG]        = CB(on_watchdog),
    [VIR_DOMAIN_EVENT_ID_IO_ERROR]        = CB(on_io_error),
    [VIR_DOMAIN_EVENT_ID_GRAPHICS]        = CB(on_graphics),
    [VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON] = CB(on_io_error_reason),
    [VIR_DOMAIN_EVENT_ID_CONTROL_ERROR]   = on_control_error,
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB]       = CB(on_block_job),
    [VIR_DOMAIN_EVENT_ID_DISK_CHANGE]     = CB(on_disk_change),
    [VIR_DOMAIN_EVENT_ID_TRAY_CHANGE]     = CB(on_tray_change),
    [VIR_DOMAIN_EVENT_ID_PMWAKEUP]        = CB(on_pmwakeup),
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND]       = CB(on_pmsuspend),
    [VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE]  = CB(on_balloon_change),
    [VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK]  = CB(on_pmsuspend_disk),
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED]  = CB(on_device_removed),
    [VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2]     = CB(on_block_job_2),
    [VIR_DOMAIN_EVENT_ID_TUNABLE]         = CB(on_tunable),
    [VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE] = CB(on_agent_lifecycle),
    [VIR_DOMAIN_EVENT_ID_DEVICE_ADDED]    = CB(on_device_added),
    [VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION] = CB(on_migration_iteration),
    [VIR_DOMAIN_EVENT_ID_JOB_COMPLETED]   = CB(on_job_completed),
    [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED] =
        CB(on_device_removal_failed),
    [VIR_DOMAIN_EVENT_ID_METADATA_CHANGE] = CB(on_metadata_change),
    [VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD] = CB(on_block_threshold),
    [VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE]  = CB(on_memory_failure),
    [VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE] =
        CB(on_memory_device_size_change),
};

vireo_domain_event_generic_cb
dispatch_event_relay(int event_id)
{
    return relays[event_id];   /* the driver checks ids before calling */
}
