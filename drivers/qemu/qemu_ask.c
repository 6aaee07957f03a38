/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_ask.c: questions to other drivers' threads on behalf of a start
 * (qemu_ask.h).
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/call.h"
#include "drivers/conf/domain_def.h"
#include "drivers/error.h"
#include "drivers/qemu/qemu_ask.h"
#include "drivers/worker.h"

/* One answer per device of the kind, by index; NULL for those not asked
 * about. Owned by the QEMU thread (by the call, once recorded). */
struct answers {
    int    n;
    char **values;
};

static struct answers *
answers_new(int n)
{
    struct answers *a = calloc(1, sizeof(*a));

    if (a != NULL &&
        (a->values = calloc((size_t)n + 1, sizeof(char *))) == NULL) {
        free(a);
        return NULL;
    }
    if (a != NULL)
        a->n = n;
    return a;
}

static void
answers_free(void *p)
{
    struct answers *a = p;

    for (int i = 0; a != NULL && i < a->n; i++)
        free(a->values[i]);
    if (a != NULL)
        free(a->values);
    free(a);
}

static bool
has_asked(const struct qemu_question *q, const struct domain_def *def)
{
    for (int i = 0; i < q->n_devices(def); i++)
        if (q->is_asked(def, i))
            return true;
    return false;
}

/* A copy of def with the answers in place. */
static struct domain_def *
with_answers(const struct qemu_question *q, const struct domain_def *def,
             const struct answers *a, struct vireo_error *err)
{
    struct domain_def *copy = domain_def_copy(def);
    char **field;

    if (copy == NULL) {
        error_no_memory(err);
        return NULL;
    }
    for (int i = 0; i < q->n_devices(copy) && i < a->n; i++) {
        if (a->values[i] == NULL)
            continue;
        field = q->field(copy, i);
        free(*field);
        if ((*field = strdup(a->values[i])) == NULL) {
            domain_def_free(copy);
            error_no_memory(err);
            return NULL;
        }
    }
    return copy;
}

/* ---- Asking, with a call that waits ------------------------------------ */

/* One asking in flight: alive until every answer is in, which may be
 * after its call ended (timed out, or cancelled). */
struct asking {
    struct call       *call;        /* NULL once abandoned */
    struct answers    *answers;
    int                n_pending;
    bool               has_failed;
    struct vireo_error err;
};

/* Where one device's answer goes. */
struct slot {
    struct asking *asking;
    int            index;
};

static void
fail(struct asking *a, const struct vireo_error *why)
{
    if (!a->has_failed) {
        a->has_failed = true;
        a->err = *why;
    }
}

static void
fail_no_memory(struct asking *a)
{
    struct vireo_error oom = { 0 };

    error_no_memory(&oom);
    fail(a, &oom);
}

static void
one_less(struct asking *a)
{
    if (--a->n_pending > 0)
        return;
    if (a->call != NULL)
        call_answer(a->call, a->has_failed ? -1 : 0,
                    a->has_failed ? &a->err : NULL,
                    a->has_failed ? NULL : a->answers,
                    a->has_failed ? NULL : answers_free);
    if (a->call == NULL || a->has_failed)
        answers_free(a->answers);
    free(a);
}

static void
on_answer(const char *value, const struct vireo_error *err, void *opaque)
{
    struct slot *s = opaque;
    struct asking *a = s->asking;

    if (value == NULL)
        fail(a, err);
    else if ((a->answers->values[s->index] = strdup(value)) == NULL)
        fail_no_memory(a);
    free(s);
    one_less(a);
}

static void
forget_call(void *opaque)
{
    struct asking *a = opaque;

    a->call = NULL;
}

/* Send every question, then wait. */
static void
send_all(const struct qemu_question *q, const struct domain_def *def,
         struct asking *a)
{
    struct vireo_error why = { 0 };
    struct slot *s;

    for (int i = 0; i < q->n_devices(def); i++) {
        if (!q->is_asked(def, i))
            continue;
        if ((s = malloc(sizeof(*s))) == NULL) {
            fail_no_memory(a);
            return;
        }
        *s = (struct slot){ a, i };
        a->n_pending++;
        if (!q->send(def, i, worker_current(), on_answer, s, &why)) {
            on_answer(NULL, &why, s);
            return;
        }
    }
}

static int
ask_all(const struct qemu_question *q, struct call *c,
        const struct domain_def *def, struct vireo_error *err)
{
    struct asking *a = calloc(1, sizeof(*a));

    if (a == NULL || (a->answers = answers_new(q->n_devices(def))) == NULL) {
        free(a);
        return error_no_memory(err);
    }
    a->call = c;
    a->n_pending = 1;    /* held until every question is sent */
    send_all(q, def, a);
    call_wait(c, q->timeout_ms, q->waiting_for, forget_call, a);
    one_less(a);
    return -1;
}

/* ---- Asking, with nobody to suspend ------------------------------------- */

static struct answers *
ask_now(const struct qemu_question *q, const struct domain_def *def,
        struct vireo_error *err)
{
    struct answers *a = answers_new(q->n_devices(def));

    if (a == NULL) {
        error_no_memory(err);
        return NULL;
    }
    for (int i = 0; i < a->n; i++) {
        if (q->is_asked(def, i) &&
            (a->values[i] = q->ask_now(def, i, err)) == NULL) {
            answers_free(a);
            return NULL;
        }
    }
    return a;
}

int
qemu_ask(const struct qemu_question *q, const struct domain_def *def,
         struct domain_def **out, struct vireo_error *err)
{
    struct call *c = call_current();
    struct answers *a;
    void *data = NULL;
    int rc;

    *out = NULL;
    if (!has_asked(q, def))
        return 0;
    if (c == NULL) {
        if ((a = ask_now(q, def, err)) == NULL)
            return -1;
        *out = with_answers(q, def, a, err);
        answers_free(a);
        return *out != NULL ? 0 : -1;
    }
    if (!call_replay(c, &rc, err, &data))
        return ask_all(q, c, def, err);
    if (rc < 0)
        return -1;
    *out = with_answers(q, def, data, err);
    return *out != NULL ? 0 : -1;
}
