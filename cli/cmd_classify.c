/* cmd_classify.c: placeholder until the classify stage exists. */
#include "cli.h"

int cmd_classify(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("'classify' is not built yet");
    return CLI_ERROR;
}
