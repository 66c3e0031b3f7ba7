/* requirement.c: the `requirements:` section of a taxonomy (requirement.h), and regime names. */
#include "taxonomy/requirement.h"
#include "taxonomy/tax_yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    unsigned bit;
} rq_regimes[] = {
    {"gdpr", PC_REGIME_GDPR},
    {"ccpa", PC_REGIME_CCPA},
    {"cpra", PC_REGIME_CCPA},
    {"coppa", PC_REGIME_COPPA},
    {"all", PC_REGIME_GDPR | PC_REGIME_CCPA | PC_REGIME_COPPA},
};

unsigned pc_req_regime(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof rq_regimes / sizeof rq_regimes[0]; i++)
        if (strlen(rq_regimes[i].name) == n && !strncasecmp(s, rq_regimes[i].name, n))
            return rq_regimes[i].bit;
    return 0;
}

const char *pc_req_regime_name(unsigned bit)
{
    return bit == PC_REGIME_GDPR    ? "GDPR"
           : bit == PC_REGIME_CCPA  ? "CCPA"
           : bit == PC_REGIME_COPPA ? "COPPA"
                                    : "?";
}

int pc_req_find(const pc_taxonomy *tax, const char *id)
{
    for (size_t i = 0; i < tax->nreqs; i++)
        if (!strcmp(tax->reqs[i].id, id))
            return (int)i;
    return -1;
}

/* ---- reading -------------------------------------------------------------------------- */

/* A list of strings under `key` (a single string counts as a list of one). */
static int rq_strings(pc_tax_ctx *c, yaml_node_t *map, const char *key, const char *where,
                      char ***out, size_t *n)
{
    yaml_node_t *v = pc_tax_get(c, map, key);
    if (!v || pc_tax_is_null(v))
        return 0;
    size_t len = v->type == YAML_SEQUENCE_NODE ? pc_tax_seq_len(v) : 1;
    *out = calloc(len ? len : 1, sizeof **out);
    if (!*out)
        return pc_tax_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < len; i++) {
        yaml_node_t *s = v->type == YAML_SEQUENCE_NODE ? pc_tax_seq_item(c, v, i) : v;
        if (s->type != YAML_SCALAR_NODE || !*s->data.scalar.value)
            return pc_tax_fail(c, s, "'%s' in %s must be a list of strings", key, where);
        *n = i + 1;
        if (pc_tax_dup(c, &(*out)[i], (const char *)s->data.scalar.value) < 0)
            return -1;
    }
    return 0;
}

/* `categories:` of a part: ids of categories, resolved to indexes. */
static int rq_categories(pc_tax_ctx *c, yaml_node_t *map, pc_req_part *p, const char *where)
{
    char **ids = NULL;
    size_t n = 0;
    int rc = rq_strings(c, map, "categories", where, &ids, &n);
    if (rc == 0 && n && !(p->cats = calloc(n, sizeof *p->cats)))
        rc = pc_tax_fail(c, NULL, "out of memory");
    for (size_t i = 0; rc == 0 && i < n; i++) {
        p->cats[i] = pc_tax_find_category(c->tax, ids[i]);
        if (p->cats[i] < 0)
            rc = pc_tax_fail(c, pc_tax_get(c, map, "categories"), "unknown category '%s' in %s",
                             ids[i], where);
        p->ncats = i + 1;
    }
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
    return rc;
}

static int rq_part(pc_tax_ctx *c, yaml_node_t *map, pc_req_part *p, const char *req)
{
    static const char *const keys[] = {"id", "name", "rules", "categories", "no_contradiction",
                                       NULL};
    char where[PC_ERROR_MAX];
    snprintf(where, sizeof where, "a part of requirement '%s'", req);
    if (pc_tax_check_map(c, map, keys, where) < 0 ||
        pc_tax_dup(c, &p->id, pc_tax_str(c, map, "id", 1, where)) < 0 || c->failed)
        return -1;
    snprintf(where, sizeof where, "part '%s' of requirement '%s'", p->id, req);
    if (pc_tax_dup(c, &p->name, pc_tax_str(c, map, "name", 1, where)) < 0 || c->failed ||
        pc_tax_rules(c, map, "rules", 0, where, PC_TAX_STANCE_RULE, &p->rules, &p->nrules) < 0 ||
        rq_categories(c, map, p, where) < 0 ||
        pc_tax_bool(c, map, "no_contradiction", where, &p->no_contradiction) < 0)
        return -1;
    if (p->nrules == 0 && p->ncats == 0 && !p->no_contradiction)
        return pc_tax_fail(c, map, "%s needs 'rules', 'categories' or 'no_contradiction'", where);
    return 0;
}

static int rq_parts(pc_tax_ctx *c, yaml_node_t *map, pc_requirement *r, const char *where)
{
    yaml_node_t *seq = pc_tax_seq(c, map, "parts", 1, where);
    if (c->failed)
        return -1;
    size_t n = pc_tax_seq_len(seq);
    if (n == 0 || n > PC_REQ_MAX_PARTS)
        return pc_tax_fail(c, seq, "%s needs 1 to %d parts", where, PC_REQ_MAX_PARTS);
    if (!(r->parts = calloc(n, sizeof *r->parts)))
        return pc_tax_fail(c, NULL, "out of memory");
    for (size_t i = 0; i < n; i++) {
        r->nparts = i + 1;
        if (rq_part(c, pc_tax_seq_item(c, seq, i), &r->parts[i], r->id) < 0)
            return -1;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(r->parts[j].id, r->parts[i].id))
                return pc_tax_fail(c, pc_tax_seq_item(c, seq, i), "duplicate part id '%s' in %s",
                                   r->parts[i].id, where);
    }
    return 0;
}

static int rq_regime(pc_tax_ctx *c, yaml_node_t *map, pc_requirement *r, const char *where)
{
    const char *s = pc_tax_str(c, map, "regime", 1, where);
    if (!s)
        return -1;
    r->regime = pc_req_regime(s, strlen(s));
    if (!r->regime || (r->regime & (r->regime - 1)))
        return pc_tax_fail(c, pc_tax_get(c, map, "regime"),
                           "bad regime '%s' in %s (one of gdpr, ccpa, coppa)", s, where);
    return 0;
}

static int rq_requirement(pc_tax_ctx *c, yaml_node_t *map, size_t index)
{
    static const char *const keys[] = {"id",          "name",    "regime", "articles", "category",
                                       "conditional", "applies", "exempt", "parts",    NULL};
    pc_requirement *r = &c->tax->reqs[index];
    r->category = -1;
    if (pc_tax_check_map(c, map, keys, "requirement") < 0 ||
        pc_tax_dup(c, &r->id, pc_tax_str(c, map, "id", 1, "requirement")) < 0 || c->failed)
        return -1;
    for (size_t i = 0; i < index; i++)
        if (!strcmp(c->tax->reqs[i].id, r->id))
            return pc_tax_fail(c, pc_tax_get(c, map, "id"), "duplicate requirement id '%s'", r->id);
    char where[PC_ERROR_MAX];
    snprintf(where, sizeof where, "requirement '%s'", r->id);
    if (pc_tax_dup(c, &r->name, pc_tax_str(c, map, "name", 1, where)) < 0 || c->failed ||
        rq_regime(c, map, r, where) < 0 ||
        rq_strings(c, map, "articles", where, &r->articles, &r->narticles) < 0 ||
        pc_tax_category_ref(c, map, where, &r->category) < 0 ||
        pc_tax_bool(c, map, "conditional", where, &r->conditional) < 0 ||
        pc_tax_rules(c, map, "applies", 0, where, PC_TAX_STANCE_RULE, &r->applies, &r->napplies) <
            0 ||
        pc_tax_rules(c, map, "exempt", 0, where, PC_TAX_STANCE_RULE, &r->exempt, &r->nexempt) < 0)
        return -1;
    if (r->narticles == 0)
        return pc_tax_fail(c, map, "%s is missing required field 'articles'", where);
    if (r->napplies && !r->conditional)
        return pc_tax_fail(c, pc_tax_get(c, map, "applies"),
                           "'applies' in %s needs 'conditional: true'", where);
    return rq_parts(c, map, r, where);
}

int pc_tax_requirements(pc_tax_ctx *c, yaml_node_t *root)
{
    pc_taxonomy *t = c->tax;
    return pc_tax_list(c, root, "requirements", 0, (void **)&t->reqs, &t->nreqs, sizeof *t->reqs,
                       rq_requirement);
}

/* ---- freeing -------------------------------------------------------------------------- */

void pc_tax_free_requirements(pc_requirement *reqs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        pc_requirement *r = &reqs[i];
        free(r->id);
        free(r->name);
        for (size_t a = 0; a < r->narticles; a++)
            free(r->articles[a]);
        free(r->articles);
        pc_tax_free_rules(r->applies, r->napplies);
        pc_tax_free_rules(r->exempt, r->nexempt);
        for (size_t p = 0; p < r->nparts; p++) {
            free(r->parts[p].id);
            free(r->parts[p].name);
            free(r->parts[p].cats);
            pc_tax_free_rules(r->parts[p].rules, r->parts[p].nrules);
        }
        free(r->parts);
    }
    free(reqs);
}
