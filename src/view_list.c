/* view_list.c - the quotes list (placeholder until the list room is written). */
#include <stdlib.h>
#include "view_priv.h"

void view_list_free(lede_view *v)
{
    free(v->list);
    v->list = NULL;
    v->n_list = v->cap_list = 0;
}
