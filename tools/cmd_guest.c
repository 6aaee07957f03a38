/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_guest.c: the commands that act inside a guest or on its hardware:
 * domhostname, domtime, domfsinfo, domfsfreeze, domfsthaw, domfstrim,
 * reset, inject-nmi and set-user-password, with virsh's options and
 * messages (some of which end without a newline, as virsh's do).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "cmd_opts.h"
#include "table.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_domhostname_opts[] = {
    DOMAIN_ARG,
    { "source", OPT_STRING, false, false,
      "address source: 'lease' or 'agent'" },
    END_OPTS,
};

const struct opt_def cmd_domtime_opts[] = {
    DOMAIN_ARG,
    { "now", OPT_BOOL, false, false,
      "set to the time of the host running virsh" },
    { "pretty", OPT_BOOL, false, false,
      "print domain's time in human readable form" },
    { "sync", OPT_BOOL, false, false,
      "instead of setting given time, synchronize from domain's RTC" },
    { "time", OPT_NUMBER, false, false, "time to set" },
    END_OPTS,
};

const struct opt_def cmd_domfs_change_opts[] = {
    DOMAIN_ARG,
    { "mountpoint", OPT_STRING, false, false, "mountpoint to be changed" },
    END_OPTS,
};

const struct opt_def cmd_domfstrim_opts[] = {
    DOMAIN_ARG,
    { "minimum", OPT_NUMBER, false, false,
      "Just a hint to ignore contiguous free ranges smaller than this "
      "(Bytes)" },
    { "mountpoint", OPT_STRING, false, false, "which mount point to trim" },
    END_OPTS,
};

const struct opt_def cmd_set_user_password_opts[] = {
    DOMAIN_ARG,
    { "user", OPT_STRING, true, true, "the username" },
    { "password", OPT_STRING, true, true, "the new password" },
    { "encrypted", OPT_BOOL, false, false,
      "the password is already encrypted" },
    END_OPTS,
};

/* libvirt's VIR_DOMAIN_GET_HOSTNAME_LEASE and _AGENT. */
#define HOSTNAME_LEASE (1u << 0)
#define HOSTNAME_AGENT (1u << 1)

/* The domain the command names, or NULL after printing why. */
static struct vireo_domain *
domain_of(struct session *s, const struct cmd *cmd)
{
    return session_lookup(s, cmd_string(cmd, "domain"), BY_ANY);
}

int
cmd_domhostname(struct session *s, const struct cmd *cmd)
{
    const char *source = cmd_string(cmd, "source");
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    unsigned flags = 0;
    char *hostname;

    if (source != NULL && strcmp(source, "lease") == 0)
        flags = HOSTNAME_LEASE;
    else if (source != NULL && strcmp(source, "agent") == 0)
        flags = HOSTNAME_AGENT;
    else if (source != NULL) {
        cli_error("Unknown data source '%s'", source);
        return -1;
    }
    dom = domain_of(s, cmd);
    if (dom == NULL)
        return -1;
    hostname = vireo_domain_get_hostname(dom, flags, &err);
    vireo_domain_free(dom);
    if (hostname == NULL) {
        cli_error("failed to get hostname");
        cli_report(&err);
        return -1;
    }
    printf("%s\n", hostname);
    free(hostname);
    return 0;
}

/* ---- domtime ------------------------------------------------------------ */

static void
print_time(long long seconds, bool is_pretty)
{
    time_t t = (time_t)seconds;
    struct tm tm;
    char text[64];

    if (is_pretty && gmtime_r(&t, &tm) != NULL &&
        strftime(text, sizeof(text), "%Y-%m-%d %H:%M:%S", &tm) > 0)
        printf("Time: %s", text);
    else
        printf("Time: %lld", seconds);
}

/* --time, --now and --sync set the clock; else it is read. */
int
cmd_domtime(struct session *s, const struct cmd *cmd)
{
    bool is_sync = cmd_has(cmd, "sync"), is_now = cmd_has(cmd, "now");
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    long long seconds = 0;
    unsigned nseconds = 0;
    long set_s = 0;
    int has_time, rc;

    has_time = cmd_number(cmd, "time", 0, 0x7fffffffL, &set_s);
    if (has_time < 0)
        return -1;
    dom = domain_of(s, cmd);
    if (dom == NULL)
        return -1;
    if (has_time == 0 || is_now || is_sync) {
        seconds = is_now ? (long long)time(NULL) : set_s;
        rc = vireo_domain_set_time(dom, seconds, 0,
                                   is_sync ? VIR_DOMAIN_TIME_SYNC : 0, &err);
    } else {
        rc = vireo_domain_get_time(dom, &seconds, &nseconds, 0, &err);
        if (rc == 0)
            print_time(seconds, cmd_has(cmd, "pretty"));
    }
    vireo_domain_free(dom);
    if (rc < 0)
        cli_report(&err);
    return rc;
}

/* ---- File systems ------------------------------------------------------- */

/* A guest file system's disks, comma-separated (caller frees). */
static char *
joined_aliases(const struct vireo_fs_info *fs)
{
    size_t len = 1;
    char *out;

    for (int i = 0; i < fs->n_dev_aliases; i++)
        len += strlen(fs->dev_aliases[i]) + 1;
    out = calloc(1, len);
    for (int i = 0; out != NULL && i < fs->n_dev_aliases; i++) {
        if (i > 0)
            strcat(out, ",");
        strcat(out, fs->dev_aliases[i]);
    }
    return out;
}

static int
print_fs_table(const struct vireo_fs_info *info, int n)
{
    static const char *const headers[] = { "Mountpoint", "Name", "Type",
                                           "Target" };
    struct table *t = table_new(4, headers);
    int rc = t != NULL ? 0 : -1;

    for (int i = 0; rc == 0 && i < n; i++) {
        char *target = joined_aliases(&info[i]);
        const char *cells[] = { info[i].mountpoint, info[i].name,
                                info[i].fstype, target ? target : "" };

        rc = target != NULL ? table_add_row(t, cells) : -1;
        free(target);
    }
    if (rc == 0)
        rc = table_print(t, stdout);
    table_free(t);
    if (rc < 0)
        cli_error("out of memory");
    return rc;
}

int
cmd_domfsinfo(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = domain_of(s, cmd);
    struct vireo_error err = { 0 };
    struct vireo_fs_info *info = NULL;
    int n, rc = 0;

    if (dom == NULL)
        return -1;
    n = vireo_domain_get_fs_info(dom, &info, 0, &err);
    vireo_domain_free(dom);
    if (n < 0) {
        cli_error("Unable to get filesystem information");
        cli_report(&err);
        return -1;
    }
    if (n == 0)
        printf("No filesystems are mounted in the domain\n");
    else
        rc = print_fs_table(info, n);
    vireo_fs_info_list_free(info, n);
    return rc;
}

struct fs_change {
    int        (*call)(struct vireo_domain *dom,
                       const char *const *mountpoints, unsigned n,
                       unsigned flags, struct vireo_error *err);
    const char  *failed;   /* "Unable to freeze filesystems" */
    const char  *done;     /* "Froze" */
};

static int
change_fs(struct session *s, const struct cmd *cmd, const struct fs_change *c)
{
    const char *mountpoint = cmd_string(cmd, "mountpoint");
    struct vireo_domain *dom = domain_of(s, cmd);
    struct vireo_error err = { 0 };
    int n;

    if (dom == NULL)
        return -1;
    n = c->call(dom, mountpoint ? &mountpoint : NULL, mountpoint ? 1 : 0, 0,
                &err);
    vireo_domain_free(dom);
    if (n < 0) {
        cli_error("%s", c->failed);
        cli_report(&err);
        return -1;
    }
    printf("%s %d filesystem(s)\n", c->done, n);
    return 0;
}

int
cmd_domfsfreeze(struct session *s, const struct cmd *cmd)
{
    static const struct fs_change c = { vireo_domain_fs_freeze,
                                        "Unable to freeze filesystems",
                                        "Froze" };
    return change_fs(s, cmd, &c);
}

int
cmd_domfsthaw(struct session *s, const struct cmd *cmd)
{
    static const struct fs_change c = { vireo_domain_fs_thaw,
                                        "Unable to thaw filesystems",
                                        "Thawed" };
    return change_fs(s, cmd, &c);
}

int
cmd_domfstrim(struct session *s, const struct cmd *cmd)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    long minimum = 0;
    int rc;

    if (cmd_number(cmd, "minimum", 0, 0x7fffffffL, &minimum) < 0)
        return -1;
    dom = domain_of(s, cmd);
    if (dom == NULL)
        return -1;
    rc = vireo_domain_fs_trim(dom, cmd_string(cmd, "mountpoint"),
                              (unsigned long long)minimum, 0, &err);
    vireo_domain_free(dom);
    if (rc < 0) {
        cli_error("Unable to invoke fstrim");
        cli_report(&err);
    }
    return rc;
}

/* ---- reset, inject-nmi, set-user-password ------------------------------- */

int
cmd_reset(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "domain");
    struct vireo_domain *dom = domain_of(s, cmd);
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_reset(dom, 0, &err);
    vireo_domain_free(dom);
    if (rc < 0) {
        cli_error("Failed to reset domain '%s'", name);
        cli_report(&err);
        return -1;
    }
    printf("Domain '%s' was reset\n", name);
    return 0;
}

int
cmd_inject_nmi(struct session *s, const struct cmd *cmd)
{
    struct vireo_domain *dom = domain_of(s, cmd);
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_inject_nmi(dom, 0, &err);
    vireo_domain_free(dom);
    if (rc < 0)
        cli_report(&err);
    return rc;
}

int
cmd_set_user_password(struct session *s, const struct cmd *cmd)
{
    const char *user = cmd_string(cmd, "user");
    struct vireo_domain *dom = domain_of(s, cmd);
    struct vireo_error err = { 0 };
    int rc;

    if (dom == NULL)
        return -1;
    rc = vireo_domain_set_user_password(
        dom, user, cmd_string(cmd, "password"),
        cmd_has(cmd, "encrypted") ? VIR_DOMAIN_PASSWORD_ENCRYPTED : 0, &err);
    vireo_domain_free(dom);
    if (rc < 0) {
        cli_report(&err);
        return -1;
    }
    printf("Password set successfully for %s in %s", user,
           cmd_string(cmd, "domain"));
    return 0;
}
