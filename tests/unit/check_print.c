/* check_print.c - printing an article plainly and with ANSI colours. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lede/model.h"
#include "lede/print.h"
#include "lede/text.h"
#include "lede/theme.h"
#include "check_util.h"

static const char article[] = "Storm Closes Harbour\n"
                              "\n"
                              "Mayor Ada Brook said \"we will rebuild\" at the Port Authority.\n"
                              "Crews from Kettle Bay worked through the night.\n";

/* Captured output of one print call. */
typedef struct {
    char *data;
    size_t len;
    lede_status status;
} output;

static output print_to_memory(const lede_text *text, const lede_model *model,
                              const lede_theme *theme)
{
    output o = {NULL, 0, LEDE_OK};
    FILE *f = open_memstream(&o.data, &o.len);
    ck_assert_ptr_nonnull(f);
    o.status = lede_print_article(f, text, model, theme);
    ck_assert_int_eq(fclose(f), 0);
    return o;
}

static void load_text(lede_text *text, const char *bytes, size_t len)
{
    ck_assert_int_eq(lede_text_from_buffer(bytes, len, text), LEDE_OK);
}

static lede_span span_of(const char *needle)
{
    const char *p = strstr(article, needle);
    ck_assert_ptr_nonnull(p);
    size_t start = (size_t)(p - article);
    return (lede_span){start, start + strlen(needle)};
}

/* Builds a model with a person, an organisation, a place and one quote. */
static void build_model(lede_model *m)
{
    uint32_t ada, port, bay;
    lede_model_init(m);
    ck_assert_int_eq(lede_model_add_entity(m, LEDE_PERSON, "Ada Brook", "Mayor", &ada), LEDE_OK);
    ck_assert_int_eq(lede_model_add_entity(m, LEDE_ORGANIZATION, "Port Authority", NULL, &port),
                     LEDE_OK);
    ck_assert_int_eq(lede_model_add_entity(m, LEDE_PLACE, "Kettle Bay", NULL, &bay), LEDE_OK);
    ck_assert_int_eq(lede_model_add_mention(m, ada, span_of("Ada Brook")), LEDE_OK);
    ck_assert_int_eq(lede_model_add_mention(m, port, span_of("Port Authority")), LEDE_OK);
    ck_assert_int_eq(lede_model_add_mention(m, bay, span_of("Kettle Bay")), LEDE_OK);
    lede_quote q;
    memset(&q, 0, sizeof q);
    q.span = span_of("\"we will rebuild\"");
    q.speaker = ada;
    q.has_source = true;
    q.source = span_of("Ada Brook");
    ck_assert_int_eq(lede_model_add_quote(m, &q), LEDE_OK);
    ck_assert_int_eq(lede_model_finish(m), LEDE_OK);
}

/* Returns true when every line of s that sets a style also ends with a reset. */
static bool lines_end_plain(const char *s, size_t len)
{
    const char *end = s + len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *stop = nl ? nl : end;
        const char *last = NULL;
        for (const char *p = s; p < stop; p++)
            if (*p == '\033')
                last = p;
        if (last && strncmp(last, "\033[0m", 4) != 0)
            return false;
        s = nl ? nl + 1 : end;
    }
    return true;
}

START_TEST(test_plain_is_exact)
{
    static const char bytes[] = "\xEF\xBB\xBFTitle\r\n\r\nBody \xff\x1b[31m text\x01 and\tmore";
    lede_text text;
    load_text(&text, bytes, sizeof bytes - 1);
    output o = print_to_memory(&text, NULL, NULL);
    ck_assert_int_eq(o.status, LEDE_OK);
    ck_assert_uint_eq(o.len, sizeof bytes - 1);
    ck_assert_mem_eq(o.data, bytes, o.len);
    free(o.data);
    lede_text_free(&text);
}
END_TEST

START_TEST(test_colours_around_mentions)
{
    lede_text text;
    load_text(&text, article, sizeof article - 1);
    lede_model m;
    build_model(&m);
    lede_theme theme;
    lede_theme_defaults(&theme); /* person: yellow bold; place: green; org: cyan */
    output o = print_to_memory(&text, &m, &theme);
    ck_assert_int_eq(o.status, LEDE_OK);
    ck_assert_ptr_nonnull(strstr(o.data, "\033[0;1;33mAda Brook\033["));
    ck_assert_ptr_nonnull(strstr(o.data, "\033[0;36mPort Authority\033[0m."));
    ck_assert_ptr_nonnull(strstr(o.data, "\033[0;32mKettle Bay\033[0m worked"));
    /* The quote is italic, and the mention inside a quote would keep it. */
    ck_assert_ptr_nonnull(strstr(o.data, "\033[0;3m\"we will rebuild\"\033[0m at"));
    /* The headline is bold. */
    ck_assert_ptr_nonnull(strstr(o.data, "\033[0;1mStorm Closes Harbour\033[0m\n"));
    ck_assert(lines_end_plain(o.data, o.len));
    /* Without the escape sequences the text is unchanged. */
    char *stripped = malloc(o.len + 1);
    ck_assert_ptr_nonnull(stripped);
    size_t n = 0;
    for (size_t i = 0; i < o.len; i++) {
        if (o.data[i] == '\033') {
            while (i < o.len && o.data[i] != 'm')
                i++;
            continue;
        }
        stripped[n++] = o.data[i];
    }
    ck_assert_uint_eq(n, sizeof article - 1);
    ck_assert_mem_eq(stripped, article, n);
    free(stripped);
    free(o.data);
    lede_model_free(&m);
    lede_text_free(&text);
}
END_TEST

START_TEST(test_256_colours_and_attributes)
{
    lede_text text;
    load_text(&text, article, sizeof article - 1);
    lede_model m;
    build_model(&m);
    lede_theme theme;
    lede_theme_defaults(&theme);
    static const char lines[] = "color person color200 brightred underline reverse\n"
                                "color place color7 color16 dim\n";
    ck_assert_int_eq(lede_theme_parse_buffer(&theme, lines, sizeof lines - 1, "t", NULL, 0),
                     LEDE_OK);
    output o = print_to_memory(&text, &m, &theme);
    ck_assert_int_eq(o.status, LEDE_OK);
    ck_assert_ptr_nonnull(strstr(o.data, "\033[0;4;7;38;5;200;101mAda Brook"));
    ck_assert_ptr_nonnull(strstr(o.data, "\033[0;2;37;48;5;16mKettle Bay"));
    free(o.data);
    lede_model_free(&m);
    lede_text_free(&text);
}
END_TEST

START_TEST(test_styled_without_model_and_unsafe_bytes)
{
    static const char bytes[] = "Body \xff and \x1b[2J and \x7f ok\r\nnext line caf\xc3\xa9\n";
    lede_text text;
    load_text(&text, bytes, sizeof bytes - 1);
    lede_theme theme;
    lede_theme_defaults(&theme);
    output o = print_to_memory(&text, NULL, &theme);
    ck_assert_int_eq(o.status, LEDE_OK);
    ck_assert_ptr_null(memchr(o.data, 0x7f, o.len));
    /* The text's own escape byte became U+FFFD; only our SGR sequences remain. */
    ck_assert_ptr_nonnull(
        strstr(o.data, "Body \xEF\xBF\xBD and \xEF\xBF\xBD[2J and \xEF\xBF\xBD ok"));
    ck_assert_ptr_nonnull(strstr(o.data, "\r\nnext line caf\xc3\xa9"));
    ck_assert(lines_end_plain(o.data, o.len));
    free(o.data);
    lede_text_free(&text);
}
END_TEST

/* For a terminal the reader cannot use (TERM=dumb): no colours at all, and the same
 * filter: C1 controls (U+009B and the raw byte 0x9B), escapes and bidi overrides become
 * U+FFFD; tabs, line feeds and CR LF stay. */
START_TEST(test_safe_plain_for_terminal)
{
    static const char bytes[] = "A\tb \xc2\x9b"
                                "31m \x9b"
                                "2J \xe2\x80\xae"
                                "cba \x1b]0;t\x07 "
                                "\xe2\x80\x8f ok\r\nnext\n";
    lede_text text;
    load_text(&text, bytes, sizeof bytes - 1);
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(lede_print_article_safe(f, &text, NULL, NULL), LEDE_OK);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_str_eq(data, "A\tb \xEF\xBF\xBD"
                           "31m \xEF\xBF\xBD"
                           "2J \xEF\xBF\xBD"
                           "cba \xEF\xBF\xBD]0;t\xEF\xBF\xBD \xe2\x80\x8f ok\r\nnext\n");
    free(data);
    lede_text_free(&text);
}
END_TEST

START_TEST(test_closed_pipe_is_io_error)
{
    signal(SIGPIPE, SIG_IGN);
    lede_text text;
    load_text(&text, article, sizeof article - 1);
    lede_theme theme;
    lede_theme_defaults(&theme);
    for (int styled = 0; styled < 2; styled++) {
        int fds[2];
        ck_assert_int_eq(pipe(fds), 0);
        ck_assert_int_eq(close(fds[0]), 0);
        FILE *f = fdopen(fds[1], "w");
        ck_assert_ptr_nonnull(f);
        ck_assert_int_eq(lede_print_article(f, &text, NULL, styled ? &theme : NULL), LEDE_ERR_IO);
        fclose(f);
    }
    lede_text_free(&text);
}
END_TEST

START_TEST(test_full_device_is_io_error)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        return; /* no /dev/full on this system */
    lede_text text;
    load_text(&text, article, sizeof article - 1);
    ck_assert_int_eq(lede_print_article(f, &text, NULL, NULL), LEDE_ERR_IO);
    fclose(f);
    lede_text_free(&text);
}
END_TEST

static Suite *print_suite(void)
{
    Suite *s = suite_create("print");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_plain_is_exact);
    tcase_add_test(tc, test_colours_around_mentions);
    tcase_add_test(tc, test_256_colours_and_attributes);
    tcase_add_test(tc, test_styled_without_model_and_unsafe_bytes);
    tcase_add_test(tc, test_safe_plain_for_terminal);
    tcase_add_test(tc, test_closed_pipe_is_io_error);
    tcase_add_test(tc, test_full_device_is_io_error);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(print_suite());
}
