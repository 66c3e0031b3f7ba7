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
    pc_error_set(a->err,
                 "unknown finding kind '%.*s' (one of missing-required, contradiction, "
                 "disagreement, gap, placeholder, empty-section, duplicate, vague, incomplete)",
                 (int)n, w);
    return -1;
}

int pc_finding_kinds_parse(const char *list, unsigned *kinds, pc_error *err)
{
    struct pc_kinds_arg a = {kinds, err};
    *kinds = 0;
    return pc_each_word(list, pc_one_kind, &a);
}

struct pc_regimes_arg {
    unsigned *regimes;
    pc_error *err;
};

static int pc_one_regime(const char *w, size_t n, void *arg)
{
    struct pc_regimes_arg *a = arg;
    unsigned bit = pc_req_regime(w, n);
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
    return pc_req_regime(required_by, strcspn(required_by, " "));
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
            if (!(pc_regime_of(art) & c->regimes & ~c->by_requirement) ||
                (out->data && strstr(out->data, art)))
                continue;
            pc_buf_printf(out, "%s%s", out->len ? "; " : "", art);
        }
    }
}

/* The regimes that require category cat's cell through `required_by` and that the taxonomy
 * has no requirements for (those are checked by compare_require.c). */
static unsigned pc_required_by_category(const pc_comparison *c, const pc_cell_info *cell)
{
    return cell->required & ~c->by_requirement;
}

/* Whether an uncovered category would be reported for this policy (missing-required or gap). */
static int pc_reportable(const pc_comparison *c, int cat, const pc_cell_info *cell)
{
    return !cell->covered && (pc_required_by_category(c, cell) ||
                              (cell->peers > 0 && !pc_tax_is_catch_all(c->tax, cat)));
}

/* Whether an ancestor of cat is reported for this policy, so that a finding on cat would only
 * repeat it. */
static int pc_ancestor_reported(const pc_comparison *c, int cat, size_t pi)
{
    for (int a = c->tax->cats[cat].parent; a >= 0; a = c->tax->cats[a].parent)
        if (pc_reportable(c, a, pc_comparison_cell(c, a, pi)))
            return 1;
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
    if (pc_required_by_category(c, cell)) {
        if (pc_ancestor_reported(c, cat, pi))
            return 0;
        pc_buf req = {0};
        pc_required_list(c, cat, &req);
        snprintf(msg, sizeof msg, "%s: %s has no clause on \"%s\"%s", req.data ? req.data : "",
                 id, cc->name, cell->peers ? " (other policies cover it)" : "");
        pc_buf_free(&req);
        return pc_add_coverage(c, PC_FIND_MISSING, PC_SEV_HIGH, cat, pi, msg);
    }
    if (!pc_reportable(c, cat, cell) || pc_ancestor_reported(c, cat, pi))
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

/* The values of one attribute sorted by policy, value and position, so that each policy's
 * distinct values form a run: sorting keeps the work near-linear however many values a long
 * policy states. Plain value; v is borrowed. */
typedef struct pc_val_ix {
    const pc_attr_value *v;
    size_t i; /* its index in c->values */
} pc_val_ix;

static int pc_val_ix_cmp(const void *pa, const void *pb)
{
    const pc_val_ix *a = pa, *b = pb;
    if (a->v->policy != b->v->policy)
        return a->v->policy < b->v->policy ? -1 : 1;
    int r = strcmp(a->v->hit->norm.text, b->v->hit->norm.text);
    return r ? r : (a->i > b->i) - (a->i < b->i);
}

/* values[lo..hi) sorted (a new array, NULL on out of memory), and in first[i - lo] whether
 * value i is the first its policy states with its normalized text. */
static pc_val_ix *pc_values_sorted(const pc_comparison *c, size_t lo, size_t hi,
                                   unsigned char *first)
{
    pc_val_ix *x = malloc((hi - lo) * sizeof *x);
    if (!x)
        return NULL;
    for (size_t i = lo; i < hi; i++)
        x[i - lo] = (pc_val_ix){&c->values[i], i};
    qsort(x, hi - lo, sizeof *x, pc_val_ix_cmp);
    for (size_t k = 0; k < hi - lo; k++)
        first[x[k].i - lo] = k == 0 || x[k].v->policy != x[k - 1].v->policy ||
                             strcmp(x[k].v->hit->norm.text, x[k - 1].v->hit->norm.text) != 0;
    return x;
}

/* The next distinct value of the run x[*k..end) (first[]: see pc_values_sorted), or NULL. */
static const char *pc_next_distinct(const pc_val_ix *x, size_t *k, size_t end,
                                    const unsigned char *first, size_t lo)
{
    while (*k < end && !first[x[*k].i - lo])
        (*k)++;
    return *k < end ? x[(*k)++].v->hit->norm.text : NULL;
}

/* Whether every policy of the sorted values x[0..n) states the same set of values as the
 * first: both distinct lists are sorted, so they are walked side by side. */
static int pc_values_agree(const pc_val_ix *x, size_t n, const unsigned char *first, size_t lo)
{
    size_t ref_end = 0;
    while (ref_end < n && x[ref_end].v->policy == x[0].v->policy)
        ref_end++;
    for (size_t k = ref_end, end; k < n; k = end) {
        for (end = k; end < n && x[end].v->policy == x[k].v->policy; end++)
            ;
        size_t ref = 0;
        const char *a, *b;
        do {
            a = pc_next_distinct(x, &ref, ref_end, first, lo);
            b = pc_next_distinct(x, &k, end, first, lo);
            if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
                return 0;
        } while (a);
    }
    return 1;
}

/* "01-freshbox: 90 days; 04-buchhaus: 730 days, 30 days" for values[lo..hi): each policy's
 * distinct values in the order stated. */
static void pc_values_summary(const pc_comparison *c, size_t lo, size_t hi,
                              const unsigned char *first, pc_buf *b)
{
    int last = -1;
    for (size_t i = lo; i < hi; i++) {
        const pc_attr_value *v = &c->values[i];
        if (!first[i - lo])
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
    if (c->values[lo].policy == c->values[hi - 1].policy)
        return 0; /* one policy (values are sorted by policy): nothing to disagree with */
    unsigned char *first = malloc(hi - lo);
    pc_val_ix *x = first ? pc_values_sorted(c, lo, hi, first) : NULL;
    pc_ref *refs = x ? malloc((hi - lo) * sizeof *refs) : NULL;
    int rc = refs ? 0 : -1;
    if (rc == 0 && !pc_values_agree(x, hi - lo, first, lo)) {
        for (size_t i = lo; i < hi; i++)
            refs[i - lo] = (pc_ref){c->values[i].policy, c->values[i].clause, -1};
        const pc_attribute *attr = &c->tax->attrs[c->values[lo].hit->attribute];
        pc_buf b = {0};
        pc_values_summary(c, lo, hi, first, &b);
        rc = pc_cmp_add(c, PC_FIND_DISAGREEMENT, PC_SEV_MEDIUM, attr->category, refs, hi - lo,
                        "%s differs between policies: %s", attr->name, b.data ? b.data : "");
        if (rc == 0)
            c->findings[c->nfindings - 1].attribute = c->values[lo].hit->attribute;
        pc_buf_free(&b);
    }
    free(first);
    free(x);
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
    c->by_requirement = pc_cmp_requirement_regimes(c);
    int rc = pc_fill_matrix(c);
    if (rc == 0)
        rc = pc_collect_values(c);
    if (rc == 0)
        rc = pc_coverage_findings(c);
    if (rc == 0)
        rc = pc_attribute_findings(c);
    if (rc == 0)
        rc = pc_cmp_stances(c);
    if (rc == 0)
        rc = pc_cmp_contradictions(c);
    if (rc == 0)
        rc = pc_cmp_requirements(c);
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
    free(c->reqs);
    free(c->req_evidence);
    for (size_t i = 0; i < c->nfindings; i++)
        pc_cmp_finding_free(&c->findings[i]);
    free(c->findings);
    free(c);
}
