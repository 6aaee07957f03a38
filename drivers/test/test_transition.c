/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_transition.c: how a test domain's state, id and clock change. The
 * "CPU time" is real: the wall time the domain spent in the running state,
 * counted once per vCPU, so that it grows between two get_info calls as a
 * real guest's would.
 */
#include <time.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_transition.h"

static unsigned long long
now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000000000ull +
           (unsigned long long)ts.tv_nsec;
}

/* Fold the current running stretch into run_ns. */
static void
clock_stop(struct domain_obj *obj)
{
    if (obj->state == VIR_DOMAIN_RUNNING)
        obj->run_ns += now_ns() - obj->run_since_ns;
    obj->run_since_ns = 0;
}

static void
clock_start(struct domain_obj *obj)
{
    obj->run_since_ns = now_ns();
}

/* A definition waiting for the next start replaces the live one. */
static void
apply_new_def(struct domain_obj *obj)
{
    if (obj->new_def == NULL)
        return;
    domain_def_free(obj->def);
    obj->def = obj->new_def;
    obj->new_def = NULL;
}

void
test_transition_start(struct test_state *st, struct domain_obj *obj,
                      bool is_paused)
{
    apply_new_def(obj);
    /* libvirt's test driver boots afresh, and forgets the managed save. */
    obj->has_managed_save = false;
    domain_list_set_id(st->domains, obj, st->next_id++);
    obj->run_ns = 0;
    if (is_paused) {
        /* Its vCPUs never ran: "starting up", as vireo's client tests
         * expect (libvirt's qemu driver would say "user"). */
        obj->state = VIR_DOMAIN_PAUSED;
        obj->reason = VIR_DOMAIN_PAUSED_STARTING_UP;
        obj->run_since_ns = 0;
    } else {
        obj->state = VIR_DOMAIN_RUNNING;
        obj->reason = VIR_DOMAIN_RUNNING_BOOTED;
        clock_start(obj);
    }
}

void
test_transition_stop(struct test_state *st, struct domain_obj *obj,
                     int reason)
{
    clock_stop(obj);
    domain_list_set_id(st->domains, obj, -1);
    obj->state = VIR_DOMAIN_SHUTOFF;
    obj->reason = reason;
    obj->run_ns = 0;
    apply_new_def(obj);
}

void
test_transition_reset(struct domain_obj *obj)
{
    if (obj->state != VIR_DOMAIN_RUNNING)
        clock_start(obj);
    obj->state = VIR_DOMAIN_RUNNING;
    obj->reason = VIR_DOMAIN_RUNNING_BOOTED;
}

void
test_transition_pause(struct domain_obj *obj, int reason)
{
    clock_stop(obj);
    obj->state = VIR_DOMAIN_PAUSED;
    obj->reason = reason;
}

void
test_transition_resume(struct domain_obj *obj, int reason)
{
    obj->state = VIR_DOMAIN_RUNNING;
    obj->reason = reason;
    clock_start(obj);
}

unsigned long long
test_transition_cpu_time_ns(const struct domain_obj *obj)
{
    unsigned long long ran = obj->run_ns;

    if (obj->state == VIR_DOMAIN_RUNNING)
        ran += now_ns() - obj->run_since_ns;
    return ran * obj->def->vcpus;
}
