/* html.c - the article of a web page, as a reader mode finds it.
 *
 * gumbo parses the page as a browser would (HTML5 error recovery, entities decoded).
 * One walk over the tree then cuts the text into blocks at block elements and <br>,
 * leaving out what is never the article: scripts, styles, forms, navigation, asides,
 * footers, and elements whose class, id or role names clutter (the words of
 * src/html/clutter.txt: cookie banners, share bars, related stories, comments, ads).
 * Each block of enough text scores for its parent (and half for its grandparent) as
 * readability does: one point, one per comma, one per 100 bytes up to three. The element
 * with the best score, less its share of link text, holds the article; its blocks are
 * the body, but for those that are mostly links. The headline comes from og:title, the
 * first <h1> or <title>; the byline from meta tags, JSON-LD or <time>.
 *
 * Linear: gumbo's parse, one walk with an explicit stack (a page nested a million deep
 * costs memory, not the C stack), one pass over the blocks. */
#include <gumbo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lede/blob.h"
#include "lede/grow.h"
#include "lede/input.h"
#include "lede/utf8.h"

#define SNIFF_BYTES 1024u     /* the start that decides "HTML" */
#define MIN_BLOCK_TEXT 25u    /* readability's least paragraph that scores */
#define CHARS_PER_POINT 100u  /* readability: a point per 100 characters, */
#define MAX_LENGTH_POINTS 3u  /* at most three */
#define MAX_LINK_DENSITY 0.5  /* a block more links than this is navigation */
#define ARTICLE_BONUS 1.25    /* <article>/<main> and itemprop=articleBody are meant */
#define META_MAX 512u         /* bytes of a headline, author or date taken from metadata */
#define JSON_LOOKAHEAD 512u   /* an author's "name" follows "author" within this */

typedef struct {
    size_t para;      /* index of its paragraph in the scratch doc */
    size_t link_len;  /* bytes of it inside <a> */
    bool heading;     /* <h1>..<h6> */
} block;

/* An element on the walk's stack: an ancestor of where the walk is. */
typedef struct {
    GumboNode *node;
    unsigned next_child;
    double score;
    size_t first_block, link_len, text_len;
    bool counted; /* a container blocks score for (not inline) */
} frame;

typedef struct {
    lede_doc scratch; /* every block's text, one paragraph each */
    block *blocks;
    size_t n_blocks, blocks_cap;
    frame *stack;
    size_t depth, stack_cap;
    size_t in_link;   /* <a> elements open */
    size_t cur_link;  /* link bytes of the open block */
    bool cur_heading;
    bool failed;
    /* The best container so far: its blocks are [best_first, best_end). */
    double best_score;
    size_t best_first, best_end;
    /* Metadata, NUL-terminated, empty when unknown. */
    char title[META_MAX], og_title[META_MAX], h1[META_MAX], author[META_MAX], date[META_MAX];
} walker;

/* ---- sniffing ---- */

static bool starts_ci(const char *s, const char *end, const char *word)
{
    size_t n = strlen(word);

    if ((size_t)(end - s) < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

bool lede_html_sniff(const char *b, size_t len)
{
    static const char *const marks[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
                                        "<title", "<p>", "<div", "<article", "<!--"};
    const char *end = b + (len < SNIFF_BYTES ? len : SNIFF_BYTES), *p = b;

    if (len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f'))
        p++;
    /* Plain text never starts with a tag; this one comparison is all it pays. */
    if (p == end || *p != '<')
        return false;
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (starts_ci(p, end, marks[i]))
            return true;
    return false;
}

/* Elements that are never open long: void ones, and those whose end tag may be left
 * out (the next one closes them). */
static bool never_nests(const char *name, size_t n)
{
    static const char *const names[] = {
        "area", "base", "br",    "col",   "embed", "hr",       "img",   "input",  "link",
        "meta", "source", "track", "wbr",  "p",     "li",       "td",    "th",     "tr",
        "dt",   "dd",   "option", "html", "head",  "body",     "tbody", "thead",  "tfoot",
        "rb",   "rt",   "rp",    "optgroup", "colgroup", "caption", "param", "!doctype"};

    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strlen(names[i]) == n && strncasecmp(names[i], name, n) == 0)
            return true;
    return false;
}

size_t lede_html_depth(const char *b, size_t len)
{
    const char *p = b, *end = b + len;
    size_t depth = 0, max = 0;

    while ((p = memchr(p, '<', (size_t)(end - p))) && ++p < end) {
        bool close = *p == '/';
        const char *name = p + close, *q = name, *gt;
        while (q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
                           (*q >= '0' && *q <= '9') || *q == '!'))
            q++;
        if (q == name || never_nests(name, (size_t)(q - name)))
            continue;
        if (close) {
            depth -= depth > 0;
            continue;
        }
        /* A self-closing tag ("<x/>") opens nothing. */
        gt = memchr(q, '>', (size_t)(end - q));
        if (gt && gt > q && gt[-1] == '/')
            continue;
        if (++depth > max)
            max = depth;
    }
    return max;
}

/* ---- what is left out ---- */

/* Elements whose whole subtree is never article text. */
static bool skipped_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_HEAD:
        return true;
    default:
        return false;
    }
}

/* Elements that end a block of text (and start one). */
static bool block_tag(GumboTag t)
{
    switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_FIGCAPTION:
        return true;
    default:
        return false;
    }
}

static bool heading_tag(GumboTag t)
{
    return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6;
}

/* True when word (len bytes) is a line of the clutter list. */
static bool clutter_word(const char *word, size_t len)
{
    const struct lede_blob *list = lede_blob_find(lede_blob_html, "clutter.txt");
    const char *p, *end;

    if (!list || len == 0)
        return false;
    end = list->data + list->len;
    for (p = list->data; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        if (n == len && memcmp(p, word, len) == 0)
            return true;
        p = nl ? nl + 1 : end;
    }
    return false;
}

/* True when the attribute's value has a word (split at anything but letters and digits,
 * lower-cased) of the clutter list: "article-share-bar" has "share". */
static bool clutter_attr(const GumboElement *el, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&el->attributes, name);
    char word[32];
    size_t n = 0;

    if (!a)
        return false;
    for (const char *s = a->value;; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (n < sizeof word)
                word[n] = c;
            n++;
            continue;
        }
        if (n > 0 && n <= sizeof word && clutter_word(word, n))
            return true;
        n = 0;
        if (!c)
            return false;
    }
}

/* True when el is left out with all it holds. */
static bool skipped(const GumboElement *el)
{
    const GumboAttribute *a;

    if (skipped_tag(el->tag))
        return true;
    if (gumbo_get_attribute(&el->attributes, "hidden"))
        return true;
    if ((a = gumbo_get_attribute(&el->attributes, "aria-hidden")) && strcmp(a->value, "true") == 0)
        return true;
    /* The element that is the article is never clutter, whatever its class says. */
    if (el->tag == GUMBO_TAG_ARTICLE || el->tag == GUMBO_TAG_MAIN || el->tag == GUMBO_TAG_BODY)
        return false;
    return clutter_attr(el, "class") || clutter_attr(el, "id") || clutter_attr(el, "role");
}

/* ---- metadata ---- */

/* Copies s (n bytes) into dst (META_MAX) unless dst is set, white space collapsed. */
static void set_meta(char *dst, const char *s, size_t n)
{
    size_t o = 0;
    bool space = false;

    if (*dst)
        return;
    for (size_t i = 0; i < n && o + 2 < META_MAX; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
            space = o > 0;
            continue;
        }
        if (space)
            dst[o++] = ' ';
        space = false;
        dst[o++] = c;
    }
    /* Cut short: drop the last character whole, as it may be incomplete. */
    if (o + 2 >= META_MAX) {
        while (o > 0 && ((unsigned char)dst[o - 1] & 0xC0) == 0x80)
            o--;
        if (o > 0 && (unsigned char)dst[o - 1] >= 0xC0)
            o--;
    }
    dst[o] = '\0';
}

static const char *attr(const GumboElement *el, const char *name)
{
    const GumboAttribute *a = gumbo_get_attribute(&el->attributes, name);

    return a ? a->value : NULL;
}

/* <meta property|name=... content=...>: headline, author and date. */
static void read_meta(walker *w, const GumboElement *el)
{
    const char *key = attr(el, "property"), *content = attr(el, "content");

    if (!key)
        key = attr(el, "name");
    if (!key || !content)
        return;
    if (strcmp(key, "og:title") == 0)
        set_meta(w->og_title, content, strlen(content));
    else if (strcmp(key, "author") == 0 || strcmp(key, "article:author") == 0 ||
             strcmp(key, "byl") == 0)
        set_meta(w->author, content, strlen(content));
    else if (strcmp(key, "article:published_time") == 0 || strcmp(key, "date") == 0 ||
             strcmp(key, "pubdate") == 0)
        set_meta(w->date, content, strlen(content));
}

/* The JSON string value that follows "key": in s[0..n), into dst (escapes kept but \"). */
static void json_value(char *dst, const char *s, size_t n, const char *key)
{
    size_t klen = strlen(key);
    const char *end = s + n;

    for (const char *p = s; p + klen + 2 < end; p++) {
        const char *q, *v;
        if (*p != '"' || memcmp(p + 1, key, klen) != 0 || p[klen + 1] != '"')
            continue;
        q = p + klen + 2;
        while (q < end && (*q == ' ' || *q == ':' || *q == '\n' || *q == '\t' || *q == '\r'))
            q++;
        if (q >= end || *q != '"')
            continue;
        v = ++q;
        while (q < end && *q != '"')
            q += *q == '\\' && q + 1 < end ? 2 : 1;
        set_meta(dst, v, (size_t)(q - v));
        return;
    }
}

/* schema.org JSON-LD: "headline", "datePublished", and the "name" of "author". */
static void read_json_ld(walker *w, const char *s, size_t n)
{
    const char *a = NULL;

    json_value(w->og_title, s, n, "headline");
    json_value(w->date, s, n, "datePublished");
    for (const char *p = s; p + 8 < s + n; p++)
        if (memcmp(p, "\"author\"", 8) == 0) {
            a = p + 8;
            break;
        }
    if (a) {
        size_t left = (size_t)(s + n - a);
        if (left > 2 && a[strspn(a, " :\n\t\r")] == '"')
            json_value(w->author, a - 8, left + 8, "author");
        else
            json_value(w->author, a, left < JSON_LOOKAHEAD ? left : JSON_LOOKAHEAD, "name");
    }
}

/* The text of an element's first text child (a <title>, a script). */
static const GumboText *first_text(const GumboElement *el)
{
    for (unsigned i = 0; i < el->children.length; i++) {
        const GumboNode *c = el->children.data[i];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA)
            return &c->v.text;
    }
    return NULL;
}

/* Metadata from an element that the walk leaves out or passes: <meta>, <title>, JSON-LD. */
static void read_metadata(walker *w, const GumboElement *el)
{
    const GumboText *t;
    const char *type;

    if (el->tag == GUMBO_TAG_META)
        read_meta(w, el);
    else if (el->tag == GUMBO_TAG_TITLE && (t = first_text(el)))
        set_meta(w->title, t->text, strlen(t->text));
    else if (el->tag == GUMBO_TAG_SCRIPT && (type = attr(el, "type")) &&
             strcmp(type, "application/ld+json") == 0 && (t = first_text(el)))
        read_json_ld(w, t->text, strlen(t->text));
    else if (el->tag == GUMBO_TAG_TIME && (type = attr(el, "datetime")))
        set_meta(w->date, type, strlen(type));
}

/* ---- the walk ---- */

/* Ends the open block: it is kept when it has text. */
static void end_block(walker *w)
{
    if (lede_doc_open_has_text(&w->scratch)) {
        if (LEDE_GROW(w->blocks, w->blocks_cap, w->n_blocks + 1) != LEDE_OK) {
            w->failed = true;
            return;
        }
        w->blocks[w->n_blocks++] =
            (block){w->scratch.n_paras, w->cur_link, w->cur_heading};
    }
    lede_doc_end(&w->scratch);
    w->cur_link = 0;
}

/* Adds the score of the block just ended to its parent and grandparent containers. */
static void score_block(walker *w)
{
    const lede_para *p;
    size_t len, commas = 0, points;
    double score;
    int given = 0;

    if (w->n_blocks == 0 || w->blocks[w->n_blocks - 1].para + 1 != w->scratch.n_paras)
        return;
    p = &w->scratch.paras[w->scratch.n_paras - 1];
    len = p->span.end - p->span.start;
    if (len < MIN_BLOCK_TEXT)
        return;
    for (size_t i = p->span.start; i < p->span.end; i++)
        commas += w->scratch.bytes[i] == ',';
    points = len / CHARS_PER_POINT;
    score = 1.0 + (double)commas + (double)(points < MAX_LENGTH_POINTS ? points : MAX_LENGTH_POINTS);
    for (size_t d = w->depth; d > 0 && given < 2; d--) {
        frame *f = &w->stack[d - 1];
        if (!f->counted)
            continue;
        f->score += given == 0 ? score : score / 2;
        given++;
    }
}

static void close_block(walker *w)
{
    end_block(w);
    score_block(w);
}

static bool push(walker *w, GumboNode *node)
{
    GumboElement *el = &node->v.element;

    if (LEDE_GROW(w->stack, w->stack_cap, w->depth + 1) != LEDE_OK) {
        w->failed = true;
        return false;
    }
    w->stack[w->depth++] = (frame){node, 0, 0.0, w->n_blocks, 0, 0,
                                   block_tag(el->tag) && !heading_tag(el->tag)};
    if (el->tag == GUMBO_TAG_A)
        w->in_link++;
    if (heading_tag(el->tag))
        w->cur_heading = true;
    return true;
}

/* Leaves the element on top of the stack: its score, less its link share, may make it
 * the best container. */
static void pop(walker *w)
{
    frame *f = &w->stack[--w->depth];
    GumboElement *el = &f->node->v.element;
    const char *prop = attr(el, "itemprop");
    double score = f->score;

    if (el->tag == GUMBO_TAG_A && w->in_link)
        w->in_link--;
    if (block_tag(el->tag))
        close_block(w);
    if (heading_tag(el->tag))
        w->cur_heading = false;
    if (f->text_len > 0)
        score *= 1.0 - (double)f->link_len / (double)f->text_len;
    if (el->tag == GUMBO_TAG_ARTICLE || el->tag == GUMBO_TAG_MAIN ||
        (prop && strcmp(prop, "articleBody") == 0))
        score *= ARTICLE_BONUS;
    if (f->counted && score > w->best_score) {
        w->best_score = score;
        w->best_first = f->first_block;
        w->best_end = w->n_blocks;
    }
    /* An element's text and link text count for its parent too. */
    if (w->depth > 0) {
        w->stack[w->depth - 1].text_len += f->text_len;
        w->stack[w->depth - 1].link_len += f->link_len;
    }
}

static void add_text(walker *w, const char *s)
{
    size_t before = w->scratch.len, n;

    lede_doc_add(&w->scratch, s, strlen(s));
    n = w->scratch.len - before;
    if (w->depth > 0)
        w->stack[w->depth - 1].text_len += n;
    if (w->in_link) {
        w->cur_link += n;
        if (w->depth > 0)
            w->stack[w->depth - 1].link_len += n;
    }
}

/* Visits node: text is added, an element is entered (or left out, or a block break). */
static void visit(walker *w, GumboNode *node)
{
    GumboElement *el;

    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
        add_text(w, node->v.text.text);
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    el = &node->v.element;
    read_metadata(w, el);
    if (el->tag == GUMBO_TAG_H1 && !w->h1[0]) {
        const GumboText *t = first_text(el);
        if (t)
            set_meta(w->h1, t->text, strlen(t->text));
    }
    if (skipped(el))
        return;
    if (block_tag(el->tag))
        close_block(w);
    if (el->tag == GUMBO_TAG_BR || el->tag == GUMBO_TAG_HR)
        return;
    push(w, node);
}

/* Walks the tree under root with an explicit stack. Metadata in <head> is read even
 * though <head> itself is left out. */
static void walk(walker *w, GumboNode *root)
{
    GumboElement *head = NULL;

    for (unsigned i = 0; i < root->v.element.children.length; i++) {
        GumboNode *c = root->v.element.children.data[i];
        if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_HEAD)
            head = &c->v.element;
    }
    for (unsigned i = 0; head && i < head->children.length; i++) {
        GumboNode *c = head->children.data[i];
        if (c->type == GUMBO_NODE_ELEMENT)
            read_metadata(w, &c->v.element);
    }
    if (!push(w, root))
        return;
    while (w->depth > 0 && !w->failed) {
        frame *f = &w->stack[w->depth - 1];
        GumboVector *kids = &f->node->v.element.children;
        if (f->next_child < kids->length)
            visit(w, kids->data[f->next_child++]);
        else
            pop(w);
    }
    close_block(w);
}

/* ---- the article ---- */

/* Adds s[0..n) as a paragraph of kind. The extracted text is lede's own, so it is valid
 * UTF-8 whatever the page held: gumbo mends its text, but a metadata value can end in
 * part of a character (a fuzzer found "\xef" before a byline's " · "); each invalid
 * byte becomes U+FFFD, as the plain-text decoder does. O(n). */
static void add_para(lede_doc *doc, lede_para_kind kind, const char *s, size_t n)
{
    lede_doc_begin(doc, kind);
    if (lede_utf8_invalid_count(s, n) == 0) {
        lede_doc_add(doc, s, n);
    } else {
        size_t adv;
        for (size_t i = 0; i < n; i += adv) {
            char enc[4];
            uint32_t cp = lede_utf8_decode(s + i, n - i, &adv);
            lede_doc_add(doc, enc, lede_utf8_encode(cp, enc));
        }
    }
    lede_doc_end(doc);
}

static const char *headline_of(const walker *w)
{
    return w->og_title[0] ? w->og_title : w->h1[0] ? w->h1 : w->title;
}

/* True when block b repeats the headline (a page's <h1> inside the article). */
static bool is_headline(const walker *w, const block *b, const char *headline)
{
    const lede_para *p = &w->scratch.paras[b->para];
    size_t n = p->span.end - p->span.start;

    return b->heading && strlen(headline) == n &&
           memcmp(w->scratch.bytes + p->span.start, headline, n) == 0;
}

static void write_article(const walker *w, lede_doc *doc)
{
    const char *headline = headline_of(w);
    char byline[2 * META_MAX + 8];

    if (*headline)
        add_para(doc, LEDE_PARA_HEADLINE, headline, strlen(headline));
    if (w->author[0] || w->date[0]) {
        /* An ISO 8601 time ("2024-03-14T09:30:00Z") is shown as its date. */
        int date_len = (int)strlen(w->date);
        if (date_len > 10 && w->date[4] == '-' && w->date[7] == '-' && w->date[10] == 'T')
            date_len = 10;
        snprintf(byline, sizeof byline, "%s%s%.*s", w->author,
                 w->author[0] && w->date[0] ? " · " : "", date_len, w->date);
        add_para(doc, LEDE_PARA_BYLINE, byline, strlen(byline));
    }
    for (size_t i = w->best_first; i < w->best_end; i++) {
        const block *b = &w->blocks[i];
        const lede_para *p = &w->scratch.paras[b->para];
        size_t n = p->span.end - p->span.start;
        if (!b->heading && (double)b->link_len > MAX_LINK_DENSITY * (double)n)
            continue;
        if (is_headline(w, b, headline))
            continue;
        add_para(doc, LEDE_PARA_BODY, w->scratch.bytes + p->span.start, n);
    }
}

lede_status lede_html_extract(const char *b, size_t len, lede_doc *doc)
{
    GumboOptions opts = kGumboDefaultOptions;
    GumboOutput *out;
    walker *w;
    lede_status rc;

    /* Parse errors are no use here, and recording them costs time. */
    opts.max_errors = 0;
    w = calloc(1, sizeof *w);
    if (!w)
        return LEDE_ERR_NOMEM;
    out = gumbo_parse_with_options(&opts, b, len);
    if (!out) {
        free(w);
        return LEDE_ERR_NOMEM;
    }
    walk(w, out->root);
    /* No block scored (a page of short lines): all of them are the article. */
    if (w->best_score <= 0.0) {
        w->best_first = 0;
        w->best_end = w->n_blocks;
    }
    rc = w->failed || w->scratch.failed ? LEDE_ERR_NOMEM : LEDE_OK;
    if (rc == LEDE_OK)
        write_article(w, doc);
    gumbo_destroy_output(&opts, out);
    lede_doc_free(&w->scratch);
    free(w->blocks);
    free(w->stack);
    free(w);
    return rc;
}
