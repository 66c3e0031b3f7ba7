/* cmd_ui.c: `polcmp [--taxonomy FILE] [--model FILE | --no-model] [--regime LIST]
 * [--review FILE] POLICY...`: the review UI. Loads the review file (default: polcmp-review.yaml beside the first policy), applies the
 * reviewer's relabels, compares, and hands everything to the UI (tui/). */
#include "cli.h"
#include "compare/compare.h"
#include "review/review.h"
#include "tui.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct ui_opts {
    const char *taxonomy, *review;
    cli_model_opt model;
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
        {"model", required_argument, NULL, 'm'},
        {"no-model", no_argument, NULL, 'M'},
        {"encoding", required_argument, NULL, 'E'},
        {NULL, 0, NULL, 0},
    };
    memset(o, 0, sizeof *o);
    optind = 1;
    int ch;
    while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        if (ch == 't')
            o->taxonomy = optarg;
        else if (ch == 'v')
            o->review = optarg;
        else if (ch == 'm')
            o->model.path = optarg;
        else if (ch == 'M')
            o->model.off = 1;
        else if (ch == 'E' && cli_opt_encoding("", optarg) < 0)
            return -1;
        else if (ch == 'E')
            continue;
        else if (ch != 'r' || cli_opt_regimes("", optarg, &o->regimes) < 0)
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

/* Load the review file at `path`; a file that fails to parse is reported (and never written). */
static pc_review *ui_review(const char *path, char *error, size_t n)
{
    pc_error err;
    pc_review *r = path ? pc_review_load(path, &err) : NULL;
    if (!r) {
        snprintf(error, n, "%s", path ? err.msg : "out of memory");
        cli_error("%s (the review file is left untouched)", error);
    }
    return r;
}

/* Decisions that could not go to the review file (it did not parse, or saving kept failing)
 * are written beside it, or in the temporary directory, so quitting never loses them. */
static void ui_recover(pc_review *r, const char *path)
{
    char stamp[32], tmp[256];
    time_t now = time(NULL);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", gmtime(&now));
    const char *dir = getenv("TMPDIR");
    snprintf(tmp, sizeof tmp, "%s/polcmp-review-unsaved-%s-%ld.yaml", dir && *dir ? dir : "/tmp",
             stamp, (long)getpid());
    pc_buf beside = {0};
    pc_buf_printf(&beside, "%s.unsaved-%s.yaml", path ? path : "polcmp-review", stamp);
    const char *tries[] = {beside.data, tmp};
    pc_error err = {{0}};
    for (size_t i = 0; i < 2; i++) {
        char *old = r->path;
        r->path = (char *)tries[i];
        int rc = tries[i] ? pc_review_save(r, &err) : -1;
        r->path = old;
        if (rc == 0) {
            cli_error("this session's %zu decision%s could not go to %s and were saved to %s",
                      r->n, r->n == 1 ? "" : "s", path ? path : "the review file", tries[i]);
            break;
        }
        if (i == 1)
            cli_error("this session's decisions could not be saved anywhere: %s", err.msg);
    }
    pc_buf_free(&beside);
}

/* Run the UI on an opened comparison; the app takes the review (NULL when its file did not
 * parse: review_error says why). */
static int ui_main(cli_run *run, const ui_opts *o, const char *review_path, pc_review *review,
                   const char *review_error)
{
    tui_app app;
    pc_error err;
    pc_comparison *cmp = run->cmp;
    run->cmp = NULL; /* the app owns it now */
    if (tui_app_init(&app, run->tax, run->pols, run->n, o->regimes, cmp, review, review_error,
                     &err) < 0) {
        tui_app_free(&app);
        cli_error("%s", err.msg);
        return CLI_ERROR;
    }
    if (run->skipped && !review_error[0])
        tui_app_message(&app, 1, "%zu file%s could not be read and %s left out (see the errors "
                                 "printed before the UI started)",
                        run->skipped, run->skipped == 1 ? "" : "s",
                        run->skipped == 1 ? "is" : "are");
    int rc = tui_run(&app, &err);
    int unsaved = app.review_dirty && app.review->n > 0;
    if (unsaved)
        ui_recover(app.review, review_path);
    tui_app_free(&app);
    if (rc < 0)
        cli_error("%s", err.msg);
    return rc < 0 || unsaved ? CLI_ERROR : CLI_OK;
}

int cmd_ui(int argc, char **argv)
{
    ui_opts o;
    cli_run run;
    if (ui_args(argc, argv, &o) < 0)
        return CLI_ERROR;
    char *path = o.review ? pc_strdup(o.review) : pc_review_default_path(o.policies[0]);
    char review_error[PC_ERROR_MAX] = "";
    pc_review *review = ui_review(path, review_error, sizeof review_error);
    int status = CLI_ERROR;
    /* the UI keeps a policy with no clause, and says so on screen */
    if (cli_run_open(&run, o.taxonomy, &o.model, o.policies, o.npolicies, o.regimes, review, 1) ==
        0) {
        status = ui_main(&run, &o, path, review, review_error);
        cli_run_close(&run);
    } else {
        pc_review_free(review);
    }
    free(path);
    return status;
}
