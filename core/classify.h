/* classify.h: labelling clauses with taxonomy categories, with evidence.
 *
 * For every clause: the categories whose score reaches their threshold (scoring rules in
 * taxonomy/README.md), each with the rules that fired and the spans they matched; the
 * attribute values stated in it (normalized, see attr.h); and the stances it takes (topic,
 * polarity, scope ids). Matching runs under PCRE2 match, depth and heap limits: a rule that hits
 * a limit counts as not matching and is reported once in `warnings`.
 *
 * Thread safety: a pc_taxonomy is read-only here; each call makes its own match data, so
 * several threads may classify with one taxonomy at once.
 */
#ifndef POLCMP_CLASSIFY_H
#define POLCMP_CLASSIFY_H

#include "attr.h"
#include "segment.h"
#include "stance.h"
#include "taxonomy.h"
#include "util.h"

#include <stddef.h>

#define PC_MATCH_LIMIT 1000000u
#define PC_DEPTH_LIMIT 100000u
#define PC_HEAP_LIMIT_KIB 65536u

/* One rule firing. Plain value; `rule` is borrowed from the taxonomy. `heading` is nonzero
 * when the span lies in a heading (a section title, a list item's lead-in clause, or the
 * separate heading given to pc_classify_text) rather than in the clause itself. */
typedef struct pc_evidence {
    const pc_rule *rule;
    pc_span span;
    int heading;
} pc_evidence;

/* A category given to a clause. Its evidence is evidence[ev_first .. ev_first + nev). */
typedef struct pc_label {
    int category; /* index into tax->cats */
    double score;
    size_t ev_first, nev;
} pc_label;

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

/* A stance taken by a clause. Its scopes are scopes[scope_first .. + nscopes). */
typedef struct pc_stance {
    int topic; /* index into tax->topics */
    const pc_rule *rule;
    pc_polarity polarity;
    pc_span span; /* the action the rule matched */
    size_t scope_first, nscopes;
} pc_stance;

/* The results of one clause: ranges into the pc_classified arrays. */
typedef struct pc_clause_result {
    size_t label_first, nlabels;
    size_t attr_first, nattrs;
    size_t stance_first, nstances;
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
} pc_classified;

pc_classified *pc_classify(const pc_taxonomy *tax, const pc_outline *outline, pc_error *err);

/* Classify one span of text as a single clause, with an optional heading (NULL or "") that
 * heading rules are matched against. Spans are offsets into text (into heading for evidence
 * marked `heading`). */
pc_classified *pc_classify_text(const pc_taxonomy *tax, const char *text, size_t len,
                                const char *heading, pc_error *err);

void pc_classified_free(pc_classified *c);

/* The set of top-level OPP-115 categories (bit i = pc_opp10_name(i)) over all labels. */
unsigned pc_classified_opp10(const pc_classified *c);

/* The label of category `cat` on clause i, or NULL. */
const pc_label *pc_classified_label(const pc_classified *c, size_t clause, int cat);

#endif
