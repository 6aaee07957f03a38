/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * table.h: tables printed as virsh prints them (its vshTable): every cell
 * left-aligned and padded to its column's width, each cell preceded by one
 * space and followed by two, a line of dashes as long as the header line,
 * then the rows.
 */
#ifndef VIREO_TOOLS_TABLE_H
#define VIREO_TOOLS_TABLE_H

#include <stdio.h>

struct table;

/* A table with n_cols columns named by headers (copied). NULL when out of
 * memory. */
struct table *table_new(int n_cols, const char *const *headers);
/* Append a row of n_cols cells (copied). Returns 0 or -1. */
int  table_add_row(struct table *t, const char *const *cells);
/* Returns 0, or -1 (printing nothing) when out of memory. */
int  table_print(const struct table *t, FILE *out);
void table_free(struct table *t);

/* The whole job for a list: a table of n items, row(t, items[i]) adding
 * each one's row, printed to out. 0, or -1 (printing nothing) when out
 * of memory. */
typedef int (*table_row_fn)(struct table *t, void *item);
int  table_print_items(FILE *out, int n_cols, const char *const *headers,
                       void *const *items, int n, table_row_fn row);

#endif /* VIREO_TOOLS_TABLE_H */
