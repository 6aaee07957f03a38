/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_nodefile.h: reading libvirt's test-driver node files, the documents
 * behind test:///ABS/PATH.xml:
 *
 *   <node>
 *     <cpu><mhz/><model/><active/><nodes/><sockets/><cores/><threads/></cpu>
 *     <memory>KiB</memory>
 *     <domain file='relative/to/node/file.xml'/>
 *     <domain type='test'>...inline definition...</domain>
 *     <pool type='dir'>...<volume>...</volume></pool>   (or file='...')
 *     <network>...inline definition...</network>
 *   </node>
 */
#ifndef VIREO_DRIVERS_TEST_NODEFILE_H
#define VIREO_DRIVERS_TEST_NODEFILE_H

#include "api/vireo.h"
#include "drivers/test/test_host.h"

struct conn_identity;
struct domain_def;

/* A <pool> of a node file: its document, and those of the <volume>
 * elements inside it (NULL-ended). */
struct test_node_pool {
    char  *xml;
    char **vol_xmls;
};

/* What a node file describes; owned by whoever filled it. */
struct test_nodefile {
    struct test_host    host;     /* defaults for anything left out */
    struct domain_def **defs;     /* in document order */
    int                 n_defs;
    struct test_node_pool *pools; /* in document order */
    int                 n_pools;
    /* Inline <network> elements, as text, in document order. */
    char              **networks;
    int                 n_networks;
};

/* Read the node file at path, and the domain files it names, into nf,
 * as who may read them (client_file.h; NULL in-process). Returns 0, or -1
 * with err naming the file and the problem (nf is then empty). */
int  test_nodefile_load(const char *path, const struct conn_identity *who,
                        struct test_nodefile *nf, struct vireo_error *err);
void test_nodefile_clear(struct test_nodefile *nf);

#endif /* VIREO_DRIVERS_TEST_NODEFILE_H */
