/* blob.c - look up files compiled into the binary. */
#include <string.h>
#include "lede/blob.h"

const struct lede_blob *lede_blob_find(const struct lede_blob *table, const char *name)
{
    for (; table->name; table++)
        if (strcmp(table->name, name) == 0)
            return table;
    return NULL;
}
