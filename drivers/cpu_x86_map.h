/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cpu_x86_map.h: the x86 part of libvirt's CPU map as sets of CPUID and
 * MSR bits: each feature's bits, and each model's (the union of its
 * features'), in the map's order. Owned by whoever loaded it.
 */
#ifndef VIREO_DRIVERS_CPU_X86_MAP_H
#define VIREO_DRIVERS_CPU_X86_MAP_H

#include <stdbool.h>
#include <stdint.h>

#include "api/vireo.h"

/* One 32-bit register of a CPUID leaf (kind 'c': leaf, subleaf) or of
 * an MSR (kind 'm': index), and the bits set in it. */
struct x86_word {
    char     kind;
    uint32_t leaf, subleaf;
    int      reg;            /* eax, ebx, ecx, edx: 0..3 */
    uint32_t mask;
};

/* A set of bits: words with distinct registers. */
struct x86_bits {
    struct x86_word *w;
    int              n;
};

struct x86_feature {
    char           *name;
    struct x86_bits bits;
};

struct x86_model {
    char           *name;
    char           *vendor;          /* NULL: none */
    bool            decodes_guest;   /* <decode guest='on'/> */
    struct x86_bits bits;            /* removed features' too */
    /* Features QEMU dropped from the model (removed='yes'), NULL-ended:
     * a guest CPU of this model always disables them. */
    const char    **removed;
    int             n_removed;
};

struct x86_map {
    struct x86_feature *features;
    int                 n_features;
    struct x86_model   *models;
    int                 n_models;
    char              **vendors;     /* NULL-ended */
    int                 n_vendors;
};

/* Load the x86 map from dir (index.xml and its includes). 0, or -1 with
 * err set; map is empty on failure. */
int  x86_map_load(const char *dir, struct x86_map *map,
                  struct vireo_error *err);
void x86_map_clear(struct x86_map *map);

const struct x86_feature *x86_map_feature(const struct x86_map *map,
                                          const char *name);
const struct x86_model *x86_map_model(const struct x86_map *map,
                                      const char *name);
bool x86_map_has_vendor(const struct x86_map *map, const char *name);

/* Set operations on bits. The ones that grow a set return 0, or -1 when
 * memory ran out. */
int  x86_bits_add(struct x86_bits *to, const struct x86_bits *from);
void x86_bits_subtract(struct x86_bits *from, const struct x86_bits *what);
void x86_bits_intersect(struct x86_bits *in, const struct x86_bits *with);
bool x86_bits_contains(const struct x86_bits *set,
                       const struct x86_bits *sub);
bool x86_bits_is_empty(const struct x86_bits *set);
void x86_bits_clear(struct x86_bits *set);

#endif /* VIREO_DRIVERS_CPU_X86_MAP_H */
