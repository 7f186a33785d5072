/* fuzz_state.c - arbitrary reading-position files through lede_state_load().
 *
 * state.h has no buffer API, so each input is written to a file in a private temporary
 * directory (on /dev/shm when there is one: no disk writes). Checks that a damaged file
 * never fails the load, that what loads obeys the format's rules (at most LEDE_STATE_MAX
 * entries, unique non-empty paths without a newline), and that saving and loading it
 * again gives the same entries. */
#include <string.h>
#include <unistd.h>
#include "fuzz.h"
#include "lede/state.h"

static char dir[64];
static char input[128], saved[128];
static FILE *devnull;

/* Leaves no files behind when libFuzzer exits. */
static void cleanup(void)
{
    unlink(input);
    unlink(saved);
    rmdir(dir);
}

static void setup(void)
{
    strcpy(dir,
           access("/dev/shm", W_OK) == 0 ? "/dev/shm/lede-fuzz.XXXXXX" : "/tmp/lede-fuzz.XXXXXX");
    FUZZ_CHECK(mkdtemp(dir) != NULL);
    snprintf(input, sizeof input, "%s/input", dir);
    snprintf(saved, sizeof saved, "%s/saved", dir);
    devnull = fopen("/dev/null", "w");
    FUZZ_CHECK(devnull != NULL);
    FUZZ_CHECK(atexit(cleanup) == 0);
}

static void write_input(const uint8_t *data, size_t size)
{
    FILE *f = fopen(input, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
}

static void check_entries(const lede_state *state)
{
    FUZZ_CHECK(state->n <= LEDE_STATE_MAX && state->n <= state->cap);
    for (size_t i = 0; i < state->n; i++) {
        const lede_state_entry *e = &state->entries[i];
        FUZZ_CHECK(e->path[0] != '\0' && strchr(e->path, '\n') == NULL);
        for (size_t j = 0; j < i; j++)
            FUZZ_CHECK(strcmp(state->entries[j].path, e->path) != 0);
        size_t offset;
        FUZZ_CHECK(lede_state_get(state, e->path, e->hash, &offset) && offset == e->offset);
        FUZZ_CHECK(!lede_state_get(state, e->path, e->hash ^ 1, &offset));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!devnull)
        setup();
    write_input(data, size);
    lede_state state;
    lede_state_init(&state);
    FUZZ_CHECK(lede_state_load(&state, input, devnull) == LEDE_OK);
    check_entries(&state);

    FUZZ_CHECK(lede_state_save(&state, saved) == LEDE_OK);
    lede_state again;
    lede_state_init(&again);
    FUZZ_CHECK(lede_state_load(&again, saved, NULL) == LEDE_OK);
    FUZZ_CHECK(again.n == state.n);
    for (size_t i = 0; i < state.n; i++) {
        const lede_state_entry *a = &state.entries[i], *b = &again.entries[i];
        FUZZ_CHECK(a->hash == b->hash && a->offset == b->offset && strcmp(a->path, b->path) == 0);
    }
    lede_state_free(&again);

    /* A new position is the newest entry and evicts the oldest when full. */
    FUZZ_CHECK(lede_state_set(&state, "/fuzz/new.txt", 7, 42) == LEDE_OK);
    size_t offset;
    FUZZ_CHECK(lede_state_get(&state, "/fuzz/new.txt", 7, &offset) && offset == 42);
    check_entries(&state);
    lede_state_free(&state);
    return 0;
}
