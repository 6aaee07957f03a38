/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_state.c: finding the QEMU driver's domains, refusing clashes, and
 * queueing their events. Everything here runs on the driver's thread.
 */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/uuid.h"
#include "drivers/domain_event.h"
#include "drivers/domain_list.h"
#include "drivers/driver_warn.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_view.h"

struct domain_obj *
qemu_state_find(struct qemu_state *st, struct vireo_domain *dom,
                struct vireo_error *err)
{
    struct domain_obj *obj = domain_list_find_by_uuid(st->domains, dom->uuid);
    char text[VIREO_UUID_STRING_BUFLEN];

    if (obj == NULL) {
        uuid_format(dom->uuid, text);
        error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_QEMU,
                  "no domain with matching uuid '%s' (%s)", text, dom->name);
        atomic_store(&dom->id, -1);
        return NULL;
    }
    atomic_store(&dom->id, obj->id);
    return obj;
}

int
qemu_state_check_clash(struct qemu_state *st, const struct domain_def *def,
                       struct domain_obj **same, struct vireo_error *err)
{
    return domain_list_check_clash(st->domains, def, VIR_FROM_QEMU, same,
                                   err);
}

void
qemu_state_emit(struct qemu_state *st, const struct domain_obj *obj,
                int event, int detail)
{
    qemu_view_mark_stale(st);
    domain_event_queue_lifecycle(st->events, obj->def->name, obj->def->uuid,
                                 obj->id, event, detail);
}

void
qemu_state_set(struct qemu_state *st, struct domain_obj *obj, int state,
               int reason)
{
    qemu_view_mark_stale(st);
    obj->state = state;
    obj->reason = reason;
}

void
qemu_state_warn(struct qemu_state *st, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    driver_vwarn(st->log_warning, fmt, ap);
    va_end(ap);
}

int
qemu_error_system(struct vireo_error *err, int errnum, const char *fmt, ...)
{
    char text[sizeof(err->message)];
    char line[sizeof(err->message)];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(text, sizeof(text), fmt, ap);
    va_end(ap);
    snprintf(line, sizeof(line), "%.200s: %s", text, strerror(errnum));
    return error_set_raw(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_QEMU, line);
}
