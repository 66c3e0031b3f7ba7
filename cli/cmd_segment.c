/* cmd_segment.c: placeholder until the segment stage exists. */
#include "cli.h"

int cmd_segment(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("'segment' is not built yet");
    return CLI_ERROR;
}
