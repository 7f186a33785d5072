/* paths.h - the files named on the command line, folders opened up: `lede corpus/`
 * reads every article below it. */
#ifndef LEDE_PATHS_H
#define LEDE_PATHS_H

#include <stddef.h>
#include "lede/status.h"

#define LEDE_PATHS_DEPTH 8 /* folders below folders this deep at most (no link loops) */

/* Copies paths[0..n) into a new array *out of *n_out paths, each folder replaced by the
 * regular files below it (sorted by name within each folder, names starting with '.'
 * left out). A folder with no file in it stays as it is, so that opening it says why.
 * Costs O(entries below the folders, log of each folder's size). Returns NOMEM. */
lede_status lede_paths_expand(char *const *paths, size_t n, char ***out, size_t *n_out);

/* Frees an array from lede_paths_expand(). */
void lede_paths_free(char **paths, size_t n);

#endif
