/* cmd_ui.c: `polcmp [--taxonomy FILE] [--model FILE | --no-model] [--regime LIST]
 * [--review FILE] POLICY...`: the review UI. Opens a session (session/session.h) on the
 * policies with the review file (default: polcmp-review.yaml beside the first policy; one that
 * does not parse is reported, never written, and the UI runs on an empty review) and hands it
 * to the UI (tui/). */
#include "cli.h"
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

/* Decisions that could not go to the review file (it did not parse, or saving kept failing)
 * are written beside it, or in the temporary directory, so quitting never loses them. */
static void ui_recover(pc_session *s, const char *path)
{
    char stamp[32], tmp[256];
    time_t now = time(NULL);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", gmtime(&now));
    const char *dir = getenv("TMPDIR");
    snprintf(tmp, sizeof tmp, "%s/polcmp-review-unsaved-%s-%ld.yaml", dir && *dir ? dir : "/tmp",
             stamp, (long)getpid());
    pc_buf beside = {0};
    pc_buf_printf(&beside, "%s.unsaved-%s.yaml", path, stamp);
    const char *tries[] = {beside.data, tmp};
    size_t n = s->review->n;
    for (size_t i = 0; i < 2; i++) {
        pc_error err = {{0}};
        if (tries[i] && pc_session_save_as(s, tries[i], &err) == 0) {
            cli_error("this session's %zu decision%s could not go to %s and were saved to %s", n,
                      n == 1 ? "" : "s", path, tries[i]);
            break;
        }
        if (i == 1)
            cli_error("this session's decisions could not be saved anywhere: %s", err.msg);
    }
    pc_buf_free(&beside);
}

/* Run the UI on an open session. */
static int ui_main(pc_session *s, const char *review_path)
{
    tui_app app;
    pc_error err = {{0}};
    s->note = NULL; /* what the session tells from now on must not print over the screen */
    if (tui_app_init(&app, s, &err) < 0) {
        tui_app_free(&app);
        cli_error("%s", err.msg);
        return CLI_ERROR;
    }
    if (s->skipped && !s->review_error[0])
        tui_app_message(&app, 1, "%zu file%s could not be read and %s left out (see the errors "
                                 "printed before the UI started)",
                        s->skipped, s->skipped == 1 ? "" : "s", s->skipped == 1 ? "is" : "are");
    tui_opts topts = {0};
    int rc = tui_run(&app, &topts, &err);
    tui_app_free(&app);
    int unsaved = s->dirty && s->review->n > 0;
    if (unsaved)
        ui_recover(s, review_path);
    if (rc < 0)
        cli_error("%s", err.msg);
    return rc < 0 || unsaved ? CLI_ERROR : CLI_OK;
}

int cmd_ui(int argc, char **argv)
{
    ui_opts o;
    if (ui_args(argc, argv, &o) < 0)
        return CLI_ERROR;
    char *path = o.review ? pc_strdup(o.review) : pc_review_default_path(o.policies[0]);
    if (!path) {
        cli_error("out of memory");
        return CLI_ERROR;
    }
    /* the UI keeps a policy with no clause, and says so on screen */
    pc_session_opts so = {.taxonomy = o.taxonomy, .regimes = o.regimes, .review = path,
                          .review_lenient = 1, .allow_empty = 1, .model = o.model.path,
                          .no_model = o.model.off};
    pc_session *s = cli_session_open(&so, o.policies, o.npolicies);
    int status = s ? ui_main(s, path) : CLI_ERROR;
    pc_session_free(s);
    free(path);
    return status;
}
