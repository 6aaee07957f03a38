/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * commands.c: the table of commands, the parsing of a command's options
 * against it (virsh's rules and messages), and help.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ---- Options ------------------------------------------------------------ */

#define DOMAIN_ARG \
    { "domain", OPT_STRING, true, true, "domain name, id or uuid" }
#define FILE_ARG \
    { "file", OPT_STRING, true, true, \
      "file containing an XML domain description" }
#define END_OPTS { NULL, OPT_BOOL, false, false, NULL }

static const struct opt_def domain_only[] = { DOMAIN_ARG, END_OPTS };

static const struct opt_def list_opts[] = {
    { "all", OPT_BOOL, false, false, "list inactive & active domains" },
    { "inactive", OPT_BOOL, false, false, "list inactive domains" },
    END_OPTS,
};

static const struct opt_def domstate_opts[] = {
    DOMAIN_ARG,
    { "reason", OPT_BOOL, false, false, "also print reason for the state" },
    END_OPTS,
};

static const struct opt_def dumpxml_opts[] = {
    DOMAIN_ARG,
    { "inactive", OPT_BOOL, false, false, "show inactive defined XML" },
    { "security-info", OPT_BOOL, false, false,
      "include security sensitive information in XML dump" },
    END_OPTS,
};

static const struct opt_def define_opts[] = {
    FILE_ARG,
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

static const struct opt_def create_opts[] = {
    FILE_ARG,
    { "paused", OPT_BOOL, false, false,
      "leave the guest paused after creation" },
    { "validate", OPT_BOOL, false, false,
      "validate the XML against the schema" },
    END_OPTS,
};

static const struct opt_def start_opts[] = {
    { "domain", OPT_STRING, true, true, "name of the inactive domain" },
    { "paused", OPT_BOOL, false, false, "leave the guest paused after start" },
    END_OPTS,
};

static const struct opt_def autostart_opts[] = {
    DOMAIN_ARG,
    { "disable", OPT_BOOL, false, false, "disable autostarting" },
    END_OPTS,
};

static const struct opt_def event_opts[] = {
    { "domain", OPT_STRING, false, false,
      "filter by domain name, id or uuid" },
    { "event", OPT_STRING, false, false,
      "which event type to wait for: lifecycle or reboot" },
    { "all", OPT_BOOL, false, false,
      "wait for all events instead of just one type" },
    { "loop", OPT_BOOL, false, false,
      "loop until timeout or interrupt, rather than one-shot" },
    { "timeout", OPT_NUMBER, false, false, "timeout seconds" },
    END_OPTS,
};

static const struct opt_def console_opts[] = {
    DOMAIN_ARG,
    { "devname", OPT_STRING, false, false, "character device name" },
    { "force", OPT_BOOL, false, false,
      "force console connection (disconnect already connected sessions)" },
    { "safe", OPT_BOOL, false, false,
      "only connect if safe console handling is supported" },
    END_OPTS,
};

static const struct opt_def qemu_monitor_command_opts[] = {
    DOMAIN_ARG,
    { "hmp", OPT_BOOL, false, false,
      "command is in human monitor protocol" },
    { "cmd", OPT_STRING, true, true, "command" },
    END_OPTS,
};

static const struct opt_def help_opts[] = {
    { "command", OPT_STRING, true, false, "name of the command" },
    END_OPTS,
};

/* Domain monitoring. */

/* Domain tuning: vCPUs, memory, tunables, metadata. */

/* Save, restore, managed save and snapshots. */

/* Devices and guest operations. */

/* Host and hypervisor. */

/* Domain events. */

/* ---- The table ---------------------------------------------------------- */

static const struct cmd_def table[] = {
    { "list", cmd_list, list_opts, true, "list domains",
      "Returns list of domains." },
    { "dominfo", cmd_dominfo, domain_only, true, "domain information",
      "Returns basic information about the domain." },
    { "domstate", cmd_domstate, domstate_opts, true, "domain state",
      "Returns state about a domain." },
    { "domid", cmd_domid, domain_only, true,
      "convert a domain name or UUID to domain id", "" },
    { "domuuid", cmd_domuuid, domain_only, true,
      "convert a domain name or id to domain UUID", "" },
    { "dumpxml", cmd_dumpxml, dumpxml_opts, true, "domain information in XML",
      "Output the domain information as an XML dump to stdout." },
    { "define", cmd_define, define_opts, true,
      "define (but don't start) a domain from an XML file",
      "Define a domain." },
    { "undefine", cmd_undefine, domain_only, true, "undefine a domain",
      "Undefine an inactive domain, or convert persistent to transient." },
    { "create", cmd_create, create_opts, true,
      "create a domain from an XML file",
      "Create a domain." },
    { "start", cmd_start, start_opts, true,
      "start a (previously defined) inactive domain",
      "Start a domain, either from the last managedsave\n"
      "    state, or via a fresh boot if no managedsave state\n"
      "    is present." },
    { "destroy", cmd_destroy, domain_only, true, "destroy (stop) a domain",
      "Forcefully stop a given domain, but leave its resources intact." },
    { "shutdown", cmd_shutdown, domain_only, true,
      "gracefully shutdown a domain", "Run shutdown in the target domain." },
    { "reboot", cmd_reboot, domain_only, true, "reboot a domain",
      "Run a reboot command in the target domain." },
    { "suspend", cmd_suspend, domain_only, true, "suspend a domain",
      "Suspend a running domain." },
    { "resume", cmd_resume, domain_only, true, "resume a domain",
      "Resume a previously suspended domain." },
    { "autostart", cmd_autostart, autostart_opts, true, "autostart a domain",
      "Configure a domain to be automatically started at boot." },
    { "event", cmd_event, event_opts, true, "Domain Events",
      "List event types, or wait for domain events to occur." },
    { "console", cmd_console, console_opts, true, "connect to the guest console",
      "Connect the virtual serial console for the guest" },
    { "qemu-monitor-command", cmd_qemu_monitor_command,
      qemu_monitor_command_opts, true, "QEMU Monitor Command",
      "QEMU Monitor Command" },
    { "version", cmd_version, NULL, true, "show version",
      "Display the system version information." },
    { "hostname", cmd_hostname, NULL, true, "print the hypervisor hostname",
      "" },
    { "nodeinfo", cmd_nodeinfo, NULL, true, "node information",
      "Returns basic information about the node." },
    { "uri", cmd_uri, NULL, true, "print the hypervisor canonical URI", "" },
    { "capabilities", cmd_capabilities, NULL, true, "capabilities",
      "Returns capabilities of hypervisor/driver." },
    /* Domain monitoring. */

    /* Domain tuning: vCPUs, memory, tunables, metadata. */

    /* Save, restore, managed save and snapshots. */

    /* Devices and guest operations. */

    /* Host and hypervisor. */

    /* Domain events. */

    { "help", cmd_help, help_opts, false, "print help",
      "Prints global help, command specific help, or help for a\n"
      "    group of related commands" },
    { "quit", cmd_quit, NULL, false, "quit this interactive terminal", "" },
    { "exit", cmd_quit, NULL, false, "quit this interactive terminal", "" },
};

#define N_COMMANDS ((int)(sizeof(table) / sizeof(table[0])))

const struct cmd_def *
commands_find(const char *name)
{
    for (int i = 0; i < N_COMMANDS; i++)
        if (strcmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

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

static const char *
type_name(enum opt_type type)
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
                  type_name(cmd->def->opts[o].type));
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

/* ---- Help ------------------------------------------------------------- */

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
            printf(" [--%s <%s>]", o->name, type_name(o->type));
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
                     o->name, type_name(o->type));
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
    printf(" Commands:\n\n");
    for (int i = 0; i < N_COMMANDS; i++)
        printf("    %-15s %s\n", table[i].name, table[i].summary);
    printf("\n"
           " Commands separated by ';' run in order on one connection.\n"
           " Unlike virsh, a list of commands stops at the first that fails,\n"
           " and vireo then exits with status 1.\n");
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

int
cmd_quit(struct session *s, const struct cmd *cmd)
{
    s->is_quitting = true;
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
