/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * vireo-common.h: the part of the public header for what every part uses:
 * the export macro, the size of a uuid, and the connection and domain
 * handles.
 *
 * Clients include vireo.h, which includes this file after the parts it
 * builds on; it is not meant to be included on its own.
 */
#ifndef VIREO_COMMON_H
#define VIREO_COMMON_H

#ifndef VIREO_H_INCLUDES
#error "include vireo.h, not vireo-common.h"
#endif

#if defined(__GNUC__)
#define VIREO_API __attribute__((visibility("default")))
#else
#define VIREO_API
#endif

#define VIREO_UUID_BUFLEN        16
#define VIREO_UUID_STRING_BUFLEN 37

/* ---- Objects ---------------------------------------------------------- */

struct vireo_conn;     /* a connection to a driver; refcounted */
struct vireo_domain;   /* a handle on one domain; refcounted, holds its conn */

#endif /* VIREO_COMMON_H */
