/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_domcaps.c: virsh's domcapabilities.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_domcapabilities_opts[] = {
    { "virttype", OPT_STRING, false, false,
      "virtualization type (/domain/@type)" },
    { "emulatorbin", OPT_STRING, false, false,
      "path to emulator binary (/domain/devices/emulator)" },
    { "arch", OPT_STRING, false, false,
      "domain architecture (/domain/os/type/@arch)" },
    { "machine", OPT_STRING, false, false,
      "machine type (/domain/os/type/@machine)" },
    END_OPTS,
};

int
cmd_domcapabilities(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    char *caps = vireo_conn_get_domain_capabilities(
        s->conn, cmd_string(cmd, "emulatorbin"), cmd_string(cmd, "arch"),
        cmd_string(cmd, "machine"), cmd_string(cmd, "virttype"), 0, &err);

    if (caps == NULL) {
        cli_error("failed to get emulator capabilities");
        cli_report(&err);
        return -1;
    }
    /* virsh adds a newline of its own to the document's. */
    printf("%s\n", caps);
    free(caps);
    return 0;
}
