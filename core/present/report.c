/* report.c: see report.h. */
#include "present/report.h"

#include <stdlib.h>
#include <string.h>

static const char *const pc_mark_names[PC_MARK_COUNT] = {
    [PC_MARK_NONE] = "none",
    [PC_MARK_HEADER] = "header",
    [PC_MARK_GROUP] = "group",
    [PC_MARK_COVERED] = "covered",
    [PC_MARK_GAP] = "gap",
    [PC_MARK_MISSING] = "missing-required",
    [PC_MARK_CONTRADICTION] = "contradiction",
    [PC_MARK_DISAGREEMENT] = "disagreement",
    [PC_MARK_WARNING] = "warning",
};

const char *pc_mark_name(pc_mark m)
{
    return m < PC_MARK_COUNT ? pc_mark_names[m] : "none";
}

/* The same glyphs as the review UI's matrix (tui/model.c takes them from here). */
static const char *const pc_mark_glyphs[PC_MARK_COUNT] = {
    [PC_MARK_COVERED] = "\xE2\x9C\x93",       /* check mark */
    [PC_MARK_GAP] = "\xE2\x97\x8B",           /* white circle */
    [PC_MARK_MISSING] = "\xE2\x9C\x97",       /* ballot x */
    [PC_MARK_CONTRADICTION] = "!",
    [PC_MARK_DISAGREEMENT] = "\xE2\x89\xA0",  /* not equal */
    [PC_MARK_WARNING] = "~",
};

const char *pc_mark_glyph(pc_mark m)
{
    return m < PC_MARK_COUNT && pc_mark_glyphs[m] ? pc_mark_glyphs[m] : "";
}

pc_report *pc_report_new(const char *title)
{
    pc_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->title = pc_strdup(title ? title : "");
    if (!r->title) {
        free(r);
        return NULL;
    }
    return r;
}

static void pc_table_free(pc_table *t)
{
    for (size_t i = 0; i < t->nrows * t->ncols; i++)
        free(t->cells[i].text);
    free(t->cells);
    free(t->name);
}

void pc_report_free(pc_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ntables; i++)
        pc_table_free(&r->tables[i]);
    free(r->tables);
    free(r->title);
    free(r);
}

pc_table *pc_report_add_table(pc_report *r, const char *name, size_t ncols)
{
    if (ncols == 0 || pc_grow(&r->tables, &r->cap, r->ntables + 1, sizeof *r->tables) < 0)
        return NULL;
    pc_table *t = &r->tables[r->ntables];
    memset(t, 0, sizeof *t);
    t->name = pc_strdup(name ? name : "");
    if (!t->name)
        return NULL;
    t->ncols = ncols;
    r->ntables++;
    return t;
}

long pc_table_add_row(pc_table *t)
{
    if (t->nrows >= t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 16;
        pc_cell *n = realloc(t->cells, ncap * t->ncols * sizeof *n);
        if (!n)
            return -1;
        t->cells = n;
        t->cap = ncap;
    }
    pc_cell *row = &t->cells[t->nrows * t->ncols];
    for (size_t c = 0; c < t->ncols; c++) {
        row[c].text = pc_strdup("");
        row[c].mark = PC_MARK_NONE;
        if (!row[c].text) {
            while (c--)
                free(row[c].text);
            return -1;
        }
    }
    return (long)t->nrows++;
}

int pc_table_set(pc_table *t, size_t row, size_t col, const char *text, pc_mark mark)
{
    if (row >= t->nrows || col >= t->ncols)
        return -1;
    char *copy = pc_strdup(text ? text : "");
    if (!copy)
        return -1;
    pc_cell *c = &t->cells[row * t->ncols + col];
    free(c->text);
    c->text = copy;
    c->mark = mark;
    return 0;
}

const pc_cell *pc_table_cell(const pc_table *t, size_t row, size_t col)
{
    return &t->cells[row * t->ncols + col];
}
