/* cmd_taxonomy.c: placeholder until the taxonomy stage exists. */
#include "cli.h"

int cmd_taxonomy(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("'taxonomy' is not built yet");
    return CLI_ERROR;
}
