/* eval_contra.c: contradiction findings against judged pairs, and the word-pair sets both
 * finding evaluations match text with (eval_findings.h). */
#include "eval/eval_findings.h"

#include "classify/policy.h"
#include "compare/compare.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- word-pair sets ------------------------------------------------------------------- */

static int fe_word_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch >= 0x80;
}

/* FNV-1a of the next word of s[*i..len), lowercased; 0 when there is none. */
static unsigned long long fe_next_word(const char *s, size_t len, size_t *i)
{
    while (*i < len && !fe_word_byte((unsigned char)s[*i]))
        (*i)++;
    if (*i >= len)
        return 0;
    unsigned long long h = 1469598103934665603ull;
    for (; *i < len && fe_word_byte((unsigned char)s[*i]); (*i)++) {
        unsigned char ch = (unsigned char)s[*i];
        h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch + 32u : ch)) * 1099511628211ull;
    }
    return h | 1u;
}

static int fe_u64_cmp(const void *a, const void *b)
{
    unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;
    return x < y ? -1 : x > y;
}

int pc_feval_words_of(const char *s, size_t len, pc_feval_words *out)
{
    size_t cap = 0, i = 0;
    unsigned long long prev = fe_next_word(s, len, &i), cur;
    out->v = NULL;
    out->n = 0;
    while (prev && (cur = fe_next_word(s, len, &i)) != 0) {
        if (pc_grow(&out->v, &cap, out->n + 1, sizeof *out->v) < 0)
            return -1;
        out->v[out->n++] = prev * 31u + cur * 0x9E3779B97F4A7C15ull;
        prev = cur;
    }
    if (out->n > 1)
        qsort(out->v, out->n, sizeof *out->v, fe_u64_cmp);
    size_t k = 0;
    for (size_t j = 0; j < out->n; j++)
        if (k == 0 || out->v[k - 1] != out->v[j])
            out->v[k++] = out->v[j];
    out->n = k;
    return 0;
}

void pc_feval_words_free(pc_feval_words *w)
{
    free(w->v);
    w->v = NULL;
    w->n = 0;
}

int pc_feval_inside(const char *s, size_t len, const pc_feval_words *side)
{
    pc_feval_words w;
    if (pc_feval_words_of(s, len, &w) < 0 || w.n < 2) {
        pc_feval_words_free(&w);
        return 0;
    }
    size_t hit = 0;
    for (size_t i = 0; i < w.n; i++)
        hit += bsearch(&w.v[i], side->v, side->n, sizeof *side->v, fe_u64_cmp) != NULL;
    int inside = (double)hit >= PC_FEVAL_MATCH * (double)w.n;
    pc_feval_words_free(&w);
    return inside;
}

/* ---- reading -------------------------------------------------------------------------- */

void pc_feval_warn(pc_eval_warn_fn warn, void *ctx, const char *fmt, ...)
{
    if (!warn)
        return;
    char msg[PC_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    warn(ctx, msg);
}

static const char *fe_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* `file` resolved against the folder of the gold file `gold`. */
static char *fe_resolve(const char *gold, const char *file)
{
    const char *slash = strrchr(gold, '/');
    if (file[0] == '/' || !slash)
        return pc_strdup(file);
    pc_buf b = {0};
    pc_buf_add(&b, gold, (size_t)(slash - gold) + 1);
    pc_buf_adds(&b, file);
    return pc_buf_steal(&b);
}

static void fe_pair_free(pc_contra_pair *p)
{
    free(p->id);
    free(p->policy);
    free(p->file);
    free(p->detector);
    free(p->text_a);
    free(p->text_b);
    pc_feval_words_free(&p->a);
    pc_feval_words_free(&p->b);
}

/* One line into p; -1 with err when it is not a usable pair, -2 when memory runs out. */
static int fe_pair_parse(const char *gold, json_t *o, size_t lineno, pc_contra_pair *p,
                         pc_error *err)
{
    const char *pol = fe_str(o, "policy"), *file = fe_str(o, "policy_file");
    const char *a = fe_str(o, "text_a"), *b = fe_str(o, "text_b"), *label = fe_str(o, "label");
    const char *id = fe_str(o, "id"), *det = fe_str(o, "detector");
    memset(p, 0, sizeof *p);
    if (!pol || !file || !a || !b || !label) {
        pc_error_set(err, "needs \"policy\", \"policy_file\", \"text_a\", \"text_b\" and "
                          "\"label\" strings");
        return -1;
    }
    char idbuf[32];
    snprintf(idbuf, sizeof idbuf, "line %zu", lineno);
    json_t *raw = json_object_get(o, "label_raw");
    p->label_raw = json_is_integer(raw) ? (int)json_integer_value(raw) : -1;
    p->positive = !strcmp(label, "contradiction");
    p->line = lineno;
    p->id = pc_strdup(id ? id : idbuf);
    p->policy = pc_strdup(pol);
    p->file = fe_resolve(gold, file);
    p->detector = pc_strdup(det ? det : "");
    p->text_a = pc_strdup(a);
    p->text_b = pc_strdup(b);
    if (!p->id || !p->policy || !p->file || !p->detector || !p->text_a || !p->text_b ||
        pc_feval_words_of(a, strlen(a), &p->a) < 0 || pc_feval_words_of(b, strlen(b), &p->b) < 0)
        return -2;
    return 0;
}

int pc_feval_each_line(const char *path, pc_feval_line_fn one, void *arg, size_t *skipped,
                       pc_eval_warn_fn warn, void *ctx, pc_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        pc_error_set(err, "%s: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int rc = 0;
    while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (strspn(line, " \t\r\n") == (size_t)n)
            continue;
        json_error_t jerr;
        json_t *o = json_loadb(line, (size_t)n, 0, &jerr);
        pc_error e;
        int r = json_is_object(o) ? one(o, lineno, arg, &e) : -1;
        if (!json_is_object(o))
            pc_error_set(&e, "invalid JSON: %s", o ? "not an object" : jerr.text);
        json_decref(o);
        if (r == -1) {
            pc_feval_warn(warn, ctx, "%s:%zu: %s; line skipped", path, lineno, e.msg);
            (*skipped)++;
        } else if (r < -1) {
            pc_error_set(err, "%s: out of memory", path);
            rc = -1;
        }
    }
    free(line);
    fclose(f);
    return rc;
}

static int fe_contra_line(json_t *o, size_t lineno, void *arg, pc_error *err)
{
    pc_contra_set *set = arg;
    pc_contra_pair p;
    int r = fe_pair_parse(set->path, o, lineno, &p, err);
    if (r == 0 && pc_grow(&set->pairs, &set->cap, set->npairs + 1, sizeof *set->pairs) < 0)
        r = -2;
    if (r < 0) {
        fe_pair_free(&p);
        return r;
    }
    set->pairs[set->npairs++] = p;
    return 0;
}

int pc_contra_read(const char *path, pc_contra_set *set, pc_eval_warn_fn warn, void *ctx,
                   pc_error *err)
{
    memset(set, 0, sizeof *set);
    if (!(set->path = pc_strdup(path))) {
        pc_error_set(err, "%s: out of memory", path);
        return -1;
    }
    if (pc_feval_each_line(path, fe_contra_line, set, &set->skipped, warn, ctx, err) < 0)
        return -1;
    if (set->npairs == 0) {
        pc_error_set(err, "%s: no valid record", path);
        return -1;
    }
    return 0;
}

void pc_contra_set_free(pc_contra_set *set)
{
    for (size_t i = 0; i < set->npairs; i++)
        fe_pair_free(&set->pairs[i]);
    for (size_t i = 0; i < set->nextra; i++) {
        free(set->extra[i].policy);
        free(set->extra[i].message);
        free(set->extra[i].first);
        free(set->extra[i].second);
    }
    free(set->extra);
    free(set->pairs);
    free(set->path);
    memset(set, 0, sizeof *set);
}

/* ---- running -------------------------------------------------------------------------- */

/* Whether finding f has one clause inside side x and another inside side y. */
static int fe_spans(const pc_policy *p, const pc_finding *f, const pc_feval_words *x,
                    const pc_feval_words *y)
{
    for (size_t i = 0; i < f->nrefs; i++) {
        if (f->refs[i].clause == PC_NO_CLAUSE)
            continue;
        size_t li;
        const char *si = pc_policy_clause_text(p, f->refs[i].clause, &li);
        if (!pc_feval_inside(si, li, x))
            continue;
        for (size_t j = 0; j < f->nrefs; j++) {
            if (f->refs[j].clause == PC_NO_CLAUSE)
                continue;
            size_t lj;
            const char *sj = pc_policy_clause_text(p, f->refs[j].clause, &lj);
            if (j != i && f->refs[j].clause != f->refs[i].clause && pc_feval_inside(sj, lj, y))
                return 1;
        }
    }
    return 0;
}

static char *fe_clause_copy(const pc_policy *p, const pc_finding *f, size_t i)
{
    size_t len = 0;
    const char *s = i < f->nrefs && f->refs[i].clause != PC_NO_CLAUSE
                        ? pc_policy_clause_text(p, f->refs[i].clause, &len)
                        : "";
    return pc_strndup(s, len);
}

static int fe_keep_extra(pc_contra_set *set, const pc_policy *p, const pc_finding *f)
{
    if (pc_grow(&set->extra, &set->cap_extra, set->nextra + 1, sizeof *set->extra) < 0)
        return -1;
    pc_contra_extra *x = &set->extra[set->nextra++];
    x->policy = pc_strdup(p->id);
    x->message = pc_strdup(f->message);
    x->first = fe_clause_copy(p, f, 0);
    x->second = fe_clause_copy(p, f, f->nrestrictions > 1 ? f->nrestrictions : 1);
    return x->policy && x->message && x->first && x->second ? 0 : -1;
}

/* Match the contradiction findings of c (policy p) with the pairs of file `file`. */
static int fe_match(pc_contra_set *set, const char *file, const pc_policy *p,
                    const pc_comparison *c)
{
    for (size_t k = 0; k < c->nfindings; k++) {
        const pc_finding *f = &c->findings[k];
        if (f->kind != PC_FIND_CONTRADICTION)
            continue;
        set->nfindings++;
        int judged = 0;
        for (size_t i = 0; i < set->npairs; i++) {
            pc_contra_pair *q = &set->pairs[i];
            if (strcmp(q->file, file) ||
                !(fe_spans(p, f, &q->a, &q->b) || fe_spans(p, f, &q->b, &q->a)))
                continue;
            q->found = judged = 1;
        }
        if (!judged && fe_keep_extra(set, p, f) < 0)
            return -1;
    }
    return 0;
}

/* Whether file is the policy_file of a pair before index i (already run). */
static int fe_seen(const pc_contra_set *set, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (!strcmp(set->pairs[j].file, set->pairs[i].file))
            return 1;
    return 0;
}

static int fe_run_policy(const pc_taxonomy *tax, const pc_classify_opts *copts, pc_contra_set *set,
                         const char *file, pc_eval_warn_fn warn, void *ctx, pc_error *err)
{
    pc_error perr;
    pc_policy *p = pc_policy_open_with(file, NULL, tax, copts, &perr);
    if (!p) {
        pc_feval_warn(warn, ctx, "%s; its pairs count as not found", perr.msg);
        set->nunloadable++;
        return 0;
    }
    pc_comparison *c = pc_compare(tax, &p, 1, 0, err);
    int rc = c ? fe_match(set, file, p, c) : -1;
    if (c && rc < 0)
        pc_error_set(err, "%s: out of memory", set->path);
    pc_comparison_free(c);
    pc_policy_free(p);
    return rc;
}

int pc_contra_run(const pc_taxonomy *tax, const pc_classify_opts *copts, pc_contra_set *set,
                  pc_eval_warn_fn warn, void *ctx, pc_error *err)
{
    for (size_t i = 0; i < set->npairs; i++) {
        if (fe_seen(set, i))
            continue;
        set->npolicies++;
        if (fe_run_policy(tax, copts, set, set->pairs[i].file, warn, ctx, err) < 0)
            return -1;
    }
    return 0;
}

/* ---- arithmetic ----------------------------------------------------------------------- */

static double fe_div(double a, double b)
{
    return b > 0 ? a / b : 0.0;
}

void pc_contra_score(const pc_contra_set *set, const char *detector, pc_contra_scores *s)
{
    memset(s, 0, sizeof *s);
    for (size_t i = 0; i < set->npairs; i++) {
        const pc_contra_pair *p = &set->pairs[i];
        if (detector && strcmp(p->detector, detector))
            continue;
        if (p->positive) {
            s->positives++;
            s->found += (size_t)p->found;
        } else {
            s->negatives++;
            s->false_alarms += (size_t)p->found;
        }
    }
    s->policies = set->npolicies;
    s->findings = set->nfindings;
    s->outside = set->nextra;
    s->recall = fe_div((double)s->found, (double)s->positives);
    s->false_alarm_rate = fe_div((double)s->false_alarms, (double)s->negatives);
    s->outside_per_policy = fe_div((double)s->outside, (double)s->policies);
}
