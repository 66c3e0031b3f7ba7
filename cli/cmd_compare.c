/* cmd_compare.c: `polcmp compare [--taxonomy FILE] [--regime LIST] [--format F] [-o OUT]
 * [--fail-on KINDS] [--review FILE] POLICY...`: the comparison as a table (csv, tsv, md, html,
 * xlsx) or as JSON, by the table of writers (present/writer.h). With -o the format follows the
 * extension unless --format is given; without -o formats that can go to a stream go to stdout
 * (Markdown by default). Output files are written atomically. --review FILE reads a reviewer's
 * decisions (never written here): relabels are laid over the classifications before comparing,
 * exports carry the decisions, and dismissed findings do not trigger --fail-on. Without it no
 * review file is read. Everything is done by a session (session/session.h). */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

/* Parsed command line; borrows argv. */
typedef struct compare_opts {
    const char *taxonomy, *out, *review;
    cli_model_opt model;
    unsigned regimes, fail_on;
    int allow_empty;
    const pc_writer *writer;
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
        if ((o->writer = pc_writer_named(optarg)) != NULL)
            return 0;
        pc_buf names = {0};
        pc_writer_list(&names, 0);
        cli_error("compare: unknown format '%s' (%s)", optarg, names.data ? names.data : "");
        pc_buf_free(&names);
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
    if (!o->writer && o->out && !(o->writer = pc_writer_for_path(o->out))) {
        cli_error("compare: %s: cannot tell the format from the extension; use --format", o->out);
        return -1;
    }
    if (!o->writer)
        o->writer = pc_writer_named("md");
    if (!o->out && !o->writer->stream) {
        cli_error("compare: %s is not written to the terminal; give -o FILE", o->writer->name);
        return -1;
    }
    if (!o->taxonomy)
        o->taxonomy = cli_default_taxonomy();
    return 0;
}

static int compare_write(const pc_session *s, const compare_opts *o)
{
    pc_error err = {{0}};
    int rc = o->out ? pc_session_export(s, o->writer, o->out, &err)
                    : pc_session_write(s, o->writer, stdout, &err);
    if (rc < 0)
        cli_error("%s", err.msg);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    if (cli_compare_wants_batch(argc, argv))
        return cmd_compare_batch(argc, argv); /* a corpus: batch_compare.c */
    compare_opts o;
    if (compare_args(argc, argv, &o) < 0)
        return CLI_ERROR;
    pc_session_opts so = {.taxonomy = o.taxonomy, .regimes = o.regimes, .review = o.review,
                          .allow_empty = o.allow_empty, .model = o.model.path,
                          .no_model = o.model.off};
    pc_session *s = cli_session_open(&so, o.policies, o.npolicies);
    if (!s)
        return CLI_ERROR;
    int status = CLI_ERROR;
    if (compare_write(s, &o) == 0) {
        status = s->skipped                         ? CLI_ERROR
                 : pc_session_fails_on(s, o.fail_on) ? CLI_FAIL_ON
                                                     : CLI_OK;
        if (s->skipped)
            cli_error("compare: %zu of %zu policies skipped (see above)", s->skipped,
                      o.npolicies);
    }
    pc_session_free(s);
    return status;
}
