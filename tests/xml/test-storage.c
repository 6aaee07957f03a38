/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-storage.c: storage pool and volume documents (storage_xml.h), read
 * and written back. Each expected document is what libvirtd 9.0's test
 * driver dumps for the same input, with the numbers its test driver fills
 * in (a pool's 100 GiB, a volume's key and path) set as the driver sets
 * them; each refusal carries libvirtd's code and words.
 */
#include <stdlib.h>
#include <string.h>

#include "drivers/conf/storage_xml.h"
#include "tests/tap.h"

#define CAPACITY 107374182400ull

static const struct {
    const char *what;
    const char *in;
    const char *out;
} pools[] = {
    { "a netfs pool keeps its host's port, cleans its directory",
      "<pool type='netfs'><name>a</name>"
      "<uuid>7767060b-b768-4f23-9dd6-dd9781f79243</uuid><source>"
      "<host name='h' port='2049'/><dir path='/e//'/><format type='cifs'/>"
      "<vendor name='V'/><product name='P'/></source>"
      "<target><path>/a</path></target></pool>",
      "<pool type='netfs'>\n  <name>a</name>\n"
      "  <uuid>7767060b-b768-4f23-9dd6-dd9781f79243</uuid>\n"
      "  <capacity unit='bytes'>107374182400</capacity>\n"
      "  <allocation unit='bytes'>0</allocation>\n"
      "  <available unit='bytes'>107374182400</available>\n"
      "  <source>\n    <host name='h' port='2049'/>\n"
      "    <dir path='/e'/>\n    <format type='cifs'/>\n"
      "    <vendor name='V'/>\n    <product name='P'/>\n  </source>\n"
      "  <target>\n    <path>/a</path>\n  </target>\n</pool>\n" },
    { "a logical pool's target is /dev/ and its volume group",
      "<pool type='logical'><name>a</name>"
      "<uuid>a80974cf-3f12-4ab1-a61b-1d082d4371dd</uuid><source>"
      "<device path='/dev/sda1'/><device path='/dev/sdb1'/><name>vg</name>"
      "</source><target><path>/a</path></target></pool>",
      "<pool type='logical'>\n  <name>a</name>\n"
      "  <uuid>a80974cf-3f12-4ab1-a61b-1d082d4371dd</uuid>\n"
      "  <capacity unit='bytes'>107374182400</capacity>\n"
      "  <allocation unit='bytes'>0</allocation>\n"
      "  <available unit='bytes'>107374182400</available>\n"
      "  <source>\n    <device path='/dev/sda1'/>\n"
      "    <device path='/dev/sdb1'/>\n    <name>vg</name>\n"
      "    <format type='lvm2'/>\n  </source>\n"
      "  <target>\n    <path>/dev/vg</path>\n  </target>\n</pool>\n" },
    { "a dir pool's permissions leave out an owner of -1",
      "<pool type='dir'><name>a</name>"
      "<uuid>11480e90-5b27-43f3-951e-145f3dbfabfc</uuid>"
      "<target><path>/a//b/</path><permissions><mode>0755</mode>"
      "<owner>-1</owner><group>0</group></permissions></target>"
      "<capacity>5</capacity></pool>",
      "<pool type='dir'>\n  <name>a</name>\n"
      "  <uuid>11480e90-5b27-43f3-951e-145f3dbfabfc</uuid>\n"
      "  <capacity unit='bytes'>107374182400</capacity>\n"
      "  <allocation unit='bytes'>0</allocation>\n"
      "  <available unit='bytes'>107374182400</available>\n"
      "  <source>\n  </source>\n"
      "  <target>\n    <path>/a/b</path>\n    <permissions>\n"
      "      <mode>0755</mode>\n      <group>0</group>\n"
      "    </permissions>\n  </target>\n</pool>\n" },
    { "a scsi pool names its adapter",
      "<pool type='scsi'><name>s</name>"
      "<uuid>5f57dbcf-2305-4e7c-8351-cdddb6c0a320</uuid><source>"
      "<adapter type='scsi_host' name='host0'/></source>"
      "<target><path>/dev/disk/by-path</path></target></pool>",
      "<pool type='scsi'>\n  <name>s</name>\n"
      "  <uuid>5f57dbcf-2305-4e7c-8351-cdddb6c0a320</uuid>\n"
      "  <capacity unit='bytes'>107374182400</capacity>\n"
      "  <allocation unit='bytes'>0</allocation>\n"
      "  <available unit='bytes'>107374182400</available>\n"
      "  <source>\n    <adapter type='scsi_host' name='host0'/>\n"
      "  </source>\n"
      "  <target>\n    <path>/dev/disk/by-path</path>\n  </target>\n"
      "</pool>\n" },
};

static const struct {
    const char *in;
    int         code;
    const char *message;
} bad_pools[] = {
    { "<pool><name>a</name></pool>", VIR_ERR_XML_ERROR,
      "Missing required attribute 'type' in element 'pool'" },
    { "<pool type='bogus'><name>x</name></pool>", VIR_ERR_XML_ERROR,
      "Invalid value for attribute 'type' in element 'pool': 'bogus'." },
    { "<pol/>", VIR_ERR_XML_ERROR,
      "expecting root element of 'pool', not 'pol'" },
    { "<pool type='dir'><target><path>/x</path></target></pool>",
      VIR_ERR_XML_ERROR, "missing pool source name element" },
    { "<pool type='dir'><name>x</name></pool>", VIR_ERR_XML_ERROR,
      "missing storage pool target path" },
    { "<pool type='dir'><name>a/b</name></pool>", VIR_ERR_XML_ERROR,
      "name a/b cannot contain '/'" },
    { "<pool type='dir'><name>a</name><uuid>zz</uuid></pool>",
      VIR_ERR_XML_ERROR, "malformed uuid element" },
    { "<pool type='fs'><name>a</name></pool>", VIR_ERR_XML_ERROR,
      "missing storage pool source device name" },
    { "<pool type='netfs'><name>a</name></pool>", VIR_ERR_XML_ERROR,
      "missing storage pool source host name" },
    { "<pool type='netfs'><name>a</name><source><host name='h'/></source>"
      "</pool>", VIR_ERR_XML_ERROR, "missing storage pool source path" },
    { "<pool type='scsi'><name>a</name></pool>", VIR_ERR_XML_ERROR,
      "missing storage pool source adapter" },
    { "<pool type='fs'><name>a</name><source><device path='/d'/>"
      "<format type='bogus'/></source></pool>", VIR_ERR_CONFIG_UNSUPPORTED,
      "unknown pool format type bogus" },
    { "<pool type='dir'><name>x</name>\n<target><path>/x</path></targt>"
      "</pool>", VIR_ERR_XML_DETAIL,
      "(storage_pool_definition):2: Opening and ending tag mismatch: "
      "target line 2 and targt" },
};

static const char vol_in[] =
    "<volume type='file'><name>v2</name><key>ignored</key><source/>"
    "<capacity unit='G'>2</capacity><allocation>1024</allocation>"
    "<physical unit='KiB'>4</physical><target><path>/somewhere/else</path>"
    "<format type='qcow2'/><compat>1.1</compat>"
    "<features><lazy_refcounts/></features></target><backingStore>"
    "<path>/default-pool/base.img</path><format type='raw'/>"
    "<permissions><mode>0644</mode></permissions></backingStore></volume>";

static const char vol_out[] =
    "<volume type='file'>\n  <name>v2</name>\n"
    "  <key>/default-pool/v2</key>\n"
    "  <capacity unit='bytes'>2147483648</capacity>\n"
    "  <allocation unit='bytes'>1024</allocation>\n"
    "  <target>\n    <path>/default-pool/v2</path>\n"
    "    <format type='qcow2'/>\n    <compat>1.1</compat>\n"
    "    <features>\n      <lazy_refcounts/>\n    </features>\n"
    "  </target>\n  <backingStore>\n"
    "    <path>/default-pool/base.img</path>\n    <format type='raw'/>\n"
    "    <permissions>\n      <mode>0644</mode>\n    </permissions>\n"
    "  </backingStore>\n</volume>\n";

static const struct {
    const char *in;
    int         code;
    const char *message;
} bad_vols[] = {
    { "<volume><capacity>1</capacity></volume>", VIR_ERR_XML_ERROR,
      "missing volume name element" },
    { "<volume><name>v</name></volume>", VIR_ERR_XML_ERROR,
      "missing capacity element" },
    { "<volume><name>a</name><capacity>12x</capacity></volume>",
      VIR_ERR_XML_ERROR, "malformed capacity element" },
    { "<volume><name>a</name><capacity>-12</capacity></volume>",
      VIR_ERR_XML_ERROR, "malformed capacity element" },
    { "<volume><name>a</name><capacity>1</capacity><allocation>zz"
      "</allocation></volume>", VIR_ERR_XML_ERROR,
      "malformed capacity element" },
    { "<volume><name>a</name><capacity unit='Q'>12</capacity></volume>",
      VIR_ERR_INVALID_ARG, "unknown suffix 'Q'" },
    { "<volume type='bogus'><name>a</name><capacity>1</capacity></volume>",
      VIR_ERR_CONFIG_UNSUPPORTED, "unknown volume type 'bogus'" },
    { "<volume><name>a</name><capacity>1</capacity><target><format "
      "type='bogus'/></target></volume>", VIR_ERR_CONFIG_UNSUPPORTED,
      "unknown volume format type bogus" },
    { "<volume><name>a</name><capacity>12</capacity><target><permissions>"
      "<mode>999</mode></permissions></target></volume>", VIR_ERR_XML_ERROR,
      "malformed octal mode" },
    { "<vol/>", VIR_ERR_XML_ERROR,
      "expecting root element of 'volume', not 'vol'" },
};

/* err has code and its message says want (after libvirt's prefix). */
static bool
says(const struct vireo_error *err, int code, const char *want)
{
    return err->code == code && strstr(err->message, want) != NULL;
}

static void
test_pools(void)
{
    for (size_t i = 0; i < sizeof(pools) / sizeof(*pools); i++) {
        struct vireo_error err = { 0 };
        struct storage_pool_def *def = storage_pool_def_parse(pools[i].in,
                                                              &err);
        char *out = NULL;

        if (def != NULL) {
            def->capacity = def->available = CAPACITY;
            out = storage_pool_def_format(def);
        } else {
            tap_diag("%s", err.message);
        }
        tap_is_str(out, pools[i].out, "%s", pools[i].what);
        free(out);
        storage_pool_def_free(def);
    }
    for (size_t i = 0; i < sizeof(bad_pools) / sizeof(*bad_pools); i++) {
        struct vireo_error err = { 0 };
        struct storage_pool_def *def =
            storage_pool_def_parse(bad_pools[i].in, &err);

        if (!tap_ok(def == NULL && says(&err, bad_pools[i].code,
                                        bad_pools[i].message),
                    "a pool is refused: %s", bad_pools[i].message))
            tap_diag("got code %d '%s'", err.code, err.message);
        storage_pool_def_free(def);
    }
}

static void
test_volumes(void)
{
    struct vireo_error err = { 0 };
    struct storage_vol_def *def = storage_vol_def_parse(vol_in,
                                                        STORAGE_POOL_DIR,
                                                        &err);
    struct storage_vol_def *copy;
    char *out = NULL;

    if (def != NULL) {
        /* Where the test driver puts a volume of default-pool. */
        free(def->key);
        free(def->target.path);
        def->key = strdup("/default-pool/v2");
        def->target.path = strdup("/default-pool/v2");
    }
    copy = def != NULL ? storage_vol_def_copy(def) : NULL;
    out = copy != NULL ? storage_vol_def_format(copy, STORAGE_POOL_DIR)
                       : NULL;
    tap_is_str(out, vol_out, "a qcow2 volume with a backing store, "
               "copied, writes back as libvirt writes it");
    free(out);
    storage_vol_def_free(copy);
    storage_vol_def_free(def);
    def = storage_vol_def_parse("<volume><name>lv</name><capacity>1"
                                "</capacity><target><format type='qcow2'/>"
                                "</target></volume>", STORAGE_POOL_LOGICAL,
                                &err);
    out = def != NULL ? storage_vol_def_format(def, STORAGE_POOL_LOGICAL)
                      : NULL;
    tap_ok(out != NULL && strstr(out, "<format") == NULL &&
           strstr(out, "<allocation unit='bytes'>1</allocation>") != NULL,
           "a logical volume has no format, and its allocation is its "
           "capacity");
    free(out);
    storage_vol_def_free(def);
    for (size_t i = 0; i < sizeof(bad_vols) / sizeof(*bad_vols); i++) {
        memset(&err, 0, sizeof(err));
        def = storage_vol_def_parse(bad_vols[i].in, STORAGE_POOL_DIR, &err);
        if (!tap_ok(def == NULL && says(&err, bad_vols[i].code,
                                        bad_vols[i].message),
                    "a volume is refused: %s", bad_vols[i].message))
            tap_diag("got code %d '%s'", err.code, err.message);
        storage_vol_def_free(def);
    }
}

int
main(void)
{
    tap_plan((int)(sizeof(pools) / sizeof(*pools) +
                   sizeof(bad_pools) / sizeof(*bad_pools) + 2 +
                   sizeof(bad_vols) / sizeof(*bad_vols)));
    test_pools();
    test_volumes();
    return tap_done();
}
