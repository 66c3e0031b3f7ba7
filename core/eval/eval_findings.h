/* eval_findings.h: measuring findings against judged sets.
 *
 * Contradictions (`polcmp eval --contradictions FILE.jsonl`): each line is a candidate pair of
 * passages of one policy, judged a contradiction or not ("policy", "policy_file" relative to
 * the file's folder, "text_a", "text_b", "label": "contradiction" | "not", optional "id",
 * "label_raw", "detector"). Every policy is compared on its own; a pair is found when one
 * contradiction finding rests on a clause inside text_a and another clause inside text_b (or
 * the other way round). A side is a window of several sentences, possibly reworded, so a
 * clause lies inside it when most of its word pairs (PC_FEVAL_MATCH of the clause's bigrams
 * of words) occur in the side. Found contradictions give recall; found rejected pairs are
 * false alarms; findings that fall in no judged pair are counted per policy (they are
 * unjudged: a reader must look at them).
 *
 * Completeness (`polcmp eval --completeness FILE.jsonl`): each line is a policy ("policy",
 * "text": passages separated by blank lines, list items prefixed "- ") with the requirement
 * ids judged "present", "absent" or "partial". A requirement is missing when it is absent or
 * partial; polcmp predicts it missing when the comparison (GDPR, CCPA and COPPA selected)
 * reports it not disclosed. Requirement ids are the taxonomy's; ids the taxonomy does not know
 * are skipped with a warning, and only judged ids count.
 *
 * Reading and running are apart from the arithmetic, which is pure.
 */
#ifndef POLCMP_EVAL_FINDINGS_H
#define POLCMP_EVAL_FINDINGS_H

#include "classify/classify.h"
#include "eval/eval.h"
#include "taxonomy/taxonomy.h"
#include "util/util.h"

#include <jansson.h>
#include <stddef.h>

#define PC_FEVAL_MATCH 0.6

/* ---- word-pair sets ------------------------------------------------------------------- */

/* pc_feval_words: the set of consecutive word pairs of a text (words: runs of ASCII letters
 * and digits, lowercased, and of non-ASCII bytes), as sorted hashes. Owns v. */
typedef struct pc_feval_words {
    unsigned long long *v;
    size_t n;
} pc_feval_words;

int pc_feval_words_of(const char *s, size_t len, pc_feval_words *out);
void pc_feval_words_free(pc_feval_words *w);
/* Whether the text s[0..len) lies inside `side`: it has at least two word pairs and at least
 * PC_FEVAL_MATCH of them occur in side. */
int pc_feval_inside(const char *s, size_t len, const pc_feval_words *side);

/* ---- reading ------------------------------------------------------------------------- */

/* Format a warning and pass it to warn (which may be NULL). */
void pc_feval_warn(pc_eval_warn_fn warn, void *ctx, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Receives one JSON object of a judged file: 0, or -1 with err (the line is skipped with a
 * warning), or -2 when memory runs out (reading stops). */
typedef int (*pc_feval_line_fn)(json_t *obj, size_t lineno, void *arg, pc_error *err);

/* Calls one(obj, lineno, arg) for each JSON line of path; broken lines are warned about as
 * "PATH:LINE: why; line skipped" and counted in *skipped. -1 (err set) when the file cannot be
 * read or one() runs out of memory. */
int pc_feval_each_line(const char *path, pc_feval_line_fn one, void *arg, size_t *skipped,
                       pc_eval_warn_fn warn, void *ctx, pc_error *err);

/* ---- contradictions ------------------------------------------------------------------- */

/* One judged pair. Owns its strings and word sets. */
typedef struct pc_contra_pair {
    char *id, *policy, *file, *detector; /* file: resolved against the gold file's folder */
    char *text_a, *text_b;
    pc_feval_words a, b;
    int positive;  /* label "contradiction" */
    int label_raw; /* -1 when absent */
    size_t line;
    int found; /* set by pc_contra_run */
} pc_contra_pair;

/* A finding that lies in no judged pair, kept for reading. Owns its strings. */
typedef struct pc_contra_extra {
    char *policy, *message, *first, *second; /* the clauses: restriction, first practice */
} pc_contra_extra;

/* pc_contra_set: a judged file and, after pc_contra_run, what was found. Owns everything. */
typedef struct pc_contra_set {
    char *path;
    pc_contra_pair *pairs;
    size_t npairs, cap, skipped;
    size_t npolicies, nfindings, nunloadable;
    pc_contra_extra *extra; /* findings in no judged pair */
    size_t nextra, cap_extra;
} pc_contra_set;

int pc_contra_read(const char *path, pc_contra_set *set, pc_eval_warn_fn warn, void *ctx,
                   pc_error *err);
/* Compare each policy on its own, classified with copts (NULL: the rules alone), and match its
 * contradiction findings to its pairs. A policy file that cannot be loaded is reported through
 * warn and its pairs stay unfound. */
int pc_contra_run(const pc_taxonomy *tax, const pc_classify_opts *copts, pc_contra_set *set,
                  pc_eval_warn_fn warn, void *ctx, pc_error *err);
void pc_contra_set_free(pc_contra_set *set);

/* Totals. Plain value. */
typedef struct pc_contra_scores {
    size_t positives, negatives, found, false_alarms, policies, findings, outside;
    double recall, false_alarm_rate, outside_per_policy;
} pc_contra_scores;

void pc_contra_score(const pc_contra_set *set, const char *detector, pc_contra_scores *s);

/* ---- completeness --------------------------------------------------------------------- */

/* One judged policy. Owns its strings and arrays (one entry per taxonomy requirement). */
typedef struct pc_complete_case {
    char *policy, *text;
    size_t line;
    unsigned char *judged, *gold, *pred; /* judged; judged missing; predicted missing */
} pc_complete_case;

/* pc_complete_set: a judged file and its predictions. Owns everything; nreqs is the
 * taxonomy's number of requirements at reading time. */
typedef struct pc_complete_set {
    char *path;
    pc_complete_case *cases;
    size_t n, cap, skipped, nreqs;
} pc_complete_set;

int pc_complete_read(const pc_taxonomy *tax, const char *path, pc_complete_set *set,
                     pc_eval_warn_fn warn, void *ctx, pc_error *err);
/* Compare each judged text on its own (classified with copts; NULL: the rules alone) under every
 * regime, and keep which requirements it reports not disclosed. */
int pc_complete_run(const pc_taxonomy *tax, const pc_classify_opts *copts, pc_complete_set *set,
                    pc_eval_warn_fn warn, void *ctx, pc_error *err);
void pc_complete_set_free(pc_complete_set *set);

/* Counts for one requirement, or all together. Plain value. */
typedef struct pc_complete_counts {
    size_t judged, gold, tp, fp, fn;
    double precision, recall;
} pc_complete_counts;

/* Requirement r's counts (r < 0: every requirement together, micro-averaged). */
void pc_complete_score(const pc_complete_set *set, int r, pc_complete_counts *c);

#endif
