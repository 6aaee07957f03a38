#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Build the QEMU tests' guest initramfs: an uncompressed newc cpio archive
# holding busybox-static with a link per applet, the modules of the guest
# kernel fetched by build-aux/fetch-guest-kernel.sh, /init and the power
# button's action. Uncompressed, because TCG would spend longer unpacking
# it than the kernel spends reading it. With DEPFILE, also writes a
# Makefile-style list of what the archive was built from, so that a kernel
# fetched anew rebuilds it.
#   make-initramfs.sh OUTPUT INIT POWER_BUTTON KERNEL_DIR [DEPFILE]
set -eu

out=$1
init=$2
power_button=$3
kernel_dir=$4
depfile=${5:-}

# Only the static busybox runs in a guest with no libraries.
busybox=/bin/busybox
if ! dpkg-query -W -f='${Status}' busybox-static 2> /dev/null |
        grep -q "install ok installed"; then
    echo "make-initramfs.sh: the guest needs busybox-static; run: make test-deps" >&2
    exit 1
fi
modules=$(ls "$kernel_dir"/modules/*.ko 2> /dev/null || true)
if [ ! -f "$kernel_dir/vmlinuz" ] || [ -z "$modules" ]; then
    echo "make-initramfs.sh: no guest kernel in $kernel_dir; run: make test-deps" >&2
    exit 1
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/proc" "$root/sys" "$root/dev" "$root/tmp" \
         "$root/root" "$root/lib/modules" "$root/etc/acpi/PWRF"
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
# shellcheck disable=SC2086 # one word per module path
cp $modules "$root/lib/modules/"
cp "$init" "$root/init"
cp "$power_button" "$root/etc/acpi/PWRF/00000080"
chmod 0755 "$root/init" "$root/etc/acpi/PWRF/00000080"

# Sorted names and one date make the archive the same on every build.
find "$root" -exec touch -h -d @0 {} +
(cd "$root" && find . | LC_ALL=C sort |
     "$busybox" cpio -o -H newc -R 0:0 2> /dev/null) > "$out.tmp"
mv "$out.tmp" "$out"

if [ -n "$depfile" ]; then
    # shellcheck disable=SC2086
    echo "$out: $busybox $init $power_button $kernel_dir/vmlinuz" $modules > "$depfile"
fi
