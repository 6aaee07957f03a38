/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * cmd_nodedev.c: the nodedev-* commands, printing what virsh 9.0 prints.
 * nodedev-list asks for the devices as virsh does (active ones, unless
 * --inactive or --all), so it fails where virsh fails: libvirt's test
 * driver refuses that filter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_opts.h"

/* The options of the commands here (commands.c's table points at them). */

const struct opt_def cmd_nodedev_list_opts[] = {
    { "inactive", OPT_BOOL, false, false,
      "list inactive & defined devices only" },
    { "all", OPT_BOOL, false, false, "list inactive & active devices" },
    { "cap", OPT_STRING, false, false,
      "capability names, separated by comma" },
    END_OPTS,
};

const struct opt_def cmd_nodedev_only_opts[] = {
    { "device", OPT_STRING, true, true,
      "device name or wwn pair in 'wwnn,wwpn' format" },
    END_OPTS,
};

const struct opt_def cmd_nodedev_create_opts[] = {
    { "file", OPT_STRING, true, true,
      "file containing an XML description of the device" },
    END_OPTS,
};

/* The device a command names; NULL after printing virsh's two lines. */
static struct vireo_node_device *
named_device(struct session *s, const char *name)
{
    struct vireo_error err = { 0 };
    struct vireo_node_device *dev =
        vireo_node_device_lookup_by_name(s->conn, name, &err);

    if (dev == NULL) {
        cli_error("Could not find matching device '%s'", name);
        cli_report(&err);
    }
    return dev;
}

/* The filter virsh builds from --cap (a comma-separated list), --all and
 * --inactive; -1 after printing an error for an unknown capability. */
static long long
list_flags(const struct cmd *cmd)
{
    static const char *const caps[] = {
        "system", "pci", "usb_device", "usb", "net", "scsi_host",
        "scsi_target", "scsi", "storage", "fc_host", "vports",
        "scsi_generic", "drm", "mdev_types", "mdev", "ccw", "css", "vdpa",
        "ap_card", "ap_queue", "ap_matrix", "vpd", NULL,
    };
    const char *list = cmd_string(cmd, "cap");
    unsigned flags = 0;
    char *copy, *save = NULL;

    if (cmd_has(cmd, "all"))
        flags = VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE |
                VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE;
    else
        flags = cmd_has(cmd, "inactive")
                ? VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE
                : VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE;
    if (list == NULL || (copy = strdup(list)) == NULL)
        return flags;
    for (char *w = strtok_r(copy, ",", &save); w != NULL;
         w = strtok_r(NULL, ",", &save)) {
        int i = 0;

        while (caps[i] != NULL && strcmp(caps[i], w) != 0)
            i++;
        if (caps[i] == NULL) {
            cli_error("Invalid capability type");
            free(copy);
            return -1;
        }
        flags |= 1u << i;
    }
    free(copy);
    return flags;
}

static int
by_name(const void *a, const void *b)
{
    struct vireo_node_device *const *x = a, *const *y = b;

    return strcmp(vireo_node_device_get_name(*x),
                  vireo_node_device_get_name(*y));
}

int
cmd_nodedev_list(struct session *s, const struct cmd *cmd)
{
    long long flags = list_flags(cmd);
    struct vireo_node_device **devs = NULL;
    struct vireo_error err = { 0 };
    int n;

    if (flags < 0)
        return -1;
    n = vireo_connect_list_all_node_devices(s->conn, &devs, (unsigned)flags,
                                            &err);
    if (n < 0) {
        cli_error("Failed to list node devices");
        cli_report(&err);
        return -1;
    }
    qsort(devs, (size_t)n, sizeof(*devs), by_name);
    for (int i = 0; i < n; i++) {
        printf("%s\n", vireo_node_device_get_name(devs[i]));
        vireo_node_device_free(devs[i]);
    }
    free(devs);
    return 0;
}

int
cmd_nodedev_dumpxml(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "device");
    struct vireo_node_device *dev = named_device(s, name);
    struct vireo_error err = { 0 };
    char *xml;

    if (dev == NULL)
        return -1;
    xml = vireo_node_device_get_xml_desc(dev, 0, &err);
    vireo_node_device_free(dev);
    if (xml == NULL) {
        cli_report(&err);
        return -1;
    }
    fputs(xml, stdout);
    free(xml);
    return 0;
}

int
cmd_nodedev_create(struct session *s, const struct cmd *cmd)
{
    const char *file = cmd_string(cmd, "file");
    struct vireo_error err = { 0 };
    struct vireo_node_device *dev;
    char *xml = read_xml_file(file);

    if (xml == NULL)
        return -1;
    dev = vireo_node_device_create_xml(s->conn, xml, 0, &err);
    free(xml);
    if (dev == NULL) {
        cli_error("Failed to create node device from %s", file);
        cli_report(&err);
        return -1;
    }
    printf("Node device %s created from %s\n",
           vireo_node_device_get_name(dev), file);
    vireo_node_device_free(dev);
    return 0;
}

int
cmd_nodedev_destroy(struct session *s, const struct cmd *cmd)
{
    const char *name = cmd_string(cmd, "device");
    struct vireo_node_device *dev = named_device(s, name);
    struct vireo_error err = { 0 };
    int rc;

    if (dev == NULL)
        return -1;
    rc = vireo_node_device_destroy(dev, &err);
    vireo_node_device_free(dev);
    if (rc < 0) {
        cli_error("Failed to destroy node device '%s'", name);
        cli_report(&err);
        return -1;
    }
    printf("Destroyed node device '%s'\n", name);
    return 0;
}
