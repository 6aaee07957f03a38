/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-facts.c: reading the QMP probe's output (qemu_facts.c). Replies
 * are taken by the ids the commands carry, whatever else QEMU prints
 * between them; an output without the machines is no usable QEMU. KVM
 * runs guests only where query-kvm says it is present and enabled.
 */
#include <stdlib.h>

#include "drivers/qemu/qemu_facts.h"
#include "tests/tap.h"

/* The shape of QEMU's answers to qemu_facts_commands: its greeting, the
 * reply to qmp_capabilities (no id), an event, then the replies. */
static const char transcript[] =
    "{\"QMP\": {\"version\": {}, \"capabilities\": [\"oob\"]}}\n"
    "{\"return\": {}}\n"
    "{\"timestamp\": {}, \"event\": \"RESUME\"}\n"
    "{\"return\": [{\"name\": \"pc-q35-7.2\", \"cpu-max\": 288, "
    "\"alias\": \"q35\"}, {\"name\": \"pc-i440fx-7.2\", \"cpu-max\": 255, "
    "\"is-default\": true}], \"id\": \"machines\"}\n"
    "{\"return\": [{\"name\": \"qemu64\", \"unavailable-features\": []}, "
    "{\"name\": \"EPYC\", \"unavailable-features\": [\"fma\"]}], "
    "\"id\": \"cpus\"}\n"
    "{\"return\": [{\"name\": \"virtio-blk-pci\"}, {\"name\": \"VGA\"}, "
    "{\"name\": \"ide-hd\"}], \"id\": \"types\"}\n"
    "{\"return\": [{\"name\": \"query-vnc\"}, {\"name\": \"quit\"}], "
    "\"id\": \"commands\"}\n"
    "{\"return\": {}}\n"
    "{\"timestamp\": {}, \"event\": \"SHUTDOWN\"}\n";

static void
test_transcript(void)
{
    struct qemu_facts *f = qemu_facts_parse(transcript);

    if (!tap_ok(f != NULL, "a whole transcript is read"))
        return;
    tap_is_int(qemu_facts_cpu_max(f, "pc-q35-7.2"), 288,
               "each machine's vCPU limit is its cpu-max");
    tap_is_int(qemu_facts_cpu_max(f, "q35"), 0,
               "an alias is no machine of query-machines");
    tap_is_int(f->n_cpus, 2, "every CPU model is kept");
    tap_ok(f->cpus[0].is_usable && !f->cpus[1].is_usable,
           "a model missing a feature is not usable, one missing none is");
    tap_ok(qemu_facts_has_type(f, "VGA") && qemu_facts_has_type(f, "ide-hd")
           && !qemu_facts_has_type(f, "qxl-vga"),
           "the QOM types QEMU listed are found, no other");
    tap_ok(qemu_facts_has_command(f, "query-vnc") &&
           !qemu_facts_has_command(f, "query-spice"),
           "so are its commands");
    qemu_facts_free(f);
}

static void
test_unusable(void)
{
    struct qemu_facts *f;

    tap_ok(qemu_facts_parse(NULL) == NULL,
           "no output (QEMU failed) gives no facts");
    tap_ok(qemu_facts_parse("{\"QMP\": {}}\n{\"return\": {}}\n") == NULL,
           "nor does an output without the machines");
    f = qemu_facts_parse("not json\n{\"return\": [{\"name\": \"pc\"}], "
                         "\"id\": \"machines\"}\n");
    tap_ok(f != NULL && f->n_machines == 1,
           "a line that is no JSON is passed over");
    qemu_facts_free(f);
}

/* What qemu-system-x86_64 7.2 prints for qemu_facts_kvm_commands with
 * accel "kvm:tcg" where KVM cannot start (its stderr, where it says it
 * falls back to TCG, left out), and the reply where KVM runs. */
static const char kvm_fell_back[] =
    "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 22, \"minor\": 2, "
    "\"major\": 7}, \"package\": \"Debian 1:7.2+dfsg-7+deb12u18+b3\"}, "
    "\"capabilities\": [\"oob\"]}}\n"
    "{\"return\": {}}\n"
    "{\"return\": {\"enabled\": false, \"present\": true}, \"id\": \"kvm\"}\n"
    "{\"timestamp\": {\"seconds\": 1796465415, \"microseconds\": 65911}, "
    "\"event\": \"SHUTDOWN\", \"data\": {\"guest\": false, "
    "\"reason\": \"host-qmp-quit\"}}\n"
    "{\"return\": {}}\n";
static const char kvm_runs[] =
    "{\"QMP\": {}}\n{\"return\": {}}\n"
    "{\"return\": {\"enabled\": true, \"present\": true}, \"id\": \"kvm\"}\n"
    "{\"return\": {}}\n";

static void
test_kvm(void)
{
    tap_ok(qemu_facts_kvm_is_usable(kvm_runs),
           "KVM present and enabled runs guests");
    tap_ok(!qemu_facts_kvm_is_usable(kvm_fell_back),
           "KVM present but not enabled (QEMU fell back to TCG) does not");
    tap_ok(!qemu_facts_kvm_is_usable(NULL),
           "nor does a QEMU that could not start with KVM");
    tap_ok(!qemu_facts_kvm_is_usable("{\"return\": {\"enabled\": true, "
                                     "\"present\": true}}\n"),
           "nor a reply that is not query-kvm's");
}

int
main(void)
{
    tap_plan(14);
    test_transcript();
    test_unusable();
    test_kvm();
    return tap_done();
}
