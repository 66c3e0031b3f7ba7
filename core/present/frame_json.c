/* frame_json.c: statement frames as JSON and text (frame_json.h). */
#include "present/frame_json.h"

#include <string.h>

static const pc_onto_dim pc_fr_dims[] = {PC_ONTO_DATA, PC_ONTO_RECIPIENT, PC_ONTO_PURPOSE};
static const char *const pc_fr_dim_keys[] = {"data", "recipients", "purposes"};

/* The distinct ontology ids f names in dimension d, as an array. */
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

static json_t *pc_frame_bits(unsigned bits, int n, const char *(*name)(unsigned))
{
    json_t *a = json_array();
    for (int b = 0; b < n; b++)
        if (bits & (1u << b))
            json_array_append_new(a, json_string(name(1u << b)));
    return a;
}

json_t *pc_frame_json(const pc_frames *fs, const pc_frame *f)
{
    return json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:[I, I]}", "actor",
                     pc_actor_name(f->actor), "action", fs->onto->e[PC_ONTO_ACTION][f->action].id,
                     "modality", pc_modality_name(f->modality), "conditions",
                     pc_frame_bits(f->conditions, PC_COND_COUNT, pc_condition_name), "data",
                     pc_frame_ids(fs, f, PC_ONTO_DATA), "recipients",
                     pc_frame_ids(fs, f, PC_ONTO_RECIPIENT), "purposes",
                     pc_frame_ids(fs, f, PC_ONTO_PURPOSE), "flags",
                     pc_frame_bits(f->flags, PC_FRAME_FLAGS, pc_frame_flag_name), "span",
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

json_t *pc_frame_clash_json(const pc_frames *fs, const pc_frame *r, const pc_frame *s)
{
    const pc_ontology *o = fs->onto;
    json_t *c = json_pack("{s:[s, s], s:[s, s]}", "modality", pc_modality_name(r->modality),
                          pc_modality_name(s->modality), "action",
                          o->e[PC_ONTO_ACTION][r->action].id, o->e[PC_ONTO_ACTION][s->action].id);
    for (size_t d = 0; c && d < sizeof pc_fr_dims / sizeof pc_fr_dims[0]; d++)
        json_object_set_new(c, pc_fr_dim_keys[d],
                            json_pack("[o, o]", pc_frame_ids(fs, r, pc_fr_dims[d]),
                                      pc_frame_ids(fs, s, pc_fr_dims[d])));
    return c;
}

/* The ids of dimension d in f, comma-separated, or `none` when it names none. */
static int pc_frame_ids_text(const pc_frames *fs, const pc_frame *f, pc_onto_dim d,
                             const char *none, pc_buf *out)
{
    json_t *ids = pc_frame_ids(fs, f, d);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < json_array_size(ids); i++)
        rc = pc_buf_printf(out, "%s%s", i ? "," : "", json_string_value(json_array_get(ids, i)));
    if (rc == 0 && json_array_size(ids) == 0)
        rc = pc_buf_adds(out, none);
    json_decref(ids);
    return rc;
}

int pc_frame_text(const pc_frames *fs, const pc_frame *f, pc_buf *out)
{
    int rc =
        pc_buf_printf(out, "%s · %s · %s", pc_actor_name(f->actor), pc_modality_name(f->modality),
                      fs->onto->e[PC_ONTO_ACTION][f->action].id);
    for (size_t d = 0; rc == 0 && d < sizeof pc_fr_dims / sizeof pc_fr_dims[0]; d++) {
        if (!pc_frame_names(fs, f, pc_fr_dims[d]))
            continue;
        rc = pc_buf_printf(out, " · %s: ", pc_fr_dim_keys[d]);
        if (rc == 0)
            rc = pc_frame_ids_text(fs, f, pc_fr_dims[d], "", out);
    }
    for (int b = 0; rc == 0 && b < PC_COND_COUNT; b++)
        if (f->conditions & (1u << b))
            rc = pc_buf_printf(out, " · if %s", pc_condition_name(1u << b));
    return rc;
}

int pc_frame_clash_text(const pc_frames *fs, const pc_frame *r, const pc_frame *s, pc_buf *out)
{
    const pc_ontology *o = fs->onto;
    int rc = pc_buf_printf(out, "modality %s / %s · action %s / %s", pc_modality_name(r->modality),
                           pc_modality_name(s->modality), o->e[PC_ONTO_ACTION][r->action].id,
                           o->e[PC_ONTO_ACTION][s->action].id);
    for (size_t d = 0; rc == 0 && d < sizeof pc_fr_dims / sizeof pc_fr_dims[0]; d++) {
        if (!pc_frame_names(fs, r, pc_fr_dims[d]) && !pc_frame_names(fs, s, pc_fr_dims[d]))
            continue;
        rc = pc_buf_printf(out, " · %s ", pc_fr_dim_keys[d]);
        if (rc == 0)
            rc = pc_frame_ids_text(fs, r, pc_fr_dims[d], "(any)", out);
        if (rc == 0)
            rc = pc_buf_adds(out, " / ");
        if (rc == 0)
            rc = pc_frame_ids_text(fs, s, pc_fr_dims[d], "(none named)", out);
    }
    return rc;
}
