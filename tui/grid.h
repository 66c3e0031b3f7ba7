/* grid.h: rows of a tree (groups that fold, and the items under each) against one column per
 * policy: the shape of the matrix (categories under the OPP-115 groups) and of the checklist
 * (requirements under their regimes), as tmux's mode-tree serves its modes.
 *
 * The grid owns the rows, the folding, the column widths and sideways scrolling, drawing the
 * head and the rows with the cursor's cell, clicking a cell (again: Enter), moving between
 * columns and groups, folding, searching every row (a folded group opens on a match) and
 * stepping to the next cell worth a look. Its view says what a row and a cell show (ops).
 *
 * A grid view's data starts with its tui_grid (v->data is a tui_grid *), so the grid's
 * functions below serve directly as the view's items, go, click and (part of its) command.
 * The cursor's row is the view's list (v->list, over the rows shown); the column is g->col.
 */
#ifndef POLCMP_TUI_GRID_H
#define POLCMP_TUI_GRID_H

#include "view.h"

/* One row: a group's (item < 0) or an item's. Plain value. */
typedef struct tui_grid_row {
    int group, item, depth;
} tui_grid_row;

/* What the grid asks its view. */
typedef struct tui_grid_ops {
    const char *corner; /* the name column's heading, "Category" */
    /* A group's name, an item's name. */
    const char *(*name)(tui_view *v, const tui_grid_row *r);
    /* Cell (row, policy): its text into buf and its style. */
    tui_style (*cell)(tui_view *v, const tui_grid_row *r, size_t policy, char *buf, size_t n);
    /* Whether the cell is worth a look (} and { step to the next one that is). */
    int (*notable)(tui_view *v, const tui_grid_row *r, size_t policy);
    /* The line under the table: the cursor's cell in words, drawn at row y. */
    void (*info)(tui_view *v, tui_screen *s, int y);
    /* The legend's item i ("✓ covered") into buf, and its style; 0 after the last. */
    int (*legend)(size_t i, char *buf, size_t n, tui_style *style);
} tui_grid_ops;

/* tui_grid: owns rows, visible and folded. */
typedef struct tui_grid {
    const tui_grid_ops *ops;
    tui_grid_row *rows;
    size_t nrows, cap;
    size_t *visible;         /* indexes into rows of the rows shown (v->list is over them) */
    unsigned char *folded;   /* per group */
    int ngroups;
    size_t col, left;        /* the cursor's policy, the first policy shown */
    int namew, colw;         /* the geometry of the last draw */
    size_t ncols;
} tui_grid;

/* Start an empty grid of ngroups groups; add rows in order (a group's row, then its items).
 * 0 or -1 on out of memory. */
int tui_grid_init(tui_grid *g, const tui_grid_ops *ops, int ngroups);
int tui_grid_add(tui_grid *g, int group, int item, int depth);
void tui_grid_free(tui_grid *g);
/* After the rows are added: lay out the rows shown, the cursor on item `item` of `group` (item
 * < 0: the group's row; group < 0: the first row) and column `policy` (when >= 0). */
void tui_grid_start(tui_view *v, int group, int item, int policy);

/* The row under the cursor (NULL when there is none). */
const tui_grid_row *tui_grid_current(tui_view *v);
/* Draw the view into [y, y + h): the head, the rows and, when there is room, the info line
 * and the legend (the view's draw). */
void tui_grid_draw(tui_view *v, tui_screen *s, int y, int h);
/* Columns, folding and groups: h l z Z ] [ and } {. 1 when handled. */
int tui_grid_command(tui_view *v, tui_cmd cmd);
/* Fold or unfold the cursor's group. */
void tui_grid_fold(tui_view *v);
/* Every row, folded or not, for searching; go unfolds the row's group. */
size_t tui_grid_items(tui_view *v, size_t *cur);
void tui_grid_go(tui_view *v, size_t row);
/* A click on a cell selects it; on the selected cell, Enter. */
void tui_grid_click(tui_view *v, int y, int x);

#endif
