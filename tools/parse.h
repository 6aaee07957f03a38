/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * parse.h: turning what the user typed into commands' words.
 *
 * A script is a list of commands; each command is a list of words (its
 * name first). Words and commands are split the way virsh splits them.
 */
#ifndef VIREO_TOOLS_PARSE_H
#define VIREO_TOOLS_PARSE_H

#include <stddef.h>

struct words {
    char **argv;     /* argc strings, each malloc'd */
    int    argc;
};

struct script {
    struct words *cmds;
    int           n_cmds;
};

/* Split a line as virsh's shell does: words separated by blanks; '...'
 * quotes literally; "..." quotes and honours backslash escapes, as does a
 * bare backslash; an unquoted ';' ends a command; a '#' starting a word
 * comments out the rest of the line. Empty commands are dropped. Returns 0,
 * or -1 with a message in errbuf (the script is then empty). */
int  parse_line(const char *line, struct script *out, char *errbuf,
                size_t errlen);

/* The words of a command line: each argv element is one word, and an
 * element that is exactly ";" ends a command. Returns 0, or -1 when out of
 * memory. */
int  parse_argv(int argc, char *const *argv, struct script *out);

/* Free what a script holds and leave it empty; a zeroed script is empty. */
void script_clear(struct script *sc);

#endif /* VIREO_TOOLS_PARSE_H */
