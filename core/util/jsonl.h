/* jsonl.h: reading JSON Lines (one JSON object a line) and plain line lists from a stream.
 *
 * The reader counts lines (1-based, blank lines included) so a broken line is reported by its
 * number, and the caller may go on reading after it. Lines longer than the reader's limit are
 * skipped without being held in memory. Input bytes are read in blocks; a NUL byte inside a
 * line is kept (and makes the line invalid JSON).
 */
#ifndef POLCMP_JSONL_H
#define POLCMP_JSONL_H

#include "util/util.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#define PC_JSONL_MAX_LINE_DEFAULT ((size_t)256 << 20)

/* pc_jsonl: a reader. Borrows the stream and the name; owns its buffers. */
typedef struct pc_jsonl pc_jsonl;

/* A reader over f; name stands for the stream in messages ("-", a file name). max_line is the
 * longest line accepted in bytes (0 = PC_JSONL_MAX_LINE_DEFAULT). NULL with err on OOM. */
pc_jsonl *pc_jsonl_new(FILE *f, const char *name, size_t max_line, pc_error *err);
void pc_jsonl_free(pc_jsonl *r);

/* The number of the line last read (0 before the first). */
size_t pc_jsonl_line(const pc_jsonl *r);

/* Whether the first byte that is not white space is '{' (the stream holds JSON Lines rather
 * than a list of paths). Consumes that white space (counting the lines it ends) and nothing
 * else. 0 for an empty stream. */
int pc_jsonl_starts_with_object(pc_jsonl *r);

/* The next line, without its "\n" (nor a "\r" before it): *line points into the reader's
 * buffer (NUL-terminated, valid until the next call) and *len is its length. Returns 1, 0 at
 * the end of the input, -1 for a line over the limit (skipped; err says "NAME:LINE: ..."), -2
 * on a read error (err set; stop reading). */
int pc_jsonl_read_line(pc_jsonl *r, const char **line, size_t *len, pc_error *err);

/* The next JSON object, skipping blank lines: *obj is a new reference. Returns 1, 0 at the
 * end, -1 for a broken line (invalid JSON, not an object, over the limit: err says
 * "NAME:LINE: why", *obj is NULL, and reading may go on), -2 on a read error. */
int pc_jsonl_next(pc_jsonl *r, json_t **obj, pc_error *err);

#endif
