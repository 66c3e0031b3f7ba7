/* file.c: see file.h. */
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void pc_file_size_text(char *out, size_t cap, double bytes, int exact)
{
    const double mib = 1024.0 * 1024.0;
    if (bytes >= mib && exact && (size_t)bytes % ((size_t)1 << 20) == 0)
        snprintf(out, cap, "%.0f MiB", bytes / mib);
    else if (bytes >= mib)
        snprintf(out, cap, "%.1f MiB", bytes / mib);
    else if (bytes >= 1024.0)
        snprintf(out, cap, "%.1f KiB", bytes / 1024.0);
    else
        snprintf(out, cap, "%.0f bytes", bytes);
}

static void pc_file_too_big(const char *path, double size, size_t max, const char *hint,
                            pc_error *err)
{
    char have[32], limit[32];
    pc_file_size_text(have, sizeof have, size, 0);
    pc_file_size_text(limit, sizeof limit, (double)max, 1);
    pc_error_set(err, "%s: %s is over the %s limit%s%s%s", path, have, limit, hint ? " (" : "",
                 hint ? hint : "", hint ? ")" : "");
}

static void pc_file_open_error(const char *path, int e, pc_error *err)
{
    if (e == ENOENT || e == ENOTDIR)
        pc_error_set(err, "%s: no such file", path);
    else if (e == EACCES || e == EPERM)
        pc_error_set(err, "%s: permission denied", path);
    else
        pc_error_set(err, "%s: cannot open: %s", path, strerror(e));
}

/* Read fd into a fresh buffer: a regular file up to its known size, anything else (a pipe)
 * until its end or until it is over max. */
static char *pc_file_read_fd(int fd, const char *path, size_t cap, int regular, size_t max,
                             const char *hint, size_t *len, pc_error *err)
{
    size_t n = 0;
    char *buf = malloc(cap + 1);
    if (regular)
        pc_prefault(buf, cap);
    while (buf && !(regular && n == cap) && n <= max) {
        if (n == cap) {
            size_t ncap = cap <= max / 2 ? cap * 2 : max + 1;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        ssize_t k = read(fd, buf + n, cap - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            pc_error_set(err, "%s: read error: %s", path, strerror(errno));
            free(buf);
            return NULL;
        }
        if (k == 0)
            break;
        n += (size_t)k;
    }
    if (!buf) {
        pc_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    if (n > max) {
        pc_file_too_big(path, (double)n, max, hint, err);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *pc_file_read(const char *path, size_t max, const char *hint, size_t *len, pc_error *err)
{
    if (max == 0 || max == SIZE_MAX)
        max = SIZE_MAX - 1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        pc_file_open_error(path, errno, err);
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) != 0)
        pc_error_set(err, "%s: cannot open: %s", path, strerror(errno));
    else if (S_ISDIR(st.st_mode))
        pc_error_set(err, "%s: is a directory", path);
    else if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max)
        pc_file_too_big(path, (double)st.st_size, max, hint, err);
    else
        buf = pc_file_read_fd(fd, path, S_ISREG(st.st_mode) ? (size_t)st.st_size : 65536,
                              S_ISREG(st.st_mode), max, hint, len, err);
    close(fd);
    return buf;
}

/* Map fd's st_size bytes read-only, its pages populated in one call: 0, or -1 (read it). */
static int pc_file_map_fd(pc_file_map *f, int fd, const struct stat *st)
{
    if (!S_ISREG(st->st_mode) || st->st_size <= 0 || (uintmax_t)st->st_size > SIZE_MAX)
        return -1;
    size_t n = (size_t)st->st_size;
#ifdef MAP_POPULATE
    void *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
#else
    void *p = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
#endif
    if (p == MAP_FAILED)
        return -1;
    *f = (pc_file_map){p, n, 1};
    return 0;
}

int pc_file_map_open(pc_file_map *f, const char *path, size_t max, const char *hint,
                     pc_error *err)
{
    memset(f, 0, sizeof *f);
    if (max == 0 || max == SIZE_MAX)
        max = SIZE_MAX - 1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        pc_file_open_error(path, errno, err);
        return -1;
    }
    struct stat st;
    int ok = fstat(fd, &st) == 0 && (uintmax_t)st.st_size <= max && pc_file_map_fd(f, fd, &st) == 0;
    close(fd);
    if (ok)
        return 0;
    size_t len = 0;
    char *data = pc_file_read(path, max, hint, &len, err);
    if (!data)
        return -1;
    *f = (pc_file_map){data, len, 0};
    return 0;
}

void pc_file_unmap(pc_file_map *f)
{
    if (f->mapped)
        munmap((void *)(uintptr_t)f->p, f->len);
    else
        free((void *)(uintptr_t)f->p);
    memset(f, 0, sizeof *f);
}
