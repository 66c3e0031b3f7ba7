/* frame_names.c: the names of frame fields (frame.h) and the lookups on a frame's terms. */
#include "classify/frame.h"

#include <stddef.h>

static const char *const fr_actor_names[] = {"we", "third party", "user", "other", "named"};
static const char *const fr_mod_names[] = {"does", "may", "does-not", "not-unless"};
static const char *const fr_cond_names[PC_COND_COUNT] = {
    "consent",           "request",   "opt-out",   "law",
    "business-transfer", "exception", "automatic", "circumstance"};
static const char *const fr_skip_names[] = {
    "", "question", "title", "right", "hypothetical", "definition", "overview", "protection"};
static const char *const fr_flag_names[PC_FRAME_FLAGS] = {
    "not-personal",   "object-unknown",    "softened",        "exclusive",
    "data-qualified", "recipient-unknown", "purpose-unknown", "lead-in",
    "source",         "no-subject",        "inherited",       "legal-sense",
    "by-others",      "legal-narrow",      "only-purpose",    "referred"};

const char *pc_actor_name(pc_actor a)
{
    return (unsigned)a < PC_ACTOR_COUNT ? fr_actor_names[a] : "?";
}

const char *pc_modality_name(pc_modality m)
{
    return (unsigned)m < 4 ? fr_mod_names[m] : "?";
}

static const char *fr_bit_name(unsigned bit, const char *const *names, int n)
{
    for (int i = 0; i < n; i++)
        if (bit == 1u << i)
            return names[i];
    return "?";
}

const char *pc_condition_name(unsigned bit)
{
    return fr_bit_name(bit, fr_cond_names, PC_COND_COUNT);
}

const char *pc_frame_flag_name(unsigned bit)
{
    return fr_bit_name(bit, fr_flag_names, PC_FRAME_FLAGS);
}

const char *pc_frame_skip_name(pc_frame_skip s)
{
    return (unsigned)s < sizeof fr_skip_names / sizeof fr_skip_names[0] ? fr_skip_names[s] : "?";
}

int pc_frame_names(const pc_frames *fs, const pc_frame *f, pc_onto_dim d)
{
    for (size_t i = 0; i < f->nterms; i++)
        if (fs->terms[f->term_first + i].dim == d)
            return 1;
    return 0;
}

int pc_frame_has_under(const pc_frames *fs, const pc_frame *f, pc_onto_dim d, int e)
{
    for (size_t i = 0; i < f->nterms; i++) {
        const pc_frame_term *t = &fs->terms[f->term_first + i];
        if (t->dim == d && pc_onto_under(fs->onto, d, t->entry, e))
            return 1;
    }
    return 0;
}
