/* tax_yaml.c: reading taxonomy YAML: nodes, typed fields, rules (see tax_yaml.h). */
#include "taxonomy/tax_yaml.h"

#include "util/hash.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int pc_tax_fail(pc_tax_ctx *c, const yaml_node_t *n, const char *fmt, ...)
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

yaml_node_t *pc_tax_node(pc_tax_ctx *c, int id)
{
    return yaml_document_get_node(&c->doc, id);
}

int pc_tax_is_null(const yaml_node_t *n)
{
    if (!n || n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return 0;
    const char *s = (const char *)n->data.scalar.value;
    return !*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
}

/* The value of key `key` in mapping `map`, or NULL. */
yaml_node_t *pc_tax_get(pc_tax_ctx *c, yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = pc_tax_node(c, p->key);
        if (k && k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, key))
            return pc_tax_node(c, p->value);
    }
    return NULL;
}

/* Check that `map` is a mapping whose keys are all in `allowed` (NULL-terminated), each once. */
int pc_tax_check_map(pc_tax_ctx *c, yaml_node_t *map, const char *const *allowed, const char *where)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return pc_tax_fail(c, map, "%s must be a mapping", where);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = pc_tax_node(c, p->key);
        if (!k || k->type != YAML_SCALAR_NODE)
            return pc_tax_fail(c, k, "keys in %s must be plain strings", where);
        const char *key = (const char *)k->data.scalar.value;
        size_t i = 0;
        while (allowed[i] && strcmp(allowed[i], key))
            i++;
        if (!allowed[i])
            return pc_tax_fail(c, k, "unknown key '%s' in %s", key, where);
        for (yaml_node_pair_t *q = map->data.mapping.pairs.start; q < p; q++) {
            yaml_node_t *k2 = pc_tax_node(c, q->key);
            if (k2 && k2->type == YAML_SCALAR_NODE &&
                !strcmp((const char *)k2->data.scalar.value, key))
                return pc_tax_fail(c, k, "duplicate key '%s' in %s", key, where);
        }
    }
    return 0;
}

/* A required (or optional, when required is 0) string field. NULL when absent or wrong. */
const char *pc_tax_str(pc_tax_ctx *c, yaml_node_t *map, const char *key, int required,
                       const char *where)
{
    yaml_node_t *v = pc_tax_get(c, map, key);
    if (!v || pc_tax_is_null(v)) {
        if (required)
            pc_tax_fail(c, map, "%s is missing required field '%s'", where, key);
        return NULL;
    }
    if (v->type != YAML_SCALAR_NODE || !*v->data.scalar.value) {
        pc_tax_fail(c, v, "'%s' in %s must be a non-empty string", key, where);
        return NULL;
    }
    return (const char *)v->data.scalar.value;
}

int pc_tax_dup(pc_tax_ctx *c, char **dst, const char *s)
{
    if (!s)
        return 0;
    *dst = pc_strdup(s);
    if (!*dst)
        return pc_tax_fail(c, NULL, "out of memory");
    return 0;
}

/* An optional number field; *out keeps its value when absent. */
int pc_tax_number(pc_tax_ctx *c, yaml_node_t *map, const char *key, const char *where, double *out)
{
    yaml_node_t *v = pc_tax_get(c, map, key);
    if (!v)
        return 0;
    const char *s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
    char *end = NULL;
    errno = 0;
    double d = strtod(s, &end);
    if (!*s || *end || errno || d != d)
        return pc_tax_fail(c, v, "'%s' in %s must be a number", key, where);
    *out = d;
    return 0;
}

int pc_tax_bool(pc_tax_ctx *c, yaml_node_t *map, const char *key, const char *where, int *out)
{
    yaml_node_t *v = pc_tax_get(c, map, key);
    if (!v)
        return 0;
    const char *s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
    if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "yes"))
        *out = 1;
    else if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "no"))
        *out = 0;
    else
        return pc_tax_fail(c, v, "'%s' in %s must be true or false", key, where);
    return 0;
}

/* A sequence node for `key` (NULL and no error when absent and optional). */
yaml_node_t *pc_tax_seq(pc_tax_ctx *c, yaml_node_t *map, const char *key, int required,
                        const char *where)
{
    yaml_node_t *v = pc_tax_get(c, map, key);
    if (!v || pc_tax_is_null(v)) {
        if (required)
            pc_tax_fail(c, map, "%s is missing required field '%s'", where, key);
        return NULL;
    }
    if (v->type != YAML_SEQUENCE_NODE) {
        pc_tax_fail(c, v, "'%s' in %s must be a list", key, where);
        return NULL;
    }
    return v;
}

size_t pc_tax_seq_len(const yaml_node_t *seq)
{
    return seq ? (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start) : 0;
}

yaml_node_t *pc_tax_seq_item(pc_tax_ctx *c, yaml_node_t *seq, size_t i)
{
    return pc_tax_node(c, seq->data.sequence.items.start[i]);
}

/* ---- patterns and rules --------------------------------------------------------------- */

/* Compile a pattern (or take its code from an earlier load, recache.h); JIT-compile it too
 * when jit is set. A rule's own pattern is not: the
 * prefilter JIT-compiles a copy the first time the rule is matched (pc_prefilter_code), so a
 * taxonomy loads without paying for rules a run never tries. tax->jit says JIT is available. */
pcre2_code *pc_tax_compile(pc_tax_ctx *c, yaml_node_t *at, const char *pattern, int caseless,
                           const char *rule_id, int jit)
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0);
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pc_recache_compile(c->re, pattern, opts, &code, &off);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        pc_tax_fail(c, at, "rule '%s': bad pattern at offset %lu: %s", rule_id, (unsigned long)off,
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

/* The slot of id in the set c->ids: where it is, or the empty slot where it would go. */
static size_t tx_id_slot(const pc_tax_ctx *c, const char *id)
{
    size_t mask = c->capids - 1, s = (size_t)pc_fnv64(PC_FNV_SEED, id, strlen(id)) & mask;
    while (c->ids[s] && strcmp(c->ids[s], id))
        s = (s + 1) & mask;
    return s;
}

/* Double the set (64 slots at first), keeping every id. */
static int tx_ids_grow(pc_tax_ctx *c)
{
    const char **old = c->ids;
    size_t n = c->capids;
    c->capids = n ? 2 * n : 64;
    c->ids = calloc(c->capids, sizeof *c->ids);
    if (!c->ids) {
        c->ids = old;
        c->capids = n;
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (old[i])
            c->ids[tx_id_slot(c, old[i])] = old[i];
    free(old);
    return 0;
}

int pc_tax_unique_id(pc_tax_ctx *c, yaml_node_t *at, const char *id, const char *what)
{
    if (2 * (c->nids + 1) > c->capids && tx_ids_grow(c) < 0)
        return pc_tax_fail(c, NULL, "out of memory");
    size_t s = tx_id_slot(c, id);
    if (c->ids[s])
        return pc_tax_fail(c, at, "duplicate %s id '%s'", what, id);
    c->ids[s] = id;
    c->nids++;
    return 0;
}

static const char *const *pc_tax_rule_keys(pc_tax_rule_kind kind)
{
    static const char *const cat[] = {"id",    "pattern", "weight", "caseless", "exclude",
                                      "scope", "literal", "strong", NULL};
    static const char *const excl[] = {"id", "pattern", "caseless", "literal", NULL};
    static const char *const attr[] = {"id",      "pattern", "caseless", "exclude",
                                       "literal", "value",   NULL};
    static const char *const other[] = {"id", "pattern", "caseless", "exclude", "literal", NULL};
    switch (kind) {
    case PC_TAX_CAT_RULE:
        return cat;
    case PC_TAX_CAT_EXCLUDE:
        return excl;
    case PC_TAX_ATTR_RULE:
        return attr;
    default:
        return other;
    }
}

static int pc_tax_rule_scope(pc_tax_ctx *c, yaml_node_t *map, pc_rule *r)
{
    const char *scope = pc_tax_str(c, map, "scope", 0, "rule");
    if (c->failed)
        return -1;
    if (!scope || !strcmp(scope, "clause"))
        r->scope = PC_SCOPE_CLAUSE;
    else if (!strcmp(scope, "heading"))
        r->scope = PC_SCOPE_HEADING;
    else
        return pc_tax_fail(c, pc_tax_get(c, map, "scope"),
                           "rule '%s': scope must be 'clause' or 'heading', not '%s'", r->id,
                           scope);
    return 0;
}

/* Read one rule mapping into r. `where` names the rule's container in messages. */
int pc_tax_rule(pc_tax_ctx *c, yaml_node_t *map, pc_rule *r, pc_tax_rule_kind kind)
{
    const char *where = kind == PC_TAX_SCOPE ? "scope entry" : "rule";
    if (pc_tax_check_map(c, map, pc_tax_rule_keys(kind), where) < 0)
        return -1;
    r->line = (unsigned)map->start_mark.line + 1;
    r->col = (unsigned)map->start_mark.column + 1;
    r->caseless = 1;
    r->weight = 1.0;
    if (pc_tax_dup(c, &r->id, pc_tax_str(c, map, "id", 1, where)) < 0 || c->failed)
        return -1;
    if (kind != PC_TAX_SCOPE && pc_tax_unique_id(c, pc_tax_get(c, map, "id"), r->id, "rule") < 0)
        return -1;
    char what[PC_ERROR_MAX];
    snprintf(what, sizeof what, "%s '%s'", where, r->id);
    if (pc_tax_dup(c, &r->pattern, pc_tax_str(c, map, "pattern", 1, what)) < 0 ||
        pc_tax_dup(c, &r->exclude_pattern, pc_tax_str(c, map, "exclude", 0, what)) < 0 ||
        pc_tax_dup(c, &r->literal, pc_tax_str(c, map, "literal", 0, what)) < 0 ||
        pc_tax_dup(c, &r->value, pc_tax_str(c, map, "value", 0, what)) < 0 ||
        pc_tax_bool(c, map, "caseless", what, &r->caseless) < 0 || c->failed)
        return -1;
    if (kind == PC_TAX_CAT_RULE) {
        if (pc_tax_rule_scope(c, map, r) < 0)
            return -1;
        if (r->scope == PC_SCOPE_HEADING)
            r->weight = c->tax->heading_weight;
        if (pc_tax_number(c, map, "weight", what, &r->weight) < 0 ||
            pc_tax_bool(c, map, "strong", what, &r->strong) < 0)
            return -1;
    }
    r->code = pc_tax_compile(c, pc_tax_get(c, map, "pattern"), r->pattern, r->caseless, r->id, 0);
    if (!r->code)
        return -1;
    if (r->exclude_pattern) {
        r->exclude = pc_tax_compile(c, pc_tax_get(c, map, "exclude"), r->exclude_pattern,
                                    r->caseless, r->id, 1);
        if (!r->exclude)
            return -1;
    }
    c->tax->nrules++;
    return 0;
}

/* Read a list of rules under `key` into a fresh array. */
int pc_tax_rules(pc_tax_ctx *c, yaml_node_t *map, const char *key, int required, const char *where,
                 pc_tax_rule_kind kind, pc_rule **out, size_t *n)
{
    yaml_node_t *seq = pc_tax_seq(c, map, key, required, where);
    if (c->failed)
        return -1;
    size_t len = pc_tax_seq_len(seq);
    if (required && len == 0)
        return pc_tax_fail(c, seq, "'%s' in %s must not be empty", key, where);
    if (len == 0)
        return 0;
    *out = calloc(len, sizeof **out);
    if (!*out)
        return pc_tax_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < len; i++) {
        *n = i + 1;
        if (pc_tax_rule(c, pc_tax_seq_item(c, seq, i), &(*out)[i], kind) < 0)
            return -1;
    }
    return 0;
}
int pc_tax_category_ref(pc_tax_ctx *c, yaml_node_t *map, const char *where, int *out)
{
    *out = -1;
    const char *id = pc_tax_str(c, map, "category", 0, where);
    if (c->failed)
        return -1;
    if (!id)
        return 0;
    *out = pc_tax_find_category(c->tax, id);
    if (*out < 0)
        return pc_tax_fail(c, pc_tax_get(c, map, "category"), "unknown category '%s' in %s", id,
                           where);
    return 0;
}
/* Read each item of the list under `key` with fn into a calloc'ed array of `size`. */
int pc_tax_list(pc_tax_ctx *c, yaml_node_t *root, const char *key, int required, void **arr,
                size_t *n, size_t size, int (*fn)(pc_tax_ctx *, yaml_node_t *, size_t))
{
    yaml_node_t *seq = pc_tax_seq(c, root, key, required, "the taxonomy");
    if (c->failed)
        return -1;
    size_t len = pc_tax_seq_len(seq);
    if (required && len == 0)
        return pc_tax_fail(c, seq, "'%s' must not be empty", key);
    if (len == 0)
        return 0;
    *arr = calloc(len, size);
    if (!*arr)
        return pc_tax_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < len; i++) {
        *n = i + 1;
        if (fn(c, pc_tax_seq_item(c, seq, i), i) < 0)
            return -1;
    }
    return 0;
}

void pc_tax_free_rules(pc_rule *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(r[i].id);
        free(r[i].pattern);
        free(r[i].exclude_pattern);
        free(r[i].literal);
        free(r[i].value);
        pcre2_code_free(r[i].code);
        pcre2_code_free(r[i].exclude);
    }
    free(r);
}
