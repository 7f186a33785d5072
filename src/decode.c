/* decode.c - text in other encodings made UTF-8, through iconv.
 *
 * Linear: one pass to guess, one iconv pass to convert (its output at most 3 bytes per
 * input byte for the 8-bit encodings, 3 per 2 bytes for UTF-16). */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lede/input.h"
#include "lede/utf8.h"

/* UTF-8 output per input byte is at most this (a byte of an 8-bit encoding becomes at most
 * a 3-byte character; two bytes of UTF-16 at most 3, four at most 4). */
#define GROWTH 3u

const char *lede_decode_guess(const char *bytes, size_t len)
{
    const unsigned char *p = (const unsigned char *)bytes;
    size_t i = 0, adv;

    if (len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
        return "UTF-16";
    if (lede_utf8_invalid_count(bytes, len) == 0)
        return NULL;
    /* One valid sequence beyond ASCII says UTF-8 with a few bad bytes, which are shown as
     * such rather than turned into mojibake; so do the bytes Windows-1252 leaves out. */
    while (i < len) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        if (p[i] == 0x81 || p[i] == 0x8D || p[i] == 0x8F || p[i] == 0x90 || p[i] == 0x9D)
            return NULL;
        lede_utf8_decode(bytes + i, len - i, &adv);
        if (adv > 1)
            return NULL;
        i++;
    }
    return "Windows-1252";
}

bool lede_decode_is_utf8(const char *name)
{
    return strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0;
}

bool lede_decode_known(const char *name)
{
    iconv_t cd = iconv_open("UTF-8", name);

    if (cd == (iconv_t)-1)
        return false;
    iconv_close(cd);
    return true;
}

lede_status lede_decode(const char *from, const char *bytes, size_t len, char **out,
                        size_t *out_len)
{
    iconv_t cd;
    char *buf, *in = (char *)bytes, *o;
    size_t cap, in_left = len, o_left;
    size_t rc;

    *out = NULL;
    *out_len = 0;
    if (len > (SIZE_MAX - 4) / GROWTH)
        return LEDE_ERR_NOMEM;
    cap = len * GROWTH + 4;
    cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return errno == ENOMEM ? LEDE_ERR_NOMEM : LEDE_ERR_ENCODING;
    buf = malloc(cap);
    if (!buf) {
        iconv_close(cd);
        return LEDE_ERR_NOMEM;
    }
    o = buf;
    o_left = cap - 1;
    rc = iconv(cd, &in, &in_left, &o, &o_left);
    /* A truncated sequence at the end (EINVAL) is as invalid as a bad one (EILSEQ). */
    if (rc != (size_t)-1)
        rc = iconv(cd, NULL, NULL, &o, &o_left);
    iconv_close(cd);
    if (rc == (size_t)-1 || in_left) {
        free(buf);
        return errno == E2BIG ? LEDE_ERR_NOMEM : LEDE_ERR_ENCODING;
    }
    *out_len = (size_t)(o - buf);
    /* glibc's "UTF-16" drops the BOM; an explicit UTF-8 BOM from other converters stays
     * out too, as a plain file's BOM belongs to no paragraph. */
    buf[*out_len] = '\0';
    *out = buf;
    return LEDE_OK;
}
