/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_command_check_iotune.c: the I/O tunables the qemu driver does not
 * apply yet (<blkiotune>, <perf>, a disk's <iotune>, an interface's
 * <bandwidth>), refused before anything starts rather than silently
 * dropped, each refusal naming the element.
 *
 * Stateless; any thread.
 */
#include "drivers/error.h"
#include "drivers/qemu/qemu_command_priv.h"

static int
unsupported(struct vireo_error *err, const char *what)
{
    return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_QEMU,
                     "%s is not supported by the qemu driver", what);
}

static bool
is_disk_tuned(const struct domain_disk *d)
{
    if (d->iotune.group_name != NULL)
        return true;
    for (int i = 0; i < DOMAIN_IOTUNE_N_FIELDS; i++)
        if (d->iotune.values[i] != 0)
            return true;
    return false;
}

static bool
is_perf_set(const struct domain_perf *perf)
{
    for (int i = 0; i < DOMAIN_PERF_N_EVENTS; i++)
        if (perf->events[i] != DOMAIN_TRISTATE_ABSENT)
            return true;
    return false;
}

int
qemu_command_check_iotune(const struct domain_def *def,
                          struct vireo_error *err)
{
    if (def->blkiotune.weight != 0 || def->blkiotune.n_devices > 0)
        return unsupported(err, "<blkiotune>");
    if (is_perf_set(&def->perf))
        return unsupported(err, "<perf>");
    for (int i = 0; i < def->n_disks; i++)
        if (is_disk_tuned(&def->disks[i]))
            return unsupported(err, "<disk>: element <iotune> in <disk>");
    for (int i = 0; i < def->n_interfaces; i++)
        if (def->interfaces[i].bandwidth.inbound.is_set ||
            def->interfaces[i].bandwidth.outbound.is_set)
            return unsupported(err, "<interface>: element <bandwidth> in "
                                    "<interface>");
    return 0;
}
