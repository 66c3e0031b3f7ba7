/* policy.h: one policy carried through the pipeline: loaded, segmented and classified, with
 * the reviewer's relabels laid over the classification (overlay.h). The comparison, the UI and
 * the exporters all read policies, and a clause's labels, through this. */
#ifndef POLCMP_POLICY_H
#define POLCMP_POLICY_H

#include "classify/classify.h"
#include "classify/frame.h"
#include "classify/overlay.h"
#include "segment/segment.h"
#include "taxonomy/taxonomy.h"
#include "text/load.h"
#include "util/util.h"

/* pc_policy: owns doc, outline, cls, frames, overlay and the strings; borrows the taxonomy. cls
 * is the classifier's output and is never changed; overlay (NULL when nothing is relabelled)
 * holds the reviewer's relabels. */
typedef struct pc_policy {
    char *id;   /* short unique id: the file's base name without extension */
    char *name; /* what people call it: "<id>" or "<id>: <document title>" */
    char *label; /* a short column label: the company or site name in the title, else the file
                    stem without leading numbers ("freshbox") */
    pc_doc *doc;
    pc_outline *outline;
    pc_classified *cls;
    pc_frames *frames; /* statement frames (frame.h); NULL only in hand-made policies */
    pc_overlay *overlay;
} pc_policy;

/* One label of a clause as the comparison and people see it. Plain value. `label` is the
 * classifier's label of that category on the clause (score and evidence; borrowed from cls), or
 * NULL when only the reviewer gave it; `reviewer` is 1 when the reviewer set the clause's labels
 * (a relabel), whether or not the classifier agreed. */
typedef struct pc_eff_label {
    int category;
    const pc_label *label;
    int reviewer;
} pc_eff_label;

/* Load, segment, classify and read the statement frames of one file (copts may be NULL: the rules alone; its model, if any,
 * must outlive the policy). */
pc_policy *pc_policy_open_with(const char *path, const pc_load_opts *opts,
                               const pc_taxonomy *tax, const pc_classify_opts *copts,
                               pc_error *err);
/* The same for a document already loaded (the policy takes ownership of doc, even on error). */
pc_policy *pc_policy_from_doc_with(pc_doc *doc, const pc_taxonomy *tax,
                                   const pc_classify_opts *copts, pc_error *err);
/* pc_policy_open_with and pc_policy_from_doc_with with the rules alone. */
pc_policy *pc_policy_open(const char *path, const pc_load_opts *opts, const pc_taxonomy *tax,
                          pc_error *err);
pc_policy *pc_policy_from_doc(pc_doc *doc, const pc_taxonomy *tax, pc_error *err);
void pc_policy_free(pc_policy *p);
/* Lay an overlay over the policy's classification (taking ownership; NULL removes it). The
 * overlay must cover the policy's clauses. */
void pc_policy_set_overlay(pc_policy *p, pc_overlay *o);

/* The labels of clause i: the reviewer's when the clause is relabelled, else the classifier's.
 * pc_policy_clause_label(p, i, k) for k < pc_policy_clause_nlabels(p, i). */
size_t pc_policy_clause_nlabels(const pc_policy *p, size_t clause);
pc_eff_label pc_policy_clause_label(const pc_policy *p, size_t clause, size_t k);
/* Whether the reviewer relabelled clause i. */
int pc_policy_clause_relabelled(const pc_policy *p, size_t clause);

/* A clause's text (pointer into doc->text) and length. */
const char *pc_policy_clause_text(const pc_policy *p, size_t clause, size_t *len);
/* A short excerpt of a clause for messages and tables: at most max bytes, runs of white space
 * folded, cut at a word and a UTF-8 boundary, with "..." when cut. Written into out (size
 * outsz, at least max + 4). */
void pc_policy_excerpt(const pc_policy *p, size_t clause, size_t max, char *out, size_t outsz);
/* Whether clause i carries category c or one of its descendants (its labels as above). */
int pc_policy_clause_has(const pc_policy *p, size_t clause, int cat);

#endif
