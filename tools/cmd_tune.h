/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_tune.h: what the tuning commands (cmd_tune.c, cmd_tune_params.c)
 * share: virsh's reading of their common options. Main thread.
 */
#ifndef VIREO_TOOLS_CMD_TUNE_H
#define VIREO_TOOLS_CMD_TUNE_H

#include "cli.h"

/* --config, --live, --current as virsh reads them (--current excludes the
 * others) into enum vireo_domain_modification_impact flags. 0, or -1
 * after printing virsh's error. */
int tune_impact_flags(const struct cmd *cmd, unsigned *flags);

/* Option name's value with virsh's scaled units (KiB when none), in KiB
 * rounded up. 0, or -1 after printing virsh's error. */
int tune_scaled_kib(const struct cmd *cmd, const char *name,
                    unsigned long long *kib);

#endif /* VIREO_TOOLS_CMD_TUNE_H */
