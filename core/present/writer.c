/* writer.c: the table of output formats and writing one to a stream or a file (writer.h). */
#include "present/writer.h"

#include "present/export.h"
#include "present/present.h"
#include "util/atomic.h"

#include <string.h>
#include <strings.h>

/* The tables, written in one of export.h's stream formats. */
static int pc_write_tables(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                           pc_export_format fmt, FILE *f, pc_error *err)
{
    pc_report *r = pc_present_report_rows(c, map, rows);
    if (!r) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    int rc = pc_export_stream(r, fmt, f, err);
    pc_report_free(r);
    return rc;
}

static int pc_write_csv(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                        FILE *f, const char *path, pc_error *err)
{
    (void)path;
    return pc_write_tables(c, map, rows, PC_EXPORT_CSV, f, err);
}

static int pc_write_tsv(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                        FILE *f, const char *path, pc_error *err)
{
    (void)path;
    return pc_write_tables(c, map, rows, PC_EXPORT_TSV, f, err);
}

static int pc_write_md(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                        FILE *f, const char *path, pc_error *err)
{
    (void)path;
    return pc_write_tables(c, map, rows, PC_EXPORT_MD, f, err);
}

static int pc_write_html(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                        FILE *f, const char *path, pc_error *err)
{
    (void)path;
    return pc_write_tables(c, map, rows, PC_EXPORT_HTML, f, err);
}

static int pc_write_xlsx(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                         FILE *f, const char *path, pc_error *err)
{
    (void)f;
    pc_report *r = pc_present_report_rows(c, map, rows);
    if (!r) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    int rc = pc_export_xlsx(r, path, err);
    pc_report_free(r);
    return rc;
}

static int pc_write_json(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                         FILE *f, const char *path, pc_error *err)
{
    (void)path;
    return pc_present_json_rows(c, map, rows, f, err);
}

static const pc_writer pc_writers[] = {
    {"csv", "csv", NULL, 1, pc_write_csv},    {"tsv", "tsv", NULL, 1, pc_write_tsv},
    {"md", "md", "markdown", 1, pc_write_md}, {"html", "html", "htm", 1, pc_write_html},
    {"xlsx", "xlsx", NULL, 0, pc_write_xlsx}, {"json", "json", NULL, 1, pc_write_json},
};
#define PC_NWRITERS (sizeof pc_writers / sizeof pc_writers[0])

const pc_writer *pc_writer_named(const char *name)
{
    for (size_t i = 0; i < PC_NWRITERS; i++) {
        const pc_writer *w = &pc_writers[i];
        if (!strcasecmp(name, w->name) || (w->alias && !strcasecmp(name, w->alias)))
            return w;
    }
    return NULL;
}

const pc_writer *pc_writer_for_path(const char *path)
{
    const char *base = pc_basename(path);
    const char *dot = strrchr(base, '.');
    for (size_t i = 0; dot && dot != base && i < PC_NWRITERS; i++) {
        const pc_writer *w = &pc_writers[i];
        if (!strcasecmp(dot + 1, w->extension) || (w->alias && !strcasecmp(dot + 1, w->alias)))
            return w;
    }
    return NULL;
}

int pc_writer_list(pc_buf *b, int dots)
{
    int rc = pc_buf_adds(b, "");
    for (size_t i = 0; rc == 0 && i < PC_NWRITERS; i++) {
        const char *sep = i == 0 ? "" : dots ? " " : i + 1 == PC_NWRITERS ? " or " : ", ";
        rc = pc_buf_printf(b, "%s%s%s", sep, dots ? "." : "",
                           dots ? pc_writers[i].extension : pc_writers[i].name);
    }
    return rc;
}

int pc_writer_stream(const pc_writer *w, const pc_comparison *c, const pc_review_map *map, FILE *f,
                     pc_error *err)
{
    if (!w->stream) {
        pc_error_set(err, "%s is not written to the terminal; give -o FILE", w->name);
        return -1;
    }
    return w->write(c, map, NULL, f, NULL, err);
}

int pc_writer_file(const pc_writer *w, const pc_comparison *c, const pc_review_map *map,
                   const char *path, pc_error *err)
{
    return pc_writer_file_rows(w, c, map, NULL, path, err);
}

int pc_writer_file_rows(const pc_writer *w, const pc_comparison *c, const pc_review_map *map,
                        const pc_rows *rows, const char *path, pc_error *err)
{
    pc_outfile out;
    if (pc_outfile_open(&out, path, err) < 0)
        return -1;
    pc_error cause = {{0}};
    int rc = w->stream ? 0 : pc_outfile_close_stream(&out, &cause);
    if (rc == 0)
        rc = w->write(c, map, rows, out.f, out.tmp, &cause);
    if (rc < 0) {
        pc_error_set(err, "%s: %s", path, cause.msg);
        pc_outfile_abort(&out);
        return -1;
    }
    return pc_outfile_commit(&out, err);
}
