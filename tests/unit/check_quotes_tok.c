/* check_quotes_tok.c - the tokens and small words around a quote (src/quotes_tok.c):
 * tokens forward and backward, possessives, the classes of src/lexicon/quote.txt,
 * reporting verbs in their finite forms, and where a sentence ends. Texts are written
 * here. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "lede/lexicon.h"
#include "check_util.h"
#include "quotes_impl.h"

static lede_lexicon *lex;

static void setup(void)
{
    ck_assert_int_eq(lede_lexicon_new(&lex), LEDE_OK);
}

static void teardown(void)
{
    lede_lexicon_free(lex);
}

/* A context over s with no names, model or quotes: what the word tests need. */
static qctx ctx(const char *s)
{
    qctx c;
    memset(&c, 0, sizeof c);
    c.lex = lex;
    c.s = s;
    c.len = strlen(s);
    return c;
}

/* The token of s that starts at the first occurrence of word (which must be there). */
static qtok tok_at(const char *s, const char *word)
{
    const char *p = strstr(s, word);
    ck_assert_ptr_nonnull(p);
    qtok t;
    ck_assert(qtok_next(s, strlen(s), (size_t)(p - s), &t));
    ck_assert_uint_eq(t.start, (size_t)(p - s));
    return t;
}

/* The text of token t in s (cut at 63 bytes; valid until the next call). */
static const char *tok_text(const char *s, const qtok *t)
{
    static char buf[64];
    size_t n = t->end - t->start < sizeof buf - 1 ? t->end - t->start : sizeof buf - 1;
    memcpy(buf, s + t->start, n);
    buf[n] = '\0';
    return buf;
}

/* Forward: words join across an apostrophe or hyphen between letters; punctuation is one
 * token with its code point; a word of non-ASCII letters is one word. */
START_TEST(tokens_forward)
{
    static const char s[] = "  Don't re-open Sjöberg’s “file”, she said—now.";
    const char *want[] = {"Don't", "re-open", "Sjöberg’s", "“", "file", "”",
                          ",",     "she",     "said",      "—", "now",  "."};
    size_t hi = strlen(s), at = 0, k = 0;
    qtok t;
    while (qtok_next(s, hi, at, &t)) {
        ck_assert_uint_lt(k, sizeof want / sizeof *want);
        ck_assert_str_eq(tok_text(s, &t), want[k]);
        /* Words have cp 0; punctuation its code point. */
        if (strcmp(want[k], "“") == 0)
            ck_assert_uint_eq(t.cp, 0x201C);
        else if (strcmp(want[k], ",") == 0)
            ck_assert_uint_eq(t.cp, ',');
        else if (strcmp(want[k], "file") == 0)
            ck_assert_uint_eq(t.cp, 0);
        at = t.end;
        k++;
    }
    ck_assert_uint_eq(k, sizeof want / sizeof *want);
    /* A trailing hyphen or apostrophe joins nothing. */
    static const char u[] = "rock- 'n";
    ck_assert(qtok_next(u, strlen(u), 0, &t));
    ck_assert_str_eq(tok_text(u, &t), "rock");
    /* Only white space is left: no token. */
    ck_assert(!qtok_next("a   ", 4, 1, &t));
}
END_TEST

/* Backward gives the same tokens in reverse, and never reads before lo. */
START_TEST(tokens_backward)
{
    static const char s[] = "Mr Ölund’s well-known line, “no.”";
    const char *want[] = {"”", ".", "no", "“", ",", "line", "well-known", "Ölund’s", "Mr"};
    size_t at = strlen(s), k = 0;
    qtok t;
    while (qtok_prev(s, 0, at, &t)) {
        ck_assert_uint_lt(k, sizeof want / sizeof *want);
        ck_assert_str_eq(tok_text(s, &t), want[k]);
        at = t.start;
        k++;
    }
    ck_assert_uint_eq(k, sizeof want / sizeof *want);
    /* lo cuts a word: the part after lo is the token. */
    size_t lo = (size_t)(strstr(s, "known") - s);
    ck_assert(qtok_prev(s, lo, lo + 5, &t));
    ck_assert_uint_eq(t.start, lo);
    ck_assert(!qtok_prev(s, lo, lo, &t));
}
END_TEST

/* "Trump's" and "Trump’s" end in a possessive; "its", "is" and punctuation do not. */
START_TEST(possessives_and_exact_words)
{
    static const char s[] = "Hale's plan, Hale’s aide, its end, as is, ’s";
    qtok t = tok_at(s, "Hale's");
    ck_assert_uint_eq(qtok_possessive(s, &t), 2);
    t = tok_at(s, "Hale’s");
    ck_assert_uint_eq(qtok_possessive(s, &t), 4);
    t = tok_at(s, "its");
    ck_assert_uint_eq(qtok_possessive(s, &t), 0);
    t = tok_at(s, "is,");
    ck_assert_uint_eq(qtok_possessive(s, &t), 0);
    t = tok_at(s, ",");
    ck_assert_uint_eq(qtok_possessive(s, &t), 0);
    t = tok_at(s, "plan");
    ck_assert(qtok_is(s, &t, "plan"));
    ck_assert(!qtok_is(s, &t, "pla"));
    ck_assert(!qtok_is(s, &t, "plans"));
    ck_assert(!qtok_is(s, &t, "Plan"));
    t = tok_at(s, ",");
    ck_assert(!qtok_is(s, &t, ","));
}
END_TEST

/* A word's first byte decides: a capital (ASCII) or a digit; punctuation is neither. */
START_TEST(capitalised_and_numeric)
{
    static const char s[] = "In 2010 the 86th vote, Hale said";
    qtok t = tok_at(s, "In");
    ck_assert(qtok_capitalised(s, &t) && !qtok_numeric(s, &t));
    t = tok_at(s, "2010");
    ck_assert(qtok_numeric(s, &t) && !qtok_capitalised(s, &t));
    t = tok_at(s, "86th");
    ck_assert(qtok_numeric(s, &t));
    t = tok_at(s, "the");
    ck_assert(!qtok_numeric(s, &t) && !qtok_capitalised(s, &t));
    t = tok_at(s, ",");
    ck_assert(!qtok_numeric(s, &t) && !qtok_capitalised(s, &t));
}
END_TEST

/* The classes come from quote.txt: a word may have several; case matters as written in
 * the list; punctuation and unknown words have none. The memo answers the same. */
START_TEST(word_classes)
{
    static const char s[] = "said he the But table , it they";
    qctx c = ctx(s);
    qtok t = tok_at(s, "said");
    ck_assert_uint_eq(qtok_classes(&c, &t) & (QW_IRREGULAR | QW_CORE), QW_IRREGULAR | QW_CORE);
    t = tok_at(s, "he");
    ck_assert(qtok_has(&c, &t, QW_PRONOUN));
    ck_assert(qtok_has(&c, &t, QW_PERSON));
    ck_assert(!qtok_has(&c, &t, QW_CORE));
    t = tok_at(s, "the");
    ck_assert(qtok_has(&c, &t, QW_DET));
    t = tok_at(s, "But");
    ck_assert(qtok_has(&c, &t, QW_CONJ));
    t = tok_at(s, "it");
    ck_assert(qtok_has(&c, &t, QW_ORGREF));
    t = tok_at(s, "they");
    ck_assert(qtok_has(&c, &t, QW_PLURAL));
    t = tok_at(s, "table");
    ck_assert_uint_eq(qtok_classes(&c, &t), 0);
    t = tok_at(s, ",");
    ck_assert_uint_eq(qtok_classes(&c, &t), 0);
    /* With a memo, twice: the second answer is the memo's and the same. */
    qword_memo *memo = calloc(1, sizeof *memo);
    ck_assert_ptr_nonnull(memo);
    c.memo = memo;
    t = tok_at(s, "said");
    for (int k = 0; k < 2; k++)
        ck_assert_uint_eq(qtok_classes(&c, &t) & (QW_IRREGULAR | QW_CORE), QW_IRREGULAR | QW_CORE);
    t = tok_at(s, "he");
    ck_assert(qtok_has(&c, &t, QW_PERSON));
    ck_assert(!qtok_has(&c, &t, QW_IRREGULAR));
    free(memo);
}
END_TEST

/* The memo keeps a token's classes by where it starts: asked again, folded or not, or
 * as a shorter token at the same start, the answer is the lookup's. */
START_TEST(classes_memo_by_position)
{
    static const char s[] = "In theory, but";
    qctx c = ctx(s);
    qword_memo *memo = calloc(1, sizeof *memo);
    ck_assert_ptr_nonnull(memo);
    c.memo = memo;
    qtok in = tok_at(s, "In");
    for (int k = 0; k < 2; k++) {
        ck_assert_uint_eq(qtok_classes(&c, &in), 0); /* "In" itself is no entry */
        ck_assert(qtok_classes_folded(&c, &in) & QW_FUNCTION);
    }
    qtok the = tok_at(s, "theory");
    ck_assert_uint_eq(qtok_classes(&c, &the), 0);
    the.end = the.start + 3; /* "the", a token cut short at the same start */
    ck_assert(qtok_classes(&c, &the) & QW_DET);
    the.end = the.start + 6;
    ck_assert_uint_eq(qtok_classes(&c, &the), 0);
    qtok but = tok_at(s, "but");
    for (int k = 0; k < 2; k++)
        ck_assert(qtok_has(&c, &but, QW_CONJ));
    ck_assert_uint_eq(memo->at[but.start % QPOS_MEMO], 2 * (but.start + 1));
    free(memo);
}
END_TEST

/* The memo of short words answers by a word's bytes and length: the same word elsewhere
 * from the memo, and a word one byte longer or different in its last byte looked up. */
START_TEST(classes_memo_by_word)
{
    static const char s[] = "said x said saidx saix their theirs sayings";
    qctx c = ctx(s);
    qword_memo *memo = calloc(1, sizeof *memo);
    ck_assert_ptr_nonnull(memo);
    c.memo = memo;
    qtok t = tok_at(s, "said");
    ck_assert(qtok_has(&c, &t, QW_IRREGULAR));
    ck_assert(qtok_next(s, strlen(s), t.end + 3, &t)); /* the second "said" */
    ck_assert(qtok_has(&c, &t, QW_IRREGULAR));
    t = tok_at(s, "saidx");
    ck_assert_uint_eq(qtok_classes(&c, &t), 0);
    t = tok_at(s, "saix");
    ck_assert_uint_eq(qtok_classes(&c, &t), 0);
    t = tok_at(s, "their");
    ck_assert(qtok_has(&c, &t, QW_OWNER));
    t = tok_at(s, "theirs");
    ck_assert(!qtok_has(&c, &t, QW_OWNER));
    t = tok_at(s, "sayings"); /* seven bytes, the memo's own: no entry */
    ck_assert_uint_eq(qtok_classes(&c, &t), 0);
    free(memo);
}
END_TEST

/* A reporting verb of verb.txt, capitalised at a sentence start too ("Said Ellis"); a
 * capitalised word longer than any verb is looked up without harm. */
START_TEST(verbs_of_the_lexicon)
{
    static const char s[] = "said Said warned table Table Acknowledgingthemallatonce Acknowledging";
    qctx c = ctx(s);
    qtok t = tok_at(s, "said");
    ck_assert(quote_is_verb(&c, &t));
    t = tok_at(s, "Said");
    ck_assert(quote_is_verb(&c, &t));
    t = tok_at(s, "warned");
    ck_assert(quote_is_verb(&c, &t));
    t = tok_at(s, "table");
    ck_assert(!quote_is_verb(&c, &t));
    t = tok_at(s, "Table");
    ck_assert(!quote_is_verb(&c, &t));
    t = tok_at(s, "Acknowledging");
    ck_assert(!quote_is_verb(&c, &t));
    /* The last word, "Acknowledging" alone: the longest verb, capitalised. */
    ck_assert(qtok_next(s, strlen(s), strlen(s) - strlen("Acknowledging"), &t));
    ck_assert(quote_is_verb(&c, &t));
    t = tok_at(s, "said");
    ck_assert(quote_is_core_verb(&c, &t));
    t = tok_at(s, "warned");
    ck_assert(!quote_is_core_verb(&c, &t));
}
END_TEST

/* With the memo, a verb answers the same, asked twice, and its classes are those of
 * quote.txt alone (the verb bit the memo keeps with them is not one of them). */
START_TEST(verbs_through_the_memo)
{
    static const char s[] = "said Said warned table Table";
    qctx c = ctx(s);
    qword_memo *memo = calloc(1, sizeof *memo);
    ck_assert_ptr_nonnull(memo);
    c.memo = memo;
    for (int k = 0; k < 2; k++) {
        qtok t = tok_at(s, "said");
        ck_assert(quote_is_verb(&c, &t));
        ck_assert_uint_eq(qtok_classes(&c, &t) & ~0xFFFFu, 0);
        t = tok_at(s, "Said");
        ck_assert(quote_is_verb(&c, &t));
        t = tok_at(s, "warned");
        ck_assert(quote_is_verb(&c, &t));
        ck_assert_uint_eq(qtok_classes(&c, &t), 0);
        t = tok_at(s, "table");
        ck_assert(!quote_is_verb(&c, &t));
        t = tok_at(s, "Table");
        ck_assert(!quote_is_verb(&c, &t));
    }
    free(memo);
}
END_TEST

/* Whether the word at the first occurrence of verb in s is a verb of speech, the word
 * before it looked for from the start of s. */
static bool speech(const char *s, const char *verb)
{
    qctx c = ctx(s);
    qtok t = tok_at(s, verb);
    return quote_is_speech_verb(&c, 0, &t);
}

/* Finite forms report; bare and -ing forms mostly do not, nor a verb after a possessive
 * or a determiner; "say" after a subject and "put it" do. */
START_TEST(speech_verbs)
{
    ck_assert(speech("Ms Orr said it was over.", "said"));
    ck_assert(speech("Ms Orr told them.", "told"));
    ck_assert(speech("Ms Orr adds that it was over.", "adds"));
    ck_assert(speech("Ms Orr warned of delays.", "warned"));
    ck_assert(!speech("His remarks were noted.", "remarks"));
    ck_assert(!speech("Ms Orr's claims were false.", "claims"));
    ck_assert(!speech("the claims were false.", "claims"));
    /* "say": after a subject, not after "to" or an auxiliary. */
    ck_assert(speech("Police say the road is shut.", "say"));
    ck_assert(!speech("They wanted to say more.", "say"));
    ck_assert(!speech("I would say so.", "say"));
    /* "put" only in "put it". */
    ck_assert(speech("as one analyst put it, the end", "put"));
    ck_assert(!speech("as one analyst put the case", "put"));
    /* A progressive after its auxiliary or a comma, or right before a quote. */
    ck_assert(speech("Ms Orr was saying that", "saying"));
    ck_assert(speech("She left, saying she was tired.", "saying"));
    ck_assert(speech("Ms Orr kept asking, “Why?”", "asking"));
    ck_assert(!speech("Ms Orr kept asking questions.", "asking"));
    /* Not a verb of the lexicon, or "according to". */
    ck_assert(!speech("The group listed its aims.", "listed"));
    ck_assert(!speech("Mr Dee said so, according to staff.", "according"));
    ck_assert(!speech("“Go”, said Mr Dee.", ","));
}
END_TEST

/* Whether the first token holding p in s ends a sentence. */
static bool ends(const char *s, const char *p)
{
    qctx c = ctx(s);
    const char *at = strstr(s, p);
    ck_assert_ptr_nonnull(at);
    qtok t;
    ck_assert(qtok_next(s, strlen(s), (size_t)(at - s), &t));
    return quote_ends_sentence(&c, 0, &t);
}

/* '!', '?' and '…' end a sentence; a period does unless it ends an initial, a title's
 * abbreviation, or comes before a lower-case word, a comma or a bracket. */
START_TEST(sentence_ends)
{
    ck_assert(ends("We won. Then we left.", ". Then"));
    ck_assert(ends("We won! Then", "!"));
    ck_assert(ends("Did we? Then", "?"));
    ck_assert(ends("We won… Then", "…"));
    ck_assert(ends("We won.", "."));
    ck_assert(!ends("We won, then", ","));
    ck_assert(!ends("Mr J. Hale left.", ". Hale"));
    ck_assert(!ends("said Rep. Hale later.", ". Hale"));
    ck_assert(!ends("Rep. Hale (D-Mo.) spoke.", ".)"));
    ck_assert(!ends("the U.S. troops left.", ". troops"));
    ck_assert(!ends("at 5 p.m., he said", ".,"));
    /* A capitalised word that is no title ends its sentence before a capital. */
    ck_assert(ends("They met Hale. Then", ". Then"));
}
END_TEST

static Suite *quotes_tok_suite(void)
{
    Suite *s = suite_create("quotes_tok");
    TCase *tc = tcase_create("tokens");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, tokens_forward);
    tcase_add_test(tc, tokens_backward);
    tcase_add_test(tc, possessives_and_exact_words);
    tcase_add_test(tc, capitalised_and_numeric);
    tcase_add_test(tc, word_classes);
    tcase_add_test(tc, classes_memo_by_position);
    tcase_add_test(tc, classes_memo_by_word);
    tcase_add_test(tc, verbs_through_the_memo);
    tcase_add_test(tc, verbs_of_the_lexicon);
    tcase_add_test(tc, speech_verbs);
    tcase_add_test(tc, sentence_ends);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return check_run(quotes_tok_suite());
}
