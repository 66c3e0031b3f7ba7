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

#endif
