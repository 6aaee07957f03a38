/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * fail_alloc.c: memory that runs out on one thread, on demand, for a
 * vireod built to test what happens then (vireod-failalloc).
 *
 * Linked with -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc, so every
 * allocation vireo's own code makes comes here first (the C library's
 * and other libraries' internal ones do not). Allocations fail on the
 * threads named $VIREO_FAIL_ALLOC_THREAD while the file
 * $VIREO_FAIL_ALLOC_TRIGGER exists. Nothing here allocates.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);

static bool
must_fail(void)
{
    const char *thread = getenv("VIREO_FAIL_ALLOC_THREAD");
    const char *trigger = getenv("VIREO_FAIL_ALLOC_TRIGGER");
    char name[16] = "";

    if (thread == NULL || trigger == NULL ||
        prctl(PR_GET_NAME, name, 0, 0, 0) < 0 || strcmp(name, thread) != 0)
        return false;
    return access(trigger, F_OK) == 0;
}

void *
__wrap_malloc(size_t size)
{
    return must_fail() ? NULL : __real_malloc(size);
}

void *
__wrap_calloc(size_t n, size_t size)
{
    return must_fail() ? NULL : __real_calloc(n, size);
}

void *
__wrap_realloc(void *p, size_t size)
{
    return must_fail() ? NULL : __real_realloc(p, size);
}
