/* state.c - remembered reading positions in a small, atomically replaced text file.
 *
 * Several lede may quit at once (a closed tmux session with a lede in each pane): each
 * takes an exclusive flock on the file's directory, reads the file afresh, changes its
 * own entry, writes a temporary file and renames it, so no one's entry is lost.
 * Bound: loading, setting and saving are O(n * path length) for n <= LEDE_STATE_MAX
 * entries (a lookup is a scan of at most LEDE_STATE_MAX paths). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "lede/grow.h"
#include "lede/state.h"
#include "lede/termsafe.h"

#define HEADER "lede-state 1"
#define FILE_NAME "positions"
/* Another lede holds the lock for the milliseconds a save takes; one that keeps it
 * longer is stopped (Ctrl-Z) mid-save, and waiting for it must not hang this one. */
#define LOCK_WAIT_MS 2000
#define LOCK_STEP_MS 10

uint64_t lede_state_hash(const void *bytes, size_t len)
{
    const unsigned char *p = bytes;
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3u;
    }
    return h;
}

lede_status lede_state_default_file(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    int n;
    if (xdg && xdg[0] == '/') {
        n = snprintf(buf, size, "%s/lede/%s", xdg, FILE_NAME);
    } else {
        const char *home = getenv("HOME");
        if (!home || home[0] == '\0')
            return LEDE_ERR_NOTFOUND;
        n = snprintf(buf, size, "%s/.local/state/lede/%s", home, FILE_NAME);
    }
    return n > 0 && (size_t)n < size ? LEDE_OK : LEDE_ERR_NOMEM;
}

void lede_state_init(lede_state *state)
{
    memset(state, 0, sizeof *state);
}

void lede_state_free(lede_state *state)
{
    for (size_t i = 0; i < state->n; i++)
        free(state->entries[i].path);
    free(state->entries);
    lede_state_init(state);
}

/* --- reading -------------------------------------------------------------------- */

/* Parses "HASH OFFSET PATH" (line without its '\n'); false when malformed. */
static bool parse_line(char *line, uint64_t *hash, size_t *offset, char **path)
{
    char *p = line;
    if (strspn(p, "0123456789abcdef") != 16 || p[16] != ' ')
        return false;
    p[16] = '\0';
    *hash = strtoull(p, NULL, 16);
    p += 17;
    size_t digits = strspn(p, "0123456789");
    if (digits == 0 || digits > 19 || p[digits] != ' ')
        return false;
    p[digits] = '\0';
    errno = 0;
    unsigned long long v = strtoull(p, NULL, 10);
    if (errno != 0 || v > SIZE_MAX)
        return false;
    *offset = (size_t)v;
    p += digits + 1;
    if (*p == '\0')
        return false;
    *path = p;
    return true;
}

/* Reads entries from f; returns SYNTAX with the bad line number in *bad_line. */
static lede_status read_entries(lede_state *state, FILE *f, size_t *bad_line)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    size_t lineno = 0;
    lede_status st = LEDE_OK;
    while (st == LEDE_OK && (len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        /* Every line, the last too, ends in '\n' and holds no NUL byte. */
        if (len == 0 || line[len - 1] != '\n' || strlen(line) != (size_t)len) {
            st = LEDE_ERR_SYNTAX;
            break;
        }
        line[len - 1] = '\0';
        uint64_t hash;
        size_t offset;
        char *path;
        if (lineno == 1)
            st = strcmp(line, HEADER) == 0 ? LEDE_OK : LEDE_ERR_SYNTAX;
        else if (!parse_line(line, &hash, &offset, &path))
            st = LEDE_ERR_SYNTAX;
        else
            st = lede_state_set(state, path, hash, offset);
    }
    if (st == LEDE_OK && ferror(f))
        st = LEDE_ERR_IO;
    if (st == LEDE_OK && lineno == 0)
        st = LEDE_ERR_SYNTAX; /* not even the header */
    free(line);
    *bad_line = lineno;
    return st;
}

lede_status lede_state_load(lede_state *state, const char *file, FILE *diag)
{
    lede_state_free(state);
    FILE *f = fopen(file, "r");
    if (!f)
        return errno == ENOENT || errno == ENOTDIR ? LEDE_OK : lede_status_from_errno(errno);
    size_t bad_line = 0;
    lede_status st = read_entries(state, f, &bad_line);
    fclose(f);
    if (st == LEDE_OK || st == LEDE_ERR_NOMEM) {
        if (st != LEDE_OK)
            lede_state_free(state);
        return st;
    }
    lede_state_free(state);
    if (st == LEDE_ERR_SYNTAX) {
        if (diag)
            lede_termsafe_printf(diag, "lede: %s:%zu: damaged reading-position file ignored\n",
                                 file, bad_line);
        return LEDE_OK;
    }
    return st;
}

/* --- querying and changing ------------------------------------------------------- */

static size_t find_path(const lede_state *state, const char *path)
{
    for (size_t i = state->n; i-- > 0;)
        if (strcmp(state->entries[i].path, path) == 0)
            return i;
    return state->n;
}

bool lede_state_get(const lede_state *state, const char *path, uint64_t hash, size_t *offset)
{
    size_t i = find_path(state, path);
    if (i == state->n || state->entries[i].hash != hash)
        return false;
    *offset = state->entries[i].offset;
    return true;
}

/* Removes entry i, keeping the order of the others. */
static void drop(lede_state *state, size_t i)
{
    free(state->entries[i].path);
    memmove(&state->entries[i], &state->entries[i + 1],
            (state->n - i - 1) * sizeof *state->entries);
    state->n--;
}

lede_status lede_state_set(lede_state *state, const char *path, uint64_t hash, size_t offset)
{
    if (path[0] == '\0' || strchr(path, '\n'))
        return LEDE_OK;
    char *copy = strdup(path);
    if (!copy)
        return LEDE_ERR_NOMEM;
    size_t i = find_path(state, path);
    if (i < state->n)
        drop(state, i);
    while (state->n >= LEDE_STATE_MAX)
        drop(state, 0);
    if (LEDE_GROW(state->entries, state->cap, state->n + 1) != LEDE_OK) {
        free(copy);
        return LEDE_ERR_NOMEM;
    }
    state->entries[state->n++] = (lede_state_entry){hash, offset, copy};
    return LEDE_OK;
}

/* --- writing --------------------------------------------------------------------- */

/* Creates dir and its missing parents with mode 0700. */
static lede_status make_dirs(const char *dir)
{
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return LEDE_ERR_IO;
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(path, 0700) != 0 && errno != EEXIST)
            return lede_status_from_errno(errno);
        *p = c;
        if (c == '\0')
            return LEDE_OK;
    }
}

static bool write_entries(const lede_state *state, FILE *f)
{
    if (fprintf(f, "%s\n", HEADER) < 0)
        return false;
    for (size_t i = 0; i < state->n; i++) {
        const lede_state_entry *e = &state->entries[i];
        if (fprintf(f, "%016llx %zu %s\n", (unsigned long long)e->hash, e->offset, e->path) < 0)
            return false;
    }
    return fflush(f) == 0 && fsync(fileno(f)) == 0;
}

/* The errno of a call that just failed; never 0, which would read as success. */
static int failed_errno(void)
{
    return errno ? errno : EIO;
}

/* Makes a rename in dir durable: until the directory itself is synced, a crash may
 * bring back the old file, or none. */
static lede_status sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return lede_status_from_errno(errno);
    /* EINVAL: a file system that cannot sync directories; there is nothing more to do. */
    int err = fsync(fd) != 0 && errno != EINVAL ? failed_errno() : 0;
    if (close(fd) != 0 && err == 0)
        err = failed_errno();
    return err ? lede_status_from_errno(err) : LEDE_OK;
}

/* Writes the directory of file into dir (PATH_MAX bytes) and creates it when missing. */
static lede_status state_dir(const char *file, char *dir)
{
    const char *slash = strrchr(file, '/');
    int n = slash ? snprintf(dir, PATH_MAX, "%.*s", (int)(slash - file), file)
                  : snprintf(dir, PATH_MAX, ".");
    if (n < 0 || n >= PATH_MAX)
        return LEDE_ERR_IO;
    return dir[0] ? make_dirs(dir) : LEDE_OK;
}

lede_status lede_state_save(const lede_state *state, const char *file)
{
    char dir[PATH_MAX], tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", file) < 0 || strlen(file) + 8 > sizeof tmp)
        return LEDE_ERR_IO;
    lede_status st = state_dir(file, dir);
    if (st != LEDE_OK)
        return st;
    int fd = mkstemp(tmp);
    if (fd < 0)
        return lede_status_from_errno(errno);
    FILE *f = fdopen(fd, "w");
    if (!f) {
        st = lede_status_from_errno(errno);
        close(fd);
        unlink(tmp);
        return st;
    }
    /* err is the errno of the first call that failed, taken right after it. */
    int err = write_entries(state, f) ? 0 : failed_errno();
    if (fclose(f) != 0 && err == 0)
        err = failed_errno();
    if (err == 0 && rename(tmp, file) != 0)
        err = failed_errno();
    if (err != 0) {
        unlink(tmp);
        return lede_status_from_errno(err);
    }
    return sync_dir(dir[0] ? dir : "/");
}

/* Takes an exclusive flock on directory dir, waiting at most LOCK_WAIT_MS. Returns the
 * descriptor that holds it (closing it unlocks), or -1 when there is none: the caller
 * then goes on without the lock, as lede did before it had one. */
static int lock_dir(const char *dir)
{
    int fd = open(dir[0] ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    const struct timespec step = {0, LOCK_STEP_MS * 1000000L};
    for (int waited = 0; flock(fd, LOCK_EX | LOCK_NB) != 0; waited += LOCK_STEP_MS) {
        if ((errno != EWOULDBLOCK && errno != EINTR) || waited >= LOCK_WAIT_MS) {
            close(fd);
            return -1;
        }
        nanosleep(&step, NULL);
    }
    return fd;
}

lede_status lede_state_remember(const char *file, const char *path, uint64_t hash, size_t offset,
                                FILE *diag)
{
    char dir[PATH_MAX];
    lede_status st = state_dir(file, dir);
    if (st != LEDE_OK)
        return st;
    int lock = lock_dir(dir);
    lede_state state;
    lede_state_init(&state);
    st = lede_state_load(&state, file, diag);
    if (st == LEDE_OK)
        st = lede_state_set(&state, path, hash, offset);
    if (st == LEDE_OK)
        st = lede_state_save(&state, file);
    lede_state_free(&state);
    if (lock >= 0)
        close(lock);
    return st;
}
