/* compare_json.h: pieces of the comparison's JSON (compare_json.c) for other writers, such as
 * batch mode's JSON Lines, so every output describes a finding the same way. */
#ifndef POLCMP_COMPARE_JSON_H
#define POLCMP_COMPARE_JSON_H

#include "compare/compare.h"

#include <jansson.h>

struct pc_review_map;

/* Finding i as `compare --format json` writes it: kind, severity, category, policies,
 * clauses (each with its policy, clause index and text), message, and sections, attribute and
 * review when there are any (map may be NULL). With `bare` (a comparison of one policy) the
 * policy ids are left out. Returns a new reference, NULL on out of memory. */
json_t *pc_finding_json(const pc_comparison *c, const struct pc_review_map *map, size_t i,
                        int bare);

/* The requirement results of the comparison (c->reqs) as an array, one object per policy and
 * requirement: {"policy","requirement","regime","name","articles":[..],"status":"met" |
 * "not-disclosed" | "not-applicable","severity" (of a missing disclosure, else null),
 * "conditional","applies","parts":[{"id","name","status","evidence"}],"applies_evidence",
 * "exempt_evidence"}, evidence being {"clause","text","rule","category","span"} or
 * {"section","title",...}, or null. With `bare` the policy ids are left out. */
json_t *pc_requirements_json(const pc_comparison *c, int bare);

#endif
