/* compare_contra.c: contradictions inside one policy, from statement frames
 * (classify/frame.h).
 *
 * A contradiction is a restriction and a practice of the same policy that cannot both hold:
 * - the restriction is the company's: "we do not sell your data" (does not: high), "we share
 *   it only with your consent" / "not ... without your consent" (medium), or a practice stated
 *   as done with consent ("we send offers with your authorization": medium, and only against a
 *   practice that says it needs none: "automatically", "by default"), or a disclosure to named
 *   recipients of nothing but data that is not personal ("we share information with
 *   advertisers only in aggregated form": medium, against personal data to them), or an
 *   action done only for a purpose the ontology knows ("we use your email address solely for
 *   security": medium, against the same action on that data for another purpose). A
 *   restriction with an exception ("except as described here", "unless required by law") is
 *   not one: its exception may be what reconciles it; nor is one that holds only in a
 *   circumstance ("if the user is under 13, we do not ...");
 * - the practice is the company's too, stated as done or possibly done, without a condition
 *   that separates it (consent, the person's request, a legal duty, a business transfer);
 * - the practice falls within the restriction, field by field, under the ontology's
 *   subsumption: its action is the restricted one or a kind of it (sharing for advertising
 *   counts as selling where the ontology says so, and so does letting unnamed third parties
 *   or partners take data through the company's service); where the restriction names data
 *   types, recipients or purposes, the practice names one within them (recipients imply
 *   purposes: advertisers, advertising); its data is personal ("aggregated statistics" are
 *   not) and known ("it", "functional widgets" are not).
 * One finding per clash: a restricting clause, up to PC_MAX_CITED practices (its message
 * counts them all), with the frames of each; restricting clauses that clash with the same
 * practices ("we will not sell your data", "we do not sell personal information for money")
 * are one finding that cites them all, the strongest first. Clauses with the same text are
 * read once, and
 * practices are indexed by action, so the work follows the number of distinct statements.
 */
#include "compare/compare_internal.h"
#include "util/hash.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PC_MAX_CITED   32
#define CC_MAX_COUNTED 10000 /* practices counted for one restriction */

/* The kind of restriction a frame is, strongest first. */
typedef enum cc_kind {
    CC_NONE = 0,
    CC_NEVER,
    CC_ONLY_WITH_CONSENT,
    CC_DONE_WITH_CONSENT,
    CC_ONLY_NOT_PERSONAL, /* "we share only aggregated data with advertisers" */
    CC_ONLY_PURPOSE       /* "we use your email address only for security" */
} cc_kind;

/* cc_run: one policy's search. Owns its arrays; borrows the policy and the ontology. */
typedef struct cc_run {
    pc_comparison *c;
    int pi;
    const pc_policy *p;
    const pc_frames *fs;
    const pc_ontology *o;
    uint32_t *canon; /* per clause: the first clause with the same text */
    uint32_t *bucket; /* practice frames grouped by action: bucket[first[a] .. first[a + 1])
                         (32 bits, as pc_frame's indexes) */
    size_t *bfirst;
    unsigned char *distinguished; /* per action: the policy tells it apart (cc_distinguish) */
    int unnamed[2]; /* the recipients that name no kind of third party: "third parties",
                       "partners" (ontology entries, or -1) */
} cc_run;

/* ---- what a frame is ------------------------------------------------------------------ */

/* Flags that scope a restriction to something the ontology does not know, or soften it. */
#define CC_NOT_FIRM                                                                                \
    (PC_FRAME_NOT_PERSONAL | PC_FRAME_OBJECT_UNKNOWN | PC_FRAME_SOFTENED | PC_FRAME_EXCLUSIVE |    \
     PC_FRAME_DATA_QUALIFIED | PC_FRAME_RECIPIENT_UNKNOWN | PC_FRAME_PURPOSE_UNKNOWN |             \
     PC_FRAME_LEAD_IN | PC_FRAME_SOURCE | PC_FRAME_NO_SUBJECT | PC_FRAME_LEGAL_SENSE)

/* The flags of f that count: an action not about data (sending messages) is not scoped by its
 * object or its data types; an action meant in a law's sense is as firm as any where the
 * ontology states that sense (sell: implied by sharing with advertisers), and scoped to
 * something unknown elsewhere. */
static unsigned cc_flags(const pc_ontology *o, const pc_frame *f)
{
    const pc_onto_entry *e = &o->e[PC_ONTO_ACTION][f->action];
    unsigned data = PC_FRAME_NOT_PERSONAL | PC_FRAME_OBJECT_UNKNOWN | PC_FRAME_DATA_QUALIFIED;
    unsigned flags = e->no_data ? f->flags & ~data : f->flags;
    return e->nby_recipient || e->nby_purpose ? flags & ~PC_FRAME_LEGAL_SENSE : flags;
}

/* Whether rf names a purpose that narrows it. */
static int cc_names_purpose(const pc_frames *fs, const pc_frame *rf)
{
    for (size_t i = 0; i < rf->nterms; i++) {
        const pc_frame_term *t = &fs->terms[rf->term_first + i];
        if (t->dim == PC_ONTO_PURPOSE && !fs->onto->e[PC_ONTO_PURPOSE][t->entry].no_narrowing)
            return 1;
    }
    return 0;
}

/* A disclosure to named recipients stated as done with nothing but data that is not personal
 * ("we share information with advertisers only in aggregated form"): it says that no
 * personal data goes to them, a restriction scoped like the frame but for its data. Without
 * recipients ("we only use the aggregated data") it is too often scoped by the sentence
 * before. */
#define CC_ONLY_ANONYMOUS (PC_FRAME_NOT_PERSONAL | PC_FRAME_EXCLUSIVE)

static cc_kind cc_restriction(const pc_frames *fs, const pc_frame *f)
{
    const pc_ontology *o = fs->onto;
    unsigned scope = cc_flags(o, f) & CC_NOT_FIRM;
    if (f->actor != PC_ACTOR_WE ||
        (scope && scope != CC_ONLY_ANONYMOUS && !(f->flags & PC_FRAME_ONLY_PURPOSE)))
        return CC_NONE;
    unsigned limits =
        f->conditions & (PC_COND_LAW | PC_COND_TRANSFER | PC_COND_EXCEPTION | PC_COND_CIRCUMSTANCE);
    int done = f->modality == PC_MOD_DOES || f->modality == PC_MOD_MAY;
    int plain = done && !limits && !(f->conditions & (PC_COND_CONSENT | PC_COND_REQUEST));
    if (scope == CC_ONLY_ANONYMOUS)
        return plain && pc_frame_names(fs, f, PC_ONTO_RECIPIENT) ? CC_ONLY_NOT_PERSONAL : CC_NONE;
    if (scope)
        return plain && scope == PC_FRAME_EXCLUSIVE && cc_names_purpose(fs, f)
                   ? CC_ONLY_PURPOSE
                   : CC_NONE;
    if (f->modality == PC_MOD_DOES_NOT && !limits)
        return CC_NEVER;
    if (f->modality == PC_MOD_NOT_UNLESS && !limits &&
        (f->conditions & (PC_COND_CONSENT | PC_COND_REQUEST)))
        return CC_ONLY_WITH_CONSENT;
    if (done && !limits && (f->conditions & PC_COND_CONSENT) &&
        !(f->conditions & PC_COND_AUTOMATIC))
        return CC_DONE_WITH_CONSENT;
    return CC_NONE;
}

static int cc_practice(const pc_ontology *o, const pc_frame *f)
{
    return f->actor == PC_ACTOR_WE && (f->modality == PC_MOD_DOES || f->modality == PC_MOD_MAY) &&
           !(f->conditions &
             (PC_COND_CONSENT | PC_COND_REQUEST | PC_COND_LAW | PC_COND_TRANSFER)) &&
           !(cc_flags(o, f) & (PC_FRAME_NOT_PERSONAL | PC_FRAME_OBJECT_UNKNOWN | PC_FRAME_LEAD_IN));
}

/* ---- within ---------------------------------------------------------------------------- */

/* Whether frame s names a term of dimension d under one of rf's terms of d (with `specific`,
 * only rf's terms below a root of the ontology count: "credit card information" restricts
 * credit cards, not information). */
static int cc_within_terms(const cc_run *r, const pc_frame *rf, const pc_frame *s, pc_onto_dim d,
                           int specific)
{
    for (size_t i = 0; i < rf->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[rf->term_first + i];
        if (t->dim != d || (specific && r->o->e[d][t->entry].nparents == 0))
            continue;
        if (pc_frame_has_under(r->fs, s, d, t->entry))
            return 1;
    }
    return 0;
}

/* Whether s names a purpose under purpose e, itself or through a recipient that implies it. */
static int cc_purpose_under(const cc_run *r, const pc_frame *s, int e)
{
    if (pc_frame_has_under(r->fs, s, PC_ONTO_PURPOSE, e))
        return 1;
    for (size_t i = 0; i < s->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[s->term_first + i];
        const pc_onto_entry *x = &r->o->e[t->dim][t->entry];
        for (size_t k = 0; t->dim == PC_ONTO_RECIPIENT && k < x->nimplies; k++)
            if (pc_onto_under(r->o, PC_ONTO_PURPOSE, x->implies[k], e))
                return 1;
    }
    return 0;
}

static int cc_purposes_within(const cc_run *r, const pc_frame *rf, const pc_frame *s)
{
    for (size_t i = 0; i < rf->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[rf->term_first + i];
        if (t->dim == PC_ONTO_PURPOSE && !r->o->e[PC_ONTO_PURPOSE][t->entry].no_narrowing &&
            cc_purpose_under(r, s, t->entry))
            return 1;
    }
    return 0;
}

/* Whether s names a purpose that narrows it and is neither a kind of one of rf's nor one they
 * are a kind of ("for marketing" against "only for security"). */
static int cc_other_purpose(const cc_run *r, const pc_frame *rf, const pc_frame *s)
{
    for (size_t i = 0; i < s->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[s->term_first + i];
        if (t->dim != PC_ONTO_PURPOSE || r->o->e[PC_ONTO_PURPOSE][t->entry].no_narrowing)
            continue;
        int related = 0;
        for (size_t j = 0; j < rf->nterms && !related; j++) {
            const pc_frame_term *u = &r->fs->terms[rf->term_first + j];
            related = u->dim == PC_ONTO_PURPOSE &&
                      (pc_onto_under(r->o, PC_ONTO_PURPOSE, t->entry, u->entry) ||
                       pc_onto_under(r->o, PC_ONTO_PURPOSE, u->entry, t->entry));
        }
        if (!related)
            return 1;
    }
    return 0;
}

/* Whether the data r restricts are named specifically (not just "personal information"). */
static int cc_specific_data(const cc_run *r, const pc_frame *f)
{
    for (size_t i = 0; i < f->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[f->term_first + i];
        if (t->dim == PC_ONTO_DATA && r->o->e[PC_ONTO_DATA][t->entry].nparents > 0)
            return 1;
    }
    return 0;
}

/* Whether f names data that is not personal, beside other data ("non-identifying usage
 * data"): the data a restriction to such data allows. */
static int cc_names_not_personal(const cc_run *r, const pc_frame *f)
{
    for (size_t i = 0; i < f->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[f->term_first + i];
        if (t->dim == PC_ONTO_DATA && r->o->e[PC_ONTO_DATA][t->entry].not_personal)
            return 1;
    }
    return 0;
}

static int cc_agent(const cc_run *r, const pc_frame *s);

/* Whether the implication's exceptions cover s: every recipient it names acts for the company
 * (service providers, affiliates), or it says its recipients act "on our behalf". */
static int cc_excepted(const cc_run *r, const pc_onto_entry *e, const pc_frame *s)
{
    if (cc_agent(r, s) >= 0)
        return 1;
    int any = 0;
    for (size_t i = 0; i < s->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[s->term_first + i];
        if (t->dim != PC_ONTO_RECIPIENT)
            continue;
        int excepted = 0;
        for (size_t k = 0; k < e->nby_except && !excepted; k++)
            excepted = pc_onto_under(r->o, PC_ONTO_RECIPIENT, t->entry, e->by_except[k]);
        if (!excepted)
            return 0;
        any = 1;
    }
    return any;
}

/* Whether s names one of r->unnamed ("third parties", "partners") and no kind of third party
 * the ontology knows beside it but the exceptions of implication e ("our service providers
 * and other third parties": the others are third parties still). */
static int cc_unnamed_recipients(const cc_run *r, const pc_onto_entry *e, const pc_frame *s)
{
    int any = 0;
    for (size_t i = 0; i < s->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[s->term_first + i];
        if (t->dim != PC_ONTO_RECIPIENT)
            continue;
        int unnamed = t->entry == r->unnamed[0] || t->entry == r->unnamed[1], excepted = 0;
        for (size_t k = 0; k < e->nby_except && !unnamed && !excepted; k++)
            excepted = pc_onto_under(r->o, PC_ONTO_RECIPIENT, t->entry, e->by_except[k]);
        if (!unnamed && !excepted)
            return 0;
        any |= unnamed;
    }
    return any;
}

/* Whether practice s, of a parent action of b, is b by the ontology's implied_by (sharing with
 * advertisers is selling), or is the company letting unnamed third parties or partners take
 * data through its service (PC_FRAME_BY_OTHERS) for an action the law reads as making data
 * available to third parties at all (one with implied_by: selling): "third parties we work
 * with may collect your device data through our app" is no service provider's work unless
 * the policy says so (the implication's exceptions, "on our behalf"); a kind the ontology
 * knows says its own use (analytics providers may act for the company). */
static int cc_implies(const cc_run *r, const pc_frame *s, int b)
{
    const pc_onto_entry *e = &r->o->e[PC_ONTO_ACTION][b];
    if (s->action == b || !pc_onto_under(r->o, PC_ONTO_ACTION, b, s->action) ||
        cc_excepted(r, e, s))
        return 0;
    for (size_t k = 0; k < e->nby_recipient; k++)
        if (pc_frame_has_under(r->fs, s, PC_ONTO_RECIPIENT, e->by_recipient[k]))
            return 1;
    if (e->nby_recipient && (s->flags & PC_FRAME_BY_OTHERS) && cc_unnamed_recipients(r, e, s))
        return 1;
    /* a purpose alone implies it only in a statement of its own: a list of purposes under
     * "we collect, use and disclose it for:" does not say to whom */
    for (size_t k = 0; !(s->flags & PC_FRAME_INHERITED) && k < e->nby_purpose; k++)
        if (cc_purpose_under(r, s, e->by_purpose[k]))
            return 1;
    return 0;
}

/* Whether practice s, of a parent action of restriction rf's, is rf's action in the sense of
 * the law rf cites: "we do not sell personal information to third parties, as the CCPA
 * defines it" restricts making it available to those third parties at all, so sharing with
 * them is selling unless they act for the company (the implication's exceptions). The
 * recipients themselves are checked by cc_within. */
static int cc_legal_sense(const cc_run *r, const pc_frame *rf, const pc_frame *s)
{
    const pc_onto_entry *e = &r->o->e[PC_ONTO_ACTION][rf->action];
    return (rf->flags & PC_FRAME_LEGAL_SENSE) && pc_frame_names(r->fs, rf, PC_ONTO_RECIPIENT) &&
           s->action != rf->action && pc_onto_under(r->o, PC_ONTO_ACTION, rf->action, s->action) &&
           (e->nby_recipient || e->nby_purpose) && !cc_excepted(r, e, s);
}

/* Whether action a of practice s counts as the action of restriction rf: a kind of it, or
 * implying it where the policy does not itself tell the two apart, or it in the law's sense
 * rf cites. A restriction in a law's narrower sense (PC_FRAME_LEGAL_NARROW) is met only by
 * the action itself: what implies the word need not meet that law's definition. */
static int cc_action_within(const cc_run *r, const pc_frame *rf, const pc_frame *s)
{
    int b = rf->action;
    return pc_onto_under(r->o, PC_ONTO_ACTION, s->action, b) ||
           (!r->distinguished[b] && !(rf->flags & PC_FRAME_LEGAL_NARROW) &&
            (cc_implies(r, s, b) || cc_legal_sense(r, rf, s)));
}

/* Actions the policy tells apart from what implies them: one clause restricts the action and
 * states a practice that would imply it ("we do not sell your data, but we share it for
 * targeted advertising"). */
static void cc_distinguish(cc_run *r)
{
    for (size_t k = 0; k < r->p->outline->nclauses; k++)
        for (size_t i = r->fs->first[k]; i < r->fs->first[k + 1]; i++) {
            const pc_frame *rf = &r->fs->v[i];
            if (rf->modality != PC_MOD_DOES_NOT && rf->modality != PC_MOD_NOT_UNLESS)
                continue;
            for (size_t j = r->fs->first[k]; j < r->fs->first[k + 1]; j++) {
                const pc_frame *s = &r->fs->v[j];
                if (j != i && s->actor == PC_ACTOR_WE &&
                    (s->modality == PC_MOD_DOES || s->modality == PC_MOD_MAY) &&
                    cc_implies(r, s, rf->action))
                    r->distinguished[rf->action] = 1;
            }
        }
}

/* The agent recipient s names ("on our behalf"), or -1. */
static int cc_agent(const cc_run *r, const pc_frame *s)
{
    for (size_t i = 0; i < s->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[s->term_first + i];
        if (t->dim == PC_ONTO_RECIPIENT && r->o->e[PC_ONTO_RECIPIENT][t->entry].agent)
            return t->entry;
    }
    return -1;
}

/* Whether the recipients of s fall within rf's. When s says its recipients act "on our
 * behalf", they are that agent, whatever else it calls them. */
static int cc_recipients_within(const cc_run *r, const pc_frame *rf, const pc_frame *s)
{
    int agent = cc_agent(r, s);
    if (agent < 0)
        return cc_within_terms(r, rf, s, PC_ONTO_RECIPIENT, 0);
    for (size_t i = 0; i < rf->nterms; i++) {
        const pc_frame_term *t = &r->fs->terms[rf->term_first + i];
        if (t->dim == PC_ONTO_RECIPIENT && pc_onto_under(r->o, PC_ONTO_RECIPIENT, agent, t->entry))
            return 1;
    }
    return 0;
}

/* Whether practice s falls within restriction rf (of kind k). */
static int cc_within(const cc_run *r, const pc_frame *rf, cc_kind k, const pc_frame *s)
{
    if (s->clause == rf->clause || !cc_practice(r->o, s) || !cc_action_within(r, rf, s))
        return 0;
    if (k == CC_DONE_WITH_CONSENT && !(s->conditions & PC_COND_AUTOMATIC))
        return 0;
    if (k == CC_ONLY_NOT_PERSONAL ? cc_names_not_personal(r, s)
                                  : !r->o->e[PC_ONTO_ACTION][rf->action].no_data &&
                                        cc_specific_data(r, rf) &&
                                        !cc_within_terms(r, rf, s, PC_ONTO_DATA, 1))
        return 0;
    if (pc_frame_names(r->fs, rf, PC_ONTO_RECIPIENT) && !cc_recipients_within(r, rf, s))
        return 0;
    if (k == CC_ONLY_PURPOSE)
        return cc_other_purpose(r, rf, s);
    return !cc_names_purpose(r->fs, rf) || cc_purposes_within(r, rf, s);
}

/* ---- the search ------------------------------------------------------------------------- */

/* The practices conflicting with the restriction frames of clause k: up to PC_MAX_CITED
 * distinct clauses into refs/frames (after the restriction itself at [0]), all counted. */
typedef struct cc_found {
    pc_ref refs[1 + PC_MAX_CITED];
    size_t frames[1 + PC_MAX_CITED];
    size_t nrefs, total;
    cc_kind kind; /* the strongest restriction that found one */
} cc_found;

static int cc_cited(const cc_found *x, size_t clause)
{
    for (size_t i = 0; i < x->nrefs; i++)
        if (x->refs[i].clause == clause)
            return 1;
    return 0;
}

static void cc_restriction_frame(const cc_run *r, size_t fi, cc_found *x)
{
    const pc_frame *rf = &r->fs->v[fi];
    cc_kind k = cc_restriction(r->fs, rf);
    if (k == CC_NONE)
        return;
    size_t na = r->o->n[PC_ONTO_ACTION], before = x->total;
    for (size_t a = 0; a < na && x->total < CC_MAX_COUNTED; a++) {
        if (!pc_onto_under(r->o, PC_ONTO_ACTION, (int)a, rf->action) &&
            !pc_onto_under(r->o, PC_ONTO_ACTION, rf->action, (int)a))
            continue;
        for (size_t j = r->bfirst[a]; j < r->bfirst[a + 1]; j++) {
            const pc_frame *s = &r->fs->v[r->bucket[j]];
            if (!cc_within(r, rf, k, s) || cc_cited(x, s->clause))
                continue;
            x->total++;
            if (x->nrefs < 1 + PC_MAX_CITED) {
                x->refs[x->nrefs] = (pc_ref){r->pi, s->clause, -1};
                x->frames[x->nrefs++] = r->bucket[j];
            }
        }
    }
    if (x->total > before && (x->kind == CC_NONE || k < x->kind)) {
        x->kind = k;
        x->frames[0] = fi;
    }
}

/* Whether y cites the same practice clauses as x (every one counted, none past the cited). */
static int cc_same_practices(const cc_found *x, const cc_found *y)
{
    if (x->total != y->total || x->nrefs != y->nrefs || x->total != x->nrefs - 1)
        return 0;
    for (size_t i = 1; i < y->nrefs; i++)
        if (!cc_cited(x, y->refs[i].clause))
            return 0;
    return 1;
}

/* The finding of group[0] (with the restrictions of group[1 .. n) that clash with the same
 * practices): its restrictions first, then its practices. */
static int cc_finding(cc_run *r, cc_found *const *group, size_t n)
{
    const cc_found *x = group[0];
    const pc_frame *rf = &r->fs->v[x->frames[0]];
    const pc_onto_entry *act = &r->o->e[PC_ONTO_ACTION][rf->action];
    size_t nrefs = n + x->nrefs - 1;
    pc_ref *refs = malloc(nrefs * sizeof *refs);
    size_t *frames = malloc(nrefs * sizeof *frames);
    if (!refs || !frames) {
        free(refs);
        free(frames);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        refs[i] = group[i]->refs[0];
        frames[i] = group[i]->frames[0];
    }
    memcpy(refs + n, x->refs + 1, (x->nrefs - 1) * sizeof *refs);
    memcpy(frames + n, x->frames + 1, (x->nrefs - 1) * sizeof *frames);
    char ea[200], eb[200], more[64] = "", also[64] = "";
    pc_policy_excerpt(r->p, x->refs[0].clause, 150, ea, sizeof ea);
    pc_policy_excerpt(r->p, x->refs[1].clause, 150, eb, sizeof eb);
    if (x->total > 1)
        snprintf(more, sizeof more, ", and %zu more clause%s", x->total - 1,
                 x->total > 2 ? "s" : "");
    if (n > 1)
        snprintf(also, sizeof also, "; the same restriction in %zu more clause%s", n - 1,
                 n > 2 ? "s" : "");
    static const char *const how[] = {"", "does not", "only with consent", "with consent",
                                      "only data that is not personal", "only for its purpose"};
    static const char *const other_how[] = {"",          "does", "does", "without asking",
                                            "personal data", "for another purpose"};
    const char *other = other_how[x->kind];
    pc_severity sev = x->kind == CC_NEVER ? PC_SEV_HIGH : PC_SEV_MEDIUM;
    int rc = pc_cmp_add(r->c, PC_FIND_CONTRADICTION, sev, act->category, refs, nrefs,
                        "%s: \"%s\" (%s) vs \"%s\" (%s)%s%s", act->name, ea, how[x->kind], eb,
                        other, more, also);
    free(refs);
    if (rc < 0) {
        free(frames);
        return -1;
    }
    pc_finding *f = &r->c->findings[r->c->nfindings - 1];
    f->frames = frames;
    f->nrestrictions = n;
    return 0;
}

/* A key of the practices x cites, the same whatever their order; 0 when x counted more than it
 * cites (such a finding stands alone). */
static unsigned long long cc_practices_key(const cc_found *x)
{
    if (x->total != x->nrefs - 1)
        return 0;
    unsigned long long key = x->total;
    for (size_t i = 1; i < x->nrefs; i++)
        key += pc_fnv64(PC_FNV_SEED, &x->refs[i].clause, sizeof x->refs[i].clause);
    return key | 1u;
}

/* The findings of the restrictions order[0 .. n) (same key, clause order): those citing the
 * same practices as one, led by the strongest (the first of the strongest kind). group has
 * room for n. */
static int cc_findings_run(cc_run *r, cc_found *found, const pc_keyed *order, size_t n,
                           unsigned char *done, cc_found **group)
{
    for (size_t a = 0; a < n; a++) {
        size_t i = order[a].at, m = 0, lead = 0;
        if (done[i])
            continue;
        for (size_t b = a; b < n; b++) {
            size_t j = order[b].at;
            if (j != i && (done[j] || !order[a].key || !cc_same_practices(&found[i], &found[j])))
                continue;
            done[j] = 1;
            if (m == 0 || found[j].kind < group[lead]->kind)
                lead = m;
            group[m++] = &found[j];
        }
        cc_found *first = group[lead];
        memmove(group + 1, group, lead * sizeof *group);
        group[0] = first;
        if (cc_finding(r, group, m) < 0)
            return -1;
    }
    return 0;
}

/* One finding per clash: restrictions that clash with the same practices are one finding;
 * found[i] are in clause order. Grouped by sorting on the practices' key, so the work is
 * n log n for n restrictions that found practices. */
static int cc_findings(cc_run *r, cc_found *found, size_t n)
{
    pc_keyed *order = malloc((n ? n : 1) * sizeof *order);
    cc_found **group = malloc((n ? n : 1) * sizeof *group);
    unsigned char *done = calloc(n ? n : 1, 1);
    int rc = order && group && done ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++)
        order[i] = (pc_keyed){cc_practices_key(&found[i]), i};
    if (rc == 0)
        qsort(order, n, sizeof *order, pc_keyed_cmp);
    for (size_t a = 0, b; rc == 0 && a < n; a = b) {
        for (b = a + 1; b < n && order[b].key == order[a].key; b++)
            ;
        rc = cc_findings_run(r, found, order + a, b - a, done, group);
    }
    free(order);
    free(group);
    free(done);
    return rc;
}

/* ---- setting up ----------------------------------------------------------------------- */

/* The practice frames of distinct clauses, grouped by action. */
static int cc_buckets(cc_run *r)
{
    size_t na = r->o->n[PC_ONTO_ACTION];
    r->bfirst = calloc(na + 2, sizeof *r->bfirst);
    r->bucket = malloc((r->fs->n ? r->fs->n : 1) * sizeof *r->bucket);
    if (!r->bfirst || !r->bucket)
        return -1;
    for (size_t i = 0; i < r->fs->n; i++) {
        const pc_frame *f = &r->fs->v[i];
        if (cc_practice(r->o, f) && r->canon[f->clause] == f->clause)
            r->bfirst[f->action + 2]++;
    }
    for (size_t a = 0; a < na; a++)
        r->bfirst[a + 2] += r->bfirst[a + 1];
    for (size_t i = 0; i < r->fs->n; i++) {
        const pc_frame *f = &r->fs->v[i];
        if (cc_practice(r->o, f) && r->canon[f->clause] == f->clause)
            r->bucket[r->bfirst[f->action + 1]++] = i;
    }
    return 0;
}

static int cc_policy(pc_comparison *c, size_t pi)
{
    const pc_policy *p = c->policies[pi];
    if (!p->frames || !p->frames->onto || !p->frames->n)
        return 0;
    cc_run r = {c, (int)pi, p, p->frames, p->frames->onto, NULL, NULL, NULL, NULL, {-1, -1}};
    r.unnamed[0] = pc_onto_find(r.o, PC_ONTO_RECIPIENT, "third-parties");
    r.unnamed[1] = pc_onto_find(r.o, PC_ONTO_RECIPIENT, "partners");
    r.distinguished = calloc(r.o->n[PC_ONTO_ACTION] + 1, 1);
    r.canon = pc_cmp_canon(p);
    int rc = r.distinguished && r.canon && cc_buckets(&r) == 0 ? 0 : -1;
    if (rc == 0)
        cc_distinguish(&r);
    cc_found *found = NULL;
    size_t nfound = 0, cap = 0;
    for (size_t k = 0; rc == 0 && k < p->outline->nclauses; k++) {
        if (r.canon[k] != k)
            continue;
        cc_found x = {.refs = {{(int)pi, k, -1}}, .nrefs = 1};
        for (size_t fi = r.fs->first[k]; fi < r.fs->first[k + 1]; fi++)
            cc_restriction_frame(&r, fi, &x);
        if (x.total && pc_grow(&found, &cap, nfound + 1, sizeof *found) < 0)
            rc = -1;
        else if (x.total)
            found[nfound++] = x;
    }
    if (rc == 0)
        rc = cc_findings(&r, found, nfound);
    free(found);
    free(r.canon);
    free(r.bucket);
    free(r.bfirst);
    free(r.distinguished);
    return rc;
}

int pc_cmp_contradictions(pc_comparison *c)
{
    for (size_t pi = 0; pi < c->npolicies; pi++)
        if (cc_policy(c, pi) < 0)
            return -1;
    return 0;
}
