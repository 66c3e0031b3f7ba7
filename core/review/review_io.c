/* review_io.c: the review file. Parsed strictly with libyaml's event parser (every error is one
 * line "FILE:LINE:COL: what is wrong") and written with libyaml's emitter, so quoting is always
 * right, then saved atomically. The format is described atop review.h and in
 * docs/review-file.md. */
#include "review/review.h"

#include "util/atomic.h"
#include "util/file.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <yaml.h>

/* ---- reading ---- */

/* The parser's state. Owns the libyaml parser and the current event. */
typedef struct rv_parser {
    yaml_parser_t p;
    yaml_event_t ev;
    int have; /* ev holds an event to delete */
    const char *name;
    pc_error *err;
} rv_parser;

static int rv_fail(rv_parser *rp, yaml_mark_t m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int rv_fail(rv_parser *rp, yaml_mark_t m, const char *fmt, ...)
{
    char what[PC_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    pc_error_set(rp->err, "%s:%lu:%lu: %s", rp->name, (unsigned long)m.line + 1,
                 (unsigned long)m.column + 1, what);
    return -1;
}

static int rv_next(rv_parser *rp)
{
    if (rp->have)
        yaml_event_delete(&rp->ev);
    rp->have = 0;
    if (!yaml_parser_parse(&rp->p, &rp->ev)) {
        if (rp->p.error == YAML_MEMORY_ERROR) {
            pc_error_set(rp->err, "%s: out of memory", rp->name);
            return -1;
        }
        return rv_fail(rp, rp->p.problem_mark, "%s%s%s",
                       rp->p.problem ? rp->p.problem : "not valid YAML",
                       rp->p.context ? " " : "", rp->p.context ? rp->p.context : "");
    }
    rp->have = 1;
    if (rp->ev.type == YAML_ALIAS_EVENT)
        return rv_fail(rp, rp->ev.start_mark, "aliases (*name) are not allowed in a review file");
    return 0;
}

static const char *rv_text(const rv_parser *rp)
{
    return (const char *)rp->ev.data.scalar.value;
}

/* A plain empty, "~" or "null" scalar: no value. */
static int rv_is_null(const rv_parser *rp)
{
    const char *s = rv_text(rp);
    return rp->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
           (!*s || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
            strcmp(s, "NULL") == 0);
}

/* Reads the next event as a text value into *dst (NULL for a null). */
static int rv_string(rv_parser *rp, const char *key, char **dst)
{
    if (rv_next(rp) < 0)
        return -1;
    if (rp->ev.type != YAML_SCALAR_EVENT)
        return rv_fail(rp, rp->ev.start_mark, "'%s' must be a text", key);
    free(*dst);
    *dst = NULL;
    if (rv_is_null(rp))
        return 0;
    *dst = pc_strdup(rv_text(rp));
    if (!*dst) {
        pc_error_set(rp->err, "%s: out of memory", rp->name);
        return -1;
    }
    return 0;
}

static int rv_labels(rv_parser *rp, pc_decision *d)
{
    if (rv_next(rp) < 0)
        return -1;
    if (rp->ev.type != YAML_SEQUENCE_START_EVENT)
        return rv_fail(rp, rp->ev.start_mark, "'labels' must be a list of category ids");
    d->relabelled = 1;
    size_t cap = 0;
    for (;;) {
        if (rv_next(rp) < 0)
            return -1;
        if (rp->ev.type == YAML_SEQUENCE_END_EVENT)
            return 0;
        if (rp->ev.type != YAML_SCALAR_EVENT || rv_is_null(rp))
            return rv_fail(rp, rp->ev.start_mark, "a label must be a category id");
        char *id = pc_strdup(rv_text(rp));
        if (!id || pc_grow(&d->labels, &cap, d->nlabels + 1, sizeof *d->labels) < 0) {
            free(id);
            pc_error_set(rp->err, "%s: out of memory", rp->name);
            return -1;
        }
        d->labels[d->nlabels++] = id;
    }
}

static int rv_status(rv_parser *rp, pc_decision *d)
{
    if (rv_next(rp) < 0)
        return -1;
    int s = rp->ev.type == YAML_SCALAR_EVENT ? pc_review_status_parse(rv_text(rp)) : -1;
    if (s < 0)
        return rv_fail(rp, rp->ev.start_mark,
                       "'status' must be open, reviewed or dismissed");
    d->status = (pc_review_status)s;
    return 0;
}

enum { RV_POLICY = 1, RV_CLAUSE = 2, RV_FINDING = 4, RV_SECTION = 8, RV_STATUS = 16,
       RV_LABELS = 32, RV_NOTE = 64, RV_UPDATED = 128 };
static const char *const rv_keys[] = {"policy",  "clause", "finding", "section",
                                      "status",  "labels", "note",    "updated"};

/* One key of a decision and its value. */
static int rv_decision_key(rv_parser *rp, pc_decision *d, unsigned *seen)
{
    const char *k = rv_text(rp);
    size_t i = 0;
    while (i < 8 && strcmp(k, rv_keys[i]) != 0)
        i++;
    if (i == 8)
        return rv_fail(rp, rp->ev.start_mark,
                       "unknown key '%s' in a decision (policy, clause, finding, section, "
                       "status, labels, note, updated)", k);
    if (*seen & (1u << i))
        return rv_fail(rp, rp->ev.start_mark, "'%s' given twice", k);
    if ((1u << i) & (RV_CLAUSE | RV_FINDING) && *seen & (RV_CLAUSE | RV_FINDING))
        return rv_fail(rp, rp->ev.start_mark, "a decision has either 'clause' or 'finding'");
    *seen |= 1u << i;
    char tmp[16];
    snprintf(tmp, sizeof tmp, "%s", k);
    switch (1u << i) {
    case RV_POLICY: return rv_string(rp, tmp, &d->policy);
    case RV_CLAUSE:
    case RV_FINDING: d->is_finding = (1u << i) == RV_FINDING; return rv_string(rp, tmp, &d->key);
    case RV_SECTION: return rv_string(rp, tmp, &d->section);
    case RV_STATUS: return rv_status(rp, d);
    case RV_LABELS: return rv_labels(rp, d);
    case RV_NOTE: return rv_string(rp, tmp, &d->note);
    default: return rv_string(rp, tmp, &d->updated);
    }
}

/* What a decision must satisfy once all its keys are read. */
static int rv_decision_check(rv_parser *rp, const pc_review *r, const pc_decision *d,
                             unsigned seen, yaml_mark_t at)
{
    if (!d->policy || !*d->policy)
        return rv_fail(rp, at, "a decision needs a 'policy'");
    if (!d->key || !*d->key)
        return rv_fail(rp, at, "a decision needs a 'clause' or a 'finding'");
    if (d->is_finding && (seen & (RV_SECTION | RV_LABELS)))
        return rv_fail(rp, at, "a finding decision has no 'section' or 'labels'");
    if (!d->is_finding && d->status == PC_REV_DISMISSED)
        return rv_fail(rp, at, "only a finding can be dismissed");
    if (pc_review_find(r, d->is_finding, d->policy, d->key))
        return rv_fail(rp, at, "a second decision on the same %s of %s",
                       d->is_finding ? "finding" : "clause", d->policy);
    return 0;
}

static int rv_decision(rv_parser *rp, pc_review *r)
{
    yaml_mark_t at = rp->ev.start_mark;
    if (rp->ev.type != YAML_MAPPING_START_EVENT)
        return rv_fail(rp, at, "a decision must be a mapping (policy: ..., clause: ...)");
    pc_decision d;
    memset(&d, 0, sizeof d);
    unsigned seen = 0;
    int rc = 0;
    for (;;) {
        if ((rc = rv_next(rp)) < 0 || rp->ev.type == YAML_MAPPING_END_EVENT)
            break;
        if (rp->ev.type != YAML_SCALAR_EVENT) {
            rc = rv_fail(rp, rp->ev.start_mark, "a key must be a plain word");
            break;
        }
        if ((rc = rv_decision_key(rp, &d, &seen)) < 0)
            break;
    }
    if (rc == 0)
        rc = rv_decision_check(rp, r, &d, seen, at);
    if (rc == 0 && pc_grow(&r->items, &r->cap, r->n + 1, sizeof *r->items) < 0) {
        pc_error_set(rp->err, "%s: out of memory", rp->name);
        rc = -1;
    }
    if (rc == 0) {
        r->items[r->n++] = d;
        return 0;
    }
    free(d.policy);
    free(d.key);
    free(d.section);
    free(d.note);
    free(d.updated);
    for (size_t i = 0; i < d.nlabels; i++)
        free(d.labels[i]);
    free(d.labels);
    return -1;
}

static int rv_decisions(rv_parser *rp, pc_review *r)
{
    if (rv_next(rp) < 0)
        return -1;
    if (rp->ev.type == YAML_SCALAR_EVENT && rv_is_null(rp))
        return 0;
    if (rp->ev.type != YAML_SEQUENCE_START_EVENT)
        return rv_fail(rp, rp->ev.start_mark, "'decisions' must be a list");
    for (;;) {
        if (rv_next(rp) < 0)
            return -1;
        if (rp->ev.type == YAML_SEQUENCE_END_EVENT)
            return 0;
        if (rv_decision(rp, r) < 0)
            return -1;
    }
}

static int rv_version(rv_parser *rp)
{
    if (rv_next(rp) < 0)
        return -1;
    const char *s = rp->ev.type == YAML_SCALAR_EVENT ? rv_text(rp) : "";
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (rp->ev.type != YAML_SCALAR_EVENT || rp->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
        !*s || *end || errno)
        return rv_fail(rp, rp->ev.start_mark, "'polcmp-review' must be a version number");
    if (v > PC_REVIEW_VERSION)
        return rv_fail(rp, rp->ev.start_mark,
                       "review file version %ld is newer than this polcmp reads (%d); "
                       "upgrade polcmp",
                       v, PC_REVIEW_VERSION);
    if (v < 1)
        return rv_fail(rp, rp->ev.start_mark, "unknown review file version %ld", v);
    return 0;
}

/* The top-level mapping: polcmp-review (required) and decisions. */
static int rv_document(rv_parser *rp, pc_review *r)
{
    yaml_mark_t at = rp->ev.start_mark;
    if (rp->ev.type != YAML_MAPPING_START_EVENT)
        return rv_fail(rp, at, "a review file is a mapping with 'polcmp-review' and 'decisions'");
    int version = 0, decisions = 0;
    for (;;) {
        if (rv_next(rp) < 0)
            return -1;
        if (rp->ev.type == YAML_MAPPING_END_EVENT)
            break;
        const char *k = rp->ev.type == YAML_SCALAR_EVENT ? rv_text(rp) : "";
        int is_v = strcmp(k, "polcmp-review") == 0, is_d = strcmp(k, "decisions") == 0;
        if (!is_v && !is_d)
            return rv_fail(rp, rp->ev.start_mark,
                           "unknown key '%s' (polcmp-review, decisions)", k);
        if ((is_v && version) || (is_d && decisions))
            return rv_fail(rp, rp->ev.start_mark, "'%s' given twice", k);
        if (is_v ? rv_version(rp) : rv_decisions(rp, r))
            return -1;
        version |= is_v;
        decisions |= is_d;
    }
    if (!version)
        return rv_fail(rp, at, "not a review file: no 'polcmp-review: 1' line");
    return 0;
}

static int rv_stream(rv_parser *rp, pc_review *r)
{
    if (rv_next(rp) < 0 || rv_next(rp) < 0) /* stream start, then a document or the end */
        return -1;
    if (rp->ev.type == YAML_STREAM_END_EVENT)
        return 0; /* empty (or only comments): no decisions */
    if (rv_next(rp) < 0 || rv_document(rp, r) < 0 || rv_next(rp) < 0) /* ... document end */
        return -1;
    if (rv_next(rp) < 0)
        return -1;
    if (rp->ev.type != YAML_STREAM_END_EVENT)
        return rv_fail(rp, rp->ev.start_mark, "a review file holds one document");
    return 0;
}

pc_review *pc_review_load_mem(const char *name, const char *data, size_t len, pc_error *err)
{
    pc_review *r = pc_review_new(name);
    rv_parser rp;
    memset(&rp, 0, sizeof rp);
    rp.name = name;
    rp.err = err;
    if (!r || !yaml_parser_initialize(&rp.p)) {
        pc_error_set(err, "%s: out of memory", name);
        pc_review_free(r);
        return NULL;
    }
    yaml_parser_set_input_string(&rp.p, (const unsigned char *)data, len);
    int rc = rv_stream(&rp, r);
    if (rp.have)
        yaml_event_delete(&rp.ev);
    yaml_parser_delete(&rp.p);
    if (rc < 0) {
        pc_review_free(r);
        return NULL;
    }
    return r;
}

pc_review *pc_review_load(const char *path, pc_error *err)
{
    if (access(path, F_OK) != 0 && errno == ENOENT)
        return pc_review_new(path); /* nothing decided yet */
    size_t len;
    char *data = pc_file_read(path, 0, NULL, &len, err);
    if (!data)
        return NULL;
    pc_review *r = pc_review_load_mem(path, data, len, err);
    free(data);
    return r;
}

/* ---- writing ---- */

static int rv_write(void *data, unsigned char *buffer, size_t size)
{
    return pc_buf_add(data, buffer, size) == 0;
}

/* A text the parser would read as something else (a null) is double-quoted. */
static int rv_scalar(yaml_emitter_t *e, const char *s)
{
    yaml_event_t ev;
    int nullish = !*s || strcmp(s, "~") == 0 || strcasecmp(s, "null") == 0;
    yaml_scalar_style_t style = nullish ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE;
    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1,
                                      style))
        return -1;
    return yaml_emitter_emit(e, &ev) ? 0 : -1;
}

static int rv_pair(yaml_emitter_t *e, const char *k, const char *v)
{
    return v ? (rv_scalar(e, k) < 0 || rv_scalar(e, v) < 0 ? -1 : 0) : 0;
}

static int rv_emit_simple(yaml_emitter_t *e, yaml_event_type_t type)
{
    yaml_event_t ev;
    int ok = 0;
    switch (type) {
    case YAML_MAPPING_START_EVENT:
        ok = yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
        break;
    case YAML_MAPPING_END_EVENT: ok = yaml_mapping_end_event_initialize(&ev); break;
    case YAML_SEQUENCE_START_EVENT:
        ok = yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE);
        break;
    default: ok = yaml_sequence_end_event_initialize(&ev); break;
    }
    return ok && yaml_emitter_emit(e, &ev) ? 0 : -1;
}

static int rv_emit_decision(yaml_emitter_t *e, const pc_decision *d)
{
    if (rv_emit_simple(e, YAML_MAPPING_START_EVENT) < 0 || rv_pair(e, "policy", d->policy) < 0 ||
        rv_pair(e, d->is_finding ? "finding" : "clause", d->key) < 0 ||
        rv_pair(e, "section", d->is_finding ? NULL : d->section) < 0 ||
        rv_pair(e, "status", pc_review_status_name(d->status)) < 0)
        return -1;
    if (d->relabelled && !d->is_finding) {
        if (rv_scalar(e, "labels") < 0 || rv_emit_simple(e, YAML_SEQUENCE_START_EVENT) < 0)
            return -1;
        for (size_t i = 0; i < d->nlabels; i++)
            if (rv_scalar(e, d->labels[i]) < 0)
                return -1;
        if (rv_emit_simple(e, YAML_SEQUENCE_END_EVENT) < 0)
            return -1;
    }
    if (rv_pair(e, "note", d->note) < 0 || rv_pair(e, "updated", d->updated) < 0)
        return -1;
    return rv_emit_simple(e, YAML_MAPPING_END_EVENT);
}

static int rv_order(const void *a, const void *b)
{
    const pc_decision *x = *(const pc_decision *const *)a, *y = *(const pc_decision *const *)b;
    int c = strcmp(x->policy, y->policy);
    if (c == 0)
        c = x->is_finding - y->is_finding;
    return c ? c : strcmp(x->key, y->key);
}

static int rv_emit_all(yaml_emitter_t *e, const pc_review *r)
{
    const pc_decision **order = r->n ? malloc(r->n * sizeof *order) : NULL;
    if (r->n && !order)
        return -1;
    for (size_t i = 0; i < r->n; i++)
        order[i] = &r->items[i];
    if (r->n)
        qsort(order, r->n, sizeof *order, rv_order);
    yaml_event_t ev;
    int rc = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
                     yaml_emitter_emit(e, &ev) &&
                     yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
                     yaml_emitter_emit(e, &ev)
                 ? 0
                 : -1;
    if (rc == 0)
        rc = rv_emit_simple(e, YAML_MAPPING_START_EVENT) | rv_pair(e, "polcmp-review", "1") |
             rv_scalar(e, "decisions") | rv_emit_simple(e, YAML_SEQUENCE_START_EVENT);
    for (size_t i = 0; rc == 0 && i < r->n; i++)
        rc = rv_emit_decision(e, order[i]);
    free(order);
    if (rc == 0)
        rc = rv_emit_simple(e, YAML_SEQUENCE_END_EVENT) | rv_emit_simple(e, YAML_MAPPING_END_EVENT);
    if (rc == 0)
        rc = yaml_document_end_event_initialize(&ev, 1) && yaml_emitter_emit(e, &ev) &&
                     yaml_stream_end_event_initialize(&ev) && yaml_emitter_emit(e, &ev)
                 ? 0
                 : -1;
    return rc;
}

char *pc_review_dump(const pc_review *r, size_t *len, pc_error *err)
{
    pc_buf b = {0};
    yaml_emitter_t e;
    if (pc_buf_adds(&b, "# polcmp review decisions: what a reviewer marked reviewed, relabelled, "
                        "noted or dismissed.\n# Edit with care; polcmp rewrites this file after "
                        "every change (format: docs/review-file.md).\n") < 0 ||
        !yaml_emitter_initialize(&e)) {
        pc_buf_free(&b);
        pc_error_set(err, "%s: out of memory", r->path);
        return NULL;
    }
    yaml_emitter_set_output(&e, rv_write, &b);
    yaml_emitter_set_unicode(&e, 1);
    yaml_emitter_set_width(&e, -1);
    yaml_emitter_set_indent(&e, 2);
    int rc = rv_emit_all(&e, r);
    rc = rc == 0 && yaml_emitter_flush(&e) ? 0 : -1;
    if (rc < 0)
        pc_error_set(err, "%s: cannot write the review: %s", r->path,
                     e.problem ? e.problem : "out of memory");
    yaml_emitter_delete(&e);
    if (rc < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    if (len)
        *len = b.len;
    return pc_buf_steal(&b);
}

int pc_review_save(const pc_review *r, pc_error *err)
{
    return pc_review_save_to(r, r->path, err);
}

int pc_review_save_to(const pc_review *r, const char *path, pc_error *err)
{
    size_t len;
    char *data = pc_review_dump(r, &len, err);
    if (!data)
        return -1;
    pc_outfile out;
    int rc = pc_outfile_open(&out, path, err);
    if (rc == 0 && fwrite(data, 1, len, out.f) != len) {
        pc_error_set(err, "%s: write failed: %s", path, strerror(errno));
        pc_outfile_abort(&out);
        rc = -1;
    } else if (rc == 0) {
        rc = pc_outfile_commit(&out, err);
    }
    free(data);
    return rc;
}
