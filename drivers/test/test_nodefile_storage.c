/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_nodefile_storage.c: a node file's pools, as documents. libvirt's
 * test driver reads the volumes of a pool from the <volume> elements
 * inside its <pool> element in the node file, whether the pool itself is
 * inline or in a file of its own; so does this.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/error.h"
#include "drivers/test/test_nodefile_storage.h"

char *
test_nodefile_dump(xmlDocPtr doc, xmlNodePtr node, struct vireo_error *err)
{
    xmlBufferPtr buf = xmlBufferCreate();
    char *text = NULL;

    if (buf != NULL && xmlNodeDump(buf, doc, node, 0, 0) >= 0)
        text = strdup((const char *)xmlBufferContent(buf));
    xmlBufferFree(buf);
    if (text == NULL)
        error_no_memory(err);
    return text;
}

static void
pool_clear(struct test_node_pool *pool)
{
    for (int i = 0; pool->vol_xmls != NULL && pool->vol_xmls[i] != NULL; i++)
        free(pool->vol_xmls[i]);
    free(pool->vol_xmls);
    free(pool->xml);
}

/* The <volume> children of node, as documents, into pool->vol_xmls. */
static int
read_volumes(struct test_node_pool *pool, xmlDocPtr doc, xmlNodePtr node,
             struct vireo_error *err)
{
    int n = 0;

    for (xmlNodePtr c = node->children; c != NULL; c = c->next)
        n += c->type == XML_ELEMENT_NODE &&
             strcmp((const char *)c->name, "volume") == 0;
    pool->vol_xmls = calloc((size_t)n + 1, sizeof(*pool->vol_xmls));
    if (pool->vol_xmls == NULL)
        return error_no_memory(err);
    n = 0;
    for (xmlNodePtr c = node->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE ||
            strcmp((const char *)c->name, "volume") != 0)
            continue;
        pool->vol_xmls[n] = test_nodefile_dump(doc, c, err);
        if (pool->vol_xmls[n++] == NULL)
            return -1;
    }
    return 0;
}

int
test_nodefile_add_pool(struct test_nodefile *nf, char *pool_xml,
                       xmlDocPtr doc, xmlNodePtr node,
                       struct vireo_error *err)
{
    struct test_node_pool *pools;
    struct test_node_pool *pool;

    pools = realloc(nf->pools, (size_t)(nf->n_pools + 1) * sizeof(*pools));
    if (pools == NULL) {
        free(pool_xml);
        return error_no_memory(err);
    }
    nf->pools = pools;
    pool = &nf->pools[nf->n_pools++];
    memset(pool, 0, sizeof(*pool));
    pool->xml = pool_xml;
    return read_volumes(pool, doc, node, err);
}

void
test_nodefile_clear_pools(struct test_nodefile *nf)
{
    for (int i = 0; i < nf->n_pools; i++)
        pool_clear(&nf->pools[i]);
    free(nf->pools);
    nf->pools = NULL;
    nf->n_pools = 0;
}
