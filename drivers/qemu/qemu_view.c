/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_view.c: publishing the QEMU driver's domains (qemu_view.h).
 */

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/domain_view.h"
#include "drivers/qemu/qemu_guest.h"
#include "drivers/qemu/qemu_state.h"
#include "drivers/qemu/qemu_view.h"
#include "drivers/worker.h"

/* Views replaced and not yet freed. Owned by the driver's thread. */
static struct read_view_retired retired;

/* What the driver's info answers: the CPU time its QEMU has used. */
static unsigned long long
cpu_time_ns(const struct domain_view_entry *e)
{
    return e->pid > 0 ? qemu_guest_pid_cpu_time_ns(e->pid) : 0;
}

/* What a reader may learn of obj without asking the driver's thread:
 * what the lookups, state, info, activity and persistence slots answer
 * (qemu_query.c). */
static void
describe(const struct domain_obj *obj, struct domain_view_entry *e)
{
    const struct qemu_guest *g = obj->priv;

    domain_view_describe_obj(obj, e);
    e->n_vcpus = obj->def->vcpus;
    e->pid = g != NULL ? (int)g->pid : 0;
}

/* After each job and round of timers. A publication that finds memory
 * short leaves the view stale: readers go to the thread meanwhile. */
static void
after_job(void *arg)
{
    struct qemu_state *st = arg;

    if (domain_view_is_stale(&st->view))
        domain_view_publish_list(&st->view, st->domains, describe,
                                 &retired);
    else if (read_view_n_retired(&retired) > 0)
        read_view_reclaim(&retired);
}

void
qemu_view_init(struct qemu_state *st)
{
    domain_view_source_init(&st->view);
    st->view.cpu_time_ns = cpu_time_ns;
    if (worker_current() != NULL)
        worker_set_after_job(worker_current(), after_job, st);
}

void
qemu_view_mark_stale(struct qemu_state *st)
{
    domain_view_mark_stale(&st->view);
}

void
qemu_view_fini(struct qemu_state *st)
{
    if (worker_current() != NULL)
        worker_set_after_job(worker_current(), NULL, NULL);
    domain_view_source_fini(&st->view, &retired);
}
