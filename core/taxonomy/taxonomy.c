/* taxonomy.c: the taxonomy loader. Parses the YAML with libyaml's document API (which keeps
 * each node's line and column), checks it against the schema in taxonomy/README.md, and
 * compiles every pattern with PCRE2 (plus JIT when available).
 *
 * The walk is strict: unknown keys, duplicate keys, duplicate ids, missing fields and
 * malformed values are errors, and the first error found is the one reported. Sections are
 * read in a fixed order (taxonomy, defaults, categories, attributes, stances, scopes) so that
 * defaults are known before rules are built.
 */
#include "taxonomy/taxonomy.h"
#include "taxonomy/prefilter.h"
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static const char *const opp10_names[PC_OPP_COUNT] = {
    "First Party Collection/Use",
    "Third Party Sharing/Collection",
    "User Choice/Control",
    "User Access, Edit and Deletion",
    "Data Retention",
    "Data Security",
    "Policy Change",
    "Do Not Track",
    "International and Specific Audiences",
    "Other",
};

/* The kinds of "Other" in the 12-class benchmark. */
static const char *const other_kinds[] = {
    "Introductory/Generic",
    "Privacy contact information",
    "Practice not covered",
};

const char *pc_opp10_name(int i)
{
    return i >= 0 && i < PC_OPP_COUNT ? opp10_names[i] : NULL;
}

int pc_opp10_index(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < PC_OPP_COUNT; i++)
        if (!strcmp(name, opp10_names[i]))
            return i;
    const char *kind = name;
    if (!strncmp(name, "Other: ", 7))
        kind = name + 7;
    for (size_t k = 0; k < sizeof other_kinds / sizeof other_kinds[0]; k++)
        if (!strcmp(kind, other_kinds[k]))
            return PC_OPP_OTHER;
    return -1;
}

static const char *const attr_kind_names[] = {"period", "deadline", "age", "measure",
                                              "safeguard"};

const char *pc_attr_kind_name(pc_attr_kind k)
{
    return (unsigned)k < 5 ? attr_kind_names[k] : "?";
}

static const char *const dim_names[PC_DIM_COUNT] = {"data", "recipient", "purpose"};

const char *pc_scope_dim_name(pc_scope_dim d)
{
    return (unsigned)d < PC_DIM_COUNT ? dim_names[d] : "?";
}

/* ---- loading context ------------------------------------------------------------------ */

/* Which kind of rule is being read: decides the allowed keys. */
typedef enum tx_rule_kind { TX_CAT_RULE, TX_CAT_EXCLUDE, TX_ATTR_RULE, TX_STANCE_RULE,
                            TX_SCOPE } tx_rule_kind;

/* tx_ctx: the loader's state. Owns the YAML document; `tax` is the result being built;
 * `ids` borrows rule id strings owned by tax (for the uniqueness check). */
typedef struct tx_ctx {
    yaml_document_t doc;
    const char *path;
    pc_error *err;
    int failed;
    pc_taxonomy *tax;
    const char **ids;
    size_t nids, capids;
} tx_ctx;

__attribute__((format(printf, 3, 4))) static int tx_fail(tx_ctx *c, const yaml_node_t *n,
                                                         const char *fmt, ...)
{
    if (c->failed)
        return -1;
    c->failed = 1;
    char msg[PC_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (n)
        pc_error_set(c->err, "%s:%lu:%lu: %s", c->path, (unsigned long)n->start_mark.line + 1,
                     (unsigned long)n->start_mark.column + 1, msg);
    else
        pc_error_set(c->err, "%s: %s", c->path, msg);
    return -1;
}

static yaml_node_t *tx_node(tx_ctx *c, int id)
{
    return yaml_document_get_node(&c->doc, id);
}

static int tx_is_null(const yaml_node_t *n)
{
    if (!n || n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return 0;
    const char *s = (const char *)n->data.scalar.value;
    return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
           !strcmp(s, "NULL");
}

/* The value of key `key` in mapping `map`, or NULL. */
static yaml_node_t *tx_get(tx_ctx *c, yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = tx_node(c, p->key);
        if (k && k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, key))
            return tx_node(c, p->value);
    }
    return NULL;
}

/* Check that `map` is a mapping whose keys are all in `allowed` (NULL-terminated), each once. */
static int tx_check_map(tx_ctx *c, yaml_node_t *map, const char *const *allowed,
                        const char *where)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return tx_fail(c, map, "%s must be a mapping", where);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = tx_node(c, p->key);
        if (!k || k->type != YAML_SCALAR_NODE)
            return tx_fail(c, k, "keys in %s must be plain strings", where);
        const char *key = (const char *)k->data.scalar.value;
        size_t i = 0;
        while (allowed[i] && strcmp(allowed[i], key))
            i++;
        if (!allowed[i])
            return tx_fail(c, k, "unknown key '%s' in %s", key, where);
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
            yaml_node_t *k2 = tx_node(c, q->key);
            if (k2 && k2->type == YAML_SCALAR_NODE &&
                !strcmp((const char *)k2->data.scalar.value, key))
                return tx_fail(c, k, "duplicate key '%s' in %s", key, where);
        }
    }
    return 0;
}

/* A required (or optional, when required is 0) string field. NULL when absent or wrong. */
static const char *tx_str(tx_ctx *c, yaml_node_t *map, const char *key, int required,
                          const char *where)
{
    yaml_node_t *v = tx_get(c, map, key);
    if (!v || tx_is_null(v)) {
        if (required)
            tx_fail(c, map, "%s is missing required field '%s'", where, key);
        return NULL;
    }
    if (v->type != YAML_SCALAR_NODE || !*v->data.scalar.value) {
        tx_fail(c, v, "'%s' in %s must be a non-empty string", key, where);
        return NULL;
    }
    return (const char *)v->data.scalar.value;
}

static int tx_dup(tx_ctx *c, char **dst, const char *s)
{
    if (!s)
        return 0;
    *dst = pc_strdup(s);
    if (!*dst)
        return tx_fail(c, NULL, "out of memory");
    return 0;
}

/* An optional number field; *out keeps its value when absent. */
static int tx_number(tx_ctx *c, yaml_node_t *map, const char *key, const char *where,
                     double *out)
{
    yaml_node_t *v = tx_get(c, map, key);
    if (!v)
        return 0;
    const char *s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
    char *end = NULL;
    errno = 0;
    double d = strtod(s, &end);
    if (!*s || *end || errno || d != d)
        return tx_fail(c, v, "'%s' in %s must be a number", key, where);
    *out = d;
    return 0;
}

static int tx_bool(tx_ctx *c, yaml_node_t *map, const char *key, const char *where, int *out)
{
    yaml_node_t *v = tx_get(c, map, key);
    if (!v)
        return 0;
    const char *s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
    if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "yes"))
        *out = 1;
    else if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "no"))
        *out = 0;
    else
        return tx_fail(c, v, "'%s' in %s must be true or false", key, where);
    return 0;
}

/* A sequence node for `key` (NULL and no error when absent and optional). */
static yaml_node_t *tx_seq(tx_ctx *c, yaml_node_t *map, const char *key, int required,
                           const char *where)
{
    yaml_node_t *v = tx_get(c, map, key);
    if (!v || tx_is_null(v)) {
        if (required)
            tx_fail(c, map, "%s is missing required field '%s'", where, key);
        return NULL;
    }
    if (v->type != YAML_SEQUENCE_NODE) {
        tx_fail(c, v, "'%s' in %s must be a list", key, where);
        return NULL;
    }
    return v;
}

static size_t tx_seq_len(const yaml_node_t *seq)
{
    return seq ? (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start) : 0;
}

static yaml_node_t *tx_seq_item(tx_ctx *c, yaml_node_t *seq, size_t i)
{
    return tx_node(c, seq->data.sequence.items.start[i]);
}

/* ---- patterns and rules --------------------------------------------------------------- */

/* Compile a pattern; JIT-compile it too when jit is set. A rule's own pattern is not: the
 * prefilter JIT-compiles a copy the first time the rule is matched (pc_prefilter_code), so a
 * taxonomy loads without paying for rules a run never tries. tax->jit says JIT is available. */
static pcre2_code *tx_compile(tx_ctx *c, yaml_node_t *at, const char *pattern, int caseless,
                             const char *rule_id, int jit)
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0);
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &code,
                                   &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        tx_fail(c, at, "rule '%s': bad pattern at offset %lu: %s", rule_id, (unsigned long)off,
                (const char *)msg);
        return NULL;
    }
    uint32_t avail = 0;
    if (!jit)
        c->tax->jit |= pcre2_config(PCRE2_CONFIG_JIT, &avail) >= 0 && avail;
    else if (pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0)
        c->tax->jit = 1;
    return re;
}

static int tx_unique_id(tx_ctx *c, yaml_node_t *at, const char *id, const char *what)
{
    for (size_t i = 0; i < c->nids; i++)
        if (!strcmp(c->ids[i], id))
            return tx_fail(c, at, "duplicate %s id '%s'", what, id);
    if (pc_grow(&c->ids, &c->capids, c->nids + 1, sizeof *c->ids) < 0)
        return tx_fail(c, NULL, "out of memory");
    c->ids[c->nids++] = id;
    return 0;
}

static const char *const *tx_rule_keys(tx_rule_kind kind)
{
    static const char *const cat[] = {"id", "pattern", "weight", "caseless", "exclude",
                                      "scope", "literal", "strong", NULL};
    static const char *const excl[] = {"id", "pattern", "caseless", "literal", NULL};
    static const char *const attr[] = {"id", "pattern", "caseless", "exclude", "literal",
                                       "value", NULL};
    static const char *const other[] = {"id", "pattern", "caseless", "exclude", "literal", NULL};
    switch (kind) {
    case TX_CAT_RULE: return cat;
    case TX_CAT_EXCLUDE: return excl;
    case TX_ATTR_RULE: return attr;
    default: return other;
    }
}

static int tx_rule_scope(tx_ctx *c, yaml_node_t *map, pc_rule *r)
{
    const char *scope = tx_str(c, map, "scope", 0, "rule");
    if (c->failed)
        return -1;
    if (!scope || !strcmp(scope, "clause"))
        r->scope = PC_SCOPE_CLAUSE;
    else if (!strcmp(scope, "heading"))
        r->scope = PC_SCOPE_HEADING;
    else
        return tx_fail(c, tx_get(c, map, "scope"),
                       "rule '%s': scope must be 'clause' or 'heading', not '%s'", r->id, scope);
    return 0;
}

/* Read one rule mapping into r. `where` names the rule's container in messages. */
static int tx_rule(tx_ctx *c, yaml_node_t *map, pc_rule *r, tx_rule_kind kind)
{
    const char *where = kind == TX_SCOPE ? "scope entry" : "rule";
    if (tx_check_map(c, map, tx_rule_keys(kind), where) < 0)
        return -1;
    r->line = (unsigned)map->start_mark.line + 1;
    r->col = (unsigned)map->start_mark.column + 1;
    r->caseless = 1;
    r->weight = 1.0;
    if (tx_dup(c, &r->id, tx_str(c, map, "id", 1, where)) < 0 || c->failed)
        return -1;
    if (kind != TX_SCOPE && tx_unique_id(c, tx_get(c, map, "id"), r->id, "rule") < 0)
        return -1;
    char what[PC_ERROR_MAX];
    snprintf(what, sizeof what, "%s '%s'", where, r->id);
    if (tx_dup(c, &r->pattern, tx_str(c, map, "pattern", 1, what)) < 0 ||
        tx_dup(c, &r->exclude_pattern, tx_str(c, map, "exclude", 0, what)) < 0 ||
        tx_dup(c, &r->literal, tx_str(c, map, "literal", 0, what)) < 0 ||
        tx_dup(c, &r->value, tx_str(c, map, "value", 0, what)) < 0 ||
        tx_bool(c, map, "caseless", what, &r->caseless) < 0 || c->failed)
        return -1;
    if (kind == TX_CAT_RULE) {
        if (tx_rule_scope(c, map, r) < 0)
            return -1;
        if (r->scope == PC_SCOPE_HEADING)
            r->weight = c->tax->heading_weight;
        if (tx_number(c, map, "weight", what, &r->weight) < 0 ||
            tx_bool(c, map, "strong", what, &r->strong) < 0)
            return -1;
    }
    r->code = tx_compile(c, tx_get(c, map, "pattern"), r->pattern, r->caseless, r->id, 0);
    if (!r->code)
        return -1;
    if (r->exclude_pattern) {
        r->exclude = tx_compile(c, tx_get(c, map, "exclude"), r->exclude_pattern, r->caseless,
                                r->id, 1);
        if (!r->exclude)
            return -1;
    }
    c->tax->nrules++;
    return 0;
}

/* Read a list of rules under `key` into a fresh array. */
static int tx_rules(tx_ctx *c, yaml_node_t *map, const char *key, int required,
                    const char *where, tx_rule_kind kind, pc_rule **out, size_t *n)
{
    yaml_node_t *seq = tx_seq(c, map, key, required, where);
    if (c->failed)
        return -1;
    size_t len = tx_seq_len(seq);
    if (required && len == 0)
        return tx_fail(c, seq, "'%s' in %s must not be empty", key, where);
    if (len == 0)
        return 0;
    *out = calloc(len, sizeof **out);
    if (!*out)
        return tx_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < len; i++) {
        *n = i + 1;
        if (tx_rule(c, tx_seq_item(c, seq, i), &(*out)[i], kind) < 0)
            return -1;
    }
    return 0;
}

/* ---- categories ----------------------------------------------------------------------- */

static int tx_opp115(tx_ctx *c, yaml_node_t *map, pc_category *cat, const char *where)
{
    if (tx_dup(c, &cat->opp115, tx_str(c, map, "opp115", 1, where)) < 0 || c->failed)
        return -1;
    cat->opp10 = pc_opp10_index(cat->opp115);
    if (cat->opp10 < 0)
        return tx_fail(c, tx_get(c, map, "opp115"),
                       "bad opp115 value '%s' in %s (one of the ten OPP-115 categories, "
                       "e.g. 'Data Retention', 'Third Party Sharing/Collection', or 'Other' / "
                       "'Other: Introductory/Generic'; see taxonomy/README.md)",
                       cat->opp115, where);
    return 0;
}

static int tx_parent(tx_ctx *c, yaml_node_t *map, pc_category *cat, size_t index,
                     const char *where)
{
    cat->parent = -1;
    const char *parent = tx_str(c, map, "parent", 0, where);
    if (c->failed)
        return -1;
    if (!parent)
        return 0;
    for (size_t i = 0; i < index; i++)
        if (!strcmp(c->tax->cats[i].id, parent)) {
            cat->parent = (int)i;
            return 0;
        }
    return tx_fail(c, tx_get(c, map, "parent"), "parent '%s' of %s is not defined earlier",
                   parent, where);
}

static int tx_required_by(tx_ctx *c, yaml_node_t *map, pc_category *cat, const char *where)
{
    yaml_node_t *v = tx_get(c, map, "required_by");
    if (!v || tx_is_null(v))
        return 0;
    size_t n = v->type == YAML_SEQUENCE_NODE ? tx_seq_len(v) : 1;
    cat->required_by = calloc(n ? n : 1, sizeof *cat->required_by);
    if (!cat->required_by)
        return tx_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *s = v->type == YAML_SEQUENCE_NODE ? tx_seq_item(c, v, i) : v;
        if (s->type != YAML_SCALAR_NODE || !*s->data.scalar.value)
            return tx_fail(c, s, "'required_by' in %s must be a list of strings", where);
        cat->nrequired = i + 1;
        if (tx_dup(c, &cat->required_by[i], (const char *)s->data.scalar.value) < 0)
            return -1;
    }
    return 0;
}

static int tx_category(tx_ctx *c, yaml_node_t *map, size_t index)
{
    static const char *const keys[] = {"id", "name", "opp115", "description", "parent",
                                       "required_by", "threshold", "rules", "exclude", NULL};
    pc_category *cat = &c->tax->cats[index];
    cat->parent = -1;
    if (tx_check_map(c, map, keys, "category") < 0 ||
        tx_dup(c, &cat->id, tx_str(c, map, "id", 1, "category")) < 0 || c->failed)
        return -1;
    for (size_t i = 0; i < index; i++)
        if (!strcmp(c->tax->cats[i].id, cat->id))
            return tx_fail(c, tx_get(c, map, "id"), "duplicate category id '%s'", cat->id);
    char where[PC_ERROR_MAX];
    snprintf(where, sizeof where, "category '%s'", cat->id);
    cat->threshold = c->tax->threshold;
    if (tx_dup(c, &cat->name, tx_str(c, map, "name", 1, where)) < 0 || c->failed ||
        tx_opp115(c, map, cat, where) < 0 ||
        tx_dup(c, &cat->description, tx_str(c, map, "description", 1, where)) < 0 ||
        c->failed || tx_parent(c, map, cat, index, where) < 0 ||
        tx_required_by(c, map, cat, where) < 0 ||
        tx_number(c, map, "threshold", where, &cat->threshold) < 0)
        return -1;
    if (cat->threshold < 0)
        return tx_fail(c, tx_get(c, map, "threshold"), "negative threshold in %s", where);
    if (tx_rules(c, map, "rules", 0, where, TX_CAT_RULE, &cat->rules, &cat->nrules) < 0)
        return -1;
    return tx_rules(c, map, "exclude", 0, where, TX_CAT_EXCLUDE, &cat->excludes,
                    &cat->nexcludes);
}

/* ---- attributes, stances, scopes ------------------------------------------------------ */

static int tx_category_ref(tx_ctx *c, yaml_node_t *map, const char *where, int *out)
{
    *out = -1;
    const char *id = tx_str(c, map, "category", 0, where);
    if (c->failed)
        return -1;
    if (!id)
        return 0;
    *out = pc_tax_find_category(c->tax, id);
    if (*out < 0)
        return tx_fail(c, tx_get(c, map, "category"), "unknown category '%s' in %s", id,
                       where);
    return 0;
}

static int tx_attr_kind(tx_ctx *c, yaml_node_t *map, pc_attribute *a, const char *where)
{
    const char *kind = tx_str(c, map, "kind", 1, where);
    if (!kind)
        return -1;
    for (int k = 0; k < 5; k++)
        if (!strcmp(kind, attr_kind_names[k])) {
            a->kind = (pc_attr_kind)k;
            return 0;
        }
    return tx_fail(c, tx_get(c, map, "kind"),
                   "bad kind '%s' in %s (one of: period, deadline, age, measure, safeguard)",
                   kind, where);
}

/* An attribute rule must be able to produce a value: `value`, or a `num` capture. */
static int tx_attr_rule_check(tx_ctx *c, yaml_node_t *seq, const pc_attribute *a)
{
    for (size_t i = 0; i < a->nrules; i++) {
        const pc_rule *r = &a->rules[i];
        if (r->value)
            continue;
        int needs_num = a->kind == PC_ATTR_PERIOD || a->kind == PC_ATTR_DEADLINE ||
                        a->kind == PC_ATTR_AGE;
        if (needs_num && pcre2_substring_number_from_name(r->code, (PCRE2_SPTR) "num") >= 0)
            continue;
        return tx_fail(c, tx_seq_item(c, seq, i),
                       "rule '%s': an attribute of kind %s needs %s", r->id,
                       pc_attr_kind_name(a->kind),
                       needs_num ? "a 'value' or a (?<num>...) capture" : "a 'value'");
    }
    return 0;
}

static int tx_attribute(tx_ctx *c, yaml_node_t *map, size_t index)
{
    static const char *const keys[] = {"id", "name", "kind", "category", "rules", NULL};
    pc_attribute *a = &c->tax->attrs[index];
    a->category = -1;
    if (tx_check_map(c, map, keys, "attribute") < 0 ||
        tx_dup(c, &a->id, tx_str(c, map, "id", 1, "attribute")) < 0 || c->failed)
        return -1;
    for (size_t i = 0; i < index; i++)
        if (!strcmp(c->tax->attrs[i].id, a->id))
            return tx_fail(c, tx_get(c, map, "id"), "duplicate attribute id '%s'", a->id);
    char where[PC_ERROR_MAX];
    snprintf(where, sizeof where, "attribute '%s'", a->id);
    if (tx_dup(c, &a->name, tx_str(c, map, "name", 1, where)) < 0 || c->failed ||
        tx_attr_kind(c, map, a, where) < 0 || tx_category_ref(c, map, where, &a->category) < 0 ||
        tx_rules(c, map, "rules", 1, where, TX_ATTR_RULE, &a->rules, &a->nrules) < 0)
        return -1;
    return tx_attr_rule_check(c, tx_get(c, map, "rules"), a);
}

static int tx_topic(tx_ctx *c, yaml_node_t *map, size_t index)
{
    static const char *const keys[] = {"id", "name", "category", "rules", NULL};
    pc_topic *t = &c->tax->topics[index];
    t->category = -1;
    if (tx_check_map(c, map, keys, "stance") < 0 ||
        tx_dup(c, &t->id, tx_str(c, map, "id", 1, "stance")) < 0 || c->failed)
        return -1;
    for (size_t i = 0; i < index; i++)
        if (!strcmp(c->tax->topics[i].id, t->id))
            return tx_fail(c, tx_get(c, map, "id"), "duplicate stance id '%s'", t->id);
    char where[PC_ERROR_MAX];
    snprintf(where, sizeof where, "stance '%s'", t->id);
    if (tx_dup(c, &t->name, tx_str(c, map, "name", 1, where)) < 0 || c->failed ||
        tx_category_ref(c, map, where, &t->category) < 0)
        return -1;
    return tx_rules(c, map, "rules", 1, where, TX_STANCE_RULE, &t->rules, &t->nrules);
}

static int tx_scopes(tx_ctx *c, yaml_node_t *map)
{
    static const char *const keys[] = {"data", "recipient", "purpose", NULL};
    if (tx_check_map(c, map, keys, "scopes") < 0)
        return -1;
    for (int d = 0; d < PC_DIM_COUNT; d++) {
        char where[64];
        snprintf(where, sizeof where, "scopes '%s'", dim_names[d]);
        pc_taxonomy *t = c->tax;
        if (tx_rules(c, map, dim_names[d], 0, where, TX_SCOPE, &t->scopes[d], &t->nscopes[d]) < 0)
            return -1;
        for (size_t i = 0; i < t->nscopes[d]; i++)
            for (size_t j = 0; j < i; j++)
                if (!strcmp(t->scopes[d][i].id, t->scopes[d][j].id))
                    return tx_fail(c, tx_seq_item(c, tx_get(c, map, dim_names[d]), i),
                                   "duplicate scope id '%s' in %s", t->scopes[d][i].id, where);
    }
    return 0;
}

/* Read each item of the list under `key` with fn into a calloc'ed array of `size`. */
static int tx_list(tx_ctx *c, yaml_node_t *root, const char *key, int required, void **arr,
                   size_t *n, size_t size, int (*fn)(tx_ctx *, yaml_node_t *, size_t))
{
    yaml_node_t *seq = tx_seq(c, root, key, required, "the taxonomy");
    if (c->failed)
        return -1;
    size_t len = tx_seq_len(seq);
    if (required && len == 0)
        return tx_fail(c, seq, "'%s' must not be empty", key);
    if (len == 0)
        return 0;
    *arr = calloc(len, size);
    if (!*arr)
        return tx_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < len; i++) {
        *n = i + 1;
        if (fn(c, tx_seq_item(c, seq, i), i) < 0)
            return -1;
    }
    return 0;
}

/* ---- top level ------------------------------------------------------------------------ */

static int tx_header(tx_ctx *c, yaml_node_t *root)
{
    static const char *const keys[] = {"id", "name", "version", NULL};
    yaml_node_t *h = tx_get(c, root, "taxonomy");
    if (!h)
        return tx_fail(c, root, "the taxonomy is missing required field 'taxonomy'");
    if (tx_check_map(c, h, keys, "'taxonomy'") < 0)
        return -1;
    const char *id = tx_str(c, h, "id", 1, "'taxonomy'");
    if (!id)
        return -1;
    if (strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789._-") != strlen(id))
        return tx_fail(c, tx_get(c, h, "id"), "taxonomy id '%s' must match [a-z0-9._-]+", id);
    if (tx_dup(c, &c->tax->id, id) < 0 ||
        tx_dup(c, &c->tax->name, tx_str(c, h, "name", 0, "'taxonomy'")) < 0 ||
        tx_dup(c, &c->tax->version, tx_str(c, h, "version", 0, "'taxonomy'")) < 0)
        return -1;
    return c->failed ? -1 : 0;
}

static int tx_defaults(tx_ctx *c, yaml_node_t *root)
{
    static const char *const keys[] = {"threshold", "heading_weight", NULL};
    c->tax->threshold = 1.0;
    c->tax->heading_weight = 0.5;
    yaml_node_t *d = tx_get(c, root, "defaults");
    if (!d || tx_is_null(d))
        return 0;
    if (tx_check_map(c, d, keys, "'defaults'") < 0 ||
        tx_number(c, d, "threshold", "'defaults'", &c->tax->threshold) < 0 ||
        tx_number(c, d, "heading_weight", "'defaults'", &c->tax->heading_weight) < 0)
        return -1;
    if (c->tax->threshold < 0)
        return tx_fail(c, tx_get(c, d, "threshold"), "negative threshold in 'defaults'");
    return 0;
}

static int tx_root(tx_ctx *c, yaml_node_t *root)
{
    static const char *const keys[] = {"taxonomy", "defaults", "categories", "attributes",
                                       "stances", "scopes", NULL};
    pc_taxonomy *t = c->tax;
    if (tx_check_map(c, root, keys, "the top level") < 0 || tx_header(c, root) < 0 ||
        tx_defaults(c, root) < 0 ||
        tx_list(c, root, "categories", 1, (void **)&t->cats, &t->ncats, sizeof *t->cats,
                tx_category) < 0 ||
        tx_list(c, root, "attributes", 0, (void **)&t->attrs, &t->nattrs, sizeof *t->attrs,
                tx_attribute) < 0 ||
        tx_list(c, root, "stances", 0, (void **)&t->topics, &t->ntopics, sizeof *t->topics,
                tx_topic) < 0)
        return -1;
    yaml_node_t *s = tx_get(c, root, "scopes");
    if (s && !tx_is_null(s))
        return tx_scopes(c, s);
    return 0;
}

static int tx_parse(tx_ctx *c, const char *data, size_t len)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return tx_fail(c, NULL, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    int ok = yaml_parser_load(&parser, &c->doc);
    if (!ok) {
        c->failed = 1;
        pc_error_set(c->err, "%s:%lu:%lu: YAML error: %s", c->path,
                     (unsigned long)parser.problem_mark.line + 1,
                     (unsigned long)parser.problem_mark.column + 1,
                     parser.problem ? parser.problem : "out of memory");
        yaml_parser_delete(&parser);
        return -1;
    }
    yaml_parser_delete(&parser);
    yaml_node_t *root = yaml_document_get_root_node(&c->doc);
    int rc = root ? tx_root(c, root) : tx_fail(c, NULL, "the taxonomy file is empty");
    yaml_document_delete(&c->doc);
    return rc;
}

pc_taxonomy *pc_tax_load_mem(const char *name, const char *data, size_t len, pc_error *err)
{
    tx_ctx c = {.path = name, .err = err};
    c.tax = calloc(1, sizeof *c.tax);
    if (!c.tax || !(c.tax->path = pc_strdup(name))) {
        pc_error_set(err, "%s: out of memory", name);
        pc_tax_free(c.tax);
        return NULL;
    }
    int rc = tx_parse(&c, data, len);
    free(c.ids);
    if (rc == 0)
        rc = pc_prefilter_build(c.tax, err);
    if (rc < 0) {
        pc_tax_free(c.tax);
        return NULL;
    }
    return c.tax;
}

pc_taxonomy *pc_tax_load(const char *path, pc_error *err)
{
    size_t len;
    char *data = pc_file_read(path, 0, NULL, &len, err);
    if (!data)
        return NULL;
    pc_taxonomy *t = pc_tax_load_mem(path, data, len, err);
    free(data);
    return t;
}

int pc_tax_is_under(const pc_taxonomy *tax, int cat, int anc)
{
    for (; cat >= 0; cat = tax->cats[cat].parent)
        if (cat == anc)
            return 1;
    return 0;
}

int pc_tax_find_category(const pc_taxonomy *tax, const char *id)
{
    for (size_t i = 0; i < tax->ncats; i++)
        if (tax->cats[i].id && !strcmp(tax->cats[i].id, id))
            return (int)i;
    return -1;
}
