/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-admin.c: the pieces of the admin program below the wire: typed
 * parameter lists built and checked as libvirt builds and checks them,
 * and the registry of clients per server with its limits.
 */
#include <string.h>

#include "daemon/admin_params.h"
#include "daemon/client_registry.h"
#include "tests/tap.h"

static void
check_building(void)
{
    struct admin_params p = { .max = 3 };
    struct vireo_error err = { 0 };
    admin_typed_param *val = NULL;
    u_int len = 0;

    tap_ok(admin_params_add_uint(&p, "nWorkers", 4, &err) == 0 &&
           admin_params_add_string(&p, "unix_user_name", "root", &err) == 0 &&
           admin_params_add_bool(&p, "readonly", true, &err) == 0,
           "parameters of three types are added");
    tap_ok(p.val[0].value.type == 2 && p.val[1].value.type == 7 &&
           p.val[2].value.type == 6 &&
           p.val[2].value.admin_typed_param_value_u.b == 1,
           "each with libvirt's type number and its value");
    tap_is_int(admin_params_add_int(&p, "one_too_many", 1, &err), -1,
               "the procedure's limit is kept");
    tap_is_int(p.len, 3, "and the list keeps what it had");
    tap_is_int(admin_params_finish(&p, 0, &val, &len), 0,
               "a finished list goes to the reply");
    tap_ok(val == p.val && len == 3, "all of it");
    admin_params_clear(&p);
    tap_ok(p.val == NULL && p.len == 0, "and clearing empties the builder");
}

static void
check_checking(void)
{
    static const char *const fields[] = { "nclients_max", NULL };
    admin_typed_param good = { .field = (char *)"nclients_max" };
    admin_typed_param other = { .field = (char *)"bogus" };
    struct vireo_error err = { 0 };
    unsigned int v = 0;

    good.value.type = 2;
    good.value.admin_typed_param_value_u.ui = 7;
    other.value.type = 2;
    tap_is_int(admin_params_check_uints(&good, 1, fields, &err), 0,
               "a known unsigned int passes");
    tap_ok(admin_params_get_uint(&good, 1, "nclients_max", &v) && v == 7,
           "and is read back");
    tap_ok(!admin_params_get_uint(&good, 1, "nclients_unauth_max", &v),
           "an absent one is told absent");
    tap_is_int(admin_params_check_uints(&other, 1, fields, &err), -1,
               "an unknown field is refused");
    tap_is_str(err.message, "argument unsupported: parameter 'bogus' not "
               "supported", "in libvirt's words");
    good.value.type = 7;
    tap_is_int(admin_params_check_uints(&good, 1, fields, &err), -1,
               "a field of another type is refused");
}

static void
check_registry(void)
{
    struct client_server_limits l = { .max_clients = 2,
                                      .max_unauth_clients = 1 };
    struct client_record *a, *b, *c, *admin;
    char why[64];

    tap_is_int(client_server_by_name("libvirtd"), CLIENT_SERVER_MAIN,
               "the main server answers to libvirtd's name");
    tap_is_int(client_server_by_name("admin"), CLIENT_SERVER_ADMIN,
               "the admin server to admin");
    tap_is_int(client_server_by_name("virtqemud"), -1, "and no other");
    client_registry_set_limits(CLIENT_SERVER_MAIN, &l);
    a = client_registry_add((struct client *)1, 11, CLIENT_SERVER_MAIN,
                            CLIENT_TRANSPORT_UNIX);
    b = client_registry_add((struct client *)2, 12, CLIENT_SERVER_MAIN,
                            CLIENT_TRANSPORT_TCP);
    admin = client_registry_add((struct client *)3, 13, CLIENT_SERVER_ADMIN,
                                CLIENT_TRANSPORT_UNIX);
    tap_ok(!client_registry_refuses(b, why, sizeof(why)) &&
           !client_registry_refuses(admin, why, sizeof(why)),
           "clients up to max_clients are let in, per server");
    c = client_registry_add((struct client *)4, 14, CLIENT_SERVER_MAIN,
                            CLIENT_TRANSPORT_UNIX);
    tap_ok(client_registry_refuses(c, why, sizeof(why)) &&
           strcmp(why, "max_clients (2) reached") == 0,
           "the next one is refused, saying why");
    client_registry_remove(c);
    tap_is_int(client_registry_count(CLIENT_SERVER_MAIN), 2,
               "a refused client leaves no record");
    tap_ok(client_registry_first(CLIENT_SERVER_MAIN) == a && a->next == b,
           "clients are listed oldest first");
    tap_ok(client_registry_find(CLIENT_SERVER_MAIN, 12) == b &&
           client_registry_find(CLIENT_SERVER_MAIN, 13) == NULL,
           "a client is found by its id within its server only");
    client_registry_remove(a);
    client_registry_remove(b);
    client_registry_remove(admin);
    tap_ok(client_registry_first(CLIENT_SERVER_MAIN) == NULL &&
           client_registry_count(CLIENT_SERVER_ADMIN) == 0,
           "and forgotten once closed");
    tap_ok(client_registry_refuses(NULL, why, sizeof(why)),
           "a client that could not be recorded is refused");
}

int
main(void)
{
    tap_plan(23);
    check_building();
    check_checking();
    check_registry();
    return tap_done();
}
