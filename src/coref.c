/* coref.c - which entity a source is.
 *
 * A name mention is its entity already; a pronoun or a description is resolved here.
 * Each question looks back a bounded number of mentions: constant per quote. */
#include "quotes_impl.h"

uint32_t coref_recent_person(const qctx *c, size_t offset)
{
    const lede_name *n = quote_name_from(c->names, offset);
    size_t i = n ? (size_t)(n - c->names->items) : c->names->n;
    for (size_t steps = 0; i > 0 && steps < 64; steps++) {
        const lede_name *m = &c->names->items[--i];
        if (c->model->entities[m->entity].type == LEDE_PERSON)
            return m->entity;
    }
    return LEDE_NONE;
}
