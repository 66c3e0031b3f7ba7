/* command.c: the command table, the key bindings and key names (see command.h, keys.h). */
#include "command.h"
#include "keys.h"
#include "util/util.h"

#include <stdio.h>
#include <string.h>

#define TUI_CMD_INFO(id, name, group, help) {TUI_CMD_##id, name, group, help},
static const tui_cmd_info tui_cmd_table[] = {
    {TUI_CMD_NONE, "", "", ""},
    TUI_COMMANDS(TUI_CMD_INFO)
};
#undef TUI_CMD_INFO

/* The default bindings: the habits of vi, less and tig. */
static const tui_binding tui_binding_table[] = {
    {'j', TUI_CMD_DOWN, NULL},          {TUI_KEY_DOWN, TUI_CMD_DOWN, NULL},
    {'k', TUI_CMD_UP, NULL},            {TUI_KEY_UP, TUI_CMD_UP, NULL},
    {TUI_KEY_PGDN, TUI_CMD_PAGE_DOWN, NULL}, {TUI_CTRL('f'), TUI_CMD_PAGE_DOWN, NULL},
    {TUI_KEY_PGUP, TUI_CMD_PAGE_UP, NULL},   {TUI_CTRL('b'), TUI_CMD_PAGE_UP, NULL},
    {'g', TUI_CMD_TOP, NULL},           {TUI_KEY_HOME, TUI_CMD_TOP, NULL},
    {'G', TUI_CMD_BOTTOM, NULL},        {TUI_KEY_END, TUI_CMD_BOTTOM, NULL},
    {'h', TUI_CMD_LEFT, NULL},          {TUI_KEY_LEFT, TUI_CMD_LEFT, NULL},
    {'l', TUI_CMD_RIGHT, NULL},         {TUI_KEY_RIGHT, TUI_CMD_RIGHT, NULL},
    {TUI_KEY_TAB, TUI_CMD_NEXT_PANE, NULL}, {TUI_KEY_BTAB, TUI_CMD_PREV_PANE, NULL},
    {']', TUI_CMD_NEXT_SECTION, NULL},  {'[', TUI_CMD_PREV_SECTION, NULL},
    {'}', TUI_CMD_NEXT_FINDING, NULL},  {'{', TUI_CMD_PREV_FINDING, NULL},
    {')', TUI_CMD_NEXT_STALE, NULL},    {'(', TUI_CMD_PREV_STALE, NULL},
    {TUI_KEY_ENTER, TUI_CMD_ENTER, NULL}, {'\r', TUI_CMD_ENTER, NULL},
    {'q', TUI_CMD_BACK, NULL},          {TUI_KEY_ESC, TUI_CMD_BACK, NULL},
    {'Q', TUI_CMD_QUIT, NULL},
    {'?', TUI_CMD_HELP, NULL},          {TUI_KEY_F1, TUI_CMD_HELP, NULL},
    {'f', TUI_CMD_FINDINGS, NULL},      {'o', TUI_CMD_DOCUMENT, NULL},
    {'x', TUI_CMD_EXPLAIN, NULL},       {'c', TUI_CMD_CHECKLIST, NULL},
    {'z', TUI_CMD_FOLD, "matrix"},      {'Z', TUI_CMD_FOLD_ALL, "matrix"},
    {'z', TUI_CMD_FOLD, "checklist"},   {'Z', TUI_CMD_FOLD_ALL, "checklist"},
    {'s', TUI_CMD_SYNC, "side"},
    {'t', TUI_CMD_FILTER_KIND, "findings"}, {'v', TUI_CMD_FILTER_SEVERITY, "findings"},
    {'/', TUI_CMD_SEARCH, NULL},        {'n', TUI_CMD_SEARCH_NEXT, NULL},
    {'N', TUI_CMD_SEARCH_PREV, NULL},
    {' ', TUI_CMD_MARK, NULL},          {'r', TUI_CMD_RELABEL, NULL},
    {'a', TUI_CMD_NOTE, NULL},          {'d', TUI_CMD_DISMISS, NULL},
    {'e', TUI_CMD_EXPORT, NULL},
    {TUI_CTRL('l'), TUI_CMD_REDRAW, NULL},
};

const tui_cmd_info *tui_cmd_info_of(tui_cmd cmd)
{
    if (cmd <= TUI_CMD_NONE || cmd >= TUI_CMD_COUNT)
        return NULL;
    return &tui_cmd_table[cmd];
}

const tui_binding *tui_bindings(size_t *n)
{
    *n = sizeof tui_binding_table / sizeof tui_binding_table[0];
    return tui_binding_table;
}

tui_cmd tui_cmd_for_key(int key, const char *view)
{
    size_t n;
    const tui_binding *b = tui_bindings(&n);
    tui_cmd global = TUI_CMD_NONE;
    for (size_t i = 0; i < n; i++) {
        if (b[i].key != key)
            continue;
        if (b[i].view && view && strcmp(b[i].view, view) == 0)
            return b[i].cmd;
        if (!b[i].view && global == TUI_CMD_NONE)
            global = b[i].cmd;
    }
    return global;
}

const char *tui_cmd_keys(tui_cmd cmd, char *buf, size_t n)
{
    size_t nb;
    const tui_binding *b = tui_bindings(&nb);
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < nb && len + 1 < n; i++) {
        int seen = 0; /* a key bound to cmd in two views is named once */
        for (size_t j = 0; j < i; j++)
            seen |= b[j].cmd == cmd && b[j].key == b[i].key;
        if (b[i].cmd != cmd || b[i].key == '\r' || seen)
            continue;
        char name[16];
        int w = snprintf(buf + len, n - len, "%s%s", len ? ", " : "", tui_key_name(b[i].key, name));
        if (w < 0 || (size_t)w >= n - len)
            break;
        len += (size_t)w;
    }
    return buf;
}

const char *tui_cmd_key(tui_cmd cmd, const char *view, char key[16])
{
    size_t n;
    const tui_binding *b = tui_bindings(&n);
    for (size_t i = 0; i < n; i++)
        if (b[i].cmd == cmd && tui_cmd_for_key(b[i].key, view) == cmd) {
            char name[16];
            snprintf(key, 16, "%s", tui_key_name(b[i].key, name));
            return key;
        }
    return NULL;
}

static const struct {
    int key;
    const char *name;
} tui_key_names[] = {
    {TUI_KEY_UP, "Up"},       {TUI_KEY_DOWN, "Down"},     {TUI_KEY_LEFT, "Left"},
    {TUI_KEY_RIGHT, "Right"}, {TUI_KEY_PGUP, "PgUp"},     {TUI_KEY_PGDN, "PgDn"},
    {TUI_KEY_HOME, "Home"},   {TUI_KEY_END, "End"},       {TUI_KEY_BTAB, "S-Tab"},
    {TUI_KEY_DELETE, "Del"},  {TUI_KEY_F1, "F1"},         {TUI_KEY_ENTER, "Enter"},
    {TUI_KEY_TAB, "Tab"},     {TUI_KEY_ESC, "Esc"},       {TUI_KEY_BACKSPACE, "BS"},
    {' ', "Space"},           {TUI_KEY_RESIZE, "Resize"}, {TUI_KEY_MOUSE, "Mouse"},
    {TUI_KEY_WHEEL_UP, "WheelUp"}, {TUI_KEY_WHEEL_DOWN, "WheelDown"},
};

const char *tui_key_name(int key, char buf[16])
{
    for (size_t i = 0; i < sizeof tui_key_names / sizeof tui_key_names[0]; i++)
        if (tui_key_names[i].key == key)
            return tui_key_names[i].name;
    if (key > 0 && key < 0x20) {
        snprintf(buf, 16, "C-%c", (char)(key + 'a' - 1));
        return buf;
    }
    if (key > 0x20 && key < 0x110000) {
        size_t n = pc_utf8_encode((uint32_t)key, buf);
        buf[n] = '\0';
        return buf;
    }
    return "?";
}

int tui_key_parse(const char *name)
{
    for (size_t i = 0; i < sizeof tui_key_names / sizeof tui_key_names[0]; i++)
        if (strcmp(tui_key_names[i].name, name) == 0)
            return tui_key_names[i].key;
    if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3])
        return TUI_CTRL(name[2]);
    uint32_t cp;
    size_t n = pc_utf8_decode(name, strlen(name), &cp);
    if (n && !name[n])
        return (int)cp;
    return TUI_KEY_NONE;
}
