/* termsafe.c - hostile characters out of everything written to a terminal.
 *
 * Bound: one pass over the bytes written, O(n) time; a formatted message is built once
 * (O(length of the message) memory). */
#include <stdlib.h>
#include <string.h>
#include "lede/termsafe.h"
#include "lede/utf8.h"

#define MESSAGE_STACK 512 /* most messages fit; longer ones are formatted on the heap */

bool lede_termsafe_hostile(uint32_t cp)
{
    return lede_utf8_is_control(cp) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

uint32_t lede_termsafe_shown(uint32_t cp)
{
    return lede_termsafe_hostile(cp) ? LEDE_UTF8_REPLACEMENT : cp;
}

bool lede_termsafe_write(FILE *out, const char *s, size_t len)
{
    static const char replacement[] = "\xEF\xBF\xBD";
    size_t run = 0; /* start of the bytes that pass as they are */
    for (size_t i = 0, adv; i < len; i += adv) {
        uint32_t cp = lede_utf8_decode(s + i, len - i, &adv);
        bool invalid = cp == LEDE_UTF8_REPLACEMENT && adv == 1;
        if (!invalid && !lede_termsafe_hostile(cp))
            continue;
        if (fwrite(s + run, 1, i - run, out) != i - run ||
            fwrite(replacement, 1, sizeof replacement - 1, out) != sizeof replacement - 1)
            return false;
        run = i + adv;
    }
    return fwrite(s + run, 1, len - run, out) == len - run;
}

bool lede_termsafe_puts(FILE *out, const char *s)
{
    return lede_termsafe_write(out, s, strlen(s));
}

bool lede_termsafe_vprintf(FILE *out, const char *fmt, va_list ap)
{
    char stack[MESSAGE_STACK], *buf = stack;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(stack, sizeof stack, fmt, ap);
    if (n >= 0 && (size_t)n >= sizeof stack) {
        buf = malloc((size_t)n + 1);
        if (buf)
            vsnprintf(buf, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    if (n < 0 || !buf)
        return false;
    size_t len = (size_t)n;
    bool newline = len > 0 && buf[len - 1] == '\n';
    bool ok = lede_termsafe_write(out, buf, len - newline) && (!newline || fputc('\n', out) != EOF);
    if (buf != stack)
        free(buf);
    return ok;
}

bool lede_termsafe_printf(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = lede_termsafe_vprintf(out, fmt, ap);
    va_end(ap);
    return ok;
}
