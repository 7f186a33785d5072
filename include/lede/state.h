/* state.h - remembered reading positions, like less's and vim's "last position".
 *
 * One small text file, $XDG_STATE_HOME/lede/positions (default
 * ~/.local/state/lede/positions), holds for each article the byte offset of the top of
 * the screen, keyed by the article's path and a hash of its bytes, so that a changed
 * file starts from the top again:
 *
 *     lede-state 1
 *     3f1c0d2a9b8e7f60 10423 /home/ann/news/storm.txt
 *
 * Oldest entries come first and are dropped beyond LEDE_STATE_MAX. The file is replaced
 * atomically and durably (temporary file in the same directory, fsync, rename, fsync of
 * the directory). A damaged file is ignored as a whole, with a one-line warning. No
 * curses here. */
#ifndef LEDE_STATE_H
#define LEDE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "lede/status.h"

#define LEDE_STATE_MAX 500

typedef struct {
    uint64_t hash;
    size_t offset;
    char *path; /* owned */
} lede_state_entry;

typedef struct {
    lede_state_entry *entries; /* oldest first */
    size_t n, cap;
} lede_state;

/* Returns the FNV-1a 64-bit hash of bytes[0..len). */
uint64_t lede_state_hash(const void *bytes, size_t len);

/* Writes the path of the state file into buf (of size size): $XDG_STATE_HOME/lede/positions
 * when XDG_STATE_HOME is an absolute path, else $HOME/.local/state/lede/positions.
 * Returns NOTFOUND when neither variable helps, NOMEM when buf is too small. */
lede_status lede_state_default_file(char *buf, size_t size);

/* Zeroes state (an empty set of positions). */
void lede_state_init(lede_state *state);

/* Reads the state file into state (which must be initialised; its entries are replaced).
 * A missing file gives an empty state and OK. A damaged file gives an empty state, one
 * warning line on diag (may be NULL) and OK. Returns ACCESS or IO (state empty) when the
 * file exists but cannot be read, NOMEM. */
lede_status lede_state_load(lede_state *state, const char *file, FILE *diag);

/* Stores in *offset the remembered top offset of the article at path with this hash and
 * returns true; false when there is none (or the file changed since). */
bool lede_state_get(const lede_state *state, const char *path, uint64_t hash, size_t *offset);

/* Remembers offset for path and hash as the newest entry (replacing any entry of the
 * same path), dropping the oldest beyond LEDE_STATE_MAX. A path with a newline cannot
 * be stored and is ignored. Returns OK or NOMEM. */
lede_status lede_state_set(lede_state *state, const char *path, uint64_t hash, size_t offset);

/* Writes state to file atomically, creating its directory (mode 0700) when missing.
 * Leaves no temporary file behind, also on failure. Returns OK, or what
 * lede_status_from_errno() makes of the errno of the first failing call (writing,
 * closing, renaming or syncing the directory): ISDIR when file is a directory, NOENT
 * when a directory on the way is a file, ACCESS, NOMEM, NOSPACE (disk or quota full),
 * FBIG (past the file-size limit: the caller must ignore SIGXFSZ, which would otherwise
 * kill the process before the temporary file is removed) or IO. */
lede_status lede_state_save(const lede_state *state, const char *file);

/* Frees what state owns and zeroes it. */
void lede_state_free(lede_state *state);

/* Leaving an article: under an exclusive flock on the file's directory (waiting at most
 * two seconds for another lede, then going on without it), loads file afresh so that
 * positions saved by other lede meanwhile are kept, sets path's offset, and saves it.
 * Warnings go to diag. Returns the first failing status. */
lede_status lede_state_remember(const char *file, const char *path, uint64_t hash, size_t offset,
                                FILE *diag);

#endif
