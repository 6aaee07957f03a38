# SPDX-License-Identifier: LGPL-2.1-or-later
# The two set-up commands of the README, plus build and clean. The real build
# is meson's; this file only installs what is missing and drives it.

BUILD      ?= build
SAN_BUILD  ?= build-sanitize
TSAN_BUILD ?= build-tsan
URI       ?= test:///default

BUILD_DEPS = gcc meson ninja-build pkg-config libuv1-dev libxml2-dev \
             libjson-c-dev libtirpc-dev rpcsvc-proto
TEST_DEPS  = python3 libvirt-clients

DEMO = list --all ; nodeinfo ; define tools/examples/demo.xml ; \
       start demo ; list --all ; suspend demo ; domstate demo --reason ; \
       resume demo ; dominfo demo ; destroy demo ; undefine demo ; list --all

.PHONY: all build run check deps test-deps clean

all: build

deps:
	@build-aux/install-deps.sh $(BUILD_DEPS)

test-deps: deps
	@build-aux/install-deps.sh $(TEST_DEPS)

# configure DIR OPTIONS: set up a build dir once, reconfigure on later runs.
# (meson configure prints every option when it changes one: keep it quiet.)
configure = if [ -f $(1)/build.ninja ]; then meson configure $(1) $(2) >/dev/null; \
            else meson setup $(1) $(2); fi

build: deps
	@$(call configure,$(BUILD),)
	ninja -C $(BUILD)

run: build
	@echo "== A scripted session against $(URI) (in-process test driver):"
	@echo "   $(BUILD)/tools/vireo -c $(URI) '$(DEMO)'"
	@$(BUILD)/tools/vireo -c $(URI) '$(DEMO)'

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

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(TSAN_BUILD)

, := ,
