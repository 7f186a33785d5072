/* check_theme.c - theme file parsing, includes, search order and the shipped themes. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lede/blob.h"
#include "lede/theme.h"
#include "check_util.h"

/* Diagnostics go to a memory stream so that tests can read them. */
typedef struct {
    char *text;
    size_t len;
    FILE *f;
} diag_buf;

static void diag_open(diag_buf *d)
{
    d->text = NULL;
    d->len = 0;
    d->f = open_memstream(&d->text, &d->len);
    ck_assert_ptr_nonnull(d->f);
}

static const char *diag_text(diag_buf *d)
{
    fflush(d->f);
    return d->text ? d->text : "";
}

static void diag_close(diag_buf *d)
{
    fclose(d->f);
    free(d->text);
}

static lede_status parse(lede_theme *t, const char *s, diag_buf *d)
{
    return lede_theme_parse_buffer(t, s, strlen(s), "test.theme", d->f, 0);
}

static char tmpdir[64];

static void setup(void)
{
    tmpdir[0] = '\0';
}

static void teardown(void)
{
    if (tmpdir[0])
        check_rmtree(tmpdir);
}

/* Writes the string content to tmpdir/rel. */
static void write_file(const char *rel, const char *content)
{
    check_write_in(tmpdir, rel, content, strlen(content));
}

/* Points XDG_CONFIG_HOME at tmpdir and creates tmpdir/lede/themes. */
static void use_tmp_config(void)
{
    char path[256];
    ck_assert_ptr_nonnull(check_mkdtemp(tmpdir, sizeof tmpdir, "check_theme"));
    setenv("XDG_CONFIG_HOME", tmpdir, 1);
    snprintf(path, sizeof path, "%s/lede", tmpdir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/lede/themes", tmpdir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
}

/* "layout measure center|left" places the readable width; anything else is reported. */
START_TEST(test_layout_measure)
{
    diag_buf d;
    diag_open(&d);
    lede_theme t;
    lede_theme_defaults(&t);
    ck_assert(!t.measure_left);
    ck_assert_int_eq(parse(&t, "layout measure left\n", &d), LEDE_OK);
    ck_assert(t.measure_left);
    ck_assert_int_eq(parse(&t, "layout measure center\n", &d), LEDE_OK);
    ck_assert(!t.measure_left);
    ck_assert_int_eq(parse(&t, "layout measure right\nlayout\n", &d), LEDE_ERR_SYNTAX);
    ck_assert_ptr_nonnull(strstr(diag_text(&d), "test.theme:1: want: layout measure center|left"));
    ck_assert_ptr_nonnull(strstr(diag_text(&d), "test.theme:2:"));
    ck_assert(!t.measure_left);
    diag_close(&d);
}
END_TEST

START_TEST(test_element_names)
{
    for (int el = 0; el < LEDE_EL_COUNT; el++)
        ck_assert_int_eq(lede_element_from_name(lede_element_name((lede_element)el)), el);
    ck_assert_int_eq(lede_element_from_name("index.role"), LEDE_EL_INDEX_ROLE);
    ck_assert_int_eq(lede_element_from_name("nonsense"), LEDE_EL_COUNT);
    ck_assert_str_eq(lede_element_name(LEDE_EL_COUNT), "?");
}
END_TEST

START_TEST(test_every_line_type)
{
    lede_theme t;
    diag_buf d;
    diag_open(&d);
    lede_theme_defaults(&t);
    const char *src = "# a comment\n"
                      "\n"
                      "   \t  \n"
                      "color person red default bold underline\n"
                      "color place color200 color0   # trailing comment\r\n"
                      "color organization brightblue bright-green italic dim reverse standout\n"
                      "  colour quote default default\n"
                      "color index.header WHITE Black normal";
    ck_assert_int_eq(parse(&t, src, &d), LEDE_OK);
    ck_assert_str_eq(diag_text(&d), "");
    ck_assert_int_eq(t.styles[LEDE_EL_PERSON].fg, 1);
    ck_assert_int_eq(t.styles[LEDE_EL_PERSON].bg, LEDE_COLOR_DEFAULT);
    ck_assert_uint_eq(t.styles[LEDE_EL_PERSON].attrs, LEDE_ATTR_BOLD | LEDE_ATTR_UNDERLINE);
    ck_assert_int_eq(t.styles[LEDE_EL_PLACE].fg, 200);
    ck_assert_int_eq(t.styles[LEDE_EL_PLACE].bg, 0);
    ck_assert_uint_eq(t.styles[LEDE_EL_PLACE].attrs, 0);
    ck_assert_int_eq(t.styles[LEDE_EL_ORGANIZATION].fg, 12);
    ck_assert_int_eq(t.styles[LEDE_EL_ORGANIZATION].bg, 10);
    ck_assert_uint_eq(t.styles[LEDE_EL_ORGANIZATION].attrs,
                      LEDE_ATTR_ITALIC | LEDE_ATTR_DIM | LEDE_ATTR_REVERSE | LEDE_ATTR_STANDOUT);
    ck_assert_uint_eq(t.styles[LEDE_EL_QUOTE].attrs, 0);
    ck_assert_int_eq(t.styles[LEDE_EL_INDEX_HEADER].fg, 7);
    ck_assert_int_eq(t.styles[LEDE_EL_INDEX_HEADER].bg, 0);
    diag_close(&d);
}
END_TEST

START_TEST(test_bad_lines_reported_and_skipped)
{
    lede_theme t;
    diag_buf d;
    diag_open(&d);
    lede_theme_defaults(&t);
    lede_style before = t.styles[LEDE_EL_GROUP];
    const char *src = "color nosuch red default\n"          /* 1 */
                      "color group purple default\n"        /* 2 */
                      "color group red default blink\n"     /* 3 */
                      "color group red\n"                   /* 4 */
                      "paint group red default\n"           /* 5 */
                      "include\n"                           /* 6 */
                      "color person magenta default bold\n" /* 7: good */
                      "include a b\n";                      /* 8 */
    ck_assert_int_eq(parse(&t, src, &d), LEDE_ERR_SYNTAX);
    const char *out = diag_text(&d);
    ck_assert_ptr_nonnull(strstr(out, "test.theme:1: unknown element 'nosuch'"));
    ck_assert_ptr_nonnull(strstr(out, "test.theme:2: bad colour 'purple'"));
    ck_assert_ptr_nonnull(strstr(out, "test.theme:3: unknown attribute 'blink'"));
    ck_assert_ptr_nonnull(strstr(out, "test.theme:4: expected: color"));
    ck_assert_ptr_nonnull(strstr(out, "test.theme:5: unknown command 'paint'"));
    ck_assert_ptr_nonnull(strstr(out, "test.theme:6: expected: include"));
    ck_assert_ptr_nonnull(strstr(out, "test.theme:8: expected: include"));
    ck_assert_ptr_null(strstr(out, "test.theme:7:"));
    ck_assert(check_lines_start_with(out, "lede: "));
    /* Bad lines change nothing; the good line after them still applies. */
    ck_assert_mem_eq(&t.styles[LEDE_EL_GROUP], &before, sizeof before);
    ck_assert_int_eq(t.styles[LEDE_EL_PERSON].fg, 5);
    diag_close(&d);
}
END_TEST

START_TEST(test_color_number_bounds)
{
    static const struct {
        const char *name;
        int ok, value;
    } cases[] = {
        {"color0", 1, 0},    {"color255", 1, 255},   {"color007", 1, 7}, {"color256", 0, 0},
        {"color1000", 0, 0}, {"color-1", 0, 0},      {"color", 0, 0},    {"color1x", 0, 0},
        {"color+5", 0, 0},   {"brightcolor3", 0, 0}, {"default", 1, -1}, {"brightwhite", 1, 15},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lede_theme t;
        diag_buf d;
        char line[64];
        diag_open(&d);
        lede_theme_defaults(&t);
        snprintf(line, sizeof line, "color text %s default\n", cases[i].name);
        lede_status st = parse(&t, line, &d);
        if (cases[i].ok) {
            ck_assert_msg(st == LEDE_OK, "%s should parse", cases[i].name);
            ck_assert_int_eq(t.styles[LEDE_EL_TEXT].fg, cases[i].value);
        } else {
            ck_assert_msg(st == LEDE_ERR_SYNTAX, "%s should be rejected", cases[i].name);
            ck_assert_ptr_nonnull(strstr(diag_text(&d), "test.theme:1: bad colour"));
        }
        diag_close(&d);
    }
}
END_TEST

START_TEST(test_long_line_and_binary_garbage)
{
    lede_theme t;
    diag_buf d;
    diag_open(&d);
    lede_theme_defaults(&t);
    size_t n = 5000;
    char *buf = malloc(n + 40);
    ck_assert_ptr_nonnull(buf);
    memset(buf, 'x', n);
    buf[n] = '\n';
    strcpy(buf + n + 1, "color text red default\n\xff\xfe\x01\n");
    ck_assert_int_eq(lede_theme_parse_buffer(&t, buf, strlen(buf), "g.theme", d.f, 0),
                     LEDE_ERR_SYNTAX);
    ck_assert_ptr_nonnull(strstr(diag_text(&d), "g.theme:1: line too long"));
    ck_assert_ptr_nonnull(strstr(diag_text(&d), "g.theme:3: unknown command"));
    ck_assert_int_eq(t.styles[LEDE_EL_TEXT].fg, 1);
    free(buf);
    diag_close(&d);
}
END_TEST

START_TEST(test_include_by_path_and_name)
{
    use_tmp_config();
    write_file("lede/themes/base.theme", "color person blue default\ncolor place red default\n");
    write_file("lede/themes/top.theme", "include base\ncolor place green default underline\n");
    write_file("sub.theme", "include lede/themes/top.theme\n");
    lede_theme t;
    diag_buf d;
    diag_open(&d);
    char path[256];
    snprintf(path, sizeof path, "%s/sub.theme", tmpdir);
    ck_assert_int_eq(lede_theme_load(&t, path, d.f), LEDE_OK);
    ck_assert_str_eq(diag_text(&d), "");
    ck_assert_str_eq(t.name, "sub");
    ck_assert_int_eq(t.styles[LEDE_EL_PERSON].fg, 4);
    ck_assert_int_eq(t.styles[LEDE_EL_PLACE].fg, 2);
    ck_assert_uint_eq(t.styles[LEDE_EL_PLACE].attrs, LEDE_ATTR_UNDERLINE);

    /* By name, with or without the suffix. */
    ck_assert_int_eq(lede_theme_load(&t, "top.theme", d.f), LEDE_OK);
    ck_assert_str_eq(t.name, "top");
    ck_assert_int_eq(t.styles[LEDE_EL_PERSON].fg, 4);
    diag_close(&d);
}
END_TEST

START_TEST(test_include_loop_stops)
{
    use_tmp_config();
    write_file("lede/themes/a.theme", "color person red default\ninclude b\n");
    write_file("lede/themes/b.theme", "include a\ncolor place cyan default\n");
    lede_theme t;
    diag_buf d;
    diag_open(&d);
    ck_assert_int_eq(lede_theme_load(&t, "a", d.f), LEDE_OK);
    ck_assert_ptr_nonnull(strstr(diag_text(&d), "nested too deeply"));
    ck_assert_int_eq(t.styles[LEDE_EL_PERSON].fg, 1);
    ck_assert_int_eq(t.styles[LEDE_EL_PLACE].fg, 6);
    diag_close(&d);

    /* Including oneself by path is a loop too. */
    write_file("self.theme", "include ./self.theme\n");
    char path[256];
    snprintf(path, sizeof path, "%s/self.theme", tmpdir);
    diag_open(&d);
    ck_assert_int_eq(lede_theme_load(&t, path, d.f), LEDE_OK);
    ck_assert_ptr_nonnull(strstr(diag_text(&d), "nested too deeply"));
    diag_close(&d);
}
END_TEST

/* Fan-out is bounded too: ten includes of a file that includes itself ten times once
 * meant 10^8 parses and gigabytes on stderr. The budget stops the load at once, says so
 * in one line, and at most 20 bad lines are reported, plus one line counting the rest. */
START_TEST(test_include_budget)
{
    use_tmp_config();
    char wide[512] = "color person red default\n";
    for (int i = 0; i < 10; i++)
        strcat(wide, "include ./wide.theme\n");
    write_file("wide.theme", wide);
    char path[256];
    snprintf(path, sizeof path, "%s/wide.theme", tmpdir);
    lede_theme t;
    diag_buf d;
    diag_open(&d);
    ck_assert_int_eq(lede_theme_load(&t, path, d.f), LEDE_OK);
    const char *text = diag_text(&d);
    ck_assert_ptr_nonnull(strstr(text, "more than 64 includes in one theme"));
    ck_assert_ptr_null(strstr(strstr(text, "more than 64") + 1, "more than 64"));
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    ck_assert_uint_le(lines, 22);
    ck_assert_int_eq(t.styles[LEDE_EL_PERSON].fg, 1);
    diag_close(&d);

    /* Many bad lines in one file: 20 shown, the rest counted. */
    char bad[4000] = "";
    for (int i = 0; i < 100; i++)
        strcat(bad, "bogus line\n");
    diag_open(&d);
    lede_theme_defaults(&t);
    ck_assert_int_eq(parse(&t, bad, &d), LEDE_ERR_SYNTAX);
    text = diag_text(&d);
    ck_assert_ptr_nonnull(strstr(text, "test.theme: 80 more bad lines not shown"));
    ck_assert(check_lines_start_with(text, "lede: "));
    lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    ck_assert_uint_eq(lines, 21);
    diag_close(&d);
}
END_TEST

START_TEST(test_include_missing)
{
    lede_theme t;
    diag_buf d;
    diag_open(&d);
    lede_theme_defaults(&t);
    ck_assert_int_eq(parse(&t, "color text red default\ninclude no-such-theme-here\n", &d),
                     LEDE_ERR_SYNTAX);
    ck_assert_ptr_nonnull(strstr(diag_text(&d), "test.theme:2: no theme named"));
    ck_assert_int_eq(parse(&t, "include /nonexistent/dir/x.theme\n", &d), LEDE_ERR_SYNTAX);
    ck_assert_ptr_nonnull(strstr(diag_text(&d), "test.theme:1: cannot read"));
    diag_close(&d);
}
END_TEST

START_TEST(test_user_theme_overrides_and_includes_shipped)
{
    use_tmp_config();
    /* A user's default.theme shadows the shipped one and may build on it. */
    write_file("lede/themes/default.theme", "include default\ncolor person color99 default\n");
    lede_theme t, shipped;
    diag_buf d;
    diag_open(&d);
    ck_assert_int_eq(lede_theme_load(&t, "default", d.f), LEDE_OK);
    ck_assert_str_eq(diag_text(&d), "");
    ck_assert_int_eq(t.styles[LEDE_EL_PERSON].fg, 99);
    lede_theme_defaults(&shipped);
    ck_assert_mem_eq(&t.styles[LEDE_EL_PLACE], &shipped.styles[LEDE_EL_PLACE], sizeof(lede_style));
    diag_close(&d);
}
END_TEST

START_TEST(test_not_found)
{
    use_tmp_config();
    lede_theme t;
    ck_assert_int_eq(lede_theme_load(&t, "no-such-theme-here", NULL), LEDE_ERR_NOTFOUND);
    ck_assert_str_eq(t.name, "default");
    ck_assert_int_eq(lede_theme_load(&t, "", NULL), LEDE_ERR_NOTFOUND);
    ck_assert_int_eq(lede_theme_load(&t, "/nonexistent/x.theme", NULL), LEDE_ERR_NOENT);
    ck_assert_int_eq(lede_theme_load(&t, "/tmp/", NULL), LEDE_ERR_ISDIR);
    /* Theme files are small; an endless device is refused, not read to exhaustion. */
    ck_assert_int_eq(lede_theme_load(&t, "/dev/zero", NULL), LEDE_ERR_BINARY);
}
END_TEST

START_TEST(test_shipped_themes_are_clean)
{
    ck_assert_uint_ge(lede_blob_themes_count, 4);
    for (const struct lede_blob *b = lede_blob_themes; b->name; b++) {
        lede_theme t;
        diag_buf d;
        diag_open(&d);
        lede_theme_defaults(&t);
        ck_assert_int_eq(lede_theme_parse_buffer(&t, b->data, b->len, b->name, d.f, 0), LEDE_OK);
        ck_assert_msg(strcmp(diag_text(&d), "") == 0, "%s: %s", b->name, diag_text(&d));
        diag_close(&d);
    }
}
END_TEST

START_TEST(test_defaults_match_default_theme)
{
    const struct lede_blob *b = lede_blob_find(lede_blob_themes, "default.theme");
    ck_assert_ptr_nonnull(b);
    lede_theme parsed, builtin;
    memset(&parsed, 0, sizeof parsed);
    ck_assert_int_eq(lede_theme_parse_buffer(&parsed, b->data, b->len, b->name, NULL, 0), LEDE_OK);
    lede_theme_defaults(&builtin);
    for (int el = 0; el < LEDE_EL_COUNT; el++)
        ck_assert_msg(memcmp(&parsed.styles[el], &builtin.styles[el], sizeof(lede_style)) == 0,
                      "element %s differs", lede_element_name((lede_element)el));
}
END_TEST

START_TEST(test_mono_theme)
{
    use_tmp_config();
    lede_theme t;
    ck_assert_int_eq(lede_theme_load(&t, "mono", NULL), LEDE_OK);
    ck_assert_str_eq(t.name, "mono");
    ck_assert(lede_theme_is_mono(&t));
    unsigned person = t.styles[LEDE_EL_PERSON].attrs;
    unsigned place = t.styles[LEDE_EL_PLACE].attrs;
    unsigned org = t.styles[LEDE_EL_ORGANIZATION].attrs;
    ck_assert_uint_ne(person, 0);
    ck_assert_uint_ne(place, 0);
    ck_assert_uint_ne(org, 0);
    ck_assert_uint_ne(person, place);
    ck_assert_uint_ne(person, org);
    ck_assert_uint_ne(place, org);

    lede_theme_defaults(&t);
    ck_assert(!lede_theme_is_mono(&t));
    lede_theme_strip_colors(&t);
    ck_assert(lede_theme_is_mono(&t));
    ck_assert_uint_eq(t.styles[LEDE_EL_PERSON].attrs, LEDE_ATTR_BOLD);
}
END_TEST

START_TEST(test_list)
{
    use_tmp_config();
    write_file("lede/themes/zebra.theme", "color text red default\n");
    write_file("lede/themes/mono.theme", "include mono\n");
    write_file("lede/themes/.hidden.theme", "\n");
    write_file("lede/themes/notes.txt", "\n");
    char **names;
    size_t n;
    ck_assert_int_eq(lede_theme_list(&names, &n), LEDE_OK);
    ck_assert_uint_ge(n, 5);
    int seen_default = 0, seen_mono = 0, seen_zebra = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            ck_assert_int_lt(strcmp(names[i - 1], names[i]), 0); /* sorted, no duplicates */
        seen_default += strcmp(names[i], "default") == 0;
        seen_mono += strcmp(names[i], "mono") == 0;
        seen_zebra += strcmp(names[i], "zebra") == 0;
        ck_assert_ptr_null(strstr(names[i], "hidden"));
        ck_assert_ptr_null(strstr(names[i], "notes"));
    }
    ck_assert_int_eq(seen_default, 1);
    ck_assert_int_eq(seen_mono, 1);
    ck_assert_int_eq(seen_zebra, 1);
    lede_theme_list_free(names, n);
    lede_theme_list_free(NULL, 0);
}
END_TEST

static Suite *theme_suite(void)
{
    Suite *s = suite_create("theme");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_element_names);
    tcase_add_test(tc, test_every_line_type);
    tcase_add_test(tc, test_bad_lines_reported_and_skipped);
    tcase_add_test(tc, test_color_number_bounds);
    tcase_add_test(tc, test_long_line_and_binary_garbage);
    tcase_add_test(tc, test_include_by_path_and_name);
    tcase_add_test(tc, test_include_loop_stops);
    tcase_add_test(tc, test_include_missing);
    tcase_add_test(tc, test_layout_measure);
    tcase_add_test(tc, test_include_budget);
    tcase_add_test(tc, test_user_theme_overrides_and_includes_shipped);
    tcase_add_test(tc, test_not_found);
    tcase_add_test(tc, test_shipped_themes_are_clean);
    tcase_add_test(tc, test_defaults_match_default_theme);
    tcase_add_test(tc, test_mono_theme);
    tcase_add_test(tc, test_list);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(theme_suite());
}
