/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-qemu-status.c: a running domain's status document. What the driver
 * writes reads back the same (state, reason, pid, id, monitor, the fake
 * reboot flag and the live definition with its runtime details), and a
 * damaged document is refused with an error naming what is wrong.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/domain_def.h"
#include "drivers/error.h"
#include "drivers/qemu/qemu_command.h"
#include "drivers/qemu/qemu_status.h"
#include "tests/tap.h"

static const char def_xml[] =
    "<domain type='qemu'>\n"
    "  <name>web &amp; mail</name>\n"
    "  <uuid>6d3c9b1e-4f0a-4b8e-9a51-2f0c1d7e8a90</uuid>\n"
    "  <memory unit='KiB'>131072</memory>\n"
    "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
    "  <devices>\n"
    "    <serial type='pty'><target port='0'/></serial>\n"
    "    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>\n"
    "    <interface type='user'><mac address='52:54:00:12:34:56'/>"
    "</interface>\n"
    "  </devices>\n"
    "</domain>\n";

/* A running domain as the driver holds it: the definition with the
 * aliases its start gave and what QEMU told it. */
static struct qemu_status *
sample(void)
{
    struct vireo_error err = { 0 };
    struct qemu_status *s = calloc(1, sizeof(*s));

    s->state = VIR_DOMAIN_PAUSED;
    s->reason = VIR_DOMAIN_PAUSED_USER;
    s->pid = 4242;
    s->id = 7;
    s->monitor_path = strdup("/run/vireo/qemu/domain-7-web/monitor.sock");
    s->is_fake_reboot = true;
    s->def = domain_def_parse(def_xml, &err);
    if (s->def == NULL || qemu_command_assign_aliases(s->def, &err) < 0) {
        tap_diag("the sample cannot be made: %s", err.message);
        abort();
    }
    s->def->chardevs[0].source_path = strdup("/dev/pts/9");
    s->def->graphics[0].port = 5901;
    return s;
}

static void
test_round_trip(void)
{
    struct qemu_status *s = sample(), *back;
    struct vireo_error err = { 0 };
    char *text = qemu_status_format(s), *def_a, *def_b;

    tap_ok(text != NULL && strncmp(text, "<domstatus state='paused' "
                                         "reason='1' pid='4242' id='7'>",
                                   49) == 0,
           "the document starts as libvirt's does");
    back = text != NULL ? qemu_status_parse(text, &err) : NULL;
    tap_ok(back != NULL, "it reads back: %s", err.message);
    if (back == NULL) {
        for (int i = 0; i < 7; i++)
            tap_ok(false, "skipped: nothing read back");
        qemu_status_free(s);
        free(text);
        return;
    }
    tap_ok(back->state == s->state && back->reason == s->reason,
           "... with its state and reason");
    tap_ok(back->pid == 4242, "... QEMU's pid");
    tap_is_int(back->id, 7, "... the live id");
    tap_ok(strcmp(back->monitor_path, s->monitor_path) == 0,
           "... the monitor's path");
    tap_ok(back->is_fake_reboot, "... the reboot in waiting");
    qemu_command_assign_aliases(back->def, &err);
    def_a = domain_def_format(s->def, 7);
    def_b = domain_def_format(back->def, back->id);
    tap_ok(def_a != NULL && def_b != NULL && strcmp(def_a, def_b) == 0,
           "... and the live definition, byte for byte, once its aliases are "
           "given again");
    tap_ok(def_b != NULL && strstr(def_b, "/dev/pts/9") != NULL &&
           strstr(def_b, "port='5901'") != NULL,
           "... whose pty and VNC port survive");
    free(def_a);
    free(def_b);
    qemu_status_free(back);
    qemu_status_free(s);
    free(text);
}

/* parse(text) fails with code, and its message holds what. */
static void
refused(const char *text, int code, const char *what, const char *why)
{
    struct vireo_error err = { 0 };
    struct qemu_status *s = qemu_status_parse(text, &err);

    tap_ok(s == NULL && err.code == code &&
           strstr(err.message, what) != NULL,
           "%s is refused: %s", why, err.message);
    qemu_status_free(s);
}

static void
test_refused(void)
{
    char doc[4096];

    refused("<domstatus", VIR_ERR_XML_ERROR, "not a <domstatus>",
            "a document cut short");
    refused("<domain/>", VIR_ERR_XML_ERROR, "not a <domstatus>",
            "another document");
    snprintf(doc, sizeof(doc), "<domstatus state='dancing' reason='0' "
             "pid='1' id='1'><monitor path='/m'/>%s</domstatus>", def_xml);
    refused(doc, VIR_ERR_XML_ERROR, "state", "an unknown state");
    snprintf(doc, sizeof(doc), "<domstatus state='running' reason='1' "
             "id='1'><monitor path='/m'/>%s</domstatus>", def_xml);
    refused(doc, VIR_ERR_XML_ERROR, "pid", "a missing pid");
    snprintf(doc, sizeof(doc), "<domstatus state='running' reason='1' "
             "pid='-3' id='1'><monitor path='/m'/>%s</domstatus>", def_xml);
    refused(doc, VIR_ERR_XML_ERROR, "pid", "a negative pid");
    snprintf(doc, sizeof(doc), "<domstatus state='running' reason='1' "
             "pid='5'><monitor path='/m'/>%s</domstatus>", def_xml);
    refused(doc, VIR_ERR_XML_ERROR, "id", "a status without the live id");
    refused("<domstatus state='running' reason='1' pid='5' id='1'>"
            "<monitor path='/m'/></domstatus>", VIR_ERR_XML_ERROR,
            "no domain", "a status without its definition");
    snprintf(doc, sizeof(doc), "<domstatus state='running' reason='1' "
             "pid='5' id='1'>%s</domstatus>", def_xml);
    refused(doc, VIR_ERR_XML_ERROR, "monitor", "a status without a monitor");
    snprintf(doc, sizeof(doc), "<domstatus state='running' reason='1' "
             "pid='5' id='1'><monitor path='/m'/><live><graphics index='3' "
             "port='5900'/></live>%s</domstatus>", def_xml);
    refused(doc, VIR_ERR_XML_ERROR, "graphics",
            "a live fact about a device the definition lacks");
    refused("<domstatus state='running' reason='1' pid='5' id='1'>"
            "<monitor path='/m'/><domain type='qemu'>"
            "<memory>1</memory></domain></domstatus>", VIR_ERR_NO_NAME,
            "name", "a definition the domain parser refuses");
}

static void
test_state_names(void)
{
    tap_ok(strcmp(qemu_status_state_name(VIR_DOMAIN_SHUTOFF), "shutoff") == 0 &&
           strcmp(qemu_status_state_name(VIR_DOMAIN_PMSUSPENDED),
                  "pmsuspended") == 0,
           "states have libvirt's names");
    tap_ok(qemu_status_state_from_name("crashed") == VIR_DOMAIN_CRASHED &&
           qemu_status_state_from_name("bogus") == -1 &&
           qemu_status_state_name(99) == NULL,
           "names map back, and nothing else does");
}

int
main(void)
{
    tap_plan(21);
    test_round_trip();
    test_refused();
    test_state_names();
    return tap_done();
}
