/* classify_internal.h: what the classifier engine (classify.c) shares with the part that
 * brings in the learned model (classify_model.c). */
#ifndef POLCMP_CLASSIFY_INTERNAL_H
#define POLCMP_CLASSIFY_INTERNAL_H

#include "classify/classify.h"
#include "classify/features.h"

#include <string.h>

/* cl_state: one outline's classification in progress. `out` is the result (owned until
 * handed to the caller); borrows the matcher. */
typedef struct cl_state {
    pc_matcher *m;
    pc_classified *out;
    size_t cap_labels, cap_ev, cap_attrs, cap_stances, cap_scopes, cap_warn;
    size_t cap_verdicts, cap_ngrams, cap_dropped;
    uint32_t utf_flag;  /* PCRE2_NO_UTF_CHECK once the clause is known to be valid UTF-8 */
    size_t clause_base; /* offset of the current clause, for warnings */
    pc_model_verdict verdict; /* the current clause's verdict when the result keeps none */
    int oom;
} cl_state;

/* Append one zeroed element to an array of the result; NULL when out of memory. */
static inline void *cl_push(cl_state *st, void *arr, size_t *n, size_t *cap, size_t size)
{
    if (*n >= UINT32_MAX || pc_grow(arr, cap, *n + 1, size) < 0) { /* pc_clause_result's ranges */
        st->oom = 1;
        return NULL;
    }
    char *p = *(char **)arr + *n * size;
    memset(p, 0, size);
    (*n)++;
    return p;
}

/* cl_cats: per rule, the categories it is a clause rule or veto of; per category, whether
 * its heading rules alone can give it (their positive weights reach its threshold); and the
 * categories the current clause's literal bits leave in play (cl_cats_live). Owns its arrays;
 * one per matcher. */
typedef struct cl_cats {
    uint64_t *rule_cats; /* nrules x cwords */
    unsigned char *titled; /* per category: given by the titles alone, without a clause rule */
    uint64_t *live; /* cwords */
    size_t nrules, cwords;
} cl_cats;

/* For the taxonomy's rules, whose literal bits take `words` 64-bit words. -1: out of memory. */
int cl_cats_init(cl_cats *cc, const pc_taxonomy *t, size_t words);
void cl_cats_free(cl_cats *cc);
/* The categories with a clause rule or veto whose bit is set in bits into cc->live. */
void cl_cats_live(cl_cats *cc, const uint64_t *bits);
/* Whether category ci cannot be given: none of its clause rules and vetoes can match, by the
 * bits cl_cats_live last read, and its heading rules alone cannot reach its threshold (a
 * label needs score >= threshold; without a clause rule the score is at most the sum of the
 * heading rules' positive weights). */
static inline int cl_cats_out(const cl_cats *cc, int ci)
{
    return !cc->titled[ci] && !(cc->live[ci >> 6] >> (ci & 63) & 1);
}
/* Set in first the bits of the rules every clause is tried on from offset 0: category rules
 * on the clause, category vetoes, stance rules (they run in the first pass). */
void cl_mark_first(const pc_taxonomy *t, uint64_t *first);

/* cl_model: one matcher's state for the learned model (its scratch and buffers). Owns them;
 * borrows the model. */
typedef struct cl_model cl_model;

cl_model *cl_model_new(const pc_model *model);
void cl_model_free(cl_model *cm);
const pc_model *cl_model_of(const cl_model *cm);
/* Decide the labels of the clause just scored by the rules (res, the last clause of st->out)
 * with the model reading fields: the rules' labels it overrules move to the dropped labels,
 * classes it gives with no label of the rules get their generic category, every label of
 * the clause gets the model's verdict and n-grams. Out of memory sets st->oom. */
void cl_model_clause(cl_model *cm, cl_state *st, pc_clause_result *res, const pc_feat_field *fields,
                     size_t nfields);
/* The same for a whole outline read as one unit (pc_classify_opts.whole), after the rules. */
void cl_model_whole(cl_model *cm, cl_state *st);

#endif
