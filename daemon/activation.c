/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * activation.c: sorting the sockets systemd passed by their names.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include "daemon/activation.h"
#include "drivers/error.h"

/* Names systemd gives a socket, and what each serves. */
static const struct {
    const char           *name;
    enum activation_role  role;
} known_names[] = {
    { "vireod.socket",       ACTIVATION_RW },
    { "vireod-ro.socket",    ACTIVATION_RO },
    { "vireod-tcp.socket",   ACTIVATION_TCP },
    { "libvirtd.socket",     ACTIVATION_RW },
    { "libvirtd-ro.socket",  ACTIVATION_RO },
    { "libvirtd-tcp.socket", ACTIVATION_TCP },
    { "vireod-tls.socket",   ACTIVATION_TLS },
    { "libvirtd-tls.socket", ACTIVATION_TLS },
    { "vireod-admin.socket",   ACTIVATION_ADMIN },
    { "libvirtd-admin.socket", ACTIVATION_ADMIN },
};

static int
role_of(const char *name)
{
    for (size_t i = 0; i < sizeof(known_names) / sizeof(known_names[0]); i++)
        if (strcmp(known_names[i].name, name) == 0)
            return (int)known_names[i].role;
    return -1;
}

/* A listening stream socket of the family the role needs. */
static bool
is_right_kind(int fd, enum activation_role role)
{
    if (role == ACTIVATION_TCP || role == ACTIVATION_TLS)
        return sd_is_socket_inet(fd, 0, SOCK_STREAM, 1, 0) > 0;
    return sd_is_socket_unix(fd, SOCK_STREAM, 1, NULL, 0) > 0;
}

static int
place(struct activation *act, int fd, const char *name,
      struct vireo_error *err)
{
    int role = role_of(name);

    if (role < 0)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NONE,
                         "socket activation: no use for a socket named "
                         "'%s' (vireod serves vireod.socket, "
                         "vireod-ro.socket, vireod-tcp.socket, "
                         "vireod-tls.socket and vireod-admin.socket)", name);
    if (act->fds[role] >= 0)
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NONE,
                         "socket activation: two sockets named '%s'", name);
    if (!is_right_kind(fd, (enum activation_role)role))
        return error_set(err, VIR_ERR_CONFIG_UNSUPPORTED, VIR_FROM_NONE,
                         "socket activation: '%s' is not a listening %s "
                         "stream socket", name,
                         role == ACTIVATION_TCP || role == ACTIVATION_TLS
                             ? "TCP" : "UNIX");
    act->fds[role] = fd;
    return 0;
}

static void
close_all(int n, char **names)
{
    for (int i = 0; i < n; i++)
        close(SD_LISTEN_FDS_START + i);
    for (int i = 0; names != NULL && i < n; i++)
        free(names[i]);
    free(names);
}

int
activation_take(struct activation *act, struct vireo_error *err)
{
    char **names = NULL;
    int n;

    for (int r = 0; r < ACTIVATION_N_ROLES; r++)
        act->fds[r] = -1;
    act->is_activated = false;
    n = sd_listen_fds_with_names(1, &names);
    if (n <= 0)
        return 0;   /* not started by systemd's sockets */
    for (int i = 0; i < n; i++) {
        if (place(act, SD_LISTEN_FDS_START + i, names[i], err) < 0) {
            close_all(n, names);
            for (int r = 0; r < ACTIVATION_N_ROLES; r++)
                act->fds[r] = -1;
            return -1;
        }
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    act->is_activated = true;
    return 0;
}

void
activation_clear(struct activation *act)
{
    for (int r = 0; r < ACTIVATION_N_ROLES; r++) {
        if (act->fds[r] >= 0)
            close(act->fds[r]);
        act->fds[r] = -1;
    }
}
