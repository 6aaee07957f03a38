/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-storage-lvm-parse.c: reading pvs, vgs and lvs as libvirt's
 * logical backend reads them. The reports are the tools' real output
 * (lvm2 2.03.16, run on a loop device with the options the driver uses;
 * "root" was grown after "swap" was made, so it has two segments).
 * LVM here runs with activation disabled (no device-mapper), so its LVs
 * report the state 'X' (unknown); the lines of active LVs are those
 * same lines with the state LVM reports for an active LV ('a').
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "drivers/storage/storage_lvm_parse.h"
#include "tests/tap.h"

static const char pvs_in_group[] = "  /dev/loop0 capvg\n";
static const char pvs_lone[] = "  /dev/loop0   \n";

/* Four PVs: vga on two, vgb on one, the last in no group. */
static const char pvs_groups[] =
    "  /dev/loop0 vga\n  /dev/loop1 vgb\n  /dev/loop2 vga\n"
    "  /dev/loop3    \n";

/* What libvirtd's logical backend answered for that report. */
static const char sources_xml[] =
    "<sources>\n"
    "  <source>\n"
    "    <device path='/dev/loop0'/>\n"
    "    <device path='/dev/loop2'/>\n"
    "    <name>vga</name>\n"
    "    <format type='lvm2'/>\n"
    "  </source>\n"
    "  <source>\n"
    "    <device path='/dev/loop1'/>\n"
    "    <name>vgb</name>\n"
    "    <format type='lvm2'/>\n"
    "  </source>\n"
    "</sources>\n";

static const char vgs_report[] = "  62914560:41943040\n";

static const char lvs_inactive[] =
    "  root##Tv9waX-eFv8-AZC2-JIK8-oIJH-N8l6-0vCvTg#/dev/loop0(0)#linear#1#"
    "8388608#4194304#16777216#-wi-XX----\n"
    "  root##Tv9waX-eFv8-AZC2-JIK8-oIJH-N8l6-0vCvTg#/dev/loop0(3)#linear#1#"
    "8388608#4194304#16777216#-wi-XX----\n"
    "  swap##NlLQWA-WEXf-835E-VYYx-FKG8-xTfm-iOkPqt#/dev/loop0(2)#linear#1#"
    "4194304#4194304#4194304#-wi-XX----\n";

static const char lvs_active[] =
    "  root##Tv9waX-eFv8-AZC2-JIK8-oIJH-N8l6-0vCvTg#/dev/loop0(0)#linear#1#"
    "8388608#4194304#16777216#-wi-a-----\n"
    "  root##Tv9waX-eFv8-AZC2-JIK8-oIJH-N8l6-0vCvTg#/dev/loop0(3)#linear#1#"
    "8388608#4194304#16777216#-wi-a-----\n"
    "  swap##NlLQWA-WEXf-835E-VYYx-FKG8-xTfm-iOkPqt#/dev/loop0(2)#linear#1#"
    "4194304#4194304#4194304#-wi-a-----\n"
    "  snap#swap#3pg3he-mQsA-5Sui-h0i6-HNmc-Cz7W-QSndcR#/dev/loop0(6)#linear#1#"
    "4194304#4194304#4194304#swi-a-s---\n"
    "  thin#[thin_vorigin]#UB5hFw-kmlm-LSoX-EI1t-ioVd-h7GL-M0W8Ht#"
    "/dev/loop0(7)#linear#1#4194304#4194304#33554432#swi-a-s---\n"
    "  pool##oHviCK-8Ik0-paqS-V20c-nkhY-Bm1e-zgzU0M#pool_tdata(0)#"
    "thin-pool#1#4194304#4194304#4194304#twi-a-tz--\n";

static void
test_pvs(void)
{
    char loop0[] = "/dev/loop0", loop9[] = "/dev/loop9";
    char *devices[] = { loop0, loop9 };
    bool has_vg;
    int n;

    lvm_parse_pvs(pvs_in_group, "capvg", devices, 2, &has_vg, &n);
    tap_ok(has_vg && n == 1,
           "pvs names the group and one of the pool's two devices in it");
    lvm_parse_pvs(pvs_in_group, "othervg", devices, 2, &has_vg, &n);
    tap_ok(!has_vg && n == 0, "a group pvs does not name is not found");
    lvm_parse_pvs(pvs_lone, "capvg", devices, 2, &has_vg, &n);
    tap_ok(!has_vg,
           "a physical volume of no group (one word) is passed over");
    lvm_parse_pvs("", "capvg", devices, 2, &has_vg, &n);
    tap_ok(!has_vg, "an empty report names no group");
}

static void
test_sources(void)
{
    struct storage_pool_source *srcs;
    int n = lvm_parse_sources(pvs_groups, &srcs);
    char *xml = storage_pool_sources_format(STORAGE_POOL_LOGICAL, srcs,
                                            n > 0 ? n : 0);

    tap_is_int(n, 2, "pvs's four PVs make two sources, one per group");
    tap_is_str(xml, sources_xml,
               "each with its devices in pvs's order, as libvirt lists "
               "them");
    free(xml);
    lvm_sources_free(srcs, n > 0 ? n : 0);
    n = lvm_parse_sources(pvs_lone, &srcs);
    xml = storage_pool_sources_format(STORAGE_POOL_LOGICAL, srcs, n);
    tap_is_str(xml, "<sources>\n</sources>\n",
               "a PV of no group is no source: the list is empty");
    free(xml);
    lvm_sources_free(srcs, n);
}

static void
test_vgs(void)
{
    struct vireo_error err = { 0 };
    unsigned long long capacity = 0, available = 0;

    tap_ok(lvm_parse_vgs(vgs_report, &capacity, &available, &err) == 0 &&
           capacity == 62914560ULL && available == 41943040ULL,
           "vgs gives the group's size and free bytes");
    capacity = available = 7;
    tap_ok(lvm_parse_vgs("  garbage\n", &capacity, &available, &err) == 0 &&
           capacity == 7 && available == 7,
           "a vgs line of another shape is skipped, as libvirt skips it");
    tap_ok(lvm_parse_vgs("  62914560:41943040:\n", &capacity, &available,
                         &err) == 0 && capacity == 62914560ULL,
           "a trailing separator (older lvm2) is accepted");
}

static const struct storage_vol_def *
find(struct storage_vol_def **vols, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(vols[i]->name, name) == 0)
            return vols[i];
    return NULL;
}

static void
test_lvs_inactive(void)
{
    struct vireo_error err = { 0 };
    struct storage_vol_def **vols = NULL;
    int n = lvm_parse_lvs(lvs_inactive, "/dev/capvg", &vols, &err);

    tap_ok(n == 0, "inactive LVs (no device node) are not volumes");
    lvm_vols_free(vols, n > 0 ? n : 0);
}

static void
test_lvs_active(void)
{
    struct vireo_error err = { 0 };
    struct storage_vol_def **vols = NULL;
    int n = lvm_parse_lvs(lvs_active, "/dev/capvg", &vols, &err);
    const struct storage_vol_def *root = find(vols, n, "root");
    const struct storage_vol_def *snap = find(vols, n, "snap");
    const struct storage_vol_def *thin = find(vols, n, "thin");

    tap_ok(n == 4, "active LVs are volumes, once each, thin pools left out "
           "(%d)", n);
    tap_ok(root != NULL && root->capacity == 16777216ULL &&
           root->type == VIR_STORAGE_VOL_BLOCK,
           "a two-segment LV is one block volume of its whole size");
    tap_ok(root != NULL &&
           strcmp(root->key, "Tv9waX-eFv8-AZC2-JIK8-oIJH-N8l6-0vCvTg") == 0 &&
           strcmp(root->target.path, "/dev/capvg/root") == 0,
           "its key is the LV's uuid and its path is under the target");
    tap_ok(root != NULL && !root->has_backing,
           "an LV without origin has no backing store");
    tap_ok(snap != NULL && snap->has_backing &&
           strcmp(snap->backing.path, "/dev/capvg/swap") == 0,
           "a snapshot's origin is its backing store");
    tap_ok(thin != NULL && !thin->has_backing,
           "a bracketed origin (LVM's own hidden LV) is no backing store");
    tap_ok(find(vols, n, "pool") == NULL, "a thin pool is not a volume");
    lvm_vols_free(vols, n > 0 ? n : 0);
}

static void
test_lvs_malformed(void)
{
    struct vireo_error err = { 0 };
    struct storage_vol_def **vols = NULL;
    int n = lvm_parse_lvs("  bad##u#/dev/loop0(0)#linear#1#x8#4194304#"
                          "4194304#-wi-a-----\n", "/dev/capvg", &vols, &err);

    tap_ok(n == -1 && vols == NULL &&
           strcmp(err.message, "internal error: malformed volume extent "
                  "length value") == 0,
           "a segment size that is no number fails in libvirt's words "
           "(%s)", err.message);
    n = lvm_parse_lvs("  WARNING: Activation disabled.\n", "/dev/capvg",
                      &vols, &err);
    tap_ok(n == 0, "lines of another shape (LVM's warnings) are skipped");
    lvm_vols_free(vols, n > 0 ? n : 0);
}

int
main(void)
{
    tap_plan(20);
    test_pvs();
    test_sources();
    test_vgs();
    test_lvs_inactive();
    test_lvs_active();
    test_lvs_malformed();
    return tap_done();
}
