/* quotes_impl.h - what the rooms of the quote finder share (not a public header).
 *
 * quotes_marks.c pairs the quotation marks of a paragraph; quotes_tok.c reads the tokens
 * and small words around a quote; quotes_cands.c finds the source a cue pattern points
 * at; coref.c says which entity a source is; quotes.c runs the rules in order. Every
 * function here reads a bounded window of tokens around its offset (the bound is stated
 * where it is not obvious), so attributing all quotes is linear in the text. */
#ifndef LEDE_QUOTES_IMPL_H
#define LEDE_QUOTES_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lede/lexicon.h"
#include "lede/model.h"
#include "lede/names.h"
#include "lede/strmap.h"
#include "lede/text.h"

typedef struct {
    size_t start, end;
    uint32_t cp; /* 0 for a word, else the punctuation character */
} qtok;

typedef struct {
    size_t start, end;
    size_t para;
    bool closed;
    bool opens_para;    /* the paragraph starts with it (a continued quote) */
    bool has_before;    /* a token precedes it in its paragraph: before */
    bool ends_sentence; /* closed, with a period inside the closing mark (“… late.”) */
    qtok before;
    lede_quote q;
} found;

typedef struct {
    found *items;
    size_t n, cap;
} found_list;

/* What coref.c learns of the story's people before attributing (see coref_begin). */
typedef struct {
    uint8_t *strong, *votes_m, *votes_f, *gender; /* per entity; one block, strong owns it */
    size_t n;
    lede_strmap roles;     /* lower-cased last word of a person's role -> entity */
    lede_strmap words;     /* a word of a person's name -> entity */
    lede_strmap orgwords;  /* a lower-cased word of an organisation's name -> entity */
    uint32_t last_speaker; /* of the last quote attributed, or LEDE_NONE */
    size_t last_end;       /* where that quote ends */
} coref;

/* The classes of the words of quote.txt by lexicon record (see qtok_classes), and the
 * classes of the tokens asked about by where they start: the rules ask about the same
 * few tokens around each quote again and again (War and Peace: 148k lookups of 68k
 * tokens), and each lookup hashes the word and probes the table. QPOS_MEMO slots,
 * direct-mapped by start, hold the tokens near the quote being read (5 KiB with the
 * keys: larger memos cost more first-level cache misses than they saved, cachegrind). */
#define QWORD_MEMO 256
#define QPOS_MEMO 256
#define QSHORT_MEMO 512
#define QSHORT_BYTES 8
typedef struct {
    uint32_t id[QWORD_MEMO]; /* 0: empty (record ids start at 1) */
    uint32_t mask[QWORD_MEMO];
    size_t at[QPOS_MEMO]; /* 2 * (start + 1) + folded; 0: empty */
    size_t at_end[QPOS_MEMO];
    uint32_t at_mask[QPOS_MEMO];
    /* Words of QSHORT_BYTES or fewer by their bytes (the few function words and verbs
     * make most questions): the bytes, zero-padded, in a uint64_t and the length. */
    uint64_t short_word[QSHORT_MEMO];
    uint8_t short_len[QSHORT_MEMO];   /* 0: empty */
    uint32_t short_mask[QSHORT_MEMO]; /* the classes, and whether the word is a verb */
} qword_memo;

typedef struct {
    const lede_lexicon *lex;
    const char *s;
    size_t len; /* of s */
    const lede_names *names;
    const lede_model *model;
    const found_list *quotes; /* the quotes found, in text order */
    const coref *coref;       /* NULL until coref_begin */
    const int32_t *weights;   /* the ranker's, QR_BUCKETS of them; NULL: the rules' order */
    qword_memo *memo;         /* NULL: no memo */
} qctx;

/* The rules that propose a source (quotes.c), in the order they are tried. */
enum {
    QR_NONE,
    QR_LABEL,
    QR_DASH,
    QR_COLON,
    QR_BEFORE,
    QR_AFTER,
    QR_INTRODUCED,
    QR_SUBJECT,
    QR_PREV_SENTENCE,
    QR_SIBLING,
    QR_DESCRIPTION,
    QR_POSSESSIVE,
    QR_CLAUSE,
};

/* One candidate attribution of a quote: its source, speaker and cue, and the rule. */
typedef struct {
    lede_quote q;
    int rule; /* QR_ */
} quote_cand;

#define QR_MAX_CANDS 14    /* every rule once, and none */
#define QR_MAX_FEATURES 28 /* features of one candidate */
#define QR_BUCKETS 16384   /* hashed feature buckets; the model uses about a thousand */

/* Chooses among a quote's candidates (see quotes_rank.c) and answers the index: the
 * candidates' own order for a quote f of a text whose previous quote's speaker is
 * prev_speaker. */
typedef size_t (*quote_chooser)(void *arg, const qctx *c, const found *f, const quote_cand *cands,
                                size_t n, uint32_t prev_speaker);

/* --- quotes_marks.c ------------------------------------------------------------------ */

enum { MARK_NONE, MARK_OPEN, MARK_CLOSE, MARK_EITHER };

/* What the glyph at s[i] (i < end) is as a double quotation mark, and its length. */
int quote_mark_glyph(const char *s, size_t end, size_t i, size_t *len);

/* The offset of the first double quotation mark at or after i, or hi. */
size_t quote_next_mark(const char *s, size_t i, size_t hi);

/* True for the code points of double quotation marks. */
bool quote_is_mark(uint32_t c);

/* Appends the quotes of paragraph para of text to fl, marks paired as writers use them;
 * quotes nested in a quote stay inside it. Linear in the paragraph. */
lede_status quote_pair_marks(const lede_text *text, size_t para, found_list *fl);

/* --- quotes_tok.c -------------------------------------------------------------------- */

/* The classes of the small words of src/lexicon/quote.txt. */
enum {
    QW_IRREGULAR = 1u << 0,
    QW_CORE = 1u << 1,
    QW_OWNER = 1u << 2,
    QW_AUX = 1u << 3,
    QW_FUNCTION = 1u << 4,
    QW_PRONOUN = 1u << 5,
    QW_PERSON = 1u << 6,
    QW_SKIP = 1u << 7,
    QW_DET = 1u << 8,
    QW_TITLECUE = 1u << 9,
    QW_SMALL = 1u << 10,
    QW_ORGREF = 1u << 11,
    QW_CONJ = 1u << 12,
    QW_PLURAL = 1u << 13,
    QW_OPENER = 1u << 14,
    QW_MODAL = 1u << 15,
    QW_PREP = 1u << 16,
};

/* The first token at or after i, before hi; false when there is none. */
bool qtok_next(const char *s, size_t hi, size_t i, qtok *t);

/* The last token that ends at or before i, not before lo; false when there is none. */
bool qtok_prev(const char *s, size_t lo, size_t i, qtok *t);

/* The length of the possessive ending of the word t ("Trump's": 2, "Trump’s": 4), or 0. */
size_t qtok_possessive(const char *s, const qtok *t);

/* True when t is the word word, exactly. */
bool qtok_is(const char *s, const qtok *t, const char *word);

/* True when t is a word that opens with a capital letter (ASCII). */
bool qtok_capitalised(const char *s, const qtok *t);

/* True when t is a word that opens with a digit ("2010", "86th"). */
bool qtok_numeric(const char *s, const qtok *t);

/* The QW_ classes the lexicon gives the word t (0 for punctuation or an unknown word). */
unsigned qtok_classes(const qctx *c, const qtok *t);

/* qtok_classes of t with its first letter lower-cased ("In" reads as "in"). */
unsigned qtok_classes_folded(const qctx *c, const qtok *t);

/* True when the word t has one of the QW_ classes in mask. */
bool qtok_has(const qctx *c, const qtok *t, unsigned mask);

/* True when t is a reporting verb of the lexicon (a capitalised one too). */
bool quote_is_verb(const qctx *c, const qtok *t);

/* True when t is a reporting verb in a finite form ("said", "adds", "was saying"); the
 * word before it is looked for from lo, never in an earlier paragraph. */
bool quote_is_speech_verb(const qctx *c, size_t lo, const qtok *t);

/* True when t is one of the verbs of speech proper ("said", "told", "added"). */
bool quote_is_core_verb(const qctx *c, const qtok *t);

/* True when the token t ends a sentence (a period after no initial or abbreviation). */
bool quote_ends_sentence(const qctx *c, size_t lo, const qtok *t);

/* --- quotes_cands.c ------------------------------------------------------------------ */

/* The name mention that ends at offset end, or NULL. */
const lede_name *quote_name_ending_at(const lede_names *names, size_t end);

/* The first name mention that starts at or after offset, or NULL. */
const lede_name *quote_name_from(const lede_names *names, size_t offset);

/* Sets q's source to [start, end) naming speaker (an entity id or LEDE_NONE). */
void quote_set_source(lede_quote *q, size_t start, size_t end, uint32_t speaker);

/* Sets q's cue to the verb token. */
void quote_set_cue(lede_quote *q, const qtok *verb);

/* A word ending "ing" or "ly" longer than this many bytes is a participle or an adverb
 * ("saying", "reportedly"); a shorter one is a stem ("king", "only", "fly"). Hand-set
 * when the rule was written in quotes.c, kept through its split (commit 3bcc186). */
#define SUFFIX_STEM_BYTES 4

/* True when the token at offset pos opens its sentence. */
bool quote_sentence_start_at(const qctx *c, size_t lo, size_t pos);

/* The subject of the sentence that holds pos (not before lo) as q's source. */
bool quote_sentence_subject(const qctx *c, size_t lo, size_t pos, lede_quote *q);

/* The noun phrase that opens the sentence holding pos ("The statement noted …",
 * "Protesters chanted") as q's source, when it names nobody. */
bool quote_sentence_description(const qctx *c, size_t lo, size_t pos, lede_quote *q);

/* The subject of the clause that opens the sentence holding pos, past a conjunction and
 * an introductory phrase ("In August, several groups …, saying “…”") as q's source;
 * with names_only, only a pronoun or a name. */
bool quote_clause_subject(const qctx *c, size_t lo, size_t pos, bool names_only, lede_quote *q);

/* The subject that ends before the verb at vstart (not before lo) as q's source. */
bool quote_subject_before(const qctx *c, size_t lo, size_t vstart, lede_quote *q);

/* The source that follows the verb ending at vend ("said Trump"), before hi. */
bool quote_subject_after(const qctx *c, size_t hi, size_t vend, lede_quote *q);

/* The agent of a passive reporting verb ("described by X as “…”", "was called “…” by
 * X") as q's source: "by" right after the verb, before qstart, or after an auxiliary
 * right after the quote ending at qend, before hi. */
bool quote_passive_agent(const qctx *c, size_t lo, const qtok *verb, size_t qstart, size_t qend,
                         size_t hi, lede_quote *q);

/* When t is the closing mark of a short quoted title (MSNBC’s “Morning Joe”, all its
 * words capitalised), moves t to its opening mark (not before lo) and answers true, so
 * that a reading back steps over it ("Johnson tells MSNBC’s “Morning Joe” that “…”"). */
bool quote_skip_title(const qctx *c, size_t lo, qtok *t);

/* True when the bytes "ccording" may lie in [lo + 1, hi): reads up to hi. */
bool quote_may_say_according(const char *s, size_t lo, size_t hi);

/* "according to X" between lo and hi: X is q's source. */
bool quote_according_to(const qctx *c, size_t lo, size_t hi, lede_quote *q);

/* "…,” Welch said, according to Vermont Edition": reads to the end of the sentence
 * after vend (or the next quotation mark), before hi. */
void quote_according_after_verb(const qctx *c, size_t vend, size_t lo, size_t hi, lede_quote *q);

/* --- quotes.c ----------------------------------------------------------------------- */

/* lede_quotes_find with the choice of each quote's source left to choose (the trainer's
 * way in: it sees every quote's candidates and answers from the gold). */
lede_status quote_find_with(const lede_lexicon *lex, const lede_text *text, const lede_names *names,
                            lede_model *model, const int32_t *weights, quote_chooser choose,
                            void *arg);

/* --- quotes_adopt.c ------------------------------------------------------------------ */

/* Gives each quote of fl whose source is written as a proper name but names no entity
 * ("PolitiFact rated …") an organisation of that name, added to model with the source
 * as its mention (one per spelling). NOMEM. */
lede_status quote_adopt_sources(const qctx *c, found_list *fl, lede_model *model);

/* --- quotes_rank.c ------------------------------------------------------------------- */

/* The features of candidate k of the n of quote f into out (QR_MAX_FEATURES of room);
 * answers how many. The trainer and the ranker both call this: one extractor. */
size_t quote_rank_features(const qctx *c, const found *f, const quote_cand *cands, size_t n,
                           size_t k, uint32_t prev_speaker, uint32_t *out);

/* The candidate the weights of c score highest (the first on a tie; 0 without weights). */
size_t quote_rank_pick(const qctx *c, const found *f, const quote_cand *cands, size_t n,
                       uint32_t prev_speaker);

/* Reads a model file (MODEL_MAGIC, then "bucket weight" lines) into QR_BUCKETS weights
 * the caller frees. SYNTAX when malformed, NOMEM. */
lede_status quote_rank_load(const char *buf, size_t len, int32_t **out);

/* The embedded model's weights (NULL when the build has none). */
lede_status quote_rank_builtin(int32_t **out);

/* --- coref.c ------------------------------------------------------------------------- */

/* Learns the gender of the people of c and which person holds each role, for the
 * questions below; cr is freed with coref_end (also after a failure). NOMEM. */
lede_status coref_begin(coref *cr, const qctx *c);
void coref_end(coref *cr);

/* Notes the speaker of a quote just attributed (a pronoun after it may be that person). */
void coref_saw_quote(coref *cr, const lede_quote *q);

/* The person "he" or "she" at t refers to, or LEDE_NONE when the evidence is not there;
 * LEDE_NONE for any other word. */
uint32_t coref_pronoun(const qctx *c, const qtok *t);

/* The person a name that is no mention ("Mr Fox") names: the only person whose name
 * has its last word, else LEDE_NONE. */
uint32_t coref_name(const qctx *c, const lede_span *source);

/* The person a description ("the singer") names: the only person whose role ends with
 * its last word, else LEDE_NONE. */
uint32_t coref_description(const qctx *c, const lede_span *source);

#endif
