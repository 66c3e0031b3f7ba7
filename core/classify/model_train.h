/* model_train.h: training the learned model (model.h) with liblinear.
 *
 * pc_model_train takes training units (gold records and reviewers' relabels), runs the
 * taxonomy's rules on each (for the rule-hit features and for the combination), builds the
 * vocabulary (features in at least min_df units, with their idf), and trains one binary
 * liblinear model per class (one-vs-rest; L2-regularised, class-balanced when `balanced`).
 * Each class's threshold and combination mode are chosen by cross-validation on the same
 * units: `folds` folds, the units of one group (a policy) always in the same fold, so the
 * choice is made on policies the fold's model has not seen. The threshold is the one with the
 * best F1 on the out-of-fold scores; the mode is `union` only when adding the rules' labels
 * raises that class's out-of-fold F1. A class mixes a text's best clause into the text's
 * decision value (pc_model_mix, clause_mix) only where that raises its held-out F1.
 *
 * Deterministic: the same units and settings give the same model, byte for byte. liblinear's
 * solvers draw from rand(), so training seeds it (srand) before every call: training is not
 * thread-safe with anything else that uses rand().
 */
#ifndef POLCMP_MODEL_TRAIN_H
#define POLCMP_MODEL_TRAIN_H

#include "classify/model.h"

/* One training unit. Borrows its strings. */
typedef struct pc_model_example {
    const char *text;
    const char *heading; /* NULL: text is a whole segment; else the clause's section title */
    unsigned labels;     /* bit per class (opp12.h): the unit carries it */
    unsigned known;      /* bit per class: the unit says whether it carries it */
    const char *group;   /* units with the same group share a fold; NULL: a group of its own */
    int weight;          /* how many times it counts, at least 1 */
} pc_model_example;

/* Out-of-fold results of the cross-validation, per unit: what the rules gave (bit per class,
 * and bit per top-level category as `polcmp eval` counts them), and what the model alone (at
 * the chosen thresholds) and the combination gave, for the unit read whole and read clause by
 * clause (a class given to any clause). Owns its arrays. */
typedef struct pc_model_cv {
    size_t n;
    unsigned *rules, *rules10;
    unsigned *model[PC_MODEL_NUNITS], *combined[PC_MODEL_NUNITS];
} pc_model_cv;

void pc_model_cv_free(pc_model_cv *cv);

/* Train a model for tax. data_sum is the training data's checksum, stored in the model.
 * When cv is not NULL it receives the out-of-fold results. NULL with err on failure. */
pc_model *pc_model_train(const pc_taxonomy *tax, const pc_model_settings *set,
                         const pc_model_example *ex, size_t n, uint64_t data_sum,
                         pc_model_cv *cv, pc_error *err);

#endif
