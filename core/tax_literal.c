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
 * a sequence offers, the one least likely to occur in English text is kept.
 *
 * Anything not followed (recursion, conditionals, verbs, \Q..\E, extended mode, unknown
 * escapes) gives no literal at all, so the result can only ever admit too much.
 */
#include "prefilter.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define LT_MAX_SET   64  /* members of an exact set (a cross product) */
#define LT_MAX_UNION 256 /* members of a required set (an alternation) */
#define LT_MAX_LEN   96  /* bytes of one literal */

/* lt_set: a literal set (see above). Owns s and its strings. */
typedef struct lt_set {
    char **s;
    size_t n;
    int exact;
} lt_set;

/* lt_parser: the analysis of one pattern. Borrows the pattern. */
typedef struct lt_parser {
    const char *p;
    int caseless;
    int giveup; /* a construct we do not follow: no literal for the whole pattern */
    int oom;
    unsigned flags;
} lt_parser;

static void lt_free(lt_set *a)
{
    for (size_t i = 0; i < a->n; i++)
        free(a->s[i]);
    free(a->s);
    a->s = NULL;
    a->n = 0;
}

static lt_set lt_none(void)
{
    return (lt_set){NULL, 0, 0};
}

/* Add a copy of s[0..n) unless present. */
static int lt_add(lt_parser *ps, lt_set *a, const char *s, size_t n)
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

static lt_set lt_exact1(lt_parser *ps, const char *s, size_t n)
{
    lt_set a = {NULL, 0, 1};
    lt_add(ps, &a, s, n);
    return a;
}

static int lt_has_empty(const lt_set *a)
{
    for (size_t i = 0; i < a->n; i++)
        if (!a->s[i][0])
            return 1;
    return 0;
}

/* How likely a literal is to occur at a given place in English text (lower is rarer). */
static double lt_char_prob(unsigned char c)
{
    static const double letters[26] = {.066,  .012,  .022, .034,  .102, .018,  .016, .049,  .056,
                                       .0012, .0062, .032, .019,  .054, .060,  .015, .0008, .048,
                                       .051,  .073,  .022, .0078, .019, .0012, .016, .0006};
    if (c >= 'A' && c <= 'Z')
        c = (unsigned char)(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z')
        return letters[c - 'a'];
    if (c == ' ')
        return .18;
    if (c >= '0' && c <= '9')
        return .004;
    return .01;
}

/* Words so common in privacy policies that a literal made of one says little. */
static int lt_common_word(const char *s)
{
    static const char *const words[] = {
        "a",   "an", "and",  "are",         "as",   "be",   "by",   "can", "data",
        "for", "if", "in",   "information", "is",   "it",   "may",  "not", "of",
        "on",  "or", "our",  "personal",    "that", "the",  "this", "to",  "us",
        "use", "we", "will", "with",        "you",  "your", NULL};
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    for (size_t i = 0; words[i]; i++)
        if (strlen(words[i]) == n && !strncasecmp(words[i], s, n))
            return 1;
    return 0;
}

static double lt_cost(const lt_set *a)
{
    if (a->n == 0)
        return HUGE_VAL;
    double sum = 0;
    for (size_t i = 0; i < a->n; i++) {
        double p = 1;
        for (const char *c = a->s[i]; *c; c++)
            p *= lt_char_prob((unsigned char)*c);
        sum += lt_common_word(a->s[i]) ? p * 100 : p;
    }
    return sum;
}

/* Drop members that contain another member: they add nothing to the scan. */
static void lt_minimize(lt_set *a)
{
    char keep[LT_MAX_UNION + LT_MAX_SET + 1];
    if (a->n > sizeof keep)
        return;
    for (size_t i = 0; i < a->n; i++) {
        keep[i] = 1;
        for (size_t j = 0; j < a->n && keep[i]; j++)
            if (j != i && strstr(a->s[i], a->s[j]) &&
                (strlen(a->s[j]) < strlen(a->s[i]) || j < i))
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

/* Keep the rarer of *best and cand (cand is consumed). Sets holding "" say nothing. */
static void lt_consider(lt_set *best, lt_set *cand)
{
    lt_minimize(cand);
    if (cand->n && !lt_has_empty(cand) && lt_cost(cand) < lt_cost(best)) {
        lt_free(best);
        *best = *cand;
        best->exact = 0;
    } else {
        lt_free(cand);
    }
    *cand = lt_none();
}

/* The cross product a x b into *out; 0 when it would exceed the caps (out untouched). */
static int lt_cross(lt_parser *ps, const lt_set *a, const lt_set *b, lt_set *out)
{
    if (a->n * b->n > LT_MAX_SET)
        return 0;
    lt_set r = {NULL, 0, 1};
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++) {
            size_t la = strlen(a->s[i]), lb = strlen(b->s[j]);
            if (la + lb > LT_MAX_LEN) {
                lt_free(&r);
                return 0;
            }
            char buf[LT_MAX_LEN + 1];
            memcpy(buf, a->s[i], la);
            memcpy(buf + la, b->s[j], lb);
            if (lt_add(ps, &r, buf, la + lb) < 0) {
                lt_free(&r);
                return 0;
            }
        }
    *out = r;
    return 1;
}

/* Union of b into a (b consumed); 0 when it exceeds the cap. */
static int lt_union(lt_parser *ps, lt_set *a, lt_set *b)
{
    int ok = 1;
    for (size_t i = 0; i < b->n && ok; i++)
        ok = lt_add(ps, a, b->s[i], strlen(b->s[i])) == 0 && a->n <= LT_MAX_UNION;
    lt_free(b);
    return ok;
}

/* ---- lexing ----------------------------------------------------------------------------- */

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
    if (c == 'p' || c == 'P') {
        if (*ps->p == '{')
            lt_skip_braced(ps, '{', '}');
        else if (*ps->p)
            ps->p++;
        return lt_none();
    }
    if ((c >= '1' && c <= '9') || c == 'g' || c == 'k') {
        ps->flags |= PC_LITF_BACKREF;
        if (c == 'k' || c == 'g') {
            char open = *ps->p, close = open == '<' ? '>' : open == '{' ? '}' : '\'';
            if (open == '<' || open == '{' || open == '\'')
                lt_skip_braced(ps, open, close);
            else
                while (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
                    ps->p++;
        } else {
            while (*ps->p >= '0' && *ps->p <= '9')
                ps->p++;
        }
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
    if (c == 'c') {
        if (*ps->p)
            ps->p++;
        return lt_none();
    }
    if (strchr("aefnrt", c))
        return lt_none();
    if ((unsigned char)c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        char lc = c;
        return lt_exact1(ps, &lc, 1); /* an escaped punctuation character is itself */
    }
    ps->giveup = 1; /* \Q, \E, \u ... : not followed */
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

/* A parenthesized group; ps->p is just past '('. */
static lt_set lt_group(lt_parser *ps)
{
    const char *p = ps->p;
    int lookaround = 0;
    if (*p == '*') {
        ps->giveup = 1;
        return lt_none();
    }
    if (*p == '?') {
        p++;
        if (*p == ':' || *p == '|' || *p == '>') {
            p++;
        } else if (*p == '=' || *p == '!') {
            lookaround = 1;
            p++;
        } else if (*p == '<' && (p[1] == '=' || p[1] == '!')) {
            lookaround = 1;
            p += 2;
        } else if (*p == '<' || *p == '\'' || (*p == 'P' && p[1] == '<')) {
            const char *e = *p == '\'' ? strchr(p + 1, '\'') : strchr(p, '>');
            if (!e) {
                ps->giveup = 1;
                return lt_none();
            }
            p = e + 1;
        } else if (*p == '#') {
            const char *e = strchr(p, ')');
            ps->p = e ? e + 1 : p + strlen(p);
            return lt_exact1(ps, "", 0);
        } else {
            size_t k = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-^");
            if (p[k] == ')') { /* (?flags): options for the rest, handled by the pre-scan */
                ps->p = p + k + 1;
                return lt_exact1(ps, "", 0);
            }
            if (p[k] != ':' || k == 0) {
                ps->giveup = 1; /* recursion, conditionals, callouts */
                return lt_none();
            }
            p += k + 1;
        }
    }
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
        lt_free(&a);
        a = lt_exact1(ps, "", 0);
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
        lt_skip_class(ps);
        return lt_none();
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

/* lt_seq: a branch being read. Owns run and best. */
typedef struct lt_seq {
    lt_set run;  /* the exact strings of the current unbroken stretch */
    lt_set best; /* the rarest required set so far */
    int broken;  /* the branch is not one exact set */
} lt_seq;

static void lt_break(lt_parser *ps, lt_seq *q)
{
    lt_consider(&q->best, &q->run);
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
    if (a->exact && a->n == 1 && !a->s[0][0]) { /* zero-width */
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
        lt_consider(&q->best, a);
        return;
    }
    lt_extend(ps, q, a);
    if (quant && !(min == 1 && max == 1))
        lt_break(ps, q); /* the first repetition is required, the rest may vary */
}

static lt_set lt_branch(lt_parser *ps)
{
    lt_seq q = {lt_exact1(ps, "", 0), lt_none(), 0};
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
        return q.run;
    }
    lt_consider(&q.best, &q.run);
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
        if (!lt_union(ps, &acc, &b))
            dead = 1;
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
    if (ps.caseless) /* literals gathered before an inline (?i) may still hold capitals */
        for (size_t i = 0; i < a.n; i++)
            for (char *c = a.s[i]; *c; c++)
                if (*c >= 'A' && *c <= 'Z')
                    *c = (char)(*c - 'A' + 'a');
    lt_minimize(&a);
    out->lits = a.s;
    out->nlits = a.n;
    out->caseless = ps.caseless;
    out->source = PC_LIT_DERIVED;
    return 0;
}

int pc_lit_declare(const char *literal, int caseless, pc_rule_lits *out)
{
    out->lits = calloc(1, sizeof *out->lits);
    if (!out->lits || !(out->lits[0] = pc_strdup(literal))) {
        free(out->lits);
        out->lits = NULL;
        return -1;
    }
    out->nlits = 1;
    out->caseless = caseless;
    out->source = PC_LIT_DECLARED;
    for (char *c = out->lits[0]; *c; c++) {
        if (caseless && (unsigned char)*c >= 0x80) {
            pc_lit_free(out); /* non-ASCII folds beyond what the scan knows: no literal */
            out->source = PC_LIT_NONE;
            return 0;
        }
        if (caseless && *c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    }
    return 0;
}

void pc_lit_free(pc_rule_lits *l)
{
    for (size_t i = 0; i < l->nlits; i++)
        free(l->lits[i]);
    free(l->lits);
    l->lits = NULL;
    l->nlits = 0;
}
