/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_args.c: a command's words parsed against its entry of the table
 * (commands.c), with virsh's rules and messages, and the values of its
 * options read back.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---- Parsing a command's words ----------------------------------------- */

static int
find_opt(const struct cmd_def *def, const char *name, size_t len)
{
    for (int i = 0; def->opts && def->opts[i].name; i++)
        if (strlen(def->opts[i].name) == len &&
            strncmp(def->opts[i].name, name, len) == 0)
            return i;
    return -1;
}

const char *
commands_opt_type_name(enum opt_type type)
{
    return type == OPT_NUMBER ? "number" : "string";
}

/* The next positional option not yet given, or -1. */
static int
next_positional(const struct cmd *cmd)
{
    const struct opt_def *opts = cmd->def->opts;

    for (int i = 0; opts && opts[i].name; i++)
        if (opts[i].is_positional && cmd->values[i] == NULL)
            return i;
    return -1;
}

/* One "--name", "--name=value" or "--name value" at argv[*i]. */
static int
parse_named(const char *const *argv, int argc, int *i, struct cmd *cmd)
{
    const char *name = argv[*i] + 2, *eq = strchr(name, '=');
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    int o = find_opt(cmd->def, name, len);

    if (o < 0) {
        cli_error("command '%s' doesn't support option --%.*s",
                  cmd->def->name, (int)len, name);
        return -1;
    }
    if (cmd->values[o] != NULL) {
        cli_error("option --%s already seen", cmd->def->opts[o].name);
        return -1;
    }
    if (cmd->def->opts[o].type == OPT_BOOL) {
        if (eq != NULL) {
            cli_error("invalid '=' after option --%s", cmd->def->opts[o].name);
            return -1;
        }
        cmd->values[o] = "";
        return 0;
    }
    if (eq == NULL && *i + 1 >= argc) {
        cli_error("expected syntax: --%s <%s>", cmd->def->opts[o].name,
                  commands_opt_type_name(cmd->def->opts[o].type));
        return -1;
    }
    cmd->values[o] = eq ? eq + 1 : argv[++*i];
    return 0;
}

static int
parse_positional(const char *word, struct cmd *cmd)
{
    int o = next_positional(cmd);

    if (o < 0) {
        cli_error("unexpected data '%s'", word);
        return -1;
    }
    cmd->values[o] = word;
    return 0;
}

static int
check_required(const struct cmd *cmd)
{
    const struct opt_def *opts = cmd->def->opts;

    for (int i = 0; opts && opts[i].name; i++) {
        if (opts[i].is_required && cmd->values[i] == NULL) {
            cli_error("command '%s' requires <%s> option", cmd->def->name,
                      opts[i].name);
            return -1;
        }
    }
    return 0;
}

int
commands_parse(const char *const *argv, int argc, struct cmd *cmd)
{
    bool only_data = false;

    memset(cmd, 0, sizeof(*cmd));
    cmd->def = commands_find(argv[0]);
    if (cmd->def == NULL) {
        cli_error("unknown command: '%s'", argv[0]);
        return -1;
    }
    for (int i = 1; i < argc; i++) {
        int rc;
        if (!only_data && strcmp(argv[i], "--") == 0) {
            only_data = true;   /* what follows is data, even "--x" */
            continue;
        }
        if (!only_data && strncmp(argv[i], "--", 2) == 0)
            rc = parse_named(argv, argc, &i, cmd);
        else
            rc = parse_positional(argv[i], cmd);
        if (rc < 0)
            return -1;
    }
    return check_required(cmd);
}

/* ---- Option values ---------------------------------------------------- */

static int
opt_index(const struct cmd *cmd, const char *name)
{
    return find_opt(cmd->def, name, strlen(name));
}

bool
cmd_has(const struct cmd *cmd, const char *name)
{
    return cmd_string(cmd, name) != NULL;
}

const char *
cmd_string(const struct cmd *cmd, const char *name)
{
    int o = opt_index(cmd, name);

    return o >= 0 ? cmd->values[o] : NULL;
}

int
cmd_number(const struct cmd *cmd, const char *name, long min, long max,
           long *value)
{
    const char *text = cmd_string(cmd, name);
    char *end;
    long n;

    if (text == NULL)
        return 1;
    errno = 0;
    n = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || n < min || n > max) {
        cli_error("Numeric value '%s' for <%s> option is malformed or out "
                  "of range", text, name);
        return -1;
    }
    *value = n;
    return 0;
}
