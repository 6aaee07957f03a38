// SPDX-License-Identifier: LGPL-2.1-or-later
//
// go_libvirt_session.go: a session of a Go user of go-libvirt
// (github.com/digitalocean/go-libvirt, a pure-Go implementation of
// libvirt's remote protocol, not libvirt's own client) against the
// daemon listening on the UNIX socket given as argument, on
// test:///default. It prints a transcript: every answer, every error as
// go-libvirt's Error (libvirt's code and message), and the lifecycle
// events its two event APIs deliver while another connection changes
// domains. test-go-libvirt.sh runs it against libvirtd and vireod and
// compares the two transcripts.
//
//	go_libvirt_session SOCKET
package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	libvirt "github.com/digitalocean/go-libvirt"
	"github.com/digitalocean/go-libvirt/socket/dialers"
)

// A slow machine delays an event, never loses one: wait long for each
// event expected, briefly for one that must not come.
const (
	eventTimeout   = 30 * time.Second
	noEventTimeout = 500 * time.Millisecond
)

// The domain the session defines, with its own uuid so that both daemons
// print the same one.
const guestXML = `<domain type='test'>
  <name>golv</name>
  <uuid>2b1f6a5e-6d0a-4c8e-9a57-0e6f3c1d2a44</uuid>
  <memory unit='KiB'>131072</memory>
  <currentMemory unit='KiB'>65536</currentMemory>
  <vcpu>2</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
</domain>
`

// A second domain, defined and undefined by the other connection while
// events are watched.
const otherXML = `<domain type='test'>
  <name>golv-other</name>
  <uuid>7c0a3e91-1f42-4b6d-8e25-5a9d0c4b3f17</uuid>
  <memory unit='KiB'>65536</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
</domain>
`

// libvirt's names of the lifecycle events (virDomainEventType).
var eventNames = []string{"defined", "undefined", "started", "suspended",
	"resumed", "stopped", "shutdown", "pmsuspended", "crashed"}

// libvirt's names of the domain states (virDomainState).
var stateNames = []string{"no state", "running", "blocked", "paused",
	"shutdown", "shut off", "crashed", "pmsuspended"}

func say(format string, args ...interface{}) {
	fmt.Printf(format+"\n", args...)
}

// failed prints what an error says, as a Go user sees it: libvirt's
// code and message in go-libvirt's Error, else go-libvirt's own error.
func failed(what string, err error) {
	if e, ok := err.(libvirt.Error); ok {
		say("%s: error %d: %s", what, e.Code, e.Message)
		return
	}
	say("%s: go-libvirt error: %v", what, err)
}

// check prints what succeeded, or the error: true when it succeeded.
func check(what string, err error) bool {
	if err != nil {
		failed(what, err)
		return false
	}
	say("%s: ok", what)
	return true
}

func uuidString(u libvirt.UUID) string {
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10],
		u[10:16])
}

func name(names []string, n int) string {
	if n >= 0 && n < len(names) {
		return names[n]
	}
	return fmt.Sprintf("unknown %d", n)
}

func connect(sock string) (*libvirt.Libvirt, error) {
	l := libvirt.NewWithDialer(dialers.NewLocal(dialers.WithSocket(sock)))
	return l, l.ConnectToURI(libvirt.TestDefault)
}

// show returns what prints an answer or its error, so that a call's
// results go straight in: show("hostname")(l.ConnectGetHostname()).
func show(what string) func(interface{}, error) {
	return func(v interface{}, err error) {
		if err != nil {
			failed(what, err)
			return
		}
		say("%s: %v", what, v)
	}
}

func host(l *libvirt.Libvirt) {
	show("hostname")(l.ConnectGetHostname())
	show("type")(l.ConnectGetType())
	show("uri")(l.ConnectGetUri())
	show("hypervisor version")(l.ConnectGetVersion())
	show("library version")(l.ConnectGetLibVersion())
	show("max vcpus")(l.ConnectGetMaxVcpus(libvirt.OptString{"test"}))
	show("free memory")(l.NodeGetFreeMemory())
	show("capabilities")(l.ConnectGetCapabilities())
	model, mem, cpus, mhz, nodes, sockets, cores, threads, err := l.NodeGetInfo()
	if err != nil {
		failed("node info", err)
		return
	}
	say("node info: model %s, memory %d KiB, %d cpus at %d MHz, %d nodes,"+
		" %d sockets, %d cores, %d threads", cString(model[:]), mem, cpus, mhz,
		nodes, sockets, cores, threads)
}

func listDomains(l *libvirt.Libvirt, what string,
	flags libvirt.ConnectListAllDomainsFlags) {
	doms, n, err := l.ConnectListAllDomains(1, flags)
	if err != nil {
		failed(what, err)
		return
	}
	say("%s: %d", what, n)
	for _, d := range doms {
		say("  %d %s %s", d.ID, d.Name, uuidString(d.UUID))
	}
}

func state(l *libvirt.Libvirt, d libvirt.Domain) {
	s, reason, err := l.DomainGetState(d, 0)
	if err != nil {
		failed("state of "+d.Name, err)
		return
	}
	say("state of %s: %s (reason %d)", d.Name, name(stateNames, int(s)),
		reason)
}

// info prints virDomainGetInfo's answer; the CPU time is the test
// driver's clock, which the comparison masks.
func info(l *libvirt.Libvirt, d libvirt.Domain) {
	s, maxMem, mem, vcpus, cpuTime, err := l.DomainGetInfo(d)
	if err != nil {
		failed("info of "+d.Name, err)
		return
	}
	say("info of %s: state %s, max memory %d KiB, memory %d KiB,"+
		" %d vcpus, cpu time %d ns", d.Name, name(stateNames, int(s)),
		maxMem, mem, vcpus, cpuTime)
}

func xml(l *libvirt.Libvirt, d libvirt.Domain, flags libvirt.DomainXMLFlags) {
	x, err := l.DomainGetXMLDesc(d, flags)
	if err != nil {
		failed("xml of "+d.Name, err)
		return
	}
	say("xml of %s (flags %d):\n%s", d.Name, flags, strings.TrimRight(x, "\n"))
}

func lookup(l *libvirt.Libvirt, n string) (libvirt.Domain, bool) {
	d, err := l.DomainLookupByName(n)
	if err != nil {
		failed("lookup "+n, err)
		say("lookup %s: not found: %v", n, libvirt.IsNotFound(err))
		return d, false
	}
	say("lookup %s: id %d, uuid %s", d.Name, d.ID, uuidString(d.UUID))
	return d, true
}

// stats prints virConnectGetAllDomainStats's typed parameters sorted by
// name within each domain, as a Go exporter reads them.
func stats(l *libvirt.Libvirt, groups uint32) {
	recs, err := l.ConnectGetAllDomainStats(nil, groups, 0)
	if err != nil {
		failed(fmt.Sprintf("all domain stats (groups %#x)", groups), err)
		return
	}
	for _, r := range recs {
		say("stats of %s (groups %#x): %d values", r.Dom.Name, groups,
			len(r.Params))
		params := r.Params
		sort.SliceStable(params, func(i, j int) bool {
			return params[i].Field < params[j].Field
		})
		for _, p := range params {
			say("  %s (type %d) = %v", p.Field, p.Value.D, p.Value.I)
		}
	}
}

func domainsSeen(l *libvirt.Libvirt) {
	listDomains(l, "all domains", 0)
	listDomains(l, "active domains", libvirt.ConnectListDomainsActive)
	listDomains(l, "inactive domains", libvirt.ConnectListDomainsInactive)
	d, ok := lookup(l, "test")
	if !ok {
		return
	}
	state(l, d)
	info(l, d)
	show("autostart of test")(l.DomainGetAutostart(d))
	show("test is active")(l.DomainIsActive(d))
	show("test is persistent")(l.DomainIsPersistent(d))
	xml(l, d, 0)
	scheduler, nparams, err := l.DomainGetSchedulerType(d)
	if err == nil {
		say("scheduler of test: %s, %d parameters", scheduler, nparams)
	} else {
		failed("scheduler of test", err)
	}
	if byUUID, err := l.DomainLookupByUUID(d.UUID); err == nil {
		say("lookup by uuid: %s, id %d", byUUID.Name, byUUID.ID)
	} else {
		failed("lookup by uuid", err)
	}
	// 0 is every group the driver has; 0x3f names state, cpu-total,
	// balloon, vcpu, interface and block.
	stats(l, 0)
	stats(l, 0x3f)
}

// lifecycle defines a domain and walks it through libvirt's states,
// printing its state after each step.
func lifecycle(l *libvirt.Libvirt) {
	d, err := l.DomainDefineXML(guestXML)
	if err != nil {
		failed("define golv", err)
		return
	}
	say("define golv: %s, id %d, uuid %s", d.Name, d.ID, uuidString(d.UUID))
	state(l, d)
	xml(l, d, libvirt.DomainXMLInactive)
	steps := []struct {
		what string
		do   func(libvirt.Domain) error
	}{
		{"create", l.DomainCreate},
		{"suspend", l.DomainSuspend},
		{"resume", l.DomainResume},
		{"shutdown", l.DomainShutdown},
		{"create again", l.DomainCreate},
		{"destroy", l.DomainDestroy},
	}
	for _, s := range steps {
		check(s.what+" golv", s.do(d))
		if d2, err := l.DomainLookupByName("golv"); err == nil {
			d = d2
			say("golv now has id %d", d.ID)
		}
		state(l, d)
	}
	info(l, d)
	check("set autostart of golv", l.DomainSetAutostart(d, 1))
	show("autostart of golv")(l.DomainGetAutostart(d))
	check("undefine golv", l.DomainUndefine(d))
	lookup(l, "golv")
}

func networks(l *libvirt.Libvirt) {
	nets, n, err := l.ConnectListAllNetworks(1, 0)
	if err != nil {
		failed("networks", err)
		return
	}
	say("networks: %d", n)
	for _, net := range nets {
		say("  %s %s", net.Name, uuidString(net.UUID))
		show("  " + net.Name + " is active")(l.NetworkIsActive(net))
		show("  autostart of " + net.Name)(l.NetworkGetAutostart(net))
		show("  xml of network " + net.Name)(l.NetworkGetXMLDesc(net, 0))
	}
}

func pools(l *libvirt.Libvirt) {
	list, n, err := l.ConnectListAllStoragePools(1, 0)
	if err != nil {
		failed("storage pools", err)
		return
	}
	say("storage pools: %d", n)
	for _, p := range list {
		st, capacity, alloc, avail, err := l.StoragePoolGetInfo(p)
		if err != nil {
			failed("pool "+p.Name, err)
			continue
		}
		say("  %s %s state %d capacity %d allocation %d available %d",
			p.Name, uuidString(p.UUID), st, capacity, alloc, avail)
		show("  xml of pool " + p.Name)(l.StoragePoolGetXMLDesc(p, 0))
		volumes(l, p)
	}
}

func volumes(l *libvirt.Libvirt, p libvirt.StoragePool) {
	vols, n, err := l.StoragePoolListAllVolumes(p, 1, 0)
	if err != nil {
		failed("  volumes of "+p.Name, err)
		return
	}
	say("  volumes of %s: %d", p.Name, n)
	for _, v := range vols {
		t, capacity, alloc, err := l.StorageVolGetInfo(v)
		if err != nil {
			failed("    volume "+v.Name, err)
			continue
		}
		say("    %s %s type %d capacity %d allocation %d", v.Name, v.Key,
			t, capacity, alloc)
	}
}

// others lists the host's other objects by name.
func others(l *libvirt.Libvirt) {
	ifaces, n, err := l.ConnectListAllInterfaces(1, 0)
	show("interfaces")(n, err)
	for _, i := range ifaces {
		say("  %s %s", i.Name, i.Mac)
	}
	// libvirtd lists node devices in its hash table's order, which
	// libvirt does not promise: a Go user sorts them, as virsh does.
	devs, n, err := l.ConnectListAllNodeDevices(1, 0)
	show("node devices")(n, err)
	sort.Slice(devs, func(i, j int) bool { return devs[i].Name < devs[j].Name })
	for _, dev := range devs {
		say("  %s", dev.Name)
	}
	_, n, err = l.ConnectListAllSecrets(1, 0)
	show("secrets")(n, err)
	filters, n, err := l.ConnectListAllNwfilters(1, 0)
	show("network filters")(n, err)
	for _, f := range filters {
		say("  %s", f.Name)
	}
}

// mistakes makes the calls a Go user gets wrong, and prints libvirt's
// answers to them.
func mistakes(l *libvirt.Libvirt) {
	lookup(l, "no-such-domain")
	_, err := l.DomainLookupByUUID(libvirt.UUID{1, 2, 3})
	failed("lookup by unknown uuid", err)
	_, err = l.DomainDefineXML("<domain type='test'><name>broken</name>")
	failed("define malformed xml", err)
	_, err = l.DomainDefineXML("<domain type='test'></domain>")
	failed("define xml without a name", err)
	d, ok := lookup(l, "test")
	if !ok {
		return
	}
	failed("resume running test", l.DomainResume(d))
	failed("create running test", l.DomainCreate(d))
	check("destroy test", l.DomainDestroy(d))
	failed("suspend inactive test", l.DomainSuspend(d))
	failed("shutdown inactive test", l.DomainShutdown(d))
	failed("destroy inactive test", l.DomainDestroy(d))
	check("create test", l.DomainCreate(d))
	ghost := libvirt.Domain{Name: "ghost", UUID: libvirt.UUID{9}, ID: 42}
	failed("state of a domain never defined", func() error {
		_, _, err := l.DomainGetState(ghost, 0)
		return err
	}())
	failed("deregister an unknown event callback",
		l.ConnectDomainEventCallbackDeregisterAny(4242))
	_, err = l.DomainLookupByID(4242)
	failed("lookup an unknown id", err)
	_, err = l.NetworkLookupByName("no-such-net")
	failed("lookup an unknown network", err)
	_, err = l.StoragePoolLookupByName("no-such-pool")
	failed("lookup an unknown pool", err)
	_, err = l.StorageVolLookupByPath("/no/such/volume")
	failed("lookup an unknown volume path", err)
	_, err = l.NetworkDefineXML("<network><name>broken</network>")
	failed("define a malformed network", err)
	failed("send keys of an unknown codeset", l.DomainSendKey(d, 4242, 0,
		[]uint32{1}, 0))
}

// tuning changes what a running domain's user may change, and reads it
// back: metadata, memory, vCPUs, and a snapshot's round trip.
func tuning(l *libvirt.Libvirt) {
	d, ok := lookup(l, "test")
	if !ok {
		return
	}
	const uri = "http://example.org/go-libvirt"
	check("set metadata of test", l.DomainSetMetadata(d,
		int32(libvirt.DomainMetadataElement),
		libvirt.OptString{"<app>go</app>"}, libvirt.OptString{"go"},
		libvirt.OptString{uri}, libvirt.DomainAffectLive))
	show("metadata of test")(l.DomainGetMetadata(d,
		int32(libvirt.DomainMetadataElement), libvirt.OptString{uri},
		libvirt.DomainAffectLive))
	show("metadata of another namespace")(l.DomainGetMetadata(d,
		int32(libvirt.DomainMetadataElement),
		libvirt.OptString{"http://example.org/none"},
		libvirt.DomainAffectLive))
	memStats, err := l.DomainMemoryStats(d, 16, 0)
	if err != nil {
		failed("memory stats of test", err)
	}
	for _, m := range memStats {
		say("memory stat %d: %d", m.Tag, m.Val)
	}
	check("set memory of test to 1 GiB", l.DomainSetMemoryFlags(d,
		1048576, uint32(libvirt.DomainAffectLive)))
	check("set memory of test past its maximum", l.DomainSetMemoryFlags(d,
		1<<40, uint32(libvirt.DomainAffectLive)))
	show("vcpus of test")(l.DomainGetVcpusFlags(d,
		uint32(libvirt.DomainAffectLive)))
	check("set vcpus of test to 1", l.DomainSetVcpusFlags(d, 1,
		uint32(libvirt.DomainAffectLive)))
	show("vcpus of test now")(l.DomainGetVcpusFlags(d,
		uint32(libvirt.DomainAffectLive)))
	info(l, d)
	snapshots(l, d)
}

func snapshots(l *libvirt.Libvirt, d libvirt.Domain) {
	snap, err := l.DomainSnapshotCreateXML(d,
		"<domainsnapshot><name>go-snap</name></domainsnapshot>", 0)
	if !check("snapshot test", err) {
		return
	}
	say("snapshot: %s of %s", snap.Name, snap.Dom.Name)
	list, n, err := l.DomainListAllSnapshots(d, 1, 0)
	if err != nil {
		failed("snapshots of test", err)
	}
	say("snapshots of test: %d", n)
	for _, sn := range list {
		say("  %s", sn.Name)
	}
	if cur, err := l.DomainSnapshotCurrent(d, 0); err == nil {
		say("current snapshot: %s", cur.Name)
	} else {
		failed("current snapshot", err)
	}
	_, err = l.DomainSnapshotCreateXML(d, "<domainsnapshot><name>go-snap"+
		"</name></domainsnapshot>", 0)
	failed("snapshot test again under the same name", err)
	check("delete the snapshot", l.DomainSnapshotDelete(snap, 0))
	failed("delete it again", l.DomainSnapshotDelete(snap, 0))
}

// guestCalls: more of what a Go user asks of a domain: its disk, job,
// security label, scheduler, managed save, a transient domain, a rename.
func guestCalls(l *libvirt.Libvirt) {
	d, ok := lookup(l, "test")
	if !ok {
		return
	}
	alloc, capacity, physical, err := l.DomainGetBlockInfo(d, "vda", 0)
	if err == nil {
		say("block info of vda: allocation %d, capacity %d, physical %d",
			alloc, capacity, physical)
	} else {
		failed("block info of vda", err)
	}
	_, _, _, err = l.DomainGetBlockInfo(d, "vdz", 0)
	failed("block info of a disk test lacks", err)
	jobType, _, _, _, _, _, _, _, _, _, _, _, err := l.DomainGetJobInfo(d)
	show("job type of test")(jobType, err)
	label, enforcing, err := l.DomainGetSecurityLabel(d)
	if err == nil {
		say("security label of test: %q, enforcing %d", cString(label),
			enforcing)
	} else {
		failed("security label of test", err)
	}
	params, err := l.DomainGetSchedulerParameters(d, 1)
	if err != nil {
		failed("scheduler parameters of test", err)
	}
	for _, p := range params {
		say("scheduler parameter %s = %v", p.Field, p.Value.I)
	}
	show("hostname of test")(l.DomainGetHostname(d, 0))
	check("inject an NMI into test", l.DomainInjectNmi(d, 0))
	check("send ctrl-alt-del to test", l.DomainSendKey(d, 0, 0,
		[]uint32{29, 56, 111}, 0))
	ctlState, ctlDetails, _, err := l.DomainGetControlInfo(d, 0)
	if err == nil {
		say("control info of test: state %d, details %d", ctlState,
			ctlDetails)
	} else {
		failed("control info of test", err)
	}
	diskErrors, nErrors, err := l.DomainGetDiskErrors(d, 4, 0)
	if err == nil {
		say("disk errors of test: %d %v", nErrors, diskErrors)
	} else {
		failed("disk errors of test", err)
	}
	failed("abort a job test is not running", l.DomainAbortJob(d))
	check("managed save of test", l.DomainManagedSave(d, 0))
	state(l, d)
	show("test has a managed save image")(l.DomainHasManagedSaveImage(d, 0))
	check("start test from its image", l.DomainCreate(d))
	state(l, d)
	show("test has a managed save image now")(
		l.DomainHasManagedSaveImage(d, 0))
	transient(l)
}

func transient(l *libvirt.Libvirt) {
	t, err := l.DomainCreateXML(strings.Replace(guestXML, "golv", "golv-t",
		1), 0)
	if !check("create transient golv-t", err) {
		return
	}
	say("golv-t has id %d", t.ID)
	show("golv-t is persistent")(l.DomainIsPersistent(t))
	check("autostart of transient golv-t", l.DomainSetAutostart(t, 1))
	show("autostart of golv-t")(l.DomainGetAutostart(t))
	failed("undefine transient golv-t", l.DomainUndefine(t))
	show("rename golv-t")(l.DomainRename(t, libvirt.OptString{"golv-u"}, 0))
	check("destroy golv-t", l.DomainDestroy(t))
	lookup(l, "golv-t")
}

func cString(b []int8) string {
	var sb strings.Builder
	for _, c := range b {
		if c == 0 {
			break
		}
		sb.WriteByte(byte(c))
	}
	return sb.String()
}

// paramsGetter is libvirt's two-step getter of typed parameters: with
// nparams 0 it answers how many there are, else the list.
type paramsGetter func(nparams int32, flags uint32) ([]libvirt.TypedParam,
	int32, error)

// twoSteps asks as a Go user does: how many, then that many, with flags
// (0, as go-libvirt passes them, then VIR_TYPED_PARAM_STRING_OKAY, as
// libvirt's own clients always do).
func twoSteps(what string, get paramsGetter) {
	for _, flags := range []uint32{0, uint32(libvirt.TypedParamStringOkay)} {
		_, n, err := get(0, flags)
		if err != nil {
			failed(what, err)
			return
		}
		params, nRet, err := get(n, flags)
		if err != nil {
			failed(what, err)
			return
		}
		say("%s (flags %d): %d announced, %d sent, nparams %d", what,
			flags, n, len(params), nRet)
		for _, p := range params {
			say("  %s (type %d) = %v", p.Field, p.Value.D, p.Value.I)
		}
	}
}

func typedParams(l *libvirt.Libvirt) {
	d, ok := lookup(l, "test")
	if !ok {
		return
	}
	twoSteps("memory parameters", func(n int32, f uint32) (
		[]libvirt.TypedParam, int32, error) {
		return l.DomainGetMemoryParameters(d, n, f)
	})
	twoSteps("numa parameters", func(n int32, f uint32) (
		[]libvirt.TypedParam, int32, error) {
		return l.DomainGetNumaParameters(d, n, f)
	})
	twoSteps("blkio parameters", func(n int32, f uint32) (
		[]libvirt.TypedParam, int32, error) {
		return l.DomainGetBlkioParameters(d, n, f)
	})
	twoSteps("io tune of vda", func(n int32, f uint32) (
		[]libvirt.TypedParam, int32, error) {
		return l.DomainGetBlockIOTune(d, libvirt.OptString{"vda"}, n, f)
	})
	twoSteps("interface parameters of testnet0", func(n int32, f uint32) (
		[]libvirt.TypedParam, int32, error) {
		return l.DomainGetInterfaceParameters(d, "testnet0", n,
			libvirt.DomainModificationImpact(f))
	})
}

// changeDomains: what the other connection does while events are
// watched.
func changeDomains(other *libvirt.Libvirt) {
	d, err := other.DomainLookupByName("test")
	if err != nil {
		failed("other: lookup test", err)
		return
	}
	check("other: suspend test", other.DomainSuspend(d))
	check("other: resume test", other.DomainResume(d))
	check("other: destroy test", other.DomainDestroy(d))
	check("other: create test", other.DomainCreate(d))
	o, err := other.DomainDefineXML(otherXML)
	if check("other: define golv-other", err) {
		check("other: undefine golv-other", other.DomainUndefine(o))
	}
}

const eventsExpected = 6

func lifecycleLine(api string, m libvirt.DomainEventLifecycleMsg) {
	say("%s event: %s %s detail %d", api, m.Dom.Name,
		name(eventNames, int(m.Event)), m.Detail)
}

// readLifecycle reads the events expected from LifecycleEvents' channel,
// then makes sure no other comes.
func readLifecycle(ch <-chan libvirt.DomainEventLifecycleMsg) {
	for i := 0; i < eventsExpected; i++ {
		select {
		case m := <-ch:
			lifecycleLine("LifecycleEvents", m)
		case <-time.After(eventTimeout):
			say("LifecycleEvents: no event within %v", eventTimeout)
			return
		}
	}
	select {
	case m := <-ch:
		lifecycleLine("LifecycleEvents: one too many", m)
	case <-time.After(noEventTimeout):
	}
}

// readSubscribed reads SubscribeEvents' channel likewise.
func readSubscribed(ch <-chan interface{}) {
	for i := 0; i < eventsExpected; i++ {
		select {
		case e := <-ch:
			m, ok := e.(*libvirt.DomainEventCallbackLifecycleMsg)
			if !ok {
				say("SubscribeEvents event: unexpected %T", e)
				continue
			}
			lifecycleLine("SubscribeEvents", m.Msg)
		case <-time.After(eventTimeout):
			say("SubscribeEvents: no event within %v", eventTimeout)
			return
		}
	}
	select {
	case e := <-ch:
		say("SubscribeEvents: one too many: %v", e)
	case <-time.After(noEventTimeout):
	}
}

// drain waits until an event channel is closed, which go-libvirt does
// just before it deregisters the callback with the daemon.
func drain(what string, done <-chan struct{}) {
	select {
	case <-done:
		say("%s: channel closed", what)
	case <-time.After(eventTimeout):
		say("%s: channel still open after %v", what, eventTimeout)
	}
}

// subscribe registers for an event id through SubscribeEvents.
func subscribe(what string, l *libvirt.Libvirt, ctx context.Context,
	id libvirt.DomainEventID) (<-chan interface{}, bool) {
	ch, err := l.SubscribeEvents(ctx, id, libvirt.OptDomain{})
	return ch, check(what, err)
}

// events watches lifecycle events through both of go-libvirt's APIs, on
// two connections (one connection may register an event id only once),
// while a third connection, other, changes domains.
func events(l, watcher, other *libvirt.Libvirt) {
	ctx1, cancel1 := context.WithCancel(context.Background())
	defer cancel1()
	life, err := l.LifecycleEvents(ctx1)
	if !check("LifecycleEvents", err) {
		return
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	subscribe("SubscribeEvents lifecycle on the same connection", l, ctx2,
		libvirt.DomainEventIDLifecycle)
	sub, ok := subscribe("SubscribeEvents lifecycle on another connection",
		watcher, ctx2, libvirt.DomainEventIDLifecycle)
	if !ok {
		return
	}
	changeDomains(other)
	readLifecycle(life)
	readSubscribed(sub)
	cancel1()
	cancel2()
	drain("LifecycleEvents", closed(life))
	drain("SubscribeEvents", closedAny(sub))
	deregisterTwice(watcher)
}

// deregisterTwice registers a callback by hand and deregisters it twice:
// the second is the daemon's to refuse. (Not one of SubscribeEvents':
// go-libvirt deregisters those itself, after closing their channel, so a
// second deregistration would race with its first.) The daemon's callback
// numbering shows in its words, and is masked.
func deregisterTwice(l *libvirt.Libvirt) {
	id, err := l.ConnectDomainEventCallbackRegisterAny(
		int32(libvirt.DomainEventIDReboot), nil)
	if !check("register a reboot callback by hand", err) {
		return
	}
	check("deregister it", l.ConnectDomainEventCallbackDeregisterAny(id))
	err = l.ConnectDomainEventCallbackDeregisterAny(id)
	if e, ok := err.(libvirt.Error); ok {
		say("deregister it again: error %d: %s", e.Code,
			strings.ReplaceAll(e.Message, fmt.Sprint(id), "ID"))
		return
	}
	failed("deregister it again", err)
}

// otherEvents: an event of another id through SubscribeEvents, while the
// other connection changes a domain's metadata. (Not a reboot: libvirt's
// test driver sends no reboot event, where vireo's does, as a real
// hypervisor would.)
func otherEvents(watcher, other *libvirt.Libvirt) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes, ok := subscribe("SubscribeEvents metadata change", watcher,
		ctx, libvirt.DomainEventIDMetadataChange)
	d, err := other.DomainLookupByName("test")
	if !ok || err != nil {
		return
	}
	check("other: set metadata of test", other.DomainSetMetadata(d,
		int32(libvirt.DomainMetadataElement),
		libvirt.OptString{"<app>other</app>"}, libvirt.OptString{"o"},
		libvirt.OptString{"http://example.org/other"},
		libvirt.DomainAffectLive))
	check("other: remove that metadata", other.DomainSetMetadata(d,
		int32(libvirt.DomainMetadataElement), nil, nil,
		libvirt.OptString{"http://example.org/other"},
		libvirt.DomainAffectLive))
	readOne("metadata change", changes)
	readOne("metadata change", changes)
	cancel()
	drain("SubscribeEvents metadata change", closedAny(changes))
}

// readOne prints the next event of ch, as a Go user reads its fields.
func readOne(what string, ch <-chan interface{}) {
	select {
	case e := <-ch:
		if m, ok := e.(*libvirt.DomainEventCallbackMetadataChangeMsg); ok {
			say("%s event: %s type %d namespace %v", what, m.Dom.Name,
				m.Type, m.Nsuri)
		} else {
			say("%s event: unexpected %T", what, e)
		}
	case <-time.After(eventTimeout):
		say("%s: no event within %v", what, eventTimeout)
	}
}

func closed(ch <-chan libvirt.DomainEventLifecycleMsg) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		for range ch {
		}
		close(done)
	}()
	return done
}

func closedAny(ch <-chan interface{}) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		for range ch {
		}
		close(done)
	}()
	return done
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go_libvirt_session SOCKET")
		os.Exit(2)
	}
	l, err := connect(os.Args[1])
	if !check("connect to test:///default", err) {
		os.Exit(1)
	}
	watcher, err := connect(os.Args[1])
	if !check("a second connection, to watch events", err) {
		os.Exit(1)
	}
	other, err := connect(os.Args[1])
	if !check("a third connection, to change domains", err) {
		os.Exit(1)
	}
	sections := []struct {
		name string
		run  func()
	}{
		{"host", func() { host(l) }},
		{"domains", func() { domainsSeen(l) }},
		{"lifecycle", func() { lifecycle(l) }},
		{"networks and pools", func() { networks(l); pools(l); others(l) }},
		{"errors", func() { mistakes(l) }},
		{"tuning and snapshots", func() { tuning(l) }},
		{"guest calls", func() { guestCalls(l) }},
		{"typed parameters", func() { typedParams(l) }},
		{"events", func() { events(l, watcher, other) }},
		{"other events", func() { otherEvents(watcher, other) }},
	}
	for _, sec := range sections {
		say("== %s", sec.name)
		sec.run()
	}
	say("== end")
	listDomains(l, "all domains at the end", 0)
	check("disconnect the third connection", other.Disconnect())
	check("disconnect the second connection", watcher.Disconnect())
	check("disconnect", l.Disconnect())
	say("connected after disconnect: %v", l.IsConnected())
}
