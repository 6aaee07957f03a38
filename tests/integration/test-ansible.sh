#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-or-later
# test-ansible.sh: real Ansible (ansible-playbook, Debian's ansible with
# its community.libvirt collection) runs ansible/session.yml, the virt,
# virt_net and virt_pool modules' story, once against a private
# libvirtd (its test:///default, and its storage driver on
# qemu:///session) and once against vireod (test:///default, and its
# storage driver on qemu:///system). libvirtd's transcript
# (ansible/callback_plugins/transcript.py: each task's outcome and answer)
# is the expectation; vireod's must be the same once what legitimately
# differs is masked.
#
# Ansible reads and writes nothing outside this test's directory: its
# home, temporary directories and configuration are all under $DIR.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
. "$HERE/libvirtd.sh"

PLAYBOOK=$HERE/ansible/session.yml
COLLECTION=/usr/lib/python3/dist-packages/ansible_collections/community/libvirt
# Each ansible-playbook run took two to five minutes here, with the
# machine's load: bounded, but generously.
PLAYBOOK_TIMEOUT=900

command -v ansible-playbook > /dev/null ||
    fail_all "ansible-playbook is installed (Debian's ansible)"
[ -d "$COLLECTION" ] ||
    fail_all "Ansible's community.libvirt collection is installed"
[ "$(id -u)" -eq 0 ] || fail_all "the test runs as root (qemu:///system)"
# libvirtd runs as another user: it must reach its pool's directory.
chmod 0755 "$DIR"
mkdir -p "$DIR/v-pools" "$DIR/l-pools"
chmod 0777 "$DIR/l-pools"
daemon_start || fail_all "vireod starts"
libvirtd_start || fail_all "a private libvirtd runs: $LIBVIRTD_START_ERROR"
plan 10

# ansible_config: Ansible's whole world under $DIR/ansible: a config
# file of its own (so no ansible.cfg of the current directory or of
# /etc is read), its home, its temporary files, and the transcript
# callback as its stdout.
ansible_config() {
    local a=$DIR/ansible
    mkdir -p "$a/home" "$a/local-tmp" "$a/remote-tmp"
    cat > "$a/ansible.cfg" <<END
[defaults]
stdout_callback = transcript
callback_plugins = $HERE/ansible/callback_plugins
interpreter_python = /usr/bin/python3
retry_files_enabled = False
# One process less per task: the module's code goes to Python's stdin.
pipelining = True
nocolor = True
local_tmp = $a/local-tmp
remote_tmp = $a/remote-tmp
END
    ANSIBLE_ENV=(env HOME="$a/home" ANSIBLE_HOME="$a/home"
                 ANSIBLE_CONFIG="$a/ansible.cfg"
                 ANSIBLE_LOCAL_TEMP="$a/local-tmp"
                 ANSIBLE_REMOTE_TEMP="$a/remote-tmp" LC_ALL=C.UTF-8
                 PYTHONDONTWRITEBYTECODE=1)
}

# hold URI FIFO: a virsh that keeps a connection to URI open until FIFO
# is closed. Each module call opens and closes a connection of its own,
# and the test driver's state lives only while one is open, on libvirtd
# as on vireod. Its pid goes to HOLD_PIDS.
HOLD_PIDS=()
hold() {
    mkfifo "$2"
    timeout "$PLAYBOOK_TIMEOUT" virsh -c "$1" < "$2" > /dev/null 2>&1 &
    HOLD_PIDS+=($!)
}

# run_playbook TEST-URI STORAGE-URI POOL-ROOT NAME: the playbook against
# one daemon, its transcript in $DIR/NAME.out (stderr in NAME.err), with
# what legitimately differs masked: the daemon's URIs and pool directory,
# the test driver's CPU times (the wall clock), and, of the real pool,
# the sizes of its filesystem (which other processes change while the
# test runs) and its directory's owner (the daemon's user: libvirtd runs
# as nobody, vireod as root).
run_playbook() {
    local uri=$1 storage_uri=$2 pool_root=$3 name=$4 rc
    timeout "$PLAYBOOK_TIMEOUT" "${ANSIBLE_ENV[@]}" ansible-playbook \
        -i localhost, -e "uri=$uri" -e "storage_uri=$storage_uri" \
        -e "pool_root=$pool_root" "$PLAYBOOK" \
        > "$DIR/$name.raw" 2> "$DIR/$name.err"
    rc=$?
    echo "== ansible-playbook exit status: $rc" >> "$DIR/$name.raw"
    sed -e "s|$uri|URI|g" -e "s|$storage_uri|STORAGE-URI|g" \
        -e "s|$pool_root|POOL-ROOT|g" \
        -e 's|"cpuTime": "[0-9]*"|"cpuTime": "CPU-TIME"|' \
        "$DIR/$name.raw" | mask_real_pool > "$DIR/$name.out"
}

# mask_real_pool: the sizes and owner of the real pool (on POOL-ROOT), in
# its XML and in virt_pool's info; the test driver's fixed sizes stay.
mask_real_pool() {
    sed -E '/^== real /,/^== [^r]/{
        s/(unit=.bytes.>)[0-9]+</\1SIZE</g
        s/("size_[a-z]+": )"[0-9]+"/\1"SIZE"/
        s/<(owner|group)>[0-9]+</<\1>ID</g
    }'
}

ansible_config
# Both holds open first, so that neither daemon's state is reset while
# the other's playbook runs.
hold "$LIBVIRTD_URI" "$DIR/hold-libvirtd"
exec 8> "$DIR/hold-libvirtd"
hold "$URI" "$DIR/hold-vireod"
exec 9> "$DIR/hold-vireod"

run_playbook "$LIBVIRTD_URI" "$LIBVIRTD_QEMU_URI" "$DIR/l-pools" libvirtd
run_playbook "$URI" "qemu+unix:///system?socket=$DIR/run/vireo-sock" \
    "$DIR/v-pools" vireod
exec 8>&- 9>&-
for pid in "${HOLD_PIDS[@]}"; do wait "$pid" 2> /dev/null; done

WANT=$(cat "$DIR/libvirtd.out")
GOT=$(cat "$DIR/vireod.out")

# libvirtd's transcript checked on its own first: a playbook that never
# reached the daemon would make two equal, empty transcripts.
like "$WANT" '== virt list_vms: ok
{
 "changed": false,
 "list_vms": [
  "test"
 ]
}' "against libvirtd the playbook lists the test driver's domain"
like "$WANT" '== virt undefine ansible-vm: ok' \
     "against libvirtd a defined domain runs its whole life"
like "$WANT" "Requested operation is not valid: domain is not running" \
     "against libvirtd a domain's refusal is in libvirt's words"
like "$WANT" '"cpuTime": "CPU-TIME"' \
     "against libvirtd the CPU times are masked"
like "$WANT" '== virt_pool undefine ansible-pool: ok' \
     "against libvirtd a defined pool runs its whole life"
like "$WANT" '== real virt_pool delete ansible-dir: changed' \
     "against libvirtd's storage driver a dir pool is built and deleted"
like "$WANT" '== ansible-playbook exit status: 0' \
     "against libvirtd the playbook ran to its end"
grep -q '^== virt list_vms: ' "$DIR/vireod.out"
ok $? "against vireod the playbook ran"
grep -q '^== virt list_vms: ' "$DIR/vireod.out" || diag < "$DIR/vireod.err"
same_output "$WANT" "$GOT" \
    "vireod's transcript is libvirtd's, task by task"
# Under the sanitizers, a leak or a fault the playbook caused shows here.
daemon_stop
is "$DRC" 0 "vireod exits cleanly after the playbook"
done_testing
