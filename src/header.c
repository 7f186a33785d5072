/* header.c - articles that start with a block of "Name: value" lines.
 *
 * newsboat gives its pager (`pager "lede %f"`) a file of this shape (its
 * item_renderer::to_plain_text()): "Feed: ", "Title: ", "Author: ", "Date: ", "Link: ",
 * "Flags: " and "Podcast Download URL: " lines, a line of one space, then the article
 * rendered and wrapped (most wrapped lines end in a space, one that fills the width
 * exactly does not), paragraphs separated by a line of one space, and a "Links:" list at
 * the end (tests/fixtures/newsboat.txt is what newsboat 2.21 wrote for
 * tests/fixtures/newsboat-feed.xml). Mail and news articles have the same
 * shape: "Subject: ", "From: ", "Date: "... then a blank line and the body.
 * The title becomes the headline; the other fields worth reading a dim byline. Linear:
 * one pass over the lines. */
#include <string.h>
#include "lede/input.h"

#define SNIFF_LINES 12u /* a header block is found within this many lines */
#define NAME_MAX_LEN 40u /* bytes of a field name */

typedef struct {
    const char *name;
    bool title;  /* the headline */
    bool byline; /* shown dim; fields of neither kind are left out */
} field;

static const field newsboat_fields[] = {
    {"Feed", false, true},  {"Title", true, false}, {"Author", false, true},
    {"Date", false, true},  {"Link", false, true},  {"Flags", false, false},
    {"Podcast Download URL", false, true},
};

static const field email_fields[] = {
    {"Subject", true, false}, {"From", false, true},       {"Date", false, true},
    {"To", false, false},     {"Newsgroups", false, true}, {"Organization", false, true},
};

/* One line of b: [start, end) without its '\n' (nor a '\r' before it). */
typedef struct {
    size_t start, end, next;
} line;

static bool get_line(const char *b, size_t len, size_t pos, line *ln)
{
    const char *nl;

    if (pos >= len)
        return false;
    nl = memchr(b + pos, '\n', len - pos);
    ln->start = pos;
    ln->end = nl ? (size_t)(nl - b) : len;
    ln->next = nl ? ln->end + 1 : len;
    if (ln->end > ln->start && b[ln->end - 1] == '\r')
        ln->end--;
    return true;
}

static bool is_blank_line(const char *b, const line *ln)
{
    for (size_t i = ln->start; i < ln->end; i++)
        if (b[i] != ' ' && b[i] != '\t')
            return false;
    return true;
}

/* The length of the field name of a "Name: value" line (letters, digits, '-', ' '
 * inside), or 0. */
static size_t name_len(const char *b, const line *ln)
{
    size_t i = ln->start;

    while (i < ln->end && i - ln->start <= NAME_MAX_LEN) {
        char c = b[i];
        if (c == ':')
            return i > ln->start && b[i - 1] != ' ' ? i - ln->start : 0;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || (c == ' ' && i > ln->start)))
            return 0;
        i++;
    }
    return 0;
}

static const field *find_field(const field *fields, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(fields[i].name) == len && strncmp(fields[i].name, name, len) == 0)
            return &fields[i];
    return NULL;
}

/* The fields of the header style that names the first line, and their count. */
static const field *style_of(const char *b, const line *ln, size_t *n, bool *newsboat)
{
    size_t k = name_len(b, ln);

    if (k == 4 && strncmp(b + ln->start, "Feed", 4) == 0)
        *newsboat = true;
    else if (k == 5 && strncmp(b + ln->start, "Title", 5) == 0)
        *newsboat = true;
    else
        *newsboat = false;
    *n = *newsboat ? sizeof newsboat_fields / sizeof *newsboat_fields
                   : sizeof email_fields / sizeof *email_fields;
    return *newsboat ? newsboat_fields : email_fields;
}

const char *lede_header_sniff(const char *b, size_t len)
{
    size_t pos = 0, n, known = 0, lines = 0;
    bool newsboat, title = false;
    const field *fields;
    line ln;

    if (!get_line(b, len, 0, &ln) || name_len(b, &ln) == 0)
        return NULL;
    fields = style_of(b, &ln, &n, &newsboat);
    while (lines++ < SNIFF_LINES && get_line(b, len, pos, &ln) && !is_blank_line(b, &ln)) {
        size_t k = name_len(b, &ln);
        const field *f = k ? find_field(fields, n, b + ln.start, k) : NULL;
        pos = ln.next;
        if (!k) {
            /* Mail folds a long field onto lines that start with white space. */
            if (!newsboat && (b[ln.start] == ' ' || b[ln.start] == '\t'))
                continue;
            return NULL;
        }
        known += f != NULL;
        title |= f && f->title;
    }
    /* The title and one more known field, and the block ends with a blank line. */
    if (!title || known < 2 || pos >= len || lines > SNIFF_LINES)
        return NULL;
    return newsboat ? "newsboat" : "email";
}

/* Adds the value of a "Name: value" line (name k bytes). */
static void add_value(lede_doc *doc, const char *b, const line *ln, size_t k)
{
    lede_doc_add(doc, b + ln->start + k + 1, ln->end - ln->start - k - 1);
}

/* Writes the header block's fields; returns where the block ends. */
static size_t extract_fields(const char *b, size_t len, lede_doc *doc)
{
    size_t pos = 0, n, kept = 0;
    bool newsboat, keep = false;
    const field *fields, *f;
    line ln;

    get_line(b, len, 0, &ln);
    fields = style_of(b, &ln, &n, &newsboat);
    /* The headline first, wherever its field is. */
    for (pos = 0; get_line(b, len, pos, &ln) && !is_blank_line(b, &ln); pos = ln.next) {
        size_t k = name_len(b, &ln);
        if (k && (f = find_field(fields, n, b + ln.start, k)) && f->title) {
            lede_doc_begin(doc, LEDE_PARA_HEADLINE);
            add_value(doc, b, &ln, k);
            /* A folded title goes on on lines that start with white space. */
            while (!newsboat && get_line(b, len, ln.next, &ln) && !is_blank_line(b, &ln) &&
                   (b[ln.start] == ' ' || b[ln.start] == '\t'))
                lede_doc_add(doc, b + ln.start - 1, ln.end - ln.start + 1);
            lede_doc_end(doc);
            break;
        }
    }
    for (pos = 0; get_line(b, len, pos, &ln) && !is_blank_line(b, &ln); pos = ln.next) {
        size_t k = name_len(b, &ln);
        if (!k) {
            if (keep) /* a folded line of a kept field */
                lede_doc_add(doc, b + ln.start, ln.end - ln.start);
            continue;
        }
        f = find_field(fields, n, b + ln.start, k);
        keep = f && f->byline;
        /* One dim line of the values: "Coastal Ledger · Marta Okonkwo · Thu, 14 Mar". */
        if (keep && kept++ == 0)
            lede_doc_begin(doc, LEDE_PARA_BYLINE);
        else if (keep)
            lede_doc_add(doc, " \xC2\xB7 ", 4);
        if (keep)
            add_value(doc, b, &ln, k);
    }
    lede_doc_end(doc);
    return pos;
}

/* True for newsboat's link list: "Links: " then lines "[1]: URL (link)". */
static bool is_link_line(const char *b, const line *ln)
{
    size_t n = ln->end - ln->start;
    const char *close = n ? memchr(b + ln->start, ']', n) : NULL;

    if (n >= 6 && strncmp(b + ln->start, "Links:", 6) == 0)
        return true;
    return b[ln->start] == '[' && close && (size_t)(b + ln->end - close) >= 3 &&
           close[1] == ':' && close[2] == ' ';
}

lede_status lede_header_extract(const char *b, size_t len, lede_doc *doc)
{
    line first;
    size_t pos, n;
    bool newsboat;

    if (!get_line(b, len, 0, &first))
        return LEDE_ERR_EMPTY;
    style_of(b, &first, &n, &newsboat);
    pos = extract_fields(b, len, doc);
    for (line ln; get_line(b, len, pos, &ln); pos = ln.next) {
        if (is_blank_line(b, &ln)) {
            lede_doc_end(doc);
            continue;
        }
        if (newsboat && is_link_line(b, &ln)) {
            lede_doc_begin(doc, LEDE_PARA_BYLINE);
            lede_doc_add(doc, b + ln.start, ln.end - ln.start);
            lede_doc_end(doc);
            continue;
        }
        /* A wrapped line joins the next with one space: newsboat ends most with a
         * space already (not one that filled the width exactly), mail with none. Only
         * blank lines (newsboat's hold one space) end paragraphs. */
        lede_doc_add(doc, b + ln.start, ln.end - ln.start);
        lede_doc_add(doc, " ", 1);
    }
    lede_doc_end(doc);
    return doc->failed ? LEDE_ERR_NOMEM : LEDE_OK;
}
