/* frame_json.c: statement frames as JSON (frame_json.h). */
#include "present/frame_json.h"

#include <string.h>

static json_t *pc_frame_ids(const pc_frames *fs, const pc_frame *f, pc_onto_dim d)
{
    json_t *a = json_array();
    for (size_t i = 0; i < f->nterms; i++) {
        const pc_frame_term *t = &fs->terms[f->term_first + i];
        if (t->dim != d)
            continue;
        const char *id = fs->onto->e[d][t->entry].id;
        int seen = 0;
        for (size_t j = 0; j < json_array_size(a) && !seen; j++)
            seen = !strcmp(json_string_value(json_array_get(a, j)), id);
        if (!seen)
            json_array_append_new(a, json_string(id));
    }
    return a;
}

json_t *pc_frame_json(const pc_frames *fs, const pc_frame *f)
{
    json_t *conds = json_array();
    for (int b = 0; b < PC_COND_COUNT; b++)
        if (f->conditions & (1u << b))
            json_array_append_new(conds, json_string(pc_condition_name(1u << b)));
    json_t *flags = json_array();
    for (int b = 0; b < PC_FRAME_FLAGS; b++)
        if (f->flags & (1u << b))
            json_array_append_new(flags, json_string(pc_frame_flag_name(1u << b)));
    return json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:[I, I]}", "actor",
                     pc_actor_name(f->actor), "action", fs->onto->e[PC_ONTO_ACTION][f->action].id,
                     "modality", pc_modality_name(f->modality), "conditions", conds, "data",
                     pc_frame_ids(fs, f, PC_ONTO_DATA), "recipients",
                     pc_frame_ids(fs, f, PC_ONTO_RECIPIENT), "purposes",
                     pc_frame_ids(fs, f, PC_ONTO_PURPOSE), "flags", flags, "span",
                     (json_int_t)f->span.start, (json_int_t)f->span.end);
}

json_t *pc_frames_clause_json(const pc_frames *fs, size_t k)
{
    json_t *a = json_array();
    for (size_t i = fs->first[k]; i < fs->first[k + 1]; i++)
        json_array_append_new(a, pc_frame_json(fs, &fs->v[i]));
    if (fs->first[k] == fs->first[k + 1] && fs->skip[k])
        json_array_append_new(
            a, json_pack("{s:s}", "none", pc_frame_skip_name((pc_frame_skip)fs->skip[k])));
    return a;
}
