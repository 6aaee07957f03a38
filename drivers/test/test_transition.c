/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_transition.c: how a test domain's state and id change.
 */
#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_transition.h"

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
    if (is_paused) {
        /* Its vCPUs never ran: "starting up", as vireo's client tests
         * expect (libvirt's qemu driver would say "user"). */
        obj->state = VIR_DOMAIN_PAUSED;
        obj->reason = VIR_DOMAIN_PAUSED_STARTING_UP;
    } else {
        obj->state = VIR_DOMAIN_RUNNING;
        obj->reason = VIR_DOMAIN_RUNNING_BOOTED;
    }
}

void
test_transition_stop(struct test_state *st, struct domain_obj *obj,
                     int reason)
{
    domain_list_set_id(st->domains, obj, -1);
    obj->state = VIR_DOMAIN_SHUTOFF;
    obj->reason = reason;
    apply_new_def(obj);
}

void
test_transition_reset(struct domain_obj *obj)
{
    obj->state = VIR_DOMAIN_RUNNING;
    obj->reason = VIR_DOMAIN_RUNNING_BOOTED;
}

void
test_transition_pause(struct domain_obj *obj, int reason)
{
    obj->state = VIR_DOMAIN_PAUSED;
    obj->reason = reason;
}

void
test_transition_resume(struct domain_obj *obj, int reason)
{
    obj->state = VIR_DOMAIN_RUNNING;
    obj->reason = reason;
}
