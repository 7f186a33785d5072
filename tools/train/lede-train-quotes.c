/* lede-train-quotes - learn the weights that choose a quote's source.
 *
 *     lede-train-quotes DIR OUT      e.g. ../shared/eval/polnear/train src/models/quotes.model
 *
 * Reads every DOC.txt of DIR that has a DOC.gold.json beside it (in byte order of the
 * names), runs the annotator's own namer and quote finder on it (one extractor: the
 * candidates and features are those lede uses), and for each quote that matches a gold
 * quote takes as right the candidate whose source overlaps the gold source ("none" when
 * the gold has no source, or when the quote before it already names that source, which
 * a quote with none continues). An averaged perceptron (rank_perceptron.c) learns from
 * these in a fixed number of passes, in SHUFFLES orders whose weights are summed; OUT
 * gets the non-zero weights. The same DIR and the same entity layer give the same file,
 * byte for byte. Train on train only: dev is for
 * tuning the constants below, and bbc/dev for measuring. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lede/grow.h"
#include "lede/lexicon.h"
#include "lede/names.h"
#include "lede/text.h"
#include "quotes_impl.h"
#include "rank_perceptron.h"

/* Passes over the examples, tuned on polnear/dev: source-acc 0.895 at 3 and 5 passes,
 * 0.897 at 10 and 20. */
#define EPOCHS 20
/* Averaged weights are fractions: kept to a hundredth. */
#define SCALE 100
/* The shuffle of the examples in each pass (any non-zero value; fixed, so that the same
 * examples give the same model). */
#define SHUFFLE_SEED 0x9e3779b9u
/* Models trained on SHUFFLES orders of the examples (seeds SHUFFLE_SEED + k x
 * SHUFFLE_STEP) are summed: one order's last passes pull its weights its own way, and
 * a single ranking decision flipped with the order. Two-fold cross-validation on
 * PolNeAR train (halves by file order, three base seeds): ranking mistakes 655 with one
 * order, 639 with 4, 641 with 8. */
#define SHUFFLES 4
#define SHUFFLE_STEP 0x6b43a9b5u
/* A found quote matches a gold quote as the scorer says: they overlap by at least
 * this share of the longer of the two. */
#define MATCH_SHARE 0.8
#define MAX_GOLD 4096

typedef struct {
    size_t start, end;
    bool has_source;
    size_t src_start, src_end;
} gold_quote;

typedef struct {
    gold_quote items[MAX_GOLD];
    size_t n;
} gold_set;

/* --- reading the gold (only what is needed of the format of eval/README.md) ---------- */

typedef struct {
    const char *p, *end;
} reader;

static void skip_ws(reader *r)
{
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\n' || *r->p == '\t' || *r->p == '\r'))
        r->p++;
}

/* Reads a string; its bytes (escapes left as they are) in *s, *len. */
static bool read_string(reader *r, const char **s, size_t *len)
{
    skip_ws(r);
    if (r->p >= r->end || *r->p != '"')
        return false;
    const char *start = ++r->p;
    while (r->p < r->end && *r->p != '"')
        r->p += *r->p == '\\' ? 2 : 1;
    if (r->p >= r->end)
        return false;
    *s = start;
    *len = (size_t)(r->p - start);
    r->p++;
    return true;
}

static bool skip_value(reader *r);

/* Reads [a, b] into span, or null (has = false). */
static bool read_span(reader *r, bool *has, size_t *a, size_t *b)
{
    skip_ws(r);
    if (r->end - r->p >= 4 && memcmp(r->p, "null", 4) == 0) {
        r->p += 4;
        *has = false;
        return true;
    }
    if (r->p >= r->end || *r->p != '[')
        return false;
    char *e;
    *a = strtoul(r->p + 1, &e, 10);
    while (e < r->end && (*e == ',' || *e == ' '))
        e++;
    *b = strtoul(e, &e, 10);
    while (e < r->end && *e != ']')
        e++;
    r->p = e + 1;
    *has = true;
    return r->p <= r->end;
}

static bool skip_value(reader *r)
{
    skip_ws(r);
    if (r->p >= r->end)
        return false;
    char ch = *r->p;
    if (ch == '"') {
        const char *s;
        size_t len;
        return read_string(r, &s, &len);
    }
    if (ch == '{' || ch == '[') {
        char close = ch == '{' ? '}' : ']';
        r->p++;
        for (;;) {
            skip_ws(r);
            if (r->p < r->end && *r->p == close) {
                r->p++;
                return true;
            }
            if (ch == '{') {
                const char *s;
                size_t len;
                if (!read_string(r, &s, &len))
                    return false;
                skip_ws(r);
                if (r->p >= r->end || *r->p++ != ':')
                    return false;
            }
            if (!skip_value(r))
                return false;
            skip_ws(r);
            if (r->p < r->end && *r->p == ',')
                r->p++;
        }
    }
    while (r->p < r->end && *r->p != ',' && *r->p != '}' && *r->p != ']')
        r->p++;
    return true;
}

/* Reads one quote object of the gold. */
static bool read_quote(reader *r, gold_quote *q)
{
    skip_ws(r);
    if (r->p >= r->end || *r->p++ != '{')
        return false;
    memset(q, 0, sizeof *q);
    for (;;) {
        skip_ws(r);
        if (r->p < r->end && *r->p == '}') {
            r->p++;
            return true;
        }
        const char *key;
        size_t klen;
        if (!read_string(r, &key, &klen))
            return false;
        skip_ws(r);
        if (r->p >= r->end || *r->p++ != ':')
            return false;
        bool has;
        if (klen == 4 && memcmp(key, "span", 4) == 0) {
            if (!read_span(r, &has, &q->start, &q->end))
                return false;
        } else if (klen == 6 && memcmp(key, "source", 6) == 0) {
            if (!read_span(r, &q->has_source, &q->src_start, &q->src_end))
                return false;
        } else if (!skip_value(r)) {
            return false;
        }
        skip_ws(r);
        if (r->p < r->end && *r->p == ',')
            r->p++;
    }
}

/* Reads the "quotes" of a gold file into g. */
static bool read_gold(const char *buf, size_t len, gold_set *g)
{
    reader r = {buf, buf + len};
    g->n = 0;
    skip_ws(&r);
    if (r.p >= r.end || *r.p++ != '{')
        return false;
    for (;;) {
        skip_ws(&r);
        if (r.p < r.end && *r.p == '}')
            return true;
        const char *key;
        size_t klen;
        if (!read_string(&r, &key, &klen))
            return false;
        skip_ws(&r);
        if (r.p >= r.end || *r.p++ != ':')
            return false;
        if (klen == 6 && memcmp(key, "quotes", 6) == 0) {
            skip_ws(&r);
            if (r.p >= r.end || *r.p++ != '[')
                return false;
            for (;;) {
                skip_ws(&r);
                if (r.p < r.end && *r.p == ']') {
                    r.p++;
                    break;
                }
                if (g->n == MAX_GOLD || !read_quote(&r, &g->items[g->n++]))
                    return false;
                skip_ws(&r);
                if (r.p < r.end && *r.p == ',')
                    r.p++;
            }
        } else if (!skip_value(&r)) {
            return false;
        }
        skip_ws(&r);
        if (r.p < r.end && *r.p == ',')
            r.p++;
    }
}

/* --- examples ------------------------------------------------------------------------ */

typedef struct {
    const gold_set *gold;
    rank_examples *ex;
    bool failed;
    bool has_last; /* the source the last quote was given */
    size_t last_start, last_end;
    size_t *stats;          /* gold quotes with a source; a candidate right; the first right */
    const int32_t *weights; /* with TRAIN_DEBUG, the built-in model's, to list its mistakes */
} trainer;

static bool overlaps(size_t a, size_t b, size_t c, size_t d)
{
    return a < d && c < b;
}

/* The gold quote that f matches, or NULL. */
static const gold_quote *gold_for(const gold_set *g, const found *f)
{
    for (size_t i = 0; i < g->n; i++) {
        const gold_quote *q = &g->items[i];
        size_t lo = q->start > f->start ? q->start : f->start;
        size_t hi = q->end < f->end ? q->end : f->end;
        size_t longer =
            q->end - q->start > f->end - f->start ? q->end - q->start : f->end - f->start;
        if (hi > lo && (double)(hi - lo) >= MATCH_SHARE * (double)longer)
            return q;
    }
    return NULL;
}

/* Records the example of quote f and answers the right candidate (teacher forcing:
 * the next quote's "same speaker" feature then follows the gold). */
static size_t choose(void *arg, const qctx *c, const found *f, const quote_cand *cands, size_t n,
                     uint32_t prev_speaker)
{
    trainer *t = arg;
    const gold_quote *g = gold_for(t->gold, f);
    size_t right = n; /* none found */
    if (g && !g->has_source) {
        right = n - 1; /* the last candidate is "none" */
    } else if (g) {
        for (size_t k = 0; k < n && right == n; k++)
            if (cands[k].q.has_source &&
                overlaps(cands[k].q.source.start, cands[k].q.source.end, g->src_start, g->src_end))
                right = k;
        if (right == n && t->has_last &&
            overlaps(t->last_start, t->last_end, g->src_start, g->src_end))
            right = n - 1; /* it continues the last quote's source */
    }
    if (g && g->has_source && right == n && getenv("TRAIN_DEBUG")) {
        fprintf(stderr, "MISS gold '%.*s' quote '%.30s' |", (int)(g->src_end - g->src_start),
                c->s + g->src_start, c->s + f->start);
        for (size_t k = 0; k < n; k++)
            if (cands[k].q.has_source)
                fprintf(stderr, " %d:'%.*s'", cands[k].rule,
                        (int)(cands[k].q.source.end - cands[k].q.source.start),
                        c->s + cands[k].q.source.start);
        fprintf(stderr, "\n");
    }
    if (right < n && t->weights) {
        qctx w = *c;
        w.weights = t->weights;
        size_t pick = quote_rank_pick(&w, f, cands, n, prev_speaker);
        if (pick != right) {
            fprintf(stderr, "WRONG quote '%.30s' right %zu picked %zu |", c->s + f->start, right,
                    pick);
            for (size_t k = 0; k < n; k++)
                fprintf(stderr, " %d:'%.*s'", cands[k].rule,
                        cands[k].q.has_source
                            ? (int)(cands[k].q.source.end - cands[k].q.source.start)
                            : 0,
                        c->s + cands[k].q.source.start);
            fprintf(stderr, "\n");
        }
    }
    if (g && g->has_source) {
        t->stats[0]++;
        t->stats[1] += right < n;
        t->stats[2] += right == 0;
    }
    if (right < n) {
        uint32_t feats[QR_MAX_CANDS * QR_MAX_FEATURES];
        size_t offsets[QR_MAX_CANDS + 1], m = 0;
        for (size_t k = 0; k < n; k++) {
            offsets[k] = m;
            m += quote_rank_features(c, f, cands, n, k, prev_speaker, feats + m);
        }
        offsets[n] = m;
        if (rank_examples_add(t->ex, feats, offsets, n, right) != 0)
            t->failed = true;
    }
    size_t pick = right < n ? right : 0;
    if (cands[pick].q.has_source) {
        t->has_last = true;
        t->last_start = cands[pick].q.source.start;
        t->last_end = cands[pick].q.source.end;
    }
    return pick;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds the examples of DIR/name (a .txt with its .gold.json). */
static int learn_document(const char *dir, const char *name, const lede_lexicon *lex,
                          lede_namer *namer, rank_examples *ex, gold_set *gold, size_t *stats)
{
    char path[4096], gpath[4096];
    size_t base = strlen(name) - 4;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(gpath, sizeof gpath, "%s/%.*s.gold.json", dir, (int)base, name);
    char *gbuf;
    size_t glen;
    if (lede_file_read(gpath, 64u << 20, &gbuf, &glen) != LEDE_OK)
        return 0; /* no gold: not a document */
    bool ok = read_gold(gbuf, glen, gold);
    free(gbuf);
    if (!ok) {
        fprintf(stderr, "lede-train-quotes: %s: cannot read the gold\n", gpath);
        return -1;
    }
    lede_text text;
    if (lede_text_load(path, &text) != LEDE_OK) {
        fprintf(stderr, "lede-train-quotes: %s: cannot read\n", path);
        return -1;
    }
    lede_model model;
    lede_model_init(&model);
    lede_names names = {0};
    int32_t *builtin = NULL;
    if (getenv("TRAIN_DEBUG") && quote_rank_builtin(&builtin) != LEDE_OK)
        return -1;
    trainer t = {gold, ex, false, false, 0, 0, stats, builtin};
    lede_status st = lede_namer_run(namer, &text, &model, &names);
    if (st == LEDE_OK)
        st = quote_find_with(lex, &text, &names, &model, NULL, choose, &t);
    lede_names_free(&names);
    lede_model_free(&model);
    lede_text_free(&text);
    free(builtin);
    return st == LEDE_OK && !t.failed ? 0 : -1;
}

static int write_model(const char *out, const int32_t *w, size_t n_examples)
{
    FILE *f = fopen(out, "w");
    if (!f) {
        fprintf(stderr, "lede-train-quotes: cannot write %s\n", out);
        return -1;
    }
    fprintf(f,
            "# quotes.model - weights of the quote source ranker (src/quotes_rank.c), learned\n"
            "# by tools/train/lede-train-quotes from %zu quotes of PolNeAR train; %d passes\n"
            "# in each of %d orders, summed; weights times %d. Do not edit: retrain (see\n"
            "# README, 'Retraining').\n",
            n_examples, EPOCHS, SHUFFLES, SCALE);
    fprintf(f, "lede-quotes-ranker 1\n");
    for (size_t b = 0; b < QR_BUCKETS; b++)
        if (w[b])
            fprintf(f, "%zu %d\n", b, (int)w[b]);
    return fclose(f) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: lede-train-quotes DIR OUT\n");
        return 2;
    }
    DIR *d = opendir(argv[1]);
    if (!d) {
        fprintf(stderr, "lede-train-quotes: cannot open %s\n", argv[1]);
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
            continue;
        if (LEDE_GROW(names, cap, n + 1) != LEDE_OK)
            return 1;
        names[n] = strdup(e->d_name);
        if (!names[n++])
            return 1;
    }
    closedir(d);
    if (n) /* qsort of a null array is undefined even for no elements (UBSan) */
        qsort(names, n, sizeof *names, by_name);
    lede_lexicon *lex = NULL;
    lede_namer *namer = NULL;
    static gold_set gold;
    rank_examples ex = {0};
    size_t stats[3] = {0, 0, 0};
    int rc = lede_lexicon_new(&lex) == LEDE_OK && lede_namer_new(lex, NULL, 0, &namer) == LEDE_OK ? 0 : 1;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = learn_document(argv[1], names[i], lex, namer, &ex, &gold, stats) == 0 ? 0 : 1;
    int32_t *w = calloc(QR_BUCKETS, sizeof *w), *one = calloc(QR_BUCKETS, sizeof *one);
    if (!w || !one)
        rc = 1;
    for (uint32_t k = 0; k < SHUFFLES && rc == 0; k++) {
        if (rank_train(&ex, QR_BUCKETS, EPOCHS, SCALE, SHUFFLE_SEED + k * SHUFFLE_STEP, one) != 0)
            rc = 1;
        for (size_t b = 0; rc == 0 && b < QR_BUCKETS; b++)
            w[b] += one[b];
    }
    free(one);
    if (rc == 0)
        rc = write_model(argv[2], w, ex.n) == 0 ? 0 : 1;
    if (rc == 0)
        fprintf(stderr,
                "lede-train-quotes: %zu documents, %zu quotes, model in %s\n"
                "  of %zu sourced quotes found, a candidate is right for %zu, the rules' first "
                "for %zu\n",
                n, ex.n, argv[2], stats[0], stats[1], stats[2]);
    free(w);
    rank_examples_free(&ex);
    lede_namer_free(namer);
    lede_lexicon_free(lex);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}
