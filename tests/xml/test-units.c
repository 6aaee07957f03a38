/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-units.c: domain_def_parse_memory against libvirt's unit table, and
 * the defaults domain_def_parse fills in (uuid, currentMemory, vcpus,
 * lifecycle actions) that golden files with fixed input cannot show.
 */
#include "drivers/conf/domain_def.h"
#include "drivers/conf/uuid.h"
#include "tests/tap.h"

#define KIB 1024ull
#define MIB (1024ull * KIB)
#define GIB (1024ull * MIB)

static const struct {
    const char        *value;
    const char        *unit;
    unsigned long long kib;      /* expected, when code == 0 */
    int                code;     /* 0, or the expected error code */
} cases[] = {
    { "1024", NULL, 1024, 0 },
    { "1024", "", 1024, 0 },
    { "0", NULL, 0, 0 },
    { " 42 ", NULL, 42, 0 },
    { "1", "b", 1, 0 },
    { "1024", "bytes", 1, 0 },
    { "1025", "byte", 2, 0 },
    { "2048", "B", 2, 0 },
    { "1", "k", 1, 0 },
    { "1", "KiB", 1, 0 },
    { "1", "kib", 1, 0 },
    { "1", "KB", 1, 0 },                /* 1000 bytes -> 1 KiB, rounded up */
    { "2", "KB", 2, 0 },                /* 2000 bytes -> 2 KiB */
    { "3", "kb", 3, 0 },                /* 3000 bytes -> 2.9 -> 3 KiB */
    { "1", "m", KIB, 0 },
    { "2", "MiB", 2 * KIB, 0 },
    { "1", "MB", 977, 0 },              /* 10^6 / 1024 = 976.56 */
    { "1", "g", MIB, 0 },
    { "1", "GiB", MIB, 0 },
    { "1", "GB", 976563, 0 },
    { "1", "T", GIB, 0 },
    { "1", "TiB", GIB, 0 },
    { "1", "TB", 976562500, 0 },
    { "1", "P", 1024 * GIB, 0 },
    { "1", "PB", 976562500000ull, 0 },
    { "1", "E", 1024 * 1024 * GIB, 0 },
    { "7", "EiB", 7 * 1024 * 1024 * GIB, 0 },
    { "9", "EB", 8789062500000000ull, 0 },
    { "8", "EiB", 0, VIR_ERR_OVERFLOW },     /* 2^63 bytes: past off_t */
    { "10", "EB", 0, VIR_ERR_OVERFLOW },
    { "18446744073709551616", "b", 0, VIR_ERR_OVERFLOW },
    { "9007199254740992", "KiB", 0, VIR_ERR_OVERFLOW },
    { "1", "KiBB", 0, VIR_ERR_XML_ERROR },
    { "1", "x", 0, VIR_ERR_XML_ERROR },
    { "1", "iB", 0, VIR_ERR_XML_ERROR },
    { "1", "bits", 0, VIR_ERR_XML_ERROR },
    { "1", "KiB ", 0, VIR_ERR_XML_ERROR },
    { "-1", NULL, 0, VIR_ERR_XML_ERROR },
    { "+1", NULL, 0, VIR_ERR_XML_ERROR },
    { "1.5", "GiB", 0, VIR_ERR_XML_ERROR },
    { "0x10", NULL, 0, VIR_ERR_XML_ERROR },
    { "", NULL, 0, VIR_ERR_XML_ERROR },
    { "1 2", NULL, 0, VIR_ERR_XML_ERROR },
    { NULL, NULL, 0, VIR_ERR_XML_ERROR },
};

#define N_CASES ((int)(sizeof(cases) / sizeof(cases[0])))

static void
check_unit_table(void)
{
    for (int i = 0; i < N_CASES; i++) {
        struct vireo_error err = { 0 };
        unsigned long long kib = 0;
        int rc = domain_def_parse_memory(cases[i].value, cases[i].unit,
                                         "memory", &kib, &err);
        const char *v = cases[i].value ? cases[i].value : "(null)";
        const char *u = cases[i].unit ? cases[i].unit : "(none)";

        if (cases[i].code == 0) {
            tap_ok(rc == 0 && kib == cases[i].kib, "'%s' %s = %llu KiB",
                   v, u, cases[i].kib);
            if (rc != 0 || kib != cases[i].kib)
                tap_diag("  rc %d, got %llu: %s", rc, kib, err.message);
        } else {
            tap_ok(rc < 0 && err.code == cases[i].code &&
                   strstr(err.message, "'memory'") != NULL,
                   "'%s' %s refused with code %d naming the element", v, u,
                   cases[i].code);
        }
    }
}

static struct domain_def *
parse_ok(const char *xml)
{
    struct vireo_error err = { 0 };
    struct domain_def *def = domain_def_parse(xml, &err);

    if (def == NULL)
        tap_diag("parse failed: %s", err.message);
    return def;
}

static void
check_defaults(void)
{
    struct domain_def *a = parse_ok(
        "<domain type='test'><name>d</name><memory unit='MiB'>64</memory>"
        "<os><type>hvm</type><boot dev='hd'/></os></domain>");
    struct domain_def *b = parse_ok(
        "<domain type='test'><name>d</name><memory unit='MiB'>64</memory>"
        "<os><type>hvm</type></os></domain>");

    tap_ok(a != NULL && b != NULL, "minimal documents without uuid parse");
    if (a == NULL || b == NULL) {
        domain_def_free(a);
        domain_def_free(b);
        for (int i = 0; i < 7; i++)
            tap_ok(false, "not checked: the documents did not parse");
        return;
    }
    tap_ok(!uuid_is_null(a->uuid) && (a->uuid[6] & 0xf0) == 0x40,
           "a missing uuid is generated (version 4)");
    tap_ok(memcmp(a->uuid, b->uuid, VIREO_UUID_BUFLEN) != 0,
           "two generated uuids differ");
    tap_is_int(a->current_memory_kib, 64 * KIB, "currentMemory defaults "
               "to memory");
    tap_is_int(a->vcpus, 1, "vcpus default to 1");
    tap_ok(a->on_poweroff == DOMAIN_ACTION_DESTROY &&
           a->on_reboot == DOMAIN_ACTION_RESTART &&
           a->on_crash == DOMAIN_ACTION_DESTROY,
           "lifecycle defaults are destroy, restart, destroy");
    tap_ok(a->n_os_boot_devs == 1 && strcmp(a->os_boot_devs[0], "hd") == 0 &&
           a->n_os_extras == 0, "<os><boot dev='hd'/> is read into os_boot_devs");

    /* A copy owns its memory: changing it leaves the original alone. */
    struct domain_def *c = domain_def_copy(a);
    if (c != NULL)
        c->name[0] = 'X';
    tap_ok(c != NULL && strcmp(a->name, "d") == 0 &&
           strcmp(c->os_boot_devs[0], a->os_boot_devs[0]) == 0 &&
           c->os_boot_devs[0] != a->os_boot_devs[0],
           "domain_def_copy is deep");
    domain_def_free(c);
    domain_def_free(a);
    domain_def_free(b);
}

static void
check_lifecycle_names(void)
{
    static const char *const words[] = {
        "destroy", "restart", "preserve", "rename-restart",
        "coredump-destroy", "coredump-restart",
    };
    bool is_ok = true;

    for (int i = 0; i < 6; i++)
        is_ok = is_ok && domain_lifecycle_action_from_string(words[i]) == i &&
                strcmp(domain_lifecycle_action_to_string(i), words[i]) == 0;
    tap_ok(is_ok, "lifecycle action names round-trip");
    tap_ok(domain_lifecycle_action_from_string("Destroy") < 0 &&
           domain_lifecycle_action_to_string(6) == NULL &&
           domain_lifecycle_action_to_string(-1) == NULL,
           "lifecycle names are exact and bounded");
    domain_def_free(NULL);
    tap_ok(domain_def_format(NULL, -1) == NULL &&
           domain_def_copy(NULL) == NULL,
           "NULL definitions are handled");
}

/* A malformed document is reported as libvirt reports it: the first fatal
 * error, the line it is on, and a caret under the column (tabs kept so
 * that the caret lines up). The expected texts are virsh 9.0's output for
 * the same documents against libvirt's test driver. */
static void
check_syntax_error(const char *xml, const char *want, const char *what)
{
    struct vireo_error err = { 0 };
    struct domain_def *def = domain_def_parse(xml, &err);

    tap_ok(def == NULL && err.code == VIR_ERR_XML_DETAIL &&
           strcmp(err.message, want) == 0, "%s", what);
    if (strcmp(err.message, want) != 0)
        tap_diag("got:\n%s\nwant:\n%s", err.message, want);
    domain_def_free(def);
}

static void
check_syntax_errors(void)
{
    check_syntax_error(
        "<domain type='test'>\n  <name>m</name>\n  <os>\n"
        "    <type>hvm</type>\n</domain>\n",
        "(domain_definition):5: Opening and ending tag mismatch: os line 3 "
        "and domain\n</domain>\n---------^",
        "a tag left open: the first error, with its line and a caret");
    check_syntax_error(
        "<domain type='test'>\n\t<name>x</nam>\n</domain>\n",
        "(domain_definition):2: Opening and ending tag mismatch: name line 2 "
        "and nam\n\t<name>x</nam>\n\t-------------^",
        "a tab in the line stays a tab under it");
}

int
main(void)
{
    tap_plan(N_CASES + 8 + 3 + 2);
    check_unit_table();
    check_defaults();
    check_lifecycle_names();
    check_syntax_errors();
    return tap_done();
}
