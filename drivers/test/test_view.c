/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_view.c: publishing a test state's domains (test_view.h).
 */
#include <string.h>
#include <time.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/domain_view.h"
#include "drivers/test/test_monitor.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_view.h"

/* Views replaced and not yet freed, of every state. Owned by the test
 * driver's thread. */
static struct read_view_retired retired;

unsigned long long
test_view_wall_clock_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ULL +
           (unsigned long long)(ts.tv_nsec / 1000) * 1000ULL;
}

static unsigned long long
cpu_time_ns(const struct domain_view_entry *e)
{
    return test_view_wall_clock_ns();
}

void
test_view_init(struct test_state *st)
{
    domain_view_source_init(&st->view);
    st->view.cpu_time_ns = cpu_time_ns;
}

void
test_view_before_op(struct test_state *st)
{
    domain_view_mark_stale(&st->view);
}

/* What a reader may learn of obj without asking the test thread: what
 * the lookups, state, info, activity and persistence calls answer. */
static void
describe(const struct domain_obj *obj, struct domain_view_entry *e)
{
    const struct domain_def *def = obj->def;

    e->name = def->name;
    memcpy(e->uuid, def->uuid, sizeof(e->uuid));
    e->id = obj->id;
    e->state = obj->state;
    e->reason = obj->reason;
    e->is_persistent = obj->is_persistent;
    e->max_mem_kib = def->memory_kib;
    e->memory_kib = def->current_memory_kib;
    e->n_vcpus = test_monitor_vcpus_online(def);
}

static void
publish(struct test_state *st)
{
    const struct domain_view *prev = domain_view_published(&st->view);
    size_t n = domain_list_count(st->domains);
    struct domain_view *v = domain_view_begin(n);

    for (size_t i = 0; v != NULL && i < n; i++) {
        struct domain_view_entry e = { 0 };

        describe(domain_list_at(st->domains, i), &e);
        if (domain_view_add(v, &e, prev) < 0) {
            domain_view_free(v);
            v = NULL;
        }
    }
    if (v != NULL)
        domain_view_publish(&st->view, v, &retired);
}

void
test_view_after_op(struct test_state *st)
{
    if (domain_view_is_wanted(&st->view))
        publish(st);
    else if (read_view_n_retired(&retired) > 0)
        read_view_reclaim(&retired);
}

void
test_view_fini(struct test_state *st)
{
    domain_view_source_fini(&st->view, &retired);
}
