# SPDX-License-Identifier: LGPL-2.1-or-later
# The two set-up commands of the README, plus build and clean. The real build
# is meson's; this file only installs what is missing and drives it.

BUILD      ?= build
SAN_BUILD  ?= build-sanitize
TSAN_BUILD ?= build-tsan

BUILD_DEPS = gcc meson ninja-build pkg-config libuv1-dev libxml2-dev \
             libjson-c-dev libtirpc-dev rpcsvc-proto libsystemd-dev \
             libgnutls28-dev libmicrohttpd-dev
RUN_DEPS   = libvirt-clients dnsmasq-base nftables
TEST_DEPS  = python3 python3-libvirt libvirt-clients libvirt-daemon netbase \
             qemu-system-x86 qemu-utils virtinst busybox-static \
             libvirt-dev libvirt-daemon-driver-qemu systemd man-db \
             gnutls-bin curl python3-prometheus-client \
             dnsmasq-base nftables iproute2
# mke2fs and debugfs: the QEMU tests build a guest's root filesystem and
# read it back.
TEST_DEPS += e2fsprogs
# The LVM tools: logical pools are tested on loop devices of the tests'
# own.
TEST_DEPS += lvm2
# Perl's Sys::Virt: a libvirt client the tests drive vireod with.
TEST_DEPS += libsys-virt-perl
# Other clients of libvirtd: go-libvirt (pure Go) and prometheus-libvirt-exporter.
TEST_DEPS += golang-go golang-github-digitalocean-go-libvirt-dev prometheus-libvirt-exporter
# Ansible and its community.libvirt collection: a client of vireod's tested.
TEST_DEPS += ansible
BENCH_DEPS = libvirt-dev libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 \
             python3-matplotlib

.PHONY: all build run check bench bench-quick bench-build deps test-deps clean

all: build

deps:
	@build-aux/install-deps.sh $(BUILD_DEPS)

# The tests also load Debian's own /etc/libvirt/libvirtd.conf, and the QEMU
# tests boot Debian's cloud kernel: both come from packages that are
# downloaded (never installed) into build-aux/cache/ once.
test-deps: deps
	@build-aux/install-deps.sh $(TEST_DEPS)
	@build-aux/fetch-libvirtd-conf.sh build-aux/cache
	@build-aux/fetch-guest-kernel.sh build-aux/cache

# configure DIR OPTIONS: set up a build dir once, reconfigure on later runs.
# (meson configure prints every option when it changes one: keep it quiet.)
configure = if [ -f $(1)/build.ninja ]; then meson configure $(1) $(2) >/dev/null; \
            else meson setup $(1) $(2); fi

build: deps
	@$(call configure,$(BUILD),)
	ninja -C $(BUILD)

# vireod in the foreground on build/run/, with the test driver; it prints the
# virsh and vireo lines that reach it.
run: build
	@build-aux/install-deps.sh $(RUN_DEPS)
	@build-aux/run-vireod.sh $(BUILD)

# The suite runs three times: plain, under AddressSanitizer with
# UndefinedBehaviorSanitizer, and under ThreadSanitizer. Warnings are errors
# in all three.
check: test-deps
	@$(call configure,$(BUILD),-Dwerror=true)
	@$(call configure,$(SAN_BUILD),-Dwerror=true -Db_sanitize=address$(,)undefined -Db_lundef=false)
	@$(call configure,$(TSAN_BUILD),-Dwerror=true -Db_sanitize=thread -Db_lundef=false)
	ninja -C $(BUILD)
	ninja -C $(SAN_BUILD)
	ninja -C $(TSAN_BUILD)
	@status=0; \
	echo "== make check: plain build"; \
	meson test -C $(BUILD) --print-errorlogs || status=1; \
	echo "== make check: ASan + UBSan build"; \
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	meson test -C $(SAN_BUILD) --print-errorlogs || status=1; \
	echo "== make check: ThreadSanitizer build"; \
	TSAN_OPTIONS=halt_on_error=1 \
	meson test -C $(TSAN_BUILD) --print-errorlogs || status=1; \
	exit $$status

# Benchmarks: vireod, a private real libvirtd and an echo server side by
# side, as ratios, with a report and plots in bench/results/<time>/.
# Not part of check: timings are measurements, never pass/fail tests.
# bench runs every workload (under 30 minutes), bench-quick fewer points
# and rounds (under 3 minutes).
# The build may have been set up before libvirt-dev was installed: meson
# looks for it again only when asked to reconfigure, which is asked only
# then (bench-qemu, built with libvirt's client, is no target yet), as a
# reconfiguration costs seconds of every timed run.
bench-build: deps
	@build-aux/install-deps.sh $(BENCH_DEPS)
	@if [ ! -f $(BUILD)/build.ninja ]; then meson setup $(BUILD); \
	 elif ! ninja -C $(BUILD) -t query bench/bench-qemu >/dev/null 2>&1; then \
	   meson setup --reconfigure $(BUILD) >/dev/null; fi
	ninja -C $(BUILD)

bench: bench-build
	bench/run.sh $(BUILD) full

bench-quick: bench-build
	bench/run.sh $(BUILD) quick

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(TSAN_BUILD)

, := ,
