/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo.h: the one header a vireo client includes.
 *
 * Numbers that also exist in libvirt (error codes and domains, domain states
 * and reasons, event types and details, list filter flags) carry libvirt's
 * names and values, because they travel on libvirt's wire unchanged and
 * libvirt users already know them.
 *
 * Conventions: every call that can fail takes a `struct vireo_error *err`
 * (may be NULL) as its last argument and fills it on failure. Functions that
 * return int return -1 on failure; functions that return a pointer return
 * NULL. Strings returned as `char *` belong to the caller (free()); strings
 * returned as `const char *` belong to the object they came from.
 */
#ifndef VIREO_H
#define VIREO_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The parts, one per kind of object, in the order they build on one
 * another. */
#define VIREO_H_INCLUDES
#include "vireo-common.h"
#include "vireo-error.h"
#include "vireo-typed-params.h"
#include "vireo-event.h"
#include "vireo-host.h"
#include "vireo-domain.h"
#include "vireo-domain-event.h"
#include "vireo-domain-monitor.h"
#include "vireo-domain-tune.h"
#include "vireo-domain-save.h"
#include "vireo-domain-checkpoint.h"
#include "vireo-network.h"
#include "vireo-storage.h"
#include "vireo-nodedev-interface.h"
#include "vireo-object-event.h"
#include "vireo-stream.h"
#undef VIREO_H_INCLUDES

#ifdef __cplusplus
}
#endif

#endif /* VIREO_H */
