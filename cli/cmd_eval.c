/* cmd_eval.c: `polcmp eval [--taxonomy FILE] [--require BOUNDS] [--worst N] [--json] GOLD.jsonl`
 * measures the taxonomy against a gold file: per-category table, micro/macro F1, and the worst
 * false positives and negatives. The arithmetic lives in core/eval.c. */
#include "cli.h"
#include "eval/eval.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EVAL_HEAD_BYTES 100

/* --worst N, 3 when not given. */
static long eval_worst(const cli_args *a)
{
    return a->val[CLI_O_WORST] ? a->worst : 3;
}

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

static void eval_print_table(const pc_eval_counts *c, const pc_eval_scores *s)
{
    printf("%-38s %7s %5s %5s %5s %6s %6s %6s\n", "category", "support", "TP", "FP", "FN",
           "P", "R", "F1");
    for (int k = 0; k < PC_OPP_COUNT; k++)
        printf("%-38s %7zu %5zu %5zu %5zu %6.3f %6.3f %6.3f%s\n", pc_opp10_name(k),
               c->support[k], c->tp[k], c->fp[k], c->fn[k], s->p[k], s->r[k], s->f1[k],
               s->in_macro[k] ? "" : "  (no gold, no predictions: left out of macro)");
    printf("\nrecords %zu\nmicro   P %.3f  R %.3f  F1 %.3f\n", c->cases, s->micro_p, s->micro_r,
           s->micro_f1);
    printf("macro   F1 %.3f (mean over %zu categories; a category with no gold and no "
           "predictions is left out)\nlowest  F1 %.3f\n",
           s->macro_f1, s->macro_n, s->min_f1);
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

static void eval_print_json(const cli_args *a, const pc_eval_set *set, const pc_eval_counts *c,
                            const pc_eval_scores *s)
{
    long worst = eval_worst(a);
    size_t *idx = calloc((size_t)worst + 1, sizeof *idx);
    json_t *cats = json_array();
    for (int k = 0; idx && k < PC_OPP_COUNT; k++)
        json_array_append_new(
            cats, json_pack("{s:s, s:I, s:I, s:I, s:I, s:f, s:f, s:f, s:b, s:o, s:o}", "opp115",
                            pc_opp10_name(k), "support", (json_int_t)c->support[k], "tp",
                            (json_int_t)c->tp[k], "fp", (json_int_t)c->fp[k], "fn",
                            (json_int_t)c->fn[k], "precision", s->p[k], "recall", s->r[k],
                            "f1", s->f1[k], "in_macro", s->in_macro[k], "false_positives",
                            eval_json_worst(set, k, 1, worst, idx), "false_negatives",
                            eval_json_worst(set, k, 0, worst, idx)));
    json_t *root = json_pack("{s:s, s:s, s:I, s:I, s:o, s:{s:f, s:f, s:f}, s:f, s:f}", "gold",
                             a->args[0], "taxonomy", cli_taxonomy(a), "records", (json_int_t)c->cases,
                             "skipped", (json_int_t)set->skipped, "categories", cats, "micro",
                             "precision", s->micro_p, "recall", s->micro_r, "f1", s->micro_f1,
                             "macro_f1", s->macro_f1, "min_f1", s->min_f1);
    if (root) {
        json_dumpf(root, stdout, JSON_INDENT(2) | JSON_REAL_PRECISION(4));
        fputc('\n', stdout);
    }
    json_decref(root);
    free(idx);
}

static int eval_report(const cli_args *a, const pc_eval_set *set)
{
    pc_eval_counts counts = {0};
    for (size_t i = 0; i < set->n; i++)
        pc_eval_count(&counts, set->cases[i].gold, set->cases[i].pred);
    pc_eval_scores s;
    pc_eval_score(&counts, &s);
    if (a->val[CLI_O_JSON]) {
        eval_print_json(a, set, &counts, &s);
    } else {
        eval_print_table(&counts, &s);
        eval_print_worst(set, eval_worst(a));
    }
    fflush(stdout);
    if (!a->val[CLI_O_REQUIRE])
        return CLI_OK;
    pc_eval_bounds b;
    pc_error err = {{0}};
    if (pc_eval_parse_bounds(a->val[CLI_O_REQUIRE], &b, &err) < 0) {
        cli_error("eval: --require: %s", err.msg);
        return CLI_ERROR;
    }
    pc_buf msg = {0};
    int missed = pc_eval_check(&s, &b, &msg);
    for (const char *p = msg.data; missed && p && *p;) {
        size_t n = strcspn(p, "\n");
        cli_error("eval: --require: bound not met: %.*s", (int)n, p);
        p += n + (p[n] == '\n');
    }
    pc_buf_free(&msg);
    return missed ? CLI_FAIL_ON : CLI_OK;
}

int cmd_eval(const cli_args *a)
{
    pc_error err = {{0}};
    pc_eval_bounds b;
    if (a->val[CLI_O_REQUIRE] && pc_eval_parse_bounds(a->val[CLI_O_REQUIRE], &b, &err) < 0) {
        cli_error("eval: --require: %s", err.msg);
        return CLI_ERROR;
    }
    pc_taxonomy *tax = cli_load_taxonomy(cli_taxonomy(a));
    if (!tax)
        return CLI_ERROR;
    pc_eval_set set;
    int rc = CLI_ERROR;
    if (pc_eval_read(a->args[0], &set, eval_warn, NULL, &err) < 0)
        cli_error("%s", err.msg);
    else if (pc_eval_classify(tax, &set, eval_warn, NULL, &err) < 0)
        cli_error("%s", err.msg);
    else
        rc = eval_report(a, &set);
    pc_eval_set_free(&set);
    pc_tax_free(tax);
    return rc;
}
