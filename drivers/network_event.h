/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * network_event.h: networks as a kind of object events (object_event.h):
 * one event id, LIFECYCLE, filtered by uuid, delivered with a network
 * handle.
 */
#ifndef VIREO_DRIVERS_NETWORK_EVENT_H
#define VIREO_DRIVERS_NETWORK_EVENT_H

#include "drivers/object_event.h"

extern const struct object_event_kind network_event_kind;

#endif /* VIREO_DRIVERS_NETWORK_EVENT_H */
