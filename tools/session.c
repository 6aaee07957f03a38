/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * session.c: the connection a session shares, finding the domain a command
 * names, and printing errors as virsh prints them.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void
cli_error(const char *fmt, ...)
{
    va_list ap;

    fflush(stdout);
    fputs("error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void
cli_report(const struct vireo_error *err)
{
    cli_error("%s", err->message[0] ? err->message : "unknown error");
}

int
session_connect(struct session *s)
{
    struct vireo_error err = { 0 };
    unsigned flags = s->is_read_only ? VIREO_CONNECT_RO : 0;

    if (s->conn != NULL)
        return 0;
    s->conn = vireo_conn_open(s->uri, flags, &err);
    if (s->conn == NULL) {
        cli_error(s->was_lost ? "Failed to reconnect to the hypervisor"
                              : "failed to connect to the hypervisor");
        cli_report(&err);
        return -1;
    }
    /* virsh reports a successful reconnection as an error line too. */
    if (s->was_lost)
        cli_error("Reconnected to the hypervisor");
    s->was_lost = false;
    return 0;
}

static const char *
close_reason_string(int reason)
{
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_EOF:
        return "end of file";
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        return "keepalive timeout";
    default:
        return "I/O error";
    }
}

void
session_check_alive(struct session *s)
{
    int reason = VIR_CONNECT_CLOSE_REASON_ERROR;

    if (s->conn == NULL || vireo_conn_is_alive(s->conn, &reason) != 0)
        return;
    cli_error("Disconnected from %s due to %s", vireo_conn_get_uri(s->conn),
              close_reason_string(reason));
    session_close(s);
    s->was_lost = true;
}

void
session_close(struct session *s)
{
    if (s->conn != NULL)
        vireo_conn_close(s->conn);
    s->conn = NULL;
}

/* A non-negative int written in full, as virsh's virStrToLong_i wants. */
static bool
parse_id(const char *arg, int *id)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(arg, &end, 10);
    if (errno != 0 || end == arg || *end != '\0' || n < 0 || n > INT_MAX)
        return false;
    *id = (int)n;
    return true;
}

/* virsh's order: an id if the argument is one, then a UUID if it is as
 * long as one, then a name. Each attempt's own error is dropped, as virsh
 * drops it: the one line printed says which argument failed. */
struct vireo_domain *
session_lookup(struct session *s, const char *arg, unsigned by)
{
    struct vireo_domain *dom = NULL;
    struct vireo_error err = { 0 };
    int id;

    if ((by & BY_ID) && parse_id(arg, &id))
        dom = vireo_domain_lookup_by_id(s->conn, id, &err);
    if (dom == NULL && (by & BY_UUID) &&
        strlen(arg) == VIREO_UUID_STRING_BUFLEN - 1)
        dom = vireo_domain_lookup_by_uuid_string(s->conn, arg, &err);
    if (dom == NULL && (by & BY_NAME))
        dom = vireo_domain_lookup_by_name(s->conn, arg, &err);
    if (dom == NULL)
        cli_error("failed to get domain '%s'", arg);
    return dom;
}
