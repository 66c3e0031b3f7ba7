/* session.c: opening a session, comparing, writing (session.h). The reviewer's decisions are
 * session_review.c. */
#include "session/session_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pc_session_tell(const pc_session *s, int error, const char *fmt, ...)
{
    if (!s->note)
        return;
    char msg[PC_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    s->note(s->note_ctx, error, msg);
}

/* The review file, or an empty review that is never written. */
static int pc_session_open_review(pc_session *s, const pc_session_opts *o, pc_error *err)
{
    pc_error why = {{0}};
    s->review = o->review ? pc_review_load(o->review, &why) : pc_review_new(NULL);
    s->review_readonly = !o->review;
    s->review_file = o->review != NULL;
    if (s->review)
        return 0;
    if (!o->review || !o->review_lenient) {
        pc_error_set(err, "%s", o->review ? why.msg : "out of memory");
        return -1;
    }
    snprintf(s->review_error, sizeof s->review_error, "%s", why.msg);
    pc_session_tell(s, 1, "%s (the review file is left untouched)", why.msg);
    s->review = pc_review_new(o->review);
    s->review_readonly = 1;
    if (!s->review)
        pc_error_set(err, "out of memory");
    return s->review ? 0 : -1;
}

/* Make p's id unique among the policies opened so far by appending "-2", "-3"... */
static int pc_session_unique_id(const pc_session *s, pc_policy *p)
{
    for (int k = 2;; k++) {
        int clash = 0;
        for (size_t i = 0; i < s->npols && !clash; i++)
            clash = !strcmp(s->pols[i]->id, p->id);
        if (!clash)
            return 0;
        size_t len = strlen(p->doc->name) + 16;
        char *id = malloc(len);
        if (!id)
            return -1;
        snprintf(id, len, "%s-%d", p->doc->name, k);
        free(p->id);
        p->id = id;
    }
}

/* Whether policy p (NULL when it could not be opened: err says why) joins the session: not
 * when it has no clause, unless allowed. One that does not is told and counted skipped. */
static int pc_session_usable(pc_session *s, const pc_session_opts *o, const pc_policy *p,
                             const pc_error *err)
{
    if (p && (o->allow_empty || p->outline->nclauses > 0))
        return 1;
    if (p)
        pc_session_tell(s, 1, "%s: no clause found, so it cannot be compared (--allow-empty "
                              "compares it anyway)", p->doc->path);
    else
        pc_session_tell(s, 1, "%s", err->msg);
    s->skipped++;
    return 0;
}

/* Load, segment and classify each file (with the taxonomy, and the learned model beside it
 * when there is one); a file that cannot be used is told and skipped. -1 on out of memory. */
static int pc_session_open_policies(pc_session *s, const pc_session_opts *o, char *const *paths,
                                    size_t n)
{
    s->pols = calloc(n ? n : 1, sizeof *s->pols);
    if (!s->pols)
        return -1;
    for (size_t i = 0; i < n; i++) {
        pc_error err = {{0}};
        pc_classify_opts co = {.model = s->model, .no_ngrams = o->written_only};
        pc_policy *p = pc_policy_open_with(paths[i], &o->load, s->tax, &co, &err);
        if (!pc_session_usable(s, o, p, &err)) {
            pc_policy_free(p);
            continue;
        }
        if (o->loaded)
            o->loaded(o->ctx, p->doc);
        if (pc_session_unique_id(s, p) < 0) {
            pc_policy_free(p);
            return -1;
        }
        s->pols[s->npols++] = p;
    }
    return 0;
}

pc_session *pc_session_open(const pc_session_opts *o, char *const *paths, size_t n, pc_error *err)
{
    pc_session *s = calloc(1, sizeof *s);
    if (!s) {
        pc_error_set(err, "out of memory");
        return NULL;
    }
    s->regimes = o->regimes;
    s->note = o->note;
    s->note_ctx = o->ctx;
    int rc = pc_session_open_review(s, o, err);
    if (rc == 0)
        rc = (s->tax = pc_tax_load(o->taxonomy, err)) ? 0 : -1;
    if (rc == 0 && !o->no_model)
        rc = pc_model_open(s->tax, o->model, &s->model, err);
    if (rc == 0 && pc_session_open_policies(s, o, paths, n) < 0) {
        pc_error_set(err, "out of memory");
        rc = -1;
    }
    if (rc == 0 && s->npols == 0) {
        pc_error_set(err, "no policy could be read");
        rc = -1;
    }
    if (rc == 0)
        rc = pc_session_compare(s, err);
    if (rc < 0) {
        pc_session_free(s);
        return NULL;
    }
    return s;
}

void pc_session_free(pc_session *s)
{
    if (!s)
        return;
    pc_review_map_free(s->map);
    pc_comparison_free(s->cmp);
    for (size_t i = 0; i < s->npols; i++)
        pc_policy_free(s->pols[i]);
    free(s->pols);
    pc_review_free(s->review);
    pc_model_free(s->model);
    pc_tax_free(s->tax);
    free(s);
}

int pc_session_overlay(pc_session *s, size_t policy, pc_error *err)
{
    pc_error warning = {{0}};
    pc_overlay *o = pc_review_overlay(s->review, s->pols[policy], &warning, err);
    if (!o)
        return -1;
    pc_policy_set_overlay(s->pols[policy], o);
    if (warning.msg[0])
        pc_session_tell(s, 0, "%s", warning.msg); /* an unknown category id: skipped */
    return 0;
}

int pc_session_recompare(pc_session *s, pc_error *err)
{
    pc_comparison *cmp = pc_compare(s->tax, s->pols, s->npols, s->regimes, err);
    if (!cmp)
        return -1;
    pc_review_map_free(s->map);
    s->map = NULL;
    pc_comparison_free(s->cmp);
    s->cmp = cmp;
    return pc_session_place(s, err);
}

int pc_session_place(pc_session *s, pc_error *err)
{
    if (!s->review_file)
        return 0;
    pc_review_map *map = pc_review_map_new(s->review, s->cmp, err);
    if (!map)
        return -1;
    pc_review_map_free(s->map);
    s->map = map;
    return 0;
}

int pc_session_compare(pc_session *s, pc_error *err)
{
    for (size_t i = 0; i < s->npols; i++)
        if (pc_session_overlay(s, i, err) < 0)
            return -1;
    return pc_session_recompare(s, err);
}

int pc_session_write(const pc_session *s, const pc_writer *w, FILE *f, pc_error *err)
{
    return pc_writer_stream(w, s->cmp, s->map, f, err);
}

int pc_session_export(const pc_session *s, const pc_writer *w, const char *path, pc_error *err)
{
    return pc_writer_file(w, s->cmp, s->map, path, err);
}

int pc_session_export_rows(const pc_session *s, const pc_writer *w, const pc_rows *rows,
                           const char *path, pc_error *err)
{
    return pc_writer_file_rows(w, s->cmp, s->map, rows, path, err);
}

int pc_session_fails_on(const pc_session *s, unsigned kinds)
{
    for (size_t i = 0; i < s->cmp->nfindings; i++)
        if (((kinds >> s->cmp->findings[i].kind) & 1) && !pc_review_map_dismissed(s->map, i))
            return 1;
    return 0;
}
