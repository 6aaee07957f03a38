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

/* virsh's commands that show a domain's typed parameters when no option
 * sets one, and set those given otherwise (memtune, numatune ...). */
struct tune_params_cmd {
    /* The parameters cmd's options give: 0, or -1 after virsh's error. */
    int (*collect)(const struct cmd *cmd, struct vireo_typed_params *p);
    /* Print the current ones: 0, or -1 after virsh's errors. */
    int (*show)(struct vireo_domain *dom, unsigned flags);
    int (*set)(struct vireo_domain *dom, const struct vireo_typed_params *p,
               unsigned flags, struct vireo_error *err);
    const char *set_failed;  /* virsh's line before a failed set's error */
};

/* Run such a command (cmd_tune_params.c). 0, or -1 after the errors. */
int tune_params_run(struct session *s, const struct cmd *cmd,
                    const struct tune_params_cmd *pc);

#endif /* VIREO_TOOLS_CMD_TUNE_H */
