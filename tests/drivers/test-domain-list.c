/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-domain-list.c: the domain object list on its own: every index finds
 * what was added and forgets what was removed or renumbered, at a size
 * where anything quadratic would show, libvirt's grouped list filters, and
 * the driver's private data freed with its object.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "tests/tap.h"

#define N_OBJS 10000

static struct domain_obj *
obj_new(int i)
{
    struct domain_def *def = calloc(1, sizeof(*def));
    char name[32];

    snprintf(name, sizeof(name), "dom%d", i);
    def->name = strdup(name);
    def->virt_type = strdup("test");
    def->vcpus = 1;
    memcpy(def->uuid, &i, sizeof(i));
    def->uuid[15] = 0x5a;
    return domain_obj_new(def);
}

static void
uuid_of(int i, unsigned char uuid[VIREO_UUID_BUFLEN])
{
    memset(uuid, 0, VIREO_UUID_BUFLEN);
    memcpy(uuid, &i, sizeof(i));
    uuid[15] = 0x5a;
}

static void
test_indexes(void)
{
    struct domain_list *list = domain_list_new();
    int bad_name = 0, bad_uuid = 0, bad_id = 0, bad_gone = 0;
    unsigned char uuid[VIREO_UUID_BUFLEN];
    char name[32];

    for (int i = 0; i < N_OBJS; i++) {
        struct domain_obj *obj = obj_new(i);

        domain_list_add(list, obj);
        if (i % 2 == 0)
            domain_list_set_id(list, obj, i + 1);
    }
    tap_is_int(domain_list_count(list), N_OBJS, "%d objects", N_OBJS);
    for (int i = 0; i < N_OBJS; i++) {
        struct domain_obj *obj;

        snprintf(name, sizeof(name), "dom%d", i);
        obj = domain_list_find_by_name(list, name);
        bad_name += obj == NULL || strcmp(obj->def->name, name) != 0;
        uuid_of(i, uuid);
        bad_uuid += domain_list_find_by_uuid(list, uuid) != obj;
        bad_id += (domain_list_find_by_id(list, i + 1) == obj) != (i % 2 == 0);
    }
    tap_is_int(bad_name, 0, "every name found");
    tap_is_int(bad_uuid, 0, "every uuid found");
    tap_is_int(bad_id, 0, "exactly the numbered objects found by id");

    for (int i = 0; i < N_OBJS; i += 3) {
        snprintf(name, sizeof(name), "dom%d", i);
        domain_list_remove(list, domain_list_find_by_name(list, name));
    }
    for (int i = 1; i < N_OBJS; i += 3) {
        snprintf(name, sizeof(name), "dom%d", i);
        domain_list_set_id(list, domain_list_find_by_name(list, name), -1);
    }
    bad_name = bad_id = 0;
    for (int i = 0; i < N_OBJS; i++) {
        bool is_gone = i % 3 == 0;
        bool has_id = !is_gone && i % 3 != 1 && i % 2 == 0;

        snprintf(name, sizeof(name), "dom%d", i);
        uuid_of(i, uuid);
        bad_gone += (domain_list_find_by_name(list, name) == NULL) != is_gone;
        bad_gone += (domain_list_find_by_uuid(list, uuid) == NULL) != is_gone;
        bad_id += (domain_list_find_by_id(list, i + 1) != NULL) != has_id;
    }
    tap_is_int(bad_gone, 0, "removed objects are gone from every index");
    tap_is_int(bad_id, 0, "cleared ids are gone from the id index");
    tap_is_int(domain_list_count(list), N_OBJS - (N_OBJS + 2) / 3,
               "the count follows");
    bad_name = 0;
    for (size_t i = 0; i < domain_list_count(list); i++)
        bad_name += domain_list_at(list, i) == NULL ||
                    domain_list_at(list, i)->slot != i;
    tap_is_int(bad_name, 0, "iteration visits every remaining object");
    tap_ok(domain_list_find_by_id(list, -1) == NULL, "id -1 is never found");
    domain_list_free(list);
}

/* One object per interesting combination, named after it. */
static void
add_filter_population(struct domain_list *list)
{
    static const struct {
        int  state;
        bool is_persistent, has_autostart;
    } kinds[] = {
        { VIR_DOMAIN_RUNNING, true,  true  },   /* 0 */
        { VIR_DOMAIN_PAUSED,  true,  false },   /* 1 */
        { VIR_DOMAIN_SHUTOFF, true,  true  },   /* 2 */
        { VIR_DOMAIN_RUNNING, false, false },   /* 3 */
        { VIR_DOMAIN_SHUTOFF, true,  false },   /* 4 */
        { VIR_DOMAIN_CRASHED, true,  false },   /* 5: "other" */
    };

    for (int i = 0; i < 6; i++) {
        struct domain_obj *obj = obj_new(i);

        obj->state = kinds[i].state;
        obj->is_persistent = kinds[i].is_persistent;
        obj->has_autostart = kinds[i].has_autostart;
        domain_list_add(list, obj);
        if (obj->state != VIR_DOMAIN_SHUTOFF)
            domain_list_set_id(list, obj, i + 1);
    }
}

static void
test_filters(void)
{
    static const struct {
        unsigned    flags;
        const char *want;   /* indexes of matching objects */
    } cases[] = {
        { 0, "012345" },
        { VIR_CONNECT_LIST_DOMAINS_ACTIVE, "0135" },
        { VIR_CONNECT_LIST_DOMAINS_INACTIVE, "24" },
        { VIR_CONNECT_LIST_DOMAINS_ACTIVE | VIR_CONNECT_LIST_DOMAINS_INACTIVE,
          "012345" },
        { VIR_CONNECT_LIST_DOMAINS_PERSISTENT, "01245" },
        { VIR_CONNECT_LIST_DOMAINS_TRANSIENT, "3" },
        { VIR_CONNECT_LIST_DOMAINS_RUNNING, "03" },
        { VIR_CONNECT_LIST_DOMAINS_PAUSED, "1" },
        { VIR_CONNECT_LIST_DOMAINS_SHUTOFF, "24" },
        { VIR_CONNECT_LIST_DOMAINS_OTHER, "5" },
        { VIR_CONNECT_LIST_DOMAINS_RUNNING | VIR_CONNECT_LIST_DOMAINS_PAUSED,
          "013" },
        { VIR_CONNECT_LIST_DOMAINS_RUNNING |
          VIR_CONNECT_LIST_DOMAINS_PERSISTENT, "0" },
        { VIR_CONNECT_LIST_DOMAINS_AUTOSTART, "02" },
        { VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART, "1345" },
        { VIR_CONNECT_LIST_DOMAINS_INACTIVE |
          VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART, "4" },
        { VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE, "" },
        { VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE, "012345" },
        { VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT, "" },
        { VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT, "012345" },
        { VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT, "" },
        { VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT |
          VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT, "012345" },
        { VIR_CONNECT_LIST_DOMAINS_ACTIVE |
          VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT |
          VIR_CONNECT_LIST_DOMAINS_AUTOSTART, "0" },
    };
    struct domain_list *list = domain_list_new();

    add_filter_population(list);
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        char got[8] = "";

        for (int i = 0; i < 6; i++) {
            char name[32];

            snprintf(name, sizeof(name), "dom%d", i);
            if (domain_obj_matches_filter(domain_list_find_by_name(list, name),
                                          cases[c].flags))
                got[strlen(got)] = (char)('0' + i);
        }
        tap_is_str(got, cases[c].want, "filter 0x%x", cases[c].flags);
    }
    domain_list_free(list);
}

static void
count_free(void *priv)
{
    (*(int *)priv)++;
}

static void
test_priv_freed(void)
{
    struct domain_list *list = domain_list_new();
    struct domain_obj *a = obj_new(1), *b = obj_new(2);
    int n_freed = 0;

    a->priv = b->priv = &n_freed;
    a->priv_free = b->priv_free = count_free;
    domain_list_add(list, a);
    domain_list_add(list, b);
    domain_list_remove(list, a);
    tap_is_int(n_freed, 1, "removing an object frees its priv");
    domain_list_free(list);
    tap_is_int(n_freed, 2, "freeing the list frees the rest");
}

int
main(void)
{
    tap_plan(33);
    test_indexes();
    test_filters();
    test_priv_freed();
    return tap_done();
}
