/* writer.h: every output format, in one table.
 *
 * A writer writes a comparison, with the reviewer's decisions placed on it (map; NULL when there
 * is no review), in one format: the tables of pc_present_report() as CSV, TSV, Markdown, HTML or
 * XLSX (export.h), or the JSON of pc_present_json(). The command line (`compare --format`, -o)
 * and the UI's export both find a writer here, by name or by a file's extension, and call it
 * through pc_writer_stream() or pc_writer_file(); nothing else switches on formats.
 */
#ifndef POLCMP_WRITER_H
#define POLCMP_WRITER_H

#include "compare/compare.h"
#include "present/present.h"
#include "review/review.h"
#include "util/util.h"

#include <stdio.h>

/* One format. Plain value (the table is static). write() writes the rows chosen (NULL:
 * everything; present.h) to the stream f, or, for a writer that cannot write to a stream
 * (stream == 0: XLSX), to the file `path`; errors name no file. */
typedef struct pc_writer {
    const char *name;      /* the --format name: "csv" */
    const char *extension; /* a file's extension, without the dot */
    const char *alias;     /* another name that is also an extension ("markdown", "htm"), or NULL */
    int stream;            /* 1: can go to a stream such as standard output */
    int (*write)(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows, FILE *f,
                 const char *path, pc_error *err);
} pc_writer;

/* The writer with this name (or alias), case-insensitive; NULL when there is none. */
const pc_writer *pc_writer_named(const char *name);
/* The writer for a file, from its extension (".htm" is HTML); NULL when there is none. */
const pc_writer *pc_writer_for_path(const char *path);
/* Every writer's name, "csv, tsv, md, html, xlsx or json" (with `dots`: ".csv .tsv ..."),
 * appended to b, for messages and prompts. 0, or -1 on out of memory. */
int pc_writer_list(pc_buf *b, int dots);

/* Write to a stream. 0, or -1 with err (also when the writer cannot go to a stream). */
int pc_writer_stream(const pc_writer *w, const pc_comparison *c, const pc_review_map *map,
                     FILE *f, pc_error *err);
/* Write the file `path` atomically (util/atomic.h): on error nothing is left behind and an
 * existing file is untouched; err names path. */
int pc_writer_file(const pc_writer *w, const pc_comparison *c, const pc_review_map *map,
                   const char *path, pc_error *err);
/* The same for the rows chosen (NULL: everything): what one screen of the review UI shows. */
int pc_writer_file_rows(const pc_writer *w, const pc_comparison *c, const pc_review_map *map,
                        const pc_rows *rows, const char *path, pc_error *err);

#endif
