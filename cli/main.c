/* main.c: polcmp's entry point: picks the subcommand. */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct cli_command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *usage;
} cli_command;

static const cli_command cli_commands[] = {
    {"segment", cmd_segment, "polcmp segment [--json] [--encoding NAME] POLICY"},
    {"classify", cmd_classify,
     "polcmp classify [--taxonomy FILE] [--jobs N] POLICY...\n"
     "       polcmp classify [--taxonomy FILE] --segments FILE.jsonl"},
    {"compare", cmd_compare,
     "polcmp compare [--taxonomy FILE] [--regime LIST] [--format F] [-o OUT] "
     "[--fail-on KINDS] [--allow-empty] POLICY..."},
    {"eval", cmd_eval,
     "polcmp eval [--taxonomy FILE] GOLD.jsonl\n"
     "       polcmp eval [--taxonomy FILE] --contradictions FILE.jsonl | --completeness "
     "FILE.jsonl"},
    {"train", cmd_train,
     "polcmp train [--taxonomy FILE] [--review FILE...] [--set KEY=VALUE,...] [--cv] "
     "-o MODEL GOLD.jsonl..."},
    {"taxonomy", cmd_taxonomy, "polcmp taxonomy check FILE"},
};

static void main_usage(FILE *f)
{
    fprintf(f, "usage: polcmp [--taxonomy FILE] [--regime LIST] [--review FILE] POLICY...\n");
    for (size_t i = 0; i < sizeof cli_commands / sizeof cli_commands[0]; i++)
        fprintf(f, "       %s\n", cli_commands[i].usage);
    fprintf(f, "       polcmp --help | --version\n");
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc < 2) {
        main_usage(stderr);
        return CLI_ERROR;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        main_usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("polcmp %s\n", POLCMP_VERSION);
        return CLI_OK;
    }
    for (size_t i = 0; i < sizeof cli_commands / sizeof cli_commands[0]; i++)
        if (!strcmp(argv[1], cli_commands[i].name))
            return cli_commands[i].run(argc - 1, argv + 1);
    return cmd_ui(argc, argv);
}
