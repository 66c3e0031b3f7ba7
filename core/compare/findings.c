/* findings.c: the comparison's list of findings: their names, adding one (pc_cmp_add, for
 * every detector), and the final order with duplicates removed (compare_internal.h). */
#include "compare/compare_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const pc_kind_names[PC_FIND_COUNT] = {
    "missing-required", "contradiction", "disagreement", "gap",        "placeholder",
    "empty-section",    "duplicate",     "vague",        "incomplete",
};

const char *pc_finding_kind_name(pc_finding_kind k)
{
    return k < PC_FIND_COUNT ? pc_kind_names[k] : "?";
}

const char *pc_severity_name(pc_severity s)
{
    return s == PC_SEV_HIGH ? "high" : s == PC_SEV_MEDIUM ? "medium" : "low";
}

/* The findings array grows by doubling: its capacity follows from the count (0, then 8, 16,
 * 32...), so no capacity is kept in the comparison. */
static int pc_cmp_grow(pc_comparison *c)
{
    size_t n = c->nfindings;
    if (n && (n < 8 || (n & (n - 1))))
        return 0;
    size_t cap = n ? 2 * n : 8;
    if (cap > SIZE_MAX / sizeof *c->findings)
        return -1;
    pc_finding *f = realloc(c->findings, cap * sizeof *f);
    if (!f)
        return -1;
    c->findings = f;
    return 0;
}

int pc_cmp_add(pc_comparison *c, pc_finding_kind kind, pc_severity sev, int category,
               const pc_ref *refs, size_t nrefs, const char *fmt, ...)
{
    if (pc_cmp_grow(c) < 0)
        return -1;
    pc_finding *f = &c->findings[c->nfindings];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->severity = sev;
    f->category = category;
    f->attribute = -1;
    f->requirement = -1;
    f->refs = nrefs ? malloc(nrefs * sizeof *refs) : NULL;
    va_list ap;
    va_start(ap, fmt);
    char tmp[1024];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    f->message = pc_strdup(tmp);
    if ((nrefs && !f->refs) || !f->message) {
        free(f->refs);
        free(f->message);
        return -1;
    }
    for (size_t i = 0; i < nrefs; i++) {
        f->refs[i] = refs[i];
        f->policies |= 1ul << refs[i].policy;
    }
    f->nrefs = nrefs;
    c->nfindings++;
    return 0;
}

/* ---- order and de-duplication ---- */

static int pc_ref_cmp(const pc_ref *a, const pc_ref *b)
{
    if (a->policy != b->policy)
        return a->policy < b->policy ? -1 : 1;
    if (a->clause != b->clause)
        return a->clause < b->clause ? -1 : 1;
    return a->section < b->section ? -1 : a->section > b->section;
}

static int pc_finding_cmp(const void *pa, const void *pb)
{
    const pc_finding *a = pa, *b = pb;
    if (a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->nrefs && b->nrefs && a->refs[0].policy != b->refs[0].policy)
        return a->refs[0].policy < b->refs[0].policy ? -1 : 1;
    if (a->category != b->category)
        return a->category < b->category ? -1 : 1;
    for (size_t i = 0; i < a->nrefs && i < b->nrefs; i++) {
        int r = pc_ref_cmp(&a->refs[i], &b->refs[i]);
        if (r)
            return r;
    }
    if (a->nrefs != b->nrefs)
        return a->nrefs < b->nrefs ? -1 : 1;
    return strcmp(a->message, b->message);
}

void pc_cmp_finding_free(pc_finding *f)
{
    free(f->refs);
    free(f->frames);
    free(f->message);
}

/* Pointers into one array of findings, equal findings in array order. */
static int pc_finding_ptr_cmp(const void *pa, const void *pb)
{
    const pc_finding *a = *(const pc_finding *const *)pa, *b = *(const pc_finding *const *)pb;
    int r = pc_finding_cmp(a, b);
    return r ? r : (a > b) - (a < b);
}

/* The findings sorted stably. Pointers to them are sorted and the findings moved along the
 * permutation's cycles, so the sort needs 24 bytes a finding rather than a copy of them all
 * (a policy that repeats itself has hundreds of thousands); with no memory for the pointers,
 * qsort sorts them in place. */
static void pc_findings_sort(pc_finding *v, size_t n)
{
    const pc_finding **by = malloc(n * sizeof *by);
    size_t *ix = by ? malloc(n * sizeof *ix) : NULL;
    if (!ix) {
        free(by);
        qsort(v, n, sizeof *v, pc_finding_cmp);
        return;
    }
    for (size_t i = 0; i < n; i++)
        by[i] = &v[i];
    qsort(by, n, sizeof *by, pc_finding_ptr_cmp);
    for (size_t i = 0; i < n; i++)
        ix[i] = (size_t)(by[i] - v);
    free(by);
    for (size_t i = 0; i < n; i++) { /* ix[j]: the finding that goes to place j */
        if (ix[i] == i)
            continue;
        pc_finding t = v[i];
        size_t j = i;
        while (ix[j] != i) {
            size_t k = ix[j];
            v[j] = v[k];
            ix[j] = j;
            j = k;
        }
        v[j] = t;
        ix[j] = j;
    }
    free(ix);
}

void pc_cmp_sort(pc_comparison *c)
{
    if (c->nfindings > 1)
        pc_findings_sort(c->findings, c->nfindings);
    size_t out = 0;
    for (size_t i = 0; i < c->nfindings; i++) {
        if (out > 0 && pc_finding_cmp(&c->findings[out - 1], &c->findings[i]) == 0) {
            pc_cmp_finding_free(&c->findings[i]);
            continue;
        }
        c->findings[out++] = c->findings[i];
    }
    c->nfindings = out;
    memset(c->counts, 0, sizeof c->counts);
    for (size_t i = 0; i < c->nfindings; i++)
        c->counts[c->findings[i].kind]++;
}
