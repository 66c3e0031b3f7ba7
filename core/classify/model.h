/* model.h: the learned clause classifier that decides the OPP-115 top-level labels beside the
 * taxonomy's rules.
 *
 * One linear model per OPP-115 class (the twelve of opp12.h, one-vs-rest) over the features
 * of a unit of text (features.h), trained with liblinear by pc_model_train (model_train.h):
 *  - word unigrams and bigrams: (1 + ln tf) x idf, sublinear when `sublinear` is set, the block
 *    L2-normalised and multiplied by w_word;
 *  - character n-grams inside words: idf per occurrence in each distinct word, divided by the
 *    square root of the sum of the squared idfs (the block's norm when no n-gram repeats),
 *    multiplied by w_char;
 *  - rule hits: w_rule for each rule that fired and each category the rules gave.
 * idf = ln((1 + N) / (1 + df)) + 1 over the N training units; a feature seen in fewer than
 * min_df of them is not in the model and counts for nothing. A class's score comes from its
 * decision value w.x + b (pc_model_link); the class is given when the score reaches the class's
 * threshold, or its lower rule threshold when a rule of that class gave a label too (where a
 * rule fires, the model needs less to agree; "any score" and "the same score" are the two
 * ends), and, for the classes the margin applies to, its decision value lies within the
 * model's margin of the unit's highest (a unit rarely has more than two classes: a class far
 * behind the leading one is left out). A class the model may not give alone (its labels
 * without a rule were mostly wrong) has its cut at DBL_MAX (threshold 1): only its rule cut
 * gives it. For a text read whole, a class the model mixes decides on its decision value mixed
 * with the highest of the text's clauses read one by one (pc_model_mix). All are chosen by
 * cross-validation when training, once for texts read whole and once for clauses read one by
 * one (pc_model_unit_kind).
 *
 * The model belongs to one taxonomy: it stores the taxonomy's fingerprint (its categories and
 * their rules, pc_model_tax_fingerprint) and refuses another. The file format is in
 * docs/model-file.md (model_io.c). A loaded model is read-only and may be shared by threads;
 * each thread scores with its own pc_model_scratch.
 */
#ifndef POLCMP_MODEL_H
#define POLCMP_MODEL_H

#include "classify/features.h"
#include "taxonomy/opp12.h"
#include "taxonomy/taxonomy.h"
#include "util/util.h"

#include <stddef.h>
#include <stdint.h>

#define PC_MODEL_VERSION 4
#define PC_MODEL_CLASSES PC_OPP12_COUNT
#define PC_MODEL_TOP 5 /* the n-grams kept as a label's evidence */


/* What features the model reads and how it is trained; stored in the file. Plain value. */
typedef struct pc_model_settings {
    int bigrams;            /* 1: word bigrams as well as unigrams */
    int char_min, char_max; /* character n-grams inside words; 0 0: none */
    int rules;              /* 1: rule hits as features */
    int sublinear;          /* 1: 1 + ln tf for words, else tf */
    int min_df;             /* features in fewer training units are left out */
    double w_word, w_char, w_rule; /* block weights */
    int solver;             /* liblinear's solver_type */
    double C, eps;          /* liblinear's cost and stopping tolerance */
    int balanced;           /* 1: class weights n / (2 n_class), else 1 */
    int folds;              /* cross-validation folds for the thresholds and the modes */
    int groups;             /* 1: the units of a group (a policy) share a fold; 0: round robin */
    int review_weight;      /* times a reviewer's relabel counts as a training unit */
    double clause_mix;      /* for a text read whole, the share of its best clause's decision
                               value in a mixed class's (pc_model_mix); 0: none */
} pc_model_settings;

/* The defaults (docs/model-file.md says how they were chosen). */
void pc_model_settings_default(pc_model_settings *s);
/* Change settings from "key=value,key=value" (keys as in the file's header); -1 with err. */
int pc_model_settings_parse(pc_model_settings *s, const char *spec, pc_error *err);

/* How a class is decided for one kind of unit. Plain value. */
typedef struct pc_model_rule {
    double threshold;      /* the score at which the class is given */
    double rule_threshold; /* the score at which it is given when the rules gave it too (at
                              most threshold; 0 for a logistic model: whenever they do) */
    double alone;          /* the best threshold for the model alone (`polcmp eval` shows it) */
    double cut, rule_cut, alone_cut; /* their decision values (pc_model_bind) */
} pc_model_rule;

/* Which kind of unit is decided: a whole text (an OPP-115 segment, a --segments record: what
 * the model was trained on), or one clause of a policy, whose class counts as given for a text
 * when any of its clauses gets it (its threshold is chosen for that). */
typedef enum pc_model_unit_kind { PC_MODEL_TEXT = 0, PC_MODEL_CLAUSE, PC_MODEL_NUNITS } pc_model_unit_kind;

/* One class of the model. Plain value. */
typedef struct pc_model_class {
    pc_model_rule at[PC_MODEL_NUNITS]; /* its threshold and mode for texts and for clauses */
    double bias;
    double scale;                      /* a weight is scale x its stored 16-bit integer */
} pc_model_class;

/* A feature's row as scoring reads it: key, idf and weights in one 32-byte line. Plain
 * value. */
typedef struct pc_model_row {
    uint32_t key;
    float idf;
    int16_t w[PC_MODEL_CLASSES];
} pc_model_row;

/* pc_model: a trained model, bound to the taxonomy it was loaded (or trained) for. Owns path,
 * tax_id and its arrays; borrows tax, which must outlive it. Free with pc_model_free(). */
typedef struct pc_model {
    char *path;
    pc_model_settings set;
    char *tax_id;
    uint64_t tax_fp;    /* pc_model_tax_fingerprint of the taxonomy it was trained for */
    uint64_t data_sum;  /* checksum of the training data */
    size_t records;     /* training units: gold records and reviewers' relabels */
    size_t reviewed;    /* of which reviewers' relabels */
    pc_model_class cls[PC_MODEL_CLASSES];
    double margin[PC_MODEL_NUNITS]; /* per kind of unit: a class is given only when its decision
                                       value is within this of the unit's highest (HUGE_VAL: no
                                       limit) */
    unsigned margined[PC_MODEL_NUNITS]; /* per kind of unit: bit per class, the margin applies
                                           to it (cross-validation keeps it where it helps) */
    unsigned mixed;     /* bit per class: a text read whole mixes in its best clause's decision
                           value (pc_model_mix; cross-validation keeps it where it helps) */
    size_t nfeat;
    uint32_t *keys;     /* nfeat feature keys, increasing */
    float *idf;         /* nfeat */
    int16_t *w;         /* nfeat x PC_MODEL_CLASSES */
    /* built by pc_model_bind: */
    pc_model_row *rows; /* nfeat: key, idf and weights side by side */
    struct pc_model_slot *slots; /* lookup: key -> row + 1 (0: empty), at most half full */
    size_t slot_mask;
    const pc_taxonomy *tax;
    long *rule_row;     /* per taxonomy rule (pc_rule.index): the row of its hit, or -1 */
    long *cat_row;      /* per taxonomy category: the row of its label, or -1 */
} pc_model;

/* The fingerprint of what a model depends on in a taxonomy: its id, defaults, and every
 * category with its rules and vetoes (attributes, stances, scopes and comments do not count). */
uint64_t pc_model_tax_fingerprint(const pc_taxonomy *tax);

/* Where the model of a taxonomy file lives by default: the same path with ".model" in place of
 * its extension (taxonomy/privacy.yaml -> taxonomy/privacy.model). malloc'd; NULL on OOM. */
char *pc_model_default_path(const char *taxonomy_path);

/* The model a taxonomy is used with: the file at path when given, else the taxonomy's own
 * model (pc_model_default_path) when that file exists. 0 with *out set (NULL when the taxonomy
 * has none: its rules alone decide), or -1 with err when the file cannot be used. */
int pc_model_open(const pc_taxonomy *tax, const char *path, pc_model **out, pc_error *err);

/* Load a model file for tax. Every problem is one line naming the file: unreadable, not a
 * model, another version, truncated, corrupt (checksum), or built for another taxonomy. */
pc_model *pc_model_load(const char *path, const pc_taxonomy *tax, pc_error *err);
pc_model *pc_model_load_mem(const char *name, const char *data, size_t len,
                            const pc_taxonomy *tax, pc_error *err);
/* Write the file atomically (util/atomic.h). Same model, same bytes. */
int pc_model_save(const pc_model *m, const char *path, pc_error *err);
/* The file's bytes (malloc'd), NULL on out of memory. */
char *pc_model_dump(const pc_model *m, size_t *len);
void pc_model_free(pc_model *m);

/* Bind a model to a taxonomy (rule and category rows); pc_model_load does it. -1 on OOM. */
int pc_model_bind(pc_model *m, const pc_taxonomy *tax);

/* ---- scoring ------------------------------------------------------------------------------ */

/* The rules' view of a unit: the rules that fired and the categories they gave (duplicates
 * allowed). Borrows both arrays. */
typedef struct pc_model_hits {
    const pc_rule *const *rules;
    size_t nrules;
    const int *cats;
    size_t ncats;
} pc_model_hits;

/* One feature of the unit as the model weighs it (training builds its vectors from these).
 * Plain value. */
typedef enum pc_model_block { PC_MODEL_WORD = 0, PC_MODEL_CHARS, PC_MODEL_RULES } pc_model_block;
typedef struct pc_model_item {
    uint32_t row;
    float value; /* before the block's normalisation and weight */
    uint8_t block;
} pc_model_item;

/* pc_model_scratch: one thread's working state for scoring (tokens, a cache of each word's
 * part of the scores for the model last used, the unit's parts for pc_model_top). Opaque;
 * never share one between threads. */
typedef struct pc_model_scratch pc_model_scratch;

pc_model_scratch *pc_model_scratch_new(void);
void pc_model_scratch_free(pc_model_scratch *s);

/* The features of a unit as items; coef[block] is the block's weight over its norm (0 for an
 * empty block), so a feature's value in the vector is value x coef[block] (summed over items
 * of one row). The array lives in s until the next call. NULL on out of memory. */
const pc_model_item *pc_model_features(const pc_model *m, pc_model_scratch *s,
                                       const pc_feat_field *fields, size_t nfields,
                                       const pc_model_hits *hits, size_t *n, double coef[3]);

/* Score a unit: d[k], the decision value w.x + b of each class. It equals the value computed
 * from pc_model_features' items (up to rounding). -1 on out of memory. */
int pc_model_score(const pc_model *m, pc_model_scratch *s, const pc_feat_field *fields,
                   size_t nfields, const pc_model_hits *hits, double d[PC_MODEL_CLASSES]);

/* The score people see for a decision value: a probability for the logistic solvers (the
 * unit of the thresholds), else the decision value itself. */
double pc_model_link(const pc_model_settings *set, double decision);
/* The decision value of a score (the inverse of pc_model_link). */
double pc_model_unlink(const pc_model_settings *set, double score);

/* A text read whole, for each class in mixed: its decision value d[k] becomes
 * (1 - clause_mix) d[k] + clause_mix best[k], best[k] being the highest decision value of its
 * clauses read one by one (-HUGE_VAL, left alone: a text without clauses). A class often rests
 * on one sentence of a long text (a retention period, a security measure), which the whole
 * text's features dilute. */
void pc_model_mix(const pc_model *m, double d[PC_MODEL_CLASSES],
                  const double best[PC_MODEL_CLASSES]);
/* The same for one value: t the text's, c its best clause's. */
double pc_model_mix_value(double clause_mix, double t, double c);

/* The classes given (bit per class) to a unit of the given kind: decision values at or above
 * their class's cut, or its rule cut for the classes the rules gave (rules), and, for the
 * classes the margin applies to, within the kind's margin of the highest decision value; and
 * the classes of the rules' labels that rest on a rule marked `strong: true` in the taxonomy
 * (strong), which stand whatever the model says. */
unsigned pc_model_decide(const pc_model *m, pc_model_unit_kind u, const double d[PC_MODEL_CLASSES],
                         unsigned rules, unsigned strong);
/* The words a unit's own text (its fields but the headings) needs for the model to give a
 * class the rules did not: with fewer (pc_feat_own_words), given keeps only the classes the
 * rules gave or a strong rule stands for. A table cell ("N/A", "0", "Yes"), a language's name
 * or a bare label gets its model scores from its title alone, and a label no rule backs is
 * then wrong far more often than right (docs/model-file.md). */
#define PC_MODEL_MIN_WORDS 2
unsigned pc_model_guard(unsigned given, unsigned rules, unsigned strong, size_t own_words);
/* The classes the model alone gives (its `alone` thresholds and the margin, no rule). */
unsigned pc_model_alone(const pc_model *m, pc_model_unit_kind u, const double d[PC_MODEL_CLASSES]);
/* The decision value class k must reach on a unit of kind u with decision values d: its cut (or
 * rule cut when the rules gave it), and, where the margin applies to k, no less than the
 * highest value less the margin. */
double pc_model_cut_for(const pc_model *m, pc_model_unit_kind u, const double d[PC_MODEL_CLASSES],
                        int k, unsigned rules);

/* An n-gram that weighed for a class: a word (its first occurrence) or a bigram, its span,
 * whether the span lies in a heading field, and its contribution to the score. */
typedef struct pc_model_ngram {
    pc_span span;
    int heading;
    double weight;
} pc_model_ngram;

/* After pc_model_score on the same scratch: the up to n n-grams that added most to class k's
 * score (positive contributions only, highest first). Returns how many. */
size_t pc_model_top(const pc_model *m, pc_model_scratch *s, int k, pc_model_ngram *out,
                    size_t n);

#endif
