/* frame_json.c: statement frames as JSON and text (frame_json.h). */
#include "present/frame_json.h"

#include <string.h>

static const pc_onto_dim pc_fr_dims[] = {PC_ONTO_DATA, PC_ONTO_RECIPIENT, PC_ONTO_PURPOSE};
static const char *const pc_fr_dim_keys[] = {"data", "recipients", "purposes"};
/* The same keys as pc_jsonw_key_quoted takes them. */
static const struct {
    const char *quoted;
    size_t n;
} pc_fr_dim_quoted[] = {{PC_JSONW_QUOTED("data")}, {PC_JSONW_QUOTED("recipients")},
                        {PC_JSONW_QUOTED("purposes")}};

/* Whether term i of f is the first of its dimension to name its id. */
static int pc_frame_term_first(const pc_frames *fs, const pc_frame *f, size_t i)
{
    const pc_frame_term *t = &fs->terms[f->term_first + i];
    const char *id = fs->onto->e[t->dim][t->entry].id;
    for (size_t j = 0; j < i; j++) {
        const pc_frame_term *u = &fs->terms[f->term_first + j];
        if (u->dim == t->dim && !strcmp(fs->onto->e[u->dim][u->entry].id, id))
            return 0;
    }
    return 1;
}

/* The distinct ontology ids f names in dimension d, as an array. */
static void pc_frame_ids_write(pc_jsonw *w, const pc_frames *fs, const pc_frame *f,
                               pc_onto_dim d)
{
    pc_jsonw_arr(w);
    for (size_t i = 0; i < f->nterms; i++) {
        const pc_frame_term *t = &fs->terms[f->term_first + i];
        if (t->dim == d && pc_frame_term_first(fs, f, i))
            pc_jsonw_str(w, fs->onto->e[d][t->entry].id);
    }
    pc_jsonw_arr_end(w);
}

static void pc_frame_bits_write(pc_jsonw *w, unsigned bits, int n, const char *(*name)(unsigned))
{
    pc_jsonw_arr(w);
    for (int b = 0; b < n; b++)
        if ((bits & (1u << b)) && name(1u << b)) /* a bit with no name is internal */
            pc_jsonw_str(w, name(1u << b));
    pc_jsonw_arr_end(w);
}

void pc_frame_fields_write(pc_jsonw *w, const pc_frames *fs, const pc_frame *f)
{
    pc_jsonw_lit_str(w, "actor", pc_actor_name(f->actor));
    pc_jsonw_lit_str(w, "action", fs->onto->e[PC_ONTO_ACTION][f->action].id);
    pc_jsonw_lit_str(w, "modality", pc_modality_name(f->modality));
    pc_jsonw_key_lit(w, "conditions");
    pc_frame_bits_write(w, f->conditions, PC_COND_COUNT, pc_condition_name);
    for (size_t d = 0; d < sizeof pc_fr_dims / sizeof pc_fr_dims[0]; d++) {
        pc_jsonw_key_quoted(w, pc_fr_dim_quoted[d].quoted, pc_fr_dim_quoted[d].n);
        pc_frame_ids_write(w, fs, f, pc_fr_dims[d]);
    }
    pc_jsonw_key_lit(w, "flags");
    pc_frame_bits_write(w, f->flags, PC_FRAME_FLAGS, pc_frame_flag_name);
    pc_jsonw_key_lit(w, "span");
    pc_jsonw_span(w, (long long)f->span.start, (long long)f->span.end);
}

void pc_frame_write(pc_jsonw *w, const pc_frames *fs, const pc_frame *f)
{
    pc_jsonw_obj(w);
    pc_frame_fields_write(w, fs, f);
    pc_jsonw_obj_end(w);
}

void pc_frames_clause_write(pc_jsonw *w, const pc_frames *fs, size_t k)
{
    pc_jsonw_arr(w);
    for (size_t i = fs->first[k]; i < fs->first[k + 1]; i++)
        pc_frame_write(w, fs, &fs->v[i]);
    if (fs->first[k] == fs->first[k + 1] && fs->skip[k]) {
        pc_jsonw_obj(w);
        pc_jsonw_lit_str(w, "none", pc_frame_skip_name((pc_frame_skip)fs->skip[k]));
        pc_jsonw_obj_end(w);
    }
    pc_jsonw_arr_end(w);
}

/* A pair of strings: [a, b]. */
static void pc_frame_pair_write(pc_jsonw *w, const char *a, const char *b)
{
    pc_jsonw_arr(w);
    pc_jsonw_str(w, a);
    pc_jsonw_str(w, b);
    pc_jsonw_arr_end(w);
}

void pc_frame_clash_write(pc_jsonw *w, const pc_frames *fs, const pc_frame *r, const pc_frame *s)
{
    const pc_ontology *o = fs->onto;
    pc_jsonw_obj(w);
    pc_jsonw_key_lit(w, "modality");
    pc_frame_pair_write(w, pc_modality_name(r->modality), pc_modality_name(s->modality));
    pc_jsonw_key_lit(w, "action");
    pc_frame_pair_write(w, o->e[PC_ONTO_ACTION][r->action].id, o->e[PC_ONTO_ACTION][s->action].id);
    for (size_t d = 0; d < sizeof pc_fr_dims / sizeof pc_fr_dims[0]; d++) {
        pc_jsonw_key(w, pc_fr_dim_keys[d]);
        pc_jsonw_arr(w);
        pc_frame_ids_write(w, fs, r, pc_fr_dims[d]);
        pc_frame_ids_write(w, fs, s, pc_fr_dims[d]);
        pc_jsonw_arr_end(w);
    }
    pc_jsonw_obj_end(w);
}

/* The ids of dimension d in f, comma-separated, or `none` when it names none. */
static int pc_frame_ids_text(const pc_frames *fs, const pc_frame *f, pc_onto_dim d,
                             const char *none, pc_buf *out)
{
    int rc = 0, n = 0;
    for (size_t i = 0; rc == 0 && i < f->nterms; i++) {
        const pc_frame_term *t = &fs->terms[f->term_first + i];
        if (t->dim == d && pc_frame_term_first(fs, f, i))
            rc = pc_buf_printf(out, "%s%s", n++ ? "," : "", fs->onto->e[d][t->entry].id);
    }
    if (rc == 0 && n == 0)
        rc = pc_buf_adds(out, none);
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
