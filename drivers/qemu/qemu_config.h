/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemu_config.h: the persistent definitions of the QEMU driver's domains
 * on disk (libvirt calls them the domains' config): saved when defined,
 * removed when undefined, loaded when the driver starts, and the
 * autostart links beside them. Driver thread only.
 */
#ifndef VIREO_QEMU_CONFIG_H
#define VIREO_QEMU_CONFIG_H

#include <stdbool.h>

#include "api/vireo.h"

struct domain_def;
struct domain_obj;
struct qemu_state;

/* The persistent definition of obj: the one its next start uses. */
const struct domain_def *qemu_config_def(const struct domain_obj *obj);

/* Write def as the persistent definition of its name. 0 or -1 (err). */
int qemu_config_save(struct qemu_state *st, const struct domain_def *def,
                     struct vireo_error *err);

/* Remove the definition of name and its autostart link. 0 or -1. */
int qemu_config_delete(struct qemu_state *st, const char *name,
                       struct vireo_error *err);

/* Mark name to start with the daemon, or not. 0 or -1. */
int qemu_config_set_autostart(struct qemu_state *st, const char *name,
                              bool is_on, struct vireo_error *err);

/* Every saved definition into the domain list, shut off and persistent,
 * with its autostart flag. A file that cannot be read or parsed, or whose
 * name is not its domain's, is left alone with a warning in the log.
 * -1 (err) only when the directory itself cannot be read. */
int qemu_config_load_all(struct qemu_state *st, struct vireo_error *err);

#endif /* VIREO_QEMU_CONFIG_H */
