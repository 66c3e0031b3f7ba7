/* main.c: polcmp's commands, as data (cli.h), and the entry point that picks one. */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#define USES(u) u, sizeof u / sizeof u[0]
#define ALL     0xFu

static const cli_use ui_uses[] = {
    {CLI_O_TAXONOMY, ALL, 0, NULL},
    {CLI_O_REGIME, ALL, 0, NULL},
    {CLI_O_REVIEW, ALL, 0,
     "the review file, where every decision is written at once (default: polcmp-review.yaml "
     "beside the first policy)"},
    {CLI_O_NO_MOUSE, ALL, 0, NULL},
    {CLI_O_ENCODING, 0, 0, NULL},
    {CLI_O_VERSION, 0, 0, NULL},
};

static const cli_use segment_uses[] = {
    {CLI_O_JSON, ALL, 0, "print the outline as JSON (offsets are bytes of the normalized text)"},
    {CLI_O_ENCODING, 0, 0, NULL},
};

static const cli_use classify_uses[] = {
    {CLI_O_TAXONOMY, ALL, 0, NULL},
    {CLI_O_JOBS, ALL, 0, NULL},
    {CLI_O_SEGMENTS, 2, 2, NULL},
    {CLI_O_ENCODING, 0, 0, NULL},
};

static const cli_use compare_uses[] = {
    {CLI_O_TAXONOMY, ALL, 0, NULL},
    {CLI_O_REGIME, ALL, 0, NULL},
    {CLI_O_FORMAT, 1, 0, NULL},
    {CLI_O_OUTPUT, ALL, 0, NULL},
    {CLI_O_FAIL_ON, ALL, 0, NULL},
    {CLI_O_REVIEW, 1, 0,
     "read the reviewer's decisions (never written): relabels apply, dismissed findings do not "
     "trip --fail-on, exports carry them"},
    {CLI_O_ALLOW_EMPTY, ALL, 0, NULL},
    {CLI_O_JOBS, 2, 0, "work on N policies at once (default: every core); a corpus, as JSON Lines"},
    {CLI_O_ENCODING, 0, 0, NULL},
};

static const cli_use eval_uses[] = {
    {CLI_O_TAXONOMY, ALL, 0, NULL},
    {CLI_O_REQUIRE, ALL, 0, NULL},
    {CLI_O_WORST, ALL, 0, NULL},
    {CLI_O_JSON, ALL, 0, "print the figures as JSON"},
};

/* clang-format off: one command a block, its fields in order */
static const cli_cmd main_cmds[] = {
    {NULL,
     "Compare privacy policies: coverage, gaps, missing disclosures, contradictions and "
     "disagreements. Without a command, polcmp opens the review UI on the policies (.txt, .md, "
     ".html, .pdf, .docx, .odt).",
     {"POLICY..."},
     USES(ui_uses),
     1,
     -1,
     cmd_ui},
    {"segment",
     "Print a policy's outline: its sections and clauses.",
     {"POLICY"},
     USES(segment_uses),
     1,
     1,
     cmd_segment},
    {"classify",
     "Label every clause of the policies (files, directories, or paths or JSON Lines on \"-\") "
     "with the taxonomy's categories and their evidence, as JSON Lines, one clause a line; or "
     "label the texts of --segments FILE.jsonl.",
     {"POLICY|DIR|-...", ""},
     USES(classify_uses),
     0,
     -1,
     cmd_classify},
    {"compare",
     "Compare policies: the matrix of categories by policies, the values they state and the "
     "findings, as a table or JSON. A directory, \"-\" or --jobs compares a corpus, streaming "
     "JSON Lines.",
     {"POLICY...", "DIR|-..."},
     USES(compare_uses),
     1,
     -1,
     cmd_compare},
    {"eval",
     "Measure the taxonomy against a gold file (JSON Lines with \"text\" and \"labels_opp10\"): "
     "precision, recall and F1 per OPP-115 category.",
     {"GOLD.jsonl"},
     USES(eval_uses),
     1,
     1,
     cmd_eval},
    {"taxonomy",
     "Check a taxonomy file: every check the loader makes, and slow rules.",
     {"check FILE"},
     NULL,
     0,
     2,
     2,
     cmd_taxonomy},
};
/* clang-format on */

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
    int rc = cli_parse(cmd, argc, argv, &a);
    if (rc < 0)
        return CLI_ERROR;
    if (rc == 0)
        return cmd->run(&a);
    if (a.val[CLI_O_HELP])
        main_print_help(cmd);
    else
        printf("polcmp %s\n", POLCMP_VERSION);
    return CLI_OK;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc >= 2 && !strcmp(argv[1], "help"))
        return main_help(argc - 1, argv + 1);
    const cli_cmd *cmd = argc >= 2 ? main_find(argv[1]) : NULL;
    if (cmd)
        return main_run(cmd, argc - 1, argv + 1);
    return main_run(&main_cmds[0], argc, argv);
}
