/* model_train_internal.h: what model_train.c and model_cv.c share while training. */
#ifndef POLCMP_MODEL_TRAIN_INTERNAL_H
#define POLCMP_MODEL_TRAIN_INTERNAL_H

#include "classify/model_train.h"
#include "classify/model_unit.h"

struct feature_node;

/* tr_state: one training run. Owns everything but tax, set, ex (borrowed) and m (handed to the
 * caller on success). */
typedef struct tr_state {
    const pc_taxonomy *tax;
    const pc_model_settings *set;
    const pc_model_example *ex;
    size_t n;
    pc_model *m;
    pc_model_text *texts;      /* per unit: its text classified by the rules */
    unsigned *rules12;         /* per unit: the classes the rules gave */
    unsigned char *words;      /* per unit: its own words, up to PC_MODEL_MIN_WORDS */
    unsigned *strong12;        /* per unit: the classes given by a strong rule */
    struct feature_node **x;   /* per unit: its vector */
    struct feature_node **cx;  /* every unit's clauses' vectors, unit by unit */
    size_t ncx, cap_cx;
    unsigned *crules;          /* per clause vector: the classes the rules gave it */
    unsigned *cstrong;         /* per clause vector: the classes a strong rule gave it */
    unsigned char *cwords;     /* per clause vector: its own words, up to PC_MODEL_MIN_WORDS */
    size_t cap_crules, cap_cstrong, cap_cwords;
    size_t *cfirst, *cn;       /* per unit: its clauses in cx */
    int *fold;                 /* per unit: its cross-validation fold */
    double *oof;               /* per unit and class: the out-of-fold decision value */
    double *oofc;              /* per unit and class: the highest out-of-fold decision value
                                  of its clauses (-HUGE_VAL without clauses) */
    double *oofx;              /* per clause vector and class: its out-of-fold decision value */
    struct feature_node **xs;  /* a problem's rows (units repeated by weight) */
    double *ys;
    double *w;                 /* one class's weights, nfeat + 1 (the bias last) */
    pc_model_hitbuf hb;
    pc_feat_scratch feat;      /* the vocabulary's pass */
    pc_model_scratch *scratch; /* the vectors' pass */
} tr_state;

/* Train class k on every unit outside fold `skip` (-1: every unit) into st->w-sized w. */
int tr_train_class(tr_state *st, int k, int skip, double *w);
/* The decision value w . x of a unit's vector (which carries the bias node). */
double tr_dot(const double *w, const struct feature_node *x);
/* Folds, out-of-fold scores, thresholds and modes (model_cv.c); fills cv when not NULL. */
int tr_cross_validate(tr_state *st, pc_model_cv *cv);

#endif
