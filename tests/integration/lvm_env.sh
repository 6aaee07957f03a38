# SPDX-License-Identifier: LGPL-2.1-or-later
# shellcheck shell=bash
# lvm_env.sh: an LVM configuration of a test's own, for the tests of
# logical pools (test-storage-lvm.sh, test-storage-lvm-sources.sh),
# which run the real LVM tools on loop devices of their own with
# LVM_SYSTEM_DIR pointing at it. Sourced.
#
# This machine's kernel has no device-mapper, so no logical volume can
# be activated: the configuration says `activation = 0`, and LVM then
# writes and reads its metadata for real and never asks the kernel for
# a mapping. Its filters let LVM see the test's devices and nothing
# else, so nothing here reads or writes any other disk of the host;
# nothing is backed up into /etc/lvm, no hints go to /run/lvm.

# lvm_conf DIR DEVICE...: DIR/lvm.conf, with which LVM sees those
# devices only, and DIR/lock, its lock directory. libvirtd runs as
# nobody: the lock directory is its to use (the devices are made so by
# the caller).
lvm_conf() {
    local conf=$1 accept="" dev
    shift
    for dev in "$@"; do
        accept+="\"a|^$dev\$|\", "
    done
    mkdir -p "$conf/lock"
    cat > "$conf/lvm.conf" <<END
devices {
    filter = [ $accept"r|.*|" ]
    global_filter = [ $accept"r|.*|" ]
    scan = [ "/dev" ]
    obtain_device_list_from_udev = 0
    external_device_info_source = "none"
    use_devicesfile = 0
    hints = "none"
}
global {
    activation = 0
    locking_dir = "$conf/lock"
    system_id_source = "none"
    use_lvmlockd = 0
    event_activation = 0
}
activation {
    udev_sync = 0
    udev_rules = 0
    monitoring = 0
}
backup {
    backup = 0
    archive = 0
}
END
    chown -R nobody "$conf/lock"
    chmod 0755 "$conf"
}
