/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_format.c: struct domain_def -> libvirt's dumpxml text.
 *
 * The target is byte for byte what libvirtd 9.0 prints for the same
 * definition (tests/xml/good/ holds its outputs): two-space indent,
 * single-quoted attributes, memory in KiB, the element order of
 * virDomainDefFormat, and the defaults libvirt fills in and writes out
 * (<clock offset='utc'/>; <boot dev='hd'/> for hvm). Preserved elements
 * go where libvirt writes elements of their name; they were serialised by
 * the parser already, indented for their level, and are copied out
 * unchanged. The output is canonical: parsing it and formatting again
 * gives the same bytes.
 *
 * Stateless; any thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/domain_xml_tune.h"
#include "drivers/conf/domain_xml_tune_pin.h"
#include "drivers/conf/domain_xml_tune_io.h"
#include "drivers/conf/uuid.h"
#include "drivers/conf/xml_write.h"

#define N_SLOTS(table) (sizeof(table) / sizeof(table[0]))

/* ---- Slots ------------------------------------------------------------ */

bool
format_has_extra(const struct domain_extra *list, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (list[i].name != NULL && strcmp(list[i].name, name) == 0)
            return true;
    return false;
}

static bool
has_slot(const struct slot *slots, size_t n_slots, const char *name)
{
    for (size_t i = 0; i < n_slots; i++)
        if (slots[i].name != NULL && strcmp(slots[i].name, name) == 0)
            return true;
    return false;
}

/* Whether the preserved element e belongs in slot s. */
static bool
is_in_slot(const struct domain_extra *e, const struct slot *s,
           const struct slot *slots, size_t n_slots)
{
    if (s->name == SLOT_FOREIGN)
        return e->name == NULL;
    if (e->name == NULL)
        return false;
    if (strcmp(s->name, SLOT_UNKNOWN) == 0)
        return !has_slot(slots, n_slots, e->name);
    return strcmp(s->name, e->name) == 0;
}

void
format_slots(struct format *f, const struct slot *slots, size_t n_slots,
             const struct extras *extras)
{
    for (size_t i = 0; i < n_slots; i++) {
        if (slots[i].put != NULL)
            slots[i].put(f);
        for (int j = 0; j < extras->n; j++)
            if (extras->list[j].xml != NULL &&
                is_in_slot(&extras->list[j], &slots[i], slots, n_slots))
                fprintf(f->out, "%s%s\n", extras->indent,
                        extras->list[j].xml);
    }
}

/* ---- Device info ------------------------------------------------------ */

/* A user alias is part of the definition; the others are live. */
static bool
is_alias_shown(const struct format *f, const struct domain_device_info *info)
{
    return info->alias != NULL &&
           (f->is_live || strncmp(info->alias, "ua-", 3) == 0);
}

bool
format_has_device_info(const struct format *f,
                       const struct domain_device_info *info)
{
    return info->boot_order > 0 || is_alias_shown(f, info) ||
           info->has_drive_address || info->address_xml != NULL;
}

void
format_device_info(struct format *f, const struct domain_device_info *info)
{
    if (info->boot_order > 0)
        fprintf(f->out, "      <boot order='%d'/>\n", info->boot_order);
    if (is_alias_shown(f, info))
        xml_write_empty_element(f->out, "      ", "alias", "name",
                                info->alias);
    if (info->has_drive_address)
        fprintf(f->out, "      <address type='drive' controller='%u' "
                "bus='%u' target='%u' unit='%u'/>\n", info->drive_controller,
                info->drive_bus, info->drive_target, info->drive_unit);
    else if (info->address_xml != NULL)
        fprintf(f->out, "      %s\n", info->address_xml);
}

/* ---- <os> ------------------------------------------------------------- */

static void
put_os_type(struct format *f)
{
    fputs("    <type", f->out);
    xml_write_attr(f->out, "arch", f->def->os_arch);
    xml_write_attr(f->out, "machine", f->def->os_machine);
    fputc('>', f->out);
    xml_write_escaped(f->out, f->def->os_type != NULL ? f->def->os_type
                                                      : "hvm", false);
    fputs("</type>\n", f->out);
}

static void
put_kernel(struct format *f)
{
    xml_write_text_element(f->out, "    ", "kernel", f->def->os_kernel);
}

static void
put_initrd(struct format *f)
{
    xml_write_text_element(f->out, "    ", "initrd", f->def->os_initrd);
}

static void
put_cmdline(struct format *f)
{
    xml_write_text_element(f->out, "    ", "cmdline", f->def->os_cmdline);
}

/* libvirt boots an hvm guest from its first disk unless told otherwise. */
static void
put_boot(struct format *f)
{
    const struct domain_def *def = f->def;

    for (int i = 0; i < def->n_os_boot_devs; i++)
        xml_write_empty_element(f->out, "    ", "boot", "dev",
                                def->os_boot_devs[i]);
    if (def->n_os_boot_devs == 0 && def->os_type != NULL &&
        strcmp(def->os_type, "hvm") == 0 && !domain_def_has_device_boot_order(def) &&
        !format_has_extra(def->os_extras, def->n_os_extras, "boot"))
        fputs("    <boot dev='hd'/>\n", f->out);
}

static void
put_bootmenu(struct format *f)
{
    const struct domain_def *def = f->def;

    if (def->bootmenu == DOMAIN_TRISTATE_ABSENT)
        return;
    fprintf(f->out, "    <bootmenu enable='%s'",
            def->bootmenu == DOMAIN_TRISTATE_YES ? "yes" : "no");
    if (def->bootmenu_timeout_ms >= 0)
        fprintf(f->out, " timeout='%d'", def->bootmenu_timeout_ms);
    fputs("/>\n", f->out);
}

/* The children of <os>, in libvirt's order. */
static const struct slot os_slots[] = {
    { "type", put_os_type }, { "firmware", NULL }, { "init", NULL },
    { "initarg", NULL }, { "initenv", NULL }, { "initdir", NULL },
    { "inituser", NULL }, { "initgroup", NULL }, { "loader", NULL },
    { "nvram", NULL }, { "kernel", put_kernel }, { "initrd", put_initrd },
    { "cmdline", put_cmdline }, { "dtb", NULL }, { "root", NULL },
    { "acpi", NULL }, { "boot", put_boot }, { "bootmenu", put_bootmenu },
    { "bios", NULL },
    { "smbios", NULL }, { SLOT_UNKNOWN, NULL }, { SLOT_FOREIGN, NULL },
};

static void
put_os(struct format *f)
{
    const struct extras extras = { f->def->os_extras, f->def->n_os_extras,
                                   "    " };

    fputs("  <os", f->out);
    xml_write_attr(f->out, "firmware", f->def->os_firmware);
    fputs(">\n", f->out);
    format_slots(f, os_slots, N_SLOTS(os_slots), &extras);
    fputs("  </os>\n", f->out);
}

/* ---- <domain> --------------------------------------------------------- */

static void
put_name(struct format *f)
{
    xml_write_text_element(f->out, "  ", "name",
                           f->def->name != NULL ? f->def->name : "");
}

static void
put_uuid(struct format *f)
{
    char uuid[VIREO_UUID_STRING_BUFLEN];

    uuid_format(f->def->uuid, uuid);
    xml_write_text_element(f->out, "  ", "uuid", uuid);
}

static void
put_title(struct format *f)
{
    xml_write_text_element(f->out, "  ", "title", f->def->title);
}

static void
put_description(struct format *f)
{
    xml_write_text_element(f->out, "  ", "description", f->def->description);
}

static void
put_memory(struct format *f)
{
    static const char *const dump_core[] = {
        [DOMAIN_TRISTATE_YES] = " dumpCore='on'",
        [DOMAIN_TRISTATE_NO] = " dumpCore='off'",
    };
    int tristate = f->def->memory_dump_core;

    fprintf(f->out, "  <memory%s unit='KiB'>%llu</memory>\n",
            tristate != DOMAIN_TRISTATE_ABSENT ? dump_core[tristate] : "",
            f->def->memory_kib);
}

static void
put_max_memory(struct format *f)
{
    if (f->def->max_memory_kib == 0)
        return;
    fprintf(f->out, "  <maxMemory slots='%u' unit='KiB'>%llu</maxMemory>\n",
            f->def->max_memory_slots, f->def->max_memory_kib);
}

static void
put_current_memory(struct format *f)
{
    fprintf(f->out, "  <currentMemory unit='KiB'>%llu</currentMemory>\n",
            f->def->current_memory_kib);
}

static void
put_vcpu(struct format *f)
{
    fputs("  <vcpu placement='static'", f->out);
    if (f->def->vcpus_current > 0)
        fprintf(f->out, " current='%u'", f->def->vcpus_current);
    fprintf(f->out, ">%u</vcpu>\n", f->def->vcpus);
}

static void
put_lifecycle(FILE *out, const char *name, int action)
{
    const char *word = domain_lifecycle_action_to_string(action);

    xml_write_text_element(out, "  ", name, word != NULL ? word : "destroy");
}

static void
put_on_poweroff(struct format *f)
{
    put_lifecycle(f->out, "on_poweroff", f->def->on_poweroff);
}

static void
put_on_reboot(struct format *f)
{
    put_lifecycle(f->out, "on_reboot", f->def->on_reboot);
}

static void
put_on_crash(struct format *f)
{
    put_lifecycle(f->out, "on_crash", f->def->on_crash);
}

/* The children of <domain>, in libvirt's order. Elements libvirt does not
 * know go before the lifecycle actions, namespaced ones last. */
static const struct slot domain_slots[] = {
    { "name", put_name }, { "uuid", put_uuid }, { "genid", NULL },
    { "title", put_title }, { "description", put_description },
    { "metadata", NULL }, { "maxMemory", put_max_memory }, { "memory", put_memory },
    { "currentMemory", put_current_memory }, { "blkiotune", domain_xml_blkiotune_format },
    { "memtune", domain_xml_memtune_format }, { "memoryBacking", NULL }, { "vcpu", put_vcpu },
    { "vcpus", NULL }, { "iothreads", domain_xml_iothreads_format },
    { "iothreadids", domain_xml_iothreadids_format },
    { "defaultiothread", NULL }, { "cputune", domain_xml_cputune_format },
    { "numatune", domain_xml_numatune_format },
    { "resource", NULL }, { "sysinfo", NULL }, { "bootloader", NULL },
    { "bootloader_args", NULL }, { "os", put_os }, { "idmap", NULL },
    { "features", domain_xml_features_format },
    { "cpu", domain_xml_cpu_format }, { "clock", domain_xml_clock_format },
    { SLOT_UNKNOWN, NULL }, { "on_poweroff", put_on_poweroff },
    { "on_reboot", put_on_reboot }, { "on_crash", put_on_crash },
    { "on_lockfailure", NULL }, { "pm", domain_xml_pm_format },
    { "perf", domain_xml_perf_format },
    { "devices", domain_xml_devices_format }, { "seclabel", NULL },
    { "keywrap", NULL }, { "launchSecurity", NULL }, { SLOT_FOREIGN, NULL },
};

char *
domain_def_format(const struct domain_def *def, int id)
{
    struct format f = { .def = def, .is_live = id >= 0 };
    struct extras extras;
    char *text = NULL;
    size_t len = 0;
    bool failed;

    if (def == NULL || (f.out = open_memstream(&text, &len)) == NULL)
        return NULL;
    extras = (struct extras){ def->extras, def->n_extras, "  " };
    fputs("<domain", f.out);
    xml_write_attr(f.out, "type",
                   def->virt_type != NULL ? def->virt_type : "test");
    if (id >= 0)
        fprintf(f.out, " id='%d'", id);
    fputs(">\n", f.out);
    format_slots(&f, domain_slots, N_SLOTS(domain_slots), &extras);
    fputs("</domain>\n", f.out);
    /* A failed write (out of memory) shows as a stream error. */
    failed = ferror(f.out) != 0 || f.is_out_of_memory;
    if (fclose(f.out) != 0 || failed) {
        free(text);
        return NULL;
    }
    return text;
}
