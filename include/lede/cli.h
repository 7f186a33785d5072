/* cli.h - non-interactive output of the command line (part of the executable). */
#ifndef LEDE_CLI_H
#define LEDE_CLI_H

#include <stdio.h>
#include "lede/corpus.h"
#include "lede/model.h"
#include "lede/status.h"
#include "lede/text.h"

/* Writes the annotations as one JSON object and a newline to out:
 * {"lede":1, "source":FILE, "bytes":N, "input":KIND, "encoding":ENC, "entities":[...],
 * "quotes":[...]}, entities in order of first mention, offsets in bytes of text->bytes
 * (the extracted text, for other than plain UTF-8), end exclusive. KIND is "html",
 * "newsboat", "email", "gutenberg", the lower-cased encoding plain text was converted
 * from ("windows-1252", "utf-16"), or "text"; ENC is "UTF-8" or what it was converted
 * from. Returns NOMEM or IO. */
lede_status lede_cli_json(FILE *out, const char *source, const lede_text *text,
                          const lede_model *model);

/* Writes the entity index as an aligned text table (type, name, role, mentions,
 * quotes), people first, then by mention count, then the quotations with their
 * speakers. Returns IO when a write fails. */
lede_status lede_cli_entities(FILE *out, const lede_text *text, const lede_model *model);

/* Writes the entities of all the corpus's articles as one table: each entity once (an
 * alias with its full name), in the order of the reader's index of all articles
 * (lede_corpus_ranked: people, places, organisations, groups, each by the number of
 * articles), with its articles and its mentions in each. Returns NOMEM or IO. */
lede_status lede_cli_entities_all(FILE *out, const lede_corpus *corpus);

#endif
