/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_nodefile_storage.h: the storage part of reading a node file
 * (test_nodefile.c): each <pool> and its <volume>s kept as documents, for
 * the test state to define when the connection opens.
 */
#ifndef VIREO_DRIVERS_TEST_NODEFILE_STORAGE_H
#define VIREO_DRIVERS_TEST_NODEFILE_STORAGE_H

#include <libxml/tree.h>

#include "api/vireo.h"
#include "drivers/test/test_nodefile.h"

/* node as a document of its own, malloc'ed; NULL with err set. */
char *test_nodefile_dump(xmlDocPtr doc, xmlNodePtr node,
                         struct vireo_error *err);
/* Append a pool to nf: pool_xml (taken over, even on failure) and the
 * <volume> children of node. 0 or -1 with err set. */
int  test_nodefile_add_pool(struct test_nodefile *nf, char *pool_xml,
                            xmlDocPtr doc, xmlNodePtr node,
                            struct vireo_error *err);
void test_nodefile_clear_pools(struct test_nodefile *nf);

#endif /* VIREO_DRIVERS_TEST_NODEFILE_STORAGE_H */
