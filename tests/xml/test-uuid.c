/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test-uuid.c: uuid_parse accepts exactly libvirt's two text forms,
 * uuid_format writes lowercase 8-4-4-4-12, and uuid_generate gives distinct
 * version-4 UUIDs.
 */
#include "drivers/conf/uuid.h"
#include "tests/tap.h"

static const struct {
    const char *text;
    const char *canonical;   /* NULL: must be refused */
} cases[] = {
    { "6695eb01-f6a4-8304-79aa-97f2502e193f",
      "6695eb01-f6a4-8304-79aa-97f2502e193f" },
    { "6695EB01-F6A4-8304-79AA-97F2502E193F",
      "6695eb01-f6a4-8304-79aa-97f2502e193f" },
    { "6695eb01f6a4830479aa97f2502e193f",
      "6695eb01-f6a4-8304-79aa-97f2502e193f" },
    { "00000000-0000-0000-0000-000000000000",
      "00000000-0000-0000-0000-000000000000" },
    { "", NULL },
    { "not-a-uuid", NULL },
    { "6695eb01-f6a4-8304-79aa-97f2502e193", NULL },     /* short */
    { "6695eb01-f6a4-8304-79aa-97f2502e193f0", NULL },   /* long */
    { "6695eb01f6a4-8304-79aa-97f2502e193f0", NULL },    /* dash moved */
    { "6695eb01-f6a4-8304-79aa-97f2502e193g", NULL },    /* not hex */
    { " 6695eb01-f6a4-8304-79aa-97f2502e193f", NULL },   /* space */
    { "6695eb01-f6a4-8304-79aa-97f2502e193f ", NULL },
    { "6695eb01+f6a4-8304-79aa-97f2502e193f", NULL },
    { "6695eb01f6a4830479aa97f2502e193", NULL },         /* 31 digits */
    { "{6695eb01-f6a4-8304-79aa-97f2502e19}", NULL },
};

#define N_CASES ((int)(sizeof(cases) / sizeof(cases[0])))
#define N_GENERATED 64

static void
check_generate(void)
{
    unsigned char uuids[N_GENERATED][VIREO_UUID_BUFLEN];
    bool all_ok = true, all_v4 = true, all_distinct = true;

    for (int i = 0; i < N_GENERATED; i++) {
        all_ok = all_ok && uuid_generate(uuids[i]) == 0;
        all_v4 = all_v4 && (uuids[i][6] & 0xf0) == 0x40 &&
                 (uuids[i][8] & 0xc0) == 0x80;
        for (int j = 0; j < i; j++)
            if (memcmp(uuids[i], uuids[j], VIREO_UUID_BUFLEN) == 0)
                all_distinct = false;
    }
    tap_ok(all_ok, "uuid_generate succeeds");
    tap_ok(all_v4, "generated UUIDs carry version 4 and variant 10xx bits");
    tap_ok(all_distinct, "%d generated UUIDs are distinct", N_GENERATED);
    tap_ok(!uuid_is_null(uuids[0]), "a generated UUID is not null");
}

int
main(void)
{
    unsigned char raw[VIREO_UUID_BUFLEN], untouched[VIREO_UUID_BUFLEN];
    char text[VIREO_UUID_STRING_BUFLEN];

    tap_plan(N_CASES + 4 + 3);
    for (int i = 0; i < N_CASES; i++) {
        if (cases[i].canonical == NULL) {
            memset(raw, 0xa5, sizeof(raw));
            memset(untouched, 0xa5, sizeof(untouched));
            tap_ok(uuid_parse(cases[i].text, raw) < 0 &&
                   memcmp(raw, untouched, sizeof(raw)) == 0,
                   "'%s' is refused and the buffer untouched", cases[i].text);
            continue;
        }
        text[0] = '\0';
        if (uuid_parse(cases[i].text, raw) == 0)
            uuid_format(raw, text);
        tap_is_str(text, cases[i].canonical, "'%s' parses and formats",
                   cases[i].text);
    }
    check_generate();
    tap_ok(uuid_parse(NULL, raw) < 0, "NULL is refused");
    memset(raw, 0, sizeof(raw));
    tap_ok(uuid_is_null(raw), "all zero is null");
    raw[15] = 1;
    tap_ok(!uuid_is_null(raw), "one bit set is not null");
    return tap_done();
}
