/* taxonomy.h: loading a taxonomy file (YAML, schema in taxonomy/README.md) into compiled
 * categories, rules, attributes, stance topics and scopes.
 *
 * Every pattern is compiled with PCRE2 (UTF, UCP, caseless unless `caseless: false`) and
 * JIT-compiled when the machine supports it: exclusions and scopes at load, each rule's own
 * pattern the first time the prefilter matches it (a copy published atomically, so threads
 * may race to it safely). A loaded taxonomy is otherwise read-only and may be shared by
 * threads (each classifying thread keeps its own match data).
 * Errors are one line, the first error wins: "FILE:LINE:COL: what is wrong".
 */
#ifndef POLCMP_TAXONOMY_H
#define POLCMP_TAXONOMY_H

#include "taxonomy/ontology.h"
#include "taxonomy/requirement.h"
#include "util/util.h"

#include <stddef.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

/* The ten top-level OPP-115 categories, the level results are reported at. */
enum {
    PC_OPP_FIRST_PARTY = 0,
    PC_OPP_THIRD_PARTY,
    PC_OPP_CHOICE,
    PC_OPP_ACCESS,
    PC_OPP_RETENTION,
    PC_OPP_SECURITY,
    PC_OPP_POLICY_CHANGE,
    PC_OPP_DNT,
    PC_OPP_AUDIENCES,
    PC_OPP_OTHER,
    PC_OPP_COUNT
};

/* The name of top-level category i ("First Party Collection/Use" ...), NULL out of range. */
const char *pc_opp10_name(int i);
/* The index of an `opp115` value: one of the ten names, or "Other: KIND" with KIND one of
 * Introductory/Generic, Privacy contact information, Practice not covered (all -> Other).
 * Also accepts those three kinds alone (the 12-class names). -1 when unknown. */
int pc_opp10_index(const char *name);

typedef enum pc_rule_scope {
    PC_SCOPE_CLAUSE = 0, /* the pattern is matched against the clause text */
    PC_SCOPE_HEADING,    /* ... against the titles of the clause's section and its ancestors */
} pc_rule_scope;

/* One rule: an id and a compiled pattern. Owns its strings and compiled codes. */
typedef struct pc_rule {
    char *id;
    char *pattern;
    pcre2_code *code;
    char *exclude_pattern; /* NULL when none */
    pcre2_code *exclude;   /* NULL when none */
    double weight;         /* category rules: as given, or 1.0 (heading: defaults.heading_weight) */
    int caseless;
    pc_rule_scope scope;
    char *literal;      /* NULL when none */
    char *value;        /* attribute rules: fixed normalized value, NULL when none */
    int strong;         /* category rules: its label stands even when the learned model
                           does not give the category's class (model.h) */
    unsigned line, col; /* where the rule's mapping starts in the file (1-based) */
    size_t index;       /* position among all the taxonomy's rules (prefilter.h) */
} pc_rule;

/* One category. Owns its strings and rules. */
typedef struct pc_category {
    char *id, *name, *opp115, *description;
    int opp10;  /* index into the ten top-level OPP-115 categories */
    int parent; /* index of the parent category, -1 when none */
    char **required_by;
    size_t nrequired;
    double threshold;
    pc_rule *rules;
    size_t nrules;
    pc_rule *excludes; /* category-level vetoes */
    size_t nexcludes;
} pc_category;

typedef enum pc_attr_kind {
    PC_ATTR_PERIOD = 0,
    PC_ATTR_DEADLINE,
    PC_ATTR_AGE,
    PC_ATTR_MEASURE,
    PC_ATTR_SAFEGUARD,
} pc_attr_kind;

const char *pc_attr_kind_name(pc_attr_kind k);

/* One attribute to extract. Owns its strings and rules. */
typedef struct pc_attribute {
    char *id, *name;
    pc_attr_kind kind;
    int category; /* only clauses with this label are searched; -1 = every clause */
    pc_rule *rules;
    size_t nrules;
} pc_attribute;

/* One stance topic. Owns its strings and rules. */
typedef struct pc_topic {
    char *id, *name;
    int category; /* -1 when none */
    pc_rule *rules;
    size_t nrules;
} pc_topic;

typedef enum pc_scope_dim {
    PC_DIM_DATA = 0,
    PC_DIM_RECIPIENT,
    PC_DIM_PURPOSE,
    PC_DIM_COUNT
} pc_scope_dim;

const char *pc_scope_dim_name(pc_scope_dim d);

/* pc_taxonomy: a loaded taxonomy. Owns everything it points to; free with pc_tax_free(). */
typedef struct pc_taxonomy {
    char *path;
    char *id, *name, *version;
    double threshold, heading_weight; /* defaults */
    pc_category *cats;
    size_t ncats;
    pc_attribute *attrs;
    size_t nattrs;
    pc_topic *topics;
    size_t ntopics;
    pc_rule *scopes[PC_DIM_COUNT]; /* scope entries by dimension: id and pattern */
    size_t nscopes[PC_DIM_COUNT];
    pc_ontology *onto;    /* the statement frames' vocabulary (ontology.h); NULL when none */
    pc_requirement *reqs; /* the regimes' required disclosures (requirement.h) */
    size_t nreqs;
    size_t nrules; /* every compiled rule in the file, for reports */
    int jit;       /* 1 when JIT is available; a rule's pattern is JIT-compiled on first use */
    size_t patterns_cached; /* compiled patterns taken from the cache file (recache.h) */
    int document_cached;    /* 1: the parsed YAML was taken from the cache file (doccache.h) */
    struct pc_prefilter *prefilter; /* required literals and their scan (prefilter.h) */
} pc_taxonomy;

/* Load the taxonomy file at path. Its compiled literal database and compiled patterns are kept
 * in DIR/.NAME.cache beside it, or in the user's cache directory when DIR takes no files
 * (taxonomy/prefilter_cache.h: read when it matches these rules and this build,
 * rebuilt and rewritten when it is missing, stale or corrupt; never an error). */
pc_taxonomy *pc_tax_load(const char *path, pc_error *err);
/* Load from memory, without a cache; `name` stands for the file in messages. */
pc_taxonomy *pc_tax_load_mem(const char *name, const char *data, size_t len, pc_error *err);
void pc_tax_free(pc_taxonomy *tax);

/* Index of the category with this id, or -1. */
int pc_tax_find_category(const pc_taxonomy *tax, const char *id);
/* Whether category cat is category anc or lies below it (anc an ancestor through `parent`). */
int pc_tax_is_under(const pc_taxonomy *tax, int cat, int anc);
/* Whether category cat only catches what the others leave (OPP-115's "Other" itself,
 * introductory text, practices not covered): no policy can be said to leave it out. */
int pc_tax_is_catch_all(const pc_taxonomy *tax, int cat);

#endif
