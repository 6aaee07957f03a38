/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_call.c: running a slot's operation on the test driver's thread.
 */
#include <stdatomic.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_io.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_view.h"
#include "drivers/worker.h"

struct packed {
    struct vireo_conn   *conn;
    struct vireo_domain *dom;        /* test_call_dom only */
    test_op              op;
    test_dom_op          dom_op;
    void                *io;
    struct vireo_error  *err;
    int                  rc;
};

/* Operations running, one inside another when an operation calls a slot.
 * Owned by the test thread. */
static int op_depth;

/* Test thread: what wraps every operation. The state's published view is
 * marked stale before the operation may change anything (or emit an
 * event about it), and republished, if a reader asked, before the answer
 * goes out: after the outermost operation, so that no half-done change is
 * published. The reference keeps the state through an operation that
 * drops its connection's own (a close). */
static void
op_begin(struct test_state *st)
{
    st->refs++;
    op_depth++;
    test_view_before_op(st);
}

static void
op_end(struct test_state *st)
{
    if (--op_depth == 0)
        test_view_after_op(st);
    test_state_release(st);
}

static void
run_op(void *arg)
{
    struct packed *p = arg;
    struct test_state *st = p->conn->priv;

    if (!test_io_enter(st, NULL)) {
        p->rc = -1;
        return;
    }
    op_begin(st);
    p->rc = p->op(st, p->io, p->err);
    op_end(st);
    if (test_io_leave())
        p->rc = -1;
}

/* A connection always holds the driver's thread (testdrv.c), so this only
 * fails if something is badly wrong. */
static int
run_on_thread(struct packed *p, void (*fn)(void *arg))
{
    if (p->conn->worker == NULL || !worker_call(p->conn->worker, fn, p))
        return error_set(p->err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST, "%s",
                         "the test driver's thread is not running");
    return p->rc;
}

int
test_call(struct vireo_conn *conn, test_op op, void *io,
          struct vireo_error *err)
{
    struct packed p = { .conn = conn, .op = op, .io = io, .err = err };

    return run_on_thread(&p, run_op);
}

static void
run_dom_op(void *arg)
{
    struct packed *p = arg;
    struct test_state *st = p->conn->priv;
    struct domain_obj *obj;

    /* A call on a domain whose save or dump is pending runs once it is
     * done (test_io.h). */
    if (!test_io_enter(st, p->dom->uuid)) {
        p->rc = -1;
        return;
    }
    obj = test_state_find(st, p->dom, p->err);
    if (obj == NULL) {
        p->rc = -1;
        test_io_leave();
        return;
    }
    op_begin(st);
    p->rc = p->dom_op(st, obj, p->io, p->err);
    op_end(st);
    if (test_io_leave())
        p->rc = -1;
    /* The op may have started, stopped or removed the domain. */
    obj = domain_list_find_by_uuid(st->domains, p->dom->uuid);
    atomic_store(&p->dom->id, obj != NULL ? obj->id : -1);
}

int
test_call_dom(struct vireo_domain *dom, test_dom_op op, void *io,
              struct vireo_error *err)
{
    struct packed p = { .conn = dom->conn, .dom = dom, .dom_op = op,
                        .io = io, .err = err };

    return run_on_thread(&p, run_dom_op);
}
