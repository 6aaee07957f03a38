/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * client_access.c: the kernel's permission rule (acl_permission_check()
 * and posix_acl_permission() in fs/namei.c and fs/posix_acl.c), for a
 * client's identity instead of the calling thread's. The ACL is read raw
 * from its extended attribute, in the kernel's own format, so no library
 * is needed.
 */
#include <endian.h>
#include <errno.h>
#include <linux/limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>

#include "drivers/client_access.h"
#include "drivers/handle.h"

/* linux/posix_acl_xattr.h: a little-endian version, then 8-byte entries
 * sorted by tag, each tag's entries by id. */
#define ACL_XATTR         "system.posix_acl_access"
#define ACL_VERSION       2
#define ACL_HEADER_BYTES  4
#define ACL_ENTRY_BYTES   8
enum { TAG_USER_OBJ = 0x01, TAG_USER = 0x02, TAG_GROUP_OBJ = 0x04,
       TAG_GROUP = 0x08, TAG_MASK = 0x10, TAG_OTHER = 0x20 };

struct acl_entry {
    unsigned tag;
    unsigned perm;
    uint32_t id;
};

/* Entries of a raw ACL, its header checked. */
struct acl {
    const unsigned char *entries;
    int                  n;
};

static bool
in_groups(const struct conn_identity *who, gid_t gid)
{
    if (who->gid == gid)
        return true;
    for (int i = 0; i < who->n_groups; i++)
        if (who->groups[i] == gid)
            return true;
    return false;
}

static bool
grants(unsigned perm, enum client_access_want want)
{
    return (perm & (unsigned)want) == (unsigned)want;
}

/* The mode's group bits if the client is in the group, else the others'. */
static bool
mode_allows(const struct conn_identity *who, const struct stat *st,
            enum client_access_want want)
{
    if (in_groups(who, st->st_gid))
        return grants((st->st_mode >> 3) & 7, want);
    return grants(st->st_mode & 7, want);
}

static struct acl_entry
entry_at(const struct acl *acl, int i)
{
    const unsigned char *raw = acl->entries + (size_t)i * ACL_ENTRY_BYTES;
    uint16_t tag, perm;
    uint32_t id;

    memcpy(&tag, raw, 2);
    memcpy(&perm, raw + 2, 2);
    memcpy(&id, raw + 4, 4);
    return (struct acl_entry){ le16toh(tag), le16toh(perm), le32toh(id) };
}

/* Entry i matched: it grants want if the mask (the entry after it, if
 * the ACL has one) grants it too. */
static bool
masked_grants(const struct acl *acl, int i, enum client_access_want want)
{
    unsigned perm = entry_at(acl, i).perm;

    for (int j = i + 1; j < acl->n; j++) {
        struct acl_entry e = entry_at(acl, j);

        if (e.tag == TAG_MASK) {
            perm &= e.perm;
            break;
        }
    }
    return grants(perm, want);
}

/* For a client who does not own the object: the first user entry that
 * names it decides; else any group entry of one of its groups that grants
 * want; else, if none of its groups had an entry, the other entry. */
static bool
acl_allows(const struct conn_identity *who, const struct stat *st,
           const struct acl *acl, enum client_access_want want)
{
    bool is_in_a_group = false;

    for (int i = 0; i < acl->n; i++) {
        struct acl_entry e = entry_at(acl, i);

        if (e.tag == TAG_USER && e.id == who->uid)
            return masked_grants(acl, i, want);
        if ((e.tag == TAG_GROUP_OBJ && in_groups(who, st->st_gid)) ||
            (e.tag == TAG_GROUP && in_groups(who, e.id))) {
            is_in_a_group = true;
            if (grants(e.perm, want))
                return masked_grants(acl, i, want);
        }
        if (e.tag == TAG_OTHER)
            return !is_in_a_group && grants(e.perm, want);
    }
    return false;   /* no other entry: the kernel would not have set it */
}

/* fd's access ACL, into buf or, if larger, into *big (malloc'ed; the
 * caller frees it): its size, 0 if it has none (or its file system has no
 * ACLs), -1 with errno. An O_PATH fd has no xattr calls of its own, so
 * the ACL is read through /proc. */
static ssize_t
read_acl(int fd, unsigned char *buf, size_t buf_size, unsigned char **big)
{
    char proc[64];
    ssize_t size;

    *big = NULL;
    snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
    size = getxattr(proc, ACL_XATTR, buf, buf_size);
    if (size < 0 && errno == ERANGE) {
        *big = malloc(XATTR_SIZE_MAX);
        if (*big == NULL) {
            errno = ENOMEM;
            return -1;
        }
        size = getxattr(proc, ACL_XATTR, *big, XATTR_SIZE_MAX);
    }
    if (size < 0 && (errno == ENODATA || errno == EOPNOTSUPP))
        return 0;
    return size;
}

static int
parse_acl(const unsigned char *raw, size_t size, struct acl *acl)
{
    uint32_t version;

    if (size < ACL_HEADER_BYTES ||
        (size - ACL_HEADER_BYTES) % ACL_ENTRY_BYTES != 0)
        goto bad;
    memcpy(&version, raw, sizeof(version));
    if (le32toh(version) != ACL_VERSION)
        goto bad;
    acl->entries = raw + ACL_HEADER_BYTES;
    acl->n = (int)((size - ACL_HEADER_BYTES) / ACL_ENTRY_BYTES);
    return 0;
bad:
    errno = EINVAL;
    return -1;
}

int
client_access_check(const struct conn_identity *who, int fd,
                    const struct stat *st, enum client_access_want want)
{
    unsigned char buf[ACL_HEADER_BYTES + 32 * ACL_ENTRY_BYTES], *big;
    struct acl acl;
    ssize_t size;
    int rc;

    if (who->uid == 0)
        return 1;
    if (st->st_uid == who->uid)
        return grants((st->st_mode >> 6) & 7, want);
    /* The group class bits are the ACL's mask when it has one: with none
     * set, the kernel does not look at the ACL either. */
    if ((st->st_mode & S_IRWXG) == 0)
        return mode_allows(who, st, want);
    size = read_acl(fd, buf, sizeof(buf), &big);
    if (size < 0) {
        int e = errno;

        free(big);
        errno = e;
        return -1;
    }
    if (size == 0)
        return mode_allows(who, st, want);
    rc = parse_acl(big != NULL ? big : buf, (size_t)size, &acl) < 0
         ? -1 : acl_allows(who, st, &acl, want);
    free(big);
    return rc;
}
