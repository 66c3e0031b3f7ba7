/* export_xlsx.c: a pc_report as an XLSX workbook through libxlsxwriter: one sheet per table,
 * header row frozen (and the first column, which names the row), marks as fill colours, column
 * widths from the text's display width, long text wrapped. Every cell is written as a string,
 * never as a formula, and neutralised as in export.h as well. */
#include "present/export.h"

#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define PC_XLSX_MAX_WIDTH 60.0
#define PC_XLSX_SHEET_NAME 31
/* Widest sheet (in character widths) still scaled to one page across. */
#define PC_XLSX_PRINT_WIDTH 320.0

/* Fill colours per mark (RGB), 0 for none. */
static const lxw_color_t pc_xlsx_fill[PC_MARK_COUNT] = {
    [PC_MARK_HEADER] = 0xE8E8E8,        [PC_MARK_GROUP] = 0xDDE8F5,
    [PC_MARK_COVERED] = 0xDFF0D8,       [PC_MARK_GAP] = 0xF8D7D7,
    [PC_MARK_MISSING] = 0xF1A7A7,       [PC_MARK_CONTRADICTION] = 0xF7C58F,
    [PC_MARK_DISAGREEMENT] = 0xFBE7A1,  [PC_MARK_WARNING] = 0xFFF7D6,
};

static void pc_xlsx_formats(lxw_workbook *wb, lxw_format *fmt[PC_MARK_COUNT])
{
    for (int m = 0; m < PC_MARK_COUNT; m++) {
        fmt[m] = workbook_add_format(wb);
        format_set_text_wrap(fmt[m]);
        format_set_align(fmt[m], LXW_ALIGN_VERTICAL_TOP);
        format_set_border(fmt[m], LXW_BORDER_THIN);
        if (pc_xlsx_fill[m])
            format_set_bg_color(fmt[m], pc_xlsx_fill[m]);
        if (m == PC_MARK_HEADER || m == PC_MARK_GROUP || m == PC_MARK_MISSING ||
            m == PC_MARK_CONTRADICTION)
            format_set_bold(fmt[m]);
    }
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\', unique in the book
 * (a number is appended only when an earlier sheet took the name). */
static void pc_xlsx_sheet_name(lxw_workbook *wb, const char *name, size_t index, char *out,
                               size_t outsz)
{
    size_t n = 0;
    for (const char *s = name; *s && n + 1 < outsz && n < PC_XLSX_SHEET_NAME - 4; s++)
        out[n++] = strchr("[]:*?/\\'", *s) ? '_' : *s;
    /* Do not end inside a UTF-8 sequence. */
    while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0xC0)
        n--;
    out[n] = '\0';
    if (n == 0)
        snprintf(out, outsz, "Sheet%zu", index + 1);
    else if (workbook_get_worksheet_by_name(wb, out))
        snprintf(out + n, outsz - n, " %zu", index + 1);
}

/* On paper: landscape, the header row (and the naming column) on every page, one page wide
 * while that stays legible, page numbers in the footer. */
static void pc_xlsx_print(lxw_worksheet *ws, const pc_table *t, double total_width)
{
    worksheet_set_landscape(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
    worksheet_repeat_rows(ws, 0, 0);
    if (t->ncols > 2)
        worksheet_repeat_columns(ws, 0, 0);
    worksheet_fit_to_pages(ws, total_width <= PC_XLSX_PRINT_WIDTH ? 1 : 0, 0);
    worksheet_set_header(ws, "&L&A");
    worksheet_set_footer(ws, "&RPage &P of &N");
}

/* Lines a cell's text takes when wrapped at `width` characters. */
static double pc_xlsx_lines(const char *text, double width)
{
    double lines = 0;
    for (const char *s = text;;) {
        size_t n = strcspn(s, "\n");
        double w = (double)pc_utf8_width(s, n);
        lines += w > 0 ? (double)(size_t)((w + width - 3) / (width - 2)) : 1;
        if (!s[n])
            return lines;
        s += n + 1;
    }
}

/* Row heights for wrapped text: spreadsheets do not re-measure rows on opening. */
static void pc_xlsx_heights(lxw_worksheet *ws, const pc_table *t, const double *width)
{
    for (size_t row = 0; row < t->nrows; row++) {
        double lines = 1;
        for (size_t col = 0; col < t->ncols; col++) {
            double l = pc_xlsx_lines(pc_table_cell(t, row, col)->text, width[col]);
            lines = l > lines ? l : lines;
        }
        if (lines > 1)
            worksheet_set_row(ws, (lxw_row_t)row, 15 * (lines > 20 ? 20 : lines), NULL);
    }
}

/* Sets column widths and row heights; returns the widths' sum. */
static double pc_xlsx_widths(lxw_worksheet *ws, const pc_table *t)
{
    double total = 0;
    double *width = calloc(t->ncols, sizeof *width);
    for (size_t col = 0; col < t->ncols; col++) {
        double w = 8;
        for (size_t row = 0; row < t->nrows; row++) {
            const char *text = pc_table_cell(t, row, col)->text;
            double tw = (double)pc_utf8_width(text, strlen(text)) + 2;
            if (tw > w)
                w = tw;
        }
        w = w > PC_XLSX_MAX_WIDTH ? PC_XLSX_MAX_WIDTH : w;
        worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col, w, NULL);
        total += w;
        if (width)
            width[col] = w;
    }
    if (width)
        pc_xlsx_heights(ws, t, width);
    free(width);
    return total;
}

static int pc_xlsx_table(lxw_workbook *wb, const pc_table *t, size_t index,
                         lxw_format *fmt[PC_MARK_COUNT], pc_buf *cell)
{
    char name[64];
    pc_xlsx_sheet_name(wb, t->name, index, name, sizeof name);
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (!ws)
        return -1;
    for (size_t row = 0; row < t->nrows; row++)
        for (size_t col = 0; col < t->ncols; col++) {
            const pc_cell *c = pc_table_cell(t, row, col);
            pc_mark m = row == 0 ? PC_MARK_HEADER : c->mark;
            cell->len = 0;
            if (pc_export_safe_cell(cell, c->text) < 0)
                return -1;
            worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, cell->data, fmt[m]);
        }
    worksheet_freeze_panes(ws, 1, t->ncols > 2 ? 1 : 0);
    if (t->nrows > 1)
        worksheet_autofilter(ws, 0, 0, (lxw_row_t)(t->nrows - 1), (lxw_col_t)(t->ncols - 1));
    pc_xlsx_print(ws, t, pc_xlsx_widths(ws, t));
    return 0;
}

int pc_export_xlsx(const pc_report *r, const char *path, pc_error *err)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb) {
        pc_error_set(err, "cannot create the workbook");
        return -1;
    }
    lxw_format *fmt[PC_MARK_COUNT];
    pc_xlsx_formats(wb, fmt);
    pc_buf cell = {0};
    int rc = 0;
    for (size_t i = 0; i < r->ntables && rc == 0; i++)
        rc = pc_xlsx_table(wb, &r->tables[i], i, fmt, &cell);
    pc_buf_free(&cell);
    workbook_set_properties(wb, &(lxw_doc_properties){.title = r->title});
    lxw_error e = workbook_close(wb);
    if (rc < 0 || e != LXW_NO_ERROR) {
        pc_error_set(err, "xlsx: %s", rc < 0 ? "out of memory" : lxw_strerror(e));
        return -1;
    }
    return 0;
}
