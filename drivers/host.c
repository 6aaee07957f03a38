/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * host.c: the host's name and the head of libvirt's <host> element, for
 * every driver that reports on the host it runs on (host.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "drivers/error.h"
#include "drivers/host.h"

/* libvirt reports a failed system call as the call and its errno, with
 * no prefix. */
char *
host_name(int from, struct vireo_error *err)
{
    char name[HOST_NAME_MAX + 1], message[sizeof(err->message)];
    char *copy;

    if (gethostname(name, sizeof(name)) < 0) {
        snprintf(message, sizeof(message), "cannot get the host name: %s",
                 strerror(errno));
        error_set_raw(err, VIR_ERR_SYSTEM_ERROR, from, message);
        return NULL;
    }
    name[sizeof(name) - 1] = '\0';
    copy = strdup(name);
    if (copy == NULL)
        error_no_memory(err);
    return copy;
}

void
host_write_cpu(FILE *out, const char *arch, unsigned sockets,
               unsigned cores, unsigned threads)
{
    fprintf(out, "  <host>\n"
                 "    <cpu>\n"
                 "      <arch>%s</arch>\n"
                 "      <topology sockets='%u' dies='1' cores='%u' "
                 "threads='%u'/>\n"
                 "    </cpu>\n"
                 "    <power_management/>\n"
                 "    <iommu support='no'/>\n",
            arch, sockets, cores, threads);
}
