/* model_unit.h: what the model reads from a classified unit, the same way when training,
 * evaluating and classifying.
 *
 * A unit is a range of clauses of a pc_classified with the text fields the model reads: one
 * clause with its section title and a list item's lead-in (a policy), or every clause of a
 * text classified whole (an OPP-115 segment, a --segments record, a training unit). Its rule
 * hits are the categories of the rules' labels on those clauses and the rules behind them
 * (their evidence; rules whose category was not given do not count).
 */
#ifndef POLCMP_MODEL_UNIT_H
#define POLCMP_MODEL_UNIT_H

#include "classify/classify.h"
#include "classify/model.h"

/* pc_model_hitbuf: the hits of a unit being gathered. Owns its arrays; the rules are borrowed
 * from the taxonomy. */
typedef struct pc_model_hitbuf {
    const pc_rule **rules;
    size_t nrules, cap_rules;
    int *cats;
    size_t ncats, cap_cats;
    unsigned classes; /* the classes (opp12.h) of the labels */
    unsigned strong;  /* the classes of labels that rest on a strong rule */
} pc_model_hitbuf;

void pc_model_hitbuf_reset(pc_model_hitbuf *hb);
void pc_model_hitbuf_free(pc_model_hitbuf *hb);
/* Add the hits of clause i of c: its labels' categories and evidence rules. -1 on OOM. */
int pc_model_hitbuf_add(pc_model_hitbuf *hb, const pc_classified *c, size_t clause);
pc_model_hits pc_model_hitbuf_view(const pc_model_hitbuf *hb);

/* The fields the model reads for clause ci of an outline: the nearest section title above it
 * (when there is one), a list item's lead-in clause, and the clause itself (the last). Spans
 * are offsets into the outline's text. Returns how many (1 to 3). */
size_t pc_model_clause_fields(const pc_outline *ol, size_t ci, pc_feat_field f[3]);

/* Score clauses [first, first + n) of c (NULL: an empty text) as one unit read through
 * fields: d[k] per class; hb is left holding the unit's hits, with the classes the rules gave
 * and those resting on a strong rule. -1 on out of memory. */
int pc_model_score_unit(const pc_model *m, pc_model_scratch *s, pc_model_hitbuf *hb,
                        const pc_classified *c, size_t first, size_t n,
                        const pc_feat_field *fields, size_t nfields, double d[PC_MODEL_CLASSES]);

/* A text classified whole, for training and evaluation: loaded as plain text and segmented,
 * or, with a heading, one clause under that heading (pc_classify_text). Owns doc, outline and
 * cls; free with pc_model_text_free. */
typedef struct pc_model_text {
    pc_doc *doc;
    pc_outline *outline;
    pc_classified *cls;
    pc_feat_field fields[2];
    size_t nfields;
    pc_error empty; /* why the text gave no document (doc NULL), else "" */
} pc_model_text;

/* Classify text[0..len) (m: a matcher for tax, or NULL; opts: NULL for the rules alone). A
 * text that is empty after normalisation gives a unit with no clause and no fields. -1 with
 * err on failure. */
int pc_model_text_open(pc_model_text *t, const pc_taxonomy *tax, pc_matcher *m,
                       const pc_classify_opts *opts, const char *name, const char *text,
                       size_t len, const char *heading, pc_error *err);
void pc_model_text_free(pc_model_text *t);

#endif
