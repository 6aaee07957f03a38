/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * driver_config.h: a driver's own settings, as the daemon read them from
 * the driver's file (NAME.conf, libvirtd.conf syntax, next to vireod's own
 * configuration), handed to the driver's startup hook.
 *
 * The driver asks for the keys it knows, with the type and range it wants;
 * a value of the wrong kind is an error naming the file and line. Every
 * lookup marks its key as used, so that after startup the daemon can warn
 * about the keys no driver asked for (a typo, or a libvirt setting vireo
 * does not have) instead of refusing to start.
 *
 * Built by the daemon, read by one driver's startup hook, then freed: the
 * driver copies what it keeps. Not shared between threads.
 */
#ifndef VIREO_DRIVERS_DRIVER_CONFIG_H
#define VIREO_DRIVERS_DRIVER_CONFIG_H

#include <stdbool.h>

#include "api/vireo.h"

struct driver_config;

struct driver_config *driver_config_new(void);
void driver_config_free(struct driver_config *cfg);

/* Record key = value; where ("FILE:LINE") names it in messages. A key set
 * twice keeps the later value. 0, or -1 when memory is short. */
int driver_config_set_int(struct driver_config *cfg, const char *key,
                          long long value, const char *where);
int driver_config_set_string(struct driver_config *cfg, const char *key,
                             const char *value, const char *where);
/* A list value; only its being a list is kept. */
int driver_config_set_list(struct driver_config *cfg, const char *key,
                           const char *where);

/* 1 and *out set when key is there with an integer in [min, max]; 0 when
 * it is absent (*out untouched); -1 with VIR_ERR_CONF_SYNTAX otherwise. */
int driver_config_get_int(struct driver_config *cfg, const char *key,
                          long long min, long long max, long long *out,
                          struct vireo_error *err);
/* The same for a string; *out is borrowed from cfg. */
int driver_config_get_string(struct driver_config *cfg, const char *key,
                             const char **out, struct vireo_error *err);

/* Walk the keys nobody asked for: call with *cursor 0 first; returns the
 * next such key (and its "FILE:LINE" in *where), or NULL at the end. */
const char *driver_config_next_unused(const struct driver_config *cfg,
                                      int *cursor, const char **where);

#endif /* VIREO_DRIVERS_DRIVER_CONFIG_H */
