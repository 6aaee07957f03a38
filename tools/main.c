/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * main.c: vireo, the command-line client: options, then either the
 * commands given as arguments or an interactive shell.
 *
 *   vireo [-c URI] [-r] COMMAND [ARGS] [; COMMAND [ARGS] ...]
 *   vireo [-c URI] [-r]          (shell: commands from stdin)
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "parse.h"

/* Exit status: 0 for options that only print, 1 on a mistake, -1 to go on. */
static int
parse_options(int argc, char **argv, struct session *s)
{
    static const struct option longopts[] = {
        { "connect",  required_argument, NULL, 'c' },
        { "readonly", no_argument,       NULL, 'r' },
        { "help",     no_argument,       NULL, 'h' },
        { "version",  no_argument,       NULL, 'v' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    /* '+': stop at the first command word, so its options stay its own;
     * ':': report mistakes here, in virsh's words, not in getopt's. */
    opterr = 0;
    while ((c = getopt_long(argc, argv, "+:c:rhv", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': s->uri = optarg; break;
        case 'r': s->is_read_only = true; break;
        case 'h': commands_print_usage(argv[0]); return 0;
        case 'v': printf("%s\n", VIREO_VERSION_STRING); return 0;
        case ':':
            cli_error("option '%s' requires an argument", argv[optind - 1]);
            return 1;
        default:
            cli_error("unsupported option '%s'. See --help.",
                      argv[optind - 1]);
            return 1;
        }
    }
    return -1;
}

/* One argument is a command string, split like a shell line ("start vm1;
 * suspend vm1"); several are words, with ";" alone between commands. This
 * is virsh's rule. */
static int
run_arguments(struct session *s, int argc, char **argv)
{
    struct script sc = { NULL, 0 };
    char why[128];
    int rc;

    if (argc == 1)
        rc = parse_line(argv[0], &sc, why, sizeof(why));
    else
        rc = parse_argv(argc, argv, &sc);
    if (rc < 0) {
        cli_error("%s", argc == 1 ? why : "out of memory");
        return -1;
    }
    rc = run_script(s, &sc);
    script_clear(&sc);
    return rc;
}

/* Events reach callbacks through the registered loop, so the loop must be
 * in place before any connection is opened: register it for every session,
 * as virsh does. */
static int
register_loop(void)
{
    struct vireo_error err = { 0 };

    if (vireo_event_register_default_impl(&err) == 0)
        return 0;
    cli_report(&err);
    return -1;
}

int
main(int argc, char **argv)
{
    struct session s = { 0 };
    int rc = parse_options(argc, argv, &s);

    if (rc >= 0)
        return rc;
    if (register_loop() < 0)
        return EXIT_FAILURE;
    if (optind < argc)
        rc = run_arguments(&s, argc - optind, argv + optind);
    else
        rc = shell_run(&s);
    session_close(&s);
    return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
