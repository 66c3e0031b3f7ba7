/* atomic.h: output files that appear whole or not at all.
 *
 * pc_outfile_open() creates a temporary file beside the destination ("DIR/.NAME.XXXXXX"), the
 * caller writes to `f` (or, for libraries that want a file name, to `tmp` after
 * pc_outfile_close_stream()), and pc_outfile_commit() flushes, fsyncs and renames it over the
 * destination, then fsyncs the directory. Any failure, or pc_outfile_abort(), removes the
 * temporary file, so a failed export or save never leaves half a file and never touches an
 * existing destination. A writer killed mid-save leaves its temporary file; the next
 * pc_outfile_open() of the same destination removes it (each writer holds an flock on its
 * temporary file, so a live writer's file is never taken).
 *
 * A destination that is a symbolic link is resolved first, so the file it points to is
 * replaced and the link stays. A destination that exists and is not a regular file (/dev/null,
 * /dev/stdout, a FIFO) cannot be replaced by a rename: it is written in place ("direct"), and
 * `tmp` then names the destination itself.
 */
#ifndef POLCMP_ATOMIC_H
#define POLCMP_ATOMIC_H

#include "util/util.h"

#include <stdio.h>

/* pc_outfile: one pending output. Owns path, tmp and f until commit or abort. */
typedef struct pc_outfile {
    char *path; /* destination (a symbolic link resolved) */
    char *tmp;  /* temporary file in the same directory; the destination when direct */
    FILE *f;    /* open for writing, or NULL after pc_outfile_close_stream() */
    int direct; /* the destination is a device or a FIFO: written in place, never renamed */
} pc_outfile;

int pc_outfile_open(pc_outfile *o, const char *path, pc_error *err);
/* Close the stream so another writer can use o->tmp by name; reports write errors. */
int pc_outfile_close_stream(pc_outfile *o, pc_error *err);
int pc_outfile_commit(pc_outfile *o, pc_error *err);
void pc_outfile_abort(pc_outfile *o);

#endif
