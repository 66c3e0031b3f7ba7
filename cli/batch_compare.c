/* batch_compare.c: `polcmp compare` over a corpus (a directory, "-", or --format jsonl): one
 * JSON line per policy with its coverage, attribute values and own findings (the policy
 * compared alone by pc_compare, so the findings are core/compare.c's), then gap lines judged
 * against the corpus (a category at least half the policies cover and this one does not) and
 * a summary line. Only a bit set of covered categories is kept per policy (docs/batch.md). */
#include "batch_cli.h"
#include "cli.h"
#include "compare/compare.h"
#include "present/present.h"

#include "util/atomic.h"

#include <stdlib.h>
#include <string.h>

/* What a worker hands the main thread about one policy. Owns covered, id, file and trip. */
typedef struct bc_policy {
    unsigned char *covered; /* bit set over tax->cats */
    char *id, *file;
    size_t counts[PC_FIND_COUNT];
    char *trip[CLI_TRIP_SHOWN]; /* its first findings of the --fail-on kinds (cli_trip_line) */
    size_t ntrip;
} bc_policy;

/* The corpus so far (main thread only). Owns the arrays and each policy's strings. */
typedef struct bc_corpus {
    const pc_taxonomy *tax;
    pc_classify_opts copts; /* the model (borrowed) */
    unsigned regimes, fail_on;
    int allow_empty;         /* compare policies with no clause */
    bc_policy *pols;         /* id, file and covered of each policy in input order */
    size_t npols, cap;
    size_t *cover;           /* policies covering each category */
    size_t counts[PC_FIND_COUNT];
    char *trip[CLI_TRIP_SHOWN]; /* the corpus's first findings of the --fail-on kinds */
    size_t ntrip;
    int oom;
} bc_corpus;

static int bc_has(const unsigned char *set, size_t i)
{
    return (set[i / 8] >> (i % 8)) & 1;
}

int cli_compare_is_batch(const cli_args *a)
{
    const char *format = a->val[CLI_O_FORMAT];
    if (a->val[CLI_O_JOBS] || (format && !strcmp(format, "jsonl")))
        return 1;
    for (size_t i = 0; i < a->nargs; i++)
        if (cli_batch_is_batch_arg(a->args[i]))
            return 1;
    return 0;
}

/* ---- one policy (worker threads) ---- */

static json_t *bc_text(const pc_policy *p, size_t start, size_t end)
{
    return json_stringn(p->doc->text + start, end - start);
}

static json_t *bc_findings(const pc_comparison *c)
{
    json_t *a = json_array();
    for (size_t i = 0; i < c->nfindings; i++)
        json_array_append_new(a, pc_present_finding_json(c, NULL, i, 1));
    return a;
}

static json_t *bc_values(const pc_comparison *c)
{
    const pc_policy *p = c->policies[0];
    json_t *a = json_array();
    for (size_t i = 0; i < c->nvalues; i++) {
        const pc_attr_value *v = &c->values[i];
        json_array_append_new(
            a, json_pack("{s:s, s:o, s:s, s:I}", "attribute", c->tax->attrs[v->hit->attribute].id,
                         "value", bc_text(p, v->hit->span.start, v->hit->span.end),
                         "normalized", v->hit->norm.text, "clause", (json_int_t)v->clause));
    }
    return a;
}

/* The policy's line; fills the bit set of covered categories. */
static json_t *bc_policy_line(const pc_comparison *c, const cli_item *it, unsigned char *covered)
{
    const pc_policy *p = c->policies[0];
    json_t *cov = json_array();
    for (size_t cat = 0; cat < c->tax->ncats; cat++)
        if (pc_comparison_cell(c, (int)cat, 0)->covered) {
            covered[cat / 8] |= (unsigned char)(1u << (cat % 8));
            json_array_append_new(cov, json_string(c->tax->cats[cat].id));
        }
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:I, s:o, s:o, s:o}", "type", "policy", "policy",
                          p->id, "name", p->name, "file", p->doc->path, "clauses",
                          (json_int_t)p->outline->nclauses, "covered", cov, "attributes",
                          bc_values(c), "findings", bc_findings(c));
    if (o && c->by_requirement)
        json_object_set_new(o, "requirements", pc_present_requirements_json(c, NULL, NULL, 1));
    const char *key;
    json_t *v;
    if (o && it->obj)
        json_object_foreach(it->obj, key, v) if (strcmp(key, "text") && strcmp(key, "path") &&
                                                  !json_object_get(o, key))
            json_object_set(o, key, v);
    return o;
}

static void bc_policy_free(void *p)
{
    bc_policy *bp = p;
    free(bp->covered);
    free(bp->id);
    free(bp->file);
    for (size_t i = 0; i < bp->ntrip; i++)
        free(bp->trip[i]);
    free(bp);
}

/* The policy's first findings of the --fail-on kinds, for the report if they trip it. */
static void bc_trip_lines(const pc_comparison *c, unsigned kinds, bc_policy *bp)
{
    for (size_t i = 0; i < c->nfindings && bp->ntrip < CLI_TRIP_SHOWN; i++)
        if ((kinds >> c->findings[i].kind) & 1 &&
            (bp->trip[bp->ntrip] = cli_trip_line(c, &c->findings[i])) != NULL)
            bp->ntrip++;
}

static void bc_describe(const pc_comparison *c, const bc_corpus *cx, const cli_item *it,
                        cli_result *res)
{
    bc_policy *bp = calloc(1, sizeof *bp);
    if (bp) {
        bp->covered = calloc(c->tax->ncats / 8 + 1, 1);
        bp->id = pc_strdup(c->policies[0]->id);
        bp->file = pc_strdup(c->policies[0]->doc->path);
    }
    if (!bp || !bp->covered || !bp->id || !bp->file) {
        if (bp)
            bc_policy_free(bp);
        cli_batch_msg(res, "%s: out of memory", c->policies[0]->doc->path);
        res->failed = 1;
        return;
    }
    memcpy(bp->counts, c->counts, sizeof bp->counts);
    bc_trip_lines(c, cx->fail_on, bp);
    cli_batch_emit_json(&res->out, bc_policy_line(c, it, bp->covered));
    res->extra = bp;
    res->extra_free = bc_policy_free;
}

static void bc_work(const cli_item *it, cli_result *res, void *local, void *ctx)
{
    (void)local;
    const bc_corpus *cx = ctx;
    pc_doc *doc = cli_batch_load(it, res);
    if (!doc)
        return;
    pc_error err = {{0}};
    pc_policy *p = pc_policy_from_doc_with(doc, cx->tax, &cx->copts, &err);
    if (p)
        cli_batch_notes(p->doc, res);
    if (p && p->outline->nclauses == 0 && !cx->allow_empty) {
        cli_batch_msg(res, "%s: no clause found, so it cannot be compared (--allow-empty "
                           "compares it anyway)", p->doc->path);
        res->failed = 1;
        pc_policy_free(p);
        return;
    }
    pc_comparison *c = p ? pc_compare(cx->tax, &p, 1, cx->regimes, &err) : NULL;
    if (c)
        bc_describe(c, cx, it, res);
    else if (it->path)
        cli_batch_msg(res, "%s", err.msg);
    else
        cli_batch_msg(res, "%s:%zu: %s", it->source, it->line, err.msg);
    res->failed |= c == NULL;
    pc_comparison_free(c);
    pc_policy_free(p);
}

/* ---- the corpus (main thread) ---- */

/* Keep line (taken) among the corpus's first --fail-on findings, or free it. */
static void bc_trip_add(bc_corpus *cx, char *line)
{
    if (line && cx->ntrip < CLI_TRIP_SHOWN)
        cx->trip[cx->ntrip++] = line;
    else
        free(line);
}

static void bc_collect(cli_result *res, void *ctx)
{
    bc_corpus *cx = ctx;
    bc_policy *bp = res->extra;
    if (!bp || res->failed)
        return;
    if (pc_grow(&cx->pols, &cx->cap, cx->npols + 1, sizeof *cx->pols) < 0) {
        cx->oom = 1;
        return;
    }
    for (size_t cat = 0; cat < cx->tax->ncats; cat++)
        cx->cover[cat] += (size_t)bc_has(bp->covered, cat);
    for (int k = 0; k < PC_FIND_COUNT; k++)
        cx->counts[k] += bp->counts[k];
    for (size_t i = 0; i < bp->ntrip; i++)
        bc_trip_add(cx, bp->trip[i]);
    bp->ntrip = 0;
    cx->pols[cx->npols++] = *bp;
    free(bp); /* its members now belong to the corpus */
    res->extra = NULL;
}

/* Whether category cat is required through `required_by` by a selected regime that the
 * taxonomy has no requirements for (a regime with requirements is checked item by item, as
 * compare.c does). */
static int bc_required(const bc_corpus *cx, int cat)
{
    unsigned itemized = 0;
    for (size_t i = 0; i < cx->tax->nreqs; i++)
        itemized |= cx->tax->reqs[i].regime;
    const pc_category *cc = &cx->tax->cats[cat];
    for (size_t r = 0; r < cc->nrequired; r++)
        if (pc_regime_of(cc->required_by[r]) & cx->regimes & ~itemized)
            return 1;
    return 0;
}

/* Whether an uncovered category would be reported for a policy: as missing-required (by its
 * own comparison) or as a gap (most of the corpus covers it; catch-all categories excepted). */
static int bc_reportable(const bc_corpus *cx, int cat)
{
    if (bc_required(cx, cat))
        return 1;
    return 2 * cx->cover[cat] >= cx->npols && !pc_tax_is_catch_all(cx->tax, cat);
}

/* A gap: the policy leaves out a category at least half the corpus covers, not required by a
 * selected regime (that is a missing-required finding already) and not under an uncovered
 * ancestor that is reported itself (as compare.c does for peers). */
static int bc_is_gap(const bc_corpus *cx, const bc_policy *p, int cat)
{
    if (bc_has(p->covered, (size_t)cat) || bc_required(cx, cat) || !bc_reportable(cx, cat))
        return 0;
    for (int a = cx->tax->cats[cat].parent; a >= 0; a = cx->tax->cats[a].parent)
        if (!bc_has(p->covered, (size_t)a) && bc_reportable(cx, a))
            return 0;
    return 1;
}

static void bc_gap_line(bc_corpus *cx, const bc_policy *p, int cat, FILE *out)
{
    const pc_category *cc = &cx->tax->cats[cat];
    double share = (double)cx->cover[cat] / (double)cx->npols;
    char msg[1024];
    snprintf(msg, sizeof msg, "%s says nothing on \"%s\"; %zu of %zu policies in the corpus "
             "(%.0f%%) cover it", p->id, cc->name, cx->cover[cat], cx->npols, 100.0 * share);
    json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:I, s:f, s:s}", "type", "gap", "policy",
                          p->id, "file", p->file, "category", cc->id, "name", cc->name,
                          "severity", "medium", "covered_by", (json_int_t)cx->cover[cat],
                          "share", share, "message", msg);
    cli_batch_put_json(out, o);
    if ((cx->fail_on >> PC_FIND_GAP) & 1 && cx->ntrip < CLI_TRIP_SHOWN) {
        pc_buf line = {0};
        pc_buf_printf(&line, "gap (medium) in %s: %s", p->id, msg);
        bc_trip_add(cx, line.data);
    }
}

static void bc_gaps(bc_corpus *cx, FILE *out)
{
    for (size_t i = 0; i < cx->npols; i++)
        for (size_t cat = 0; cat < cx->tax->ncats; cat++)
            if (bc_is_gap(cx, &cx->pols[i], (int)cat)) {
                bc_gap_line(cx, &cx->pols[i], (int)cat, out);
                cx->counts[PC_FIND_GAP]++;
            }
}

static void bc_summary(const bc_corpus *cx, size_t skipped, FILE *out)
{
    json_t *cov = json_array(), *counts = json_object();
    for (size_t cat = 0; cat < cx->tax->ncats; cat++)
        json_array_append_new(
            cov, json_pack("{s:s, s:I, s:f}", "category", cx->tax->cats[cat].id, "policies",
                           (json_int_t)cx->cover[cat],
                           "share", cx->npols ? (double)cx->cover[cat] / (double)cx->npols : 0.0));
    for (int k = 0; k < PC_FIND_COUNT; k++)
        json_object_set_new(counts, pc_finding_kind_name((pc_finding_kind)k),
                            json_integer((json_int_t)cx->counts[k]));
    json_t *o = json_pack("{s:s, s:I, s:I, s:o, s:o}", "type", "summary", "policies",
                          (json_int_t)cx->npols, "skipped", (json_int_t)skipped, "coverage", cov,
                          "findings", counts);
    cli_batch_put_json(out, o);
}

static void bc_corpus_free(bc_corpus *cx)
{
    for (size_t i = 0; i < cx->npols; i++) {
        free(cx->pols[i].covered);
        free(cx->pols[i].id);
        free(cx->pols[i].file);
    }
    for (size_t i = 0; i < cx->ntrip; i++)
        free(cx->trip[i]);
    free(cx->pols);
    free(cx->cover);
}

/* ---- the command ---- */

/* CLI_FAIL_ON, after saying which findings met --fail-on, or CLI_OK. */
static int bc_fail_on(const cli_args *a, const bc_corpus *cx)
{
    size_t counts[PC_FIND_COUNT] = {0}, total = 0;
    for (int k = 0; k < PC_FIND_COUNT; k++)
        if ((a->fail_on >> k) & 1)
            total += counts[k] = cx->counts[k];
    if (total)
        cli_fail_on_report(a, counts, cx->trip, cx->ntrip);
    return total ? CLI_FAIL_ON : CLI_OK;
}

/* Run the batch into out; returns the exit status. */
static int bc_run(const cli_args *a, bc_corpus *cx, FILE *out)
{
    cli_batch b = {.args = a->args,
                   .nargs = a->nargs,
                   .jobs = a->jobs,
                   .out = out,
                   .work = bc_work,
                   .collect = bc_collect,
                   .ctx = cx};
    if (cli_batch_run(&b) < 0)
        return CLI_ERROR;
    bc_gaps(cx, out);
    bc_summary(cx, b.skipped, out);
    if (cx->oom)
        cli_error("compare: out of memory; the corpus figures are incomplete");
    if (b.skipped)
        cli_error("compare: %zu input%s skipped (see above)", b.skipped,
                  b.skipped == 1 ? "" : "s");
    return b.skipped || cx->oom ? CLI_ERROR : bc_fail_on(a, cx);
}

static int bc_run_to_file(const cli_args *a, bc_corpus *cx)
{
    const char *path = a->val[CLI_O_OUTPUT];
    pc_error err = {{0}};
    pc_outfile out;
    if (pc_outfile_open(&out, path, &err) < 0) {
        cli_error("%s", err.msg);
        return CLI_ERROR;
    }
    int status = bc_run(a, cx, out.f);
    if (ferror(out.f)) {
        cli_error("%s: write failed", path);
        pc_outfile_abort(&out);
        return CLI_ERROR;
    }
    if (pc_outfile_commit(&out, &err) < 0) {
        cli_error("%s", err.msg);
        return CLI_ERROR;
    }
    return status;
}

/* What a corpus run cannot do: a table format, a review file. -1 after saying so. */
static int bc_refuse(const cli_args *a)
{
    const char *format = a->val[CLI_O_FORMAT];
    if (format && strcmp(format, "jsonl") != 0) {
        cli_error("compare: --format: a directory, \"-\" or --jobs means batch mode, which "
                  "writes jsonl only (not '%s')", format);
        return -1;
    }
    if (a->val[CLI_O_REVIEW]) {
        cli_error("compare: --review: read when policies are compared in one table, not in "
                  "batch mode (a directory, \"-\" or --jobs)");
        return -1;
    }
    return 0;
}

int cmd_compare_batch(const cli_args *a)
{
    if (bc_refuse(a) < 0)
        return CLI_ERROR;
    pc_taxonomy *tax = cli_load_taxonomy(cli_taxonomy(a));
    pc_model *model = NULL;
    if (!tax || cli_load_model(tax, a, &model) < 0) {
        pc_tax_free(tax);
        return CLI_ERROR;
    }
    bc_corpus cx = {.tax = tax, .copts.model = model, .regimes = a->regimes,
                    .fail_on = a->fail_on, .allow_empty = a->val[CLI_O_ALLOW_EMPTY] != NULL};
    cx.cover = calloc(tax->ncats ? tax->ncats : 1, sizeof *cx.cover);
    int status = CLI_ERROR;
    if (!cx.cover)
        cli_error("out of memory");
    else if (a->val[CLI_O_OUTPUT])
        status = bc_run_to_file(a, &cx);
    else
        status = bc_run(a, &cx, stdout);
    if (!a->val[CLI_O_OUTPUT] && (fflush(stdout) != 0 || ferror(stdout))) {
        cli_error("compare: writing the output failed");
        status = CLI_ERROR;
    }
    bc_corpus_free(&cx);
    pc_model_free(model);
    pc_tax_free(tax);
    return status;
}
