/* check_lexicon.c - tests for the word lists and their parser. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lede/blob.h"
#include "lede/lexicon.h"
#include "check_util.h"

/* Diagnostics go to a memory stream so the tests can read them. */
struct diag {
    FILE *f;
    char *text;
    size_t len;
};

static void diag_open(struct diag *d)
{
    d->text = NULL;
    d->len = 0;
    d->f = open_memstream(&d->text, &d->len);
    ck_assert_ptr_nonnull(d->f);
}

static const char *diag_text(struct diag *d)
{
    ck_assert_int_eq(fflush(d->f), 0);
    return d->text ? d->text : "";
}

static void diag_close(struct diag *d)
{
    fclose(d->f);
    free(d->text);
}

static lede_lexicon *empty(void)
{
    lede_lexicon *lex = NULL;
    ck_assert_int_eq(lede_lexicon_new_empty(&lex), LEDE_OK);
    ck_assert_ptr_nonnull(lex);
    return lex;
}

static bool has(const lede_lexicon *lex, lede_lex_kind kind, const char *word)
{
    return lede_lexicon_has(lex, kind, word, strlen(word));
}

static const char *value(const lede_lexicon *lex, lede_lex_kind kind, const char *word)
{
    return lede_lexicon_value(lex, kind, word, strlen(word));
}

static lede_status add_text(lede_lexicon *lex, const char *text, FILE *diag)
{
    return lede_lexicon_add_buffer(lex, text, strlen(text), "test.lex", diag);
}

START_TEST(test_empty)
{
    lede_lexicon *lex = empty();
    for (int k = 0; k < LEDE_LEX_KINDS; k++) {
        ck_assert_uint_eq(lede_lexicon_count(lex, (lede_lex_kind)k), 0);
        ck_assert_int_eq(lede_lexicon_max_words(lex, (lede_lex_kind)k), 0);
    }
    ck_assert(!has(lex, LEDE_LEX_FIRST, "Anna"));
    ck_assert_ptr_null(value(lex, LEDE_LEX_FIRST, "Anna"));
    lede_lexicon_free(lex);
    lede_lexicon_free(NULL);
}
END_TEST

START_TEST(test_sections_and_values)
{
    lede_lexicon *lex = empty();
    struct diag d;
    diag_open(&d);
    const char *text = "# a comment\n"
                       "\n"
                       "[first]\n"
                       "Anna\n"
                       "  Jürgen  \n"
                       "[title]\n"
                       "Prime   Minister\n"
                       "\tSecretary of State\t\n"
                       "[demonym]\n"
                       "Russian = Russia\n"
                       "Swedes=Sweden\n"
                       "South  Korean   =   South   Korea\n"
                       "[ place ]\n"
                       "Oslo\r\n"
                       "New York";
    ck_assert_int_eq(add_text(lex, text, d.f), LEDE_OK);
    ck_assert_str_eq(diag_text(&d), "");
    ck_assert(has(lex, LEDE_LEX_FIRST, "Anna"));
    ck_assert(has(lex, LEDE_LEX_FIRST, "Jürgen"));
    ck_assert(has(lex, LEDE_LEX_TITLE, "Prime Minister"));
    ck_assert(has(lex, LEDE_LEX_TITLE, "Secretary of State"));
    ck_assert(!has(lex, LEDE_LEX_TITLE, "Prime   Minister"));
    ck_assert_str_eq(value(lex, LEDE_LEX_DEMONYM, "Russian"), "Russia");
    ck_assert_str_eq(value(lex, LEDE_LEX_DEMONYM, "Swedes"), "Sweden");
    ck_assert_str_eq(value(lex, LEDE_LEX_DEMONYM, "South Korean"), "South Korea");
    ck_assert_str_eq(value(lex, LEDE_LEX_FIRST, "Anna"), "");
    ck_assert(has(lex, LEDE_LEX_PLACE, "Oslo"));
    ck_assert(has(lex, LEDE_LEX_PLACE, "New York"));
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_FIRST), 2);
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_TITLE), 2);
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_DEMONYM), 3);
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_PLACE), 2);
    ck_assert_int_eq(lede_lexicon_max_words(lex, LEDE_LEX_FIRST), 1);
    ck_assert_int_eq(lede_lexicon_max_words(lex, LEDE_LEX_TITLE), 3);
    ck_assert_int_eq(lede_lexicon_max_words(lex, LEDE_LEX_DEMONYM), 2);
    ck_assert_int_eq(lede_lexicon_max_words(lex, LEDE_LEX_PLACE), 2);
    diag_close(&d);
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_kinds_are_separate)
{
    lede_lexicon *lex = empty();
    ck_assert_int_eq(add_text(lex, "[place]\nGeorgia\n[first]\nAnna\n", NULL), LEDE_OK);
    ck_assert(has(lex, LEDE_LEX_PLACE, "Georgia"));
    ck_assert(!has(lex, LEDE_LEX_FIRST, "Georgia"));
    ck_assert(!has(lex, LEDE_LEX_PLACE, "Anna"));
    /* The same text may belong to two kinds. */
    ck_assert_int_eq(add_text(lex, "[org]\nGeorgia\n", NULL), LEDE_OK);
    ck_assert(has(lex, LEDE_LEX_ORG, "Georgia"));
    ck_assert(has(lex, LEDE_LEX_PLACE, "Georgia"));
    ck_assert(!has(lex, (lede_lex_kind)LEDE_LEX_KINDS, "Georgia"));
    ck_assert(!has(lex, (lede_lex_kind)-1, "Georgia"));
    ck_assert_uint_eq(lede_lexicon_count(lex, (lede_lex_kind)LEDE_LEX_KINDS), 0);
    ck_assert_int_eq(lede_lexicon_max_words(lex, (lede_lex_kind)99), 0);
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_find_all_kinds)
{
    lede_lexicon *lex = empty();
    ck_assert_int_eq(add_text(lex,
                              "[place]\nGeorgia\nNew York\nNew\xC2\xA0Haven\n[org]\nGeorgia = "
                              "Georgia Power\n[title]\nPrime Minister\n",
                              NULL),
                     LEDE_OK);
    lede_lex_word w = lede_lexicon_find(lex, "Georgia", 7);
    ck_assert_uint_eq(w.kinds, LEDE_LEX_BIT(LEDE_LEX_PLACE) | LEDE_LEX_BIT(LEDE_LEX_ORG));
    ck_assert_uint_eq(w.starts, 0);
    ck_assert_str_eq(lede_lexicon_word_value(lex, w, LEDE_LEX_ORG), "Georgia Power");
    ck_assert_str_eq(lede_lexicon_word_value(lex, w, LEDE_LEX_PLACE), "");
    ck_assert_ptr_null(lede_lexicon_word_value(lex, w, LEDE_LEX_FIRST));
    ck_assert_ptr_null(lede_lexicon_word_value(lex, w, (lede_lex_kind)LEDE_LEX_KINDS));
    /* A first word of longer entries is known by what it starts, not as an entry;
     * a no-break space ends a first word as a space does. */
    w = lede_lexicon_find(lex, "New", 3);
    ck_assert_uint_eq(w.kinds, 0);
    ck_assert_uint_eq(w.starts, LEDE_LEX_BIT(LEDE_LEX_PLACE));
    ck_assert(!has(lex, LEDE_LEX_PLACE, "New"));
    ck_assert_ptr_null(lede_lexicon_word_value(lex, w, LEDE_LEX_PLACE));
    ck_assert_uint_eq(lede_lexicon_find(lex, "Prime", 5).starts, LEDE_LEX_BIT(LEDE_LEX_TITLE));
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_PLACE), 3);
    /* Unknown words, empty and NULL arguments find nothing. */
    w = lede_lexicon_find(lex, "York", 4);
    ck_assert(w.kinds == 0 && w.starts == 0 && w.id == 0);
    ck_assert_uint_eq(lede_lexicon_find(lex, "Georgia", 0).kinds, 0);
    ck_assert_uint_eq(lede_lexicon_find(lex, NULL, 3).kinds, 0);
    ck_assert_uint_eq(lede_lexicon_find(NULL, "Georgia", 7).kinds, 0);
    /* A text may be an entry and begin longer ones, whichever is added first. */
    ck_assert_int_eq(add_text(lex, "[place]\nYork\nYork City\nKent Downs\nKent\n", NULL), LEDE_OK);
    w = lede_lexicon_find(lex, "York", 4);
    ck_assert(w.kinds == LEDE_LEX_BIT(LEDE_LEX_PLACE) && w.starts == LEDE_LEX_BIT(LEDE_LEX_PLACE));
    w = lede_lexicon_find(lex, "Kent", 4);
    ck_assert(w.kinds == LEDE_LEX_BIT(LEDE_LEX_PLACE) && w.starts == LEDE_LEX_BIT(LEDE_LEX_PLACE));
    /* An entry added again keeps one record: its value is replaced, its count is not. */
    ck_assert_int_eq(add_text(lex, "[org]\nGeorgia\n", NULL), LEDE_OK);
    w = lede_lexicon_find(lex, "Georgia", 7);
    ck_assert_str_eq(lede_lexicon_word_value(lex, w, LEDE_LEX_ORG), "");
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_ORG), 1);
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_case_and_length)
{
    lede_lexicon *lex = empty();
    ck_assert_int_eq(add_text(lex, "[first]\nAnna\n[particle]\nvan\n", NULL), LEDE_OK);
    ck_assert(!has(lex, LEDE_LEX_FIRST, "anna"));
    ck_assert(!has(lex, LEDE_LEX_FIRST, "ANNA"));
    ck_assert(!has(lex, LEDE_LEX_PARTICLE, "Van"));
    ck_assert(has(lex, LEDE_LEX_PARTICLE, "van"));
    /* Only len bytes count: a prefix of a longer buffer matches. */
    const char *text = "Annabel";
    ck_assert(lede_lexicon_has(lex, LEDE_LEX_FIRST, text, 4));
    ck_assert(!lede_lexicon_has(lex, LEDE_LEX_FIRST, text, 3));
    ck_assert(!lede_lexicon_has(lex, LEDE_LEX_FIRST, text, 7));
    ck_assert(!lede_lexicon_has(lex, LEDE_LEX_FIRST, text, 0));
    ck_assert(!lede_lexicon_has(NULL, LEDE_LEX_FIRST, text, 4));
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_bad_lines)
{
    lede_lexicon *lex = empty();
    struct diag d;
    diag_open(&d);
    const char *text = "Orphan\n"     /* 1: before any section */
                       "# fine\n"     /* 2 */
                       "[first]\n"    /* 3 */
                       "Anna\n"       /* 4 */
                       " = Nothing\n" /* 5: empty entry */
                       "Bob =\n"      /* 6: empty value */
                       "[nonsense]\n" /* 7: unknown section */
                       "Skipped\n"    /* 8: quietly skipped */
                       "[first\n"     /* 9: unclosed */
                       "Quiet\n"      /* 10: quietly skipped */
                       "[place]\n"    /* 11 */
                       "Oslo\n";      /* 12 */
    ck_assert_int_eq(add_text(lex, text, d.f), LEDE_ERR_SYNTAX);
    const char *out = diag_text(&d);
    ck_assert_ptr_nonnull(strstr(out, "test.lex:1: "));
    ck_assert_ptr_null(strstr(out, "test.lex:2:"));
    ck_assert_ptr_nonnull(strstr(out, "test.lex:5: empty entry"));
    ck_assert_ptr_nonnull(strstr(out, "test.lex:6: "));
    ck_assert_ptr_nonnull(strstr(out, "test.lex:7: unknown section [nonsense]"));
    ck_assert_ptr_null(strstr(out, "test.lex:8:"));
    ck_assert_ptr_nonnull(strstr(out, "test.lex:9: "));
    ck_assert_ptr_null(strstr(out, "test.lex:10:"));
    ck_assert(check_lines_start_with(out, "lede: "));
    /* Every message is one line, and there are five of them. */
    int lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    ck_assert_int_eq(lines, 5);
    /* Loading went on past the bad lines. */
    ck_assert(has(lex, LEDE_LEX_FIRST, "Anna"));
    ck_assert(!has(lex, LEDE_LEX_FIRST, "Bob"));
    ck_assert(!has(lex, LEDE_LEX_FIRST, "Skipped"));
    ck_assert(!has(lex, LEDE_LEX_FIRST, "Quiet"));
    ck_assert(has(lex, LEDE_LEX_PLACE, "Oslo"));
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_FIRST), 1);
    /* Without a diag stream the status is the same and nothing is printed. */
    ck_assert_int_eq(add_text(lex, "Orphan\n", NULL), LEDE_ERR_SYNTAX);
    diag_close(&d);
    lede_lexicon_free(lex);
}
END_TEST

/* An entry of more than LEDE_LEX_MAX_WORDS words or LEDE_LEX_MAX_BYTES bytes is
 * refused with one line (the annotator tries keys as long as the longest entry at every
 * name, so one huge [title] made annotation ~150 times slower); the longest kept entry
 * bounds max_words. Bad lines beyond 20 are counted, not printed, and a control in a
 * bad line is shown as U+FFFD. */
START_TEST(test_entry_caps)
{
    lede_lexicon *lex = empty();
    struct diag d;
    diag_open(&d);
    char text[20000] = "[title]\nDeputy Chief of Staff\n";
    strcat(text, "Very");
    for (int i = 0; i < 2000; i++)
        strcat(text, " Long");
    strcat(text, "\n[org]\nA B C D E F G H I J K L\n");
    ck_assert_int_eq(add_text(lex, text, d.f), LEDE_ERR_SYNTAX);
    const char *out = diag_text(&d);
    ck_assert_ptr_nonnull(strstr(out, "test.lex:3: entry longer than 12 words or 256 bytes"));
    ck_assert_ptr_nonnull(strstr(out, "..."));
    ck_assert_uint_lt(strlen(out), 200);
    ck_assert_int_eq(lede_lexicon_max_words(lex, LEDE_LEX_TITLE), 4);
    ck_assert_int_eq(lede_lexicon_max_words(lex, LEDE_LEX_ORG), 12);
    ck_assert_int_eq(lede_lexicon_add(lex, LEDE_LEX_TITLE, text + 26, NULL), LEDE_ERR_SYNTAX);
    ck_assert_int_eq(lede_lexicon_max_words(lex, LEDE_LEX_TITLE), 4);
    char value[400];
    memset(value, 'v', sizeof value - 1);
    value[sizeof value - 1] = '\0';
    ck_assert_int_eq(lede_lexicon_add(lex, LEDE_LEX_PERSON, "Ann", value), LEDE_ERR_SYNTAX);
    diag_close(&d);

    diag_open(&d);
    char many[3000] = "[first]\n";
    for (int i = 0; i < 100; i++)
        strcat(many, " = \x1b]0;x\n");
    ck_assert_int_eq(add_text(lex, many, d.f), LEDE_ERR_SYNTAX);
    out = diag_text(&d);
    ck_assert_ptr_nonnull(strstr(out, "test.lex: 80 more bad lines not shown"));
    ck_assert(check_lines_start_with(out, "lede: "));
    ck_assert_ptr_null(strchr(out, '\x1b'));
    int lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    ck_assert_int_eq(lines, 21);
    diag_close(&d);
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_odd_buffers)
{
    lede_lexicon *lex = empty();
    ck_assert_int_eq(lede_lexicon_add_buffer(lex, "", 0, "empty", NULL), LEDE_OK);
    ck_assert_int_eq(add_text(lex, "\n\n   \n# only comments\n", NULL), LEDE_OK);
    ck_assert_int_eq(add_text(lex, "[first]", NULL), LEDE_OK);
    /* A NUL inside an entry is a bad line, not a truncated entry. */
    const char nul[] = "[first]\nAn\0na\nEva\n";
    ck_assert_int_eq(lede_lexicon_add_buffer(lex, nul, sizeof nul - 1, "nul", NULL),
                     LEDE_ERR_SYNTAX);
    ck_assert(!has(lex, LEDE_LEX_FIRST, "An"));
    ck_assert(has(lex, LEDE_LEX_FIRST, "Eva"));
    /* len bounds the buffer: the text after it is not read. */
    const char *cut = "[first]\nLeo\nMaxWasHere";
    ck_assert_int_eq(lede_lexicon_add_buffer(lex, cut, 15, "cut", NULL), LEDE_OK);
    ck_assert(has(lex, LEDE_LEX_FIRST, "Max"));
    ck_assert(!has(lex, LEDE_LEX_FIRST, "MaxWasHere"));
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_override_and_add)
{
    lede_lexicon *lex = empty();
    ck_assert_int_eq(add_text(lex, "[demonym]\nGeorgian = Georgia\n", NULL), LEDE_OK);
    ck_assert_int_eq(add_text(lex, "[demonym]\nGeorgian = Georgia (US state)\n", NULL), LEDE_OK);
    ck_assert_str_eq(value(lex, LEDE_LEX_DEMONYM, "Georgian"), "Georgia (US state)");
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_DEMONYM), 1);
    ck_assert_int_eq(lede_lexicon_add(lex, LEDE_LEX_TITLE, "  Chief   Justice ", NULL), LEDE_OK);
    ck_assert(has(lex, LEDE_LEX_TITLE, "Chief Justice"));
    ck_assert_str_eq(value(lex, LEDE_LEX_TITLE, "Chief Justice"), "");
    ck_assert_int_eq(lede_lexicon_add(lex, LEDE_LEX_DEMONYM, "Georgian", "Georgia"), LEDE_OK);
    ck_assert_str_eq(value(lex, LEDE_LEX_DEMONYM, "Georgian"), "Georgia");
    ck_assert_int_eq(lede_lexicon_add(lex, LEDE_LEX_FIRST, "   ", NULL), LEDE_ERR_SYNTAX);
    ck_assert_int_eq(lede_lexicon_add(lex, (lede_lex_kind)LEDE_LEX_KINDS, "x", NULL),
                     LEDE_ERR_SYNTAX);
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_FIRST), 0);
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_user_file_over_builtin)
{
    lede_lexicon *lex = NULL;
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    size_t firsts = lede_lexicon_count(lex, LEDE_LEX_FIRST);
    ck_assert(!has(lex, LEDE_LEX_FIRST, "Zorblax"));
    ck_assert(has(lex, LEDE_LEX_DEMONYM, "Swedish"));

    char path[] = "/tmp/check_lexicon_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *text = "# my names\n[first]\nZorblax\nAnna\n[demonym]\nSwedish = Svealand\n";
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    ck_assert_int_eq(close(fd), 0);

    ck_assert_int_eq(lede_lexicon_add_file(lex, path, NULL), LEDE_OK);
    ck_assert(has(lex, LEDE_LEX_FIRST, "Zorblax"));
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_FIRST), firsts + 1);
    ck_assert_str_eq(value(lex, LEDE_LEX_DEMONYM, "Swedish"), "Svealand");
    ck_assert_int_eq(unlink(path), 0);
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_file_errors)
{
    lede_lexicon *lex = empty();
    ck_assert_int_eq(lede_lexicon_add_file(lex, "/nonexistent/dir/file.lex", NULL), LEDE_ERR_NOENT);
    ck_assert_int_eq(lede_lexicon_add_file(lex, "/tmp", NULL), LEDE_ERR_ISDIR);

    /* A bad line in a file is reported with the file's path. */
    char path[] = "/tmp/check_lexicon_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *text = "[first]\nAnna\n[bogus]\n";
    ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    ck_assert_int_eq(close(fd), 0);
    struct diag d;
    diag_open(&d);
    ck_assert_int_eq(lede_lexicon_add_file(lex, path, d.f), LEDE_ERR_SYNTAX);
    char want[64];
    snprintf(want, sizeof want, "lede: %s:3: unknown section [bogus]\n", path);
    ck_assert_str_eq(diag_text(&d), want);
    ck_assert(has(lex, LEDE_LEX_FIRST, "Anna"));
    diag_close(&d);

    /* Unreadable file (root may read anything, so only check when it is refused). */
    ck_assert_int_eq(chmod(path, 0), 0);
    if (access(path, R_OK) != 0)
        ck_assert_int_eq(lede_lexicon_add_file(lex, path, NULL), LEDE_ERR_ACCESS);
    ck_assert_int_eq(unlink(path), 0);
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_many_entries)
{
    /* Enough entries to grow the table several times; all stay findable. */
    lede_lexicon *lex = empty();
    char word[32];
    for (int i = 0; i < 20000; i++) {
        snprintf(word, sizeof word, "Word%d", i);
        ck_assert_int_eq(
            lede_lexicon_add(lex, (lede_lex_kind)(i % LEDE_LEX_KINDS), word, i % 2 ? word : NULL),
            LEDE_OK);
    }
    for (int i = 0; i < 20000; i++) {
        snprintf(word, sizeof word, "Word%d", i);
        lede_lex_kind kind = (lede_lex_kind)(i % LEDE_LEX_KINDS);
        ck_assert(has(lex, kind, word));
        ck_assert(!has(lex, (lede_lex_kind)((i + 1) % LEDE_LEX_KINDS), word));
        ck_assert_str_eq(value(lex, kind, word), i % 2 ? word : "");
    }
    size_t total = 0;
    for (int k = 0; k < LEDE_LEX_KINDS; k++)
        total += lede_lexicon_count(lex, (lede_lex_kind)k);
    ck_assert_uint_eq(total, 20000);
    lede_lexicon_free(lex);
}
END_TEST

/* Texts of every length an entry may have are found by exactly their bytes (kept in the
 * table's slot up to 16 bytes, in the arena beyond), with their values; a text differing
 * in any one byte, one byte shorter or longer, or longer than any entry may be, is not
 * found. The table and its filter grow while they are added. */
START_TEST(test_every_length)
{
    lede_lexicon *lex = empty();
    char word[LEDE_LEX_MAX_BYTES + 2], probe[LEDE_LEX_MAX_BYTES + 2];
    for (size_t len = 1; len <= LEDE_LEX_MAX_BYTES; len++) {
        for (size_t i = 0; i < len; i++)
            word[i] = (char)('a' + (i * 7 + len) % 26);
        word[len] = '\0';
        ck_assert_int_eq(lede_lexicon_add(lex, LEDE_LEX_STOP, word, word), LEDE_OK);
    }
    for (size_t len = 1; len <= LEDE_LEX_MAX_BYTES; len++) {
        for (size_t i = 0; i < len; i++)
            word[i] = (char)('a' + (i * 7 + len) % 26);
        word[len] = 'z';
        lede_lex_word w = lede_lexicon_find(lex, word, len);
        ck_assert_msg(w.kinds == LEDE_LEX_BIT(LEDE_LEX_STOP) && w.id != 0, "length %zu", len);
        const char *v = lede_lexicon_word_value(lex, w, LEDE_LEX_STOP);
        ck_assert(v && strlen(v) == len && memcmp(v, word, len) == 0);
        for (size_t at = 0; at < len; at++) {
            memcpy(probe, word, len);
            probe[at] = 'A';
            ck_assert_msg(lede_lexicon_find(lex, probe, len).kinds == 0, "length %zu byte %zu",
                          len, at);
        }
        ck_assert(len == 1 || !lede_lexicon_has(lex, LEDE_LEX_STOP, word, len - 1));
        ck_assert(!lede_lexicon_has(lex, LEDE_LEX_STOP, word, len + 1));
    }
    memset(word, 'a', sizeof word);
    ck_assert_uint_eq(lede_lexicon_find(lex, word, LEDE_LEX_MAX_BYTES + 1).kinds, 0);
    ck_assert_uint_eq(lede_lexicon_count(lex, LEDE_LEX_STOP), LEDE_LEX_MAX_BYTES);
    lede_lexicon_free(lex);
}
END_TEST

/* Every built-in list parses without a single diagnostic. */
START_TEST(test_builtin_clean)
{
    ck_assert_uint_gt(lede_blob_lexicon_count, 5);
    lede_lexicon *lex = empty();
    struct diag d;
    diag_open(&d);
    for (size_t i = 0; i < lede_blob_lexicon_count; i++) {
        const struct lede_blob *b = &lede_blob_lexicon[i];
        ck_assert_int_eq(lede_lexicon_add_buffer(lex, b->data, b->len, b->name, d.f), LEDE_OK);
    }
    ck_assert_str_eq(diag_text(&d), "");
    diag_close(&d);
    lede_lexicon_free(lex);
}
END_TEST

/* Each built-in file is sorted (byte order) and free of duplicates within a section. */
START_TEST(test_builtin_sorted)
{
    for (size_t i = 0; i < lede_blob_lexicon_count; i++) {
        const struct lede_blob *b = &lede_blob_lexicon[i];
        const char *prev = NULL;
        size_t prevlen = 0;
        for (const char *p = b->data; p < b->data + b->len;) {
            const char *nl = memchr(p, '\n', (size_t)(b->data + b->len - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(b->data + b->len - p);
            if (n > 0 && p[0] == '[') {
                prev = NULL;
            } else if (n > 0 && p[0] != '#') {
                const char *eq = memchr(p, '=', n);
                size_t key = eq ? (size_t)(eq - p - 1) : n;
                if (prev) {
                    size_t m = key < prevlen ? key : prevlen;
                    int c = memcmp(prev, p, m);
                    ck_assert_msg(c < 0 || (c == 0 && prevlen < key), "%s: '%.*s' after '%.*s'",
                                  b->name, (int)key, p, (int)prevlen, prev);
                }
                prev = p;
                prevlen = key;
            }
            p += n + 1;
        }
    }
}
END_TEST

START_TEST(test_builtin_counts)
{
    lede_lexicon *lex = NULL;
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_FIRST), 2000);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_PLACE), 2000);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_TITLE), 200);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_PLACEWORD), 50);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_ORG), 300);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_ORGWORD), 100);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_GROUP), 100);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_DEMONYM), 250);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_VERB), 200);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_STOP), 300);
    ck_assert_uint_gt(lede_lexicon_count(lex, LEDE_LEX_PARTICLE), 20);
    ck_assert_int_ge(lede_lexicon_max_words(lex, LEDE_LEX_TITLE), 3);
    ck_assert_int_ge(lede_lexicon_max_words(lex, LEDE_LEX_PLACE), 3);
    ck_assert_int_eq(lede_lexicon_max_words(lex, LEDE_LEX_FIRST), 1);
    ck_assert_int_eq(lede_lexicon_max_words(lex, LEDE_LEX_VERB), 1);
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(test_builtin_entries)
{
    lede_lexicon *lex = NULL;
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    const char *firsts[] = {"Ingrid", "Zoë",      "Tomás",    "Małgorzata", "Henrik",  "Karin",
                            "Daniel", "Vladimir", "Mohammed", "Priya",      "Hiroshi", "Chidi"};
    for (size_t i = 0; i < sizeof firsts / sizeof *firsts; i++)
        ck_assert_msg(has(lex, LEDE_LEX_FIRST, firsts[i]), "%s", firsts[i]);
    const char *not_first[] = {"Will", "May", "Summer", "Georgia", "China", "The"};
    for (size_t i = 0; i < sizeof not_first / sizeof *not_first; i++)
        ck_assert_msg(!has(lex, LEDE_LEX_FIRST, not_first[i]), "%s", not_first[i]);
    const char *places[] = {
        "Sweden",      "Stockholm", "Gothenburg",      "Uppsala",     "Kraków",      "Madrid",
        "Brussels",    "Poland",    "Spain",           "Scandinavia", "Europe",      "Kyiv",
        "Kiev",        "U.S.",      "United States",   "Texas",       "Bavaria",     "Ontario",
        "Middle East", "Donbas",    "Belgorod Oblast", "Belgorod",    "Uttarakhand", "Guangdong"};
    for (size_t i = 0; i < sizeof places / sizeof *places; i++)
        ck_assert_msg(has(lex, LEDE_LEX_PLACE, places[i]), "%s", places[i]);
    ck_assert(has(lex, LEDE_LEX_TITLE, "Prime Minister"));
    ck_assert(has(lex, LEDE_LEX_TITLE, "President"));
    ck_assert(has(lex, LEDE_LEX_TITLE, "Health Minister"));
    ck_assert(has(lex, LEDE_LEX_TITLE, "Dr."));
    ck_assert(has(lex, LEDE_LEX_TITLE, "Mayor"));
    ck_assert(has(lex, LEDE_LEX_TITLE, "chairwoman"));
    ck_assert(has(lex, LEDE_LEX_TITLE, "chief executive"));
    ck_assert(has(lex, LEDE_LEX_ORG, "Reuters"));
    ck_assert(has(lex, LEDE_LEX_ORG, "European Commission"));
    ck_assert(has(lex, LEDE_LEX_ORG, "European Medicines Agency"));
    ck_assert(has(lex, LEDE_LEX_ORG, "Kremlin"));
    ck_assert(has(lex, LEDE_LEX_ORGWORD, "Inc."));
    ck_assert(has(lex, LEDE_LEX_ORGWORD, "Union"));
    ck_assert(has(lex, LEDE_LEX_ORGWORD, "Ministry"));
    ck_assert(has(lex, LEDE_LEX_ORGWORD, "Pharmaceuticals"));
    ck_assert(has(lex, LEDE_LEX_PLACEWORD, "River"));
    ck_assert(has(lex, LEDE_LEX_GROUP, "Social Democrats"));
    ck_assert(has(lex, LEDE_LEX_GROUP, "Swedes"));
    ck_assert_str_eq(value(lex, LEDE_LEX_DEMONYM, "Swedish"), "Sweden");
    ck_assert_str_eq(value(lex, LEDE_LEX_DEMONYM, "American"), "United States");
    ck_assert_str_eq(value(lex, LEDE_LEX_DEMONYM, "Ukrainians"), "Ukraine");
    ck_assert(has(lex, LEDE_LEX_VERB, "said"));
    ck_assert(has(lex, LEDE_LEX_VERB, "remarked"));
    ck_assert(has(lex, LEDE_LEX_VERB, "according"));
    ck_assert(has(lex, LEDE_LEX_STOP, "Meanwhile"));
    ck_assert(has(lex, LEDE_LEX_STOP, "May"));
    ck_assert(has(lex, LEDE_LEX_STOP, "Tuesday"));
    ck_assert(!has(lex, LEDE_LEX_STOP, "Mr"));
    ck_assert(has(lex, LEDE_LEX_PARTICLE, "von"));
    ck_assert(has(lex, LEDE_LEX_PARTICLE, "bin"));
    ck_assert(!has(lex, LEDE_LEX_PARTICLE, "of"));
    lede_lexicon_free(lex);
}
END_TEST

/* Demonym values name places of the place lists. */
START_TEST(test_builtin_demonyms_resolve)
{
    lede_lexicon *lex = NULL;
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    const struct lede_blob *b = lede_blob_find(lede_blob_lexicon, "demonym.txt");
    ck_assert_ptr_nonnull(b);
    int checked = 0;
    for (const char *p = b->data; p < b->data + b->len;) {
        const char *nl = memchr(p, '\n', (size_t)(b->data + b->len - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(b->data + b->len - p);
        const char *eq = memchr(p, '=', n);
        if (n > 0 && p[0] != '#' && eq) {
            const char *v = lede_lexicon_value(lex, LEDE_LEX_DEMONYM, p, (size_t)(eq - p - 1));
            ck_assert_ptr_nonnull(v);
            ck_assert_msg(has(lex, LEDE_LEX_PLACE, v), "demonym value %s is no place", v);
            checked++;
        }
        p += n + 1;
    }
    ck_assert_int_gt(checked, 250);
    lede_lexicon_free(lex);
}
END_TEST

static Suite *lexicon_suite(void)
{
    Suite *s = suite_create("lexicon");
    TCase *parse = tcase_create("parse");
    tcase_add_test(parse, test_empty);
    tcase_add_test(parse, test_sections_and_values);
    tcase_add_test(parse, test_kinds_are_separate);
    tcase_add_test(parse, test_find_all_kinds);
    tcase_add_test(parse, test_case_and_length);
    tcase_add_test(parse, test_bad_lines);
    tcase_add_test(parse, test_odd_buffers);
    tcase_add_test(parse, test_entry_caps);
    tcase_add_test(parse, test_override_and_add);
    tcase_add_test(parse, test_user_file_over_builtin);
    tcase_add_test(parse, test_file_errors);
    tcase_add_test(parse, test_many_entries);
    tcase_add_test(parse, test_every_length);
    suite_add_tcase(s, parse);
    TCase *builtin = tcase_create("builtin");
    tcase_add_test(builtin, test_builtin_clean);
    tcase_add_test(builtin, test_builtin_sorted);
    tcase_add_test(builtin, test_builtin_counts);
    tcase_add_test(builtin, test_builtin_entries);
    tcase_add_test(builtin, test_builtin_demonyms_resolve);
    suite_add_tcase(s, builtin);
    return s;
}

int main(void)
{
    return check_run(lexicon_suite());
}
