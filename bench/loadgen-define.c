/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-define.c: define_domains() of loadgen.h, the set-up of the
 * ListAllDomains workload: inactive test domains bench-00000 ... with
 * UUIDs made from their index, so that defining them again only
 * redefines them (a new UUID under the same name would be refused).
 * Runs on the calling thread, one call at a time.
 */
#include <stdio.h>
#include <unistd.h>

#include "loadgen.h"

int
define_domains(const char *path, const char *uri, int n)
{
    int fd = connect_unix(path);
    int rc = fd < 0 || open_sync(fd, uri) < 0 ? -1 : 0;

    for (int i = 0; i < n && rc == 0; i++) {
        char xml[512];
        snprintf(xml, sizeof(xml),
                 "<domain type='test'><name>bench-%05d</name>"
                 "<uuid>62656e63-6800-4000-8000-%012d</uuid>"
                 "<memory>8192</memory><vcpu>1</vcpu>"
                 "<os><type>hvm</type></os></domain>", i, i);
        remote_domain_define_xml_args args = { .xml = xml };
        struct wire_message reply;
        rc = call_sync(fd, REMOTE_PROC_DOMAIN_DEFINE_XML,
                       (xdrproc_t)xdr_remote_domain_define_xml_args, &args,
                       &reply);
        if (rc == 0)
            wire_message_free(&reply);
    }
    if (fd >= 0)
        close(fd);
    if (rc == 0)
        printf("loadgen mode=define defined=%d\n", n);
    return rc;
}
