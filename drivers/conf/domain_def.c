/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_def.c: the life of a struct domain_def (free, deep copy) and the
 * small value rules shared by the parser and the formatter: memory units
 * and lifecycle action names.
 *
 * Stateless; every function may be called from any thread. A definition
 * belongs to whoever holds the pointer.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "drivers/conf/domain_def.h"
#include "drivers/error.h"

/* ---- Lifecycle actions ------------------------------------------------ */

/* Indexed by enum domain_lifecycle_action. */
static const char *const action_names[] = {
    [DOMAIN_ACTION_DESTROY]          = "destroy",
    [DOMAIN_ACTION_RESTART]          = "restart",
    [DOMAIN_ACTION_PRESERVE]         = "preserve",
    [DOMAIN_ACTION_RENAME_RESTART]   = "rename-restart",
    [DOMAIN_ACTION_COREDUMP_DESTROY] = "coredump-destroy",
    [DOMAIN_ACTION_COREDUMP_RESTART] = "coredump-restart",
};

#define N_ACTIONS ((int)(sizeof(action_names) / sizeof(action_names[0])))

const char *
domain_lifecycle_action_to_string(int action)
{
    if (action < 0 || action >= N_ACTIONS)
        return NULL;
    return action_names[action];
}

int
domain_lifecycle_action_from_string(const char *word)
{
    if (word == NULL)
        return -1;
    for (int i = 0; i < N_ACTIONS; i++)
        if (strcmp(word, action_names[i]) == 0)
            return i;
    return -1;
}

/* ---- Freeing ---------------------------------------------------------- */

static void
extras_free(struct domain_extra *extras, int n)
{
    for (int i = 0; i < n; i++) {
        free(extras[i].name);
        free(extras[i].xml);
    }
    free(extras);
}

static void
disk_clear(struct domain_disk *d)
{
    free(d->device);
    free(d->source_file);
    free(d->driver_name);
    free(d->driver_type);
    free(d->target_dev);
    free(d->target_bus);
}

static void
interface_clear(struct domain_interface *iface)
{
    free(iface->type);
    free(iface->mac);
    free(iface->model);
}

static void
chardev_clear(struct domain_chardev *c)
{
    free(c->type);
    free(c->source_path);
    free(c->target_type);
}

void
domain_def_free(struct domain_def *def)
{
    if (def == NULL)
        return;
    free(def->virt_type);
    free(def->name);
    free(def->title);
    free(def->description);
    free(def->os_type);
    free(def->os_arch);
    free(def->os_machine);
    free(def->emulator);
    for (int i = 0; i < def->n_disks; i++)
        disk_clear(&def->disks[i]);
    free(def->disks);
    for (int i = 0; i < def->n_interfaces; i++)
        interface_clear(&def->interfaces[i]);
    free(def->interfaces);
    for (int i = 0; i < def->n_chardevs; i++)
        chardev_clear(&def->chardevs[i]);
    free(def->chardevs);
    extras_free(def->extras, def->n_extras);
    extras_free(def->device_extras, def->n_device_extras);
    extras_free(def->os_extras, def->n_os_extras);
    free(def);
}

/* ---- Deep copy -------------------------------------------------------- */

/* Copy a string that may be NULL. Sets *failed on allocation failure so
 * that a run of copies can be checked once at the end. */
static char *
dup_opt(const char *s, bool *failed)
{
    char *copy;

    if (s == NULL)
        return NULL;
    copy = strdup(s);
    if (copy == NULL)
        *failed = true;
    return copy;
}

/* calloc for n elements that tolerates n == 0 (returning NULL, not a
 * failure). */
static void *
array_new(int n, size_t size, bool *failed)
{
    void *p;

    if (n <= 0)
        return NULL;
    p = calloc((size_t)n, size);
    if (p == NULL)
        *failed = true;
    return p;
}

static struct domain_extra *
extras_copy(const struct domain_extra *src, int n, bool *failed)
{
    struct domain_extra *dst = array_new(n, sizeof(*dst), failed);

    for (int i = 0; dst != NULL && i < n; i++) {
        dst[i].name = dup_opt(src[i].name, failed);
        dst[i].xml = dup_opt(src[i].xml, failed);
    }
    return dst;
}

static void
disk_copy(struct domain_disk *dst, const struct domain_disk *src,
          bool *failed)
{
    dst->device = dup_opt(src->device, failed);
    dst->source_file = dup_opt(src->source_file, failed);
    dst->driver_name = dup_opt(src->driver_name, failed);
    dst->driver_type = dup_opt(src->driver_type, failed);
    dst->target_dev = dup_opt(src->target_dev, failed);
    dst->target_bus = dup_opt(src->target_bus, failed);
    dst->is_readonly = src->is_readonly;
}

static void
interface_copy(struct domain_interface *dst,
               const struct domain_interface *src, bool *failed)
{
    dst->type = dup_opt(src->type, failed);
    dst->mac = dup_opt(src->mac, failed);
    dst->model = dup_opt(src->model, failed);
}

static void
chardev_copy(struct domain_chardev *dst, const struct domain_chardev *src,
             bool *failed)
{
    dst->is_console = src->is_console;
    dst->type = dup_opt(src->type, failed);
    dst->source_path = dup_opt(src->source_path, failed);
    dst->target_type = dup_opt(src->target_type, failed);
    dst->target_port = src->target_port;
}

/* The arrays: each count is kept only once its array exists, so that
 * domain_def_free never walks memory that was not allocated. */
static void
devices_copy(struct domain_def *dst, const struct domain_def *src,
             bool *failed)
{
    dst->disks = array_new(src->n_disks, sizeof(*dst->disks), failed);
    if (dst->disks != NULL)
        dst->n_disks = src->n_disks;
    for (int i = 0; i < dst->n_disks; i++)
        disk_copy(&dst->disks[i], &src->disks[i], failed);

    dst->interfaces = array_new(src->n_interfaces, sizeof(*dst->interfaces),
                                failed);
    if (dst->interfaces != NULL)
        dst->n_interfaces = src->n_interfaces;
    for (int i = 0; i < dst->n_interfaces; i++)
        interface_copy(&dst->interfaces[i], &src->interfaces[i], failed);

    dst->chardevs = array_new(src->n_chardevs, sizeof(*dst->chardevs),
                              failed);
    if (dst->chardevs != NULL)
        dst->n_chardevs = src->n_chardevs;
    for (int i = 0; i < dst->n_chardevs; i++)
        chardev_copy(&dst->chardevs[i], &src->chardevs[i], failed);
}

static void
all_extras_copy(struct domain_def *dst, const struct domain_def *src,
                bool *failed)
{
    dst->extras = extras_copy(src->extras, src->n_extras, failed);
    if (dst->extras != NULL)
        dst->n_extras = src->n_extras;
    dst->device_extras = extras_copy(src->device_extras,
                                     src->n_device_extras, failed);
    if (dst->device_extras != NULL)
        dst->n_device_extras = src->n_device_extras;
    dst->os_extras = extras_copy(src->os_extras, src->n_os_extras, failed);
    if (dst->os_extras != NULL)
        dst->n_os_extras = src->n_os_extras;
}

struct domain_def *
domain_def_copy(const struct domain_def *def)
{
    struct domain_def *dst;
    bool failed = false;

    if (def == NULL)
        return NULL;
    dst = calloc(1, sizeof(*dst));
    if (dst == NULL)
        return NULL;
    /* Scalars first; every pointer is then replaced by its own copy. */
    *dst = *def;
    dst->virt_type = dup_opt(def->virt_type, &failed);
    dst->name = dup_opt(def->name, &failed);
    dst->title = dup_opt(def->title, &failed);
    dst->description = dup_opt(def->description, &failed);
    dst->os_type = dup_opt(def->os_type, &failed);
    dst->os_arch = dup_opt(def->os_arch, &failed);
    dst->os_machine = dup_opt(def->os_machine, &failed);
    dst->emulator = dup_opt(def->emulator, &failed);
    dst->n_disks = dst->n_interfaces = dst->n_chardevs = 0;
    dst->n_extras = dst->n_device_extras = dst->n_os_extras = 0;
    devices_copy(dst, def, &failed);
    all_extras_copy(dst, def, &failed);
    if (failed) {
        domain_def_free(dst);
        return NULL;
    }
    return dst;
}

/* ---- Memory quantities ------------------------------------------------ */

/* Bytes per unit, following libvirt's virScaleInteger: none means KiB;
 * "b", "byte", "bytes" are bytes; a letter alone or with "iB" is a power
 * of 1024; a letter with "B" is a power of 1000. Case does not matter.
 * Returns 0, or -1 for a unit libvirt would refuse. */
static int
unit_scale(const char *unit, unsigned long long *scale)
{
    static const char powers[] = "kmgtpe";
    const char *p;
    unsigned long long base;

    if (unit == NULL || *unit == '\0') {
        *scale = 1024;
        return 0;
    }
    if (strcasecmp(unit, "b") == 0 || strcasecmp(unit, "byte") == 0 ||
        strcasecmp(unit, "bytes") == 0) {
        *scale = 1;
        return 0;
    }
    /* unit[0] is not NUL here, so strchr cannot match the terminator. */
    p = strchr(powers, tolower((unsigned char)unit[0]));
    if (p == NULL)
        return -1;
    if (unit[1] == '\0' || strcasecmp(unit + 1, "ib") == 0)
        base = 1024;
    else if (strcasecmp(unit + 1, "b") == 0)
        base = 1000;
    else
        return -1;
    *scale = 1;
    for (long i = 0; i <= p - powers; i++)
        *scale *= base;
    return 0;
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* A non-negative decimal integer, optionally surrounded by whitespace (the
 * text of an element that was pretty-printed). Signs, hex and fractions are
 * refused. Returns 0, 1 on overflow, or -1 if it is not a number. */
static int
parse_decimal(const char *text, unsigned long long *out)
{
    unsigned long long v = 0;
    const char *p = text;

    while (is_space(*p))
        p++;
    if (*p < '0' || *p > '9')
        return -1;
    bool overflow = false;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (__builtin_mul_overflow(v, 10ull, &v) ||
            __builtin_add_overflow(v, (unsigned long long)(*p - '0'), &v))
            overflow = true;
    }
    while (is_space(*p))
        p++;
    if (*p != '\0')
        return -1;
    *out = v;
    return overflow ? 1 : 0;
}

int
domain_def_parse_memory(const char *value, const char *unit,
                        const char *what, unsigned long long *kib,
                        struct vireo_error *err)
{
    unsigned long long number = 0, scale, bytes;
    int rc;

    if (what == NULL)
        what = "memory";
    if (unit_scale(unit, &scale) < 0)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "unknown unit '%s' for element '%s'", unit, what);
    rc = value != NULL ? parse_decimal(value, &number) : -1;
    if (rc < 0)
        return error_set(err, VIR_ERR_XML_ERROR, VIR_FROM_DOMAIN,
                         "invalid value '%s' for element '%s': expected a "
                         "non-negative integer",
                         value != NULL ? value : "", what);
    /* libvirt's bound: the size in bytes must fit in a signed 64-bit
     * off_t. */
    if (rc > 0 || __builtin_mul_overflow(number, scale, &bytes) ||
        bytes > (unsigned long long)LLONG_MAX)
        return error_set(err, VIR_ERR_OVERFLOW, VIR_FROM_DOMAIN,
                         "element '%s' is too large: %s %s",
                         what, value, unit != NULL ? unit : "KiB");
    /* KiB is the internal unit; a partial KiB still needs a whole one. */
    *kib = bytes / 1024 + (bytes % 1024 != 0);
    return 0;
}
