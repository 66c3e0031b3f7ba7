/* cmd_compare.c: `polcmp compare [--taxonomy FILE] [--regime LIST] [--format F] [-o OUT]
 * [--fail-on KINDS] [--review FILE] POLICY...`: the comparison as a table (csv, tsv, md, html,
 * xlsx) or as JSON, by the table of writers (present/writer.h). With -o the format follows the
 * extension unless --format is given; without -o formats that can go to a stream go to stdout
 * (Markdown by default). Output files are written atomically. --review FILE reads a reviewer's
 * decisions (never written here): relabels are laid over the classifications before comparing,
 * exports carry the decisions, and dismissed findings do not trigger --fail-on. Without it no
 * review file is read. Everything is done by a session (session/session.h). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The writer and the output file of --format and -o. */
static const pc_writer *compare_writer(const cli_args *a)
{
    const char *out = a->val[CLI_O_OUTPUT], *format = a->val[CLI_O_FORMAT];
    const pc_writer *w = format ? pc_writer_named(format)
                         : out  ? pc_writer_for_path(out)
                                : pc_writer_named("md");
    if (!w)
        cli_error("compare: -o: cannot tell the format of %s from its extension; give --format",
                  out);
    else if (!out && !w->stream)
        cli_error("compare: --format: %s is not written to the terminal; give -o FILE", w->name);
    return w && (out || w->stream) ? w : NULL;
}

static int compare_write(const pc_session *s, const pc_writer *w, const char *out)
{
    pc_error err = {{0}};
    int rc = out ? pc_session_export(s, w, out, &err) : pc_session_write(s, w, stdout, &err);
    if (rc < 0)
        cli_error("%s", err.msg);
    return rc;
}

/* CLI_FAIL_ON, after saying which findings met --fail-on (those the reviewer did not dismiss),
 * or CLI_OK. */
static int compare_fail_on(const cli_args *a, const pc_session *s)
{
    size_t counts[PC_FIND_COUNT] = {0}, n = 0, total = 0;
    char *lines[CLI_TRIP_SHOWN];
    for (size_t i = 0; i < s->cmp->nfindings; i++) {
        const pc_finding *f = &s->cmp->findings[i];
        if (!((a->fail_on >> f->kind) & 1) || pc_review_map_dismissed(s->map, i))
            continue;
        counts[f->kind]++;
        total++;
        if (n < CLI_TRIP_SHOWN && (lines[n] = cli_trip_line(s->cmp, f)) != NULL)
            n++;
    }
    if (total)
        cli_fail_on_report(a, counts, lines, n);
    for (size_t i = 0; i < n; i++)
        free(lines[i]);
    return total ? CLI_FAIL_ON : CLI_OK;
}

int cmd_compare(const cli_args *a)
{
    if (cli_fail_on_check(a) < 0)
        return CLI_ERROR;
    if (cli_compare_is_batch(a))
        return cmd_compare_batch(a); /* a corpus: batch_compare.c */
    const pc_writer *w = compare_writer(a);
    if (!w)
        return CLI_ERROR;
    pc_session_opts so = {.taxonomy = cli_taxonomy(a),
                          .regimes = a->regimes,
                          .review = a->val[CLI_O_REVIEW],
                          .allow_empty = a->val[CLI_O_ALLOW_EMPTY] != NULL,
                          .model = a->val[CLI_O_MODEL],
                          .no_model = a->val[CLI_O_NO_MODEL] != NULL,
                          .written_only = 1};
    pc_session *s = cli_session_open(&so, a->args, a->nargs);
    if (!s)
        return CLI_ERROR;
    int status = CLI_ERROR;
    if (compare_write(s, w, a->val[CLI_O_OUTPUT]) == 0) {
        status = s->skipped ? CLI_ERROR : compare_fail_on(a, s);
        if (s->skipped)
            cli_error("compare: %zu of %zu policies skipped (see above)", s->skipped, a->nargs);
    }
    pc_session_free(s);
    return status;
}
