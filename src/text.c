/* text.c - read an article's bytes exactly as they are and find its paragraphs. */
#define _DEFAULT_SOURCE /* for MADV_HUGEPAGE, where the system has it */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lede/grow.h"
#include "lede/input.h"
#include "lede/text.h"
#include "lede/utf8.h"

#define READ_CHUNK 65536u    /* first buffer size when the size is unknown (pipes) */
#define SNIFF_BYTES 65536u   /* how much of the start decides "binary" */
#define SNIFF_MAX_NULS 4u    /* this many NUL bytes never make a text binary */
#define WRAP_COLUMNS 100u    /* a hard-wrapped line is at most this many code points */
#define WRAP_MIN_COLUMNS 40u /* and most inner lines of a wrapped block at least this */
#define LABEL_MAX 32u        /* bytes of a section label */
#define HEADLINE_MAX 200u    /* bytes of a headline */
/* An x86-64 transparent huge page (2 MiB): large buffers are aligned to it. */
#define HUGE_PAGE ((size_t)2 << 20)

/* Past SNIFF_MAX_NULS, NULs in more than 1 byte of 100 mean binary: text has none, and
 * UTF-16 (half NULs) is caught by its BOM first. Bytes that are neither UTF-8 nor text
 * controls in more than 3 of 10 mean binary: a Latin-1 text, every letter of it "bad",
 * stays under that (its letters are mostly ASCII). Set by hand with the first loader
 * (0c8fe6b); check_badinput tests a few NULs, a NUL-heavy file, Latin-1 and a program. */
#define SNIFF_NUL_PER_100 1u
#define SNIFF_BAD_PER_10 3u

static const char bom[] = "\xEF\xBB\xBF";

/* Allocates cap bytes to read a file into; they are released with free(). Where the
 * system has transparent huge pages, a buffer of megabytes is aligned to them and the
 * kernel asked to back its whole huge pages with them: reading a book then costs a few
 * page faults instead of one per 4 KiB page, and about half the time. */
void *lede_alloc_big(size_t cap)
{
#ifdef MADV_HUGEPAGE
    void *p;

    if (cap >= HUGE_PAGE) {
        if (posix_memalign(&p, HUGE_PAGE, cap) != 0)
            return NULL;
        /* Only advice: where it is refused the buffer works the same. */
        (void)madvise(p, cap & ~(HUGE_PAGE - 1), MADV_HUGEPAGE);
        return p;
    }
#endif
    return malloc(cap);
}

static bool looks_binary(const char *b, size_t len);

/* How read_fd() reads: the size limit, whether to wait (with poll) for data that may
 * never come, and whether to stop at the first 64 KiB when they look binary. */
typedef struct {
    size_t max;
    bool patient; /* standard input: wait as long as it takes */
    bool sniff;
} read_how;

/* Waits until fd (opened O_NONBLOCK) has data or an end; false after LEDE_SILENT_MS. */
static bool wait_readable(int fd)
{
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int n;

    do
        n = poll(&p, 1, LEDE_SILENT_MS);
    while (n < 0 && errno == EINTR);
    return n != 0;
}

/* True when the start of b (len bytes, at least SNIFF_BYTES or all there is) is a
 * UTF-16 byte order mark: such text is mostly NULs and is judged after decoding. */
static bool utf16_bom(const char *b, size_t len)
{
    return len >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'));
}

/* Reads fd to its end into a new buffer with room for a terminating NUL. */
static lede_status read_fd(int fd, const read_how *how, char **out, size_t *out_len)
{
    struct stat st;
    char *buf = NULL;
    size_t cap = 0, len = 0;
    bool sniffed = !how->sniff, regular;
    lede_status rc;

    if (fstat(fd, &st) != 0)
        return lede_status_from_errno(errno);
    if (S_ISDIR(st.st_mode))
        return LEDE_ERR_ISDIR;
    regular = S_ISREG(st.st_mode);
    if (regular && (uintmax_t)st.st_size > how->max)
        return LEDE_ERR_TOOBIG;
    /* A regular file's size is only a hint: it may grow or shrink while we read, and
     * a /proc file says 0. */
    cap = READ_CHUNK;
    if (regular && st.st_size > 0 && (uintmax_t)st.st_size < SIZE_MAX)
        cap = (size_t)st.st_size + 1;
    buf = lede_alloc_big(cap);
    if (!buf)
        return LEDE_ERR_NOMEM;
    for (;;) {
        ssize_t n;
        if (len == cap && (rc = LEDE_GROW(buf, cap, len + 1)) != LEDE_OK)
            goto fail;
        /* A pipe or device may never write: wait a while, not for ever. */
        if (!regular && !how->patient && !wait_readable(fd)) {
            rc = LEDE_ERR_TIMEOUT;
            goto fail;
        }
        n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            rc = lede_status_from_errno(errno);
            goto fail;
        }
        if (n == 0)
            break;
        len += (size_t)n;
        /* Checked as we go, so that an endless source (a device) stops too. */
        if (len > how->max) {
            rc = LEDE_ERR_TOOBIG;
            goto fail;
        }
        if (!sniffed && len >= SNIFF_BYTES) {
            sniffed = true;
            if (!utf16_bom(buf, len) && looks_binary(buf, len)) {
                rc = LEDE_ERR_BINARY;
                goto fail;
            }
        }
    }
    if (len == cap && (rc = LEDE_GROW(buf, cap, len + 1)) != LEDE_OK)
        goto fail;
    buf[len] = '\0';
    *out = buf;
    *out_len = len;
    return LEDE_OK;
fail:
    free(buf);
    return rc;
}

/* Opens path without blocking (a FIFO with no writer would block the open) and reads it. */
static lede_status read_path(const char *path, const read_how *how, char **bytes, size_t *len)
{
    lede_status rc;
    int fd;

    *bytes = NULL;
    *len = 0;
    do
        fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return lede_status_from_errno(errno);
    rc = read_fd(fd, how, bytes, len);
    /* Nothing was written through fd, so a failing close loses no data. */
    (void)close(fd);
    return rc;
}

lede_status lede_file_read(const char *path, size_t max, char **bytes, size_t *len)
{
    read_how how = {max == SIZE_MAX ? LEDE_MAX_SIZE_DEFAULT : max, false, true};

    return read_path(path, &how, bytes, len);
}

lede_status lede_file_read_binary(const char *path, size_t max, char **bytes, size_t *len)
{
    read_how how = {max, false, false};

    return read_path(path, &how, bytes, len);
}

/* Blanks inside a line: what is trimmed from a paragraph's edges. */
static bool is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static size_t bom_len(const char *b, size_t len)
{
    return len >= 3 && memcmp(b, bom, 3) == 0 ? 3 : 0;
}

static bool only_white(const char *b, size_t len)
{
    for (size_t i = bom_len(b, len); i < len; i++)
        if (!is_blank((unsigned char)b[i]) && b[i] != '\n')
            return false;
    return true;
}

/* True when the 8 bytes at p are all printable ASCII (0x20-0x7F), which looks_binary()
 * passes: a byte below 0x20 borrows into its top bit when 0x20 is taken from it. */
static bool plain8(const char *p)
{
    uint64_t x;

    memcpy(&x, p, sizeof x);
    return ((x | ((x - 0x2020202020202020u) & ~x)) & 0x8080808080808080u) == 0;
}

/* Judges the first SNIFF_BYTES: many NULs, or many bytes that are neither valid UTF-8
 * nor text control characters, mean the data is not text. Latin-1 letters and a few
 * stray NULs pass. */
static bool looks_binary(const char *b, size_t len)
{
    size_t window = len < SNIFF_BYTES ? len : SNIFF_BYTES;
    size_t nuls = 0, bad = 0, i = 0, adv;

    while (i < window) {
        unsigned char c = (unsigned char)b[i];
        /* Plain text runs need no judging; step over them eight bytes at a time. */
        if (i + 8 <= window && plain8(b + i)) {
            i += 8;
            continue;
        }
        adv = 1;
        if (c == 0) {
            nuls++;
            bad++;
        } else if (c < 0x20) {
            if (!is_blank(c) && c != '\n' && c != 0x1B)
                bad++;
        } else if (c >= 0x80) {
            if (lede_utf8_decode(b + i, len - i, &adv) == LEDE_UTF8_REPLACEMENT && adv == 1)
                bad++;
        }
        i += adv;
    }
    if (nuls > SNIFF_MAX_NULS && nuls * 100 > window * SNIFF_NUL_PER_100)
        return true;
    return bad * 10 > window * SNIFF_BAD_PER_10;
}

/* One line of the text: [start, end) without its '\n', and the same without edge blanks. */
typedef struct {
    size_t start, end, trim_start, trim_end;
} line;

/* Reads the line at *pos into ln and moves *pos past its '\n'. False at the end. */
static inline bool next_line(const char *b, size_t len, size_t *pos, line *ln)
{
    const char *nl;

    if (*pos >= len)
        return false;
    ln->start = *pos;
    nl = memchr(b + *pos, '\n', len - *pos);
    ln->end = nl ? (size_t)(nl - b) : len;
    *pos = nl ? ln->end + 1 : len;
    ln->trim_start = ln->start;
    ln->trim_end = ln->end;
    while (ln->trim_start < ln->trim_end && is_blank((unsigned char)b[ln->trim_start]))
        ln->trim_start++;
    while (ln->trim_end > ln->trim_start && is_blank((unsigned char)b[ln->trim_end - 1]))
        ln->trim_end--;
    return true;
}

/* The last code point of span s (which is not empty). */
static uint32_t last_cp(const char *b, lede_span s)
{
    size_t i = s.end - 1, adv;

    /* Most lines end in ASCII, which needs no decoding. */
    if ((unsigned char)b[i] < 0x80)
        return (unsigned char)b[i];
    while (i > s.start && s.end - i < 4 && ((unsigned char)b[i] & 0xC0) == 0x80)
        i--;
    return lede_utf8_decode(b + i, s.end - i, &adv);
}

/* True for closing punctuation: . ! ? an ellipsis or a closing quote. */
static bool is_closing(uint32_t cp)
{
    switch (cp) {
    case '.':
    case '!':
    case '?':
    case '"':
    case '\'':
    case 0x2019: /* right single quotation mark */
    case 0x201D: /* right double quotation mark */
    case 0x2026: /* horizontal ellipsis */
        return true;
    default:
        return false;
    }
}

/* Statistics of one block of non-blank lines, to tell hard wrapping from line-per-
 * paragraph text: a wrapped line is of middling length and ends inside a sentence. */
typedef struct {
    size_t lines, inner, inner_wrapped;
    bool too_long, last_long, last_wrapped;
} block_stats;

/* Adds the non-blank line s, of cps code points, to the block's statistics. */
static void block_add(block_stats *bs, const char *b, lede_span s, size_t cps)
{
    uint32_t last;

    /* The previous line is now known to be an inner one. */
    if (bs->lines > 0) {
        bs->inner++;
        bs->inner_wrapped += bs->last_wrapped;
        bs->too_long |= bs->last_long;
    }
    bs->lines++;
    bs->last_long = cps > WRAP_COLUMNS;
    bs->last_wrapped = false;
    if (cps >= WRAP_MIN_COLUMNS && cps <= WRAP_COLUMNS) {
        last = last_cp(b, s);
        bs->last_wrapped = !is_closing(last) && last != ':';
    }
}

static bool block_is_wrapped(const block_stats *bs)
{
    return bs->inner > 0 && !bs->too_long && bs->inner_wrapped * 2 >= bs->inner;
}

/* What one pass over the lines finds: a paragraph per block of non-blank lines (the
 * paragraphs if the text is hard-wrapped), how many blocks look wrapped, how many
 * non-blank lines there are, and the invalid UTF-8 bytes. */
typedef struct {
    lede_para *blocks; /* owned */
    size_t n_blocks, cap, wrapped, n_lines, invalid;
} survey;

/* Starts a new block paragraph at s, doubling the array when it is full. */
static lede_status open_block(survey *sv, lede_span s)
{
    if (LEDE_GROW(sv->blocks, sv->cap, sv->n_blocks + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    sv->blocks[sv->n_blocks].span = s;
    sv->blocks[sv->n_blocks].kind = LEDE_PARA_BODY;
    sv->n_blocks++;
    return LEDE_OK;
}

/* Reads every line from offset from once: gathers the blocks and their statistics and
 * counts the invalid bytes. Bytes outside the lines' trimmed spans are ASCII blanks, line
 * ends or the BOM, and no UTF-8 sequence spans an ASCII byte, so counting invalid bytes
 * line by line counts them all. */
static lede_status survey_lines(const char *b, size_t len, size_t from, survey *sv)
{
    size_t pos = from, invalid;
    block_stats bs = {0};
    bool more;
    line ln;

    do {
        more = next_line(b, len, &pos, &ln);
        if (more && ln.trim_start < ln.trim_end) {
            lede_span s = {ln.trim_start, ln.trim_end};
            size_t cps = lede_utf8_measure(b + s.start, s.end - s.start, &invalid);
            if (bs.lines == 0 && open_block(sv, s) != LEDE_OK)
                return LEDE_ERR_NOMEM;
            sv->blocks[sv->n_blocks - 1].span.end = s.end;
            block_add(&bs, b, s, cps);
            sv->invalid += invalid;
            sv->n_lines++;
            continue;
        }
        if (bs.lines > 0)
            sv->wrapped += block_is_wrapped(&bs);
        memset(&bs, 0, sizeof bs);
    } while (more);
    return LEDE_OK;
}

/* Fills text->paras with a paragraph per non-blank line of [from, to), of which there
 * are n_lines. */
static lede_status split_lines(lede_text *text, size_t from, size_t to, size_t n_lines)
{
    size_t pos = from, n = 0;
    line ln;

    if (n_lines > SIZE_MAX / sizeof *text->paras)
        return LEDE_ERR_NOMEM;
    text->paras = malloc((n_lines ? n_lines : 1) * sizeof *text->paras);
    if (!text->paras)
        return LEDE_ERR_NOMEM;
    while (next_line(text->bytes, to, &pos, &ln)) {
        if (ln.trim_start == ln.trim_end)
            continue;
        text->paras[n].span.start = ln.trim_start;
        text->paras[n].span.end = ln.trim_end;
        text->paras[n].kind = LEDE_PARA_BODY;
        n++;
    }
    text->n_paras = n;
    return LEDE_OK;
}

/* Fills text->paras and text->invalid_bytes from the lines of [from, to): a paragraph
 * per block of lines when blank lines separate several blocks and most of them look
 * hard-wrapped (a book), otherwise a paragraph per non-blank line (news: one long line
 * per paragraph). */
static lede_status split_paras(lede_text *text, size_t from, size_t to)
{
    survey sv = {0};
    lede_status rc = survey_lines(text->bytes, to, from, &sv);

    text->invalid_bytes = sv.invalid;
    /* When every block is one line, the blocks are the lines. */
    if (rc == LEDE_OK &&
        ((sv.n_blocks >= 2 && sv.wrapped * 2 > sv.n_blocks) || sv.n_lines == sv.n_blocks)) {
        text->paras = sv.blocks;
        text->n_paras = sv.n_blocks;
        return LEDE_OK;
    }
    free(sv.blocks);
    return rc == LEDE_OK ? split_lines(text, from, to, sv.n_lines) : rc;
}

static bool is_label_char(uint32_t cp, size_t adv)
{
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'))
        return true;
    if (cp == LEDE_UTF8_REPLACEMENT && adv == 1)
        return false;
    /* Letters outside ASCII, leaving out signs, punctuation and symbol blocks. */
    return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
           !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFE00 && cp <= 0xFFFF) && cp < 0x1F000;
}

static bool is_single_line(const char *b, lede_span s)
{
    return memchr(b + s.start, '\n', s.end - s.start) == NULL;
}

/* A one-word line of letters (and '-' or '&' inside), like "World" or "Arts&Culture". */
static bool is_label(const char *b, lede_span s)
{
    size_t i = s.start, adv;

    if (s.end - s.start > LABEL_MAX || !is_single_line(b, s))
        return false;
    while (i < s.end) {
        uint32_t cp = lede_utf8_decode(b + i, s.end - i, &adv);
        bool sep = cp == '-' || cp == '&';
        if (!is_label_char(cp, adv) && (!sep || i == s.start))
            return false;
        i += adv;
    }
    return true;
}

/* True when at least one blank line separates paragraph i from the next one. */
static bool blank_after(const lede_text *text, size_t i)
{
    size_t from = text->paras[i].span.end, to = text->paras[i + 1].span.start;
    const char *nl = memchr(text->bytes + from, '\n', to - from);

    return nl && memchr(nl + 1, '\n', to - (size_t)(nl + 1 - text->bytes)) != NULL;
}

/* Marks the optional label and the headline; a text of one paragraph is all body. */
static void classify(lede_text *text)
{
    const char *b = text->bytes;
    size_t h = 0;
    lede_span s;

    if (text->n_paras >= 2 && is_label(b, text->paras[0].span)) {
        text->paras[0].kind = LEDE_PARA_LABEL;
        h = 1;
    }
    if (h + 1 >= text->n_paras)
        return;
    s = text->paras[h].span;
    if (s.end - s.start <= HEADLINE_MAX && is_single_line(b, s) &&
        (!is_closing(last_cp(b, s)) || blank_after(text, h)))
        text->paras[h].kind = LEDE_PARA_HEADLINE;
}

lede_status lede_text_plain(char *bytes, size_t len, size_t from, size_t to, lede_text *text)
{
    lede_status rc;

    memset(text, 0, sizeof *text);
    text->bytes = bytes;
    text->len = len;
    text->input = "text";
    if (from == 0)
        from = bom_len(bytes, len);
    rc = split_paras(text, from, to);
    if (rc != LEDE_OK) {
        lede_text_free(text);
        return rc;
    }
    classify(text);
    return LEDE_OK;
}

bool lede_text_only_white(const char *bytes, size_t len)
{
    return only_white(bytes, len);
}

bool lede_text_looks_binary(const char *bytes, size_t len)
{
    return looks_binary(bytes, len);
}

/* Reads path ("-": standard input, waited for as long as it takes) and makes text of it. */
static lede_status load(const char *path, int fd, const lede_read_opts *opts, lede_text *text)
{
    size_t max = opts && opts->max_size ? opts->max_size : LEDE_MAX_SIZE_DEFAULT;
    /* A forced encoding may be one whose text looks binary (UTF-16 without a BOM). */
    read_how how = {max, path == NULL, !(opts && opts->encoding)};
    char *bytes;
    size_t len;
    lede_status rc;

    memset(text, 0, sizeof *text);
    rc = path ? read_path(path, &how, &bytes, &len) : read_fd(fd, &how, &bytes, &len);
    if (rc != LEDE_OK)
        return rc;
    return lede_input_adopt(bytes, len, opts, text);
}

lede_status lede_text_load_fd(int fd, lede_text *text)
{
    return load(NULL, fd, NULL, text);
}

lede_status lede_text_load_with(const char *path, const lede_read_opts *opts, lede_text *text)
{
    if (strcmp(path, "-") == 0)
        return load(NULL, STDIN_FILENO, opts, text);
    return load(path, -1, opts, text);
}

lede_status lede_text_load(const char *path, lede_text *text)
{
    return lede_text_load_with(path, NULL, text);
}

lede_status lede_text_from_buffer(const char *buf, size_t len, lede_text *text)
{
    char *bytes;

    memset(text, 0, sizeof *text);
    if (len == SIZE_MAX)
        return LEDE_ERR_NOMEM;
    bytes = malloc(len + 1);
    if (!bytes)
        return LEDE_ERR_NOMEM;
    if (len)
        memcpy(bytes, buf, len);
    bytes[len] = '\0';
    return lede_input_adopt(bytes, len, NULL, text);
}

void lede_text_free(lede_text *text)
{
    free(text->bytes);
    free(text->paras);
    memset(text, 0, sizeof *text);
}

size_t lede_text_para_at(const lede_text *text, size_t offset)
{
    size_t lo = 0, hi = text->n_paras;

    /* The first paragraph that ends after offset either holds it or follows it. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (text->paras[mid].span.end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
