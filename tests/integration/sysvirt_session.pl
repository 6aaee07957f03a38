#!/usr/bin/perl
# SPDX-License-Identifier: LGPL-2.1-or-later
# sysvirt_session.pl: what a Perl user does with Sys::Virt (Debian's
# libsys-virt-perl), against the test driver behind URI, printed as a
# transcript. test-sysvirt.sh runs it against vireod and against a private
# libvirtd and compares the two.
#
#   sysvirt_session.pl URI RO_URI [RO_SOCKET_URI]
#                                     the whole session; it ends with a
#                                     connection opened with readonly=>1
#                                     on RO_URI, and then one opened
#                                     without the flag on RO_SOCKET_URI (a
#                                     read-only socket) if given
#   sysvirt_session.pl act URI NAME   (run by the session itself) start,
#                                     pause, resume and stop domain NAME on
#                                     a connection of its own
#
# Only what legitimately varies between two daemons is masked here: the
# test driver's CPU times (its clock) and a snapshot's creation time.
use strict;
use warnings;
use POSIX ();
use Sys::Virt;
use Sys::Virt::Event;

# The test driver's own domain, as libvirt's test driver defines it.
my $TEST_UUID = '6695eb01-f6a4-8304-79aa-97f2502e193f';
# A domain of ours, with its uuid spelled out so that neither daemon makes
# one up.
my $PERL_UUID = '4d3c2b1a-1111-2222-3333-444455556666';
my $PERL_XML = <<"END";
<domain type='test'>
  <name>perl</name>
  <uuid>$PERL_UUID</uuid>
  <memory unit='KiB'>262144</memory>
  <currentMemory unit='KiB'>131072</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
</domain>
END
# How long to wait for events that the other process causes: never
# forever, and far longer than a loaded machine needs.
my $EVENT_WAIT_S = 60;

$| = 1;

# step LABEL CODE: run CODE, print "LABEL: " and what it returns (an
# object as its class), or the Sys::Virt::Error it raised as libvirt's
# code, domain and message.
sub step {
    my ($label, $code) = @_;
    my @got = eval { $code->() };
    if ($@) {
        print "$label: ", describe_error($@), "\n";
        return;
    }
    print "$label: ", join(' ', map { !defined $_ ? 'undef' : ref $_ ? 'a ' . ref $_ : $_ } @got),
        "\n";
    return wantarray ? @got : $got[0];
}

sub describe_error {
    my ($err) = @_;
    return "died: $err" unless ref $err && $err->isa('Sys::Virt::Error');
    return sprintf('error code=%d domain=%d message=%s',
                   $err->code, $err->domain, $err->message);
}

# hash_line HASHREF [MASKED_KEYS]: "k=v k=v" sorted by key, the keys in
# MASKED_KEYS shown as @N@ when they are a number.
sub hash_line {
    my ($h, @masked) = @_;
    my %mask = map { $_ => 1 } @masked;
    return join(' ', map {
        my $v = $h->{$_};
        $v = '@N@' if $mask{$_} && defined $v && $v =~ /^\d+$/;
        "$_=" . (defined $v ? $v : 'undef')
    } sort keys %$h);
}

# mask_snapshot_xml: a snapshot's creation time is the time it was taken.
sub mask_snapshot_xml {
    my ($xml) = @_;
    $xml =~ s{<creationTime>\d+</creationTime>}{<creationTime>\@TIME\@</creationTime>}g;
    return $xml;
}

sub names { return join(',', sort map { $_->get_name } @_) }

sub connection_facts {
    my ($conn) = @_;
    step('get_type', sub { $conn->get_type });
    step('get_hostname is the host name', sub {
        $conn->get_hostname eq hostname() ? 'yes' : 'no: ' . $conn->get_hostname });
    step('get_version', sub { $conn->get_version });
    step('get_node_info', sub { hash_line($conn->get_node_info) });
    step('get_capabilities', sub { "\n" . $conn->get_capabilities });
    step('is_alive', sub { $conn->is_alive });
}

sub hostname {
    chomp(my $h = `hostname`);
    return $h;
}

sub domain_lists {
    my ($conn, $when) = @_;
    step("$when: list_domains", sub { names($conn->list_domains) });
    step("$when: num_of_domains", sub { $conn->num_of_domains });
    step("$when: list_domain_ids", sub {
        join(',', sort $conn->list_domain_ids($conn->num_of_domains)) });
    step("$when: list_defined_domain_names", sub {
        join(',', sort $conn->list_defined_domain_names($conn->num_of_defined_domains)) });
    step("$when: list_all_domains", sub { names($conn->list_all_domains) });
    step("$when: list_all_domains active", sub {
        names($conn->list_all_domains(Sys::Virt::Domain::LIST_ACTIVE)) });
    step("$when: list_all_domains inactive", sub {
        names($conn->list_all_domains(Sys::Virt::Domain::LIST_INACTIVE)) });
}

sub lookups {
    my ($conn) = @_;
    step('get_domain_by_name test', sub {
        my $d = $conn->get_domain_by_name('test');
        ($d->get_name, $d->get_id, $d->get_uuid_string) });
    step('get_domain_by_id 1', sub { $conn->get_domain_by_id(1)->get_name });
    step('get_domain_by_uuid', sub { $conn->get_domain_by_uuid($TEST_UUID)->get_name });
    step('get_domain_by_uuid (raw bytes)', sub {
        my $raw = $conn->get_domain_by_name('test')->get_uuid;
        $conn->get_domain_by_uuid($raw)->get_uuid_string });
}

sub domain_facts {
    my ($dom, $when) = @_;
    step("$when: get_info", sub { hash_line($dom->get_info, 'cpuTime') });
    step("$when: get_state", sub { $dom->get_state });
    step("$when: is_active is_persistent", sub { ($dom->is_active, $dom->is_persistent) });
    step("$when: get_id", sub { $dom->get_id });
}

sub define_and_lifecycle {
    my ($conn) = @_;
    my $dom = step('define_domain', sub { $conn->define_domain($PERL_XML) });
    return unless $dom;
    step('defined: get_name get_uuid_string', sub { ($dom->get_name, $dom->get_uuid_string) });
    step('defined: get_xml_description', sub { "\n" . $dom->get_xml_description });
    domain_facts($dom, 'defined');
    domain_lists($conn, 'after define');
    step('create', sub { $dom->create; 'ok' });
    domain_facts($dom, 'created');
    step('created: get_xml_description', sub { "\n" . $dom->get_xml_description });
    step('suspend', sub { $dom->suspend; 'ok' });
    domain_facts($dom, 'suspended');
    step('resume', sub { $dom->resume; 'ok' });
    domain_facts($dom, 'resumed');
    section('tuning');
    tuning($dom);
    section('lifecycle, continued');
    step('shutdown', sub { $dom->shutdown; 'ok' });
    domain_facts($dom, 'shut down');
    step('create again', sub { $dom->create; 'ok' });
    step('destroy', sub { $dom->destroy; 'ok' });
    domain_facts($dom, 'destroyed');
    return $dom;
}

# vcpu_lines INFOS: one line per vCPU, its affinity as the bits of the
# host's CPUs, its CPU time (the test driver's clock) masked.
sub vcpu_lines {
    return map { hash_line({ %$_, affinity => unpack('b*', $_->{affinity}) }, 'cpuTime') } @_;
}

sub tuning {
    my ($dom) = @_;
    step('get_max_memory', sub { $dom->get_max_memory });
    step('set_memory 200000', sub { $dom->set_memory(200000); 'ok' });
    step('set_memory over the maximum', sub { $dom->set_memory(300000); 'ok' });
    step('after set_memory: get_info', sub { hash_line($dom->get_info, 'cpuTime') });
    step('get_max_vcpus', sub { $dom->get_max_vcpus });
    step('set_vcpus 1', sub { $dom->set_vcpus(1); 'ok' });
    step('set_vcpus 3 (over the maximum)', sub { $dom->set_vcpus(3); 'ok' });
    step('get_vcpus', sub { $dom->get_vcpus });
    step('get_vcpu_info', sub { vcpu_lines($dom->get_vcpu_info) });
    step('get_vcpu_info config', sub {
        vcpu_lines($dom->get_vcpu_info(Sys::Virt::Domain::AFFECT_CONFIG)) });
}

sub snapshots {
    my ($conn) = @_;
    my $dom = $conn->get_domain_by_name('test');
    step('num_of_snapshots', sub { $dom->num_of_snapshots });
    step('has_current_snapshot', sub { $dom->has_current_snapshot });
    my $snap = step('create_snapshot first', sub {
        $dom->create_snapshot("<domainsnapshot><name>first</name>"
                              . "<description>from perl</description></domainsnapshot>") });
    return unless $snap;
    step('snapshot: get_name', sub { $snap->get_name });
    step('snapshot: is_current has_metadata', sub { ($snap->is_current, $snap->has_metadata) });
    step('snapshot: get_xml_description', sub {
        "\n" . mask_snapshot_xml($snap->get_xml_description) });
    step('create_snapshot second', sub {
        $dom->create_snapshot("<domainsnapshot><name>second</name></domainsnapshot>")->get_name });
    step('list_snapshot_names', sub { sort $dom->list_snapshot_names($dom->num_of_snapshots) });
    step('list_all_snapshots', sub { names($dom->list_all_snapshots) });
    step('current_snapshot', sub { $dom->current_snapshot->get_name });
    step('second: get_parent', sub { $dom->get_snapshot_by_name('second')->get_parent->get_name });
    step('first: num_of_child_snapshots', sub { $snap->num_of_child_snapshots });
    step('first: list_child_snapshot_names', sub {
        $snap->list_child_snapshot_names($snap->num_of_child_snapshots) });
    step('get_snapshot_by_name missing', sub { $dom->get_snapshot_by_name('missing')->get_name });
    step('create_snapshot first again', sub {
        $dom->create_snapshot("<domainsnapshot><name>first</name></domainsnapshot>")->get_name });
    step('first: revert_to', sub { $snap->revert_to; 'ok' });
    step('after revert: current_snapshot', sub { $dom->current_snapshot->get_name });
    step('after revert: get_state', sub { $dom->get_state });
    step('second: delete', sub { $dom->get_snapshot_by_name('second')->delete; 'ok' });
    step('first: delete', sub { $snap->delete; 'ok' });
    step('after deletes: num_of_snapshots', sub { $dom->num_of_snapshots });
}

sub networks {
    my ($conn) = @_;
    step('list_networks', sub { names($conn->list_networks) });
    step('num_of_networks num_of_defined_networks', sub {
        ($conn->num_of_networks, $conn->num_of_defined_networks) });
    step('list_network_names', sub { $conn->list_network_names($conn->num_of_networks) });
    for my $net ($conn->list_all_networks) {
        my $name = $net->get_name;
        step("network $name: is_active is_persistent autostart", sub {
            ($net->is_active, $net->is_persistent, $net->get_autostart) });
        step("network $name: get_bridge_name", sub { $net->get_bridge_name });
        step("network $name: get_uuid_string", sub { $net->get_uuid_string });
        step("network $name: get_xml_description", sub { "\n" . $net->get_xml_description });
        step("network $name: by uuid", sub {
            $conn->get_network_by_uuid($net->get_uuid_string)->get_name });
    }
    step('get_network_by_name missing', sub { $conn->get_network_by_name('missing')->get_name });
}

sub storage_pools {
    my ($conn) = @_;
    step('list_storage_pools', sub { names($conn->list_storage_pools) });
    step('num_of_storage_pools num_of_defined_storage_pools', sub {
        ($conn->num_of_storage_pools, $conn->num_of_defined_storage_pools) });
    for my $pool ($conn->list_all_storage_pools) {
        my $name = $pool->get_name;
        step("pool $name: get_info", sub { hash_line($pool->get_info) });
        step("pool $name: is_active is_persistent autostart", sub {
            ($pool->is_active, $pool->is_persistent, $pool->get_autostart) });
        step("pool $name: get_uuid_string", sub { $pool->get_uuid_string });
        step("pool $name: get_xml_description", sub { "\n" . $pool->get_xml_description });
        step("pool $name: num_of_storage_volumes", sub { $pool->num_of_storage_volumes });
        step("pool $name: list_all_volumes", sub { names($pool->list_all_volumes) });
    }
    step('get_storage_pool_by_name missing', sub {
        $conn->get_storage_pool_by_name('missing')->get_name });
}

sub errors {
    my ($conn) = @_;
    step('get_domain_by_name unknown', sub { $conn->get_domain_by_name('no-such-domain') });
    step('get_domain_by_id unknown', sub { $conn->get_domain_by_id(4242) });
    step('get_domain_by_uuid unknown', sub {
        $conn->get_domain_by_uuid('00000000-1111-2222-3333-000000000000') });
    step('define_domain malformed XML', sub { $conn->define_domain('<domain type="test"><name>x') });
    step('define_domain without a name', sub {
        $conn->define_domain("<domain type='test'><memory>1024</memory></domain>") });
    step('define_domain unknown type', sub {
        $conn->define_domain("<domain type='nosuch'><name>x</name><memory>1024</memory></domain>") });
    my $test = $conn->get_domain_by_name('test');
    step('resume a running domain', sub { $test->resume; 'ok' });
    step('create a running domain', sub { $test->create; 'ok' });
    my $perl = $conn->get_domain_by_name('perl');
    step('suspend a shut off domain', sub { $perl->suspend; 'ok' });
    step('destroy a shut off domain', sub { $perl->destroy; 'ok' });
    step('shutdown a shut off domain', sub { $perl->shutdown; 'ok' });
    step('get_vcpu_info of a shut off domain', sub {
        vcpu_lines($perl->get_vcpu_info) });
    step('Sys::Virt::Error stringify', sub {
        eval { $conn->get_domain_by_name('no-such-domain') };
        $@->stringify });
}

# wait_events SEEN N: run the default loop until N events are in SEEN, or
# until $EVENT_WAIT_S seconds have passed (a timer wakes it every 100 ms).
sub wait_events {
    my ($seen, $n) = @_;
    my $deadline = time + $EVENT_WAIT_S;
    my $timer = Sys::Virt::Event::add_timeout(100, sub { });
    Sys::Virt::Event::run_default() while @$seen < $n && time < $deadline;
    Sys::Virt::Event::remove_timeout($timer);
}

# run_for_ms MS: run the default loop for about MS milliseconds.
sub run_for_ms {
    my ($ms) = @_;
    my $done = 0;
    my $timer = Sys::Virt::Event::add_timeout($ms, sub { $done = 1 });
    Sys::Virt::Event::run_default() until $done;
    Sys::Virt::Event::remove_timeout($timer);
}

# events_session URI: on a connection of its own, a second process
# starts, pauses, resumes and stops the domain perl while this one sits in
# run_default, and the LIFECYCLE callback's calls are printed; after
# deregistering, an action on the domain calls it no more.
sub events_session {
    my ($uri) = @_;
    my $conn = Sys::Virt->new(uri => $uri);
    my @seen;
    my $id = eval {
        $conn->domain_event_register_any(
            undef, Sys::Virt::Domain::EVENT_ID_LIFECYCLE,
            sub {
                my ($c, $dom, $event, $detail) = @_;
                push @seen, sprintf('%s event=%d detail=%d', $dom->get_name, $event, $detail);
            });
    };
    if ($@) {
        print "domain_event_register_any LIFECYCLE: ", describe_error($@), "\n";
        return;
    }
    print "domain_event_register_any LIFECYCLE: ",
        ($id =~ /^\d+$/ ? 'a callback id' : $id), "\n";
    my $pid = fork // die "fork: $!";
    if ($pid == 0) {
        # Never exit: that would close the connections this process
        # inherited, which are its parent's.
        exec($^X, $0, 'act', $uri, 'perl') or POSIX::_exit(127);
    }
    wait_events(\@seen, 4);
    waitpid($pid, 0);
    print "the other process: exit status ", $? >> 8, "\n";
    print "lifecycle event: $_\n" for @seen;
    step('domain_event_deregister_any', sub { $conn->domain_event_deregister_any($id); 'ok' });
    @seen = ();
    step('after deregister: create and destroy perl', sub {
        my $d = $conn->get_domain_by_name('perl');
        $d->create;
        $d->destroy;
        'ok' });
    run_for_ms(500);
    print "after deregister: events seen: ", scalar @seen, "\n";
    step('domain_event_deregister_any again', sub {
        $conn->domain_event_deregister_any($id); 'ok' });
}

# act URI NAME: the other process of the events session.
sub act {
    my ($uri, $name) = @_;
    my $conn = Sys::Virt->new(uri => $uri);
    my $dom = $conn->get_domain_by_name($name);
    $dom->create;
    $dom->suspend;
    $dom->resume;
    $dom->destroy;
    exit 0;
}

# read_only URI FLAG: a connection that may only read, opened with
# readonly=>FLAG: reads succeed, writes are refused.
sub read_only {
    my ($ro_uri, $flag) = @_;
    my $conn = step('read-only: Sys::Virt->new', sub {
        Sys::Virt->new(uri => $ro_uri, readonly => $flag) });
    return unless $conn;
    step('read-only: list_all_domains', sub { names($conn->list_all_domains) });
    step('read-only: get_info test', sub {
        hash_line($conn->get_domain_by_name('test')->get_info, 'cpuTime') });
    step('read-only: get_state test', sub { $conn->get_domain_by_name('test')->get_state });
    step('read-only: suspend test', sub { $conn->get_domain_by_name('test')->suspend; 'ok' });
    step('read-only: destroy test', sub { $conn->get_domain_by_name('test')->destroy; 'ok' });
    step('read-only: define_domain', sub { $conn->define_domain($PERL_XML)->get_name });
    step('read-only: set_memory test', sub {
        $conn->get_domain_by_name('test')->set_memory(1024); 'ok' });
    step('read-only: get_xml_description secure', sub {
        "\n" . $conn->get_domain_by_name('test')->get_xml_description(Sys::Virt::Domain::XML_SECURE) });
    step('read-only: after the refusals: get_state test', sub {
        $conn->get_domain_by_name('test')->get_state });
}

# section NAME: a heading; test-sysvirt.sh compares the transcripts
# section by section.
sub section { print "== $_[0]\n" }

sub session {
    my ($uri, $ro_uri, $ro_socket_uri) = @_;
    Sys::Virt::Event::register_default();
    section('connection');
    my $conn = step('Sys::Virt->new', sub { Sys::Virt->new(uri => $uri) });
    exit 1 unless $conn;
    connection_facts($conn);
    section('lists');
    domain_lists($conn, 'at start');
    section('lookups');
    lookups($conn);
    domain_facts($conn->get_domain_by_name('test'), 'test');
    step('test: get_xml_description', sub {
        "\n" . $conn->get_domain_by_name('test')->get_xml_description });
    section('lifecycle');
    define_and_lifecycle($conn);
    section('snapshots');
    snapshots($conn);
    section('networks');
    networks($conn);
    section('pools');
    storage_pools($conn);
    section('errors');
    errors($conn);
    section('events');
    events_session($uri);
    section('end');
    step('undefine perl', sub { $conn->get_domain_by_name('perl')->undefine; 'ok' });
    step('undefine perl again', sub { $conn->get_domain_by_name('perl')->undefine; 'ok' });
    domain_lists($conn, 'at end');
    section('read-only');
    read_only($ro_uri, 1);
    return unless defined $ro_socket_uri;
    section('read-only socket');
    read_only($ro_socket_uri, 0);
}

if (@ARGV == 3 && $ARGV[0] eq 'act') {
    act($ARGV[1], $ARGV[2]);
} elsif (@ARGV == 2 || @ARGV == 3) {
    session(@ARGV);
} else {
    die "usage: $0 URI RO_URI [RO_SOCKET_URI] | $0 act URI NAME\n";
}
