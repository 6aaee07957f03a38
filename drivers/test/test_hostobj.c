/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_hostobj.c: the node devices and host interfaces a test state
 * starts with (test_hostobj.h), on the test driver's thread.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/interface_xml.h"
#include "drivers/conf/nodedev_xml.h"
#include "drivers/error.h"
#include "drivers/test/test_hostobj.h"

/* libvirt's default test host devices. libvirt refreshes a SCSI host's
 * vport counts from sysfs whenever it reads the device, and the test
 * host has none, so the two vport-capable hosts read 0 of 0; they are
 * kept that way here. */
static const char *const default_devices[] = {
    "<device><name>computer</name>"
    "<capability type='system'>"
    "<hardware><vendor>Libvirt</vendor><version>Test driver</version>"
    "<serial>123456</serial>"
    "<uuid>11111111-2222-3333-4444-555555555555</uuid></hardware>"
    "<firmware><vendor>Libvirt</vendor><version>Test Driver</version>"
    "<release_date>01/22/2007</release_date></firmware>"
    "</capability></device>",
    "<device><name>scsi_host1</name><parent>computer</parent>"
    "<capability type='scsi_host'><host>1</host><unique_id>0</unique_id>"
    "<capability type='fc_host'><wwnn>2000000012341234</wwnn>"
    "<wwpn>1000000012341234</wwpn>"
    "<fabric_wwn>2000000043214321</fabric_wwn></capability>"
    "<capability type='vport_ops'><max_vports>0</max_vports>"
    "<vports>0</vports></capability>"
    "</capability></device>",
    "<device><name>scsi_host2</name><parent>computer</parent>"
    "<capability type='scsi_host'><host>2</host><unique_id>1</unique_id>"
    "<capability type='fc_host'><wwnn>2000000056785678</wwnn>"
    "<wwpn>1000000056785678</wwpn>"
    "<fabric_wwn>2000000087658765</fabric_wwn></capability>"
    "<capability type='vport_ops'><max_vports>0</max_vports>"
    "<vports>0</vports></capability>"
    "</capability></device>",
    "<device><name>scsi_host11</name><parent>scsi_host1</parent>"
    "<capability type='scsi_host'><host>11</host><unique_id>10</unique_id>"
    "<capability type='fc_host'><wwnn>2000000034563456</wwnn>"
    "<wwpn>1000000034563456</wwpn>"
    "<fabric_wwn>2000000043214321</fabric_wwn></capability>"
    "</capability></device>",
};
#define N_DEFAULT_DEVICES \
    ((int)(sizeof(default_devices) / sizeof(*default_devices)))

static const char default_iface[] =
    "<interface type='ethernet' name='eth1'>"
    "<start mode='onboot'/>"
    "<mac address='aa:bb:cc:dd:ee:ff'/>"
    "<mtu size='1492'/>"
    "<protocol family='ipv4'>"
    "<ip address='192.168.0.5' prefix='24'/>"
    "<route gateway='192.168.0.1'/>"
    "</protocol>"
    "</interface>";

struct test_hostobj *
test_hostobj_new(struct vireo_error *err)
{
    struct test_hostobj *ho = calloc(1, sizeof(*ho));

    if (ho == NULL)
        error_no_memory(err);
    return ho;
}

int
test_hostobj_fill_default(struct test_hostobj *ho, struct vireo_error *err)
{
    ho->devs = calloc(N_DEFAULT_DEVICES, sizeof(*ho->devs));
    ho->ifaces = calloc(1, sizeof(*ho->ifaces));
    if (ho->devs == NULL || ho->ifaces == NULL)
        return error_no_memory(err);
    for (int i = 0; i < N_DEFAULT_DEVICES; i++) {
        ho->devs[i] = nodedev_def_parse(default_devices[i], false, err);
        if (ho->devs[i] == NULL)
            return -1;
        ho->n_devs++;
    }
    ho->ifaces[0].def = iface_def_parse(default_iface, err);
    if (ho->ifaces[0].def == NULL)
        return -1;
    ho->ifaces[0].is_active = true;
    ho->n_ifaces = 1;
    return 0;
}

int
test_hostobj_copy_names(char **names, int maxnames, const char *const *src,
                        int n, struct vireo_error *err)
{
    int i;

    for (i = 0; i < n && i < maxnames; i++) {
        names[i] = strdup(src[i]);
        if (names[i] == NULL) {
            while (i-- > 0)
                free(names[i]);
            return error_no_memory(err);
        }
    }
    return i;
}

void
test_hostobj_ifaces_free(struct test_iface *ifaces, int n)
{
    for (int i = 0; i < n; i++)
        iface_def_free(ifaces[i].def);
    free(ifaces);
}

void
test_hostobj_free(struct test_hostobj *ho)
{
    if (ho == NULL)
        return;
    for (int i = 0; i < ho->n_devs; i++)
        nodedev_def_free(ho->devs[i]);
    free(ho->devs);
    test_hostobj_ifaces_free(ho->ifaces, ho->n_ifaces);
    test_hostobj_ifaces_free(ho->backup, ho->n_backup);
    free(ho);
}
