/* file.h: the one whole-file reader every module uses (policies, taxonomies, review files).
 */
#ifndef POLCMP_FILE_H
#define POLCMP_FILE_H

#include "util/util.h"

#include <stddef.h>

/* Read the file at path into memory: malloc'd, NUL-terminated, *len bytes (the file may hold
 * NULs). A file over max bytes (0: no limit) is refused before it is read when its size is
 * known, or as soon as reading passes the limit (a pipe). NULL with err on failure, one line
 * naming the file: "PATH: no such file", "PATH: permission denied", "PATH: is a directory",
 * "PATH: 80.0 MiB is over the 64 MiB limit (HINT)" (hint may be NULL), "PATH: read error:
 * ...", "PATH: out of memory". */
char *pc_file_read(const char *path, size_t max, const char *hint, size_t *len, pc_error *err);

/* pc_file_map: a whole file's bytes for reading, p[0..len), owned. A regular file is mapped
 * (its pages shared with the page cache: nothing to allocate, zero or copy, which is most of
 * the time a read of a large warm file takes); then p is not NUL-terminated, and a file cut
 * short by another program while it is mapped would fault, so map only files that are
 * replaced whole (by rename) or briefly read. Anything else (a pipe, an empty file, a map
 * that fails) is read with pc_file_read (mapped 0). */
typedef struct pc_file_map {
    const char *p;
    size_t len;
    int mapped;
} pc_file_map;

/* Map or read path as pc_file_read does (same limit and errors): 0, or -1 with err. Release
 * with pc_file_unmap (safe on a zeroed or failed map). */
int pc_file_map_open(pc_file_map *f, const char *path, size_t max, const char *hint,
                     pc_error *err);
void pc_file_unmap(pc_file_map *f);

#endif
