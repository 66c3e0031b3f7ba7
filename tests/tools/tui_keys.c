/* tui_keys.c: prints the review UI's command table as the help screen shows it, one command a
 * line: "GROUP<TAB>KEYS<TAB>HELP" (tests/acceptance/man_keys.sh compares polcmp(1) with it). */
#include "command.h"

#include <stdio.h>

int main(void)
{
    for (int c = TUI_CMD_NONE + 1; c < TUI_CMD_COUNT; c++) {
        const tui_cmd_info *info = tui_cmd_info_of((tui_cmd)c);
        char keys[64];
        printf("%s\t%s\t%s\n", info->group, tui_cmd_keys((tui_cmd)c, keys, sizeof keys), info->help);
    }
    return 0;
}
