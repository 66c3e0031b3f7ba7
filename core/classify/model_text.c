/* model_text.c: a text classified whole by the rules (and, with options, the model), for
 * training and evaluation (see model_unit.h). */
#include "classify/model_unit.h"

#include <string.h>

int pc_model_text_open(pc_model_text *t, const pc_taxonomy *tax, pc_matcher *m,
                       const pc_classify_opts *opts, const char *name, const char *text,
                       size_t len, const char *heading, pc_error *err)
{
    memset(t, 0, sizeof *t);
    pc_error_clear(&t->empty);
    if (heading) {
        t->cls = pc_classify_text_with(tax, text, len, heading, opts, err);
        t->fields[0] = (pc_feat_field){heading, strlen(heading), 0, 1};
        t->fields[1] = (pc_feat_field){text, len, 0, 0};
        t->nfields = 2;
        return t->cls ? 0 : -1;
    }
    t->doc = pc_doc_from_memory(name, text, len, PC_FORMAT_TEXT, &t->empty);
    if (!t->doc)
        return 0; /* an empty or unusable text: a unit with nothing in it */
    t->outline = pc_segment(t->doc, err);
    if (t->outline && m)
        pc_matcher_classify(m, (const pc_outline *const *)&t->outline, 1, opts, &t->cls, err);
    else if (t->outline)
        t->cls = pc_classify_with(tax, t->outline, opts, err);
    if (!t->cls) {
        pc_model_text_free(t);
        return -1;
    }
    t->fields[0] = (pc_feat_field){t->doc->text, t->doc->len, 0, 0};
    t->nfields = 1;
    return 0;
}

void pc_model_text_free(pc_model_text *t)
{
    pc_classified_free(t->cls);
    pc_outline_free(t->outline);
    pc_doc_free(t->doc);
    memset(t, 0, sizeof *t);
}
