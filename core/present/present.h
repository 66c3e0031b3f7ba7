/* present.h: a comparison put together with a reviewer's decisions, for people and for scripts.
 *
 * The comparison (compare.h) knows no format and no review; this layer reads a pc_comparison
 * and, when there is one, the decisions placed on it (a pc_review_map, review.h), and makes:
 * - the tables people read (pc_present_report): the matrix (rows are categories grouped under
 *   their OPP-115 parent, columns are policies), the values each policy states, the findings,
 *   the regime checklist (when regimes with requirements are selected: each requirement on each
 *   policy, the clause that meets it, and the decision on it) and, with a review, a "Review" and a "Note" column on the findings and a "Review notes"
 *   table listing every clause decision and every decision that fits nothing (orphans);
 * - the JSON of DESIGN.md (pc_present_json), each finding with a decision gaining
 *   "review":{"status","note","stale"} and a top-level "review" array of every decision.
 *   Wherever an object names a clause by its 0-based index ("clause"), it also carries the
 *   1-based number people see in the UI and the tables ("number").
 * A screen of the review UI is exported as it is shown: the same with a selection of rows
 * (pc_rows: the matrix rows shown, the findings a filter leaves, a category's or a policy's
 * clauses).
 * With map == NULL both are exactly the comparison alone. Every format a user can ask for goes
 * through one table of writers (writer.h) built on these two.
 */
#ifndef POLCMP_PRESENT_H
#define POLCMP_PRESENT_H

#include "compare/compare.h"
#include "present/report.h"
#include "review/review.h"
#include "util/util.h"

#include <jansson.h>
#include <stdio.h>

/* A selection of a comparison's rows: what one screen of the review UI shows, exported as it is
 * shown. Plain value; idx is borrowed. */
typedef enum pc_rows_kind {
    PC_ROWS_ALL = 0,  /* everything: every table, the whole JSON */
    PC_ROWS_MATRIX,   /* matrix rows: the categories idx[0..n) */
    PC_ROWS_FINDINGS, /* the findings idx[0..n) */
    PC_ROWS_CLAUSES,  /* the clauses of `policy` (-1: of every policy) carrying `category` or one
                         below it (-1: every clause), or the clauses idx[0..n) of `policy`,
                         with their labels and decisions */
    PC_ROWS_REQUIREMENTS, /* the requirement results c->reqs[idx[k]]: the regime checklist */
} pc_rows_kind;

typedef struct pc_rows {
    pc_rows_kind kind;
    const size_t *idx;
    size_t n;
    int policy, category;
    const char *filter; /* how the rows were chosen, in words ("kind: gap"); NULL when not */
} pc_rows;

/* The tables; NULL on out of memory. With rows (NULL: everything), only the table of the
 * rows chosen, named with their filter ("Findings (kind: gap)"); PC_ROWS_CLAUSES is a table
 * of clauses (policy, number, section, text, labels, findings, review, note); PC_ROWS_REQUIREMENTS
 * the checklist (regime, requirement, articles, policy, status, clause, evidence, review, note). */
pc_report *pc_present_report(const pc_comparison *c, const pc_review_map *map);
pc_report *pc_present_report_rows(const pc_comparison *c, const pc_review_map *map,
                                  const pc_rows *rows);
/* The JSON, written to f. 0, or -1 with err (out of memory, a write error; names no file).
 * With rows (NULL: everything), "policies" and the rows chosen: "categories" and "cells" of
 * the matrix rows, "findings", or "clauses". */
int pc_present_json(const pc_comparison *c, const pc_review_map *map, FILE *f, pc_error *err);
int pc_present_json_rows(const pc_comparison *c, const pc_review_map *map, const pc_rows *rows,
                         FILE *f, pc_error *err);
/* Finding i as the JSON above describes it (kind, severity, category, policies, clauses with
 * their text, message; sections, attribute and review when there are any), for other writers
 * such as batch mode's JSON Lines. With `bare` (a comparison of one policy) the policy ids are
 * left out. A new reference, NULL on out of memory. */
json_t *pc_present_finding_json(const pc_comparison *c, const pc_review_map *map, size_t i,
                                int bare);
/* The requirement results of the comparison (c->reqs; those rows chose, when rows is not NULL)
 * as an array, one object per policy and requirement: {"policy","requirement","regime","name","articles":[..],"status":"met" |
 * "not-disclosed" | "not-applicable","severity" (of a missing disclosure, else null),
 * "conditional","applies","parts":[{"id","name","status","evidence"}],"applies_evidence",
 * "exempt_evidence"}, evidence being {"clause","text","rule","category","span"} or
 * {"section","title",...}, or null, and "review":{"status","note","stale"} when the reviewer
 * decided on it (map may be NULL). With `bare` the policy ids are left out. A new reference,
 * NULL on out of memory. */
json_t *pc_present_requirements_json(const pc_comparison *c, const pc_review_map *map,
                                     const pc_rows *rows, int bare);

#endif
