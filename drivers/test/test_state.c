/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_state.c: the lifetime of test driver states. The default state is
 * created by the first test:///default connection and freed by the last to
 * close, so that the next open starts from the pristine "test" domain
 * again; node-file states belong to their one connection. All of it runs
 * on the test driver's thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/storage_xml.h"
#include "drivers/conf/uuid.h"
#include "drivers/domain_event.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_hostobj.h"
#include "drivers/test/test_network.h"
#include "drivers/test/test_nodefile.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_storage.h"
#include "drivers/test/test_transition.h"
#include "drivers/test/test_view.h"

/* libvirt's default test domain, as libvirtd's test driver writes it
 * back (its defaults filled in, its interface named by the driver). */
static const char default_domain_xml[] =
    "<domain type='test'>\n"
    "  <name>test</name>\n"
    "  <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>\n"
    "  <memory unit='KiB'>8388608</memory>\n"
    "  <currentMemory unit='KiB'>2097152</currentMemory>\n"
    "  <vcpu placement='static'>2</vcpu>\n"
    "  <os>\n"
    "    <type arch='i686'>hvm</type>\n"
    "    <boot dev='hd'/>\n"
    "  </os>\n"
    "  <clock offset='utc'/>\n"
    "  <on_poweroff>destroy</on_poweroff>\n"
    "  <on_reboot>restart</on_reboot>\n"
    "  <on_crash>destroy</on_crash>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'>\n"
    "      <source file='/guest/diskimage1'/>\n"
    "      <target dev='vda' bus='virtio'/>\n"
    "      <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>\n"
    "    </disk>\n"
    "    <interface type='network'>\n"
    "      <mac address='aa:bb:cc:dd:ee:ff'/>\n"
    "      <source network='default'/>\n"
    "      <target dev='testnet0'/>\n"
    "      <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>\n"
    "    </interface>\n"
    "    <memballoon model='virtio'>\n"
    "      <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>\n"
    "    </memballoon>\n"
    "  </devices>\n"
    "</domain>\n";

/* The state every test:///default connection shares, while one exists.
 * Owned by the test driver's thread, like the states themselves. */
static struct test_state *default_state;

static void
state_free(struct test_state *st)
{
    if (st == NULL)
        return;
    if (st->events != NULL)
        domain_event_state_free(st->events);
    test_view_fini(st);
    domain_list_free(st->domains);
    test_hostobj_free(st->hostobj);
    test_storage_free(st->storage);
    test_networks_free(st->networks);
    test_object_events_free(st);
    free(st);
}

static struct test_state *
state_new(const struct test_host *host, struct vireo_error *err)
{
    struct test_state *st = calloc(1, sizeof(*st));

    if (st == NULL) {
        error_no_memory(err);
        return NULL;
    }
    st->refs = 1;
    st->next_id = 1;
    test_view_init(st);
    st->host = *host;
    st->domains = domain_list_new();
    st->events = domain_event_state_new();
    st->networks = test_networks_new();
    st->hostobj = test_hostobj_new(err);
    if (st->hostobj == NULL) {
        state_free(st);
        return NULL;
    }
    st->storage = test_storage_new();
    if (st->domains == NULL || st->events == NULL || st->storage == NULL ||
        st->networks == NULL || test_object_events_new(st) < 0) {
        state_free(st);
        error_no_memory(err);
        return NULL;
    }
    return st;
}

/* Add def (taken over, even on failure) as a persistent running domain. */
static int
add_running(struct test_state *st, struct domain_def *def,
            struct vireo_error *err)
{
    struct domain_obj *obj, *same = NULL;

    if (test_state_check_virt_type(def, err) < 0 ||
        domain_def_name_interfaces(def, "testnet", err) < 0 ||
        test_state_check_clash(st, def, &same, err) < 0)
        goto fail;
    if (same != NULL) {
        error_set(err, VIR_ERR_OPERATION_FAILED, VIR_FROM_TEST,
                  "domain '%s' is already defined", def->name);
        goto fail;
    }
    obj = domain_obj_new(def);
    if (obj == NULL) {
        error_no_memory(err);
        goto fail;
    }
    obj->is_persistent = true;
    if (domain_list_add(st->domains, obj) < 0) {
        domain_obj_free(obj);
        return error_no_memory(err);
    }
    test_transition_start(st, obj, false);
    /* libvirtd reports the domains a state starts with as running for an
     * unknown reason, not booted: nobody booted them. */
    obj->reason = VIR_DOMAIN_RUNNING_UNKNOWN;
    return 0;
fail:
    domain_def_free(def);
    return -1;
}

static struct test_state *
default_new(struct vireo_error *err)
{
    struct test_host host;
    struct test_state *st;
    struct domain_def *def;

    test_host_init_default(&host);
    st = state_new(&host, err);
    if (st == NULL)
        return NULL;
    if (test_hostobj_fill_default(st->hostobj, err) < 0) {
        state_free(st);
        return NULL;
    }
    def = domain_def_parse(default_domain_xml, err);
    if (def == NULL || add_running(st, def, err) < 0 ||
        test_storage_add_default(st->storage, err) < 0 ||
        test_networks_add_initial(st->networks, test_networks_default_xml,
                                  err) < 0) {
        state_free(st);
        return NULL;
    }
    return st;
}

struct test_state *
test_state_open_default(struct vireo_error *err)
{
    if (default_state != NULL)
        default_state->refs++;
    else
        default_state = default_new(err);
    return default_state;
}

/* A node-file domain the state refuses: say which file it came from. */
static void
name_node_file(struct vireo_error *err, const char *path)
{
    char message[sizeof(err->message) + 64];   /* error_set_raw truncates */

    if (err == NULL)
        return;
    snprintf(message, sizeof(message), "%s (in node file '%s')", err->message,
             path);
    error_set_raw(err, err->code, err->domain, message);
}

/* The node file's pools, running, with their volumes. */
static int
add_node_pools(struct test_state *st, const struct test_nodefile *nf,
               struct vireo_error *err)
{
    for (int i = 0; i < nf->n_pools; i++) {
        struct storage_pool_def *def =
            storage_pool_def_parse(nf->pools[i].xml, err);

        if (def == NULL ||
            test_storage_add_node_pool(st->storage, def,
                                       (const char *const *)
                                       nf->pools[i].vol_xmls, err) < 0)
            return -1;
    }
    return 0;
}

struct test_state *
test_state_open_file(const char *path, const struct conn_identity *who,
                     struct vireo_error *err)
{
    struct test_nodefile nf;
    struct test_state *st;
    int i;

    if (test_nodefile_load(path, who, &nf, err) < 0)
        return NULL;
    st = state_new(&nf.host, err);
    for (i = 0; st != NULL && i < nf.n_defs; i++) {
        struct domain_def *def = nf.defs[i];

        nf.defs[i] = NULL;
        if (add_running(st, def, err) < 0) {
            name_node_file(err, path);
            state_free(st);
            st = NULL;
        }
    }
    if (st != NULL && add_node_pools(st, &nf, err) < 0) {
        name_node_file(err, path);
        state_free(st);
        st = NULL;
    }
    for (i = 0; st != NULL && i < nf.n_networks; i++)
        if (test_networks_add_initial(st->networks, nf.networks[i], err) < 0) {
            name_node_file(err, path);
            state_free(st);
            st = NULL;
        }
    test_nodefile_clear(&nf);
    return st;
}

void
test_state_release(struct test_state *st)
{
    if (--st->refs > 0)
        return;
    if (st == default_state)
        default_state = NULL;
    state_free(st);
}

struct domain_obj *
test_state_find(struct test_state *st, const struct vireo_domain *dom,
                struct vireo_error *err)
{
    struct domain_obj *obj = domain_list_find_by_uuid(st->domains, dom->uuid);
    char text[VIREO_UUID_STRING_BUFLEN];

    if (obj != NULL)
        return obj;
    uuid_format(dom->uuid, text);
    error_set(err, VIR_ERR_NO_DOMAIN, VIR_FROM_TEST,
              "no domain with matching uuid '%s' (%s)", text, dom->name);
    return NULL;
}

struct vireo_domain *
test_state_handle(struct vireo_conn *conn, const struct domain_obj *obj,
                  struct vireo_error *err)
{
    return domain_obj_handle(conn, obj, err);
}

int
test_state_check_clash(struct test_state *st, const struct domain_def *def,
                       struct domain_obj **same, struct vireo_error *err)
{
    return domain_list_check_clash(st->domains, def, VIR_FROM_TEST, same,
                                   err);
}

int
test_state_check_virt_type(const struct domain_def *def,
                           struct vireo_error *err)
{
    if (def->virt_type != NULL && strcmp(def->virt_type, "test") == 0)
        return 0;
    return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_TEST,
                     "could not find capabilities for domaintype=%s",
                     def->virt_type != NULL ? def->virt_type : "(none)");
}

int
test_state_fill_arch(struct domain_def *def, struct vireo_error *err)
{
    if (def->os_arch == NULL && (def->os_arch = strdup("i686")) == NULL)
        return error_no_memory(err);
    return 0;
}

void
test_state_emit(struct test_state *st, const struct domain_obj *obj,
                int event, int detail)
{
    domain_event_queue_lifecycle(st->events, obj->def->name, obj->def->uuid,
                                 obj->id, event, detail);
}
