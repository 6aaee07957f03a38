/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * object_event_seen.h: what the storage pool and node device event tests
 * record of the events a callback receives, and the vHBA they make.
 */
#ifndef VIREO_TESTS_CORE_OBJECT_EVENT_SEEN_H
#define VIREO_TESTS_CORE_OBJECT_EVENT_SEEN_H

#include <stdio.h>
#include <string.h>

/* A vHBA on scsi_host1, which libvirt's test driver names scsi_host12. */
#define SEEN_VHBA_XML "<device><parent>scsi_host1</parent>" \
                      "<capability type='scsi_host'>" \
                      "<capability type='fc_host'>" \
                      "<wwnn>2001001b32a9da4e</wwnn>" \
                      "<wwpn>2101001b32a9da4e</wwpn>" \
                      "</capability></capability></device>"

/* What one callback saw: "<name>:<event> " per lifecycle event, "<name> "
 * per refresh or update. Owned by the loop's thread, which runs the
 * callbacks. */
struct seen {
    int  n;
    char events[256];
};

/* Record an event about name; event < 0 for one that carries nothing. */
static inline void
seen_add(struct seen *s, const char *name, int event)
{
    size_t used = strlen(s->events);

    s->n++;
    if (event < 0)
        snprintf(s->events + used, sizeof(s->events) - used, "%s ", name);
    else
        snprintf(s->events + used, sizeof(s->events) - used, "%s:%d ", name,
                 event);
}

#endif /* VIREO_TESTS_CORE_OBJECT_EVENT_SEEN_H */
