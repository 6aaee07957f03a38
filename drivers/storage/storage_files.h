/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_files.h: the storage driver's own small files, DIR/NAME.xml:
 * written whole or not at all, read back, linked (autostart), listed.
 * Errors are libvirt's system errors. Storage thread.
 */
#ifndef VIREO_DRIVERS_STORAGE_FILES_H
#define VIREO_DRIVERS_STORAGE_FILES_H

#include <stdbool.h>

#include "api/vireo.h"

int   stor_file_write(const char *dir, const char *name, const char *text,
                      struct vireo_error *err);
/* The file's text, malloc'ed, or NULL with err set. */
char *stor_file_read(const char *dir, const char *name,
                     struct vireo_error *err);
/* Gone already is fine. */
int   stor_file_remove(const char *dir, const char *name,
                       struct vireo_error *err);
/* DIR/NAME.xml, a link to TARGET_DIR/NAME.xml. */
int   stor_file_link(const char *dir, const char *target_dir,
                     const char *name, struct vireo_error *err);
bool  stor_file_exists(const char *dir, const char *name);
/* The NAMEs of DIR's *.xml files, sorted; n of them. */
char **stor_file_list(const char *dir, int *n, struct vireo_error *err);
void  stor_file_list_free(char **names, int n);

#endif /* VIREO_DRIVERS_STORAGE_FILES_H */
