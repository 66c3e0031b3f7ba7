/* compare.c: the comparison: matrix, attribute values, coverage findings (gap,
 * missing-required), attribute disagreements; then the detectors in compare_stance.c and
 * compare_lint.c; then sorting and de-duplication (findings.c). */
#include "compare/compare_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Calls one(word, len, arg) for each comma-separated word; stops at the first nonzero. */
static int pc_each_word(const char *list, int (*one)(const char *, size_t, void *), void *arg)
{
    const char *s = list;
    while (*s) {
        size_t n = strcspn(s, ",");
        if (n > 0) {
            int rc = one(s, n, arg);
            if (rc)
                return rc;
        }
        s += n;
        if (*s == ',')
            s++;
    }
    return 0;
}

struct pc_kinds_arg {
    unsigned *kinds;
    pc_error *err;
};

static int pc_one_kind(const char *w, size_t n, void *arg)
{
    struct pc_kinds_arg *a = arg;
    for (int k = 0; k < PC_FIND_COUNT; k++)
        if (strlen(pc_finding_kind_name(k)) == n && !strncasecmp(w, pc_finding_kind_name(k), n)) {
            *a->kinds |= 1u << k;
            return 0;
        }
    pc_error_set(a->err, "unknown finding kind '%.*s' (one of missing-required, contradiction, "
                 "disagreement, gap, placeholder, empty-section, duplicate, vague)", (int)n, w);
    return -1;
}

int pc_finding_kinds_parse(const char *list, unsigned *kinds, pc_error *err)
{
    struct pc_kinds_arg a = {kinds, err};
    *kinds = 0;
    return pc_each_word(list, pc_one_kind, &a);
}

static const struct {
    const char *name;
    unsigned bit;
} pc_regime_names[] = {
    {"gdpr", PC_REGIME_GDPR},
    {"ccpa", PC_REGIME_CCPA},
    {"cpra", PC_REGIME_CCPA},
    {"coppa", PC_REGIME_COPPA},
    {"all", PC_REGIME_GDPR | PC_REGIME_CCPA | PC_REGIME_COPPA},
};

static unsigned pc_regime_word(const char *w, size_t n)
{
    for (size_t i = 0; i < sizeof pc_regime_names / sizeof pc_regime_names[0]; i++)
        if (strlen(pc_regime_names[i].name) == n && !strncasecmp(w, pc_regime_names[i].name, n))
            return pc_regime_names[i].bit;
    return 0;
}

struct pc_regimes_arg {
    unsigned *regimes;
    pc_error *err;
};

static int pc_one_regime(const char *w, size_t n, void *arg)
{
    struct pc_regimes_arg *a = arg;
    unsigned bit = pc_regime_word(w, n);
    if (!bit) {
        pc_error_set(a->err, "unknown regime '%.*s' (one of gdpr, ccpa, coppa, all)", (int)n, w);
        return -1;
    }
    *a->regimes |= bit;
    return 0;
}

int pc_regimes_parse(const char *list, unsigned *regimes, pc_error *err)
{
    struct pc_regimes_arg a = {regimes, err};
    *regimes = 0;
    return pc_each_word(list, pc_one_regime, &a);
}

unsigned pc_regime_of(const char *required_by)
{
    return pc_regime_word(required_by, strcspn(required_by, " "));
}

/* ---- matrix ---- */

static int pc_fill_cell(pc_comparison *c, int cat, size_t pi)
{
    const pc_policy *p = c->policies[pi];
    pc_cell_info *cell = &c->cells[(size_t)cat * c->npolicies + pi];
    size_t cap = 0;
    for (size_t k = 0; k < p->outline->nclauses; k++) {
        if (!pc_policy_clause_has(p, k, cat))
            continue;
        if (pc_grow(&cell->clauses, &cap, cell->nclauses + 1, sizeof *cell->clauses) < 0)
            return -1;
        cell->clauses[cell->nclauses++] = k;
    }
    cell->covered = cell->nclauses > 0;
    const pc_category *cc = &c->tax->cats[cat];
    for (size_t r = 0; r < cc->nrequired; r++)
        cell->required |= pc_regime_of(cc->required_by[r]) & c->regimes;
    return 0;
}

static int pc_fill_matrix(pc_comparison *c)
{
    size_t ncats = c->tax->ncats, np = c->npolicies;
    size_t ncells = ncats * np;
    c->cells = calloc(ncells ? ncells : 1, sizeof *c->cells);
    if (!c->cells)
        return -1;
    for (size_t cat = 0; cat < ncats; cat++)
        for (size_t pi = 0; pi < np; pi++)
            if (pc_fill_cell(c, (int)cat, pi) < 0)
                return -1;
    for (size_t cat = 0; cat < ncats; cat++) {
        size_t covering = 0;
        for (size_t pi = 0; pi < np; pi++)
            covering += (size_t)c->cells[cat * np + pi].covered;
        for (size_t pi = 0; pi < np; pi++) {
            pc_cell_info *cell = &c->cells[cat * np + pi];
            cell->peers = (int)(covering - (size_t)cell->covered);
        }
    }
    return 0;
}

const pc_cell_info *pc_comparison_cell(const pc_comparison *c, int cat, size_t policy)
{
    return &c->cells[(size_t)cat * c->npolicies + policy];
}

/* ---- coverage findings ---- */

/* The selected regimes' articles that require category cat or any category under it (all of
 * them uncovered when cat is), without repeats, joined with "; ". */
static void pc_required_list(const pc_comparison *c, int cat, pc_buf *out)
{
    for (size_t d = 0; d < c->tax->ncats; d++) {
        const pc_category *cc = &c->tax->cats[d];
        if (!pc_tax_is_under(c->tax, (int)d, cat))
            continue;
        for (size_t r = 0; r < cc->nrequired; r++) {
            const char *art = cc->required_by[r];
            if (!(pc_regime_of(art) & c->regimes) || (out->data && strstr(out->data, art)))
                continue;
            pc_buf_printf(out, "%s%s", out->len ? "; " : "", art);
        }
    }
}

/* Whether an ancestor of cat is reported for this policy (missing-required or gap), so that a
 * finding on cat would only repeat it. */
static int pc_ancestor_reported(const pc_comparison *c, int cat, size_t pi)
{
    for (int a = c->tax->cats[cat].parent; a >= 0; a = c->tax->cats[a].parent) {
        const pc_cell_info *cell = pc_comparison_cell(c, a, pi);
        if (!cell->covered && (cell->required || cell->peers > 0))
            return 1;
    }
    return 0;
}

/* The finding's refs: the policy itself (no clause), then the first covering clause of each
 * peer, as the evidence that the topic is expected. */
static int pc_add_coverage(pc_comparison *c, pc_finding_kind kind, pc_severity sev, int cat,
                           size_t pi, const char *msg)
{
    pc_ref refs[PC_COMPARE_MAX_POLICIES + 1];
    size_t n = 0;
    refs[n++] = (pc_ref){(int)pi, PC_NO_CLAUSE, -1};
    for (size_t q = 0; q < c->npolicies; q++) {
        const pc_cell_info *peer = pc_comparison_cell(c, cat, q);
        if (q != pi && peer->covered)
            refs[n++] = (pc_ref){(int)q, peer->clauses[0], -1};
    }
    if (pc_cmp_add(c, kind, sev, cat, refs, n, "%s", msg) < 0)
        return -1;
    c->findings[c->nfindings - 1].policies = 1ul << pi;
    return 0;
}

static int pc_coverage_finding(pc_comparison *c, int cat, size_t pi)
{
    const pc_category *cc = &c->tax->cats[cat];
    const pc_cell_info *cell = pc_comparison_cell(c, cat, pi);
    const char *id = c->policies[pi]->id;
    char msg[1024];
    if (cell->required) {
        if (pc_ancestor_reported(c, cat, pi))
            return 0;
        pc_buf req = {0};
        pc_required_list(c, cat, &req);
        snprintf(msg, sizeof msg, "%s: %s has no clause on \"%s\"%s", req.data ? req.data : "",
                 id, cc->name, cell->peers ? " (other policies cover it)" : "");
        pc_buf_free(&req);
        return pc_add_coverage(c, PC_FIND_MISSING, PC_SEV_HIGH, cat, pi, msg);
    }
    /* Introductory text is not a topic a policy can leave out. */
    if (cell->peers == 0 || pc_ancestor_reported(c, cat, pi) ||
        strstr(cc->opp115, "Introductory") != NULL)
        return 0;
    snprintf(msg, sizeof msg, "%s says nothing on \"%s\"; %d other polic%s", id, cc->name,
             cell->peers, cell->peers == 1 ? "y covers it" : "ies cover it");
    /* A topic most peers cover is a medium gap; one only a minority covers, a low one. */
    pc_severity sev = 2 * (size_t)cell->peers >= c->npolicies - 1 ? PC_SEV_MEDIUM : PC_SEV_LOW;
    return pc_add_coverage(c, PC_FIND_GAP, sev, cat, pi, msg);
}

static int pc_coverage_findings(pc_comparison *c)
{
    for (size_t cat = 0; cat < c->tax->ncats; cat++)
        for (size_t pi = 0; pi < c->npolicies; pi++)
            if (!pc_comparison_cell(c, (int)cat, pi)->covered &&
                pc_coverage_finding(c, (int)cat, pi) < 0)
                return -1;
    return 0;
}

/* ---- attribute values and disagreements ---- */

static int pc_value_cmp(const void *a, const void *b)
{
    const pc_attr_value *x = a, *y = b;
    if (x->hit->attribute != y->hit->attribute)
        return x->hit->attribute < y->hit->attribute ? -1 : 1;
    if (x->policy != y->policy)
        return x->policy < y->policy ? -1 : 1;
    if (x->clause != y->clause)
        return x->clause < y->clause ? -1 : 1;
    return x->hit < y->hit ? -1 : x->hit > y->hit;
}

static int pc_collect_values(pc_comparison *c)
{
    size_t cap = 0;
    for (size_t pi = 0; pi < c->npolicies; pi++) {
        const pc_classified *cls = c->policies[pi]->cls;
        for (size_t k = 0; k < cls->nclauses; k++) {
            const pc_clause_result *r = &cls->clauses[k];
            for (size_t a = 0; a < r->nattrs; a++) {
                if (pc_grow(&c->values, &cap, c->nvalues + 1, sizeof *c->values) < 0)
                    return -1;
                c->values[c->nvalues++] =
                    (pc_attr_value){(int)pi, k, &cls->attrs[r->attr_first + a]};
            }
        }
    }
    if (c->nvalues)
        qsort(c->values, c->nvalues, sizeof *c->values, pc_value_cmp);
    return 0;
}

/* Whether policy pi states normalized value `norm` for the attribute in values[lo..hi). */
static int pc_policy_states(const pc_comparison *c, size_t lo, size_t hi, int pi,
                            const char *norm)
{
    for (size_t i = lo; i < hi; i++)
        if (c->values[i].policy == pi && !strcmp(c->values[i].hit->norm.text, norm))
            return 1;
    return 0;
}

/* Whether two policies state exactly the same set of values in values[lo..hi). */
static int pc_same_values(const pc_comparison *c, size_t lo, size_t hi, int p, int q)
{
    for (size_t i = lo; i < hi; i++) {
        const pc_attr_value *v = &c->values[i];
        if (v->policy == p && !pc_policy_states(c, lo, hi, q, v->hit->norm.text))
            return 0;
        if (v->policy == q && !pc_policy_states(c, lo, hi, p, v->hit->norm.text))
            return 0;
    }
    return 1;
}

/* "01-freshbox: 90 days; 04-buchhaus: 730 days, 30 days" for values[lo..hi). */
static void pc_values_summary(const pc_comparison *c, size_t lo, size_t hi, pc_buf *b)
{
    int last = -1;
    for (size_t i = lo; i < hi; i++) {
        const pc_attr_value *v = &c->values[i];
        int seen = 0;
        for (size_t j = lo; j < i; j++)
            seen |= c->values[j].policy == v->policy &&
                    !strcmp(c->values[j].hit->norm.text, v->hit->norm.text);
        if (seen)
            continue;
        if (v->policy != last)
            pc_buf_printf(b, "%s%s: ", last >= 0 ? "; " : "", c->policies[v->policy]->id);
        else
            pc_buf_adds(b, ", ");
        pc_buf_adds(b, v->hit->norm.text);
        last = v->policy;
    }
}

static int pc_attribute_disagreement(pc_comparison *c, size_t lo, size_t hi)
{
    int first = c->values[lo].policy, differs = 0, npol = 0;
    for (size_t i = lo; i < hi; i++) {
        if (i == lo || c->values[i].policy != c->values[i - 1].policy)
            npol++;
        if (!pc_same_values(c, lo, hi, first, c->values[i].policy))
            differs = 1;
    }
    if (npol < 2 || !differs)
        return 0;
    pc_ref *refs = malloc((hi - lo) * sizeof *refs);
    if (!refs)
        return -1;
    for (size_t i = lo; i < hi; i++)
        refs[i - lo] = (pc_ref){c->values[i].policy, c->values[i].clause, -1};
    const pc_attribute *attr = &c->tax->attrs[c->values[lo].hit->attribute];
    pc_buf b = {0};
    pc_values_summary(c, lo, hi, &b);
    int rc = pc_cmp_add(c, PC_FIND_DISAGREEMENT, PC_SEV_MEDIUM, attr->category, refs, hi - lo,
                        "%s differs between policies: %s", attr->name, b.data ? b.data : "");
    if (rc == 0)
        c->findings[c->nfindings - 1].attribute = c->values[lo].hit->attribute;
    pc_buf_free(&b);
    free(refs);
    return rc;
}

/* Periods, deadlines and ages are values policies can disagree on; measures and safeguards
 * are lists of things done, shown side by side but not compared. */
static int pc_attr_comparable(const pc_attribute *a)
{
    return a->kind == PC_ATTR_PERIOD || a->kind == PC_ATTR_DEADLINE || a->kind == PC_ATTR_AGE;
}

static int pc_attribute_findings(pc_comparison *c)
{
    size_t lo = 0;
    while (lo < c->nvalues) {
        size_t hi = lo + 1;
        int attr = c->values[lo].hit->attribute;
        while (hi < c->nvalues && c->values[hi].hit->attribute == attr)
            hi++;
        if (pc_attr_comparable(&c->tax->attrs[attr]) && pc_attribute_disagreement(c, lo, hi) < 0)
            return -1;
        lo = hi;
    }
    return 0;
}

/* ---- the whole ---- */

pc_comparison *pc_compare(const pc_taxonomy *tax, pc_policy *const *policies, size_t n,
                          unsigned regimes, pc_error *err)
{
    if (n > PC_COMPARE_MAX_POLICIES) {
        pc_error_set(err, "at most %d policies can be compared at once",
                     PC_COMPARE_MAX_POLICIES);
        return NULL;
    }
    pc_comparison *c = calloc(1, sizeof *c);
    if (!c) {
        pc_error_set(err, "out of memory");
        return NULL;
    }
    c->tax = tax;
    c->policies = policies;
    c->npolicies = n;
    c->regimes = regimes;
    int rc = pc_fill_matrix(c);
    if (rc == 0)
        rc = pc_collect_values(c);
    if (rc == 0)
        rc = pc_coverage_findings(c);
    if (rc == 0)
        rc = pc_attribute_findings(c);
    if (rc == 0)
        rc = pc_cmp_stances(c);
    for (size_t pi = 0; rc == 0 && pi < n; pi++)
        rc = pc_cmp_lint(c, pi);
    if (rc < 0) {
        pc_error_set(err, "out of memory");
        pc_comparison_free(c);
        return NULL;
    }
    pc_cmp_sort(c);
    return c;
}

void pc_comparison_free(pc_comparison *c)
{
    if (!c)
        return;
    if (c->cells)
        for (size_t i = 0; i < c->tax->ncats * c->npolicies; i++)
            free(c->cells[i].clauses);
    free(c->cells);
    free(c->values);
    for (size_t i = 0; i < c->nfindings; i++)
        pc_cmp_finding_free(&c->findings[i]);
    free(c->findings);
    free(c);
}
