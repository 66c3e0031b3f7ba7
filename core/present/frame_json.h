/* frame_json.h: statement frames for people and for JSON, the same in `classify`,
 * `compare --format json` and the explain view.
 *
 * A frame as JSON: {"actor","action","modality","conditions":[..],"data":[..],
 * "recipients":[..],"purposes":[..],"flags":[..],"span":[b,e]} with ontology ids. As text, one
 * line: "we · does-not · sell · data: personal-information · recipients: third-parties". A
 * contradiction's practice is described against its restriction field by field ("clash"):
 * {"modality":[restriction's, practice's],"action":[..],"data":[[..],[..]],...}, where a field
 * the restriction leaves open is [] (it covers everything there).
 */
#ifndef POLCMP_FRAME_JSON_H
#define POLCMP_FRAME_JSON_H

#include "classify/frame.h"
#include "present/jsonw.h"
#include "util/util.h"

/* Frame f of fs written to w as an object, or only its members, inside an object the caller
 * opened and adds to. */
void pc_frame_write(pc_jsonw *w, const pc_frames *fs, const pc_frame *f);
void pc_frame_fields_write(pc_jsonw *w, const pc_frames *fs, const pc_frame *f);
/* Clause k's frames as an array, or, when it has none but names an action that is not a
 * practice, {"none": "question" | "title" | "right" | "hypothetical" | "definition" |
 * "overview" | "protection"} in an array of one. */
void pc_frames_clause_write(pc_jsonw *w, const pc_frames *fs, size_t k);

/* The fields of practice s against restriction r (both of fs), as above, written to w. */
void pc_frame_clash_write(pc_jsonw *w, const pc_frames *fs, const pc_frame *r, const pc_frame *s);

/* Frame f as one line of text appended to out; -1 on out of memory. */
int pc_frame_text(const pc_frames *fs, const pc_frame *f, pc_buf *out);
/* The clash of s with r as one line ("modality does-not / may · action sell / share ·
 * recipients third-parties / advertisers"); -1 on out of memory. */
int pc_frame_clash_text(const pc_frames *fs, const pc_frame *r, const pc_frame *s, pc_buf *out);

#endif
