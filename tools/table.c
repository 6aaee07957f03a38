/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * table.c: virsh's table layout. Row 0 is the header; cells are copies the
 * table owns.
 */
#include <stdlib.h>
#include <string.h>

#include "table.h"

struct table {
    int     n_cols;
    int     n_rows;
    char  **cells;    /* n_rows * n_cols, row after row */
};

struct table *
table_new(int n_cols, const char *const *headers)
{
    struct table *t = calloc(1, sizeof(*t));

    if (t == NULL)
        return NULL;
    t->n_cols = n_cols;
    if (table_add_row(t, headers) < 0) {
        table_free(t);
        return NULL;
    }
    return t;
}

int
table_add_row(struct table *t, const char *const *cells)
{
    size_t n = (size_t)(t->n_rows + 1) * (size_t)t->n_cols;
    char **grown = realloc(t->cells, n * sizeof(*grown));

    if (grown == NULL)
        return -1;
    t->cells = grown;
    for (int c = 0; c < t->n_cols; c++) {
        char **slot = &t->cells[t->n_rows * t->n_cols + c];
        *slot = strdup(cells[c]);
        if (*slot == NULL) {
            while (c-- > 0)
                free(t->cells[t->n_rows * t->n_cols + c]);
            return -1;
        }
    }
    t->n_rows++;
    return 0;
}

/* Columns a string takes on a terminal: its UTF-8 characters (virsh counts
 * display width; names are almost always ASCII, where both agree). */
static size_t
display_width(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        if (((unsigned char)*s & 0xc0) != 0x80)
            n++;
    return n;
}

static size_t
column_width(const struct table *t, int col)
{
    size_t width = 0;

    for (int r = 0; r < t->n_rows; r++) {
        size_t w = display_width(t->cells[r * t->n_cols + col]);
        if (w > width)
            width = w;
    }
    return width;
}

/* Print one row: each cell after a space, padded to its column and
 * followed by two spaces, except that the last cell is neither padded nor
 * followed, so that lines carry no trailing blanks. */
static void
print_row(const struct table *t, int row, const size_t *widths, FILE *out)
{
    for (int c = 0; c < t->n_cols; c++) {
        const char *cell = t->cells[row * t->n_cols + c];
        if (c == t->n_cols - 1) {
            fprintf(out, " %s\n", cell);
            break;
        }
        fprintf(out, " %s%*s  ", cell,
                (int)(widths[c] - display_width(cell)), "");
    }
}

/* virsh's dash line is as long as a header line with the last column
 * padded and followed too. */
static void
print_dashes(const struct table *t, const size_t *widths, FILE *out)
{
    size_t total = 0;

    for (int c = 0; c < t->n_cols; c++)
        total += 1 + widths[c] + 2;
    for (size_t i = 0; i < total; i++)
        fputc('-', out);
    fputc('\n', out);
}

int
table_print(const struct table *t, FILE *out)
{
    size_t *widths = calloc((size_t)t->n_cols, sizeof(*widths));

    if (widths == NULL)
        return -1;
    for (int c = 0; c < t->n_cols; c++)
        widths[c] = column_width(t, c);
    print_row(t, 0, widths, out);
    print_dashes(t, widths, out);
    for (int r = 1; r < t->n_rows; r++)
        print_row(t, r, widths, out);
    free(widths);
    return 0;
}

void
table_free(struct table *t)
{
    if (t == NULL)
        return;
    for (int i = 0; i < t->n_rows * t->n_cols; i++)
        free(t->cells[i]);
    free(t->cells);
    free(t);
}

int
table_print_items(FILE *out, int n_cols, const char *const *headers,
                  void *const *items, int n, table_row_fn row)
{
    struct table *t = table_new(n_cols, headers);
    int rc = t != NULL ? 0 : -1;

    for (int i = 0; i < n && rc == 0; i++)
        rc = row(t, items[i]);
    if (rc == 0)
        rc = table_print(t, out);
    table_free(t);
    return rc;
}
