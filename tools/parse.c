/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * parse.c: splitting lines and argument vectors into commands and words.
 *
 * The line splitter is a small state machine over one word at a time; the
 * script grows as words and commands complete. Everything is malloc'd and
 * belongs to the script until script_clear().
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

/* A word being built, byte by byte. */
struct buf {
    char  *text;
    size_t len;
    size_t cap;
};

/* Start with an empty string: an empty quoted word ("") is still a word. */
static int
buf_init(struct buf *b)
{
    b->cap = 32;
    b->len = 0;
    b->text = calloc(1, b->cap);
    return b->text != NULL ? 0 : -1;
}

static int
buf_add(struct buf *b, char c)
{
    if (b->len + 1 >= b->cap) {
        size_t cap = b->cap * 2;
        char *grown = realloc(b->text, cap);
        if (grown == NULL)
            return -1;
        b->text = grown;
        b->cap = cap;
    }
    b->text[b->len++] = c;
    b->text[b->len] = '\0';
    return 0;
}

static int
add_word(struct words *w, char *word)
{
    char **grown = realloc(w->argv, sizeof(*grown) * (size_t)(w->argc + 1));

    if (grown == NULL)
        return -1;
    w->argv = grown;
    w->argv[w->argc++] = word;
    return 0;
}

/* Close the command being built: keep it if it has words. */
static int
end_command(struct script *sc, struct words *cmd)
{
    struct words *grown;

    if (cmd->argc == 0)
        return 0;
    grown = realloc(sc->cmds, sizeof(*grown) * (size_t)(sc->n_cmds + 1));
    if (grown == NULL)
        return -1;
    sc->cmds = grown;
    sc->cmds[sc->n_cmds++] = *cmd;
    cmd->argv = NULL;
    cmd->argc = 0;
    return 0;
}

static void
words_clear(struct words *w)
{
    for (int i = 0; i < w->argc; i++)
        free(w->argv[i]);
    free(w->argv);
    w->argv = NULL;
    w->argc = 0;
}

void
script_clear(struct script *sc)
{
    for (int i = 0; i < sc->n_cmds; i++)
        words_clear(&sc->cmds[i]);
    free(sc->cmds);
    sc->cmds = NULL;
    sc->n_cmds = 0;
}

/* ---- Lines ------------------------------------------------------------- */

/* Read one word starting at *pp into b, leaving *pp after it. Returns 0, or
 * -1 with a message in errbuf. */
static int
read_word(const char **pp, struct buf *b, char *errbuf, size_t errlen)
{
    const char *p = *pp;
    char quote = '\0';

    if (buf_init(b) < 0) {
        snprintf(errbuf, errlen, "out of memory");
        return -1;
    }
    for (; *p != '\0'; p++) {
        if (quote == '\0' && (isspace((unsigned char)*p) || *p == ';'))
            break;
        if (*p == quote) {
            quote = '\0';
            continue;
        }
        if (quote == '\0' && (*p == '\'' || *p == '"')) {
            quote = *p;
            continue;
        }
        if (*p == '\\' && quote != '\'') {
            if (*++p == '\0') {
                snprintf(errbuf, errlen, "dangling \\");
                return -1;
            }
        }
        if (buf_add(b, *p) < 0) {
            snprintf(errbuf, errlen, "out of memory");
            return -1;
        }
    }
    if (quote != '\0') {
        snprintf(errbuf, errlen, "missing %c", quote);
        return -1;
    }
    *pp = p;
    return 0;
}

static const char *
skip_blanks(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

int
parse_line(const char *line, struct script *out, char *errbuf, size_t errlen)
{
    struct words cmd = { NULL, 0 };
    const char *p = line;

    for (p = skip_blanks(p); *p != '\0' && *p != '#'; p = skip_blanks(p)) {
        struct buf b = { NULL, 0, 0 };
        if (*p == ';') {
            if (end_command(out, &cmd) < 0)
                goto nomem;
            p++;
            continue;
        }
        if (read_word(&p, &b, errbuf, errlen) < 0) {
            free(b.text);
            goto out;
        }
        if (add_word(&cmd, b.text) < 0) {
            free(b.text);
            goto nomem;
        }
    }
    if (end_command(out, &cmd) == 0)
        return 0;
nomem:
    snprintf(errbuf, errlen, "out of memory");
out:
    words_clear(&cmd);
    script_clear(out);
    return -1;
}

/* ---- Argument vectors --------------------------------------------------- */

int
parse_argv(int argc, char *const *argv, struct script *out)
{
    struct words cmd = { NULL, 0 };

    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], ";") == 0) {
            if (end_command(out, &cmd) < 0)
                goto out;
            continue;
        }
        char *word = strdup(argv[i]);
        if (word == NULL || add_word(&cmd, word) < 0) {
            free(word);
            goto out;
        }
    }
    if (end_command(out, &cmd) == 0)
        return 0;
out:
    words_clear(&cmd);
    script_clear(out);
    return -1;
}
