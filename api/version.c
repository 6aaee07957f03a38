/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* version.c: the library's own version, encoded as libvirt encodes its. */
#include "api/vireo.h"

unsigned long long
vireo_version(void)
{
    return VIREO_VERSION_MAJOR * 1000000ULL + VIREO_VERSION_MINOR * 1000ULL +
           VIREO_VERSION_MICRO;
}
