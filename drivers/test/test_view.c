/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_view.c: publishing a test state's domains (test_view.h).
 */
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
    domain_view_describe_obj(obj, e);
    e->n_vcpus = test_monitor_vcpus_online(obj->def);
}

void
test_view_after_op(struct test_state *st)
{
    if (domain_view_is_wanted(&st->view))
        domain_view_publish_list(&st->view, st->domains, describe,
                                 &retired);
    else if (read_view_n_retired(&retired) > 0)
        read_view_reclaim(&retired);
}

void
test_view_fini(struct test_state *st)
{
    domain_view_source_fini(&st->view, &retired);
}
