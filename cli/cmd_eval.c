/* cmd_eval.c: `polcmp eval [--taxonomy FILE] [--model FILE | --no-model] [--require BOUNDS]
 * [--worst N] [--json] GOLD.jsonl` measures the taxonomy's rules, its learned model and their
 * combination against a gold file: per-category tables side by side at ten categories and
 * twelve classes, micro/macro F1, and the worst false positives and negatives of the
 * classifier polcmp uses (the combination, or the rules without a model). The model reads each
 * text whole, as in the benchmark, or with --clauses clause by clause, as it reads a policy.
 * --require checks the classifier polcmp uses at ten categories. The arithmetic lives in
 * core/eval/eval.c. With --contradictions or --completeness it hands over to
 * cmd_eval_findings.c. */
#include "cli.h"
#include "eval/eval.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EVAL_HEAD_BYTES 100

/* What the command line asks, and which classifiers are measured. Borrows the arguments. */
typedef struct eval_opts {
    const char *taxonomy, *require, *gold;
    long worst;
    int json, clauses;
    unsigned systems; /* bit per pc_eval_system measured */
} eval_opts;

static void eval_warn(void *ctx, const char *msg)
{
    (void)ctx;
    cli_warn("%s", msg);
}

/* The first EVAL_HEAD_BYTES bytes of text (cut on a character boundary), one line. */
static void eval_head(const char *text, char *out, size_t outsz)
{
    size_t n = strlen(text);
    if (n > EVAL_HEAD_BYTES) {
        n = EVAL_HEAD_BYTES;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
    }
    if (n >= outsz)
        n = outsz - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = text[i] == '\n' || text[i] == '\t' || text[i] == '\r' ? ' ' : text[i];
    out[n] = '\0';
}

static void eval_print_worst(const pc_eval_set *set, long worst)
{
    size_t *idx = calloc((size_t)worst + 1, sizeof *idx);
    if (!idx || worst == 0) {
        free(idx);
        return;
    }
    char head[EVAL_HEAD_BYTES + 1];
    for (int k = 0; k < PC_OPP_COUNT; k++)
        for (int fp = 1; fp >= 0; fp--) {
            size_t n = pc_eval_worst(set, k, fp, idx, (size_t)worst);
            if (n == 0)
                continue;
            printf("\n%s: false %s\n", pc_opp10_name(k), fp ? "positives" : "negatives");
            for (size_t i = 0; i < n; i++) {
                const pc_eval_case *c = &set->cases[idx[i]];
                eval_head(c->text, head, sizeof head);
                if (fp)
                    printf("  %s  [%s]  %s\n", c->id, c->rules[k] ? c->rules[k] : "", head);
                else
                    printf("  %s  %s\n", c->id, head);
            }
        }
    free(idx);
}

static json_t *eval_json_rules(const char *list)
{
    json_t *a = json_array();
    for (const char *p = list; p && *p;) {
        size_t n = strcspn(p, ",");
        json_array_append_new(a, json_stringn(p, n));
        p += n + (p[n] == ',');
    }
    return a;
}

static json_t *eval_json_worst(const pc_eval_set *set, int k, int fp, long worst, size_t *idx)
{
    json_t *a = json_array();
    char head[EVAL_HEAD_BYTES + 1];
    size_t n = worst > 0 ? pc_eval_worst(set, k, fp, idx, (size_t)worst) : 0;
    for (size_t i = 0; i < n; i++) {
        const pc_eval_case *c = &set->cases[idx[i]];
        eval_head(c->text, head, sizeof head);
        json_t *o = json_pack("{s:s, s:i, s:s}", "id", c->id, "line", (json_int_t)c->line,
                              "text", head);
        if (fp)
            json_object_set_new(o, "rules", eval_json_rules(c->rules[k]));
        json_array_append_new(a, o);
    }
    return a;
}

/* One classifier's figures at one level: categories, micro, macro, lowest. */
static json_t *eval_json_level(const pc_eval_set *set, int system, int nclass)
{
    pc_eval_counts c;
    pc_eval_scores s;
    cli_eval_counts(set, system, nclass, &c);
    pc_eval_score(&c, &s);
    json_t *cats = json_array();
    for (int k = 0; k < s.nclass; k++)
        json_array_append_new(
            cats, json_pack("{s:s, s:I, s:I, s:I, s:I, s:f, s:f, s:f, s:b}", "name",
                            nclass == PC_OPP12_COUNT ? pc_opp12_name(k) : pc_opp10_name(k),
                            "support", (json_int_t)c.support[k], "tp", (json_int_t)c.tp[k], "fp",
                            (json_int_t)c.fp[k], "fn", (json_int_t)c.fn[k], "precision", s.p[k],
                            "recall", s.r[k], "f1", s.f1[k], "in_macro", s.in_macro[k]));
    return json_pack("{s:o, s:{s:f, s:f, s:f}, s:f, s:f}", "categories", cats, "micro",
                     "precision", s.micro_p, "recall", s.micro_r, "f1", s.micro_f1, "macro_f1",
                     s.macro_f1, "min_f1", s.min_f1);
}

static json_t *eval_json_systems(const eval_opts *o, const pc_eval_set *set)
{
    json_t *sys = json_object();
    for (int y = 0; y < PC_EVAL_NSYS; y++)
        if (o->systems >> y & 1)
            json_object_set_new(sys, pc_eval_system_name((pc_eval_system)y),
                                json_pack("{s:o, s:o}", "ten",
                                          eval_json_level(set, y, PC_OPP_COUNT), "twelve",
                                          eval_json_level(set, y, PC_OPP12_COUNT)));
    return sys;
}

/* The JSON report: the classifier polcmp uses at ten categories (with its worst cases) at the
 * top, as before models existed, and every classifier at both levels under "systems". */
static void eval_print_json(const eval_opts *o, const pc_eval_set *set, const pc_eval_counts *c,
                            const pc_eval_scores *s, int primary)
{
    size_t *idx = calloc((size_t)o->worst + 1, sizeof *idx);
    json_t *cats = json_array();
    for (int k = 0; idx && k < PC_OPP_COUNT; k++)
        json_array_append_new(
            cats, json_pack("{s:s, s:I, s:I, s:I, s:I, s:f, s:f, s:f, s:b, s:o, s:o}", "opp115",
                            pc_opp10_name(k), "support", (json_int_t)c->support[k], "tp",
                            (json_int_t)c->tp[k], "fp", (json_int_t)c->fp[k], "fn",
                            (json_int_t)c->fn[k], "precision", s->p[k], "recall", s->r[k],
                            "f1", s->f1[k], "in_macro", s->in_macro[k], "false_positives",
                            eval_json_worst(set, k, 1, o->worst, idx), "false_negatives",
                            eval_json_worst(set, k, 0, o->worst, idx)));
    json_t *root = json_pack("{s:s, s:s, s:I, s:I, s:o, s:{s:f, s:f, s:f}, s:f, s:f, s:s, s:o}",
                             "gold", o->gold, "taxonomy", o->taxonomy, "records",
                             (json_int_t)c->cases, "skipped", (json_int_t)set->skipped,
                             "categories", cats, "micro", "precision", s->micro_p, "recall",
                             s->micro_r, "f1", s->micro_f1, "macro_f1", s->macro_f1, "min_f1",
                             s->min_f1, "classifier", pc_eval_system_name((pc_eval_system)primary),
                             "systems", eval_json_systems(o, set));
    if (root) {
        json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(4));
        fputc('\n', stdout);
    }
    json_decref(root);
    free(idx);
}

static int eval_check(const eval_opts *o, const pc_eval_scores *s)
{
    pc_eval_bounds b;
    pc_error err = {{0}};
    if (pc_eval_parse_bounds(o->require, &b, &err) < 0) {
        cli_error("eval: --require: %s", err.msg);
        return CLI_ERROR;
    }
    pc_buf msg = {0};
    int missed = pc_eval_check(s, &b, &msg);
    for (const char *p = msg.data; missed && p && *p;) {
        size_t n = strcspn(p, "\n");
        cli_error("eval: --require: bound not met: %.*s", (int)n, p);
        p += n + (p[n] == '\n');
    }
    pc_buf_free(&msg);
    return missed ? CLI_FAIL_ON : CLI_OK;
}

static int eval_report(const eval_opts *o, const pc_eval_set *set)
{
    int primary = o->systems >> PC_EVAL_COMBINED & 1 ? PC_EVAL_COMBINED : PC_EVAL_RULES;
    pc_eval_counts counts;
    cli_eval_counts(set, primary, PC_OPP_COUNT, &counts);
    pc_eval_scores s;
    pc_eval_score(&counts, &s);
    if (o->json) {
        eval_print_json(o, set, &counts, &s, primary);
    } else {
        if (o->clauses && (o->systems >> PC_EVAL_MODEL & 1))
            printf("the model read each text clause by clause (a class counts when any clause "
                   "gets it)\n\n");
        cli_eval_tables(set, o->systems);
        if (o->worst > 0)
            printf("\nworst cases of the %s:\n", pc_eval_system_name((pc_eval_system)primary));
        eval_print_worst(set, o->worst);
    }
    fflush(stdout);
    return o->require ? eval_check(o, &s) : CLI_OK;
}

/* Read, classify and report; the taxonomy and model are loaded. */
static int eval_run(eval_opts *o, const pc_taxonomy *tax, const pc_model *model)
{
    pc_eval_set set;
    pc_error err = {{0}};
    int rc = CLI_ERROR;
    o->systems = model ? (1u << PC_EVAL_NSYS) - 1 : 1u << PC_EVAL_RULES;
    if (pc_eval_read(o->gold, &set, eval_warn, NULL, &err) < 0)
        cli_error("%s", err.msg);
    else if (pc_eval_classify(tax, model, o->clauses ? PC_MODEL_CLAUSE : PC_MODEL_TEXT, &set,
                              eval_warn, NULL, &err) < 0)
        cli_error("%s", err.msg);
    else
        rc = eval_report(o, &set);
    pc_eval_set_free(&set);
    return rc;
}

/* What the command line measures: 0 the classifiers against GOLD.jsonl, 1 the findings
 * against --contradictions or --completeness; -1 after the usage error when the options and
 * arguments given do not go together. */
static int eval_mode(const cli_args *a)
{
    static const cli_opt_id gold_only[] = {CLI_O_WORST, CLI_O_JSON, CLI_O_CLAUSES};
    const char *c = a->val[CLI_O_CONTRADICTIONS], *m = a->val[CLI_O_COMPLETENESS];
    const char *set = c ? "--contradictions" : "--completeness";
    if (c && m) {
        cli_cmd_error(a, 1, "--contradictions and --completeness go one at a time");
        return -1;
    }
    if (!c && !m) {
        if (a->val[CLI_O_SHOW]) {
            cli_cmd_error(a, 1, "--show goes with --contradictions or --completeness");
            return -1;
        }
        if (a->nargs == 0) {
            cli_cmd_error(a, 1,
                          "expects GOLD.jsonl, --contradictions FILE.jsonl or --completeness "
                          "FILE.jsonl");
            return -1;
        }
        return 0;
    }
    if (a->nargs > 0) {
        cli_cmd_error(a, 1, "'%s' does not go with %s", a->args[0], set);
        return -1;
    }
    for (size_t i = 0; i < sizeof gold_only / sizeof gold_only[0]; i++)
        if (a->val[gold_only[i]]) {
            cli_cmd_error(a, 1, "--%s does not go with %s", cli_opts[gold_only[i]].name, set);
            return -1;
        }
    return 1;
}

int cmd_eval(const cli_args *a)
{
    int mode = eval_mode(a);
    if (mode != 0)
        return mode < 0 ? CLI_ERROR : cmd_eval_findings(a);
    eval_opts o = {.taxonomy = cli_taxonomy(a), .require = a->val[CLI_O_REQUIRE],
                   .gold = a->args[0], .worst = a->val[CLI_O_WORST] ? a->worst : 3,
                   .json = a->val[CLI_O_JSON] != NULL, .clauses = a->val[CLI_O_CLAUSES] != NULL};
    pc_error err = {{0}};
    pc_eval_bounds b;
    if (o.require && pc_eval_parse_bounds(o.require, &b, &err) < 0) {
        cli_error("eval: --require: %s", err.msg);
        return CLI_ERROR;
    }
    pc_taxonomy *tax = cli_load_taxonomy(o.taxonomy);
    pc_model *model = NULL;
    int rc = CLI_ERROR;
    if (tax && cli_load_model(tax, a, &model) == 0)
        rc = eval_run(&o, tax, model);
    pc_model_free(model);
    pc_tax_free(tax);
    return rc;
}
