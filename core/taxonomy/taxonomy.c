/* taxonomy.c: the taxonomy loader. Parses the YAML with libyaml's document API (which keeps
 * each node's line and column; a warm load takes the same document from the cache file,
 * doccache.h), checks it against the schema in taxonomy/README.md, and compiles every
 * pattern with PCRE2 (plus JIT when available).
 *
 * The walk is strict: unknown keys, duplicate keys, duplicate ids, missing fields and
 * malformed values are errors, and the first error found is the one reported. Sections are
 * read in a fixed order (taxonomy, defaults, categories, attributes, stances, scopes,
 * ontology, requirements) so that defaults are known before rules are built and categories before
 * anything refers to them. The reading machinery (typed fields, rules) is in
 * tax_yaml.c.
 */
#include "taxonomy/taxonomy.h"
#include "taxonomy/doccache.h"
#include "taxonomy/prefilter.h"
#include "taxonomy/prefilter_cache.h"
#include "taxonomy/tax_yaml.h"
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static const char *const attr_kind_names[] = {"period", "deadline", "age", "measure", "safeguard"};

const char *pc_attr_kind_name(pc_attr_kind k)
{
    return (unsigned)k < 5 ? attr_kind_names[k] : "?";
}

static const char *const dim_names[PC_DIM_COUNT] = {"data", "recipient", "purpose"};

const char *pc_scope_dim_name(pc_scope_dim d)
{
    return (unsigned)d < PC_DIM_COUNT ? dim_names[d] : "?";
}

/* ---- categories ----------------------------------------------------------------------- */

static int tx_opp115(pc_tax_ctx *c, yaml_node_t *map, pc_category *cat, const char *where)
{
    if (pc_tax_dup(c, &cat->opp115, pc_tax_str(c, map, "opp115", 1, where)) < 0 || c->failed)
        return -1;
    cat->opp10 = pc_opp10_index(cat->opp115);
    if (cat->opp10 < 0)
        return pc_tax_fail(c, pc_tax_get(c, map, "opp115"),
                           "bad opp115 value '%s' in %s (one of the ten OPP-115 categories, "
                           "e.g. 'Data Retention', 'Third Party Sharing/Collection', or 'Other' / "
                           "'Other: Introductory/Generic'; see taxonomy/README.md)",
                           cat->opp115, where);
    return 0;
}

static int tx_parent(pc_tax_ctx *c, yaml_node_t *map, pc_category *cat, size_t index,
                     const char *where)
{
    cat->parent = -1;
    const char *parent = pc_tax_str(c, map, "parent", 0, where);
    if (c->failed)
        return -1;
    if (!parent)
        return 0;
    for (size_t i = 0; i < index; i++)
        if (!strcmp(c->tax->cats[i].id, parent)) {
            cat->parent = (int)i;
            return 0;
        }
    return pc_tax_fail(c, pc_tax_get(c, map, "parent"), "parent '%s' of %s is not defined earlier",
                       parent, where);
}

static int tx_required_by(pc_tax_ctx *c, yaml_node_t *map, pc_category *cat, const char *where)
{
    yaml_node_t *v = pc_tax_get(c, map, "required_by");
    if (!v || pc_tax_is_null(v))
        return 0;
    size_t n = v->type == YAML_SEQUENCE_NODE ? pc_tax_seq_len(v) : 1;
    cat->required_by = calloc(n ? n : 1, sizeof *cat->required_by);
    if (!cat->required_by)
        return pc_tax_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *s = v->type == YAML_SEQUENCE_NODE ? pc_tax_seq_item(c, v, i) : v;
        if (s->type != YAML_SCALAR_NODE || !*s->data.scalar.value)
            return pc_tax_fail(c, s, "'required_by' in %s must be a list of strings", where);
        cat->nrequired = i + 1;
        if (pc_tax_dup(c, &cat->required_by[i], (const char *)s->data.scalar.value) < 0)
            return -1;
    }
    return 0;
}

static int tx_category(pc_tax_ctx *c, yaml_node_t *map, size_t index)
{
    static const char *const keys[] = {"id",      "name",        "opp115",    "description",
                                       "parent",  "required_by", "threshold", "rules",
                                       "exclude", NULL};
    pc_category *cat = &c->tax->cats[index];
    cat->parent = -1;
    if (pc_tax_check_map(c, map, keys, "category") < 0 ||
        pc_tax_dup(c, &cat->id, pc_tax_str(c, map, "id", 1, "category")) < 0 || c->failed)
        return -1;
    for (size_t i = 0; i < index; i++)
        if (!strcmp(c->tax->cats[i].id, cat->id))
            return pc_tax_fail(c, pc_tax_get(c, map, "id"), "duplicate category id '%s'", cat->id);
    char where[PC_ERROR_MAX];
    snprintf(where, sizeof where, "category '%s'", cat->id);
    cat->threshold = c->tax->threshold;
    if (pc_tax_dup(c, &cat->name, pc_tax_str(c, map, "name", 1, where)) < 0 || c->failed ||
        tx_opp115(c, map, cat, where) < 0 ||
        pc_tax_dup(c, &cat->description, pc_tax_str(c, map, "description", 1, where)) < 0 ||
        c->failed || tx_parent(c, map, cat, index, where) < 0 ||
        tx_required_by(c, map, cat, where) < 0 ||
        pc_tax_number(c, map, "threshold", where, &cat->threshold) < 0)
        return -1;
    if (cat->threshold < 0)
        return pc_tax_fail(c, pc_tax_get(c, map, "threshold"), "negative threshold in %s", where);
    if (pc_tax_rules(c, map, "rules", 0, where, PC_TAX_CAT_RULE, &cat->rules, &cat->nrules) < 0)
        return -1;
    return pc_tax_rules(c, map, "exclude", 0, where, PC_TAX_CAT_EXCLUDE, &cat->excludes,
                        &cat->nexcludes);
}

/* ---- attributes, stances, scopes ------------------------------------------------------ */

static int tx_attr_kind(pc_tax_ctx *c, yaml_node_t *map, pc_attribute *a, const char *where)
{
    const char *kind = pc_tax_str(c, map, "kind", 1, where);
    if (!kind)
        return -1;
    for (int k = 0; k < 5; k++)
        if (!strcmp(kind, attr_kind_names[k])) {
            a->kind = (pc_attr_kind)k;
            return 0;
        }
    return pc_tax_fail(c, pc_tax_get(c, map, "kind"),
                       "bad kind '%s' in %s (one of: period, deadline, age, measure, safeguard)",
                       kind, where);
}

/* An attribute rule must be able to produce a value: `value`, or a `num` capture. */
static int tx_attr_rule_check(pc_tax_ctx *c, yaml_node_t *seq, const pc_attribute *a)
{
    for (size_t i = 0; i < a->nrules; i++) {
        const pc_rule *r = &a->rules[i];
        if (r->value)
            continue;
        int needs_num =
            a->kind == PC_ATTR_PERIOD || a->kind == PC_ATTR_DEADLINE || a->kind == PC_ATTR_AGE;
        if (needs_num && pcre2_substring_number_from_name(r->code, (PCRE2_SPTR) "num") >= 0)
            continue;
        return pc_tax_fail(c, pc_tax_seq_item(c, seq, i),
                           "rule '%s': an attribute of kind %s needs %s", r->id,
                           pc_attr_kind_name(a->kind),
                           needs_num ? "a 'value' or a (?<num>...) capture" : "a 'value'");
    }
    return 0;
}

static int tx_attribute(pc_tax_ctx *c, yaml_node_t *map, size_t index)
{
    static const char *const keys[] = {"id", "name", "kind", "category", "rules", NULL};
    pc_attribute *a = &c->tax->attrs[index];
    a->category = -1;
    if (pc_tax_check_map(c, map, keys, "attribute") < 0 ||
        pc_tax_dup(c, &a->id, pc_tax_str(c, map, "id", 1, "attribute")) < 0 || c->failed)
        return -1;
    for (size_t i = 0; i < index; i++)
        if (!strcmp(c->tax->attrs[i].id, a->id))
            return pc_tax_fail(c, pc_tax_get(c, map, "id"), "duplicate attribute id '%s'", a->id);
    char where[PC_ERROR_MAX];
    snprintf(where, sizeof where, "attribute '%s'", a->id);
    if (pc_tax_dup(c, &a->name, pc_tax_str(c, map, "name", 1, where)) < 0 || c->failed ||
        tx_attr_kind(c, map, a, where) < 0 ||
        pc_tax_category_ref(c, map, where, &a->category) < 0 ||
        pc_tax_rules(c, map, "rules", 1, where, PC_TAX_ATTR_RULE, &a->rules, &a->nrules) < 0)
        return -1;
    return tx_attr_rule_check(c, pc_tax_get(c, map, "rules"), a);
}

static int tx_topic(pc_tax_ctx *c, yaml_node_t *map, size_t index)
{
    static const char *const keys[] = {"id", "name", "category", "rules", NULL};
    pc_topic *t = &c->tax->topics[index];
    t->category = -1;
    if (pc_tax_check_map(c, map, keys, "stance") < 0 ||
        pc_tax_dup(c, &t->id, pc_tax_str(c, map, "id", 1, "stance")) < 0 || c->failed)
        return -1;
    for (size_t i = 0; i < index; i++)
        if (!strcmp(c->tax->topics[i].id, t->id))
            return pc_tax_fail(c, pc_tax_get(c, map, "id"), "duplicate stance id '%s'", t->id);
    char where[PC_ERROR_MAX];
    snprintf(where, sizeof where, "stance '%s'", t->id);
    if (pc_tax_dup(c, &t->name, pc_tax_str(c, map, "name", 1, where)) < 0 || c->failed ||
        pc_tax_category_ref(c, map, where, &t->category) < 0)
        return -1;
    return pc_tax_rules(c, map, "rules", 1, where, PC_TAX_STANCE_RULE, &t->rules, &t->nrules);
}

static int tx_scopes(pc_tax_ctx *c, yaml_node_t *map)
{
    static const char *const keys[] = {"data", "recipient", "purpose", NULL};
    if (pc_tax_check_map(c, map, keys, "scopes") < 0)
        return -1;
    for (int d = 0; d < PC_DIM_COUNT; d++) {
        char where[64];
        snprintf(where, sizeof where, "scopes '%s'", dim_names[d]);
        pc_taxonomy *t = c->tax;
        if (pc_tax_rules(c, map, dim_names[d], 0, where, PC_TAX_SCOPE, &t->scopes[d],
                         &t->nscopes[d]) < 0)
            return -1;
        for (size_t i = 0; i < t->nscopes[d]; i++)
            for (size_t j = 0; j < i; j++)
                if (!strcmp(t->scopes[d][i].id, t->scopes[d][j].id))
                    return pc_tax_fail(c, pc_tax_seq_item(c, pc_tax_get(c, map, dim_names[d]), i),
                                       "duplicate scope id '%s' in %s", t->scopes[d][i].id, where);
    }
    return 0;
}

/* ---- top level ------------------------------------------------------------------------ */

static int tx_header(pc_tax_ctx *c, yaml_node_t *root)
{
    static const char *const keys[] = {"id", "name", "version", NULL};
    yaml_node_t *h = pc_tax_get(c, root, "taxonomy");
    if (!h)
        return pc_tax_fail(c, root, "the taxonomy is missing required field 'taxonomy'");
    if (pc_tax_check_map(c, h, keys, "'taxonomy'") < 0)
        return -1;
    const char *id = pc_tax_str(c, h, "id", 1, "'taxonomy'");
    if (!id)
        return -1;
    if (strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789._-") != strlen(id))
        return pc_tax_fail(c, pc_tax_get(c, h, "id"), "taxonomy id '%s' must match [a-z0-9._-]+",
                           id);
    if (pc_tax_dup(c, &c->tax->id, id) < 0 ||
        pc_tax_dup(c, &c->tax->name, pc_tax_str(c, h, "name", 0, "'taxonomy'")) < 0 ||
        pc_tax_dup(c, &c->tax->version, pc_tax_str(c, h, "version", 0, "'taxonomy'")) < 0)
        return -1;
    return c->failed ? -1 : 0;
}

static int tx_defaults(pc_tax_ctx *c, yaml_node_t *root)
{
    static const char *const keys[] = {"threshold", "heading_weight", NULL};
    c->tax->threshold = 1.0;
    c->tax->heading_weight = 0.5;
    yaml_node_t *d = pc_tax_get(c, root, "defaults");
    if (!d || pc_tax_is_null(d))
        return 0;
    if (pc_tax_check_map(c, d, keys, "'defaults'") < 0 ||
        pc_tax_number(c, d, "threshold", "'defaults'", &c->tax->threshold) < 0 ||
        pc_tax_number(c, d, "heading_weight", "'defaults'", &c->tax->heading_weight) < 0)
        return -1;
    if (c->tax->threshold < 0)
        return pc_tax_fail(c, pc_tax_get(c, d, "threshold"), "negative threshold in 'defaults'");
    return 0;
}

static int tx_root(pc_tax_ctx *c, yaml_node_t *root)
{
    static const char *const keys[] = {"taxonomy",   "defaults",     "categories",
                                       "attributes", "stances",      "scopes",
                                       "ontology",   "requirements", NULL};
    pc_taxonomy *t = c->tax;
    if (pc_tax_check_map(c, root, keys, "the top level") < 0 || tx_header(c, root) < 0 ||
        tx_defaults(c, root) < 0 ||
        pc_tax_list(c, root, "categories", 1, (void **)&t->cats, &t->ncats, sizeof *t->cats,
                    tx_category) < 0 ||
        pc_tax_list(c, root, "attributes", 0, (void **)&t->attrs, &t->nattrs, sizeof *t->attrs,
                    tx_attribute) < 0 ||
        pc_tax_list(c, root, "stances", 0, (void **)&t->topics, &t->ntopics, sizeof *t->topics,
                    tx_topic) < 0)
        return -1;
    yaml_node_t *s = pc_tax_get(c, root, "scopes");
    if (s && !pc_tax_is_null(s) && tx_scopes(c, s) < 0)
        return -1;
    if (pc_tax_ontology(c, root) < 0)
        return -1;
    return pc_tax_requirements(c, root);
}

/* The document from the cache's section when it holds one under `key` (these YAML bytes):
 * 0 with *dc filled; else -1, and the section to write is the one the parse will make. */
static int tx_doc_cached(pc_pfcache_ctx *cache, uint64_t key, pc_doccache *dc)
{
    if (key && cache->doc.len && pc_doccache_decode(dc, cache->doc.p, cache->doc.len, key) == 0)
        return 0;
    cache->doc = (pc_pfcache_blob){0};
    return -1;
}

/* Keep the section of a freshly parsed document for the cache file (nothing when out of
 * memory: the next load parses again). */
static void tx_doc_keep(pc_pfcache_ctx *cache, uint64_t key, const yaml_document_t *doc)
{
    size_t n = 0;
    if (key && (cache->doc_made = pc_doccache_encode(doc, key, &n)))
        cache->doc = (pc_pfcache_blob){cache->doc_made, n};
}

/* Read the document with libyaml (and keep it for the cache when there is one). */
static int tx_parse_yaml(pc_tax_ctx *c, const char *data, size_t len, pc_pfcache_ctx *cache,
                         uint64_t key)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return pc_tax_fail(c, NULL, "out of memory");
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
    int rc = root ? tx_root(c, root) : pc_tax_fail(c, NULL, "the taxonomy file is empty");
    if (rc == 0 && cache)
        tx_doc_keep(cache, key, &c->doc);
    yaml_document_delete(&c->doc);
    return rc;
}

/* Read the taxonomy: its document from the cache when it holds one for these bytes, else
 * parsed. */
static int tx_parse(pc_tax_ctx *c, const char *data, size_t len, pc_pfcache_ctx *cache)
{
    uint64_t key = cache ? pc_doccache_key(data, len, pc_pfcache_build()) : 0;
    pc_doccache dc;
    if (!cache || tx_doc_cached(cache, key, &dc) < 0)
        return tx_parse_yaml(c, data, len, cache, key);
    c->doc = dc.doc;
    c->tax->document_cached = 1;
    yaml_node_t *root = yaml_document_get_root_node(&c->doc);
    int rc = root ? tx_root(c, root) : pc_tax_fail(c, NULL, "the taxonomy file is empty");
    pc_doccache_free(&dc);
    return rc;
}

/* Parse data and build the prefilter, through the caches `cache` when not NULL. */
static pc_taxonomy *tx_load(const char *name, const char *data, size_t len,
                            pc_pfcache_ctx *cache, pc_error *err)
{
    pc_recache plain = {0};
    pc_tax_ctx c = {.path = name, .err = err, .re = cache ? &cache->re : &plain};
    c.tax = calloc(1, sizeof *c.tax);
    if (!c.tax || !(c.tax->path = pc_strdup(name))) {
        pc_error_set(err, "%s: out of memory", name);
        pc_tax_free(c.tax);
        return NULL;
    }
    int rc = tx_parse(&c, data, len, cache);
    free(c.ids);
    c.tax->patterns_cached = c.re->next;
    if (rc == 0)
        rc = pc_prefilter_build(c.tax, cache, err);
    pc_recache_free(&plain);
    if (rc < 0) {
        pc_tax_free(c.tax);
        return NULL;
    }
    return c.tax;
}

pc_taxonomy *pc_tax_load_mem(const char *name, const char *data, size_t len, pc_error *err)
{
    return tx_load(name, data, len, NULL, err);
}

pc_taxonomy *pc_tax_load(const char *path, pc_error *err)
{
    size_t len;
    char *data = pc_file_read(path, 0, NULL, &len, err);
    if (!data)
        return NULL;
    pc_pfcache_ctx cache;
    pc_taxonomy *t = NULL;
    if (pc_pfcache_open(&cache, path) < 0)
        pc_error_set(err, "%s: out of memory", path);
    else
        t = tx_load(path, data, len, &cache, err);
    pc_pfcache_close(&cache);
    free(data);
    return t;
}
