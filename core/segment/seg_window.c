/* seg_window.c: a window of an outline as an outline of its own (segment.h). */
#include "segment/segment.h"

#include <stdlib.h>
#include <string.h>

int pc_outline_window_init(pc_outline_window *w, const pc_outline *ol, pc_error *err)
{
    memset(w, 0, sizeof *w);
    w->src = ol;
    w->secmap = malloc((ol->nsections ? ol->nsections : 1) * sizeof *w->secmap);
    if (!w->secmap) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    for (size_t s = 0; s < ol->nsections; s++)
        w->secmap[s] = -1;
    w->ol.doc = ol->doc;
    w->ol.title = ol->title;
    return 0;
}

void pc_outline_window_free(pc_outline_window *w)
{
    free(w->secmap);
    free(w->sec_src);
    free(w->lead_src);
    free(w->ol.sections);
    free(w->ol.clauses);
    memset(w, 0, sizeof *w);
}

/* Section s of the source in the window, after its parents: its index there; -1 for none,
 * -2 out of memory. */
static int pc_window_section(pc_outline_window *w, int s)
{
    const pc_outline *src = w->src;
    if (s < 0 || (size_t)s >= src->nsections)
        return -1;
    if (w->secmap[s] >= 0)
        return w->secmap[s];
    int parent = pc_window_section(w, src->sections[s].parent);
    size_t n = w->ol.nsections;
    if (parent == -2 || pc_grow(&w->ol.sections, &w->cap_sections, n + 1, sizeof(pc_section)) < 0 ||
        pc_grow(&w->sec_src, &w->cap_sec_src, n + 1, sizeof *w->sec_src) < 0)
        return -2;
    pc_section *sec = &w->ol.sections[n];
    *sec = src->sections[s];
    sec->parent = parent;
    sec->first_clause = sec->nclauses = 0;
    w->sec_src[n] = (size_t)s;
    w->ol.nsections++;
    return w->secmap[s] = (int)n;
}

/* Clause k of the source appended to the window, its section mapped, no lead-in. -1 on out
 * of memory. */
static int pc_window_add(pc_outline_window *w, size_t k)
{
    if (pc_grow(&w->ol.clauses, &w->cap_clauses, w->ol.nclauses + 1, sizeof(pc_clause)) < 0)
        return -1;
    pc_clause *c = &w->ol.clauses[w->ol.nclauses];
    *c = w->src->clauses[k];
    c->lead = -1;
    int sec = pc_window_section(w, c->section);
    c->section = sec;
    w->ol.nclauses++;
    return sec == -2 ? -1 : 0;
}

/* The window's index of lead-in `lead` (a source clause before the window), appended after
 * the window's own clauses the first time; -1 on out of memory. */
static int pc_window_lead(pc_outline_window *w, size_t lead)
{
    size_t extra = w->ol.nclauses - w->n, k = 0;
    while (k < extra && w->lead_src[k] != lead)
        k++;
    if (k < extra)
        return (int)(w->n + k);
    if (pc_grow(&w->lead_src, &w->cap_leads, extra + 1, sizeof *w->lead_src) < 0)
        return -1;
    w->lead_src[extra] = lead;
    return pc_window_add(w, lead) < 0 ? -1 : (int)(w->n + extra);
}

int pc_outline_window_set(pc_outline_window *w, size_t from, size_t to, pc_error *err)
{
    const pc_outline *src = w->src;
    for (size_t i = 0; i < w->ol.nsections; i++) /* forget the last window's sections */
        w->secmap[w->sec_src[i]] = -1;
    w->ol.nsections = w->ol.nclauses = 0;
    w->from = from;
    w->n = to - from;
    int rc = 0;
    for (size_t k = from; rc == 0 && k < to; k++)
        rc = pc_window_add(w, k);
    for (size_t k = from; rc == 0 && k < to; k++) {
        int lead = src->clauses[k].lead, at = -1;
        if (lead >= (int)from && (size_t)lead < to)
            at = lead - (int)from;
        else if (lead >= 0 && (size_t)lead < src->nclauses && (at = pc_window_lead(w, (size_t)lead)) < 0)
            rc = -1;
        w->ol.clauses[k - from].lead = at;
    }
    if (rc < 0)
        pc_error_set(err, "out of memory");
    return rc < 0 ? -1 : 0;
}
