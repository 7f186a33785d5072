/* termsafe.h - the one filter between lede's output and a terminal.
 *
 * Text from outside (an article, a file name, a line of a theme or lexicon, an entity's
 * name or role, which a --lexicon value can set) must never act on the terminal that
 * shows it. Every path that may write such text to a terminal (the reader, --color and
 * plain printing to a terminal, --entities, stderr messages) shows what this module
 * calls hostile as U+FFFD:
 *   - C0 controls, DEL and C1 controls (U+0080-U+009F; U+009B is the one-byte CSI, and
 *     the raw byte 0x9B, being invalid UTF-8, is replaced as well): they start escape
 *     sequences (colours, cursor moves, OSC window titles and hyperlinks);
 *   - the bidirectional embeddings, overrides and isolates U+202A-U+202E and
 *     U+2066-U+2069: they reorder everything after them up to the end of the paragraph,
 *     so what the screen shows would differ from what the text says ("Trojan Source").
 *     The marks U+200E, U+200F and U+061C stay: they affect only their neighbours and
 *     belong in right-to-left text.
 * Invalid UTF-8 is shown as U+FFFD too. Plain output to a non-terminal is not filtered:
 * it is the input byte for byte. Linear in the bytes written. No curses here. */
#ifndef LEDE_TERMSAFE_H
#define LEDE_TERMSAFE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Returns true when code point cp must not reach a terminal as it is (see above). Tab
 * and line feed count as hostile: callers that lay out lines handle them first. */
bool lede_termsafe_hostile(uint32_t cp);

/* Returns what a terminal is shown for cp: U+FFFD when cp is hostile, else cp. */
uint32_t lede_termsafe_shown(uint32_t cp);

/* Writes s[0..len) to out with invalid UTF-8 and every hostile character (tab and line
 * feed included) as U+FFFD. Returns false when a write fails. */
bool lede_termsafe_write(FILE *out, const char *s, size_t len);

/* lede_termsafe_write() of the NUL-terminated s. */
bool lede_termsafe_puts(FILE *out, const char *s);

/* Formats like vfprintf and writes the result through the filter, except that a line
 * feed ending the message is kept: a message with a file name in it stays one line
 * whatever the name holds. Returns false when a write fails or memory runs out. */
bool lede_termsafe_vprintf(FILE *out, const char *fmt, va_list ap);

/* lede_termsafe_vprintf() with the arguments inline. */
__attribute__((format(printf, 2, 3))) bool lede_termsafe_printf(FILE *out, const char *fmt, ...);

#endif
