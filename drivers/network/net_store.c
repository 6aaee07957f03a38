/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * net_store.c: the network driver's files (net_store.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drivers/conf/network_xml.h"
#include "drivers/dir_open.h"
#include "drivers/error.h"
#include "drivers/worker_child.h"
#include "drivers/network/net_state.h"
#include "drivers/network/net_store.h"

#define MAX_FILE_BYTES (1024 * 1024)

char *
net_store_path(const char *dir, const char *name, const char *suffix)
{
    char *path;

    return asprintf(&path, "%s/%s.%s", dir, name, suffix) < 0 ? NULL : path;
}

static int
file_error(struct vireo_error *err, const char *what, const char *path)
{
    return error_set(err, VIR_ERR_SYSTEM_ERROR, VIR_FROM_NETWORK,
                     "cannot %s '%s': %s", what, path, strerror(errno));
}

int
net_store_write(const char *path, const char *text, struct vireo_error *err)
{
    char *tmp;
    FILE *f;
    int rc = 0;

    if (asprintf(&tmp, "%s.new", path) < 0)
        return error_no_memory(err);
    f = fopen(tmp, "we");
    if (f == NULL) {
        rc = file_error(err, "write", tmp);
    } else {
        bool ok = fputs(text, f) >= 0;

        if (fclose(f) != 0 || !ok || rename(tmp, path) < 0) {
            rc = file_error(err, "write", path);
            unlink(tmp);
        }
    }
    free(tmp);
    return rc;
}

void
net_store_remove(const char *path)
{
    if (path != NULL)
        unlink(path);
}

/* The whole small file, malloc'ed, or NULL. */
static char *
read_file(const char *path)
{
    FILE *f = fopen(path, "re");
    char *text = NULL;
    size_t n;

    if (f == NULL)
        return NULL;
    text = malloc(MAX_FILE_BYTES + 1);
    if (text != NULL) {
        n = fread(text, 1, MAX_FILE_BYTES, f);
        text[n] = '\0';
    }
    fclose(f);
    return text;
}

static int
write_def(const char *dir, const char *name, const char *suffix,
          const struct network_def *def, struct vireo_error *err)
{
    char *path = net_store_path(dir, name, suffix);
    char *text = network_def_format(def);
    int rc = path != NULL && text != NULL ? net_store_write(path, text, err)
                                          : error_no_memory(err);

    free(path);
    free(text);
    return rc;
}

int
net_store_save_config(struct net_state *st, struct net_obj *obj,
                      struct vireo_error *err)
{
    return write_def(st->config_dir, obj->base.def->name, "xml",
                     net_objs_persistent_def(obj), err);
}

int
net_store_set_autostart(struct net_state *st, const char *name,
                        bool is_autostart, struct vireo_error *err)
{
    char *link = net_store_path(st->autostart_dir, name, "xml");
    char *target = net_store_path(st->config_dir, name, "xml");
    int rc = 0;

    if (link == NULL || target == NULL) {
        rc = error_no_memory(err);
    } else if (!is_autostart) {
        if (unlink(link) < 0 && errno != ENOENT)
            rc = file_error(err, "remove autostart link", link);
    } else if ((mkdir(st->autostart_dir, 0755) < 0 && errno != EEXIST) ||
               ((unlink(link) < 0 && errno != ENOENT) ||
                symlink(target, link) < 0)) {
        rc = file_error(err, "create autostart link", link);
    }
    free(link);
    free(target);
    return rc;
}

void
net_store_delete_config(struct net_state *st, const char *name)
{
    char *path = net_store_path(st->config_dir, name, "xml");

    net_store_remove(path);
    free(path);
    net_store_set_autostart(st, name, false, &(struct vireo_error){ 0 });
}

int
net_store_save_status(struct net_state *st, struct net_obj *obj,
                      struct vireo_error *err)
{
    char *path = net_store_path(st->run_dir, obj->base.def->name, "pid");
    char pid[32];
    int rc;

    if (path == NULL)
        return error_no_memory(err);
    snprintf(pid, sizeof(pid), "%d\n", obj->dnsmasq != NULL
             ? (int)worker_child_pid(obj->dnsmasq) : 0);
    rc = net_store_write(path, pid, err);
    free(path);
    return rc < 0 ? -1 : write_def(st->run_dir, obj->base.def->name, "xml",
                                   obj->base.def, err);
}

void
net_store_delete_status(struct net_state *st, const char *name)
{
    static const char *const suffixes[] = { "xml", "pid", NULL };

    for (int i = 0; suffixes[i] != NULL; i++) {
        char *path = net_store_path(st->run_dir, name, suffixes[i]);

        net_store_remove(path);
        free(path);
    }
}

pid_t
net_store_status_pid(struct net_state *st, const char *name)
{
    char *path = net_store_path(st->run_dir, name, "pid");
    char *text = path != NULL ? read_file(path) : NULL;
    long pid = text != NULL ? strtol(text, NULL, 10) : 0;

    free(path);
    free(text);
    return pid > 0 ? (pid_t)pid : 0;
}

/* Call fn(st, NAME, text) for each DIR/NAME.xml. */
static void
each_xml(struct net_state *st, const char *dir,
         void (*fn)(struct net_state *st, const char *name, char *xml))
{
    DIR *d = dir_open(dir);
    struct dirent *e;

    if (d == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        char *path, *name, *text;

        if (len <= 4 || strcmp(e->d_name + len - 4, ".xml") != 0 ||
            e->d_name[0] == '.')
            continue;
        name = strndup(e->d_name, len - 4);
        path = name != NULL ? net_store_path(dir, name, "xml") : NULL;
        text = path != NULL ? read_file(path) : NULL;
        if (text != NULL)
            fn(st, name, text);
        free(name);
        free(path);
    }
    closedir(d);
}

static void
load_config(struct net_state *st, const char *name, char *xml)
{
    struct vireo_error err = { 0 };
    struct network_def *def = network_def_parse(xml, &err);
    struct net_obj *obj = def != NULL
        ? net_objs_assign(st, def, false, &err) : NULL;
    char *link = net_store_path(st->autostart_dir, name, "xml");

    free(xml);
    if (obj == NULL)
        net_state_warn(st, "network config '%s/%s.xml' skipped: %s",
                       st->config_dir, name, err.message);
    else if (link != NULL && access(link, F_OK) == 0)
        obj->base.is_autostart = true;
    free(link);
}

void
net_store_load_configs(struct net_state *st)
{
    each_xml(st, st->config_dir, load_config);
}

void
net_store_each_status(struct net_state *st,
                      void (*fn)(struct net_state *st, const char *name,
                                 char *xml))
{
    each_xml(st, st->run_dir, fn);
}
