/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * test_save.c: saving and restoring test domains, managed save, core
 * dumps and screenshots, as libvirt's test driver does them. A saved
 * image is libvirt's test driver's own format, so that either daemon
 * restores what the other saved: the 15 bytes "TestGuestMagic\0", the
 * length of the definition as a native int, and the definition as
 * dumpxml writes it. A core dump is the magic alone. Every operation runs
 * on the test driver's thread (test_call.h); the files' I/O, which may
 * block as long as the path does (a FIFO, a hung mount), runs off it
 * (test_io.h), and a daemon's call waits for it: the domain changes only
 * once the file is written, and calls on it wait until then.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/conf/domain_def.h"
#include "drivers/domain_list.h"
#include "drivers/error.h"
#include "drivers/fd_io.h"
#include "drivers/handle.h"
#include "drivers/test/test_call.h"
#include "drivers/test/test_domain.h"
#include "drivers/test/test_io.h"
#include "drivers/test/test_slots.h"
#include "drivers/test/test_state.h"
#include "drivers/test/test_transition.h"

static const char save_magic[15] = "TestGuestMagic";   /* and its NUL */

/* libvirt reads no more definition than this from an image. */
#define SAVE_XML_MAX 8192

#define MANAGED_SAVE_FLAGS   (VIR_DOMAIN_SAVE_BYPASS_CACHE | \
                              VIR_DOMAIN_SAVE_RUNNING | VIR_DOMAIN_SAVE_PAUSED)
#define IMAGE_DEFINE_FLAGS   (VIR_DOMAIN_SAVE_RUNNING | VIR_DOMAIN_SAVE_PAUSED)
#define IMAGE_XML_FLAGS      VIR_DOMAIN_XML_SECURE

/* libvirt's system errors: the message, a colon, and errno's words,
 * without a prefix. */
static int
sys_error(struct vireo_error *err, int errnum, const char *fmt, ...)
{
    char what[200];
    char message[sizeof(err->message)];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof(what), fmt, ap);
    va_end(ap);
    snprintf(message, sizeof(message), "%s: %s", what, strerror(errnum));
    return error_set_raw(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_TEST, message);
}

static int
not_running(struct vireo_error *err)
{
    return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, "%s",
                     "domain is not running");
}

/* ---- The image file ---------------------------------------------------- */

/* A file written off the test thread (test_io.h): its bytes, and how
 * libvirt words each failure. */
enum file_kind { FILE_IMAGE, FILE_DUMP };

struct file_task {
    enum file_kind kind;
    char          *name;       /* the domain's */
    char          *path;
    char          *bytes;
    size_t         len;
};

static void
file_task_free(void *opaque)
{
    struct file_task *t = opaque;

    free(t->name);
    free(t->path);
    free(t->bytes);
    free(t);
}

static struct file_task *
file_task_new(enum file_kind kind, const char *name, const char *path,
              size_t len)
{
    struct file_task *t = calloc(1, sizeof(*t));

    if (t == NULL)
        return NULL;
    t->kind = kind;
    t->name = strdup(name);
    t->path = strdup(path);
    t->bytes = malloc(len);
    t->len = len;
    if (t->name == NULL || t->path == NULL || t->bytes == NULL) {
        file_task_free(t);
        return NULL;
    }
    return t;
}

/* A saved image: the magic, the definition's length and the definition
 * (with id='N' when id >= 0, as libvirt writes a running domain). */
static struct file_task *
image_task(const struct domain_def *def, const char *path, int id)
{
    char *xml = domain_def_format(def, id);
    struct file_task *t = NULL;
    int len;

    if (xml == NULL)
        return NULL;
    len = (int)strlen(xml);
    t = file_task_new(FILE_IMAGE, def->name, path,
                      sizeof(save_magic) + sizeof(len) + (size_t)len);
    if (t != NULL) {
        memcpy(t->bytes, save_magic, sizeof(save_magic));
        memcpy(t->bytes + sizeof(save_magic), &len, sizeof(len));
        memcpy(t->bytes + sizeof(save_magic) + sizeof(len), xml, (size_t)len);
    }
    free(xml);
    return t;
}

/* A core dump: the magic alone. */
static struct file_task *
dump_task(const char *name, const char *path)
{
    struct file_task *t = file_task_new(FILE_DUMP, name, path,
                                        sizeof(save_magic));

    if (t != NULL)
        memcpy(t->bytes, save_magic, sizeof(save_magic));
    return t;
}

/* An image that cannot be written is removed, as libvirt does. */
static int
write_image(const struct file_task *t, int fd, struct vireo_error *err)
{
    int e = 0;

    if (fd < 0)
        return sys_error(err, errno,
                         "saving domain '%s' to '%s': open failed",
                         t->name, t->path);
    if (!fd_write_all(fd, t->bytes, t->len)) {
        e = errno;
        close(fd);
    } else if (close(fd) < 0) {
        e = errno;
    }
    if (e == 0)
        return 0;
    unlink(t->path);
    return sys_error(err, e, "saving domain '%s' to '%s': write failed",
                     t->name, t->path);
}

/* A dump's one write is its header. */
static int
write_dump(const struct file_task *t, int fd, struct vireo_error *err)
{
    if (fd < 0)
        return sys_error(err, errno, "domain '%s' coredump: failed to open %s",
                         t->name, t->path);
    if (!fd_write_all(fd, t->bytes, t->len)) {
        int e = errno;

        close(fd);
        return sys_error(err, e, "domain '%s' coredump: failed to write "
                         "header to %s", t->name, t->path);
    }
    if (close(fd) < 0)
        return sys_error(err, errno, "domain '%s' coredump: write failed: %s",
                         t->name, t->path);
    return 0;
}

/* Any thread (test_io_fn): the open may block (a FIFO, a hung mount). */
static int
file_task_run(void *opaque, char **result, struct vireo_error *err)
{
    const struct file_task *t = opaque;
    int fd = open(t->path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);

    return t->kind == FILE_IMAGE ? write_image(t, fd, err)
                                 : write_dump(t, fd, err);
}

/* In an operation: write t (NULL: no memory) away from the thread.
 * TEST_IO_WAITING, or the write's result. */
static int
file_write(struct file_task *t, struct vireo_error *err)
{
    char *none;

    if (t == NULL)
        return error_no_memory(err);
    return test_io_start(file_task_run, t, file_task_free, &none, err);
}

/* The definition text in the image at path, malloc'ed. */
static char *
image_read_xml(int fd, const char *path, struct vireo_error *err)
{
    char magic[sizeof(save_magic)];
    char *xml;
    int len;

    if (!fd_read_all(fd, magic, sizeof(magic))) {
        sys_error(err, errno, "incomplete save header in '%s'", path);
        return NULL;
    }
    if (memcmp(magic, save_magic, sizeof(magic)) != 0) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST, "%s",
                  "mismatched header magic");
        return NULL;
    }
    if (!fd_read_all(fd, &len, sizeof(len))) {
        sys_error(err, errno, "failed to read metadata length in '%s'", path);
        return NULL;
    }
    if (len < 1 || len > SAVE_XML_MAX) {
        error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_TEST, "%s",
                  "length of metadata out of range");
        return NULL;
    }
    xml = calloc(1, (size_t)len + 1);
    if (xml == NULL) {
        error_no_memory(err);
        return NULL;
    }
    if (!fd_read_all(fd, xml, (size_t)len)) {
        sys_error(err, errno, "incomplete metadata in '%s'", path);
        free(xml);
        return NULL;
    }
    return xml;
}

/* Any thread (test_io_fn): the definition text of the image at path
 * (task), whose open may block. */
static int
image_read_run(void *task, char **result, struct vireo_error *err)
{
    const char *path = task;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return sys_error(err, errno, "cannot read domain image '%s'", path);
    *result = image_read_xml(fd, path, err);
    close(fd);
    return *result != NULL ? 0 : -1;
}

/* In an operation: the definition the image at path holds, read away
 * from the thread. 0 with *def set, TEST_IO_WAITING, or -1 with err
 * set. */
static int
image_read(const char *path, struct domain_def **def, struct vireo_error *err)
{
    char *xml = NULL;
    char *task;
    int rc;

    *def = NULL;
    if (!test_io_result(&rc, &xml, err)) {
        task = strdup(path);
        if (task == NULL)
            return error_no_memory(err);
        rc = test_io_start(image_read_run, task, free, &xml, err);
        if (rc == TEST_IO_WAITING)
            return rc;
    }
    if (rc == 0) {
        *def = domain_def_parse(xml, err);
        rc = *def != NULL ? 0 : -1;
    }
    free(xml);
    return rc;
}

/* ---- Save and restore ------------------------------------------------- */

/* The domain stops, for reason, with the STOPPED detail; a transient
 * domain then goes. */
static void
stop(struct test_state *st, struct domain_obj *obj, int reason, int detail)
{
    test_transition_stop(st, obj, reason);
    test_state_emit(st, obj, VIR_DOMAIN_EVENT_STOPPED, detail);
    if (!obj->is_persistent)
        domain_list_remove(st->domains, obj);
}

struct path_io {
    const char         *path;
    const char         *dxml;
    unsigned            number;   /* the core dump's format */
    unsigned            flags;
};

static int
op_save(struct test_state *st, struct domain_obj *obj, void *io,
        struct vireo_error *err)
{
    struct path_io *p = io;
    int rc;

    /* The domain stays held (test_io.h) until the image is written. */
    if (!test_io_result(&rc, NULL, err)) {
        if (!domain_obj_is_active(obj))
            return not_running(err);
        rc = file_write(image_task(obj->def, p->path, obj->id), err);
    }
    if (rc != 0)
        return rc;
    stop(st, obj, VIR_DOMAIN_SHUTOFF_SAVED, VIR_DOMAIN_EVENT_STOPPED_SAVED);
    return 0;
}

static int
refuse_dxml(const char *dxml, struct vireo_error *err)
{
    if (dxml == NULL)
        return 0;
    return error_set(err, VIR_ERR_ARGUMENT_UNSUPPORTED, VIR_FROM_TEST, "%s",
                     "xml modification unsupported");
}

int
testdrv_domain_save(struct vireo_domain *dom, const char *to,
                    const char *dxml, unsigned flags, struct vireo_error *err)
{
    struct path_io p = { .path = to };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainSaveFlags") < 0 ||
        refuse_dxml(dxml, err) < 0)
        return -1;
    return test_call_dom(dom, op_save, &p, err);
}

static int
op_restore(struct test_state *st, void *io, struct vireo_error *err)
{
    const struct path_io *p = io;
    const struct test_run_how how = {
        .running_reason = VIR_DOMAIN_RUNNING_RESTORED,
        .started_detail = VIR_DOMAIN_EVENT_STARTED_RESTORED,
    };
    struct domain_def *def;
    int rc = image_read(p->path, &def, err);

    if (rc != 0)
        return rc;
    if (test_state_check_virt_type(def, err) < 0) {
        domain_def_free(def);
        return -1;
    }
    return test_domain_run(st, def, &how, err) != NULL ? 0 : -1;
}

int
testdrv_domain_restore(struct vireo_conn *conn, const char *from,
                       const char *dxml, unsigned flags,
                       struct vireo_error *err)
{
    struct path_io p = { .path = from };

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainRestoreFlags") < 0 ||
        refuse_dxml(dxml, err) < 0)
        return -1;
    return test_call(conn, op_restore, &p, err);
}

/* ---- Saved images ------------------------------------------------------ */

struct image_io {
    const char *path;
    const char *dxml;
    char       *xml;       /* what get_xml_desc returns */
};

static int
op_image_xml(struct test_state *st, void *io, struct vireo_error *err)
{
    struct image_io *im = io;
    struct domain_def *def;
    int rc = image_read(im->path, &def, err);

    if (rc != 0)
        return rc;
    im->xml = domain_def_format(def, -1);
    domain_def_free(def);
    return im->xml != NULL ? 0 : error_no_memory(err);
}

char *
testdrv_domain_save_image_get_xml_desc(struct vireo_conn *conn,
                                       const char *file, unsigned flags,
                                       struct vireo_error *err)
{
    struct image_io im = { .path = file };

    if (error_check_flags(err, VIR_FROM_TEST, flags, IMAGE_XML_FLAGS,
                          "testDomainSaveImageGetXMLDesc") < 0 ||
        test_call(conn, op_image_xml, &im, err) < 0)
        return NULL;
    return im.xml;
}

static int
op_image_define(struct test_state *st, void *io, struct vireo_error *err)
{
    struct image_io *im = io;
    struct domain_def *old, *def;
    int rc = image_read(im->path, &old, err);

    if (rc != 0)
        return rc;
    domain_def_free(old);
    /* The second step: the new image, written. */
    if (test_io_result(&rc, NULL, err))
        return rc;
    def = domain_def_parse(im->dxml, err);
    if (def == NULL)
        return -1;
    /* libvirt's parser fills in the arch; interfaces get their names
     * only when the image is restored. */
    rc = test_state_check_virt_type(def, err) < 0 ||
         test_state_fill_arch(def, err) < 0
         ? -1 : file_write(image_task(def, im->path, -1), err);
    domain_def_free(def);
    return rc;
}

int
testdrv_domain_save_image_define_xml(struct vireo_conn *conn,
                                     const char *file, const char *dxml,
                                     unsigned flags, struct vireo_error *err)
{
    struct image_io im = { .path = file, .dxml = dxml };

    if (error_check_flags(err, VIR_FROM_TEST, flags, IMAGE_DEFINE_FLAGS,
                          "testDomainSaveImageDefineXML") < 0)
        return -1;
    return test_call(conn, op_image_define, &im, err);
}

/* ---- Core dumps -------------------------------------------------------- */

/* As libvirt: the file is written before the format is refused. */
static int
op_core_dump(struct test_state *st, struct domain_obj *obj, void *io,
             struct vireo_error *err)
{
    struct path_io *p = io;
    int rc;

    /* The domain stays held (test_io.h) until the dump is written. */
    if (!test_io_result(&rc, NULL, err)) {
        if (!domain_obj_is_active(obj))
            return not_running(err);
        rc = file_write(dump_task(obj->def->name, p->path), err);
    }
    if (rc != 0)
        return rc;
    if (p->number != VIR_DOMAIN_CORE_DUMP_FORMAT_RAW)
        return error_set(err, VIR_ERR_OPERATION_UNSUPPORTED, VIR_FROM_TEST,
                         "%s", "kdump-compressed format is not supported "
                         "here");
    if (p->flags & VIR_DUMP_CRASH)
        stop(st, obj, VIR_DOMAIN_SHUTOFF_CRASHED,
             VIR_DOMAIN_EVENT_STOPPED_CRASHED);
    return 0;
}

int
testdrv_domain_core_dump(struct vireo_domain *dom, const char *to,
                         unsigned dumpformat, unsigned flags,
                         struct vireo_error *err)
{
    struct path_io p = { .path = to, .number = dumpformat, .flags = flags };

    if (error_check_flags(err, VIR_FROM_TEST, flags, VIR_DUMP_CRASH,
                          "testDomainCoreDumpWithFormat") < 0)
        return -1;
    return test_call_dom(dom, op_core_dump, &p, err);
}

/* ---- Managed save ------------------------------------------------------ */

/* The image is only a flag: libvirt's test driver keeps nothing else, and
 * the next start boots afresh and forgets it (test_transition_start). */
static int
op_managed_save(struct test_state *st, struct domain_obj *obj, void *io,
                struct vireo_error *err)
{
    if (!domain_obj_is_active(obj))
        return not_running(err);
    if (!obj->is_persistent)
        return error_set(err, VIR_ERR_OPERATION_INVALID, VIR_FROM_TEST, "%s",
                         "cannot do managed save for transient domain");
    stop(st, obj, VIR_DOMAIN_SHUTOFF_SAVED, VIR_DOMAIN_EVENT_STOPPED_SAVED);
    obj->has_managed_save = true;
    return 0;
}

int
testdrv_domain_managed_save(struct vireo_domain *dom, unsigned flags,
                            struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, MANAGED_SAVE_FLAGS,
                          "testDomainManagedSave") < 0)
        return -1;
    return test_call_dom(dom, op_managed_save, NULL, err);
}

static int
op_managed_save_remove(struct test_state *st, struct domain_obj *obj,
                       void *io, struct vireo_error *err)
{
    obj->has_managed_save = false;
    return 0;
}

int
testdrv_domain_managed_save_remove(struct vireo_domain *dom, unsigned flags,
                                   struct vireo_error *err)
{
    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainManagedSaveRemove") < 0)
        return -1;
    return test_call_dom(dom, op_managed_save_remove, NULL, err);
}

/* ---- Screenshots ------------------------------------------------------- */

/* The test hypervisor's screen: a small PNG, the same whatever the
 * domain or its state, as libvirt's test driver answers with one fixed
 * image. */
static const unsigned char screenshot_png[] = {
#include "drivers/test/test_screenshot.inc"
};

/* An fd the image can be read from to its end: a pipe that already holds
 * it (far smaller than a pipe's buffer) and whose writing end is closed,
 * so that a daemon's event loop can watch it like any stream. */
static int
screenshot_fd(struct vireo_error *err)
{
    int fds[2];

    if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0)
        return sys_error(err, errno, "%s", "cannot make the screenshot");
    if (!fd_write_all(fds[1], screenshot_png, sizeof(screenshot_png))) {
        int e = errno;

        close(fds[0]);
        close(fds[1]);
        return sys_error(err, e, "%s", "cannot make the screenshot");
    }
    close(fds[1]);
    return fds[0];
}

static int
op_exists(struct test_state *st, struct domain_obj *obj, void *io,
          struct vireo_error *err)
{
    return 0;
}

char *
testdrv_domain_screenshot(struct vireo_domain *dom, unsigned screen,
                          unsigned flags, int *fd, struct vireo_error *err)
{
    char *mime;

    if (error_check_flags(err, VIR_FROM_TEST, flags, 0,
                          "testDomainScreenshot") < 0 ||
        test_call_dom(dom, op_exists, NULL, err) < 0)
        return NULL;
    mime = strdup("image/png");
    if (mime == NULL) {
        error_no_memory(err);
        return NULL;
    }
    *fd = screenshot_fd(err);
    if (*fd < 0) {
        free(mime);
        return NULL;
    }
    return mime;
}
