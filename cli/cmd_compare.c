/* cmd_compare.c: placeholder until the compare stage exists. */
#include "cli.h"

int cmd_compare(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("'compare' is not built yet");
    return CLI_ERROR;
}
