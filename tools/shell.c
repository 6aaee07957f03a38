/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * shell.c: the interactive shell: one line at a time from stdin, each run
 * as a command list of its own. A failing line does not end the shell (as
 * in virsh), but it does make the exit status 1, so that a script piped
 * into vireo can tell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "parse.h"

static void
print_banner(void)
{
    printf("Welcome to vireo, the virtualization interactive terminal.\n\n"
           "Type:  'help' for help with commands\n"
           "       'quit' to quit\n\n");
}

/* Prompt only for a person: virsh's "# " for a read-write connection and
 * "> " for a read-only one. */
static void
prompt(const struct session *s, bool is_tty)
{
    if (!is_tty)
        return;
    printf("vireo %c ", s->is_read_only ? '>' : '#');
    fflush(stdout);
}

static int
run_line(struct session *s, const char *line)
{
    struct script sc = { NULL, 0 };
    char why[128];
    int rc;

    if (parse_line(line, &sc, why, sizeof(why)) < 0) {
        cli_error("%s", why);
        return -1;
    }
    rc = run_script(s, &sc);
    script_clear(&sc);
    return rc;
}

int
shell_run(struct session *s)
{
    bool is_tty = isatty(STDIN_FILENO);
    size_t cap = 0;
    char *line = NULL;
    int rc = 0;

    if (is_tty)
        print_banner();
    while (!s->is_quitting) {
        prompt(s, is_tty);
        if (getline(&line, &cap, stdin) < 0)
            break;
        if (run_line(s, line) < 0)
            rc = -1;
    }
    if (is_tty && !s->is_quitting)
        printf("\n");
    free(line);
    return rc;
}

int
cmd_quit(struct session *s, const struct cmd *cmd)
{
    s->is_quitting = true;
    return 0;
}
