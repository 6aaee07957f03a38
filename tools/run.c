/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * run.c: running a script of commands on a session.
 *
 * As virsh does, every command is parsed before the first runs, so a typo
 * at the end of a list changes nothing; and every command that runs is
 * followed by an empty line on stdout (virsh's vshCommandRun()), except
 * quit. As in virsh, a command that fails does not stop the list (its
 * error is printed and the next one runs), and the list's status is its
 * last command's, so that a script written for virsh runs alike.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "parse.h"

static int
run_one(struct session *s, const struct cmd *cmd)
{
    int rc = -1;

    if (cmd->def->needs_conn)
        session_check_alive(s);
    if (!cmd->def->needs_conn || session_connect(s) == 0)
        rc = cmd->def->run(s, cmd);
    if (!s->is_quitting)
        printf("\n");
    fflush(stdout);
    return rc;
}

int
run_script(struct session *s, const struct script *sc)
{
    struct cmd *cmds = calloc((size_t)sc->n_cmds + 1, sizeof(*cmds));
    int rc = -1;

    if (cmds == NULL) {
        cli_error("out of memory");
        return -1;
    }
    for (int i = 0; i < sc->n_cmds; i++)
        if (commands_parse((const char *const *)sc->cmds[i].argv,
                           sc->cmds[i].argc, &cmds[i]) < 0)
            goto out;
    rc = 0;
    for (int i = 0; i < sc->n_cmds && !s->is_quitting; i++)
        rc = run_one(s, &cmds[i]);
out:
    free(cmds);
    return rc;
}
