/* prefilter_split.c: confirming a candidate rule branch by branch (see prefilter.h,
 * pc_pf_confirm).
 *
 * A pattern whose top-level branches each require their own literals ("a@b|suite|\(\d{3}\)")
 * is a candidate when any branch's literal occurs, and then PCRE2 used to try every branch at
 * every position, the dear ones too. Here each branch gets the distinct literals of the
 * database that stand for it (its gates: one of them occurs in any text the branch matches),
 * and a candidate text is matched with only the branches one of whose gates it holds. The
 * answer is the full pattern's: a branch without a gate in the text cannot match anywhere in
 * it, so the leftmost match of the full pattern starts where the leftmost of the live
 * branches' does, and at that start the first branch in pattern order that matches there
 * gives the same match alone as in the alternation (only the whole match's span is used,
 * never its groups).
 *
 * A pattern that is one group repeated n times ("(?:\b(?:cookies|security)\b.{0,200}?){4}")
 * is a candidate when one of the group's literals occurs once; it is confirmed only when they
 * occur n times in all (counted at distinct ends, as the n matches of the group each hold
 * one).
 *
 * A rule's branches are made when a batch first has many texts to confirm it on (deriving
 * their literals, compiling and JIT-compiling them), so neither loading the taxonomy nor
 * classifying a policy or two pays for them.
 */
#include "taxonomy/prefilter_internal.h"

#include <stdlib.h>
#include <string.h>

#define PF_MAX_BRANCHES 32

/* pc_prefilter.split's mark for a rule that is matched whole. */
static char pf_whole_mark;
#define PF_WHOLE ((pf_split *)(void *)&pf_whole_mark)

/* pf_split: a rule's branches, matched one by one, or (n 0) the count of its key literals'
 * occurrences a match needs. Owns code and the gate arrays. */
struct pf_split {
    size_t n;
    unsigned repeat; /* n 0: the pattern is a group repeated at least this many times */
    pcre2_code **code; /* per branch, JIT-compiled when JIT takes it */
    pcre2_code **ascii; /* per branch, its code for ASCII texts (pc_pf_ascii_compile) or NULL */
    size_t *gend;      /* branch b's gates: gid[b ? gend[b - 1] : 0 .. gend[b]); with n 0,
                          gend[0] of them: the key literals' ids */
    unsigned *gid;
    unsigned char *open; /* per branch: no gate stands for it, so it is always tried */
    unsigned char *jit;  /* per branch: its code is JIT-compiled */
};

static void pf_split_free(pf_split *sp)
{
    if (!sp || sp == PF_WHOLE)
        return;
    for (size_t b = 0; sp->code && b < sp->n; b++)
        pcre2_code_free(sp->code[b]);
    for (size_t b = 0; sp->ascii && b < sp->n; b++)
        pcre2_code_free(sp->ascii[b]);
    free(sp->code);
    free(sp->ascii);
    free(sp->gend);
    free(sp->gid);
    free(sp->open);
    free(sp->jit);
    free(sp);
}

static int pf_gate_push(pf_split *sp, size_t *cap, size_t *n, unsigned id)
{
    for (size_t k = sp->n ? sp->gend[sp->n - 1] : 0; k < *n; k++)
        if (sp->gid[k] == id)
            return 0;
    if (pc_grow(&sp->gid, cap, *n + 1, sizeof *sp->gid) < 0)
        return -1;
    sp->gid[(*n)++] = id;
    return 0;
}

/* The gates of a branch whose literals are bl, appended for branch sp->n: each literal
 * itself when it is in the database, else the rule's key literals inside it. A literal with
 * neither leaves the branch open. -1: out of memory. */
static int pf_branch_gates(const pc_prefilter *pf, const pc_rule_lits *key, const pc_rule_lits *bl,
                           pf_split *sp, size_t *cap, size_t *n)
{
    int open = !bl->nlits;
    for (size_t i = 0; i < bl->nlits && !open; i++) {
        unsigned id = pc_pf_lookup(pf, bl->lits[i], bl->caseless);
        size_t before = *n;
        if (id != UINT32_MAX) {
            if (pf_gate_push(sp, cap, n, id) < 0)
                return -1;
            continue;
        }
        for (size_t k = 0; k < key->nlits; k++)
            if (strstr(bl->lits[i], key->lits[k]) &&
                (id = pc_pf_lookup(pf, key->lits[k], key->caseless)) != UINT32_MAX &&
                pf_gate_push(sp, cap, n, id) < 0)
                return -1;
        open = *n == before;
    }
    sp->open[sp->n] = (unsigned char)open;
    sp->gend[sp->n++] = *n;
    return 0;
}

/* Branch pattern[from..to) compiled with opts, JIT-compiled when JIT takes it (then *jit is
 * 1); NULL when it does not compile. */
static pcre2_code *pf_branch_code(const char *pattern, size_t from, size_t to, uint32_t opts,
                                  unsigned char *jit)
{
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern + from, to - from, opts, &errcode, &erroff,
                                  NULL);
    *jit = c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) == 0; /* else the interpreter */
    return c;
}

/* Whether some branch's gates differ from the first's (else all are live together). */
static int pf_split_differs(const pf_split *sp)
{
    for (size_t b = 1; b < sp->n; b++)
        if (sp->open[b] != sp->open[0] || sp->gend[b] - sp->gend[b - 1] != sp->gend[0] ||
            memcmp(sp->gid + sp->gend[b - 1], sp->gid, sp->gend[0] * sizeof *sp->gid))
            return 1;
    return 0;
}

/* The count gate of a pattern repeating a group `repeat` times (0: none, PF_WHOLE): the ids
 * of the key literals, every one of which is in the database. NULL when out of memory. */
static pf_split *pf_repeat_make(const pc_prefilter *pf, const pc_rule_lits *key, unsigned repeat)
{
    if (!repeat)
        return PF_WHOLE;
    pf_split *sp = calloc(1, sizeof *sp);
    size_t cap = 0, ngid = 0;
    if (!sp || !(sp->gend = calloc(1, sizeof *sp->gend))) {
        pf_split_free(sp);
        return NULL;
    }
    sp->repeat = repeat;
    for (size_t k = 0; k < key->nlits; k++) {
        unsigned id = pc_pf_lookup(pf, key->lits[k], key->caseless);
        if (id == UINT32_MAX) { /* never so: then no gate */
            pf_split_free(sp);
            return PF_WHOLE;
        }
        if (pf_gate_push(sp, &cap, &ngid, id) < 0) {
            pf_split_free(sp);
            return NULL;
        }
    }
    sp->gend[0] = ngid;
    return sp;
}

/* Rule r's branches, or PF_WHOLE when it is matched whole; NULL when out of memory. */
static pf_split *pf_split_make(const pc_prefilter *pf, size_t r)
{
    const pc_rule *rule = pf->rules[r];
    const pc_rule_lits *key = &pf->lits[r];
    size_t start[PF_MAX_BRANCHES + 1];
    uint32_t opts = 0;
    if (!key->nlits || key->source != PC_LIT_DERIVED ||
        pcre2_pattern_info(rule->code, PCRE2_INFO_ARGOPTIONS, &opts) != 0 ||
        (opts & (PCRE2_EXTENDED | PCRE2_EXTENDED_MORE | PCRE2_LITERAL | PCRE2_AUTO_CALLOUT)))
        return PF_WHOLE;
    size_t n = pc_lit_branches(rule->pattern, start, PF_MAX_BRANCHES);
    if (!n)
        return pf_repeat_make(pf, key, pc_lit_repeat(rule->pattern));
    start[n] = strlen(rule->pattern) + 1;
    pf_split *sp = calloc(1, sizeof *sp);
    size_t cap = 0, ngid = 0;
    if (!sp || !(sp->code = calloc(n, sizeof *sp->code)) ||
        !(sp->ascii = calloc(n, sizeof *sp->ascii)) ||
        !(sp->gend = calloc(n, sizeof *sp->gend)) || !(sp->open = calloc(n, 1)) ||
        !(sp->jit = calloc(n, 1))) {
        pf_split_free(sp);
        return NULL;
    }
    for (size_t b = 0; b < n; b++) {
        size_t len = start[b + 1] - 1 - start[b];
        char *sub = malloc(len + 1);
        pc_rule_lits bl = {0};
        int rc = sub ? 0 : -1;
        if (sub) {
            memcpy(sub, rule->pattern + start[b], len);
            sub[len] = '\0';
            rc = pc_lit_derive(sub, rule->caseless, &bl);
        }
        rc = rc < 0 ? -1 : pf_branch_gates(pf, key, &bl, sp, &cap, &ngid);
        pc_lit_free(&bl);
        free(sub);
        if (rc < 0) {
            pf_split_free(sp);
            return NULL;
        }
        if (!(sp->code[b] = pf_branch_code(rule->pattern, start[b], start[b + 1] - 1, opts,
                                           &sp->jit[b]))) {
            pf_split_free(sp);
            return PF_WHOLE;
        }
        sp->ascii[b] =
            pc_pf_ascii_compile(rule->pattern + start[b], start[b + 1] - 1 - start[b], opts);
    }
    if (!pf_split_differs(sp)) {
        pf_split_free(sp);
        return PF_WHOLE;
    }
    return sp;
}

/* Rule r's branches once made; made here when `make` (see pc_prefilter_code for the
 * publishing), else PF_WHOLE until then. */
static const pf_split *pf_split_get(const pc_prefilter *pf, size_t r, int make)
{
    pf_split *sp = atomic_load_explicit(&pf->split[r], memory_order_acquire);
    if (sp || !make)
        return sp ? sp : PF_WHOLE;
    pf_split *made = pf_split_make(pf, r);
    if (!made)
        return PF_WHOLE; /* out of memory: match whole, and try again next time */
    if (atomic_compare_exchange_strong_explicit(&pf->split[r], &sp, made, memory_order_acq_rel,
                                                memory_order_acquire))
        return made;
    pf_split_free(made);
    return sp;
}

size_t pc_prefilter_branches(const pc_prefilter *pf, size_t i, unsigned *repeat)
{
    const pf_split *sp = i < pf->nrules ? pf_split_get(pf, i, 1) : PF_WHOLE;
    if (repeat)
        *repeat = sp == PF_WHOLE ? 0 : sp->repeat;
    return sp == PF_WHOLE ? 0 : sp->n;
}

void pc_pf_split_free(pc_prefilter *pf)
{
    for (size_t r = 0; pf->split && r < pf->nrules; r++)
        pf_split_free(atomic_load(&pf->split[r]));
    free(pf->split);
}

/* Is branch b live in a text whose seen literals are `seen`? */
static int pf_live(const pf_split *sp, size_t b, const uint64_t *seen)
{
    if (sp->open[b])
        return 1;
    for (size_t k = b ? sp->gend[b - 1] : 0; k < sp->gend[b]; k++)
        if ((seen[sp->gid[k] >> 6] >> (sp->gid[k] & 63)) & 1u)
            return 1;
    return 0;
}

/* The live branches of sp one by one: 1 with the leftmost match (the first branch of those
 * starting there) in *span, 0 for none, -1 when a branch hit a limit. */
static int pf_match_live(const pf_split *sp, const uint64_t *seen, const pc_prefilter_text *t,
                         pcre2_match_data *md, pcre2_match_context *mctx, pc_span *span)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    int found = 0;
    for (size_t b = 0; b < sp->n && !(found && span->start == 0); b++) {
        if (!pf_live(sp, b, seen))
            continue;
        int ascii = t->ascii && sp->ascii[b]; /* an ASCII code is JIT-compiled */
        const pcre2_code *code = ascii ? sp->ascii[b] : sp->code[b];
        int st = pc_pf_status(pc_pf_match(code, ascii || sp->jit[b], t, md, mctx));
        if (st < 0)
            return -1;
        if (st > 0 && (!found || ov[0] < span->start)) {
            *span = (pc_span){ov[0], ov[1]};
            found = 1;
        }
    }
    return found;
}

/* Does text t hold at least sp->repeat occurrences of the key literals? They cannot share an
 * end (no key literal is a suffix of another), so each match of the group holds its own. */
static int pf_enough(const pc_prefilter *pf, const pf_split *sp, const uint64_t *seen,
                     const pc_prefilter_text *t)
{
    unsigned count = 0;
    for (size_t k = 0; k < sp->gend[0]; k++) {
        unsigned u = sp->gid[k];
        if (!((seen[u >> 6] >> (u & 63)) & 1u))
            continue;
        for (size_t i = 0; i + pf->ulen[u] <= t->len; i++)
            if (pc_pf_lit_at(pf, u, t->s + i) && ++count >= sp->repeat)
                return 1;
    }
    return 0;
}

int pc_pf_confirm(const pc_prefilter *pf, size_t r, int make, const uint64_t *seen,
                  const pc_prefilter_text *t, pcre2_match_data *md, pcre2_match_context *mctx,
                  pc_span *span)
{
    const pf_split *sp = pf_split_get(pf, r, make);
    int live = 0;
    for (size_t b = 0; sp != PF_WHOLE && b < sp->n; b++)
        live += pf_live(sp, b, seen);
    int hazard = (seen[pf->nuniq >> 6] >> (pf->nuniq & 63)) & 1u;
    if (sp != PF_WHOLE && !hazard && !sp->n && !pf_enough(pf, sp, seen, t))
        return 0;
    if (sp != PF_WHOLE && !hazard && (size_t)live < sp->n) {
        int st = pf_match_live(sp, seen, t, md, mctx, span);
        if (st >= 0)
            return st;
    } /* a limit: the whole pattern decides, as it would have */
    return PC_PF_WHOLE;
}
