/* paths.c - folders on the command line opened up into their files (see paths.h). */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lede/grow.h"
#include "lede/paths.h"

typedef struct {
    char **items;
    size_t n, cap;
} path_list;

static lede_status push(path_list *l, const char *path)
{
    if (LEDE_GROW(l->items, l->cap, l->n + 1) != LEDE_OK)
        return LEDE_ERR_NOMEM;
    char *copy = strdup(path);
    if (!copy)
        return LEDE_ERR_NOMEM;
    l->items[l->n++] = copy;
    return LEDE_OK;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Appends the files below dir, sorted within each folder. */
static lede_status add_dir(path_list *l, const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return LEDE_OK; /* unreadable: the folder itself is kept by the caller */
    path_list names = {0};
    lede_status st = LEDE_OK;
    struct dirent *e;
    while (st == LEDE_OK && (e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            st = push(&names, e->d_name);
    closedir(d);
    if (names.n)
        qsort(names.items, names.n, sizeof *names.items, by_name);
    for (size_t i = 0; i < names.n && st == LEDE_OK; i++) {
        size_t len = strlen(dir) + strlen(names.items[i]) + 2;
        char *path = malloc(len);
        if (!path) {
            st = LEDE_ERR_NOMEM;
            break;
        }
        snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", names.items[i]);
        struct stat sb;
        if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            if (depth < LEDE_PATHS_DEPTH)
                st = add_dir(l, path, depth + 1);
        } else if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
            st = push(l, path);
        }
        free(path);
    }
    lede_paths_free(names.items, names.n);
    return st;
}

lede_status lede_paths_expand(char *const *paths, size_t n, char ***out, size_t *n_out)
{
    path_list l = {0};
    lede_status st = LEDE_OK;
    *out = NULL;
    *n_out = 0;
    for (size_t i = 0; i < n && st == LEDE_OK; i++) {
        size_t before = l.n;
        if (is_dir(paths[i]))
            st = add_dir(&l, paths[i], 1);
        if (st == LEDE_OK && l.n == before)
            st = push(&l, paths[i]);
    }
    if (st != LEDE_OK) {
        lede_paths_free(l.items, l.n);
        return st;
    }
    *out = l.items;
    *n_out = l.n;
    return LEDE_OK;
}

void lede_paths_free(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}
