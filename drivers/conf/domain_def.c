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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/domain_def_parts.h"
#include "drivers/conf/domain_xml_disk_volume.h"
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
        free(extras[i].why);
    }
    free(extras);
}

void
domain_info_clear(struct domain_device_info *info)
{
    free(info->alias);
    free(info->address_xml);
}

void
domain_disk_clear(struct domain_disk *d)
{
    free(d->type);
    free(d->device);
    free(d->source_path);
    free(d->driver_name);
    free(d->driver_type);
    free(d->driver_cache);
    free(d->driver_io);
    free(d->driver_discard);
    free(d->target_dev);
    free(d->target_bus);
    free(d->serial);
    domain_info_clear(&d->info);
    domain_iotune_disk_clear(&d->iotune);
    domain_disk_volume_clear(d);
}

void
domain_controller_clear(struct domain_controller *c)
{
    free(c->type);
    free(c->model);
    domain_info_clear(&c->info);
}

void
domain_interface_clear(struct domain_interface *iface)
{
    free(iface->type);
    free(iface->mac);
    free(iface->model);
    free(iface->source_bridge);
    free(iface->source_network);
    free(iface->source_dev);
    free(iface->source_mode);
    free(iface->target_dev);
    free(iface->link_state);
    domain_info_clear(&iface->info);
}

void
domain_chardev_clear(struct domain_chardev *c)
{
    free(c->type);
    free(c->source_path);
    free(c->source_mode);
    free(c->net.host);
    free(c->net.service);
    free(c->net.bind_host);
    free(c->net.bind_service);
    free(c->net.protocol);
    free(c->target_type);
    free(c->target_model);
    free(c->target_name);
    domain_info_clear(&c->info);
}

void
domain_input_clear(struct domain_input *in)
{
    free(in->type);
    free(in->bus);
    domain_info_clear(&in->info);
}

void
domain_graphics_clear(struct domain_graphics *g)
{
    free(g->type);
    free(g->listen_address);
    free(g->keymap);
    free(g->passwd);
    extras_free(g->children, g->n_children);
}

void
domain_redirdev_clear(struct domain_redirdev *r)
{
    free(r->bus);
    free(r->type);
    free(r->source_mode);
    free(r->source_host);
    free(r->source_service);
    domain_info_clear(&r->info);
}

void
domain_video_clear(struct domain_video *v)
{
    free(v->model_type);
    domain_info_clear(&v->info);
}

void
domain_rng_clear(struct domain_rng *r)
{
    free(r->model);
    free(r->backend_model);
    free(r->backend_path);
    domain_info_clear(&r->info);
}

void
domain_smartcard_clear(struct domain_smartcard *s)
{
    free(s->mode);
    free(s->type);
    domain_info_clear(&s->info);
}

void
domain_timer_clear(struct domain_timer *t)
{
    free(t->name);
    free(t->tickpolicy);
    free(t->track);
}

void
domain_def_clear_cpu(struct domain_def *def)
{
    for (int i = 0; i < def->n_numa_cells; i++)
        free(def->numa_cells[i].cpus);
    free(def->numa_cells);
    def->numa_cells = NULL;
    def->n_numa_cells = 0;
    free(def->cpu_mode);
    free(def->cpu_match);
    free(def->cpu_check);
    free(def->cpu_migratable);
    free(def->cpu_model);
    free(def->cpu_model_fallback);
    extras_free(def->cpu_extras, def->n_cpu_extras);
    def->cpu_mode = def->cpu_match = def->cpu_check = NULL;
    def->cpu_migratable = def->cpu_model = def->cpu_model_fallback = NULL;
    def->cpu_extras = NULL;
    def->n_cpu_extras = 0;
    def->cpu_sockets = def->cpu_dies = def->cpu_cores = def->cpu_threads = 0;
}

/* Clear each of n elements of array with clear(), then free the array. */
#define FREE_ARRAY(array, n, clear)            \
    do {                                       \
        for (int i_ = 0; i_ < (n); i_++)       \
            clear(&(array)[i_]);               \
        free(array);                           \
    } while (0)

static void
devices_free(struct domain_def *def)
{
    free(def->emulator);
    FREE_ARRAY(def->disks, def->n_disks, domain_disk_clear);
    FREE_ARRAY(def->controllers, def->n_controllers, domain_controller_clear);
    FREE_ARRAY(def->interfaces, def->n_interfaces, domain_interface_clear);
    FREE_ARRAY(def->chardevs, def->n_chardevs, domain_chardev_clear);
    FREE_ARRAY(def->inputs, def->n_inputs, domain_input_clear);
    FREE_ARRAY(def->graphics, def->n_graphics, domain_graphics_clear);
    FREE_ARRAY(def->videos, def->n_videos, domain_video_clear);
    free(def->memballoon_model);
    domain_info_clear(&def->memballoon_info);
    FREE_ARRAY(def->rngs, def->n_rngs, domain_rng_clear);
    FREE_ARRAY(def->smartcards, def->n_smartcards, domain_smartcard_clear);
    FREE_ARRAY(def->redirdevs, def->n_redirdevs, domain_redirdev_clear);
}

void
domain_def_clear_clock(struct domain_def *def)
{
    free(def->clock_offset);
    free(def->clock_adjustment);
    free(def->clock_basis);
    free(def->clock_timezone);
    FREE_ARRAY(def->timers, def->n_timers, domain_timer_clear);
    def->clock_offset = def->clock_adjustment = NULL;
    def->clock_basis = def->clock_timezone = NULL;
    def->timers = NULL;
    def->n_timers = 0;
}

void
domain_def_free(struct domain_def *def)
{
    if (def == NULL)
        return;
    free(def->hyperv_mode);
    extras_free(def->hyperv_children, def->n_hyperv_children);
    free(def->virt_type);
    free(def->name);
    free(def->title);
    free(def->description);
    free(def->os_type);
    free(def->os_arch);
    free(def->os_machine);
    free(def->os_firmware);
    free(def->os_kernel);
    free(def->os_initrd);
    free(def->os_cmdline);
    for (int i = 0; i < def->n_os_boot_devs; i++)
        free(def->os_boot_devs[i]);
    extras_free(def->feature_extras, def->n_feature_extras);
    domain_def_clear_cpu(def);
    domain_def_clear_clock(def);
    devices_free(def);
    extras_free(def->extras, def->n_extras);
    extras_free(def->device_extras, def->n_device_extras);
    extras_free(def->os_extras, def->n_os_extras);
    domain_pin_clear(&def->pin);
    domain_iotune_blkiotune_clear(&def->blkiotune);
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
        dst[i].why = dup_opt(src[i].why, failed);
    }
    return dst;
}

/* As COPY_ARRAY below, for a list of preserved elements. */
#define COPY_EXTRAS(dst, src, array, n, failed)                        \
    do {                                                               \
        (dst)->n = 0;                                                  \
        (dst)->array = extras_copy((src)->array, (src)->n, failed);    \
        if ((dst)->array != NULL)                                      \
            (dst)->n = (src)->n;                                       \
    } while (0)

static void
info_copy(struct domain_device_info *dst,
          const struct domain_device_info *src, bool *failed)
{
    dst->alias = dup_opt(src->alias, failed);
    dst->boot_order = src->boot_order;
    dst->address_xml = dup_opt(src->address_xml, failed);
}

/* Each element copier starts from a struct copy (the scalars), then
 * replaces every pointer with its own copy. */

static void
disk_copy(struct domain_disk *dst, const struct domain_disk *src,
          bool *failed)
{
    *dst = *src;
    dst->type = dup_opt(src->type, failed);
    dst->device = dup_opt(src->device, failed);
    dst->source_path = dup_opt(src->source_path, failed);
    dst->driver_name = dup_opt(src->driver_name, failed);
    dst->driver_type = dup_opt(src->driver_type, failed);
    dst->driver_cache = dup_opt(src->driver_cache, failed);
    dst->driver_io = dup_opt(src->driver_io, failed);
    dst->driver_discard = dup_opt(src->driver_discard, failed);
    dst->target_dev = dup_opt(src->target_dev, failed);
    dst->target_bus = dup_opt(src->target_bus, failed);
    dst->serial = dup_opt(src->serial, failed);
    info_copy(&dst->info, &src->info, failed);
    dst->iotune.group_name = dup_opt(src->iotune.group_name, failed);
    domain_disk_volume_copy(dst, src, failed);
}

static void
controller_copy(struct domain_controller *dst,
                const struct domain_controller *src, bool *failed)
{
    *dst = *src;
    dst->type = dup_opt(src->type, failed);
    dst->model = dup_opt(src->model, failed);
    info_copy(&dst->info, &src->info, failed);
}

static void
interface_copy(struct domain_interface *dst,
               const struct domain_interface *src, bool *failed)
{
    *dst = *src;
    dst->type = dup_opt(src->type, failed);
    dst->mac = dup_opt(src->mac, failed);
    dst->model = dup_opt(src->model, failed);
    dst->source_bridge = dup_opt(src->source_bridge, failed);
    dst->source_network = dup_opt(src->source_network, failed);
    dst->source_dev = dup_opt(src->source_dev, failed);
    dst->source_mode = dup_opt(src->source_mode, failed);
    dst->target_dev = dup_opt(src->target_dev, failed);
    dst->link_state = dup_opt(src->link_state, failed);
    info_copy(&dst->info, &src->info, failed);
}

static void
chardev_copy(struct domain_chardev *dst, const struct domain_chardev *src,
             bool *failed)
{
    *dst = *src;
    dst->type = dup_opt(src->type, failed);
    dst->source_path = dup_opt(src->source_path, failed);
    dst->source_mode = dup_opt(src->source_mode, failed);
    dst->net.host = dup_opt(src->net.host, failed);
    dst->net.service = dup_opt(src->net.service, failed);
    dst->net.bind_host = dup_opt(src->net.bind_host, failed);
    dst->net.bind_service = dup_opt(src->net.bind_service, failed);
    dst->net.protocol = dup_opt(src->net.protocol, failed);
    dst->target_type = dup_opt(src->target_type, failed);
    dst->target_model = dup_opt(src->target_model, failed);
    dst->target_name = dup_opt(src->target_name, failed);
    info_copy(&dst->info, &src->info, failed);
}

static void
input_copy(struct domain_input *dst, const struct domain_input *src,
           bool *failed)
{
    *dst = *src;
    dst->type = dup_opt(src->type, failed);
    dst->bus = dup_opt(src->bus, failed);
    info_copy(&dst->info, &src->info, failed);
}

static void
graphics_copy(struct domain_graphics *dst, const struct domain_graphics *src,
              bool *failed)
{
    *dst = *src;
    dst->type = dup_opt(src->type, failed);
    dst->listen_address = dup_opt(src->listen_address, failed);
    dst->keymap = dup_opt(src->keymap, failed);
    dst->passwd = dup_opt(src->passwd, failed);
    COPY_EXTRAS(dst, src, children, n_children, failed);
}

static void
numa_cell_copy(struct domain_numa_cell *dst,
               const struct domain_numa_cell *src, bool *failed)
{
    *dst = *src;
    dst->cpus = dup_opt(src->cpus, failed);
}

static void
redirdev_copy(struct domain_redirdev *dst, const struct domain_redirdev *src,
              bool *failed)
{
    *dst = *src;
    dst->bus = dup_opt(src->bus, failed);
    dst->type = dup_opt(src->type, failed);
    dst->source_mode = dup_opt(src->source_mode, failed);
    dst->source_host = dup_opt(src->source_host, failed);
    dst->source_service = dup_opt(src->source_service, failed);
    info_copy(&dst->info, &src->info, failed);
}

static void
timer_copy(struct domain_timer *dst, const struct domain_timer *src,
           bool *failed)
{
    *dst = *src;
    dst->name = dup_opt(src->name, failed);
    dst->tickpolicy = dup_opt(src->tickpolicy, failed);
    dst->track = dup_opt(src->track, failed);
}

static void
video_copy(struct domain_video *dst, const struct domain_video *src,
           bool *failed)
{
    *dst = *src;
    dst->model_type = dup_opt(src->model_type, failed);
    info_copy(&dst->info, &src->info, failed);
}

static void
rng_copy(struct domain_rng *dst, const struct domain_rng *src, bool *failed)
{
    *dst = *src;
    dst->model = dup_opt(src->model, failed);
    dst->backend_model = dup_opt(src->backend_model, failed);
    dst->backend_path = dup_opt(src->backend_path, failed);
    info_copy(&dst->info, &src->info, failed);
}

static void
smartcard_copy(struct domain_smartcard *dst,
               const struct domain_smartcard *src, bool *failed)
{
    *dst = *src;
    dst->mode = dup_opt(src->mode, failed);
    dst->type = dup_opt(src->type, failed);
    info_copy(&dst->info, &src->info, failed);
}

/* dst->array gets a copy of src->array made with copy(); its count is
 * kept only once the array exists, so that domain_def_free never walks
 * memory that was not allocated. */
#define COPY_ARRAY(dst, src, array, n, copy, failed)                       \
    do {                                                                   \
        (dst)->n = 0;                                                      \
        (dst)->array = array_new((src)->n, sizeof(*(dst)->array), failed); \
        if ((dst)->array != NULL)                                          \
            (dst)->n = (src)->n;                                           \
        for (int i_ = 0; i_ < (dst)->n; i_++)                              \
            copy(&(dst)->array[i_], &(src)->array[i_], failed);            \
    } while (0)

static void
devices_copy(struct domain_def *dst, const struct domain_def *src,
             bool *failed)
{
    dst->emulator = dup_opt(src->emulator, failed);
    COPY_ARRAY(dst, src, disks, n_disks, disk_copy, failed);
    COPY_ARRAY(dst, src, controllers, n_controllers, controller_copy, failed);
    COPY_ARRAY(dst, src, interfaces, n_interfaces, interface_copy, failed);
    COPY_ARRAY(dst, src, chardevs, n_chardevs, chardev_copy, failed);
    COPY_ARRAY(dst, src, inputs, n_inputs, input_copy, failed);
    COPY_ARRAY(dst, src, graphics, n_graphics, graphics_copy, failed);
    COPY_ARRAY(dst, src, videos, n_videos, video_copy, failed);
    dst->memballoon_model = dup_opt(src->memballoon_model, failed);
    info_copy(&dst->memballoon_info, &src->memballoon_info, failed);
    COPY_ARRAY(dst, src, rngs, n_rngs, rng_copy, failed);
    COPY_ARRAY(dst, src, redirdevs, n_redirdevs, redirdev_copy, failed);
    COPY_ARRAY(dst, src, smartcards, n_smartcards, smartcard_copy, failed);
}

static void
all_extras_copy(struct domain_def *dst, const struct domain_def *src,
                bool *failed)
{
    COPY_EXTRAS(dst, src, hyperv_children, n_hyperv_children, failed);
    COPY_EXTRAS(dst, src, extras, n_extras, failed);
    COPY_EXTRAS(dst, src, device_extras, n_device_extras, failed);
    COPY_EXTRAS(dst, src, os_extras, n_os_extras, failed);
}

static void
os_copy(struct domain_def *dst, const struct domain_def *src, bool *failed)
{
    dst->os_type = dup_opt(src->os_type, failed);
    dst->os_arch = dup_opt(src->os_arch, failed);
    dst->os_machine = dup_opt(src->os_machine, failed);
    dst->os_firmware = dup_opt(src->os_firmware, failed);
    dst->hyperv_mode = dup_opt(src->hyperv_mode, failed);
    dst->os_kernel = dup_opt(src->os_kernel, failed);
    dst->os_initrd = dup_opt(src->os_initrd, failed);
    dst->os_cmdline = dup_opt(src->os_cmdline, failed);
    for (int i = 0; i < src->n_os_boot_devs; i++)
        dst->os_boot_devs[i] = dup_opt(src->os_boot_devs[i], failed);
}

/* <features>, <cpu> and <clock>. */
static void
platform_copy(struct domain_def *dst, const struct domain_def *src,
              bool *failed)
{
    COPY_EXTRAS(dst, src, feature_extras, n_feature_extras, failed);
    dst->cpu_mode = dup_opt(src->cpu_mode, failed);
    dst->cpu_match = dup_opt(src->cpu_match, failed);
    dst->cpu_check = dup_opt(src->cpu_check, failed);
    dst->cpu_migratable = dup_opt(src->cpu_migratable, failed);
    dst->cpu_model = dup_opt(src->cpu_model, failed);
    COPY_ARRAY(dst, src, numa_cells, n_numa_cells, numa_cell_copy, failed);
    dst->cpu_model_fallback = dup_opt(src->cpu_model_fallback, failed);
    COPY_EXTRAS(dst, src, cpu_extras, n_cpu_extras, failed);
    dst->clock_offset = dup_opt(src->clock_offset, failed);
    dst->clock_adjustment = dup_opt(src->clock_adjustment, failed);
    dst->clock_basis = dup_opt(src->clock_basis, failed);
    dst->clock_timezone = dup_opt(src->clock_timezone, failed);
    COPY_ARRAY(dst, src, timers, n_timers, timer_copy, failed);
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
    os_copy(dst, def, &failed);
    platform_copy(dst, def, &failed);
    devices_copy(dst, def, &failed);
    all_extras_copy(dst, def, &failed);
    failed = !domain_pin_copy(&dst->pin, &def->pin) || failed;
    if (domain_iotune_blkiotune_copy(&dst->blkiotune, &def->blkiotune) < 0)
        failed = true;
    if (failed) {
        domain_def_free(dst);
        return NULL;
    }
    return dst;
}

/* ---- Disk names ------------------------------------------------------- */

int
domain_disk_index(const char *dev)
{
    static const char *const prefixes[] = { "fd", "hd", "vd", "sd", "xvd",
                                            "ubd" };
    const char *p = NULL;
    int index = 0;

    if (dev == NULL)
        return -1;
    for (size_t i = 0; p == NULL && i < sizeof(prefixes) / sizeof(*prefixes);
         i++)
        if (strncmp(dev, prefixes[i], strlen(prefixes[i])) == 0)
            p = dev + strlen(prefixes[i]);
    if (p == NULL)
        return -1;
    for (int i = 0; *p >= 'a' && *p <= 'z'; i++, p++) {
        /* libvirt's bound keeps the index an int. */
        if (index > 1000000)
            return -1;
        index = (index + (i < 1 ? 0 : 1)) * 26 + (*p - 'a');
    }
    return p[strspn(p, "0123456789")] == '\0' ? index : -1;
}

/* Names that imply a bus vireo does not hold (xvd: xen, ubd: uml) are
 * left without. */
const char *
domain_disk_bus(const struct domain_disk *d)
{
    if (d->target_bus != NULL)
        return d->target_bus;
    if (d->target_dev == NULL)
        return NULL;
    if (strncmp(d->target_dev, "vd", 2) == 0)
        return "virtio";
    if (strncmp(d->target_dev, "hd", 2) == 0)
        return "ide";
    if (strncmp(d->target_dev, "sd", 2) == 0)
        return "scsi";
    if (strncmp(d->target_dev, "fd", 2) == 0)
        return "fdc";
    return NULL;
}

const char *
domain_disk_source_attr(const struct domain_disk *d)
{
    if (strcmp(d->type, "block") == 0)
        return "dev";
    return strcmp(d->type, "dir") == 0 ? "dir" : "file";
}

bool
domain_def_has_device_boot_order(const struct domain_def *def)
{
    for (int i = 0; i < def->n_disks; i++)
        if (def->disks[i].info.boot_order > 0)
            return true;
    for (int i = 0; i < def->n_interfaces; i++)
        if (def->interfaces[i].info.boot_order > 0)
            return true;
    return false;
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

static bool
is_interface_name_taken(const struct domain_def *def, const char *name)
{
    for (int i = 0; i < def->n_interfaces; i++)
        if (def->interfaces[i].target_dev != NULL &&
            strcmp(def->interfaces[i].target_dev, name) == 0)
            return true;
    return false;
}

int
domain_def_name_interfaces(struct domain_def *def, const char *prefix,
                           struct vireo_error *err)
{
    char name[64];

    for (int i = 0; i < def->n_interfaces; i++) {
        int n = 0;

        if (def->interfaces[i].target_dev != NULL)
            continue;
        do
            snprintf(name, sizeof(name), "%s%d", prefix, n++);
        while (is_interface_name_taken(def, name) &&
               n < DOMAIN_MAX_INTERFACE_NAMES);
        if (is_interface_name_taken(def, name))
            return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_DOMAIN,
                             "Exceeded max iface limit %d",
                             DOMAIN_MAX_INTERFACE_NAMES);
        def->interfaces[i].target_dev = strdup(name);
        if (def->interfaces[i].target_dev == NULL)
            return error_no_memory(err);
    }
    return 0;
}
