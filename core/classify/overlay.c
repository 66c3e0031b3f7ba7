/* overlay.c: see overlay.h. */
#include "classify/overlay.h"

#include "util/util.h"

#include <stdlib.h>

pc_overlay *pc_overlay_new(size_t nclauses)
{
    pc_overlay *o = calloc(1, sizeof *o);
    if (!o)
        return NULL;
    o->nclauses = nclauses;
    o->set = calloc(nclauses + 1, sizeof *o->set);
    o->first = calloc(nclauses + 1, sizeof *o->first);
    o->n = calloc(nclauses + 1, sizeof *o->n);
    if (!o->set || !o->first || !o->n) {
        pc_overlay_free(o);
        return NULL;
    }
    return o;
}

void pc_overlay_free(pc_overlay *o)
{
    if (!o)
        return;
    free(o->set);
    free(o->first);
    free(o->n);
    free(o->cats);
    free(o);
}

static int pc_overlay_has(const pc_overlay *o, size_t first, size_t n, int cat)
{
    for (size_t i = first; i < first + n; i++)
        if (o->cats[i] == cat)
            return 1;
    return 0;
}

int pc_overlay_set(pc_overlay *o, size_t clause, const int *cats, size_t n)
{
    if (clause >= o->nclauses || pc_grow(&o->cats, &o->cap, o->ncats + n, sizeof *o->cats) < 0)
        return -1;
    size_t first = o->ncats;
    for (size_t i = 0; i < n; i++)
        if (!pc_overlay_has(o, first, o->ncats - first, cats[i]))
            o->cats[o->ncats++] = cats[i];
    o->set[clause] = 1;
    o->first[clause] = first;
    o->n[clause] = o->ncats - first;
    return 0;
}

int pc_overlay_get(const pc_overlay *o, size_t clause, const int **cats, size_t *n)
{
    int set = o && clause < o->nclauses && o->set[clause];
    *cats = set && o->n[clause] ? o->cats + o->first[clause] : NULL;
    *n = set ? o->n[clause] : 0;
    return set;
}

size_t pc_overlay_count(const pc_overlay *o)
{
    size_t k = 0;
    for (size_t i = 0; o && i < o->nclauses; i++)
        k += o->set[i];
    return k;
}
