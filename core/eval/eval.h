/* eval.h: measuring the classifier against a gold file (JSON Lines with "text" and
 * "labels_opp10", and "labels" for the twelve classes), at the level of the ten top-level
 * OPP-115 categories and at the twelve classes (opp12.h), for the rules alone, the learned
 * model alone and the two combined (model.h).
 *
 * The arithmetic (counts, precision, recall, F1, micro and macro averages, bounds) is pure and
 * kept apart from reading and classifying so it can be tested by hand.
 */
#ifndef POLCMP_EVAL_H
#define POLCMP_EVAL_H

#include "classify/model.h"
#include "taxonomy/opp12.h"
#include "taxonomy/taxonomy.h"
#include "util/util.h"

#include <stddef.h>

/* The classifiers eval compares. */
typedef enum pc_eval_system {
    PC_EVAL_RULES = 0, /* the taxonomy's rules alone */
    PC_EVAL_MODEL,     /* the learned model alone (its thresholds) */
    PC_EVAL_COMBINED,  /* the model deciding, with the rules where its modes say */
    PC_EVAL_NSYS
} pc_eval_system;

const char *pc_eval_system_name(pc_eval_system s);

/* One gold record and what the classifier said about it. Owns id, text, group and rules[]. */
typedef struct pc_eval_case {
    char *id;   /* the record's "id", or "line N" */
    char *text;
    char *group;   /* the record's "policy", or NULL */
    size_t line;   /* 1-based line in the gold file */
    unsigned gold; /* bit i: top-level category i is in labels_opp10 */
    unsigned gold12, known12; /* bit per class (opp12.h): in "labels"; and whether it is known
                                 (a record with only labels_opp10 leaves Other's kind unknown) */
    unsigned pred; /* bit i: the classifier gave a label of category i (the combination when a
                      model is used, else the rules) */
    unsigned pred10[PC_EVAL_NSYS], pred12[PC_EVAL_NSYS]; /* per classifier (model and combined
                                                            only with a model) */
    double score[PC_OPP_COUNT];   /* per category: the best rule label's score, or with a model
                                     the model's best score (0 when none) */
    char *rules[PC_OPP_COUNT];    /* "id,id,..." of the rules behind category i, or NULL */
} pc_eval_case;

/* pc_eval_set: the records of a gold file. Owns the cases; free with pc_eval_set_free(). */
typedef struct pc_eval_set {
    char *path;
    pc_eval_case *cases;
    size_t n, cap;
    size_t skipped; /* broken lines */
} pc_eval_set;

/* Receives one warning line (without "polcmp: warning: "). */
typedef void (*pc_eval_warn_fn)(void *ctx, const char *msg);

/* Parse one JSON line into c (zeroed first). -1 with err ("invalid JSON: ...", "no \"text\"
 * string", ...) when it is not a usable record. Unknown label names are skipped with a
 * warning. */
int pc_eval_parse_line(const char *line, size_t len, size_t lineno, pc_eval_case *c,
                       pc_eval_warn_fn warn, void *ctx, pc_error *err);

/* Read a gold file: broken lines are reported through warn ("FILE:LINE: ...") and skipped.
 * -1 when the file cannot be read or holds no valid record. */
int pc_eval_read(const char *path, pc_eval_set *set, pc_eval_warn_fn warn, void *ctx,
                 pc_error *err);

/* Classify every case's text (loaded as a text document, segmented, classified by the rules
 * and, with a model, by the model reading the text whole (PC_MODEL_TEXT, the benchmark's unit)
 * or clause by clause as it reads a policy (PC_MODEL_CLAUSE: a class counts when any clause
 * gets it)); fills pred, pred10, pred12, score (the model's, with a model) and rules. model
 * may be NULL (the rules alone). Match-limit warnings go through warn. */
int pc_eval_classify(const pc_taxonomy *tax, const pc_model *model, pc_model_unit_kind unit,
                     pc_eval_set *set, pc_eval_warn_fn warn, void *ctx, pc_error *err);

void pc_eval_set_free(pc_eval_set *set);

/* Counts per category: over the ten top-level categories, or over the twelve classes when
 * nclass is PC_OPP12_COUNT (0 means ten). Plain value. */
typedef struct pc_eval_counts {
    int nclass;
    size_t cases;
    size_t support[PC_OPP12_COUNT], tp[PC_OPP12_COUNT], fp[PC_OPP12_COUNT], fn[PC_OPP12_COUNT];
} pc_eval_counts;

void pc_eval_count(pc_eval_counts *c, unsigned gold, unsigned pred);

/* Scores. Precision is 0 when nothing was predicted, recall 0 when there is no gold, F1 0
 * when both are 0. A category with neither gold nor predictions is left out of the macro
 * mean and of the minimum (in_macro 0). Plain value. */
typedef struct pc_eval_scores {
    int nclass;
    double p[PC_OPP12_COUNT], r[PC_OPP12_COUNT], f1[PC_OPP12_COUNT];
    int in_macro[PC_OPP12_COUNT];
    size_t macro_n;
    double micro_p, micro_r, micro_f1, macro_f1;
    double min_f1; /* the lowest F1 among the categories in the macro mean */
} pc_eval_scores;

void pc_eval_score(const pc_eval_counts *c, pc_eval_scores *s);

/* Lower bounds from "macro=0.70,micro=0.70,min=0.50" (any subset); unset bounds are < 0. */
typedef struct pc_eval_bounds {
    double macro, micro, min;
} pc_eval_bounds;

int pc_eval_parse_bounds(const char *spec, pc_eval_bounds *b, pc_error *err);

/* 0 when every set bound is met; otherwise the number of bounds missed, with one line per
 * miss ("macro-F1 0.612 < 0.700") appended to msg. */
int pc_eval_check(const pc_eval_scores *s, const pc_eval_bounds *b, pc_buf *msg);

/* Indices of up to n cases that are false positives (fp != 0) or false negatives of
 * category cat: false positives by score, highest first; false negatives in file order.
 * Returns how many were written to idx. */
size_t pc_eval_worst(const pc_eval_set *set, int cat, int fp, size_t *idx, size_t n);

#endif
