/* load.c: MINIMAL first version (plain text, no normalization) so the tree builds while the
 * real loader is written. Replaced by the full loader. */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pc_format_name(pc_format f)
{
    switch (f) {
    case PC_FORMAT_TEXT: return "text";
    case PC_FORMAT_MARKDOWN: return "markdown";
    case PC_FORMAT_HTML: return "html";
    default: return "auto";
    }
}

pc_doc *pc_doc_from_memory(const char *name, const char *data, size_t n, pc_format format,
                           pc_error *err)
{
    pc_doc *d = calloc(1, sizeof *d);
    if (!d) {
        pc_error_set(err, "%s: out of memory", name);
        return NULL;
    }
    d->path = pc_strdup(name);
    d->name = pc_strdup(pc_basename(name));
    d->format = format == PC_FORMAT_AUTO ? PC_FORMAT_TEXT : format;
    d->text = pc_strndup(data, n);
    d->len = n;
    d->lines = calloc(1, sizeof *d->lines);
    d->nlines = 1;
    d->lines[0].line = 1;
    return d;
}

pc_doc *pc_doc_load(const char *path, const pc_load_opts *opts, pc_error *err)
{
    (void)opts;
    FILE *f = fopen(path, "rb");
    if (!f) {
        pc_error_set(err, "%s: cannot open", path);
        return NULL;
    }
    pc_buf b = {0};
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        pc_buf_add(&b, tmp, k);
    fclose(f);
    pc_doc *d = pc_doc_from_memory(path, b.data ? b.data : "", b.len, PC_FORMAT_AUTO, err);
    pc_buf_free(&b);
    return d;
}

unsigned pc_doc_source_line(const pc_doc *doc, size_t offset)
{
    (void)doc;
    (void)offset;
    return 1;
}

void pc_doc_free(pc_doc *d)
{
    if (!d)
        return;
    free(d->path);
    free(d->name);
    free(d->text);
    free(d->blocks);
    free(d->lines);
    free(d);
}
