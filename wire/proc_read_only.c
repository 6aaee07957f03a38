/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * proc_read_only.c: the procedures whose libvirt API refuses a read-only
 * connection before it reaches a driver, as libvirtd 9.0 answers them: a
 * call of each, with arguments that decode, on a connection opened with
 * VIR_CONNECT_RO, gets "operation forbidden: read only access prevents
 * <API>". Most change something; a few only read what a read-only user
 * must not see (virNodeGetSEVInfo, virDomainBlockPeek, ...). The API's
 * name is in proc_names.c, beside each number here.
 */
#include <stdbool.h>
#include <stdio.h>

#include "wire/frame.h"
#include "wire/proc_names.h"
#include "wire/proc_read_only.h"
#include "wire/procs.h"

static const bool remote_refused[WIRE_PROC_MAX + 1] = {
    [8] = true,     /* virDomainAttachDevice */
    [9] = true,     /* virDomainCreate */
    [10] = true,    /* virDomainCreateXML */
    [11] = true,    /* virDomainDefineXML */
    [12] = true,    /* virDomainDestroy */
    [13] = true,    /* virDomainDetachDevice */
    [26] = true,    /* virDomainPinVcpu */
    [27] = true,    /* virDomainReboot */
    [28] = true,    /* virDomainResume */
    [29] = true,    /* virDomainSetAutostart */
    [30] = true,    /* virDomainSetMaxMemory */
    [31] = true,    /* virDomainSetMemory */
    [32] = true,    /* virDomainSetVcpus */
    [33] = true,    /* virDomainShutdown */
    [34] = true,    /* virDomainSuspend */
    [35] = true,    /* virDomainUndefine */
    [39] = true,    /* virNetworkCreate */
    [40] = true,    /* virNetworkCreateXML */
    [41] = true,    /* virNetworkDefineXML */
    [42] = true,    /* virNetworkDestroy */
    [48] = true,    /* virNetworkSetAutostart */
    [49] = true,    /* virNetworkUndefine */
    [53] = true,    /* virDomainCoreDump */
    [54] = true,    /* virDomainRestore */
    [55] = true,    /* virDomainSave */
    [58] = true,    /* virDomainSetSchedulerParameters */
    [61] = true,    /* virDomainMigratePrepare */
    [62] = true,    /* virDomainMigratePerform */
    [63] = true,    /* virDomainMigrateFinish */
    [75] = true,    /* virConnectFindStoragePoolSources */
    [76] = true,    /* virStoragePoolCreateXML */
    [77] = true,    /* virStoragePoolDefineXML */
    [78] = true,    /* virStoragePoolCreate */
    [79] = true,    /* virStoragePoolBuild */
    [80] = true,    /* virStoragePoolDestroy */
    [81] = true,    /* virStoragePoolDelete */
    [82] = true,    /* virStoragePoolUndefine */
    [83] = true,    /* virStoragePoolRefresh */
    [90] = true,    /* virStoragePoolSetAutostart */
    [93] = true,    /* virStorageVolCreateXML */
    [94] = true,    /* virStorageVolDelete */
    [103] = true,   /* virDomainBlockPeek */
    [104] = true,   /* virDomainMemoryPeek */
    [108] = true,   /* virDomainMigratePrepare2 */
    [109] = true,   /* virDomainMigrateFinish2 */
    [118] = true,   /* virNodeDeviceDettach */
    [119] = true,   /* virNodeDeviceReAttach */
    [120] = true,   /* virNodeDeviceReset */
    [123] = true,   /* virNodeDeviceCreateXML */
    [124] = true,   /* virNodeDeviceDestroy */
    [125] = true,   /* virStorageVolCreateXMLFrom */
    [131] = true,   /* virInterfaceDefineXML */
    [132] = true,   /* virInterfaceUndefine */
    [133] = true,   /* virInterfaceCreate */
    [134] = true,   /* virInterfaceDestroy */
    [135] = true,   /* virConnectDomainXMLFromNative */
    [136] = true,   /* virConnectDomainXMLToNative */
    [142] = true,   /* virSecretDefineXML */
    [144] = true,   /* virSecretSetValue */
    [145] = true,   /* virSecretGetValue */
    [146] = true,   /* virSecretUndefine */
    [148] = true,   /* virDomainMigratePrepareTunnel */
    [160] = true,   /* virDomainAttachDeviceFlags */
    [161] = true,   /* virDomainDetachDeviceFlags */
    [164] = true,   /* virDomainAbortJob */
    [165] = true,   /* virStorageVolWipe */
    [166] = true,   /* virDomainMigrateSetMaxDowntime */
    [174] = true,   /* virDomainUpdateDeviceFlags */
    [180] = true,   /* virNWFilterDefineXML */
    [181] = true,   /* virNWFilterUndefine */
    [182] = true,   /* virDomainManagedSave */
    [184] = true,   /* virDomainManagedSaveRemove */
    [185] = true,   /* virDomainSnapshotCreateXML */
    [192] = true,   /* virDomainRevertToSnapshot */
    [193] = true,   /* virDomainSnapshotDelete */
    [196] = true,   /* virDomainCreateWithFlags */
    [197] = true,   /* virDomainSetMemoryParameters */
    [199] = true,   /* virDomainSetVcpusFlags */
    [201] = true,   /* virDomainOpenConsole */
    [204] = true,   /* virDomainSetMemoryFlags */
    [205] = true,   /* virDomainSetBlkioParameters */
    [207] = true,   /* virDomainMigrateSetMaxSpeed */
    [208] = true,   /* virStorageVolUpload */
    [209] = true,   /* virStorageVolDownload */
    [210] = true,   /* virDomainInjectNMI */
    [211] = true,   /* virDomainScreenshot */
    [213] = true,   /* virDomainMigrateBegin3 */
    [214] = true,   /* virDomainMigratePrepare3 */
    [215] = true,   /* virDomainMigratePrepareTunnel3 */
    [216] = true,   /* virDomainMigratePerform3 */
    [217] = true,   /* virDomainMigrateFinish3 */
    [218] = true,   /* virDomainMigrateConfirm3 */
    [219] = true,   /* virDomainSetSchedulerParametersFlags */
    [220] = true,   /* virInterfaceChangeBegin */
    [221] = true,   /* virInterfaceChangeCommit */
    [222] = true,   /* virInterfaceChangeRollback */
    [225] = true,   /* virDomainPinVcpuFlags */
    [226] = true,   /* virDomainSendKey */
    [231] = true,   /* virDomainUndefineFlags */
    [232] = true,   /* virDomainSaveFlags */
    [233] = true,   /* virDomainRestoreFlags */
    [234] = true,   /* virDomainDestroyFlags */
    [235] = true,   /* virDomainSaveImageGetXMLDesc */
    [236] = true,   /* virDomainSaveImageDefineXML */
    [237] = true,   /* virDomainBlockJobAbort */
    [239] = true,   /* virDomainBlockJobSetSpeed */
    [240] = true,   /* virDomainBlockPull */
    [242] = true,   /* virDomainMigrateGetMaxSpeed */
    [245] = true,   /* virDomainReset */
    [249] = true,   /* virDomainOpenGraphics */
    [250] = true,   /* virNodeSuspendForDuration */
    [251] = true,   /* virDomainBlockResize */
    [252] = true,   /* virDomainSetBlockIoTune */
    [254] = true,   /* virDomainSetNumaParameters */
    [256] = true,   /* virDomainSetInterfaceParameters */
    [258] = true,   /* virDomainShutdownFlags */
    [259] = true,   /* virStorageVolWipePattern */
    [260] = true,   /* virStorageVolResize */
    [261] = true,   /* virDomainPMSuspendForDuration */
    [264] = true,   /* virDomainSetMetadata */
    [266] = true,   /* virDomainBlockRebase */
    [267] = true,   /* virDomainPMWakeup */
    [277] = true,   /* virDomainGetHostname */
    [279] = true,   /* virDomainPinEmulator */
    [288] = true,   /* virNodeSetMemoryParameters */
    [290] = true,   /* virDomainBlockCommit */
    [291] = true,   /* virNetworkUpdate */
    [294] = true,   /* virDomainFSTrim */
    [295] = true,   /* virDomainSendProcessSignal */
    [296] = true,   /* virDomainOpenChannel */
    [300] = true,   /* virDomainMigrateSetCompressionCache */
    [301] = true,   /* virNodeDeviceDetachFlags */
    [302] = true,   /* virDomainMigrateBegin3Params */
    [303] = true,   /* virDomainMigratePrepare3Params */
    [304] = true,   /* virDomainMigratePrepareTunnel3Params */
    [305] = true,   /* virDomainMigratePerform3Params */
    [306] = true,   /* virDomainMigrateFinish3Params */
    [307] = true,   /* virDomainMigrateConfirm3Params */
    [308] = true,   /* virDomainSetMemoryStatsPeriod */
    [309] = true,   /* virDomainCreateXMLWithFiles */
    [310] = true,   /* virDomainCreateWithFiles */
    [334] = true,   /* virDomainCoreDumpWithFormat */
    [335] = true,   /* virDomainFSFreeze */
    [336] = true,   /* virDomainFSThaw */
    [337] = true,   /* virDomainGetTime */
    [338] = true,   /* virDomainSetTime */
    [342] = true,   /* virConnectGetDomainCapabilities */
    [343] = true,   /* virDomainOpenGraphicsFD */
    [345] = true,   /* virDomainBlockCopy */
    [347] = true,   /* virNodeAllocPages */
    [349] = true,   /* virDomainGetFSInfo */
    [350] = true,   /* virDomainDefineXMLFlags */
    [352] = true,   /* virDomainPinIOThread */
    [355] = true,   /* virDomainAddIOThread */
    [356] = true,   /* virDomainDelIOThread */
    [357] = true,   /* virDomainSetUserPassword */
    [358] = true,   /* virDomainRename */
    [364] = true,   /* virDomainMigrateStartPostCopy */
    [366] = true,   /* virDomainSetPerfEvents */
    [371] = true,   /* virDomainGetGuestVcpus */
    [372] = true,   /* virDomainSetGuestVcpus */
    [384] = true,   /* virDomainSetVcpu */
    [386] = true,   /* virDomainSetBlockThreshold */
    [389] = true,   /* virDomainManagedSaveDefineXML */
    [390] = true,   /* virDomainSetLifecycleAction */
    [392] = true,   /* virDomainDetachDeviceAlias */
    [393] = true,   /* virConnectCompareHypervisorCPU */
    [395] = true,   /* virNodeGetSEVInfo */
    [396] = true,   /* virDomainGetLaunchSecurityInfo */
    [399] = true,   /* virNWFilterBindingCreateXML */
    [400] = true,   /* virNWFilterBindingDelete */
    [402] = true,   /* virDomainSetIOThreadParams */
    [406] = true,   /* virNetworkPortCreateXML */
    [408] = true,   /* virNetworkPortSetParameters */
    [410] = true,   /* virNetworkPortDelete */
    [411] = true,   /* virDomainCheckpointCreateXML */
    [417] = true,   /* virDomainCheckpointDelete */
    [418] = true,   /* virDomainGetGuestInfo */
    [420] = true,   /* virDomainAgentSetResponseTimeout */
    [421] = true,   /* virDomainBackupBegin */
    [424] = true,   /* virDomainAuthorizedSSHKeysGet */
    [425] = true,   /* virDomainAuthorizedSSHKeysSet */
    [427] = true,   /* virDomainStartDirtyRateCalc */
    [428] = true,   /* virNodeDeviceDefineXML */
    [429] = true,   /* virNodeDeviceUndefine */
    [430] = true,   /* virNodeDeviceCreate */
    [431] = true,   /* virNWFilterDefineXMLFlags */
    [432] = true,   /* virNetworkDefineXMLFlags */
    [433] = true,   /* virNodeDeviceGetAutostart */
    [434] = true,   /* virNodeDeviceSetAutostart */
    [437] = true,   /* virNetworkCreateXMLFlags */
    [439] = true,   /* virDomainSetLaunchSecurityState */
    [440] = true,   /* virDomainSaveParams */
    [441] = true,   /* virDomainRestoreParams */
    [442] = true,   /* virDomainAbortJobFlags */
    [443] = true,   /* virDomainFDAssociate */
};

/* libvirt's QEMU program: 1 ... 7 (the LXC program's one call,
 * virDomainLxcOpenNamespace, is refused too). */
static const bool qemu_refused[] = {
    [1] = true,     /* virDomainQemuMonitorCommand */
    [2] = true,     /* virDomainQemuAttach */
    [3] = true,     /* virDomainQemuAgentCommand */
    [4] = true,     /* virConnectDomainQemuMonitorEventRegister */
    [7] = true,     /* virDomainQemuMonitorCommandWithFiles */
};

bool
wire_proc_refuses_read_only(uint32_t prog, int number)
{
    size_t n_qemu = sizeof(qemu_refused) / sizeof(qemu_refused[0]);

    if (number < 0)
        return false;
    if (prog == WIRE_REMOTE_PROGRAM)
        return number <= WIRE_PROC_MAX && remote_refused[number];
    if (prog == WIRE_QEMU_PROGRAM)
        return (size_t)number < n_qemu && qemu_refused[number];
    return prog == WIRE_LXC_PROGRAM && number == 1;
}

int
wire_error_read_only_in(struct vireo_error *err, uint32_t prog, int number)
{
    int domain;
    const char *api = wire_proc_api_name_in(prog, number, &domain);

    if (api == NULL || !wire_proc_refuses_read_only(prog, number))
        return 0;
    err->code = VIR_ERR_OPERATION_DENIED;
    err->domain = domain;
    snprintf(err->message, sizeof(err->message),
             "operation forbidden: read only access prevents %s", api);
    return -1;
}
