/* segment.c: MINIMAL first version (one section, one clause per line) so the tree builds while
 * the real segmenter is written. Replaced by the full segmenter. */
#include "segment.h"

#include <stdlib.h>

size_t pc_sentence_end(const char *text, size_t start, size_t end)
{
    (void)text;
    (void)start;
    return end;
}

pc_outline *pc_segment(const pc_doc *doc, pc_error *err)
{
    pc_outline *o = calloc(1, sizeof *o);
    size_t cap = 0;
    if (!o) {
        pc_error_set(err, "%s: out of memory", doc->path);
        return NULL;
    }
    o->doc = doc;
    o->sections = calloc(1, sizeof *o->sections);
    o->nsections = 1;
    o->sections[0] = (pc_section){0, 0, 0, doc->len, 1, -1, 0, 0};
    size_t i = 0;
    while (i < doc->len) {
        size_t j = i;
        while (j < doc->len && doc->text[j] != '\n')
            j++;
        if (j > i) {
            pc_grow(&o->clauses, &cap, o->nclauses + 1, sizeof *o->clauses);
            o->clauses[o->nclauses++] = (pc_clause){i, j, 0, -1, PC_CLAUSE_SENTENCE};
        }
        i = j + 1;
    }
    o->sections[0].nclauses = o->nclauses;
    return o;
}

void pc_outline_free(pc_outline *o)
{
    if (!o)
        return;
    free(o->sections);
    free(o->clauses);
    free(o->chrome);
    free(o);
}
