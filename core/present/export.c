/* export.c: the text table formats (CSV, TSV, Markdown, HTML). XLSX is in export_xlsx.c;
 * choosing a format and writing files is writer.c. */
#include "present/export.h"

#include <stdlib.h>
#include <string.h>

int pc_export_safe_cell(pc_buf *b, const char *text)
{
    /* A lone "-" (the tables' empty placeholder) is no formula: leave it readable. */
    int risky = text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL && strcmp(text, "-");
    if (risky && pc_buf_addc(b, '\'') < 0)
        return -1;
    return pc_buf_adds(b, text);
}

/* ---- CSV and TSV ---- */

static void pc_write_csv_cell(FILE *f, const char *text, pc_buf *tmp)
{
    tmp->len = 0;
    pc_export_safe_cell(tmp, text);
    const char *s = tmp->data ? tmp->data : "";
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static void pc_write_tsv_cell(FILE *f, const char *text, pc_buf *tmp)
{
    tmp->len = 0;
    pc_export_safe_cell(tmp, text);
    for (const char *s = tmp->data ? tmp->data : ""; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static void pc_write_delimited(const pc_report *r, FILE *f, int tsv)
{
    pc_buf tmp = {0};
    const char *eol = tsv ? "\n" : "\r\n";
    if (!tsv)
        fputs("\xEF\xBB\xBF", f); /* BOM: Excel reads a CSV as UTF-8 only with it */
    for (size_t i = 0; i < r->ntables; i++) {
        const pc_table *t = &r->tables[i];
        if (i > 0)
            fputs(eol, f);
        for (size_t row = 0; row < t->nrows; row++) {
            for (size_t col = 0; col < t->ncols; col++) {
                if (col)
                    fputc(tsv ? '\t' : ',', f);
                const char *text = pc_table_cell(t, row, col)->text;
                if (tsv)
                    pc_write_tsv_cell(f, text, &tmp);
                else
                    pc_write_csv_cell(f, text, &tmp);
            }
            fputs(eol, f);
        }
    }
    pc_buf_free(&tmp);
}

/* ---- Markdown ---- */

/* The cell as it will appear in a Markdown table, escaped. */
static void pc_md_cell(pc_buf *b, const char *text)
{
    b->len = 0;
    pc_buf_adds(b, "");
    for (const char *s = text; *s; s++) {
        switch (*s) {
        case '|': pc_buf_adds(b, "\\|"); break;
        case '<': pc_buf_adds(b, "&lt;"); break;
        case '>': pc_buf_adds(b, "&gt;"); break;
        case '\n': case '\r': case '\t': pc_buf_addc(b, ' '); break;
        default: pc_buf_addc(b, *s);
        }
    }
}

static void pc_md_table(const pc_table *t, FILE *f)
{
    size_t *width = calloc(t->ncols, sizeof *width);
    pc_buf cell = {0};
    if (!width)
        return;
    for (size_t row = 0; row < t->nrows; row++)
        for (size_t col = 0; col < t->ncols; col++) {
            pc_md_cell(&cell, pc_table_cell(t, row, col)->text);
            size_t w = pc_utf8_width(cell.data, cell.len);
            if (w > width[col])
                width[col] = w;
        }
    for (size_t col = 0; col < t->ncols; col++)
        if (width[col] < 3)
            width[col] = 3;
    for (size_t row = 0; row < t->nrows; row++) {
        fputc('|', f);
        for (size_t col = 0; col < t->ncols; col++) {
            pc_md_cell(&cell, pc_table_cell(t, row, col)->text);
            size_t w = pc_utf8_width(cell.data, cell.len);
            fprintf(f, " %s%*s |", cell.data, (int)(width[col] - w), "");
        }
        fputc('\n', f);
        if (row == 0) {
            fputc('|', f);
            for (size_t col = 0; col < t->ncols; col++) {
                fputc(' ', f);
                for (size_t k = 0; k < width[col]; k++)
                    fputc('-', f);
                fputs(" |", f);
            }
            fputc('\n', f);
        }
    }
    free(width);
    pc_buf_free(&cell);
}

static void pc_write_md(const pc_report *r, FILE *f)
{
    pc_buf title = {0};
    pc_md_cell(&title, r->title);
    fprintf(f, "# %s\n", title.data);
    for (size_t i = 0; i < r->ntables; i++) {
        pc_md_cell(&title, r->tables[i].name);
        fprintf(f, "\n## %s\n\n", title.data);
        pc_md_table(&r->tables[i], f);
    }
    pc_buf_free(&title);
}

/* ---- HTML ---- */

static void pc_html_escape(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        case '\'': fputs("&#39;", f); break;
        case '\n': fputs("<br>", f); break;
        default: fputc(*s, f);
        }
    }
}

/* Glyphs carry each mark's meaning without colour (and on paper): "✓ covered". */
static void pc_html_glyph(FILE *f, pc_mark m)
{
    const char *g = pc_mark_glyph(m);
    if (*g)
        fprintf(f, "%s ", g);
}

static const char pc_html_style[] =
    "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#111}"
    "table{border-collapse:collapse;margin:1em 0;width:100%}"
    "th,td{border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left;"
    "overflow-wrap:anywhere}"
    "h2{break-after:avoid}"
    "thead th{background:#e8e8e8;position:sticky;top:0}"
    "tr.group td{background:#dde8f5;font-weight:bold}"
    ".covered{background:#dff0d8}.gap{background:#f8d7d7}"
    ".missing-required{background:#f1a7a7;font-weight:bold}"
    ".contradiction{background:#f7c58f;font-weight:bold}"
    ".disagreement{background:#fbe7a1}.warning{background:#fff7d6}"
    ".legend span{display:inline-block;padding:2px 6px;margin-right:6px;border:1px solid #999}"
    "@page{size:landscape;margin:1cm}"
    "@media print{body{margin:0;font-size:8pt}thead{display:table-header-group}"
    "tr{page-break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

static void pc_html_legend(FILE *f)
{
    static const pc_mark shown[] = {PC_MARK_COVERED,       PC_MARK_GAP,
                                    PC_MARK_MISSING,       PC_MARK_CONTRADICTION,
                                    PC_MARK_DISAGREEMENT,  PC_MARK_WARNING};
    fputs("<p class=\"legend\">", f);
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        fprintf(f, "<span class=\"%s\">", pc_mark_name(shown[i]));
        pc_html_glyph(f, shown[i]);
        fprintf(f, "%s</span>", pc_mark_name(shown[i]));
    }
    fputs("</p>\n", f);
}

/* Leading spaces (the matrix indents subcategories) would collapse in HTML: they become an
 * indent span. Returns the text after them. */
static const char *pc_html_indent(FILE *f, const char *text)
{
    size_t n = strspn(text, " ");
    if (n > 0 && text[n] != '\0')
        fprintf(f, "<span class=\"indent\" style=\"padding-left:%zuem\"></span>", n / 2);
    return n > 0 && text[n] != '\0' ? text + n : text;
}

static void pc_html_row(const pc_table *t, size_t row, FILE *f)
{
    const pc_cell *first = pc_table_cell(t, row, 0);
    fputs(first->mark == PC_MARK_GROUP ? "<tr class=\"group\">" : "<tr>", f);
    for (size_t col = 0; col < t->ncols; col++) {
        const pc_cell *c = pc_table_cell(t, row, col);
        const char *tag = row == 0 || (col == 0 && c->mark == PC_MARK_HEADER) ? "th" : "td";
        if (c->mark != PC_MARK_NONE && c->mark != PC_MARK_HEADER && c->mark != PC_MARK_GROUP) {
            fprintf(f, "<%s class=\"%s\">", tag, pc_mark_name(c->mark));
            pc_html_glyph(f, c->mark);
        } else
            fprintf(f, "<%s>", tag);
        pc_html_escape(f, pc_html_indent(f, c->text));
        fprintf(f, "</%s>", tag);
    }
    fputs("</tr>\n", f);
}

static void pc_write_html(const pc_report *r, FILE *f)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" "
          "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n<title>", f);
    pc_html_escape(f, r->title);
    fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", pc_html_style);
    pc_html_escape(f, r->title);
    fputs("</h1>\n", f);
    pc_html_legend(f);
    for (size_t i = 0; i < r->ntables; i++) {
        const pc_table *t = &r->tables[i];
        fputs("<h2>", f);
        pc_html_escape(f, t->name);
        fputs("</h2>\n<table>\n", f);
        for (size_t row = 0; row < t->nrows; row++) {
            if (row == 0)
                fputs("<thead>\n", f);
            pc_html_row(t, row, f);
            if (row == 0)
                fputs("</thead>\n<tbody>\n", f);
        }
        fputs(t->nrows ? "</tbody>\n</table>\n" : "</table>\n", f);
    }
    fputs("</body>\n</html>\n", f);
}

int pc_export_stream(const pc_report *r, pc_export_format fmt, FILE *f, pc_error *err)
{
    switch (fmt) {
    case PC_EXPORT_CSV: pc_write_delimited(r, f, 0); break;
    case PC_EXPORT_TSV: pc_write_delimited(r, f, 1); break;
    case PC_EXPORT_MD: pc_write_md(r, f); break;
    case PC_EXPORT_HTML: pc_write_html(r, f); break;
    }
    if (fflush(f) != 0 || ferror(f)) {
        pc_error_set(err, "write failed");
        return -1;
    }
    return 0;
}
