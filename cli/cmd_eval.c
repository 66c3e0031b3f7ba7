/* cmd_eval.c: placeholder until the eval stage exists. */
#include "cli.h"

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("'eval' is not built yet");
    return CLI_ERROR;
}
