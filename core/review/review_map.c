/* review_map.c: placing a review's decisions on a comparison (current, stale, orphan), and
 * the overlay of a policy's relabels. The rules are atop review.h. */
#include "review/review.h"

#include "util/words.h"

#include <stdlib.h>
#include <string.h>

/* ---- word sets: how similar two keys are ---- */

/* A sorted set of distinct lower-cased words (util/words.h). Owns words (each points into
 * buf). */
typedef struct rv_words {
    char *buf;
    char **words;
    size_t n;
} rv_words;

static int rv_strcmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int rv_words_make(rv_words *w, const char *s)
{
    memset(w, 0, sizeof *w);
    size_t len = strlen(s), pos = 0, at = 0;
    /* At most one word per byte; each word's bytes and its NUL: 2 * len + 1 holds them all. */
    w->buf = malloc(2 * len + 1);
    w->words = malloc((len + 1) * sizeof *w->words);
    if (!w->buf || !w->words)
        return -1;
    pc_span sp;
    while (pc_word_next(s, len, &pos, &sp)) {
        w->words[w->n++] = &w->buf[at];
        at += pc_word_fold(&w->buf[at], sp.end - sp.start + 1, s, sp) + 1;
    }
    qsort(w->words, w->n, sizeof *w->words, rv_strcmp);
    size_t k = 0;
    for (size_t i = 0; i < w->n; i++)
        if (k == 0 || strcmp(w->words[k - 1], w->words[i]) != 0)
            w->words[k++] = w->words[i];
    w->n = k;
    return 0;
}

static void rv_words_free(rv_words *w)
{
    free(w->buf);
    free(w->words);
}

/* |A and B| / max(|A|, |B|), 0 when both are empty. */
static double rv_overlap(const rv_words *a, const rv_words *b)
{
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        int c = strcmp(a->words[i], b->words[j]);
        common += c == 0;
        i += c <= 0;
        j += c >= 0;
    }
    size_t big = a->n > b->n ? a->n : b->n;
    return big ? (double)common / (double)big : 0.0;
}

static double rv_similar(const char *a, const char *b)
{
    rv_words x = {0}, y = {0};
    double s = -1;
    if (rv_words_make(&x, a) == 0 && rv_words_make(&y, b) == 0)
        s = rv_overlap(&x, &y);
    rv_words_free(&x);
    rv_words_free(&y);
    return s;
}

/* ---- the map ---- */

/* Scratch while building a map: clause keys and section titles per policy, finding keys. */
typedef struct rv_build {
    pc_review_map *m;
    char ***ckey, ***csec; /* [policy][clause] */
    char **fkey;           /* [finding] */
    char *placed;          /* [decision]: 1 once it fits something */
} rv_build;

static int rv_policy_index(const pc_comparison *c, const char *id)
{
    for (size_t pi = 0; pi < c->npolicies; pi++)
        if (strcmp(c->policies[pi]->id, id) == 0)
            return (int)pi;
    return -1;
}

static int rv_build_keys(rv_build *b)
{
    const pc_comparison *c = b->m->cmp;
    for (size_t pi = 0; pi < c->npolicies; pi++) {
        const pc_policy *p = c->policies[pi];
        size_t n = p->outline->nclauses;
        b->ckey[pi] = calloc(n + 1, sizeof **b->ckey);
        b->csec[pi] = calloc(n + 1, sizeof **b->csec);
        b->m->clause[pi] = malloc((n + 1) * sizeof **b->m->clause);
        b->m->clause_fit[pi] = calloc(n + 1, sizeof **b->m->clause_fit);
        if (!b->ckey[pi] || !b->csec[pi] || !b->m->clause[pi] || !b->m->clause_fit[pi])
            return -1;
        for (size_t i = 0; i < n; i++) {
            b->m->clause[pi][i] = -1;
            b->ckey[pi][i] = pc_review_policy_clause_key(p, i);
            b->csec[pi][i] = pc_review_section_title(p, i);
            if (!b->ckey[pi][i] || !b->csec[pi][i])
                return -1;
        }
    }
    for (size_t i = 0; i < c->nfindings; i++) {
        b->m->finding[i] = -1;
        if (!(b->fkey[i] = pc_review_finding_key(c, &c->findings[i])))
            return -1;
    }
    return 0;
}

static void rv_place_clause(rv_build *b, size_t pi, size_t ci, size_t di, pc_review_fit fit)
{
    b->m->clause[pi][ci] = (long)di;
    b->m->clause_fit[pi][ci] = fit;
    b->placed[di] = 1;
}

/* Exact matches: every clause with the decision's key (a sentence stated twice gets both). */
static void rv_clauses_current(rv_build *b)
{
    const pc_review *r = b->m->review;
    for (size_t di = 0; di < r->n; di++) {
        const pc_decision *d = &r->items[di];
        int pi = d->is_finding ? -1 : rv_policy_index(b->m->cmp, d->policy);
        if (pi < 0)
            continue;
        for (size_t ci = 0; ci < b->m->cmp->policies[pi]->outline->nclauses; ci++)
            if (strcmp(b->ckey[pi][ci], d->key) == 0)
                rv_place_clause(b, (size_t)pi, ci, di, PC_FIT_CURRENT);
    }
}

/* A decision that lost its clause goes to the most similar free clause of the same section. */
static int rv_clauses_stale(rv_build *b)
{
    const pc_review *r = b->m->review;
    for (size_t di = 0; di < r->n; di++) {
        const pc_decision *d = &r->items[di];
        int pi = d->is_finding || b->placed[di] ? -1 : rv_policy_index(b->m->cmp, d->policy);
        if (pi < 0)
            continue;
        long best = -1;
        double best_s = 0.5;
        for (size_t ci = 0; ci < b->m->cmp->policies[pi]->outline->nclauses; ci++) {
            if (b->m->clause[pi][ci] >= 0 ||
                (d->section && strcmp(d->section, b->csec[pi][ci]) != 0))
                continue;
            double s = rv_similar(d->key, b->ckey[pi][ci]);
            if (s < 0)
                return -1;
            if (s > best_s || (s == best_s && best < 0)) {
                best = (long)ci;
                best_s = s;
            }
        }
        if (best >= 0)
            rv_place_clause(b, (size_t)pi, (size_t)best, di, PC_FIT_STALE);
    }
    return 0;
}

/* Splits "KIND|CAT|PART..." at '|' (in place); returns the number of fields (at most max). */
static size_t rv_split(char *s, char **f, size_t max)
{
    size_t n = 0;
    while (n < max) {
        f[n++] = s;
        char *bar = strchr(s, '|');
        if (!bar)
            break;
        *bar = '\0';
        s = bar + 1;
    }
    return n;
}

static const char rv_missing[] = "missing-required";

/* Whether a finding decision's key still describes finding key fk: same kind and category, the
 * same number of parts, each at least half similar. -1 on out of memory. */
static int rv_finding_similar(const char *dk, const char *fk)
{
    char *a = pc_strdup(dk), *b = pc_strdup(fk);
    char *fa[PC_COMPARE_MAX_POLICIES + 4], *fb[PC_COMPARE_MAX_POLICIES + 4];
    int ok = -1;
    if (a && b) {
        size_t na = rv_split(a, fa, PC_COMPARE_MAX_POLICIES + 4);
        size_t nb = rv_split(b, fb, PC_COMPARE_MAX_POLICIES + 4);
        ok = na >= 2 && nb >= 2 && strcmp(fa[0], fb[0]) == 0 && strcmp(fa[1], fb[1]) == 0;
        /* A missing-required decision from before its finding named the requirement. */
        int unnamed = na == 2 && nb == 3 && strcmp(fa[0], rv_missing) == 0;
        ok = ok && (na == nb || unnamed);
        for (size_t i = 2; ok == 1 && i < na; i++) {
            double s = rv_similar(fa[i], fb[i]);
            ok = s < 0 ? -1 : s >= 0.5;
        }
    }
    free(a);
    free(b);
    return ok;
}

static int rv_findings(rv_build *b, int stale)
{
    const pc_review *r = b->m->review;
    const pc_comparison *c = b->m->cmp;
    for (size_t di = 0; di < r->n; di++) {
        const pc_decision *d = &r->items[di];
        if (!d->is_finding || b->placed[di])
            continue;
        for (size_t i = 0; i < c->nfindings; i++) {
            if (b->m->finding[i] >= 0 ||
                strcmp(pc_review_finding_policy(c, &c->findings[i]), d->policy) != 0)
                continue;
            int fit = stale ? rv_finding_similar(d->key, b->fkey[i]) : !strcmp(d->key, b->fkey[i]);
            if (fit < 0)
                return -1;
            if (fit) {
                b->m->finding[i] = (long)di;
                b->m->finding_fit[i] = stale ? PC_FIT_STALE : PC_FIT_CURRENT;
                b->placed[di] = 1;
                break;
            }
        }
    }
    return 0;
}

/* The decision on each requirement result: the one with its key, met or not, or else the one
 * its missing-required finding carries (a STALE one). */
static int rv_reqs(rv_build *b)
{
    const pc_comparison *c = b->m->cmp;
    for (size_t i = 0; i < c->nreqs; i++) {
        const pc_req_result *res = &c->reqs[i];
        char *key = pc_review_requirement_key(c, res->requirement);
        if (!key)
            return -1;
        const pc_decision *d = pc_review_find(b->m->review, 1, c->policies[res->policy]->id, key);
        free(key);
        b->m->req[i] = d ? d - b->m->review->items : -1;
        b->m->req_fit[i] = d ? PC_FIT_CURRENT : PC_FIT_NONE;
        if (d)
            b->placed[b->m->req[i]] = 1;
        for (size_t fi = 0; !d && fi < c->nfindings; fi++) {
            const pc_finding *f = &c->findings[fi];
            if (f->kind == PC_FIND_MISSING && f->requirement == res->requirement &&
                ((f->policies >> res->policy) & 1) && b->m->finding[fi] >= 0) {
                b->m->req[i] = b->m->finding[fi];
                b->m->req_fit[i] = b->m->finding_fit[fi];
            }
        }
    }
    return 0;
}

static int rv_orphans(rv_build *b)
{
    const pc_review *r = b->m->review;
    b->m->orphans = malloc((r->n + 1) * sizeof *b->m->orphans);
    if (!b->m->orphans)
        return -1;
    for (size_t di = 0; di < r->n; di++)
        if (!b->placed[di])
            b->m->orphans[b->m->norphans++] = di;
    return 0;
}

static void rv_build_free(rv_build *b, size_t npolicies, size_t nfindings)
{
    for (size_t pi = 0; b->ckey && pi < npolicies; pi++) {
        for (size_t i = 0; b->ckey[pi] && b->ckey[pi][i]; i++)
            free(b->ckey[pi][i]);
        for (size_t i = 0; b->csec[pi] && b->csec[pi][i]; i++)
            free(b->csec[pi][i]);
        free(b->ckey[pi]);
        free(b->csec[pi]);
    }
    for (size_t i = 0; b->fkey && i < nfindings; i++)
        free(b->fkey[i]);
    free(b->ckey);
    free(b->csec);
    free(b->fkey);
    free(b->placed);
}

static pc_review_map *rv_map_alloc(const pc_review *r, const pc_comparison *c)
{
    pc_review_map *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->review = r;
    m->cmp = c;
    m->clause = calloc(c->npolicies + 1, sizeof *m->clause);
    m->clause_fit = calloc(c->npolicies + 1, sizeof *m->clause_fit);
    m->finding = calloc(c->nfindings + 1, sizeof *m->finding);
    m->finding_fit = calloc(c->nfindings + 1, sizeof *m->finding_fit);
    m->req = calloc(c->nreqs + 1, sizeof *m->req);
    m->req_fit = calloc(c->nreqs + 1, sizeof *m->req_fit);
    if (!m->clause || !m->clause_fit || !m->finding || !m->finding_fit || !m->req || !m->req_fit) {
        pc_review_map_free(m);
        return NULL;
    }
    return m;
}

pc_review_map *pc_review_map_new(const pc_review *r, const pc_comparison *c, pc_error *err)
{
    rv_build b;
    memset(&b, 0, sizeof b);
    b.m = rv_map_alloc(r, c);
    b.ckey = calloc(c->npolicies + 1, sizeof *b.ckey);
    b.csec = calloc(c->npolicies + 1, sizeof *b.csec);
    b.fkey = calloc(c->nfindings + 1, sizeof *b.fkey);
    b.placed = calloc(r->n + 1, 1);
    int rc = b.m && b.ckey && b.csec && b.fkey && b.placed ? rv_build_keys(&b) : -1;
    if (rc == 0) {
        rv_clauses_current(&b);
        rc = rv_clauses_stale(&b);
    }
    if (rc == 0)
        rc = rv_findings(&b, 0) < 0 || rv_findings(&b, 1) < 0 || rv_reqs(&b) < 0 ||
                     rv_orphans(&b) < 0
                 ? -1
                 : 0;
    rv_build_free(&b, c->npolicies, c->nfindings);
    if (rc < 0) {
        pc_error_set(err, "%s: out of memory", r->path);
        pc_review_map_free(b.m);
        return NULL;
    }
    return b.m;
}

void pc_review_map_free(pc_review_map *m)
{
    if (!m)
        return;
    for (size_t pi = 0; pi < m->cmp->npolicies; pi++) {
        if (m->clause)
            free(m->clause[pi]);
        if (m->clause_fit)
            free(m->clause_fit[pi]);
    }
    free(m->clause);
    free(m->clause_fit);
    free(m->finding);
    free(m->finding_fit);
    free(m->req);
    free(m->req_fit);
    free(m->orphans);
    free(m);
}

/* The decision placed on finding i, or (req) on requirement result i. */
static const pc_decision *rv_placed(const pc_review_map *m, int req, size_t i, pc_review_fit *fit)
{
    size_t n = !m ? 0 : req ? m->cmp->nreqs : m->cmp->nfindings;
    long di = i < n ? (req ? m->req : m->finding)[i] : -1;
    if (fit)
        *fit = di >= 0 ? (req ? m->req_fit : m->finding_fit)[i] : PC_FIT_NONE;
    return di >= 0 ? &m->review->items[di] : NULL;
}

static int rv_dismissed(const pc_review_map *m, int req, size_t i)
{
    pc_review_fit fit;
    const pc_decision *d = rv_placed(m, req, i, &fit);
    return d && fit == PC_FIT_CURRENT && d->status == PC_REV_DISMISSED;
}

const pc_decision *pc_review_map_finding(const pc_review_map *m, size_t i, pc_review_fit *fit)
{
    return rv_placed(m, 0, i, fit);
}

int pc_review_map_dismissed(const pc_review_map *m, size_t i)
{
    return rv_dismissed(m, 0, i);
}

const pc_decision *pc_review_map_req(const pc_review_map *m, size_t i, pc_review_fit *fit)
{
    return rv_placed(m, 1, i, fit);
}

int pc_review_map_req_dismissed(const pc_review_map *m, size_t i)
{
    return rv_dismissed(m, 1, i);
}

const pc_decision *pc_review_map_clause(const pc_review_map *m, size_t policy, size_t clause,
                                        pc_review_fit *fit)
{
    long di = -1;
    if (m && policy < m->cmp->npolicies &&
        clause < m->cmp->policies[policy]->outline->nclauses)
        di = m->clause[policy][clause];
    if (fit)
        *fit = di >= 0 ? m->clause_fit[policy][clause] : PC_FIT_NONE;
    return di >= 0 ? &m->review->items[di] : NULL;
}

/* ---- relabels ---- */

/* The category indexes of a decision's labels; unknown ids are skipped, the first described in
 * warning. */
static size_t rv_label_cats(const pc_review *r, const pc_decision *d, const pc_taxonomy *tax,
                            int *cats, pc_error *warning)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nlabels; i++) {
        int cat = pc_tax_find_category(tax, d->labels[i]);
        if (cat < 0)
            pc_error_set(warning, "%s: unknown category '%s' in a relabel of policy %s (skipped)",
                         r->path, d->labels[i], d->policy);
        else
            cats[n++] = cat;
    }
    return n;
}

/* Lay decision d's relabel over clause ci. 0, or -1 on out of memory. */
static int rv_overlay_clause(const pc_review *r, const pc_decision *d, pc_overlay *o, size_t ci,
                             const pc_taxonomy *tax, pc_error *warning)
{
    int *cats = malloc((d->nlabels + 1) * sizeof *cats);
    if (!cats)
        return -1;
    size_t n = rv_label_cats(r, d, tax, cats, warning);
    int rc = pc_overlay_set(o, ci, cats, n);
    free(cats);
    return rc;
}

pc_overlay *pc_review_overlay(const pc_review *r, const pc_policy *p, pc_error *warning,
                              pc_error *err)
{
    pc_overlay *o = pc_overlay_new(p->outline->nclauses);
    int rc = o ? 0 : -1;
    for (size_t ci = 0; rc == 0 && ci < p->outline->nclauses; ci++) {
        char *key = pc_review_policy_clause_key(p, ci);
        const pc_decision *d = key ? pc_review_find(r, 0, p->id, key) : NULL;
        rc = !key ? -1 : d && d->relabelled ? rv_overlay_clause(r, d, o, ci, p->cls->tax, warning)
                                            : 0;
        free(key);
    }
    if (rc < 0) {
        pc_error_set(err, "%s: out of memory", r->path);
        pc_overlay_free(o);
        return NULL;
    }
    return o;
}
