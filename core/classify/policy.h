/* policy.h: one policy carried through the pipeline: loaded, segmented and classified.
 * The comparison, the UI and the exporters all read policies through this. */
#ifndef POLCMP_POLICY_H
#define POLCMP_POLICY_H

#include "classify/classify.h"
#include "text/load.h"
#include "segment/segment.h"
#include "taxonomy/taxonomy.h"
#include "util/util.h"

/* pc_policy: owns doc, outline, cls and the strings; borrows the taxonomy and the model in
 * copts (both must outlive it). */
typedef struct pc_policy {
    char *id;   /* short unique id: the file's base name without extension */
    char *name; /* what people call it: "<id>" or "<id>: <document title>" */
    char *label; /* a short column label: the company or site name in the title, else the file
                    stem without leading numbers ("freshbox") */
    pc_doc *doc;
    pc_outline *outline;
    pc_classified *cls;
    pc_classify_opts copts; /* how it was classified (and is again after a relabel) */
} pc_policy;

/* Load, segment and classify one file (copts may be NULL: the rules alone). */
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

/* A clause's text (pointer into doc->text) and length. */
const char *pc_policy_clause_text(const pc_policy *p, size_t clause, size_t *len);
/* Whether clause i carries category c or one of its descendants. */
int pc_policy_clause_has(const pc_policy *p, size_t clause, int cat);

#endif
