/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-schema-names.c: the names xml_schema_names derives from a RelaxNG
 * grammar: first from a small one of our own (schema-names/main.rng, with
 * an include, a combined define, a recursive define and an element of any
 * name), then facts of libvirt's domain schema that the domain parser
 * relies on to tell what libvirt ignores from what it keeps.
 */
#include "drivers/conf/xml_schema.h"
#include "drivers/conf/xml_schema_names.h"
#include "tests/tap.h"

/* One name in one place, and whether the grammar allows it there. */
struct fact {
    const char *parent, *element, *name;
    bool        is_child;     /* name is a child element, else attribute */
    bool        is_allowed;
    const char *why;
};

#define ATTR  false
#define CHILD true

static const struct fact small_facts[] = {
    { "", "top", "kind", ATTR, true, "the root's own attribute" },
    { "", "top", "size", ATTR, false,
      "an attribute of a child is not the root's" },
    { "top", "item", "size", ATTR, true,
      "a define's attribute, through its ref" },
    { "top", "item", "colour", ATTR, true,
      "the included half of a combined define" },
    { "item", "source", "file", ATTR, true,
      "an element inside an included define" },
    { "top", "source", "file", ATTR, false,
      "the same element under another holder is another entry" },
    { "node", "node", "label", ATTR, true,
      "a recursive define, one level down" },
    { "top", "node", "label", ATTR, true,
      "a recursive define at its first level" },
    { "top", "extra", "level", ATTR, true,
      "an optional ref into an included file" },
    { "top", "ghost", "boo", ATTR, false, "a define nothing refers to" },
    { "", "ghost", "boo", ATTR, false,
      "an included grammar's start is not the schema's" },
    { "bag", "anything", "whatever", ATTR, false,
      "an element of any name has no entry of its own" },
    { "", "top", "item", CHILD, true, "a child given inline" },
    { "", "top", "node", CHILD, true, "a child given by a ref" },
    { "top", "item", "source", CHILD, true,
      "a child from an included define" },
    { "top", "node", "node", CHILD, true, "a recursive child" },
    { "", "top", "ghost", CHILD, false,
      "the element of a define only another start refers to" },
    { "top", "bag", "anything", CHILD, true,
      "an element of any name lets any in" },
    { "", "top", "bogus", CHILD, false, "a name the grammar never gives" },
};

/* Facts of libvirt 9.0's domain schema, each one a case the parser meets
 * (tests/integration/side/xml.txt compares the outcome with libvirtd). */
static const struct fact domain_facts[] = {
    { "domain", "memory", "dumpCore", ATTR, true, "vireo models it" },
    { "domain", "memory", "bogus", ATTR, false, "libvirt ignores it" },
    { "domain", "vcpu", "cpuset", ATTR, true, "vireo refuses it" },
    { "", "domain", "type", ATTR, true, "the root's" },
    { "", "domain", "foo", ATTR, false, "libvirt ignores it" },
    { "disk", "source", "file", ATTR, true, "a disk's source" },
    { "interface", "source", "network", ATTR, true,
      "an interface's source" },
    { "devices", "disk", "bogus", ATTR, false, "libvirt ignores it" },
    { "domain", "devices", "sound", CHILD, true, "vireo keeps it whole" },
    { "domain", "devices", "bogusdev", CHILD, false, "libvirt ignores it" },
    { "domain", "features", "acpi", CHILD, true, "a feature" },
    { "domain", "features", "bogusfeat", CHILD, false,
      "libvirt refuses it" },
    { "", "domain", "bogustop", CHILD, false, "libvirt ignores it" },
};

/* What table t (NULL: the process-wide domain table) says of f. */
static bool
lookup(const struct xml_schema_names *t, const struct fact *f)
{
    if (t == NULL)
        return f->is_child
               ? xml_schema_names_has_child(f->parent, f->element, f->name)
               : xml_schema_names_has_attr(f->parent, f->element, f->name);
    return f->is_child
           ? xml_schema_names_table_has_child(t, f->parent, f->element,
                                              f->name)
           : xml_schema_names_table_has_attr(t, f->parent, f->element,
                                             f->name);
}

static void
check(const struct xml_schema_names *t, const char *what,
      const struct fact *facts, size_t n_facts)
{
    for (size_t i = 0; i < n_facts; i++) {
        const struct fact *f = &facts[i];

        tap_ok(lookup(t, f) == f->is_allowed, "%s %s %s %s on <%s> in <%s>: "
               "%s", what, f->is_allowed ? "allows" : "does not allow",
               f->is_child ? "child" : "attribute", f->name, f->element,
               f->parent, f->why);
    }
}

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

int
main(int argc, char **argv)
{
    struct xml_schema_names *small, *domain;
    char path[4096];

    if (argc < 2)
        tap_fail_all("usage: %s TESTS_XML_DIR", argv[0]);
    snprintf(path, sizeof(path), "%s/schema-names/main.rng", argv[1]);
    small = xml_schema_names_load(path);
    if (small == NULL)
        tap_fail_all("the grammar %s and its include are read", path);
    domain = xml_schema_names_load(XML_SCHEMA_DIR "domain.rng");
    if (domain == NULL)
        tap_fail_all("libvirt's domain schema is read from "
                     XML_SCHEMA_DIR " (libvirt0)");
    tap_plan((int)(N_OF(small_facts) + 2 * N_OF(domain_facts) + 1));
    check(small, "the small grammar", small_facts, N_OF(small_facts));
    check(domain, "the domain schema", domain_facts, N_OF(domain_facts));
    check(NULL, "the process-wide table", domain_facts, N_OF(domain_facts));
    tap_ok(xml_schema_names_load("/nonexistent/domain.rng") == NULL,
           "a schema that cannot be read gives no table");
    xml_schema_names_free(small);
    xml_schema_names_free(domain);
    return tap_done();
}
