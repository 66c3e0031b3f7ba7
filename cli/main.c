/* main.c: polcmp's commands, as data (cli.h), and the entry point that picks one. */
#include "cli.h"

#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#define USES(u) .uses = u, .nuses = sizeof u / sizeof u[0]
#define ALL     0xFu

static const cli_use ui_uses[] = {
    {.id = CLI_O_TAXONOMY, .forms = ALL},
    {.id = CLI_O_REGIME, .forms = ALL},
    {.id = CLI_O_REVIEW,
     .forms = ALL,
     .help =
         "the review file, where every decision is written at once (default: polcmp-review.yaml "
         "beside the first policy)"},
    {.id = CLI_O_MODEL, .forms = ALL},
    {.id = CLI_O_NO_MOUSE, .forms = ALL},
    {.id = CLI_O_NO_MODEL},
    {.id = CLI_O_ENCODING},
    {.id = CLI_O_VERSION},
};

static const cli_use segment_uses[] = {
    {.id = CLI_O_JSON,
     .forms = ALL,
     .help = "print the outline as JSON (offsets are bytes of the normalized text)"},
    {.id = CLI_O_ENCODING},
};

static const cli_use classify_uses[] = {
    {.id = CLI_O_TAXONOMY, .forms = ALL},
    {.id = CLI_O_MODEL, .forms = ALL},
    {.id = CLI_O_JOBS, .forms = ALL},
    {.id = CLI_O_SEGMENTS, .forms = 2, .required = 2},
    {.id = CLI_O_FIELDS, .forms = ALL},
    {.id = CLI_O_NO_MODEL},
    {.id = CLI_O_ENCODING},
};

static const cli_use compare_uses[] = {
    {.id = CLI_O_TAXONOMY, .forms = ALL},
    {.id = CLI_O_MODEL, .forms = ALL},
    {.id = CLI_O_REGIME, .forms = ALL},
    {.id = CLI_O_FORMAT, .forms = 1},
    {.id = CLI_O_OUTPUT, .forms = ALL},
    {.id = CLI_O_FAIL_ON, .forms = ALL},
    {.id = CLI_O_REVIEW,
     .forms = 1,
     .help =
         "read the reviewer's decisions (never written): relabels apply, dismissed findings do not "
         "trip --fail-on, exports carry them"},
    {.id = CLI_O_ALLOW_EMPTY, .forms = ALL},
    {.id = CLI_O_JOBS,
     .forms = 2,
     .help = "work on N policies at once (default: every core); a corpus, as JSON Lines"},
    {.id = CLI_O_NO_MODEL},
    {.id = CLI_O_ENCODING},
};

static const cli_use eval_uses[] = {
    {.id = CLI_O_TAXONOMY, .forms = ALL},
    {.id = CLI_O_MODEL, .forms = ALL},
    {.id = CLI_O_CLAUSES, .forms = 1},
    {.id = CLI_O_REQUIRE,
     .forms = ALL,
     .help = "exit 1 unless these bounds are met: with GOLD.jsonl the F1 of the classifier "
             "polcmp uses, macro=X,micro=X,min=X; with --contradictions "
             "recall=X,false-alarms=X,outside=X "
             "(false alarms a share of the rejected pairs, outside findings per policy); with "
             "--completeness precision=X,recall=X"},
    {.id = CLI_O_WORST, .forms = 1},
    {.id = CLI_O_JSON, .forms = 1, .help = "print the figures as JSON"},
    {.id = CLI_O_SHOW, .forms = 6},
    {.id = CLI_O_CONTRADICTIONS, .forms = 2, .required = 2},
    {.id = CLI_O_COMPLETENESS, .forms = 4, .required = 4},
    {.id = CLI_O_NO_MODEL},
};

static const cli_use train_uses[] = {
    {.id = CLI_O_TAXONOMY, .forms = ALL},
    {.id = CLI_O_REVIEW,
     .forms = ALL,
     .help =
         "a review file whose relabelled clauses are added to the training data; may be given more "
         "than once",
     .many = 1},
    {.id = CLI_O_SET, .forms = ALL},
    {.id = CLI_O_CV, .forms = ALL},
    {.id = CLI_O_OUTPUT,
     .forms = ALL,
     .required = ALL,
     .help = "write the model to MODEL (atomically)",
     .arg = "MODEL"},
};

static const cli_cmd main_cmds[] = {
    {.summary = "Compare privacy policies: coverage, gaps, missing disclosures, contradictions "
                "and disagreements. Without a command, polcmp opens the review UI on the "
                "policies (.txt, .md, .html, .pdf, .docx, .odt).",
     .forms = {"POLICY..."},
     USES(ui_uses),
     .min_args = 1,
     .max_args = -1,
     .run = cmd_ui},
    {.name = "segment",
     .summary = "Print a policy's outline: its sections and clauses.",
     .forms = {"POLICY"},
     USES(segment_uses),
     .min_args = 1,
     .max_args = 1,
     .run = cmd_segment},
    {.name = "classify",
     .summary = "Label every clause of the policies (files, directories, or paths or JSON Lines "
                "on \"-\") with the taxonomy's categories and their evidence, as JSON Lines, one "
                "clause a line; or label the texts of --segments FILE.jsonl.",
     .forms = {"POLICY|DIR|-...", ""},
     USES(classify_uses),
     .max_args = -1,
     .run = cmd_classify},
    {.name = "compare",
     .summary = "Compare policies: the matrix of categories by policies, the values they state "
                "and the findings, as a table or JSON. A directory, \"-\" or --jobs compares a "
                "corpus, streaming JSON Lines.",
     .forms = {"POLICY...", "DIR|-..."},
     USES(compare_uses),
     .min_args = 1,
     .max_args = -1,
     .run = cmd_compare},
    {.name = "eval",
     .summary = "Measure the rules, the learned model and their combination against a gold file "
                "(JSON Lines with \"text\" and \"labels_opp10\"): precision, recall and F1 per "
                "OPP-115 category. With --contradictions or --completeness, measure the "
                "findings against judged sets instead.",
     .forms = {"GOLD.jsonl", "", ""},
     USES(eval_uses),
     .max_args = 1,
     .run = cmd_eval},
    {.name = "train",
     .summary = "Train the learned model on gold records (JSON Lines with \"text\" and "
                "\"labels\" or \"labels_opp10\") and on reviewers' relabels.",
     .forms = {"GOLD.jsonl..."},
     USES(train_uses),
     .max_args = -1,
     .run = cmd_train},
    {.name = "taxonomy",
     .summary = "Check a taxonomy file: every check the loader makes, and slow rules.",
     .forms = {"check FILE"},
     .min_args = 2,
     .max_args = 2,
     .run = cmd_taxonomy},
};

#define MAIN_NCMDS (sizeof main_cmds / sizeof main_cmds[0])

static const cli_cmd *main_find(const char *name)
{
    for (size_t i = 1; i < MAIN_NCMDS; i++)
        if (!strcmp(name, main_cmds[i].name))
            return &main_cmds[i];
    return NULL;
}

/* The help of cmd on stdout; the UI's is the overview of every command. */
static void main_print_help(const cli_cmd *cmd)
{
    if (cmd->name)
        cli_help(cmd, stdout);
    else
        cli_overview(main_cmds, MAIN_NCMDS, stdout);
}

/* `polcmp help [CMD]`. */
static int main_help(int argc, char **argv)
{
    const cli_cmd *cmd = argc == 2 ? main_find(argv[1]) : argc == 1 ? main_cmds : NULL;
    if (cmd) {
        main_print_help(cmd);
        return CLI_OK;
    }
    pc_buf names = {0};
    for (size_t i = 1; i < MAIN_NCMDS; i++)
        pc_buf_printf(&names, "%s%s", i > 1 ? ", " : "", main_cmds[i].name);
    cli_error("help: %s '%s' (the commands: %s)",
              argc > 2 ? "one command at a time, not" : "unknown command", argv[argc > 2 ? 2 : 1],
              names.data ? names.data : "");
    pc_buf_free(&names);
    return CLI_ERROR;
}

/* Parse and run one command: the exit status. Help asked for goes to stdout (0). */
static int main_run(const cli_cmd *cmd, int argc, char **argv)
{
    cli_args a;
    int parsed = cli_parse(cmd, argc, argv, &a), rc = CLI_OK;
    if (parsed < 0)
        rc = CLI_ERROR;
    else if (parsed == 0)
        rc = cmd->run(&a);
    else if (a.val[CLI_O_HELP])
        main_print_help(cmd);
    else
        printf("polcmp %s\n", POLCMP_VERSION);
    cli_args_free(&a);
    return rc;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
#ifdef M_MMAP_THRESHOLD
    /* Arrays of a megabyte or more get pages of their own, so the ones that grow by doubling
     * (a large policy's clauses, labels, frames) are remapped rather than copied within the heap,
     * and memory freed goes back to the system: glibc's sliding threshold would move them
     * into the heap after the first large free, where their old copies stay resident. */
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
#ifdef M_TOP_PAD
    /* Each heap grows and shrinks by 8 MiB more than asked, so the pages of one policy's
     * buffers, freed, serve the next policy's instead of going back to the system and
     * faulting in again (over the 594 real files 40k page faults fall to 12k; the peak RSS of
     * one 60 MB policy rises by about 8 MiB). */
    mallopt(M_TOP_PAD, 8 << 20);
#endif
    if (argc >= 2 && !strcmp(argv[1], "help"))
        return main_help(argc - 1, argv + 1);
    const cli_cmd *cmd = argc >= 2 ? main_find(argv[1]) : NULL;
    if (cmd)
        return main_run(cmd, argc - 1, argv + 1);
    return main_run(&main_cmds[0], argc, argv);
}
