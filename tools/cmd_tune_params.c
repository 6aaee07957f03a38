/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_tune_params.c: schedinfo (the scheduler's parameters, shown and
 * set), desc (a domain's title or description) and metadata (its
 * namespaced elements). Output is virsh 9.0's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"
#include "cmd_tune.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_schedinfo_opts[] = {
    DOMAIN_ARG,
    { "weight", OPT_NUMBER, false, false, "weight for XEN_CREDIT" },
    { "cap", OPT_NUMBER, false, false, "cap for XEN_CREDIT" },
    IMPACT_OPTS,
    { "set", OPT_STRING, false, false, "parameter=value" },
    END_OPTS,
};

const struct opt_def cmd_desc_opts[] = {
    DOMAIN_ARG,
    IMPACT_OPTS,
    { "title", OPT_BOOL, false, false,
      "modify/get the title instead of description" },
    { "new-desc", OPT_STRING, true, false, "message" },
    END_OPTS,
};

const struct opt_def cmd_metadata_opts[] = {
    DOMAIN_ARG,
    { "uri", OPT_STRING, true, true, "URI of the namespace" },
    IMPACT_OPTS,
    { "key", OPT_STRING, false, false,
      "key to be used as a namespace identifier" },
    { "set", OPT_STRING, false, false,
      "new metadata to set" },
    { "remove", OPT_BOOL, false, false, "remove the metadata corresponding "
      "to an uri" },
    END_OPTS,
};

/* ---- schedinfo ---------------------------------------------------------- */

/* One "field=value" given with --set, or --weight/--cap (old options). */
struct sched_set {
    char       field[VIREO_TYPED_PARAM_FIELD_LENGTH];
    const char *value;
};

/* What the command asks to set: at most --set, --weight and --cap. */
static int
sched_requests(const struct cmd *cmd, struct sched_set *out)
{
    const char *set = cmd_string(cmd, "set");
    int n = 0;

    if (set != NULL) {
        const char *eq = strchr(set, '=');

        if (eq == NULL || (size_t)(eq - set) >= sizeof(out[n].field)) {
            cli_error("Invalid syntax for --set, expecting name=value");
            return -1;
        }
        snprintf(out[n].field, sizeof(out[n].field), "%.*s",
                 (int)(eq - set), set);
        out[n++].value = eq + 1;
    }
    if (cmd_has(cmd, "weight")) {
        snprintf(out[n].field, sizeof(out[n].field), "weight");
        out[n++].value = cmd_string(cmd, "weight");
    }
    if (cmd_has(cmd, "cap")) {
        snprintf(out[n].field, sizeof(out[n].field), "cap");
        out[n++].value = cmd_string(cmd, "cap");
    }
    return n;
}

/* libvirt's virTypedParamsAddFromString for the types a scheduler uses. */
static int
sched_add(struct vireo_typed_params *p, const struct vireo_typed_param *like,
          const char *value, struct vireo_error *err)
{
    char *end;
    unsigned long long u;
    long long l;

    errno = 0;
    switch (like->type) {
    case VIREO_TYPED_PARAM_UINT:
        u = strtoull(value, &end, 10);
        if (value[0] == '-' || errno != 0 || *end != '\0' || end == value ||
            u > 0xffffffffull)
            break;
        return vireo_typed_params_add_uint(p, like->field, (unsigned)u, err);
    case VIREO_TYPED_PARAM_ULLONG:
        u = strtoull(value, &end, 10);
        if (value[0] == '-' || errno != 0 || *end != '\0' || end == value)
            break;
        return vireo_typed_params_add_ullong(p, like->field, u, err);
    case VIREO_TYPED_PARAM_LLONG:
        l = strtoll(value, &end, 10);
        if (errno != 0 || *end != '\0' || end == value)
            break;
        return vireo_typed_params_add_llong(p, like->field, l, err);
    default:
        l = strtoll(value, &end, 10);
        if (errno != 0 || *end != '\0' || end == value || l != (int)l)
            break;
        return vireo_typed_params_add_int(p, like->field, (int)l, err);
    }
    err->code = VIR_ERR_INVALID_ARG;
    snprintf(err->message, sizeof(err->message),
             "invalid argument: Invalid value for field '%s': expected %s",
             like->field,
             like->type == VIREO_TYPED_PARAM_UINT ? "unsigned int"
             : like->type == VIREO_TYPED_PARAM_ULLONG ? "unsigned long long"
             : like->type == VIREO_TYPED_PARAM_LLONG ? "long long" : "int");
    return -1;
}

/* The parameters to set, typed like the current ones: the count, or -1
 * after printing the error. */
static int
sched_updates(const struct cmd *cmd, const struct vireo_typed_params *cur,
              struct vireo_typed_params *out)
{
    struct sched_set sets[3];
    struct vireo_error err = { 0 };
    int n = sched_requests(cmd, sets);

    for (int i = 0; i < n; i++) {
        const struct vireo_typed_param *like =
            vireo_typed_params_find(cur, sets[i].field);

        if (like == NULL) {
            cli_error("invalid scheduler option: %s", sets[i].field);
            return -1;
        }
        if (sched_add(out, like, sets[i].value, &err) < 0) {
            cli_report(&err);
            return -1;
        }
    }
    return n;
}

static void
sched_print(const struct vireo_typed_params *p)
{
    for (int i = 0; i < p->n; i++) {
        const struct vireo_typed_param *t = &p->params[i];

        switch (t->type) {
        case VIREO_TYPED_PARAM_UINT:
            printf("%-15s: %u\n", t->field, t->value.ui);
            break;
        case VIREO_TYPED_PARAM_ULLONG:
            printf("%-15s: %llu\n", t->field, t->value.ul);
            break;
        case VIREO_TYPED_PARAM_LLONG:
            printf("%-15s: %lld\n", t->field, t->value.l);
            break;
        default:
            printf("%-15s: %d\n", t->field, t->value.i);
            break;
        }
    }
}

/* Show the parameters, after setting those asked for. */
static int
sched_run(struct vireo_domain *dom, const struct cmd *cmd, unsigned flags)
{
    struct vireo_typed_params cur = { 0 }, set = { 0 };
    struct vireo_error err = { 0 };
    int n, rc = -1;

    if (vireo_domain_get_scheduler_params(dom, &cur, flags, &err) < 0)
        goto report;
    if ((n = sched_updates(cmd, &cur, &set)) < 0)
        goto out;
    if (n > 0) {
        vireo_typed_params_clear(&cur);
        if (vireo_domain_set_scheduler_params(dom, &set, flags, &err) < 0 ||
            vireo_domain_get_scheduler_params(dom, &cur, flags, &err) < 0)
            goto report;
    } else if (cmd_has(cmd, "live") && cmd_has(cmd, "config")) {
        cli_error("cannot query both live and config at once");
        goto out;
    }
    sched_print(&cur);
    rc = 0;
    goto out;
report:
    cli_report(&err);
out:
    vireo_typed_params_clear(&cur);
    vireo_typed_params_clear(&set);
    return rc;
}

int
cmd_schedinfo(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    unsigned flags;
    int n_params = 0, rc = 0;
    char *type;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    type = vireo_domain_get_scheduler_type(dom, &n_params, &err);
    printf("%-15s: %s\n", "Scheduler", type != NULL ? type : "Unknown");
    if (type == NULL) {
        cli_report(&err);
        rc = -1;
    } else if (n_params > 0) {
        rc = sched_run(dom, cmd, flags);
    }
    free(type);
    vireo_domain_free(dom);
    return rc;
}

/* ---- desc --------------------------------------------------------------- */

/* The text --new-desc gives, or NULL to show the current one. */
static char *
new_text(const struct cmd *cmd)
{
    const char *text = cmd_string(cmd, "new-desc");

    return text != NULL ? strdup(text) : NULL;
}

static int
desc_show(struct vireo_domain *dom, int type, unsigned flags)
{
    struct vireo_error err = { 0 };
    char *text = vireo_domain_get_metadata(dom, type, NULL, flags, &err);

    if (text == NULL && err.code != VIR_ERR_NO_DOMAIN_METADATA) {
        cli_report(&err);
        return -1;
    }
    if (text != NULL && text[0] != '\0')
        printf("%s", text);
    else
        printf("No %s for domain: %s",
               type == VIR_DOMAIN_METADATA_TITLE ? "title" : "description",
               vireo_domain_get_name(dom));
    free(text);
    return 0;
}

static int
desc_set(struct vireo_domain *dom, int type, const char *text,
         unsigned flags)
{
    bool is_title = type == VIR_DOMAIN_METADATA_TITLE;
    struct vireo_error err = { 0 };

    if (vireo_domain_set_metadata(dom, type, text, NULL, NULL, flags,
                                  &err) < 0) {
        cli_error("%s", is_title ? "Failed to set new domain title"
                                 : "Failed to set new domain description");
        cli_report(&err);
        return -1;
    }
    printf("%s", is_title ? "Domain title updated successfully"
                          : "Domain description updated successfully");
    return 0;
}

int
cmd_desc(struct session *s, const struct cmd *cmd)
{
    int type = cmd_has(cmd, "title") ? VIR_DOMAIN_METADATA_TITLE
                                     : VIR_DOMAIN_METADATA_DESCRIPTION;
    struct vireo_domain *dom;
    unsigned flags;
    char *text;
    int rc;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    text = new_text(cmd);
    if (text != NULL)
        rc = desc_set(dom, type, text, flags);
    else
        rc = desc_show(dom, type, flags & VIR_DOMAIN_AFFECT_CONFIG);
    free(text);
    vireo_domain_free(dom);
    return rc;
}

/* ---- metadata ----------------------------------------------------------- */

static int
metadata_change(struct vireo_domain *dom, const struct cmd *cmd,
                unsigned flags)
{
    const char *set = cmd_string(cmd, "set");
    struct vireo_error err = { 0 };

    if (set != NULL && !cmd_has(cmd, "key")) {
        cli_error("namespace key is required when modifying metadata");
        return -1;
    }
    if (vireo_domain_set_metadata(dom, VIR_DOMAIN_METADATA_ELEMENT, set,
                                  cmd_string(cmd, "key"),
                                  cmd_string(cmd, "uri"), flags, &err) < 0) {
        cli_report(&err);
        return -1;
    }
    printf("%s\n", set != NULL ? "Metadata modified" : "Metadata removed");
    return 0;
}

static int
metadata_show(struct vireo_domain *dom, const struct cmd *cmd,
              unsigned flags)
{
    struct vireo_error err = { 0 };
    char *text = vireo_domain_get_metadata(dom, VIR_DOMAIN_METADATA_ELEMENT,
                                           cmd_string(cmd, "uri"), flags,
                                           &err);

    if (text == NULL) {
        cli_report(&err);
        return -1;
    }
    printf("%s\n", text);
    free(text);
    return 0;
}

int
cmd_metadata(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom;
    unsigned flags;
    int rc;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    if (cmd_has(cmd, "remove") && cmd_has(cmd, "set")) {
        cli_error("Options --remove and --set are mutually exclusive");
        rc = -1;
    } else if (cmd_has(cmd, "set") || cmd_has(cmd, "remove")) {
        rc = metadata_change(dom, cmd, flags);
    } else {
        rc = metadata_show(dom, cmd, flags);
    }
    vireo_domain_free(dom);
    return rc;
}

/* ---- Show or set -------------------------------------------------------- */

int
tune_params_run(struct session *s, const struct cmd *cmd,
                const struct tune_params_cmd *pc)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    unsigned flags;
    int rc = -1;

    if (tune_impact_flags(cmd, &flags) < 0 ||
        (dom = session_lookup(s, cmd_string(cmd, "domain"), BY_ANY)) == NULL)
        return -1;
    if (pc->collect(cmd, &p) < 0)
        goto out;
    if (p.n == 0) {
        rc = pc->show(dom, flags);
        goto out;
    }
    if ((rc = pc->set(dom, &p, flags, &err)) < 0) {
        cli_error("%s", pc->set_failed);
        cli_report(&err);
    }
out:
    vireo_typed_params_clear(&p);
    vireo_domain_free(dom);
    return rc;
}
