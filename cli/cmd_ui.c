/* cmd_ui.c: `polcmp [--taxonomy FILE] [--regime LIST] [--review FILE] POLICY...`.
 * The ncurses review UI is not built yet; until it is, this prints what the UI will show
 * first: each policy's outline, then the comparison's findings, most severe first. */
#include "cli.h"
#include "compare.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

typedef struct ui_opts {
    const char *taxonomy, *review;
    unsigned regimes;
    char **policies;
    size_t npolicies;
} ui_opts;

static int ui_args(int argc, char **argv, ui_opts *o)
{
    static const struct option longopts[] = {
        {"taxonomy", required_argument, NULL, 't'},
        {"regime", required_argument, NULL, 'r'},
        {"review", required_argument, NULL, 'v'},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    optind = 1;
    int ch;
    pc_error err;
    while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (ch == 't')
            o->taxonomy = optarg;
        else if (ch == 'v')
            o->review = optarg;
        else if (ch == 'r' && pc_regimes_parse(optarg, &o->regimes, &err) < 0) {
            cli_error("--regime: %s", err.msg);
            return -1;
        } else if (ch != 'r')
            return -1;
    }
    o->policies = argv + optind;
    o->npolicies = (size_t)(argc - optind);
    if (!o->npolicies) {
        cli_error("no policy given (polcmp --help)");
        return -1;
    }
    if (!o->taxonomy)
        o->taxonomy = cli_default_taxonomy();
    return 0;
}

static void ui_print(const pc_comparison *c)
{
    for (size_t pi = 0; pi < c->npolicies; pi++) {
        printf("\n## %s (%s)\n", c->policies[pi]->name, c->policies[pi]->doc->path);
        cli_print_outline(c->policies[pi]->outline);
    }
    printf("\n## Findings\n");
    for (int k = 0; k < PC_FIND_COUNT; k++)
        printf("%s%zu %s", k ? ", " : "", c->counts[k], pc_finding_kind_name((pc_finding_kind)k));
    putchar('\n');
    for (size_t i = 0; i < c->nfindings; i++) {
        const pc_finding *f = &c->findings[i];
        printf("[%s] %s: %s\n", pc_severity_name(f->severity), pc_finding_kind_name(f->kind),
               f->message);
    }
}

int cmd_ui(int argc, char **argv)
{
    ui_opts o;
    cli_run run;
    if (ui_args(argc, argv, &o) < 0 ||
        cli_run_open(&run, o.taxonomy, o.policies, o.npolicies, o.regimes) < 0)
        return CLI_ERROR;
    printf("polcmp: the review UI is not built yet; the outline and findings follow.\n");
    ui_print(run.cmp);
    int status = run.skipped ? CLI_ERROR : CLI_OK;
    cli_run_close(&run);
    return status;
}
