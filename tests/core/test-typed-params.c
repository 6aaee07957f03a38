/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-typed-params.c: the typed parameter list, its check against the
 * fields a call accepts (libvirt's wording), and its round trip through
 * XDR as the wire carries it.
 */
#include <rpc/xdr.h>
#include <string.h>

#include "drivers/typed_param_wire.h"
#include "drivers/typed_params.h"
#include "tests/tap.h"
#include "wire/xdr_guard.h"

static void
fill(struct vireo_typed_params *p)
{
    struct vireo_error err = { 0 };

    vireo_typed_params_add_int(p, "i", -3, &err);
    vireo_typed_params_add_uint(p, "ui", 4000000000u, &err);
    vireo_typed_params_add_llong(p, "l", -5000000000LL, &err);
    vireo_typed_params_add_ullong(p, "ul", 18000000000000000000ULL, &err);
    vireo_typed_params_add_double(p, "d", 0.25, &err);
    vireo_typed_params_add_boolean(p, "b", 7, &err);
    vireo_typed_params_add_string(p, "s", "text", &err);
}

static bool
is_filled(const struct vireo_typed_params *p)
{
    const struct vireo_typed_param *s = vireo_typed_params_find(p, "s");

    return p->n == 7 && p->params[0].value.i == -3 &&
           p->params[1].value.ui == 4000000000u &&
           p->params[2].value.l == -5000000000LL &&
           p->params[3].value.ul == 18000000000000000000ULL &&
           p->params[4].value.d == 0.25 && p->params[5].value.b == 1 &&
           s != NULL && s->type == VIREO_TYPED_PARAM_STRING &&
           strcmp(s->value.s, "text") == 0;
}

static void
test_list(void)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_error err = { 0 };
    char longname[100];

    fill(&p);
    tap_ok(is_filled(&p), "seven types kept in order");
    tap_ok(vireo_typed_params_find(&p, "nope") == NULL, "absent field: NULL");
    memset(longname, 'x', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    tap_ok(vireo_typed_params_add_int(&p, longname, 1, &err) < 0 &&
           err.code == VIR_ERR_INVALID_ARG && p.n == 7,
           "an 80-byte field name is refused: %s", err.message);
    vireo_typed_params_clear(&p);
    tap_ok(p.n == 0 && p.params == NULL, "clear leaves an empty list");
}

static const struct typed_param_spec spec[] = {
    { "hard_limit", VIREO_TYPED_PARAM_ULLONG, false },
    { "weight", VIREO_TYPED_PARAM_UINT, true },
    { NULL, 0, false },
};

static void
test_validate(void)
{
    struct vireo_typed_params p = { 0 };
    struct vireo_error err = { 0 };

    vireo_typed_params_add_ullong(&p, "hard_limit", 1, &err);
    vireo_typed_params_add_uint(&p, "weight", 1, &err);
    vireo_typed_params_add_uint(&p, "weight", 2, &err);
    tap_ok(typed_params_validate(&p, spec, &err) == 0, "known fields pass");
    vireo_typed_params_add_ullong(&p, "hard_limit", 2, &err);
    tap_ok(typed_params_validate(&p, spec, &err) < 0 &&
           err.code == VIR_ERR_INVALID_ARG &&
           strcmp(err.message, "invalid argument: parameter 'hard_limit' "
                  "occurs multiple times") == 0, "a repeat: %s", err.message);
    vireo_typed_params_clear(&p);
    vireo_typed_params_add_int(&p, "hard_limit", 1, &err);
    tap_ok(typed_params_validate(&p, spec, &err) < 0 &&
           strcmp(err.message, "invalid argument: invalid type 'int' for "
                  "parameter 'hard_limit', expected 'ullong'") == 0,
           "a wrong type: %s", err.message);
    vireo_typed_params_clear(&p);
    vireo_typed_params_add_int(&p, "soft", 1, &err);
    tap_ok(typed_params_validate(&p, spec, &err) < 0 &&
           err.code == VIR_ERR_ARGUMENT_UNSUPPORTED &&
           strcmp(err.message, "argument unsupported: parameter 'soft' not "
                  "supported") == 0, "an unknown field: %s", err.message);
    vireo_typed_params_clear(&p);
}

/* p as bytes on the wire and back again, as a peer would receive it. */
static int
through_xdr(const struct vireo_typed_params *in, int limit,
            struct vireo_typed_params *out, struct vireo_error *err)
{
    remote_connect_get_all_domain_stats_ret msg = { 0 }, got = { 0 };
    remote_domain_stats_record rec = { 0 };
    char buf[4096];
    XDR x;
    u_int used;
    int rc;
    char name[] = "d";

    if (typed_params_to_wire(in, &rec.params.params_val,
                             &rec.params.params_len, err) < 0)
        return -1;
    rec.dom.name = name;
    msg.retStats.retStats_val = &rec;
    msg.retStats.retStats_len = 1;
    xdrmem_create(&x, buf, sizeof(buf), XDR_ENCODE);
    rc = xdr_remote_connect_get_all_domain_stats_ret(&x, &msg) ? 0 : -1;
    used = xdr_getpos(&x);
    xdr_destroy(&x);
    rec.dom.name = NULL;
    xdr_free((xdrproc_t)xdr_remote_domain_stats_record, (char *)&rec);
    if (rc == 0 && xdr_guard_decode(buf, used,
                      (xdrproc_t)xdr_remote_connect_get_all_domain_stats_ret,
                      &got) != XDR_GUARD_OK)
        rc = -1;
    if (rc == 0)
        rc = typed_params_from_wire(got.retStats.retStats_val[0].params.params_val,
                                    got.retStats.retStats_val[0].params.params_len,
                                    limit, out, err);
    xdr_free((xdrproc_t)xdr_remote_connect_get_all_domain_stats_ret,
             (char *)&got);
    return rc;
}

static void
test_wire(void)
{
    struct vireo_typed_params p = { 0 }, back = { 0 };
    struct vireo_error err = { 0 };

    fill(&p);
    tap_ok(through_xdr(&p, 16, &back, &err) == 0 && is_filled(&back),
           "every type survives the wire");
    vireo_typed_params_clear(&back);
    tap_ok(through_xdr(&p, 6, &back, &err) < 0 && err.code == VIR_ERR_RPC &&
           strstr(err.message, "too many parameters '7' for limit '6'") &&
           back.n == 0, "more than the limit is refused: %s", err.message);
    vireo_typed_params_clear(&p);
}

int
main(void)
{
    tap_plan(10);
    test_list();
    test_validate();
    test_wire();
    return tap_done();
}
