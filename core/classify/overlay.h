/* overlay.h: a reviewer's labels laid over one policy's classification.
 *
 * The classifier's output (pc_classified) is never rewritten. When a reviewer relabels a clause,
 * the clause's new categories are kept here, and whoever reads a clause's labels (the
 * comparison, the UI, the exports) reads them through pc_policy_clause_label() (policy.h), which looks
 * at the overlay first. Withdrawing a relabel only removes it from the overlay: nothing is
 * classified again. The review module builds overlays from the reviewer's decisions; this
 * module knows nothing of reviews.
 */
#ifndef POLCMP_OVERLAY_H
#define POLCMP_OVERLAY_H

#include <stddef.h>

/* pc_overlay: the relabelled clauses of one outline. Owns its arrays. set[i] says whether clause
 * i's labels are the reviewer's (possibly none at all); its categories (taxonomy indexes,
 * without repeats) are cats[first[i] .. first[i] + n[i]). */
typedef struct pc_overlay {
    size_t nclauses;
    unsigned char *set;
    size_t *first, *n;
    int *cats;
    size_t ncats, cap;
} pc_overlay;

/* An overlay over nclauses clauses with nothing relabelled; NULL on out of memory. */
pc_overlay *pc_overlay_new(size_t nclauses);
void pc_overlay_free(pc_overlay *o);
/* Relabel clause `clause` to cats[0..n) (repeats dropped; n == 0: no label at all). A clause
 * relabelled twice keeps the last. 0, or -1 on out of memory or a clause out of range. */
int pc_overlay_set(pc_overlay *o, size_t clause, const int *cats, size_t n);
/* Whether clause `clause` is relabelled (o may be NULL: nothing is); when it is, its categories
 * are (*cats)[0 .. *n). */
int pc_overlay_get(const pc_overlay *o, size_t clause, const int **cats, size_t *n);
/* How many clauses are relabelled. */
size_t pc_overlay_count(const pc_overlay *o);

#endif
