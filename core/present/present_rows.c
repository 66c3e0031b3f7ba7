/* present_rows.c: what the files of present/ share about the rows chosen and the reviewer's
 * decisions (present_internal.h). */
#include "present/present_internal.h"

int pc_rows_has(const pc_rows *rows, size_t i)
{
    if (!rows || !rows->idx)
        return 1;
    for (size_t k = 0; k < rows->n; k++)
        if (rows->idx[k] == i)
            return 1;
    return 0;
}

pc_table *pc_present_table(pc_report *r, const char *name, const pc_rows *rows, size_t ncols)
{
    if (!rows || !rows->filter)
        return pc_report_add_table(r, name, ncols);
    pc_buf b = {0};
    pc_buf_printf(&b, "%s (%s)", name, rows->filter);
    pc_table *t = b.data ? pc_report_add_table(r, b.data, ncols) : NULL;
    pc_buf_free(&b);
    return t;
}

pc_table *pc_present_table_head(pc_report *r, const char *name, const pc_rows *rows,
                                const char *const *head, size_t ncols)
{
    pc_table *t = pc_present_table(r, name, rows, ncols);
    if (!t || pc_table_add_row(t) < 0)
        return NULL;
    for (size_t i = 0; i < ncols; i++)
        pc_table_set(t, 0, i, head[i], PC_MARK_HEADER);
    return t;
}

const char *pc_present_review_word(const pc_decision *d, pc_review_fit fit)
{
    if (!d)
        return "";
    if (fit == PC_FIT_STALE)
        return "needs review again";
    return d->status == PC_REV_OPEN ? "" : pc_review_status_name(d->status);
}

json_t *pc_present_review_json(const pc_decision *d, pc_review_fit fit)
{
    return json_pack("{s:s, s:o, s:b}", "status", pc_review_status_name(d->status), "note",
                     d->note ? json_string(d->note) : json_null(), "stale", fit == PC_FIT_STALE);
}
