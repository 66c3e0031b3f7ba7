/* atomic.c: see atomic.h. */
#include "util/atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static void pc_outfile_reset(pc_outfile *o)
{
    free(o->path);
    free(o->tmp);
    o->path = o->tmp = NULL;
    o->f = NULL;
    o->direct = 0;
}

/* A destination that is not a regular file (a device, a FIFO) is written in place. */
static int pc_outfile_direct(pc_outfile *o, const char *path, pc_error *err)
{
    o->direct = 1;
    o->path = pc_strdup(path);
    o->tmp = pc_strdup(path);
    o->f = o->path && o->tmp ? fopen(path, "wb") : NULL;
    if (!o->f) {
        pc_error_set(err, "%s: cannot write: %s", path, o->path && o->tmp ? strerror(errno)
                                                                          : "out of memory");
        pc_outfile_reset(o);
        return -1;
    }
    return 0;
}

/* Remove the temporary files of earlier writers of `path` that died before committing (a
 * kill or a crash mid-save). A live writer holds an exclusive lock on its temporary file, so
 * only the abandoned ones, whose lock died with their process, are removed. */
static void pc_outfile_sweep(const char *path)
{
    const char *base = pc_basename(path);
    char *dir = base == path ? pc_strdup(".") : pc_strndup(path, (size_t)(base - path));
    DIR *d = dir ? opendir(dir) : NULL;
    size_t blen = strlen(base);
    for (struct dirent *e; d && (e = readdir(d));) {
        const char *n = e->d_name;
        if (n[0] != '.' || strncmp(n + 1, base, blen) != 0 || n[1 + blen] != '.' ||
            strlen(n + 2 + blen) != 6)
            continue;
        int fd = openat(dirfd(d), n, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            continue;
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
            unlinkat(dirfd(d), n, 0);
        close(fd);
    }
    if (d)
        closedir(d);
    free(dir);
}

/* A temporary file beside the destination, renamed over it on commit. */
static int pc_outfile_temp(pc_outfile *o, const char *path, pc_error *err)
{
    const char *base = pc_basename(path);
    size_t dirlen = (size_t)(base - path);
    pc_buf tmp = {0};
    if (pc_buf_add(&tmp, path, dirlen) < 0 || pc_buf_printf(&tmp, ".%s.XXXXXX", base) < 0) {
        pc_buf_free(&tmp);
        pc_error_set(err, "%s: out of memory", path);
        return -1;
    }
    pc_outfile_sweep(path);
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        pc_error_set(err, "%s: cannot write: %s", path, strerror(errno));
        pc_buf_free(&tmp);
        return -1;
    }
    flock(fd, LOCK_EX); /* held until this process commits, aborts or dies */
    /* mkstemp makes 0600; an export is an ordinary file, so honour the umask. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    o->f = fdopen(fd, "wb");
    o->tmp = pc_buf_steal(&tmp);
    o->path = pc_strdup(path);
    if (!o->f || !o->path) {
        if (!o->f)
            close(fd);
        pc_outfile_abort(o);
        pc_error_set(err, "%s: out of memory", path);
        return -1;
    }
    return 0;
}

int pc_outfile_open(pc_outfile *o, const char *path, pc_error *err)
{
    memset(o, 0, sizeof *o);
    struct stat st;
    char *real = NULL;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        real = realpath(path, NULL); /* NULL for a dangling link: then write the link's name */
        if (real)
            path = real;
    }
    int rc;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
        rc = pc_outfile_direct(o, path, err);
    else
        rc = pc_outfile_temp(o, path, err);
    free(real);
    return rc;
}

int pc_outfile_close_stream(pc_outfile *o, pc_error *err)
{
    if (!o->f)
        return 0;
    int bad = ferror(o->f) | fflush(o->f);
    if (!bad && !o->direct)
        bad = fsync(fileno(o->f));
    int saved = errno;
    bad |= fclose(o->f);
    o->f = NULL;
    if (bad) {
        pc_error_set(err, "%s: write failed: %s", o->path, strerror(saved ? saved : errno));
        return -1;
    }
    return 0;
}

static void pc_sync_dir(const char *path)
{
    const char *base = pc_basename(path);
    char *dir = base == path ? pc_strdup(".") : pc_strndup(path, (size_t)(base - path));
    if (!dir)
        return;
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

int pc_outfile_commit(pc_outfile *o, pc_error *err)
{
    if (pc_outfile_close_stream(o, err) < 0) {
        pc_outfile_abort(o);
        return -1;
    }
    if (o->direct) {
        pc_outfile_reset(o);
        return 0;
    }
    if (rename(o->tmp, o->path) != 0) {
        pc_error_set(err, "%s: cannot write: %s", o->path, strerror(errno));
        pc_outfile_abort(o);
        return -1;
    }
    pc_sync_dir(o->path);
    pc_outfile_reset(o);
    return 0;
}

void pc_outfile_abort(pc_outfile *o)
{
    if (o->f)
        fclose(o->f);
    if (o->tmp && !o->direct)
        unlink(o->tmp);
    pc_outfile_reset(o);
}
