/* cmd_ui.c: placeholder until the ui stage exists. */
#include "cli.h"

int cmd_ui(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("'ui' is not built yet");
    return CLI_ERROR;
}
