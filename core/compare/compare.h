/* compare.h: the comparison of several classified policies.
 *
 * pc_compare() builds, from policies classified with one taxonomy:
 * - the matrix: for each category and policy, the clauses that carry the category (or one of
 *   its descendants), and whether it is covered;
 * - the attribute values each policy states (retention period, minimum age, deadline...);
 * - findings, each with a kind, a severity, the category it concerns (or -1), the policies and
 *   clauses it rests on, and a message a reviewer can act on. Sorted by severity, then kind,
 *   policy, category and position; duplicates removed.
 * The UI and every exporter read this one value (the present/ layer puts it together with a
 * reviewer's decisions and writes it in every format); none of them classifies again. This
 * module knows no output format and no review: a reviewer's relabels reach it as the policies'
 * overlays (policy.h), through which it reads every clause's labels.
 */
#ifndef POLCMP_COMPARE_H
#define POLCMP_COMPARE_H

#include "classify/policy.h"
#include "taxonomy/taxonomy.h"
#include "util/util.h"

typedef enum pc_finding_kind {
    PC_FIND_MISSING = 0,   /* missing-required */
    PC_FIND_CONTRADICTION, /* opposite stances inside one policy */
    PC_FIND_DISAGREEMENT,  /* policies state different values or stances */
    PC_FIND_GAP,           /* peers cover a category, this policy does not */
    PC_FIND_PLACEHOLDER,   /* unfilled template text */
    PC_FIND_EMPTY_SECTION, /* a heading with nothing under it */
    PC_FIND_DUPLICATE,     /* a sentence stated twice */
    PC_FIND_VAGUE,         /* a commitment hedged away */
    PC_FIND_INCOMPLETE,    /* a lead-in that promises a list and is followed by nothing */
    PC_FIND_COUNT
} pc_finding_kind;

typedef enum pc_severity { PC_SEV_LOW = 0, PC_SEV_MEDIUM, PC_SEV_HIGH } pc_severity;

/* "missing-required", "contradiction", ... and "low", "medium", "high". */
const char *pc_finding_kind_name(pc_finding_kind k);
const char *pc_severity_name(pc_severity s);
/* Parse a comma-separated list of kind names into a bit set (bit k); -1 on an unknown name,
 * with err naming it. */
int pc_finding_kinds_parse(const char *list, unsigned *kinds, pc_error *err);

/* Regimes whose required disclosures are checked: a bit set of PC_REGIME_* (requirement.h). */
/* Parse "gdpr,ccpa,coppa" (any subset, case-insensitive; "all"); -1 with err on an unknown one. */
int pc_regimes_parse(const char *list, unsigned *regimes, pc_error *err);
/* The regime a `required_by` entry belongs to ("GDPR Art. 13(2)(a)" -> PC_REGIME_GDPR), 0 if none.
 */
unsigned pc_regime_of(const char *required_by);

/* A clause a finding rests on. Plain value. section >= 0 with clause == PC_NO_CLAUSE for a
 * finding about a section (an empty heading). */
#define PC_NO_CLAUSE ((size_t)-1)
typedef struct pc_ref {
    int policy;
    size_t clause;
    int section;
} pc_ref;

/* One finding. Owns message, refs and frames. */
typedef struct pc_finding {
    pc_finding_kind kind;
    pc_severity severity;
    int category;           /* index into tax->cats, or -1 */
    int attribute;          /* disagreement on a value: index into tax->attrs, else -1 */
    int requirement;        /* missing-required from a requirement: index into tax->reqs, else -1 */
    unsigned long policies; /* bit set of policy indexes (at most 64 policies per comparison) */
    pc_ref *refs;
    size_t nrefs;
    char *message;
    size_t *frames; /* contradiction: per ref, the index of the statement frame (frame.h) in
                       its policy's frames that clashes; NULL for other kinds */
    size_t nrestrictions; /* contradiction: refs[0 .. nrestrictions) are the restrictions
                             that state the same promise against the same practices, the
                             rest the practices; 0 for other kinds */
} pc_finding;

/* One matrix cell. Owns clauses. */
typedef struct pc_cell_info {
    size_t *clauses; /* clause indexes in document order */
    size_t nclauses;
    int covered;       /* nclauses > 0 */
    int peers;         /* how many other policies cover the category */
    unsigned required; /* regimes (selected ones) that require the category */
} pc_cell_info;

/* A stated attribute value. Plain value; the hit is borrowed from the policy's pc_classified. */
typedef struct pc_attr_value {
    int policy;
    size_t clause;
    const pc_attr_hit *hit;
} pc_attr_value;

/* ---- requirements: a checklist per policy ------------------------------------------ */

typedef enum pc_req_status {
    PC_REQ_MET = 0,        /* every part is disclosed */
    PC_REQ_NOT_DISCLOSED,  /* a part (or all) is not */
    PC_REQ_NOT_APPLICABLE, /* the policy shows it does not apply (an `exempt` rule) */
} pc_req_status;

/* "met", "not-disclosed", "not-applicable". */
const char *pc_req_status_name(pc_req_status s);

/* What a requirement's status rests on: a clause (or a section title, clause PC_NO_CLAUSE)
 * meeting a part, or showing that the requirement applies or does not apply. Plain value;
 * rule is borrowed from the taxonomy. */
typedef enum pc_req_role { PC_REQ_PART = 0, PC_REQ_APPLIES, PC_REQ_EXEMPT } pc_req_role;
typedef struct pc_req_evidence {
    pc_req_role role;
    int part; /* PC_REQ_PART: index into the requirement's parts; else -1 */
    pc_ref at;
    const pc_rule *rule; /* the rule that matched; NULL when a label (category) met it */
    int category;        /* the label that met it, or -1 */
    pc_span span;        /* what the rule matched (the clause for a label), in the doc's text */
} pc_req_evidence;

/* One requirement of a selected regime checked on one policy. Plain value; its evidence is
 * c->req_evidence[ev_first .. ev_first + nev), parts in order. */
typedef struct pc_req_result {
    int policy;
    int requirement; /* index into tax->reqs */
    pc_req_status status;
    pc_severity severity;  /* of the missing disclosure: high; low for a conditional
                              requirement the policy does not show to apply */
    int applies;           /* a conditional requirement the policy shows to apply */
    unsigned long missing; /* bit p: part p is not disclosed */
    size_t ev_first, nev;
} pc_req_result;

#define PC_COMPARE_MAX_POLICIES 64

/* pc_comparison: owns cells, values and findings; borrows the taxonomy and the policies,
 * which must outlive it. cells[cat * npolicies + policy]. */
typedef struct pc_comparison {
    const pc_taxonomy *tax;
    pc_policy *const *policies;
    size_t npolicies;
    unsigned regimes;
    pc_cell_info *cells;
    pc_attr_value *values; /* sorted by attribute, then policy, then clause */
    size_t nvalues;
    pc_finding *findings;
    size_t nfindings;
    size_t counts[PC_FIND_COUNT]; /* findings by kind */
    /* Requirement results, by policy then requirement (only the selected regimes' ones; a
     * regime the taxonomy gives no requirements is checked through categories' required_by,
     * see by_requirement). */
    pc_req_result *reqs;
    size_t nreqs, reqs_cap;
    pc_req_evidence *req_evidence;
    size_t nreq_evidence, req_evidence_cap;
    unsigned by_requirement; /* selected regimes the taxonomy has requirements for */
} pc_comparison;

pc_comparison *pc_compare(const pc_taxonomy *tax, pc_policy *const *policies, size_t n,
                          unsigned regimes, pc_error *err);
void pc_comparison_free(pc_comparison *c);

const pc_cell_info *pc_comparison_cell(const pc_comparison *c, int cat, size_t policy);
/* The requirement results of one policy: *n of them, in taxonomy order. */
const pc_req_result *pc_comparison_reqs(const pc_comparison *c, size_t policy, size_t *n);
/* The index in c->reqs of requirement `requirement` (into tax->reqs) checked on a policy, or -1
 * when it was not checked (its regime is not selected). */
long pc_req_result_index(const pc_comparison *c, size_t policy, int requirement);
/* What a result rests on first: the first part's clause that meets it, or what shows it does
 * not apply; NULL when nothing does. */
const pc_req_evidence *pc_req_result_evidence(const pc_comparison *c, const pc_req_result *res);
/* The missing-required finding of a result not disclosed (an index into c->findings), or -1. */
long pc_req_result_finding(const pc_comparison *c, const pc_req_result *res);

#endif
