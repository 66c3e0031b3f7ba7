/* tax_yaml.h: the taxonomy loader's reading machinery, shared by the files that read one
 * section each (taxonomy.c: header, categories, attributes, stances, scopes; ontology.c;
 * requirement.c). Internal to the taxonomy module.
 *
 * Every function takes the loader's context, reports the first error only (later calls after a
 * failure return at once) as "FILE:LINE:COL: what is wrong" at the node it concerns, and
 * returns -1 (or NULL) on failure.
 */
#ifndef POLCMP_TAX_YAML_H
#define POLCMP_TAX_YAML_H

#include "taxonomy/recache.h"
#include "taxonomy/taxonomy.h"

#include <yaml.h>

/* Which kind of rule is being read: decides the allowed keys. */
typedef enum pc_tax_rule_kind {
    PC_TAX_CAT_RULE,    /* id pattern weight caseless exclude scope literal */
    PC_TAX_CAT_EXCLUDE, /* id pattern caseless literal */
    PC_TAX_ATTR_RULE,   /* id pattern caseless exclude literal value */
    PC_TAX_STANCE_RULE, /* id pattern caseless exclude literal */
    PC_TAX_SCOPE,       /* the same; its id need only be unique in its list */
} pc_tax_rule_kind;

/* pc_tax_ctx: the loader's state. Owns the YAML document; `tax` is the result being built;
 * `ids` is a set of the rule ids read so far (open addressing, capids slots, a power of two
 * at most half full; the strings borrowed from tax) for the uniqueness check; `re` (borrowed) gives
 * the compiled patterns of an earlier load and records every pattern compiled. */
typedef struct pc_tax_ctx {
    yaml_document_t doc;
    const char *path;
    pc_error *err;
    int failed;
    pc_taxonomy *tax;
    const char **ids;
    size_t nids, capids;
    pc_recache *re;
} pc_tax_ctx;

/* Record the first error, at node n (NULL: no position). Always -1. */
int pc_tax_fail(pc_tax_ctx *c, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

yaml_node_t *pc_tax_node(pc_tax_ctx *c, int id);
/* Whether n is a plain null scalar ("", "~", "null"). */
int pc_tax_is_null(const yaml_node_t *n);
/* The value of key `key` in mapping `map`, or NULL. */
yaml_node_t *pc_tax_get(pc_tax_ctx *c, yaml_node_t *map, const char *key);
/* Check that `map` is a mapping whose keys are all in `allowed` (NULL-terminated), each once. */
int pc_tax_check_map(pc_tax_ctx *c, yaml_node_t *map, const char *const *allowed,
                     const char *where);
/* A required (or optional, when required is 0) string field. NULL when absent or wrong. */
const char *pc_tax_str(pc_tax_ctx *c, yaml_node_t *map, const char *key, int required,
                       const char *where);
/* *dst = a copy of s (nothing when s is NULL). */
int pc_tax_dup(pc_tax_ctx *c, char **dst, const char *s);
/* An optional number or boolean field; *out keeps its value when absent. */
int pc_tax_number(pc_tax_ctx *c, yaml_node_t *map, const char *key, const char *where, double *out);
int pc_tax_bool(pc_tax_ctx *c, yaml_node_t *map, const char *key, const char *where, int *out);
/* A sequence node for `key` (NULL and no error when absent and optional). */
yaml_node_t *pc_tax_seq(pc_tax_ctx *c, yaml_node_t *map, const char *key, int required,
                        const char *where);
size_t pc_tax_seq_len(const yaml_node_t *seq);
yaml_node_t *pc_tax_seq_item(pc_tax_ctx *c, yaml_node_t *seq, size_t i);

/* Compile a pattern (UTF, UCP, caseless when asked); JIT-compile it too when jit is set. */
pcre2_code *pc_tax_compile(pc_tax_ctx *c, yaml_node_t *at, const char *pattern, int caseless,
                           const char *rule_id, int jit);
/* Register a rule id, failing when it is taken. */
int pc_tax_unique_id(pc_tax_ctx *c, yaml_node_t *at, const char *id, const char *what);
/* Read one rule mapping into r; a list of them under `key` into a fresh array. */
int pc_tax_rule(pc_tax_ctx *c, yaml_node_t *map, pc_rule *r, pc_tax_rule_kind kind);
int pc_tax_rules(pc_tax_ctx *c, yaml_node_t *map, const char *key, int required, const char *where,
                 pc_tax_rule_kind kind, pc_rule **out, size_t *n);
/* An optional `category:` field naming a category defined earlier; -1 in *out when absent. */
int pc_tax_category_ref(pc_tax_ctx *c, yaml_node_t *map, const char *where, int *out);
/* Read each item of the list under `key` with fn into a calloc'ed array of `size`. */
int pc_tax_list(pc_tax_ctx *c, yaml_node_t *root, const char *key, int required, void **arr,
                size_t *n, size_t size, int (*fn)(pc_tax_ctx *, yaml_node_t *, size_t));

/* Sections in their own files (ontology.c, requirement.c), and freeing. */
int pc_tax_ontology(pc_tax_ctx *c, yaml_node_t *root);
int pc_tax_requirements(pc_tax_ctx *c, yaml_node_t *root);
void pc_tax_free_requirements(pc_requirement *reqs, size_t n);
/* Free n rules made by pc_tax_rules (here, beside the code that builds them) and the array. */
void pc_tax_free_rules(pc_rule *r, size_t n);

#endif
