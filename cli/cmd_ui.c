/* cmd_ui.c: `polcmp [--taxonomy FILE] [--model FILE | --no-model] [--regime LIST]
 * [--review FILE] POLICY...`: the review UI. Opens a session (session/session.h) on the
 * policies with the review file (default: polcmp-review.yaml beside the first policy; one that
 * does not parse is reported, never written, and the UI runs on an empty review) and hands it
 * to the UI (tui/). */
#include "cli.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
            cli_error("%s: this session's %zu decision%s could not be saved there and went to %s",
                      path, n, n == 1 ? "" : "s", tries[i]);
            break;
        }
        if (i == 1)
            cli_error("%s: this session's decisions could not be saved anywhere: %s", path,
                      err.msg);
    }
    pc_buf_free(&beside);
}

/* Run the UI on an open session. */
static int ui_main(pc_session *s, const tui_opts *opts, const char *review_path)
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
    int rc = tui_run(&app, opts, &err);
    tui_app_free(&app);
    int unsaved = s->dirty && s->review->n > 0;
    if (unsaved)
        ui_recover(s, review_path);
    if (rc < 0)
        cli_error("%s", err.msg);
    return rc < 0 || unsaved ? CLI_ERROR : CLI_OK;
}

int cmd_ui(const cli_args *a)
{
    const char *review = a->val[CLI_O_REVIEW];
    char *path = review ? pc_strdup(review) : pc_review_default_path(a->args[0]);
    if (!path) {
        cli_error("out of memory");
        return CLI_ERROR;
    }
    /* the UI keeps a policy with no clause, and says so on screen */
    pc_session_opts so = {.taxonomy = cli_taxonomy(a), .regimes = a->regimes, .review = path,
                          .review_lenient = 1, .allow_empty = 1, .model = a->val[CLI_O_MODEL],
                          .no_model = a->val[CLI_O_NO_MODEL] != NULL};
    tui_opts opts = {.color = a->color, .no_mouse = a->val[CLI_O_NO_MOUSE] != NULL};
    pc_session *s = cli_session_open(&so, a->args, a->nargs);
    int status = s ? ui_main(s, &opts, path) : CLI_ERROR;
    pc_session_free(s);
    free(path);
    return status;
}
