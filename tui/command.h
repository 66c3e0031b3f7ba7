/* command.h: every command of the UI, once, as data.
 *
 * TUI_COMMANDS lists each command with its name, its help group and its help text; the
 * binding table in command.c maps keys to commands (optionally only in one view). The enum,
 * the key dispatch and the help screen are all generated from these two tables, so the help
 * can never disagree with what a key does.
 */
#ifndef POLCMP_TUI_COMMAND_H
#define POLCMP_TUI_COMMAND_H

#include <stddef.h>

/* C(ID, "name", "Group", "help text") */
#define TUI_COMMANDS(C) \
    C(DOWN, "down", "Moving", "Move down") \
    C(UP, "up", "Moving", "Move up") \
    C(PAGE_DOWN, "page-down", "Moving", "Move down one page") \
    C(PAGE_UP, "page-up", "Moving", "Move up one page") \
    C(TOP, "top", "Moving", "Go to the first line") \
    C(BOTTOM, "bottom", "Moving", "Go to the last line") \
    C(LEFT, "left", "Moving", "Previous column (policy)") \
    C(RIGHT, "right", "Moving", "Next column (policy)") \
    C(NEXT_PANE, "next-pane", "Moving", "Next pane") \
    C(PREV_PANE, "prev-pane", "Moving", "Previous pane") \
    C(NEXT_SECTION, "next-section", "Moving", "Next section") \
    C(PREV_SECTION, "prev-section", "Moving", "Previous section") \
    C(NEXT_FINDING, "next-finding", "Moving", "Next finding") \
    C(PREV_FINDING, "prev-finding", "Moving", "Previous finding") \
    C(NEXT_STALE, "next-stale", "Moving", "Next decision that needs review again (?)") \
    C(PREV_STALE, "prev-stale", "Moving", "Previous decision that needs review again (?)") \
    C(ENTER, "enter", "Views", "Open the selection (side by side, evidence; fold a group)") \
    C(BACK, "back", "Views", "Close this view; quit from the matrix") \
    C(QUIT, "quit", "Views", "Quit polcmp") \
    C(HELP, "help", "Views", "This help") \
    C(FINDINGS, "findings", "Views", "All findings") \
    C(DOCUMENT, "document", "Views", "The selected policy's document and outline") \
    C(EXPLAIN, "explain", "Views", "Why: the rules, patterns and spans behind the selection") \
    C(CHECKLIST, "checklist", "Views", "The regime checklist: each requirement, the clause that meets it") \
    C(FOLD, "fold", "Views", "Fold or unfold the group (matrix, checklist)") \
    C(FOLD_ALL, "fold-all", "Views", "Fold or unfold every group (matrix, checklist)") \
    C(SYNC, "sync", "Views", "Scroll columns together or one at a time (side by side)") \
    C(FILTER_KIND, "filter-kind", "Views", "Show one kind of finding, then the next (findings)") \
    C(FILTER_SEVERITY, "filter-severity", "Views", "Show findings of at least a severity (findings)") \
    C(SEARCH, "search", "Searching", "Search forward (a regular expression, case-insensitive)") \
    C(SEARCH_NEXT, "search-next", "Searching", "Next match") \
    C(SEARCH_PREV, "search-prev", "Searching", "Previous match") \
    C(MARK, "mark", "Reviewing", "Mark the selected clause or finding reviewed (again: unmark)") \
    C(RELABEL, "relabel", "Reviewing", "Relabel the selected clause (category ids)") \
    C(NOTE, "note", "Reviewing", "Add or edit a note on the selection") \
    C(DISMISS, "dismiss", "Reviewing", "Dismiss the selected finding, or a requirement as not applicable (again: restore)") \
    C(EXPORT, "export", "Reviewing", "Export what the view shows (format from the extension)") \
    C(REDRAW, "redraw", "Display", "Redraw the screen")

#define TUI_CMD_ENUM(id, name, group, help) TUI_CMD_##id,
typedef enum tui_cmd { TUI_CMD_NONE = 0, TUI_COMMANDS(TUI_CMD_ENUM) TUI_CMD_COUNT } tui_cmd;
#undef TUI_CMD_ENUM

/* A command's description. */
typedef struct tui_cmd_info {
    tui_cmd cmd;
    const char *name, *group, *help;
} tui_cmd_info;

const tui_cmd_info *tui_cmd_info_of(tui_cmd cmd);

/* A key binding: key -> command, in every view (view == NULL) or only in the named one. */
typedef struct tui_binding {
    int key;
    tui_cmd cmd;
    const char *view;
} tui_binding;

/* The binding table and its length. */
const tui_binding *tui_bindings(size_t *n);
/* The command a key runs in view `view` (a view's own binding wins over a global one). */
tui_cmd tui_cmd_for_key(int key, const char *view);
/* The names of the keys bound to cmd, "j, Down" (into buf of size n). */
const char *tui_cmd_keys(tui_cmd cmd, char *buf, size_t n);
/* The name of the first key that runs cmd in view `view` (into key), or NULL when none does. */
const char *tui_cmd_key(tui_cmd cmd, const char *view, char key[16]);

#endif
