/* classify.h: labelling clauses with taxonomy categories, with evidence.
 *
 * For every clause: the categories whose score reaches their threshold (scoring rules in
 * taxonomy/README.md), each with the rules that fired and the spans they matched; the
 * attribute values stated in it (normalized, see attr.h); and the stances it takes (topic,
 * polarity, scope ids). Matching runs under PCRE2 match, depth and heap limits: a rule that hits
 * a limit counts as not matching and is reported once in `warnings`.
 *
 * Two engines give identical results (tests/unit/test_prefilter.c): the prefilter engine (the
 * default) first scans each clause once for every rule's required literal (see prefilter.h) and
 * confirms only the rules whose literals occur, pattern by pattern over batches of clauses; the
 * reference engine runs every pattern on every clause.
 *
 * With a learned model (pc_classify_opts.model, model.h) the model decides the OPP-115
 * top-level labels: the rules still score every category, then the model reads the clause (with
 * its section title and a list item's lead-in, or, with `whole`, the whole outline as one
 * unit) and its rule hits. A rule label whose class the model does not give moves to the
 * clause's dropped labels (kept for explanations), unless the class is in `union` mode; a class
 * the model gives with no rule label gets its generic category (the least deep category of that
 * class), whose evidence is the n-grams that weighed most; every label records the model's
 * verdict and n-grams. Attributes are then extracted under the final labels (with `whole`,
 * under the rules' labels).
 *
 * Thread safety: a pc_taxonomy (and a pc_model) is read-only here. pc_classify, pc_classify_text and
 * pc_classify_batch make their own scratch state, so several threads may classify with one
 * taxonomy at once; a pc_matcher is one thread's scratch and must not be shared.
 */
#ifndef POLCMP_CLASSIFY_H
#define POLCMP_CLASSIFY_H

#include "classify/attr.h"
#include "classify/model.h"
#include "segment/segment.h"
#include "classify/stance.h"
#include "taxonomy/taxonomy.h"
#include "util/util.h"

#include <stddef.h>
#include <stdint.h>

#define PC_MATCH_LIMIT 1000000u
#define PC_DEPTH_LIMIT 100000u
#define PC_HEAP_LIMIT_KIB 65536u

/* One rule firing. Plain value; `rule` is borrowed from the taxonomy. `heading` is nonzero
 * when the span lies in a heading (a section title, a list item's lead-in clause, or the
 * separate heading given to pc_classify_text) rather than in the clause itself. */
typedef struct pc_evidence {
    const pc_rule *rule;
    pc_span32 span; /* 32 bits (util.h): 24 bytes, not 32; a large policy has millions */
    int heading;
} pc_evidence;

/* A category given to a clause. Its evidence is evidence[ev_first .. ev_first + nev). With a
 * model, `model` is 1 and the n-grams that weighed most for the label's class are
 * ngrams[ng_first .. ng_first + nng); a label with no evidence and `model` 0 was set by a
 * reviewer (review.h). */
typedef struct pc_label { /* 24 bytes: a large policy has a million */
    double score; /* the rules' score (0 for a label only the model gave) */
    uint32_t ev_first, nev; /* 32 bits, as pc_clause_result's ranges */
    uint32_t ng_first;
    int16_t category; /* index into tax->cats (pc_matcher_new refuses more than INT16_MAX) */
    uint8_t model;
    uint8_t nng; /* at most PC_MODEL_TOP */
} pc_label;

/* The learned model's verdict on a unit: a clause, or a whole outline. Plain value. */
typedef struct pc_model_verdict {
    float d[PC_MODEL_CLASSES]; /* decision values (pc_model_link gives the scores people see) */
    unsigned given;            /* the classes given (bit per class, opp12.h) */
    unsigned rules;            /* the classes the rules gave */
    unsigned strong;           /* the classes of rule labels resting on a strong rule */
} pc_model_verdict;

/* An attribute value found in a clause. `rule` is borrowed from the taxonomy. */
typedef struct pc_attr_hit {
    int attribute; /* index into tax->attrs */
    const pc_rule *rule;
    pc_span span; /* the matched text: the value as stated */
    pc_attr_norm norm;
} pc_attr_hit;

/* A scope id named in a stance's clause. */
typedef struct pc_scope_ref {
    pc_scope_dim dim;
    int index; /* into tax->scopes[dim] */
} pc_scope_ref;

/* A stance taken by a clause. Its scopes are scopes[scope_first .. + nscopes). Offsets and
 * ranges in 32 bits, as pc_clause_result's (32 bytes, not 56). */
typedef struct pc_stance {
    const pc_rule *rule;
    int topic; /* index into tax->topics */
    pc_polarity polarity;
    pc_span32 span; /* the action the rule matched */
    uint32_t scope_first, nscopes;
} pc_stance;

/* The results of one clause: ranges into the pc_classified arrays, 32 bits each (a large
 * policy has a million clauses; an array past 2^32 - 1 items is refused as out of memory). */
typedef struct pc_clause_result {
    uint32_t label_first, nlabels;
    uint32_t attr_first, nattrs;
    uint32_t stance_first, nstances;
    uint32_t drop_first, ndropped; /* rule labels the model overruled */
} pc_clause_result;

/* A rule that hit a match limit (once per rule), at the start of the clause it was tried on. */
typedef struct pc_match_warning {
    const pc_rule *rule;
    size_t offset;
} pc_match_warning;

/* pc_classified: the classification of one outline (or one text). Owns all its arrays;
 * borrows tax and outline, which must outlive it. clauses[i] belongs to outline->clauses[i].
 * Free with pc_classified_free(). */
typedef struct pc_classified {
    const pc_taxonomy *tax;
    const pc_outline *outline; /* NULL for pc_classify_text */
    pc_clause_result *clauses;
    size_t nclauses;
    pc_label *labels;
    size_t nlabels;
    pc_evidence *evidence;
    size_t nevidence;
    pc_attr_hit *attrs;
    size_t nattrs;
    pc_stance *stances;
    size_t nstances;
    pc_scope_ref *scopes;
    size_t nscopes;
    pc_match_warning *warnings;
    size_t nwarnings;
    const pc_model *model; /* the model that decided (borrowed), NULL: the rules alone */
    int whole;             /* the model read the outline whole: verdicts[0] for every clause */
    pc_model_verdict *verdicts; /* per clause (one with `whole`), when model is set and
                                   no_ngrams is not (then none: nverdicts is 0) */
    size_t nverdicts;
    pc_model_ngram *ngrams; /* none when no_ngrams */
    size_t nngrams;
    int no_ngrams; /* pc_classify_opts.no_ngrams: every label's nng is 0, no verdicts */
    pc_label *dropped;
    size_t ndropped;
} pc_classified;

pc_classified *pc_classify(const pc_taxonomy *tax, const pc_outline *outline, pc_error *err);

/* Classify one span of text as a single clause, with an optional heading (NULL or "") that
 * heading rules are matched against. Spans are offsets into text (into heading for evidence
 * marked `heading`). */
pc_classified *pc_classify_text(const pc_taxonomy *tax, const char *text, size_t len,
                                const char *heading, pc_error *err);

void pc_classified_free(pc_classified *c);

/* ---- engines and batches -------------------------------------------------------------- */

typedef enum pc_engine {
    PC_ENGINE_PREFILTER = 0, /* default: literal prefilter, PCRE2 JIT confirms candidates */
    PC_ENGINE_REFERENCE,     /* every PCRE2 pattern on every clause */
} pc_engine;

/* Options of a classification; a zeroed struct (or NULL) means the defaults: the prefilter
 * engine, the rules alone. Borrows model, which must outlive the results. */
typedef struct pc_classify_opts {
    pc_engine engine;
    const pc_model *model; /* the learned model that decides the top-level labels, or NULL */
    int whole;             /* 1: the model reads each outline as one unit (a text, a segment) */
    int no_ngrams;         /* 1: the model's labels keep no n-grams and the result keeps no
                              verdicts, pc_classified_verdict gives NULL (nothing will show them:
                              a comparison only written out); ignored with `whole` */
} pc_classify_opts;

/* "prefilter" or "reference" (as in POLCMP_ENGINE) -> the engine; -1 when unknown. */
int pc_engine_from_name(const char *name);
const char *pc_engine_name(pc_engine e);

/* Clauses per pattern-major batch: each pattern runs over up to this many clauses (across
 * outlines) before the next pattern runs. */
#define PC_BATCH_CLAUSES 4096

/* pc_matcher: one thread's scratch state for a taxonomy (match data, JIT stack, literal-scan
 * scratch, batch buffers). Owns all of it; borrows tax, which must outlive it. Reuse one per
 * thread across calls; never share one between threads. */
typedef struct pc_matcher pc_matcher;

pc_matcher *pc_matcher_new(const pc_taxonomy *tax, pc_error *err);
void pc_matcher_free(pc_matcher *m);

/* Classify n outlines into out[0..n) (each freed with pc_classified_free). On error every
 * out[i] is NULL and -1 is returned. Memory: the n results plus the matcher's fixed buffers;
 * to stream a large corpus call this on windows of outlines. */
int pc_matcher_classify(pc_matcher *m, const pc_outline *const *outlines, size_t n,
                        const pc_classify_opts *opts, pc_classified **out, pc_error *err);

/* The same with a temporary matcher; returns a malloc'ed array of n results (free with
 * pc_classified_free_batch), NULL on error. */
pc_classified **pc_classify_batch(const pc_taxonomy *tax, const pc_outline *const *outlines,
                                  size_t n, const pc_classify_opts *opts, pc_error *err);
void pc_classified_free_batch(pc_classified **c, size_t n);

/* pc_classify and pc_classify_text with a chosen engine (opts may be NULL). */
pc_classified *pc_classify_with(const pc_taxonomy *tax, const pc_outline *outline,
                                const pc_classify_opts *opts, pc_error *err);
pc_classified *pc_classify_text_with(const pc_taxonomy *tax, const char *text, size_t len,
                                     const char *heading, const pc_classify_opts *opts,
                                     pc_error *err);

/* The set of top-level OPP-115 categories (bit i = pc_opp10_name(i)) over all labels. */
unsigned pc_classified_opp10(const pc_classified *c);

/* The label of category `cat` on clause i, or NULL. */
const pc_label *pc_classified_label(const pc_classified *c, size_t clause, int cat);

/* The model's verdict on clause i, NULL when the rules alone decided or none was kept
 * (pc_classify_opts.no_ngrams). */
const pc_model_verdict *pc_classified_verdict(const pc_classified *c, size_t clause);

/* The model class (opp12.h) a category counts for; PC_CLASS_OTHER_ANY for an Other category
 * that names no kind (it stands when the model gives any kind of Other). */
#define PC_CLASS_OTHER_ANY (-2)
int pc_category_class(const pc_category *cat);
/* The class a label of clause i (or a dropped label of it) stands for under the model: its
 * category's class, or for an Other category without a kind the given kind of Other with the
 * highest decision value (-1 when none is given); -1 without a model. */
int pc_classified_label_class(const pc_classified *c, size_t clause, const pc_label *l);
/* The model's score for class k on clause i (pc_model_link of its decision value), and the
 * threshold it is held to there (the clause's, or the whole text's with `whole`; the rule
 * threshold when the rules gave the class too); 0 and 1 without a model. */
double pc_classified_model_score(const pc_classified *c, size_t clause, int k);
double pc_classified_model_threshold(const pc_classified *c, size_t clause, int k);

/* The spans that stand behind label l, for highlighting: the spans its rules matched, or, for
 * a label the model alone gave, its n-grams. pc_label_span gives the i-th (i < nspans), with
 * *heading set when it lies in a title or lead-in rather than the clause, and *ngram when it
 * is one of the model's n-grams. */
size_t pc_label_nspans(const pc_classified *c, const pc_label *l);
pc_span pc_label_span(const pc_classified *c, const pc_label *l, size_t i, int *heading,
                      int *ngram);

#endif
