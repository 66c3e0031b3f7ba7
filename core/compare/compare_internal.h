/* compare_internal.h: how the comparison's finding detectors plug in. Not a public API.
 *
 * pc_compare() fills the matrix and the attribute values, then calls each detector; a detector
 * adds findings with pc_cmp_add() and returns 0, or -1 on out of memory. Sorting, de-duplicating
 * and counting happen after all detectors ran, so detectors need not care about order.
 */
#ifndef POLCMP_COMPARE_INTERNAL_H
#define POLCMP_COMPARE_INTERNAL_H

#include "compare/compare.h"

/* findings.c: add a finding; the policies bit set is derived from refs. The message is
 * formatted. */
int pc_cmp_add(pc_comparison *c, pc_finding_kind kind, pc_severity sev, int category,
               const pc_ref *refs, size_t nrefs, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* compare_lint.c: findings inside one policy that need no taxonomy: placeholder,
 * empty-section, duplicate, vague. */
int pc_cmp_lint(pc_comparison *c, size_t policy);

/* compare_stance.c: contradictions inside a policy and opposite stances between policies. */
int pc_cmp_stances(pc_comparison *c);

/* findings.c: order the findings (severity, kind, policy, category, position), drop
 * duplicates, count them by kind; and free one finding's contents. */
void pc_cmp_sort(pc_comparison *c);
void pc_cmp_finding_free(pc_finding *f);

#endif
