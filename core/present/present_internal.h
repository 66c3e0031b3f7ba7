/* present_internal.h: what the files of present/ share (present_rows.c, present_clauses.c).
 * Not for other folders. */
#ifndef POLCMP_PRESENT_INTERNAL_H
#define POLCMP_PRESENT_INTERNAL_H

#include "present/jsonw.h"
#include "present/present.h"

/* Whether row i is among the rows chosen (every row when rows or its idx is NULL). */
int pc_rows_has(const pc_rows *rows, size_t i);
/* A new table named `name`, with the rows' filter in brackets: "Findings (kind: gap)". */
pc_table *pc_present_table(pc_report *r, const char *name, const pc_rows *rows, size_t ncols);
/* The same with its header row: head[0..ncols). */
pc_table *pc_present_table_head(pc_report *r, const char *name, const pc_rows *rows,
                                const char *const *head, size_t ncols);
/* The "Review" word of a decision placed as fit: "reviewed", "dismissed", "needs review
 * again", or "" (none, or only a note or a relabel). */
const char *pc_present_review_word(const pc_decision *d, pc_review_fit fit);
/* "review":{"status","note","stale"} of decision d placed as fit; a new reference. */
json_t *pc_present_review_json(const pc_decision *d, pc_review_fit fit);
/* The requirement results chosen by rows (PC_ROWS_REQUIREMENTS; every one when NULL) as the
 * "Checklist" table: one row per requirement and policy (present_checklist.c). */
void pc_report_checklist(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                         pc_report *r);
/* The clauses chosen by rows (PC_ROWS_CLAUSES), one a row: policy, number, section, text,
 * labels, findings citing it and the reviewer's decision (present_clauses.c). */
void pc_report_clauses(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                       pc_report *r);
/* The same as JSON: an array of {"policy","clause","number","section","text","labels",
 * "relabelled","findings":[finding indexes],"review"}; NULL on out of memory. */
json_t *pc_present_clauses_json(const pc_comparison *c, const pc_review_map *map,
                                const pc_rows *rows);

/* The JSON of present.h written to w as it is produced (present_json_findings.c): the
 * findings rows chose, and the requirement results rows chose (`bare`: no policy ids). */
void pc_present_findings_write(pc_jsonw *w, const pc_comparison *c, const pc_review_map *map,
                               const pc_rows *rows);
void pc_present_requirements_write(pc_jsonw *w, const pc_comparison *c, const pc_review_map *map,
                                   const pc_rows *rows, int bare);

#endif
