/* check_article.c - articles loaded now or on demand: what opening checks up front, what
 * annotating a lazily opened article reads and reports. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lede/annotate.h"
#include "lede/article.h"
#include "check_util.h"

static char dir[64];

static const char news[] = "Mayor Elena Ruiz opened the harbour on Monday.\n"
                           "\xE2\x80\x9CIt is a good day,\xE2\x80\x9D Ruiz said.\n";

START_TEST(open_defers_the_text)
{
    lede_lexicon *lex;
    lede_annotator *ann;
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    ck_assert_int_eq(lede_annotator_new(lex, &ann), LEDE_OK);
    const char *path = check_write_in(dir, "news.txt", news, sizeof news - 1);
    lede_article a, b;
    ck_assert_int_eq(lede_article_open(&a, path), LEDE_OK);
    ck_assert_str_eq(a.path, path);
    ck_assert_ptr_null(a.text.bytes);
    ck_assert(!a.annotated);
    ck_assert_int_eq(lede_article_annotate(&a, ann), LEDE_OK);
    ck_assert(a.annotated);
    ck_assert_uint_eq(a.text.len, sizeof news - 1);
    ck_assert_uint_ge(a.model.n_entities, 1);
    ck_assert_uint_eq(a.model.n_quotes, 1);
    /* The same as loading it at once. */
    ck_assert_int_eq(lede_article_load(&b, path), LEDE_OK);
    ck_assert_int_eq(lede_article_annotate(&b, ann), LEDE_OK);
    ck_assert_uint_eq(b.model.n_mentions, a.model.n_mentions);
    ck_assert_uint_eq(b.text.n_paras, a.text.n_paras);
    ck_assert_int_eq(lede_article_annotate(&a, ann), LEDE_OK); /* again: nothing to do */
    lede_article_free(&a);
    lede_article_free(&b);
    lede_annotator_free(ann);
    lede_lexicon_free(lex);
}
END_TEST

START_TEST(open_checks_up_front)
{
    lede_article a;
    char path[256];
    snprintf(path, sizeof path, "%s/missing.txt", dir);
    ck_assert_int_eq(lede_article_open(&a, path), LEDE_ERR_NOENT);
    ck_assert_ptr_null(a.path);
    snprintf(path, sizeof path, "%s/news.txt/below", dir);
    check_write_in(dir, "news.txt", news, sizeof news - 1);
    ck_assert_int_eq(lede_article_open(&a, path), LEDE_ERR_NOENT);
    ck_assert_int_eq(lede_article_open(&a, dir), LEDE_ERR_ISDIR);
    /* A size of 0 is no verdict (/proc files say 0): an empty file is found when read. */
    ck_assert_int_eq(lede_article_open(&a, check_write_in(dir, "empty.txt", "", 0)), LEDE_OK);
    ck_assert_int_eq(lede_article_read(&a), LEDE_ERR_EMPTY);
    lede_article_free(&a);
    struct stat sb;
    if (stat("/proc/self/status", &sb) == 0 && sb.st_size == 0) {
        ck_assert_int_eq(lede_article_open(&a, "/proc/self/status"), LEDE_OK);
        ck_assert_int_eq(lede_article_read(&a), LEDE_OK);
        ck_assert_uint_gt(a.text.len, 0);
        lede_article_free(&a);
    }
    const char *locked = check_write_in(dir, "locked.txt", news, sizeof news - 1);
    ck_assert_int_eq(chmod(locked, 0), 0);
    /* root reads anything: then the file opens like any other. */
    lede_status want = geteuid() == 0 ? LEDE_OK : LEDE_ERR_ACCESS;
    ck_assert_int_eq(lede_article_open(&a, locked), want);
    lede_article_free(&a);
}
END_TEST

START_TEST(load_failure_shows_when_annotating)
{
    lede_lexicon *lex;
    lede_annotator *ann;
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
    ck_assert_int_eq(lede_annotator_new(lex, &ann), LEDE_OK);
    char bin[512];
    memset(bin, 0, sizeof bin);
    lede_article a;
    ck_assert_int_eq(lede_article_open(&a, check_write_in(dir, "blob.bin", bin, sizeof bin)),
                     LEDE_OK);
    ck_assert_int_eq(lede_article_annotate(&a, ann), LEDE_ERR_BINARY);
    ck_assert(!a.annotated);
    ck_assert_ptr_null(a.text.bytes);
    ck_assert_uint_eq(a.text.n_paras, 0);
    /* Only white space: no bytes of text either. */
    lede_article_free(&a);
    ck_assert_int_eq(lede_article_open(&a, check_write_in(dir, "blank.txt", " \n\t\n", 4)),
                     LEDE_OK);
    ck_assert_int_eq(lede_article_annotate(&a, ann), LEDE_ERR_EMPTY);
    /* The file went away between opening and reading. */
    lede_article_free(&a);
    const char *gone = check_write_in(dir, "gone.txt", news, sizeof news - 1);
    ck_assert_int_eq(lede_article_open(&a, gone), LEDE_OK);
    ck_assert_int_eq(unlink(gone), 0);
    ck_assert_int_eq(lede_article_annotate(&a, ann), LEDE_ERR_NOENT);
    lede_article_free(&a);
    ck_assert_ptr_null(a.path);
    lede_annotator_free(ann);
    lede_lexicon_free(lex);
}
END_TEST

static Suite *article_suite(void)
{
    Suite *s = suite_create("article");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, open_defers_the_text);
    tcase_add_test(tc, open_checks_up_front);
    tcase_add_test(tc, load_failure_shows_when_annotating);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    if (!check_mkdtemp(dir, sizeof dir, "check_article"))
        return 1;
    int status = check_run_mode(article_suite(), CK_NOFORK);
    if (check_rmtree(dir) != 0)
        status = EXIT_FAILURE;
    return status;
}
