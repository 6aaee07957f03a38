/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_facts.c: reading the replies of the QMP probe. Each command carries
 * an id that QEMU echoes, so a reply is recognised by it, whatever comes
 * between (the greeting, events). Driver thread only.
 */
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/qemu/qemu_facts.h"

const char qemu_facts_commands[] =
    "{\"execute\":\"qmp_capabilities\"}\n"
    "{\"execute\":\"query-machines\",\"id\":\"machines\"}\n"
    "{\"execute\":\"query-cpu-definitions\",\"id\":\"cpus\"}\n"
    "{\"execute\":\"qom-list-types\",\"id\":\"types\"}\n"
    "{\"execute\":\"query-commands\",\"id\":\"commands\"}\n"
    "{\"execute\":\"quit\"}\n";

const char qemu_facts_kvm_commands[] =
    "{\"execute\":\"qmp_capabilities\"}\n"
    "{\"execute\":\"query-kvm\",\"id\":\"kvm\"}\n"
    "{\"execute\":\"quit\"}\n";

static const char *
get_string(json_object *obj, const char *key)
{
    json_object *v;

    if (!json_object_object_get_ex(obj, key, &v) ||
        !json_object_is_type(v, json_type_string))
        return NULL;
    return json_object_get_string(v);
}

static int
read_machines(struct qemu_facts *f, json_object *list, int n)
{
    f->machines = calloc((size_t)n + 1, sizeof(*f->machines));
    if (f->machines == NULL)
        return -1;
    for (int i = 0; i < n; i++) {
        json_object *m = json_object_array_get_idx(list, (size_t)i), *max;
        const char *name = get_string(m, "name");

        if (name == NULL)
            continue;
        f->machines[f->n_machines].name = strdup(name);
        if (f->machines[f->n_machines].name == NULL)
            return -1;
        if (json_object_object_get_ex(m, "cpu-max", &max))
            f->machines[f->n_machines].cpu_max = json_object_get_int(max);
        f->n_machines++;
    }
    return 0;
}

/* A model is usable when the accelerator lacks none of its features. */
static int
read_cpus(struct qemu_facts *f, json_object *list, int n)
{
    f->cpus = calloc((size_t)n + 1, sizeof(*f->cpus));
    if (f->cpus == NULL)
        return -1;
    for (int i = 0; i < n; i++) {
        json_object *c = json_object_array_get_idx(list, (size_t)i), *missing;
        const char *name = get_string(c, "name");

        if (name == NULL)
            continue;
        f->cpus[f->n_cpus].name = strdup(name);
        if (f->cpus[f->n_cpus].name == NULL)
            return -1;
        f->cpus[f->n_cpus].is_usable =
            json_object_object_get_ex(c, "unavailable-features", &missing) &&
            json_object_array_length(missing) == 0;
        f->n_cpus++;
    }
    return 0;
}

static int
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The "name" of each object of list, sorted. */
static int
read_names(char ***names, int *count, json_object *list, int n)
{
    *names = calloc((size_t)n + 1, sizeof(**names));
    if (*names == NULL)
        return -1;
    for (int i = 0; i < n; i++) {
        const char *name =
            get_string(json_object_array_get_idx(list, (size_t)i), "name");

        if (name == NULL)
            continue;
        if (((*names)[*count] = strdup(name)) == NULL)
            return -1;
        (*count)++;
    }
    qsort(*names, (size_t)*count, sizeof(**names), compare_names);
    return 0;
}

/* One line of output: a reply to one of our commands, or anything else
 * (ignored). */
static int
read_reply(struct qemu_facts *f, const char *line)
{
    json_object *reply = json_tokener_parse(line), *list;
    const char *id = reply != NULL ? get_string(reply, "id") : NULL;
    int n, rc = 0;

    if (id == NULL || !json_object_object_get_ex(reply, "return", &list) ||
        !json_object_is_type(list, json_type_array)) {
        json_object_put(reply);
        return 0;
    }
    n = (int)json_object_array_length(list);
    if (strcmp(id, "machines") == 0 && f->machines == NULL)
        rc = read_machines(f, list, n);
    else if (strcmp(id, "cpus") == 0 && f->cpus == NULL)
        rc = read_cpus(f, list, n);
    else if (strcmp(id, "types") == 0 && f->types == NULL)
        rc = read_names(&f->types, &f->n_types, list, n);
    else if (strcmp(id, "commands") == 0 && f->commands == NULL)
        rc = read_names(&f->commands, &f->n_commands, list, n);
    json_object_put(reply);
    return rc;
}

struct qemu_facts *
qemu_facts_parse(const char *output)
{
    struct qemu_facts *f = calloc(1, sizeof(*f));
    char *copy = output != NULL ? strdup(output) : NULL, *save = NULL;
    int rc = copy != NULL ? 0 : -1;

    for (char *line = copy != NULL ? strtok_r(copy, "\n", &save) : NULL;
         line != NULL && rc == 0 && f != NULL;
         line = strtok_r(NULL, "\n", &save))
        rc = read_reply(f, line);
    free(copy);
    if (f != NULL && (rc < 0 || f->n_machines == 0)) {
        qemu_facts_free(f);
        return NULL;
    }
    return f;
}

static void
free_names(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

void
qemu_facts_free(struct qemu_facts *f)
{
    if (f == NULL)
        return;
    for (int i = 0; i < f->n_machines; i++)
        free(f->machines[i].name);
    free(f->machines);
    for (int i = 0; i < f->n_cpus; i++)
        free(f->cpus[i].name);
    free(f->cpus);
    free_names(f->types, f->n_types);
    free_names(f->commands, f->n_commands);
    free(f);
}

int
qemu_facts_cpu_max(const struct qemu_facts *f, const char *machine)
{
    for (int i = 0; i < f->n_machines; i++)
        if (strcmp(f->machines[i].name, machine) == 0)
            return f->machines[i].cpu_max;
    return 0;
}

static bool
has_name(char *const *names, int n, const char *name)
{
    return n > 0 && bsearch(&name, names, (size_t)n, sizeof(*names),
                            compare_names) != NULL;
}

bool
qemu_facts_has_type(const struct qemu_facts *f, const char *type)
{
    return has_name(f->types, f->n_types, type);
}

bool
qemu_facts_has_command(const struct qemu_facts *f, const char *name)
{
    return has_name(f->commands, f->n_commands, name);
}

static bool
get_true(json_object *obj, const char *key)
{
    json_object *v;

    return json_object_object_get_ex(obj, key, &v) &&
           json_object_is_type(v, json_type_boolean) &&
           json_object_get_boolean(v);
}

/* One line: query-kvm's reply saying present and enabled, or not. */
static bool
is_kvm_usable_reply(const char *line)
{
    json_object *reply = json_tokener_parse(line), *ret;
    const char *id = reply != NULL ? get_string(reply, "id") : NULL;
    bool is_usable = id != NULL && strcmp(id, "kvm") == 0 &&
                     json_object_object_get_ex(reply, "return", &ret) &&
                     get_true(ret, "present") && get_true(ret, "enabled");

    json_object_put(reply);
    return is_usable;
}

bool
qemu_facts_kvm_is_usable(const char *output)
{
    char *copy = output != NULL ? strdup(output) : NULL, *save = NULL;
    bool is_usable = false;

    for (char *line = copy != NULL ? strtok_r(copy, "\n", &save) : NULL;
         line != NULL && !is_usable; line = strtok_r(NULL, "\n", &save))
        is_usable = is_kvm_usable_reply(line);
    free(copy);
    return is_usable;
}
