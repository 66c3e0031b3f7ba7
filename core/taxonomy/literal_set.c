/* literal_set.c: literal sets and requirement formulas (see literal.c for what they
 * mean): building, copying, crossing, uniting, minimizing them and turning a set into a
 * formula. */
#include "taxonomy/literal_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void pc_lit_set_free(pc_lit_set *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->s[i]);
    free(a->s);
    a->s = NULL;
    a->n = 0;
    pc_lit_req_free(&a->f);
}

pc_lit_set pc_lit_none(void)
{
    return (pc_lit_set){NULL, 0, 0, {NULL, 0}};
}

/* Add a copy of s[0..n) unless present. */
int pc_lit_add(pc_lit_parser *ps, pc_lit_set *a, const char *s, size_t n)
{
    for (size_t i = 0; i < a->n; i++)
        if (strlen(a->s[i]) == n && !memcmp(a->s[i], s, n))
            return 0;
    char **grown = realloc(a->s, (a->n + 1) * sizeof *grown);
    char *copy = pc_strndup(s, n);
    if (!grown || !copy) {
        if (grown)
            a->s = grown;
        free(copy);
        ps->oom = 1;
        return -1;
    }
    a->s = grown;
    a->s[a->n++] = copy;
    return 0;
}

pc_lit_set pc_lit_exact1(pc_lit_parser *ps, const char *s, size_t n)
{
    pc_lit_set a = {NULL, 0, 1, {NULL, 0}};
    pc_lit_add(ps, &a, s, n);
    return a;
}

int pc_lit_has_empty(const pc_lit_set *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (!a->s[i][0])
            return 1;
    return 0;
}

/* ---- requirement formulas --------------------------------------------------------------- */

void pc_lit_req_free(pc_lit_req *f)
{
    for (size_t i = 0; i < f->n; i++) {
        for (size_t j = 0; j < f->t[i].n; j++)
            pc_lit_set_free(&f->t[i].g[j]);
        free(f->t[i].g);
    }
    free(f->t);
    f->t = NULL;
    f->n = 0;
}

/* A copy of a's strings (a group); an empty set when out of memory. */
pc_lit_set pc_lit_copy(pc_lit_parser *ps, const pc_lit_set *a)
{
    pc_lit_set c = pc_lit_none();
    for (size_t i = 0; i < a->n; i++)
        if (pc_lit_add(ps, &c, a->s[i], strlen(a->s[i])) < 0)
            break;
    return c;
}

/* Can a be a group? Not when empty or holding a short string (that says little). */
int pc_lit_groupable(const pc_lit_set *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (strlen(a->s[i]) < PC_LIT_MIN_GROUP)
            return 0;
    return a->n > 0;
}

/* The formula "some member of a" (no requirement when a cannot be a group). */
pc_lit_req pc_lit_req_group(pc_lit_parser *ps, const pc_lit_set *a)
{
    pc_lit_req f = {pc_lit_groupable(a) ? calloc(1, sizeof *f.t) : NULL, 0};
    pc_lit_set *g = f.t ? calloc(1, sizeof *g) : NULL;
    if (!g) { /* no requirement: always true */
        free(f.t);
        return (pc_lit_req){NULL, 0};
    }
    *g = pc_lit_copy(ps, a);
    f.t[0] = (pc_lit_term){g, 1};
    f.n = 1;
    return f;
}

/* The groups of x then y into a new term. */
int pc_lit_term_join(pc_lit_parser *ps, const pc_lit_term *x, const pc_lit_term *y,
                     pc_lit_term *out)
{
    out->n = 0;
    out->g = calloc(x->n + y->n, sizeof *out->g);
    if (!out->g) {
        ps->oom = 1;
        return -1;
    }
    for (size_t i = 0; i < x->n; i++)
        out->g[out->n++] = pc_lit_copy(ps, &x->g[i]);
    for (size_t i = 0; i < y->n; i++)
        out->g[out->n++] = pc_lit_copy(ps, &y->g[i]);
    return 0;
}

/* *a = *a AND *b (b consumed). Beyond the caps only *a is kept: a weaker, still true,
 * requirement. */
void pc_lit_req_and(pc_lit_parser *ps, pc_lit_req *a, pc_lit_req *b)
{
    if (!a->n) {
        *a = *b;
        *b = (pc_lit_req){NULL, 0};
        return;
    }
    size_t maxg = 0;
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++)
            if (a->t[i].n + b->t[j].n > maxg)
                maxg = a->t[i].n + b->t[j].n;
    pc_lit_req r = {NULL, 0};
    if (b->n && a->n * b->n <= PC_LIT_MAX_TERMS && maxg <= PC_LIT_MAX_GROUPS &&
        (r.t = calloc(a->n * b->n, sizeof *r.t)) != NULL) {
        for (size_t i = 0; i < a->n; i++)
            for (size_t j = 0; j < b->n; j++)
                if (pc_lit_term_join(ps, &a->t[i], &b->t[j], &r.t[r.n]) == 0)
                    r.n++;
        pc_lit_req_free(a);
        *a = r;
    }
    pc_lit_req_free(b);
}

/* *a = *a OR *b (b consumed). No requirement on either side, or beyond the cap (or memory):
 * none. */
void pc_lit_req_or(pc_lit_req *a, pc_lit_req *b)
{
    pc_lit_term *grown = NULL;
    if (a->n && b->n && a->n + b->n <= PC_LIT_MAX_TERMS &&
        (grown = realloc(a->t, (a->n + b->n) * sizeof *grown)) != NULL) {
        a->t = grown;
        memcpy(a->t + a->n, b->t, b->n * sizeof *b->t);
        a->n += b->n;
        free(b->t);
        *b = (pc_lit_req){NULL, 0};
        return;
    }
    pc_lit_req_free(a);
    pc_lit_req_free(b);
}

/* The whole requirement of a piece a: a member and a->f when exact, a->f (or, failing that,
 * a member) when required. Consumes a->f. */
pc_lit_req pc_lit_req_of(pc_lit_parser *ps, pc_lit_set *a)
{
    pc_lit_req f = a->f;
    a->f = (pc_lit_req){NULL, 0};
    if (a->exact || !f.n) {
        pc_lit_req g = pc_lit_req_group(ps, a);
        pc_lit_req_and(ps, &g, &f);
        return g;
    }
    return f;
}

double pc_lit_cost(const pc_lit_set *a)
{
    if (a->n == 0)
        return HUGE_VAL;
    double sum = 0;
    for (size_t i = 0; i < a->n; i++)
        sum += pc_lit_rarity(a->s[i]);
    return sum;
}

/* Drop members that contain another member: they add nothing to the scan. */
void pc_lit_minimize(pc_lit_set *a)
{
    char keep[PC_LIT_MAX_UNION + PC_LIT_MAX_SET + 1];
    if (a->n > sizeof keep)
        return;
    for (size_t i = 0; i < a->n; i++) {
        keep[i] = 1;
        for (size_t j = 0; j < a->n && keep[i]; j++)
            if (j != i && strstr(a->s[i], a->s[j]) && (strlen(a->s[j]) < strlen(a->s[i]) || j < i))
                keep[i] = 0;
    }
    size_t k = 0;
    for (size_t i = 0; i < a->n; i++) {
        if (keep[i])
            a->s[k++] = a->s[i];
        else
            free(a->s[i]);
    }
    a->n = k;
}

/* The cross product a x b into *out; 0 when it would exceed the caps (out untouched). */
int pc_lit_cross(pc_lit_parser *ps, const pc_lit_set *a, const pc_lit_set *b, pc_lit_set *out)
{
    if (a->n * b->n > PC_LIT_MAX_SET)
        return 0;
    pc_lit_set r = {NULL, 0, 1, {NULL, 0}};
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++) {
            size_t la = strlen(a->s[i]), lb = strlen(b->s[j]);
            if (la + lb > PC_LIT_MAX_LEN) {
                pc_lit_set_free(&r);
                return 0;
            }
            char buf[PC_LIT_MAX_LEN + 1];
            memcpy(buf, a->s[i], la);
            memcpy(buf + la, b->s[j], lb);
            if (pc_lit_add(ps, &r, buf, la + lb) < 0) {
                pc_lit_set_free(&r);
                return 0;
            }
        }
    *out = r;
    return 1;
}

/* Union of b into a (b consumed); 0 when it exceeds the cap. */
int pc_lit_union(pc_lit_parser *ps, pc_lit_set *a, pc_lit_set *b)
{
    int ok = 1;
    for (size_t i = 0; i < b->n && ok; i++)
        ok = pc_lit_add(ps, a, b->s[i], strlen(b->s[i])) == 0 && a->n <= PC_LIT_MAX_UNION;
    pc_lit_set_free(b);
    return ok;
}

/* ---- lexing ----------------------------------------------------------------------------- */
