/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-testdrv-guest.c: the test driver's imaginary guests through its
 * slots, as libvirt's test driver answers: hostname, clock, file systems,
 * keys, signals, NMI, passwords, resets, launch security, the interface
 * names it gives, and the device calls it leaves unserved.
 */
#include "tests/drivers/testdrv-helpers.h"

#define UUID_G "4dea22b3-1d52-d8f3-2516-782e98ab3fa0"
#define EPOCH_S 627319920LL      /* libvirt's test guests' clock */

static struct vireo_conn *conn;

/* A running guest with a cdrom, then a disk, then two interfaces of
 * which only the first names its host side. */
static struct vireo_domain *
guest(struct vireo_error *err)
{
    char *xml = tdrv_xml("guest", UUID_G, "test", 131072,
        "<devices>"
        "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/>"
        "</disk>"
        "<disk type='file' device='disk'><source file='/g.img'/>"
        "<target dev='vdb' bus='virtio'/></disk>"
        "<interface type='network'><source network='default'/>"
        "<target dev='testnet0x'/></interface>"
        "<interface type='network'><source network='default'/></interface>"
        "</devices>");
    struct vireo_domain *dom = testdrv.domain_define_xml(conn, xml, 0, err);

    free(xml);
    if (dom != NULL && testdrv.domain_create(dom, 0, err) < 0) {
        handle_domain_unref(dom);
        return NULL;
    }
    return dom;
}

static void
test_hostname_and_resets(struct vireo_domain *dom, struct vireo_domain *off)
{
    struct vireo_error err = { 0 };
    char *name = testdrv.domain_get_hostname(dom, 0, &err);

    tap_is_str(name, "guesthost", "the hostname is the domain's name + host");
    free(name);
    name = testdrv.domain_get_hostname(off, 0, &err);
    tdrv_fails(name ? 0 : -1, err, VIR_ERR_OPERATION_INVALID,
               "domain is not running", "an inactive guest has no hostname");
    tdrv_fails(testdrv.domain_get_hostname(dom, 2, &err) ? 0 : -1, err,
               VIR_ERR_INVALID_ARG,
               "unsupported flags (0x2) in function testDomainGetHostname",
               "no hostname source is supported");
    tap_is_int(testdrv.domain_reset(dom, 0, &err) |
               testdrv.domain_inject_nmi(dom, 0, &err) |
               testdrv.domain_set_user_password(dom, "root", "pw",
                   VIR_DOMAIN_PASSWORD_ENCRYPTED, &err), 0,
               "reset, NMI and a password reach a running guest");
    tdrv_fails(testdrv.domain_reset(off, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "an inactive guest cannot be reset");
    tdrv_fails(testdrv.domain_inject_nmi(off, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "nor take an NMI");
    tdrv_fails(testdrv.domain_set_user_password(dom, "root", "pw", 2, &err),
               err, VIR_ERR_INVALID_ARG,
               "in function testDomainSetUserPassword",
               "passwords take ENCRYPTED only");
}

static void
test_clock(struct vireo_domain *dom, struct vireo_domain *off)
{
    struct vireo_error err = { 0 };
    long long s = 0;
    unsigned ns = 1;

    testdrv.domain_get_time(dom, &s, &ns, 0, &err);
    tap_ok(s == EPOCH_S && ns == 0, "the clock starts at 627319920.0");
    tap_is_int(testdrv.domain_set_time(dom, 86400, 5, 0, &err), 0,
               "the clock is set");
    testdrv.domain_get_time(dom, &s, &ns, 0, &err);
    tap_ok(s == 86400 && ns == 5, "and reads back as set");
    tap_is_int(testdrv.domain_set_time(dom, 0, 0, VIR_DOMAIN_TIME_SYNC, &err),
               0, "SYNC takes the values given too");
    testdrv.domain_suspend(dom, &err);
    tdrv_fails(testdrv.domain_get_time(dom, &s, &ns, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "a paused guest does not tell the time");
    tap_is_int(testdrv.domain_set_time(dom, 7, 0, 0, &err), 0,
               "but its clock can be set");
    testdrv.domain_resume(dom, &err);
    tdrv_fails(testdrv.domain_set_time(off, 7, 0, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "domain is not running",
               "an inactive guest's clock cannot be set");
    tdrv_fails(testdrv.domain_get_time(dom, &s, &ns, 1, &err), err,
               VIR_ERR_INVALID_ARG, "in function testDomainGetTime",
               "reading the clock takes no flags");
}

static void
test_file_systems(struct vireo_domain *dom)
{
    static const char *const boot[] = { "/boot" };
    static const char *const root_and_bad[] = { "/", "/x" };
    struct vireo_error err = { 0 };

    tap_is_int(testdrv.domain_fs_freeze(dom, NULL, 0, 0, &err), 2,
               "freezing all freezes / and /boot");
    tap_is_int(testdrv.domain_fs_freeze(dom, NULL, 0, 0, &err), 0,
               "again, none changes");
    tap_is_int(testdrv.domain_fs_thaw(dom, boot, 1, 0, &err), 1,
               "thawing /boot thaws one");
    tdrv_fails(testdrv.domain_fs_thaw(dom, root_and_bad, 2, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "mount point not found: /x",
               "an unknown mount point is refused");
    tap_is_int(testdrv.domain_fs_thaw(dom, NULL, 0, 0, &err), 1,
               "and nothing changed before it was: / is still frozen");
    tap_is_int(testdrv.domain_fs_trim(dom, NULL, 0, 0, &err) |
               testdrv.domain_fs_trim(dom, "/boot", 1024, 0, &err), 0,
               "trimming all, or /boot");
    tdrv_fails(testdrv.domain_fs_trim(dom, "/x", 0, 0, &err), err,
               VIR_ERR_OPERATION_INVALID, "mount point not found: /x",
               "trimming an unknown mount point fails");
}

static void
test_fs_info(struct vireo_domain *dom, struct vireo_domain *off)
{
    struct vireo_error err = { 0 };
    struct vireo_fs_info *info = NULL;
    int n = testdrv.domain_get_fs_info(dom, &info, 0, &err);

    tap_is_int(n, 2, "two file systems");
    if (n == 2) {
        tap_ok(strcmp(info[0].mountpoint, "/") == 0 &&
               strcmp(info[0].name, "vdb1") == 0 &&
               strcmp(info[0].fstype, "ext4") == 0 &&
               info[0].n_dev_aliases == 1 &&
               strcmp(info[0].dev_aliases[0], "vdb") == 0,
               "/ is vdb1, ext4, on the first disk (the cdrom aside)");
        tap_ok(strcmp(info[1].mountpoint, "/boot") == 0 &&
               strcmp(info[1].name, "vdb2") == 0,
               "/boot is vdb2");
    }
    vireo_fs_info_list_free(info, n);
    n = testdrv.domain_get_fs_info(off, &info, 0, &err);
    tdrv_fails(n, err, VIR_ERR_OPERATION_INVALID, "domain is not running",
               "an inactive guest mounts nothing");
}

static void
test_keys_and_signals(struct vireo_domain *dom, struct vireo_domain *off)
{
    struct vireo_error err = { 0 };
    const unsigned ctrl_alt_del[] = { 29, 56, 111 }, too_big = 600;
    const unsigned os_x_300 = 300;

    tap_is_int(testdrv.domain_send_key(dom, VIR_KEYCODE_SET_LINUX, 0,
                                       ctrl_alt_del, 3, 0, &err), 0,
               "ctrl-alt-del in linux codes");
    tdrv_fails(testdrv.domain_send_key(dom, VIR_KEYCODE_SET_LINUX, 0,
                                       &too_big, 1, 0, &err), err,
               VIR_ERR_INTERNAL_ERROR, "invalid keycode 600 of linux codeset",
               "a code outside libvirt's linux table is refused");
    tdrv_fails(testdrv.domain_send_key(dom, VIR_KEYCODE_SET_OSX, 0,
                                       &os_x_300, 1, 0, &err), err,
               VIR_ERR_INTERNAL_ERROR, "invalid keycode 300 of os_x codeset",
               "each codeset has its own table");
    tdrv_fails(testdrv.domain_send_key(dom, 99, 0, ctrl_alt_del, 1, 0, &err),
               err, VIR_ERR_INTERNAL_ERROR, "of (null) codeset",
               "an unknown codeset knows no key");
    tdrv_fails(testdrv.domain_send_key(off, 0, 0, ctrl_alt_del, 1, 0, &err),
               err, VIR_ERR_OPERATION_INVALID, "domain is not running",
               "an inactive guest takes no key");
    tap_is_int(testdrv.domain_send_process_signal(off, 1, 15, 0, &err), 0,
               "a signal to pid 1 needs no running guest");
    tdrv_fails(testdrv.domain_send_process_signal(dom, 2, 15, 0, &err), err,
               VIR_ERR_INVALID_ARG,
               "only sending a signal to pid 1 is supported",
               "only pid 1 takes signals");
    tdrv_fails(testdrv.domain_send_process_signal(dom, 1, 65, 0, &err), err,
               VIR_ERR_INVALID_ARG, "signum value 65 is out of range",
               "65 is past libvirt's signals");
}

static void
test_launch_security_and_devices(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    struct vireo_typed_params params = { 0 };

    tap_ok(testdrv.domain_get_launch_security_info(dom, &params, 0,
                                                   &err) == 0 &&
           params.n == 0, "no launch security: no parameters");
    tdrv_fails(testdrv.domain_get_launch_security_info(dom, &params, 4,
                                                       &err), err,
               VIR_ERR_INVALID_ARG,
               "unsupported flags (0x4) in function "
               "testDomainGetLaunchSecurityInfo",
               "not even STRING_OKAY, as libvirtd then refuses");
    tap_ok(testdrv.domain_attach_device == NULL &&
           testdrv.domain_detach_device == NULL &&
           testdrv.domain_update_device == NULL &&
           testdrv.domain_detach_device_alias == NULL,
           "devices are neither attached, detached nor updated");
}

/* The guest state outlives a stop, and the interfaces keep their names. */
static void
test_restart(struct vireo_domain *dom)
{
    struct vireo_error err = { 0 };
    long long s = 0;
    unsigned ns = 0;
    char *xml;

    testdrv.domain_set_time(dom, 1234, 0, 0, &err);
    testdrv.domain_destroy(dom, 0, &err);
    testdrv.domain_create(dom, 0, &err);
    testdrv.domain_get_time(dom, &s, &ns, 0, &err);
    tap_ok(s == 1234, "the clock survives a restart, as libvirt's does");
    xml = testdrv.domain_get_xml_desc(dom, VIR_DOMAIN_XML_INACTIVE, &err);
    tap_ok(xml && strstr(xml, "<target dev='testnet0x'/>") &&
           strstr(xml, "<target dev='testnet0'/>"),
           "an unnamed interface gets the first free testnetN");
    free(xml);
}

int
main(void)
{
    struct vireo_error err = { 0 };
    struct vireo_domain *dom, *off;

    conn = tdrv_open("test:///default", &err);
    dom = conn ? guest(&err) : NULL;
    off = conn ? tdrv_define(conn, "off", NULL, &err) : NULL;
    if (!tap_ok(dom != NULL && off != NULL, "a running and an inactive "
                "guest")) {
        tap_diag("  %s", err.message);
        return tdrv_done();
    }
    test_hostname_and_resets(dom, off);
    test_clock(dom, off);
    test_file_systems(dom);
    test_fs_info(dom, off);
    test_keys_and_signals(dom, off);
    test_launch_security_and_devices(dom);
    test_restart(dom);
    handle_domain_unref(dom);
    handle_domain_unref(off);
    handle_conn_unref(conn);
    return tdrv_done();
}
