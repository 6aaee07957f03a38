/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_pin.h: where the test hypervisor says a domain's vCPUs run, for
 * the monitoring slots that report it (vcpuinfo, vcpupin). Test driver's
 * thread; def belongs to the caller.
 */
#ifndef VIREO_DRIVERS_TEST_PIN_H
#define VIREO_DRIVERS_TEST_PIN_H

struct domain_def;

/* vCPU vcpu's affinity into map (maplen bytes): its <vcpupin>, else every
 * one of host_cpus (libvirt's virDomainDefGetVcpuPinInfoHelper). */
void test_pin_vcpu_map(const struct domain_def *def, unsigned vcpu,
                       unsigned char *map, int maplen, unsigned host_cpus);

/* The CPU vcpuinfo says vCPU vcpu is on: the last of its affinity. */
int test_pin_vcpu_cpu(const struct domain_def *def, unsigned vcpu,
                      unsigned host_cpus);

#endif /* VIREO_DRIVERS_TEST_PIN_H */
