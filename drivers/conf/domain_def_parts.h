/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domain_def_parts.h: freeing the parts of a definition one by one, for
 * the parser, which takes back a device it has begun to fill when the
 * device turns out to need preserving whole (see domain_def.h).
 *
 * Each clear frees what the part owns and leaves its memory to the
 * caller; the part is not usable again until zeroed. Any thread.
 */
#ifndef VIREO_CONF_DOMAIN_DEF_PARTS_H
#define VIREO_CONF_DOMAIN_DEF_PARTS_H

#include "drivers/conf/domain_def.h"

void domain_info_clear(struct domain_device_info *info);
void domain_disk_clear(struct domain_disk *d);
void domain_controller_clear(struct domain_controller *c);
void domain_interface_clear(struct domain_interface *iface);
void domain_chardev_clear(struct domain_chardev *c);
void domain_input_clear(struct domain_input *in);
void domain_graphics_clear(struct domain_graphics *g);
void domain_video_clear(struct domain_video *v);
void domain_rng_clear(struct domain_rng *r);
void domain_redirdev_clear(struct domain_redirdev *r);
void domain_smartcard_clear(struct domain_smartcard *s);
void domain_timer_clear(struct domain_timer *t);

/* These leave the fields NULL and zero, ready to be filled again. */
void domain_def_clear_cpu(struct domain_def *def);
void domain_def_clear_clock(struct domain_def *def);

#endif /* VIREO_CONF_DOMAIN_DEF_PARTS_H */
