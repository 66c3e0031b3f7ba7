/* frame_json.h: a statement frame as JSON, the same in `classify` and `compare --format json`:
 * {"actor","action","modality","conditions":[..],"data":[..],"recipients":[..],
 *  "purposes":[..],"flags":[..],"span":[b,e]} with ontology ids. */
#ifndef POLCMP_FRAME_JSON_H
#define POLCMP_FRAME_JSON_H

#include "classify/frame.h"

#include <jansson.h>

/* Frame f of fs. A new reference, NULL on out of memory. */
json_t *pc_frame_json(const pc_frames *fs, const pc_frame *f);

/* Clause k's frames as an array, or, when it has none but names an action that is not a
 * practice, {"none": "question" | "title" | "right" | "hypothetical" | "definition"} in an
 * array of one. */
json_t *pc_frames_clause_json(const pc_frames *fs, size_t k);

#endif
