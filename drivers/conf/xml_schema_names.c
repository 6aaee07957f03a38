/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * xml_schema_names.c: the names a RelaxNG schema allows, per element and
 * the element that holds it, read from the schema's own files.
 *
 * The walk starts at the grammar's <start> and follows every <ref> into
 * its <define>s (all of them: a define combined from several places, or
 * overridden by an <include>, counts as their union). On the way it notes,
 * for each <element name=E> met inside <element name=P>, the entry
 * (P, E), and each <attribute name=A> met before the next element as
 * (P, E, A). A ref is walked once per holding element, which ends the
 * recursion of self-referring defines. The union over-approximates the
 * schema (a choice between attribute sets counts as both), which errs on
 * the side of keeping: a name counted as known is kept or refused, never
 * dropped.
 *
 * Once built, the table is only read; the process-wide one for domain.rng
 * is published like xml_schema.c's compiled schemas: the first thread to
 * build it wins, a loser frees its own copy.
 */
#include <libgen.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "drivers/conf/xml_schema.h"
#include "drivers/conf/xml_schema_names.h"

/* The third key of an entry that lets any attribute, or any child, in. No
 * XML name is spelt like these. */
#define ANY_ATTR  "*"
#define ANY_CHILD "<any>"

/* Read-only once built. */
struct xml_schema_names {
    xmlHashTablePtr names;       /* (parent, element, NULL|attr|ANY_*) */
};

/* One walk, on one thread; freed when the table is built. */
struct walk {
    struct xml_schema_names *t;
    xmlHashTablePtr defines;     /* (name, "0", "1" ...) -> <define> */
    xmlHashTablePtr files;       /* paths read, so each is read once */
    xmlHashTablePtr seen;        /* (ref name, parent, element) walked */
    xmlDocPtr      *docs;        /* freed at the end: defines point in */
    int             n_docs;
    xmlNodePtr      start;       /* the <start> of the file named */
    bool            is_broken;   /* a file missing, or out of memory */
};

/* A payload for entries that only need to exist. */
static char present;

static bool
is_rng(xmlNodePtr node, const char *name)
{
    return node->type == XML_ELEMENT_NODE &&
           strcmp((const char *)node->name, name) == 0;
}

/* The name= attribute of a schema element, read in place (NULL if none). */
static const char *
rng_name(xmlNodePtr node)
{
    for (xmlAttrPtr a = node->properties; a != NULL; a = a->next)
        if (strcmp((const char *)a->name, "name") == 0 &&
            a->children != NULL && a->children->content != NULL)
            return (const char *)a->children->content;
    return NULL;
}

static void
note(struct walk *w, const char *parent, const char *element,
     const char *what)
{
    if (xmlHashLookup3(w->t->names, (const xmlChar *)parent,
                       (const xmlChar *)element,
                       (const xmlChar *)what) != NULL)
        return;
    if (xmlHashAddEntry3(w->t->names, (const xmlChar *)parent,
                         (const xmlChar *)element, (const xmlChar *)what,
                         &present) < 0)
        w->is_broken = true;
}

static void
add_define(struct walk *w, xmlNodePtr define)
{
    const char *name = rng_name(define);
    char index[16];

    if (name == NULL)
        return;
    for (int i = 0;; i++) {
        snprintf(index, sizeof(index), "%d", i);
        if (xmlHashLookup2(w->defines, (const xmlChar *)name,
                           (const xmlChar *)index) == NULL)
            break;
    }
    if (xmlHashAddEntry2(w->defines, (const xmlChar *)name,
                         (const xmlChar *)index, define) < 0)
        w->is_broken = true;
}

static void read_file(struct walk *w, const char *path);

/* The defines of a grammar (or of a <div> or <include> in it), and the
 * files it includes, relative to its own directory. */
static void
collect(struct walk *w, xmlNodePtr grammar, const char *dir)
{
    for (xmlNodePtr c = grammar->children; c != NULL; c = c->next) {
        if (is_rng(c, "define")) {
            add_define(w, c);
        } else if (is_rng(c, "start")) {
            /* An included grammar's start is not the schema's. */
            if (w->start == NULL && c->doc == w->docs[0])
                w->start = c;
        } else if (is_rng(c, "div")) {
            collect(w, c, dir);
        } else if (is_rng(c, "include")) {
            xmlChar *href = xmlGetNoNsProp(c, (const xmlChar *)"href");
            char path[4096];

            if (href != NULL) {
                snprintf(path, sizeof(path), "%s/%s", dir,
                         (const char *)href);
                read_file(w, path);
            }
            xmlFree(href);
            collect(w, c, dir);
        }
    }
}

static void
read_file(struct walk *w, const char *path)
{
    xmlDocPtr doc, *grown;
    char *copy;

    if (xmlHashLookup(w->files, (const xmlChar *)path) != NULL)
        return;
    if (xmlHashAddEntry(w->files, (const xmlChar *)path, &present) < 0 ||
        (doc = xmlReadFile(path, NULL, XML_PARSE_NONET |
                           XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) == NULL) {
        w->is_broken = true;
        return;
    }
    grown = realloc(w->docs, (size_t)(w->n_docs + 1) * sizeof(*grown));
    copy = strdup(path);
    if (grown == NULL || copy == NULL || xmlDocGetRootElement(doc) == NULL) {
        free(copy);
        xmlFreeDoc(doc);
        w->docs = grown != NULL ? grown : w->docs;
        w->is_broken = true;
        return;
    }
    w->docs = grown;
    w->docs[w->n_docs++] = doc;
    collect(w, xmlDocGetRootElement(doc), dirname(copy));
    free(copy);
}

static void walk_pattern(struct walk *w, xmlNodePtr pattern,
                         const char *parent, const char *element);

static void
walk_ref(struct walk *w, const char *name, const char *parent,
         const char *element)
{
    char index[16];
    xmlNodePtr define;

    if (xmlHashLookup3(w->seen, (const xmlChar *)name,
                       (const xmlChar *)parent,
                       (const xmlChar *)element) != NULL)
        return;
    if (xmlHashAddEntry3(w->seen, (const xmlChar *)name,
                         (const xmlChar *)parent, (const xmlChar *)element,
                         &present) < 0) {
        w->is_broken = true;
        return;
    }
    for (int i = 0;; i++) {
        snprintf(index, sizeof(index), "%d", i);
        define = xmlHashLookup2(w->defines, (const xmlChar *)name,
                                (const xmlChar *)index);
        if (define == NULL)
            break;
        walk_pattern(w, define, parent, element);
    }
}

/* The children of a pattern, inside <element> (whose holder is parent;
 * "" and "" before the root). */
static void
walk_pattern(struct walk *w, xmlNodePtr pattern, const char *parent,
             const char *element)
{
    for (xmlNodePtr c = pattern->children; c != NULL; c = c->next) {
        const char *name = rng_name(c);

        if (c->type != XML_ELEMENT_NODE || is_rng(c, "data") ||
            is_rng(c, "value"))
            continue;
        if (is_rng(c, "element") && name == NULL) {
            note(w, parent, element, ANY_CHILD);
        } else if (is_rng(c, "element")) {
            note(w, element, name, NULL);
            walk_pattern(w, c, element, name);
        } else if (is_rng(c, "attribute")) {
            note(w, parent, element, name != NULL ? name : ANY_ATTR);
        } else if (is_rng(c, "ref")) {
            if (name != NULL)
                walk_ref(w, name, parent, element);
        } else {
            walk_pattern(w, c, parent, element);
        }
    }
}

struct xml_schema_names *
xml_schema_names_load(const char *path)
{
    struct walk w = { .is_broken = false };

    w.t = calloc(1, sizeof(*w.t));
    w.defines = xmlHashCreate(0);
    w.files = xmlHashCreate(0);
    w.seen = xmlHashCreate(0);
    if (w.t != NULL)
        w.t->names = xmlHashCreate(0);
    if (w.t == NULL || w.t->names == NULL || w.defines == NULL ||
        w.files == NULL || w.seen == NULL)
        w.is_broken = true;
    else
        read_file(&w, path);
    if (!w.is_broken && w.start != NULL)
        walk_pattern(&w, w.start, "", "");
    if (w.is_broken || w.start == NULL) {
        xml_schema_names_free(w.t);
        w.t = NULL;
    }
    for (int i = 0; i < w.n_docs; i++)
        xmlFreeDoc(w.docs[i]);
    free(w.docs);
    xmlHashFree(w.defines, NULL);
    xmlHashFree(w.files, NULL);
    xmlHashFree(w.seen, NULL);
    return w.t;
}

void
xml_schema_names_free(struct xml_schema_names *t)
{
    if (t == NULL)
        return;
    xmlHashFree(t->names, NULL);
    free(t);
}

static bool
has(const struct xml_schema_names *t, const char *a, const char *b,
    const char *c)
{
    return xmlHashLookup3(t->names, (const xmlChar *)a, (const xmlChar *)b,
                          (const xmlChar *)c) != NULL;
}

bool
xml_schema_names_table_has_attr(const struct xml_schema_names *t,
                                const char *parent, const char *element,
                                const char *attr)
{
    return has(t, parent, element, attr) || has(t, parent, element, ANY_ATTR);
}

bool
xml_schema_names_table_has_child(const struct xml_schema_names *t,
                                 const char *parent, const char *element,
                                 const char *child)
{
    return has(t, element, child, NULL) ||
           has(t, parent, element, ANY_CHILD);
}

/* The domain schema's table, built on first use; NULL when the schema
 * cannot be read (then tried again on the next call). */
static const struct xml_schema_names *
domain_names(void)
{
    static _Atomic(struct xml_schema_names *) table;
    struct xml_schema_names *t = atomic_load(&table), *none = NULL;

    if (t != NULL)
        return t;
    t = xml_schema_names_load(XML_SCHEMA_DIR "domain.rng");
    if (t != NULL && !atomic_compare_exchange_strong(&table, &none, t)) {
        xml_schema_names_free(t);
        t = none;
    }
    return t;
}

bool
xml_schema_names_has_attr(const char *parent, const char *element,
                          const char *attr)
{
    const struct xml_schema_names *t = domain_names();

    return t == NULL || xml_schema_names_table_has_attr(t, parent, element,
                                                         attr);
}

bool
xml_schema_names_has_child(const char *parent, const char *element,
                           const char *child)
{
    const struct xml_schema_names *t = domain_names();

    return t == NULL || xml_schema_names_table_has_child(t, parent, element,
                                                          child);
}
