/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_lvm_parse.h: what the LVM tools print, read as libvirt's
 * logical backend reads it (storage_backend_logical.c): `pvs` for the
 * volume groups and their physical volumes, `vgs` for a group's size
 * and free space, `lvs` for its logical volumes. Plain text in, plain
 * data out: no tool is run here, so any thread may call these, and the
 * caller owns what they return.
 */
#ifndef VIREO_DRIVERS_STORAGE_LVM_PARSE_H
#define VIREO_DRIVERS_STORAGE_LVM_PARSE_H

#include <stdbool.h>

#include "api/vireo.h"

struct storage_pool_source;
struct storage_vol_def;

/* The format of a logical pool's source: "lvm2" among libvirt's. */
#define LVM_SOURCE_FORMAT_LVM2 1

/* The options each tool is run with, so that its output has the shape
 * the readers below expect. */
#define LVM_PVS_OPTIONS "pv_name,vg_name"
#define LVM_VGS_OPTIONS "vg_size,vg_free"
#define LVM_LVS_OPTIONS \
    "lv_name,origin,uuid,devices,segtype,stripes,seg_size,vg_extent_size," \
    "size,lv_attr"

/* `pvs --noheadings -o pv_name,vg_name`: whether volume group vg_name
 * is among them, and how many of devices (n_devices paths) are its
 * physical volumes. A physical volume of no group prints one word and
 * is passed over, as libvirt's pattern does. */
void lvm_parse_pvs(const char *text, const char *vg_name,
                   char *const *devices, int n_devices,
                   bool *has_vg, int *n_matching);

/* `pvs --noheadings -o pv_name,vg_name` as libvirt's source discovery
 * reads it: one source per volume group, in the order pvs first names
 * it, with the group's physical volumes as its devices and the lvm2
 * format. Returns how many (*srcs, malloc'ed, freed with
 * lvm_sources_free), or -1 when memory is short. */
int lvm_parse_sources(const char *text, struct storage_pool_source **srcs);
void lvm_sources_free(struct storage_pool_source *srcs, int n_srcs);

/* `vgs --separator : ... vg_size,vg_free`: the group's size and free
 * bytes. 0, or -1 with err set when no line has that shape. */
int lvm_parse_vgs(const char *text, unsigned long long *capacity,
                  unsigned long long *available, struct vireo_error *err);

/* `lvs --separator # ... LVM_LVS_OPTIONS`: the group's logical volumes
 * as block volumes under target_path, one per name even when lvs
 * prints a line per segment. Volumes that are not active (the fifth
 * lv_attr letter is not 'a') and thin pools (lv_attr starts with 't')
 * are left out, as libvirt leaves them out: they have no device node.
 * Returns how many (*vols, malloc'ed, each freed with
 * storage_vol_def_free), or -1 with libvirt's words in err for a line
 * it cannot read. */
int lvm_parse_lvs(const char *text, const char *target_path,
                  struct storage_vol_def ***vols, struct vireo_error *err);
void lvm_vols_free(struct storage_vol_def **vols, int n_vols);

#endif /* VIREO_DRIVERS_STORAGE_LVM_PARSE_H */
