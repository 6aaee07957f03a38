/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_help.c: help, as virsh gives it: the list of commands, one
 * command's synopsis, description and options, and the program's usage.
 */
#include <stdio.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_help_opts[] = {
    { "command", OPT_STRING, true, false, "name of the command" },
    END_OPTS,
};

static void
print_synopsis(const struct cmd_def *def)
{
    printf("  SYNOPSIS\n    %s", def->name);
    for (int i = 0; def->opts && def->opts[i].name; i++) {
        const struct opt_def *o = &def->opts[i];
        if (o->type == OPT_BOOL)
            printf(" [--%s]", o->name);
        else if (o->is_positional)
            printf(o->is_required ? " <%s>" : " [<%s>]", o->name);
        else
            printf(" [--%s <%s>]", o->name, commands_opt_type_name(o->type));
    }
    printf("\n\n");
}

static void
print_options(const struct cmd_def *def)
{
    char left[64];

    if (def->opts == NULL || def->opts[0].name == NULL)
        return;
    printf("  OPTIONS\n");
    for (int i = 0; def->opts[i].name; i++) {
        const struct opt_def *o = &def->opts[i];
        if (o->type == OPT_BOOL)
            snprintf(left, sizeof(left), "--%s", o->name);
        else
            snprintf(left, sizeof(left),
                     o->is_positional ? "[--%s] <%s>" : "--%s <%s>",
                     o->name, commands_opt_type_name(o->type));
        printf("    %-15s  %s\n", left, o->help);
    }
    printf("\n");
}

static void
print_command_help(const struct cmd_def *def)
{
    printf("  NAME\n    %s - %s\n\n", def->name, def->summary);
    print_synopsis(def);
    if (def->description[0] != '\0')
        printf("  DESCRIPTION\n    %s\n\n", def->description);
    print_options(def);
}

static void
print_command_list(void)
{
    const struct cmd_def *def;

    printf(" Commands:\n\n");
    for (int i = 0; (def = commands_at(i)) != NULL; i++)
        printf("    %-15s %s\n", def->name, def->summary);
    printf("\n"
           " Commands separated by ';' run in order on one connection;\n"
           " as in virsh, one that fails does not stop the others, and\n"
           " vireo exits with the last one's status.\n");
}

int
cmd_help(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "command");
    const struct cmd_def *def;

    if (name == NULL) {
        print_command_list();
        return 0;
    }
    def = commands_find(name);
    if (def == NULL) {
        cli_error("command or command group '%s' doesn't exist", name);
        return -1;
    }
    print_command_help(def);
    return 0;
}

void
commands_print_usage(const char *prog)
{
    printf("\n%s [options]... [<command_string>]\n"
           "%s [options]... <command> [args...]\n\n"
           "  options:\n"
           "    -c | --connect=URI      hypervisor connection URI\n"
           "                            (default: $VIREO_DEFAULT_URI, else\n"
           "                            test:///default)\n"
           "    -h | --help             this help\n"
           "    -r | --readonly         connect readonly\n"
           "    -v | --version          program version\n\n"
           "  With no command, commands are read from standard input, one\n"
           "  line at a time, until EOF or 'quit'.\n\n",
           prog, prog);
    print_command_list();
    printf("\n  (specify help <command> for details about the command)\n\n");
}
