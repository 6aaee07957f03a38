/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_tune_pin.c: copying, freeing and changing a definition's thread
 * placement (domain_tune_pin.h) as libvirt's domain_conf.c and
 * numa_conf.c change theirs. Stateless; any thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_tune_pin.h"
#include "drivers/error.h"

static const char *const numa_modes[DOMAIN_NUMA_MODE_LAST] = {
    "strict", "preferred", "interleave", "restrictive",
};

const char *
domain_numa_mode_to_string(int mode)
{
    return mode >= 0 && mode < DOMAIN_NUMA_MODE_LAST ? numa_modes[mode]
                                                     : NULL;
}

int
domain_numa_mode_from_string(const char *word)
{
    for (int m = 0; word != NULL && m < DOMAIN_NUMA_MODE_LAST; m++)
        if (strcmp(word, numa_modes[m]) == 0)
            return m;
    return -1;
}

/* ---- Copy and free ---------------------------------------------------- */

static char *
dup_opt(const char *s, bool *ok)
{
    char *copy = s != NULL ? strdup(s) : NULL;

    if (s != NULL && copy == NULL)
        *ok = false;
    return copy;
}

static void *
dup_array(const void *src, int n, size_t size, bool *ok)
{
    void *copy;

    if (n <= 0)
        return NULL;
    copy = malloc((size_t)n * size);
    if (copy == NULL) {
        *ok = false;
        return NULL;
    }
    return memcpy(copy, src, (size_t)n * size);
}

bool
domain_pin_copy(struct domain_pin *dst, const struct domain_pin *src)
{
    bool ok = true;

    *dst = *src;
    dst->iothreads = dup_array(src->iothreads, src->n_iothreads,
                               sizeof(*src->iothreads), &ok);
    dst->n_iothreads = dst->iothreads != NULL ? src->n_iothreads : 0;
    for (int i = 0; i < dst->n_iothreads; i++)
        dst->iothreads[i].cpuset = dup_opt(src->iothreads[i].cpuset, &ok);
    dst->vcpu_pins = dup_array(src->vcpu_pins, src->n_vcpu_pins,
                               sizeof(*src->vcpu_pins), &ok);
    dst->n_vcpu_pins = dst->vcpu_pins != NULL ? src->n_vcpu_pins : 0;
    for (int i = 0; i < dst->n_vcpu_pins; i++)
        dst->vcpu_pins[i].cpuset = dup_opt(src->vcpu_pins[i].cpuset, &ok);
    dst->emulator_cpuset = dup_opt(src->emulator_cpuset, &ok);
    dst->cputune_head = dup_opt(src->cputune_head, &ok);
    dst->cputune_tail = dup_opt(src->cputune_tail, &ok);
    dst->numa_nodeset = dup_opt(src->numa_nodeset, &ok);
    dst->numa_memnodes = dup_opt(src->numa_memnodes, &ok);
    dst->parsed_iothread_pins = NULL;
    dst->n_parsed_iothread_pins = 0;
    return ok;
}

void
domain_pin_clear(struct domain_pin *pin)
{
    for (int i = 0; i < pin->n_iothreads; i++)
        free(pin->iothreads[i].cpuset);
    free(pin->iothreads);
    for (int i = 0; i < pin->n_vcpu_pins; i++)
        free(pin->vcpu_pins[i].cpuset);
    free(pin->vcpu_pins);
    free(pin->emulator_cpuset);
    free(pin->cputune_head);
    free(pin->cputune_tail);
    free(pin->numa_nodeset);
    free(pin->numa_memnodes);
    for (int i = 0; i < pin->n_parsed_iothread_pins; i++)
        free(pin->parsed_iothread_pins[i].cpuset);
    free(pin->parsed_iothread_pins);
    memset(pin, 0, sizeof(*pin));
}

/* ---- I/O threads ------------------------------------------------------ */

struct domain_iothread *
domain_pin_find_iothread(struct domain_pin *pin, unsigned int id)
{
    for (int i = 0; i < pin->n_iothreads; i++)
        if (pin->iothreads[i].id == id)
            return &pin->iothreads[i];
    return NULL;
}

struct domain_iothread *
domain_pin_add_iothread(struct domain_pin *pin, unsigned int id)
{
    struct domain_iothread *grown =
        realloc(pin->iothreads,
                (size_t)(pin->n_iothreads + 1) * sizeof(*grown));

    if (grown == NULL)
        return NULL;
    pin->iothreads = grown;
    grown[pin->n_iothreads] = (struct domain_iothread){
        .id = id, .thread_pool_min = -1, .thread_pool_max = -1,
    };
    return &grown[pin->n_iothreads++];
}

void
domain_pin_del_iothread(struct domain_pin *pin, unsigned int id)
{
    for (int i = 0; i < pin->n_iothreads; i++) {
        if (pin->iothreads[i].id != id)
            continue;
        for (int j = i + 1; j < pin->n_iothreads; j++)
            pin->iothreads[j].is_autofill = false;
        free(pin->iothreads[i].cpuset);
        memmove(&pin->iothreads[i], &pin->iothreads[i + 1],
                (size_t)(pin->n_iothreads - i - 1) *
                sizeof(*pin->iothreads));
        pin->n_iothreads--;
        return;
    }
}

/* ---- vCPUs ------------------------------------------------------------ */

const char *
domain_pin_vcpu(const struct domain_pin *pin, unsigned int vcpu)
{
    for (int i = 0; i < pin->n_vcpu_pins; i++)
        if (pin->vcpu_pins[i].vcpu == vcpu)
            return pin->vcpu_pins[i].cpuset;
    return NULL;
}

int
domain_pin_set_vcpu(struct domain_pin *pin, unsigned int vcpu, char *cpuset)
{
    struct domain_vcpu_pin *grown;
    int at = 0;

    for (int i = 0; i < pin->n_vcpu_pins; i++) {
        if (pin->vcpu_pins[i].vcpu == vcpu) {
            free(pin->vcpu_pins[i].cpuset);
            pin->vcpu_pins[i].cpuset = cpuset;
            return 0;
        }
        if (pin->vcpu_pins[i].vcpu < vcpu)
            at = i + 1;
    }
    grown = realloc(pin->vcpu_pins,
                    (size_t)(pin->n_vcpu_pins + 1) * sizeof(*grown));
    if (grown == NULL) {
        free(cpuset);
        return -1;
    }
    pin->vcpu_pins = grown;
    memmove(&grown[at + 1], &grown[at],
            (size_t)(pin->n_vcpu_pins - at) * sizeof(*grown));
    grown[at] = (struct domain_vcpu_pin){ .vcpu = vcpu, .cpuset = cpuset };
    pin->n_vcpu_pins++;
    return 0;
}

/* ---- NUMA ------------------------------------------------------------- */

int
domain_pin_set_numa(struct domain_pin *pin, int mode, int placement,
                    const char *nodeset, struct vireo_error *err)
{
    char *copy = NULL;
    bool has_nodeset;

    if (mode == -1 && placement == -1 && nodeset == NULL)
        return 0;
    if (!pin->is_numa_set && mode == -1)
        mode = DOMAIN_NUMA_MODE_STRICT;
    if (!pin->is_numa_set && placement == -1)
        placement = DOMAIN_NUMA_PLACEMENT_DEFAULT;
    if (nodeset != NULL && (copy = strdup(nodeset)) == NULL)
        return error_no_memory(err);
    if (nodeset != NULL && placement == -1)
        placement = DOMAIN_NUMA_PLACEMENT_STATIC;
    /* The default placement, with the vCPU placement static. */
    if (placement == DOMAIN_NUMA_PLACEMENT_DEFAULT)
        placement = DOMAIN_NUMA_PLACEMENT_STATIC;
    has_nodeset = copy != NULL || pin->numa_nodeset != NULL;
    if (placement == DOMAIN_NUMA_PLACEMENT_STATIC && !has_nodeset)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "nodeset for NUMA memory tuning must be set if "
                         "'placement' is 'static'");
    if (mode != -1)
        pin->numa_mode = mode;
    if (copy != NULL) {
        free(pin->numa_nodeset);
        pin->numa_nodeset = copy;
    }
    /* A nodeset means nothing when the placement is automatic. */
    if (placement == DOMAIN_NUMA_PLACEMENT_AUTO) {
        free(pin->numa_nodeset);
        pin->numa_nodeset = NULL;
    }
    if (placement != -1)
        pin->numa_placement = placement;
    pin->is_numa_set = true;
    return 0;
}
