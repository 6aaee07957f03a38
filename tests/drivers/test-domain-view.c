/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-domain-view.c: the views of a driver's domains (domain_view.h):
 * every index finds what was published, a stale view is never handed to a
 * reader, republishing what did not change makes no new view, and an
 * unchanged domain's entry is shared between views; a driver's domain
 * list is published as its describe function says, and a domain whose
 * process changed is a new entry.
 */
#include <stdio.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/domain_view.h"
#include "tests/tap.h"

enum { N_DOMS = 1000 };

static void
entry_of(int i, struct domain_view_entry *e, char *name, size_t size)
{
    memset(e, 0, sizeof(*e));
    snprintf(name, size, "dom%d", i);
    e->name = name;
    memcpy(e->uuid, &i, sizeof(i));
    e->uuid[15] = 0xa5;
    e->id = i % 2 == 0 ? i + 1 : -1;     /* odd ones inactive */
    e->state = i % 2 == 0 ? VIR_DOMAIN_RUNNING : VIR_DOMAIN_SHUTOFF;
    e->reason = 1;
    e->max_mem_kib = 1024u * (unsigned)i;
}

/* A view of the N_DOMS domains, domain `changed` in state `state`. */
static int
publish(struct domain_view_source *src, struct read_view_retired *retired,
        int changed, int state)
{
    struct domain_view *v = domain_view_begin(N_DOMS);

    for (int i = 0; i < N_DOMS; i++) {
        struct domain_view_entry e;
        char name[32];

        entry_of(i, &e, name, sizeof(name));
        if (i == changed)
            e.state = state;
        if (domain_view_add(v, &e, domain_view_published(src)) < 0)
            return -1;
    }
    return domain_view_publish(src, v, retired);
}

static bool
finds_everything(const struct domain_view *v)
{
    for (int i = 0; i < N_DOMS; i++) {
        struct domain_view_entry want;
        char name[32];
        const struct domain_view_entry *by_uuid, *by_name, *by_id;

        entry_of(i, &want, name, sizeof(name));
        by_uuid = domain_view_find_by_uuid(v, want.uuid);
        by_name = domain_view_find_by_name(v, name);
        by_id = domain_view_find_by_id(v, want.id);
        if (by_uuid == NULL || by_uuid != by_name ||
            strcmp(by_uuid->name, name) != 0 ||
            (want.id >= 0 ? by_id != by_uuid : by_id != NULL))
            return false;
    }
    return true;
}

/* The fields every driver shares, plus a process of its own. */
static int describe_pid;

static void
describe(const struct domain_obj *obj, struct domain_view_entry *e)
{
    domain_view_describe_obj(obj, e);
    e->n_vcpus = 1;
    e->pid = describe_pid;
}

static void
test_publish_list(void)
{
    struct domain_view_source src;
    struct read_view_retired retired = { 0 };
    struct domain_list *list = domain_list_new();
    struct vireo_error err = { 0 };
    struct domain_def *def = domain_def_parse(
        "<domain type='test'><name>listed</name>"
        "<memory unit='KiB'>4096</memory>"
        "<os><type>hvm</type></os></domain>", &err);
    struct domain_obj *obj = def != NULL
                             ? domain_list_add_new(list, def, &err) : NULL;
    const struct domain_view *v1, *v2;
    const struct domain_view_entry *e;

    if (obj == NULL) {
        tap_ok(false, "a domain is listed: %s", err.message);
        tap_ok(false, "(not run)");
        domain_list_free(list);
        return;
    }
    domain_view_source_init(&src);
    obj->state = VIR_DOMAIN_PAUSED;
    obj->reason = 1;
    domain_list_set_id(list, obj, 3);
    describe_pid = 100;
    domain_view_publish_list(&src, list, describe, &retired);
    v1 = domain_view_published(&src);
    e = domain_view_find_by_id(v1, 3);
    tap_ok(e != NULL && strcmp(e->name, "listed") == 0 &&
           e->state == VIR_DOMAIN_PAUSED && e->max_mem_kib == 4096 &&
           e->pid == 100 && !domain_view_is_stale(&src),
           "a domain list is published as its driver describes it");
    domain_view_mark_stale(&src);
    describe_pid = 101;
    domain_view_publish_list(&src, list, describe, &retired);
    v2 = domain_view_published(&src);
    e = domain_view_find_by_id(v2, 3);
    tap_ok(v2 != v1 && e != NULL && e->pid == 101,
           "a domain whose process changed makes a new view");
    domain_view_source_fini(&src, &retired);
    domain_list_free(list);
}

int
main(void)
{
    struct domain_view_source src;
    struct read_view_retired retired = { 0 };
    struct read_view_reader *r = read_view_reader_new();
    const struct domain_view *v1, *v2;
    const struct domain_view_entry *e;
    unsigned char unknown[VIREO_UUID_BUFLEN] = { 0xff };

    tap_plan(14);
    domain_view_source_init(&src);
    read_view_enter(r);
    tap_ok(domain_view_current(&src) == NULL,
           "a new source gives readers no view");
    read_view_leave(r);
    tap_ok(domain_view_is_wanted(&src),
           "and a reader that found none asks for one");

    tap_ok(publish(&src, &retired, -1, 0) == 0, "a view is published");
    tap_ok(!domain_view_is_wanted(&src), "which answers the reader's ask");
    read_view_enter(r);
    v1 = domain_view_current(&src);
    tap_ok(v1 != NULL && v1->n == N_DOMS && finds_everything(v1),
           "every domain is found by uuid, name and (when active) id");
    tap_ok(domain_view_find_by_uuid(v1, unknown) == NULL &&
           domain_view_find_by_name(v1, "nope") == NULL &&
           domain_view_find_by_id(v1, 100000) == NULL &&
           domain_view_find_by_id(v1, -1) == NULL,
           "unknown keys and the inactive id find nothing");
    read_view_leave(r);

    domain_view_mark_stale(&src);
    read_view_enter(r);
    tap_ok(domain_view_current(&src) == NULL,
           "a view marked stale is not handed out");
    read_view_leave(r);

    tap_ok(publish(&src, &retired, -1, 0) == 0 &&
           domain_view_published(&src) == v1 &&
           read_view_n_retired(&retired) == 0,
           "republishing what did not change keeps the same view");
    read_view_enter(r);
    tap_ok(domain_view_current(&src) == v1,
           "and hands it out again once fresh");
    read_view_leave(r);

    /* The reader's section keeps v1 alive across the change. */
    read_view_enter(r);
    domain_view_mark_stale(&src);
    publish(&src, &retired, 7, VIR_DOMAIN_PAUSED);
    v2 = domain_view_published(&src);
    e = domain_view_find_by_name(v2, "dom7");
    tap_ok(v2 != v1 && e != NULL && e->state == VIR_DOMAIN_PAUSED &&
           domain_view_find_by_name(v1, "dom7")->state == VIR_DOMAIN_SHUTOFF,
           "a changed domain makes a new view; the old one is untouched");
    tap_ok(domain_view_find_by_name(v2, "dom8") ==
           domain_view_find_by_name(v1, "dom8"),
           "an unchanged domain's entry is shared by both views");
    read_view_leave(r);

    domain_view_source_fini(&src, &retired);
    tap_ok(domain_view_published(&src) == NULL &&
           read_view_n_retired(&retired) == 0,
           "a source that goes frees its views once no reader is inside");
    read_view_reader_free(r);
    test_publish_list();
    return tap_done();
}
