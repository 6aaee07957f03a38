/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_smartcard.c: <smartcard> in mode 'host' (the host's reader)
 * or 'passthrough' of type 'spicevmc' (a SPICE client's reader), read and
 * written as libvirt does, with the CCID address and controller libvirt
 * gives a smartcard. Other modes and types (certificates, tcp ...) are
 * preserved whole.
 *
 * Stateless; any thread.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def_parts.h"
#include "drivers/conf/domain_xml_format.h"
#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

#define N_OF(table) (sizeof(table) / sizeof(table[0]))

static const struct handler smartcard_handlers[] = {
    XML_READ_INFO_HANDLERS,
};

static int
parse_smartcard(struct parse *p, xmlNodePtr node)
{
    static const char *const attrs[] = { "mode", "type", NULL };
    static const char *const modes[] = { "host", "passthrough", NULL };
    struct domain_smartcard *s;

    s = xml_read_grow(p->def->smartcards, p->def->n_smartcards, sizeof(*s));
    if (s == NULL)
        return xml_read_no_memory(p);
    p->def->smartcards = s;
    s = &s[p->def->n_smartcards++];
    p->info = &s->info;
    if (xml_read_check_attrs(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "mode", &s->mode) < 0 ||
        xml_read_attr(p, node, "type", &s->type) < 0)
        return -1;
    if (s->mode == NULL)
        return xml_read_fail(p, "missing smartcard device mode");
    if (!xml_read_is_one_of(s->mode, modes))
        return xml_read_unsupported_value(p, node, "mode", s->mode);
    if (strcmp(s->mode, "passthrough") == 0 &&
        (s->type == NULL || strcmp(s->type, "spicevmc") != 0))
        return xml_read_unsupported_value(p, node, "type",
                                          s->type != NULL ? s->type : "");
    /* A host reader has no character device: libvirt ignores a type. */
    if (strcmp(s->mode, "host") == 0) {
        free(s->type);
        s->type = NULL;
    }
    return xml_read_children(p, node, smartcard_handlers,
                             N_OF(smartcard_handlers), xml_read_refuse_child);
}

static void
undo_smartcard(struct parse *p)
{
    domain_smartcard_clear(&p->def->smartcards[--p->def->n_smartcards]);
}

XML_READ_TYPED_DEVICE(domain_xml_smartcard_parse, parse_smartcard,
                      undo_smartcard)

/* ---- The CCID bus ----------------------------------------------------- */

/* The number after `attr='` in a CCID address, or -1 when the address is
 * not a CCID one. */
static int
ccid_field(const char *address_xml, const char *attr)
{
    char key[32];
    const char *at;

    if (address_xml == NULL || strstr(address_xml, "type='ccid'") == NULL)
        return -1;
    snprintf(key, sizeof(key), " %s='", attr);
    at = strstr(address_xml, key);
    return at != NULL ? atoi(at + strlen(key)) : 0;
}

static bool
is_slot_taken(const struct domain_def *def, int controller, int slot)
{
    for (int i = 0; i < def->n_smartcards; i++) {
        const char *addr = def->smartcards[i].info.address_xml;

        if (ccid_field(addr, "controller") == controller &&
            ccid_field(addr, "slot") == slot)
            return true;
    }
    return false;
}

/* libvirt puts a smartcard without an address in the first free slot of
 * CCID controller 0. */
static int
assign_ccid_address(struct parse *p, struct domain_smartcard *s)
{
    int slot = 0;

    if (s->info.address_xml != NULL)
        return 0;
    while (is_slot_taken(p->def, 0, slot))
        slot++;
    if (asprintf(&s->info.address_xml,
                 "<address type='ccid' controller='0' slot='%d'/>", slot) < 0) {
        s->info.address_xml = NULL;
        return xml_read_no_memory(p);
    }
    return 0;
}

int
domain_xml_smartcards_settle(struct parse *p,
                             int (*add_controller)(struct parse *p,
                                                   const char *type,
                                                   int index))
{
    for (int i = 0; i < p->def->n_smartcards; i++) {
        struct domain_smartcard *s = &p->def->smartcards[i];
        int controller;

        if (assign_ccid_address(p, s) < 0)
            return -1;
        controller = ccid_field(s->info.address_xml, "controller");
        if (controller >= 0 && add_controller(p, "ccid", controller) < 0)
            return -1;
    }
    return 0;
}

/* ---- Writing ---------------------------------------------------------- */

static void
put_smartcard(struct format *f, const struct domain_smartcard *s)
{
    fputs("    <smartcard", f->out);
    xml_write_attr(f->out, "mode", s->mode);
    xml_write_attr(f->out, "type", s->type);
    if (!format_has_device_info(f, &s->info)) {
        fputs("/>\n", f->out);
        return;
    }
    fputs(">\n", f->out);
    format_device_info(f, &s->info);
    fputs("    </smartcard>\n", f->out);
}

void
domain_xml_smartcards_format(struct format *f)
{
    for (int i = 0; i < f->def->n_smartcards; i++)
        put_smartcard(f, &f->def->smartcards[i]);
}
