/* print.h - the article on a non-terminal stdout: plain, or with ANSI colours. */
#ifndef LEDE_PRINT_H
#define LEDE_PRINT_H

#include <stdio.h>
#include "lede/model.h"
#include "lede/status.h"
#include "lede/text.h"
#include "lede/theme.h"

/* Writes the article text to out. With theme NULL the bytes are written exactly as read
 * (like cat). With a theme, entity mentions and quotes are wrapped in ANSI SGR colour
 * sequences from the theme (like bat --color=always), invalid UTF-8, control characters
 * and bidi overrides (see termsafe.h) shown as U+FFFD. model may be NULL (no
 * annotations). Returns IO when a write fails (for instance EPIPE). */
lede_status lede_print_article(FILE *out, const lede_text *text, const lede_model *model,
                               const lede_theme *theme);

/* Writes the article for a terminal: like lede_print_article() with a theme, but theme
 * may be NULL for no colours at all; either way invalid UTF-8 and what termsafe.h calls
 * hostile (controls but tab and line ends, bidi overrides) are shown as U+FFFD. */
lede_status lede_print_article_safe(FILE *out, const lede_text *text, const lede_model *model,
                                    const lede_theme *theme);

#endif
