/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_format.c: struct domain_def -> libvirt's dumpxml text.
 *
 * The layout is libvirt's (two-space indent, single-quoted attributes,
 * memory in KiB, the element order of virDomainDefFormat) and canonical:
 * parsing the output and formatting it again gives the same bytes. Preserved
 * elements were serialised by the parser already indented for the level
 * they are written at, so they are copied out unchanged.
 *
 * Stateless; any thread.
 */
#include <stdio.h>
#include <stdlib.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/uuid.h"

/* Escape for text content or (is_attr) a single-quoted attribute value.
 * Characters the parser would normalise away (CR anywhere; tab and newline
 * inside attributes) are written as references so they survive a round
 * trip. */
static void
put_escaped(FILE *out, const char *s, bool is_attr)
{
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '&':  fputs("&amp;", out); break;
        case '<':  fputs("&lt;", out); break;
        case '>':  fputs("&gt;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '"':  fputs("&quot;", out); break;
        case '\r': fputs("&#13;", out); break;
        case '\n': fputs(is_attr ? "&#10;" : "\n", out); break;
        case '\t': fputs(is_attr ? "&#9;" : "\t", out); break;
        default:   fputc(*s, out); break;
        }
    }
}

/* " name='value'", or nothing when value is NULL. */
static void
put_attr(FILE *out, const char *name, const char *value)
{
    if (value == NULL)
        return;
    fprintf(out, " %s='", name);
    put_escaped(out, value, true);
    fputc('\'', out);
}

/* "<indent><name>text</name>\n", or nothing when text is NULL. */
static void
put_text_element(FILE *out, const char *indent, const char *name,
                 const char *text)
{
    if (text == NULL)
        return;
    fprintf(out, "%s<%s>", indent, name);
    put_escaped(out, text, false);
    fprintf(out, "</%s>\n", name);
}

static void
put_extras(FILE *out, const char *indent, const struct domain_extra *extras,
           int n)
{
    for (int i = 0; i < n; i++)
        if (extras[i].xml != NULL)
            fprintf(out, "%s%s\n", indent, extras[i].xml);
}

static void
put_disk(FILE *out, const struct domain_disk *d)
{
    fputs("    <disk type='file'", out);
    put_attr(out, "device", d->device != NULL ? d->device : "disk");
    fputs(">\n", out);
    if (d->driver_name != NULL || d->driver_type != NULL) {
        fputs("      <driver", out);
        put_attr(out, "name", d->driver_name);
        put_attr(out, "type", d->driver_type);
        fputs("/>\n", out);
    }
    if (d->source_file != NULL) {
        fputs("      <source", out);
        put_attr(out, "file", d->source_file);
        fputs("/>\n", out);
    }
    fputs("      <target", out);
    put_attr(out, "dev", d->target_dev);
    put_attr(out, "bus", d->target_bus);
    fputs("/>\n", out);
    if (d->is_readonly)
        fputs("      <readonly/>\n", out);
    fputs("    </disk>\n", out);
}

static void
put_interface(FILE *out, const struct domain_interface *iface)
{
    fputs("    <interface", out);
    put_attr(out, "type", iface->type != NULL ? iface->type : "user");
    if (iface->mac == NULL && iface->model == NULL) {
        fputs("/>\n", out);
        return;
    }
    fputs(">\n", out);
    if (iface->mac != NULL) {
        fputs("      <mac", out);
        put_attr(out, "address", iface->mac);
        fputs("/>\n", out);
    }
    if (iface->model != NULL) {
        fputs("      <model", out);
        put_attr(out, "type", iface->model);
        fputs("/>\n", out);
    }
    fputs("    </interface>\n", out);
}

static void
put_chardev(FILE *out, const struct domain_chardev *c)
{
    const char *name = c->is_console ? "console" : "serial";
    bool has_target = c->target_type != NULL || c->target_port >= 0;

    fprintf(out, "    <%s", name);
    put_attr(out, "type", c->type != NULL ? c->type : "pty");
    if (c->source_path == NULL && !has_target) {
        fputs("/>\n", out);
        return;
    }
    fputs(">\n", out);
    if (c->source_path != NULL) {
        fputs("      <source", out);
        put_attr(out, "path", c->source_path);
        fputs("/>\n", out);
    }
    if (has_target) {
        fputs("      <target", out);
        put_attr(out, "type", c->target_type);
        if (c->target_port >= 0)
            fprintf(out, " port='%d'", c->target_port);
        fputs("/>\n", out);
    }
    fprintf(out, "    </%s>\n", name);
}

static void
put_devices(FILE *out, const struct domain_def *def)
{
    fputs("  <devices>\n", out);
    put_text_element(out, "    ", "emulator", def->emulator);
    for (int i = 0; i < def->n_disks; i++)
        put_disk(out, &def->disks[i]);
    for (int i = 0; i < def->n_interfaces; i++)
        put_interface(out, &def->interfaces[i]);
    for (int i = 0; i < def->n_chardevs; i++)
        put_chardev(out, &def->chardevs[i]);
    if (def->has_graphics_none)
        fputs("    <graphics type='none'/>\n", out);
    put_extras(out, "    ", def->device_extras, def->n_device_extras);
    fputs("  </devices>\n", out);
}

static void
put_os(FILE *out, const struct domain_def *def)
{
    fputs("  <os>\n    <type", out);
    put_attr(out, "arch", def->os_arch);
    put_attr(out, "machine", def->os_machine);
    fputc('>', out);
    put_escaped(out, def->os_type != NULL ? def->os_type : "hvm", false);
    fputs("</type>\n", out);
    put_extras(out, "    ", def->os_extras, def->n_os_extras);
    fputs("  </os>\n", out);
}

static void
put_lifecycle(FILE *out, const char *name, int action)
{
    const char *word = domain_lifecycle_action_to_string(action);

    put_text_element(out, "  ", name, word != NULL ? word : "destroy");
}

/* <domain ...> through </vcpu>. */
static void
put_header(FILE *out, const struct domain_def *def, int id)
{
    char uuid[VIREO_UUID_STRING_BUFLEN];

    fputs("<domain", out);
    put_attr(out, "type", def->virt_type != NULL ? def->virt_type : "test");
    if (id >= 0)
        fprintf(out, " id='%d'", id);
    fputs(">\n", out);
    put_text_element(out, "  ", "name", def->name != NULL ? def->name : "");
    uuid_format(def->uuid, uuid);
    put_text_element(out, "  ", "uuid", uuid);
    put_text_element(out, "  ", "title", def->title);
    put_text_element(out, "  ", "description", def->description);
    fprintf(out, "  <memory unit='KiB'>%llu</memory>\n", def->memory_kib);
    fprintf(out, "  <currentMemory unit='KiB'>%llu</currentMemory>\n",
            def->current_memory_kib);
    fprintf(out, "  <vcpu placement='static'>%u</vcpu>\n", def->vcpus);
}

char *
domain_def_format(const struct domain_def *def, int id)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out;
    bool failed;

    if (def == NULL)
        return NULL;
    out = open_memstream(&text, &len);
    if (out == NULL)
        return NULL;
    put_header(out, def, id);
    put_os(out, def);
    put_extras(out, "  ", def->extras, def->n_extras);
    put_lifecycle(out, "on_poweroff", def->on_poweroff);
    put_lifecycle(out, "on_reboot", def->on_reboot);
    put_lifecycle(out, "on_crash", def->on_crash);
    put_devices(out, def);
    fputs("</domain>\n", out);
    /* A failed write (out of memory) shows as a stream error. */
    failed = ferror(out) != 0;
    if (fclose(out) != 0 || failed) {
        free(text);
        return NULL;
    }
    return text;
}
