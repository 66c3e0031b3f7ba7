/* review.h: a compliance reviewer's decisions about clauses and findings, kept in a review file.
 *
 * A decision says that a clause or a finding was reviewed, relabels a clause (its categories
 * replace the classifier's), carries a note, or dismisses a finding. Decisions must never be
 * lost: the file is written atomically, a file that fails to parse is never overwritten, and a
 * decision that no longer fits the policies (an "orphan") is kept in the file.
 *
 * Keys. A clause is identified by its policy id and its text with whitespace runs collapsed to
 * one space and trimmed (pc_review_clause_key), so reformatting and moving a clause keep its
 * decision. A finding is identified by its policy (the first policy it concerns) and
 * "KIND|CATEGORY|PART|PART...", where CATEGORY is the category id (an attribute disagreement adds
 * "@ATTRIBUTE"; "-" when none) and each PART is a clause key ("POLICY:" in front when the clause
 * belongs to another policy) or "#" and a section title for a finding about a heading. Gap and
 * missing-required findings have no PART (the peers' clauses they cite are not what they rest on),
 * except that one from a regime's requirement has the requirement's id as its one PART
 * ("missing-required|controller-contact|G1"): that is also the key of the reviewer's decision on
 * the requirement in the checklist, met or not, so several requirements on one category keep
 * their decisions apart.
 *
 * Placing decisions on a comparison (pc_review_map_new):
 * - a clause decision whose key equals a clause's key of its policy fits that clause (CURRENT);
 * - otherwise it is placed on the clause of that policy, in a section with the same title, whose
 *   word set overlaps most with the key's (|A and B| / max(|A|,|B|) at least one half; ties go to
 *   the first clause in the document) and that no CURRENT decision holds: STALE, shown as "needs
 *   review again";
 * - a finding decision fits the finding with the same key (CURRENT), or else a finding of the same
 *   kind, category and policy whose clause parts each overlap the decision's at least one half
 *   (STALE; a missing-required decision written before its finding named its requirement fits
 *   the first such finding as STALE too);
 * - a requirement's decision (the key above) fits the requirement checked on its policy, whether
 *   or not the requirement is met (CURRENT), or the decision STALE on its finding;
 * - anything else is an orphan: reported, kept in the file, never dropped.
 *
 * File format (docs/review-file.md), YAML written with libyaml's emitter, block style, decisions
 * sorted by policy, then kind (clauses first), then key, so saving an unchanged review gives the
 * same bytes:
 *
 *   # polcmp review decisions. Edit with care; polcmp rewrites this file after every change.
 *   polcmp-review: 1
 *   decisions:
 *   - policy: freshbox
 *     clause: We never sell your personal information.
 *     section: 5. Sharing
 *     status: reviewed
 *     labels:
 *     - data-sale
 *     note: Checked with legal.
 *     updated: 2026-11-22T10:00:00Z
 *   - policy: freshbox
 *     finding: contradiction|data-sale|We never sell ...|We may sell ...
 *     status: dismissed
 *     updated: 2026-11-22T10:05:00Z
 *
 * Keys of a decision: policy and exactly one of clause/finding (required); section (clauses
 * only), status (open | reviewed | dismissed; default open; dismissed only for findings), labels
 * (a sequence of category ids; present, even empty, means relabelled), note, updated. Any other
 * key, a wrong type, a bad status or a version other than 1 is an error "FILE:LINE:COL: ...".
 */
#ifndef POLCMP_REVIEW_H
#define POLCMP_REVIEW_H

#include "compare/compare.h"
#include "classify/policy.h"
#include "util/util.h"

#include <stddef.h>

#define PC_REVIEW_VERSION 1
#define PC_REVIEW_DEFAULT_NAME "polcmp-review.yaml"

typedef enum pc_review_status { PC_REV_OPEN = 0, PC_REV_REVIEWED, PC_REV_DISMISSED } pc_review_status;

/* "open", "reviewed", "dismissed"; parse returns -1 on an unknown name. */
const char *pc_review_status_name(pc_review_status s);
int pc_review_status_parse(const char *name);

/* One decision. Owns its strings. */
typedef struct pc_decision {
    int is_finding;          /* 0: about a clause; 1: about a finding */
    char *policy;            /* the policy id (pc_policy.id) */
    char *key;               /* clause: pc_review_clause_key(); finding: pc_review_finding_key() */
    char *section;           /* clause: its section title when decided; NULL for findings */
    pc_review_status status; /* OPEN (only a note or a relabel), REVIEWED, DISMISSED (findings) */
    char **labels;           /* relabel: the category ids that replace the classifier's */
    size_t nlabels;
    int relabelled;          /* 1 when labels applies (a relabel to nothing is allowed) */
    char *note;              /* NULL when none */
    char *updated;           /* ISO 8601 UTC time of the last change */
} pc_decision;

/* pc_review: the decisions of one review file. Owns path and items (and each item's strings).
 * Pointers to items stay valid until the next pc_review_get() that adds a decision. */
typedef struct pc_review {
    char *path;
    pc_decision *items;
    size_t n, cap;
} pc_review;

pc_review *pc_review_new(const char *path); /* empty; NULL on out of memory */
/* A missing file is an empty review. A file that fails to parse: NULL with err
 * "FILE:LINE:COL: what is wrong" (and the caller must never overwrite that file). */
pc_review *pc_review_load(const char *path, pc_error *err);
/* Parse from memory; `name` stands for the file in messages and becomes the review's path. */
pc_review *pc_review_load_mem(const char *name, const char *data, size_t len, pc_error *err);
/* Atomic (temporary file in the same directory, fsync, rename; core/atomic.h). On error the
 * old file is untouched, err names the path, and the decisions stay in memory. */
int pc_review_save(const pc_review *r, pc_error *err);
/* The same to another file (r->path is left as it is). */
int pc_review_save_to(const pc_review *r, const char *path, pc_error *err);
/* The file's bytes as pc_review_save writes them (malloc'd, NUL-terminated), NULL on error. */
char *pc_review_dump(const pc_review *r, size_t *len, pc_error *err);
void pc_review_free(pc_review *r);

/* Where the review file goes by default: "polcmp-review.yaml" in the first policy's directory. */
char *pc_review_default_path(const char *first_policy_path);
/* The key of a clause: its text with whitespace runs collapsed to one space, trimmed. */
char *pc_review_clause_key(const char *text, size_t len);
/* The key of a clause of a policy (pc_review_clause_key of its text). */
char *pc_review_policy_clause_key(const pc_policy *p, size_t clause);
/* The title of a clause's section, whitespace collapsed ("" when untitled); malloc'd. */
char *pc_review_section_title(const pc_policy *p, size_t clause);
/* The key of a finding: kind, category id and the keys of the clauses it rests on (stable when
 * the policy is reloaded and unchanged clauses move). */
char *pc_review_finding_key(const pc_comparison *c, const pc_finding *f);
/* The key of the decision on requirement `requirement` (an index into c->tax->reqs) of a
 * policy, and of its missing-required finding: "missing-required|CATEGORY|ID". */
char *pc_review_requirement_key(const pc_comparison *c, int requirement);
/* The policy a finding decision is filed under: the first policy of the finding. */
const char *pc_review_finding_policy(const pc_comparison *c, const pc_finding *f);

/* Find a decision, or NULL; pc_review_get finds or adds one (stamped `updated`; NULL on out of
 * memory). `section` is stored for a new clause decision and refreshed on an existing one. */
pc_decision *pc_review_find(const pc_review *r, int is_finding, const char *policy, const char *key);
pc_decision *pc_review_get(pc_review *r, int is_finding, const char *policy, const char *key,
                           const char *section);
/* Remove a decision (e.g. one cleared of everything by the reviewer). Returns 0, -1 if absent. */
int pc_review_remove(pc_review *r, const pc_decision *d);
int pc_decision_set_note(pc_decision *d, const char *note);            /* "" clears */
int pc_decision_set_labels(pc_decision *d, const char *const *ids, size_t n);
void pc_decision_clear_labels(pc_decision *d);                         /* back to the classifier's */
void pc_decision_touch(pc_decision *d);                                /* updated = now */

/* The decisions placed on one comparison. Owns its arrays; borrows review and comparison. */
typedef enum pc_review_fit { PC_FIT_NONE = 0, PC_FIT_CURRENT, PC_FIT_STALE } pc_review_fit;
typedef struct pc_review_map {
    const pc_review *review;
    const pc_comparison *cmp;
    long **clause;              /* clause[policy][clause]: index into review->items, or -1 */
    pc_review_fit **clause_fit; /* CURRENT: same text; STALE: the clause changed ("needs review again") */
    long *finding;              /* finding[i]: index into review->items, or -1 */
    pc_review_fit *finding_fit;
    long *req;                  /* req[i]: the decision on cmp->reqs[i], or -1 */
    pc_review_fit *req_fit;
    size_t *orphans, norphans;  /* decisions that fit nothing in this comparison (kept in the file) */
} pc_review_map;

pc_review_map *pc_review_map_new(const pc_review *r, const pc_comparison *c, pc_error *err);
void pc_review_map_free(pc_review_map *m);
/* The decision on finding i (NULL when none), and whether the finding is dismissed by a CURRENT
 * decision (a STALE dismissal does not count: the finding changed). */
const pc_decision *pc_review_map_finding(const pc_review_map *m, size_t i, pc_review_fit *fit);
int pc_review_map_dismissed(const pc_review_map *m, size_t i);
/* The decision on the requirement result cmp->reqs[i] (NULL when none), and whether it is
 * dismissed as not applicable by a CURRENT decision. */
const pc_decision *pc_review_map_req(const pc_review_map *m, size_t i, pc_review_fit *fit);
int pc_review_map_req_dismissed(const pc_review_map *m, size_t i);
/* The decision on clause `clause` of policy `policy`, NULL when none. */
const pc_decision *pc_review_map_clause(const pc_review_map *m, size_t policy, size_t clause,
                                        pc_review_fit *fit);

/* The overlay of r's relabels of p's clauses (overlay.h), to lay over p's classification with
 * pc_policy_set_overlay() before comparing: a relabelled clause's labels are exactly the
 * decision's categories. Only decisions whose key matches a clause exactly count (a relabel of a
 * clause that changed since is not applied). Category ids the taxonomy does not know are skipped
 * and the first is described in `warning` (may be NULL). The classification itself is never
 * touched. NULL with err on out of memory. */
pc_overlay *pc_review_overlay(const pc_review *r, const pc_policy *p, pc_error *warning,
                              pc_error *err);

#endif
