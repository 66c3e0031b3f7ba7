/* cmd_eval_findings.c: `polcmp eval --contradictions FILE.jsonl` and `polcmp eval
 * --completeness FILE.jsonl`: findings measured against judged sets (core/eval/
 * eval_findings.h), with --require bounds for CI and --show N to read what was found. The
 * policies are classified as `polcmp compare` classifies them: with the taxonomy's learned
 * model unless --model FILE or --no-model says otherwise. */
#include "cli.h"
#include "eval/eval_findings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EF_EXCERPT 160

static void ef_warn(void *ctx, const char *msg)
{
    (void)ctx;
    cli_warn("%s", msg);
}

/* ---- bounds --------------------------------------------------------------------------- */

/* One bound of --require: a name, its value, whether it is a floor (else a ceiling). */
typedef struct ef_bound {
    const char *name;
    double value;
    int floor;
    int set;
} ef_bound;

#define EF_BOUNDS 3

/* What the command line asks, with the bounds of --require parsed. Borrows the arguments. */
typedef struct ef_opts {
    const char *contradictions, *completeness;
    long show;
    ef_bound b[EF_BOUNDS];
    size_t nb;
} ef_opts;

/* The bounds each measure takes, floors first. */
static const ef_bound ef_contra_bounds[] = {
    {"recall", 0, 1, 0}, {"false-alarms", 0, 0, 0}, {"outside", 0, 0, 0}};
static const ef_bound ef_complete_bounds[] = {{"precision", 0, 1, 0}, {"recall", 0, 1, 0}};

/* Parse "name=X,name=X" into the bounds listed in b (names known in advance). */
static int ef_parse_bounds(const char *spec, ef_bound *b, size_t nb)
{
    for (const char *p = spec; p && *p;) {
        size_t n = strcspn(p, ",");
        const char *eq = memchr(p, '=', n);
        size_t k = 0;
        while (eq && k < nb &&
               (strlen(b[k].name) != (size_t)(eq - p) || strncmp(b[k].name, p, (size_t)(eq - p))))
            k++;
        char *end = NULL;
        double v = eq ? strtod(eq + 1, &end) : 0;
        if (!eq || k == nb || end != p + n || v < 0) {
            pc_buf names = {0};
            for (k = 0; k < nb; k++)
                pc_buf_printf(&names, "%s%s", k ? ", " : "", b[k].name);
            cli_error("eval: --require: bad bound '%.*s' (name=NUMBER with name one of %s)", (int)n,
                      p, names.data ? names.data : "");
            pc_buf_free(&names);
            return -1;
        }
        b[k].value = v;
        b[k].set = 1;
        p += n + (p[n] == ',');
    }
    return 0;
}

/* Report each bound missed; CLI_FAIL_ON when one is. */
static int ef_check(const ef_bound *b, const double *got, size_t nb)
{
    int missed = 0;
    for (size_t k = 0; k < nb; k++) {
        if (!b[k].set || (b[k].floor ? got[k] >= b[k].value : got[k] <= b[k].value))
            continue;
        cli_error("eval: bound not met: %s %.3f %s %.3f", b[k].name, got[k], b[k].floor ? "<" : ">",
                  b[k].value);
        missed = 1;
    }
    return missed ? CLI_FAIL_ON : CLI_OK;
}

/* ---- contradictions ------------------------------------------------------------------- */

/* The first EF_EXCERPT bytes of s on one line (cut on a character boundary). */
static void ef_excerpt(const char *s, char *out, size_t outsz)
{
    size_t n = strlen(s);
    if (n > EF_EXCERPT) {
        n = EF_EXCERPT;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    if (n >= outsz)
        n = outsz - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ? ' ' : s[i];
    out[n] = '\0';
}

static void ef_contra_detectors(const pc_contra_set *set)
{
    for (size_t i = 0; i < set->npairs; i++) {
        const char *d = set->pairs[i].detector;
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = !strcmp(set->pairs[j].detector, d);
        if (seen || !*d)
            continue;
        pc_contra_scores s;
        pc_contra_score(set, d, &s);
        printf("  %-20s recall %3zu/%-3zu %.3f   false alarms %3zu/%-3zu %.3f\n", d, s.found,
               s.positives, s.recall, s.false_alarms, s.negatives, s.false_alarm_rate);
    }
}

static void ef_contra_show(const pc_contra_set *set, long show)
{
    char a[EF_EXCERPT + 1], b[EF_EXCERPT + 1];
    printf("\nfindings outside the judged pairs (%zu, up to %ld shown):\n", set->nextra, show);
    for (size_t i = 0; i < set->nextra && (long)i < show; i++) {
        const pc_contra_extra *x = &set->extra[i];
        ef_excerpt(x->first, a, sizeof a);
        ef_excerpt(x->second, b, sizeof b);
        printf("  %s\n    restriction: %s\n    practice:    %s\n", x->policy, a, b);
    }
    long shown = 0;
    printf("\njudged contradictions not found (up to %ld shown):\n", show);
    for (size_t i = 0; i < set->npairs && shown < show; i++) {
        const pc_contra_pair *p = &set->pairs[i];
        if (!p->positive || p->found)
            continue;
        shown++;
        ef_excerpt(p->text_a, a, sizeof a);
        ef_excerpt(p->text_b, b, sizeof b);
        printf("  %s (%s)\n    a: %s\n    b: %s\n", p->id, p->policy, a, b);
    }
}

static int ef_contradictions(const ef_opts *o, const pc_taxonomy *tax,
                             const pc_classify_opts *copts)
{
    pc_contra_set set;
    pc_error err;
    if (pc_contra_read(o->contradictions, &set, ef_warn, NULL, &err) < 0 ||
        pc_contra_run(tax, copts, &set, ef_warn, NULL, &err) < 0) {
        cli_error("%s", err.msg);
        pc_contra_set_free(&set);
        return CLI_ERROR;
    }
    pc_contra_scores s;
    pc_contra_score(&set, NULL, &s);
    printf("judged pairs %zu (%zu contradictions, %zu rejected) in %zu policies; "
           "%zu contradiction findings\n",
           s.positives + s.negatives, s.positives, s.negatives, s.policies, s.findings);
    printf("recall        %3zu/%-3zu %.3f   (judged contradictions found)\n", s.found, s.positives,
           s.recall);
    printf("false alarms  %3zu/%-3zu %.3f   (rejected pairs found)\n", s.false_alarms, s.negatives,
           s.false_alarm_rate);
    printf("outside       %3zu      %.3f   (findings per policy in no judged pair)\n", s.outside,
           s.outside_per_policy);
    ef_contra_detectors(&set);
    if (o->show)
        ef_contra_show(&set, o->show);
    fflush(stdout);
    double got[] = {s.recall, s.false_alarm_rate, s.outside_per_policy};
    int rc = ef_check(o->b, got, o->nb);
    pc_contra_set_free(&set);
    return rc;
}

/* ---- completeness --------------------------------------------------------------------- */

static void ef_complete_row(const char *name, const pc_complete_counts *c)
{
    printf("%-12s %6zu %7zu %5zu %5zu %5zu %6.3f %6.3f\n", name, c->judged, c->gold, c->tp, c->fp,
           c->fn, c->precision, c->recall);
}

/* Up to `show` policies where a requirement is wrongly reported missing, and where it is
 * missed, one line each. */
static void ef_complete_errors(const pc_complete_set *set, const pc_taxonomy *tax, long show)
{
    printf("\n");
    for (size_t r = 0; r < set->nreqs; r++)
        for (int fp = 1; fp >= 0; fp--) {
            long shown = 0;
            for (size_t i = 0; i < set->n && shown < show; i++) {
                const pc_complete_case *c = &set->cases[i];
                if (!c->judged[r] || c->gold[r] == fp || c->pred[r] != fp)
                    continue;
                if (shown++ == 0)
                    printf("%s %s:", tax->reqs[r].id,
                           fp ? "reported missing, judged present"
                              : "judged missing, not reported");
                printf(" %s", c->policy);
            }
            if (shown)
                printf("\n");
        }
}

static int ef_completeness(const ef_opts *o, const pc_taxonomy *tax,
                           const pc_classify_opts *copts)
{
    pc_complete_set set;
    pc_error err;
    if (pc_complete_read(tax, o->completeness, &set, ef_warn, NULL, &err) < 0 ||
        pc_complete_run(tax, copts, &set, ef_warn, NULL, &err) < 0) {
        cli_error("%s", err.msg);
        pc_complete_set_free(&set);
        return CLI_ERROR;
    }
    printf("policies %zu; a requirement is missing when judged absent or partial\n", set.n);
    printf("%-12s %6s %7s %5s %5s %5s %6s %6s\n", "requirement", "judged", "missing", "TP", "FP",
           "FN", "P", "R");
    pc_complete_counts c;
    for (size_t r = 0; r < set.nreqs; r++) {
        pc_complete_score(&set, (int)r, &c);
        if (c.judged)
            ef_complete_row(tax->reqs[r].id, &c);
    }
    pc_complete_score(&set, -1, &c);
    ef_complete_row("all", &c);
    if (o->show)
        ef_complete_errors(&set, tax, o->show);
    fflush(stdout);
    double got[] = {c.precision, c.recall};
    int rc = ef_check(o->b, got, o->nb);
    pc_complete_set_free(&set);
    return rc;
}

int cmd_eval_findings(const cli_args *a)
{
    ef_opts o = {.contradictions = a->val[CLI_O_CONTRADICTIONS],
                 .completeness = a->val[CLI_O_COMPLETENESS],
                 .show = a->show};
    const ef_bound *bounds = o.contradictions ? ef_contra_bounds : ef_complete_bounds;
    o.nb = o.contradictions ? sizeof ef_contra_bounds / sizeof *bounds
                            : sizeof ef_complete_bounds / sizeof *bounds;
    memcpy(o.b, bounds, o.nb * sizeof *bounds);
    if (a->val[CLI_O_REQUIRE] && ef_parse_bounds(a->val[CLI_O_REQUIRE], o.b, o.nb) < 0)
        return CLI_ERROR;
    pc_taxonomy *tax = cli_load_taxonomy(cli_taxonomy(a));
    pc_model *model = NULL;
    if (!tax || cli_load_model(tax, a, &model) < 0) {
        pc_tax_free(tax);
        return CLI_ERROR;
    }
    pc_classify_opts copts = {.model = model};
    int rc = o.contradictions ? ef_contradictions(&o, tax, &copts)
                              : ef_completeness(&o, tax, &copts);
    pc_model_free(model);
    pc_tax_free(tax);
    return rc;
}
