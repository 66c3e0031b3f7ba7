/* report.h: the tables people read, independent of how they are written.
 *
 * The comparison stage renders itself once into a pc_report (the category x policy matrix,
 * the attribute rows, the findings list, the reviewer's decisions); every table exporter (CSV,
 * TSV, Markdown, HTML, XLSX) writes the same pc_report, so the formats cannot drift apart.
 * A cell carries text and a semantic mark; writers turn the mark into a colour, a style or a
 * glyph, so meaning never rests on colour alone.
 */
#ifndef POLCMP_REPORT_H
#define POLCMP_REPORT_H

#include "util/util.h"

#include <stddef.h>

typedef enum pc_mark {
    PC_MARK_NONE = 0,
    PC_MARK_HEADER,        /* a column or row heading */
    PC_MARK_GROUP,         /* a group row (an OPP-115 top-level category) */
    PC_MARK_COVERED,       /* the policy covers the topic */
    PC_MARK_GAP,           /* peers cover the topic, this policy does not */
    PC_MARK_MISSING,       /* a required disclosure is missing */
    PC_MARK_CONTRADICTION, /* clauses take opposite stances */
    PC_MARK_DISAGREEMENT,  /* policies state different values */
    PC_MARK_WARNING,       /* a lesser finding (placeholder, vague, duplicate, empty section) */
    PC_MARK_COUNT
} pc_mark;

/* The mark's name ("gap", "contradiction"...), used as CSS class and in legends. */
const char *pc_mark_name(pc_mark m);
/* The mark's glyph, one column wide, so its meaning survives without colour: "✓" covered,
 * "○" gap, "✗" missing-required, "!" contradiction, "≠" disagreement, "~" warning; "" for
 * the others. The review UI draws the same glyphs. */
const char *pc_mark_glyph(pc_mark m);

/* pc_cell: owns text (never NULL once set; "" for an empty cell). */
typedef struct pc_cell {
    char *text;
    pc_mark mark;
} pc_cell;

/* pc_table: a titled grid. Owns name and cells. Row 0 is the header row. */
typedef struct pc_table {
    char *name;
    size_t ncols, nrows, cap; /* cap: rows allocated */
    pc_cell *cells;           /* row-major: cells[row * ncols + col] */
} pc_table;

/* pc_report: owns its tables. */
typedef struct pc_report {
    char *title;
    pc_table *tables;
    size_t ntables, cap;
} pc_report;

pc_report *pc_report_new(const char *title);
void pc_report_free(pc_report *r);
/* Adds an empty table (no rows yet); returns it, or NULL on out of memory. The pointer is
 * valid until the next pc_report_add_table(). */
pc_table *pc_report_add_table(pc_report *r, const char *name, size_t ncols);
/* Appends a row of empty cells; returns its index or -1 on out of memory. */
long pc_table_add_row(pc_table *t);
/* Sets a cell's text (copied) and mark; returns 0 or -1 on out of memory. */
int pc_table_set(pc_table *t, size_t row, size_t col, const char *text, pc_mark mark);
const pc_cell *pc_table_cell(const pc_table *t, size_t row, size_t col);

#endif
