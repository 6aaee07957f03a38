/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * loadgen-define.c: the set-up of the ListAllDomains workload: inactive
 * test domains bench-00000 ... with UUIDs made from their index, so that
 * defining them again only redefines them (a new UUID under the same
 * name would be refused). The test driver's default state lives only
 * while a connection to it is open, in libvirtd as in vireod, so the
 * caller keeps the defining connection open through the run. Runs on the
 * calling thread, one call at a time.
 */
#include <stdio.h>
#include <unistd.h>

#include "loadgen.h"

int
define_domains(int fd, int n)
{
    for (int i = 0; i < n; i++) {
        char xml[512];
        snprintf(xml, sizeof(xml),
                 "<domain type='test'><name>bench-%05d</name>"
                 "<uuid>62656e63-6800-4000-8000-%012d</uuid>"
                 "<memory>8192</memory><vcpu>1</vcpu>"
                 "<os><type>hvm</type></os></domain>", i, i);
        remote_domain_define_xml_args args = { .xml = xml };
        struct wire_message reply;
        if (call_sync(fd, REMOTE_PROC_DOMAIN_DEFINE_XML,
                      (xdrproc_t)xdr_remote_domain_define_xml_args, &args,
                      &reply) < 0)
            return -1;
        wire_message_free(&reply);
    }
    return 0;
}

int
count_domains(int fd)
{
    remote_connect_list_all_domains_args args = { .need_results = 1 };
    struct wire_message reply;

    if (call_sync(fd, REMOTE_PROC_CONNECT_LIST_ALL_DOMAINS,
                  (xdrproc_t)xdr_remote_connect_list_all_domains_args, &args,
                  &reply) < 0)
        return -1;
    int n = (int)((remote_connect_list_all_domains_ret *)reply.body)
                ->domains.domains_len;
    wire_message_free(&reply);
    return n;
}
