/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-list.c: conn_list_all_domains with libvirt's grouped
 * filters (OR within a group, AND across groups) over one domain of each
 * kind: running, paused, inactive with and without autostart, transient.
 */
#include "tests/drivers/testdrv-helpers.h"

static struct vireo_conn *conn;

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted, comma-separated names flags selects. */
static const char *
listed(unsigned flags)
{
    static char out[256];
    struct vireo_error err = { 0 };
    struct vireo_domain **doms = NULL;
    char *names[16];
    int n = testdrv.conn_list_all_domains(conn, &doms, flags, &err);

    out[0] = '\0';
    if (n < 0)
        return "error";
    for (int i = 0; i < n && i < 16; i++)
        names[i] = doms[i]->name;
    qsort(names, (size_t)(n < 16 ? n : 16), sizeof(names[0]), cmp_names);
    for (int i = 0; i < n && i < 16; i++) {
        if (i > 0)
            strcat(out, ",");
        strncat(out, names[i], sizeof(out) - strlen(out) - 2);
    }
    for (int i = 0; i < n; i++)
        handle_domain_unref(doms[i]);
    free(doms);
    return out;
}

/* test: running persistent (the default domain); auto: inactive with
 * autostart; paused: persistent, paused; tran: transient, running;
 * off: inactive, persistent. */
static void
populate(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom;
    char *xml;

    dom = tdrv_define(conn, "auto", NULL, &err);
    testdrv.domain_set_autostart(dom, 1, &err);
    handle_domain_unref(dom);
    dom = tdrv_define(conn, "paused", NULL, &err);
    testdrv.domain_create(dom, VIR_DOMAIN_START_PAUSED, &err);
    handle_domain_unref(dom);
    xml = tdrv_xml("tran", NULL, "test", 1024, NULL);
    handle_domain_unref(testdrv.domain_create_xml(conn, xml, 0, &err));
    free(xml);
    handle_domain_unref(tdrv_define(conn, "off", NULL, &err));
    tap_is_int(err.code, 0, "population set up");
}

int
main(void)
{
    static const struct {
        unsigned    flags;
        const char *want;
    } cases[] = {
        { 0, "auto,off,paused,test,tran" },
        { VIR_CONNECT_LIST_DOMAINS_ACTIVE, "paused,test,tran" },
        { VIR_CONNECT_LIST_DOMAINS_INACTIVE, "auto,off" },
        { VIR_CONNECT_LIST_DOMAINS_ACTIVE | VIR_CONNECT_LIST_DOMAINS_INACTIVE,
          "auto,off,paused,test,tran" },
        { VIR_CONNECT_LIST_DOMAINS_PERSISTENT, "auto,off,paused,test" },
        { VIR_CONNECT_LIST_DOMAINS_TRANSIENT, "tran" },
        { VIR_CONNECT_LIST_DOMAINS_RUNNING, "test,tran" },
        { VIR_CONNECT_LIST_DOMAINS_PAUSED, "paused" },
        { VIR_CONNECT_LIST_DOMAINS_SHUTOFF, "auto,off" },
        { VIR_CONNECT_LIST_DOMAINS_OTHER, "" },
        { VIR_CONNECT_LIST_DOMAINS_PAUSED | VIR_CONNECT_LIST_DOMAINS_SHUTOFF,
          "auto,off,paused" },
        { VIR_CONNECT_LIST_DOMAINS_RUNNING |
          VIR_CONNECT_LIST_DOMAINS_TRANSIENT, "tran" },
        { VIR_CONNECT_LIST_DOMAINS_AUTOSTART, "auto" },
        { VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART, "off,paused,test,tran" },
        { VIR_CONNECT_LIST_DOMAINS_INACTIVE |
          VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART, "off" },
        { VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE, "" },
        { VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE,
          "auto,off,paused,test,tran" },
        { VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT, "" },
        { VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT |
          VIR_CONNECT_LIST_DOMAINS_ACTIVE,
          "paused,test,tran" },
        { VIR_CONNECT_LIST_DOMAINS_HAS_CHECKPOINT, "" },
        { VIR_CONNECT_LIST_DOMAINS_NO_CHECKPOINT |
          VIR_CONNECT_LIST_DOMAINS_PERSISTENT |
          VIR_CONNECT_LIST_DOMAINS_RUNNING, "test" },
    };
    struct vireo_error err = { 0 };

    conn = tdrv_open("test:///default", &err);
    if (!tap_ok(conn != NULL, "open test:///default")) {
        tap_diag("  %s", err.message);
        return tdrv_done();
    }
    populate();
    for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
        tap_is_str(listed(cases[c].flags), cases[c].want, "flags 0x%x",
                   cases[c].flags);
    tap_is_int(testdrv.conn_list_all_domains(conn, NULL,
                                             VIR_CONNECT_LIST_DOMAINS_ACTIVE,
                                             &err), 3,
               "without an array: the count");
    tdrv_fails(testdrv.conn_list_all_domains(conn, NULL, 1u << 16, &err), err,
               VIR_ERR_INVALID_ARG,
               "unsupported flags (0x10000) in function "
               "testConnectListAllDomains", "an unknown filter bit");
    handle_conn_unref(conn);
    return tdrv_done();
}
