/* keys.c - the key table, key names and the help screen made from them. */
#include "lede/keys.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const lede_binding lede_bindings[] = {
    {{'j', LEDE_KEY_DOWN}, LEDE_CMD_LINE_DOWN, "Moving", "line down (index: next)"},
    {{'k', LEDE_KEY_UP}, LEDE_CMD_LINE_UP, "Moving", "line up (index: prev.)"},
    {{' ', 'f', LEDE_KEY_CTRL('F'), LEDE_KEY_PGDN}, LEDE_CMD_PAGE_DOWN, "Moving", "page down"},
    {{'b', LEDE_KEY_CTRL('B'), LEDE_KEY_PGUP}, LEDE_CMD_PAGE_UP, "Moving", "page up"},
    {{'d', LEDE_KEY_CTRL('D')}, LEDE_CMD_HALF_DOWN, "Moving", "half a page down"},
    {{'u', LEDE_KEY_CTRL('U')}, LEDE_CMD_HALF_UP, "Moving", "half a page up"},
    {{'g', LEDE_KEY_HOME}, LEDE_CMD_TOP, "Moving", "top of the article"},
    {{'G', LEDE_KEY_END}, LEDE_CMD_BOTTOM, "Moving", "end of the article"},
    {{'m'}, LEDE_CMD_SET_MARK, "Moving", "m x: mark place as x"},
    {{'\''}, LEDE_CMD_GOTO_MARK, "Moving", "' x: back to mark x"},
    {{'='}, LEDE_CMD_WHERE, "Moving", "position: line, bytes, %"},
    {{LEDE_KEY_TAB}, LEDE_CMD_FOCUS, "Entities", "article / index focus"},
    {{LEDE_KEY_ENTER}, LEDE_CMD_ACTIVATE, "Entities", "select the index entry"},
    {{']'}, LEDE_CMD_NEXT_MENTION, "Entities", "next mention (selected)"},
    {{'['}, LEDE_CMD_PREV_MENTION, "Entities", "previous mention"},
    {{'e'}, LEDE_CMD_TOGGLE_ENTITIES, "Entities", "entity colours on/off"},
    {{'i'}, LEDE_CMD_TOGGLE_INDEX, "Entities", "show/hide the index"},
    {{'A'}, LEDE_CMD_ALL_INDEX, "Entities", "all-articles index"},
    {{'}'}, LEDE_CMD_NEXT_QUOTE, "Quotes", "next quote (of person)"},
    {{'{'}, LEDE_CMD_PREV_QUOTE, "Quotes", "previous quote"},
    {{'w'}, LEDE_CMD_QUOTES_OF, "Quotes", "the person's quotes"},
    {{'Q'}, LEDE_CMD_ALL_QUOTES, "Quotes", "all quotes, speakers"},
    {{'"'}, LEDE_CMD_TOGGLE_QUOTES, "Quotes", "quote colours on/off"},
    {{'/'}, LEDE_CMD_SEARCH, "Search", "search (Up: history)"},
    {{'n'}, LEDE_CMD_SEARCH_NEXT, "Search", "next match"},
    {{'N'}, LEDE_CMD_SEARCH_PREV, "Search", "previous match"},
    {{LEDE_KEY_ESC}, LEDE_CMD_CLEAR, "Search", "clear search, selection"},
    {{'>'}, LEDE_CMD_NEXT_ARTICLE, "Articles", "next article (:n)"},
    {{'<'}, LEDE_CMD_PREV_ARTICLE, "Articles", "previous article (:p)"},
    {{':'}, LEDE_CMD_COLON, "Articles", ":n / :p next, previous"},
    {{'M'}, LEDE_CMD_MEASURE, "Other", "readable width on/off"},
    {{'v'}, LEDE_CMD_EDIT, "Other", "$EDITOR at this line"},
    {{LEDE_KEY_CTRL('L')}, LEDE_CMD_REDRAW, "Other", "redraw the screen"},
    {{'?', 'h'}, LEDE_CMD_HELP, "Other", "this help"},
    {{'q'}, LEDE_CMD_QUIT, "Other", "quit"},
};
const size_t lede_bindings_count = sizeof lede_bindings / sizeof lede_bindings[0];

/* Width of the keys column of the help screen. */
#define KEYS_COLUMN 20

lede_cmd lede_keys_command(int key)
{
    if (key == 0)
        return LEDE_CMD_NONE;
    if (key == '\r')
        key = LEDE_KEY_ENTER;
    for (size_t i = 0; i < lede_bindings_count; i++)
        for (int k = 0; k < LEDE_BINDING_KEYS && lede_bindings[i].keys[k]; k++)
            if (lede_bindings[i].keys[k] == key)
                return lede_bindings[i].cmd;
    return LEDE_CMD_NONE;
}

static const char *special_name(int key)
{
    static const char *const names[] = {
        "Up",   "Down", "Left",      "Right",  "PgUp",   "PgDn",
        "Home", "End",  "Backspace", "Delete", "Resize", "Mouse",
    };
    if (key > LEDE_KEY_SPECIAL && key <= LEDE_KEY_MOUSE)
        return names[key - LEDE_KEY_SPECIAL - 1];
    switch (key) {
    case ' ':
        return "Space";
    case LEDE_KEY_TAB:
        return "Tab";
    case LEDE_KEY_ENTER:
        return "Enter";
    case LEDE_KEY_ESC:
        return "Esc";
    default:
        return NULL;
    }
}

size_t lede_keys_name(int key, char *buf, size_t size)
{
    const char *name = special_name(key);
    int n;
    if (name)
        n = snprintf(buf, size, "%s", name);
    else if (key > ' ' && key < 0x7f)
        n = snprintf(buf, size, "%c", key);
    else if (key > 0 && key < 0x20)
        n = snprintf(buf, size, "C-%c", key + '@');
    else
        n = snprintf(buf, size, "U+%04X", (unsigned)key);
    return n < 0 ? 0 : (size_t)n;
}

/* Help lines: for each section a title, its bindings, then a blank line. */
typedef enum { HL_TITLE, HL_BINDING, HL_BLANK, HL_NONE } hl_kind;

static bool new_section(size_t b)
{
    return b == 0 || strcmp(lede_bindings[b].section, lede_bindings[b - 1].section) != 0;
}

/* Finds what help line i is; *b is the binding it belongs to. */
static hl_kind help_kind(size_t i, size_t *b)
{
    size_t line = 0;
    for (*b = 0; *b < lede_bindings_count; (*b)++) {
        if (new_section(*b)) {
            if (*b > 0 && line++ == i)
                return HL_BLANK;
            if (line++ == i)
                return HL_TITLE;
        }
        if (line++ == i)
            return HL_BINDING;
    }
    return HL_NONE;
}

size_t lede_keys_help_count(void)
{
    size_t n = lede_bindings_count;
    for (size_t b = 0; b < lede_bindings_count; b++)
        if (new_section(b))
            n += b > 0 ? 2 : 1;
    return n;
}

static size_t binding_line(const lede_binding *bd, char *buf, size_t size)
{
    char keys[64] = "";
    size_t len = 0;
    for (int k = 0; k < LEDE_BINDING_KEYS && bd->keys[k]; k++) {
        char name[16];
        lede_keys_name(bd->keys[k], name, sizeof name);
        int n = snprintf(keys + len, sizeof keys - len, "%s%s", k ? ", " : "", name);
        if (n < 0 || (size_t)n >= sizeof keys - len)
            break;
        len += (size_t)n;
    }
    int n = snprintf(buf, size, "  %-*s%s", KEYS_COLUMN, keys, bd->help);
    return n < 0 ? 0 : (size_t)n;
}

size_t lede_keys_help_line(size_t i, char *buf, size_t size)
{
    size_t b;
    int n = 0;
    switch (help_kind(i, &b)) {
    case HL_TITLE:
        n = snprintf(buf, size, "%s", lede_bindings[b].section);
        break;
    case HL_BINDING:
        return binding_line(&lede_bindings[b], buf, size);
    case HL_BLANK:
    case HL_NONE:
        n = snprintf(buf, size, "%s", "");
        break;
    }
    return n < 0 ? 0 : (size_t)n;
}
