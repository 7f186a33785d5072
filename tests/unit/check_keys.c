/* check_keys.c - the key table: complete, unambiguous, and the help made from it. */
#include <check.h>
#include <stdbool.h>
#include <string.h>
#include "lede/keys.h"
#include "check_util.h"

START_TEST(test_every_command_has_a_key)
{
    for (int cmd = LEDE_CMD_NONE + 1; cmd < LEDE_CMD_COUNT; cmd++) {
        bool found = false;
        for (size_t i = 0; i < lede_bindings_count; i++)
            if (lede_bindings[i].cmd == (lede_cmd)cmd && lede_bindings[i].keys[0] != 0)
                found = true;
        ck_assert_msg(found, "command %d has no key", cmd);
    }
}
END_TEST

START_TEST(test_no_key_bound_twice)
{
    for (size_t i = 0; i < lede_bindings_count; i++)
        for (int k = 0; k < LEDE_BINDING_KEYS && lede_bindings[i].keys[k]; k++) {
            int key = lede_bindings[i].keys[k];
            int seen = 0;
            for (size_t j = 0; j < lede_bindings_count; j++)
                for (int m = 0; m < LEDE_BINDING_KEYS && lede_bindings[j].keys[m]; m++)
                    seen += lede_bindings[j].keys[m] == key;
            ck_assert_msg(seen == 1, "key %d bound %d times", key, seen);
            ck_assert_int_eq(lede_keys_command(key), lede_bindings[i].cmd);
        }
}
END_TEST

START_TEST(test_lookup)
{
    ck_assert_int_eq(lede_keys_command('j'), LEDE_CMD_LINE_DOWN);
    ck_assert_int_eq(lede_keys_command(LEDE_KEY_DOWN), LEDE_CMD_LINE_DOWN);
    ck_assert_int_eq(lede_keys_command('k'), LEDE_CMD_LINE_UP);
    ck_assert_int_eq(lede_keys_command(' '), LEDE_CMD_PAGE_DOWN);
    ck_assert_int_eq(lede_keys_command(LEDE_KEY_PGUP), LEDE_CMD_PAGE_UP);
    ck_assert_int_eq(lede_keys_command('G'), LEDE_CMD_BOTTOM);
    ck_assert_int_eq(lede_keys_command(LEDE_KEY_HOME), LEDE_CMD_TOP);
    ck_assert_int_eq(lede_keys_command(LEDE_KEY_TAB), LEDE_CMD_FOCUS);
    ck_assert_int_eq(lede_keys_command(LEDE_KEY_ENTER), LEDE_CMD_ACTIVATE);
    ck_assert_int_eq(lede_keys_command('\r'), LEDE_CMD_ACTIVATE);
    ck_assert_int_eq(lede_keys_command(']'), LEDE_CMD_NEXT_MENTION);
    ck_assert_int_eq(lede_keys_command('{'), LEDE_CMD_PREV_QUOTE);
    ck_assert_int_eq(lede_keys_command('"'), LEDE_CMD_TOGGLE_QUOTES);
    ck_assert_int_eq(lede_keys_command('N'), LEDE_CMD_SEARCH_PREV);
    ck_assert_int_eq(lede_keys_command(LEDE_KEY_ESC), LEDE_CMD_CLEAR);
    ck_assert_int_eq(lede_keys_command('q'), LEDE_CMD_QUIT);
    ck_assert_int_eq(lede_keys_command('>'), LEDE_CMD_NEXT_ARTICLE);
    /* Unbound keys. */
    ck_assert_int_eq(lede_keys_command('x'), LEDE_CMD_NONE);
    ck_assert_int_eq(lede_keys_command(0), LEDE_CMD_NONE);
    ck_assert_int_eq(lede_keys_command(-1), LEDE_CMD_NONE);
    ck_assert_int_eq(lede_keys_command(LEDE_KEY_RESIZE), LEDE_CMD_NONE);
    ck_assert_int_eq(lede_keys_command(0x4e2d), LEDE_CMD_NONE);
}
END_TEST

START_TEST(test_key_names)
{
    char buf[32];
    ck_assert_uint_eq(lede_keys_name('j', buf, sizeof buf), 1);
    ck_assert_str_eq(buf, "j");
    lede_keys_name(' ', buf, sizeof buf);
    ck_assert_str_eq(buf, "Space");
    lede_keys_name(LEDE_KEY_PGDN, buf, sizeof buf);
    ck_assert_str_eq(buf, "PgDn");
    lede_keys_name(LEDE_KEY_MOUSE, buf, sizeof buf);
    ck_assert_str_eq(buf, "Mouse");
    lede_keys_name(LEDE_KEY_ESC, buf, sizeof buf);
    ck_assert_str_eq(buf, "Esc");
    lede_keys_name(LEDE_KEY_ENTER, buf, sizeof buf);
    ck_assert_str_eq(buf, "Enter");
    lede_keys_name(1, buf, sizeof buf);
    ck_assert_str_eq(buf, "C-A");
    lede_keys_name(31, buf, sizeof buf);
    ck_assert_str_eq(buf, "C-_");
    lede_keys_name(LEDE_KEY_TAB, buf, sizeof buf);
    ck_assert_str_eq(buf, "Tab");
    lede_keys_name('"', buf, sizeof buf);
    ck_assert_str_eq(buf, "\"");
    lede_keys_name(0x7f, buf, sizeof buf);
    ck_assert_str_eq(buf, "U+007F");
    lede_keys_name(0, buf, sizeof buf);
    ck_assert_str_eq(buf, "U+0000");
    lede_keys_name(0x4e2d, buf, sizeof buf);
    ck_assert_str_eq(buf, "U+4E2D");
    /* A short buffer is cut but terminated, and the full length is returned. */
    ck_assert_uint_eq(lede_keys_name(LEDE_KEY_BACKSPACE, buf, 4), strlen("Backspace"));
    ck_assert_str_eq(buf, "Bac");
}
END_TEST

START_TEST(test_help_lines)
{
    size_t n = lede_keys_help_count();
    ck_assert_uint_gt(n, lede_bindings_count);
    char line[128];
    /* Every binding's help text and keys appear on exactly one line. */
    for (size_t b = 0; b < lede_bindings_count; b++) {
        int hits = 0;
        for (size_t i = 0; i < n; i++) {
            size_t len = lede_keys_help_line(i, line, sizeof line);
            ck_assert_uint_eq(len, strlen(line));
            ck_assert_uint_le(len, 80);
            /* The help text starts in column 22, after the keys. */
            if (len > 22 && strcmp(line + 22, lede_bindings[b].help) == 0) {
                char name[16];
                lede_keys_name(lede_bindings[b].keys[0], name, sizeof name);
                ck_assert_ptr_nonnull(strstr(line, name));
                hits++;
            }
        }
        ck_assert_msg(hits == 1, "help for \"%s\" shown %d times", lede_bindings[b].help, hits);
    }
    lede_keys_help_line(0, line, sizeof line);
    ck_assert_str_eq(line, "Moving");
    lede_keys_help_line(1, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, "j, Down"));
    ck_assert_ptr_nonnull(strstr(line, "line down"));
    /* Sections are separated by a blank line. */
    int blanks = 0;
    for (size_t i = 0; i < n; i++) {
        lede_keys_help_line(i, line, sizeof line);
        blanks += line[0] == '\0';
    }
    int sections = 1;
    for (size_t b = 1; b < lede_bindings_count; b++)
        sections += strcmp(lede_bindings[b].section, lede_bindings[b - 1].section) != 0;
    ck_assert_int_eq(blanks, sections - 1);
    lede_keys_help_line(n - 1, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, "quit"));
    /* Out of range and tiny buffers. */
    ck_assert_uint_eq(lede_keys_help_line(n, line, sizeof line), 0);
    ck_assert_str_eq(line, "");
    char tiny[5];
    lede_keys_help_line(1, tiny, sizeof tiny);
    ck_assert_uint_eq(strlen(tiny), 4);
}
END_TEST

static Suite *keys_suite(void)
{
    Suite *s = suite_create("keys");
    TCase *tc = tcase_create("table");
    tcase_add_test(tc, test_every_command_has_a_key);
    tcase_add_test(tc, test_no_key_bound_twice);
    tcase_add_test(tc, test_lookup);
    tcase_add_test(tc, test_key_names);
    tcase_add_test(tc, test_help_lines);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(keys_suite());
}
