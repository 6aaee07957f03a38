/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_tune.c: the commands that size and tune domains: setmem, setmaxmem,
 * setvcpus, memtune, domrename, set-lifecycle-action. Options, checks and
 * output are virsh 9.0's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "cmd_opts.h"
#include "cmd_tune.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_setmem_opts[] = {
    DOMAIN_ARG,
    { "size", OPT_STRING, true, true,
      "new memory size, as scaled integer (default KiB)" },
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_setvcpus_opts[] = {
    DOMAIN_ARG,
    { "count", OPT_NUMBER, true, true, "number of virtual CPUs" },
    { "maximum", OPT_BOOL, false, false, "set maximum limit on next boot" },
    IMPACT_OPTS,
    { "guest", OPT_BOOL, false, false, "modify cpu state in the guest" },
    { "hotpluggable", OPT_BOOL, false, false,
      "make added vcpus hot(un)pluggable" },
    END_OPTS,
};

const struct opt_def cmd_memtune_opts[] = {
    DOMAIN_ARG,
    { "hard-limit", OPT_STRING, false, false,
      "Max memory, as scaled integer (default KiB)" },
    { "soft-limit", OPT_STRING, false, false,
      "Memory during contention, as scaled integer (default KiB)" },
    { "swap-hard-limit", OPT_STRING, false, false,
      "Max memory plus swap, as scaled integer (default KiB)" },
    { "min-guarantee", OPT_STRING, false, false,
      "Min guaranteed memory, as scaled integer (default KiB)" },
    IMPACT_OPTS,
    END_OPTS,
};

const struct opt_def cmd_domrename_opts[] = {
    DOMAIN_ARG,
    { "new-name", OPT_STRING, true, true, "new domain name" },
    END_OPTS,
};

const struct opt_def cmd_lifecycle_opts[] = {
    DOMAIN_ARG,
    { "type", OPT_STRING, true, true, "lifecycle type to modify" },
    { "action", OPT_STRING, true, true, "lifecycle action to set" },
    IMPACT_OPTS,
    END_OPTS,
};

/* ---- Options shared by the tuning commands ----------------------------- */

/* virsh's "Options --a and --b are mutually exclusive". */
static int
exclusive(const struct cmd *cmd, const char *a, const char *b)
{
    if (cmd_has(cmd, a) && cmd_has(cmd, b)) {
        cli_error("Options --%s and --%s are mutually exclusive", a, b);
        return -1;
    }
    return 0;
}

int
tune_impact_flags(const struct cmd *cmd, unsigned *flags)
{
    if (exclusive(cmd, "current", "live") < 0 ||
        exclusive(cmd, "current", "config") < 0)
        return -1;
    *flags = 0;
    if (cmd_has(cmd, "config"))
        *flags |= VIR_DOMAIN_AFFECT_CONFIG;
    if (cmd_has(cmd, "live"))
        *flags |= VIR_DOMAIN_AFFECT_LIVE;
    return 0;
}

/* libvirt's virScaleInteger suffixes: none is the default scale; b or
 * bytes 1; k, KiB ... E(iB) powers of 1024; KB ... EB powers of 1000. */
static int
suffix_scale(const char *suffix, unsigned long long dflt,
             unsigned long long *scale)
{
    static const char units[] = "kmgtpe";
    const char *u;
    unsigned long long base;

    if (*suffix == '\0') {
        *scale = dflt;
        return 0;
    }
    if (strcasecmp(suffix, "b") == 0 || strcasecmp(suffix, "byte") == 0 ||
        strcasecmp(suffix, "bytes") == 0) {
        *scale = 1;
        return 0;
    }
    u = strchr(units, suffix[0] | 0x20);
    if (u == NULL || suffix[0] == '\0')
        return -1;
    if (suffix[1] == '\0' || strcmp(suffix + 1, "iB") == 0)
        base = 1024;
    else if (strcmp(suffix + 1, "B") == 0)
        base = 1000;
    else
        return -1;
    *scale = 1;
    for (const char *p = units; p <= u; p++)
        *scale *= base;
    return 0;
}

int
tune_scaled_kib(const struct cmd *cmd, const char *name,
                unsigned long long *kib)
{
    const char *text = cmd_string(cmd, name);
    unsigned long long value, scale;
    char *end;

    errno = 0;
    value = text[0] == '-' ? 0 : strtoull(text, &end, 10);
    if (text[0] == '-' || errno != 0 || end == text ||
        suffix_scale(end, 1024, &scale) < 0 ||
        (value != 0 && scale > ~0ull / value)) {
        cli_error("Scaled numeric value '%s' for <%s> option is malformed "
                  "or out of range", text, name);
        return -1;
    }
    *kib = (value * scale + 1023) / 1024;
    return 0;
}

/* ---- setmem, setmaxmem -------------------------------------------------- */

static int
set_memory(struct session *s, const struct cmd *cmd, unsigned extra_flags,
           const char *failure)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    unsigned long long kib;
    unsigned flags;
    int rc;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    if (tune_scaled_kib(cmd, "size", &kib) < 0) {
        vireo_domain_free(dom);
        return -1;
    }
    if (flags == 0 && extra_flags == 0)
        rc = vireo_domain_set_memory(dom, kib, &err);
    else
        rc = vireo_domain_set_memory_flags(dom, kib, flags | extra_flags,
                                           &err);
    vireo_domain_free(dom);
    if (rc < 0) {
        if (failure != NULL)
            cli_error("%s", failure);
        cli_report(&err);
    }
    return rc;
}

int
cmd_setmem(struct session *s, const struct cmd *cmd)
{
    return set_memory(s, cmd, 0, NULL);
}

int
cmd_setmaxmem(struct session *s, const struct cmd *cmd)
{
    return set_memory(s, cmd, VIR_DOMAIN_MEM_MAXIMUM,
                      "Unable to change MaxMemorySize");
}

/* ---- setvcpus ----------------------------------------------------------- */

/* virsh's "Option --need is required by option --by". */
static int
requires(const struct cmd *cmd, const char *by, const char *need)
{
    if (cmd_has(cmd, by) && !cmd_has(cmd, need)) {
        cli_error("Option --%s is required by option --%s", need, by);
        return -1;
    }
    return 0;
}

static int
vcpu_flags(const struct cmd *cmd, unsigned *flags)
{
    if (tune_impact_flags(cmd, flags) < 0 ||
        exclusive(cmd, "guest", "config") < 0 ||
        exclusive(cmd, "hotpluggable", "guest") < 0 ||
        requires(cmd, "maximum", "config") < 0)
        return -1;
    if (cmd_has(cmd, "guest"))
        *flags |= VIR_DOMAIN_VCPU_GUEST;
    if (cmd_has(cmd, "maximum"))
        *flags |= VIR_DOMAIN_VCPU_MAXIMUM;
    if (cmd_has(cmd, "hotpluggable"))
        *flags |= VIR_DOMAIN_VCPU_HOTPLUGGABLE;
    return 0;
}

int
cmd_setvcpus(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    unsigned flags;
    long count;
    int rc;

    if (vcpu_flags(cmd, &flags) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    rc = cmd_number(cmd, "count", -2147483647L - 1, 2147483647L, &count);
    if (rc == 0 && count <= 0) {
        cli_error("Can't set %ld processors for a VM", count);
        rc = -1;
    }
    if (rc == 0) {
        rc = vireo_domain_set_vcpus_flags(dom, (unsigned)count,
                                          flags != 0 ? flags
                                                     : VIR_DOMAIN_AFFECT_LIVE,
                                          &err);
        if (rc < 0)
            cli_report(&err);
    }
    vireo_domain_free(dom);
    return rc;
}

/* ---- memtune ------------------------------------------------------------ */

/* Each memtune option and the parameter it sets, in virsh's order. */
static const struct {
    const char *option;
    const char *field;
} memtune_fields[] = {
    { "hard-limit",      VIR_DOMAIN_MEMORY_HARD_LIMIT },
    { "soft-limit",      VIR_DOMAIN_MEMORY_SOFT_LIMIT },
    { "swap-hard-limit", VIR_DOMAIN_MEMORY_SWAP_HARD_LIMIT },
    { "min-guarantee",   "min_guarantee" },
};

/* A limit option: -1 (any negative number) is "unlimited". */
static int
memtune_value(const struct cmd *cmd, const char *option,
              unsigned long long *kib)
{
    const char *text = cmd_string(cmd, option);

    if (text[0] == '-' && strtoll(text, NULL, 10) < 0) {
        *kib = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
        return 0;
    }
    if (tune_scaled_kib(cmd, option, kib) < 0)
        return -1;
    if (*kib > VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)
        *kib = VIR_DOMAIN_MEMORY_PARAM_UNLIMITED;
    return 0;
}

static int
memtune_collect(const struct cmd *cmd, struct vireo_typed_params *p)
{
    struct vireo_error err = { 0 };
    unsigned long long kib;

    for (size_t i = 0; i < sizeof(memtune_fields) / sizeof(*memtune_fields);
         i++) {
        if (!cmd_has(cmd, memtune_fields[i].option))
            continue;
        if (memtune_value(cmd, memtune_fields[i].option, &kib) < 0)
            return -1;
        if (vireo_typed_params_add_ullong(p, memtune_fields[i].field, kib,
                                          &err) < 0) {
            cli_report(&err);
            return -1;
        }
    }
    return 0;
}

static int
memtune_show(struct vireo_domain *dom, unsigned flags)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_error err = { 0 };

    if (vireo_domain_get_memory_params(dom, &p, flags, &err) < 0) {
        cli_error("Unable to get memory parameters");
        cli_report(&err);
        return -1;
    }
    for (int i = 0; i < p.n; i++) {
        if (p.params[i].value.ul == VIR_DOMAIN_MEMORY_PARAM_UNLIMITED)
            printf("%-15s: %s\n", p.params[i].field, "unlimited");
        else
            printf("%-15s: %llu\n", p.params[i].field, p.params[i].value.ul);
    }
    vireo_typed_params_clear(&p);
    return 0;
}

int
cmd_memtune(struct session *s, const struct cmd *cmd)
{
    static const struct tune_params_cmd memtune = {
        memtune_collect, memtune_show, vireo_domain_set_memory_params,
        "Unable to change memory parameters",
    };

    return tune_params_run(s, cmd, &memtune);
}

/* ---- domrename, set-lifecycle-action ------------------------------------ */

int
cmd_domrename(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = session_lookup(s, cmd_string(cmd, "domain"),
                                              BY_ANY);
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_rename(dom, cmd_string(cmd, "new-name"), 0, &err);
    vireo_domain_free(dom);
    if (rc < 0) {
        cli_report(&err);
        return -1;
    }
    printf("Domain successfully renamed\n");
    return 0;
}

static int
word_index(const char *word, const char *const *words, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(word, words[i]) == 0)
            return i;
    return -1;
}

int
cmd_set_lifecycle_action(struct session *s, const struct cmd *cmd)
{
    static const char *const types[] = { "poweroff", "reboot", "crash" };
    static const char *const actions[] = {
        "destroy", "restart", "rename-restart", "preserve",
        "coredump-destroy", "coredump-restart",
    };
    const char *type_word = cmd_string(cmd, "type");
    const char *action_word = cmd_string(cmd, "action");
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    int type, action, rc;
    unsigned flags;

    if (tune_impact_flags(cmd, &flags) < 0)
        return -1;
    if ((type = word_index(type_word, types, 3)) < 0) {
        cli_error("Invalid lifecycle type '%s'.", type_word);
        return -1;
    }
    if ((action = word_index(action_word, actions, 6)) < 0) {
        cli_error("Invalid lifecycle action '%s'.", action_word);
        return -1;
    }
    if ((dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    rc = vireo_domain_set_lifecycle_action(dom, (unsigned)type,
                                           (unsigned)action, flags, &err);
    if (rc < 0) {
        cli_error("Unable to change lifecycle action.");
        cli_report(&err);
    }
    vireo_domain_free(dom);
    return rc;
}
