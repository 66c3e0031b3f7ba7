/* tax_literal.c: deriving a rule's required literals from its pattern source.
 *
 * A small, conservative reading of PCRE2 syntax. Each piece of the pattern is summarized as a
 * literal set that is either
 *   exact:    the piece matches exactly one of the strings (a finite language), or
 *   required: every match of the piece contains one of the strings (none when empty).
 * Concatenating exact pieces takes the cross product ("e-?mail" -> {email, e-mail}); an
 * optional piece (?, *, {0,n}) contributes nothing unless it is a small exact set; a repeated
 * piece (+, {n,m}) contributes its first repetition; assertions (\b, ^, look-arounds) are
 * transparent; classes, \w, ., escapes of character types, back-references and non-ASCII
 * characters break the literal. An alternation is exact when all branches are, otherwise it
 * requires the union of its branches' best sets (none when any branch has none). Of the sets
 * a sequence offers, the one least likely to occur in English text is kept as the key.
 * Alongside, every piece carries the whole requirement as a formula (lt_form, exported as
 * pc_lit_form): a sequence requires all of its pieces' sets (AND), an alternation one of its
 * branches (OR), a positive look-around what its content requires; past the caps the weaker
 * side is kept, which only ever admits more.
 *
 * Anything not followed (recursion, conditionals, verbs, \Q..\E, extended mode, unknown
 * escapes) gives no literal at all, so the result can only ever admit too much.
 */
#include "taxonomy/tax_literal_internal.h"

#include <stdlib.h>
#include <string.h>

static lt_set lt_alternation(lt_parser *ps);

/* Skip a character class; p is just past '['. */
static void lt_skip_class(lt_parser *ps)
{
    const char *p = ps->p;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;
    while (*p && *p != ']') {
        if (*p == '\\' && p[1])
            p += 2;
        else if (*p == '[' && p[1] == ':' && strstr(p + 2, ":]"))
            p = strstr(p + 2, ":]") + 2;
        else
            p++;
    }
    if (*p != ']')
        ps->giveup = 1;
    ps->p = *p ? p + 1 : p;
}

static void lt_lower(char **s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (char *c = s[i]; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
}

/* A class; ps->p is just past '['. A short list of plain characters ("[sz]", "[-.]") is the
 * exact set of them; anything else breaks the literal. */
static lt_set lt_class(lt_parser *ps)
{
    const char *b = ps->p;
    lt_skip_class(ps);
    size_t n = (size_t)(ps->p - b) - 1;
    if (ps->giveup || n == 0 || n > 8 || *b == '^' || memchr(b, '\\', n) || memchr(b, '[', n) ||
        (n > 2 && memchr(b + 1, '-', n - 2)))
        return lt_none();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)b[i] <= 0x20 || (unsigned char)b[i] >= 0x7f)
            return lt_none();
    lt_set a = lt_exact1(ps, b, 1);
    for (size_t i = 1; i < n; i++)
        lt_add(ps, &a, b + i, 1);
    if (ps->caseless)
        lt_lower(a.s, a.n);
    return a;
}

/* Skip a {...} argument if present (after \x, \o, \p, \g, \k). */
static void lt_skip_braced(lt_parser *ps, char open, char close)
{
    if (*ps->p != open)
        return;
    const char *e = strchr(ps->p, close);
    if (!e)
        ps->giveup = 1;
    ps->p = e ? e + 1 : ps->p + strlen(ps->p);
}

/* An escape; ps->p is just past the backslash. Returns the atom's set. */
static lt_set lt_escape(lt_parser *ps)
{
    char c = *ps->p;
    if (!c) {
        ps->giveup = 1;
        return lt_none();
    }
    ps->p++;
    if (strchr("bBAzZGK", c))
        return lt_exact1(ps, "", 0); /* zero-width: transparent */
    if (strchr("dDwWsShHvVRNXC", c))
        return lt_none();
    if (c == 'p' || c == 'P' || c == 'c') { /* \p{..} or \pL; \cX */
        if (c != 'c' && *ps->p == '{')
            lt_skip_braced(ps, '{', '}');
        else if (*ps->p)
            ps->p++;
        return lt_none();
    }
    if ((c >= '1' && c <= '9') || c == 'g' || c == 'k') {
        ps->flags |= PC_LITF_BACKREF;
        int named = c == 'k' || c == 'g';
        char open = *ps->p, close = open == '<' ? '>' : open == '{' ? '}' : '\'';
        if (named && (open == '<' || open == '{' || open == '\''))
            lt_skip_braced(ps, open, close);
        else
            while ((named && *ps->p == '-') || (*ps->p >= '0' && *ps->p <= '9'))
                ps->p++;
        return lt_none();
    }
    if (c == 'x' || c == 'o') {
        if (*ps->p == '{')
            lt_skip_braced(ps, '{', '}');
        else
            for (int i = 0; i < 2 && strchr("0123456789abcdefABCDEF", *ps->p) && *ps->p; i++)
                ps->p++;
        return lt_none();
    }
    if (c == '0') {
        for (int i = 0; i < 2 && *ps->p >= '0' && *ps->p <= '7'; i++)
            ps->p++;
        return lt_none();
    }
    if (strchr("aefnrt", c))
        return lt_none();
    if ((unsigned char)c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        return lt_exact1(ps, &c, 1); /* an escaped punctuation character is itself */
    ps->giveup = 1;                  /* \Q, \E, \u ... : not followed */
    return lt_none();
}

/* Does p[0..end) hold an unescaped *, + or {n,}? */
static int lt_unbounded(const char *p, const char *end)
{
    for (const char *q = p; q < end; q++) {
        if (*q == '\\') {
            q++;
            continue;
        }
        if (*q == '*' || *q == '+')
            return 1;
        if (*q == '{') {
            size_t k = strspn(q + 1, "0123456789");
            if (k && q[1 + k] == ',' && q[2 + k] == '}')
                return 1;
        }
    }
    return 0;
}

/* The "(?...)" opener of a group at *pp (just past '('): moves *pp to the group's body and
 * sets *lookaround (1 positive, 2 negative). Returns 1 when the group is already complete
 * (a comment or an option setting; *done is its set, ps->p past it), -1 when the group is
 * beyond the analysis (ps->giveup set), 0 to parse the body. */
static int lt_group_opener(lt_parser *ps, const char **pp, int *lookaround, lt_set *done)
{
    const char *p = *pp;
    *lookaround = 0;
    if (*p == '*')
        return ps->giveup = 1, -1;
    if (*p != '?')
        return 0;
    p++;
    if (*p == ':' || *p == '|' || *p == '>') {
        p++;
    } else if (*p == '=' || *p == '!') {
        *lookaround = *p == '=' ? 1 : 2;
        p++;
    } else if (*p == '<' && (p[1] == '=' || p[1] == '!')) {
        *lookaround = p[1] == '=' ? 1 : 2;
        p += 2;
    } else if (*p == '<' || *p == '\'' || (*p == 'P' && p[1] == '<')) {
        const char *e = *p == '\'' ? strchr(p + 1, '\'') : strchr(p, '>');
        if (!e)
            return ps->giveup = 1, -1;
        p = e + 1;
    } else if (*p == '#') {
        const char *e = strchr(p, ')');
        ps->p = e ? e + 1 : p + strlen(p);
        *done = lt_exact1(ps, "", 0);
        return 1;
    } else {
        size_t k = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-^");
        if (p[k] == ')') { /* (?flags): options for the rest, handled by the pre-scan */
            ps->p = p + k + 1;
            *done = lt_exact1(ps, "", 0);
            return 1;
        }
        if (p[k] != ':' || k == 0)
            return ps->giveup = 1, -1; /* recursion, conditionals, callouts */
        p += k + 1;
    }
    *pp = p;
    return 0;
}

/* A parenthesized group; ps->p is just past '('. */
static lt_set lt_group(lt_parser *ps)
{
    const char *p = ps->p;
    int lookaround;
    lt_set done;
    int rc = lt_group_opener(ps, &p, &lookaround, &done);
    if (rc != 0)
        return rc > 0 ? done : lt_none();
    ps->p = p;
    const char *inner = p;
    lt_set a = lt_alternation(ps);
    if (*ps->p != ')') {
        ps->giveup = 1;
        lt_free(&a);
        return lt_none();
    }
    if (lookaround) {
        if (lt_unbounded(inner, ps->p))
            ps->flags |= PC_LITF_UNBOUNDED_LOOKAROUND;
        lt_form f = {NULL, 0};
        if (lookaround == 1) { /* what a positive look-around sees is in the text too */
            lt_minimize(&a);
            f = lt_form_of(ps, &a);
        }
        lt_free(&a);
        a = lt_exact1(ps, "", 0);
        a.f = f;
    }
    ps->p++;
    return a;
}

/* Read a quantifier if one follows: *min, *max (-1 = unbounded). 0 when there is none. */
static int lt_quantifier(lt_parser *ps, long *min, long *max)
{
    const char *p = ps->p;
    if (*p == '?' || *p == '*' || *p == '+') {
        *min = *p == '+' ? 1 : 0;
        *max = *p == '?' ? 1 : -1;
        p++;
    } else if (*p == '{' && p[1] >= '0' && p[1] <= '9') {
        char *e;
        *min = strtol(p + 1, &e, 10);
        *max = *min;
        if (*e == ',') {
            *max = -1;
            if (e[1] >= '0' && e[1] <= '9')
                *max = strtol(e + 1, &e, 10);
            else
                e++;
        }
        if (*e != '}') {
            ps->giveup = 1; /* a literal brace: not followed */
            return 0;
        }
        p = e + 1;
    } else {
        return 0;
    }
    if (*p == '?' || *p == '+')
        p++;
    ps->p = p;
    return 1;
}

/* One atom (without its quantifier). */
static lt_set lt_atom(lt_parser *ps)
{
    unsigned char c = (unsigned char)*ps->p++;
    switch (c) {
    case '(':
        return lt_group(ps);
    case '[':
        return lt_class(ps);
    case '\\':
        return lt_escape(ps);
    case '.':
        return lt_none();
    case '^':
    case '$':
        return lt_exact1(ps, "", 0);
    default:
        break;
    }
    if (c >= 0x80) { /* a non-ASCII character: skip its continuation bytes */
        while (((unsigned char)*ps->p & 0xC0) == 0x80)
            ps->p++;
        return lt_none();
    }
    char lc = (char)(ps->caseless && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lt_exact1(ps, &lc, 1);
}

/* ---- sequences and alternations --------------------------------------------------------- */

/* lt_seq: a branch being read. Owns run, best and f. */
typedef struct lt_seq {
    lt_set run;  /* the exact strings of the current unbroken stretch */
    lt_set best; /* the rarest required set so far */
    int broken;  /* the branch is not one exact set */
    lt_form f;   /* everything the branch requires so far */
} lt_seq;

/* A piece cand (consumed) the branch requires: its requirement joins q->f, and it becomes
 * q->best when rarer. Sets holding "" say nothing. */
static void lt_consider(lt_parser *ps, lt_seq *q, lt_set *cand)
{
    lt_minimize(cand);
    lt_form f = lt_form_of(ps, cand);
    lt_form_and(ps, &q->f, &f);
    if (cand->n && !lt_has_empty(cand) && lt_cost(cand) < lt_cost(&q->best)) {
        lt_free(&q->best);
        q->best = *cand;
        q->best.exact = 0;
    } else {
        lt_free(cand);
    }
    *cand = lt_none();
}

static void lt_break(lt_parser *ps, lt_seq *q)
{
    lt_consider(ps, q, &q->run);
    q->run = lt_exact1(ps, "", 0);
    q->broken = 1;
}

/* Append exact set a (consumed) to the run, breaking the run first when it would overflow. */
static void lt_extend(lt_parser *ps, lt_seq *q, lt_set *a)
{
    lt_set r;
    if (lt_cross(ps, &q->run, a, &r)) {
        lt_free(&q->run);
        q->run = r;
        lt_free(a);
        return;
    }
    lt_break(ps, q);
    lt_free(&q->run);
    q->run = *a;
    *a = lt_none();
}

static void lt_item(lt_parser *ps, lt_seq *q, lt_set *a, int quant, long min, long max)
{
    if (quant && min == 0)
        lt_form_free(&a->f);                    /* an optional piece requires nothing */
    if (a->exact && a->n == 1 && !a->s[0][0]) { /* zero-width (a look-ahead may require) */
        lt_form_and(ps, &q->f, &a->f);
        lt_free(a);
        return;
    }
    if (quant && min == 0) {
        if (a->exact && max == 1 && a->n < LT_MAX_SET && lt_add(ps, a, "", 0) == 0) {
            lt_extend(ps, q, a);
            return;
        }
        lt_free(a);
        lt_break(ps, q);
        return;
    }
    if (!a->exact) {
        lt_break(ps, q);
        lt_consider(ps, q, a);
        return;
    }
    lt_form_and(ps, &q->f, &a->f);
    lt_extend(ps, q, a);
    if (quant && !(min == 1 && max == 1))
        lt_break(ps, q); /* the first repetition is required, the rest may vary */
}

static lt_set lt_branch(lt_parser *ps)
{
    lt_seq q = {lt_exact1(ps, "", 0), lt_none(), 0, {NULL, 0}};
    while (*ps->p && *ps->p != '|' && *ps->p != ')' && !ps->giveup && !ps->oom) {
        if (*ps->p == '?' || *ps->p == '*' || *ps->p == '+' || *ps->p == '{') {
            long mn, mx;
            if (!lt_quantifier(ps, &mn, &mx))
                ps->giveup = 1;
            continue;
        }
        lt_set a = lt_atom(ps);
        long mn = 1, mx = 1;
        int quant = lt_quantifier(ps, &mn, &mx);
        lt_item(ps, &q, &a, quant, mn, mx);
    }
    if (!q.broken) {
        lt_free(&q.best);
        q.run.f = q.f;
        return q.run;
    }
    lt_consider(ps, &q, &q.run);
    q.best.f = q.f;
    return q.best;
}

static lt_set lt_alternation(lt_parser *ps)
{
    lt_set acc = lt_branch(ps);
    int dead = !acc.exact && acc.n == 0;
    while (*ps->p == '|' && !ps->giveup && !ps->oom) {
        ps->p++;
        lt_set b = lt_branch(ps);
        if (dead || (!b.exact && b.n == 0)) {
            dead = 1;
            lt_free(&b);
            continue;
        }
        int exact = acc.exact && b.exact && acc.n + b.n <= LT_MAX_SET;
        if (!exact) {
            lt_minimize(&acc);
            lt_minimize(&b);
        }
        if (!exact && (lt_has_empty(&acc) || lt_has_empty(&b))) {
            dead = 1; /* a branch that may match the empty string requires nothing */
            lt_free(&b);
            continue;
        }
        lt_form fa = exact ? acc.f : lt_form_of(ps, &acc), fb = exact ? b.f : lt_form_of(ps, &b);
        acc.f = b.f = (lt_form){NULL, 0};
        lt_form_or(&fa, &fb);
        if (!lt_union(ps, &acc, &b))
            dead = 1;
        acc.f = fa;
        acc.exact = exact;
    }
    if (dead) {
        lt_free(&acc);
        return lt_none();
    }
    return acc;
}

/* ---- entry points ----------------------------------------------------------------------- */

/* Inline options: 'i' anywhere makes the literals caseless (a superset); 'x' is not followed. */
static void lt_prescan(lt_parser *ps, const char *pattern)
{
    for (const char *p = strstr(pattern, "(?"); p; p = strstr(p + 2, "(?")) {
        size_t k = strspn(p + 2, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-^");
        if (p[2 + k] != ':' && p[2 + k] != ')')
            continue;
        for (size_t i = 0; i < k; i++) {
            if (p[2 + i] == 'i')
                ps->caseless = 1;
            if (p[2 + i] == 'x')
                ps->giveup = 1;
        }
    }
    if (strstr(pattern, "(*"))
        ps->giveup = 1; /* leading verbs such as (*UTF) or (*CR) */
}

/* f as a pc_lit_form (strings moved out of f); nothing when it is one group alone, which the
 * key already says. -1 when memory runs out. */
static int lt_form_export(lt_form *f, pc_lit_form *out)
{
    memset(out, 0, sizeof *out);
    if (!f->n || (f->n == 1 && f->t[0].n == 1))
        return 0;
    size_t ng = 0, nl = 0;
    for (size_t t = 0; t < f->n; t++)
        for (size_t g = 0; g < f->t[t].n; g++, ng++)
            nl += f->t[t].g[g].n;
    if (!(out->lits = calloc(nl, sizeof *out->lits)) || !(out->gend = calloc(ng, sizeof(size_t))) ||
        !(out->tend = calloc(f->n, sizeof(size_t))))
        return -1;
    for (size_t t = 0; t < f->n; t++) {
        for (size_t g = 0; g < f->t[t].n; g++) {
            lt_set *grp = &f->t[t].g[g];
            for (size_t i = 0; i < grp->n; i++)
                out->lits[out->nlits++] = grp->s[i];
            grp->n = 0; /* the strings now belong to out */
            out->gend[out->ngroups++] = out->nlits;
        }
        out->tend[out->nterms++] = out->ngroups;
    }
    return 0;
}

int pc_lit_derive(const char *pattern, int caseless, pc_rule_lits *out)
{
    memset(out, 0, sizeof *out);
    lt_parser ps = {pattern, caseless, 0, 0, 0};
    lt_prescan(&ps, pattern);
    lt_set a = ps.giveup ? lt_none() : lt_alternation(&ps);
    if (*ps.p)
        ps.giveup = 1; /* an unbalanced ')' */
    out->flags = ps.flags | (ps.giveup ? PC_LITF_UNPARSED : 0);
    if (ps.oom) {
        lt_free(&a);
        return -1;
    }
    if (ps.giveup || a.n == 0 || lt_has_empty(&a)) {
        lt_free(&a);
        return 0;
    }
    lt_minimize(&a);
    lt_form f = lt_form_of(&ps, &a);
    int rc = lt_form_export(&f, &out->form);
    lt_form_free(&f);
    if (ps.oom || rc < 0) {
        lt_free(&a);
        pc_lit_free(out);
        return -1;
    }
    if (ps.caseless) { /* literals gathered before an inline (?i) may still hold capitals */
        lt_lower(a.s, a.n);
        lt_lower(out->form.lits, out->form.nlits);
    }
    out->lits = a.s;
    out->nlits = a.n;
    out->caseless = ps.caseless;
    out->source = PC_LIT_DERIVED;
    return 0;
}
