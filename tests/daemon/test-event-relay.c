/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-event-relay.c: every domain event id, relayed by vireod
 * (daemon/dispatch_event_relay.c) to a client stood in for by the test,
 * then decoded by the remote driver (drivers/remote/remote_event_decode.c):
 * the message is the one libvirtd sends for that id (callback form, and
 * legacy form for ids 0 ... 15), and it decodes back to the same event.
 */
#include <stdlib.h>
#include <string.h>

#include "daemon/client.h"
#include "daemon/dispatch_event_relay.h"
#include "daemon/event_sink.h"
#include "daemon/shared_frame.h"
#include "drivers/domain_event_payload.h"
#include "drivers/handle.h"
#include "drivers/remote/remote_event_decode.h"
#include "tests/tap.h"
#include "wire/decode.h"

/* ---- The client the relay sends to -------------------------------------- */

struct client {
    struct wire_buffer sent;
    int                n_sent;
};

static struct client client;

struct client *
event_sink_client(const struct event_sink *sink)
{
    return &client;
}

bool
client_is_closed(const struct client *c)
{
    return false;
}

void
client_send(struct client *c, struct wire_buffer *buf)
{
    wire_buffer_append(&c->sent, buf->data, buf->len);
    wire_buffer_release(buf);
    c->n_sent++;
}

/* A shared frame as the socket would carry it: the client's head, then
 * the frame's bytes past it. */
void
client_send_shared(struct client *c, const uint8_t *head, size_t head_len,
                   struct shared_frame *frame)
{
    wire_buffer_append(&c->sent, head, head_len);
    wire_buffer_append(&c->sent, frame->data + head_len,
                       frame->len - head_len);
    c->n_sent++;
}

/* ---- Events, as the driver would queue them ------------------------------ */

static const unsigned char uuid[VIREO_UUID_BUFLEN] = { 0xde, 0xad, 0xbe, 0xef };
static struct vireo_domain_event_graphics_identity identities[] = {
    { "x509dname", "CN=alice" }, { "saslUsername", "alice" },
};

/* A payload with every slot id's callback reads set to a distinct value
 * (the slots of domain_event_payload.h), the others left zero. */
static struct domain_event_payload
payload_for(int id, struct vireo_typed_params *params)
{
    struct domain_event_payload p = { 0 };
    static char s[][8] = { "one", "two", "three", "four", "five" };

    switch (id) {
    case VIR_DOMAIN_EVENT_ID_LIFECYCLE:
    case VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE:
        p.ints[0] = 5, p.ints[1] = 1;
        break;
    case VIR_DOMAIN_EVENT_ID_RTC_CHANGE:
        p.nums[0] = (unsigned long long)-7200LL;
        break;
    case VIR_DOMAIN_EVENT_ID_WATCHDOG:
    case VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION:
        p.ints[0] = 6;
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR:
        p.ints[0] = 2, p.strs[0] = s[0], p.strs[1] = s[1];
        break;
    case VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON:
    case VIR_DOMAIN_EVENT_ID_DISK_CHANGE:
        p.ints[0] = 1, p.strs[0] = s[0], p.strs[1] = s[1], p.strs[2] = s[2];
        break;
    case VIR_DOMAIN_EVENT_ID_GRAPHICS:
        p.ints[0] = 2, p.ints[1] = 1, p.ints[2] = 2;
        for (int i = 0; i < DOMAIN_EVENT_N_STRS; i++)
            p.strs[i] = s[i];
        p.identities = identities, p.n_identities = 2;
        break;
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB:
    case VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2:
        p.ints[0] = 3, p.ints[1] = 3, p.strs[0] = s[3];
        break;
    case VIR_DOMAIN_EVENT_ID_TRAY_CHANGE:
        p.ints[0] = 1, p.strs[0] = s[2];
        break;
    case VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE:
        p.nums[0] = 1ULL << 42;
        break;
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED:
    case VIR_DOMAIN_EVENT_ID_DEVICE_ADDED:
    case VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED:
        p.strs[0] = s[4];
        break;
    case VIR_DOMAIN_EVENT_ID_TUNABLE:
    case VIR_DOMAIN_EVENT_ID_JOB_COMPLETED:
        p.params = *params;
        break;
    case VIR_DOMAIN_EVENT_ID_METADATA_CHANGE:
        p.ints[0] = 2, p.strs[0] = s[1];
        break;
    case VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD:
        p.nums[0] = 1000, p.nums[1] = 24, p.strs[0] = s[0], p.strs[1] = s[1];
        break;
    case VIR_DOMAIN_EVENT_ID_MEMORY_FAILURE:
        p.ints[0] = 1, p.ints[1] = 3, p.ints[2] = 2;
        break;
    case VIR_DOMAIN_EVENT_ID_MEMORY_DEVICE_SIZE_CHANGE:
        p.nums[0] = 524288, p.strs[0] = s[2];
        break;
    }
    return p;   /* reboot, control error and PM events carry nothing */
}

/* ---- Comparing ------------------------------------------------------------ */

static bool
same_str(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

static bool
same_params(const struct vireo_typed_params *a,
            const struct vireo_typed_params *b)
{
    if (a->n != b->n)
        return false;
    for (int i = 0; i < a->n; i++) {
        const struct vireo_typed_param *x = &a->params[i], *y = &b->params[i];

        if (strcmp(x->field, y->field) != 0 || x->type != y->type ||
            (x->type == VIREO_TYPED_PARAM_STRING
                 ? !same_str(x->value.s, y->value.s)
                 : x->value.ul != y->value.ul))
            return false;
    }
    return true;
}

static bool
same_payload(const struct domain_event_payload *a,
             const struct domain_event_payload *b)
{
    if (memcmp(a->ints, b->ints, sizeof(a->ints)) != 0 ||
        memcmp(a->nums, b->nums, sizeof(a->nums)) != 0 ||
        !same_params(&a->params, &b->params) ||
        a->n_identities != b->n_identities)
        return false;
    for (int i = 0; i < DOMAIN_EVENT_N_STRS; i++)
        if (!same_str(a->strs[i], b->strs[i]))
            return false;
    for (int i = 0; i < a->n_identities; i++)
        if (!same_str(a->identities[i].type, b->identities[i].type) ||
            !same_str(a->identities[i].name, b->identities[i].name))
            return false;
    return true;
}

/* ---- One round trip --------------------------------------------------------- */

/* Relay id's event through a registration of the given style; decode what
 * the client was sent. Returns whether it came back whole, as the message
 * libvirtd would send. */
static bool
round_trip(struct vireo_domain *dom, int id, bool is_legacy,
           const struct domain_event_payload *sent, char *why, size_t n_why)
{
    struct event_reg reg = { .event_id = id, .is_legacy = is_legacy };
    struct wire_message msg = { 0 };
    struct remote_event ev = { 0 };
    int want_proc = is_legacy ? wire_event_legacy_proc(id)
                              : wire_event_callback_proc(id);
    bool ok = false;

    atomic_init(&reg.callback_id, 41);
    client.n_sent = 0;
    domain_event_payload_invoke(id, dispatch_event_relay(id), dom, sent, &reg);
    if (client.n_sent != 1) {
        snprintf(why, n_why, "%d messages sent", client.n_sent);
    } else if (wire_decode(client.sent.data, client.sent.len, &msg) !=
               WIRE_RESULT_OK) {
        snprintf(why, n_why, "the message does not decode");
    } else if ((int)msg.header.proc != want_proc ||
               msg.header.type != WIRE_TYPE_MESSAGE) {
        snprintf(why, n_why, "procedure %u, want %d", msg.header.proc,
                 want_proc);
    } else if (!remote_event_decode(&msg, &ev)) {
        snprintf(why, n_why, "the remote driver does not know it");
    } else {
        ok = ev.event_id == id && ev.callback_id == (is_legacy ? -1 : 41) &&
             strcmp(ev.dom->name, "guest") == 0 && ev.dom->id == 3 &&
             memcmp(ev.dom->uuid, uuid, VIREO_UUID_BUFLEN) == 0 &&
             same_payload(&ev.payload, sent);
        snprintf(why, n_why, "decoded as id %d, callback %d", ev.event_id,
                 ev.callback_id);
    }
    remote_event_release(&ev);
    wire_message_free(&msg);
    wire_buffer_release(&client.sent);
    return ok;
}

static void
check_every_id(struct vireo_domain *dom, bool is_legacy)
{
    struct vireo_typed_params params = { 0 };
    int n_ok = 0, n_tried = 0;
    char why[128] = "";

    vireo_typed_params_add_string(&params, "cputune.vcpupin0", "0-1", NULL);
    vireo_typed_params_add_ullong(&params, "cputune.cpu_shares", 2048, NULL);
    vireo_typed_params_add_int(&params, "blkdeviotune.x", -3, NULL);
    for (int id = 0; id < VIR_DOMAIN_EVENT_ID_LAST; id++) {
        struct domain_event_payload p = payload_for(id, &params);

        if (is_legacy && wire_event_legacy_proc(id) == 0)
            continue;
        n_tried++;
        if (round_trip(dom, id, is_legacy, &p, why, sizeof(why)))
            n_ok++;
        else
            tap_diag("event id %d (%s form): %s", id,
                     is_legacy ? "legacy" : "callback", why);
    }
    vireo_typed_params_clear(&params);
    tap_is_int(n_ok, n_tried, "%s: every event id's message decodes back to "
               "the event (%d ids)", is_legacy ? "legacy registrations"
                                               : "callback registrations",
               n_tried);
}

static void
check_unnamed_registration(struct vireo_domain *dom)
{
    struct event_reg reg = { .event_id = VIR_DOMAIN_EVENT_ID_TUNABLE };
    struct domain_event_payload p = { 0 };

    atomic_init(&reg.callback_id, -1);
    client.n_sent = 0;
    domain_event_payload_invoke(VIR_DOMAIN_EVENT_ID_TUNABLE,
                                dispatch_event_relay(reg.event_id), dom, &p,
                                &reg);
    tap_is_int(client.n_sent, 0, "an event for a registration the driver "
               "has not yet numbered is not sent");
}

int
main(void)
{
    struct vireo_conn *conn = handle_conn_new("test:///default", false);
    struct vireo_domain *dom = handle_domain_new(conn, "guest", uuid, 3);

    tap_plan(3);
    check_every_id(dom, false);
    check_every_id(dom, true);
    check_unnamed_registration(dom);
    handle_domain_unref(dom);
    handle_conn_unref(conn);
    return tap_done();
}
