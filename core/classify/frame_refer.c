/* frame_refer.c: data named by a reference to the sentence before ("We collect your email
 * address. We share this information with advertisers."): a frame whose only data is such a
 * reference (an anaphoric entry of the ontology) takes the data the frames of the clause
 * before it name, in the same section (frame_internal.h). And the name a policy uses most for
 * itself, whose frames are the company's. */
#include "classify/frame_internal.h"
#include "util/hash.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Whether term t is data that is personal and named, not a reference. */
static int rf_named_data(const pc_ontology *o, const pc_frame_term *t)
{
    return t->dim == PC_ONTO_DATA && !o->e[PC_ONTO_DATA][t->entry].anaphoric &&
           !o->e[PC_ONTO_DATA][t->entry].not_personal;
}

/* Whether frame f names data only by a reference. */
static int rf_refers(const pc_frames *fs, const pc_frame *f)
{
    int refers = 0;
    for (size_t t = 0; t < f->nterms; t++) {
        const pc_frame_term *x = &fs->terms[f->term_first + t];
        if (x->dim != PC_ONTO_DATA)
            continue;
        if (!fs->onto->e[PC_ONTO_DATA][x->entry].anaphoric)
            return 0;
        refers = 1;
    }
    return refers;
}

/* Whether clause k makes data not personal ("we may aggregate or de-identify it"): what a
 * reference to it names next is that data, not the data it started from. */
static int rf_made_anonymous(const pc_frames *fs, size_t k)
{
    static const char *const stems[] = {"aggregat", "anonymi", "de-identif", "deidentif",
                                        "pseudonymi"};
    const pc_clause *cl = &fs->outline->clauses[k];
    const char *s = fs->outline->doc->text + cl->start;
    size_t len = cl->end - cl->start;
    for (size_t i = 0; i < len; i++)
        for (size_t j = 0; j < sizeof stems / sizeof stems[0]; j++) {
            size_t n = strlen(stems[j]);
            if (i + n <= len && !strncasecmp(s + i, stems[j], n))
                return 1;
        }
    return 0;
}

/* The first frame of clause k that states a practice (not a restriction, whose data what
 * follows may say someone else handles) naming data of its own (not by a reference, not data
 * that is not personal, not narrowed), or -1; none when the clause makes its data anonymous. */
static long rf_antecedent(const pc_frames *fs, size_t k)
{
    if (rf_made_anonymous(fs, k))
        return -1;
    for (size_t i = fs->first[k]; i < fs->first[k + 1]; i++) {
        const pc_frame *f = &fs->v[i];
        if ((f->flags &
             (PC_FRAME_NOT_PERSONAL | PC_FRAME_DATA_QUALIFIED | PC_FRAME_OBJECT_UNKNOWN)) ||
            f->modality == PC_MOD_DOES_NOT || f->modality == PC_MOD_NOT_UNLESS)
            continue; /* "we do not collect card numbers; such data is collected by the store" */
        for (size_t t = 0; t < f->nterms; t++)
            if (rf_named_data(fs->onto, &fs->terms[f->term_first + t]))
                return (long)i;
    }
    return -1;
}

static int rf_push(pc_frames *fs, pc_frame_term t)
{
    if (pc_grow(&fs->terms, &fs->cap_terms, fs->nterms + 1, sizeof *fs->terms) < 0)
        return -1;
    fs->terms[fs->nterms++] = t;
    return 0;
}

/* Frame i's terms anew at the end of fs->terms: its own but the reference, then the data of
 * frame a. */
static int rf_resolve(pc_frames *fs, size_t i, size_t a)
{
    const pc_frame f = fs->v[i], g = fs->v[a];
    size_t first = fs->nterms;
    for (size_t t = 0; t < f.nterms; t++) {
        pc_frame_term x = fs->terms[f.term_first + t];
        if (!(x.dim == PC_ONTO_DATA && fs->onto->e[PC_ONTO_DATA][x.entry].anaphoric) &&
            rf_push(fs, x) < 0)
            return -1;
    }
    for (size_t t = 0; t < g.nterms; t++) {
        pc_frame_term x = fs->terms[g.term_first + t];
        if (rf_named_data(fs->onto, &x) && rf_push(fs, x) < 0)
            return -1;
    }
    fs->v[i].term_first = (uint32_t)first;
    fs->v[i].nterms = (uint32_t)(fs->nterms - first);
    fs->v[i].flags = (f.flags & ~PC_FRAME_OBJECT_UNKNOWN) | PC_FRAME_REFERRED;
    return 0;
}

int pc_fr_resolve_references(pc_frames *fs)
{
    const pc_outline *ol = fs->outline;
    for (size_t k = 1; ol && k < ol->nclauses; k++) {
        if (ol->clauses[k].section != ol->clauses[k - 1].section)
            continue;
        long a = -1;
        for (size_t i = fs->first[k]; i < fs->first[k + 1]; i++) {
            if (!rf_refers(fs, &fs->v[i]))
                continue;
            if (a < 0 && (a = rf_antecedent(fs, k - 1)) < 0)
                break;
            if (rf_resolve(fs, i, (size_t)a) < 0)
                return -1;
        }
    }
    return 0;
}

/* The name a policy uses most for itself as an actor is the company: its frames become the
 * company's ("Sirius XM does not sell" is "we do not sell"); other names stay named. Between
 * names used equally often, the one the policy uses first wins (never the hash's order). */
int pc_fr_own_name(pc_frames *fs)
{
    size_t n = 0, best_n = 0, best_at = 0;
    pc_keyed *names = malloc((fs->n ? fs->n : 1) * sizeof *names);
    unsigned long long best = 0;
    if (!names)
        return -1;
    for (size_t i = 0; i < fs->n; i++)
        if (fs->v[i].actor == PC_ACTOR_NAMED)
            names[n++] = (pc_keyed){fs->v[i].name, i};
    qsort(names, n, sizeof *names, pc_keyed_cmp);
    for (size_t lo = 0, hi; lo < n; lo = hi) {
        for (hi = lo + 1; hi < n && names[hi].key == names[lo].key; hi++)
            ;
        if (hi - lo > best_n || (hi - lo == best_n && names[lo].at < best_at)) {
            best = names[lo].key;
            best_n = hi - lo;
            best_at = names[lo].at;
        }
    }
    free(names);
    for (size_t i = 0; best && i < fs->n; i++)
        if (fs->v[i].actor == PC_ACTOR_NAMED && fs->v[i].name == best)
            fs->v[i].actor = PC_ACTOR_WE;
    return 0;
}
