/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_xml_disk_volume.c: disks of type 'volume' (see the header). The
 * checks and their order are libvirt's: a <source> naming neither pool
 * nor volume is an empty source, one without the other is an XML error,
 * and only then is the mode looked at.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/conf/domain_xml_disk_volume.h"
#include "drivers/conf/xml_read.h"
#include "drivers/conf/xml_write.h"
#include "drivers/error.h"

bool
domain_disk_is_volume(const struct domain_disk *d)
{
    return d->type != NULL && strcmp(d->type, "volume") == 0;
}

int
domain_xml_disk_volume_parse(struct parse *p, xmlNodePtr node,
                             struct domain_disk *d)
{
    /* libvirt reads only these on a volume's <source>. */
    static const char *const attrs[] = { "pool", "volume", "mode", NULL };
    static const char *const modes[] = { "host", "direct", NULL };

    if (xml_read_leaf(p, node, attrs) < 0 ||
        xml_read_attr(p, node, "pool", &d->source_pool) < 0 ||
        xml_read_attr(p, node, "volume", &d->source_volume) < 0 ||
        xml_read_attr(p, node, "mode", &d->source_mode) < 0)
        return -1;
    if (d->source_pool == NULL && d->source_volume == NULL) {
        free(d->source_mode);
        d->source_mode = NULL;
        return 0;
    }
    if (d->source_pool == NULL || d->source_volume == NULL)
        return xml_read_fail(p, "'pool' and 'volume' must be specified "
                             "together for 'pool' type source");
    if (d->source_mode != NULL && !xml_read_is_one_of(d->source_mode, modes))
        return error_set(p->err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_DOMAIN,
                         "unknown source mode '%s' for volume type disk",
                         d->source_mode);
    return 0;
}

void
domain_xml_disk_volume_format(FILE *out, const struct domain_disk *d)
{
    if (d->source_pool == NULL)
        return;
    fputs("      <source", out);
    xml_write_attr(out, "pool", d->source_pool);
    xml_write_attr(out, "volume", d->source_volume);
    xml_write_attr(out, "mode", d->source_mode);
    fputs("/>\n", out);
}

static char *
copy_of(const char *s, bool *failed)
{
    char *copy;

    if (s == NULL)
        return NULL;
    if ((copy = strdup(s)) == NULL)
        *failed = true;
    return copy;
}

void
domain_disk_volume_copy(struct domain_disk *dst, const struct domain_disk *src,
                        bool *failed)
{
    dst->source_pool = copy_of(src->source_pool, failed);
    dst->source_volume = copy_of(src->source_volume, failed);
    dst->source_mode = copy_of(src->source_mode, failed);
}

void
domain_disk_volume_clear(struct domain_disk *d)
{
    free(d->source_pool);
    free(d->source_volume);
    free(d->source_mode);
}
