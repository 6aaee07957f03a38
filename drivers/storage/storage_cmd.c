/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * storage_cmd.c: one run of a storage tool on behalf of a waiting call.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "drivers/call.h"
#include "drivers/error.h"
#include "drivers/storage/storage_dir.h"
#include "drivers/storage/storage_cmd.h"
#include "drivers/worker_child.h"
#include "drivers/worker_watch.h"
#include "loop/event.h"

/* Converting a large image takes a while; a deadline only bounds a tool
 * that hangs. */
#define CMD_TIMEOUT_MS (30 * 60 * 1000)
#define MAX_STDERR     4096
/* A tool's report (lvs of a large group) is far below this. */
#define MAX_STDOUT     (16 * 1024 * 1024)

/* Owned by the storage thread, from the spawn until the call is answered
 * or abandoned. */
struct stor_cmd {
    struct call         *call;
    struct worker_child *child;
    struct worker_watch *stderr_watch;
    char                 text[MAX_STDERR];
    size_t               len;
    /* What it prints, when the call wants it (stor_cmd_run_output). */
    bool                 wants_output;
    struct worker_watch *stdout_watch;
    char                *out;
    size_t               out_len;
    bool                 has_out_eof;
    const char          *waiting_for;
    char                *line;          /* the command line, for errors */
    int                  status;
    bool                 has_eof;
    bool                 has_exited;
    stor_cmd_abandon_fn  on_abandon;
    stor_cmd_free_fn     free_opaque;
    void                *opaque;
};

static void
cmd_free(struct stor_cmd *cmd)
{
    worker_child_free(cmd->child);
    worker_watch_free(cmd->stderr_watch);
    worker_watch_free(cmd->stdout_watch);
    free(cmd->out);
    free(cmd->line);
    free(cmd);
}

static void
answer(struct stor_cmd *cmd)
{
    struct vireo_error err = { 0 };
    int rc = 0;

    /* libvirt quotes a tool's stderr whole, its last newline too. */
    cmd->text[cmd->len] = '\0';
    if (!WIFEXITED(cmd->status) || WEXITSTATUS(cmd->status) != 0)
        rc = error_set(&err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                       "Child process (%s) unexpected %s %d: %s", cmd->line,
                       WIFEXITED(cmd->status) ? "exit status" : "fatal signal",
                       WIFEXITED(cmd->status) ? WEXITSTATUS(cmd->status)
                                              : WTERMSIG(cmd->status),
                       cmd->text);
    if (cmd->wants_output) {
        /* The call keeps the text until it completes. */
        call_answer(cmd->call, rc, rc < 0 ? &err : NULL,
                    cmd->out != NULL ? cmd->out : strdup(""), free);
        cmd->out = NULL;
    } else {
        call_answer(cmd->call, rc, rc < 0 ? &err : NULL, NULL, NULL);
    }
    if (cmd->free_opaque != NULL)
        cmd->free_opaque(cmd->opaque);
    cmd_free(cmd);
}

static void
finish_if_done(struct stor_cmd *cmd)
{
    if (cmd->has_eof && cmd->has_exited &&
        (!cmd->wants_output || cmd->has_out_eof))
        answer(cmd);
}

/* Keep the start of what the tool says on stderr (the error's words). */
static bool
keep_stderr(struct stor_cmd *cmd, const char *buf, size_t n)
{
    size_t room = sizeof(cmd->text) - 1 - cmd->len;
    size_t take = n < room ? n : room;

    memcpy(cmd->text + cmd->len, buf, take);
    cmd->len += take;
    return true;
}

/* Keep what the tool prints, growing the buffer as it comes. */
static bool
keep_stdout(struct stor_cmd *cmd, const char *buf, size_t n)
{
    char *grown;

    if (cmd->out_len + n + 1 > MAX_STDOUT)
        return false;
    grown = realloc(cmd->out, cmd->out_len + n + 1);
    if (grown == NULL)
        return false;
    memcpy(grown + cmd->out_len, buf, n);
    cmd->out = grown;
    cmd->out_len += n;
    cmd->out[cmd->out_len] = '\0';
    return true;
}

/* Read what one of the tool's pipes holds; at its end (or past what is
 * kept) the watch goes and the pipe counts as done. */
static void
drain(struct stor_cmd *cmd, struct worker_watch *ww, int fd, bool is_stdout)
{
    char buf[4096];
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0)
        if (!(is_stdout ? keep_stdout : keep_stderr)(cmd, buf, (size_t)n))
            break;
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        worker_watch_resume(ww, EVENT_READABLE);
        return;
    }
    worker_watch_free(ww);
    if (is_stdout) {
        cmd->stdout_watch = NULL;
        cmd->has_out_eof = true;
    } else {
        cmd->stderr_watch = NULL;
        cmd->has_eof = true;
    }
    finish_if_done(cmd);
}

static void
on_stderr(struct worker_watch *ww, int fd, int events, void *opaque)
{
    drain(opaque, ww, fd, false);
}

static void
on_stdout(struct worker_watch *ww, int fd, int events, void *opaque)
{
    drain(opaque, ww, fd, true);
}

static void
on_child_exit(struct worker_child *c, int status, void *opaque)
{
    struct stor_cmd *cmd = opaque;

    worker_child_free(c);
    cmd->child = NULL;
    cmd->status = status;
    cmd->has_exited = true;
    finish_if_done(cmd);
}

/* The call ended first: the tool goes, then whatever it was making. */
static void
on_abandon(void *opaque)
{
    struct stor_cmd *cmd = opaque;
    stor_cmd_abandon_fn undo = cmd->on_abandon;
    void *undo_opaque = cmd->opaque;

    cmd_free(cmd);
    if (undo != NULL)
        undo(undo_opaque);
}

static char *
join(const char *const *argv)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);

    if (out == NULL)
        return NULL;
    for (int i = 0; argv[i] != NULL; i++)
        fprintf(out, "%s%s", i > 0 ? " " : "", argv[i]);
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

/* Programs are found on the daemon's PATH, as libvirt's virCommand does. */
static char *
find_program(const char *name)
{
    const char *path = getenv("PATH");
    char *copy, *save = NULL, *found = NULL;

    if (strchr(name, '/') != NULL)
        return strdup(name);
    copy = strdup(path != NULL ? path : "/usr/bin:/bin");
    for (char *dir = copy != NULL ? strtok_r(copy, ":", &save) : NULL;
         dir != NULL && found == NULL; dir = strtok_r(NULL, ":", &save)) {
        if (asprintf(&found, "%s/%s", dir, name) < 0)
            found = NULL;
        else if (access(found, X_OK) != 0) {
            free(found);
            found = NULL;
        }
    }
    free(copy);
    return found;
}

static int
spawn(struct stor_cmd *cmd, struct worker *w, const char *const *argv,
      struct vireo_error *err)
{
    const char *args[32];
    char *program = find_program(argv[0]);
    struct worker_child_spec spec = { .argv = args, .stdin_fd = -1,
                                      .stdout_fd = -1 };
    int pipe_fds[2];
    int out_fds[2] = { -1, -1 };
    int n = 0;

    if (program == NULL)
        return error_set(err, VIR_ERR_INTERNAL_ERROR, VIR_FROM_STORAGE,
                         "Cannot find '%s' in path: %s", argv[0],
                         strerror(ENOENT));
    args[n++] = program;
    for (int i = 1; argv[i] != NULL && n < 31; i++)
        args[n++] = argv[i];
    args[n] = NULL;
    /* Errors name the program as run, its full path, as libvirt's do. */
    cmd->line = join(args);
    if (cmd->line == NULL) {
        free(program);
        return error_no_memory(err);
    }
    if (pipe2(pipe_fds, O_CLOEXEC | O_NONBLOCK) < 0) {
        free(program);
        return stor_system_error(err, errno, "cannot create pipe for",
                                 argv[0]);
    }
    spec.stderr_fd = pipe_fds[1];
    if (cmd->wants_output && pipe2(out_fds, O_CLOEXEC | O_NONBLOCK) < 0) {
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        free(program);
        return stor_system_error(err, errno, "cannot create pipe for",
                                 argv[0]);
    }
    spec.stdout_fd = out_fds[1];
    cmd->child = worker_child_spawn(w, &spec, on_child_exit, cmd, err);
    close(pipe_fds[1]);
    if (out_fds[1] >= 0)
        close(out_fds[1]);
    free(program);
    if (cmd->child != NULL)
        cmd->stderr_watch = worker_watch_new(w, pipe_fds[0], EVENT_READABLE,
                                             on_stderr, cmd, err);
    if (cmd->stderr_watch == NULL)
        close(pipe_fds[0]);
    if (cmd->stderr_watch != NULL && out_fds[0] >= 0)
        cmd->stdout_watch = worker_watch_new(w, out_fds[0], EVENT_READABLE,
                                             on_stdout, cmd, err);
    if (cmd->stdout_watch == NULL && out_fds[0] >= 0)
        close(out_fds[0]);
    if (cmd->stderr_watch == NULL ||
        (cmd->wants_output && cmd->stdout_watch == NULL))
        return -1;
    return 0;
}

static int
run(struct worker *w, struct call *c, const char *const *argv,
    bool wants_output, stor_cmd_abandon_fn abandon,
    stor_cmd_free_fn free_opaque, void *opaque, struct vireo_error *err)
{
    struct stor_cmd *cmd;

    if (c == NULL)
        return error_set(err, VIR_ERR_OPERATION_UNSUPPORTED,
                         VIR_FROM_STORAGE, "%s",
                         "storage tools run only for calls through vireod");
    cmd = calloc(1, sizeof(*cmd));
    if (cmd == NULL)
        return error_no_memory(err);
    cmd->call = c;
    cmd->wants_output = wants_output;
    cmd->on_abandon = abandon;
    cmd->free_opaque = free_opaque;
    cmd->opaque = opaque;
    if (spawn(cmd, w, argv, err) < 0) {
        cmd_free(cmd);
        return -1;
    }
    call_wait(c, CMD_TIMEOUT_MS, wants_output ? argv[0] : "qemu-img",
              on_abandon, cmd);
    return 0;
}

int
stor_cmd_run(struct worker *w, struct call *c, const char *const *argv,
             stor_cmd_abandon_fn abandon, stor_cmd_free_fn free_opaque,
             void *opaque, struct vireo_error *err)
{
    return run(w, c, argv, false, abandon, free_opaque, opaque, err);
}

int
stor_cmd_run_output(struct worker *w, struct call *c,
                    const char *const *argv, struct vireo_error *err)
{
    return run(w, c, argv, true, NULL, NULL, NULL, err);
}
