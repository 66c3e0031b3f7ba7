/* literal.c: deriving a rule's required literals from its pattern source.
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
 * Alongside, every piece carries the whole requirement as a formula (pc_lit_req, exported as
 * pc_lit_form): a sequence requires all of its pieces' sets (AND), an alternation one of its
 * branches (OR), a positive look-around what its content requires; past the caps the weaker
 * side is kept, which only ever admits more.
 *
 * Anything not followed (recursion, conditionals, verbs, \Q..\E, extended mode, unknown
 * escapes) gives no literal at all, so the result can only ever admit too much.
 */
#include "taxonomy/literal_internal.h"

#include <stdlib.h>
#include <string.h>

static pc_lit_set lit_alternation(pc_lit_parser *ps);

/* Skip a character class; p is just past '['. */
static void lit_skip_class(pc_lit_parser *ps)
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

static void lit_lower(char **s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (char *c = s[i]; *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
}

/* A class; ps->p is just past '['. A short list of plain characters ("[sz]", "[-.]") is the
 * exact set of them; anything else breaks the literal. */
static pc_lit_set lit_class(pc_lit_parser *ps)
{
    const char *b = ps->p;
    lit_skip_class(ps);
    size_t n = (size_t)(ps->p - b) - 1;
    if (ps->giveup || n == 0 || n > 8 || *b == '^' || memchr(b, '\\', n) || memchr(b, '[', n) ||
        (n > 2 && memchr(b + 1, '-', n - 2)))
        return pc_lit_none();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)b[i] <= 0x20 || (unsigned char)b[i] >= 0x7f)
            return pc_lit_none();
    pc_lit_set a = pc_lit_exact1(ps, b, 1);
    for (size_t i = 1; i < n; i++)
        pc_lit_add(ps, &a, b + i, 1);
    if (ps->caseless)
        lit_lower(a.s, a.n);
    return a;
}

/* Skip a {...} argument if present (after \x, \o, \p, \g, \k). */
static void lit_skip_braced(pc_lit_parser *ps, char open, char close)
{
    if (*ps->p != open)
        return;
    const char *e = strchr(ps->p, close);
    if (!e)
        ps->giveup = 1;
    ps->p = e ? e + 1 : ps->p + strlen(ps->p);
}

/* An escape; ps->p is just past the backslash. Returns the atom's set. */
static pc_lit_set lit_escape(pc_lit_parser *ps)
{
    char c = *ps->p;
    if (!c) {
        ps->giveup = 1;
        return pc_lit_none();
    }
    ps->p++;
    if (strchr("bBAzZGK", c))
        return pc_lit_exact1(ps, "", 0); /* zero-width: transparent */
    if (strchr("dDwWsShHvVRNXC", c))
        return pc_lit_none();
    if (c == 'p' || c == 'P' || c == 'c') { /* \p{..} or \pL; \cX */
        if (c != 'c' && *ps->p == '{')
            lit_skip_braced(ps, '{', '}');
        else if (*ps->p)
            ps->p++;
        return pc_lit_none();
    }
    if ((c >= '1' && c <= '9') || c == 'g' || c == 'k') {
        ps->flags |= PC_LITF_BACKREF;
        int named = c == 'k' || c == 'g';
        char open = *ps->p, close = open == '<' ? '>' : open == '{' ? '}' : '\'';
        if (named && (open == '<' || open == '{' || open == '\''))
            lit_skip_braced(ps, open, close);
        else
            while ((named && *ps->p == '-') || (*ps->p >= '0' && *ps->p <= '9'))
                ps->p++;
        return pc_lit_none();
    }
    if (c == 'x' || c == 'o') {
        if (*ps->p == '{')
            lit_skip_braced(ps, '{', '}');
        else
            for (int i = 0; i < 2 && strchr("0123456789abcdefABCDEF", *ps->p) && *ps->p; i++)
                ps->p++;
        return pc_lit_none();
    }
    if (c == '0') {
        for (int i = 0; i < 2 && *ps->p >= '0' && *ps->p <= '7'; i++)
            ps->p++;
        return pc_lit_none();
    }
    if (strchr("aefnrt", c))
        return pc_lit_none();
    if ((unsigned char)c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        return pc_lit_exact1(ps, &c, 1); /* an escaped punctuation character is itself */
    ps->giveup = 1;                      /* \Q, \E, \u ... : not followed */
    return pc_lit_none();
}

/* Does p[0..end) hold an unescaped *, + or {n,}? */
static int lit_unbounded(const char *p, const char *end)
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
static int lit_group_opener(pc_lit_parser *ps, const char **pp, int *lookaround, pc_lit_set *done)
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
        *done = pc_lit_exact1(ps, "", 0);
        return 1;
    } else {
        size_t k = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-^");
        if (p[k] == ')') { /* (?flags): options for the rest, handled by the pre-scan */
            ps->p = p + k + 1;
            *done = pc_lit_exact1(ps, "", 0);
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
static pc_lit_set lit_group(pc_lit_parser *ps)
{
    const char *p = ps->p;
    int lookaround;
    pc_lit_set done;
    int rc = lit_group_opener(ps, &p, &lookaround, &done);
    if (rc != 0)
        return rc > 0 ? done : pc_lit_none();
    ps->p = p;
    const char *inner = p;
    pc_lit_set a = lit_alternation(ps);
    if (*ps->p != ')') {
        ps->giveup = 1;
        pc_lit_set_free(&a);
        return pc_lit_none();
    }
    if (lookaround) {
        if (lit_unbounded(inner, ps->p))
            ps->flags |= PC_LITF_UNBOUNDED_LOOKAROUND;
        pc_lit_req f = {NULL, 0};
        if (lookaround == 1) { /* what a positive look-around sees is in the text too */
            pc_lit_minimize(&a);
            f = pc_lit_req_of(ps, &a);
        }
        pc_lit_set_free(&a);
        a = pc_lit_exact1(ps, "", 0);
        a.f = f;
    }
    ps->p++;
    return a;
}

/* Read a quantifier if one follows: *min, *max (-1 = unbounded). 0 when there is none. */
static int lit_quantifier(pc_lit_parser *ps, long *min, long *max)
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
static pc_lit_set lit_atom(pc_lit_parser *ps)
{
    unsigned char c = (unsigned char)*ps->p++;
    switch (c) {
    case '(':
        return lit_group(ps);
    case '[':
        return lit_class(ps);
    case '\\':
        return lit_escape(ps);
    case '.':
        return pc_lit_none();
    case '^':
    case '$':
        return pc_lit_exact1(ps, "", 0);
    default:
        break;
    }
    if (c >= 0x80) { /* a non-ASCII character: skip its continuation bytes */
        while (((unsigned char)*ps->p & 0xC0) == 0x80)
            ps->p++;
        return pc_lit_none();
    }
    char lc = (char)(ps->caseless && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return pc_lit_exact1(ps, &lc, 1);
}

/* ---- sequences and alternations --------------------------------------------------------- */

/* lit_seq: a branch being read. Owns run, best and f. */
typedef struct lit_seq {
    pc_lit_set run;  /* the exact strings of the current unbroken stretch */
    pc_lit_set best; /* the rarest required set so far */
    int broken;      /* the branch is not one exact set */
    pc_lit_req f;    /* everything the branch requires so far */
} lit_seq;

/* A piece cand (consumed) the branch requires: its requirement joins q->f, and it becomes
 * q->best when rarer. Sets holding "" say nothing. */
static void lit_consider(pc_lit_parser *ps, lit_seq *q, pc_lit_set *cand)
{
    pc_lit_minimize(cand);
    pc_lit_req f = pc_lit_req_of(ps, cand);
    pc_lit_req_and(ps, &q->f, &f);
    if (cand->n && !pc_lit_has_empty(cand) && pc_lit_cost(cand) < pc_lit_cost(&q->best)) {
        pc_lit_set_free(&q->best);
        q->best = *cand;
        q->best.exact = 0;
    } else {
        pc_lit_set_free(cand);
    }
    *cand = pc_lit_none();
}

static void lit_break(pc_lit_parser *ps, lit_seq *q)
{
    lit_consider(ps, q, &q->run);
    q->run = pc_lit_exact1(ps, "", 0);
    q->broken = 1;
}

/* Append exact set a (consumed) to the run, breaking the run first when it would overflow. */
static void lit_extend(pc_lit_parser *ps, lit_seq *q, pc_lit_set *a)
{
    pc_lit_set r;
    if (pc_lit_cross(ps, &q->run, a, &r)) {
        pc_lit_set_free(&q->run);
        q->run = r;
        pc_lit_set_free(a);
        return;
    }
    lit_break(ps, q);
    pc_lit_set_free(&q->run);
    q->run = *a;
    *a = pc_lit_none();
}

static void lit_item(pc_lit_parser *ps, lit_seq *q, pc_lit_set *a, int quant, long min, long max)
{
    if (quant && min == 0)
        pc_lit_req_free(&a->f);                 /* an optional piece requires nothing */
    if (a->exact && a->n == 1 && !a->s[0][0]) { /* zero-width (a look-ahead may require) */
        pc_lit_req_and(ps, &q->f, &a->f);
        pc_lit_set_free(a);
        return;
    }
    if (quant && min == 0) {
        if (a->exact && max == 1 && a->n < PC_LIT_MAX_SET && pc_lit_add(ps, a, "", 0) == 0) {
            lit_extend(ps, q, a);
            return;
        }
        pc_lit_set_free(a);
        lit_break(ps, q);
        return;
    }
    if (!a->exact) {
        lit_break(ps, q);
        lit_consider(ps, q, a);
        return;
    }
    pc_lit_req_and(ps, &q->f, &a->f);
    lit_extend(ps, q, a);
    if (quant && !(min == 1 && max == 1))
        lit_break(ps, q); /* the first repetition is required, the rest may vary */
}

static pc_lit_set lit_branch(pc_lit_parser *ps)
{
    lit_seq q = {pc_lit_exact1(ps, "", 0), pc_lit_none(), 0, {NULL, 0}};
    while (*ps->p && *ps->p != '|' && *ps->p != ')' && !ps->giveup && !ps->oom) {
        if (*ps->p == '?' || *ps->p == '*' || *ps->p == '+' || *ps->p == '{') {
            long mn, mx;
            if (!lit_quantifier(ps, &mn, &mx))
                ps->giveup = 1;
            continue;
        }
        pc_lit_set a = lit_atom(ps);
        long mn = 1, mx = 1;
        int quant = lit_quantifier(ps, &mn, &mx);
        lit_item(ps, &q, &a, quant, mn, mx);
    }
    if (!q.broken) {
        pc_lit_set_free(&q.best);
        q.run.f = q.f;
        return q.run;
    }
    lit_consider(ps, &q, &q.run);
    q.best.f = q.f;
    return q.best;
}

static pc_lit_set lit_alternation(pc_lit_parser *ps)
{
    pc_lit_set acc = lit_branch(ps);
    int dead = !acc.exact && acc.n == 0;
    while (*ps->p == '|' && !ps->giveup && !ps->oom) {
        ps->p++;
        pc_lit_set b = lit_branch(ps);
        if (dead || (!b.exact && b.n == 0)) {
            dead = 1;
            pc_lit_set_free(&b);
            continue;
        }
        int exact = acc.exact && b.exact && acc.n + b.n <= PC_LIT_MAX_SET;
        if (!exact) {
            pc_lit_minimize(&acc);
            pc_lit_minimize(&b);
        }
        if (!exact && (pc_lit_has_empty(&acc) || pc_lit_has_empty(&b))) {
            dead = 1; /* a branch that may match the empty string requires nothing */
            pc_lit_set_free(&b);
            continue;
        }
        pc_lit_req fa = exact ? acc.f : pc_lit_req_of(ps, &acc),
                   fb = exact ? b.f : pc_lit_req_of(ps, &b);
        acc.f = b.f = (pc_lit_req){NULL, 0};
        pc_lit_req_or(&fa, &fb);
        if (!pc_lit_union(ps, &acc, &b))
            dead = 1;
        acc.f = fa;
        acc.exact = exact;
    }
    if (dead) {
        pc_lit_set_free(&acc);
        return pc_lit_none();
    }
    return acc;
}

/* ---- top-level branches ----------------------------------------------------------------- */

/* Past one token of a pattern at p: an escape, a class or one character; NULL at a broken
 * escape or class. */
static const char *lit_token_end(const char *p)
{
    if (*p == '\\')
        return p[1] ? p + 2 : NULL;
    if (*p != '[')
        return p + 1;
    pc_lit_parser ps = {p + 1, 0, 0, 0, 0};
    lit_skip_class(&ps);
    return ps.giveup ? NULL : ps.p;
}

/* Is the group opener at p (just past '(') one that a branch can be matched without the
 * others around it: a plain, non-capturing, named, atomic or look-around group, or a branch
 * reset? Not option settings (they carry into later branches), recursion, subroutine calls,
 * conditionals, comments or verbs. */
static int lit_split_opener(const char *p)
{
    if (*p == '*')
        return 0;
    if (*p != '?')
        return 1;
    p++;
    if (strchr(":=!>|", *p))
        return *p != '\0';
    if (*p == '<')
        return p[1] == '=' || p[1] == '!' || (p[1] >= 'A' && p[1] <= 'Z') ||
               (p[1] >= 'a' && p[1] <= 'z') || p[1] == '_';
    return *p == 'P' && p[1] == '<';
}

size_t pc_lit_branches(const char *pattern, size_t *start, size_t max)
{
    size_t n = 1, depth = 0;
    start[0] = 0;
    for (const char *p = pattern; p && *p;) {
        if (*p == '\\' && p[1] && strchr("KQEgk123456789", p[1]))
            return 0; /* \K moves the match start; back-references tie branches together */
        if (*p == '(' && !lit_split_opener(p + 1))
            return 0;
        depth += *p == '(';
        if (*p == ')' && !depth--)
            return 0;
        if (*p == '|' && !depth) {
            if (n == max)
                return 0;
            start[n++] = (size_t)(p + 1 - pattern);
        }
        if (!(p = lit_token_end(p)))
            return 0;
    }
    return depth || n < 2 ? 0 : n;
}

/* The ')' closing the group opened at p[-1], or NULL (p is just past its '('). */
static const char *lit_group_end(const char *p)
{
    for (size_t depth = 1; p && *p; p = lit_token_end(p)) {
        depth += *p == '(';
        if (*p == ')' && !--depth)
            return p;
    }
    return NULL;
}

unsigned pc_lit_repeat(const char *pattern)
{
    if (pattern[0] != '(' || (pattern[1] == '?' && pattern[2] != ':' && pattern[2] != '>') ||
        pattern[1] == '*')
        return 0;
    const char *e = lit_group_end(pattern + 1);
    if (!e || e[1] != '{' || e[2] < '0' || e[2] > '9')
        return 0;
    char *q;
    unsigned long n = strtoul(e + 2, &q, 10);
    if (*q == ',')
        q += 1 + strspn(q + 1, "0123456789");
    if (*q != '}' || n < 2 || n > 1000)
        return 0;
    q += q[1] == '?' || q[1] == '+' ? 2 : 1;
    return *q ? 0 : (unsigned)n;
}

/* ---- entry points ----------------------------------------------------------------------- */

/* Inline options: 'i' anywhere makes the literals caseless (a superset); 'x' is not followed. */
static void lit_prescan(pc_lit_parser *ps, const char *pattern)
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
static int lit_form_export(pc_lit_req *f, pc_lit_form *out)
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
            pc_lit_set *grp = &f->t[t].g[g];
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
    pc_lit_parser ps = {pattern, caseless, 0, 0, 0};
    lit_prescan(&ps, pattern);
    pc_lit_set a = ps.giveup ? pc_lit_none() : lit_alternation(&ps);
    if (*ps.p)
        ps.giveup = 1; /* an unbalanced ')' */
    out->flags = ps.flags | (ps.giveup ? PC_LITF_UNPARSED : 0);
    if (ps.oom) {
        pc_lit_set_free(&a);
        return -1;
    }
    if (ps.giveup || a.n == 0 || pc_lit_has_empty(&a)) {
        pc_lit_set_free(&a);
        return 0;
    }
    pc_lit_minimize(&a);
    pc_lit_req f = pc_lit_req_of(&ps, &a);
    int rc = lit_form_export(&f, &out->form);
    pc_lit_req_free(&f);
    if (ps.oom || rc < 0) {
        pc_lit_set_free(&a);
        pc_lit_free(out);
        return -1;
    }
    if (ps.caseless) { /* literals gathered before an inline (?i) may still hold capitals */
        lit_lower(a.s, a.n);
        lit_lower(out->form.lits, out->form.nlits);
    }
    out->lits = a.s;
    out->nlits = a.n;
    out->caseless = ps.caseless;
    out->source = PC_LIT_DERIVED;
    return 0;
}
