/* cmd_compare.c: `polcmp compare [--taxonomy FILE] [--regime LIST] [--format F] [-o OUT]
 * [--fail-on KINDS] [--review FILE] POLICY...`: the comparison as a table (csv, tsv, md, html,
 * xlsx) or as JSON. With -o the format follows the extension unless --format is given; without
 * -o text formats go to stdout (Markdown by default). Output files are written atomically.
 * --review FILE reads a reviewer's decisions (review.h; never written here): relabels are applied
 * before comparing, exports carry the decisions, and dismissed findings do not trigger
 * --fail-on. Without it no review file is read. */
#include "cli.h"
#include "compare/compare.h"
#include "present/export.h"
#include "review/review.h"

#include "util/atomic.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

/* Parsed command line; borrows argv. */
typedef struct compare_opts {
    const char *taxonomy, *out, *review;
    cli_model_opt model;
    unsigned regimes, fail_on;
    int allow_empty;
    pc_export_format format;
    char **policies;
    size_t npolicies;
} compare_opts;

static void compare_usage(void)
{
    fprintf(stderr, "usage: polcmp compare [--taxonomy FILE] [--model FILE | --no-model] "
                    "[--regime gdpr,ccpa,coppa] [--format csv|tsv|md|html|xlsx|json] [-o OUT] "
                    "[--fail-on KINDS] [--review FILE] [--encoding NAME] [--allow-empty] "
                    "POLICY...\n");
}

static int compare_option(int ch, compare_opts *o)
{
    switch (ch) {
    case 't': o->taxonomy = optarg; return 0;
    case 'o': o->out = optarg; return 0;
    case 'R': o->review = optarg; return 0;
    case 'm': o->model.path = optarg; return 0;
    case 'M': o->model.off = 1; return 0;
    case 'A': o->allow_empty = 1; return 0;
    case 'E': return cli_opt_encoding("compare", optarg);
    case 'r':
        return cli_opt_regimes("compare", optarg, &o->regimes);
    case 'x':
        return cli_opt_kinds("compare", optarg, &o->fail_on);
    case 'f':
        o->format = pc_export_format_from_name(optarg);
        if (o->format != PC_EXPORT_NONE)
            return 0;
        cli_error("compare: unknown format '%s' (csv, tsv, md, html, xlsx or json)", optarg);
        return -1;
    default: compare_usage(); return -1;
    }
}

static int compare_args(int argc, char **argv, compare_opts *o)
{
    static const struct option longopts[] = {
        {"taxonomy", required_argument, NULL, 't'}, {"regime", required_argument, NULL, 'r'},
        {"format", required_argument, NULL, 'f'},   {"output", required_argument, NULL, 'o'},
        {"fail-on", required_argument, NULL, 'x'},  {"review", required_argument, NULL, 'R'},
        {"model", required_argument, NULL, 'm'},    {"no-model", no_argument, NULL, 'M'},
        {"allow-empty", no_argument, NULL, 'A'},    {"encoding", required_argument, NULL, 'E'},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, "o:", longopts, NULL)) != -1)
        if (compare_option(ch, o) < 0)
            return -1;
    o->policies = argv + optind;
    o->npolicies = (size_t)(argc - optind);
    if (o->npolicies == 0) {
        compare_usage();
        return -1;
    }
    if (o->format == PC_EXPORT_NONE && o->out) {
        o->format = pc_export_format_from_path(o->out);
        if (o->format == PC_EXPORT_NONE) {
            cli_error("compare: %s: cannot tell the format from the extension; use --format",
                      o->out);
            return -1;
        }
    }
    if (o->format == PC_EXPORT_NONE)
        o->format = PC_EXPORT_MD;
    if (!o->out && !pc_export_is_text(o->format)) {
        cli_error("compare: %s is not written to the terminal; give -o FILE",
                  pc_export_format_name(o->format));
        return -1;
    }
    if (!o->taxonomy)
        o->taxonomy = cli_default_taxonomy();
    return 0;
}

static int compare_write_stream(const pc_comparison *c, const pc_review_map *map,
                                pc_export_format fmt, FILE *f, pc_error *err)
{
    if (fmt == PC_EXPORT_JSON)
        return pc_comparison_json_reviewed(c, map, f, err);
    pc_report *r = pc_comparison_report_reviewed(c, map);
    if (!r) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    int rc = pc_export_stream(r, fmt, f, err);
    pc_report_free(r);
    return rc;
}

static int compare_write(const pc_comparison *c, const pc_review_map *map, const compare_opts *o)
{
    pc_error err;
    int rc;
    if (!o->out) {
        rc = compare_write_stream(c, map, o->format, stdout, &err);
    } else if (o->format == PC_EXPORT_XLSX) {
        pc_report *r = pc_comparison_report_reviewed(c, map);
        rc = r ? pc_export_file(r, o->format, o->out, &err) : -1;
        if (!r)
            pc_error_set(&err, "%s: out of memory", o->out);
        pc_report_free(r);
    } else {
        pc_outfile out;
        rc = pc_outfile_open(&out, o->out, &err);
        if (rc == 0 && compare_write_stream(c, map, o->format, out.f, &err) < 0) {
            pc_error cause = err;
            pc_error_set(&err, "%s: %s", o->out, cause.msg);
            pc_outfile_abort(&out);
            rc = -1;
        } else if (rc == 0) {
            rc = pc_outfile_commit(&out, &err);
        }
    }
    if (rc < 0)
        cli_error("%s", err.msg);
    return rc;
}

/* Whether a finding of a --fail-on kind remains that the reviewer did not dismiss. */
static int compare_fails(const pc_comparison *c, const pc_review_map *map, unsigned kinds)
{
    for (size_t i = 0; i < c->nfindings; i++)
        if (((kinds >> c->findings[i].kind) & 1) && !pc_review_map_dismissed(map, i))
            return 1;
    return 0;
}

/* The decisions placed on the comparison (NULL without a review). 0, or -1 after printing why. */
static int compare_review(const cli_run *run, const pc_review *rev, pc_review_map **map)
{
    pc_error err;
    *map = NULL;
    if (rev && !(*map = pc_review_map_new(rev, run->cmp, &err))) {
        cli_error("%s", err.msg);
        return -1;
    }
    return 0;
}

int cmd_compare(int argc, char **argv)
{
    if (cli_compare_wants_batch(argc, argv))
        return cmd_compare_batch(argc, argv); /* a corpus: batch_compare.c */
    compare_opts o;
    cli_run run;
    pc_error err;
    pc_review *rev = NULL;
    if (compare_args(argc, argv, &o) < 0)
        return CLI_ERROR;
    if (o.review && !(rev = pc_review_load(o.review, &err))) {
        cli_error("%s", err.msg);
        return CLI_ERROR;
    }
    if (cli_run_open(&run, o.taxonomy, &o.model, o.policies, o.npolicies, o.regimes, rev,
                     o.allow_empty) < 0) {
        pc_review_free(rev);
        return CLI_ERROR;
    }
    int status = CLI_ERROR;
    pc_review_map *map = NULL;
    if (compare_review(&run, rev, &map) == 0 && compare_write(run.cmp, map, &o) == 0) {
        status = run.skipped                              ? CLI_ERROR
                 : compare_fails(run.cmp, map, o.fail_on) ? CLI_FAIL_ON
                                                          : CLI_OK;
        if (run.skipped)
            cli_error("compare: %zu of %zu policies skipped (see above)", run.skipped,
                      o.npolicies);
    }
    pc_review_map_free(map);
    pc_review_free(rev);
    cli_run_close(&run);
    return status;
}
