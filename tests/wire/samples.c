/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * samples.c: one or more sample payloads for every non-empty payload of
 * every procedure in wire/procs.c, written from the spec's tables (and its
 * hex wherever it shows some). test-roundtrip checks that the table covers
 * them all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/wire/samples.h"
#include "wire/frame.h"

/* "test", id 1 (spec §3.3) and "vm2", inactive (spec §5.7). */
#define UUID         "6695eb01 f6a48304 79aa97f2 502e193f"
#define DOM          "00000004 74657374 " UUID " 00000001 "
#define DOM_OFF      "00000003 766d3200 9a6543f9 d5ee489b b6f4b55a 178abeee ffffffff "
#define NSTR_XML     "00000006 3c646f6d 2f3e0000 "          /* "<dom/>" */
#define NSTR_HVM     "00000003 68766d00 "                   /* "hvm" */
#define Z4           "00000000 00000000 00000000 00000000 "
#define ONE          "00000001 "
#define ZERO         "00000000 "

const struct sample samples[] = {
    /* §5.1 */
    { 1, SAMPLE_ARGS, "00000001 0000000f 74657374 3a2f2f2f 64656661 756c7400 00000000" },
    { 1, SAMPLE_ARGS, ZERO "00000001" },                    /* NULL name, read-only */
    { 3, SAMPLE_RET, "00000004 54455354" },
    { 4, SAMPLE_RET, "00000000 00000002" },
    { 157, SAMPLE_RET, "00000000 00895440" },               /* 9.0.0, spec §5.1 */
    { 59, SAMPLE_RET, "00000004 686f7374" },
    { 110, SAMPLE_RET, "0000000f 74657374 3a2f2f2f 64656661 756c7400" },
    { 5, SAMPLE_ARGS, ZERO },                               /* getMaxVcpus(None) */
    { 5, SAMPLE_ARGS, ONE "00000003 6b766d00" },
    { 5, SAMPLE_RET, "00000010" },
    { 7, SAMPLE_RET, "0000000f 3c636170 6162696c 69746965 732f3e00" },
    { 203, SAMPLE_ARGS, ZERO },
    { 203, SAMPLE_RET, "0000000a 3c737973 696e666f 2f3e0000" },
    { 6, SAMPLE_RET, "00000069 00000036 00000038 00000036 " Z4 Z4 Z4 Z4 Z4 Z4 Z4
                     "00000000 00300000 00000010 00000af0 00000001 00000002 "
                     "00000004 00000002" },
    { 122, SAMPLE_RET, "00000001 00000000 00000001 00000000" },   /* no model */
    { 122, SAMPLE_RET, "00000008 00000073 00000065 0000006c 00000069 0000006e "
                       "00000075 00000078 00000000 00000002 00000030 00000000" },
    { 60, SAMPLE_ARGS, "0000000a" },
    { 60, SAMPLE_RET, ONE },
    { 66, SAMPLE_RET, "00000001 00000000" },
    { 66, SAMPLE_RET, ZERO },
    { 149, SAMPLE_RET, ONE },
    /* §5.2 */
    { 51, SAMPLE_RET, "00000002" },
    { 37, SAMPLE_ARGS, "00000010" },
    { 37, SAMPLE_RET, "00000002 00000001 00000002" },
    { 25, SAMPLE_RET, ONE },
    { 21, SAMPLE_ARGS, "00000010" },
    { 21, SAMPLE_RET, "00000001 00000003 766d3200" },
    { 273, SAMPLE_ARGS, "00000001 00000003" },
    { 273, SAMPLE_RET, "00000002 " DOM DOM_OFF "00000002" },
    { 273, SAMPLE_RET, ZERO "00000005" },                   /* count only */
    { 344, SAMPLE_ARGS, ZERO "0000000f 00000000" },
    { 344, SAMPLE_ARGS, ONE DOM "00000001 00000000" },
    { 344, SAMPLE_RET, "00000001 " DOM "00000002 "           /* spec §3.5 */
                       "0000000b 73746174 652e7374 61746500 00000001 00000001 "
                       "0000000c 73746174 652e7265 61736f6e 00000001 00000000" },
    { 344, SAMPLE_RET, "00000001 " DOM "00000007 "           /* every type */
                       "00000001 61000000 00000001 ffffffff "
                       "00000001 62000000 00000002 ffffffff "
                       "00000001 63000000 00000003 80000000 00000000 "
                       "00000001 64000000 00000004 ffffffff ffffffff "
                       "00000001 65000000 00000005 3ff80000 00000000 "
                       "00000001 66000000 00000006 00000001 "
                       "00000001 67000000 00000007 00000002 6f6b0000" },
    /* §5.3 */
    { 10, SAMPLE_ARGS, NSTR_XML ZERO },
    { 10, SAMPLE_RET, DOM },
    { 11, SAMPLE_ARGS, NSTR_XML },
    { 11, SAMPLE_RET, DOM_OFF },
    { 350, SAMPLE_ARGS, NSTR_XML ONE },
    { 350, SAMPLE_RET, DOM_OFF },
    { 35, SAMPLE_ARGS, DOM_OFF },
    { 231, SAMPLE_ARGS, DOM_OFF ZERO },
    { 9, SAMPLE_ARGS, DOM_OFF },
    { 196, SAMPLE_ARGS, DOM_OFF ONE },
    { 196, SAMPLE_RET, DOM },
    { 12, SAMPLE_ARGS, DOM },
    { 234, SAMPLE_ARGS, DOM ONE },
    { 33, SAMPLE_ARGS, DOM },
    { 258, SAMPLE_ARGS, DOM ONE },
    { 27, SAMPLE_ARGS, DOM ZERO },
    { 245, SAMPLE_ARGS, DOM ZERO },
    { 34, SAMPLE_ARGS, DOM },
    { 28, SAMPLE_ARGS, DOM },
    { 29, SAMPLE_ARGS, DOM ONE },
    /* §5.4, §5.5 */
    { 22, SAMPLE_ARGS, ONE },
    { 22, SAMPLE_RET, DOM },
    { 23, SAMPLE_ARGS, "00000004 74657374" },
    { 23, SAMPLE_RET, DOM },
    { 24, SAMPLE_ARGS, UUID },
    { 24, SAMPLE_RET, DOM },
    { 16, SAMPLE_ARGS, DOM },
    { 16, SAMPLE_RET, "00000001 00000000 00800000 00000000 00200000 00000002 "
                      "18eb0ee0 9acd1b98" },                 /* spec §7.3 */
    { 212, SAMPLE_ARGS, DOM ZERO },
    { 212, SAMPLE_RET, "00000005 00000002" },
    { 14, SAMPLE_ARGS, DOM "00000002" },
    { 14, SAMPLE_RET, NSTR_XML },
    { 19, SAMPLE_ARGS, DOM },
    { 19, SAMPLE_RET, NSTR_HVM },
    { 17, SAMPLE_ARGS, DOM },
    { 17, SAMPLE_RET, "00000000 00800000" },
    { 200, SAMPLE_ARGS, DOM "00000004" },
    { 200, SAMPLE_RET, "00000002" },
    { 150, SAMPLE_ARGS, DOM },
    { 150, SAMPLE_RET, ONE },
    { 151, SAMPLE_ARGS, DOM },
    { 151, SAMPLE_RET, ONE },
    { 202, SAMPLE_ARGS, DOM },
    { 202, SAMPLE_RET, ZERO },
    { 15, SAMPLE_ARGS, DOM },
    { 15, SAMPLE_RET, ONE },
    { 183, SAMPLE_ARGS, DOM ZERO },
    { 183, SAMPLE_RET, ZERO },
    { 121, SAMPLE_ARGS, DOM },
    { 121, SAMPLE_RET, "00000004 00000061 00000062 00000063 00000000 00000001" },
    { 229, SAMPLE_ARGS, DOM ZERO },
    { 229, SAMPLE_RET, Z4 },                                /* idle, spec §9.2 */
    { 426, SAMPLE_ARGS, DOM ZERO },
    { 426, SAMPLE_RET, ZERO },
    { 426, SAMPLE_RET, "00000002 00000003 6f6e6500 00000003 74776f00" },
    { 187, SAMPLE_ARGS, DOM ZERO },
    { 187, SAMPLE_RET, ZERO },

    /* Consoles: the first console, then "serial0" with FORCE, as virsh
     * and python3-libvirt send them. */
    { 201, SAMPLE_ARGS, DOM ZERO ZERO },
    { 201, SAMPLE_ARGS, DOM ONE "00000007 73657269 616c3000" ONE },

    /* The QEMU program: virsh qemu-monitor-command's {"execute":
     * "query-status"}, and a reply in QEMU's words. */
    { SAMPLE_QEMU | 1, SAMPLE_ARGS,
      DOM "0000001a 7b226578 65637574 65223a22 71756572 792d7374 61747573"
      " 227d0000" ZERO },
    { SAMPLE_QEMU | 1, SAMPLE_RET,
      "0000000d 7b227265 7475726e 223a7b7d 7d000000" },
    /* §5.6 */
    { 316, SAMPLE_ARGS, ZERO ZERO },
    { 316, SAMPLE_ARGS, ONE ONE DOM },
    { 316, SAMPLE_RET, ZERO },
    { 317, SAMPLE_ARGS, ZERO },
    { 105, SAMPLE_RET, ZERO },
    { 106, SAMPLE_RET, ZERO },
    { 167, SAMPLE_ARGS, ONE },
    { 168, SAMPLE_ARGS, ONE },
    /* §5.7 */
    { 318, SAMPLE_MSG, ZERO DOM_OFF "00000005 00000001" },  /* spec example */
    { 319, SAMPLE_MSG, ZERO DOM },
    { 107, SAMPLE_MSG, DOM "00000003 00000000" },
    { 169, SAMPLE_MSG, DOM },
    { 362, SAMPLE_MSG, ONE },
    /* Devices and guest operations. */
    { 8, SAMPLE_ARGS, DOM NSTR_XML },
    { 13, SAMPLE_ARGS, DOM NSTR_XML },
    { 160, SAMPLE_ARGS, DOM NSTR_XML "00000002" },          /* CONFIG */
    { 161, SAMPLE_ARGS, DOM NSTR_XML "00000001" },          /* LIVE */
    { 174, SAMPLE_ARGS, DOM NSTR_XML "00000003" },
    { 392, SAMPLE_ARGS, DOM "00000004 6e657430" ZERO },     /* "net0" */
    { 210, SAMPLE_ARGS, DOM ZERO },
    { 226, SAMPLE_ARGS, DOM "00000000 00000064 00000002 0000001e 00000030"
                        ZERO },                             /* linux A, B */
    { 277, SAMPLE_ARGS, DOM ZERO },
    { 277, SAMPLE_RET, "00000008 74657374 686f7374" },      /* "testhost" */
    { 294, SAMPLE_ARGS, DOM ONE "00000005 2f626f6f 74000000 "
                        "00000000 00100000" ZERO },         /* /boot, 1 MiB */
    { 294, SAMPLE_ARGS, DOM ZERO "00000000 00000000" ZERO },
    { 295, SAMPLE_ARGS, DOM "00000000 00000001 0000000f" ZERO },
    { 335, SAMPLE_ARGS, DOM "00000002 00000001 2f000000 "
                        "00000005 2f626f6f 74000000" ZERO },
    { 335, SAMPLE_ARGS, DOM ZERO ZERO },                    /* all of them */
    { 335, SAMPLE_RET, "00000002" },
    { 336, SAMPLE_ARGS, DOM ZERO ZERO },
    { 336, SAMPLE_RET, ZERO },
    { 337, SAMPLE_ARGS, DOM ZERO },
    { 337, SAMPLE_RET, "00000000 25642470" ZERO },          /* 1989-11-17 */
    { 338, SAMPLE_ARGS, DOM "00000000 000f4240 00000000 00000001" },
    { 349, SAMPLE_ARGS, DOM ZERO },
    { 349, SAMPLE_RET, "00000002 "
                       "00000001 2f000000 00000004 76646131 00000004 65787434 "
                       "00000001 00000003 76646100 "
                       "00000005 2f626f6f 74000000 00000004 76646132 "
                       "00000004 65787434 00000001 00000003 76646100 "
                       "00000002" },
    { 349, SAMPLE_RET, ZERO ZERO },
    { 357, SAMPLE_ARGS, DOM ONE "00000004 726f6f74" ONE "00000002 70770000"
                        ZERO },                             /* root, "pw" */
    { 357, SAMPLE_ARGS, DOM ZERO ZERO ONE },                /* ENCRYPTED */
    { 396, SAMPLE_ARGS, DOM "00000004" },                   /* STRING_OKAY */
    { 396, SAMPLE_RET, ZERO },
    { 396, SAMPLE_RET, "00000001 00000001 61000000 00000002 00000005" },
    /* Host and hypervisor: what libvirt's test host answers. */
    { 101, SAMPLE_ARGS, "00000000 00000002" },             /* cells 0-1 */
    { 101, SAMPLE_RET, "00000002 00000000 00200000 00000000 00400000" },
    { 102, SAMPLE_RET, "00000000 00300000" },               /* 3 MiB */
    { 162, SAMPLE_ARGS, "00000001 00000006 3c637075 2f3e0000 00000000" },
    { 162, SAMPLE_RET, "00000006 3c637075 2f3e0000" },      /* "<cpu/>" */
    { 227, SAMPLE_ARGS, "ffffffff 00000004 00000000" },     /* all CPUs */
    { 227, SAMPLE_RET, "00000001 00000004 75736572 00000002 47f875c0 "
                       "00000004" },                        /* user time */
    { 228, SAMPLE_ARGS, "00000000 ffffffff 00000000" },     /* count only */
    { 228, SAMPLE_RET, "00000000 00000004" },
    { 293, SAMPLE_ARGS, "00000001 00000001 00000000" },
    { 293, SAMPLE_RET, "00000001 15000000 00000003 00000008" }, /* y-y-y--- */
    { 312, SAMPLE_ARGS, "00000006 7838365f 36340000 00000001 00000000" },
    { 312, SAMPLE_RET, "00000001 00000003 34383600 00000001" }, /* "486" */
    { 340, SAMPLE_ARGS, "00000001 00000004 00000000 00000001 00000000" },
    { 340, SAMPLE_RET, "00000001 00000000 00000013" },

    /* Domain monitoring, with the answers libvirtd's test driver gives
     * for its domain "test". */
    { 18, SAMPLE_ARGS, DOM },
    { 18, SAMPLE_RET, "00000002" },
    { 20, SAMPLE_ARGS, DOM "00000002 00000002" },           /* 2 vCPUs, 16 cpus */
    { 20, SAMPLE_RET, "00000002 00000000 00000001 0000a361 0e4a8a64 0000000f "
                      "00000001 00000001 0000a361 0e4a8a64 0000000f "
                      "00000004 ffffffff" },
    { 230, SAMPLE_ARGS, DOM "00000002 00000001 00000002" },
    { 230, SAMPLE_RET, "00000002 ffff0000 00000002" },
    { 159, SAMPLE_ARGS, DOM "0000000d 00000000" },
    { 159, SAMPLE_RET, "00000002 00000006 00000000 00200000 "
                       "00000004 00000000 00100000" },
    { 64, SAMPLE_ARGS, DOM "00000003 76646100" },          /* "vda" */
    { 64, SAMPLE_RET, "0000a361 0e4a8a64 000051b0 87254532 00003676 5a18d8cc "
                      "000028d8 4392a299 00000000 358a2b2c" },
    { 65, SAMPLE_ARGS, DOM "00000008 74657374 6e657430" },  /* "testnet0" */
    { 65, SAMPLE_RET, Z4 Z4 Z4 Z4 },
    { 194, SAMPLE_ARGS, DOM "00000003 76646100" ZERO },
    { 194, SAMPLE_RET, "00000100 00000000 000000ff fffb0000 00000100 00000000" },
    { 263, SAMPLE_ARGS, DOM ZERO ZERO },                     /* count only */
    { 263, SAMPLE_RET, ZERO ONE },
    { 263, SAMPLE_ARGS, DOM ONE ZERO },
    { 263, SAMPLE_RET, ONE "00000003 76646100" ONE ONE },
    { 262, SAMPLE_ARGS, DOM "00000003 ffffffff 00000001 00000000" },
    { 262, SAMPLE_RET, "00000001 00000008 6370755f 74696d65 00000004 "
                       "0000000b 5b13134b 00000001" },      /* cpu_time */
    { 262, SAMPLE_ARGS, DOM ZERO ZERO ZERO ZERO },           /* count CPUs */
    { 262, SAMPLE_RET, ZERO "00000002" },
    { 353, SAMPLE_ARGS, DOM ZERO ZERO },
    { 353, SAMPLE_RET, "00000001 00000008 74657374 6e657430 "
                       "00000001 00000011 61613a62 623a6363 3a64643a 65653a66 "
                       "66000000 00000001 00000000 0000000d 3139322e 3136382e "
                       "3132322e 33000000 00000018" },
};

const size_t n_samples = sizeof(samples) / sizeof(samples[0]);

static int
hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

size_t
hex_to_bytes(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = 0;
    int high = -1;

    for (const char *p = hex; *p; p++) {
        int d = hex_digit(*p);

        if (*p == ' ' || *p == '|' || *p == '\n')
            continue;
        if (d < 0 || n >= cap) {
            fprintf(stderr, "bad sample hex at '%s'\n", p);
            abort();
        }
        if (high < 0) {
            high = d;
        } else {
            out[n++] = (uint8_t)(high << 4 | d);
            high = -1;
        }
    }
    if (high >= 0)
        abort();
    return n;
}

static void
put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

size_t
build_message(uint8_t *out, size_t cap, uint32_t prog, uint32_t vers,
              int proc, int type, uint32_t serial, int status,
              const uint8_t *payload, size_t payload_len)
{
    size_t len = WIRE_LEN_MIN + payload_len;

    if (len > cap)
        abort();
    put_be32(out, (uint32_t)len);
    put_be32(out + 4, prog);
    put_be32(out + 8, vers);
    put_be32(out + 12, (uint32_t)proc);
    put_be32(out + 16, (uint32_t)type);
    put_be32(out + 20, serial);
    put_be32(out + 24, (uint32_t)status);
    if (payload_len > 0)
        memcpy(out + WIRE_LEN_MIN, payload, payload_len);
    return len;
}

uint32_t
sample_prog(const struct sample *s)
{
    return s->proc & SAMPLE_QEMU ? WIRE_QEMU_PROGRAM : WIRE_REMOTE_PROGRAM;
}

int
sample_proc(const struct sample *s)
{
    return s->proc & ~SAMPLE_QEMU;
}

size_t
build_sample_message(const struct sample *s, uint8_t *out, size_t cap)
{
    static const int types[] = {
        [SAMPLE_ARGS] = WIRE_TYPE_CALL,
        [SAMPLE_RET]  = WIRE_TYPE_REPLY,
        [SAMPLE_MSG]  = WIRE_TYPE_MESSAGE,
    };
    uint8_t payload[4096];
    size_t n = hex_to_bytes(s->hex, payload, sizeof(payload));

    return build_message(out, cap, sample_prog(s), 1, sample_proc(s),
                         types[s->kind], 7, WIRE_STATUS_OK, payload, n);
}

static void
dump(const char *label, const uint8_t *p, size_t len)
{
    printf("#   %s (%zu bytes):", label, len);
    for (size_t i = 0; i < len; i++)
        printf("%s%02x", i % 4 ? "" : " ", p[i]);
    printf("\n");
}

int
bytes_equal(const uint8_t *a, size_t a_len, const uint8_t *b, size_t b_len)
{
    if (a_len == b_len && (a_len == 0 || memcmp(a, b, a_len) == 0))
        return 1;
    dump("got ", a, a_len);
    dump("want", b, b_len);
    return 0;
}
